"""extract/organs.py: the one list of organ words, as both rules that find an organ use it
(structure.find_board in running text, minutes.looks_like_organ on a line that names one)."""

from __future__ import annotations

from pipeline.extract.meeting import DEFINITE
from pipeline.extract.minutes import looks_like_organ
from pipeline.extract.organs import NAMED_ALTERNATIVES, ORGAN_WORDS
from pipeline.extract.structure import find_board


def test_every_word_either_list_had_is_there() -> None:
    before = {"nämnd", "beredning", "styrelse", "fullmäktige", "utskott", "sektion", "råd", "rådet"}
    before |= {"direktion", "kommission", "delegation", "presidium"}
    assert before <= set(ORGAN_WORDS) | set(NAMED_ALTERNATIVES.split("|"))
    assert set(DEFINITE) <= set(ORGAN_WORDS)  # each word normalise_board gives its definite form


def test_a_presidium_is_an_organ_to_both_rules() -> None:
    line = "Kommunfullmäktiges presidium föreslår att fullmäktige beslutar:"  # Alingsås KF 2018-03-28
    assert find_board(line) == "Kommunfullmäktiges presidium"
    assert looks_like_organ("Kommunfullmäktiges presidium")


def test_a_council_is_an_organ_but_running_text_names_it_in_its_definite_form() -> None:
    assert looks_like_organ("Ungdomsråd") and looks_like_organ("Rådet för funktionshindrade")
    line = "Helena Häggström, viceordförande i Rådet för funktionshindrade 30.05.2023"  # Nykarleby
    assert find_board(line) == "Rådet för funktionshindrade"
    assert find_board("Fokusområden") is None and find_board("Förbättringsområden") is None
