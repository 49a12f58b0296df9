"""Checked by tools, not by eye: axe-core on every page and view, and section links that land.

Each page and view is its own test, so xdist spreads them over the workers; the browser and
the served site are per worker (conftest.py).
"""

from __future__ import annotations

import re

import pytest
from chromium import VIEWPORTS

from conftest import DOCS

# Every page the build writes: one per source page, and the ones Sphinx and the theme add.
PAGES = sorted([page.stem for page in DOCS.glob("*.rst")] + ["genindex", "search", "404"])


def test_every_built_page_is_checked(html_build):
    built = sorted(html.stem for html in html_build.outdir.glob("*.html"))
    assert built == PAGES, f"pages built but not checked, or checked but not built: {built}"


# -- Section links land on their heading ------------------------------------------------

# The long pages, where a jump crosses dozens of snippet cells; a sample of their sections.
LONG_PAGES = ["session-basics", "errors", "cascades", "transactions"]
ANCHORS_PER_PAGE = 4
# Wait until the page has stopped scrolling (furo scrolls smoothly; cells may still lay out):
# the same scroll position for 300 ms, 5 s at most. Then the heading's top in the viewport,
# and whether the page is scrolled to its end.
SETTLED_TOP = """async (id) => {
  let last = -1, same = 0;
  for (let i = 0; i < 250 && same < 15; i++) {
    await new Promise(resolve => setTimeout(resolve, 20));
    same = window.scrollY === last ? same + 1 : 0;
    last = window.scrollY;
  }
  const heading = document.getElementById(id).querySelector("h1, h2, h3, h4, h5, h6");
  const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
  return [heading.getBoundingClientRect().top, bottom];
}"""


def section_anchors(html, count: int = ANCHORS_PER_PAGE) -> list[str]:
    """Evenly spaced section ids of a page, the last section included (the farthest jump)."""
    ids = re.findall(r'<section id="([^"]+)"', html.read_text(encoding="utf-8"))[1:]
    step = max(1, len(ids) // count)
    return sorted(set(ids[step - 1 :: step][:count]) | {ids[-1]}, key=ids.index)


def landed(page, anchor: str) -> tuple[float, bool]:
    """Whether the section's heading is where a jump to it must leave it, and where it is."""
    top, at_bottom = page.evaluate(SETTLED_TOP, anchor)
    if not (0 <= top <= 120 or (at_bottom and top >= 0)):
        # Under load the jump can come after the first quiet 300 ms: settle once more.
        top, at_bottom = page.evaluate(SETTLED_TOP, anchor)
    # A section near the end: the page cannot scroll further, the heading is below.
    return top, 0 <= top <= 120 or (at_bottom and top >= 0)


# A click on a link within the page (the "On this page" list, a "see above"): from the top.
FOLLOW = """(id) => {
  const link = [...document.querySelectorAll("a[href]")].find(a => a.hash === "#" + id &&
    a.pathname === location.pathname);
  link.click();
}"""


@pytest.mark.parametrize("name", LONG_PAGES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_link_to_a_section_lands_on_its_heading(browser, site, html_build, viewport, name):
    """From another page (a fresh load with #section), from within the page, and on reload."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    off = []
    anchors = section_anchors(html_build.outdir / f"{name}.html")
    for anchor in anchors:
        page.goto("about:blank")  # a fresh load each time, as a link from another page
        page.goto(f"{site}{name}.html#{anchor}", wait_until="load")
        top, ok = landed(page, anchor)
        if not ok:
            off.append(f"{name}.html#{anchor}: heading top at {top:.0f} px")
    page.reload(wait_until="load")  # the browser restores the position of the last one
    top, ok = landed(page, anchors[-1])
    if not ok:
        off.append(f"{name}.html#{anchors[-1]}, reloaded: heading top at {top:.0f} px")
    for anchor in anchors:
        page.goto("about:blank")
        page.goto(f"{site}{name}.html", wait_until="load")
        page.evaluate(FOLLOW, anchor)
        top, ok = landed(page, anchor)
        if not ok:
            off.append(f"{name}.html, link to #{anchor} on the page: heading top at {top:.0f} px")
    context.close()
    assert not off, f"{viewport}: headings not within 0-120 px of the viewport top:\n" + "\n".join(
        off
    )


# -- axe-core on every page ---------------------------------------------------------------

# Every violation fails the check, whatever axe's impact says (Lighthouse takes a page's
# accessibility score below 100 for a minor one too, as aria-allowed-role on furo's labels).
# Only violations are reported: collecting the details of every passing node (axe's default)
# takes two thirds of its time on a long page and is never read.
AXE_OPTIONS = {"resultTypes": ["violations"]}
# The code and output blocks are two thirds of a long page's elements and most of axe's time
# (colour contrast, one token at a time), yet a page's code shows a dozen or so text styles.
# Contrast depends on the style alone (colour, the background it is drawn on, size, weight,
# opacity), so axe checks the contrast of code in the blocks that hold the first element of
# each style shown on the page, and everywhere else on the page as usual.
SAMPLE = """() => {
  const drawnOn = (e) => {
    let opacity = 1, background = "none";
    for (; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      opacity *= Number(style.opacity);
      const colour = style.backgroundColor;
      if (background === "none" && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent")
        background = colour;
    }
    return `${background}, opacity ${opacity}`;
  };
  const styles = new Set();
  for (const e of document.querySelectorAll("pre, pre *")) {
    if (![...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) ||
        !e.checkVisibility({ visibilityProperty: true }))  // axe skips what is not rendered
      continue;
    const s = getComputedStyle(e);
    const style = `${s.color} on ${drawnOn(e)}, ${s.fontSize} ${s.fontWeight} ${s.textShadow}`;
    if (!styles.has(style)) {
      styles.add(style);
      e.closest("pre").setAttribute("data-contrast-sample", "");
    }
  }
  return styles.size;
}"""
# The rules that look at colours; the others see the same page in both themes (below).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
COLOUR = {"runOnly": {"type": "rule", "values": COLOUR_RULES}}
# Touch targets (WCAG 2.2's 24 px, which axe leaves off by default and Lighthouse counts).
TARGETS = {"target-size": {"enabled": True}}
NOT_COLOUR = {"rules": {rule: {"enabled": False} for rule in COLOUR_RULES} | TARGETS}
SAMPLED = {"exclude": [["pre:not([data-contrast-sample])"]]}
RUNS = {"light": [(None, NOT_COLOUR), (SAMPLED, COLOUR)], "dark": [(SAMPLED, COLOUR)]}
# The dark theme changes colours and nothing else that axe's other rules look at: the same
# elements, attributes, display, visibility and boxes as in the light theme (checked on every
# page and width), but for the theme switch's icon, which shows the theme in use.
LAYOUT = """() => [...document.querySelectorAll("*")].map(e => {
  if (e.closest(".theme-toggle svg")) return `${e.tagName} (the theme's icon)`;
  const style = getComputedStyle(e), box = e.getBoundingClientRect();
  const attributes = [...e.attributes].map(a => `${a.name}="${a.value}"`).join(" ");
  return `<${e.tagName.toLowerCase()} ${attributes}> ${style.display} ${style.visibility} ` +
    `${style.opacity === "0" ? "transparent" : ""} at ${box.x.toFixed(1)},${box.y.toFixed(1)} ` +
    `${box.width.toFixed(1)}x${box.height.toFixed(1)}`;
})"""


def new_context(browser, viewport: str, theme: str):
    """A phone is a touch screen (copy buttons always shown, snippet.css); a desktop is not."""
    phone = viewport == "phone"
    return browser.new_context(
        viewport=VIEWPORTS[viewport], color_scheme=theme, has_touch=phone, is_mobile=phone
    )


def layout(browser, site: str, name: str, viewport: str, theme: str) -> list[str]:
    context = new_context(browser, viewport, theme)
    page = context.new_page()
    page.goto(f"{site}{name}.html", wait_until="load")
    elements = page.evaluate(LAYOUT)
    context.close()
    return elements


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # axe-core's script ships in the package: no network


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violation(browser, site, axe, viewport, theme, name):
    context = new_context(browser, viewport, theme)
    page = context.new_page()
    page.goto(f"{site}{name}.html", wait_until="load")
    elements = page.evaluate(LAYOUT)  # before SAMPLE marks blocks
    page.evaluate(SAMPLE)
    violations = []
    for where, options in RUNS[theme]:
        violations += axe.run(page, where, {**AXE_OPTIONS, **options}).response["violations"]
    context.close()
    if theme == "dark":  # its other rules ran on the light theme's page, which is the same
        light, dark = layout(browser, site, name, viewport, "light"), elements
        changed = [f"light: {a}\n  dark: {b}" for a, b in zip(light, dark, strict=False) if a != b]
        assert len(light) == len(dark) and not changed, (
            f"{name}.html, {viewport}: the dark theme changes more than colours, so axe's other "
            f"rules must run in it too ({len(light)} elements light, {len(dark)} dark):\n"
            + "\n".join(changed[:5])
        )
    found = []
    for violation in violations:
        nodes = violation["nodes"]
        where = ", ".join(" ".join(node["target"][-1:]) for node in nodes[:3])
        found.append(f"{violation['id']} ({violation['impact']}), {len(nodes)} nodes: {where}")
    assert not found, f"{name}.html, {viewport}, {theme}:\n" + "\n".join(found)


# -- Keyboard on a phone -------------------------------------------------------------------

TAB_STOPS = 15
# Where the focused element is, and whether a reader can see it there.
FOCUSED = """() => {
  const el = document.activeElement, r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const shown = style.visibility === "visible" && r.width > 0 && r.height > 0 &&
    r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  return [shown, `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ||
    el.getAttribute("aria-label") || "").trim().slice(0, 30)}" at x=${r.left.toFixed(0)}`];
}"""


def test_every_tab_stop_on_a_phone_is_on_screen(browser, site):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(f"{site}session-basics.html", wait_until="load")
    hidden = []
    for stop in range(1, TAB_STOPS + 1):
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)  # furo slides the skip link in
        shown, what = page.evaluate(FOCUSED)
        if not shown:
            hidden.append(f"tab stop {stop}: {what}")
    context.close()
    assert not hidden, "focus went where a phone reader cannot see it:\n" + "\n".join(hidden)


@pytest.mark.parametrize("toggle, drawer", [("__navigation", "sidebar"), ("__toc", "toc")])
def test_the_drawers_open_and_close_from_the_keyboard(browser, site, toggle, drawer):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(f"{site}session-basics.html", wait_until="load")
    button = page.locator(f'.mobile-header button[data-drawer="{toggle}"]')
    for _ in range(10):  # Tab to the button, as a keyboard reader would
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    assert button.evaluate("el => el === document.activeElement"), f"Tab never reaches {toggle}"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # furo slides the drawer in for 0.25 s
    box = page.locator(f".{drawer}-drawer").bounding_box()
    opened = page.evaluate(f"document.getElementById('{toggle}').checked")
    inside = page.evaluate(
        f"document.querySelector('.{drawer}-drawer').contains(document.activeElement)"
    )
    expanded = button.get_attribute("aria-expanded")
    page.keyboard.press("Escape")
    closed = not page.evaluate(f"document.getElementById('{toggle}').checked")
    refocused = button.evaluate("el => el === document.activeElement")
    context.close()
    assert opened and 0 <= box["x"] < VIEWPORTS["phone"]["width"], f"Enter did not open {drawer}"
    assert inside and expanded == "true", f"{drawer}: focus not moved in, or aria-expanded off"
    assert closed and refocused, f"Escape did not close {drawer} and refocus its button"


def test_the_drawer_buttons_refuse_markup_they_do_not_know():
    """furo's icons become buttons by matching furo's markup: a change there fails the build."""
    from drawerbuttons import drawer_buttons
    from sphinx.errors import ExtensionError

    furo = '<label class="nav-overlay-icon" for="__navigation"><span></span></label>'
    with pytest.raises(ExtensionError, match="found 1 of furo's 3 drawer icons"):
        drawer_buttons(furo)
    toc = furo.replace("nav-", "toc-").replace("__navigation", "__toc")
    button = drawer_buttons(furo + toc * 2)
    assert button.count('<button type="button"') == 3 and "<label" not in button, button
