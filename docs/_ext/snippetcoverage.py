"""Every snippet file is shown on exactly one page, and every one of its cells is shown."""

from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from cells import SnippetError, all_snippets, read_cells

logger = logging.getLogger(__name__)


def file_node(path: Path) -> nodes.Element:
    """A location for a warning about a file that is not a page (a string would get ".rst")."""
    node = nodes.Element()
    node.source, node.line = str(path), 1
    return node


def init_env(app, env, docnames) -> None:
    """env.snippet_shown: {page: {snippet: [cells shown, in order]}}, kept by snippet.py."""
    if not hasattr(env, "snippet_shown"):
        env.snippet_shown = {}


def purge_doc(app, env, docname) -> None:
    env.snippet_shown.pop(docname, None)


def merge_info(app, env, docnames, other) -> None:
    env.snippet_shown.update(
        {d: other.snippet_shown[d] for d in docnames if d in other.snippet_shown}
    )


def check_coverage(app, env) -> None:
    """Every snippet file is shown on exactly one page, every one of its cells."""
    root = Path(app.config.snippet_root)
    pages: dict[str, list[str]] = {}
    for docname, snippets in sorted(env.snippet_shown.items()):
        for rel in snippets:
            pages.setdefault(rel, []).append(docname)
    for rel in all_snippets(root):
        shown_on = pages.get(rel, [])
        if not shown_on:
            location = file_node(root / rel)
            logger.warning("snippet %s is not shown on any page", rel, location=location)
        elif len(shown_on) > 1:
            logger.warning(
                "snippet %s is shown on several pages: %s",
                rel,
                ", ".join(shown_on),
                location=shown_on[1],
            )
        else:
            try:
                cells = read_cells(root / rel)
            except SnippetError:
                continue  # already reported by the directive
            missing = [n for n in cells if n not in env.snippet_shown[shown_on[0]][rel]]
            if missing:
                logger.warning(
                    "snippet %s: cells not shown on the page: %s",
                    rel,
                    ", ".join(missing),
                    location=shown_on[0],
                )


def setup(app):
    app.connect("env-before-read-docs", init_env)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-check-consistency", check_coverage)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
