"""运行: every snippet cell the site offers to run in a reader's browser runs there.

Each browser-runnable snippet runs under Pyodide (in Node, from the built site's _pyodide/,
installed by the same docs/_ext/pyodide_setup.mjs as the reader's browser uses, with the same
groups of wheels), and each cell's output is compared with what its page shows, as the doctest
builder compares it. Each snippet the site says cannot run there must really fail there (else
it should offer 运行). A group of wheels besides the core (Flask's) must load only for the
snippets that import it.
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
from packaging.requirements import Requirement

from cells import read_cells
from conftest import FLAGS, ROOT, SNIPPETS, shown_cells

RUNNER = ROOT / "tests" / "pyodide_run.mjs"
# sphinx.ext.doctest compares a testcode's output with these flags.
CHECK_FLAGS = FLAGS | doctest.DONT_ACCEPT_BLANKLINE

ALL = sorted(path.relative_to(SNIPPETS).as_posix() for path in SNIPPETS.rglob("*.py"))
GROUPS = {rel: browserrun.groups_needed(SNIPPETS / rel) for rel in ALL}
# The order the snippets run in, in one interpreter: first those that need no group of wheels
# besides the core, so each of them shows it runs without the others.
ORDER = sorted(ALL, key=lambda rel: (GROUPS[rel], rel))
RUNNABLE = [rel for rel in ALL if browserrun.cannot_run(SNIPPETS / rel) is None]
NOT_RUNNABLE = [rel for rel in ALL if rel not in RUNNABLE]


@pytest.fixture(scope="module")
def pyodide_log(html_build, tmp_path_factory) -> dict:
    """Every snippet run once under Pyodide in Node, in ORDER: what pyodide_run.mjs wrote."""
    assert html_build.returncode == 0, html_build.log[-3000:]
    node = shutil.which("node")
    assert node, "no node: the Pyodide checks run Pyodide in Node.js (install nodejs)"
    work = tmp_path_factory.mktemp("pyodide")
    snippets = [
        {
            "rel": rel,
            "groups": GROUPS[rel],
            "cells": [[name, cell.code] for name, cell in read_cells(SNIPPETS / rel).items()],
        }
        for rel in ORDER
    ]
    run = subprocess.run(
        [node, str(RUNNER), str(html_build.outdir / browserrun.OUT), str(work / "results.json")],
        input=json.dumps(snippets),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, f"{RUNNER.name} failed:\n{run.stdout}{run.stderr[-3000:]}"
    return json.loads((work / "results.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pyodide(pyodide_log) -> dict[str, list[dict]]:
    """Snippet -> one result per cell of its run under Pyodide."""
    return {each["rel"]: each["results"] for each in pyodide_log["snippets"]}


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


def test_only_a_snippet_that_imports_a_group_loads_it(html_build, pyodide_log):
    """Pyodide starts with the core wheels; another group's wheels are read when the first
    snippet that needs it runs, and never again. The snippets that need no group ran first, so
    each of them ran (and printed its page's output) without the others."""
    out = Path(html_build.outdir) / browserrun.OUT
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {
        group: {f"wheels/{wheel['file']}" for wheel in each["wheels"]}
        for group, each in manifest["groups"].items()
    }
    wheels = lambda paths: {path for path in paths if path.startswith("wheels/")}  # noqa: E731
    assert wheels(pyodide_log["started"]) == files["core"], (
        "Pyodide must start with the core wheels alone"
    )
    installed = {"core"}
    for each in pyodide_log["snippets"]:
        needs = set(GROUPS[each["rel"]])
        expected = set().union(*(files[group] for group in needs - installed))
        assert wheels(each["read"]) == expected, (
            f"snippets/{each['rel']} needs {sorted(needs) or 'no group'}; with "
            f"{sorted(installed)} installed, it read {sorted(wheels(each['read']))}"
        )
        installed |= needs
    assert installed == set(files), f"no snippet needs {set(files) - installed}"
    assert GROUPS["contextual/flask-scoped.py"] == ["flask"]
    assert GROUPS["session-basics/sync-strategies.py"] == []


def test_reasons():
    assert browserrun.cannot_run(SNIPPETS / "session-basics/sync-strategies.py") is None
    # Flask runs there; a Flask snippet that starts threads still cannot.
    assert browserrun.cannot_run(SNIPPETS / "contextual/flask-scoped.py") is None
    assert browserrun.cannot_run(SNIPPETS / "contextual/flask-sqlalchemy.py") is None
    assert browserrun.reasons(SNIPPETS / "contextual/flask-forgot-remove.py") == [
        browserrun.THREADS
    ]
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
    """The wheels are requirements.txt's versions, and each wheel's group (with the core) holds
    all that wheel needs under Pyodide."""
    pins = dict(browserrun.wheel_pins())
    for name, version in pins.items():
        assert version == requirement(name), (
            f"docs/_browser/wheels.txt pins {name}=={version}, requirements.txt "
            f"{requirement(name)}: the browser must run the version CI checks"
        )
    normal = lambda name: re.sub(r"[-_.]+", "-", name).lower()  # noqa: E731
    # The marker environment of Pyodide's Python (for Requires-Dist lines like click's colorama).
    python = browserrun.pyodide_versions()[1]
    environment = {
        "python_version": python.rsplit(".", 1)[0], "python_full_version": python,
        "sys_platform": "emscripten", "platform_system": "Emscripten", "os_name": "posix",
        "implementation_name": "cpython", "extra": "",
    }  # fmt: skip
    groups = browserrun.wheel_groups()
    for group, group_pins in groups.items():
        available = {normal(name) for name, _ in groups["core"] + group_pins}
        for name, version in group_pins:
            with zipfile.ZipFile(browserrun.wheel_file(name, version)) as wheel:
                path = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
                metadata = wheel.read(path).decode()
            for line in re.findall(r"^Requires-Dist: (.*)$", metadata, re.M):
                needed = Requirement(line)
                # (An extra, e.g. SQLAlchemy's greenlet for asyncio, is not installed: Pyodide
                # has no greenlet, and the asyncio snippets say so.)
                if needed.marker and not needed.marker.evaluate(environment):
                    continue
                assert normal(needed.name) in available, (
                    f"{name} needs {line} under Pyodide: add its wheel to the {group!r} group "
                    f"of docs/_browser/wheels.txt (or to the core)"
                )


def test_the_site_serves_the_runtime(html_build):
    out = Path(html_build.outdir) / browserrun.OUT
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name in browserrun.RUNTIME + ["setup.mjs"]:
        assert (out / name).is_file(), f"_pyodide/{name} missing from the built site"
    for group in manifest["groups"].values():
        for wheel in group["wheels"]:
            assert (out / "wheels" / wheel["file"]).stat().st_size == wheel["bytes"]
    for module in manifest["modules"]:
        assert (out / "py" / module).read_bytes() == (ROOT / "docs/_ext" / module).read_bytes()
