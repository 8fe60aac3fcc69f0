"""extract/quality.py: whether a text layer can be trusted and a sentence quoted, on the
real documents' text (Nykarleby's broken font map, the malformed PDFs' scrambled glyphs)."""

from __future__ import annotations

from pipeline.extract.nlp import english, knows
from pipeline.extract.quality import (
    Layout,
    known_share,
    layout_breaks,
    page_quality,
    scrambled,
    sentence_shaped,
    words_are_words,
)
from pipeline.models import Page, PageQuality
from pipeline.settings import Settings

SWEDISH = knows(Settings().cache_dir)


def test_scrambled_glyphs_are_garbled_by_their_shape_alone() -> None:
    glyphs = "3HQČåQtSURVWĜHGN\\QD~þWHFK"  # issue-791-non-unicode-cmap.pdf's text layer
    assert scrambled(glyphs)
    assert page_quality(glyphs, SWEDISH, english) == PageQuality.GARBLED
    assert not scrambled("Välfärdsnämnden konstaterades vara lagligt sammankallad")


def test_known_share_counts_the_words_the_lexicon_knows() -> None:
    share, words = known_share("Protokojjet justeras ejektroniskt senast 21.9.2022 kj. 16.00.", SWEDISH)
    assert (share, words) == (0.5, 4)  # its lowercase words: 'justeras', 'senast' known, two not


def test_a_sentence_has_the_shape_of_one() -> None:
    assert sentence_shaped("Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman.")
    assert not sentence_shaped("Protokoll 15.09.2022 Sida")  # no full stop
    assert not sentence_shaped("Val av protokolljusterare ........................................ 2.")


def test_its_short_words_must_be_words() -> None:
    assert words_are_words("Välfärdsnämnden utser protokolljusterare.", SWEDISH)
    assert not words_are_words("I tur at justera protokojjet är medjemmarna Johannes Karf.", SWEDISH)


def test_a_larger_line_inside_a_span_breaks_it() -> None:
    body = "Rekrytering av välfärdschef\nVälfärdsnämnden antecknade informationen för kännedom."
    page = Page(9, body, "", sizes=(14.0, 10.0, 10.0, 10.0))
    assert layout_breaks(Layout.of(page), 0, len(body))
    assert not layout_breaks(Layout.of(page), body.index("Välfärds"), len(body))
