"""extract/proposals.py: the yrkanden of a § item, who moved them and what, on the real
minutes (Nacka KSVU 2018-12-18 and KS 2018-02-19)."""

from __future__ import annotations

from pipeline.extract.layout import flatten
from pipeline.extract.proposals import AGAINST_OTHERS_RE, proposals
from pipeline.models import Page, Person, Proposal


def _proposals(text: str) -> tuple[Proposal, ...]:
    return proposals(flatten([Page(8, text, "")]))


def test_each_mover_with_who_joined_and_what_they_moved() -> None:
    found = _proposals(
        """Yrkanden
Khashayar Farmanbar (S) yrkade, med instämmande av Sidney Holm (MP), att ärendet
kompletteras med krav på kollektivavtalsliknande villkor.
Mats Gerdau (M) yrkade bifall till enhetens förslag till beslut."""
    )
    assert [(p.people, p.proposal, p.page) for p in found] == [
        ((Person("Khashayar Farmanbar", "S"), Person("Sidney Holm", "MP")), "tillägg", 8),
        ((Person("Mats Gerdau", "M"),), "bifall", 8),
    ]
    assert found[1].text == "Mats Gerdau (M) yrkade bifall till enhetens förslag till beslut."


def test_the_mover_after_the_verb_in_second_hand() -> None:
    found = _proposals(
        """I andra hand yrkade Sidney Holm (MP), med instämmande av Khashayar Farmanbar (S),
Rolf Wasteson (V) och Christina Ståldal (NL) att plastlocken till engångsmuggarna tas bort."""
    )
    assert [p.people[0] for p in found] == [Person("Sidney Holm", "MP")]
    assert found[0].people[1:] == (
        Person("Khashayar Farmanbar", "S"),
        Person("Rolf Wasteson", "V"),
        Person("Christina Ståldal", "NL"),
    )


def test_a_party_moves_nothing_of_its_own() -> None:
    assert _proposals("Vänsterpartiet yrkade bifall till motionen.") == ()


def test_an_avslag_on_another_members_yrkande() -> None:
    text = "Med avslag på Khashayar Farmanbars yrkande beslutade verksamhetsutskottet i enlighet"
    found = AGAINST_OTHERS_RE.search(text)
    assert found is not None and found.group(0) == "avslag på Khashayar Farmanbars yrkande"
