"""Search as a reader uses it: typed phrases and pasted error messages, in real Chromium.

The queries are tests/search-queries.tsv (a page not built yet does not count) and, for the
errors page, every heading of that page turned back into the message a reader would paste:
with an object address, session ids, the module path and the sqlalche.me link.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import sqlalchemy.exc
import sqlalchemy.orm.exc
from bs4 import BeautifulSoup
from chromium import LOCAL, Visit

from conftest import ROOT

QUERIES = ROOT / "tests" / "search-queries.tsv"
BUDGET = 300_000  # bytes a search may transfer on a cold cache
EXCEPTION_HEADING = re.compile(r"^([A-Z]\w*(?:Error|Exception|Greenlet|Failure)): ")
SYNONYMS = [("懒加载", "延迟加载"), ("脱离", "游离"), ("自动提交", "AUTOCOMMIT")]


def read_queries() -> list[tuple[str, list[str]]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, pages = line.split("\t")
            rows.append((query, pages.split(",")))
    return rows


def pasted(heading: str) -> str:
    """The message a reader pastes for an errors-page heading: real values where it has ``...``."""
    name = EXCEPTION_HEADING.match(heading)[1]
    message = heading.split(" — ")[0]  # a Chinese gloss after the message is not part of it
    module = "sqlalchemy.orm.exc" if hasattr(sqlalchemy.orm.exc, name) else "sqlalchemy.exc"
    for pattern, value in [
        ("<User at 0x...>", "<User at 0x7f3a2c9e5d90>"),
        ("session '...'", "session '3'"),
        ("this is '...'", "this is '4'"),
        ("'...'", "'addresses'"),
        ("(...)", "(<class '__main__.User'>, (1,), None)"),
        ('"..."', '"user_account.id IN (SELECT address.user_id FROM address)"'),
        ("...", "Address.user"),
    ]:
        message = message.replace(pattern, value)
    return f"{module}.{message} (Background on this error at: https://sqlalche.me/e/21/bhk3)"


def error_sections(outdir: Path) -> list[tuple[str, set[str]]]:
    """(message to paste, ids that mean its section) for each error heading of errors.html."""
    soup = BeautifulSoup((outdir / "errors.html").read_text(encoding="utf-8"), "html.parser")
    cases = []
    for h2 in soup.select("section > h2"):
        heading = h2.get_text().rstrip("¶").strip()
        if EXCEPTION_HEADING.match(heading):
            section = h2.find_parent("section")
            labels = section.find_all(id=True, recursive=False)  # .. _error-...: targets
            ids = {section["id"], *(tag["id"] for tag in labels)}
            cases.append((pasted(heading), ids))
    return cases


def search(browser, site, query: str, cold: bool = False):
    """The result links search.html lists for query, what the page logged, bytes it loaded.

    A cold search gets a browser context of its own (an empty cache); the others share one
    page per browser, which loads search.html?q=... afresh for each query (a quarter of the
    time of a new context)."""
    if cold:
        context = browser.new_context()
        page, visit = watched(context.new_page())
    else:
        page, visit = shared_page(browser)
        visit.errors.clear()
        visit.outside.clear()
    requests = []
    if cold:
        page.on("requestfinished", lambda request: requests.append(request))
    page.goto(site + "search.html?q=" + quote(query))
    summary = "document.querySelector('#search-results .search-summary')"
    page.wait_for_function(summary, timeout=10_000)
    links = [a.get_attribute("href") for a in page.locator("#search-results a[href]").all()]
    size = 0
    if cold:
        page.wait_for_load_state("networkidle")
        sizes = [r.sizes() for r in requests]
        size = sum(max(0, s["responseBodySize"]) + s["responseHeadersSize"] for s in sizes)
        context.close()
    return links, Visit(outside=list(visit.outside), errors=list(visit.errors)), size


def watched(page) -> tuple:
    visit = Visit()
    page.route(LOCAL, visit.refuse)
    page.on("console", visit.console)
    page.on("pageerror", visit.uncaught)
    return page, visit


@functools.cache
def shared_page(browser) -> tuple:
    return watched(browser.new_context().new_page())


def page_of(link: str) -> str:
    return Path(urlsplit(link).path).stem


@pytest.fixture(scope="module")
def built(html_build) -> set[str]:
    return {html.stem for html in html_build.outdir.glob("*.html")}


@pytest.mark.parametrize("query, pages", read_queries(), ids=[q for q, _ in read_queries()])
def test_a_query_finds_its_page_first(browser, site, built, html_build, query, pages):
    want = [page for page in pages if page in built]
    if not want:
        pytest.skip(f"none of {pages} is built yet")
    links, visit, _ = search(browser, site, query)
    assert not visit.errors, f"search for {query!r} logged: {visit.errors}"
    assert links and page_of(links[0]) in want, f"search for {query!r} lists {links[:3]}"
    check_anchor(html_build.outdir, links[0])


def check_anchor(outdir: Path, link: str) -> None:
    """A result that names a section links to an id that its page has."""
    anchor = urlsplit(link).fragment
    if anchor:
        html = (outdir / Path(urlsplit(link).path).name).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, f"{link}: no such id on the page"


def test_every_page_is_found_by_its_title(browser, site, html_build):
    index = (html_build.outdir / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(index, "html.parser")
    chapters = {page_of(a["href"]): a.get_text() for a in soup.select(".sidebar-tree a.reference")}
    assert len(chapters) >= 8, chapters
    wrong = []
    for page, title in chapters.items():
        links, visit, _ = search(browser, site, title)
        if not links or page_of(links[0]) != page or visit.errors:
            wrong.append(f"{title!r} -> {links[:2]} {visit.errors}")
    assert not wrong, "pages not found first by their own title:\n" + "\n".join(wrong)


def test_a_pasted_error_message_finds_its_errors_page_section_first(browser, site, html_build):
    cases = error_sections(html_build.outdir)
    assert len(cases) >= 10, cases  # the errors page is made of them
    wrong = []
    for message, ids in cases:
        links, visit, _ = search(browser, site, message)
        first = urlsplit(links[0]) if links else None
        if not first or first.path.split("/")[-1] != "errors.html" or first.fragment not in ids:
            wrong.append(f"{message}\n  -> {links[:2]} (want #{sorted(ids)[0]})")
        wrong += visit.errors
    assert not wrong, f"{len(wrong)} of {len(cases)} messages:\n" + "\n".join(wrong)


@pytest.mark.parametrize("word, other", SYNONYMS)
def test_synonyms_find_the_same_section(browser, site, word, other):
    first, _, _ = search(browser, site, word)
    second, _, _ = search(browser, site, other)
    assert first and second, (word, first, other, second)
    assert section_of(first[0]) in {section_of(link) for link in second[:3]}, (
        f"{word!r} -> {first[:1]}, {other!r} -> {second[:3]}"
    )


def section_of(link: str) -> str:
    return f"{urlsplit(link).path}#{urlsplit(link).fragment}"


def test_a_search_transfers_little_on_a_cold_cache(browser, site):
    links, visit, size = search(browser, site, "DetachedInstanceError 游离对象", cold=True)
    assert links and not visit.errors and not visit.outside, (links, visit)
    assert size < BUDGET, f"a search loaded {size} bytes (budget {BUDGET})"


def test_following_a_result_highlights_without_errors(browser, site):
    """A result link carries the query's words; the page marks them and logs no error
    (Sphinx's highlighter used to throw on "'s", parent.getBBox is not a function)."""
    query = "This Session's transaction has been rolled back mode contents"
    links, visit, _ = search(browser, site, query)
    assert links and "highlight=" in links[0], links[:1]
    page = browser.new_page()
    page.on("console", visit.console)
    page.on("pageerror", visit.uncaught)
    page.goto(site + links[0])
    page.wait_for_timeout(200)
    marked = page.locator("span.highlighted").count()
    hide = page.locator(".highlight-link a").all_inner_texts()
    page.close()
    assert not visit.errors, visit.errors
    assert marked > 0, f"{links[0]}: nothing highlighted"
    # sphinx_highlight.js's link, in the language of the page (zhsearch.py orders the scripts)
    assert hide == ["隐藏搜索结果"], f"{links[0]}: the link to hide the matches says {hide}"


# The blocks compared: code, paragraphs, headings and glossary terms, the outermost of them
# (a <p> in a <dt> would count in the <dt>).
BLOCKS = "article :is(pre, p, h1, h2, h3, h4, dt)"
OUTERMOST = "[...document.querySelectorAll(blocks)].filter((e) => !e.parentElement.closest(blocks))"
# What sphinx_highlight.js can mark in each block: every match of each term inside one text
# node (it does not join nodes), none under button/select/textarea or .nohighlight. Counted
# before the terms are marked, in the order it marks them.
MARKABLE = (
    f"([blocks, terms]) => {OUTERMOST}"
    + """.map((block) => {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const skipped = node.parentElement.closest("button, select, textarea, .nohighlight");
    if (!skipped) texts.push(node.nodeValue);
  }
  let found = 0;
  for (const term of terms) {
    const rest = [];
    for (const text of texts) {
      const parts = text.toLowerCase().split(term);
      found += parts.length - 1;
      rest.push(...parts);  // a later term is not looked for inside an earlier term's match
    }
    texts = rest;
  }
  return [found, block.textContent.slice(0, 60)];
})"""
)
MARKED = (
    f"(blocks) => {OUTERMOST}"
    + """.map(
  (block) => [...block.querySelectorAll("span.highlighted")].map((mark) => mark.textContent))"""
)
HIGHLIGHT_PAGES = ["session-basics", "errors", "transactions", "glossary", "state-management"]


@pytest.mark.parametrize("name", HIGHLIGHT_PAGES)
def test_a_result_link_marks_every_match_of_its_words(browser, site, name):
    """Sphinx's highlighter skipped an element's last children, two per match before them
    (docs/_ext/highlightfix.py): in code, where names are text between spans, 1 in 5."""
    terms = ["session", "add", "会话"]
    page = browser.new_page()
    page.goto(f"{site}{name}.html")
    markable = page.evaluate(MARKABLE, [BLOCKS, terms])
    page.goto(f"{site}{name}.html?highlight={quote(' '.join(terms))}")
    page.wait_for_function("document.querySelector('span.highlighted')")
    marked = page.evaluate(MARKED, BLOCKS)
    page.close()
    assert len(marked) == len(markable), (name, len(marked), len(markable))
    wrong = [
        f"block {i}: {len(got)} of {want} marked: {text!r}"
        for i, (got, (want, text)) in enumerate(zip(marked, markable, strict=True))
        if len(got) != want
    ]
    wrong += [
        f"a mark around {text!r}" for got in marked for text in got if text.lower() not in terms
    ]
    assert sum(want for want, _ in markable) > 50, name  # the words are on the page
    assert not wrong, f"{name}.html: {len(wrong)} wrong\n" + "\n".join(wrong[:10])


def test_an_empty_or_unknown_query_says_so(browser, site):
    for query in ["", "0x7f3a2c9e5d90 https://sqlalche.me/e/21/bhk3"]:
        links, visit, _ = search(browser, site, query)
        assert links == [] and not visit.errors, (query, links, visit.errors)
