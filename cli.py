"""handlingar: search and mine Swedish municipal records from the terminal.

Each command parses its options, calls one library function and formats the
result. Library errors become one line on stderr and a non-zero exit status:
1 when something failed (a file in a batch, a query, a missing index),
2 for wrong usage.
"""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING

import click

from ingest_cli import ingest
from options import (
    TEXT,
    Commands,
    common,
    document_command,
    echo_comparison,
    echo_rows,
    filter_options,
    fmt_of,
    offset_option,
    warn_behind,
)
from pipeline.output import formats, views
from pipeline.settings import Settings, index_dir_from
from serve_cli import serve
from watch_cli import watch

if TYPE_CHECKING:
    from pipeline.filters import Filters


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="handlingar")
def main() -> None:
    """Sök, jämför och citera kommunala handlingar (protokoll, protokollsutdrag,
    protokollsanteckningar, verksamhetsplaner, verksamhetsberättelser) ur en mapp med PDF:er."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that is not UTF-8 gets '?', never a crash
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="replace")


@main.command()
@common()
def documents(index_dir: str | None, as_json: bool, fmt: str) -> None:
    """De inlästa dokumenten, ett per rad, med sina delar."""
    from pipeline.answer.listings import document_listing

    docs = document_listing(Settings(index_dir=index_dir_from(index_dir)))
    if fmt_of(fmt, as_json) == "table":
        from pipeline.output.terminal import document_lines

        document_lines(docs)
        return
    echo_rows(docs, views.DOCUMENTS, fmt_of(fmt, as_json))


@main.command()
@click.argument("words", nargs=-1, required=True, type=TEXT, metavar="ORD...")
@filter_options
@click.option(
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(0),
    metavar="N",
    help="Träffar att visa (0: bara antalet).",
)
@offset_option("Träffar att hoppa över.")
@common()
def search(
    words: tuple[str, ...],
    filters: Filters,
    limit: int,
    offset: int,
    index_dir: str | None,
    as_json: bool,
    fmt: str,
) -> None:
    """Fritextsök i alla år: ordformer, "fraser", AND/OR/NOT, prefix*, ungefär~.
    Flera ord utan citattecken är en fråga (alla måste finnas)."""
    query = " ".join(words)
    from pipeline.answer.search import search as run

    result = run(Settings(index_dir=index_dir_from(index_dir)), query, filters, limit, offset)
    warn_behind(result.unindexed)
    fmt = fmt_of(fmt, as_json)
    if fmt == "table":
        from pipeline.output.terminal import search_hits

        search_hits(result, offset, color=sys.stdout.isatty())
        return
    echo_rows(result.hits, views.HITS, fmt, data=result)


@main.command()
@click.argument("words", nargs=-1, required=True, type=TEXT, metavar="ORD...")
@click.option(
    "--by",
    type=click.Choice(["year", "party", "board", "kind"]),
    default="year",
    help="Räkna per år, parti, organ eller slag.",
)
@filter_options
@common()
def trend(
    words: tuple[str, ...], by: str, filters: Filters, index_dir: str | None, as_json: bool, fmt: str
) -> None:
    """Träffar för en fråga per år, parti, organ eller slag, med dokumenten de står i och
    sidorna som lästs in (träffarna summerar till sökningens antal med samma filter)."""
    from pipeline.answer.trend import trend as run

    result = run(Settings(index_dir=index_dir_from(index_dir)), " ".join(words), by, filters)
    fmt = fmt_of(fmt, as_json)
    if fmt == "table":
        from pipeline.output.terminal import trend_bars

        trend_bars(result, color=sys.stdout.isatty())
        return
    echo_rows(result.rows, views.TREND, fmt, data=result)


@main.command()
@common()
def duplicates(index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Grupper av upprepad text: originalet och varje upprepning."""
    from pipeline.answer.listings import duplicate_groups

    groups = duplicate_groups(Settings(index_dir=index_dir_from(index_dir)))
    echo_rows(views.duplicate_rows(groups), views.DUPLICATES, fmt_of(fmt, as_json), data=groups)


@document_command(main)
def sections(document: str, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Målområden, numrerade prioriteringar och rubriker i DOKUMENT (sökväg, filnamn eller id);
    för protokoll en rad per §-ärende med rubrik, beslut och sidor."""
    from pipeline.answer.listings import sections as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)), document)
    echo_rows(rows, views.sections_view(rows), fmt_of(fmt, as_json))


@document_command(main)
def tables(document: str, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Tabellerna i DOKUMENT (sökväg, filnamn eller id); värdet i kronor under tkr, mnkr. JSON: en post
    per tabell; csv, md: en rad per cell (table, page, row, column, text, value, unit)."""
    from pipeline.answer.tables import cell_lines, tables as run

    found = run(Settings(index_dir=index_dir_from(index_dir)), document)
    echo_rows(cell_lines(found), views.TABLE_CELLS, fmt_of(fmt, as_json), data=found)


@main.command()
@click.argument("words", nargs=-1, type=TEXT, metavar="[ORD]...")
@filter_options
@common()
def statements(
    words: tuple[str, ...], filters: Filters, index_dir: str | None, as_json: bool, fmt: str
) -> None:
    """Reservationer, protokollsanteckningar och särskilda yttranden i protokoll, med vem som
    gjorde dem (--party, --speaker: gjorda eller undertecknade av), § och sida; ORD behåller
    dem vars text innehåller orden."""
    from pipeline.answer.politics import statements as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)), " ".join(words) or None, filters)
    echo_rows(rows, views.STATEMENTS, fmt_of(fmt, as_json))


@main.command()
@filter_options
@common()
def votes(filters: Filters, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Omröstningar i protokoll: §, vad ja och nej stod för, rösterna och utfallet
    (--party, --speaker: röstade av, där voteringslistan namnger dem)."""
    from pipeline.answer.politics import votes as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)), filters)
    echo_rows(rows, views.VOTES, fmt_of(fmt, as_json))


@main.command()
@filter_options
@click.option(
    "--min", "minimum", type=float, metavar="BELOPP", help="Minsta belopp, i beloppets egen valuta."
)
@click.option(
    "--max", "maximum", type=float, metavar="BELOPP", help="Största belopp, i beloppets egen valuta."
)
@click.option(
    "--currency",
    type=click.Choice(["SEK", "EUR"], case_sensitive=False),
    help="Bara kronor eller bara euro (annars båda).",
)
@common()
def amounts(
    filters: Filters,
    minimum: float | None,
    maximum: float | None,
    currency: str | None,
    index_dir: str | None,
    as_json: bool,
    fmt: str,
) -> None:
    """Varje belopp, exakt, i kronor (eller euro), med sin mening och sida."""
    from decimal import Decimal

    from pipeline.answer.listings import amounts as run
    from pipeline.filters import Range

    low = Decimal(str(minimum)) if minimum is not None else None
    high = Decimal(str(maximum)) if maximum is not None else None
    bounds = Range(low, high, currency.upper() if currency else None)
    rows = run(Settings(index_dir=index_dir_from(index_dir)), filters, bounds)
    fmt = fmt_of(fmt, as_json)
    echo_rows(rows, views.amounts_view(with_sek=fmt == "csv", short_path=fmt == "table"), fmt)


@main.command()
@common()
def speakers(index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Personer, deras parti eller roll, och var de talade eller skrev under."""
    from pipeline.answer.listings import speakers as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)))
    echo_rows(rows, views.SPEAKERS, fmt_of(fmt, as_json))


@main.command()
@click.option(
    "--plan",
    "plan_ref",
    type=TEXT,
    required=True,
    help="Plan: ett år eller ett dokument (sökväg, filnamn, id).",
)
@click.option("--report", "report_ref", type=TEXT, required=True, help="Rapport: ett år eller ett dokument.")
@click.option("--board", type=TEXT, help="Organ, när ett år har planer från flera organ.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*formats.FORMATS, "html"]),
    default="table",
    show_default=True,
    help="Svarets form: tabell, JSON, CSV, Markdown eller HTML.",
)
@common(tabular=False)
def compare(
    plan_ref: str, report_ref: str, board: str | None, fmt: str, index_dir: str | None, as_json: bool
) -> None:
    """Vad en plan lovade bredvid vad rapporten säger blev gjort."""
    from pipeline.answer.compare import compare as run

    result = run(Settings(index_dir=index_dir_from(index_dir)), plan_ref, report_ref, board)
    echo_comparison(result, fmt_of(fmt, as_json))


@main.command()
@click.argument("words", nargs=-1, required=True, type=TEXT, metavar="ORD...")
@filter_options
@click.option(
    "--limit", type=click.IntRange(0), metavar="N", help="Citat att visa (annars alla; 0: bara antalet)."
)
@offset_option("Citat att hoppa över.")
@common()
def quotes(
    words: tuple[str, ...],
    filters: Filters,
    limit: int | None,
    offset: int,
    index_dir: str | None,
    as_json: bool,
    fmt: str,
) -> None:
    """Exakta meningar med frågans ord, med vem som sa dem och var: klara att publicera."""
    query = " ".join(words)
    from pipeline.answer.quotes import quote_page
    from pipeline.output.citations import markdown
    from pipeline.output.lines import count_line

    page = quote_page(Settings(index_dir=index_dir_from(index_dir)), query, filters, limit, offset)
    fmt = fmt_of(fmt, as_json)
    paged = limit is not None or offset > 0
    if paged and fmt in ("table", "md"):  # a page: of how many
        shown = len(page.quotes)
        click.echo(count_line(page.total, ("citat", "citat"), query, offset, shown, page.complete))
        if not page.quotes:
            return
    if fmt == "md":
        click.echo(("\n" if paged else "") + markdown(page.quotes), nl=False)
        return
    echo_rows(page.quotes, views.QUOTES, fmt)


main.add_command(ingest)  # ingest_cli.py
main.add_command(watch)  # watch, watch NAME, watch add / list / remove: watch_cli.py
main.add_command(serve)  # serve_cli.py

if __name__ == "__main__":
    main()
