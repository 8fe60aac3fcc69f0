"""extract/votes.py: an omröstning's sides, counts and voteringslista, on the real minutes
(Alingsås BUN 2026-06-16 and KS 2026-06-15, Nacka KS 2018-02-19)."""

from __future__ import annotations

from pipeline.extract.layout import FlatLine, flatten
from pipeline.extract.votes import crossed, votes
from pipeline.models import Page, Vote

BUN = """Omröstning
Omröstning begärs.
Följande beslutsgång godkänns:
Ja-röst för bifall till förslag från Heidi Hankanen Ängbergs (C).
Nej-röst för avslag till Heidi Hankanen Ängbergs (C) förslag.
Omröstningsresultat
Med 2 ja-röster och 11 nej-röster finner ordföranden att barn- och ungdomsnämnden avslår
förslag från Heidi Hankanen Ängberg (C) ."""


def _votes(text: str) -> tuple[Vote, ...]:
    return votes(flatten([Page(15, text, "")]))


def test_what_ja_and_nej_stood_for_and_the_count() -> None:
    (vote,) = _votes(BUN)
    assert (vote.ja_for, vote.nej_for) == (
        "bifall till förslag från Heidi Hankanen Ängbergs (C)",
        "avslag till Heidi Hankanen Ängbergs (C) förslag",
    )
    assert (vote.ja, vote.nej, vote.avstar, vote.absent, vote.page) == (2, 11, 0, 0, 15)
    assert vote.result is not None and "Med 2 ja-röster och 11 nej-röster finner ordföranden" in vote.result


def test_a_count_in_words() -> None:
    (vote,) = _votes(
        "Med sju röster mot sex hade kommunstyrelsen beslutat i enlighet med Mats Gerdaus\nyrkande."
    )
    assert (vote.ja, vote.nej) == (7, 6)


def test_no_vote_where_none_was_taken() -> None:
    assert _votes("Ordföranden ställer arbetsutskottets förslag till beslut mot avslag och finner att") == ()


def test_a_voteringslista_of_crosses_under_its_columns() -> None:
    """Alingsås KS 2026-06-15, § 114: each cross's x-centre as pdfium reads it."""
    header = (("Ja", 395.1), ("Nej", 451.9), ("Avstår", 502.4))
    rows = [
        ("Jan-Erik Wallin (M), ordförande X", 395.6),
        ("Anton César (S), vice ordförande X", 452.3),
        ("Anita Hedén Unosson (S), ledamot X", 452.3),
    ]
    lines = [FlatLine(11, 0, "Ledamot Ja Nej Avstår", False, 9.0, header)]
    lines += [FlatLine(11, k + 1, text, False, 9.0, (("X", x),)) for k, (text, x) in enumerate(rows)]
    assert crossed(lines, None) == [
        [("Jan-Erik Wallin", "M", "ja"), ("Anton César", "S", "nej"), ("Anita Hedén Unosson", "S", "nej")]
    ]
