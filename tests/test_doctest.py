"""Invariant 2: every cell shown on a page prints exactly the output the page shows."""

import re

from cells import all_snippets, read_cells
from conftest import SNIPPETS
from pgserver import needs_postgres, unavailable


def test_every_shown_cell_prints_what_the_page_says(doctest_build):
    assert doctest_build.returncode == 0, doctest_build.log
    assert " 0 failures in tests" in doctest_build.log, doctest_build.log


def test_doctest_runs_every_cell_of_every_snippet(doctest_build, postgres_server):
    ran = int(re.search(r"(\d+) tests", doctest_build.log)[1])
    # No PostgreSQL installed and no server: the PostgreSQL snippets skip (tests/test_postgres.py).
    skipped = postgres_server is None and unavailable() is not None
    cells = sum(
        len(read_cells(SNIPPETS / rel))
        for rel in all_snippets(SNIPPETS)
        if not (skipped and needs_postgres(SNIPPETS / rel))
    )
    assert ran == cells, f"doctest ran {ran} cells, the snippets have {cells}"
