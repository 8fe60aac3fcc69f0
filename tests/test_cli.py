"""The command line, in-process: help for every command, the JSON contracts,
--index and HANDLINGAR_INDEX, exit codes and quiet output when piped."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import main
from conftest import CORPUS, FIXTURES
from pipeline.ingest import IngestReport
from pipeline.settings import Settings

Corpus = tuple[Settings, IngestReport]
COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_the_common_options(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "--index" in result.output and "--json" in result.output
    assert all(p.help for p in main.commands[command].params if isinstance(p, click.Option))


@pytest.mark.parametrize("command", ["search x", "quotes x", "amounts"])
def test_a_bad_year_is_a_usage_error_everywhere(command: str, corpus_index: Corpus) -> None:
    args = [*command.split(), "--year", "20x", "--index", str(corpus_index[0].index_dir)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "--year ska vara ett år eller ett spann" in result.output


def test_commands_are_the_ones_the_readme_tours() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"handlingar {command}" in readme


def test_ingest_json_contract(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--index", str(tmp_path / "ix"), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert {
        k: data[k]
        for k in ("files_seen", "documents_added", "documents_unchanged", "duplicates", "pages", "failed")
    } == {
        "files_seen": 4,
        "documents_added": 4,
        "documents_unchanged": 0,
        "duplicates": 0,
        "pages": 33,
        "failed": [],
    }


def test_environment_variable_names_the_index(corpus_index: Corpus, tmp_path: Path) -> None:
    env = {"HANDLINGAR_INDEX": str(corpus_index[0].index_dir)}
    result = CliRunner(env=env).invoke(main, ["documents", "--json"])
    assert result.exit_code == 0
    docs = json.loads(result.output)
    assert len(docs) == 4
    for doc in docs:
        assert set(doc) >= {
            "id",
            "title",
            "kind",
            "board",
            "year",
            "date",
            "diarienummer",
            "paragraph",
            "pages",
            "paths",
            "parts",
        }
        for part in doc["parts"]:
            assert set(part) >= {
                "kind",
                "title",
                "party",
                "signatories",
                "first_page",
                "last_page",
                "repeat_of",
                "similarity",
            }


def test_missing_index_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["search", "trygghet", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Fel: inget index i")
    assert "Traceback" not in result.output


def test_malformed_query_is_one_clear_line(corpus_index: Corpus) -> None:
    result = CliRunner().invoke(main, ["search", '"unclosed', "--index", str(corpus_index[0].index_dir)])
    assert result.exit_code == 1
    assert "citattecknen går inte jämnt ut" in result.output


def test_bad_file_exit_status_and_quiet_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(FIXTURES / "html-error-page.pdf"), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1
    assert "html-error-page.pdf: inte en PDF (en webbsida sparad som .pdf)" in result.output
    assert "\x1b[" not in result.output  # no progress bar or colour when not on a terminal


PIPE_BUFFER = 65536  # Linux's


@pytest.mark.parametrize(
    "args",
    [
        ["search", "och", "--limit", "1000"],  # a hit at a time
        ["search", "och", "--limit", "1000", "--json"],  # all at once
        ["quotes", "och"],  # a table
    ],
)
def test_a_reader_that_stops_early_is_no_failure(corpus_index: Corpus, args: list[str]) -> None:
    """`handlingar search … | head -1`: the command ends with status 0 and says nothing on stderr,
    as a real pipe closed after its first line shows (with output long enough to be still
    being written when the reader stops)."""
    command = ["handlingar", *args, "--index", str(corpus_index[0].index_dir)]
    whole = subprocess.run(command, capture_output=True, check=True).stdout
    assert len(whole) > PIPE_BUFFER // 2
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        first = run.stdout.readline()
        run.stdout.close()
        errors = run.stderr.read()
        status = run.wait(timeout=60)
    assert first == whole.splitlines(keepends=True)[0]
    assert (status, errors.decode()) == (0, "")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["search", "--help"]])
def test_help_into_a_closed_pipe_is_no_failure(args: list[str]) -> None:
    """`handlingar --help | true`, where the reader has gone before the help is written: the
    group's own --help and --version are printed before any command runs, and end with 0 too."""
    with subprocess.Popen(["handlingar", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.close()  # before the command has started: every write fails
        errors = run.stderr.read()
        status = run.wait(timeout=60)
    assert (status, errors.decode()) == (0, "")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_tabular_commands_take_every_format(corpus_index: Corpus, fmt: str) -> None:
    folder = str(corpus_index[0].index_dir)
    for args in (
        ["documents"],
        ["amounts"],
        ["speakers"],
        ["duplicates"],
        ["search", "trygghet"],
        ["sections", "verksamhetsplan-trygghets-och-delaktighetsberedningen-2020.pdf"],
    ):
        result = CliRunner().invoke(main, [*args, "--format", fmt, "--index", folder])
        assert result.exit_code == 0, (args, result.output)
        if fmt == "json":
            json.loads(result.output)


def test_sections_json_contract_of_minutes(corpus_index: Corpus) -> None:
    """Issue 25's contract for each § item, and the paper an item handles (null: none)."""
    folder = str(corpus_index[0].index_dir)
    name = "protokollsutdrag-2021-05-05-paragraf-24-uppfoljning-program-trygghet-sakerhet.pdf"
    result = CliRunner().invoke(main, ["sections", name, "--json", "--index", folder])
    assert result.exit_code == 0, result.output
    items = [r for r in json.loads(result.output) if r["kind"] == "paragraph"]
    assert items and all(
        set(r)
        >= {"number", "title", "first_page", "last_page", "diarienummer", "decision", "proposals"}
        | {"statements", "votes", "paper"}
        for r in items
    )
    assert [r["number"] for r in items] == [24] and items[0]["paper"] is None
