"""The comparison table as flat rows, Markdown and one self-contained HTML page."""

from __future__ import annotations

import html
from typing import Any

from .formats import md_text, to_markdown

COLUMNS = ["område", "plan", "rapport", "likhet", "status", "belägg", "belopp"]


def _item(item: dict[str, Any] | None) -> str:
    if not item:
        return ""
    return f"{item['number']}. {item['title']} (s. {item['page']})"


def _amounts(row: dict[str, Any]) -> str:
    parts = []
    if row["amounts_plan"]:
        parts.append("plan: " + ", ".join(row["amounts_plan"]))
    if row["amounts_report"]:
        parts.append("rapport: " + ", ".join(row["amounts_report"]))
    return "; ".join(parts)


def flat_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One dict per row with the Swedish column names, cells as text."""
    out = []
    for row in result["rows"]:
        evidence = f"”{row['evidence']}” (s. {row['evidence_page']})" if row["evidence"] else ""
        out.append(
            {
                "område": row["area"] or "",
                "plan": _item(row["plan"]),
                "rapport": _item(row["report"]),
                "likhet": f"{row['similarity']:.2f}" if row["similarity"] else "",
                "status": row["status"],
                "belägg": evidence,
                "belopp": _amounts(row),
            }
        )
    return out


def _heading(result: dict[str, Any]) -> tuple[str, str]:
    plan, report = result["plan"], result["report"]
    return (f"{plan['title']} ({plan['path']})", f"{report['title']} ({report['path']})")


def markdown(result: dict[str, Any]) -> str:
    plan, report = _heading(result)
    head = f"## Plan och utfall\n\n- Plan: {md_text(plan)}\n- Rapport: {md_text(report)}\n\n"
    return head + to_markdown(flat_rows(result), COLUMNS)


STYLE = """
body{font-family:Georgia,serif;margin:2em;color:#111}
table{border-collapse:collapse;width:100%;font-size:0.92em}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee}
.status{font-weight:bold;white-space:nowrap}
.ny{color:#225}.ej-redovisad,.inställd{color:#a00}.delvis,.uppskjuten,.pågår,.oklart{color:#850}
@media print{body{margin:0}th{background:none}}
"""


def page(result: dict[str, Any]) -> str:
    """One HTML page, no network: titles, the table, every page reference visible."""
    plan, report = _heading(result)
    cells = []
    for row in flat_rows(result):
        css = html.escape(row["status"].replace(" ", "-"))
        tds = "".join(
            f'<td class="status {css}">{html.escape(row[c])}</td>'
            if c == "status"
            else f"<td>{html.escape(row[c])}</td>"
            for c in COLUMNS
        )
        cells.append(f"<tr>{tds}</tr>")
    header = "".join(f"<th>{c}</th>" for c in COLUMNS)
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>Plan och utfall: {html.escape(result['plan']['title'])}</title><style>{STYLE}</style></head>"
        f"<body><h1>Plan och utfall</h1><p>Plan: {html.escape(plan)}<br>Rapport: {html.escape(report)}</p>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(cells)}</tbody></table></body></html>\n"
    )
