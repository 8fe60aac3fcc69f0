"""Filter values as users write them, turned into what the catalog and index hold, or one
clear line listing what is known: never a silent 0 hits.

Parties by code or name in any case ('v', 'Vänsterpartiet' -> 'V'); kinds in singular,
plural or definite form ('verksamhetsplaner', 'protokollen'); documents by id prefix, path
(relative to the current folder too) or file name.
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..errors import NotFound
from ..extract.parties import party_code
from ..filters import Filters
from ..models import KIND_ALIASES
from ..store.reads import CatalogReader

# Endings a kind takes in the plural or definite form: -er, -ar, -r, -en, -et, -n, -na, -erna …
INFLECTIONS = ("", "r", "er", "ar", "or", "n", "en", "et", "na", "erna", "arna", "orna", "ens", "ets", "s")


def resolved(catalog: CatalogReader, f: Filters) -> Filters:
    return replace(
        f,
        party=_party(catalog, f.party) if f.party else None,
        kind=_kind(catalog, f.kind) if f.kind else None,
        document=document_id(catalog, f.document) if f.document else None,
    )


def _party(catalog: CatalogReader, value: str) -> str:
    known = catalog.known_values("party")
    by_case = {k.casefold(): k for k in known}
    name = value.strip()
    code = by_case.get(name.casefold()) or party_code(name) or party_code(name[:1].upper() + name[1:].lower())
    if code is None or code not in known:
        listed = ", ".join(sorted(known)) or "inga"
        raise NotFound(f"inget parti {value!r} i katalogen; partierna där är: {listed}")
    return code


def _kind(catalog: CatalogReader, value: str) -> str:
    known = catalog.known_values("kind")
    wanted = " ".join(value.split()).casefold()
    for kind in sorted(
        known, key=len, reverse=True
    ):  # the longest first: 'protokollsutdrag' before 'protokoll'
        if wanted.startswith(kind.casefold()) and wanted[len(kind) :] in INFLECTIONS:
            return kind
    alias = kind_alias(wanted)
    if alias is not None and alias in known:
        return alias
    raise NotFound(f"inget slag {value!r} i katalogen; slagen där är: {', '.join(sorted(known))}")


def kind_alias(wanted: str) -> str | None:
    """The kind another name of it means, in any of its forms: 'affärsplaner' -> 'verksamhetsplan',
    'årsboksluten' -> 'årsredovisning', 'rapportsammandrag' -> 'granskningsrapport'."""
    for alias in sorted(KIND_ALIASES, key=len, reverse=True):
        if wanted.startswith(alias) and wanted[len(alias) :] in INFLECTIONS:
            return str(KIND_ALIASES[alias])
    return None


def document_ref(ref: str) -> str:
    """A path given relative to the current folder, as ingest stored it (absolute)."""
    return str(os.path.realpath(ref)) if os.path.exists(ref) else ref


def document_id(catalog: CatalogReader, ref: str) -> str:
    found = catalog.resolve_document(document_ref(ref))
    if found is None:
        raise NotFound(
            f"inget enskilt dokument matchar {ref!r}: ge en sökväg, ett filnamn eller början av dess id"
        )
    return found
