"""Statements and votes of minutes, read from the catalog's § items: who reserved
themselves, who entered a protokollsanteckning, who voted how.

``--party`` and ``--speaker`` mean made, signed or voted by: a statement's own parties
and people, a vote's voters (or, where no voteringslista is printed, nobody).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from ..extract.clean import join_lines
from ..filters import Filters, same_person
from ..models import name_only
from ..settings import Settings
from ..years import matched_years, shown_year
from .forgiving import resolved
from .opened import Opened, opened


def _place(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "document": row["document_id"],
        "path": row["path"],
        "date": row["date"],
        "year": shown_year(row["date"], row["year"]),
        "board": row["board"],
        "paragraph": f"§ {row['number']}" if row["number"] is not None else None,
    }


def _in_scope(row: dict[str, Any], f: Filters) -> bool:
    """The filters that concern where an item stands: year, kind, board, document."""
    return not (
        (f.years and not any(f.years[0] <= y <= f.years[1] for y in matched_years(row["date"], row["year"])))
        or (f.kind and f.kind.casefold() not in (row["doc_kind"].casefold(), row["part_kind"].casefold()))
        or (f.board and f.board.casefold() not in (row["board"] or "").casefold())
        or (f.document and not row["document_id"].startswith(f.document))
    )


def _by(people: list[dict[str, Any]], parties: list[str], f: Filters) -> bool:
    """Made by the filters' party and person."""
    return not (
        (f.party and f.party not in parties)
        or (f.speaker and not same_person(f.speaker, [p["name"] for p in people]))
    )


def statement_records(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        for s in json.loads(row["statements"] or "[]"):
            pages = list(
                range(s.get("page") or row["first_page"], (s.get("last_page") or row["first_page"]) + 1)
            )
            yield {
                **_place(row),
                "kind": s["kind"],
                "parties": s.get("parties") or ([s["party"]] if s.get("party") else []),
                "people": s.get("people") or [{"name": n, "party": s.get("party")} for n in s["names"]],
                "page": pages[0],
                "pages": pages,
                "text": s.get("text") or "",
            }


def statements(
    settings: Settings, query: str | None, f: Filters, kept: Opened | None = None
) -> list[dict[str, Any]]:
    """Every reservation, protokollsanteckning and särskilt yttrande in canonical minutes,
    with who made it; with a query, those whose text or people hold it (Swedish word forms)."""
    with opened(settings, kept) as held:
        f = resolved(held.catalog, f)
        rows = [r for r in held.catalog.canonical_items() if _in_scope(r, f)]
        matches: Callable[[str], bool] = held.reader.sentence_matcher(query) if query else (lambda _: True)
        found = [*statement_records(rows), *_statement_parts(held, f)]
        return [
            s
            for s in sorted(found, key=lambda s: (s["date"] or "", s["path"] or "", s["page"]))
            if _by(s["people"], s["parties"], f)
            and matches(" ".join([s["text"], *(p["name"] for p in s["people"])]))
        ]


def _statement_parts(held: Opened, f: Filters) -> Iterator[dict[str, Any]]:
    """Statements published as documents or parts of their own (a protokollsanteckning
    with its 'För Vänsterpartiet' and names), canonical copies only."""
    catalog = held.catalog
    ids = [p["id"] for p in catalog.parts_of_kind("protokollsanteckning") if p["repeat_of"] is None]
    for part in catalog.part_info(ids).values():
        row = {**part, "document_id": part["document"], "doc_kind": part["kind"], "number": None}
        if not _in_scope(row, f):
            continue
        paragraph = catalog.paragraph_at(part["id"], part["first_page"])
        people = [{"name": name_only(n), "party": part["party"]} for n in json.loads(part["signatories"])]
        yield {
            **_place(row),
            "paragraph": paragraph,
            "kind": "protokollsanteckning",
            "parties": [part["party"]] if part["party"] else [],
            "people": people,
            "page": part["first_page"],
            "pages": list(range(part["first_page"], part["last_page"] + 1)),
            "text": join_lines(catalog.part_text(part["id"])),
        }


def votes(settings: Settings, f: Filters) -> list[dict[str, Any]]:
    """Every omröstning in canonical minutes: what ja and nej stood for, the counts, the
    result and the voteringslista where one is printed by name."""
    with opened(settings) as held:
        f = resolved(held.catalog, f)
        rows = [r for r in held.catalog.canonical_items() if _in_scope(r, f)]
    found = []
    for row in rows:
        for v in json.loads(row["votes"] or "[]"):
            voters = [{"name": n, "party": p, "vote": vote} for n, p, vote in v["voters"]]
            record = {
                **_place(row),
                **{k: v[k] for k in ("page", "ja_for", "nej_for", "ja", "nej", "avstar")},
            }
            record |= {"absent": v["absent"], "result": v["result"], "voters": voters}
            if _by(voters, [x["party"] for x in voters if x["party"]], f):
                found.append(record)
    return found
