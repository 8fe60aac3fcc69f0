"""Table cells for records that hold lists: people, statements, places."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def statements_cell(found: list[dict[str, Any]]) -> str:
    """'protokollsanteckning (S: Rasmus Lenefors); reservation (M, KD: Anna Berg, Per Ek)'."""
    cells = (f"{s['kind']} ({', '.join(s['parties'] or ['?'])}: {', '.join(s['names'])})" for s in found)
    return "; ".join(cells)


def people_cell(people: list[dict[str, Any]]) -> str:
    """'Anna Berg (M), Per Ek (KD)'."""
    return ", ".join(f"{p['name']} ({p['party']})" if p["party"] else p["name"] for p in people)


def place_cell(where: dict[str, Any]) -> str:
    """'protokoll.pdf s. 7–12'."""
    return f"{Path(where['path']).name} s. {where['first_page']}–{where['last_page']}"


def duplicate_rows(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per repeat: where its canonical copy and it stand, and how alike they are."""
    return [
        {"canonical": place_cell(g["canonical"]), "repeat": place_cell(r), "similarity": r["similarity"]}
        for g in groups
        for r in g["repeats"]
    ]
