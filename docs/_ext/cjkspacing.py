"""Drop the line breaks between Chinese characters that a browser would show as spaces."""

import re

from docutils import nodes
from docutils.transforms import Transform

# Han characters, CJK punctuation and full-width forms: no space belongs between two of them.
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
INNER = re.compile(rf"(?<=[{CJK}])\n(?=[{CJK}])")
ENDS_CJK = re.compile(rf"[{CJK}]\n?$")
STARTS_CJK = re.compile(rf"^\n?[{CJK}]")


def is_prose(node: nodes.Text) -> bool:
    return not isinstance(node.parent, (nodes.FixedTextElement, nodes.literal, nodes.raw))


class JoinChineseLines(Transform):
    """reST turns a line break inside a paragraph into a space; Chinese text wants none."""

    default_priority = 900

    def apply(self) -> None:
        # Every text counts as "what follows" (``code`` and links too); only prose changes.
        texts = list(self.document.findall(nodes.Text))
        for i, text in enumerate(texts):
            if not is_prose(text):
                continue
            new = INNER.sub("", str(text))
            before = texts[i - 1] if i else ""
            after = texts[i + 1] if i + 1 < len(texts) else ""
            if new.endswith("\n") and ENDS_CJK.search(new) and STARTS_CJK.match(after):
                new = new[:-1]
            if new.startswith("\n") and STARTS_CJK.match(new) and ENDS_CJK.search(before):
                new = new[1:]
            if new != str(text):
                # Not parent.replace(): it finds the child by ==, i.e. the first equal text.
                siblings = text.parent.children
                siblings[next(j for j, n in enumerate(siblings) if n is text)] = nodes.Text(new)


def setup(app):
    # After references are resolved: a :ref: or :doc: only gets its title text then.
    app.add_post_transform(JoinChineseLines)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
