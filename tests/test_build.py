"""Invariants 4 and 5, and search: the HTML build of the whole site."""

import json
import re

import pytest
import sqlalchemy
from bs4 import BeautifulSoup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from pygments.style import Style
from pygments.token import Name, Punctuation, Whitespace
from sphinx.search.zh import SearchChinese

from conftest import DOCS
from highlightfix import LIVE, SNAPSHOT, checked, fixed
from plainspans import formatter_for, plain_tokens

PYTHON_HIGHLIGHT = re.compile(r"^highlight-(python3?|py|pycon|default|ipython\d?)$")


def test_html_build_has_zero_warnings(html_build):
    assert html_build.returncode == 0, html_build.log
    assert "WARNING" not in html_build.log, html_build.log


def test_every_python_block_is_a_snippet_cell(html_build):
    escaped = []
    for page in sorted(html_build.outdir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for block in soup.find_all(class_=PYTHON_HIGHLIGHT):
            if not block.find_parent(class_="snippet"):
                escaped.append(f"{page.name}: {block.get_text()[:60]!r}")
    assert not escaped, "Python code not run by doctest:\n" + "\n".join(escaped)


def test_line_breaks_in_chinese_prose_do_not_become_spaces(html_build):
    punct, han = "\u3000-\u303f\uff00-\uffef", "\u4e00-\u9fff"
    shown_as_space = re.compile(rf"[{punct}]\s*\n|\n\s*[{punct}]|[{han}]\s*\n\s*[{han}]")
    for page in sorted(html_build.outdir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for paragraph in soup.select("article p"):  # list items hold their text in <p> too
            match = shown_as_space.search(paragraph.get_text())
            assert not match, f"{page.name}: a line break shown as a space: {match[0]!r}"


def search_index(html_build) -> dict:
    text = (html_build.outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_search_index_segments_chinese_into_words(html_build):
    """jieba cuts sentences into words; without it (or with another indexer) whole
    clauses become single search terms that no query ever matches."""
    index = search_index(html_build)
    terms = [*index["terms"], *index["titleterms"]]
    words = [t for t in terms if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t)]
    clauses = [t for t in terms if re.fullmatch(r"[\u4e00-\u9fff]{9,}", t)]
    assert len(words) > 1000 and not clauses, (len(words), clauses[:5])


@pytest.mark.parametrize(
    "word, page",
    [
        ("会话", "session-basics"),
        ("事务", "transactions"),
        ("提交", "session-basics"),
        ("回滚", "transactions"),
        ("过期", "state-management"),
        ("保存点", "transactions"),
        ("级联", "cascades"),
        ("悲观锁", "concurrency"),
        ("sessionmaker", "session-basics"),
        ("autoflush", "session-basics"),
        ("DetachedInstanceError", "errors"),
    ],
)
def test_search_index_has_the_word(html_build, word, page):
    index = search_index(html_build)
    term = SearchChinese({"dict": ""}).stem(word)
    pages = set()
    for kind in ("terms", "titleterms"):  # words of a heading are indexed only as title terms
        found = index[kind].get(term, [])
        pages.update([found] if isinstance(found, int) else found)
    assert pages, f"{word!r} (indexed as {term!r}) is not in the search index"
    assert index["docnames"].index(page) in pages, f"{word!r} is not indexed on {page}"


def test_api_inventory_is_for_the_pinned_sqlalchemy():
    header = (DOCS / "_intersphinx" / "sqlalchemy.inv").read_bytes().split(b"\n", 3)
    assert header[2] == f"# Version: {sqlalchemy.__version__}".encode(), (
        "docs/_intersphinx/sqlalchemy.inv is for another SQLAlchemy: run `make inventory`"
    )


def test_every_cell_caption_links_to_its_whole_runnable_file(html_build):
    for page in sorted(html_build.outdir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for snippet in soup.select("div.snippet"):
            link = snippet.select_one(".code-block-caption a.download")
            assert link is not None, f"{page.name}: a snippet cell without a download link"
            rel = link.get_text()
            served = (html_build.outdir / link["href"]).read_text(encoding="utf-8")
            assert served == (DOCS.parent / "snippets" / rel).read_text(encoding="utf-8"), rel


def test_code_tokens_drawn_like_their_text_carry_no_span(html_build):
    """plainspans.py: a name, a punctuation mark or a run of spaces draws like the code around
    it in both colour schemes, so it is plain text, not one of thousands of <span>s."""
    spans = 0
    for page in sorted(html_build.outdir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        spans += len(soup.select(".highlight span.n, .highlight span.p, .highlight span.w"))
    assert spans == 0, f"{spans} <span class=n|p|w> in highlighted code"


def test_a_token_drawn_unlike_its_text_keeps_its_span():
    class Plain(Style):
        styles = {Whitespace: "#777777"}  # a space shows no colour

    class Coloured(Style):
        styles = {Punctuation: "#ff0000", Whitespace: "bg:#eeeeee"}  # a background shows

    assert plain_tokens(Plain) == {Name, Punctuation, Whitespace}
    assert plain_tokens(Plain, Coloured) == {Name}
    code = 'with Session(engine) as session:\n    session.add(User(name="alice"))\n'
    plain = highlight(code, PythonLexer(), formatter_for(plain_tokens(Plain, Coloured))())
    assert '<span class="p">(</span>' in plain and '<span class="n">' not in plain
    full = highlight(code, PythonLexer(), HtmlFormatter())

    def text(html):
        return BeautifulSoup(html, "html.parser").get_text()

    assert text(plain) == text(full) and code in text(full)


def test_the_highlighter_fix_is_applied_or_says_why_not(html_build, tmp_path):
    """highlightfix.py: the copied sphinx_highlight.js walks a copy of each child list; a
    Sphinx whose highlighter no longer has the line, or the file, gets a warning naming it."""
    script = (html_build.outdir / "_static" / "sphinx_highlight.js").read_text(encoding="utf-8")
    assert SNAPSHOT in script and f" {LIVE}" not in script
    assert fixed(script) == script  # a second build leaves it alone
    path = tmp_path / "sphinx_highlight.js"
    assert checked(path) == f"{path}: no such file: Sphinx renamed its highlighter; update " + (
        "docs/_ext/highlightfix.py"
    )
    path.write_text("node.children.forEach(", encoding="utf-8")
    assert checked(path).startswith(f"{path}: expected 'node.childNodes.forEach(' once, found it 0")
    path.write_text(f"    {LIVE}(el) => f(el));", encoding="utf-8")
    assert (
        checked(path) == "" and path.read_text(encoding="utf-8") == f"    {SNAPSHOT}(el) => f(el));"
    )
