"""Invariant 2: every cell shown on a page prints exactly the output the page shows."""

import re

from cells import all_snippets, read_cells
from conftest import SNIPPETS


def test_every_shown_cell_prints_what_the_page_says(doctest_build):
    assert doctest_build.returncode == 0, doctest_build.log
    assert " 0 failures in tests" in doctest_build.log, doctest_build.log


def test_doctest_runs_every_cell_of_every_snippet(doctest_build):
    ran = int(re.search(r"(\d+) tests", doctest_build.log)[1])
    cells = sum(len(read_cells(SNIPPETS / rel)) for rel in all_snippets(SNIPPETS))
    assert ran == cells, f"doctest ran {ran} cells, the snippets have {cells}"
