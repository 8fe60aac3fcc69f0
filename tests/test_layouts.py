"""Forms other municipalities' minutes print that the real files here do not: a statement
under its label with only its signers' names, a signature's label and name on one line,
a party-first list of members. Each rule is checked on the lines a reader would see."""

from __future__ import annotations

import pytest

from pipeline.extract.layout import FlatLine
from pipeline.extract.parties import speakers_in
from pipeline.extract.politics import statements
from pipeline.extract.roll import roll_call


def _lines(*text: str) -> list[FlatLine]:
    return [FlatLine(1, i, line, False, 10.0) for i, line in enumerate(text)]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (("Reservation", "Anna Berg (M) och Per Ek (KD)", "Beslutsgång"), ("reservation", ("M", "KD"))),
        (("Reservation: Lisa Ny (SD)",), ("reservation", ("SD",))),
        (("Särskilt yttrande", "Kalle Ek (V)."), ("särskilt yttrande", ("V",))),
        (("Protokollsanteckning", "Eva Lund (L), Nils Bo (C)"), ("protokollsanteckning", ("L", "C"))),
    ],
)
def test_a_statement_under_its_label_by_names_alone(
    lines: tuple[str, ...], want: tuple[str, tuple[str, ...]]
) -> None:
    (found,) = statements(_lines(*lines))
    assert (found.kind, found.parties) == want


def test_a_label_over_an_announcing_sentence_is_one_statement() -> None:
    """'Reservation' above 'Anna Berg (M) reserverar sig …' is that reservation, not two."""
    found = statements(_lines("Reservation", "Anna Berg (M) reserverar sig mot beslutet.", "Beslutsgång"))
    assert [(s.kind, s.names) for s in found] == [("reservation", ("Anna Berg",))]


def test_a_label_over_prose_is_no_statement() -> None:
    assert statements(_lines("Reservationer", "Inga reservationer lämnades.")) == ()


def test_signatures_with_label_and_name_on_one_line() -> None:
    text = "\n".join(
        [
            "Beslutande Anna Berg (S), ordförande",
            "Per Ek (M)",
            "Sekreterare  Eva Ek  Paragrafer §§ 1-9",
            "Justerande Per Ek",
            "Sekreterare mötet öppnades",
        ]
    )
    seats = {(s.name, s.role) for s in roll_call(text)}
    assert seats == {
        ("Anna Berg", "ordförande"),
        ("Per Ek", "ledamot"),
        ("Eva Ek", "sekreterare"),
        ("Per Ek", "justerare"),
    }


def test_a_party_first_list_of_members() -> None:
    text = "Ledamöter\n(C) Anna Berg\n(S) Per Ek\n(M) Lisa Nyström\nNujin Alacabek\n(V) har ordet."
    assert [(n, p) for n, p, _ in speakers_in(text)] == [
        ("Anna Berg", "C"),
        ("Per Ek", "S"),
        ("Lisa Nyström", "M"),
        ("Nujin Alacabek", "V"),
    ]
