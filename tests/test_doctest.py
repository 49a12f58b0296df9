"""Invariant 2: every cell shown on a page prints exactly the output the page shows."""

import re

import pytest

from cells import all_snippets, read_cells
from conftest import DOCS, SNIPPETS
from pgserver import needs_postgres, unavailable


def test_every_shown_cell_prints_what_the_page_says(doctest_build):
    if doctest_build.returncode != 0 or " 0 failures in tests" not in doctest_build.log:
        pytest.fail(doctest_build.report or doctest_build.log, pytrace=False)


def test_doctest_runs_every_cell_of_every_snippet(doctest_build, postgres_server):
    ran = int(re.search(r"(\d+) tests", doctest_build.log)[1])
    # No PostgreSQL installed and no server: the PostgreSQL snippets skip (tests/test_postgres.py).
    skipped = postgres_server is None and unavailable() is not None
    cells = sum(
        len(read_cells(SNIPPETS / rel))
        for rel in all_snippets(SNIPPETS)
        if not (skipped and needs_postgres(SNIPPETS / rel))
    )
    # Each page that says which PostgreSQL ran its output checks it once (docs/_ext/pgversion.py).
    checks = (
        0
        if skipped
        else sum(
            page.read_text(encoding="utf-8").count(".. postgres-version::")
            for page in DOCS.glob("*.rst")
        )
    )
    assert ran == cells + checks, (
        f"doctest ran {ran} tests, the snippets have {cells} cells and {checks} pages check "
        "their PostgreSQL version"
    )
