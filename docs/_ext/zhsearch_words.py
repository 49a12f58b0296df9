"""Words of the site's search (zhsearch): jieba for Chinese, folded Latin words, synonyms."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from jieba import cut
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS
from sphinx.search.zh import cut_for_search

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[a-z0-9_]+")
# Chinese characters that say nothing on their own.
CJK_STOP = set(
    "的了是在和也就都而及与或这那个把被让给对从到为以着呢吗吧啊所其之即则但并且"
    "它你里上下中后时不会再只要有先还才已又另仍却能等由过见"
)


def latin_word(word: str) -> str:
    """Fold a plural to its singular the same way zhsearch.js does (sessions -> session)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str, parts: bool = True) -> list[str]:
    """The index words of text: jieba's words for Chinese, lowercased words for Latin.

    With parts, also the words inside a longer one, which a query has at half weight: the
    dictionary words of a Chinese word (jieba's cut_for_search: 阶段 of 两阶段提交) and the
    parts of an identifier (autoflush of no_autoflush)."""
    text = text.lower()
    found = []
    for run in CJK.findall(text):
        cutter = cut_for_search if parts else cut
        found += [w for w in cutter(run) if not (len(w) == 1 and w in CJK_STOP)]
    for word in LATIN.findall(text):
        if word.isdigit() or len(word) < 2 or word in ENGLISH_STOPWORDS:
            continue
        found.append(latin_word(word))
        if parts and "_" in word.strip("_"):  # no_autoflush is also found as autoflush
            pieces = [p for p in word.split("_") if len(p) > 1 and p not in ENGLISH_STOPWORDS]
            found += [latin_word(p) for p in pieces]
    return found


def synonym_counts(text: str, synonyms: list[list[str]]) -> Counter:
    """A word ``~N`` for each group of synonyms that text mentions, as often as it does
    (zhsearch.js adds ``~N`` to a query that mentions one of group N).  A Chinese phrase
    inside a longer one is not mentioned there: 不可重复读 is not 可重复读, 读已提交 not 提交."""
    counts = Counter()
    cjk = sorted(
        ((p, n) for n, g in enumerate(synonyms) for p in g if CJK.search(p)),
        key=lambda x: -len(x[0]),
    )
    for phrase, n in cjk:
        counts[f"~{n}"] += text.count(phrase)
        text = text.replace(phrase, " ")
    for n, group in enumerate(synonyms):
        for phrase in group:
            if not CJK.search(phrase):
                pattern = rf"(?<![a-z0-9_]){re.escape(phrase)}(?![a-z0-9_])"
                counts[f"~{n}"] += len(re.findall(pattern, text))
    return +counts


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


def glossary_names(terms: list[str]) -> list[str]:
    """The names of one glossary entry: "identity map（标识映射）" is two names."""
    names = []
    for term in terms:
        names += [n.strip().lower() for n in re.split(r"[（）()/]", term) if n.strip()]
    return names


def gerund_groups(vocabulary: set[str]) -> list[list[str]]:
    """[verb, gerund] for each -ing word of vocabulary whose verb it also has: the official
    headings say "Expunging", "Merging", "Refreshing"; readers type expunge, merge, refresh."""
    groups = []
    for word in sorted(vocabulary):
        if len(word) < 6 or not word.endswith("ing") or "_" in word:
            continue
        stem = word[:-3]
        doubled = [stem[:-1]] if stem[-1] == stem[-2] else []  # committing -> commit
        for verb in [stem, stem + "e", *doubled]:  # flushing, closing
            if verb in vocabulary and not verb.endswith("ing"):
                groups.append([verb, word])
                break
    return groups


def merge_groups(groups: list[list[str]]) -> list[list[str]]:
    """Groups of synonyms, those that share a word merged into one, in a stable order."""
    merged: list[list[str]] = []
    for group in groups:
        overlapping = [g for g in merged if set(g) & set(group)]
        union = [w for g in overlapping for w in g] + group
        merged = [g for g in merged if g not in overlapping] + [list(dict.fromkeys(union))]
    return [g for g in merged if len(g) > 1]
