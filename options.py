"""The command line's shared parsing and printing: the options every command takes
(--index, --json, --format), the search filters, text arguments, progress and rows.

Beside cli.py, out of the library: pipeline/ never sees click.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from pipeline.errors import HandlingarError
from pipeline.filters import FILTER_NAMES, Filters
from pipeline.output import formats
from pipeline.output.views import View
from pipeline.records import Comparison, as_json

R = TypeVar("R")

F = TypeVar("F", bound=Callable[..., Any])


class Text(click.ParamType):  # type: ignore[type-arg]
    """Text typed by a user: under a locale that is not UTF-8, Python hands over UTF-8
    bytes as surrogate escapes ('s\\udcc3\\udca4kerhet'); they are decoded back ('säkerhet')."""

    name = "text"  # its metavar: TEXT

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if any("\udc80" <= ch <= "\udcff" for ch in text):
            text = os.fsencode(text).decode("utf-8", "replace")
        return text


TEXT = Text()


def document_command(group: click.Group) -> Callable[[F], F]:
    """A command of ``group`` on one document: its DOKUMENT argument and the common options."""

    def decorate(fn: F) -> F:
        command = group.command()(click.argument("document", type=TEXT, metavar="DOKUMENT")(common()(fn)))
        return cast(F, command)

    return decorate


def common(tabular: bool = True) -> Callable[[F], F]:
    """--index, --json and (for tabular output) --format on every command."""

    def decorate(fn: F) -> F:
        fn = click.option(
            "--json", "as_json", is_flag=True, help="Maskinläsbart svar (samma som --format json)."
        )(fn)
        if tabular:
            fn = click.option(
                "--format",
                "fmt",
                type=click.Choice(formats.FORMATS),
                default="table",
                show_default=True,
                help="Svarets form: tabell, JSON, CSV eller Markdown.",
            )(fn)
        fn = click.option(
            "--index",
            "index_dir",
            envvar="HANDLINGAR_INDEX",
            default=None,
            metavar="DIR",
            help="Indexmappen (annars ./index, eller miljövariabeln HANDLINGAR_INDEX).",
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


def cluster_options(fn: F) -> F:
    """`ingest`'s --cluster and --shared-path."""
    from pipeline.settings import check_cluster

    def checked(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        try:
            return None if value is None else check_cluster(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None

    fn = click.option(
        "--shared-path",
        is_flag=True,
        help="Klustrets arbetare ser filerna på samma sökvägar (en delad mapp): skicka sökvägen, inte filen.",
    )(fn)
    return click.option(
        "--cluster",
        metavar="ADRESS",
        callback=checked,
        help="Kör läsningen på ett Dask-kluster: tcp://VÄRD:8786 eller local[:N] (N arbetsprocesser här).",
    )(fn)


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


def echo_comparison(result: Comparison, fmt: str) -> None:
    """compare's answer as ``fmt``: one HTML page, Markdown, or its rows (with the line
    saying what each document holds where nothing pairs)."""
    from pipeline.output import render
    from pipeline.output.views import compare_view

    if fmt == "html":
        click.echo(render.page(result), nl=False)
    elif fmt == "md":
        click.echo(render.markdown(result), nl=False)
    else:
        echo_rows(result.rows, compare_view(result.rows), fmt, data=result)
        if result.held and fmt == "table":
            click.echo(result.held)


FILTER_HELP = {  # each filter's help: one meaning each, for every command (pipeline/filters.py)
    "--year": "Ett år eller ett spann: 2021, 2019-2022. Träffar året för ett dokuments datum"
    " (sammanträde, beslut, utgivning) eller året det handlar om: en plan för 2022"
    " antagen 2021 finns under båda, en plan för 2019–2021 under vart och ett av åren;"
    " ett odaterat dokument under året det nämner först.",
    "--kind": (
        "Slag av dokument eller del, i vilken form som helst: protokoll, protokollen, verksamhetsplaner;"
        " också med andra namn: affärsplan (verksamhetsplan), årsbokslut (årsredovisning),"
        " uppföljning (månadsuppföljning), rapportsammandrag (granskningsrapport)."
    ),
    "--board": "Organ (nämnd, beredning, styrelse): vart och ett av dess ord.",
    "--party": "Parti, med bokstav eller namn, stora eller små: V, Vänsterpartiet, sd.",
    "--speaker": "Namnet på den som talade, yrkade eller skrev under (efternamn räcker).",
    "--document": "Dokumentets id eller en entydig början av det, eller dess sökväg.",
}


def offset_option(help_text: str) -> Callable[[F], F]:
    """--offset N: how many of a paged answer's records to pass over (search's hits, quotes)."""
    return click.option(
        "--offset", default=0, show_default=True, type=click.IntRange(0), metavar="N", help=help_text
    )


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
    for name, text in reversed(FILTER_HELP.items()):
        decorated = click.option(name, type=TEXT, help=text)(decorated)
    return decorated  # type: ignore[no-any-return]


def party_names(parties_file: Path | None) -> tuple[tuple[str, str], ...]:
    """The local parties a --parties TOML file names (read only when one is given)."""
    if parties_file is None:
        return ()
    from pipeline.extract.parties import load_party_names

    return tuple(load_party_names(parties_file).items())


def warn_behind(unindexed: int) -> None:
    """One line on stderr when a killed ingest left documents out of the search index."""
    if unindexed:
        click.echo(
            f"obs: {unindexed} dokument i katalogen finns inte i sökindexet än (ett avbrutet ingest?):"
            " nästa 'handlingar ingest PATH' gör det klart",
            err=True,
        )


class SwedishCommand(click.Command):
    """A command whose usage line names its options in Swedish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        super().__init__(*args, **kwargs)


class SwedishGroup(click.Group):
    """A group whose usage line and subcommands speak Swedish."""

    command_class = SwedishCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENT]...")
        super().__init__(*args, **kwargs)


SwedishGroup.group_class = SwedishGroup


class Commands(SwedishGroup):
    """The commands, each of which may be read by a reader that stops early (``| head -1``):
    a closed stdout is no failure, so the command ends with status 0 and nothing on stderr
    (https://docs.python.org/3/library/signal.html#note-on-sigpipe)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        with reader_gone_is_done():  # the group's own --help and --version print here, first
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> object:
        with reader_gone_is_done():
            found = super().invoke(ctx)
            sys.stdout.flush()  # what is still buffered fails here, not at exit
            return found


@contextmanager
def reader_gone_is_done() -> Iterator[None]:
    """Output into a pipe whose reader has gone (BrokenPipeError) ends the command with 0."""
    try:
        yield
    except BrokenPipeError:
        stopped_reading()
        raise click.exceptions.Exit(0) from None


def stopped_reading() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush at exit has nowhere to fail
    ("Exception ignored … BrokenPipeError")."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


# Click's own words in Swedish (its usage line, headings, built-in options and errors): click
# marks them for gettext but ships no translations, so its modules' ``_`` and ``ngettext``
# are pointed at this table when the command line is imported (``install_swedish``).
CLICK_SV: dict[str, str] = {
    "Usage:": "Användning:",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "Missing argument": "Argument saknas",
    "Missing option": "Flagga saknas",
    "Missing parameter": "Parameter saknas",
    "Missing parameter: {param_name}": "Parameter saknas: {param_name}",
    "Missing {param_type}": "{param_type} saknas",
    "Missing command.": "Kommando saknas.",
    "No such command {name!r}.": "Inget kommando {name!r}.",
    "No such option {name!r}.": "Ingen flagga {name!r}.",
    "Option {name!r} does not take a value.": "Flaggan {name!r} tar inget värde.",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Aborted!": "Avbrutet!",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljövariabel: {var}",
    "required": "krävs",
    "{value!r} is not a valid {number_type}.": "{value!r} är inte ett giltigt {number_type}.",
    "{value} is not in the range {range}.": "{value} ligger inte i intervallet {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} är en mapp.",
    "{name} {filename!r} is a file.": "{name} {filename!r} är en fil.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} går inte att läsa.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} går inte att skriva.",
    "Could not open file {filename!r}: {message}": "Kunde inte öppna filen {filename!r}: {message}",
    "file": "fil",
    "directory": "mapp",
    "path": "sökväg",
    "integer": "heltal",
    "float": "decimaltal",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} är inte ett giltigt sant/falskt. Giltiga värden: {states}"
    ),
}
CLICK_SV_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} är inte {choice}.",
        "{value!r} är inte något av {choices}.",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Oväntat extra argument ({args})",
        "Oväntade extra argument ({args})",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Flaggan {name!r} kräver ett värde.",
        "Flaggan {name!r} kräver {nargs} värden.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Menade du {possibility}?",
        "(Menade du något av: {possibilities}?)",
    ),
}
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def swedish(message: str) -> str:
    return CLICK_SV.get(message, message)


def swedish_plural(singular: str, plural: str, n: int) -> str:
    one, many = CLICK_SV_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install_swedish() -> None:
    """Point click's gettext calls at the Swedish table (idempotent)."""
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = swedish  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = swedish_plural  # type: ignore[attr-defined]


install_swedish()
