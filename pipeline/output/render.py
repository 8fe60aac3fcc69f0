"""The comparison table as Markdown, as one HTML table (the web page's too) and as one
self-contained HTML page."""

from __future__ import annotations

import html

from ..records import Comparison
from .formats import md_text, to_html, to_markdown
from .views import Cell, compare_view


def _heading(result: Comparison) -> tuple[str, str]:
    plan, report = result.plan, result.report
    return (f"{plan.title} ({plan.path})", f"{report.title} ({report.path})")


def markdown(result: Comparison) -> str:
    plan, report = _heading(result)
    head = f"## Plan och utfall\n\n- Plan: {md_text(plan)}\n- Rapport: {md_text(report)}\n\n"
    held = f"{md_text(result.held)}\n\n" if result.held else ""
    return head + held + to_markdown(result.rows, compare_view(result.rows))


def _status_class(header: str, value: Cell) -> str:
    """The status cell's classes: 'status ej-redovisad' (coloured by STYLE); an indicator's
    'uppnådd', 'ej-uppnådd'."""
    return f"status {str(value).replace(' ', '-')}" if header == "status" else ""


def table(result: Comparison) -> str:
    """The comparison as an HTML table, each status cell classed by its status."""
    held = f'<p class="held">{html.escape(result.held)}</p>' if result.held else ""
    return held + to_html(result.rows, compare_view(result.rows), _status_class, table="compare")


STYLE = """
body{font-family:Georgia,serif;margin:2em;color:#111}
table{border-collapse:collapse;width:100%;font-size:0.92em}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee}
.status{font-weight:bold;white-space:nowrap}
.ny{color:#225}.ej-redovisad,.inställd,.ej-uppnådd,.ej-uppfyllt,.avvikelse{color:#a00}
.delvis,.delvis-uppfyllt,.uppskjuten,.pågår,.oklart{color:#850}
@media print{body{margin:0}th{background:none}}
"""


def page(result: Comparison) -> str:
    """One HTML page, no network: titles, the table, every page reference visible."""
    plan, report = _heading(result)
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>Plan och utfall: {html.escape(result.plan.title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>Plan och utfall</h1><p>Plan: {html.escape(plan)}<br>Rapport: {html.escape(report)}</p>"
        f"{table(result)}</body></html>\n"
    )
