"""运行 in a real browser: press it, edit the code, reset it (Debian's chromium, playwright).

tests/test_pyodide.py proves every runnable cell prints its page's output under Pyodide;
this checks what a reader does with the buttons: the worker, the output under the cell, an
edit that changes the SQL, the reset, that nothing loads before the first press, and that
Flask's wheels load at a press on a Flask snippet only.
"""

from __future__ import annotations

import doctest
import re

import browserrun
import pytest
from chromium import LOCAL, Visit

from conftest import FLAGS, SNIPPETS, shown_cells

TIMEOUT = 120_000  # ms: the first press loads Pyodide (about 13 MB from the local server)
# The cells pressed: (page, snippet, cell), on three pages; the last one needs Flask's wheels.
PRESSED = [
    ("session-basics", "session-basics/sync-strategies.py", "fetch"),
    ("getting-started", "getting-started/first-session.py", None),  # its last cell
    # On one page: a SQLAlchemy-only press fetches no Flask wheel, the next press (Flask) does.
    ("contextual", "contextual/per-request.py", None),
    ("contextual", "contextual/flask-scoped.py", None),
]
FLASK_WHEELS = {browserrun.wheel_file(*pin).name for pin in browserrun.wheel_groups()["flask"]}


def box(page, rel: str, cell: str):
    return page.locator(f'.snippet[data-snippet="{rel}"][data-cell="{cell}"]')


def expected(rel: str, cell: str) -> str:
    return next(shown.expected for shown in shown_cells()[rel] if shown.cell == cell)


def matches(want: str, got: str) -> bool:
    return doctest.OutputChecker().check_output(want + "\n", got, FLAGS)


@pytest.fixture(scope="module")
def reader(browser, site):
    """One tab, as a reader's: its requests, console errors and the page loads it made."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    visit = Visit()
    requests = []
    context.route(LOCAL, visit.refuse)  # the worker's requests too
    context.on("request", lambda request: requests.append(request.url))
    page.on("console", visit.console)
    page.on("pageerror", visit.uncaught)
    yield page, visit, requests, site
    context.close()


def press(page, target):
    """Press 运行 on a box and wait for what the browser printed, as the reader sees it."""
    target.locator(".snippet-run-button").click()
    output = target.locator(".snippet-run pre")
    output.wait_for(timeout=TIMEOUT)
    return output.inner_text()


def test_nothing_is_loaded_before_the_first_press(reader):
    page, visit, requests, site = reader
    page.goto(site + "session-basics.html", wait_until="load")
    page.wait_for_timeout(500)
    assert page.locator(".snippet[data-run] .snippet-run-button").count() > 10
    early = [url for url in requests if "/_pyodide/" in url or "run-worker" in url]
    assert not early, f"loaded before any press: {early}"


@pytest.mark.parametrize(("name", "rel", "cell"), PRESSED)
def test_a_press_shows_what_the_page_checked(reader, name, rel, cell):
    page, visit, requests, site = reader
    if not page.url.endswith(f"{name}.html"):
        page.goto(site + f"{name}.html", wait_until="load")
    cell = cell or page.locator(f'.snippet[data-snippet="{rel}"]').last.get_attribute("data-cell")
    target = box(page, rel, cell)
    before = len(requests)
    got = press(page, target)
    fetched = {url.rsplit("/", 1)[-1] for url in requests[before:] if "/_pyodide/wheels/" in url}
    # (Each page has its own worker: a Flask snippet's first press on it fetches them all.)
    needs_flask = browserrun.groups_needed(SNIPPETS / rel)
    assert fetched & FLASK_WHEELS == (FLASK_WHEELS if needs_flask else set()), (
        f"{name}.html, {rel}: the press fetched {sorted(fetched)}"
    )
    assert matches(expected(rel, cell), got), (
        f"{name}.html, {rel} · {cell}: the browser printed\n{got}\nthe page checked\n"
        f"{expected(rel, cell)}"
    )
    label = target.locator(".snippet-run-label").inner_text()
    assert re.search(r"Pyodide · Python 3\.\d+\.\d+", label), label
    assert "运行完毕" in target.locator(".snippet-run-status").inner_text()
    assert not visit.outside, f"requests outside 127.0.0.1: {visit.outside}"
    assert not visit.errors, f"console errors: {visit.errors}"


def test_an_edit_changes_the_sql_and_reset_restores_the_cell(reader):
    page, visit, requests, site = reader
    page.goto(site + "session-basics.html", wait_until="load")
    rel, cell = "session-basics/sync-strategies.py", "fetch"
    target = box(page, rel, cell)
    code = target.locator(".highlight-python pre")
    original = code.text_content()
    assert '"synchronize_session": "fetch"' in original
    # A reader's edit: select the option's value, type the new one, run with Ctrl+Enter.
    code.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(original.replace('"fetch"}', "False}"))
    assert target.locator(".snippet-run-reset").is_visible()
    code.press("Control+Enter")
    output = target.locator(".snippet-run pre")
    output.wait_for(timeout=TIMEOUT)
    got = output.inner_text()
    assert "RETURNING" not in got and got.splitlines()[-1] == "carol", (
        f"with synchronize_session=False the UPDATE has no RETURNING and carol keeps her "
        f"loaded name; the browser printed:\n{got}"
    )
    target.locator(".snippet-run-reset").click()
    assert code.text_content() == original
    assert not target.locator(".snippet-run-reset").is_visible()
    assert not target.locator(".snippet-run").count()
    assert matches(expected(rel, cell), press(page, target))  # the original cell again
    assert not visit.outside and not visit.errors, (visit.outside, visit.errors)


def test_a_cell_that_cannot_run_says_why(reader):
    page, visit, requests, site = reader
    page.goto(site + "session-basics.html", wait_until="load")
    threads = page.locator('.snippet[data-snippet="session-basics/threads.py"]')
    assert threads.count() and not threads.locator(".snippet-run-button").count()
    assert "不能开线程" in threads.first.locator(".snippet-norun").inner_text()


def test_the_run_bar_and_output_pass_axe(reader):
    from axe_playwright_python.sync_playwright import Axe

    page, visit, requests, site = reader
    page.goto(site + "session-basics.html", wait_until="load")
    target = box(page, "session-basics/sync-strategies.py", "evaluate")
    press(page, target)
    found = Axe().run(page, {"include": [[".snippet[data-cell=evaluate]"]]}).response["violations"]
    assert not [(v["id"], v["impact"]) for v in found], found


def test_stop_ends_a_cell_that_never_ends(reader):
    page, visit, requests, site = reader
    page.goto(site + "session-basics.html", wait_until="load")
    target = box(page, "session-basics/sync-strategies.py", "auto")
    code = target.locator(".highlight-python pre")
    code.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text("while True:\n    pass\n")
    code.press("Control+Enter")
    halt = target.locator(".snippet-run-stop")
    halt.wait_for(state="visible")
    page.wait_for_function(
        "box => box.querySelector('.snippet-run-status').textContent.startsWith('运行中')",
        arg=target.element_handle(),
        timeout=TIMEOUT,
    )
    halt.click()
    assert target.locator(".snippet-run-status").inner_text() == "已停止。"
    assert target.locator(".snippet-run-button").is_enabled() and not halt.is_visible()
    assert not visit.errors, visit.errors
