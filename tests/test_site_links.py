"""Links a reader of the published site follows: each page's source, and the 404 page's links
under the path the site is served at (conf.py: SOURCE_REPOSITORY, SITE_BASEURL)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import DOCS, ROOT, conf_constant
from test_bad_input import SHOW_BOTH, Site

# As conf.py chooses it: the repository GitHub Actions builds, else the configured default.
REPOSITORY = (
    f"{os.environ['GITHUB_SERVER_URL']}/{os.environ['GITHUB_REPOSITORY']}"
    if os.environ.get("GITHUB_REPOSITORY") and os.environ.get("GITHUB_SERVER_URL")
    else conf_constant("DEFAULT_SOURCE_REPOSITORY")
)
BRANCH = conf_constant("SOURCE_BRANCH")
# (the icon's class, its Chinese label, the URL of a page's source for it)
SOURCE_LINKS = [
    ("view-this-page", "查看本页源文件", REPOSITORY + "/blob/" + BRANCH + "/{path}?plain=true"),
    ("edit-this-page", "编辑本页", REPOSITORY + "/edit/" + BRANCH + "/{path}"),
]


def tracked(directory: Path) -> set[str]:
    """The files git tracks under a directory, from the repository root (else those on disk)."""
    run = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--", str(directory)], capture_output=True, text=True
    )
    if run.returncode:
        return {p.relative_to(ROOT).as_posix() for p in directory.rglob("*") if p.is_file()}
    return set(run.stdout.split())


def test_every_page_links_to_its_source_in_the_repository(html_build):
    sources, problems = tracked(DOCS), []
    pages = sorted(html_build.outdir.glob("*.html"))
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        path = f"docs/{html.stem}.rst"
        for icon, label, url in SOURCE_LINKS:
            links = soup.select(f"div.{icon} a[href]")
            if path not in sources:  # search.html, genindex.html, 404.html: made, not written
                problems += [f"{html.name}: a source link {links[0]['href']}"] if links else []
            elif [(a["href"], a.get_text(strip=True)) for a in links] != [
                (url.format(path=path), label)
            ]:
                problems.append(f"{html.name}: {icon} {[(a['href'], a.get_text()) for a in links]}")
    assert len(pages) > 10 and not problems, (
        f"each page from docs/ links once to its source, labelled in Chinese: {problems}"
    )


def local_references(html: Path) -> list[str]:
    """Every URL a page loads or links to on its own site (not #fragments, not other hosts)."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    urls = [
        tag[attribute]
        for attribute in ("href", "src", "action")
        for tag in soup.find_all(attrs={attribute: True})
    ]
    return [url for url in urls if not url.startswith("#") and not urlsplit(url).scheme]


def unresolved(outdir: Path, prefix: str) -> list[str]:
    """The 404 page's local URLs that do not start with prefix or name no file of the site."""
    refs = local_references(outdir / "404.html")
    assert len(refs) > 20, refs
    return [
        url
        for url in refs
        if not url.startswith(prefix)
        or not (outdir / urlsplit(url).path.removeprefix(prefix)).is_file()
    ]


def test_the_404_page_links_resolve_at_the_root_by_default(html_build):
    wrong = unresolved(html_build.outdir, "/")
    assert not wrong, f"404.html (served for any missing URL) links that do not resolve: {wrong}"


@pytest.fixture(scope="module")
def prefixed_site(tmp_path_factory):
    """A small site built for https://example.org/guide (a project subpath, no final slash)."""
    site = Site(tmp_path_factory.mktemp("prefixed"))
    site.page(SHOW_BOTH)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_BASEURL", "https://example.org/guide")  # as configure-pages gives it
        build = site.build("html")
    assert build.returncode == 0, build.log
    return build.outdir


def test_the_404_page_links_resolve_under_the_configured_prefix(prefixed_site):
    wrong = unresolved(prefixed_site, "/guide/")
    assert not wrong, f"404.html links that do not start with /guide/ or do not resolve: {wrong}"
    index = BeautifulSoup((prefixed_site / "index.html").read_text("utf-8"), "html.parser")
    assert index.find("link", rel="canonical")["href"] == "https://example.org/guide/index.html"
