"""extract/clean.py: bullets, hyphens at line ends and running headers, on lines as pdfium
reads them from the real documents (Huddinge's minutes and plan, Alingsås BUN 2026)."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, MINUTES_2022, PLAN
from pipeline.extract.clean import clean_pages, dehyphenate, join_lines, normalise
from pipeline.models import Line
from pipeline.read.pdf import read_pages


def test_a_word_bullet_becomes_one_bullet() -> None:
    assert normalise("\uf0b7 Trygghetsskapande och brottsförebyggande arbete") == (
        "• Trygghetsskapande och brottsförebyggande arbete"
    )
    assert normalise("\uf0b7 - Våld i nära relation (VINR) upphör") == "• Våld i nära relation (VINR) upphör"


def test_a_word_broken_at_a_line_end_is_joined_on_the_first_line() -> None:
    lines = [Line("arna sker i respektive nämnd. I barn- och ungdoms-"), Line("nämnden sker uppföljning")]
    assert [line.text for line in dehyphenate(lines)] == [
        "arna sker i respektive nämnd. I barn- och ungdomsnämnden",
        "sker uppföljning",
    ]


def test_a_hyphen_before_och_is_kept() -> None:
    lines = [Line("Vänsterpartiet hade ett eget förslag till mål-"), Line("och budget, vilken innehöll")]
    assert [line.text for line in dehyphenate(lines)] == [line.text for line in lines]
    assert join_lines("ett eget förslag till mål-\noch budget") == "ett eget förslag till mål- och budget"
    assert join_lines("utifrån 100-\nårsjubileet") == "utifrån 100-årsjubileet"


def test_a_running_header_is_furniture_not_body() -> None:
    pages = clean_pages(list(read_pages(Path(CORPUS / PLAN), 100)))
    assert {p.furniture for p in pages} == {"Trygghets- och delaktighetsberedningen"}
    assert all(p.body.split("\n")[0] != "Trygghets- och delaktighetsberedningen" for p in pages)


def test_a_letterhead_is_furniture() -> None:
    first = clean_pages(list(read_pages(Path(CORPUS / MINUTES_2022), 100)))[0]
    assert first.furniture == "PROTOKOLLSUTDRAG KOMMUNSTYRELSEN\nSammanträdesdatum Paragraf"
