"""extract/politics.py: who a sentence names as its subject, and the statements (reservations,
protokollsanteckningar, särskilda yttranden) they make, on the real minutes (Nacka KSVU
2018-12-18, Nacka KS 2018-02-19, Alingsås KS 2026-06-15)."""

from __future__ import annotations

from pipeline.extract.layout import FlatLine, flatten
from pipeline.extract.politics import STATEMENT_RE, paper, parties_named, people_in, statements
from pipeline.models import DocumentKind, Page, Person, StatementKind


def _lines(text: str) -> list[FlatLine]:
    return flatten([Page(7, text, "")])


def test_a_statement_with_who_joined_it_and_its_text() -> None:
    text = """Protokollsanteckningar
Mats Gerdau (M) lät anteckna följande till protokollet. Hans Peters (C) och Gunilla
Grudevall-Steen (L) instämde i protokollsanteckningen.
” Vi tycker att det ska vara lika villkor mellan kommunal och privat driven verksamhet
inom välfärdssektorn.”"""
    (found,) = statements(_lines(text))
    assert found.kind == StatementKind.PROTOKOLLSANTECKNING
    assert found.people == (
        Person("Mats Gerdau", "M"),
        Person("Hans Peters", "C"),
        Person("Gunilla Grudevall-Steen", "L"),
    )
    assert (found.party, found.parties, found.page) == ("M", ("M", "C", "L"), 7)
    assert found.text.startswith("” Vi tycker att det ska vara lika villkor")


def test_a_reservation_by_a_name_without_its_party_takes_the_party_it_has_elsewhere() -> None:
    (found,) = statements(
        _lines("Rolf Wasteson reserverade sig mot beslutet och ingav följande."), {"Rolf Wasteson": "V"}
    )
    assert (found.kind, found.people) == (StatementKind.RESERVATION, (Person("Rolf Wasteson", "V"),))


def test_a_party_spelled_with_spaces_is_a_subject() -> None:
    """The subject's pattern is re.VERBOSE: the party names keep their spaces escaped."""
    assert STATEMENT_RE.match("Miljöpartiet de gröna lämnar en protokollsanteckning.")
    assert not STATEMENT_RE.match("Miljöpartietdegröna lämnar en protokollsanteckning.")
    assert parties_named("Miljöpartiet de gröna") == ("MP",)


def test_people_with_their_parties_and_a_name_wrapped_before_its_party() -> None:
    text = "Anders Julin (S), Pamela Nilsson\nLudvigsson (S) och Heidi Hankanen Ängberg (C)"
    assert people_in(text) == (
        Person("Anders Julin", "S"),
        Person("Pamela Nilsson Ludvigsson", "S"),
        Person("Heidi Hankanen Ängberg", "C"),
    )


def test_an_item_that_handles_a_members_motion_and_its_signers() -> None:
    title = "Motion - säkrare kommun, klimathot - Boris Jernskiegg (SD) och Agneta Grange Petrusson (SD)"
    assert paper(title) == (
        DocumentKind.MOTION,
        (Person("Boris Jernskiegg", "SD"), Person("Agneta Grange Petrusson", "SD")),
    )
    assert paper("Enkel fråga till kommunstyrelsens ordförande angående olycksfallsförsäkring")[0] == "fråga"
    assert paper("Motionärerna vill att kommunen uppmärksammar 100 års jubileet") == (None, ())
