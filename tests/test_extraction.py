"""The language stage on the sample corpus and on real-world PDFs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import MINUTES_2022, PLAN, V_STATEMENT, Ingested, shared_dir
from pipeline.answer.listings import amounts, sections, speakers
from pipeline.answer.search import search
from pipeline.extract.amounts import money_value
from pipeline.extract.nlp import build, extract_part
from pipeline.filters import Filters, Range
from pipeline.ingest import IngestReport, ingest
from pipeline.models import Page, Part
from pipeline.settings import Settings

CACHE = Settings().cache_dir
Corpus = tuple[Settings, IngestReport]

EXPECTED_AMOUNTS = {
    (PLAN, "11,5 miljoner kronor", Decimal(11_500_000)),
    (PLAN, "500 000 kr", Decimal(500_000)),
    (MINUTES_2022, "30 öre", Decimal("0.3")),
    (MINUTES_2022, "90 mnkr", Decimal(90_000_000)),
    (V_STATEMENT, "2 mnkr", Decimal(2_000_000)),
    (V_STATEMENT, "1 mnkr", Decimal(1_000_000)),
    (V_STATEMENT, "2,8 mnkr", Decimal(2_800_000)),
    (V_STATEMENT, "30 mnkr", Decimal(30_000_000)),
    (V_STATEMENT, "18,6 mnkr", Decimal(18_600_000)),
    (V_STATEMENT, "5 mnkr", Decimal(5_000_000)),
    (V_STATEMENT, "56 mnkr", Decimal(56_000_000)),
}


def test_exactly_the_fourteen_amounts(corpus_index: Corpus) -> None:
    found = amounts(corpus_index[0], Filters())
    assert len(found) == 14
    assert {(Path(a["path"]).name, a["text"], a["sek"]) for a in found} == EXPECTED_AMOUNTS
    by_file: dict[str, int] = {}
    for a in found:
        by_file[Path(a["path"]).name] = by_file.get(Path(a["path"]).name, 0) + 1
    assert by_file == {PLAN: 2, MINUTES_2022: 2, V_STATEMENT: 10}


def test_amount_split_over_a_line_break_and_its_sentence(corpus_index: Corpus) -> None:
    plan = next(a for a in amounts(corpus_index[0], Filters()) if a["sek"] == Decimal(11_500_000))
    assert plan["page"] == 4
    assert plan["sentence"] == "Huddinge fick 2018 och 2019 11,5 miljoner kronor per år i statsbidrag."


def test_amounts_in_statements_carry_the_party_and_filter(corpus_index: Corpus) -> None:
    v = amounts(corpus_index[0], Filters(party="V", years=(2022, 2022)), Range(minimum=Decimal(1_000_000)))
    assert len(v) == 11 and {a["party"] for a in v} == {
        "V"
    }  # 10 in the plan for 2022, 1 said at a 2022 meeting
    assert all(a["sek"] >= 1_000_000 for a in v)
    respektive = [a for a in v if "respektive" in a["sentence"]]
    assert [a["sek"] for a in respektive] == [Decimal(30_000_000), Decimal(18_600_000)]
    # an amount's year is a hit's: the 2022-02-17 meeting's statement on the 2021 report is 2022
    said = [a for a in v if a["text"] == "90 mnkr"]
    assert [(a["year"], a["document"][:10]) for a in said] == [(2022, "c39a587ced")]
    hits = search(corpus_index[0], '"90 mnkr"', Filters()).hits
    assert {h["year"] for h in hits} == {2022}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("500 000 kr", "500000"),
        ("500\u00a0000 kronor", "500000"),
        ("1\u2009200 kr", "1200"),
        ("11,5 miljoner kronor", "11500000"),
        ("18,6 mnkr", "18600000"),
        ("350 tkr", "350000"),
        ("1,2 mdkr", "1200000000"),
        ("1,2 miljarder kronor", "1200000000"),
        ("30 öre", "0.3"),
        ("−2,5 mnkr", "-2500000"),
        ("12.500 kr", "12500"),
        ("1.500.000 kronor", "1500000"),
        ("15 000:-", "15000"),
    ],
)
def test_sek_values_are_exact(text: str, value: str) -> None:
    assert money_value(text) == (Decimal(value), "SEK")


NOT_AMOUNTS = [
    "Drygt 500 unika tittare har tagit del av livesändningarna.",
    "Det gäller 14 000 personer och 415 klotterärenden.",
    "Under 2021 har 74% av ärendena åtgärdats, jämfört med 2019–2023.",
    "Diarienummer KS-2022/176.915 enligt SOU 2021:46 och fastigheten Länna 4:168.",
    "Beslutet fattades den 17 februari 2022 § 12.",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text: str) -> None:
    assert list(build(None, CACHE)(text).spans["amounts"]) == []


def test_qualifier_and_negative() -> None:
    page = Page(1, "Kostnaden blev cirka 350 tkr. Resultatet blev minus 2 mnkr.", "")
    found = extract_part(Part(0, "other", "", 1, 1), [page], cache_dir=CACHE).amounts
    assert [(a.text, a.value, a.qualifier) for a in found] == [
        ("350 tkr", Decimal(350_000), "cirka"),
        ("2 mnkr", Decimal(-2_000_000), None),
    ]


def test_speakers_with_parties_and_roles(corpus_index: Corpus) -> None:
    people = {p["name"]: p for p in speakers(corpus_index[0])}
    expected = {
        "Ingalill Söderberg": "DP",
        "Rasmus Lenefors": "S",
        "Nujin Alacabek": "V",
        "Louise Rollins": "MP",
        "Anders Lönroth": "MP",
    }
    assert {name: people[name]["party"] for name in expected} == expected
    assert people["Catarina Klockerud"]["role"] == "bitr. säkerhetschef"
    assert people["Catarina Klockerud"]["party"] is None
    assert not any(name.startswith("Protokollsanteckning") for name in people)


def test_plan_has_fourteen_priorities_under_four_areas(corpus_index: Corpus) -> None:
    found = sections(corpus_index[0], PLAN)
    priorities = [s for s in found if s["kind"] == "priority"]
    assert [s["number"] for s in priorities] == list(range(1, 15))
    assert [s["area"] for s in found if s["kind"] == "area"] == [
        "Ökad trygghet",
        "Ökad delaktighet",
        "Ökad jämlikhet",
        "God omsorg för individen",
    ]
    first = priorities[0]
    assert first["title"] == "Genomföra insatser utifrån lokal lägesbild och samverkansöverenskommelse"
    assert (first["area"], first["first_page"]) == ("Ökad trygghet", 2)
    assert {"Budget", "Övrigt"} <= {s["title"] for s in found if s["kind"] == "heading"}


def test_report_has_thirteen_priorities(corpus_index: Corpus) -> None:
    found = sections(corpus_index[0], MINUTES_2022)
    report = [s for s in found if s.part_kind == "verksamhetsberättelse" and s.kind == "priority"]
    assert [s["number"] for s in report] == list(range(1, 14))
    assert report[3]["title"] == "Botadssociala medel"


def test_sentences_survive_abbreviations() -> None:
    text = (
        "Vi vill bl.a. nämna trygghetsdialoger. Catarina Klockerud, bitr. säkerhetschef, yttrar sig, "
        "t.ex. om kameror m.m. och dvs. mer. Mötet hölls den 17 februari 2022. Nästa möte kommer."
    )
    sents = [s.text for s in build(None, CACHE)(text).sents]
    assert sents == [
        "Vi vill bl.a. nämna trygghetsdialoger.",
        "Catarina Klockerud, bitr. säkerhetschef, yttrar sig, t.ex. om kameror m.m. och dvs. mer.",
        "Mötet hölls den 17 februari 2022.",
        "Nästa möte kommer.",
    ]


@pytest.mark.ocr
@pytest.mark.realworld
def test_real_world_annual_report_amounts(tmp_path: Path) -> None:
    folder = shared_dir("realworld/brf")
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([folder], settings)
    every = amounts(settings, Filters())
    found = {a["text"]: a["sek"] for a in every if a.table is None}
    assert found["114 480 000 kr"] == Decimal(114_480_000)
    assert all(a > 0 for a in found.values())  # in running text: no loss written as a sum
    losses = {a.column: a.sek for a in every if a.sek is not None and a.sek < 0}  # a table's signed cells
    assert losses == {"2021": -354_000, "2020": -862_000, "2019": -916_000, "2018": -824_000}
    assert {a.sentence for a in every if a.sek == -354_000} == {
        "Resultat efter finansiella poster (tkr) · 2021: -354 tkr"  # the row's unit, not the table's
    }
    # page 16: '... 58,89 öre/kWh plus ca 1,5 öre/ kWh för vattenkraftel' (a break after the slash)
    assert (found["58,89 öre"], found["1,5 öre"]) == (Decimal("0.5889"), Decimal("0.015"))
    assert found["500.000 kr"] == Decimal(500_000)  # page 5: 'amorteras med 500.000 kr /kvartal'


def test_prices_dotted_thousands_and_an_abbreviated_qualifier() -> None:
    text = "Kostnaden är 15 000:- per år. Summa 1.500.000 kr enligt avtalet. Det kostade ca. 300 tkr i år."
    found = extract_part(Part(0, "other", "", 1, 1), [Page(1, text, "")], cache_dir=CACHE)
    assert [(a.text, a.value, a.qualifier) for a in found.amounts] == [
        ("15 000:-", Decimal(15_000), None),
        ("1.500.000 kr", Decimal(1_500_000), None),
        ("300 tkr", Decimal(300_000), "cirka"),
    ]
    assert [text[s.start : s.end] for s in found.sentences][-1] == "Det kostade ca. 300 tkr i år."


def test_a_unit_before_a_slash_and_a_space() -> None:
    page = Page(1, "Elen kostar ca 1,5 öre/ kWh och hyran 200 kr/ kvm. Se KS-2022/ 176.", "")
    found = extract_part(Part(0, "other", "", 1, 1), [page], cache_dir=CACHE).amounts
    assert [(a.text, a.value, a.qualifier) for a in found] == [
        ("1,5 öre", Decimal("0.015"), "cirka"),
        ("200 kr", Decimal(200), None),
    ]


@pytest.mark.ocr
@pytest.mark.realworld
def test_nykarleby_paragraph_items(nykarleby_index: Ingested) -> None:
    settings = nykarleby_index[0]  # the folder with the default settings: these minutes among them
    items = [
        s
        for s in sections(settings, "valfardsnamnden_protokoll_15_09_2022_18_00_139758.pdf")
        if s["kind"] == "paragraph"
    ]
    assert [s["number"] for s in items] == list(range(39, 50))
    assert items[-1]["title"] == "Budgetdirektiv för 2023"  # from the contents: the item's page drops a "v"
    assert (items[0]["first_page"], items[0]["title"]) == (3, "Sammanträdets laglighet och beslutförhet")


def test_lookup_lemmas_from_spacy_lookups_data() -> None:
    import spacy

    doc = build(None, CACHE)("Beredningen fick 11,5 miljoner kronor. Nämnderna och beredningen.")
    ours = [t.lemma_ for t in doc]
    reference = spacy.blank("sv")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    assert ours == [t.lemma_ for t in reference(doc.text)]
    assert [t.lemma_ for t in doc if t.text in ("kronor", "beredningen", "miljoner")] == [
        "miljon",
        "krona",
        "beredning",
    ]
