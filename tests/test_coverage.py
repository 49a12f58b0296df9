"""Invariant 3: every cell of every snippet is shown exactly once, in file order, on one page.

This reads the reST sources directly, independently of the extension that enforces
the same rules during the build.
"""

from cells import all_snippets, read_cells
from conftest import SNIPPETS, shown_cells


def test_pages_show_only_existing_snippet_files():
    for rel, places in shown_cells().items():
        assert ".." not in rel and (SNIPPETS / rel).is_file(), (
            f"{places[0].page} shows {rel}, which is not a file under snippets/"
        )


def test_every_snippet_file_is_shown_on_exactly_one_page():
    shown = shown_cells()
    for rel in all_snippets(SNIPPETS):
        pages = sorted({place.page for place in shown.get(rel, [])})
        assert len(pages) == 1, f"snippets/{rel} is shown on {pages or 'no page'}"


def test_every_cell_is_shown_once_in_file_order():
    shown = shown_cells()
    for rel in all_snippets(SNIPPETS):
        in_file = list(read_cells(SNIPPETS / rel))
        on_page = [place.cell for place in shown.get(rel, [])]
        assert on_page == in_file, (
            f"snippets/{rel}: the page shows cells {on_page}, the file has {in_file}"
        )


def test_snippets_live_in_a_folder_named_after_their_page():
    for rel, places in shown_cells().items():
        page = places[0].page.removesuffix(".rst")
        assert rel.split("/")[0] == page, f"{page}.rst shows {rel}: move it to snippets/{page}/"
