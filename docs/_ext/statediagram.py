"""Draw a state diagram from a TOML source as inline SVG, at build time."""

import math
import tomllib
from html import escape

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from statelist import listing

CELL_W, CELL_H = 241, 220  # grid spacing: wide enough that no label touches another arrow
BOX_W, BOX_H = 120, 46  # one state
MARGIN = 67  # room for the labels beside the outer arrows

# The SVG is drawn at its own size, never scaled down: 12 px labels stay 12 px on screen. A box
# narrower than MAX_WIDTH (a phone) shows the same states and transitions as a list instead
# (statediagram.css switches at this width); a wider diagram is refused.
MAX_WIDTH = 736
# Colours, line widths and font sizes: statediagram.css (12 px labels, 13 px state names).


def clip(cx: float, cy: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the ray from a box centre (cx, cy) towards (tx, ty) leaves the box, plus a gap."""
    dx, dy = tx - cx, ty - cy
    scale = min((BOX_W / 2 + 4) / (abs(dx) or 1e-9), (BOX_H / 2 + 4) / (abs(dy) or 1e-9))
    return cx + dx * scale, cy + dy * scale


def label(text: str, mx: float, my: float, nx: float, ny: float, bend: float) -> str:
    """A transition's label beside the point (mx, my) of its curve, on the outer side."""
    # A straight line's label goes above it (or left of it, if the line is vertical).
    side = 1 if bend > 0 or (bend == 0 and (ny, nx) < (0, 0)) else -1
    ox, oy = side * nx, side * ny  # unit vector from the line towards the label
    x, y = mx + 6 * ox, my + 6 * oy
    anchor = "start" if ox > 0.3 else "end" if ox < -0.3 else "middle"
    baseline = "auto" if oy < -0.3 else "hanging" if oy > 0.3 else "middle"
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" dominant-baseline="{baseline}" '
        f'class="label">{escape(text)}</text>'
    )


def size(states: dict) -> tuple[int, int]:
    """The width and height of the SVG for these states, in px on screen."""
    width = 2 * MARGIN + BOX_W + CELL_W * max(s["col"] for s in states.values())
    return width, 2 * MARGIN + BOX_H + CELL_H * max(s["row"] for s in states.values())


def render(source: dict, uid: str) -> str:
    """The <svg> element for a parsed diagram source, and its list form, in one box."""
    states = source["states"]
    centre = {
        name: (MARGIN + BOX_W / 2 + s["col"] * CELL_W, MARGIN + BOX_H / 2 + s["row"] * CELL_H)
        for name, s in states.items()
    }
    width, height = size(states)
    title = escape(source["title"])
    out = [
        '<div class="state-diagram-box">',
        f'<svg class="state-diagram" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{title}" viewBox="0 0 {width} {height}" width="{width}">',
        f"<title>{title}</title>",
        f'<defs><marker id="{uid}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
    ]
    for t in source.get("transitions", []):
        (x1, y1), (x2, y2) = centre[t["from"]], centre[t["to"]]
        length = math.hypot(x2 - x1, y2 - y1)
        nx, ny = (y1 - y2) / length, (x2 - x1) / length  # unit normal, left of the arrow
        bend = t.get("bend", 0)
        qx, qy = (x1 + x2) / 2 + 2 * bend * nx, (y1 + y2) / 2 + 2 * bend * ny
        sx, sy = clip(x1, y1, qx, qy)
        ex, ey = clip(x2, y2, qx, qy)
        out.append(
            f'<path d="M{sx:.1f},{sy:.1f} Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}" fill="none" '
            f'stroke="currentColor" stroke-width="1.5" marker-end="url(#{uid}-arrow)"/>'
        )
        u = t.get("at", 0.5)  # where along the curve its label sits: 0 start, 1 end
        mx = (1 - u) ** 2 * sx + 2 * u * (1 - u) * qx + u**2 * ex
        my = (1 - u) ** 2 * sy + 2 * u * (1 - u) * qy + u**2 * ey
        out.append(label(t["label"], mx, my, nx, ny, bend))
    for name, s in states.items():
        cx, cy = centre[name]
        out.append(
            f'<rect x="{cx - BOX_W / 2:.1f}" y="{cy - BOX_H / 2:.1f}" width="{BOX_W}" '
            f'height="{BOX_H}" rx="10"/>'
            f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" dominant-baseline="middle" '
            f'fill="currentColor" font-weight="bold">{escape(s.get("label", name))}</text>'
        )
    out.append("</svg>")
    out.append(listing(source))
    out.append("</div>")
    return "\n".join(out)


def check(source: dict) -> None:
    """Refuse a source that misses a field or names a state it does not define."""
    states = source.get("states") or {}
    if not states or "title" not in source:
        raise ValueError("needs a 'title' and at least one [states.<name>] table")
    for name, s in states.items():
        if not all(isinstance(s.get(k), int) for k in ("col", "row")):
            raise ValueError(f"state {name!r} needs integer 'col' and 'row'")
    if size(states)[0] > MAX_WIDTH:
        columns = max(s["col"] for s in states.values()) + 1
        raise ValueError(f"{columns} columns are wider than {MAX_WIDTH} px; use fewer")
    for i, t in enumerate(source.get("transitions", []), start=1):
        for end in ("from", "to"):
            if t.get(end) not in states:
                raise ValueError(
                    f"transition {i} ({t.get('label')!r}): unknown state {t.get(end)!r} "
                    f"in {end!r}; the states are {', '.join(states)}"
                )
        if "label" not in t or t["from"] == t["to"]:
            raise ValueError(f"transition {i} needs a 'label' and two different states")


class StateDiagram(SphinxDirective):
    """``.. state-diagram:: _diagrams/name.toml`` (path relative to the page)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        rel, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(rel)
        try:
            with open(path, "rb") as f:
                source = tomllib.load(f)
            check(source)
        except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
            raise self.error(f"state diagram {rel}: {exc}") from None
        uid = f"state-diagram-{self.env.new_serialno('state-diagram')}"
        return [nodes.raw("", render(source, uid), format="html")]


def setup(app):
    app.add_directive("state-diagram", StateDiagram)
    app.setup_extension("statelist")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
