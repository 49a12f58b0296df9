"""Describe every HTML page (meta description, Open Graph) by its first paragraph."""

from __future__ import annotations

import re
from html import escape

from docutils import nodes
from sphinx.locale import _

# Search engines show about 120 Chinese characters at most; cut at a sentence end.
LIMIT = 120
OWN_DESCRIPTION = re.compile(r'<meta\b[^>]*\bname="description"[^>]*>')


def one_line(node: nodes.Node) -> str:
    # Line breaks between Chinese characters are already gone (cjkspacing, a post-transform).
    return " ".join(node.astext().split())


def first_paragraph(doctree: nodes.document) -> str:
    """The first paragraph of running text (not in a note or caption), on one line.

    A paragraph that introduces a list ("读完这一页，你将能够：") goes on with its items.
    """
    for para in doctree.findall(nodes.paragraph):
        if isinstance(para.parent, (nodes.section, nodes.document)):
            text = one_line(para)
            following = para.next_node(descend=False, siblings=True)
            if text.endswith(("：", ":")) and isinstance(following, nodes.Sequential):
                text += "；".join(one_line(item).rstrip("；;。.") for item in following.children)
            return text
    return ""


def shorten(text: str) -> str:
    if len(text) <= LIMIT:
        return text
    cut = text[:LIMIT]
    end = max(cut.rfind(mark) for mark in ("。", "；", "：", "，", ". "))
    if end <= LIMIT // 2:
        return cut[: LIMIT - 1] + "…"
    return cut[: end + 1] if cut[end] in "。." else cut[:end] + "…"


def add_meta(app, pagename, templatename, context, doctree) -> None:
    special = {"genindex": _("Index"), "search": _("Search")}  # pages without a doctree
    title = re.sub(
        r"<[^>]+>", "", str(special.get(pagename) or context.get("title") or app.config.project)
    )
    metatags = context.get("metatags", "")
    own = OWN_DESCRIPTION.search(metatags)  # the page's own ".. meta:: :description: ..."
    if own:
        description = re.search(r'content="([^"]*)"', own[0])[1]
    else:
        description = escape(shorten(first_paragraph(doctree)) if doctree else "")
        description = description or escape(f"{title} · {app.config.project}")
    tags = [] if own else [("name", "description", description)]
    tags += [
        ("property", "og:title", escape(title)),
        ("property", "og:description", description),
        ("property", "og:type", "website"),
        ("property", "og:site_name", escape(app.config.project)),
        ("property", "og:locale", escape(app.config.language or "en")),
    ]
    if app.config.html_baseurl:
        url = app.config.html_baseurl.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
        tags.append(("property", "og:url", escape(url)))
    context["metatags"] = metatags + "".join(
        f'\n    <meta {kind}="{name}" content="{value}">' for kind, name, value in tags
    )


def setup(app):
    app.connect("html-page-context", add_meta)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
