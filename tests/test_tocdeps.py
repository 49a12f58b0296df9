"""tocdeps: an edit that keeps a page's title and sections leaves the page listing it alone."""

import subprocess
import sys

from conftest import DOCS

CONF = f"""
import sys
sys.path.insert(0, {str(DOCS / "_ext")!r})
extensions = ["tocdeps"]
"""
INDEX = "Index\n=====\n\n.. toctree::\n\n   page\n"
PAGE = "Page\n====\n\nFirst.\n\nA section\n---------\n\nText.\n"


def written(project, out) -> list[str]:
    """The pages an incremental build writes."""
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "-v",
            "--no-color",
            str(project),
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return sorted(
        line.rsplit(None, 1)[-1]
        for line in build.stdout.splitlines()
        if line.startswith("writing output... [")
    )


def test_only_an_edit_of_a_title_or_section_rewrites_the_listing_page(tmp_path):
    project, out = tmp_path / "src", tmp_path / "out"
    project.mkdir()
    (project / "conf.py").write_text(CONF)
    (project / "index.rst").write_text(INDEX)
    page = project / "page.rst"
    page.write_text(PAGE)
    assert written(project, out) == ["index", "page"]
    page.write_text(PAGE.replace("Text.", "Other text."))  # the body only
    assert written(project, out) == ["page"]
    page.write_text(PAGE.replace("A section\n---------", "Renamed\n-------"))  # in the toctree
    assert written(project, out) == ["index", "page"]
    assert "Renamed" in (out / "index.html").read_text()
    page.write_text(PAGE.replace("Page\n====", "Title\n====="))
    assert written(project, out) == ["index", "page"]
    assert "Title" in (out / "index.html").read_text()
