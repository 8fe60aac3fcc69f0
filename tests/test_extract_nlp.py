"""extract/nlp.py: the language stage, on text of the real documents: whether a word is
Swedish, a page's quality, and a part's amounts and sentences."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract.lexicon import Lexicon
from pipeline.extract.nlp import extract_part, knows, lexicon, page_quality, reads_better
from pipeline.models import DocumentKind, Page, PageQuality, Part
from pipeline.settings import Settings

CACHE = Settings().cache_dir
OTHER = Part(0, DocumentKind.OTHER, "", 1, 1)
# Nykarleby Välfärdsnämnden 2022-09-15, page 4: the text layer (a broken font map) and its OCR
LAYER = """I tur at justera protokojjet är medjemmarna Johannes Karf och Anna Kengo.
(Föjjande i tur är Johanna Norrbygård och Tua Backman).
Bildningsdirektör/t vvllvrdsscel Teresia Töterrann-ngströrs lörslag:
Väjfärdsnämnden utser protokojjjusterare.
Protokojjet justeras ejektroniskt senast 21.9.2022 kj. 16.00.
Vvllvrdsnvrndens beslut:
Tijj protokojjjusterare utsågs Johanna Norrbygård och Tua Backman."""
OCR = """I tur att justera protokollet är medlemmarna Johannes Karf och Anna Kengo.
(Följande i tur är Johanna Norrbygård och Tua Backman).
Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engströms förslag:
Välfärdsnämnden utser protokolljusterare.
Protokollet justeras elektroniskt senast 21.9.2022 kl. 16.00.
Välfärdsnämndens beslut:
Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman."""


def test_lexicon_is_the_word_lists_and_knows_is_whether_a_word_is_swedish() -> None:
    assert isinstance(lexicon(CACHE), Lexicon)
    swedish = knows(CACHE)
    assert swedish("trygghetsdialogerna")  # a compound of two known words
    assert swedish("samt") and not swedish("protokojjet")


def test_a_broken_font_map_is_garbled_and_ocr_reads_better() -> None:
    assert page_quality(LAYER, CACHE) == PageQuality.GARBLED
    assert page_quality(OCR, CACHE) == PageQuality.GOOD
    assert reads_better(OCR, LAYER, CACHE) and not reads_better(LAYER, OCR, CACHE)


def test_a_parts_amounts_with_their_qualifier_and_sentence() -> None:
    text = (  # Nacka KSVU 2018-12-18, page 8
        "Beräknat sammanlagt värde för avtalet är cirka 1 750 000 kronor årligen, viket ger en\n"
        "totalkostnad på cirka 7 000 000 kronor."
    )
    found = extract_part(OTHER, [Page(8, text, "")], cache_dir=CACHE)
    assert [(a.text, a.value, a.qualifier, a.page) for a in found.amounts] == [
        ("1 750 000 kronor", Decimal(1_750_000), "cirka", 8),
        ("7 000 000 kronor", Decimal(7_000_000), "cirka", 8),
    ]
    assert [(s.start, s.end, s.quotable) for s in found.sentences] == [(0, len(text), True)]


def test_euro_amounts_and_a_full_stop_after_the_euro_sign() -> None:
    text = "EU:s Erasmus+ program var 25 450€, därtill bidrog Svenska Kulturfonden med\n6000€."
    found = extract_part(OTHER, [Page(9, text, "")], cache_dir=CACHE).amounts
    assert [(a.text, a.value, a.currency) for a in found] == [
        ("25 450€", Decimal(25_450), "EUR"),
        ("6000€", Decimal(6000), "EUR"),
    ]


def test_a_garbled_pages_sentences_are_never_quotable() -> None:
    page = Page(4, LAYER, "", quality=PageQuality.GARBLED)
    assert not any(s.quotable for s in extract_part(OTHER, [page], cache_dir=CACHE).sentences)
