"""The lines a hit and a trend are shown with, written once for the terminal and the web
page: a hit's place line and its warnings, a trend's heading and rates."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import PageQuality
from ..records import Hit, Trend


@dataclass(frozen=True)
class Warning:
    level: str  # 'warn' (check the scan) or 'bad' (the words may be wrong)
    text: str


def hit_line(hit: Hit) -> list[tuple[str, bool]]:
    """'protokoll, Kommunstyrelsen 2021-03-01, § 44, s. 2 · S (Rasmus Lenefors)' as pieces,
    (text, emphasised): the page is."""
    when = hit.date or hit.year or ""
    item = f", {hit.paragraph}" if hit.paragraph else ""
    who = f" · {hit.party}" if hit.party else ""
    who += f" ({', '.join(hit.speakers)})" if hit.speakers else ""
    return [
        (f"{hit.part_kind}, {hit.board or ''} {when}{item}, ", False),
        (f"s. {hit.page}", True),
        (who, False),
    ]


def hit_warnings(hit: Hit) -> list[Warning]:
    """What a reader must know before trusting the words shown: OCR, a broken text layer."""
    found = []
    if hit.ocr:
        confidence = f"{hit.ocr_confidence or 0:.0f}"
        found.append(Warning("warn", f"läst med OCR (säkerhet {confidence} %): kontrollera mot skanningen"))
    if hit.text_quality == PageQuality.GARBLED:
        found.append(
            Warning("bad", "obs: sidans textlager är trasigt, orden kan vara fel (kontrollera i PDF:en)")
        )
    return found


BY_NAMES = {"year": "år", "kind": "slag", "board": "organ", "party": "parti"}
# what a trend's rate is per 100 of: the pages of text under the row's key
RATE_OF = {
    "year": "sidor text från året",
    "party": "sidor där partiet agerar",
    "board": "sidor text från organet",
    "kind": "sidor text av slaget",
}


def trend_heading(result: Trend) -> str:
    """ "149 träffar för 'budget' per år — stapeln: träffar per 100 sidor text från året"."""
    per, rate = BY_NAMES.get(result.by, result.by), RATE_OF.get(result.by, "sidor")
    hits = sum(r.hits for r in result.rows)
    return f"{hits} träffar för {result.query!r} per {per} — stapeln: träffar per 100 {rate}"


def rate_text(rate: float | None) -> str:
    """A rate as Swedish writes it, '20,3'; '–' where there are no pages."""
    return "–" if rate is None else f"{rate:.1f}".replace(".", ",")
