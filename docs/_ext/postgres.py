"""PostgreSQL snippets under doctest: an empty database each, skipped when there is no server."""

from pathlib import Path

from docutils import nodes
from sphinx.util import logging

import pgserver

logger = logging.getLogger(__name__)

# Evaluated by the doctest builder for each cell (REQUIRE_POSTGRES=1: never skip, fail).
SKIPIF = "__import__('pgserver').unavailable() is not None"
RESET = "import pgserver; pgserver.reset()"


def mark_cells(app, doctree) -> None:
    """Give every cell of a PostgreSQL snippet a skip condition, and its group a fresh database."""
    root = Path(app.config.snippet_root)
    reset_added = set()
    for node in list(doctree.findall(nodes.literal_block)):
        rel = node.get("snippet")
        if not rel or "testnodetype" not in node or not (root / rel).is_file():
            continue
        if not pgserver.needs_postgres(root / rel):
            continue
        node["skipif"] = SKIPIF
        if rel not in reset_added:  # a hidden testsetup: runs before the group's first cell
            reset_added.add(rel)
            setup = nodes.comment(
                RESET, RESET, testnodetype="testsetup", groups=[rel], skipif=SKIPIF
            )
            setup.source, setup.line = node.source, None
            node.parent.insert(node.parent.index(node), setup)


def report_skip(app) -> None:
    if app.builder.name == "doctest" and (reason := pgserver.unavailable()):
        logger.info("skipping the PostgreSQL snippets: %s", reason)


def setup(app):
    app.connect("doctree-read", mark_cells)
    app.connect("builder-inited", report_skip)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
