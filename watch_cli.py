"""``handlingar watch``: saved searches and what is new for them.

A click group beside cli.py (which registers it on the main group), thin like it: each
command parses its options, calls one library function (pipeline/answer/watches.py) and
formats the result through pipeline/output.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from options import TEXT, SwedishGroup, common, echo_rows, filter_options, fmt_of
from pipeline.output import formats, views
from pipeline.settings import Settings, index_dir_from

if TYPE_CHECKING:
    from pipeline.filters import Filters
    from pipeline.records import WatchEntry


class WatchGroup(SwedishGroup):
    """``watch`` alone, or ``watch NAME``, reads news: the ``show`` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group(cls=WatchGroup)
def watch() -> None:
    """Bevakningar: sparade sökningar, och vad som är nytt för dem.

    \b
    handlingar watch [NAMN] [--peek]    det som är nytt sedan bevakningen (alla) lästes senast:
                                        träffar, uttalanden och belopp som inte visats förut,
                                        markerade som sedda när de visats (--peek: titta bara)
    handlingar watch add NAMN FRÅGA     spara en bevakning, med sökningens filter (--party …)
    handlingar watch list               bevakningarna
    handlingar watch remove NAMN        ta bort en bevakning

    Alla tar --index DIR och --json; show och list även --format table|json|csv|md.
    """


def _settings(index_dir: str | None) -> Settings:
    return Settings(index_dir=index_dir_from(index_dir))


def _described(entry: WatchEntry) -> str:
    """'parkering --party S --year 2022'."""
    values = {"year": entry.year, "kind": entry.kind, "board": entry.board, "party": entry.party}
    values |= {"speaker": entry.speaker, "document": entry.document}
    return " ".join([entry.query, *(f"--{k} {v}" for k, v in values.items() if v)])


@watch.command("add")
@click.argument("name", type=TEXT, metavar="NAMN")
@click.argument("words", nargs=-1, required=True, type=TEXT, metavar="FRÅGA...")
@filter_options
@click.option(
    "--from-now",
    is_flag=True,
    help="Det som matchar nu räknas som sett: bara det senare inläsningar tillför är nytt.",
)
@common(tabular=False)
def add(
    name: str, words: tuple[str, ...], filters: Filters, from_now: bool, index_dir: str | None, as_json: bool
) -> None:
    """Spara bevakningen NAMN av FRÅGA (sökningens frågespråk) med sökningens filter."""
    if name in watch.commands:
        raise click.BadParameter(
            f"{name!r} är ett kommando under watch: välj ett annat namn", param_hint="NAME"
        )
    from pipeline.answer.watches import add as run

    entry = run(_settings(index_dir), name, " ".join(words), filters, from_now)
    if as_json:
        click.echo(formats.to_json(entry.to_json()))
        return
    then = "det som matchar nu räknas som sett; " if from_now else ""
    click.echo(
        formats.printable(
            f"bevakningen {entry.name!r} sparad: {_described(entry)} ({then}'handlingar watch {entry.name}'"
            " visar det nya)"
        )
    )


@watch.command("list")
@common()
def list_watches(index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Bevakningarna: deras frågor, filter och när de lästes senast."""
    from pipeline.answer.watches import watch_list

    rows = watch_list(_settings(index_dir))
    fmt = fmt_of(fmt, as_json)
    if fmt == "table" and not rows:
        click.echo("inga bevakningar: lägg till en med 'handlingar watch add NAMN FRÅGA'")
        return
    echo_rows(rows, views.WATCHES, fmt)


@watch.command("remove")
@click.argument("name", type=TEXT, metavar="NAMN")
@common(tabular=False)
def remove(name: str, index_dir: str | None, as_json: bool) -> None:
    """Ta bort bevakningen NAMN och minnet av vad den har visat."""
    from pipeline.answer.watches import remove as run

    entry = run(_settings(index_dir), name)
    gone = f"bevakningen {entry.name!r} borttagen"
    click.echo(formats.to_json(entry.to_json()) if as_json else formats.printable(gone))


@watch.command("show")
@click.argument("name", required=False, type=TEXT, metavar="[NAMN]")
@click.option(
    "--peek", is_flag=True, help="Titta utan att markera nyheterna som sedda (de visas igen nästa gång)."
)
@common()
def show(name: str | None, peek: bool, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """Det som är nytt för bevakningen NAMN (utan namn: alla) sedan den lästes senast:
    träffar, uttalanden och belopp som matchar och inte visats; sedan markerade som sedda."""
    from pipeline.answer.watches import news

    found = news(_settings(index_dir), name, mark=not peek)
    fmt = fmt_of(fmt, as_json)
    if fmt == "table":
        from pipeline.output.news import watch_news

        watch_news(found, color=sys.stdout.isatty(), marked_seen=not peek)
        return
    echo_rows(views.news_rows(found), views.NEWS, fmt, data=found)
