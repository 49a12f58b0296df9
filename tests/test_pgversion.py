"""Each page with PostgreSQL output names the PostgreSQL it ran on, and the doctest checks it.

See docs/_ext/pgversion.py (the ``.. postgres-version::`` line and its check) and conf.py
(postgres_version).
"""

import psycopg
import pytest
from bs4 import BeautifulSoup

import pgserver
from conftest import DOCS, SNIPPETS, conf_constant, shown_cells, sphinx_build
from test_bad_input import SHOW_BOTH, Site

LINE = "本页的 PostgreSQL 输出录自 PostgreSQL {}，测试时在同一主版本上逐行核对。"
PG_SNIPPET = """\
# %% setup
from sqlalchemy import create_engine, text

engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test")

# %% query
with engine.connect() as conn:
    print(conn.scalar(text("SELECT 1")))
"""
SHOW_PG = """
.. snippet:: demo/pg.py
   :cell: setup

.. snippet:: demo/pg.py
   :cell: query

   1
"""


def postgres_pages() -> dict[str, set[str]]:
    """page name -> the PostgreSQL snippets it shows, read from the reST sources."""
    pages: dict[str, set[str]] = {}
    for rel, shown in shown_cells(DOCS).items():
        if pgserver.needs_postgres(SNIPPETS / rel):
            for cell in shown:
                pages.setdefault(cell.page.removesuffix(".rst"), set()).add(rel)
    return pages


def test_every_page_with_postgresql_output_names_the_version_once_above_it(html_build):
    expected = LINE.format(conf_constant("postgres_version"))
    pages, problems = postgres_pages(), []
    assert {"concurrency", "transactions"} <= set(pages), sorted(pages)
    for html in sorted(html_build.outdir.glob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        order = {id(tag): i for i, tag in enumerate(soup.find_all(True))}
        lines = soup.select("p.postgres-version")
        snippets = pages.get(html.stem, set())
        if not snippets:
            problems += [f"{html.name}: a version line without PostgreSQL output"] if lines else []
            continue
        first = min(
            (pre for pre in soup.select("pre[aria-label]") if pre["aria-label"].split(" · ")[0]
             in snippets),
            key=lambda pre: order[id(pre)],
        )  # fmt: skip
        if [line.get_text() for line in lines] != [expected]:
            problems.append(f"{html.name}: version lines {[x.get_text() for x in lines]}")
        elif order[id(lines[0])] > order[id(first)]:
            problems.append(f"{html.name}: the version line is below {first['aria-label']}")
    assert not problems, f"expected one line {expected!r} above the first PostgreSQL output: " + (
        "; ".join(problems)
    )


def test_the_version_a_page_names_is_checked_against_the_server(postgres, tmp_path):
    with psycopg.connect(pgserver.SNIPPET_DSN) as conn:
        actual = int(conn.execute("SHOW server_version_num").fetchone()[0]) // 10000
    site = Site(tmp_path)
    site.snippet("demo/pg.py", PG_SNIPPET)
    site.page(SHOW_BOTH + "\n.. postgres-version::\n" + SHOW_PG)
    builds = {}
    for version in (actual, actual + 1):
        builds[version] = sphinx_build(
            "doctest", tmp_path / f"out-{version}", site.root / "docs",
            "-D", f"snippet_root={site.root / 'snippets'}", "-D", f"postgres_version={version}",
        )  # fmt: skip
    right, wrong = builds[actual], builds[actual + 1]
    assert right.returncode == 0 and "0 failures in tests" in right.log, right.log
    assert "5 tests" in right.log, right.log  # hello's 2 cells, pg's 2 cells, the version check
    assert wrong.returncode != 0, wrong.log
    page = site.root / "docs" / "index.rst"
    message = (
        f"AssertionError: {page} says its PostgreSQL output ran on PostgreSQL {actual + 1}, "
        f"but the snippets' server is PostgreSQL {actual}."
    )
    assert message in wrong.report, wrong.report
    assert "1 failure in tests" in wrong.report, wrong.report


VERSION = "\n.. postgres-version::\n"
SHOW_SETUP = "\n.. snippet:: demo/pg.py\n   :cell: setup\n"  # of a snippet with no PostgreSQL
MISPLACED = {  # page: (body, snippet, the warning)
    "no-line": (SHOW_PG, PG_SNIPPET, "shows PostgreSQL output (demo/{name}.py) but does not say"),
    "below": (
        SHOW_PG + VERSION,
        PG_SNIPPET,
        "says which PostgreSQL ran its output only below its first PostgreSQL snippet",
    ),
    "twice": (VERSION + SHOW_PG + VERSION, PG_SNIPPET, "ran its output 2 times: once is enough"),
    "no-postgres": (
        VERSION + SHOW_SETUP,
        "# %% setup\ngreeting = 'hello'\n",
        "says which PostgreSQL ran its output but shows no PostgreSQL output",
    ),
}


@pytest.fixture(scope="module")
def misplaced(tmp_path_factory):
    """One build of a site with every missing or misplaced version line, one page each."""
    site = Site(tmp_path_factory.mktemp("misplaced"))
    for name, (body, snippet, _) in MISPLACED.items():
        site.snippet(f"demo/{name}.py", snippet)
        site.page(body.replace("demo/pg.py", f"demo/{name}.py"), name)
    site.page(SHOW_BOTH)  # index.rst shows hello.py
    build = site.build()
    assert build.returncode != 0, build.log
    return site, build.log


@pytest.mark.parametrize("name", MISPLACED)
def test_a_missing_or_misplaced_version_line_fails_the_build(misplaced, name):
    site, log = misplaced
    message = MISPLACED[name][2].format(name=name)
    lines = [line for line in log.splitlines() if message in line]
    assert lines, f"no {message!r} in the build log:\n{log}"
    assert lines[0].startswith(str(site.root / "docs" / f"{name}.rst")), lines[0]
