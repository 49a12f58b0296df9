"""运行 in the reader's browser: each snippet cell that Pyodide can run gets a run button.

The site serves everything itself, under _pyodide/: Pyodide from the pinned npm package
(docs/_browser/package-lock.json), the pure-Python wheels of docs/_browser/wheels.txt, the
runner (pyodide_runner.py, echolog.py, pyodide_setup.mjs) and manifest.json. `make html`
installs the first two (npm ci, pip download, purewheel.py) into docs/_browser/. Nothing is
fetched until a reader presses 运行: docs/_static/run.js starts docs/_static/run-worker.mjs
then, which installs the core wheels (SQLAlchemy) and, only for a snippet that imports Flask,
the flask group (GROUPS: the box says which groups its snippet needs in data-wheels).

A snippet that cannot run there says why instead of offering the button; cannot_run() decides,
from what the snippet imports, and tests/test_pyodide.py checks both ways: every runnable cell
prints under Pyodide what its page shows, every other snippet really fails there.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.writers.html5 import HTML5Translator

from pgserver import needs_postgres

EXT = Path(__file__).resolve().parent
BROWSER = EXT.parent / "_browser"
PYODIDE = BROWSER / "node_modules" / "pyodide"
WHEELS = BROWSER / "wheels"
WHEEL_PINS = BROWSER / "wheels.txt"
# What loadPyodide() fetches from indexURL, and nothing else of the npm package.
RUNTIME = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
           "pyodide-lock.json"]  # fmt: skip
MODULES = ["echolog.py", "pyodide_runner.py"]
OUT = "_pyodide"
INSTALL_HINT = (
    "`make html` installs it (npm ci, pip download and purewheel.py in docs/_browser/; "
    "to install it again, remove docs/_browser/node_modules/.installed first)"
)
# The wheels of docs/_browser/wheels.txt come in groups: CORE for every run, and each other
# group for the snippets that import one of its modules (the "# group NAME" lines there).
CORE = "core"
GROUPS = {"flask": ("flask", "flask_sqlalchemy")}

# Why a snippet cannot run in the browser, by the modules it imports that Pyodide lacks (or
# that need what Pyodide lacks: threads, greenlet). When a snippet has several, the first of
# ORDER is named. Each reason comes with the error tests/test_pyodide.py must see under Pyodide.
# (A snippet that only imports asyncio gets 运行: Pyodide's asyncio.run() fails in a cell run
# synchronously, and tests/test_pyodide.py says so. None does today.)
THREADS = "它要开线程，浏览器里的 Pyodide 不能开线程"
ASYNC = "AsyncSession 要用 greenlet，aiosqlite 要开线程，浏览器里的 Pyodide 两样都没有"
POSTGRES = "它连接 PostgreSQL 服务器，浏览器里没有"
FASTAPI = "FastAPI 的 TestClient 在线程里运行应用，浏览器里的 Pyodide 不能开线程"
REASONS = {
    "threading": THREADS,
    "concurrent": THREADS,
    "aiosqlite": ASYNC,
    "sqlalchemy.ext.asyncio": ASYNC,
    "fastapi": FASTAPI,
}
ORDER = [FASTAPI, ASYNC, POSTGRES, THREADS]
# What Pyodide raises, for each reason (a regular expression one of the snippet's cells matches).
ERRORS = {
    POSTGRES: r"No module named '(psycopg|asyncpg)'",
    THREADS: r"can't start new thread",
    # (SQLAlchemy reports greenlet missing once per interpreter; later snippets then fail on
    # aiosqlite, which is not installed, as it would need a thread.)
    ASYNC: r"greenlet|can't start new thread|No module named 'aiosqlite'",
    FASTAPI: r"No module named 'fastapi'",
}


@functools.cache
def _imports(path: Path, mtime: int) -> tuple[str, ...]:
    """Every dotted prefix of every module the file imports (from a import b: a and a.b)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    parts = [name.split(".") for name in names]
    return tuple(dict.fromkeys(".".join(p[:i]) for p in parts for i in range(1, len(p) + 1)))


def reasons(path: Path) -> list[str]:
    """Every reason the snippet at path cannot run in a browser, first the one to name."""
    found = {REASONS[name] for name in _imports(path, path.stat().st_mtime_ns) if name in REASONS}
    if needs_postgres(path):
        found.add(POSTGRES)
    return [reason for reason in ORDER if reason in found]


def cannot_run(path: Path) -> str | None:
    """Why the snippet at path cannot run in a browser, in one short Chinese line; or None."""
    return next(iter(reasons(path)), None)


def wheel_groups() -> dict[str, list[tuple[str, str]]]:
    """(name, version) of each wheel docs/_browser/wheels.txt pins, by group, in its order."""
    groups = {CORE: []}
    group = groups[CORE]
    for line in WHEEL_PINS.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"# group (\w+)", line):
            group = groups.setdefault(match[1], [])
        elif match := re.match(r"([\w.-]+)==(\S+)", line):
            group.append((match[1], match[2]))
    if set(groups) != {CORE, *GROUPS}:
        raise ExtensionError(
            f"browserrun: docs/_browser/wheels.txt has the groups {sorted(groups)}, "
            f"browserrun.GROUPS names {sorted(GROUPS)} (and {CORE!r} comes first)"
        )
    return groups


def wheel_pins() -> list[tuple[str, str]]:
    """(name, version) of each wheel docs/_browser/wheels.txt pins, in its order."""
    return [pin for pins in wheel_groups().values() for pin in pins]


def groups_needed(path: Path) -> list[str]:
    """The groups of wheels, besides the core, that the snippet at path imports."""
    imports = _imports(path, path.stat().st_mtime_ns)
    return [group for group, modules in GROUPS.items() if any(m in imports for m in modules)]


def wheel_file(name: str, version: str) -> Path:
    """The downloaded py3-none-any wheel of a pin (a wheel's name normalises - and . to _)."""
    return WHEELS / f"{re.sub(r'[-.]+', '_', name).lower()}-{version}-py3-none-any.whl"


def missing() -> list[str]:
    """What of the in-browser runtime is not installed, as paths."""
    wanted = [PYODIDE / name for name in RUNTIME]
    wanted += [wheel_file(*pin) for pin in wheel_pins()]
    return [str(path.relative_to(EXT.parents[1])) for path in wanted if not path.is_file()]


@functools.cache
def pyodide_versions() -> tuple[str, str]:
    """(Pyodide's version, its Python's version), from the installed package."""
    package = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    return package["version"], lock["info"]["python"]


def manifest() -> dict:
    """_pyodide/manifest.json: what pyodide_setup.mjs loads, and how many bytes it is (the
    wheels by group: "core" at the start, another when a snippet needs it)."""
    pyodide, python = pyodide_versions()
    groups = {}
    for group, pins in wheel_groups().items():
        wheels = [
            {"name": f"{name} {version}", "file": wheel_file(name, version).name,
             "bytes": wheel_file(name, version).stat().st_size}
            for name, version in pins
        ]  # fmt: skip
        groups[group] = {"bytes": sum(wheel["bytes"] for wheel in wheels), "wheels": wheels}
    return {
        "pyodide": pyodide,
        "python": python,
        "runtime_bytes": sum((PYODIDE / name).stat().st_size for name in RUNTIME),
        "groups": groups,
        "modules": MODULES,
    }


def check_installed(app) -> None:
    if app.builder.format != "html":
        return
    if gone := missing():
        raise ExtensionError(
            f"browserrun: the in-browser runtime is not installed ({', '.join(gone)}); "
            f"{INSTALL_HINT}"
        )


def visit_container(self: HTML5Translator, node: nodes.container) -> None:
    """A snippet cell's box names its snippet and cell, and whether the browser can run it
    (data-run), with which groups of wheels besides the core (data-wheels, if any)."""
    if "snippet" not in node:
        return HTML5Translator.visit_container(self, node)
    path = Path(self.builder.config.snippet_root) / node["snippet"]
    attributes = {"data-snippet": node["snippet"], "data-cell": node["cell"]}
    reason = cannot_run(path)
    if reason is None:
        attributes["data-run"] = ""
        if groups := groups_needed(path):
            attributes["data-wheels"] = " ".join(groups)
    node.html5tagname = "div"  # what docutils' depart_container closes
    self.body.append(self.starttag(node, "div", CLASS="docutils container", **attributes))
    node["norun"] = reason


def depart_container(self: HTML5Translator, node: nodes.container) -> None:
    if node.get("norun"):
        self.body.append(
            f'<p class="snippet-norun">浏览器里不能运行：{self.encode(node["norun"])}</p>\n'
        )
    HTML5Translator.depart_container(self, node)


def add_script(app, pagename, templatename, context, doctree) -> None:
    """run.js on the pages that have a snippet the browser runs; the footer says what runs."""
    if doctree is None or not any(
        "snippet" in node and cannot_run(Path(app.config.snippet_root) / node["snippet"]) is None
        for node in doctree.findall(nodes.container)
    ):
        return
    app.add_js_file("run.js")  # deferred, as every script (page.html)
    context["pyodide_version"], context["pyodide_python"] = pyodide_versions()


def copy_runtime(app, exception) -> None:
    """Pyodide, the wheels and the runner into _pyodide/ (an unchanged file is not rewritten)."""
    if exception or app.builder.format != "html":
        return
    out = Path(app.outdir) / OUT
    files = {PYODIDE / name: out / name for name in RUNTIME}
    files |= {wheel_file(*pin): out / "wheels" / wheel_file(*pin).name for pin in wheel_pins()}
    files |= {EXT / name: out / "py" / name for name in MODULES}
    files[EXT / "pyodide_setup.mjs"] = out / "setup.mjs"
    for source, target in files.items():
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    text = json.dumps(manifest(), ensure_ascii=False, indent=1) + "\n"
    target = out / "manifest.json"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app):
    app.connect("builder-inited", check_installed)
    app.connect("html-page-context", add_script)
    app.connect("build-finished", copy_runtime)
    app.add_node(nodes.container, override=True, html=(visit_container, depart_container))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
