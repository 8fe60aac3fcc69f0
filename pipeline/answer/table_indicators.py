"""Indicators read from tables: a table not in money whose columns name a target ('Mål 2025',
'Målvärde 2026') or an outcome ('Utfall 2025', 'Utfall april 2026'), a row an indicator.
The plan's target for the report's year beside the report's target and outcome, paired by
the rows' labels; for plans and reports that print their indicators in tables rather than
in lines of targets per year."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from ..extract.tables import number
from ..records import CompareRow, ItemRef
from ..store.tables import StoredTable
from .measures import met

TARGET_COLUMN = re.compile(r"^\s*mål(?:värde|nivå)?\b", re.IGNORECASE)
OUTCOME_COLUMN = re.compile(r"^\s*utfall\b", re.IGNORECASE)
MONEY_UNITS = re.compile(r"kr|kronor|euro", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
PAIR_THRESHOLD = 85  # label similarity (0..100) for a plan's and a report's indicator


@dataclass(frozen=True)
class TableIndicator:
    label: str
    page: int
    target: str | None
    outcome: str | None
    printed: str  # the row as printed: 'Andel …: Målvärde 80, Utfall 2025 82'
    baseline: Decimal | None = None  # a value the row prints beside its target and outcome


def _column(columns: Sequence[str], pattern: re.Pattern[str], year: int | None) -> str | None:
    """The column of that kind for the year; else one naming no year; else the first."""
    named = [c for c in columns if pattern.search(c)]
    if not named:
        return None
    dated = [c for c in named if year is not None and str(year) in YEAR_RE.findall(c)]
    undated = [c for c in named if not YEAR_RE.search(c)]
    return (dated or undated or named)[0]


def table_indicators(tables: Sequence[StoredTable], year: int | None) -> list[TableIndicator]:
    out: list[TableIndicator] = []
    for table in tables:
        if table.unit and MONEY_UNITS.search(table.unit):
            continue
        target = _column(table.columns, TARGET_COLUMN, year)
        outcome = _column(table.columns, OUTCOME_COLUMN, year)
        if target is None and outcome is None:
            continue
        for label, cells in table.rows:
            texts = {column: text for column, text, _ in cells}
            printed = ", ".join(f"{column} {text}" for column, text, _ in cells)
            others = [  # a baseline: a column neither a target nor the outcome ('Utgångsvärde')
                v
                for column, _, v in cells
                if column != outcome and not TARGET_COLUMN.search(column) and v is not None
            ]
            out.append(
                TableIndicator(
                    label,
                    table.page,
                    texts.get(target) if target else None,
                    texts.get(outcome) if outcome else None,
                    f"{label}: {printed}",
                    others[0] if others else None,
                )
            )
    return [x for x in out if x.label]


def _pairs(
    plan: Sequence[TableIndicator], report: Sequence[TableIndicator]
) -> list[tuple[TableIndicator | None, TableIndicator | None, float]]:
    scored = sorted(
        (
            (fuzz.token_sort_ratio(p.label.lower(), r.label.lower()), -i, -j)
            for i, p in enumerate(plan)
            for j, r in enumerate(report)
        ),
        reverse=True,
    )
    taken: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for value, i, j in scored:
        if value >= PAIR_THRESHOLD and -i not in taken and -j not in used:
            taken[-i] = (-j, value / 100)
            used.add(-j)
    out: list[tuple[TableIndicator | None, TableIndicator | None, float]] = [
        (p, report[taken[i][0]], round(taken[i][1], 3)) if i in taken else (p, None, 0.0)
        for i, p in enumerate(plan)
    ]
    return out + [(None, r, 0.0) for j, r in enumerate(report) if j not in used]


def _met(
    p: TableIndicator | None, r: TableIndicator | None, target: str | None, outcome: str | None
) -> bool | None:
    """Whether the outcome reaches the target; a target set below the value the row starts
    from (a baseline, last year's outcome) is reached from above: 'Antal … 1 240 → 1 100'."""
    either = p or r
    label = either.label if either else ""
    reached = met(label, target, outcome)
    goal, got = number(target or ""), number(outcome or "")
    start = next((x.baseline for x in (p, r) if x is not None and x.baseline is not None), None)
    if reached is None or goal is None or got is None or start is None or start == goal:
        return reached
    return got <= goal if start > goal else got >= goal


def _row(p: TableIndicator | None, r: TableIndicator | None, similarity: float) -> CompareRow:
    target = (r.target if r else None) or (p.target if p else None)
    outcome = r.outcome if r else None
    reached = _met(p, r, target, outcome)
    if p is None:
        status = "ny"
    elif r is None or outcome is None:
        status = "ej redovisad" if r is None else "utan utfall"
    else:
        status = {True: "uppnådd", False: "ej uppnådd", None: "utan utfall"}[reached]
    return CompareRow(
        area=None,
        plan=ItemRef(None, p.label, p.page) if p else None,
        report=ItemRef(None, r.label, r.page) if r else None,
        similarity=similarity,
        status=status,
        evidence=r.printed if r else "",
        evidence_page=r.page if r else None,
        amounts_plan=(),
        amounts_report=(),
        kind="indicator",
        target=target,
        outcome=outcome,
        met=reached,
    )


def table_indicator_rows(
    plan: Sequence[StoredTable], report: Sequence[StoredTable], year: int | None, same: bool
) -> list[CompareRow]:
    """The indicators of the plan's tables beside the report's; none where the report's
    tables hold none."""
    shown = table_indicators(report, year)
    if not shown:
        return []
    if same:
        return [_row(x, x, 1.0) for x in shown]
    return [_row(p, r, v) for p, r, v in _pairs(table_indicators(plan, year), shown)]


def measured(rows: Sequence[CompareRow]) -> bool:
    """Rows that show an outcome somewhere."""
    return any(r.outcome is not None for r in rows)
