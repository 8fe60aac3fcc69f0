"""The command line's shared parsing and printing: the options every command takes
(--index, --json, --format), the search filters, text arguments, progress and rows.

Beside cli.py, out of the library: pipeline/ never sees click.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from pipeline.errors import HandlingarError
from pipeline.filters import FILTER_NAMES, Filters
from pipeline.output import formats
from pipeline.output.views import View
from pipeline.records import as_json

R = TypeVar("R")

F = TypeVar("F", bound=Callable[..., Any])


class Text(click.ParamType):  # type: ignore[type-arg]
    """Text typed by a user: under a locale that is not UTF-8, Python hands over UTF-8
    bytes as surrogate escapes ('s\\udcc3\\udca4kerhet'); they are decoded back ('säkerhet')."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if any("\udc80" <= ch <= "\udcff" for ch in text):
            text = os.fsencode(text).decode("utf-8", "replace")
        return text


TEXT = Text()


def common(tabular: bool = True) -> Callable[[F], F]:
    """--index, --json and (for tabular output) --format on every command."""

    def decorate(fn: F) -> F:
        fn = click.option(
            "--json", "as_json", is_flag=True, help="Machine-readable output (same as --format json)."
        )(fn)
        if tabular:
            fn = click.option(
                "--format",
                "fmt",
                type=click.Choice(formats.FORMATS),
                default="table",
                show_default=True,
                help="Output format.",
            )(fn)
        fn = click.option(
            "--index",
            "index_dir",
            envvar="HANDLINGAR_INDEX",
            default=None,
            metavar="DIR",
            help="Index folder (default ./index; env HANDLINGAR_INDEX).",
        )(fn)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except HandlingarError as exc:
                failed = click.ClickException(str(exc))
                failed.exit_code = getattr(exc, "exit_code", 1)  # 2: wrong usage (errors.WrongUsage)
                raise failed from None

        return wrapper  # type: ignore[return-value]

    return decorate


def fmt_of(fmt: str | None, as_json: bool) -> str:
    return "json" if as_json else (fmt or "table")


def interactive(as_json: bool) -> bool:
    return sys.stderr.isatty() and not as_json


@contextmanager
def progress_bar(show: bool, label: str) -> Iterator[Callable[[int, int, str], None] | None]:
    if not show:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"{label} {name[:40]}")

        yield update


def echo_rows(rows: Sequence[R], view: View[R], fmt: str, data: object = None) -> None:
    """Records as ``fmt``: JSON of ``data`` (else of the records), or the view's columns."""
    if fmt == "json":
        click.echo(formats.to_json(as_json(rows if data is None else data)))
    elif fmt == "csv":
        click.echo(formats.to_csv(rows, view), nl=False)
    elif fmt == "md":
        click.echo(formats.to_markdown(rows, view), nl=False)
    else:
        from pipeline.output.terminal import table

        table(rows, view)


def filter_options(fn: F) -> F:
    """The filters search and quotes share, handed to the command as one
    ``filters`` argument (a bad --year is a usage error)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in FILTER_NAMES}
        try:
            filters = Filters.of(values.get)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--year") from None
        return fn(*args, filters=filters, **kwargs)

    decorated: Any = wrapper
    for option in reversed(
        [
            click.option(
                "--year",
                type=TEXT,
                help="A year or a range: 2021, 2019-2022. Matches the year of a document's date"
                " (meeting, decision, publication) or the year it is about: a plan for 2022"
                " adopted in 2021 is found under both.",
            ),
            click.option(
                "--kind", type=TEXT, help="Document or part kind, any form: protokoll, protokollen, planer."
            ),
            click.option("--board", type=TEXT, help="Board (nämnd, beredning, styrelse)."),
            click.option(
                "--party", type=TEXT, help="Party by letter or name, any case: V, Vänsterpartiet, sd."
            ),
            click.option("--speaker", type=TEXT, help="A speaker's or signatory's name."),
            click.option("--document", type=TEXT, help="Document id or any unique start of it, or its path."),
        ]
    ):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def warn_behind(unindexed: int) -> None:
    """One line on stderr when a killed ingest left documents out of the search index."""
    if unindexed:
        click.echo(
            f"obs: {unindexed} dokument i katalogen finns inte i sökindexet än (ett avbrutet ingest?):"
            " nästa 'handlingar ingest PATH' gör det klart",
            err=True,
        )
