"""The page head and interface: furo's strings in Chinese, one viewport meta tag."""

from __future__ import annotations

import re

# furo's interface strings (templates, aria-labels, icon titles), as it writes them in English.
# ("Hide Search Matches" is not here: sphinx_highlight.js writes it, not the template.)
ENGLISH = [
    "On this page",
    "Back to top",
    "Next",
    "Previous",
    "Skip to content",
    "View this page",
    "Edit this page",
    "Toggle Light / Dark / Auto color theme",
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "<title>Contents</title>",
    "<title>Menu</title>",
    "<title>Light mode</title>",
    "<title>Dark mode</title>",
]


def test_index_page_shows_no_english_interface_string(html_build):
    html = (html_build.outdir / "index.html").read_text(encoding="utf-8")
    found = [text for text in ENGLISH if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", html)]
    assert not found, f"index.html still says, in English: {found}"


def test_every_page_has_one_viewport_meta_tag(html_build):
    counts = {
        html.name: len(re.findall(r'<meta name="viewport"', html.read_text(encoding="utf-8")))
        for html in sorted(html_build.outdir.glob("*.html"))
    }
    wrong = {name: count for name, count in counts.items() if count != 1}
    assert counts and not wrong, f'pages without exactly one <meta name="viewport">: {wrong}'


def test_every_glossary_term_has_a_named_anchor_and_links_reach_it(html_build):
    glossary = (html_build.outdir / "glossary.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'<dt id="([^"]+)"', glossary))
    numbered = sorted(i for i in ids if re.fullmatch(r"term-\d+", i))
    assert ids and not numbered, f"glossary terms with a serial-number anchor: {numbered}"
    broken = set()
    for html in sorted(html_build.outdir.glob("*.html")):
        for target in re.findall(r'href="glossary\.html#(term-[^"]+)"', html.read_text("utf-8")):
            if target not in ids:
                broken.add(f"{html.name} -> #{target}")
    assert not broken, f"links to glossary terms that do not exist: {sorted(broken)}"
