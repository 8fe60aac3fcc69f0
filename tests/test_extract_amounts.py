"""extract/amounts.py: a sum of money's exact value and currency, on amounts as the real
documents write them (Nacka KSVU 2018-12-18, Nykarleby Välfärdsnämnden 2022-09-15,
Alingsås BUN 2026, Huddinge's minutes), and through the language stage: a sign written apart
from its number, ranges, prices per unit (rates), units written on the number or inflected."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract.amounts import EUR, SEK, is_minus, is_unit_note, money_hints, money_value, qualifier
from pipeline.extract.nlp import extract_part
from pipeline.models import Page, Part
from pipeline.settings import Settings


@pytest.mark.parametrize(
    ("written", "value", "currency"),
    [
        ("6 mnkr", Decimal(6_000_000), SEK),  # 'ansökan om 6 mnkr från kommunens flyktingfond'
        ("1 750 000 kronor", Decimal(1_750_000), SEK),
        ("25 450€", Decimal(25_450), EUR),  # 'EU:s Erasmus+ program var 25 450€'
        ("3,5 miljoner euro", Decimal(3_500_000), EUR),
        ("12.500 kr", Decimal(12_500), SEK),  # a dot between thousands
    ],
)
def test_money_value_is_exact(written: str, value: Decimal, currency: str) -> None:
    assert money_value(written) == (value, currency)


def test_money_hints_find_a_number_beside_its_unit() -> None:
    line = "Beräknat sammanlagt värde för avtalet är cirka 1 750 000 kronor årligen"
    assert [line[a:b] for a, b in money_hints(line)] == ["0 kronor"]
    assert money_hints("Ärenden 39 – 49 §, 2022-09-15") == []  # numbers without a unit


def test_qualifier_stands_right_before_the_number() -> None:
    assert qualifier(["värde", "för", "avtalet", "är", "cirka"]) == "cirka"
    assert qualifier(["ca", "."]) == "cirka"  # 'ca.' read as two tokens
    assert qualifier(["avtalet"]) is None


def test_a_dash_is_a_minus_only_where_a_column_of_figures_has_one() -> None:
    assert is_minus(["minus"], "", "", "")
    assert is_minus(["-"], "-", "", "")  # a table's cell: '- 0,410 m€' alone on its line
    assert not is_minus(["Projektet", "–"], "Projektet – ", " – finansieras", "")


def test_a_unit_written_over_a_column_is_no_sum() -> None:
    assert is_unit_note(Decimal(1000), "(", ")")  # '(1000 €)'
    assert not is_unit_note(Decimal(6000), "", "")  # '6000€.' is a sum


CACHE = Settings().cache_dir


def read(text: str) -> list[tuple[str, Decimal, Decimal | None, str | None]]:
    """(text, value, high, rate) of each amount the language stage finds in ``text``."""
    part = extract_part(Part(0, "other", "", 1, 1), [Page(1, text, "")], cache_dir=CACHE)
    return [(a.text, a.value, a.high, a.rate) for a in part.amounts]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prognostiserat underskott på - 500 tusen kronor för året.", -500_000),  # after 'på'
        ("Resultatet blev – 2 mnkr mot budget.", -2_000_000),  # an en dash after 'blev'
        ("Avvikelse: - 75 tkr", -75_000),  # after a colon
        ("Årets resultat visar ett underskott på\n- 500 tusen kronor jämfört med budget.", -500_000),
        ("Förskola + 6 239 tkr\nPedagogisk omsorg - 75 tkr\nFritidshem -38 tkr", -75_000),  # a signed list
        ("Resultatet blev − 2 mnkr.", -2_000_000),  # the minus sign U+2212, spaced
        ("Förskoleklass +379 tkr", 379_000),
        ("Prognosen visar +5,0 mnkr mot budget.", 5_000_000),
    ],
)
def test_a_minus_before_the_number_where_it_reads_as_a_sign(text: str, value: int) -> None:
    signed = [v for _, v, _, _ in read(text) if abs(v) == abs(value)]
    assert signed == [Decimal(value)]


@pytest.mark.parametrize(
    "text",
    [
        "Projektet – 2 mnkr – finansieras av regionen.",  # a dash between words
        "Nämnden beviljar:\n- 500 000 kr till föreningen Unga",  # a list's bullet
        "Insatser 2019 - 2021: 5 mnkr per år",  # a dash between years
        "Investeringar – 5 mnkr\nfördelas på tre år.",  # a heading's dash, no signed figure near
    ],
)
def test_a_dash_between_words_or_years_is_no_sign(text: str) -> None:
    assert all(v > 0 for _, v, _, _ in read(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kostnaden beräknas till 1 800-2 200 tkr.", ("1 800-2 200 tkr", 1_800_000, 2_200_000)),
        ("Satsningen kostar 1,5–2 mnkr.", ("1,5–2 mnkr", 1_500_000, 2_000_000)),
        (
            "Det gäller mellan 10 och 12 miljoner kronor.",
            ("mellan 10 och 12 miljoner kronor", 10**7, 12 * 10**6),
        ),
        ("Avgiften blir 10 - 20 kr.", ("10 - 20 kr", 10, 20)),
        ("Bidraget är 10–12 000 kronor.", ("10–12 000 kronor", 10_000, 12_000)),  # thousands once
    ],
)
def test_a_range_has_its_low_end_as_value_and_its_high_end(text: str, found: tuple[str, int, int]) -> None:
    written, low, high = found
    assert read(text) == [(written, Decimal(low), Decimal(high), None)]


def test_no_range_across_a_date_a_year_or_a_paragraph() -> None:
    assert read("Beslut 2022-09-15 500 kr") == [("500 kr", Decimal(500), None, None)]
    assert read("Utfall per 2022-12-31 tkr Budget") == []  # a table's header, no sum
    assert read("Budget 2018 – 2 200 tkr") == [("2 200 tkr", Decimal(2_200_000), None, None)]
    assert read("Enligt § 12 - 500 tkr") == [("500 tkr", Decimal(500_000), None, None)]


@pytest.mark.parametrize(
    ("text", "rate", "value"),
    [
        ("Driftkostnad 7,8 kr/m i år.", "kr/m", "7.8"),
        ("Nettokostnad 368 kr/inv. (GR, ovägt medel)", "kr/inv.", "368"),
        ("Avgiften är 74,11 kr/invånare.", "kr/invånare", "74.11"),
        ("Avgiften är 74 kr per invånare och år.", "kr per invånare", "74"),
        ("Nils Holgersson 98,50 kr/kvm för 2024.", "kr/kvm", "98.5"),
        ("Parkeringen kostar 5 kr/h. Det är en allmän plats.", "kr/h", "5"),
        ("Taxan är 850 kr/tim för tillsyn.", "kr/tim", "850"),
        ("Taxan är 850 kr/timme för tillsyn.", "kr/timme", "850"),
        ("Elen kostar 58,89 öre/kWh i snitt.", "öre/kWh", "0.5889"),
        ("Lönetillägg om 5000 SEK/månad betalas.", "SEK/månad", "5000"),
        ("Hyran är 36 miljoner kronor per år.", "miljoner kronor per år", "36000000"),
        ("Priset 138,13kr/kvm gäller.", "kr/kvm", "138.13"),  # the unit written on its number
    ],
)
def test_a_price_per_unit_is_a_rate(text: str, rate: str, value: str) -> None:
    [(_, found, high, per)] = read(text)
    assert (found, high, per) == (Decimal(value), None, rate)


def test_per_a_date_is_no_rate() -> None:
    text = "Eget kapital 3 366 tkr per årsskiftet, 500 kr per den 31 december och 20 tkr per april 2026."
    assert [rate for _, _, _, rate in read(text)] == [None, None, None]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Budgeten är 40mnkr för 2026.", "40mnkr", 40_000_000),
        ("Bidraget är 5mkr.", "5mkr", 5_000_000),
        ("Det gäller de 90 miljoner kronorna som återstår.", "90 miljoner kronorna", 90_000_000),
        ("Ett 5 miljoner kronors underskott.", "5 miljoner kronors", 5_000_000),
        ("Omsättningen är 2,1 miljarder kronor.", "2,1 miljarder kronor", 2_100_000_000),
        ("Ramen är 1,3 mdkr.", "1,3 mdkr", 1_300_000_000),
        ("Kommunbidrag om 38 352 tusen kronor.", "38 352 tusen kronor", 38_352_000),
        ("Revisionsanslag om 519 tkr.", "519 tkr", 519_000),
        ("Anslaget är 12 Mkr.", "12 Mkr", 12_000_000),
        ("Ramen är 3 MSEK.", "3 MSEK", 3_000_000),
        ("Kostnaden är 250 kSEK.", "250 kSEK", 250_000),
        (
            "ett avkastningskrav på 10, 3 miljoner kronor.",
            "10, 3 miljoner kronor",
            10_300_000,
        ),  # a stray space
    ],
)
def test_unspaced_and_inflected_units(text: str, written: str, value: int) -> None:
    assert read(text) == [(written, Decimal(value), None, None)]


def test_millions_without_a_currency_are_kronor_only_beside_kronor() -> None:
    text = "Nacka tog emot 17,6 miljoner kr för 2017. Därutöver missar kommunen 4,3 miljoner i bonus."
    assert read(text)[-1] == ("4,3 miljoner", Decimal(4_300_000), None, None)
    assert read("Regionen har 2,4 miljoner invånare och budgeten är 5 miljoner kronor.") == [
        ("5 miljoner kronor", Decimal(5_000_000), None, None)
    ]
    assert read("Kostnaden blev 4,3 miljoner lägre än väntat.") == []  # no sum in kronor near
