"""The language stage tokenizes only the stretches around sums of money: its amounts and
sentence bounds must be exactly those of spaCy reading the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES, shared_dir
from pipeline.extract.clean import clean_pages
from pipeline.extract.nlp import _abbreviations, _bounds, build, windowed_amounts
from pipeline.extract.passages import sentence_bounds, stretches
from pipeline.read.pdf import read_pages
from pipeline.settings import Settings

CACHE = Settings().cache_dir
EDGES = [
    "",
    "   ",
    "5 kr",
    "\n\n  5 kr och minus 3 mnkr.\n",
    "Cirka 11,5 miljoner kronor.Nästa mening har 500\u00a0000 kr i sig.",
    "kostnaden  \n  ca  2 000\n000 kr  \n\n– drygt 3,5 mkr\t\tvar budgeten. 90 öre",
    "Ordet (1 200 kr) och [30 tkr], samt 12 000:- och 4 mdkr. Slut.",
    "x" * 50 + "5 kr" + "y" * 50 + " 7 mnkr",
]


def _texts() -> list[str]:
    """Each PDF's cleaned pages joined as the language stage joins them."""
    pdfs = sorted(CORPUS.glob("*.pdf")) + sorted(FIXTURES.glob("*.pdf"))
    pdfs += sorted(shared_dir("realworld").rglob("*.pdf"))
    texts = []
    for pdf in pdfs:
        try:
            pages = clean_pages(list(read_pages(pdf, 5000)))
        except Exception:  # an unreadable fixture is another test's business
            continue
        texts.append("\n".join(p.body for p in pages))
    return texts


def _whole(text: str) -> tuple[list[tuple[str, int, list[str]]], list[int]]:
    nlp = build(None, CACHE)
    doc = nlp(text)
    spans = [
        (s.text, s.start_char, [t.text for t in doc[max(0, s.start - 2) : s.start]])
        for s in doc.spans["amounts"]
    ]
    return spans, _bounds(doc, text)


def _windowed(text: str) -> tuple[list[tuple[str, int, list[str]]], list[int]]:
    nlp = build(None, CACHE)
    spans = [
        (s.text, offset + s.start_char, [t.text for t in s.doc[max(0, s.start - 2) : s.start]])
        for s, offset in windowed_amounts(nlp, text)
    ]
    return spans, sentence_bounds(text, _abbreviations(nlp))


@pytest.mark.parametrize("text", EDGES)
def test_windowed_amounts_and_bounds_equal_the_whole_text_on_edge_cases(text: str) -> None:
    assert _windowed(text) == _whole(text)


@pytest.mark.realworld
def test_windowed_amounts_and_bounds_equal_the_whole_text_on_real_pdfs() -> None:
    texts = _texts()
    assert len(texts) >= 10
    amounts = 0
    for text in texts:
        windowed = _windowed(text)
        assert windowed == _whole(text)
        amounts += len(windowed[0])
    assert amounts >= 15  # the real documents hold sums of money to compare


def test_stretches_start_on_a_word_and_end_after_whitespace() -> None:
    text = "Förvaltningen redovisade  cirka 2,5 mnkr\n\nför året och 300 tkr för nästa."
    found = list(stretches(text, [(20, 45), (55, 70)]))
    for stretch in found:
        assert stretch.start == 0 or text[stretch.start - 1].isspace()
        assert stretch.end == len(text) or (
            text[stretch.end - 1].isspace() and not text[stretch.end].isspace()
        )
    assert [w for s in found for w in s.windows] == [(20, 45), (55, 70)]


def test_a_long_text_without_amounts_tokenizes_nothing(tmp_path: Path) -> None:
    text = "Nämnden beslutade att godkänna planen. " * 2000
    assert list(stretches(text, [])) == []
    assert list(windowed_amounts(build(None, CACHE), text)) == []
