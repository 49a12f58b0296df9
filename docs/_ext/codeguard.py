"""Refuse Python code on a page that does not come from a tested snippet cell."""

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Blocks in these languages are not executed and may be written inline on a page.
NOT_PYTHON = frozenset(
    {
        "bash",
        "console",
        "shell",
        "sh",
        "text",
        "none",
        "ini",
        "toml",
        "cfg",
        "sql",
        "sql-echo",
        "postgresql",
        "psql",
        "json",
        "yaml",
        "diff",
        "rst",
        "make",
        "html",
        "css",
        "dot",
    }
)


def check_doctree(app, doctree) -> None:
    for node in doctree.findall(
        lambda n: isinstance(n, (nodes.literal_block, nodes.doctest_block))
    ):
        # An error message quotes the directive it is about: not a block of the page.
        if node.get("snippet") or isinstance(node.parent, nodes.system_message):
            continue
        language = node.get("language")
        if isinstance(node, nodes.doctest_block) or language not in NOT_PYTHON:
            logger.warning(
                "a %s block that is not a snippet cell: Python on a page must come from "
                "snippets/ through '.. snippet::' (doctest runs it); for other text name its "
                "language, e.g. '.. code-block:: text'",
                repr(language) if language else "literal (::)",
                location=node,
            )


def setup(app):
    app.connect("doctree-read", check_doctree)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
