"""The doctest builder, reporting failures by snippet file, line and cell, with honest diffs."""

from __future__ import annotations

import doctest
import functools
import os
import re
import tempfile
from pathlib import Path

import sphinx.ext.doctest
from outputcheck import SnippetChecker
from sphinx.ext.doctest import DocTestBuilder, SphinxDocTestRunner

# The first line of every cell's test source, written by snippet.py.
MARKER = re.compile(r"# %% (?P<cell>[\w-]+)  \((?P<rel>[^,]+), line (?P<line>\d+)\)")


class SnippetRunner(SphinxDocTestRunner):
    """Names the snippet file, line and cell of a failure, and marks later failures."""

    def __init__(self, *args, locate, **kwargs) -> None:
        super().__init__(*args, checker=SnippetChecker(), **kwargs)
        self.locate = locate
        self.first_failure: dict[str, str] = {}  # snippet -> its first failing cell

    def _failure_header(self, test, example) -> str:
        marker = MARKER.match(example.source)
        if not marker:
            if test.lineno is not None and example.lineno == test.lineno:
                # A testcode: Sphinx gives the test and its one example the same line, and
                # doctest adds the two; the example starts where the test does.
                example = doctest.Example(example.source, example.want, lineno=0)
            return super()._failure_header(test, example)
        cell, rel = marker["cell"], marker["rel"]
        header = [self.DIVIDER, f'File "{self.locate(rel)}", line {marker["line"]}, cell {cell!r}']
        first = self.first_failure.setdefault(rel, cell)
        if first != cell:
            header.append(
                f"(after cell {first!r} of this snippet failed above: "
                "probably a consequence of that failure, fix it first)"
            )
        header += ["Failed example:", doctest._indent(example.source)]
        return "\n".join(header)


class SnippetDocTestBuilder(DocTestBuilder):
    """Runs each snippet in an empty temporary directory and refuses what it leaves there."""

    def init(self) -> None:
        super().init()
        self.leaks = 0
        # test_doc() makes its runners by this module-level name.
        sphinx.ext.doctest.SphinxDocTestRunner = functools.partial(
            SnippetRunner, locate=self.locate
        )

    def locate(self, rel: str) -> str:
        """A snippet's path as an editor opens it: from the repository root if it is inside."""
        path = Path(self.config.snippet_root, rel).resolve()
        root = Path(self.confdir).resolve()
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    def test_group(self, group) -> bool:
        home = os.getcwd()
        with tempfile.TemporaryDirectory(prefix="snippet-") as workdir:
            os.chdir(workdir)
            try:
                success = super().test_group(group)
            finally:
                os.chdir(home)
            left = sorted(os.listdir(workdir))
        if left:
            self.leaks += 1
            self._warn_out(
                f'{SnippetRunner.DIVIDER}\nFile "{self.locate(group.name)}": '
                f"left files behind in its working directory: {left}\n"
            )
            return False
        return success

    def finish(self) -> None:
        self.total_failures += self.leaks
        super().finish()


def setup(app):
    app.setup_extension("sphinx.ext.doctest")
    app.add_builder(SnippetDocTestBuilder, override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
