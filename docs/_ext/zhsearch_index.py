"""The index zhsearch writes: postings of every word by section, compactly encoded."""

from __future__ import annotations

import math
from collections import Counter

from zhsearch_words import gerund_groups, glossary_names, merge_groups, synonym_counts, words

# Pages read less for their own sake: a glossary entry is a one-line definition, the home
# page a table of contents.  Their sections score this much of a chapter's.
DOC_WEIGHT = {"glossary": 0.35, "index": 0.5}
CODE_WEIGHT = 0.25  # a word in a code block or its output counts this much of a word in prose


def reading_order(env, stored: dict) -> list[str]:
    """Documents in the order of the toctree from the root (the sidebar's), then the rest."""
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order or docname not in env.found_docs:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(env.config.root_doc)
    return order + sorted(set(stored) - set(order))


def build_index(env, stored: dict, synonyms: list[list[str]]) -> dict:
    """The index of stored (docname: its entries, zhsearch_collect.collect())."""
    entries = [e for d in reading_order(env, stored) for e in stored.get(d, [])]
    glossary = [glossary_names(e["terms"]) for e in entries if e["terms"]]
    prose = {w for e in entries for w in [*e["prose"], *e["title_words"]]}
    synonyms = merge_groups(synonyms + glossary + gerund_groups(prose))
    docs, sections, postings = [], [], {}
    for docname in reading_order(env, stored):
        if docname not in stored:
            continue
        doc = len(docs)
        entries = stored[docname]
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
        return math.log(1 + total / len(postings[word])) if word in postings else 0

    return {
        "docs": docs,
        # [page, anchor, title, excerpt, how much the title's words weigh (0: a title several
        # pages use, no title bonus), how many words its text has, and when it has any, the
        # title's words that are only parts of a longer word of it]
        "sections": [
            [
                s["doc"],
                s["anchor"],
                s["title"],
                s["excerpt"],
                0 if pages_by_title[s["title"]] > 2 else title_weight(s["title"], synonyms, idf),
                round(sum(s["prose"].values()) + CODE_WEIGHT * sum(s["code"].values())),
            ]
            + ([s["title_parts"]] if s["title_parts"] else [])
            for s in sections
        ],
        "words": {word: encode(postings[word]) for word in sorted(postings)},
        "synonyms": synonyms,
    }


def title_weight(title: str, synonyms: list[list[str]], idf) -> float:
    """How much a title's words weigh: its heavier half when it says the same thing in two
    languages ("Merging — merge() 与 merge_all()"), a synonym group once for all its words
    (zhsearch.js counts a query's synonyms the same way)."""
    halves = []
    for half in title.lower().split(" — "):
        groups = synonym_counts(half, synonyms)
        members = {w for n in groups for w in synonyms[int(n[1:])]}
        members |= {p for m in members for p in m.split("_")}
        halves.append(sum(idf(w) for w in set(words(half)) - members) + sum(map(idf, groups)))
    return round(max(halves), 2)


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
