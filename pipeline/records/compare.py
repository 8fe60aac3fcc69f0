"""The records of ``compare``: the plan and the report it reads, and its rows (a priority or
focus area, an indicator, a budget line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .base import Record


@dataclass(frozen=True)
class Side(Record):
    """The plan or the report a comparison reads."""

    HIDDEN = ("part_id", "date", "kind")

    document: str
    title: str
    year: int | None
    path: str
    part_id: int = 0
    date: str | None = None
    kind: str = ""  # the part's kind: a report within the year (a delårsrapport) reports progress


@dataclass(frozen=True)
class ItemRef(Record):
    number: int | None
    title: str
    page: int


@dataclass(frozen=True)
class CompareRow(Record):
    area: str | None
    plan: ItemRef | None
    report: ItemRef | None
    similarity: float
    status: str
    evidence: str
    evidence_page: int | None
    amounts_plan: tuple[str, ...]
    amounts_report: tuple[str, ...]
    # 'priority' (a priority or focus area), 'indicator' or 'money'
    kind: str = "priority"
    goal: str | None = None  # the goal the item stands under
    target: str | None = None  # an indicator's target as printed ('95', 'Topp 3')
    outcome: str | Decimal | None = None  # an indicator's outcome as printed; money: kronor
    met: bool | None = None  # an indicator's target met (None: not known)
    budget: Decimal | None = None  # money: in kronor
    deviation: Decimal | None = None  # money: outcome − budget, or the printed deviation
    unit: str | None = None  # money: the unit as printed ('tkr')


@dataclass(frozen=True)
class Comparison(Record):
    plan: Side
    report: Side
    rows: tuple[CompareRow, ...] = field(default_factory=tuple)
    # where nothing pairs: what each document was found to hold (None: something paired)
    held: str | None = None
