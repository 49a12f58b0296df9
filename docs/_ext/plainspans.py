"""No <span> around code tokens that look exactly like the text around them.

Pygments wraps every name, punctuation mark and run of spaces in a span (``<span class="n">``),
though in the site's colour schemes those spans draw nothing the surrounding ``.highlight``
does not: on session-basics they were 5,000 of the page's 12,000 elements, and a phone spends
its first layout on them. Each such token is written as plain text instead: the text, its
copy and the doctest are unchanged, and so is what the reader sees.

A token is plain only if it looks the same as the code's own text in the light and in the
dark style (same colour, weight, slant, underline, background, border); a whitespace token
shows no glyph, so its colour, weight and slant do not matter (only the caret of an edited
运行 cell takes the colour of the text it is in: between words it now has the text's colour,
as beside a name, not the #666 of spaces in the dark style, native). Change pygments_style or
pygments_dark_style to one that colours punctuation and the spans come back by themselves.
"""

import re

from pygments.formatters import HtmlFormatter
from pygments.token import Name, Punctuation, Text, Whitespace
from sphinx.highlighting import PygmentsBridge

CANDIDATES = (Name, Punctuation, Whitespace)
GLYPH_ONLY = re.compile(r"(?:color|font-weight|font-style): [^;]*(?:; |$)")


def effective_css(formatter: HtmlFormatter, ttype) -> str:
    """The CSS a span of ttype gets: its class's rule, or the .highlight rule it inherits."""
    name = formatter.ttype2class.get(ttype, "")
    if not name:
        name = formatter.ttype2class.get(Text, "")
    return formatter.class2style[name][0] if name in formatter.class2style else ""


def plain_tokens(*styles) -> frozenset:
    """The CANDIDATES that look like the code's own text in every one of styles."""
    plain = set()
    for ttype in CANDIDATES:
        same = True
        for style in styles:
            formatter = HtmlFormatter(style=style)
            css, text = effective_css(formatter, ttype), effective_css(formatter, Text)
            if ttype is Whitespace:
                css, text = GLYPH_ONLY.sub("", css), GLYPH_ONLY.sub("", text)
            same = same and css == text
        if same:
            plain.add(ttype)
    return frozenset(plain)


def formatter_for(plain: frozenset) -> type:
    class PlainSpanFormatter(HtmlFormatter):
        def _format_lines(self, tokensource):
            def tokens():
                for ttype, value in tokensource:
                    if ttype in plain and (ttype is not Whitespace or value.isspace()):
                        ttype = Text
                    yield ttype, value

            return super()._format_lines(tokens())

    return PlainSpanFormatter


def builder_inited(app):
    highlighter = getattr(app.builder, "highlighter", None)
    if highlighter is None or highlighter.formatter is not HtmlFormatter:
        return  # not an HTML builder, or somebody else's formatter: leave it
    light = highlighter.formatter_args["style"]
    dark = PygmentsBridge("html", app.config.pygments_dark_style).formatter_args["style"]
    app.builder.highlighter.formatter = formatter_for(plain_tokens(light, dark))


def setup(app):
    # after furo's builder-inited (which reads the highlighter's style), before any writing
    app.connect("builder-inited", builder_inited, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
