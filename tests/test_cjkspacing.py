"""The cjkspacing transform: line breaks between Chinese characters vanish, others stay."""

import pytest
from docutils.core import publish_doctree

from cjkspacing import JoinChineseLines


def render(rst: str) -> str:
    doctree = publish_doctree(rst, settings_overrides={"report_level": 5})
    JoinChineseLines(doctree).apply()
    return doctree.astext()


@pytest.mark.parametrize(
    "source, shown",
    [
        ("两个模型，\n并读懂", "两个模型，并读懂"),
        ("Session 会把对象\n放进 identity map", "Session 会把对象放进 identity map"),
        ("关闭\n*之后*\n再用", "关闭之后再用"),
        ("进入\n``transient``\n状态", "进入\ntransient\n状态"),
        ("调用 ``flush()``\n之后", "调用 flush()\n之后"),
        ("Session\n会", "Session\n会"),
        ("then\n中文", "then\n中文"),
        ("*一*，\n*二*，\n*三*", "一，二，三"),
        ("*一*，\n``x``，\n*三*", "一，x，三"),
        ("用 inspect()、\n``new``\n和 ``dirty``", "用 inspect()、new\n和 dirty"),
        ("会话（\nSession\n）", "会话（Session）"),
    ],
)
def test_only_breaks_between_chinese_characters_are_dropped(source, shown):
    assert render(source) == shown


def test_code_blocks_keep_their_line_breaks():
    assert render("例如：\n\n.. code-block:: text\n\n   中文\n   中文\n") == "例如：\n\n中文\n中文"
