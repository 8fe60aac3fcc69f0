"""What ``sections`` adds for a plan's tree: each indicator's focus area and its targets
per year, and the plan's budget lines from its tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import SectionKind
from ..records import SectionEntry, Target
from ..store.catalog_rows import SectionRow
from ..store.tables import StoredTable
from .measures import CELL_RE, budget_lines, years_of

TREE_KINDS = (SectionKind.GOAL, SectionKind.FOCUS, SectionKind.INDICATOR)


def focus_of(rows: Sequence[SectionRow]) -> list[str | None]:
    """For each section, the focus areas an indicator stands under: those listed together
    last above it under the same goal, joined by ' / ' (None for anything else)."""
    out: list[str | None] = []
    group: list[SectionRow] = []
    previous = ""
    for row in rows:
        if row.kind == SectionKind.FOCUS:
            group = [*group, row] if previous == SectionKind.FOCUS else [row]
        elif row.kind == SectionKind.GOAL:
            group = []
        previous = row.kind
        under = [f.title for f in group if f.area == row.area]
        out.append(" / ".join(under) if under and row.kind == SectionKind.INDICATOR else None)
    return out


def targets_of(row: SectionRow) -> tuple[Target, ...]:
    """An indicator's targets by year, read from its text ('2018: 97 (95)')."""
    if row.kind != SectionKind.INDICATOR:
        return ()
    out = []
    for year, cell in years_of(row.text).items():
        match = CELL_RE.match(cell)
        target = match.group("target").strip() if match else cell
        outcome = ((match.group("outcome") or "").strip() or None) if match and "(" in cell else None
        out.append(Target(year, target, outcome))
    return tuple(out)


TARGET_HEAD = re.compile(r"^\s*mål(?:värde|nivå)?\b.*?\b((?:19|20)\d\d)\b", re.IGNORECASE)
OUTCOME_HEAD = re.compile(r"^\s*utfall\b.*?\b((?:19|20)\d\d)\b", re.IGNORECASE)


def table_targets(row: SectionRow, tables: Sequence[StoredTable]) -> tuple[Target, ...]:
    """An indicator's targets by year from the table row that names it: a column per year
    ('Målvärde 2026', 'Mål 2025'), with the outcome of a column 'Utfall' of that year."""
    if row.kind != SectionKind.INDICATOR:
        return ()
    name = " ".join(row.title.lower().split())
    for table in tables:
        for label, cells in table.rows:
            if " ".join(label.lower().split()) != name:
                continue
            done = {m.group(1): text for column, text, _ in cells if (m := OUTCOME_HEAD.match(column))}
            found = [
                Target(int(m.group(1)), text, done.get(m.group(1)))
                for column, text, _ in cells
                if (m := TARGET_HEAD.match(column))
            ]
            if found:
                return tuple(found)
    return ()


def budget_entries(tables: Sequence[StoredTable]) -> list[SectionEntry]:
    """A plan's budget lines (a table with a Budget column and no outcome): each with its
    cells as printed."""
    return [
        SectionEntry(
            *(None, None, line.label, line.page, line.page, line.printed, SectionKind.BUDGET),
            *(None, None, (), (), (), None),
        )
        for line in budget_lines(tables)
    ]
