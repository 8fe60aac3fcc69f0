"""extract/names.py: which word of a name is the given name, on the attendance lists of the
real minutes (Nykarleby Välfärdsnämnden 2022-09-15: surname first; Alingsås KS 2026-06-15:
given name first)."""

from __future__ import annotations

import pytest

from pipeline.extract.names import given_first, in_order, unlabelled


@pytest.mark.parametrize(
    ("words", "first"),
    [
        (("Lindvall", "Mikael"), False),  # a common given name last
        (("Kengo", "Anna"), False),
        (("Anna", "Andersson"), True),  # and a surname's ending
        (("Rif", "Solveig"), False),
        (("Phan", "An"), None),  # neither word tells
    ],
)
def test_given_first(words: tuple[str, ...], first: bool | None) -> None:
    assert given_first(words) is first


def test_a_name_written_surname_first_is_turned_round() -> None:
    assert in_order(("Lindvall", "Mikael"), False) == "Mikael Lindvall"
    assert in_order(("Tötterman-Engström", "Teresia"), False) == "Teresia Tötterman-Engström"
    assert in_order(("Jan-Erik", "Wallin"), True) == "Jan-Erik Wallin"


def test_the_label_before_a_lists_first_name_is_not_the_name() -> None:
    assert unlabelled("Beslutande Jan-Erik Wallin") == "Jan-Erik Wallin"
    assert unlabelled("Utses att justera Anton César") == "Anton César"
    assert unlabelled("Anita Hedén Unosson") == "Anita Hedén Unosson"
