"""How answers name the places they cite: a section ('2. Lokal samverkan', a § item's
title) and a § item ('§ 44')."""

from __future__ import annotations

from ..models import SectionKind
from ..records import JsonObject, JsonValue, PersonEntry, Voter
from ..store.catalog_rows import Heading


def section_label(heading: Heading | None) -> str | None:
    if heading is None:
        return None
    if heading.kind == SectionKind.ITEM or heading.number is None:
        return heading.title
    return f"{heading.number}. {heading.title}"


def item_label(number: int | str | None) -> str | None:
    """'§ 44' for an item's number; a document's own label ('§ 85') as it is."""
    return f"§ {number}" if isinstance(number, int) else number


def people_of(stored: object) -> list[PersonEntry]:
    """People as the catalog stores them ([{name, party}])."""
    found = stored if isinstance(stored, list | tuple) else []
    return [PersonEntry(str(p["name"]), text_of(p.get("party"))) for p in found if isinstance(p, dict)]


def voters_of(vote: JsonObject) -> tuple[Voter, ...]:
    """A stored vote's voteringslista, stored as [name, party, vote] triples."""
    voters = vote["voters"] if isinstance(vote["voters"], list) else []
    return tuple(Voter(str(v[0]), text_of(v[1]), str(v[2])) for v in voters if isinstance(v, list))


def vote_json(vote: JsonObject) -> JsonObject:
    """A stored vote with its voters as {name, party, vote}."""
    return {**vote, "voters": [v.to_json() for v in voters_of(vote)]}


def text_of(value: JsonValue) -> str | None:
    """A stored text that may be null."""
    return None if value is None else str(value)
