"""Invariant 6: bad input fails the build or the tests, naming the file (and the cell).

Each test builds a throwaway site with the real conf.py and extensions, pointing
``snippet_root`` at a temporary snippets/ folder.
"""

import textwrap

import pytest

from conftest import run_snippet, sphinx_build

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

    def page(self, body):
        text = "Demo\n====\n\n" + textwrap.dedent(body)
        (self.root / "docs" / "index.rst").write_text(text, encoding="utf-8")

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


def test_changed_expected_line_fails_with_a_diff_naming_file_and_cell(site):
    site.page(SHOW_BOTH.replace("   hello", "   hullo"))
    build = site.build("doctest")
    assert build.returncode != 0
    assert "# %% greet  (demo/hello.py, line 4)" in build.log
    assert "-hullo\n" in build.log and "+hello\n" in build.log, build.log


def test_raising_cell_fails_doctest_naming_file_and_cell(site):
    site.snippet("demo/hello.py", HELLO.replace("print(greeting)", "print(greeting / 0)"))
    site.page(SHOW_BOTH)
    build = site.build("doctest")
    assert build.returncode != 0
    assert "# %% greet  (demo/hello.py, line 4)" in build.log
    assert "TypeError: unsupported operand" in build.log, build.log


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


@pytest.mark.parametrize(
    "body, message",
    [
        (
            SHOW_BOTH.replace("hello.py\n   :cell: greet", "missing.py\n   :cell: greet"),
            "snippet demo/missing.py: no such file",
        ),
        (
            SHOW_BOTH.replace(":cell: greet", ":cell: greeet"),
            "snippet demo/hello.py: unknown cell 'greeet'; its cells are setup, greet",
        ),
        (
            SHOW_BOTH + SHOW_BOTH.split("\n\n")[1],
            "snippet demo/hello.py: cell 'greet' is shown twice",
        ),
        (
            "\n\n".join(reversed(SHOW_BOTH.strip().split("\n\n"))),
            "snippet demo/hello.py: cell 'setup' is shown after 'greet'",
        ),
        (SHOW_BOTH.split("\n\n")[1], "snippet demo/hello.py: cells not shown on the page: setup"),
        ("No snippet here.\n", "snippet demo/hello.py is not shown on any page"),
        (
            SHOW_BOTH + "\n.. code-block:: python\n\n   print('untested')\n",
            "a 'python' block that is not a snippet cell",
        ),
        (
            SHOW_BOTH + "\nA literal block::\n\n   print('untested')\n",
            "a literal (::) block that is not a snippet cell",
        ),
    ],
)
def test_bad_page_fails_the_build_with_a_clear_message(site, body, message):
    site.page(body)
    build = site.build()
    assert build.returncode != 0
    assert message in build.log, build.log


def test_snippet_without_cell_markers_fails_the_build(site):
    site.snippet("demo/hello.py", "print('no cells')\n")
    site.page(SHOW_BOTH)
    build = site.build()
    assert build.returncode != 0
    assert "hello.py:1: code before the first '# %% <cell>' marker" in build.log, build.log
