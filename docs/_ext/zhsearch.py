"""The site's search: a section-level index of every page, segmented with jieba.

search.html (docs/_templates/search.html) runs docs/_static/zhsearch.js on the file this
writes, ``_static/zhsearch-index.js``.  Each entry is one section (or one glossary term):
its page, its anchor, its title, the first words of its text, and the words it contains.
A query is split with the index's own vocabulary, so a word is found exactly when the
indexer produced it; words the index does not know (object addresses, session ids, the
sqlalche.me link of a pasted error message) are ignored instead of failing the search.

The parts: zhsearch_collect (what a document's sections hold), zhsearch_words (jieba and
Latin words, synonyms), zhsearch_index (scores and encoding), zhsearch_zh (Sphinx's zh
language, fixed).  The word rules of zhsearch_words.words() and zhsearch.js must agree.
Sphinx's own searchindex.js is still written (with the fixes of LazySearchChinese) but
search.html no longer loads it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sphinx.search
from sphinx.util.osutil import ensuredir
from zhsearch_collect import collect
from zhsearch_index import build_index
from zhsearch_words import read_synonyms
from zhsearch_zh import LazySearchChinese, load_user_dict

INDEX_FILE = "zhsearch-index.js"


def store(env) -> dict:
    if not hasattr(env, "zhsearch_sections"):
        env.zhsearch_sections = {}
    return env.zhsearch_sections


def purge(app, env, docname: str) -> None:
    store(env).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    store(env).update({d: s for d, s in store(other).items() if d in docnames})


def write_index(app):
    """html-collect-pages (every page read, search.html not yet written): write the index."""
    index = build_index(app.env, store(app.env), read_synonyms(app.config.zhsearch_synonyms))
    data = f"window.ZHSEARCH={json.dumps(index, ensure_ascii=False, separators=(',', ':'))};\n"
    target = Path(app.outdir, "_static")
    ensuredir(target)
    (target / INDEX_FILE).write_text(data, encoding="utf-8")
    app.builder.zhsearch_version = hashlib.sha1(data.encode()).hexdigest()[:8]
    return []


def page_context(app, pagename, templatename, context, doctree) -> None:
    """search.html loads the index by a URL that changes with it; translations load first."""
    if pagename == "search":
        context["zhsearch_version"] = getattr(app.builder, "zhsearch_version", "")
    # sphinx_highlight.js writes its "Hide Search Matches" link as soon as it runs: the
    # translations (added later, at a later priority) must come before it, or it stays English.
    scripts = context.get("script_files", [])
    named = {str(getattr(script, "filename", "")): script for script in scripts}
    translations = named.get("_static/translations.js")
    highlight = named.get("_static/sphinx_highlight.js")
    if translations and highlight and scripts.index(translations) > scripts.index(highlight):
        # Right before it at its priority (after doctools.js, which the translations call).
        scripts.remove(translations)
        scripts.insert(
            scripts.index(highlight),
            type(translations)(
                translations.filename, priority=highlight.priority, **translations.attributes
            ),
        )


def on_read(app, doctree) -> None:
    """doctree-read: remember the sections of this document for the index."""
    load_user_dict(app.config.html_search_options.get("dict", ""))
    store(app.env)[app.env.docname] = collect(doctree)


def setup(app):
    sphinx.search.languages["zh"] = LazySearchChinese
    app.add_config_value("zhsearch_synonyms", "", "html")
    app.connect("doctree-read", on_read)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("html-collect-pages", write_index)
    app.connect("html-page-context", page_context)
    return {
        "version": "2.0",
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
