"""Search on the sample corpus: word forms, phrases, exact tokens, booleans, filters."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import MINUTES_2021, MINUTES_2022, PLAN, ROOT, V_STATEMENT
from pipeline.answer.search import search
from pipeline.errors import NotFound, QueryError
from pipeline.filters import Filters
from pipeline.ingest import IngestReport
from pipeline.records import SearchResult
from pipeline.settings import Settings
from pipeline.years import parse_years

Corpus = tuple[Settings, IngestReport]


def run(corpus: Corpus, query: str, limit: int = 100, offset: int = 0, **filters: object) -> SearchResult:
    return search(corpus[0], query, Filters(**filters), limit, offset)  # type: ignore[arg-type]


def places(result: SearchResult) -> set[tuple[str, int]]:
    return {(Path(h["path"]).name, h["page"]) for h in result.hits}


def test_hit_names_its_section(corpus_index: Corpus) -> None:
    hits = run(corpus_index, "trygghetsdialog").hits
    plan = next(h for h in hits if Path(h["path"]).name == PLAN)
    assert plan["section"] == "2. Lokal samverkan"


def test_word_forms(corpus_index: Corpus) -> None:
    found = places(run(corpus_index, "trygghetsdialog"))
    assert (PLAN, 2) in found
    assert (MINUTES_2022, 7) in found  # the report's "trygghetsdialogerna"
    assert all(name in (PLAN, MINUTES_2022) for name, _ in found)


def test_phrase_gives_one_hit_with_the_repeat_in_also_in(corpus_index: Corpus) -> None:
    for query in ('"Kungens kurvas shoppingcenter"', "”Kungens kurvas shoppingcenter”"):
        result = run(corpus_index, query)
        assert result.total == 1
        hit = result.hits[0]
        assert (Path(hit["path"]).name, hit["page"]) == (MINUTES_2022, 9)
        assert [(Path(a["path"]).name, a["pages"]) for a in hit["also_in"]] == [(MINUTES_2022, "16")]
        assert "\x01Kungens\x02" in hit.snippet.marked("\x01", "\x02")


def test_amount_as_written_across_a_line_break(corpus_index: Corpus) -> None:
    assert places(run(corpus_index, "11,5 miljoner kronor")) == {(PLAN, 4)}
    assert places(run(corpus_index, "2,8 mnkr")) == {(V_STATEMENT, 3)}


def test_diarienummer_and_paragraph_sign(corpus_index: Corpus) -> None:
    assert places(run(corpus_index, "KS-2022/176.915")) == {(MINUTES_2022, 1)}
    assert places(run(corpus_index, "KS-2021/307.173")) == {(MINUTES_2021, 1)}
    assert places(run(corpus_index, "§ 24")) == {(MINUTES_2021, 1)}


def test_party_filter(corpus_index: Corpus) -> None:
    result = run(corpus_index, "skjutningar", party="S")
    assert places(result) == {(MINUTES_2022, 2)}
    assert result.hits[0]["party"] == "S"
    assert "Rasmus Lenefors" in result.hits[0]["speakers"]


def test_boolean_not_with_filters(corpus_index: Corpus) -> None:
    result = run(
        corpus_index,
        "valdeltagande AND NOT pandemin",
        years=(2021, 2022),
        kind="protokollsanteckning",
        party="V",
    )
    assert result.total >= 2
    assert all(h["party"] == "V" and "pandemin" not in h["text"] for h in result.hits)
    assert all(h["year"] in (2021, 2022) for h in result.hits)


def test_or_needs_one_of_them(corpus_index: Corpus) -> None:
    either = run(corpus_index, "Grantorp OR Kraftbyrån").total
    assert either == run(corpus_index, "Grantorp").total + run(corpus_index, "Kraftbyrån").total
    assert run(corpus_index, "Grantorp Kraftbyrån").total == 0  # bare words: AND


def test_prefix_and_fuzzy(corpus_index: Corpus) -> None:
    prefix = run(corpus_index, "demokrati*")
    assert prefix.total > run(corpus_index, "demokrati").total
    fuzzy = run(corpus_index, "trygghetskamrorna~")
    assert fuzzy.total >= 2 and "trygghetskameror" in fuzzy.hits[0]["text"]


def test_board_speaker_document_and_year_filters(corpus_index: Corpus) -> None:
    ks = run(corpus_index, "trygghet", board="Kommunstyrelsen")
    assert ks.total >= 1 and {Path(h["path"]).name for h in ks.hits} == {MINUTES_2021}
    spoke = run(corpus_index, "Agenda", speaker="Louise Rollins")
    assert spoke.total >= 1 and all(
        h["party"] == "MP" for h in spoke.hits if h["part_kind"] != "protokollsutdrag"
    )
    decomposed = unicodedata.normalize("NFD", "anders lönroth")  # any case and form; shown as written
    minutes = run(corpus_index, "överläggning", speaker=decomposed)
    assert minutes.total >= 1 and all("Anders Lönroth" in h["speakers"] for h in minutes.hits)
    doc_id = ks.hits[0]["document"]
    assert {h["document"] for h in run(corpus_index, "trygghet", document=doc_id).hits} == {doc_id}
    in_2020 = run(corpus_index, "trygghet", years=(2020, 2020)).hits  # dated 2020, or about 2020
    assert 2020 in {h["year"] for h in in_2020}
    assert all(h["year"] == 2020 or "2020" in h["title"] for h in in_2020)


def test_paging_reports_the_total(corpus_index: Corpus) -> None:
    everything = run(corpus_index, "beredningen", limit=1000)
    first = run(corpus_index, "beredningen", limit=5)
    second = run(corpus_index, "beredningen", limit=5, offset=5)
    assert first.total == second.total == everything.total == len(everything.hits) > 10
    assert run(corpus_index, "beredningen", limit=0).hits == []
    assert run(corpus_index, "beredningen", limit=0).total == everything.total
    assert [h["text"] for h in first.hits + second.hits] == [h["text"] for h in everything.hits[:10]]


@pytest.mark.parametrize("query", ['"unclosed phrase', "(trygghet", "", "   "])
def test_malformed_query_is_a_clear_error(corpus_index: Corpus, query: str) -> None:
    with pytest.raises(QueryError):
        run(corpus_index, query)


def test_year_ranges() -> None:
    assert parse_years("2019-2022") == (2019, 2022)
    assert parse_years("2021") == (2021, 2021)
    assert parse_years("2022–2019") == (2019, 2022)


def test_search_does_not_import_spacy_or_pdf_libraries(corpus_index: Corpus) -> None:
    folder = str(corpus_index[0].index_dir)
    code = (
        "import sys, cli; from click.testing import CliRunner;"
        f"r = CliRunner().invoke(cli.main, ['search', 'trygghet', '--index', {folder!r}]);"
        "assert r.exit_code == 0, r.output;"
        "bad = [m for m in ('spacy', 'pypdfium2', 'pdfplumber', 'pdfminer') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize(
    ("filters", "total"),
    [
        ({"party": "Vänsterpartiet"}, {"party": "V"}),
        ({"party": "v"}, {"party": "V"}),
        ({"kind": "protokollsanteckningar"}, {"kind": "protokollsanteckning"}),
        ({"kind": "Verksamhetsplanen"}, {"kind": "verksamhetsplan"}),
        (
            {"document": "1b2179051b"},
            {"document": "1b2179051be5378cb663fcb00979894fcd171bbffe35a5427cb4eb4737fce545"},
        ),
    ],
)
def test_filters_as_users_write_them(
    corpus_index: Corpus, filters: dict[str, str], total: dict[str, str]
) -> None:
    written = search(corpus_index[0], "trygghet", Filters(**filters), 0).total  # type: ignore[arg-type]
    assert written == search(corpus_index[0], "trygghet", Filters(**total), 0).total > 0  # type: ignore[arg-type]


@pytest.mark.parametrize("filters", [{"party": "KD"}, {"kind": "planer"}, {"document": "ffffffff"}])
def test_a_filter_that_matches_nothing_known_says_so(corpus_index: Corpus, filters: dict[str, str]) -> None:
    with pytest.raises(NotFound, match=r"inget (parti|slag|enskilt dokument)"):
        search(corpus_index[0], "trygghet", Filters(**filters))  # type: ignore[arg-type]


def test_several_words_without_quotes_are_one_query(corpus_index: Corpus) -> None:
    from click.testing import CliRunner

    from cli import main

    index = str(corpus_index[0].index_dir)
    result = CliRunner().invoke(main, ["search", "lokal", "samverkan", "--index", index, "--json"])
    assert result.exit_code == 0 and '"query": "lokal samverkan"' in result.output
    assert run(corpus_index, "lokal samverkan").total > 0
