"""``handlingar watch``: saved searches and what is new for them.

A click group beside cli.py (which registers it on the main group), thin like it: each
command parses its options, calls one library function (pipeline/answer/watches.py) and
formats the result through pipeline/output.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from options import TEXT, common, echo_rows, filter_options, fmt_of
from pipeline.output import formats, views
from pipeline.settings import Settings, index_dir_from

if TYPE_CHECKING:
    from pipeline.filters import Filters
    from pipeline.records import WatchEntry


class WatchGroup(click.Group):
    """``watch`` alone, or ``watch NAME``, reads news: the ``show`` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group(cls=WatchGroup)
def watch() -> None:
    """Saved searches and what is new for them.

    \b
    handlingar watch [NAME] [--peek]    what is new since the watch (every watch) was last read:
                                        the hits, statements and amounts not shown before,
                                        marked seen once shown (--peek: look without marking)
    handlingar watch add NAME QUERY     save a watch, with search's filters (--party, --year …)
    handlingar watch list               the watches
    handlingar watch remove NAME        remove a watch

    Each takes --index DIR and --json; show and list also --format table|json|csv|md.
    """


def _settings(index_dir: str | None) -> Settings:
    return Settings(index_dir=index_dir_from(index_dir))


def _described(entry: WatchEntry) -> str:
    """'parkering --party S --year 2022'."""
    values = {"year": entry.year, "kind": entry.kind, "board": entry.board, "party": entry.party}
    values |= {"speaker": entry.speaker, "document": entry.document}
    return " ".join([entry.query, *(f"--{k} {v}" for k, v in values.items() if v)])


@watch.command("add")
@click.argument("name", type=TEXT)
@click.argument("words", nargs=-1, required=True, type=TEXT)
@filter_options
@click.option(
    "--from-now", is_flag=True, help="What matches now counts as seen: only what later ingests bring is news."
)
@common(tabular=False)
def add(
    name: str, words: tuple[str, ...], filters: Filters, from_now: bool, index_dir: str | None, as_json: bool
) -> None:
    """Save a watch NAME over QUERY (search's query language) and search's filters."""
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
    """The watches: their queries, filters and when they were last read."""
    from pipeline.answer.watches import watch_list

    rows = watch_list(_settings(index_dir))
    fmt = fmt_of(fmt, as_json)
    if fmt == "table" and not rows:
        click.echo("inga bevakningar: lägg till en med 'handlingar watch add NAMN FRÅGA'")
        return
    echo_rows(rows, views.WATCHES, fmt)


@watch.command("remove")
@click.argument("name", type=TEXT)
@common(tabular=False)
def remove(name: str, index_dir: str | None, as_json: bool) -> None:
    """Remove the watch NAME and what it has shown."""
    from pipeline.answer.watches import remove as run

    entry = run(_settings(index_dir), name)
    gone = f"bevakningen {entry.name!r} borttagen"
    click.echo(formats.to_json(entry.to_json()) if as_json else formats.printable(gone))


@watch.command("show")
@click.argument("name", required=False, type=TEXT)
@click.option("--peek", is_flag=True, help="Look without marking the news seen (they show again next time).")
@common()
def show(name: str | None, peek: bool, index_dir: str | None, as_json: bool, fmt: str) -> None:
    """What is new for the watch NAME (without one: every watch) since it was last read: the
    hits, statements and amounts matching it that it has not shown; then marked seen."""
    from pipeline.answer.watches import news

    found = news(_settings(index_dir), name, mark=not peek)
    fmt = fmt_of(fmt, as_json)
    if fmt == "table":
        from pipeline.output.news import watch_news

        watch_news(found, color=sys.stdout.isatty(), marked_seen=not peek)
        return
    echo_rows(views.news_rows(found), views.NEWS, fmt, data=found)
