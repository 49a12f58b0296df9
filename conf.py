"""Sphinx configuration of the site (source directory: docs/).

Build with ``make html``; the Makefile runs ``sphinx-build -c . docs _build/html``.
"""

import doctest
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jieba
import sphinx
import sphinx.domains.std
import sqlalchemy

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

# -- Project -----------------------------------------------------------------

project = "SQLAlchemy Session 中文指南"
author = "SQLAlchemy Session 中文指南的作者们"
copyright = f"2026, {author}"
# The site documents exactly the pinned SQLAlchemy; pages quote these numbers.
release = version = sqlalchemy.__version__
language = "zh_CN"

# Where the sources live: furo's "view" and "edit" icons on every page open its .rst there
# (html_theme_options below; tests/test_site_links.py). In GitHub Actions (the Pages workflow)
# it is the repository being built; elsewhere the default below: change it when the repository
# moves.
DEFAULT_SOURCE_REPOSITORY = "https://github.com/sqlalchemy-session-zh/sqlalchemy-session-zh"
SOURCE_REPOSITORY = (
    f"{os.environ['GITHUB_SERVER_URL']}/{os.environ['GITHUB_REPOSITORY']}"
    if os.environ.get("GITHUB_REPOSITORY") and os.environ.get("GITHUB_SERVER_URL")
    else DEFAULT_SOURCE_REPOSITORY
)
SOURCE_BRANCH = "main"
# Where the site is served, as an absolute URL. Unset, at the root of any host (`make serve`);
# .github/workflows/pages.yml sets it to the GitHub Pages address, often a project subpath
# (https://owner.github.io/repo/). The 404 page's links, canonical URLs and og:url start there.
SITE_BASEURL = os.environ.get("SITE_BASEURL", "")
if SITE_BASEURL and not re.match(r"https?://[^/]+", SITE_BASEURL):
    raise ValueError(f"SITE_BASEURL must be an absolute URL (https://host/path/): {SITE_BASEURL!r}")
# docs/locale/zh_CN/LC_MESSAGES/sphinx.po: furo's interface strings that Sphinx's catalog lacks.
locale_dirs = ["locale"]
root_doc = "index"
exclude_patterns = ["_ext", "_browser"]

# The PostgreSQL major version the pages' PostgreSQL output was recorded on. Each such page
# says so (.. postgres-version::) and the doctest build fails, naming the page, when the
# server the snippets reach is another major version (docs/_ext/pgversion.py).
postgres_version = 15

rst_epilog = f"""
.. |sqlalchemy_version| replace:: {sqlalchemy.__version__}
.. |sphinx_version| replace:: {sphinx.__version__}
.. |python_version| replace:: {sys.version.split()[0]}
.. |postgres_version| replace:: {postgres_version}
"""

# -- Extensions --------------------------------------------------------------

extensions = [
    "sphinx.ext.doctest",  # `make doctest` runs every snippet cell shown on a page
    "snippettest",  # ... reporting failures by file, line and cell, each snippet in a temp dir
    "sphinx.ext.intersphinx",  # :class:`~sqlalchemy.orm.Session` links to the official reference
    "sphinx_copybutton",
    "snippet",  # .. snippet:: page/scenario.py  (docs/_ext/snippet.py)
    "sqlecho",  # plain SQL echo under doctest, SQL highlighting of output
    "plainspans",  # no <span> around code tokens drawn like the text around them
    "highlightfix",  # ?highlight= marks every match, not only those in an element's first children
    "codeguard",  # no Python on a page that doctest does not run
    "zhsearch",  # zh search that works in Sphinx 9.0 and loads jieba only when needed
    "cjkspacing",  # a line break inside Chinese prose is not shown as a space
    "postgres",  # PostgreSQL snippets: an empty database each, skipped without a server
    "pgversion",  # .. postgres-version:: the PostgreSQL a page ran on, checked under doctest
    "statediagram",  # .. state-diagram:: _diagrams/x.toml -> inline SVG (docs/_ext/statediagram.py)
    "description",  # <meta name="description"> and Open Graph from each page's first paragraph
    "notfound.extension",  # 404.html that works at any URL (sphinx-notfound-page)
    "tocdeps",  # an edit that keeps a page's title and sections does not rewrite index.html
    "browserrun",  # 运行: the snippet cells Pyodide can run, run in the reader's browser
    "drawerbuttons",  # furo's menu and contents icons as buttons a keyboard reaches
]

# -- Glossary: a stable anchor for every term -----------------------------------

# Sphinx makes a term's anchor from its ASCII letters; a Chinese term has none and gets a
# serial number (#term-36) that changes when terms are added or reordered. Use the term
# itself instead (#term-级联): HTML ids may hold any character but spaces.
_make_id = sphinx.domains.std.make_id


def _stable_term_id(env, document, prefix, term=None, *args, **kwargs):
    node_id = _make_id(env, document, prefix, term, *args, **kwargs)
    if prefix == "term" and term and re.fullmatch(r"term-\d+", node_id):
        named = "term-" + "-".join(term.split())
        if named not in document.ids:
            return named
    return node_id


sphinx.domains.std.make_id = _stable_term_id

# -- Links to the official SQLAlchemy reference -----------------------------

# Read from a file in the repository, never fetched: builds run without network.
# The inventory is made from the pinned sdist's own HTML (`make inventory`).
intersphinx_mapping = {
    "sqlalchemy": (
        "https://docs.sqlalchemy.org/en/21/",
        str(ROOT / "docs" / "_intersphinx" / "sqlalchemy.inv"),
    ),
}

# -- Doctest: the snippets are the tests -------------------------------------

# ELLIPSIS lets a page write "[...] ('alice',)" for "[generated in 0.0001s] ('alice',)";
# NORMALIZE_WHITESPACE lets long SQL wrap; a unified diff shows what changed.
doctest_default_flags = (
    doctest.ELLIPSIS
    | doctest.NORMALIZE_WHITESPACE
    | doctest.REPORT_UDIFF
    | doctest.DONT_ACCEPT_TRUE_FOR_1
)
# Runs before each snippet (each snippet file is one doctest group), before any
# engine exists: echo=True then prints plain SQL to the captured stdout. The snippet's
# namespace gets the __name__ of a script run with python (Flask(__name__) needs one).
doctest_global_setup = "__name__ = '__main__'; import echolog; echolog.capture_echo()"
doctest_show_successes = False

# -- HTML --------------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"
# docs/_templates/page.html adds "最后验证于 SQLAlchemy X · Sphinx Y" to furo's footer;
# the numbers are the installed ones, the same the snippets ran against.
templates_path = ["docs/_templates"]
# The footer's date is the last commit's, not the build's: two builds of one commit stay
# byte-identical (tests/test_reproducible.py). Outside a git checkout the footer has no date.
_last_commit = subprocess.run(
    ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"], capture_output=True, text=True
)
html_context = {
    "last_verified": _last_commit.stdout.strip() if _last_commit.returncode == 0 else "",
    "sqlalchemy_version": sqlalchemy.__version__,
    "python_version": sys.version.split()[0],
}
html_theme_options = {
    "source_repository": SOURCE_REPOSITORY,
    "source_branch": SOURCE_BRANCH,
    "source_directory": "docs/",
}
html_baseurl = SITE_BASEURL.rstrip("/") + "/" if SITE_BASEURL else ""
html_css_files = ["snippet.css", "drawers.css"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False

# The server answers any missing URL with 404.html, so its links are absolute: they start
# at the path the site is served under (SITE_BASEURL's, "/" by default).
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "找不到这个页面",
    "body": "<h1>找不到这个页面</h1><p>这个地址上没有页面：它可能改了名，或者已被删除。"
    f'请从<a href="{notfound_urls_prefix}index.html">首页</a>的目录或搜索框找你要读的内容。</p>',
}

# Chinese search: Sphinx segments words with jieba.  Left to itself it reloads
# jieba's whole 5 MB dictionary as a "user dictionary" on every build (~2.4 s,
# even for a no-op build); a small project word list keeps the stock dictionary
# and adds the site's own terms, and zhsearch loads both only when a page is
# indexed, so a no-op rebuild does not pay for them at all.
html_search_language = "zh"
html_search_options = {"dict": str(ROOT / "docs" / "search-words.txt")}
# search.html runs the site's own search (docs/_static/zhsearch.js) on a section-level
# index that zhsearch writes with the same jieba words; these words count as one.
zhsearch_synonyms = str(ROOT / "docs" / "search-synonyms.txt")
# Before sphinx_highlight.js (priority 200), so that it never measures an SVG <title>.
html_js_files = [("zhsearch-highlight.js", {"priority": 100}), "drawers.js"]
# furo imports accessible-pygments, which sets root logging to INFO: silence
# jieba's progress chatter in the build output.
jieba.setLogLevel(logging.WARNING)

# -- Copy button: copy code, never the prompts or the output ------------------

copybutton_selector = "div.highlight-python pre, div.highlight-bash pre, div.highlight-console pre"
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = False
