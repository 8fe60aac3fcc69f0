"""Catalog listings shaped for output: documents, duplicate groups, and what the
language stage found (amounts, speakers, sections).

Only canonical text counts: a repeated appendix never doubles a sum or a name.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from typing import Any

from ..filters import Filters, Range, same_person
from ..models import SIGNED_KINDS, name_only, sole_party
from ..settings import Settings
from ..store.catalog import Catalog
from ..years import matched_years, shown_year
from .forgiving import document_id, resolved

PART_FIELDS = ("kind", "title", "party", "signatories", "first_page", "last_page")
DOCUMENT_FIELDS = ("id", "title", "kind", "board", "year", "date", "diarienummer", "paragraph", "party")


def document_listing(settings: Settings) -> list[dict[str, Any]]:
    """Documents with their paths and parts (``repeat_of``: id of the canonical part)."""
    with Catalog.read(settings.catalog_path) as catalog:
        docs = catalog.documents_with_parts()
        lists = catalog.page_lists()
    return [
        {
            **{k: d[k] for k in DOCUMENT_FIELDS},
            "paragraphs": [d["first_paragraph"], d["last_paragraph"]] if d["first_paragraph"] else None,
            "pages": d["pages"],
            "needs_ocr": bool(d["needs_ocr"]),
            "garbled_pages": lists.get(d["id"], {}).get("garbled", []),
            "ocr_pages": lists.get(d["id"], {}).get("ocr", []),
            "low_confidence_pages": lists.get(d["id"], {}).get("low", []),
            "paths": d["paths"],
            "parts": [
                {"id": p["id"], **{k: p[k] for k in PART_FIELDS}}
                | {"repeat_of": p["repeat_of"], "similarity": p["similarity"]}
                for p in d["parts"]
            ],
        }
        for d in docs
    ]


def _where(part: dict[str, Any], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    doc = docs[part["document_id"]]
    return {
        "document": doc["id"],
        "path": doc["paths"][0] if doc["paths"] else None,
        "part": part["id"],
        "first_page": part["first_page"],
        "last_page": part["last_page"],
    }


def duplicate_groups(settings: Settings) -> list[dict[str, Any]]:
    """Each group: the canonical copy and its repeats with their similarity."""
    with Catalog.read(settings.catalog_path) as catalog:
        docs = {d["id"]: d for d in catalog.documents_with_parts()}
    parts = {p["id"]: p for d in docs.values() for p in d["parts"]}
    groups: dict[int, list[dict[str, Any]]] = {}
    for part in parts.values():
        if part["repeat_of"] is not None:
            groups.setdefault(part["repeat_of"], []).append(part)
    return [
        {
            "canonical": _where(parts[canon], docs),
            "repeats": [{**_where(r, docs), "similarity": r["similarity"]} for r in repeats],
        }
        for canon, repeats in sorted(groups.items())
    ]


def _same(value: str | None, wanted: str) -> bool:
    return (value or "").casefold() == wanted.casefold()


def _makers(row: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The parties and people whose act an amount's sentence is (a statement part's signers)."""
    people = [name_only(n) for n in json.loads(row["signatories"])]
    people += [p["name"] for p in json.loads(row["people"] or "[]")]
    own = [str(row["part_party"])] if row["part_kind"] in SIGNED_KINDS and row["part_party"] else []
    return list(dict.fromkeys(own + json.loads(row["parties"] or "[]"))), people


def _kept(row: dict[str, Any], f: Filters) -> bool:
    """The search filters, applied to one amount's catalog row: ``party`` and ``speaker``
    as made by (signed, moved, said), not named."""
    parties, people = _makers(row)
    return not (
        (f.party and not any(_same(p, f.party) for p in parties))
        or (
            f.years
            and not any(f.years[0] <= y <= f.years[1] for y in matched_years(row["date"], row["year"]))
        )
        or (f.kind and not (_same(row["part_kind"], f.kind) or _same(row["doc_kind"], f.kind)))
        or (f.board and f.board.casefold() not in (row["board"] or "").casefold())
        or (f.speaker and not same_person(f.speaker, people))
        or (f.document and not row["document_id"].startswith(f.document))
    )


ANY_AMOUNT = Range()


def amounts(settings: Settings, f: Filters, bounds: Range = ANY_AMOUNT) -> list[dict[str, Any]]:
    """Every sum of money in canonical text, exact, in kronor or euro, with its sentence
    and § item."""
    with Catalog.read(settings.catalog_path) as catalog:
        f = resolved(catalog, f)
        rows = [
            r
            for r in catalog.canonical_amounts()
            if bounds.holds(Decimal(r["value"]), r["currency"]) and _kept(r, f)
        ]
        facts = catalog.page_facts([(r["document_id"], r["page"]) for r in rows])
        return [{**_amount(catalog, r), "ocr": facts[(r["document_id"], r["page"])]["ocr"]} for r in rows]


def _amount(catalog: Catalog, r: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": " ".join(r["text"].split()),
        "sek": Decimal(r["value"]) if r["currency"] == "SEK" else None,  # the contract's field: kronor only
        "value": Decimal(r["value"]),
        "currency": r["currency"],
        "qualifier": r["qualifier"],
        "sentence": r["sentence"],
        "page": r["page"],
        "part_kind": r["part_kind"],
        "document": r["document_id"],
        "path": r["path"],
        "year": shown_year(r["date"], r["year"]),  # as a hit's and a quote's: the date's year first
        "party": sole_party(_makers(r)[0]),
        "parties": _makers(r)[0],
        "paragraph": catalog.paragraph_at(r["part_id"], r["page"], r["text"]),
    }


def speakers(settings: Settings) -> list[dict[str, Any]]:
    """People, their party and role (at their latest meeting), and the documents and pages
    where they appear. One person whatever the name order ('Svenlin Johan' is 'Johan
    Svenlin'): the name is shown as it is written most often."""
    with Catalog.read(settings.catalog_path) as catalog:
        rows = catalog.speaker_rows()
    people: dict[frozenset[str], dict[str, Any]] = {}
    spellings: dict[frozenset[str], Counter[str]] = {}
    latest: dict[frozenset[str], str] = {}
    for r in rows:
        key = frozenset(r["name"].casefold().split())
        spellings.setdefault(key, Counter())[r["name"]] += 1
        person = people.setdefault(
            key, {"name": r["name"], "party": None, "role": None, "documents": [], "pages": []}
        )
        person["party"] = person["party"] or r["party"]
        if r["role"] and (r["date"] or "") >= latest.get(key, ""):  # the role of the latest meeting
            person["role"], latest[key] = r["role"], r["date"] or ""
        if r["document_id"] not in person["documents"]:
            person["documents"].append(r["document_id"])
        place = {"document": r["document_id"], "page": r["page"]}
        if place not in person["pages"]:
            person["pages"].append(place)
    for key, person in people.items():
        person["name"] = spellings[key].most_common(1)[0][0]
    return sorted(_whole_names(list(people.values())), key=lambda p: (p["party"] or "~", p["name"]))


def _whole_names(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A name that is another's without its given name, of the same party, is that person
    ('Hankanen Ängberg', a line's end where 'Heidi' stood on the line above)."""
    by_name = {p["name"]: p for p in people}
    for person in people:
        whole = [q for q in people if q is not person and q["name"].endswith(" " + person["name"])]
        same = [q for q in whole if q["party"] == person["party"] or person["party"] is None]
        if len(person["name"].split()) >= 2 and len(same) == 1:
            into = same[0]
            into["documents"] += [d for d in person["documents"] if d not in into["documents"]]
            into["pages"] += [x for x in person["pages"] if x not in into["pages"]]
            by_name.pop(person["name"], None)
    return list(by_name.values())


def sections(settings: Settings, ref: str) -> list[dict[str, Any]]:
    """Goal areas, numbered priorities and headings of one document (canonical parts);
    of minutes, each § item with its diarienummer, decision, statements, proposals and votes."""
    with Catalog.read(settings.catalog_path) as catalog:
        rows = catalog.document_sections(document_id(catalog, ref))
    keys = ("area", "number", "title", "first_page", "last_page", "text", "kind", "part_kind", "decision")
    return [
        {
            **{k: r[k] for k in keys},
            "diarienummer": r["diarienummer"],
            "statements": json.loads(r["statements"] or "[]"),
            "proposals": [_proposal(x) for x in json.loads(r["proposals"] or "[]")],
            "votes": [_vote(x) for x in json.loads(r["votes"] or "[]")],
            "paper": _paper(r),
        }
        for r in rows
    ]


def _paper(r: dict[str, Any]) -> dict[str, Any] | None:
    """A § item's member's paper: its kind, signers and their parties (None: no such item)."""
    if not r["paper"]:
        return None
    signers = json.loads(r["signers"])
    return {
        "kind": r["paper"],
        "signers": signers,
        "parties": list(dict.fromkeys(x["party"] for x in signers)),
    }


def _proposal(p: dict[str, Any]) -> dict[str, Any]:
    people = p["people"]
    parties = list(dict.fromkeys(x["party"] for x in people if x["party"]))
    return {
        "people": people,
        "parties": parties,
        "proposal": p["proposal"],
        "page": p["page"],
        "text": p["text"],
    }


def _vote(v: dict[str, Any]) -> dict[str, Any]:
    return {**v, "voters": [{"name": n, "party": party, "vote": vote} for n, party, vote in v["voters"]]}
