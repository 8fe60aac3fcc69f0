"""`handlingar ingest`: its options (readers, budgets, OCR, a cluster) beside cli.py, which
adds it. Thin, as every command: it parses, calls pipeline.ingest once and prints the report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from options import SwedishCommand, cluster_options, common, interactive, party_names, progress_bar
from pipeline.output import formats
from pipeline.settings import Settings, index_dir_from


@click.command(cls=SwedishCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="SÖKVÄG...")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    metavar="N",
    help="Filer som läses samtidigt (1–64).",
)
@click.option(
    "--timeout",
    default=300.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    metavar="SEKUNDER",
    help="Sekunder som en fil får ta (mer än 0).",
)
@click.option(
    "--memory",
    default=1024,
    show_default=True,
    type=click.IntRange(64),
    metavar="MB",
    help="Minnesbudget för hela inläsningen i MB (≥ 64): huvudprocessen och en andel per läsare.",
)
@click.option(
    "--parties",
    "parties_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help='TOML-fil som namnger lokala partier: [parties] "Fullt namn" = "KOD".',
)
@click.option("--spacy-model", help="En tränad svensk spaCy-pipeline som du har installerat (valfritt).")
@click.option(
    "--ocr",
    type=click.Choice(["auto", "never", "always"]),
    default="auto",
    show_default=True,
    help="Läs sidor med OCR (Tesseract): auto, de utan användbart textlager; never, aldrig; always, alla.",
)
@cluster_options
@common(tabular=False)
def ingest(
    paths: tuple[Path, ...],
    workers: int,
    timeout: float,
    memory: int,
    parties_file: Path | None,
    spacy_model: str | None,
    ocr: str,
    cluster: str | None,
    shared_path: bool,
    index_dir: str | None,
    as_json: bool,
) -> None:
    """Läs in PDF-filer och mappar (med undermappar) i indexet."""
    from pipeline.answer.watch_count import count_news
    from pipeline.ingest import ingest as run

    settings = Settings(
        index_dir=index_dir_from(index_dir),
        workers=workers,
        timeout_s=timeout,
        memory_mb=memory,
        spacy_model=spacy_model,
        party_names=party_names(parties_file),
        ocr=ocr,
        cluster=cluster,
        shared_path=shared_path,
    )
    with progress_bar(interactive(as_json), "Läser") as progress:
        report = run(paths, settings, progress, watches=count_news)
    if as_json:
        click.echo(formats.to_json(report.as_json()))
    else:
        from pipeline.output.terminal import ingest_summary

        ingest_summary(report)
    if report.failed:
        sys.exit(1)
