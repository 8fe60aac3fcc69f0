"""extract/lexicon.py: lemmas and compound parts of Swedish words from the word lists, on
words of the real documents."""

from __future__ import annotations

from functools import cache

from pipeline.extract.lexicon import Lexicon
from pipeline.settings import Settings


@cache
def _lexicon() -> Lexicon:
    return Lexicon(Settings().cache_dir)


def test_a_compound_the_table_lacks_gets_its_heads_lemma() -> None:
    assert _lexicon().lemma("trygghetskamerorna") == "trygghetskamera"
    assert _lexicon().lemma("nämnderna") == "nämnd"


def test_a_compound_is_split_into_its_parts_and_its_heads_parts() -> None:
    assert _lexicon().parts("stadsbyggnadsnämnden") == ("stad", "byggnadsnämnd", "byggnad", "nämnd")
    assert _lexicon().parts("ansvar") == ()  # not 'ans|var': 'ans' begins no compound


def test_knows_words_of_the_lists_as_written() -> None:
    assert _lexicon().knows("samt") and _lexicon().knows("beslut")
    assert not _lexicon().knows("protokojjet")  # a broken font map's word (Nykarleby 2022-09-15)


def test_looked_up_is_the_tables_entry_as_written() -> None:
    assert _lexicon().looked_up("beslutade") == "besluta"
    assert _lexicon().looked_up("Vvllvrdsnvrndens") is None
