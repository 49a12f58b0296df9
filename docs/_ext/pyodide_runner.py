"""Run a snippet's cells under Pyodide as the doctest builder runs them.

Used by the page's worker (docs/_static/run-worker.mjs) when a reader presses 运行, and by
tests/pyodide_run.mjs, which runs every browser-runnable snippet under Node for
tests/test_pyodide.py. Pure standard library; browserrun.py copies it next to Pyodide.

As under doctest: one namespace for all the cells of a snippet, with __name__ "__main__";
the SQL echo handler of echolog.py; each cell compiled in "exec" mode, its stdout captured.
Unlike doctest, each run starts from nothing (a reader presses 运行 on the same cell again
and again): a new namespace, a new empty working directory, warnings shown anew.
"""

from __future__ import annotations

import contextlib
import gc
import io
import linecache
import os
import shutil
import sys
import tempfile
import traceback
import types
import warnings

import echolog

# The warning filters of a new interpreter (Python's defaults and -W options): each run
# starts from them again, whatever the previous run's cells changed.
STARTING_FILTERS = warnings.filters[:]


def fresh_warnings() -> None:
    """Warnings as in a new interpreter: a warning an earlier run showed is shown again."""
    warnings.filters[:] = STARTING_FILTERS
    warnings._filters_mutated()  # noqa: SLF001  (what warnings.simplefilter itself calls)
    for module in list(sys.modules.values()):
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()


def run(rel: str, cells: list[tuple[str, str]]) -> list[dict]:
    """Run cells [(name, code), ...] of snippet rel in order, as doctest does: a cell that
    raises is reported and the next cell runs on.

    Returns one dict per cell: its stdout, stderr and the traceback of what it raised ("" if
    nothing). The working directory, new and empty, is removed after the last cell.
    """
    echolog.capture_echo()
    fresh_warnings()
    # A new __main__ module, as `python file.py` has: SQLAlchemy resolves a mapped class's
    # annotations (deferred on Python 3.14) in sys.modules[cls.__module__].
    main, sys.modules["__main__"] = sys.modules.get("__main__"), types.ModuleType("__main__")
    namespace = sys.modules["__main__"].__dict__
    home = os.getcwd()
    workdir = tempfile.mkdtemp(prefix="snippet-")
    os.chdir(workdir)
    results = []
    try:
        for name, code in cells:
            filename = f"{rel} · {name}"
            linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
            stdout, stderr = io.StringIO(), io.StringIO()
            error = ""
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                try:
                    exec(compile(code, filename, "exec"), namespace)  # noqa: S102
                except BaseException as exc:  # SystemExit and KeyboardInterrupt too: show them
                    frames = traceback.extract_tb(exc.__traceback__)[1:]  # not this function
                    error = "Traceback (most recent call last):\n" + "".join(
                        traceback.format_list(frames)
                    )
                    error += "".join(traceback.format_exception_only(type(exc), exc))
            results.append(
                {
                    "cell": name,
                    "stdout": stdout.getvalue(),
                    "stderr": stderr.getvalue(),
                    "error": error,
                }
            )
    finally:
        os.chdir(home)
        shutil.rmtree(workdir, ignore_errors=True)
        sys.modules["__main__"] = main
        namespace.clear()  # the run's engines and sessions go now, not at the next run
        with warnings.catch_warnings(action="ignore", category=ResourceWarning):
            gc.collect()  # (a snippet that leaves its engine open is not the reader's error)
    return results
