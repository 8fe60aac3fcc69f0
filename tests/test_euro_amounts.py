"""Sums in euro: Finland's Swedish-speaking municipalities (Nykarleby's minutes among the real
documents) and EU grants count in euro. Each amount carries its currency; `sek` stays kronor only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import shared_dir
from pipeline.answer.listings import amounts
from pipeline.extract.amounts import money_value
from pipeline.extract.nlp import extract_part
from pipeline.filters import Filters, Range
from pipeline.ingest import ingest
from pipeline.models import Page, Part
from pipeline.settings import Settings

CACHE = Settings().cache_dir
VALF = "valfardsnamnden_protokoll_15_09_2022_18_00_139758.pdf"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25 450€", "25450"),
        ("6000 €", "6000"),
        ("3,5 miljoner euro", "3500000"),
        ("4,53 m€", "4530000"),
        ("15 000 EUR", "15000"),
        ("12 t€", "12000"),
        ("1,2 MEUR", "1200000"),
        ("1 000 euroa", "1000"),
        ("€ 25 000", "25000"),  # the currency before its number
        ("EUR 1,2 miljoner", "1200000"),
    ],
)
def test_euro_values_are_exact(text: str, value: str) -> None:
    assert money_value(text) == (Decimal(value), "EUR")


def found(text: str) -> list[tuple[str, Decimal, str]]:
    part = extract_part(Part(0, "other", "", 1, 1), [Page(1, text, "")], cache_dir=CACHE)
    return [(a.text, a.value, a.currency) for a in part.amounts]


def test_euro_and_kronor_in_one_text() -> None:
    text = "Bidraget var 25 450€, därtill bidrog fonden med 6000€. Avgiften är 500 kr per termin."
    assert found(text) == [
        ("25 450€", Decimal(25450), "EUR"),
        ("6000€", Decimal(6000), "EUR"),
        ("500 kr", Decimal(500), "SEK"),
    ]


def test_a_currency_written_before_its_number() -> None:
    text = "Bidraget är € 25 000 för år 2023. Projektet kostar EUR 1,2 miljoner. Se EUR-lex 2021 och SEK 500."
    assert found(text) == [
        ("€ 25 000", Decimal(25_000), "EUR"),
        ("EUR 1,2 miljoner", Decimal(1_200_000), "EUR"),
        ("SEK 500", Decimal(500), "SEK"),
    ]


def test_a_tables_unit_is_not_a_sum() -> None:
    text = "RESULTATRÄKNING\nKEHYS (1000€)\n1000€\nVerksamhetsintäkter\n4,53 m€ -4,9 -232\nBelopp (1 000 kr)"
    assert found(text) == [("4,53 m€", Decimal(4_530_000), "EUR")]


def test_signs_of_a_table_column_but_not_a_lists_bullets_or_a_range() -> None:
    table = "Årsbidrag\n+ 3,649 m€\nKassaflöde för investeringarnas del\n- 3,690 m€ Avskrivningar\n- 0,410 m€"
    assert [v for _, v, _ in found(table)] == [Decimal(3_649_000), Decimal(-3_690_000), Decimal(-410_000)]
    listed = "Nämnden beviljar:\n- 500 000 kr till föreningen Unga\n- 20 000 kr till biblioteket"
    assert [v for _, v, _ in found(listed)] == [Decimal(500_000), Decimal(20_000)]
    ranged = extract_part(
        Part(0, "other", "", 1, 1), [Page(1, "Avgiften blir 10 - 20 kr per besök.", "")], cache_dir=CACHE
    )
    assert [(a.value, a.high) for a in ranged.amounts] == [(Decimal(10), Decimal(20))]  # a range, no minus
    assert [v for _, v, _ in found("Projektet – 2 mnkr – finansieras av regionen.")] == [Decimal(2_000_000)]
    assert [v for _, v, _ in found("Resultatet blev − 2 mnkr.")] == [Decimal(-2_000_000)]


@pytest.fixture(scope="module")
def valf(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(index_dir=tmp_path_factory.mktemp("valf") / "index", ocr="never")
    ingest([shared_dir("realworld/nykarleby") / VALF], settings)
    return settings


# What a reader sees on the pages of Välfärdsnämnden's minutes whose text layer reads right:
# p. 9 the project's grants, p. 21 the budget directive, pp. 22-23 the appendix's two tables
# (in millions of euro; '1000€' over a column is its unit, '- 0,410 m€' a negative cash flow).
VALF_EUROS = {
    (9, "25 450€", Decimal(25_450)),
    (9, "6000€", Decimal(6_000)),
    (21, "3,6 miljoner euro", Decimal(3_600_000)),
    (22, "4,53 m€", Decimal(4_530_000)),
    (22, "24,86 m€", Decimal(24_860_000)),
    (22, "15,12 m€", Decimal(15_120_000)),
    (22, "8,91 m€", Decimal(8_910_000)),
    (22, "3,65 m€", Decimal(3_650_000)),
    (22, "0,849 m€", Decimal(849_000)),
    (23, "3,649 m€", Decimal(3_649_000)),
    (23, "3,690 m€", Decimal(-3_690_000)),
    (23, "2,800 m€", Decimal(2_800_000)),
    (23, "0,410 m€", Decimal(-410_000)),
    (23, "16,000 m€", Decimal(16_000_000)),
    (23, "15,452 m€", Decimal(-15_452_000)),
    (23, "41,3 m€", Decimal(41_300_000)),
    (23, "0,130 m€", Decimal(130_000)),
    (23, "0,895 m€", Decimal(895_000)),  # the table's last line, at the page's foot
}


@pytest.mark.realworld
def test_the_real_minutes_euro_amounts_against_gold(valf: Settings) -> None:
    rows = amounts(valf, Filters(), Range(currency="EUR"))
    read_right = {(a["page"], a["text"], a["value"]) for a in rows if a["page"] in (9, 21, 22, 23)}
    assert read_right == VALF_EUROS
    assert sum(1 for a in rows if a["page"] == 21) == 2  # '3,6 miljoner euro' twice, one per point
    assert all(a["currency"] == "EUR" and a["sek"] is None for a in rows)
    assert amounts(valf, Filters(), Range(currency="SEK")) == []
    big = amounts(valf, Filters(), Range(Decimal(10_000_000), currency="EUR"))
    assert {a["text"] for a in big} == {"24,86 m€", "15,12 m€", "16,000 m€", "41,3 m€"}


@pytest.mark.realworld
def test_the_cli_shows_the_currency_and_keeps_sek_for_kronor(valf: Settings, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli import main

    result = CliRunner().invoke(main, ["amounts", "--index", str(valf.index_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, first = result.output.splitlines()[:2]
    assert header.startswith("sek,value,currency,text,")
    assert first.startswith(",25450,EUR,25 450€,")
