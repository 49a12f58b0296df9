"""Split a snippet file into its named cells ("# %% name" markers, as editors use)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "snippets"
MARKER = re.compile(r"# %% (?P<name>[\w-]+)\s*$")


@dataclass
class Cell:
    name: str
    line: int  # line number of the "# %% name" marker in the file
    code: str


class SnippetError(ValueError):
    """A snippet file that cannot be split into cells."""


def read_cells(path: Path) -> dict[str, Cell]:
    """Split a snippet file into its cells, in file order."""
    cells: dict[str, list] = {}
    name = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if match := MARKER.match(line):
            name = match["name"]
            if name in cells:
                raise SnippetError(f"{path}:{number}: cell {name!r} is defined twice")
            cells[name] = [number, []]
        elif name is not None:
            cells[name][1].append(line)
        elif line.strip():
            raise SnippetError(f"{path}:{number}: code before the first '# %% <cell>' marker")
    if not cells:
        raise SnippetError(f"{path}: no '# %% <cell>' marker")
    return {n: Cell(n, first, "\n".join(body).strip("\n")) for n, (first, body) in cells.items()}


def all_snippets(root: Path) -> list[str]:
    """Every snippet file under root, as the path a page names it by."""
    return sorted(p.relative_to(root).as_posix() for p in root.glob("*/*.py"))
