"""An indicator's target and outcome, and a table's budget and outcome, as compare shows
them: an indicator's text keeps one line per year ('2018: 97 (95)': target 97, outcome 95,
extract/scorecard.py); a table with a Budget column and an Utfall or Prognos column gives
one money row per row (budget, outcome, deviation in kronor, the unit as printed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..models import Table
from ..store.catalog_rows import SectionRow

YEAR_LINE_RE = re.compile(r"^((?:19|20)\d\d):\s*(.+)$")
CELL_RE = re.compile(r"^(?P<target>[^()]+?)\s*(?:\(\s*(?P<outcome>[^()]*?)\s*\)?)?$")
# what is better the lower it is: absence, sick leave, costs, waiting, a rank
LOWER_IS_BETTER = re.compile(r"frånvaro|sjuk|ohälsa|kostnad|väntetid|kötid|placering|olyck", re.IGNORECASE)
BUDGET_RE = re.compile(r"\bbudget", re.IGNORECASE)
OUTCOME_RE = re.compile(r"\b(utfall|prognos)", re.IGNORECASE)
DEVIATION_RE = re.compile(r"avvikelse|differens", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    target: str | None
    outcome: str | None
    met: bool | None


def _number(text: str | None) -> Decimal | None:
    if not text:
        return None
    cleaned = text.replace("\u2212", "-").replace(" ", "").replace(",", ".").rstrip("%")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def years_of(text: str) -> dict[int, str]:
    """An indicator's cells by year: {2018: '97 (95)'}."""
    found = (YEAR_LINE_RE.match(line.strip()) for line in text.split("\n"))
    return {int(m.group(1)): m.group(2).strip() for m in found if m}


def measure(title: str, text: str, year: int | None) -> Measure | None:
    """The target and outcome for ``year`` (else the last year with an outcome)."""
    cells = years_of(text)
    if not cells:
        return None
    done = [y for y, c in cells.items() if "(" in c]
    chosen = year if year in cells else (max(done) if done else max(cells))
    if "(" not in cells[chosen]:  # a target with no outcome (yet)
        return Measure(cells[chosen], None, None)
    match = CELL_RE.match(cells[chosen])
    if match is None:
        return Measure(cells[chosen], None, None)
    target, outcome = match.group("target").strip(), (match.group("outcome") or "").strip() or None
    return Measure(target, outcome, met(title, target, outcome))


def reported_year(indicators: Sequence[SectionRow]) -> int | None:
    """The last year a scorecard gives outcomes for (in parentheses) on half its rows or
    more, where its document names no year."""
    done = [y for s in indicators for y, c in years_of(s.text).items() if "(" in c]
    most = max((done.count(y) for y in done), default=0)
    return max((y for y in done if done.count(y) * 2 >= most), default=None)


def met(title: str, target: str | None, outcome: str | None) -> bool | None:
    """Whether an outcome reaches its target (None: either is not a number)."""
    goal, got = _number(target), _number(outcome)
    if goal is None or got is None:
        return None
    return got <= goal if LOWER_IS_BETTER.search(title) else got >= goal


@dataclass(frozen=True)
class Money:
    label: str
    page: int
    budget: Decimal
    outcome: Decimal
    deviation: Decimal
    unit: str | None
    table: int


def _column(columns: Sequence[str], pattern: re.Pattern[str], avoid: re.Pattern[str] | None = None) -> str | None:
    return next((c for c in columns if pattern.search(c) and not (avoid and avoid.search(c))), None)


def money_rows(tables: Sequence[Table]) -> list[Money]:
    """Each row of a table with a Budget and an Utfall (or Prognos) column."""
    out = []
    for table in tables:
        budget = _column(table.columns, BUDGET_RE, DEVIATION_RE)
        outcome = _column(table.columns, OUTCOME_RE, DEVIATION_RE)
        deviation = _column(table.columns, DEVIATION_RE)
        if budget is None or outcome is None:
            continue
        for row in table.rows:
            cells = dict(row.cells)
            b, o = cells.get(budget), cells.get(outcome)
            if b is None or o is None or b.value is None or o.value is None:
                continue
            d = cells.get(deviation) if deviation else None
            printed = d.value if d is not None and d.value is not None else o.value - b.value
            out.append(Money(row.label, table.page, b.value, o.value, printed, table.unit, table.seq))
    return out
