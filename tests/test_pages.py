"""What a reader and a search engine expect of every page: description, icon, versions, 404."""

import pytest
import sphinx
import sqlalchemy
from bs4 import BeautifulSoup


@pytest.fixture(scope="module")
def pages(html_build) -> dict[str, BeautifulSoup]:
    """Every page of the built site, parsed once."""
    return {
        page.name: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for page in sorted(html_build.outdir.glob("*.html"))
    }


def test_every_page_has_a_description_and_open_graph_tags(pages):
    missing, descriptions = [], {}
    for name, soup in pages.items():
        description = soup.find("meta", attrs={"name": "description"})
        og = {tag["property"] for tag in soup.find_all("meta", property=True)}
        if not description or not description["content"].strip():
            missing.append(f"{name}: no meta description")
        else:
            descriptions.setdefault(description["content"], []).append(name)
        if not {"og:title", "og:description", "og:type", "og:site_name"} <= og:
            missing.append(f"{name}: Open Graph tags {sorted(og)}")
    shared = [names for names in descriptions.values() if len(names) > 1]
    assert not missing and not shared, f"{missing}; pages sharing one description: {shared}"


def test_every_page_names_the_versions_it_was_verified_with(pages):
    versions = f"SQLAlchemy {sqlalchemy.__version__} · Sphinx {sphinx.__version__}"
    without = [
        name
        for name, soup in pages.items()
        if versions not in " ".join(soup.select_one(".verified").get_text().split())
    ]
    assert not without, f"pages whose footer does not say {versions!r}: {without}"


def test_every_page_has_a_favicon_and_the_site_a_404_page(pages):
    no_icon = [name for name, soup in pages.items() if not soup.find("link", rel="icon")]
    assert not no_icon, f"pages without a favicon: {no_icon}"
    assert "404.html" in pages, "no 404.html"
    # Served for any missing URL, however deep: its links start at the site's root.
    relative = [
        link["href"]
        for link in pages["404.html"].select("link[href], a[href]")
        if not link["href"].startswith(("/", "#", "https://"))
    ]
    assert not relative, f"404.html has relative links: {relative}"
