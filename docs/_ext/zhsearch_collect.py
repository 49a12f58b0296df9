"""What zhsearch indexes of a document: its sections and glossary terms, prose apart from code."""

from __future__ import annotations

from collections import Counter

from docutils import nodes
from sphinx import addnodes
from zhsearch_words import words

EXCERPT = 64  # characters of each section's text shown under its result

SKIPPED = (nodes.comment, nodes.system_message)


def is_code(node: nodes.Node) -> bool:
    return isinstance(node, (nodes.literal_block, nodes.doctest_block))


class Collector:
    """One document's sections: (anchor, title, prose words, code words, excerpt)."""

    def __init__(self) -> None:
        self.sections: list[dict] = []

    def add(self, anchor: str, title: str, body: list[nodes.Node], terms: list[str] = ()) -> None:
        prose, code = [], []
        for node in body:
            self.text(node, prose, code)
        if not prose and not code:  # a heading over subsections only: it holds what they hold
            for node in body:
                self.text(node, prose, code, nested=True)
        prose_text = " ".join(" ".join(prose).split())
        self.sections.append(
            {
                "anchor": anchor,
                "title": title,
                "title_words": sorted(set(words(title))),
                # words the title has only inside a longer word (对象 of 对象图)
                "title_parts": sorted(set(words(title)) - set(words(title, parts=False))),
                "prose": dict(Counter(words(prose_text))),
                "code": dict(Counter(words(" ".join(code)))),
                "excerpt": excerpt(prose_text),
                "text": f"{title}\n{prose_text}".lower(),  # for synonyms (known at the end)
                "terms": list(terms),  # a glossary entry's names: synonyms of each other
            }
        )

    def text(
        self, node: nodes.Node, prose: list[str], code: list[str], nested: bool = False
    ) -> None:
        if (
            isinstance(node, (addnodes.glossary, *SKIPPED))
            or isinstance(node, nodes.section)
            and not nested
        ):
            return  # a subsection and each glossary term are sections of their own
        if isinstance(node, nodes.Text):
            prose.append(node.astext())  # without the NUL that marks an rst escape
        elif is_code(node):
            code.append(node.astext())
        elif isinstance(node, nodes.raw):
            return  # inline SVG (state diagrams): its labels repeat the prose
        else:
            for child in node.children:
                self.text(child, prose, code, nested)


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT].rstrip() + "…"


def collect(doctree: nodes.document) -> list[dict]:
    """The index entries of one document, in document order."""
    collector = Collector()
    for section in doctree.findall(nodes.section):
        title = section[0].astext() if isinstance(section[0], nodes.title) else ""
        top = section.parent is doctree
        anchor = "" if top else min(section["ids"], key=len)  # a label is shorter than a title
        collector.add(anchor, title, section.children[1:])
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [t for t in item.findall(nodes.term)]
            if not terms or not terms[0]["ids"]:
                continue
            title = " / ".join(t.astext() for t in terms)
            definitions = [n for n in item.children if isinstance(n, nodes.definition)]
            collector.add(terms[0]["ids"][0], title, definitions, [t.astext() for t in terms])
    return collector.sections
