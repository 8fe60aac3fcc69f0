"""handlingar: search and mine Swedish municipal records from the terminal.

Each command parses its options, calls one library function and formats the
result. Library errors become one line on stderr and a non-zero exit status:
1 when something failed (a file in a batch, a query, a missing index),
2 for wrong usage.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from options import TEXT, common, echo_rows, filter_options, fmt_of, interactive, progress_bar, warn_behind
from pipeline.output import formats, views
from pipeline.settings import Settings, index_dir_from

if TYPE_CHECKING:
    from pipeline.filters import Filters


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="handlingar")
def main() -> None:
    """Search, compare and quote Swedish municipal records (protokoll,
    verksamhetsplaner, verksamhetsberättelser) from a folder of PDFs."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that is not UTF-8 gets '?', never a crash
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="replace")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Files read at once (1–64)."
)
@click.option(
    "--timeout",
    default=300.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    help="Seconds allowed per file (more than 0).",
)
@click.option(
    "--memory",
    default=1024,
    show_default=True,
    type=click.IntRange(64),
    help="Memory budget of the whole ingest, MB (≥ 64): the main process and a share per reader.",
)
@click.option(
    "--parties",
    "parties_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help='TOML file naming local parties: [parties] "Full name" = "CODE".',
)
@click.option("--spacy-model", help="A trained Swedish spaCy pipeline you have installed (optional).")
@click.option(
    "--ocr",
    type=click.Choice(["auto", "never", "always"]),
    default="auto",
    show_default=True,
    help="Read pages by OCR (Tesseract): auto, those without a usable text layer; never; always, every page.",
)
@common(tabular=False)
def ingest(
    paths: tuple[Path, ...],
    workers: int,
    timeout: float,
    memory: int,
    parties_file: Path | None,
    spacy_model: str | None,
    ocr: str,
    index_dir: str | None,
    as_json: bool,
) -> None:
    """Ingest PDF files and folders (recursive) into the index."""
    from pipeline.extract.parties import load_party_names
    from pipeline.ingest import ingest as run

    names = tuple(load_party_names(parties_file).items()) if parties_file else ()
    settings = Settings(
        index_dir=index_dir_from(index_dir),
        workers=workers,
        timeout_s=timeout,
        memory_mb=memory,
        spacy_model=spacy_model,
        party_names=names,
        ocr=ocr,
    )
    with progress_bar(interactive(as_json), "Läser") as progress:
        report = run(paths, settings, progress)
    if as_json:
        click.echo(formats.to_json(report.as_json()))
    else:
        from pipeline.output.terminal import ingest_summary

        ingest_summary(report)
    if report.failed:
        sys.exit(1)


@main.command()
@common()
def documents(index_dir: str | None, as_json: bool, fmt: str) -> None:
    """List the ingested documents, one line each."""
    from pipeline.answer.listings import document_listing

    docs = document_listing(Settings(index_dir=index_dir_from(index_dir)))
    if fmt_of(fmt, as_json) == "table":
        from pipeline.output.terminal import document_lines

        document_lines(docs)
        return
    echo_rows(docs, views.DOCUMENTS, fmt_of(fmt, as_json))


@main.command()
@click.argument("words", nargs=-1, required=True, type=TEXT)
@filter_options
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(0), help="Hits to show (0: the total only)."
)
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Hits to skip.")
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
    """Full-text search over every year: word forms, "phrases", AND/OR/NOT, prefix*, fuzzy~.
    Several words without quotes are one query (all of them must match)."""
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
@click.argument("words", nargs=-1, required=True, type=TEXT)
@click.option("--by", type=click.Choice(["year", "party", "board", "kind"]), default="year", help="Count by.")
@filter_options
@common()
def trend(
    words: tuple[str, ...], by: str, filters: Filters, index_dir: str | None, as_json: bool, fmt: str
) -> None:
    """Hits of a query per year, party, board or kind, with the documents they are in
    (the hits add up to search's total for the same query and filters)."""
    from pipeline.answer.trend import trend as run

    result = run(Settings(index_dir=index_dir_from(index_dir)), " ".join(words), by, filters)
    fmt = fmt_of(fmt, as_json)
    if fmt == "table":
        from pipeline.output.terminal import trend_bars

        trend_bars(result, color=sys.stdout.isatty())
        return
    echo_rows(result.rows, views.TREND, fmt, data=result)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; other than loopback (0.0.0.0: the network) it needs a secret.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free)."
)
@click.option(
    "--token-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File whose first line is the secret every page and /api/ asks for (else env HANDLINGAR_TOKEN).",
)
@click.option(
    "--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="Requests answered at once."
)
@click.option(
    "--time-limit",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    help="Seconds one answer may take; past it the request gets 503.",
)
@common(tabular=False)
def serve(
    host: str,
    port: int,
    token_file: Path | None,
    threads: int,
    time_limit: float,
    index_dir: str | None,
    as_json: bool,
) -> None:
    """A web page over the index for several people at once: search with facets, documents
    with their pages, quotes with a copy button, plan against outcome, trends; JSON under
    /api/. Read-only; an ingest meanwhile is seen by the next request."""
    import os

    from pipeline.web.access import secret_of
    from pipeline.web.server import Serving, start

    secret = secret_of(token_file, os.environ.get("HANDLINGAR_TOKEN") or None)
    serving = Serving(host, port, threads, time_limit, secret)
    started = start(Settings(index_dir=index_dir_from(index_dir)), serving)
    url = started.url
    click.echo(formats.to_json({"url": url}) if as_json else f"handlingar: {url} (Ctrl-C avslutar)")
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt):
        started.server.run()


@main.command()
@common()
def duplicates(index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Groups of repeated text: the canonical copy and every repeat."""
    from pipeline.answer.listings import duplicate_groups

    groups = duplicate_groups(Settings(index_dir=index_dir_from(index_dir)))
    echo_rows(views.duplicate_rows(groups), views.DUPLICATES, fmt_of(fmt, as_json), data=groups)


@main.command()
@click.argument("document", type=TEXT)
@common()
def sections(document: str, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Goal areas, numbered priorities and headings of DOCUMENT (path, file name or id);
    for minutes, one row per § item with its title, decision and pages."""
    from pipeline.answer.listings import sections as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)), document)
    echo_rows(rows, views.sections_view(rows), fmt_of(fmt, as_json))


@main.command()
@click.argument("words", nargs=-1, type=TEXT)
@filter_options
@common()
def statements(
    words: tuple[str, ...], filters: Filters, index_dir: str | None, as_json: bool, fmt: str
) -> None:
    """Reservations, protokollsanteckningar and särskilda yttranden of minutes, with who made
    them (--party, --speaker: made or signed by), their § and page; WORDS narrows to those
    whose text holds them."""
    from pipeline.answer.politics import statements as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)), " ".join(words) or None, filters)
    echo_rows(rows, views.STATEMENTS, fmt_of(fmt, as_json))


@main.command()
@filter_options
@common()
def votes(filters: Filters, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Omröstningar of minutes: §, what ja and nej stood for, the counts and the result
    (--party, --speaker: voted by, where the voteringslista names them)."""
    from pipeline.answer.politics import votes as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)), filters)
    echo_rows(rows, views.VOTES, fmt_of(fmt, as_json))


@main.command()
@filter_options
@click.option("--min", "minimum", type=float, help="Smallest amount, in its own currency.")
@click.option("--max", "maximum", type=float, help="Largest amount, in its own currency.")
@click.option(
    "--currency",
    type=click.Choice(["SEK", "EUR"], case_sensitive=False),
    help="Only kronor or only euro (default: both).",
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
    """Every sum of money, exact, in kronor (or euro), with its sentence and page."""
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
    """People, their party or role, and where they spoke or signed."""
    from pipeline.answer.listings import speakers as run

    rows = run(Settings(index_dir=index_dir_from(index_dir)))
    echo_rows(rows, views.SPEAKERS, fmt_of(fmt, as_json))


@main.command()
@click.option(
    "--plan", "plan_ref", type=TEXT, required=True, help="Plan: a year, or a document (path, file name, id)."
)
@click.option("--report", "report_ref", type=TEXT, required=True, help="Report: a year, or a document.")
@click.option("--board", type=TEXT, help="Board, when a year has plans of several boards.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*formats.FORMATS, "html"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@common(tabular=False)
def compare(
    plan_ref: str, report_ref: str, board: str | None, fmt: str, index_dir: str | None, as_json: bool
) -> None:
    """What a plan promised beside what the report says was done."""
    from pipeline.answer.compare import compare as run
    from pipeline.output import render

    result = run(Settings(index_dir=index_dir_from(index_dir)), plan_ref, report_ref, board)
    fmt = fmt_of(fmt, as_json)
    if fmt == "html":
        click.echo(render.page(result), nl=False)
    elif fmt == "md":
        click.echo(render.markdown(result), nl=False)
    else:
        echo_rows(result.rows, views.COMPARE, fmt, data=result)


@main.command()
@click.argument("words", nargs=-1, required=True, type=TEXT)
@filter_options
@common()
def quotes(words: tuple[str, ...], filters: Filters, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Exact sentences holding the query's words, attributed and cited, ready to publish."""
    query = " ".join(words)
    from pipeline.answer.quotes import quotes as run
    from pipeline.output.citations import markdown

    found = run(Settings(index_dir=index_dir_from(index_dir)), query, filters)
    fmt = fmt_of(fmt, as_json)
    if fmt == "md":
        click.echo(markdown(found), nl=False)
        return
    echo_rows(found, views.QUOTES, fmt)


if __name__ == "__main__":
    main()
