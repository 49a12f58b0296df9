"""Search words marked everywhere on the page, not only in the first children of an element.

A search result links to its section with ``?highlight=words``, and Sphinx's
sphinx_highlight.js wraps each match in ``<span class="highlighted">``. It walks an element's
children with ``node.childNodes.forEach``; forEach fixes the length of the live list before it
starts, and every match inserts two nodes (the marked word and the text after it), so an
element's last children go unvisited: two per match before them. Code blocks, whose names and
punctuation are plain text between the coloured spans (plainspans.py), lost up to one match in
five (session-basics: "session" 308 of 376 marked); a paragraph with a link after its matches
lost some too.

The fix walks a copy of the list (``Array.from``): the text after a match is already marked by
the recursive call, and every original child is visited once. It is applied to the file Sphinx
copies into _static at each build, so an upgraded Sphinx brings its own version and, if that no
longer has the line (or the file), the build warns, naming the file, and fails under -W.
"""

from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

SCRIPT = Path("_static") / "sphinx_highlight.js"
HERE = "docs/_ext/highlightfix.py"
LIVE = "node.childNodes.forEach("
SNAPSHOT = "Array.from(node.childNodes).forEach("


def fixed(source: str) -> str:
    """source with its one walk over a live child list made a walk over a copy of it."""
    if SNAPSHOT in source:
        return source
    found = source.count(LIVE)
    if found != 1:
        raise ValueError(
            f"expected {LIVE!r} once, found it {found} times: Sphinx's highlighter changed; "
            f"check whether it still misses matches and update {HERE}"
        )
    return source.replace(LIVE, SNAPSHOT)


def checked(path: Path) -> str:
    """Fix the highlighter at path; what is wrong, naming the file ("" if nothing is)."""
    if not path.exists():
        return f"{path}: no such file: Sphinx renamed its highlighter; update {HERE}"
    source = path.read_text(encoding="utf-8")
    try:
        result = fixed(source)
    except ValueError as problem:
        return f"{path}: {problem}"
    if result != source:
        path.write_text(result, encoding="utf-8")
    return ""


def patch(app, exception) -> None:
    problem = exception is None and app.builder.format == "html" and checked(app.outdir / SCRIPT)
    if problem:
        logger.warning("%s", problem)  # the build fails under -W


def setup(app):
    app.connect("build-finished", patch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
