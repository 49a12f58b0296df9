"""``.. postgres-version::``: the PostgreSQL a page's output ran on, checked against the server."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import pgserver
from postgres import SKIPIF

logger = logging.getLogger(__name__)
LINE = "本页的 PostgreSQL 输出录自 PostgreSQL {version}，测试时在同一主版本上逐行核对。"
QUERY = "SELECT current_setting('server_version_num')::int, current_setting('server_version')"


def check(page: str, expected: int) -> None:
    """Run by the doctest builder: the server the snippets reach is PostgreSQL ``expected``."""
    import psycopg

    with psycopg.connect(pgserver.SNIPPET_DSN) as conn:
        number, full = conn.execute(QUERY).fetchone()
    actual = number // 10000  # 150018 -> 15 (the major version, PostgreSQL 10 and later)
    if actual != expected:
        raise AssertionError(
            f"{page} says its PostgreSQL output ran on PostgreSQL {expected}, but the snippets' "
            f"server is PostgreSQL {full}. Record the page's PostgreSQL snippets on PostgreSQL "
            f"{actual} (make record) and set postgres_version = {actual} in conf.py, or run "
            f"the tests on PostgreSQL {expected}."
        )


class PostgresVersion(SphinxDirective):
    """One line naming the PostgreSQL major version (conf.py: postgres_version), and its test."""

    def run(self) -> list[nodes.Node]:
        version = self.config.postgres_version
        if not version:
            raise self.error("set postgres_version in conf.py: the PostgreSQL major version")
        text = LINE.format(version=version)
        line = nodes.paragraph(text, text, classes=["postgres-version"])
        self.set_source_info(line)
        source, root = Path(self.env.doc2path(self.env.docname)), Path(self.env.app.confdir)
        page = (source.relative_to(root) if source.is_relative_to(root) else source).as_posix()
        # A hidden test in a group of its own: a comment, which the HTML writer skips.
        code = f"import pgversion; pgversion.check({page!r}, {version!r})"
        test = nodes.comment(
            code, code, testnodetype="testcode", groups=[f"postgres-version ({page})"]
        )
        test["skipif"], test["options"] = SKIPIF, {}
        self.set_source_info(test)
        return [line, test]


def check_placement(app, doctree) -> None:
    """A page with PostgreSQL output has one line, above the first such output; others none."""
    root = Path(app.config.snippet_root)
    lines, first = [], None  # (each version line, the PostgreSQL snippet above it), the first
    for node in doctree.findall(nodes.Element):
        if "postgres-version" in node["classes"]:
            lines.append((node, first))
        elif first is None and isinstance(node, nodes.literal_block) and node.get("snippet"):
            path = root / node["snippet"]
            first = node if path.is_file() and pgserver.needs_postgres(path) else None
    if first is not None and not lines:
        problem = (
            f"shows PostgreSQL output ({first['snippet']}) but does not say on which PostgreSQL:"
            " add '.. postgres-version::' above its first PostgreSQL snippet"
        )
    elif first is None and lines:
        problem = "says which PostgreSQL ran its output but shows no PostgreSQL output"
    elif len(lines) > 1:
        problem = f"says which PostgreSQL ran its output {len(lines)} times: once is enough"
    elif lines and lines[0][1] is not None:
        problem = (
            "says which PostgreSQL ran its output only below its first PostgreSQL snippet "
            f"({lines[0][1]['snippet']}): move '.. postgres-version::' above it"
        )
    else:
        return
    where = lines[0][0] if lines else (app.env.docname, 1)
    logger.warning("%s %s", app.env.docname, problem, location=where)


def setup(app):
    app.add_config_value("postgres_version", 0, "env", types=frozenset({int}))
    app.add_directive("postgres-version", PostgresVersion)
    app.connect("doctree-read", check_placement)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
