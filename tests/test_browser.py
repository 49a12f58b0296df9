"""What a reader sees: the built site in a real browser (Debian's chromium, via playwright)."""

from __future__ import annotations

import re
import tomllib

import pytest
from chromium import LOCAL, VIEWPORTS, Visit

from cells import read_cells
from conftest import DOCS, ROOT, SNIPPETS, run_snippet

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = "session-basics-phone.png"
PHONE_WIDTH = 375
FIRST_SNIPPET = "getting-started/first-session.py"
# What a collapsed setup block says until it is opened.
HINT = "点击展开"
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


# -- What fits on a phone (a touch screen) and on a desktop --------------------------------

# What the reader sees of each page, every collapsed block open: output blocks that scroll
# sideways; caption names broken across lines; copy buttons that are not shown, or that sit
# on the first line of their code or on the caption's text; and each state diagram's
# smallest label (px on screen), how far it sticks out of its box, and which labels it shows.
LAYOUT = r"""(labels) => {
  const short = e => e.textContent.trim().replace(/\s+/g, " ").slice(0, 50);
  const overlap = (a, b) => a.left < b.right - .5 && b.left < a.right - .5 &&
    a.top < b.bottom - .5 && b.top < a.bottom - .5;
  // The rectangles of node's text; with firstLine, only up to its first line break.
  const textRects = (node, firstLine) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t && firstLine; t = walk.nextNode())
      if (t.data.includes("\n")) { range.setEnd(t, t.data.indexOf("\n")); break; }
    return [...range.getClientRects()].filter(r => r.width > 0);
  };
  document.querySelectorAll("details").forEach(d => d.open = true);
  const scrolling = [...document.querySelectorAll(".snippet-output pre")]
    .filter(pre => pre.scrollWidth > pre.clientWidth)
    .map(pre => `${pre.scrollWidth - pre.clientWidth} px: ${short(pre)}`);
  const split = [...document.querySelectorAll(".code-block-caption code")]
    .filter(code => code.getClientRects().length > 1).map(short);
  const buttons = [...document.querySelectorAll("button.copybtn")].map(button => {
    const box = button.getBoundingClientRect();
    const block = button.closest(".literal-block-wrapper") || button.closest("[class^=highlight-]");
    const caption = block.querySelector(".code-block-caption .caption-text");
    const text = textRects(button.parentElement.querySelector("pre"), true);
    if (caption) text.push(...textRects(caption, false));
    const shown = getComputedStyle(button).opacity === "1" && box.width > 0;
    return {where: short(caption || block), shown: shown && box.right <= innerWidth,
            covered: text.some(r => overlap(box, r))};
  });
  const diagrams = [...document.querySelectorAll(".state-diagram-box")].map(box => {
    const frame = box.getBoundingClientRect();
    const shown = [...box.querySelectorAll("*")].filter(e => e.getClientRects().length);
    const texts = shown.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()));
    const scale = e => e.getScreenCTM ? e.getScreenCTM().a : 1;  // an SVG's user unit on screen
    const sticksOut = shown.map(e => e.getBoundingClientRect())
      .flatMap(r => [r.right - frame.right, frame.left - r.left]);
    const seen = texts.map(e => e.textContent).join("\n");
    const size = e => parseFloat(getComputedStyle(e).fontSize) * scale(e);
    return {smallest: Math.min(...texts.map(size)),
            over: Math.max(box.scrollWidth - box.clientWidth, ...sticksOut),
            missing: labels.filter(label => !seen.includes(label))};
  });
  return {scrolling, split, buttons, diagrams};
}"""
# The site's state diagram: its page, and every label its source gives a state or a transition.
DIAGRAM_PAGE = "state-management.html"
DIAGRAM = tomllib.loads((DOCS / "_diagrams" / "session-states.toml").read_text(encoding="utf-8"))
DIAGRAM_LABELS = [s["label"] for s in DIAGRAM["states"].values()] + [
    t["label"] for t in DIAGRAM["transitions"]
]
SMALLEST_LABEL = 12  # px, rendered


@pytest.fixture(scope="module")
def layouts(browser, site, html_build) -> dict[str, dict[str, dict]]:
    """viewport -> page -> what LAYOUT found; the phone is a touch screen, the desktop is not."""
    found = {}
    for viewport, size in VIEWPORTS.items():
        touch = viewport == "phone"
        context = browser.new_context(viewport=size, has_touch=touch, is_mobile=touch)
        page = context.new_page()
        found[viewport] = {}
        for html in sorted(html_build.outdir.glob("*.html")):
            page.goto(site + html.name, wait_until="load")
            found[viewport][html.name] = page.evaluate(LAYOUT, DIAGRAM_LABELS)
        context.close()
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_output_block_scrolls_sideways(layouts, viewport):
    """A 556-character error message or a 218-character SQL line wraps: all of it is on screen."""
    scrolling = {name: found["scrolling"] for name, found in layouts[viewport].items()}
    scrolling = {name: blocks for name, blocks in scrolling.items() if blocks}
    assert not scrolling, f"{viewport}: output blocks wider than their box: {scrolling}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_caption_names_are_not_broken_across_lines(layouts, viewport):
    split = {name: found["split"] for name, found in layouts[viewport].items() if found["split"]}
    assert not split, f"{viewport}: a file or cell name in a caption wraps mid-name: {split}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_copy_buttons_are_shown_on_touch_screens_and_cover_no_text(layouts, viewport):
    """On a touch screen nothing hovers: the button is always shown. It never sits on the
    first line of its code or on the caption (where the desktop shows it on hover)."""
    buttons = [(name, b) for name, found in layouts[viewport].items() for b in found["buttons"]]
    assert buttons, "no copy button on any page"
    touch = viewport == "phone"
    wrong = [
        f"{name} · {b['where']}: " + ", ".join(problems)
        for name, b in buttons
        if (problems := ["covers text"] * b["covered"] + ["hidden"] * (not b["shown"] and touch))
    ]
    assert not wrong, f"{viewport}, {len(wrong)} of {len(buttons)} buttons:\n" + "\n".join(
        wrong[:8]
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_state_diagram_labels_are_readable_and_the_diagram_fits_its_box(layouts, viewport):
    diagrams = layouts[viewport][DIAGRAM_PAGE]["diagrams"]
    assert len(diagrams) == 1, f"{DIAGRAM_PAGE} shows {len(diagrams)} state diagrams"
    (diagram,) = diagrams
    assert diagram["smallest"] >= SMALLEST_LABEL, (
        f"{viewport}: a label is {diagram['smallest']:.1f} px"
    )
    assert diagram["over"] <= 0.5, f"{viewport}: {diagram['over']:.0f} px wider than its box"
    assert not diagram["missing"], f"{viewport}: labels not shown: {diagram['missing']}"


def test_an_open_setup_block_does_not_ask_to_be_opened(browser, site):
    context = browser.new_context(viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site + "session-basics.html", wait_until="load")
    summary = page.locator(".snippet-details > summary").first
    closed = summary.inner_text()
    summary.tap()
    opened = page.evaluate("document.querySelector('.snippet-details').open")
    open_text = summary.inner_text()
    context.close()
    assert HINT in closed, f"a closed block does not say how to open it: {closed!r}"
    assert opened and HINT not in open_text, f"open, its summary still says {open_text!r}"


# -- Fonts: every face that draws the text is one the page names -----------------------------

# Every laid-out element whose own text holds Chinese (code, prose, navigation, footer), with
# its font-family; setup blocks opened first.
CHINESE = re.compile("[\u4e00-\u9fff]")
CHINESE_TEXT = r"""() => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  const own = e => [...e.childNodes].some(n => n.nodeType === 3 && /[\u4e00-\u9fff]/.test(n.data));
  const found = [...document.querySelectorAll("body *")]
    .filter(e => own(e) && e.getClientRects().length);  // in document order, as CDP walks them
  found.forEach(e => e.setAttribute("data-font-probe", ""));
  return found.map(e => [e.tagName.toLowerCase(), getComputedStyle(e).fontFamily]);
}"""


def probed_texts(node: dict):
    """(element, its text nodes with Chinese) for each element marked data-font-probe, in
    document order: CDP's getPlatformFontsForNode on a text node gives the faces of that
    text alone (on an element it adds the text directly inside its children)."""
    for child in node.get("children", []):
        if child["nodeType"] == 1:
            if "data-font-probe" in child.get("attributes", [])[::2]:
                texts = child.get("children", [])
                yield (
                    child,
                    [t for t in texts if t["nodeType"] == 3 and CHINESE.search(t["nodeValue"])],
                )
            yield from probed_texts(child)


def names(font_family: str) -> list[str]:
    return [name.strip().strip("\"'") for name in font_family.split(",")]


STYLE_WORDS = {"Thin", "ExtraLight", "Light", "Medium", "Semibold", "Bold", "Oblique", "Italic"}


def face_of(face: str, family: str) -> bool:
    """face is family itself or one of its weights and slants ("DejaVu Sans Light"), not
    another family that starts the same ("WenQuanYi Micro Hei Mono")."""
    rest = face.removeprefix(family + " ").split() if face.startswith(family + " ") else []
    return face == family or bool(rest) and all(word in STYLE_WORDS for word in rest)


def test_a_face_of_a_family_is_its_weight_or_slant_not_a_longer_name():
    assert face_of("DejaVu Sans", "DejaVu Sans") and face_of("DejaVu Sans Light", "DejaVu Sans")
    assert face_of("DejaVu Sans Mono Bold Oblique", "DejaVu Sans Mono")
    assert not face_of("WenQuanYi Micro Hei Mono", "WenQuanYi Micro Hei")
    assert not face_of("DejaVu Sans Mono", "DejaVu Sans") and not face_of("DejaVu", "DejaVu Sans")


def test_chinese_text_is_drawn_with_a_face_the_page_names(browser, site, html_build):
    """No run of Chinese text is left to the system's font fallback: it costs a phone half the
    layout time of a long page (docs/_static/snippet.css). Each face that draws an element's
    text is in its element's font-family (or is one of its faces: "DejaVu Sans Light"), for
    every text with Chinese in it, in an element that is laid out."""
    page = browser.new_context(viewport=VIEWPORTS["phone"]).new_page()
    cdp = page.context.new_cdp_session(page)
    unnamed, probed = {}, 0
    for html in sorted(html_build.outdir.glob("*.html")):
        page.goto(site + html.name, wait_until="load")
        probes = page.evaluate(CHINESE_TEXT)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]
        for (element, texts), (tag, font_family) in zip(probed_texts(root), probes, strict=True):
            assert texts, f"{html.name} <{tag}>: no text node found for {element['nodeName']}"
            family = names(font_family)
            for text in texts:
                for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": text["nodeId"]})[
                    "fonts"
                ]:
                    face = font["familyName"]
                    if not any(face_of(face, name) for name in family):
                        unnamed.setdefault(face, set()).add(f"{html.name} <{tag}>")
                probed += 1
        cdp.send("DOM.disable")
    page.context.close()
    assert probed > 3000, f"only {probed} texts with Chinese were probed"
    assert not unnamed, "faces the font-family does not name (the system's fallback): " + "; ".join(
        f"{face}: {', '.join(sorted(where)[:4])}" for face, where in unnamed.items()
    )
