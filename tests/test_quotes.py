"""Quotes on the sample corpus: whole sentences, verbatim, attributed, verified."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from conftest import MINUTES_2022, V_STATEMENT, Ingested
from pipeline.answer.quotes import Citation, joined, quote_page, quotes, verify
from pipeline.filters import Filters
from pipeline.ingest import IngestReport
from pipeline.settings import Settings
from pipeline.store.reads import CatalogReader

Corpus = tuple[Settings, IngestReport]


def test_skjutningar_from_the_s_statement(corpus_index: Corpus) -> None:
    found = quotes(corpus_index[0], "skjutningar", Filters(party="S"))
    assert [q["quote"] for q in found] == [
        "Även under 2021 drabbades Huddinge av flera skjutningar och våldsdåd."
    ]
    q = found[0]
    assert (Path(q["path"]).name, q["page"], q["party"]) == (MINUTES_2022, 2, "S")
    assert q["speakers"] == ["Rasmus Lenefors", "Pran Malhotra", "Britt Flodetorp"]
    assert (q["kind"], q["date"], q["ocr"]) == ("protokollsanteckning", "2022-02-17", False)


def test_sentence_joined_across_its_line_break(corpus_index: Corpus) -> None:
    found = quotes(corpus_index[0], '"vapen"', Filters(party="V"))  # as written: not "vapnen"
    assert [q["quote"] for q in found] == [
        "För många unga är det lättare att få ett vapen i händerna än ett jobb."
    ]
    q = found[0]
    assert Path(q["path"]).name == V_STATEMENT
    conn = CatalogReader.open(corpus_index[0].catalog_path)
    body = conn.conn.execute(
        "SELECT body FROM pages WHERE document_id = ? AND number = ?", (q["document"], q["page"])
    ).fetchone()[0]
    assert "\n" in body[q["start"] : q["end"]]  # stored with its line break, quoted without


def test_mp_statement_first_sentence_is_attributed(corpus_index: Corpus) -> None:
    found = quotes(corpus_index[0], "Miljöpartiet tackar", Filters())
    assert len(found) == 1
    q = found[0]
    assert q["quote"].startswith("Miljöpartiet tackar för verksamhetsberättelsen")
    assert (q["party"], q["speakers"]) == ("MP", ["Louise Rollins"])


def test_repeated_appendix_gives_a_quote_once_with_where_else(corpus_index: Corpus) -> None:
    found = quotes(corpus_index[0], '"Kungens kurvas shoppingcenter"', Filters())
    assert len(found) == 1
    assert found[0]["quote"] == "Priset delades ut 23 oktober i Kungens kurvas shoppingcenter."
    assert [(Path(a["path"]).name, a["pages"]) for a in found[0]["also_in"]] == [(MINUTES_2022, "16")]


def test_running_headers_never_leak_into_quotes(corpus_index: Corpus) -> None:
    found = quotes(corpus_index[0], "verksamhetsberättelse", Filters())
    assert found
    assert not any(
        "år 2021 Inledning" in q["quote"] or q["quote"].startswith("PROTOKOLLSUTDRAG") for q in found
    )


def test_tampered_offsets_are_refused(corpus_index: Corpus) -> None:
    q = quotes(corpus_index[0], "skjutningar", Filters(party="S"))[0]
    conn = CatalogReader.open(corpus_index[0].catalog_path)
    good = Citation(q["document"], q["page"], q["start"], q["end"])
    assert verify(conn, good, q["quote"])
    for bad in (
        Citation(q["document"], q["page"], q["start"] + 1, q["end"]),
        Citation(q["document"], q["page"] + 1, q["start"], q["end"]),
        Citation(q["document"], q["page"], q["start"], q["end"] + 40_000),
    ):
        assert not verify(conn, bad, q["quote"])
    assert not verify(conn, good, q["quote"].replace("skjutningar", "skottlossningar"))


def test_markdown_reads_like_a_citation(corpus_index: Corpus) -> None:
    folder = str(corpus_index[0].index_dir)
    result = CliRunner().invoke(
        main, ["quotes", '"vapen"', "--party", "V", "--format", "md", "--index", folder]
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "> ”För många unga är det lättare att få ett vapen i händerna än ett jobb.”"
    assert lines[2].startswith(
        "— Vänsterpartiet (Nujin Alacabek, Aysegül Balci), protokollsanteckning, "
        "Trygghets- och delaktighetsberedningen, ärende 7, s. 4"
    )


def test_csv_and_json_exports(corpus_index: Corpus) -> None:
    folder = str(corpus_index[0].index_dir)
    csv = (
        CliRunner().invoke(main, ["quotes", "trygghetsdialoger", "--format", "csv", "--index", folder]).output
    )
    assert csv.splitlines()[0] == "quote,citation,path,page,start,end"
    data = CliRunner().invoke(main, ["quotes", "trygghetsdialoger", "--json", "--index", folder]).output
    for field in (
        "quote",
        "party",
        "speakers",
        "kind",
        "title",
        "board",
        "date",
        "path",
        "document",
        "page",
        "start",
        "end",
        "ocr",
        "also_in",
    ):
        assert f'"{field}"' in data


def test_real_hyphen_at_a_line_end_stays_attached(corpus_index: Corpus) -> None:
    found = quotes(corpus_index[0], '"kvinnlig rösträtt"', Filters())
    assert len(found) == 1
    assert "utifrån 100-årsjubileet för kvinnlig rösträtt." in found[0]["quote"]
    assert found[0]["quote"].count("”") == 2  # the curly quotes as written


@pytest.mark.parametrize(
    ("raw", "quoted"),
    [
        ("utifrån 100-\nårsjubileet för", "utifrån 100-årsjubileet för"),
        ("förslag till mål-\noch budget", "förslag till mål- och budget"),
        ("Sjödalen-\nFullersta har", "Sjödalen-Fullersta har"),
        ("åren 2019–\n2023.", "åren 2019–2023."),
        ("en vanlig\nrad", "en vanlig rad"),
    ],
)
def test_line_breaks_joined_as_quoted(raw: str, quoted: str) -> None:
    assert joined(raw) == quoted


def test_limit_and_offset_page_through_every_quote(corpus_index: Corpus) -> None:
    """`quotes --limit N --offset K`: the same list, a page at a time, and the total told."""
    folder = str(corpus_index[0].index_dir)

    def listed(*args: str) -> list[tuple[str, int, int]]:
        result = CliRunner().invoke(main, ["quotes", "och", "--json", "--index", folder, *args])
        assert result.exit_code == 0, result.output
        return [(q["document"], q["page"], q["start"]) for q in json.loads(result.output)]

    every = listed()
    assert len(every) > 25
    pages = [listed("--limit", "10", "--offset", str(at)) for at in range(0, len(every), 10)]
    assert [len(p) for p in pages[:-1]] == [10] * (len(pages) - 1)
    assert [q for page in pages for q in page] == every
    assert listed("--limit", "0") == [] and listed("--offset", str(len(every))) == []
    shown = CliRunner().invoke(main, ["quotes", "och", "--limit", "5", "--offset", "10", "--index", folder])
    told_total = re.fullmatch(r"(minst )?(\d+) citat för 'och' \(visar 11–15\)", shown.output.splitlines()[0])
    assert told_total  # a page reads only the documents it needs: then 'at least' what they held
    n = int(told_total.group(2))
    assert (15 <= n < len(every)) if told_total.group(1) else n == len(every)
    told = CliRunner().invoke(main, ["quotes", "och", "--limit", "0", "--format", "md", "--index", folder])
    assert told.output == f"{len(every)} citat för 'och'\n"
    whole = CliRunner().invoke(main, ["quotes", "och", "--format", "md", "--index", folder]).output
    assert whole.startswith("> ”")  # not paged: the quotes alone, as before


@pytest.mark.realworld
@pytest.mark.parametrize(
    ("query", "filters"), [("och", Filters()), ("budget", Filters()), ("att", Filters(party="V"))]
)
def test_a_page_reads_only_the_documents_it_needs_and_is_the_lists_slice(
    realworld_index: Ingested, query: str, filters: Filters
) -> None:
    """A page of quotes reads the hits' documents in the quotes' order until it holds its
    quotes: the page is the same slice of the whole list, and its total is at least what it
    shows (all of them once every document was read)."""
    settings = realworld_index[0]
    every = quotes(settings, query, filters)
    assert len(every) > 20
    for limit in (1, 7, 20):
        for offset in range(0, len(every) + 1, max(1, len(every) // 5)):
            page = quote_page(settings, query, filters, limit, offset)
            assert page.quotes == every[offset : offset + limit]
            assert page.total == len(every) if page.complete else offset + limit <= page.total <= len(every)
    first = quote_page(settings, query, filters, 5, 0)
    assert query != "och" or not first.complete  # 'och': the first page needs few of the 30 documents
    assert quote_page(settings, query, filters, 0, 0).total == len(every)  # --limit 0: how many
