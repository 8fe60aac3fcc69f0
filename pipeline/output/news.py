"""A watch's news on a terminal: each watch with its counts, then its new hits, statements
and amounts, each with its place and file."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from ..records import AmountEntry, Hit, StatementEntry, WatchNews
from .formats import printable
from .lines import hit_line, hit_warnings, news_counts
from .terminal import coloured, marked
from .views import people_cell


def watch_news(news: Sequence[WatchNews], color: bool, marked_seen: bool) -> None:
    """Every watch's news; the last line says whether they were marked seen."""
    console = coloured(color)
    if not news:
        console.print("inga bevakningar: lägg till en med 'handlingar watch add NAMN FRÅGA'")
        return
    for n in news:
        since = f" (sedan {n.watch.last_read})" if n.watch.last_read else " (aldrig läst)"
        console.print(Text(printable(f"{n.watch.name}: {news_counts(n)}{since}"), style="bold"))
        for hit in n.hits:
            _hit(console, hit, color)
        for said in n.statements:
            _statement(console, said)
        for amount in n.amounts:
            _amount(console, amount)
        console.print()
    if not marked_seen and any(n.count for n in news):
        console.print("(--peek: inget markerades som sett; nästa 'handlingar watch' visar dem igen)")


def _hit(console: Console, hit: Hit, color: bool) -> None:
    console.print(printable(f"  träff: {hit.title} — " + "".join(piece for piece, _ in hit_line(hit))))
    for warning in hit_warnings(hit):
        console.print(f"    {warning.text}", style="yellow" if warning.level == "warn" else "red")
    console.print(Text("    ") + marked(hit.snippet.collapsed(), color))
    console.print(printable(f"    {hit.path}"), style="dim")


def _statement(console: Console, s: StatementEntry) -> None:
    where = ", ".join(str(x) for x in (s.board, s.date or s.year, s.paragraph, f"s. {s.page}") if x)
    who = f" — {people_cell(s.people)}" if s.people else ""
    console.print(printable(f"  {s.kind}: {where}{who}"))
    text = " ".join(s.text.split())
    console.print(printable(f"    {text[:300]}{' …' if len(text) > 300 else ''}"))
    console.print(printable(f"    {s.path or ''}"), style="dim")


def _amount(console: Console, a: AmountEntry) -> None:
    who = f" ({', '.join(a.parties)})" if a.parties else ""
    where = ", ".join(str(x) for x in (a.year, a.paragraph, f"s. {a.page}") if x)
    console.print(printable(f"  belopp: {a.text}{who}, {where}"))
    console.print(printable(f"    {' '.join(a.sentence.split())}"))
    console.print(printable(f"    {a.path}"), style="dim")
