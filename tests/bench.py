"""`make bench`: Lighthouse scores of every page and the build/test wall times, in one run.

Not a test (pytest does not collect it): it measures this machine and prints tables.
Usage: bench.py BENCHDIR LIGHTHOUSE_CLI SQLALCHEMY_SDIST [--times-only] [--runs=N]
(make bench fetches both into BENCHDIR; `make bench BENCHOPTS=--times-only` skips Lighthouse;
Lighthouse runs each page N times, 3 unless told, and reports the run of median performance,
the lower middle one for an even N: one run's score moves by up to 10 points on this machine,
more on a busy one; a category Lighthouse could not score shows n/a, with its reason, and
counts as the lowest score)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
OFFICIAL_PAGE = "orm/session_basics.html"
ROW = "| {:34} | {:>4} | {:>9} | {:>4} | {:>8} | {:>3} | {:>7} | {:>11} | {:>8} | {:>8} |"
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server as any web host is: text compressed with gzip when the client accepts it."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        if not path.is_file():
            return self.send_error(404)
        body = gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


@functools.cache
def gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), mtime=0)


def serve(directory: Path) -> str:
    """Serve directory on 127.0.0.1 (a free port) from a daemon thread; return its URL."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/"


def timed(*cmd: str) -> tuple[float, str]:
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode:
        print(f"warning: {' '.join(cmd)} exited {run.returncode}", file=sys.stderr)
        print(run.stdout[-2000:] + run.stderr[-2000:], file=sys.stderr)
    return seconds, run.stdout + run.stderr


def build_times(bench: Path) -> list[tuple[str, str]]:
    """Cold build, no-op rebuild, rebuild after touching one snippet, doctest, test."""
    html = bench / "build" / "html"
    subprocess.run(["rm", "-rf", str(bench / "build")], check=True)
    sphinx = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-c",
        ".",
        "-d",
        str(bench / "doctrees"),
    ]
    sphinx += ["-W", "-n", "--keep-going", "docs", str(html)]
    cold, _ = timed(*sphinx)
    noop, _ = timed(*sphinx)
    snippet = sorted((ROOT / "snippets").glob("*/*.py"))[0]
    before = {p.name: p.stat().st_mtime_ns for p in html.glob("*.html")}
    snippet.touch()
    touched, log = timed(*sphinx)
    rewritten = [p.name for p in html.glob("*.html") if p.stat().st_mtime_ns != before.get(p.name)]
    written = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", log)
    doctest, _ = timed("make", "doctest", f"BUILDDIR={bench / 'build'}")
    page = snippet.parent.name
    check_page, _ = timed("make", "check-page", f"PAGE={page}", f"BUILDDIR={bench / 'build'}")
    junit = bench / "junit.xml"
    test, log = timed("make", "test", f"PYTESTOPTS=-n auto --junitxml={junit}")
    summary = (re.findall(r"=+ (.*(?:passed|failed).*) =+", log) or ["?"])[-1]
    rel = snippet.relative_to(ROOT)
    return [
        ("cold make html", f"{cold:.1f} s"),
        ("no-op rebuild", f"{noop:.1f} s"),
        (
            f"rebuild after touching {rel}",
            f"{touched:.1f} s; pages written: {', '.join(written) or 'none'}"
            f" (files rewritten: {', '.join(sorted(rewritten))})",
        ),
        ("make doctest", f"{doctest:.1f} s"),
        (f"make check-page PAGE={page} (after the builds above)", f"{check_page:.1f} s"),
        ("make test", f"{test:.1f} s ({summary}); {test / cold:.1f} cold builds"),
        ("make test, test time by file (summed over workers)", time_by_file(junit)),
    ]


def time_by_file(junit: Path) -> str:
    """Seconds each test file took, setup included, summed over the xdist workers."""
    totals: dict[str, float] = {}
    for case in ElementTree.parse(junit).iter("testcase"):
        name = case.get("classname", "?").rpartition(".")[2] or "?"
        totals[name] = totals.get(name, 0.0) + float(case.get("time", 0))
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in ranked)


def lighthouse(cli: Path, url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    cmd = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}"]
    cmd += [f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    subprocess.run(cmd, env=env, check=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    # A page that never painted has audits without details or values: those columns are n/a.
    audits = report["audits"]
    weight, dom = (audits.get(a, {}).get("numericValue") for a in ("total-byte-weight", "dom-size"))
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items")
    lost = [
        f"{ref['id']} ({category})"
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and audits.get(ref["id"], {}).get("score") not in (None, 1)
    ]
    scores = [report["categories"][c]["score"] for c in CATEGORIES]
    if None in scores:  # the category could not be measured (no paint, a runtime error...)
        why = (report.get("runtimeError") or {}).get("message", "no reason given")
        missing = [c for c, score in zip(CATEGORIES, scores, strict=True) if score is None]
        lost.append(f"no score for {', '.join(missing)} ({why})")
    return {
        "scores": [None if score is None else round(score * 100) for score in scores],
        "kb": None if weight is None else weight / 1000,
        "raw_kb": None
        if requests is None
        else sum(r.get("resourceSize") or 0 for r in requests) / 1000,
        "requests": None if requests is None else len(requests),
        "elements": dom,
        "lost": lost,
    }


def median_run(cli: Path, url: str, out: Path, runs: int) -> dict:
    """Lighthouse run runs times; the run of median performance, with the range of all."""
    results = [lighthouse(cli, url, out.with_suffix(f".{i}.json")) for i in range(runs)]
    results.sort(key=lambda r: -1 if r["scores"][0] is None else r["scores"][0])
    median = dict(results[(len(results) - 1) // 2])  # of an even number, the lower middle
    low, high = (shown(r["scores"][0]) for r in (results[0], results[-1]))
    median["range"] = f"{low}–{high}"
    return median


SIZES = ["kb", "raw_kb", "requests", "elements"]  # the table's columns after the scores


def shown(number: int | None) -> str:
    return "n/a" if number is None else str(number)


def official_docs(bench: Path, sdist: Path) -> Path:
    """doc/ of the pinned SQLAlchemy sdist (its built HTML ships in it), extracted once."""
    top = sdist.name.removesuffix(".tar.gz")
    if not (bench / top / "doc").is_dir():
        with tarfile.open(sdist) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(f"{top}/doc/")]
            tar.extractall(bench, members=members, filter="data")
    return bench / top / "doc"


RUN_PAGE, RUN_SNIPPET = "session-basics.html", "session-basics/sync-strategies.py"


def run_times(html: Path) -> list[tuple[str, str]]:
    """运行 in Chromium: the first press (cold: Pyodide loads), a second cell (warm), and
    the bytes the first press transferred (served with gzip as above): Pyodide and the core
    wheels, as the snippet imports no group besides them (Flask's loads on Flask snippets only)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from chromium import CHROMIUM, FLAGS
    from playwright.sync_api import sync_playwright

    url = serve(html) + RUN_PAGE
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context()
        page = context.new_page()
        finished = []
        context.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(500)
        before = len(finished)

        def press(cell: str) -> float:
            box = page.locator(f'.snippet[data-snippet="{RUN_SNIPPET}"][data-cell="{cell}"]')
            start = time.perf_counter()
            box.locator(".snippet-run-button").click()
            box.locator(".snippet-run pre").wait_for(timeout=300_000)
            return time.perf_counter() - start

        cold = press("fetch")
        sizes = [request.sizes() for request in finished[before:]]
        sent = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
        warm = press("evaluate")
        browser.close()
    where = f"{RUN_PAGE}, {RUN_SNIPPET}"
    return [
        (
            f"运行, first press to its output (cold: Pyodide loads), {where} · fetch",
            f"{cold:.1f} s",
        ),
        (f"运行, a second cell (warm), {where} · evaluate", f"{warm:.2f} s"),
        (
            "运行, bytes the first press transferred",
            f"{sent / 1e6:.1f} MB in {len(sizes)} requests",
        ),
    ]


def main(bench: Path, cli: Path, sdist: Path, times_only: bool, runs: int) -> None:
    times = build_times(bench)
    times += run_times(bench / "build" / "html")
    if times_only:
        print("\nWall times (this machine, one run)\n")
        for what, value in times:
            print(f"- {what}: {value}")
        return
    html = bench / "build" / "html"
    reports = bench / "lighthouse"
    reports.mkdir(exist_ok=True)
    ours = serve(html)
    rows = []
    for page in sorted(p.name for p in html.glob("*.html")):
        rows.append((page, median_run(cli, ours + page, reports / f"{page}.json", runs)))
    official = serve(official_docs(bench, sdist))
    rows.append(
        (
            f"official {OFFICIAL_PAGE}",
            median_run(cli, official + OFFICIAL_PAGE, reports / "official.json", runs),
        )
    )

    print("\nLighthouse 12 (mobile); served on 127.0.0.1 with gzip, as a web host would;")
    print(f"each page {runs} times, the run of median performance (perf range: all runs)\n")
    header = ["page", "perf", "perf range", "a11y", "best pr.", "SEO", "KB sent", "KB unzipped"]
    print(ROW.format(*header, "requests", "elements"))
    print(ROW.format(*["---"] * 10))
    for page, r in rows:
        perf, *others = (shown(score) for score in r["scores"])
        sizes = [shown(r[key] if r[key] is None else round(r[key])) for key in SIZES]
        print(ROW.format(page, perf, r["range"], *others, *sizes))
    for page, r in rows:
        if r["lost"]:
            print(f"  {page} loses points on: {', '.join(r['lost'])}")
    print("\nWall times (this machine, one run)\n")
    for what, value in times:
        print(f"- {what}: {value}")


if __name__ == "__main__":
    options = sys.argv[4:]
    for option in options:
        if option != "--times-only" and not re.fullmatch("--runs=[0-9]*[1-9][0-9]*", option):
            sys.exit(f"bench.py: {option}: not an option (--times-only, --runs=N with N >= 1)")
    runs = [int(o.removeprefix("--runs=")) for o in options if o.startswith("--runs=")] or [3]
    main(*(Path(arg).resolve() for arg in sys.argv[1:4]), "--times-only" in options, runs[-1])
