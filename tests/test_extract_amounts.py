"""extract/amounts.py: a sum of money's exact value and currency, on amounts as the real
documents write them (Nacka KSVU 2018-12-18, Nykarleby Välfärdsnämnden 2022-09-15,
Alingsås BUN 2026, Huddinge's minutes)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract.amounts import EUR, SEK, is_minus, is_unit_note, money_hints, money_value, qualifier


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
