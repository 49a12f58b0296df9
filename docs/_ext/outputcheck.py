"""Compare a snippet's output with a page's, as doctest does; show only lines that differ."""

from __future__ import annotations

import doctest
import functools

CONTEXT = 1  # unchanged lines shown around each difference


def align(want: list[str], got: list[str], same) -> list[tuple[str, int, str]]:
    """Pair expected with actual lines, leaving as few unpaired as possible.

    Returns (kind, i, text): '=' actual line paired with want[i], '-' want[i] unpaired,
    '+' actual line unpaired after want[i - 1]. A want line that is only "..." stands for
    any number of actual lines, as it does under ELLIPSIS.
    """
    n, m = len(want), len(got)
    dots = [line.strip() == "..." for line in want]
    pairs = functools.cache(lambda i, j: i < n and j < m and (dots[i] or same(want[i], got[j])))
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            options = [cost[i + 1][j] + (not dots[i])] if i < n else []
            if j < m:
                options.append(cost[i][j + 1] + (not (i < n and dots[i])))
            if pairs(i, j):
                options.append(cost[i + 1][j + 1])
            cost[i][j] = min(options, default=0)
    result, i, j = [], 0, 0
    while i < n or j < m:
        if pairs(i, j) and cost[i][j] == cost[i + 1][j + 1]:
            result.append(("=", i, got[j]))
            i, j = i + 1, j + 1
        elif i < n and cost[i][j] == cost[i + 1][j] + (not dots[i]):
            if not dots[i]:
                result.append(("-", i, want[i]))
            i += 1
        else:
            result.append(("=" if i < n and dots[i] else "+", i, got[j]))
            j += 1
    return result


def differing_lines(want: str, got: str, flags: int, label=lambda i: "") -> list[str]:
    """The lines of a diff of want and got that really differ under doctest's flags,
    with CONTEXT paired lines around them; label(i) tags a line near want line i."""
    checker = doctest.OutputChecker()

    @functools.cache
    def same(expected: str, actual: str) -> bool:
        return checker.check_output(expected + "\n", actual + "\n", flags)

    pairs = align(want.splitlines(), got.splitlines(), same)
    changed = [k for k, (kind, _, _) in enumerate(pairs) if kind != "="]
    shown = {k + d for k in changed for d in range(-CONTEXT, CONTEXT + 1)}
    lines, last = [], -1
    for k, (kind, i, text) in enumerate(pairs):
        if k in shown:
            if last != -1 and k > last + 1:
                lines.append("    ...")
            tag = label(i if kind != "+" else i - 1) if kind != "=" else ""
            lines.append(f"    {' ' if kind == '=' else kind}{text}{tag}")
            last = k
    return lines


class SnippetChecker(doctest.OutputChecker):
    """Compares as doctest does; a diff shows only the lines that really differ."""

    def output_difference(self, example, got: str, optionflags: int) -> str:
        if len(example.want.splitlines()) <= 2 and len(got.splitlines()) <= 2:
            return super().output_difference(example, got, optionflags)
        lines = differing_lines(example.want, got, optionflags)
        head = "Lines that differ (-page +actual; the other lines match the page):"
        return head + "\n" + "\n".join(lines) + "\n"


def standalone_difference(cells: list[tuple[str, str]], got: str, flags: int) -> str:
    """What differs between a whole run's output and its cells' expected outputs ("" if none).

    cells: (cell name, expected output) in file order; each differing line names its cell.
    """
    want = "".join(text + "\n" for _, text in cells if text)
    if doctest.OutputChecker().check_output(want, got, flags):
        return ""
    owner = [name for name, text in cells for _ in text.splitlines()]

    def label(i: int) -> str:
        return f"    [cell {owner[min(max(i, 0), len(owner) - 1)]!r}]" if owner else ""

    lines = differing_lines(want, got, flags, label)
    return "Lines that differ (-page +actual):\n" + "\n".join(lines) + "\n"
