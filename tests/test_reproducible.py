"""Two clean builds of the same sources write byte-identical HTML."""

import hashlib
from pathlib import Path

from conftest import sphinx_build


def digests(outdir: Path) -> dict[str, str]:
    """Every file of the site by its path; .doctrees is Sphinx's cache, not part of the site."""
    return {
        path.relative_to(outdir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.relative_to(outdir).parts
    }


def test_two_clean_builds_write_identical_files(html_build, tmp_path, monkeypatch):
    # Another interpreter hash seed: set and dict order must not leak into the output.
    monkeypatch.setenv("PYTHONHASHSEED", "20261124")
    again = sphinx_build("html", tmp_path / "again")
    first, second = digests(html_build.outdir), digests(again.outdir)
    assert "index.html" in first and "index.html" in second, html_build.log + again.log
    differ = sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )
    assert not differ, f"files that differ between two clean builds: {differ}"
