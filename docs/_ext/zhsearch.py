"""The site's search: a section-level index of every page, segmented with jieba.

search.html (docs/_templates/search.html) runs docs/_static/zhsearch.js on the file this
writes, ``_static/zhsearch-index.js``.  Each entry is one section (or one glossary term):
its page, its anchor, its title, the first words of its text, and the words it contains.
A query is split with the index's own vocabulary, so a word is found exactly when the
indexer produced it; words the index does not know (object addresses, session ids, the
sqlalche.me link of a pasted error message) are ignored instead of failing the search.

The word rules here and in zhsearch.js must agree: ``words()`` below and ``latinWords()``
there.  Sphinx's own searchindex.js is still written (with the fixes of LazySearchChinese)
but search.html no longer loads it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path

import sphinx.search
from docutils import nodes
from sphinx import addnodes
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS
from sphinx.search.zh import SearchChinese, cut_for_search, jieba_load_userdict
from sphinx.util.osutil import ensuredir

INDEX_FILE = "zhsearch-index.js"
# Pages read less for their own sake: a glossary entry is a one-line definition, the home
# page a table of contents.  Their sections score this much of a chapter's.
DOC_WEIGHT = {"glossary": 0.35, "index": 0.5}
EXCERPT = 64  # characters of each section's text shown under its result
CODE_WEIGHT = 0.25  # a word in a code block or its output counts this much of a word in prose
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[a-z0-9_]+")
# Chinese characters that say nothing on their own.
CJK_STOP = set("的了是在和也就都而及与或这那个把被让给对从到为以着呢吗吧啊所其之即则但并且")


def latin_word(word: str) -> str:
    """Fold a plural to its singular the same way zhsearch.js does (sessions -> session)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The index words of text: jieba's words for Chinese, lowercased words for Latin."""
    text = text.lower()
    found = []
    for run in CJK.findall(text):
        found += [w for w in cut_for_search(run) if not (len(w) == 1 and w in CJK_STOP)]
    for word in LATIN.findall(text):
        if word.isdigit() or len(word) < 2 or word in ENGLISH_STOPWORDS:
            continue
        found.append(latin_word(word))
        if "_" in word.strip("_"):  # no_autoflush is also found as autoflush
            parts = [p for p in word.split("_") if len(p) > 1 and p not in ENGLISH_STOPWORDS]
            found += [latin_word(p) for p in parts]
    return found


SKIPPED = (nodes.comment, nodes.system_message)


def is_code(node: nodes.Node) -> bool:
    return isinstance(node, (nodes.literal_block, nodes.doctest_block))


def mentions(text: str, phrase: str) -> bool:
    """Whether text (lowercased) holds phrase, a Latin one as whole words (as zhsearch.js)."""
    if CJK.search(phrase):
        return phrase in text
    return re.search(rf"(^|[^a-z0-9_]){re.escape(phrase)}($|[^a-z0-9_])", text) is not None


def synonym_counts(text: str, synonyms: list[list[str]]) -> Counter:
    """A word ``~N`` for each group of synonyms that text mentions, as often as it does
    (zhsearch.js adds ``~N`` to a query that mentions one of group N)."""
    counts = Counter()
    for n, group in enumerate(synonyms):
        for phrase in group:
            if CJK.search(phrase):
                counts[f"~{n}"] += text.count(phrase)
            else:
                pattern = rf"(?<![a-z0-9_]){re.escape(phrase)}(?![a-z0-9_])"
                counts[f"~{n}"] += len(re.findall(pattern, text))
    return +counts


class Collector:
    """One document's sections: (anchor, title, prose words, code words, excerpt)."""

    def __init__(self) -> None:
        self.sections: list[dict] = []

    def add(self, anchor: str, title: str, body: list[nodes.Node], terms: list[str] = ()) -> None:
        prose, code = [], []
        for node in body:
            self.text(node, prose, code)
        prose_text = " ".join(" ".join(prose).split())
        self.sections.append(
            {
                "anchor": anchor,
                "title": title,
                "title_words": sorted(set(words(title))),
                "prose": dict(Counter(words(prose_text))),
                "code": dict(Counter(words(" ".join(code)))),
                "excerpt": excerpt(prose_text),
                "text": f"{title}\n{prose_text}".lower(),  # for synonyms (known at the end)
                "terms": list(terms),  # a glossary entry's names: synonyms of each other
            }
        )

    def text(self, node: nodes.Node, prose: list[str], code: list[str]) -> None:
        if isinstance(node, (nodes.section, addnodes.glossary, *SKIPPED)):
            return  # a subsection and each glossary term are sections of their own
        if isinstance(node, nodes.Text):
            prose.append(str(node))
        elif is_code(node):
            code.append(node.astext())
        elif isinstance(node, nodes.raw):
            return  # inline SVG (state diagrams): its labels repeat the prose
        else:
            for child in node.children:
                self.text(child, prose, code)


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT].rstrip() + "…"


def collect(app, doctree: nodes.document) -> None:
    """doctree-read: remember the sections of this document for the index."""
    docname = app.env.docname
    collector = Collector()
    for section in doctree.findall(nodes.section):
        title = section[0].astext() if isinstance(section[0], nodes.title) else ""
        top = section.parent is doctree
        anchor = "" if top else section["ids"][0]
        collector.add(anchor, title, section.children[1:])
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [t for t in item.findall(nodes.term)]
            if not terms or not terms[0]["ids"]:
                continue
            title = " / ".join(t.astext() for t in terms)
            definitions = [n for n in item.children if isinstance(n, nodes.definition)]
            collector.add(terms[0]["ids"][0], title, definitions, [t.astext() for t in terms])
    store(app.env)[docname] = collector.sections


def store(env) -> dict:
    if not hasattr(env, "zhsearch_sections"):
        env.zhsearch_sections = {}
    return env.zhsearch_sections


def purge(app, env, docname: str) -> None:
    store(env).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    store(env).update({d: s for d, s in store(other).items() if d in docnames})


def reading_order(env) -> list[str]:
    """Documents in the order of the toctree from the root (the sidebar's), then the rest."""
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order or docname not in env.found_docs:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(env.config.root_doc)
    return order + sorted(set(store(env)) - set(order))


def build_index(env, synonyms: list[list[str]]) -> dict:
    entries = [e for d in reading_order(env) for e in store(env).get(d, [])]
    synonyms = merge_groups(synonyms + [glossary_names(e["terms"]) for e in entries if e["terms"]])
    docs, sections, postings = [], [], {}
    for docname in reading_order(env):
        if docname not in store(env):
            continue
        doc = len(docs)
        entries = store(env)[docname]
        title = entries[0]["title"] if entries else docname
        docs.append([docname, title, DOC_WEIGHT.get(docname, 1)])
        for entry in entries:
            number = len(sections)
            sections.append({**entry, "doc": doc})
            counts = Counter()
            for word, n in entry["prose"].items():
                counts[word] += n
            for word, n in entry["code"].items():
                counts[word] += n * CODE_WEIGHT
            title = entry["title"].lower()
            title_words = set(entry["title_words"]) | set(synonym_counts(title, synonyms))
            for word, n in synonym_counts(entry["text"], synonyms).items():
                counts[word] += max(0, n - (word in title_words))  # the title is not prose
            sections[-1]["title_words"] = sorted(title_words)
            for word in set(counts) | title_words:
                postings.setdefault(word, []).append((number, counts[word], word in title_words))
    total = len(sections)
    # A title that several pages use (要点, 常见错误) says nothing about what its section holds.
    pages_by_title = Counter()
    for title in {(s["doc"], s["title"]) for s in sections}:
        pages_by_title[title[1]] += 1

    def idf(word: str) -> float:
        return math.log(1 + total / len(postings[word]))

    return {
        "docs": docs,
        # [page, anchor, title, excerpt, how much the title's words weigh (0: a title several
        # pages use, no title bonus), how many words its text has]
        "sections": [
            [
                s["doc"],
                s["anchor"],
                s["title"],
                s["excerpt"],
                0 if pages_by_title[s["title"]] > 2 else round(sum(map(idf, s["title_words"])), 2),
                round(sum(s["prose"].values()) + CODE_WEIGHT * sum(s["code"].values())),
            ]
            for s in sections
        ],
        "words": {word: encode(postings[word]) for word in sorted(postings)},
        "synonyms": synonyms,
    }


def glossary_names(terms: list[str]) -> list[str]:
    """The names of one glossary entry: "identity map（标识映射）" is two names."""
    names = []
    for term in terms:
        names += [n.strip().lower() for n in re.split(r"[（）()/]", term) if n.strip()]
    return names


def merge_groups(groups: list[list[str]]) -> list[list[str]]:
    """Groups of synonyms, those that share a word merged into one, in a stable order."""
    merged: list[list[str]] = []
    for group in groups:
        overlapping = [g for g in merged if set(g) & set(group)]
        union = [w for g in overlapping for w in g] + group
        merged = [g for g in merged if g not in overlapping] + [list(dict.fromkeys(union))]
    return [g for g in merged if len(g) > 1]


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def vlq(value: int) -> str:
    """value in base 32, low digits first, each digit but the last marked by +32."""
    out = ""
    while value >= 32:
        out += ALPHABET[32 + (value & 31)]
        value >>= 5
    return out + ALPHABET[value]


def encode(postings: list[tuple[int, float, bool]]) -> str:
    """A word's sections as text (zhsearch.js decodes it): for each section, the distance
    from the previous one and ``2 * count + in_title``, where count is how often the word
    occurs in its text in half occurrences (1 to 15; 0 for a word of the title only)."""
    out, previous = [], 0
    for number, count, in_title in postings:
        half = 0 if not count else min(max(round(count * 2), 1), 15)
        out.append(vlq(number - previous) + vlq(half * 2 + in_title))
        previous = number
    return "".join(out)


def read_synonyms(path: str) -> list[list[str]]:
    """docs/search-synonyms.txt: one group of words a reader may use for the same thing a line."""
    if not path:
        return []
    groups = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        group = [word.strip().lower() for word in line.split("=") if word.strip()]
        if len(group) > 1:
            groups.append(group)
    return groups


def write_index(app):
    """html-collect-pages (every page read, search.html not yet written): write the index."""
    index = build_index(app.env, read_synonyms(app.config.zhsearch_synonyms))
    data = f"window.ZHSEARCH={json.dumps(index, ensure_ascii=False, separators=(',', ':'))};\n"
    target = Path(app.outdir, "_static")
    ensuredir(target)
    (target / INDEX_FILE).write_text(data, encoding="utf-8")
    app.builder.zhsearch_version = hashlib.sha1(data.encode()).hexdigest()[:8]
    return []


def page_context(app, pagename, templatename, context, doctree) -> None:
    """search.html loads the index by a URL that changes with it (no stale cached index)."""
    if pagename == "search":
        context["zhsearch_version"] = getattr(app.builder, "zhsearch_version", "")


class LazySearchChinese(SearchChinese):
    """Sphinx 9.0's zh search with two fixes.

    The stock class loads the user dictionary (and so jieba's 5 MB main dictionary)
    when the HTML builder starts, even for a no-op rebuild (~2 s); this waits for the
    first text to segment.

    It also ships english-stemmer.js but names the JS class after language_name, so
    language_data.js ends ``window.Stemmer = ChineseStemmer``, which is undefined, and
    every search on search.html fails (sphinx-doc/sphinx#14229, fixed in Sphinx 9.1).
    """

    language_name = "English"  # the name of the stemmer class it ships

    def __init__(self, options: dict[str, str]) -> None:
        self.user_dict = options.get("dict", "")
        super().__init__({**options, "dict": ""})

    def split(self, input: str) -> list[str]:
        load_user_dict(self.user_dict)
        return super().split(input)


_loaded: set[str] = set()


def load_user_dict(path: str) -> None:
    if path and path not in _loaded:
        jieba_load_userdict(path)
        _loaded.add(path)


def on_read(app, doctree) -> None:
    load_user_dict(app.config.html_search_options.get("dict", ""))
    collect(app, doctree)


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
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
