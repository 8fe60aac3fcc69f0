"""``handlingar serve``: the web page over the index (pipeline/web), for several people at
once; beside cli.py, which registers it."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from options import SwedishCommand, common
from pipeline.output import formats
from pipeline.settings import Settings, index_dir_from


@click.command(cls=SwedishCommand)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adressen att lyssna på; en annan än loopback (0.0.0.0: nätverket) kräver en hemlighet.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    metavar="PORT",
    help="Port (0: valfri ledig).",
)
@click.option(
    "--token-file",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FIL",
    help="Fil vars första rad är hemligheten varje sida och /api/ frågar efter (annars HANDLINGAR_TOKEN).",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    metavar="N",
    help="Förfrågningar som besvaras samtidigt.",
)
@click.option(
    "--time-limit",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    metavar="SEKUNDER",
    help="Sekunder ett svar får ta; därefter får förfrågan 503.",
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
    """En webbsida över indexet för flera samtidigt: sökning med fasetter, dokument med sina
    sidor, citat med kopieringsknapp, plan och utfall, trender, bevakningar; JSON under /api/.
    Läser bara; en inläsning under tiden syns vid nästa förfrågan."""
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
