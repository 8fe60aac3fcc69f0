"""compare's indicator and money rows, and the line saying what each document holds
where nothing pairs."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from ..models import SectionKind, Table
from ..records import CompareRow, ItemRef
from ..store.catalog_rows import SectionRow
from .measures import measure, money_rows, reported_year

INDICATOR_THRESHOLD = 0.85  # title similarity for an indicator pair: names differ little


def _name(title: str) -> str:
    return " ".join(title.lower().rstrip(".").split())


def _similar(plan: SectionRow, report: SectionRow) -> float:
    """Names alike (a trailing full stop aside); under the same goal a little more alike."""
    same_goal = 0.01 if plan.area and plan.area == report.area else 0.0
    return fuzz.token_sort_ratio(_name(plan.title), _name(report.title)) / 100 + same_goal


def _pairs(plan: Sequence[SectionRow], report: Sequence[SectionRow]) -> list[tuple[int | None, int | None, float]]:
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
            taken[-i], _ = (-j, value), used.add(-j)
    out: list[tuple[int | None, int | None, float]] = [
        (i, taken[i][0], round(taken[i][1], 3)) if i in taken else (i, None, 0.0) for i in range(len(plan))
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
    rows = []
    for i, j, similarity in pairs:
        p, r = (plan[i] if i is not None else None), (report[j] if j is not None else None)
        shown = measure(r.title, r.text, year) if r else None
        planned = measure(p.title, p.text, year) if p else None
        target = (shown.target if shown else None) or (planned.target if planned else None)
        rows.append(
            CompareRow(
                area=(p or r).area if (p or r) else None,
                plan=ItemRef(None, p.title, p.first_page) if p else None,
                report=ItemRef(None, r.title, r.first_page) if r else None,
                similarity=similarity,
                status=_status(shown.met if shown else None, r is not None) if p else "ny",
                evidence=" ".join(f"{r.title} {r.text}".split()) if r else "",
                evidence_page=r.first_page if r else None,
                amounts_plan=(),
                amounts_report=(),
                kind="indicator",
                goal=(p or r).area if (p or r) else None,
                target=target,
                outcome=shown.outcome if shown else None,
                met=shown.met if shown else None,
            )
        )
    return rows


def money_rows_of(tables: Sequence[Table]) -> list[CompareRow]:
    """One row per budget line of the report's tables: budget, outcome, deviation."""
    return [
        CompareRow(
            area=None,
            plan=None,
            report=ItemRef(None, m.label, m.page),
            similarity=0.0,
            status="enligt budget" if m.deviation == 0 else "avvikelse",
            evidence="",
            evidence_page=m.page,
            amounts_plan=(),
            amounts_report=(),
            kind="money",
            budget=m.budget,
            outcome=m.outcome,
            deviation=m.deviation,
            unit=m.unit,
        )
        for m in money_rows(tables)
    ]


def _held(sections: Sequence[SectionRow]) -> str:
    kinds = [s.kind for s in sections]
    counts = [
        (kinds.count(SectionKind.GOAL), "mål"),
        (len({s.title for s in sections if s.kind == SectionKind.FOCUS}), "fokusområden"),
        (kinds.count(SectionKind.INDICATOR), "indikatorer"),
        (kinds.count(SectionKind.PRIORITY), "prioriteringar"),
    ]
    return ", ".join(f"{n} {name}" for n, name in counts)


def summary(plan: Sequence[SectionRow], report: Sequence[SectionRow], money: int) -> str:
    """'planen: 4 mål, 5 fokusområden, 12 indikatorer, 0 prioriteringar; rapporten: …'."""
    return f"planen: {_held(plan)}; rapporten: {_held(report)}, {money} budgetrader"
