"""运行: every snippet cell the site offers to run in a reader's browser runs there.

Each browser-runnable snippet runs under Pyodide (in Node, from the built site's _pyodide/,
installed by the same docs/_ext/pyodide_setup.mjs as the reader's browser uses), and each
cell's output is compared with what its page shows, as the doctest builder compares it. Each
snippet the site says cannot run there must really fail there (else it should offer 运行).
"""

from __future__ import annotations

import doctest
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import browserrun
import pytest
from outputcheck import differing_lines

from cells import read_cells
from conftest import FLAGS, ROOT, SNIPPETS, shown_cells

RUNNER = ROOT / "tests" / "pyodide_run.mjs"
# sphinx.ext.doctest compares a testcode's output with these flags.
CHECK_FLAGS = FLAGS | doctest.DONT_ACCEPT_BLANKLINE

ALL = sorted(path.relative_to(SNIPPETS).as_posix() for path in SNIPPETS.rglob("*.py"))
RUNNABLE = [rel for rel in ALL if browserrun.cannot_run(SNIPPETS / rel) is None]
NOT_RUNNABLE = [rel for rel in ALL if rel not in RUNNABLE]


@pytest.fixture(scope="module")
def pyodide(html_build, tmp_path_factory) -> dict[str, list[dict]]:
    """Every snippet run once under Pyodide in Node: snippet -> one result per cell."""
    assert html_build.returncode == 0, html_build.log[-3000:]
    node = shutil.which("node")
    assert node, "no node: the Pyodide checks run Pyodide in Node.js (install nodejs)"
    work = tmp_path_factory.mktemp("pyodide")
    snippets = [
        {
            "rel": rel,
            "cells": [[name, cell.code] for name, cell in read_cells(SNIPPETS / rel).items()],
        }
        for rel in ALL
    ]
    run = subprocess.run(
        [node, str(RUNNER), str(html_build.outdir / browserrun.OUT), str(work / "results.json")],
        input=json.dumps(snippets),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, f"{RUNNER.name} failed:\n{run.stdout}{run.stderr[-3000:]}"
    results = json.loads((work / "results.json").read_text(encoding="utf-8"))
    return {each["rel"]: each["results"] for each in results}


def differences(rel: str, results: list[dict]) -> list[str]:
    """How each cell's run under Pyodide differs from what its page shows ([] if in none)."""
    lines = {name: cell.line for name, cell in read_cells(SNIPPETS / rel).items()}
    expected = {shown.cell: shown for shown in shown_cells()[rel]}
    checker = doctest.OutputChecker()
    problems = []
    for result in results:
        shown = expected[result["cell"]]
        where = (
            f"snippets/{rel}, line {lines[result['cell']]}, cell {result['cell']!r} "
            f"(shown on docs/{shown.page})"
        )
        want = shown.expected + "\n" if shown.expected else ""
        # No page shows a traceback (a snippet catches and prints what it shows raising):
        # a cell that raises under Pyodide fails.
        if result["error"]:
            problems.append(f"{where}: raised under Pyodide:\n{result['error']}")
        elif not checker.check_output(want, result["stdout"], CHECK_FLAGS):
            diff = "\n".join(differing_lines(want, result["stdout"], CHECK_FLAGS))
            problems.append(f"{where}: prints under Pyodide other output than the page shows "
                            f"(-page +Pyodide):\n{diff}")  # fmt: skip
    return problems


@pytest.mark.parametrize("rel", RUNNABLE)
def test_runs_in_the_browser_as_on_the_page(pyodide, rel):
    assert [result["cell"] for result in pyodide[rel]] == list(read_cells(SNIPPETS / rel))
    problems = differences(rel, pyodide[rel])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rel", NOT_RUNNABLE)
def test_what_says_it_cannot_run_fails_there_for_that_reason(pyodide, rel):
    """A snippet without 运行 must fail under Pyodide, with an error one of its reasons names
    (the first is the one shown; which cell fails first also depends on the earlier snippets:
    SQLAlchemy reports greenlet missing once per interpreter)."""
    reason = browserrun.cannot_run(SNIPPETS / rel)
    expected = "|".join(browserrun.ERRORS[each] for each in browserrun.reasons(SNIPPETS / rel))
    errors = [result["error"] for result in pyodide[rel] if result["error"]]
    assert differences(rel, pyodide[rel]), (
        f"snippets/{rel} runs under Pyodide as its page shows, but the site says "
        f"{reason!r}: offer 运行 (docs/_ext/browserrun.py)"
    )
    assert any(re.search(expected, error) for error in errors), (
        f"snippets/{rel}: the site says {reason!r}, but under Pyodide no cell raises "
        f"{expected!r}; its errors:\n" + "\n".join(errors)
    )


def test_reasons():
    assert browserrun.cannot_run(SNIPPETS / "session-basics/sync-strategies.py") is None
    reasons = {rel: browserrun.cannot_run(SNIPPETS / rel) for rel in NOT_RUNNABLE}
    assert set(browserrun.ERRORS) == set(browserrun.ORDER)
    # Every reason the site names occurs (a reason no snippet has is dead text).
    assert set(reasons.values()) == set(browserrun.ERRORS), set(browserrun.ERRORS) - set(
        reasons.values()
    )


def requirement(name: str) -> str:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(name)}(?:\[[\w,]+\])?==(\S+)", text, re.M | re.I)[1]


def test_the_browser_runs_the_pinned_versions():
    """The wheels are requirements.txt's versions, and all SQLAlchemy needs under Pyodide."""
    pins = dict(browserrun.wheel_pins())
    for name, version in pins.items():
        assert version == requirement(name), (
            f"docs/_browser/wheels.txt pins {name}=={version}, requirements.txt "
            f"{requirement(name)}: the browser must run the version CI checks"
        )
    with zipfile.ZipFile(browserrun.wheel_file("sqlalchemy", pins["sqlalchemy"])) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = wheel.read(name).decode()
    normal = lambda name: re.sub(r"[-_.]+", "-", name).lower()  # noqa: E731
    needs = re.findall(r"^Requires-Dist: ([\w.-]+)(.*)$", metadata, re.M)
    for dependency, marker in needs:
        if "extra ==" in marker:
            continue  # e.g. greenlet, for asyncio (Pyodide has none: the asyncio snippets say so)
        assert normal(dependency) in {normal(pin) for pin in pins}, (
            f"SQLAlchemy needs {dependency}{marker}: add its wheel to docs/_browser/wheels.txt"
        )


def test_the_site_serves_the_runtime(html_build):
    out = Path(html_build.outdir) / browserrun.OUT
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name in browserrun.RUNTIME + ["setup.mjs"]:
        assert (out / name).is_file(), f"_pyodide/{name} missing from the built site"
    for wheel in manifest["wheels"]:
        assert (out / "wheels" / wheel["file"]).stat().st_size == wheel["bytes"]
    for module in manifest["modules"]:
        assert (out / "py" / module).read_bytes() == (ROOT / "docs/_ext" / module).read_bytes()
