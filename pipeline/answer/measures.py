"""An indicator's target and outcome, and a table's budget and outcome, as compare shows
them: an indicator's text keeps one line per year ('2018: 97 (95)': target 97, outcome 95,
extract/scorecard.py); a table with a Budget column and an Utfall or Prognos column gives
one money row per row (budget, outcome, deviation in kronor, the unit as printed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..store.catalog_rows import SectionRow
from ..store.tables import StoredTable

YEAR_LINE_RE = re.compile(r"^((?:19|20)\d\d):\s*(.+)$")
CELL_RE = re.compile(r"^(?P<target>[^()]+?)\s*(?:\(\s*(?P<outcome>[^()]*?)\s*\)?)?$")
# what is better the lower it is: absence, sick leave, costs, waiting, a rank
LOWER_IS_BETTER = re.compile(r"frånvaro|sjuk|ohälsa|kostnad|väntetid|kötid|placering|olyck", re.IGNORECASE)
BUDGET_RE = re.compile(r"\bbudget", re.IGNORECASE)
OUTCOME_RE = re.compile(r"\b(utfall|prognos)", re.IGNORECASE)
DEVIATION_RE = re.compile(r"avvikelse|differens|\bavvik\b|\bavv\b", re.IGNORECASE)
NET_RE = re.compile(r"netto|resultat|total|summa", re.IGNORECASE)
MONEY_UNIT_RE = re.compile(r"kr|kronor|sek", re.IGNORECASE)


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
    printed: str  # the row's cells as printed: '928 Nacka gymnasium: Utfall 2550, Budget -750, …'


def _squeezed(header: str) -> str:
    return header.replace(" ", "").replace("-", "").lower()  # 'Avvik else', 'Budgetav vikelse'


def _has(header: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(header) or pattern.search(_squeezed(header)))


def _words_of(header: str) -> set[str]:
    return {w for w in re.findall(r"\w+", header.lower()) if not re.match(r"budget|utfall|prognos", w)}


def columns_of(columns: Sequence[str]) -> tuple[str, str, str | None] | None:
    """A budget table's (budget, outcome, deviation) columns: the outcome of the budget's
    year, a net or total before its parts, else the one naming most of what the budget names
    ('Budget kostnader period' → 'Utfall kostnader period'); None: no budget table."""
    deviation = next((c for c in columns if _has(c, DEVIATION_RE)), None)
    budgets = [c for c in columns if _has(c, BUDGET_RE) and not _has(c, OUTCOME_RE) and c != deviation]
    if not budgets:
        return None
    budget = budgets[0]
    year = set(re.findall(r"\b(?:19|20)\d\d\b", budget))
    outcomes = [
        c
        for c in columns
        if _has(c, OUTCOME_RE)
        and c != deviation
        and (not year or year & set(re.findall(r"\d{4}", c)) or not re.search(r"\d{4}", c))
    ]
    if not outcomes:
        return None

    def fit(c: str) -> int:
        return len(_words_of(c) & _words_of(budget)) + 2 * bool(NET_RE.search(c))

    return budget, max(outcomes, key=fit), deviation


def money_rows(tables: Sequence[StoredTable]) -> list[Money]:
    """Each row of a table with a Budget and an Utfall (or Prognos) column."""
    out = []
    for table in tables:
        found = columns_of(table.columns) if MONEY_UNIT_RE.search(table.unit or "") else None
        if found is None:
            continue
        budget, outcome, deviation = found
        for label, cells in table.rows:
            values = {column: (text, value) for column, text, value in cells}
            b, o = values.get(budget, ("", None)), values.get(outcome, ("", None))
            if b[1] is None or o[1] is None:
                continue
            d = values.get(deviation, ("", None)) if deviation else ("", None)
            printed = f"{label}: {outcome} {o[0]}, {budget} {b[0]}" + (
                f", {deviation} {d[0]}" if d[0] else ""
            )
            gap = o[1] - b[1] if d[1] is None else d[1]
            out.append(Money(label, table.page, b[1], o[1], gap, table.unit, table.seq, printed))
    return out


@dataclass(frozen=True)
class BudgetLine:
    """A plan's budget line: a row of a table with a Budget column and no outcome, its sum
    the net (Resultat, Netto) where one is given, else the budget's."""

    label: str
    page: int
    value: Decimal
    unit: str | None
    printed: str  # the row's cells as printed: 'Intäkter 118 642; … Resultat 0'


def budget_lines(tables: Sequence[StoredTable]) -> list[BudgetLine]:
    out = []
    for table in tables:
        if not MONEY_UNIT_RE.search(table.unit or ""):
            continue
        named = [c for c in table.columns if _has(c, BUDGET_RE)] or (
            [*table.columns] if BUDGET_RE.search(table.caption) else []
        )
        if not named or any(_has(c, OUTCOME_RE) for c in table.columns):
            continue
        net = next((c for c in table.columns if NET_RE.search(c)), named[0])
        for label, cells in table.rows:
            values = {column: value for column, _, value in cells}
            if values.get(net) is not None:
                printed = "; ".join(f"{c} {t}" for c, t, _ in cells)
                out.append(BudgetLine(label, table.page, values[net], table.unit, printed))  # type: ignore[arg-type]
    return out
