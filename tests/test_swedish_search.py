"""Search that knows Swedish: lemmas, compounds, dated years, facets, trends,
suggestions; and the compound splitter against hand-checked words from real documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from conftest import MINUTES_2022, PLAN, ROOT, V_STATEMENT
from pipeline.answer.search import search
from pipeline.answer.trend import trend
from pipeline.extract.lexicon import Lexicon
from pipeline.filters import Filters
from pipeline.ingest import IngestReport
from pipeline.records import SearchResult
from pipeline.settings import Settings

Corpus = tuple[Settings, IngestReport]
GOLD = ROOT / "tests" / "gold" / "compounds.tsv"


def run(corpus: Corpus, query: str, **filters: object) -> SearchResult:
    return search(corpus[0], query, Filters(**filters), 1000)  # type: ignore[arg-type]


def pages(result: SearchResult) -> set[tuple[str, int]]:
    return {(Path(h["path"]).name, h["page"]) for h in result.hits}


def test_every_form_of_a_word_finds_the_same_pages(corpus_index: Corpus) -> None:
    found = [pages(run(corpus_index, word)) for word in ("skola", "skolan", "skolor", "skolorna")]
    assert found[0] and all(f == found[0] for f in found)
    assert pages(run(corpus_index, "kameror")) == pages(run(corpus_index, "kamera"))


def test_a_word_finds_the_compounds_it_is_part_of(corpus_index: Corpus) -> None:
    texts = " ".join(h["text"] for h in run(corpus_index, "kamera").hits)
    assert "trygghetskameror" in texts and "kamerabevakning" in texts  # head and first part
    dialog = " ".join(h["text"] for h in run(corpus_index, "dialog").hits)
    assert "medborgardialog" in dialog and "ungdomsdialoger" in dialog
    assert run(corpus_index, "trygghet").total > run(corpus_index, '"trygghet"').total


def test_a_quoted_word_matches_as_written(corpus_index: Corpus) -> None:
    quoted = run(corpus_index, '"kameror"')
    assert quoted.total >= 1
    assert all(" kameror" in " " + " ".join(h["text"].lower().split()) for h in quoted.hits)
    assert quoted.total < run(corpus_index, "kameror").total


def test_as_written_ranks_above_a_lemma_above_a_compound_part(corpus_index: Corpus) -> None:
    hits = run(corpus_index, "kameror").hits
    words = [set(h["text"].lower().replace("\n", " ").split()) for h in hits]
    first_exact = next(i for i, w in enumerate(words) if "kameror" in w)
    only_parts = [i for i, w in enumerate(words) if not any(x.startswith("kamer") for x in w)]
    assert only_parts and first_exact < min(only_parts)


def test_year_matches_the_meeting_date_or_the_year_it_is_about(corpus_index: Corpus) -> None:
    meeting = run(corpus_index, "KS-2022/176.915", years=(2022, 2022))
    assert meeting.total >= 1 and all(h["year"] == 2022 for h in meeting.hits)  # held 2022-02-17
    about = run(corpus_index, "KS-2022/176.915", years=(2021, 2021))  # the report for 2021
    assert about.total >= 1
    statement = run(corpus_index, "skjutningar", years=(2022, 2022))
    assert any(h["party"] == "S" for h in statement.hits)


def test_facets_count_every_hit(corpus_index: Corpus) -> None:
    result = search(corpus_index[0], "trygghet", Filters(), 2)
    assert len(result.hits) == 2 and result.total > 2
    for name in ("year", "kind", "board"):
        assert sum(result.facets[name].values()) == result.total, name
    # a hit made jointly (the sample's MP, S and V) counts for each party: as --party finds it
    parties = result.facets["party"]
    assert {"V", "S", "MP"} <= set(parties) and sum(parties.values()) >= result.total
    for party, count in parties.items():
        wanted = Filters(party=party) if party else Filters()
        assert count == search(corpus_index[0], "trygghet", wanted, 0).total or not party
    assert parties.get("", 0) + parties["V"] <= result.total
    year, count = next((y, n) for y, n in result.facets["year"].items() if y)
    assert search(corpus_index[0], "trygghet", Filters(years=(int(year), int(year))), 0).total >= count


@pytest.mark.parametrize("by", ["year", "party", "board", "kind"])
def test_trend_adds_up_to_the_search_total(corpus_index: Corpus, by: str) -> None:
    found = trend(corpus_index[0], "trygghet", by, Filters())
    total = search(corpus_index[0], "trygghet", Filters(), 0).total
    if by == "party":  # a hit made jointly counts for each of its parties, as --party finds it
        for row in (r for r in found.rows if r["key"]):
            assert row["hits"] == search(corpus_index[0], "trygghet", Filters(party=row["key"]), 0).total
        assert sum(r["hits"] for r in found.rows) >= total
    else:
        assert sum(r["hits"] for r in found.rows) == total
    assert all(r["documents"] >= 1 for r in found.rows if r["hits"])
    assert all(r["documents"] <= r["hits"] for r in found.rows)


def test_trend_command_formats(corpus_index: Corpus) -> None:
    folder = str(corpus_index[0].index_dir)
    out = CliRunner().invoke(main, ["trend", "skjutningar", "--by", "year", "--json", "--index", folder])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert set(data) == {"query", "by", "rows", "hits"} and data["by"] == "year"
    assert data["hits"] == sum(r["hits"] for r in data["rows"])  # by year each hit is in one row
    assert all(set(r) == {"key", "hits", "documents", "pages", "per_100_pages"} for r in data["rows"])
    csv = CliRunner().invoke(
        main, ["trend", "trygghetskameror", "--by", "party", "--format", "csv", "--index", folder]
    )
    assert csv.exit_code == 0 and csv.output.splitlines()[0] == "key,hits,documents,pages,per_100_pages"
    table = CliRunner().invoke(main, ["trend", "trygghet", "--index", folder])
    assert "█" in table.output and "träffar" in table.output
    assert "stapeln: träffar per 100 sidor text från året" in table.output.splitlines()[0]


def test_no_hits_suggests_the_nearest_word_forms(corpus_index: Corpus) -> None:
    result = run(corpus_index, "trygghetskamror")
    assert result.total == 0 and "trygghetskameror" in result.suggestions
    out = CliRunner().invoke(main, ["search", "trygghetskamror", "--index", str(corpus_index[0].index_dir)])
    assert "trygghetskameror" in out.output


def test_no_hits_for_a_word_the_index_holds_names_the_filters_not_near_words(corpus_index: Corpus) -> None:
    """Issue 27: 'vapen' is in V's statement; --party S removes its one hit, and the answer says so."""
    folder = str(corpus_index[0].index_dir)
    result = run(corpus_index, "vapen", party="S")
    assert (result.total, result.suggestions, result.unfiltered) == (0, (), 1)
    assert [(w.filter, w.value, w.total) for w in result.without] == [("party", "S", 1)]
    out = CliRunner().invoke(main, ["search", "vapen", "--party", "s", "--index", folder]).output
    assert out.splitlines()[1:] == ["inga träffar med --party S; utan det filtret: 1 träff"]
    both = CliRunner().invoke(main, ["search", "vapen", "--party", "S", "--year", "2020", "--index", folder])
    assert "inga träffar med --year 2020 --party S; utan filtren: 1 träff" in both.output  # neither alone
    data = json.loads(
        CliRunner()
        .invoke(main, ["search", "vapen", "--party", "S", "--year", "2022", "--json", "--index", folder])
        .output
    )
    assert (data["unfiltered"], data["without"]) == (
        1,
        [{"filter": "year", "value": "2022", "total": 0}, {"filter": "party", "value": "S", "total": 1}],
    )
    assert run(corpus_index, "trygghetskamror", party="V").suggestions == (
        "trygghetskameror",
    )  # not a word there
    assert run(corpus_index, "vapen trygghetskameror").suggestions == ()  # both are, never together
    found = json.loads(CliRunner().invoke(main, ["search", "vapen", "--json", "--index", folder]).output)
    assert list(found) == ["query", "total", "hits", "facets"]  # with hits: as before


def test_search_json_has_facets(corpus_index: Corpus) -> None:
    out = CliRunner().invoke(
        main, ["search", "trygghet", "--json", "--index", str(corpus_index[0].index_dir)]
    )
    data = json.loads(out.output)
    assert set(data["facets"]) == {"year", "kind", "board", "party"}
    assert sum(data["facets"]["kind"].values()) == data["total"]


def test_hits_of_the_sample_carry_the_compound_and_the_statement(corpus_index: Corpus) -> None:
    found = pages(run(corpus_index, "kamera"))
    assert (MINUTES_2022, 7) in found and (PLAN, 2) in found
    assert any(name == V_STATEMENT for name, _ in pages(run(corpus_index, "skjutning")))


def gold() -> list[tuple[str, tuple[str, ...]]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, parts = line.split("\t")[:2]
            rows.append((word, tuple(parts.split("+")) if parts != "-" else ()))
    return rows


def test_compound_splits_agree_with_the_hand_checked_words() -> None:
    """Words from ../shared/realworld, split by hand ('-': not to be split). Precision on
    what the splitter splits, and no nonsense split of a word that is not a compound."""
    lexicon = Lexicon(Settings().cache_dir)
    rows = gold()
    assert len(rows) >= 200
    split = [(w, want) for w, want in rows if lexicon.parts(w)]
    right = [w for w, want in split if want and lexicon.parts(w)[: len(want)] == want]
    assert len(right) / len(split) >= 0.9, sorted(
        {w for w, _ in split} - set(right)
    )  # 153 of 163 when written
    for word in ("ansvar", "ungdomar", "storlek", "egenskap", "ekonomiska", "köpare"):
        assert lexicon.parts(word) == (), word
