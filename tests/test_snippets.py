"""Invariant 1: every snippet runs standalone in a fresh interpreter, exits 0, leaves no file,
and prints what its page shows (under another hash seed than the doctest build's)."""

import pytest

from cells import all_snippets, read_cells
from conftest import SNIPPETS, run_snippet, shown_cells
from pgserver import needs_postgres

SHOWN = shown_cells()


@pytest.mark.parametrize("rel", all_snippets(SNIPPETS))
def test_snippet_runs_standalone(rel, tmp_path, request):
    if needs_postgres(SNIPPETS / rel):
        request.getfixturevalue("postgres")  # an empty database, or a skip saying why
    problems = run_snippet(SNIPPETS / rel, tmp_path, SHOWN.get(rel, []))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize("rel", all_snippets(SNIPPETS))
def test_snippet_is_split_into_named_cells(rel):
    assert read_cells(SNIPPETS / rel)


def test_there_are_snippets():
    assert len(all_snippets(SNIPPETS)) > 0
