"""The errors page: every section heading is the message its cells really print.

A reader finds a section by the message on their screen, so a heading that has
drifted from what SQLAlchemy prints (a reworded message, a gloss added to the
title) hides the section.  The headings come from the html build's doctree; the
messages come from running the cells shown in each section, not from the page.
"""

import concurrent.futures
import contextlib
import io
import pickle
import re

import pytest
from echolog import capture_echo

from cells import read_cells
from conftest import SNIPPETS

# Reading an expired attribute under asyncio (the MissingGreenlet cells) leaves an
# un-awaited coroutine inside the async driver; the warning is about the library.
pytestmark = pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")

# Sections of the page that are not about one error message.
NOT_AN_ERROR = {"怎样使用这一页", "要点", "常见错误"}
# "# %% name  (page/file.py, line N)": the first line of a shown cell's test code.
CELL_MARKER = re.compile(r"# %% (?P<name>[\w-]+)  \(")


def sections(doctree_path) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(snippet, cell), ...]) for every section of the errors page."""
    from docutils import nodes

    with open(doctree_path, "rb") as file:
        doctree = pickle.load(file)
    page = doctree.next_node(nodes.section)
    found = []
    for section in page.children:
        if not isinstance(section, nodes.section):
            continue
        shown = [
            (block["snippet"], CELL_MARKER.match(block["test"])["name"])
            for block in section.findall(nodes.literal_block)
            if block.get("testnodetype") == "testcode"
        ]
        found.append((section[0].astext(), shown))
    return found


def run_cells(rel: str) -> dict[str, str]:
    """Run a snippet cell by cell, as doctest does; return what each cell printed.

    In a thread of its own: the worker's browser (Playwright's sync API) keeps an event loop
    running in the main thread, where the snippets' asyncio.run() would refuse to start.
    """
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(run_cells_here, rel).result()


def run_cells_here(rel: str) -> dict[str, str]:
    path = SNIPPETS / rel
    capture_echo()
    namespace = {"__name__": "__main__", "__file__": str(path)}
    printed = {}
    for cell in read_cells(path).values():
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(cell.code + "\n", f"{path}:{cell.name}", "exec"), namespace)
        printed[cell.name] = out.getvalue()
    return printed


def heading_pattern(heading: str) -> re.Pattern:
    """'Error: message with ... in it' -> a pattern for the line 'Error message with ...'.

    The snippets print ``type(exc).__name__, exc``, so the class and the message are
    separated by a space where the heading has ': '.  ``...`` stands for any text
    (an address, an id, an exception inserted into the message, even several lines).
    """
    name, _, message = heading.partition(": ")
    parts = [re.escape(" ".join(part.split())) for part in f"{name} {message}".split("...")]
    parts = [part.replace(r"\ ", r"\s+") for part in parts]
    return re.compile(r"^" + r"\s*[\s\S]*?\s*".join(parts), re.MULTILINE)


@pytest.fixture(scope="module")
def error_sections(html_build):
    return [
        (heading, shown)
        for heading, shown in sections(html_build.outdir / ".doctrees" / "errors.doctree")
        if heading not in NOT_AN_ERROR
    ]


def test_the_errors_page_has_error_sections(error_sections):
    assert len(error_sections) > 10, [heading for heading, _ in error_sections]


def test_every_heading_is_the_message_its_cells_print(error_sections, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a snippet that forgot to clean up cannot litter the repository
    printed = {}
    wrong = []
    for heading, shown in error_sections:
        name, _, message = heading.partition(": ")
        if not shown:
            wrong.append(f"{heading!r}: the section shows no cell")
            continue
        if not message or len(message.replace("...", "").strip()) < 20:
            wrong.append(f"{heading!r}: not 'ErrorClass: message', or the message is mostly '...'")
            continue
        for rel, _ in shown:
            if rel not in printed:
                printed[rel] = run_cells(rel)
        outputs = {f"{rel} · {cell}": printed[rel][cell] for rel, cell in shown}
        pattern = heading_pattern(heading)
        if not any(pattern.search(output) for output in outputs.values()):
            lines = {line for out in outputs.values() for line in out.splitlines() if name in line}
            wrong.append(
                f"{heading!r} is printed by none of its cells ({', '.join(outputs)}); "
                f"their lines naming {name}: {sorted(lines) or 'none'}"
            )
    assert not wrong, "\n".join(wrong)
