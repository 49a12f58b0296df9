"""Run a snippet cell by cell and print the directives a page needs, with the real output.

Usage: make record SNIPPET=snippets/<page>/<scenario>.py
A PostgreSQL snippet runs on a throwaway server unless PGPORT/PGHOSTADDR name one (pgserver.py).
"""

import contextlib
import io
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path

from echolog import capture_echo

import pgserver
from cells import read_cells

# "[generated in 0.00012s] ('alice',)" -> "[...] ('alice',)": timings change on every run.
TIMING = re.compile(r"^\[[^\]\n]*\d\.\d+s[^\]\n]*\]", re.MULTILINE)


def record(path: Path) -> int:
    rel = path.resolve().relative_to(path.resolve().parents[1]).as_posix()
    capture_echo()
    namespace = {"__name__": "__main__", "__file__": str(path)}
    for cell in read_cells(path).values():
        out = io.StringIO()
        failed = ""
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(cell.code + "\n", f"{path}:{cell.name}", "exec"), namespace)
            except Exception:
                failed = traceback.format_exc()
        print(f".. snippet:: {rel}\n   :cell: {cell.name}\n")
        for line in TIMING.sub("[...]", out.getvalue()).splitlines():
            print(f"   {line}".expandtabs(4).rstrip())
        print()
        if failed:
            print(f"cell {cell.name!r} raised:\n{failed}", file=sys.stderr)
            return 1
    return 0


def record_in_empty_dir(path: Path) -> int:
    """Record with an empty temporary working directory; refuse what the snippet leaves in it."""
    path, home = path.resolve(), os.getcwd()
    with tempfile.TemporaryDirectory(prefix="snippet-") as workdir:
        os.chdir(workdir)
        try:
            status = record(path)
        finally:
            os.chdir(home)
        left = sorted(os.listdir(workdir))
    if left:
        print(f"{path}: left files behind in its working directory: {left}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    snippet = Path(sys.argv[1])
    with pgserver.serving(pgserver.needs_postgres(snippet)):
        pgserver.reset()  # an empty database, on a throwaway server only
        sys.exit(record_in_empty_dir(snippet))
