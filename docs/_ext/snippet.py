"""Show one cell of a runnable snippet file, with its expected output, as a doctest."""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.code import container_wrapper
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cells import DEFAULT_ROOT, SnippetError, all_snippets, read_cells

logger = logging.getLogger(__name__)


class details(nodes.General, nodes.Element):
    """A collapsible block (HTML <details>) holding a setup cell."""


def visit_details(self, node: details) -> None:
    self.body.append(self.starttag(node, "details", CLASS="snippet-details"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>")


def depart_details(self, node: details) -> None:
    self.body.append("</details>\n")


class SnippetDirective(SphinxDirective):
    """``.. snippet:: page/scenario.py`` with ``:cell: name``; the body is the expected output."""

    required_arguments = 1
    has_content = True
    option_spec = {"cell": directives.unchanged_required, "collapsed": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        rel = self.arguments[0]
        path = Path(self.config.snippet_root) / rel
        if not path.is_file():
            raise self.error(f"snippet {rel}: no such file {path}")
        try:
            cells = read_cells(path)
        except SnippetError as exc:
            raise self.error(f"snippet {rel}: {exc}") from None
        name = self.options.get("cell")
        if name not in cells:
            raise self.error(
                f"snippet {rel}: unknown cell {name!r}; its cells are {', '.join(cells)}"
            )
        self.env.note_dependency(str(path))
        self.check_order(rel, name, list(cells))
        cell = cells[name]

        # The marker line goes into the test, so that a failure report names the cell.
        test = f"# %% {name}  ({rel}, line {cell.line})\n{cell.code}\n"
        code = nodes.literal_block(
            cell.code,
            cell.code,
            language="python",
            snippet=rel,
            testnodetype="testcode",
            groups=[rel],
            options={},
            test=test,
        )
        code.source, code.line = str(path), None
        # The caption names the cell and links to the whole runnable file (copied into the build).
        target = os.path.relpath(path, Path(self.env.doc2path(self.env.docname)).parent)
        caption = f":download:`{rel} <{target}>` · ``{name}``"
        shown = [container_wrapper(self, code, caption)]
        if self.content:
            expected = "\n".join(self.content)
            output = nodes.literal_block(
                expected,
                expected,
                language="sql-echo",
                snippet=rel,
                classes=["snippet-output"],
                testnodetype="testoutput",
                groups=[rel],
                options={},
            )
            output.source, output.line = str(path), None
            shown.append(output)
        box = nodes.container(classes=["snippet"])
        if "collapsed" in self.options:
            box += details(summary=self.options["collapsed"] or f"{rel} · {name}")
            box[0].extend(shown)
        else:
            box.extend(shown)
        return [box]

    def check_order(self, rel: str, name: str, order: list[str]) -> None:
        """Refuse a cell shown twice on this page, or before a cell it follows in the file."""
        shown = self.env.snippet_shown.setdefault(self.env.docname, {}).setdefault(rel, [])
        if name in shown:
            raise self.error(f"snippet {rel}: cell {name!r} is shown twice")
        if shown and order.index(name) < order.index(shown[-1]):
            raise self.error(
                f"snippet {rel}: cell {name!r} is shown after {shown[-1]!r}, "
                f"but comes before it in the file (cells: {', '.join(order)})"
            )
        shown.append(name)


def init_env(app, env, docnames) -> None:
    if not hasattr(env, "snippet_shown"):
        env.snippet_shown = {}


def purge_doc(app, env, docname) -> None:
    env.snippet_shown.pop(docname, None)


def merge_info(app, env, docnames, other) -> None:
    env.snippet_shown.update(
        {d: other.snippet_shown[d] for d in docnames if d in other.snippet_shown}
    )


def check_coverage(app, env) -> None:
    """Every snippet file is shown on exactly one page, every one of its cells."""
    root = Path(app.config.snippet_root)
    pages: dict[str, list[str]] = {}
    for docname, snippets in sorted(env.snippet_shown.items()):
        for rel in snippets:
            pages.setdefault(rel, []).append(docname)
    for rel in all_snippets(root):
        shown_on = pages.get(rel, [])
        if not shown_on:
            logger.warning("snippet %s is not shown on any page", rel, location=str(root / rel))
        elif len(shown_on) > 1:
            logger.warning(
                "snippet %s is shown on several pages: %s",
                rel,
                ", ".join(shown_on),
                location=shown_on[1],
            )
        else:
            try:
                cells = read_cells(root / rel)
            except SnippetError:
                continue  # already reported by the directive
            missing = [n for n in cells if n not in env.snippet_shown[shown_on[0]][rel]]
            if missing:
                logger.warning(
                    "snippet %s: cells not shown on the page: %s",
                    rel,
                    ", ".join(missing),
                    location=shown_on[0],
                )


def setup(app):
    app.add_config_value("snippet_root", str(DEFAULT_ROOT), "env", types=frozenset({str}))
    app.add_directive("snippet", SnippetDirective)
    passthrough = (lambda self, node: None, lambda self, node: None)
    app.add_node(
        details,
        html=(visit_details, depart_details),
        text=passthrough,
        latex=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    app.connect("env-before-read-docs", init_env)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-check-consistency", check_coverage)
    return {
        "version": "1.0",
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 1,
    }
