"""Catalog listings: documents and duplicate groups, shaped for output."""

from __future__ import annotations

from contextlib import closing
from typing import Any

from . import catalog, queries
from .settings import Settings

PART_FIELDS = ("kind", "title", "party", "signatories", "first_page", "last_page")


def documents(settings: Settings) -> list[dict[str, Any]]:
    """Documents with their paths and parts (``repeat_of``: id of the canonical part)."""
    with closing(catalog.connect(settings.catalog_path)) as conn:
        docs = queries.documents(conn)
    out = []
    for d in docs:
        parts = [
            {
                "id": p["id"],
                **{k: p[k] for k in PART_FIELDS},
                "repeat_of": p["repeat_of"],
                "similarity": p["similarity"],
            }
            for p in d["parts"]
        ]
        out.append(
            {
                "id": d["id"],
                "title": d["title"],
                "kind": d["kind"],
                "board": d["board"],
                "year": d["year"],
                "date": d["date"],
                "diarienummer": d["diarienummer"],
                "paragraph": d["paragraph"],
                "party": d["party"],
                "pages": d["pages"],
                "needs_ocr": bool(d["needs_ocr"]),
                "paths": d["paths"],
                "parts": parts,
            }
        )
    return out


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
    with closing(catalog.connect(settings.catalog_path)) as conn:
        docs = {d["id"]: d for d in queries.documents(conn)}
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
