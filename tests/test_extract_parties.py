"""extract/parties.py: parties, who signed a statement, who is named with a party, and who
was present, on the real minutes (Huddinge KS 2022-02-17, Alingsås KS 2026-06-15, Nacka
KSVU 2018-12-18, Nykarleby Välfärdsnämnden 2022-09-15)."""

from __future__ import annotations

from pipeline.extract.parties import (
    attendance_in,
    officials_in,
    party_code,
    party_of_text,
    signatories,
    speakers_in,
    tag_code,
)

# the end of Miljöpartiet's protokollsanteckning on Huddinge's verksamhetsberättelse 2021
MP_STATEMENT = """jämlikhet och jämställdhet samt folkhälsa.
För Miljöpartiet de gröna
Louise Rollins"""


def test_a_statement_speaks_for_the_party_of_its_for_line_and_is_signed_below_it() -> None:
    assert party_of_text(MP_STATEMENT) == "MP"
    assert signatories(MP_STATEMENT) == ["Louise Rollins"]


def test_party_names_and_tags_as_codes() -> None:
    assert (party_code("Vänsterpartiet"), party_code("Folkpartiet"), party_code("S")) == ("V", "L", "S")
    assert party_code("Huddingepartiet", {"Huddingepartiet": "HP"}) == "HP"
    assert (tag_code("m"), tag_code("fp"), tag_code("ÖrP")) == ("M", "L", "ÖrP")


def test_each_name_with_its_party_even_over_a_line_break() -> None:
    text = (
        "Anton César (S), Anita Hedén Unosson (S), Peter Norlander (S), Pamela Nilsson Ludvigsson\n"
        "(S), Anders Julin (S) och Irene Jonsson (S) lämnar följande protokollsanteckning:"
    )
    assert [(name, party) for name, party, _ in speakers_in(text)] == [
        ("Anton César", "S"),
        ("Anita Hedén Unosson", "S"),
        ("Peter Norlander", "S"),
        ("Pamela Nilsson Ludvigsson", "S"),
        ("Anders Julin", "S"),
        ("Irene Jonsson", "S"),
    ]


def test_a_lower_case_tag_is_a_known_party_and_an_organisation_is_no_person() -> None:
    found = speakers_in(
        "Helene Skantze (m) och Lisskulla Zayane (MP) deltog inte i beslutet på grund av jäv."
    )
    assert [(name, party) for name, party, _ in found] == [
        ("Helene Skantze", "M"),
        ("Lisskulla Zayane", "MP"),
    ]
    assert list(speakers_in("Västra Götalandsregionen (VGR) har yttrat sig.")) == []


def test_an_official_with_the_role_after_the_name() -> None:
    found = officials_in("Catarina Klockerud, bitr. säkerhetschef")
    assert [(name, role) for name, role, _ in found] == [("Catarina Klockerud", "bitr. säkerhetschef")]


def test_an_attendance_list_of_check_boxes_surname_first() -> None:
    text = """Beslutande
ordinarie ersättare
[X] Lindvall Mikael, ordförande [ ] Eklund Karita
[X] Backman Tua [ ] Järvinen Camilla
[ ] Karf Johannes [X] Rögård Linda
Övriga närvarande
Rif Solveig, kanslist, protokollförare
Elektroniska underskrifer"""
    people, span = attendance_in(text)
    assert [(name, role) for name, role, _ in people] == [
        ("Mikael Lindvall", "ordförande"),
        ("Tua Backman", "ledamot"),
        ("Linda Rögård", "ersättare"),  # only who was there: '[X]'
        ("Solveig Rif", "kanslist, protokollförare"),
    ]
    assert span is not None and span[0] == 0
