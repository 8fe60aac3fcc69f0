"""The lines a hit, a trend and a watch are shown with, written once for the terminal and
the web page: a hit's place line and its warnings, a trend's heading and rates, a watch's
counts of news."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import PageQuality
from ..records import Hit, SearchResult, Trend, WatchNews, WithoutFilter
from .formats import printable


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


NOUNS = {  # (one, several)
    "hits": ("ny träff", "nya träffar"),
    "statements": ("nytt uttalande", "nya uttalanden"),
    "amounts": ("nytt belopp", "nya belopp"),
}


def news_counts(news: WatchNews) -> str:
    """'2 nya träffar, 1 nytt uttalande, 0 nya belopp', or 'inga nyheter'."""
    if not news.count:
        return "inga nyheter"
    found = {"hits": len(news.hits), "statements": len(news.statements), "amounts": len(news.amounts)}
    return ", ".join(f"{n} {NOUNS[k][n != 1]}" for k, n in found.items())


def count_line(
    total: int, nouns: tuple[str, str], query: str, offset: int, shown: int, complete: bool = True
) -> str:
    """'29 citat för 'underskott' (visar 11–20)': how many an answer found, and which of them
    a page shows; ``nouns``: the word for one and for several; not ``complete``: 'minst 29'."""
    which = f" (visar {offset + 1}–{offset + shown})" if shown else ""
    many = total if complete else f"minst {total}"
    return printable(f"{many} {nouns[total != 1 or not complete]} för {query!r}{which}")


def option(dropped: WithoutFilter) -> str:
    """A filter as the command line writes it: '--party V'."""
    return f"--{dropped.filter} {dropped.value}"


def hits_count(n: int) -> str:
    return "1 träff" if n == 1 else f"{n} träffar"


def filtered_out(
    result: SearchResult, named: Callable[[WithoutFilter], str] = option, joint: str = " "
) -> str | None:
    """Where the filters, not the words, left a search without hits: which filters, and what
    dropping them finds ('inga träffar med --party V; utan det filtret: 12 träffar'); None where
    there are hits, or the words find nothing even without filters."""
    if result.total or not result.unfiltered:
        return None
    given, helped = result.without, [w for w in result.without if w.total]
    if len(given) == 1:
        found = f"utan det filtret: {hits_count(given[0].total)}"
    elif helped:
        found = "; ".join(f"utan {named(w)}: {hits_count(w.total)}" for w in helped)
    else:
        found = f"utan filtren: {hits_count(result.unfiltered)}"
    return printable(f"inga träffar med {joint.join(named(w) for w in given)}; {found}")


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
    return f"{result.hits} träffar för {result.query!r} per {per} — stapeln: träffar per 100 {rate}"


def rate_text(rate: float | None) -> str:
    """A rate as Swedish writes it, '20,3'; '–' where there are no pages."""
    return "–" if rate is None else f"{rate:.1f}".replace(".", ",")
