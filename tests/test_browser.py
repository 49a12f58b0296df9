"""What a reader sees: the built site in a real browser (Debian's chromium, via playwright)."""

from __future__ import annotations

import re

import pytest
from chromium import LOCAL, Visit

from cells import read_cells
from conftest import ROOT, SNIPPETS, run_snippet

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = "session-basics-phone.png"
PHONE_WIDTH = 375
FIRST_SNIPPET = "getting-started/first-session.py"
# The caption of a snippet cell names its file and its cell: "page/scenario.py · cell".
CAPTION = re.compile(r"([\w-]+/[\w-]+\.py)\s*·\s*([\w-]+)")
# The copy is asynchronous: before a press, the clipboard gets a marker; after it, read the
# clipboard until the marker is gone (2 s at most).
MARKER = "(nothing copied)"
READ_COPIED = f"""async () => {{
  let text = await navigator.clipboard.readText();
  for (let tries = 0; text === {MARKER!r} && tries < 1000; tries++) {{
    await new Promise(resolve => setTimeout(resolve, 2));
    text = await navigator.clipboard.readText();
  }}
  return text;
}}"""
# Press each cell's copy button (a script's click), read the clipboard after each.
COPY_EVERY_CELL = f"""async () => {{
  const copied = [];
  for (const box of document.querySelectorAll('.snippet')) {{
    await navigator.clipboard.writeText({MARKER!r});
    box.querySelector('button.copybtn').click();
    copied.push([box.querySelector('.code-block-caption').innerText, await ({READ_COPIED})()]);
  }}
  return copied;
}}"""
# How far the page is wider than the screen, and the elements that stick out (outside code).
OVERFLOW = """() => {
  const style = document.head.appendChild(document.createElement("style"));
  style.textContent = "* { content-visibility: visible !important; }";  // lay out every cell
  const width = document.documentElement.clientWidth;
  const over = document.documentElement.scrollWidth - width;
  if (over <= 0) return "";
  const wide = [...document.body.querySelectorAll("*")].filter(e =>
    e.getBoundingClientRect().right > width + 1 && !e.closest(".toc-drawer, .sidebar-drawer")
    && !e.parentElement.closest("pre, table"));
  const names = wide.slice(0, 3).map(e => e.tagName.toLowerCase() + "." + e.className);
  return `${over} px: ${names.join(", ")}`;
}"""


@pytest.fixture(scope="module")
def visits(browser, site, html_build) -> dict[str, Visit]:
    """Load every page once: record its requests and errors, copy each cell, then shrink it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    (ARTIFACTS / SCREENSHOT).unlink(missing_ok=True)
    visits = {}
    for html in sorted(html_build.outdir.glob("*.html")):
        visit = visits[html.name] = Visit()
        page = context.new_page()
        page.route(LOCAL, visit.refuse)
        page.on("console", visit.console)
        page.on("pageerror", visit.uncaught)
        page.goto(site + html.name, wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        if page.locator(".snippet").count():  # a real mouse click on the first copy button
            page.evaluate(f"navigator.clipboard.writeText({MARKER!r})")
            page.locator(".snippet button.copybtn").first.click()
            visit.clicked = page.evaluate(READ_COPIED)
        for caption, text in page.evaluate(COPY_EVERY_CELL):
            match = CAPTION.search(caption)
            visit.copied.append((match[1], match[2], text) if match else (caption, "?", text))
        page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
        visit.phone_overflow = page.evaluate(OVERFLOW)
        if html.name == "session-basics.html":
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=ARTIFACTS / SCREENSHOT)
        page.close()
    context.close()
    return visits


def test_every_page_was_visited(visits):
    assert {"index.html", "search.html", "404.html"} <= set(visits), sorted(visits)


def test_no_page_requests_anything_outside_the_site(visits):
    outside = {name: v.outside for name, v in visits.items() if v.outside}
    assert not outside, f"requests that left 127.0.0.1: {outside}"


def test_no_page_logs_a_console_error(visits):
    errors = {name: v.errors for name, v in visits.items() if v.errors}
    assert not errors, f"console errors: {errors}"


def test_no_page_scrolls_sideways_on_a_375px_phone(visits):
    wide = {name: v.phone_overflow for name, v in visits.items() if v.phone_overflow}
    assert not wide, f"pages wider than a {PHONE_WIDTH} px screen, by: {wide}"


def test_a_screenshot_of_a_page_is_saved(visits):
    shot = ARTIFACTS / SCREENSHOT
    assert shot.exists() and shot.stat().st_size > 10_000, shot


def test_copy_button_copies_exactly_the_cell_code(visits):
    copied = [c for v in visits.values() for c in v.copied]
    assert copied, "no snippet cell on any page"
    wrong = []
    for rel, name, text in copied:
        cells = read_cells(SNIPPETS / rel) if (SNIPPETS / rel).is_file() else {}
        code = cells[name].code if name in cells else None
        if text != code:
            wrong.append(f"{rel} · {name}: copied {text!r}\n  the cell is {code!r}")
    for page, visit in visits.items():
        if visit.copied and visit.clicked != visit.copied[0][2]:
            wrong.append(f"{page}: a mouse click on the first button copied {visit.clicked!r}")
    assert not wrong, f"{len(wrong)} of {len(copied)} cells:\n" + "\n".join(wrong[:5])


def test_pasting_every_cell_of_a_snippet_in_order_gives_a_script_that_runs(visits, tmp_path):
    """The first snippet a reader meets (getting started): its cells, pasted into one file."""
    cells = [text for rel, _, text in visits["getting-started.html"].copied if rel == FIRST_SNIPPET]
    assert cells, f"getting-started.html shows no cell of {FIRST_SNIPPET}"
    script = tmp_path / "pasted.py"
    script.write_text("\n\n".join(cells) + "\n", encoding="utf-8")
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    assert not run_snippet(script, workdir)


def test_dark_light_toggle_switches_and_remembers_the_theme(browser, site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(site + "index.html")
    background = "getComputedStyle(document.body).backgroundColor"
    themes = [(page.evaluate("document.body.dataset.theme"), page.evaluate(background))]
    for _ in range(2):
        page.locator(".theme-toggle:visible").first.click()
        themes.append((page.evaluate("document.body.dataset.theme"), page.evaluate(background)))
    page.reload()
    remembered = page.evaluate("document.body.dataset.theme")
    context.close()
    (auto, light_bg), (dark, dark_bg), (light, light_bg2) = themes
    assert (auto, dark, light) == ("auto", "dark", "light"), themes
    assert luminance(dark_bg) < 0.2 < 0.8 < luminance(light_bg) == luminance(light_bg2), themes
    assert remembered == "light", "the chosen theme is not kept across a reload"


def luminance(css_color: str) -> float:
    red, green, blue = (int(x) for x in re.findall(r"\d+", css_color)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255
