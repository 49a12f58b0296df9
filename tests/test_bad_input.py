"""Invariant 6: bad input fails the build or the tests, naming the file (and the cell).

The tests build throwaway sites with the real conf.py and extensions, pointing
``snippet_root`` at a temporary snippets/ folder. Every bad page is a page of one
site built once, and every failing snippet a snippet of one site doctested once;
each test then reads the message about its own page or snippet.
"""

import subprocess
import sys
import textwrap

import pytest

from conftest import DOCTEST_HASHSEED, run_snippet, shown_cells, sphinx_build

HELLO = """\
# %% setup
greeting = "hello"

# %% greet
print(greeting)
print("from")
print("the demo")
"""


class Site:
    def __init__(self, root):
        self.root = root
        (root / "docs").mkdir()
        (root / "snippets" / "demo").mkdir(parents=True)
        self.snippet("demo/hello.py", HELLO)

    def snippet(self, rel, text):
        (self.root / "snippets" / rel).write_text(text, encoding="utf-8")

    def page(self, body, name="index"):
        text = ":orphan:\n\nDemo\n====\n\n" + textwrap.dedent(body)
        (self.root / "docs" / f"{name}.rst").write_text(text, encoding="utf-8")

    def build(self, builder="dummy"):
        return sphinx_build(
            builder,
            self.root / "out",
            self.root / "docs",
            "-D",
            f"snippet_root={self.root / 'snippets'}",
        )


SHOW_BOTH = """
.. snippet:: demo/hello.py
   :cell: setup

.. snippet:: demo/hello.py
   :cell: greet

   hello
   from
   the demo
"""


@pytest.fixture
def site(tmp_path):
    return Site(tmp_path)


def test_a_correct_page_passes(site):
    site.page(SHOW_BOTH)
    build = site.build("doctest")
    assert build.returncode == 0, build.log
    assert "2 tests" in build.log


# -- snippets whose output is not what the page says: one doctest build ----------------

ECHO = """\
# %% setup
rows = ["alice", "bob"]

# %% query
print("BEGIN (implicit)")
print("SELECT user_account.name FROM user_account")
print("[generated in 0.00012s] ()")
for name in rows:
    print(name)
print("COMMIT   ")

# %% count
print(len(rows) / 0)

# %% after
print(rows)
"""
SHOW_ECHO = """
.. snippet:: demo/{name}.py
   :cell: setup

.. snippet:: demo/{name}.py
   :cell: query

   BEGIN (implicit)
   SELECT user_account.name FROM user_account
   [...] ()
   alice
   carol
   COMMIT

.. snippet:: demo/{name}.py
   :cell: count

   1.0

.. snippet:: demo/{name}.py
   :cell: after

   ['alice', 'bob']
"""
LEAKING = """\
# %% write
open("left.db", "w").close()
"""


@pytest.fixture(scope="module")
def failing_doctest(tmp_path_factory):
    """One doctest build of a site whose snippets fail in every way a cell can fail."""
    site = Site(tmp_path_factory.mktemp("doctest"))
    site.snippet("demo/echo.py", ECHO)
    site.snippet("demo/leaking.py", LEAKING)
    site.page(
        SHOW_BOTH.replace("   hello", "   hullo")
        + SHOW_ECHO.format(name="echo")
        + "\n.. snippet:: demo/leaking.py\n   :cell: write\n"
    )
    build = site.build("doctest")
    assert build.returncode != 0, build.log
    return build.report


def failure(report: str, location: str) -> str:
    """The part of a doctest report about the failure at location ('File "…", line N')."""
    for part in report.split("*" * 70):
        if location in part:
            return part
    raise AssertionError(f"no failure at {location} in the report:\n{report}")


def test_changed_expected_line_fails_with_a_diff_naming_file_line_and_cell(failing_doctest):
    part = failure(failing_doctest, "snippets/demo/hello.py\", line 4, cell 'greet'")
    assert "# %% greet  (demo/hello.py, line 4)" in part
    assert "-hullo\n" in part and "+hello\n" in part, part


def test_diff_shows_only_the_lines_that_really_differ(failing_doctest):
    part = failure(failing_doctest, "snippets/demo/echo.py\", line 4, cell 'query'")
    diff = part.partition("Lines that differ")[2]
    changed = [line.strip() for line in diff.splitlines() if line.lstrip()[:1] in "+-"]
    # "[...]" matches the timing, "COMMIT   " matches "COMMIT": neither is a difference.
    assert changed == ["-carol", "+bob"], part


def test_raising_cell_fails_naming_file_and_cell(failing_doctest):
    part = failure(failing_doctest, "snippets/demo/echo.py\", line 12, cell 'count'")
    assert "ZeroDivisionError: division by zero" in part, part


def test_a_failure_after_an_earlier_failure_of_the_snippet_says_so(failing_doctest):
    assert "(after cell" not in failure(failing_doctest, "line 4, cell 'query'")
    part = failure(failing_doctest, "line 12, cell 'count'")
    assert "(after cell 'query' of this snippet failed above" in part, part


def test_snippet_leaving_a_file_behind_fails_doctest(failing_doctest):
    part = failure(failing_doctest, 'snippets/demo/leaking.py"')
    assert "left files behind in its working directory: ['left.db']" in part, part


# -- standalone runs ---------------------------------------------------------------------


def test_raising_snippet_fails_the_standalone_run(site, tmp_path_factory):
    site.snippet("demo/hello.py", HELLO + "\nraise SystemExit(3)\n")
    problems = run_snippet(
        site.root / "snippets" / "demo" / "hello.py", tmp_path_factory.mktemp("w")
    )
    assert problems == ["snippets/demo/hello.py: exited with status 3:\n"]


def test_snippet_leaving_a_file_behind_fails_the_standalone_run(site, tmp_path_factory):
    site.snippet("demo/hello.py", HELLO + "\nopen('left.db', 'w').close()\n")
    problems = run_snippet(
        site.root / "snippets" / "demo" / "hello.py", tmp_path_factory.mktemp("w")
    )
    assert problems == [
        "snippets/demo/hello.py: left files behind in its working directory: ['left.db']"
    ]


UNORDERED = """\
# %% names
print(list({"alice", "bob", "carol", "dave"}))
"""


def test_output_that_depends_on_the_hash_seed_fails_the_standalone_run(site, tmp_path_factory):
    """The page holds what the doctest build's seed prints; the standalone run's seed differs."""
    site.snippet("demo/unordered.py", UNORDERED)
    script = site.root / "snippets" / "demo" / "unordered.py"
    env = {"PYTHONHASHSEED": DOCTEST_HASHSEED}
    recorded = subprocess.run([sys.executable, script], capture_output=True, text=True, env=env)
    site.page(f".. snippet:: demo/unordered.py\n   :cell: names\n\n   {recorded.stdout}")
    shown = shown_cells(site.root / "docs")["demo/unordered.py"]
    problems = run_snippet(script, tmp_path_factory.mktemp("w"), shown)
    assert len(problems) == 1 and "PYTHONHASHSEED=1" in problems[0], problems
    assert "[cell 'names']" in problems[0], problems


# -- pages the build refuses: one build, one page per case ----------------------------

BAD_PAGES = {
    "missing-file": (
        SHOW_BOTH.replace("hello.py\n   :cell: greet", "missing.py\n   :cell: greet"),
        "snippet demo/missing.py: no such file",
    ),
    "unknown-cell": (
        SHOW_BOTH.replace(":cell: greet", ":cell: greeet"),
        "snippet demo/{name}.py: unknown cell 'greeet'; its cells are setup, greet",
    ),
    "shown-twice": (
        SHOW_BOTH + SHOW_BOTH.split("\n\n")[1],
        "snippet demo/{name}.py: cell 'greet' is shown twice",
    ),
    "out-of-order": (
        "\n\n".join(reversed(SHOW_BOTH.strip().split("\n\n"))),
        "snippet demo/{name}.py: cell 'setup' is shown after 'greet'",
    ),
    "cell-not-shown": (
        SHOW_BOTH.split("\n\n")[1],
        "snippet demo/{name}.py: cells not shown on the page: setup",
    ),
    "python-block": (
        SHOW_BOTH + "\n.. code-block:: python\n\n   print('untested')\n",
        "a 'python' block that is not a snippet cell",
    ),
    "literal-block": (
        SHOW_BOTH + "\nA literal block::\n\n   print('untested')\n",
        "a literal (::) block that is not a snippet cell",
    ),
    "hint-written-out": (
        SHOW_BOTH.replace(":cell: setup", ":cell: setup\n   :collapsed: 模型（点击展开）"),
        "snippet demo/{name}.py: write :collapsed: without （点击展开）, it is added",
    ),
    "no-cell-markers": (SHOW_BOTH, "{name}.py:1: code before the first '# %% <cell>' marker"),
}


@pytest.fixture(scope="module")
def bad_pages(tmp_path_factory):
    """One build of a site with every bad page (each showing its own copy of hello.py)."""
    site = Site(tmp_path_factory.mktemp("bad"))
    for name, (body, _) in BAD_PAGES.items():
        site.snippet(f"demo/{name}.py", HELLO)
        site.page(body.replace("demo/hello.py", f"demo/{name}.py"), name)
    site.snippet("demo/no-cell-markers.py", "print('no cells')\n")
    site.page("No snippet here.\n")  # and hello.py is not shown anywhere
    build = site.build()
    assert build.returncode != 0, build.log
    return site, build.log


@pytest.mark.parametrize("name", BAD_PAGES)
def test_bad_page_fails_the_build_with_a_clear_message(bad_pages, name):
    site, log = bad_pages
    message = BAD_PAGES[name][1].format(name=name)
    place = site.root / "docs" / f"{name}.rst"
    lines = [line for line in log.splitlines() if message in line]
    assert lines, f"no {message!r} in the build log:\n{log}"
    assert lines[0].startswith(str(place)), f"the message does not name the file: {lines[0]}"


def test_a_snippet_on_no_page_is_named_by_its_own_path(bad_pages):
    site, log = bad_pages
    hello = site.root / "snippets" / "demo" / "hello.py"
    assert f"{hello}:1: WARNING: snippet demo/hello.py is not shown on any page" in log, log


def test_a_cell_shown_out_of_order_is_not_also_called_missing(bad_pages):
    _, log = bad_pages
    assert "snippet demo/out-of-order.py: cells not shown" not in log, log
