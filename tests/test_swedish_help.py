"""Every help text is Swedish: the commands', their options' and click's own words (its
usage line, headings and built-in options). JSON field names and option names stay as
they are."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from cli import main

# Words that are English and not Swedish: one of them in a help text is an untranslated string.
ENGLISH = {
    "the", "of", "and", "with", "from", "to", "is", "are", "each", "every", "this", "that",
    "which", "shows", "files", "folder", "output", "default", "only", "its", "when",
    "where", "what", "how", "usage", "options", "commands", "message", "exit", "version",
    "minutes", "board", "party", "read", "one", "any",
}  # fmt: skip
# What is no prose: option names, choices in brackets, metavars in capitals, query syntax.
NOT_PROSE = re.compile(r"--?[\w-]+|\[[^\]]*\]|\b[A-ZÅÄÖ]{2,}\b|\w+[*~]|'[^']*'|\"[^\"]*\"|/\w+|\w+\.\w+")


def commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def english_in(text: str) -> set[str]:
    prose = NOT_PROSE.sub(" ", text)
    return {w for w in re.findall(r"[a-zåäö]+", prose.lower()) if w in ENGLISH}


@pytest.mark.parametrize("path", commands(main), ids=lambda p: " ".join(p) or "handlingar")
def test_every_help_text_is_swedish(path: tuple[str, ...]) -> None:
    shown = CliRunner().invoke(main, [*path, "--help"])
    assert shown.exit_code == 0
    assert "Användning:" in shown.output and "Flaggor:" in shown.output
    assert english_in(shown.output) == set(), shown.output


def test_clicks_own_errors_are_swedish() -> None:
    wrong = CliRunner().invoke(main, ["search", "--no-such-flag", "x"])
    assert wrong.exit_code == 2 and "Fel: Ingen flagga '--no-such-flag'." in wrong.output
    assert "Skriv 'main search --help' för hjälp." in wrong.output  # CliRunner names the program main
    missing = CliRunner().invoke(main, ["search"])
    assert missing.exit_code == 2 and "Argument saknas" in missing.output


def test_the_check_finds_english() -> None:
    assert english_in("Show this message and exit.") == {"this", "message", "and", "exit"}
    assert english_in("Träffar att visa (0: bara antalet). [default: 10] --board") == set()
