"""The GitHub Pages workflow: actionlint (with ShellCheck) accepts it, and it does .ci/run's work.

`make check` runs the same actionlint; here it also runs in `make test`, which CI runs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent  # the venv's bin/: requirements.txt installs both tools there


def actionlint(path: Path) -> subprocess.CompletedProcess:
    command = [BIN / "actionlint", "-no-color", "-shellcheck", BIN / "shellcheck", "-pyflakes", ""]
    return subprocess.run([*map(str, command), str(path)], capture_output=True, text=True)


def test_actionlint_accepts_the_workflow():
    run = actionlint(WORKFLOW)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_and_shellcheck_refuse_a_broken_workflow(tmp_path):
    broken = WORKFLOW.read_text(encoding="utf-8")
    broken = broken.replace("steps.pages.outputs", "steps.page.outputs")  # no step 'page'
    broken = broken.replace('"$GITHUB_WORKSPACE"', "$GITHUB_WORKSPACE")  # unquoted: SC2086
    (tmp_path / "pages.yml").write_text(broken, encoding="utf-8")
    run = actionlint(tmp_path / "pages.yml")
    assert run.returncode != 0, run.stdout
    assert 'property "page" is not defined' in run.stdout, run.stdout
    assert "SC2086" in run.stdout, run.stdout  # ShellCheck ran on the run: scripts


def test_the_workflow_runs_ci_and_publishes_the_site_built_for_its_address():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "run: bash .ci/run" in text
    assert "SITE_BASEURL: ${{ steps.pages.outputs.base_url }}" in text
    assert re.search(r"upload-pages-artifact@\S+.*\n\s+with:\n\s+path: _build/html\n", text)
    assert re.search(r"permissions:\n\s+pages: write\n\s+id-token: write\n", text)
    uses = re.findall(r"uses: (\S+)@(\S+)", text)
    unpinned = [f"{action}@{ref}" for action, ref in uses if not re.fullmatch(r"[0-9a-f]{40}", ref)]
    assert len(uses) == 4 and not unpinned, f"actions not pinned to a commit: {unpinned}"
