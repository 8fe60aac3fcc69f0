"""compare's indicator and money rows, and the line saying what each document holds
where nothing pairs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ..models import SectionKind
from ..records import CompareRow, ItemRef
from ..store.catalog_rows import SectionRow
from ..store.tables import StoredTable
from .measures import BudgetLine, Money, budget_lines, measure, money_rows, reported_year

INDICATOR_THRESHOLD = 0.85  # title similarity for an indicator pair: names differ little


def _name(title: str) -> str:
    return " ".join(title.lower().rstrip(".").split())


def _similar(plan: SectionRow, report: SectionRow) -> float:
    """Names alike (a trailing full stop aside); under the same goal a little more alike."""
    same_goal = 0.01 if plan.area and plan.area == report.area else 0.0
    return fuzz.token_sort_ratio(_name(plan.title), _name(report.title)) / 100 + same_goal


def _pairs(
    plan: Sequence[SectionRow], report: Sequence[SectionRow]
) -> list[tuple[int | None, int | None, float]]:
    scored = sorted(
        ((_similar(p, r), -i, -j) for i, p in enumerate(plan) for j, r in enumerate(report)),
        reverse=True,
    )
    taken: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for value, i, j in scored:
        if value < INDICATOR_THRESHOLD:
            break
        if -i not in taken and -j not in used:
            taken[-i] = (-j, value)
            used.add(-j)
    out: list[tuple[int | None, int | None, float]] = [
        (i, taken[i][0], round(min(taken[i][1], 1.0), 3)) if i in taken else (i, None, 0.0)
        for i in range(len(plan))
    ]
    return out + [(None, j, 0.0) for j in range(len(report)) if j not in used]


def _status(met: bool | None, reported: bool) -> str:
    if not reported:
        return "ej redovisad"
    return {True: "uppnådd", False: "ej uppnådd", None: "utan utfall"}[met]


def indicator_rows(
    plan_all: Sequence[SectionRow], report_all: Sequence[SectionRow], year: int | None, same: bool
) -> list[CompareRow]:
    """A plan's indicators beside a report's (a scorecard's), each with the target and the
    outcome for the report's year; none where the report shows no indicator."""
    plan = [s for s in plan_all if s.kind == SectionKind.INDICATOR]
    report = [s for s in report_all if s.kind == SectionKind.INDICATOR]
    if not report:
        return []
    pairs = [(i, i, 1.0) for i in range(len(plan))] if same else _pairs(plan, report)
    year = year or reported_year(report)
    return [
        _indicator_row(plan[i] if i is not None else None, report[j] if j is not None else None, value, year)
        for i, j, value in pairs
    ]


def _indicator_row(
    p: SectionRow | None, r: SectionRow | None, similarity: float, year: int | None
) -> CompareRow:
    """An indicator's row: the report's target and outcome for the year (else the plan's
    target), whether it was met, the report's row as printed for evidence."""
    either = p or r
    shown = measure(r.title, r.text, year) if r else None
    planned = measure(p.title, p.text, year) if p else None
    return CompareRow(
        area=either.area if either else None,
        plan=ItemRef(None, p.title, p.first_page) if p else None,
        report=ItemRef(None, r.title, r.first_page) if r else None,
        similarity=similarity,
        status=_status(shown.met if shown else None, r is not None) if p else "ny",
        evidence=" ".join(f"{r.title} {r.text}".split()) if r else "",
        evidence_page=r.first_page if r else None,
        amounts_plan=(),
        amounts_report=(),
        kind="indicator",
        goal=either.area if either else None,
        target=(shown.target if shown else None) or (planned.target if planned else None),
        outcome=shown.outcome if shown else None,
        met=shown.met if shown else None,
    )


def _alike(a: str, b: str) -> float:
    """How alike two row labels are (0..100); labels led by different codes ('943 …', '953
    …') are not alike at all, by the same code alike enough."""
    code_a, code_b = re.match(r"\d+\b", a), re.match(r"\d+\b", b)
    ratio = float(fuzz.token_sort_ratio(_name(a), _name(b)))
    if code_a and code_b:  # one code, one unit however renamed ('941 Björknässkolans skolenhet')
        return 0.0 if code_a.group() != code_b.group() else max(ratio, 85 + ratio / 100)
    return ratio


def _money_row(m: Money | None, line: BudgetLine | None) -> CompareRow:
    """A budget line of the report (its budget, outcome, deviation), with the plan's line
    of the same label where the plan has one."""
    return CompareRow(
        area=None,
        plan=ItemRef(None, line.label, line.page) if line else None,
        report=ItemRef(None, m.label, m.page) if m else None,
        similarity=0.0,
        status=("enligt budget" if m.deviation == 0 else "avvikelse") if m else "ej redovisad",
        evidence=m.printed if m else "",
        evidence_page=m.page if m else None,
        amounts_plan=(),
        amounts_report=(),
        kind="money",
        outcome=m.outcome if m else None,
        budget=m.budget if m else line.value if line else None,
        deviation=m.deviation if m else None,
        unit=(m.unit if m else line.unit if line else None),
    )


def money_rows_of(report: Sequence[StoredTable], plan: Sequence[StoredTable]) -> list[CompareRow]:
    """One row per budget line of the report's tables (budget, outcome, deviation), beside
    the plan's line of the same name; the plan's lines the report leaves out after them."""
    found, lines = money_rows(report), budget_lines(plan)
    if not found:
        return []
    size = {t: sum(m.table == t for m in found) for t in {m.table for m in found}}  # a full table first
    scored = sorted(
        (
            (_alike(line.label, m.label), size[m.table], -i, -k)
            for i, m in enumerate(found)
            for k, line in enumerate(lines)
        ),
        reverse=True,
    )
    taken: dict[int, BudgetLine] = {}
    free = set(range(len(lines)))
    for value, _, i, k in scored:
        if value < 85:
            break
        if -i not in taken and -k in free:
            taken[-i] = lines[-k]
            free.discard(-k)
    rows = [_money_row(m, taken.get(i)) for i, m in enumerate(found)]
    return rows + [_money_row(None, lines[k]) for k in sorted(free)]


def _held(sections: Sequence[SectionRow]) -> str:
    kinds = [s.kind for s in sections]
    counts = [
        (kinds.count(SectionKind.GOAL), "mål"),
        (len({s.title for s in sections if s.kind == SectionKind.FOCUS}), "fokusområden"),
        (kinds.count(SectionKind.INDICATOR), "indikatorer"),
        (kinds.count(SectionKind.PRIORITY), "prioriteringar"),
    ]
    return ", ".join(f"{n} {name}" for n, name in counts)


def summary(plan: Sequence[SectionRow], report: Sequence[SectionRow], money: tuple[int, int]) -> str:
    """'planen: 4 mål, 11 fokusområden, 64 indikatorer, 5 prioriteringar, 31 budgetrader;
    rapporten: …'."""
    return (
        f"planen: {_held(plan)}, {money[0]} budgetrader; rapporten: {_held(report)}, {money[1]} budgetrader"
    )
