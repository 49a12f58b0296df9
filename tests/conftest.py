"""Shared helpers: where things are, how to build the site, how to run a snippet."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
sys.path.insert(0, str(DOCS / "_ext"))

import pgserver  # noqa: E402  (docs/_ext)


@dataclass
class Build:
    returncode: int
    log: str  # stdout and stderr of sphinx-build, then the doctest report if any
    outdir: Path


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
        "-d",
        str(outdir / ".doctrees"),
        *options,
        str(srcdir),
        str(outdir),
    ]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    report = outdir / "output.txt"
    log = run.stdout + run.stderr + (report.read_text(encoding="utf-8") if report.exists() else "")
    return Build(run.returncode, log, outdir)


def run_snippet(path: Path, workdir: Path, timeout: float = 120) -> list[str]:
    """Run a snippet as a reader would (python path/to/snippet.py); return what went wrong."""
    name = path.relative_to(path.parents[2]).as_posix()
    try:
        run = subprocess.run(
            [sys.executable, str(path)],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return [f"{name}: did not finish within {timeout} s"]
    problems = []
    if run.returncode != 0:
        problems.append(f"{name}: exited with status {run.returncode}:\n{run.stderr[-3000:]}")
    left = sorted(p.name for p in workdir.iterdir())
    if left:
        problems.append(f"{name}: left files behind in its working directory: {left}")
    return problems


@pytest.fixture(scope="session")
def html_build(tmp_path_factory) -> Build:
    return sphinx_build("html", tmp_path_factory.mktemp("html"))


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
