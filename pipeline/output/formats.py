"""Render rows as JSON, CSV or Markdown, safe to open and to print.

- CSV: a text cell that starts with = + - @ tab or CR is prefixed with ' (OWASP's
  advice against formula injection): a spreadsheet shows it as text, never runs it.
  Numbers stay numbers.
- Markdown: < > & are written as entities, so HTML in a PDF stays text.
- Every text output: terminal control characters (ESC and the rest of C0/C1, but
  newline and tab) are shown as \\xNN, so a file name cannot retitle or
  reprogram the terminal. JSON escapes them by itself.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .views import Cell, View

R = TypeVar("R")

FORMATS = ("table", "json", "csv", "md")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def printable(text: str) -> str:
    """Control characters (not newline or tab) as visible \\xNN escapes."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return printable(str(value))


def csv_cell(value: Cell) -> str:
    """A CSV cell: numbers as they are, text that a spreadsheet would run as a formula prefixed with '."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = cell(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: Sequence[R], view: View[R]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.header for c in view])
    for row in rows:
        writer.writerow([csv_cell(c.value(row)) for c in view])
    return out.getvalue()


def md_text(text: str) -> str:
    """Text for Markdown: HTML's special characters as entities, controls escaped."""
    return printable(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _md_cell(value: Cell) -> str:
    return md_text(cell(value)).replace("|", "\\|").replace("\n", " ")


def to_markdown(rows: Sequence[R], view: View[R]) -> str:
    head = [c.header for c in view]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        lines.append("| " + " | ".join(_md_cell(c.value(row)) for c in view) + " |")
    return "\n".join(lines) + "\n"


def to_html(
    rows: Sequence[R], view: View[R], css: Callable[[str, Cell], str] | None = None, table: str = ""
) -> str:
    """An HTML table (of class ``table``), every cell escaped; ``css``: a cell's class from its
    header and value."""

    def td(header: str, value: Cell) -> str:
        kind = css(header, value) if css else ""
        attr = f' class="{html.escape(kind)}"' if kind else ""
        return f"<td{attr}>{html.escape(cell(value))}</td>"

    head = "".join(f"<th>{html.escape(c.header)}</th>" for c in view)
    body = "".join("<tr>" + "".join(td(c.header, c.value(r)) for c in view) + "</tr>" for r in rows)
    attr = f' class="{html.escape(table)}"' if table else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
