"""What a plan promised beside what the report says was done.

Plan and report priorities (or focus areas) are matched one to one on title similarity
(years and numbers neutralised), body similarity and number agreement together; a pair
below the threshold stays unmatched. Status comes from status.py. A plan's indicators pair
with a scorecard's (their target and outcome), a report's budget tables give money rows
(measures.py). A follow-up that quotes its plan is compared with itself.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..errors import NotFound
from ..extract.structure import find_board
from ..models import PLAN_KINDS, REPORT_KINDS, DocumentKind, SectionKind
from ..records import CompareRow, Comparison, ItemRef, Side
from ..settings import Settings
from ..store.catalog_rows import KindPart, SectionRow
from ..store.reads import CatalogReader
from ..years import spanned_years
from .compare_rows import indicator_rows, money_rows_of, summary
from .forgiving import document_ref
from .measures import budget_lines, money_rows
from .status import judge_pieces, sentences
from .table_indicators import measured, table_indicator_rows

TITLE_WEIGHT, BODY_WEIGHT, NUMBER_WEIGHT = 0.6, 0.25, 0.15
THRESHOLD = 0.55
KINDS: dict[str, tuple[DocumentKind, ...]] = {"plan": PLAN_KINDS, "report": REPORT_KINDS}
NAMES = {"plan": "plan", "report": "rapport"}
IN_YEAR = (DocumentKind.DELÅRSRAPPORT, DocumentKind.MÅNADSUPPFÖLJNING)  # reports within the year

Pairs = list[tuple[int | None, int | None, float]]


def _neutral(title: str) -> str:
    return " ".join(re.sub(r"\d+", " ", title.lower()).split())


def score(plan: SectionRow, report: SectionRow) -> float:
    """0..1: how surely a planned priority and a reported item are the same."""
    title = fuzz.token_set_ratio(_neutral(plan.title), _neutral(report.title)) / 100
    body = fuzz.token_set_ratio(plan.text.lower(), report.text.lower()) / 100
    same_number = 1.0 if plan.number == report.number else 0.0
    return round(TITLE_WEIGHT * title + BODY_WEIGHT * body + NUMBER_WEIGHT * same_number, 3)


def match(plan: list[SectionRow], report: list[SectionRow], threshold: float = THRESHOLD) -> Pairs:
    """One-to-one pairs (plan index, report index, score), greedy on the best
    scores; unmatched items pair with None. Plan order, then unplanned items."""
    scored = sorted(
        ((score(p, r), i, j) for i, p in enumerate(plan) for j, r in enumerate(report)), reverse=True
    )
    taken_plan: dict[int, tuple[int, float]] = {}
    taken_report: set[int] = set()
    for value, i, j in scored:
        if value < threshold:
            break
        if i not in taken_plan and j not in taken_report:
            taken_plan[i] = (j, value)
            taken_report.add(j)
    pairs: Pairs = [
        (i, taken_plan[i][0], taken_plan[i][1]) if i in taken_plan else (i, None, 0.0)
        for i in range(len(plan))
    ]
    pairs += [(None, j, 0.0) for j in range(len(report)) if j not in taken_report]
    return pairs


def years_of(part: KindPart) -> set[int]:
    """The years a part covers: its own, and every year of a span its title names
    ('Affärsplan 2019–2021'; 'Budget 2026 och plan 2027–2028': 2026 too)."""
    return ({part.year} if part.year else set()) | spanned_years(part.title)


def _candidates(
    catalog: CatalogReader, role: str, year: int, board: str | None
) -> list[tuple[KindPart, str]]:
    found = []
    for kind in KINDS[role]:
        for part in catalog.parts_of_kind(kind):
            if part.repeat_of is None and year in years_of(part):
                found.append((part, find_board(part.title) or part.board or ""))
    if board is None:
        return found
    named = [(p, b) for p, b in found if board.lower() in b.lower()]
    return named or [(p, b) for p, b in found if not b]  # else those whose board is not known


def _of_document(catalog: CatalogReader, role: str, ref: str) -> KindPart:
    """A named document's part: its first of the role's kinds, else its first (whatever its
    kind: a document named is taken as what it was named for); its canonical copy."""
    doc_id = catalog.resolve_document(document_ref(ref))
    parts = catalog.document_parts(doc_id) if doc_id else []
    if not parts:
        raise NotFound(f"{ref!r} är inget dokument i katalogen")
    part = next((p for p in parts if p.kind in KINDS[role]), parts[0])
    if part.repeat_of is None:
        return part
    return next((p for p in catalog.parts_of_kind(part.kind) if p.id == part.repeat_of), part)


def resolve(catalog: CatalogReader, role: str, ref: str, board: str | None) -> Side:
    """A plan or report part from a year (with an optional board) or a document."""
    if re.fullmatch(r"\d{4}", ref):
        found = _candidates(catalog, role, int(ref), board)
        boards = sorted({b for _, b in found})
        if len(boards) != 1:
            listed = "; ".join(b or "okänt organ" for b in boards) or "inget"
            raise NotFound(
                f"{len(boards)} organ har en {NAMES[role]} för {ref} ({listed}): välj ett med --board"
            )
        part = found[0][0]
    else:
        part = _of_document(catalog, role, ref)
    title = part.title or part.doc_title
    return Side(part.document_id, title, part.year, part.path, part.id, part.date, part.kind)


def _dedup(items: list[SectionRow]) -> list[SectionRow]:
    """A focus area listed more than once (in a summary, then under its goal): the copy
    with the most text, where the first stood."""
    best: dict[str, SectionRow] = {}
    for s in items:
        key = _neutral(s.title)
        if key not in best or len(s.text) > len(best[key].text):
            best[key] = s
    seen: set[str] = set()
    out = []
    for s in items:
        key = _neutral(s.title)
        if key not in seen:
            seen.add(key)
            out.append(best[key])
    return out


def _items(sections: list[SectionRow]) -> list[SectionRow]:
    focus = [s for s in sections if s.kind == SectionKind.FOCUS]
    return _dedup(focus) if focus else [s for s in sections if s.kind == SectionKind.PRIORITY]


def _levels(
    plan_all: list[SectionRow], report_all: list[SectionRow]
) -> tuple[list[SectionRow], list[SectionRow]]:
    """What pairs: focus areas (else priorities); goals where the report judges its goals
    and holds no focus area, and the plan names goals ('Mål 1. …' / 'Bedömning: Gul')."""
    goals = [s for s in report_all if s.kind == SectionKind.GOAL and s.text.strip()]
    planned = [s for s in plan_all if s.kind == SectionKind.GOAL]
    if goals and planned and not any(s.kind == SectionKind.FOCUS for s in report_all):
        return planned, goals
    return _items(plan_all), _items(report_all)


def _amounts_in(amounts: list[str], item: SectionRow | None) -> tuple[str, ...]:
    if item is None:
        return ()
    text = " ".join(item.text.split())
    return tuple(" ".join(a.split()) for a in amounts if " ".join(a.split()) in text)


def _ref(item: SectionRow | None) -> ItemRef | None:
    return ItemRef(item.number, item.title, item.first_page) if item else None


Amounts = tuple[list[str], list[str]]  # the plan's and the report's, as written
BULLET_RE = re.compile(r"^[•●○▪■◦\-–*]\s*")


def _statement(item: SectionRow) -> list[str]:
    """What a report says of a focus area in pieces: each bullet its own, the lines that
    introduce a list ('Genomförda/pågående satsningar 2018:') left out."""
    if item.kind != SectionKind.FOCUS:
        return [item.text]
    pieces: list[str] = []
    for line in item.text.split("\n"):
        if line.rstrip().endswith(":"):
            pieces.append("")
        elif BULLET_RE.match(line) or not pieces:
            pieces.append(BULLET_RE.sub("", line))
        else:
            pieces[-1] = f"{pieces[-1]}\n{line}"
    return [x for x in pieces if x.strip()]


def _row(
    catalog: CatalogReader,
    report_side: Side,
    pair: tuple[SectionRow | None, SectionRow | None, float],
    amounts: Amounts,
) -> CompareRow:
    p, r, similarity = pair
    status, evidence, page = "ej redovisad", "", None
    if r is not None:
        verdict = judge_pieces(_statement(r), report_side.kind in IN_YEAR)
        status = verdict.status if p is not None else "ny"
        evidence = verdict.evidence if p is not None else (sentences(r.text) or [""])[0]
        found = catalog.pages.page_with_text(report_side.document, r.first_page, r.last_page, evidence)
        page = (found or r.first_page) if evidence else None
    focus = next((x.area for x in (p, r) if x is not None and x.kind == SectionKind.FOCUS), None)
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
        goal=focus,
    )


def compare(settings: Settings, plan_ref: str, report_ref: str, board: str | None = None) -> Comparison:
    """The comparison table: one row per planned priority, then unplanned items; then the
    indicators and the money."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        plan_side = resolve(catalog, "plan", plan_ref, board)
        report_side = resolve(catalog, "report", report_ref, board)
        plan_all = catalog.part_sections(plan_side.part_id)
        report_all = catalog.part_sections(report_side.part_id)
        plan, report = _levels(plan_all, report_all)
        same = plan_side.part_id == report_side.part_id
        pairs = [(i, i, 1.0) for i in range(len(plan))] if same else match(plan, report)
        amounts = (catalog.part_amounts(plan_side.part_id), catalog.part_amounts(report_side.part_id))
        rows = [
            _row(
                catalog,
                report_side,
                (plan[i] if i is not None else None, report[j] if j is not None else None, v),
                amounts,
            )
            for i, j, v in pairs
        ]
        tables = [catalog.document_tables(side.document) for side in (report_side, plan_side)]
        listed = indicator_rows(plan_all, report_all, report_side.year, same)
        tabled = table_indicator_rows(tables[1], tables[0], report_side.year, same)
        rows += tabled if measured(tabled) or (not measured(listed) and tabled) else listed
        rows += money_rows_of(*tables) if not same else money_rows_of(tables[0], [])
    paired = any(r.plan is not None and r.report is not None for r in rows)
    money = (len(budget_lines(tables[1])), len(money_rows(tables[0])))
    held = None if paired else summary(plan_all, report_all, money)
    return Comparison(plan_side, report_side, tuple(rows), held)
