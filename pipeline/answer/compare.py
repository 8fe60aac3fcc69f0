"""What a plan promised beside what the report says was done.

Plan and report priorities are matched one to one on title similarity (years
and numbers neutralised), body similarity and number agreement together; a
pair below the threshold stays unmatched. Status comes from status.py.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..errors import NotFound
from ..extract.structure import find_board
from ..models import DocumentKind, SectionKind
from ..records import CompareRow, Comparison, ItemRef, Side
from ..settings import Settings
from ..store.catalog_rows import KindPart, SectionRow
from ..store.reads import CatalogReader
from .forgiving import document_ref
from .status import judge, sentences

TITLE_WEIGHT, BODY_WEIGHT, NUMBER_WEIGHT = 0.6, 0.25, 0.15
THRESHOLD = 0.55
KINDS = {"plan": DocumentKind.VERKSAMHETSPLAN, "report": DocumentKind.VERKSAMHETSBERÄTTELSE}


def _neutral(title: str) -> str:
    return " ".join(re.sub(r"\d+", " ", title.lower()).split())


def score(plan: SectionRow, report: SectionRow) -> float:
    """0..1: how surely a planned priority and a reported item are the same."""
    title = fuzz.token_set_ratio(_neutral(plan.title), _neutral(report.title)) / 100
    body = fuzz.token_set_ratio(plan.text.lower(), report.text.lower()) / 100
    same_number = 1.0 if plan.number == report.number else 0.0
    return round(TITLE_WEIGHT * title + BODY_WEIGHT * body + NUMBER_WEIGHT * same_number, 3)


def match(plan: list[SectionRow], report: list[SectionRow]) -> list[tuple[int | None, int | None, float]]:
    """One-to-one pairs (plan index, report index, score), greedy on the best
    scores; unmatched items pair with None. Plan order, then unplanned items."""
    scored = sorted(
        ((score(p, r), i, j) for i, p in enumerate(plan) for j, r in enumerate(report)), reverse=True
    )
    taken_plan: dict[int, tuple[int, float]] = {}
    taken_report: set[int] = set()
    for value, i, j in scored:
        if value < THRESHOLD:
            break
        if i not in taken_plan and j not in taken_report:
            taken_plan[i] = (j, value)
            taken_report.add(j)
    pairs: list[tuple[int | None, int | None, float]] = [
        (i, taken_plan[i][0], taken_plan[i][1]) if i in taken_plan else (i, None, 0.0)
        for i in range(len(plan))
    ]
    pairs += [(None, j, 0.0) for j in range(len(report)) if j not in taken_report]
    return pairs


def _candidates(
    catalog: CatalogReader, kind: str, year: int, board: str | None
) -> list[tuple[KindPart, str]]:
    found = []
    for part in catalog.parts_of_kind(kind):
        part_board = find_board(part.title) or part.board or ""
        wanted = board is None or board.lower() in part_board.lower()
        if part.repeat_of is None and part.year == year and wanted:
            found.append((part, part_board))
    return found


def resolve(catalog: CatalogReader, role: str, ref: str, board: str | None) -> Side:
    """A plan or report part from a year (with an optional board) or a document."""
    kind = KINDS[role]
    if re.fullmatch(r"\d{4}", ref):
        found = _candidates(catalog, kind, int(ref), board)
        boards = sorted({b for _, b in found})
        if len(boards) != 1:
            listed = "; ".join(boards) or "inget"
            raise NotFound(f"{len(boards)} organ har en {kind} för {ref} ({listed}): välj ett med --board")
        part = found[0][0]
    else:
        doc_id = catalog.resolve_document(document_ref(ref))
        of_kind = catalog.parts_of_kind(kind)
        parts = [p for p in of_kind if p.document_id == doc_id]
        if not parts:
            raise NotFound(f"{ref!r} är inget dokument med en {kind} i katalogen")
        canonical = parts[0].repeat_of or parts[0].id
        part = next(p for p in of_kind if p.id == canonical)
    return Side(part.document_id, part.title, part.year, part.path, part.id, part.date)


def _items(catalog: CatalogReader, part_id: int) -> list[SectionRow]:
    return [s for s in catalog.part_sections(part_id) if s.kind == SectionKind.PRIORITY]


def _amounts_in(amounts: list[str], item: SectionRow | None) -> tuple[str, ...]:
    if item is None:
        return ()
    text = " ".join(item.text.split())
    return tuple(" ".join(a.split()) for a in amounts if " ".join(a.split()) in text)


def _ref(item: SectionRow | None) -> ItemRef | None:
    return ItemRef(item.number, item.title, item.first_page) if item else None


def _row(
    catalog: CatalogReader,
    report_side: Side,
    pair: tuple[SectionRow | None, SectionRow | None, float],
    amounts: Amounts,
) -> CompareRow:
    p, r, similarity = pair
    status, evidence, page = "ej redovisad", "", None
    if r is not None:
        verdict = judge(r.text)
        status = verdict.status if p is not None else "ny"
        evidence = verdict.evidence if p is not None else (sentences(r.text) or [""])[0]
        found = catalog.pages.page_with_text(report_side.document, r.first_page, r.last_page, evidence)
        page = (found or r.first_page) if evidence else None
    return CompareRow(
        area=next((x.area for x in (p, r) if x is not None), None),
        plan=_ref(p),
        report=_ref(r),
        similarity=similarity,
        status=status,
        evidence=evidence,
        evidence_page=page,
        amounts_plan=_amounts_in(amounts[0], p),
        amounts_report=_amounts_in(amounts[1], r),
    )


Amounts = tuple[list[str], list[str]]  # the plan's and the report's, as written


def compare(settings: Settings, plan_ref: str, report_ref: str, board: str | None = None) -> Comparison:
    """The comparison table: one row per planned priority, then unplanned items."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        plan_side = resolve(catalog, "plan", plan_ref, board)
        report_side = resolve(catalog, "report", report_ref, board)
        plan, report = _items(catalog, plan_side.part_id), _items(catalog, report_side.part_id)
        amounts = (catalog.part_amounts(plan_side.part_id), catalog.part_amounts(report_side.part_id))
        rows = tuple(
            _row(
                catalog,
                report_side,
                (plan[i] if i is not None else None, report[j] if j is not None else None, value),
                amounts,
            )
            for i, j, value in match(plan, report)
        )
    return Comparison(plan_side, report_side, rows)
