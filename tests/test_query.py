"""The query language on its own: parsing, sentence matching and snippets,
with the index's real Swedish analyzer; and the full-text index's life cycle."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import CORPUS, MINUTES_2021, PLAN
from pipeline.answer.search import search
from pipeline.errors import HandlingarError, QueryError
from pipeline.extract.lexicon import Lexicon
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.settings import Settings
from pipeline.store.catalog import Catalog
from pipeline.store.index import Analyzer
from pipeline.store.query import (
    And,
    Fuzzy,
    Not,
    Or,
    Prefix,
    TextViews,
    Words,
    holds,
    marked_spans,
    parse,
    snippet,
)
from pipeline.store.reads import CatalogReader
from pipeline.store.writer import Batch

SV = Analyzer(Lexicon(Settings().cache_dir))


def matches(query: str, text: str) -> bool:
    return holds(parse(query, SV), TextViews.of(text, SV))


def test_precedence_and_default_and() -> None:
    tree = parse("a b OR c AND NOT (d OR e)", SV)
    assert isinstance(tree, Or)
    first, second = tree.children
    assert isinstance(first, And) and len(first.children) == 2
    assert isinstance(second, And) and isinstance(second.children[1], Not)
    assert isinstance(second.children[1].child, Or)


def test_word_kinds() -> None:
    word, misspelt, inflected = (parse(w, SV) for w in ("Demokrati", "segregaton", "underskotten"))
    assert isinstance(word, Words) and isinstance(misspelt, Words) and isinstance(inflected, Words)
    assert parse("Demokrati*", SV) == Prefix("demokrati", word)  # and what the word itself finds
    assert parse("segregaton~", SV) == Fuzzy("segregaton", SV.stem("segregaton"), 1, "segregaton", misspelt)
    assert parse("segregaton~2", SV) == Fuzzy("segregaton", SV.stem("segregaton"), 2, "segregaton", misspelt)
    stem = SV.stem("underskotten")
    assert parse("underskotten~", SV) == Fuzzy("underskotten", stem, 1, "underskott", inflected)
    assert parse("§ 12", SV) == Words((), ("§", "12"))  # the Swedish view cannot say '§': exact only
    diarienummer = parse("KS-2022/176.915", SV)
    assert isinstance(diarienummer, Words) and diarienummer.exact == ("ks-2022/176.915",)
    assert diarienummer.stems == ("ks", "2022/176.915") and diarienummer.part is None  # two words: no part
    assert parse('"kameror"', SV) == Words((), ("kameror",))  # quoted: as written only
    assert parse("kameror", SV) == Words(("kamer",), ("kameror",), ("kamera",), "kamera")


@pytest.mark.parametrize(
    "query",
    [
        *("AND trygghet", "trygghet AND", "trygghet OR", "OR", "NOT", "trygghet NOT"),
        *("(trygghet", "trygghet)", '"a', "", "…"),
    ],
)
def test_malformed_queries_say_what_is_wrong(query: str) -> None:
    with pytest.raises(QueryError):
        parse(query, SV)


def test_query_in_decomposed_unicode_matches_composed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Återställning av lekplatsen")
    assert decomposed != "Återställning av lekplatsen"
    assert matches(decomposed, "Återställning av lekplatsen pågår.")


def test_sentences_match_word_forms_phrases_and_exact_tokens() -> None:
    assert matches("trygghetsdialog", "I samband med trygghetsdialogerna tillgängliggörs enkäten.")
    assert matches('"Kungens kurvas shoppingcenter"', "delades ut i Kungens kurvas shoppingcenter.")
    assert not matches('"kurvas Kungens"', "delades ut i Kungens kurvas shoppingcenter.")
    assert matches("11,5 mnkr", "Budgeten är 11,5 mnkr för året.")
    assert not matches("11,5 mnkr", "Budgeten är 11 mnkr för året.")
    assert matches("§ 24", "Protokoll § 24 Uppföljning") and not matches("§ 24", "Punkt 24 i listan")
    assert matches("valdeltagande AND NOT pandemin", "Valdeltagandet ska öka.")
    assert not matches("valdeltagande AND NOT pandemin", "Valdeltagandet föll under pandemin.")
    assert matches("trygghetskamrorna~", "Nya trygghetskamerorna sattes upp.")
    assert matches("ks-2022*", "Dnr KS-2022/176.915")


def test_fuzzy_and_prefix_words_find_what_the_word_finds() -> None:
    """Issue 27: 'underskot~' finds the forms of 'underskott' and the compounds it is a part of,
    'underskott~' and 'underskott*' all that 'underskott' finds; only near words, never others."""
    compound, inflected = "Nämnden redovisar ett budgetunderskott.", "Underskotten beror på kapacitet."
    for query in ("underskot~", "underskott~", "underskott*", "underskott"):
        assert matches(query, compound) and matches(query, inflected), query
    assert matches("anmarkning~", "Revisorerna riktar anmärkningarna.")
    assert not matches("underskott*", "ett överskott") and not matches("underskot~", "ett överskott")
    text = "Ett budgetunderskott och ett underskott."
    spans = marked_spans(parse("underskot~", SV), TextViews.of(text, SV))
    assert [text[a:b] for a, b in spans] == ["budgetunderskott", "underskott"]


def test_snippet_marks_each_word_and_does_not_repeat_text() -> None:
    text = (
        "Inledning om annat. " * 8
        + "Här står trygghetsdialogerna. "
        + "Mer text. " * 30
        + "Trygghetsdialog igen."
    )
    shown = snippet(text, marked_spans(parse("trygghetsdialog", SV), TextViews.of(text, SV))).marked(
        "\x01", "\x02"
    )
    assert shown.count("\x01") == 2 and "\x01trygghetsdialogerna\x02" in shown and " … " in shown
    first, second = shown.split(" … ")
    assert first.endswith("Mer text. Mer text.") and second.startswith("Mer text.")
    assert len(first) + len(second) < len(text) - 100  # the middle is left out, nothing shown twice
    phrase = snippet("i Kungens kurvas shoppingcenter.", [(2, 9), (10, 16)]).marked("\x01", "\x02")
    assert phrase == "i \x01Kungens\x02 \x01kurvas\x02 shoppingcenter."
    assert snippet("Å och Ö", []).text == "Å och Ö"


def test_prefix_keeps_signs_literal(corpus_index: tuple[Settings, object]) -> None:
    found = search(corpus_index[0], "KS-2021/307*", Filters())
    assert {(Path(h["path"]).name, h["page"]) for h in found.hits} == {(MINUTES_2021, 1)}
    assert search(corpus_index[0], "KS-2021/3.7*", Filters()).total == 0  # '.' is not a wildcard


def test_missing_or_old_search_index_is_rebuilt_from_the_catalog(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([CORPUS / PLAN], settings)
    before = search(settings, "trygghetsdialog", Filters()).total
    shutil.rmtree(settings.search_dir)
    settings.search_dir.mkdir()
    (settings.search_dir / "_MAIN_1.toc").write_bytes(b"an index from an older version")
    with pytest.raises(HandlingarError, match="äldre version"):
        search(settings, "trygghetsdialog", Filters())
    report = ingest([CORPUS / PLAN], settings)
    assert (report.documents_added, report.documents_unchanged) == (0, 1)  # no PDF read again
    assert search(settings, "trygghetsdialog", Filters()).total == before > 0
    assert not (settings.search_dir / "_MAIN_1.toc").exists()


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([CORPUS / PLAN], settings)
    with Catalog.open(settings.catalog_path) as conn:
        holder = Batch(conn, settings, Lexicon(settings.cache_dir))
        holder.open()  # takes the writer lock and keeps it
        other = subprocess.run(
            ["handlingar", "ingest", str(CORPUS / MINUTES_2021), "--index", str(settings.index_dir)],
            capture_output=True,
            text=True,
        )
        holder.close()
    assert other.returncode == 1 and "låst av en annan inläsning" in other.stderr
    with CatalogReader.open(settings.catalog_path) as reader:
        assert len(reader.documents_with_parts()) == 1
    assert search(settings, "trygghetsdialog", Filters()).total > 0  # nothing lost
