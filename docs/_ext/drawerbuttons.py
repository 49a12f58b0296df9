"""furo's menu and contents icons as real buttons: a filter for docs/_templates/page.html.

furo draws them as <label for="__navigation"> / <label for="__toc"> of hidden checkboxes, which
a keyboard cannot reach; a label may not take role="button" either (axe: aria-allowed-role).
The filter turns each into a <button type="button" data-drawer="..."> with the same classes and
icon, named and tied to its drawer; docs/_static/drawers.js makes a press toggle the checkbox
(furo's CSS opens the drawer from it, as before). furo's dimming overlays stay labels: a
click there closes the drawer, and they are not in the tab order.
"""

from __future__ import annotations

import re

from sphinx.errors import ExtensionError

# The drawer each checkbox opens: the button's accessible name and the drawer's id.
DRAWERS = {"__navigation": ("站点导航", "site-navigation"), "__toc": ("本页目录", "page-toc")}
ICON = re.compile(
    r'<label class="((?:nav|toc)-overlay-icon[^"]*)" for="(__navigation|__toc)">(.*?)</label>',
    re.DOTALL,
)


def button(match: re.Match) -> str:
    classes, box, icon = match.groups()
    name, drawer = DRAWERS[box]
    return (
        f'<button type="button" class="{classes}" data-drawer="{box}" aria-label="{name}" '
        f'aria-controls="{drawer}" aria-expanded="false">{icon}</button>'
    )


def drawer_buttons(body: str) -> str:
    """body with furo's three drawer icons as buttons; an error if furo's markup changed."""
    new, count = ICON.subn(button, body)
    if count != 3:
        raise ExtensionError(
            f"drawerbuttons: found {count} of furo's 3 drawer icons (<label class=\"nav-overlay-"
            'icon" / "toc-overlay-icon ..." for="__navigation|__toc">): did furo change them?'
        )
    return new


def add_filter(app) -> None:
    if hasattr(app.builder, "templates"):
        app.builder.templates.environment.filters["drawer_buttons"] = drawer_buttons


def setup(app):
    app.connect("builder-inited", add_filter)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
