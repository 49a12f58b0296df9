"""What a reader sees: the built site in a real browser (Debian's chromium, via playwright)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cells import read_cells
from conftest import ROOT, SNIPPETS, run_snippet

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
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
  let text = {MARKER!r};
  for (let tries = 0; text === {MARKER!r} && tries < 100; tries++) {{
    await new Promise(resolve => setTimeout(resolve, 20));
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
LOCAL = re.compile(r"^(?!(https?|wss?)://127\.0\.0\.1[:/]|data:|blob:|about:)")


def missing_browser() -> str:
    """Why the browser tests cannot run here ("" if they can)."""
    install = "apt-get install chromium fonts-wqy-microhei to run these tests"
    if not Path(CHROMIUM).exists():
        return f"no {CHROMIUM}: {install}"
    if not shutil.which("fc-list"):  # fontconfig's tools: chromium only recommends them
        return ""
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    if not fonts.stdout.strip():  # Chinese would render as boxes in the screenshot
        return f"no Chinese font (fc-list :lang=zh): {install}"
    return ""


@pytest.fixture(scope="module")
def browser():
    reason = missing_browser()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(html_build):
    """The built site, served on 127.0.0.1 (a free port) by a server thread: its base URL."""
    assert (html_build.outdir / "index.html").exists(), html_build.log
    handler = functools.partial(QuietHandler, directory=str(html_build.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


@dataclass
class Visit:
    """What one page did while it loaded, and what it showed."""

    outside: list[str] = field(default_factory=list)  # requests that left 127.0.0.1
    errors: list[str] = field(default_factory=list)  # console errors, uncaught exceptions
    phone_overflow: str = ""  # how far the page scrolls sideways at 375 px wide, and why
    copied: list[tuple[str, str, str]] = field(default_factory=list)  # (snippet, cell, text)
    clicked: str = ""  # what a mouse click on the page's first copy button copied

    def refuse(self, route) -> None:
        self.outside.append(route.request.url)
        route.abort()

    def console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def uncaught(self, error) -> None:
        self.errors.append(str(error))


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


# -- Section links land on their heading ------------------------------------------------

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1400, "height": 1000}}
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


def section_anchors(html: Path, count: int = ANCHORS_PER_PAGE) -> list[str]:
    """Evenly spaced section ids of a page, the last section included (the farthest jump)."""
    ids = re.findall(r'<section id="([^"]+)"', html.read_text(encoding="utf-8"))[1:]
    step = max(1, len(ids) // count)
    return sorted(set(ids[step - 1 :: step][:count]) | {ids[-1]}, key=ids.index)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_link_to_a_section_lands_on_its_heading(browser, site, html_build, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    off = []
    for name in LONG_PAGES:
        for anchor in section_anchors(html_build.outdir / f"{name}.html"):
            page.goto("about:blank")  # a fresh load each time, as a link from another page
            page.goto(f"{site}{name}.html#{anchor}", wait_until="load")
            top, at_bottom = page.evaluate(SETTLED_TOP, anchor)
            # A section near the end: the page cannot scroll further, the heading is below.
            if not (0 <= top <= 120 or (at_bottom and top >= 0)):
                off.append(f"{name}.html#{anchor}: heading top at {top:.0f} px")
    context.close()
    assert not off, f"{viewport}: headings not within 0-120 px of the viewport top:\n" + "\n".join(
        off
    )


# -- axe-core on every page ---------------------------------------------------------------

# Rules that fail the check whatever axe's impact says.
AXE_RULES = {"landmark-unique", "page-has-heading-one"}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # axe-core's script ships in the package: no network


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_serious_violation_on_any_page(
    browser, site, html_build, axe, viewport, theme
):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=theme)
    page = context.new_page()
    found = []
    for html in sorted(html_build.outdir.glob("*.html")):
        page.goto(site + html.name, wait_until="load")
        results = axe.run(page).response
        for violation in results["violations"]:
            if violation["impact"] in ("serious", "critical") or violation["id"] in AXE_RULES:
                nodes = violation["nodes"]
                where = ", ".join(" ".join(node["target"][-1:]) for node in nodes[:3])
                found.append(
                    f"{html.name}: {violation['id']} ({violation['impact']}), "
                    f"{len(nodes)} nodes: {where}"
                )
    context.close()
    assert not found, f"{viewport}, {theme}: {len(found)} violations:\n" + "\n".join(found)
