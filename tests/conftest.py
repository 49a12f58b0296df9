"""Shared helpers: where things are, how to build the site, how to run a snippet."""

from __future__ import annotations

import ast
import doctest
import fcntl
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
sys.path.insert(0, str(DOCS / "_ext"))

import chromium  # noqa: E402
from outputcheck import standalone_difference  # noqa: E402

import pgserver  # noqa: E402  (docs/_ext)

# The doctest builder and the standalone runs use different hash seeds: output that
# depends on set or dict order of str keys differs between them and fails one of the two.
DOCTEST_HASHSEED, STANDALONE_HASHSEED = "0", "1"
# The flags of conf.py's doctest_default_flags that decide whether output matches.
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
# Run standalone, echo=True prints "2026-12-02 00:50:01,123 INFO sqlalchemy.engine.Engine SQL".
ECHO_PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ sqlalchemy\.\S+ ", re.M)


# Modules whose tests share a costly module-scoped fixture (a browser visit of every page,
# one throwaway build, one doctest build): xdist sends each whole to one worker. Every
# other test is scheduled on its own, so the snippets run on all workers at once.
WHOLE_MODULES = {
    "tests/test_bad_input.py",
    "tests/test_browser.py",  # every page visited once (the visits fixture)
    "tests/test_doctest.py",
    "tests/test_pages.py",
    "tests/test_pgversion.py",  # one throwaway build of misplaced version lines
    "tests/test_pyodide.py",  # every snippet run once under Pyodide (the pyodide fixture)
    "tests/test_browser_run.py",  # one reader's tab: Pyodide loads once (the reader fixture)
}


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByModuleWhereShared(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.partition("::")[0]
            return module if module in WHOLE_MODULES else nodeid

    return ByModuleWhereShared(config, log)


def conf_constant(name: str):
    """The value conf.py assigns to a name, read without running conf.py."""
    for node in ast.parse((ROOT / "conf.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"conf.py assigns no constant {name}")


@dataclass
class Build:
    returncode: int
    log: str  # what sphinx-build printed; a doctest build's report appears once
    outdir: Path
    report: str = ""  # a doctest build's report (output.txt) and what it wrote to stderr


def sphinx_build(builder: str, outdir: Path, srcdir: Path = DOCS, *options: str) -> Build:
    """Run sphinx-build the way the Makefile does (-W -n --keep-going), in a fresh interpreter."""
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        builder,
        "-c",
        str(ROOT),
        "-W",
        "-n",
        "--keep-going",
        "--no-color",  # Sphinx colours its log when CI is set; messages are matched as text
        "-d",
        str(outdir / ".doctrees"),
        *options,
        str(srcdir),
        str(outdir),
    ]
    env = {**os.environ, "PYTHONHASHSEED": DOCTEST_HASHSEED} if builder == "doctest" else None
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    report = outdir / "output.txt"
    if not report.exists():
        return Build(run.returncode, run.stdout + run.stderr, outdir)
    # The doctest builder prints its report as it runs and writes it to output.txt:
    # keep what it printed before the tests started, and the report once.
    before = run.stdout.partition("running tests...")[0]
    text = run.stderr + report.read_text(encoding="utf-8")
    return Build(run.returncode, before + text, outdir, text)


@dataclass
class Shown:
    page: str  # docs/<page>.rst, relative to docs/
    cell: str | None
    expected: str  # the directive's body: the cell's expected output


DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\.\. snippet::[ \t]+(?P<rel>\S+)[ \t]*\n"
    r"(?P<options>(?:(?P=indent)[ \t]+:[\w-]+:.*\n)*)"
    r"(?P<body>(?:[ \t]*\n|(?P=indent)[ \t]+\S.*\n)*)",
    re.MULTILINE,
)
CELL_OPTION = re.compile(r":cell:[ \t]+(\S+)")


def shown_cells(docs: Path = DOCS) -> dict[str, list[Shown]]:
    """snippet -> the cells the pages show, in page order, read from the reST sources.

    Independent of the extension that enforces the same rules during the build.
    """
    shown = defaultdict(list)
    for page in sorted(docs.rglob("*.rst")):
        for match in DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            cell = CELL_OPTION.search(match["options"])
            body = textwrap.dedent(match["body"]).strip("\n")
            shown[match["rel"]].append(
                Shown(page.relative_to(docs).as_posix(), cell and cell[1], body)
            )
    return shown


def run_snippet(
    path: Path, workdir: Path, expected: list[Shown] | None = None, timeout: float = 120
) -> list[str]:
    """Run a snippet as a reader would (python path/to/snippet.py); return what went wrong.

    With expected (the cells a page shows), what it prints must be what the page shows.
    """
    name = path.relative_to(path.parents[2]).as_posix()
    env = {**os.environ, "PYTHONHASHSEED": STANDALONE_HASHSEED}
    try:
        run = subprocess.run(
            [sys.executable, str(path)],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return [f"{name}: did not finish within {timeout} s"]
    problems = []
    if run.returncode != 0:
        problems.append(f"{name}: exited with status {run.returncode}:\n{run.stderr[-3000:]}")
    left = sorted(p.name for p in workdir.iterdir())
    if left:
        problems.append(f"{name}: left files behind in its working directory: {left}")
    if expected is not None and run.returncode == 0:
        cells = [(shown.cell, shown.expected) for shown in expected]
        if diff := standalone_difference(cells, ECHO_PREFIX.sub("", run.stdout), FLAGS):
            problems.append(
                f"{name}: run standalone (PYTHONHASHSEED={STANDALONE_HASHSEED}), it prints "
                f"other output than {expected[0].page} shows (the doctest build runs with "
                f"PYTHONHASHSEED={DOCTEST_HASHSEED}):\n{diff}"
            )
    return problems


@pytest.fixture(scope="session")
def html_build(tmp_path_factory, worker_id) -> Build:
    """The site's HTML, built once per test run: the first worker to ask builds, the rest wait."""
    # xdist workers' temporary roots share a parent that belongs to this run alone.
    shared = tmp_path_factory.getbasetemp()
    shared = shared.parent if worker_id != "master" else shared
    outdir, record = shared / "html", shared / "html-build.json"
    with open(shared / "html-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            return Build(**json.loads(record.read_text(encoding="utf-8")), outdir=outdir)
        build = sphinx_build("html", outdir)
        record.write_text(json.dumps({"returncode": build.returncode, "log": build.log}))
        return build


@pytest.fixture(scope="session")
def doctest_build(tmp_path_factory, postgres_server) -> Build:
    return sphinx_build("doctest", tmp_path_factory.mktemp("doctest"))


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for this test process, exported to libpq's environment.

    None when PostgreSQL is not installed (the PostgreSQL snippets then skip), unless
    REQUIRE_POSTGRES=1.  See docs/_ext/pgserver.py.
    """
    if pgserver.find_bindir() is None:
        if pgserver.required():
            pytest.fail(f"REQUIRE_POSTGRES=1, but PostgreSQL is not installed; {pgserver.HINT}")
        yield None
        return
    try:
        server = pgserver.Server().start()
    except pgserver.ServerError as exc:
        pytest.fail(str(exc))
    with pytest.MonkeyPatch.context() as env:
        for name, value in server.env().items():
            env.setenv(name, value)
        yield server
    server.stop()


@pytest.fixture
def postgres(postgres_server):
    """An empty database for one PostgreSQL snippet; skip (with the reason) without a server."""
    if postgres_server is None and (reason := pgserver.unavailable()):
        pytest.skip(reason)  # a server we started is never skipped: it must work
    pgserver.reset()
    return postgres_server


# One browser per test process (each xdist worker), one server of the built site.
@pytest.fixture(scope="session")
def browser():
    reason = chromium.missing_browser()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.CHROMIUM, args=chromium.FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(html_build):
    """The built site, served on 127.0.0.1 (a free port) by a server thread: its base URL."""
    assert (html_build.outdir / "index.html").exists(), html_build.log
    handler = functools.partial(chromium.QuietHandler, directory=str(html_build.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
