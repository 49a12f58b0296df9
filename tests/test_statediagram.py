"""The state-diagram directive draws its TOML source as inline SVG; a broken source fails.

Each test builds a throwaway site with the real conf.py and extensions, as
test_bad_input.py does, with one page showing one diagram.
"""

import tomllib
from html import escape

from conftest import DOCS, sphinx_build
from statediagram import MAX_WIDTH

SOURCE = DOCS / "_diagrams" / "session-states.toml"


def build_diagram(root, source: str, builder: str = "html"):
    (root / "docs" / "_diagrams").mkdir(parents=True)
    (root / "snippets").mkdir()
    (root / "docs" / "_diagrams" / "states.toml").write_text(source, encoding="utf-8")
    (root / "docs" / "index.rst").write_text(
        "Demo\n====\n\n.. state-diagram:: _diagrams/states.toml\n", encoding="utf-8"
    )
    return sphinx_build(
        builder, root / "out", root / "docs", "-D", f"snippet_root={root / 'snippets'}"
    )


def test_diagram_renders_every_state_and_transition_as_inline_svg(tmp_path):
    source = SOURCE.read_text(encoding="utf-8")
    build = build_diagram(tmp_path, source)
    assert build.returncode == 0, build.log
    page = (build.outdir / "index.html").read_text(encoding="utf-8")
    diagram = tomllib.loads(source)
    start = page.index('<svg class="state-diagram"')
    svg = page[start : page.index("</svg>", start)]
    assert 'role="img"' in svg and f'aria-label="{escape(diagram["title"])}"' in svg
    assert f">{escape(diagram['title'])}</title>" in svg
    labels = [s["label"] for s in diagram["states"].values()]
    labels += [t["label"] for t in diagram["transitions"]]
    missing = [label for label in labels if f">{escape(label)}</text>" not in svg]
    assert not missing, missing
    assert svg.count("marker-end=") == len(diagram["transitions"])


def test_transition_to_an_unknown_state_fails_the_build_naming_the_file(tmp_path):
    source = SOURCE.read_text(encoding="utf-8")
    number = len(tomllib.loads(source)["transitions"]) + 1
    source += '\n[[transitions]]\nfrom = "pending"\nto = "limbo"\nlabel = "vanish()"\n'
    build = build_diagram(tmp_path, source, builder="dummy")
    assert build.returncode != 0
    assert f"state diagram _diagrams/states.toml: transition {number} ('vanish()'): " in build.log
    assert "unknown state 'limbo' in 'to'" in build.log, build.log


def test_diagram_is_drawn_at_its_own_size_and_listed_for_narrow_screens(tmp_path):
    """The SVG is never scaled down (statediagram.css shows the list below its width), and
    the list names every transition under the state it leaves, with the state it enters."""
    build = build_diagram(tmp_path, SOURCE.read_text(encoding="utf-8"))
    assert build.returncode == 0, build.log
    page = (build.outdir / "index.html").read_text(encoding="utf-8")
    svg_tag = page[page.index('<svg class="state-diagram"') :].partition(">")[0]
    assert f'width="{MAX_WIDTH}"' in svg_tag and "min-width" not in svg_tag, svg_tag
    assert '<link rel="stylesheet" type="text/css" href="_static/statediagram.css' in page
    diagram = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
    states = {key: s["label"] for key, s in diagram["states"].items()}
    listed = page[page.index('<ul class="state-diagram-list"') : page.index("</ul></li>\n</ul>")]
    sections = dict(
        (part.partition("</span>")[0], part)
        for part in listed.split('<span class="state-diagram-state">')[1:]
    )
    missing = [
        t
        for t in diagram["transitions"]
        if f'{escape(t["label"])}</span> <span class="state-diagram-to">→ '
        f"{escape(states[t['to']])}</span>" not in sections.get(escape(states[t["from"]]), "")
    ]
    assert sorted(sections) == sorted(map(escape, states.values())) and not missing, missing


def test_a_diagram_wider_than_a_page_column_fails_the_build(tmp_path):
    source = SOURCE.read_text(encoding="utf-8")
    source += '\n[states.archived]\nlabel = "archived"\ncol = 3\nrow = 0\n'
    build = build_diagram(tmp_path, source, builder="dummy")
    assert build.returncode != 0
    assert f"4 columns are wider than {MAX_WIDTH} px" in build.log, build.log
