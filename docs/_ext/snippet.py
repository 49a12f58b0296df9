"""Show one cell of a runnable snippet file, with its expected output, as a doctest."""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.code import container_wrapper
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from cells import DEFAULT_ROOT, SnippetError, read_cells

# What a folded cell's summary adds to its text; snippet.css hides it while the cell is open.
HINT = "（点击展开）"


class details(nodes.General, nodes.Element):
    """A collapsible block (HTML <details>) holding a setup cell."""


def visit_details(self, node: details) -> None:
    self.body.append(self.starttag(node, "details", CLASS="snippet-details"))
    hint = f'<span class="snippet-details-hint">{HINT}</span>'
    self.body.append(f"<summary>{self.encode(node['summary'])}{hint}</summary>")


def depart_details(self, node: details) -> None:
    self.body.append("</details>\n")


def doctest_node(text: str, rel: str, path: Path, nodetype: str, **attributes) -> nodes.Element:
    """A literal block that sphinx.ext.doctest runs or compares, in the snippet file's group."""
    node = nodes.literal_block(
        text, text, snippet=rel, testnodetype=nodetype, groups=[rel], options={}, **attributes
    )
    node.source, node.line = str(path), None  # a doctest failure names the snippet file
    return node


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
        code = doctest_node(cell.code, rel, path, "testcode", language="python", test=test)
        # The caption names the cell and links to the whole runnable file (copied into the build).
        target = os.path.relpath(path, Path(self.env.doc2path(self.env.docname)).parent)
        caption = f":download:`{rel} <{target}>` · ``{name}``"
        shown = [container_wrapper(self, code, caption)]
        if self.content:
            expected = "\n".join(self.content)
            output = doctest_node(
                expected, rel, path, "testoutput", language="sql-echo", classes=["snippet-output"]
            )
            shown.append(output)
        # browserrun.py gives the box its 运行 button (or says why the browser cannot run it).
        box = nodes.container(classes=["snippet"], snippet=rel, cell=name)
        if "collapsed" in self.options:
            if HINT.strip("（）") in self.options["collapsed"]:
                raise self.error(f"snippet {rel}: write :collapsed: without {HINT}, it is added")
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
        shown.append(name)  # even out of order it is shown: coverage must not call it missing
        if len(shown) > 1 and order.index(name) < order.index(shown[-2]):
            raise self.error(
                f"snippet {rel}: cell {name!r} is shown after {shown[-2]!r}, "
                f"but comes before it in the file (cells: {', '.join(order)})"
            )


def visit_literal_block(self, node: nodes.literal_block) -> None:
    """Sphinx's code block, its <pre> reachable by keyboard (it scrolls when lines are long)
    and named: the cell's output, the cell's code, or a code block."""
    start, skipped = len(self.body), False
    try:
        HTML5Translator.visit_literal_block(self, node)
    except nodes.SkipNode:
        skipped = True  # highlighted code: done (a parsed literal visits its children)
    if "snippet" in node:
        what = "输出" if "snippet-output" in node["classes"] else "代码"
        label = f"{node['snippet']} · {what}"
    else:
        label = "代码块"
    attributes = f'<pre tabindex="0" role="group" aria-label="{self.attval(label)}"'
    for i in range(start, len(self.body)):
        if "<pre" in self.body[i]:
            self.body[i] = self.body[i].replace("<pre", attributes, 1)
            break
    if skipped:
        raise nodes.SkipNode


def setup(app):
    app.add_config_value("snippet_root", str(DEFAULT_ROOT), "env", types=frozenset({str}))
    app.add_directive("snippet", SnippetDirective)
    passthrough = (lambda self, node: None, lambda self, node: None)
    others = dict.fromkeys(("text", "latex", "man", "texinfo"), passthrough)
    app.add_node(details, html=(visit_details, depart_details), **others)
    app.add_node(
        nodes.literal_block,
        override=True,
        html=(visit_literal_block, HTML5Translator.depart_literal_block),
    )
    app.setup_extension("snippetcoverage")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
