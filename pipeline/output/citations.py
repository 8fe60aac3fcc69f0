"""Quotes as a journalist pastes them: the citation line and Markdown."""

from __future__ import annotations

import re

from ..models import party_name
from ..records import Quote
from .formats import md_text, printable


def citation_line(q: Quote) -> str:
    """'— Vänsterpartiet (Nujin Alacabek, Aysegül Balci), protokollsanteckning, <board>, ärende 7, s. 4';
    from minutes: '— protokoll, Välfärdsnämnden, 2022-09-15, § 48, s. 19'."""
    parties = [party_name(p) or p for p in q.parties or ([q.party] if q.party else [])]
    who = " och ".join([", ".join(parties[:-1]), parties[-1]] if len(parties) > 1 else parties)
    if q.speakers:
        who = f"{who} ({', '.join(q.speakers)})" if who else ", ".join(q.speakers)
    item = re.search(r"Ärende\s+(\d+)", q.title or "")
    pieces = [
        who,
        q.kind,
        q.board,
        q.date,
        f"ärende {item.group(1)}" if item else q.paragraph,  # the agenda item, or the minutes' §
        f"s. {q.page}",
        "OCR" if q.ocr else None,
    ]
    return "— " + ", ".join(p for p in pieces if p)


def markdown(found: list[Quote]) -> str:
    """Each quote as a Markdown block quote with its citation and source; text from a
    PDF is escaped (no raw HTML, no terminal control characters)."""
    blocks = []
    for q in found:
        source = f"  \n  {md_text(q.path)}" + "".join(
            f"; även i {md_text(a.path)}, s. {a.pages}" for a in q.also_in
        )
        mark = "  \n  ⚠ läst med OCR: kontrollera mot skanningen" if q.ocr else ""
        blocks.append(f"> ”{md_text(q.quote)}”\n\n{md_text(citation_line(q))}{source}{mark}\n")
    return printable("\n".join(blocks))
