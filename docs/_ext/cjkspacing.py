"""Drop the line breaks in Chinese prose that a browser would show as spaces."""

import re

from docutils import nodes
from docutils.transforms import Transform

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
PUNCTUATION = re.compile("[\u3000-\u303f\uff00-\uffef]")  # CJK punctuation, full-width forms


def joins(before: str, after: str) -> bool:
    """No space belongs between two Chinese characters, nor next to full-width punctuation."""
    if PUNCTUATION.fullmatch(before) or PUNCTUATION.fullmatch(after):
        return True
    return bool(HAN.fullmatch(before) and HAN.fullmatch(after))


def join_lines(text: str, before: str, after: str) -> str:
    """text without the line breaks joins() drops; before/after: the neighbouring characters."""
    padded = before + text + after
    return "".join(
        char
        for j, char in enumerate(padded)
        if len(before) <= j < len(padded) - len(after)
        and not (char == "\n" and joins(padded[j - 1 : j], padded[j + 1 : j + 2]))
    )


def is_prose(node: nodes.Text) -> bool:
    return not isinstance(node.parent, (nodes.FixedTextElement, nodes.literal, nodes.raw))


class JoinChineseLines(Transform):
    """reST turns a line break inside a paragraph into a space; Chinese text wants none."""

    default_priority = 900

    def apply(self) -> None:
        # Every text is a neighbour (``code`` and links too); only prose changes.
        texts = list(self.document.findall(nodes.Text))
        for i, text in enumerate(texts):
            if not is_prose(text) or "\n" not in text:
                continue
            before = texts[i - 1][-1:] if i else ""
            after = texts[i + 1][:1] if i + 1 < len(texts) else ""
            new = join_lines(str(text), before, after)
            if new != text:
                # Not parent.replace(): it finds the child by ==, i.e. the first equal text.
                siblings = text.parent.children
                siblings[next(k for k, n in enumerate(siblings) if n is text)] = nodes.Text(new)


def setup(app):
    # After references are resolved: a :ref: or :doc: only gets its title text then.
    app.add_post_transform(JoinChineseLines)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
