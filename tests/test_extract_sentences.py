"""extract/sentences.py: where Swedish sentences start, on sentences of the real documents
(Nykarleby Välfärdsnämnden 2022-09-15, Huddinge's Verksamhetsplan 2020 and § 24 of 2021,
Alingsås KS 2026-06-15)."""

from __future__ import annotations

from pipeline.extract.sentences import split


def test_an_abbreviation_ends_no_sentence() -> None:
    text = (
        "Kursen omfattar bl.a. teambuilding och\n"
        "projektplanering. Ett mål är att resa utomlands på en gruppträff för ungdomar"
    )
    assert split(text) == [
        "Kursen omfattar bl.a. teambuilding och\nprojektplanering.",
        "Ett mål är att resa utomlands på en gruppträff för ungdomar",
    ]


def test_kl_before_a_time_ends_no_sentence() -> None:
    text = (
        "Protokollet justeras elektroniskt senast 21.9.2022 kl. 16.00. "
        "Välfärdsnämnden utser protokolljusterare."
    )
    assert split(text) == [
        "Protokollet justeras elektroniskt senast 21.9.2022 kl. 16.00.",
        "Välfärdsnämnden utser protokolljusterare.",
    ]


def test_a_heading_is_a_sentence_of_its_own() -> None:
    text = (
        "Prioriteringar 2020\n"
        "Trygghets- och delaktighetsberedningen prioriterar under 2020 att följa upp,\n"
        "bevaka, fördjupa dialogen och stärka arbetet i kommunen inom nedanstående\nfrågor."
    )
    assert split(text)[0] == "Prioriteringar 2020"
    assert len(split(text)) == 2


def test_a_line_ending_with_a_word_that_goes_on_is_no_heading() -> None:
    text = (
        "Med 7 ja-röster och 8 nej-röster finner ordföranden att kommunstyrelsen beslutar enligt\n"
        "Anton Césars med fleras förslag att avslå initiativärendet."
    )
    assert split(text) == [text]


def test_a_bullet_starts_a_sentence() -> None:
    text = "\uf0b7 Trygghetsskapande och brottsförebyggande arbete\n• Skydd mot olyckor\n• Krisberedskap"
    assert split(text.replace("\uf0b7", "•")) == [
        "• Trygghetsskapande och brottsförebyggande arbete",
        "• Skydd mot olyckor",
        "• Krisberedskap",
    ]
