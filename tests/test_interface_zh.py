"""The interface around the Chinese text is Chinese too: furo's strings, translated."""

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
