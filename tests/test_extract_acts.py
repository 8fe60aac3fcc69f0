"""extract/acts.py: whose act a sentence is (its people and parties), on sentences of the
real minutes (Nacka KSVU 2018-12-18, Alingsås BUN 2026-06-16, Nacka KS 2018-02-19)."""

from __future__ import annotations

from pipeline.extract.acts import acted, known_people
from pipeline.models import DocumentKind, Page, Part, Person, Proposal, Section, SectionKind, Sentence

MINUTES = Part(0, DocumentKind.PROTOKOLL, "Protokoll", 1, 1)


def _acted(body: str, part: Part = MINUTES, sections: tuple[Section, ...] = ()) -> Sentence:
    (sentence,) = acted(part, [Page(1, body, "")], sections, [Sentence(1, 0, len(body))])
    return sentence


def test_a_sentence_whose_subject_moves_is_the_movers() -> None:
    found = _acted("Mats Gerdau (M) yrkade bifall till enhetens förslag till beslut.")
    assert (found.people, found.parties) == ((Person("Mats Gerdau", "M"),), ("M",))


def test_a_name_the_sentence_only_mentions_makes_nobodys_act() -> None:
    found = _acted("Nej-röst för avslag till Heidi Hankanen Ängbergs (C) förslag.")
    assert (found.people, found.parties) == ((), ())


def test_who_gave_a_speech_is_the_speakers_act() -> None:
    found = _acted("Anförande hålls av Per Palm (L).")
    assert found.people == (Person("Per Palm", "L"),)


def test_a_party_as_the_subject_is_the_partys_act() -> None:
    found = _acted(
        "Vänsterpartiet vill att kommunen ställer krav på att de företag som man skriver avtal med"
    )
    assert (found.people, found.parties) == ((), ("V",))


def test_every_sentence_of_a_protokollsanteckning_is_its_signers() -> None:
    part = Part(0, DocumentKind.PROTOKOLLSANTECKNING, "x", 1, 1, "V", ("Nujin Alacabek", "Aysegül Balci"))
    found = _acted("Vänsterpartiet hade dock ett annat budgetförslag än den borgerliga koalitionen.", part)
    assert found.people == (Person("Nujin Alacabek", "V"), Person("Aysegül Balci", "V"))
    assert found.parties == ("V",)


def test_known_people_are_those_the_items_name_with_a_party() -> None:
    moved = Proposal((Person("Rolf Wasteson", "V"), Person("Sidney Holm", None)), "bifall", 23, "…")
    item = Section(None, 9, "Motion", 23, 23, "", SectionKind.ITEM, proposals=(moved,))
    assert known_people([item]) == {"Rolf Wasteson": "V"}
