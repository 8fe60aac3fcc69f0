"""Which columns each record shows as a table, CSV, Markdown or HTML: one view per record,
used by the command line and the web page alike (formats.py renders any view)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Generic, TypeVar

from ..models import SectionKind
from ..records import (
    AmountEntry,
    CompareRow,
    DocumentEntry,
    DuplicateGroup,
    Hit,
    ItemRef,
    JsonObject,
    PersonEntry,
    Place,
    Quote,
    SectionEntry,
    SpeakerEntry,
    StatementEntry,
    TrendRow,
    VoteEntry,
    WatchEntry,
    WatchNews,
)
from .citations import citation_line

R = TypeVar("R")
Cell = str | int | float | Decimal | bool | None | Sequence[str]


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    value: Callable[[R], Cell]


View = Sequence[Column[R]]


def _attr(*names: str) -> list[Column[R]]:
    return [Column(n, lambda r, n=n: getattr(r, n)) for n in names]  # type: ignore[misc]


DOCUMENTS: View[DocumentEntry] = [
    *_attr("title", "kind", "board", "year", "date", "paragraph", "pages"),
    Column("parts", lambda d: len(d.parts)),
]
HITS: View[Hit] = [
    *_attr("title", "kind", "year", "page", "party"),
    Column("snippet", lambda h: h.snippet.text),
    *_attr("path"),
]
TREND: View[TrendRow] = _attr("key", "hits", "documents", "pages", "per_100_pages")
QUOTES: View[Quote] = [
    Column("quote", lambda q: q.quote),
    Column("citation", citation_line),
    *_attr("path", "page", "start", "end"),
]
SPEAKERS: View[SpeakerEntry] = [
    *_attr("name", "party", "role"),
    Column("documents", lambda p: len(p.documents)),
    Column("pages", lambda p: len(p.pages)),
]
VOTES: View[VoteEntry] = [
    *_attr("date", "board", "paragraph", "ja", "nej", "avstar", "ja_for", "nej_for"),
    Column("voters", lambda v: len(v.voters)),
    *_attr("page"),
]


def people_cell(people: Sequence[PersonEntry]) -> str:
    """'Anna Berg (M), Per Ek (KD)'."""
    return ", ".join(f"{p.name} ({p.party})" if p.party else p.name for p in people)


STATEMENTS: View[StatementEntry] = [
    *_attr("date", "board", "paragraph", "kind", "parties"),
    Column("people", lambda s: people_cell(s.people)),
    *_attr("page"),
    Column("text", lambda s: s.text[:100]),
]


def amount_value(a: AmountEntry) -> Decimal | str:
    """A sum's value, or a range's low and high end: '1800000–2200000'."""
    return a.value if a.high is None else f"{a.value}–{a.high}"


def amounts_view(with_sek: bool, short_path: bool) -> View[AmountEntry]:
    """Amounts; ``with_sek``: a spreadsheet's column 'sek', as the JSON's (kronor only);
    ``short_path``: the file's name (a terminal's width). 'per': a price's unit ('kr/m', 'kr
    per invånare'), empty for a sum."""
    path: Column[AmountEntry] = Column("path", lambda a: Path(a.path).name if short_path else a.path)
    columns: list[Column[AmountEntry]] = [
        Column("value", amount_value),
        *_attr("currency", "text"),
        Column("per", lambda a: a.rate),
        *_attr("qualifier", "party", "year", "page", "part_kind"),
    ]
    return [*_attr("sek")[: int(with_sek)], *columns, *_attr("sentence"), path]


PRIORITIES: View[SectionEntry] = [
    *_attr("area", "number", "title", "first_page", "last_page"),
    Column("text", lambda s: s.text[:80]),
]


def statements_cell(found: Sequence[JsonObject]) -> str:
    """'protokollsanteckning (S: Rasmus Lenefors); reservation (M, KD: Anna Berg, Per Ek)'."""

    def listed(value: object) -> list[str]:
        return [str(x) for x in value] if isinstance(value, list) else []

    def one(s: JsonObject) -> str:
        parties, names = listed(s.get("parties")), listed(s.get("names"))
        return f"{s['kind']} ({', '.join(parties or ['?'])}: {', '.join(names)})"

    return "; ".join(one(s) for s in found)


ITEMS: View[SectionEntry] = [
    *_attr("number", "title", "diarienummer", "decision"),
    Column("statements", lambda s: statements_cell(s.statements)),
    *_attr("first_page", "last_page"),
]


def _targets(s: SectionEntry) -> str:
    """'2018: 97 (95); 2019: 97'."""
    return "; ".join(f"{t.year}: {t.target}" + (f" ({t.outcome})" if t.outcome else "") for t in s.targets)


# a plan's tree: what each line is, its goal, an indicator's focus area and targets
TREE: View[SectionEntry] = [
    *_attr("kind", "area", "focus", "title", "first_page"),
    Column("targets", _targets),
    Column("text", lambda s: s.text[:80] if s.kind == SectionKind.BUDGET else ""),
]
TREE_KINDS = (SectionKind.GOAL, SectionKind.FOCUS, SectionKind.INDICATOR)


def sections_view(rows: Sequence[SectionEntry]) -> View[SectionEntry]:
    """Minutes' § items with their diarienummer, decision and statements; a plan's tree;
    else priorities."""
    if rows and all(r.kind == SectionKind.ITEM for r in rows):
        return ITEMS
    return TREE if any(r.kind in TREE_KINDS for r in rows) else PRIORITIES


def place_cell(where: Place) -> str:
    """'protokoll.pdf s. 7–12'."""
    return f"{Path(where.path or '').name} s. {where.first_page}–{where.last_page}"


DuplicateRow = tuple[DuplicateGroup, int]  # a group and one of its repeats
DUPLICATES: View[DuplicateRow] = [
    Column("canonical", lambda g: place_cell(g[0].canonical)),
    Column("repeat", lambda g: place_cell(g[0].repeats[g[1]])),
    Column("similarity", lambda g: g[0].repeats[g[1]].similarity),
]


def duplicate_rows(groups: Sequence[DuplicateGroup]) -> list[DuplicateRow]:
    """One row per repeat: where its canonical copy and it stand, and how alike they are."""
    return [(g, i) for g in groups for i in range(len(g.repeats))]


def _item(item: ItemRef | None) -> str:
    if item is None:
        return ""
    number = f"{item.number}. " if item.number is not None else ""
    return f"{number}{item.title} (s. {item.page})"


def _evidence(row: CompareRow) -> str:
    return f"”{row.evidence}” (s. {row.evidence_page})" if row.evidence else ""


def _amounts(row: CompareRow) -> str:
    parts = []
    if row.amounts_plan:
        parts.append("plan: " + ", ".join(row.amounts_plan))
    if row.amounts_report:
        parts.append("rapport: " + ", ".join(row.amounts_report))
    return "; ".join(parts)


COMPARE: View[CompareRow] = [
    Column("område", lambda r: r.area or ""),
    Column("plan", lambda r: _item(r.plan)),
    Column("rapport", lambda r: _item(r.report)),
    Column("likhet", lambda r: f"{r.similarity:.2f}" if r.similarity else ""),
    Column("status", lambda r: r.status),
    Column("belägg", _evidence),
    Column("belopp", _amounts),
]


def _met(row: CompareRow) -> str:
    return {True: "ja", False: "nej", None: ""}[row.met]


def _kronor(value: Decimal | str | None) -> str:
    """A sum in kronor with thin groups ('10 300 000'); an indicator's outcome as printed."""
    if value is None or isinstance(value, str):
        return value or ""
    return f"{value:,.0f}".replace(",", " ")


KINDS_SHOWN = {"priority": "prioritering", "indicator": "indikator", "money": "belopp"}

# a plan's tree beside its report: the indicators' and the money's columns too
MEASURES: View[CompareRow] = [
    Column("typ", lambda r: KINDS_SHOWN.get(r.kind, r.kind)),
    *COMPARE[:6],
    Column("målvärde", lambda r: r.target or ""),
    Column("utfall", lambda r: _kronor(r.outcome)),
    Column("uppnått", _met),
    Column("budget", lambda r: _kronor(r.budget)),
    Column("avvikelse", lambda r: _kronor(r.deviation)),
    Column("enhet", lambda r: r.unit or ""),
]


def compare_view(rows: Sequence[CompareRow]) -> View[CompareRow]:
    """Numbered priorities as they were; with indicators or money, the columns of those that
    some row fills (a plan against a scorecard: no budget column; against a budget table: no
    target)."""
    if all(r.kind == "priority" and r.goal is None for r in rows):
        return COMPARE
    measures = MEASURES[7:]
    return [*MEASURES[:7], *(c for c in measures if any(c.value(r) not in ("", None) for r in rows))]


WATCHES: View[WatchEntry] = _attr(
    "name", "query", "year", "kind", "board", "party", "speaker", "document", "created", "last_read"
)

NewsItem = Hit | StatementEntry | AmountEntry
NewsRow = tuple[WatchNews, NewsItem]  # a watch and one of its news


def news_rows(news: Sequence[WatchNews]) -> list[NewsRow]:
    """One row per news item: its watch, then the hits, statements and amounts."""
    items: list[Callable[[WatchNews], Sequence[NewsItem]]] = [
        lambda n: n.hits,
        lambda n: n.statements,
        lambda n: n.amounts,
    ]
    return [(n, item) for n in news for of in items for item in of(n)]


def news_what(item: NewsItem) -> str:
    """'träff', a statement's kind ('reservation'), or 'belopp'."""
    if isinstance(item, Hit):
        return "träff"
    return item.kind if isinstance(item, StatementEntry) else "belopp"


def news_text(item: NewsItem) -> str:
    if isinstance(item, Hit):
        return item.snippet.collapsed().text
    if isinstance(item, StatementEntry):
        return f"{people_cell(item.people)}: {item.text[:200]}" if item.people else item.text[:200]
    return f"{item.text}: {item.sentence}"


NEWS: View[NewsRow] = [
    Column("watch", lambda r: r[0].watch.name),
    Column("what", lambda r: news_what(r[1])),
    Column("year", lambda r: r[1].year),
    Column("paragraph", lambda r: r[1].paragraph),
    Column("page", lambda r: r[1].page),
    Column("text", lambda r: news_text(r[1])),
    Column("path", lambda r: r[1].path),
]


# a table's cells, one a line (answer/tables.py's CellLine: table, page, row, column, text, value, unit)
TABLE_CELLS: View[object] = _attr("table", "page", "row", "column", "text", "value", "unit")
