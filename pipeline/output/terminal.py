"""Human-readable output on a terminal (rich); plain when piped."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .formats import cell, printable


def _console() -> Console:
    """Wide when piped (a file or a pager reads it), the terminal's width otherwise."""
    width = None if sys.stdout.isatty() else 180
    return Console(highlight=False, soft_wrap=True, markup=False, width=width)


def table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], headers: Sequence[str] | None = None
) -> None:
    out = Table(show_lines=True, header_style="bold")
    for header in headers or columns:
        out.add_column(header, overflow="fold")
    for row in rows:
        out.add_row(*(cell(row.get(c)) for c in columns))
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


def ingest_summary(report: dict[str, Any]) -> None:
    console = _console()
    again = f", {report['documents_reread']} lästa på nytt" if report.get("documents_reread") else ""
    console.print(
        f"{report['files_seen']} filer: {report['documents_added']} nya dokument{again} "
        f"({report['pages']} sidor), {report['documents_unchanged']} oförändrade, "
        f"{report['duplicates']} dubbletter, {len(report['failed'])} misslyckade"
    )
    if again:
        console.print("(de lästes av en äldre version av handlingar; det den nu hittar kommer med)")
    if report.get("index_rebuilt"):
        console.print(f"sökindexet byggdes om från katalogen: {report['index_rebuilt']}")
    if report.get("ocr_pages"):
        console.print(f"{report['ocr_pages']} sidor lästes med OCR")
    if report.get("pages_without_text"):
        console.print(
            Text(f"{report['pages_without_text']} sidor lagrades utan text", style="yellow")
            + Text(WITHOUT_TEXT.get(report.get("without_text_why") or "missing", WITHOUT_TEXT["missing"]))
        )
    read = report.get("without_text_why") == "read"
    for path in report["needs_ocr"]:
        label, reason = (
            ("utan text ", "no text layer, and OCR found none") if read else ("behöver OCR ", "no text layer")
        )
        console.print(Text(label, style="yellow") + Text(printable(f"{path}: {reason}")))
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for failure in report["failed"]:
        err.print(Text("fel ", style="red") + Text(printable(f"{failure['path']}: {failure['error']}")))


def marked(snippet: str, color: bool) -> Text:
    """A snippet whose \\x01…\\x02 marks become bold yellow (or plain)."""
    text = Text()
    for i, piece in enumerate(snippet.replace("\x02", "\x01").split("\x01")):
        text.append(printable(piece), style="bold yellow" if color and i % 2 else "")
    return text


def _coloured(color: bool) -> Console:
    """A console that colours only when ``color`` (a terminal); NO_COLOR is rich's own check."""
    return Console(highlight=False, no_color=None if color else True, soft_wrap=True, markup=False)


def search_hits(result: dict[str, Any], offset: int, color: bool) -> None:
    """Hits as numbered paragraphs; matched words highlighted when ``color`` (a terminal),
    in bold only when NO_COLOR is set (https://no-color.org)."""
    console = _coloured(color)
    hits = result["hits"]
    shown = f" (visar {offset + 1}–{offset + len(hits)})" if hits else ""
    noun = "träff" if result["total"] == 1 else "träffar"
    console.print(printable(f"{result['total']} {noun} för {result['query']!r}{shown}"))
    for n, hit in enumerate(hits, start=offset + 1):
        when = hit["date"] or hit["year"] or ""
        who = f" · {hit['party']}" if hit["party"] else ""
        who += f" ({', '.join(hit['speakers'])})" if hit["speakers"] else ""
        console.print(Text(printable(f"\n{n}. {hit['title']}"), style="bold"), end="")
        item = f", {hit['paragraph']}" if hit.get("paragraph") else ""
        console.print(
            printable(f" — {hit['part_kind']}, {hit['board'] or ''} {when}{item}, s. {hit['page']}{who}")
        )
        if hit["section"]:
            console.print(printable(f"   avsnitt: {hit['section']}"))
        if hit.get("ocr"):
            console.print(
                f"   läst med OCR (säkerhet {hit['ocr_confidence']:.0f} %): kontrollera mot skanningen",
                style="yellow",
            )
        if hit.get("text_quality") == "garbled":
            console.print(
                "   obs: sidans textlager är trasigt, orden kan vara fel (kontrollera i PDF:en)", style="red"
            )
        console.print(Text("   ") + marked(" ".join(hit["snippet"].split()), color))
        console.print(printable(f"   {hit['path']}"), style="dim")
        for other in hit["also_in"]:
            console.print(printable(f"   även i: {other['path']}, s. {other['pages']}"), style="dim")
    _facets(console, result.get("facets", {}))
    if result.get("suggestions"):
        console.print(
            printable(f"inga träffar; närliggande ord i registret: {', '.join(result['suggestions'])}")
        )


FACET_NAMES = {"year": "år", "kind": "slag", "board": "organ", "party": "parti"}


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


def trend_bars(result: dict[str, Any], color: bool, width: int = 40) -> None:
    """One line per key: the key, a bar as long as its share of the largest count, hits, documents."""
    console = _coloured(color)
    rows = result["rows"]
    per = FACET_NAMES.get(result["by"], result["by"])
    console.print(printable(f"{sum(r['hits'] for r in rows)} träffar för {result['query']!r} per {per}"))
    most = max((r["hits"] for r in rows), default=0) or 1
    keys = [printable(str(r["key"]) if r["key"] is not None else "(inget)") for r in rows]
    pad = max((len(k) for k in keys), default=0)
    for key, row in zip(keys, rows, strict=True):
        bar = "█" * round(width * row["hits"] / most) or ("▏" if row["hits"] else "")
        console.print(
            Text(f"{key:<{pad}}  ")
            + Text(f"{bar:<{width}}", style="cyan")
            + Text(f"  {row['hits']:>5} träffar i {row['documents']} dokument")
        )


def document_lines(docs: Sequence[dict[str, Any]]) -> None:
    """One line per document, its parts indented beneath."""
    console = _console()
    console.soft_wrap = True
    for doc in docs:
        when = doc["date"] or (str(doc["year"]) if doc["year"] else "")
        meta = " ".join(x for x in (doc["paragraph"], doc["diarienummer"]) if x)
        console.print(Text(f"{when:10}  {doc['kind']:22} ", style="bold"), end="")
        console.print(
            printable(f"{doc['title']} — {doc['board'] or '?'} {meta} ({doc['pages']} s.) [{doc['id'][:10]}]")
        )
        if len(doc["parts"]) > 1:
            for part in doc["parts"]:
                who = f" ({part['party']})" if part["party"] else ""
                rep = " [upprepning]" if part["repeat_of"] else ""
                pages = f"s. {part['first_page']}–{part['last_page']}"
                line = f"{'':12}  {pages}: {part['kind']}{who} {part['title']}{rep}"
                console.print(printable(line), style="dim")
