"""What the language stage found, as answers: amounts, speakers, sections.

Only canonical text counts: a repeated appendix never doubles a sum or a name.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from . import catalog, queries
from .errors import NotFound
from .queries import part_year
from .settings import Settings

T = TypeVar("T")


def _with_catalog(settings: Settings, work: Callable[[Any], T]) -> T:
    with closing(catalog.connect(settings.catalog_path)) as conn:
        return work(conn)


@dataclass(frozen=True)
class AmountFilter:
    party: str | None = None
    years: tuple[int, int] | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    kind: str | None = None
    document: str | None = None


def _keep(row: dict[str, Any], f: AmountFilter) -> bool:
    sek = Decimal(row["sek"])
    return not (
        (f.party and (row["party"] or "").upper() != f.party.upper())
        or (f.years and not (row["year"] and f.years[0] <= row["year"] <= f.years[1]))
        or (f.minimum is not None and sek < f.minimum)
        or (f.maximum is not None and sek > f.maximum)
        or (f.kind and f.kind not in (row["part_kind"],))
        or (f.document and not row["document"].startswith(f.document))
    )


def amounts(settings: Settings, f: AmountFilter) -> list[dict[str, Any]]:
    """Every sum of money in canonical text, as exact SEK, with its sentence."""
    rows = _with_catalog(settings, queries.canonical_amounts)
    out = []
    for r in rows:
        item = {
            "text": " ".join(r["text"].split()),
            "sek": Decimal(r["sek"]),
            "qualifier": r["qualifier"],
            "sentence": r["sentence"],
            "page": r["page"],
            "part_kind": r["part_kind"],
            "document": r["document_id"],
            "path": r["path"],
            "year": part_year(r["part_title"], r["doc_year"]),
            "party": r["part_party"] if r["part_kind"] == "protokollsanteckning" else None,
        }
        if _keep(item, f):
            out.append(item)
    return out


def speakers(settings: Settings) -> list[dict[str, Any]]:
    """People, their party or role, and the documents and pages where they appear."""
    rows = _with_catalog(settings, queries.speaker_rows)
    people: dict[str, dict[str, Any]] = {}
    for r in rows:
        person = people.setdefault(
            r["name"], {"name": r["name"], "party": None, "role": None, "documents": [], "pages": []}
        )
        person["party"] = person["party"] or r["party"]
        person["role"] = person["role"] or r["role"]
        if r["document_id"] not in person["documents"]:
            person["documents"].append(r["document_id"])
        place = {"document": r["document_id"], "page": r["page"]}
        if place not in person["pages"]:
            person["pages"].append(place)
    return sorted(people.values(), key=lambda p: (p["party"] or "~", p["name"]))


def sections(settings: Settings, ref: str) -> list[dict[str, Any]]:
    """Goal areas, numbered priorities and headings of one document (canonical parts)."""

    def work(conn: Any) -> list[dict[str, Any]]:
        doc_id = queries.resolve_document(conn, ref)
        if doc_id is None:
            raise NotFound(f"no single document matches {ref!r}: give a path, a file name or an id")
        return queries.document_sections(conn, doc_id)

    rows = _with_catalog(settings, work)
    keys = ("area", "number", "title", "first_page", "last_page", "text", "kind", "part_kind")
    return [{k: r[k] for k in keys} for r in rows]
