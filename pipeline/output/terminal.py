"""Human-readable output on a terminal (rich); plain when piped."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Protocol, TypeVar

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..records import DocumentEntry, SearchResult, Snippet, Trend
from .formats import cell, printable
from .lines import BY_NAMES, filtered_out, hit_line, hit_warnings, rate_text, trend_heading
from .views import View

R = TypeVar("R")


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """A reader that stopped early (``| head -1``): the command line decides what that
        means (rich's own answer is exit status 1)."""
        self.quiet = True
        raise BrokenPipeError


def _console() -> Console:
    """Wide when piped (a file or a pager reads it), the terminal's width otherwise."""
    width = None if sys.stdout.isatty() else 180
    return _Console(highlight=False, soft_wrap=True, markup=False, width=width)


def table(rows: Sequence[R], view: View[R]) -> None:
    out = Table(show_lines=True, header_style="bold")
    for column in view:
        out.add_column(column.header, overflow="fold")
    for row in rows:
        out.add_row(*(cell(c.value(row)) for c in view))
    console = _console()
    console.soft_wrap = False
    console.print(out)


WITHOUT_TEXT = {  # why pages were stored without text (IngestReport.without_text_why)
    "missing": ": de har inget textlager. Med OCR läses de: installera Tesseract med svensk modell"
    " (Debian: apt-get install tesseract-ocr tesseract-ocr-swe) och läs in dem i ett nytt index.",
    "never": ": de har inget textlager och OCR var avstängt (--ocr never). Läs in dem med --ocr auto"
    " i ett nytt index.",
    "read": ": de har inget textlager och OCR fann ingen text på dem (tomma sidor, eller bilder utan ord).",
}


class IngestSummary(Protocol):
    """What an ingest tells its user (ingest.IngestReport)."""

    files_seen: int
    documents_added: int
    documents_unchanged: int
    documents_reread: int
    duplicates: int
    pages: int
    failed: list[dict[str, str]]
    needs_ocr: list[str]
    index_rebuilt: str | None
    ocr_pages: int
    pages_without_text: int
    without_text_why: str | None
    watches_with_news: int | None


def ingest_summary(report: IngestSummary) -> None:
    console = _console()
    again = f", {report.documents_reread} lästa på nytt" if report.documents_reread else ""
    console.print(
        f"{report.files_seen} filer: {report.documents_added} nya dokument{again} "
        f"({report.pages} sidor), {report.documents_unchanged} oförändrade, "
        f"{report.duplicates} dubbletter, {len(report.failed)} misslyckade"
    )
    if again:
        console.print("(de lästes av en äldre version av handlingar; det den nu hittar kommer med)")
    if report.index_rebuilt:
        console.print(f"sökindexet byggdes om från katalogen: {report.index_rebuilt}")
    if report.ocr_pages:
        console.print(f"{report.ocr_pages} sidor lästes med OCR")
    if report.pages_without_text:
        console.print(
            Text(f"{report.pages_without_text} sidor lagrades utan text", style="yellow")
            + Text(WITHOUT_TEXT.get(report.without_text_why or "missing", WITHOUT_TEXT["missing"]))
        )
    read = report.without_text_why == "read"
    for path in report.needs_ocr:
        label, reason = (
            ("utan text ", "inget textlager, och OCR fann ingen text")
            if read
            else ("behöver OCR ", "inget textlager")
        )
        console.print(Text(label, style="yellow") + Text(printable(f"{path}: {reason}")))
    if report.watches_with_news is not None:
        console.print(news_line(report.watches_with_news))
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for failure in report.failed:
        err.print(Text("fel ", style="red") + Text(printable(f"{failure['path']}: {failure['error']}")))


def news_line(watches: int) -> str:
    """Ingest's last line where the index has watches: how many of them have news."""
    if not watches:
        return "inga bevakningar har nyheter"
    noun = "bevakning" if watches == 1 else "bevakningar"
    return f"{watches} {noun} har nyheter: 'handlingar watch' visar dem"


def marked(snippet: Snippet, color: bool) -> Text:
    """A snippet whose matched words are bold yellow (or plain)."""
    text = Text()
    for piece, hit in snippet.pieces():
        text.append(printable(piece), style="bold yellow" if color and hit else "")
    return text


def coloured(color: bool) -> Console:
    """A console that colours only when ``color`` (a terminal); NO_COLOR is rich's own check."""
    return _Console(highlight=False, no_color=None if color else True, soft_wrap=True, markup=False)


def search_hits(result: SearchResult, offset: int, color: bool) -> None:
    """Hits as numbered paragraphs; matched words highlighted when ``color`` (a terminal),
    in bold only when NO_COLOR is set (https://no-color.org)."""
    console = coloured(color)
    hits = result.hits
    shown = f" (visar {offset + 1}–{offset + len(hits)})" if hits else ""
    noun = "träff" if result.total == 1 else "träffar"
    console.print(printable(f"{result.total} {noun} för {result.query!r}{shown}"))
    for n, hit in enumerate(hits, start=offset + 1):
        console.print(Text(printable(f"\n{n}. {hit.title}"), style="bold"), end="")
        console.print(printable(" — " + "".join(piece for piece, _ in hit_line(hit))))
        if hit.section:
            console.print(printable(f"   avsnitt: {hit.section}"))
        for warning in hit_warnings(hit):
            console.print(f"   {warning.text}", style="yellow" if warning.level == "warn" else "red")
        console.print(Text("   ") + marked(hit.snippet.collapsed(), color))
        console.print(printable(f"   {hit.path}"), style="dim")
        for other in hit.also_in:
            console.print(printable(f"   även i: {other.path}, s. {other.pages}"), style="dim")
    _facets(console, result.facets)
    filters = filtered_out(result)
    if filters:
        console.print(filters)
    if result.suggestions:
        console.print(
            printable(f"inga träffar; närliggande ord i registret: {', '.join(result.suggestions)}")
        )


FACET_NAMES = BY_NAMES


def _facets(console: Console, facets: dict[str, dict[str, int]], many: int = 5) -> None:
    """The most frequent values of each facet under the hits (what --year, --kind,
    --board and --party can narrow to)."""
    lines = []
    for name, counts in facets.items():
        top = sorted(((n, k) for k, n in counts.items() if k), key=lambda x: (-x[0], x[1]))[:many]
        if top:
            lines.append(f"   {FACET_NAMES.get(name, name)}: " + ", ".join(f"{k} ({n})" for n, k in top))
    if lines:
        console.print("\nträffar per", style="bold")
        for line in lines:
            console.print(printable(line))


def trend_bars(result: Trend, color: bool, width: int = 40) -> None:
    """One line per key: the key, a bar as long as its rate (hits per 100 pages of text under
    the key) beside the largest, then the hits, documents, pages and the rate."""
    console = coloured(color)
    rows = result.rows
    console.print(printable(trend_heading(result)))
    most = max((r.per_100_pages or 0.0 for r in rows), default=0.0) or 1.0
    keys = [printable(str(r.key) if r.key is not None else "(inget)") for r in rows]
    pad = max((len(k) for k in keys), default=0)
    for key, row in zip(keys, rows, strict=True):
        rate = row.per_100_pages or 0.0
        bar = "█" * round(width * rate / most) or ("▏" if row.hits else "")
        console.print(
            Text(f"{key:<{pad}}  ")
            + Text(f"{bar:<{width}}", style="cyan")
            + Text(f"  {rate_text(row.per_100_pages):>6} per 100 s.  ")
            + Text(f"{row.hits:>5} träffar i {row.documents} dokument, {row.pages} sidor", style="dim")
        )


def document_lines(docs: Sequence[DocumentEntry]) -> None:
    """One line per document, its parts indented beneath."""
    console = _console()
    console.soft_wrap = True
    for doc in docs:
        when = doc.date or (str(doc.year) if doc.year else "")
        meta = " ".join(x for x in (doc.paragraph, doc.diarienummer) if x)
        console.print(Text(f"{when:10}  {doc.kind:22} ", style="bold"), end="")
        console.print(printable(f"{doc.title} — {doc.board or '?'} {meta} ({doc.pages} s.) [{doc.id[:10]}]"))
        if len(doc.parts) > 1:
            for part in doc.parts:
                who = f" ({part.party})" if part.party else ""
                rep = " [upprepning]" if part.repeat_of else ""
                pages = f"s. {part.first_page}–{part.last_page}"
                line = f"{'':12}  {pages}: {part.kind}{who} {part.title}{rep}"
                console.print(printable(line), style="dim")
