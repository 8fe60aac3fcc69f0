"""Forms other municipalities' minutes print that the real files here do not: a statement
under its label with only its signers' names, a signature's label and name on one line,
a party-first list of members. Each rule is checked on the lines a reader would see."""

from __future__ import annotations

import pytest

from pipeline.extract.layout import FlatLine
from pipeline.extract.parties import speakers_in
from pipeline.extract.politics import statements
from pipeline.extract.roll import roll_call


def _lines(*text: str) -> list[FlatLine]:
    return [FlatLine(1, i, line, False, 10.0) for i, line in enumerate(text)]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (("Reservation", "Anna Berg (M) och Per Ek (KD)", "Beslutsgång"), ("reservation", ("M", "KD"))),
        (("Reservation: Lisa Ny (SD)",), ("reservation", ("SD",))),
        (("Särskilt yttrande", "Kalle Ek (V)."), ("särskilt yttrande", ("V",))),
        (("Protokollsanteckning", "Eva Lund (L), Nils Bo (C)"), ("protokollsanteckning", ("L", "C"))),
    ],
)
def test_a_statement_under_its_label_by_names_alone(
    lines: tuple[str, ...], want: tuple[str, tuple[str, ...]]
) -> None:
    (found,) = statements(_lines(*lines))
    assert (found.kind, found.parties) == want


def test_a_label_over_an_announcing_sentence_is_one_statement() -> None:
    """'Reservation' above 'Anna Berg (M) reserverar sig …' is that reservation, not two."""
    found = statements(_lines("Reservation", "Anna Berg (M) reserverar sig mot beslutet.", "Beslutsgång"))
    assert [(s.kind, s.names) for s in found] == [("reservation", ("Anna Berg",))]


def test_a_label_over_prose_is_no_statement() -> None:
    assert statements(_lines("Reservationer", "Inga reservationer lämnades.")) == ()


def test_signatures_with_label_and_name_on_one_line() -> None:
    text = "\n".join(
        [
            "Beslutande Anna Berg (S), ordförande",
            "Per Ek (M)",
            "Sekreterare  Eva Ek  Paragrafer §§ 1-9",
            "Justerande Per Ek",
            "Sekreterare mötet öppnades",
        ]
    )
    seats = {(s.name, s.role) for s in roll_call(text)}
    assert seats == {
        ("Anna Berg", "ordförande"),
        ("Per Ek", "ledamot"),
        ("Eva Ek", "sekreterare"),
        ("Per Ek", "justerare"),
    }


def test_a_party_first_list_of_members() -> None:
    text = "Ledamöter\n(C) Anna Berg\n(S) Per Ek\n(M) Lisa Nyström\nNujin Alacabek\n(V) har ordet."
    assert [(n, p) for n, p, _ in speakers_in(text)] == [
        ("Anna Berg", "C"),
        ("Per Ek", "S"),
        ("Lisa Nyström", "M"),
        ("Nujin Alacabek", "V"),
    ]


# Forms written from other municipalities' minutes (Umeå, Göteborg, Stockholm KF, Örebro, the
# small municipalities' Word templates, 1990s and 2000s), tried by someone who did not write the rules.
@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Mot beslutet reserverar sig Per Ek (SD) och Lisa Ny (SD).", ("reservation", ("SD",))),
        ("Mot beslutet reserverar sig Moderaterna och Kristdemokraterna.", ("reservation", ("M", "KD"))),
        ("Lisa Ny (V) får lämna en protokollsanteckning.", ("protokollsanteckning", ("V",))),
        (
            "Lisa Ny (V) begär att få lämna en protokollsanteckning, bilaga 4.",
            ("protokollsanteckning", ("V",)),
        ),
        ("Per Ek (M) och Lisa Ny (M) inkommer med skriftlig reservation, bilaga 5.", ("reservation", ("M",))),
        ("Reservation anmäls av Per Ek (M) till förmån för eget yrkande.", ("reservation", ("M",))),
        ("Ledamöterna för Sverigedemokraterna reserverar sig mot beslutet.", ("reservation", ("SD",))),
        ("Lisa Ny (fp) reserverar sig mot beslutet.", ("reservation", ("L",))),
    ],
)
def test_statements_in_other_words(line: str, want: tuple[str, tuple[str, ...]]) -> None:
    (found,) = statements(_lines(line))
    assert (found.kind, found.parties) == want


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (("Under överläggningen yrkar Per Ek (M) avslag på motionen.",), [(("Per Ek",), "avslag")]),
        (
            (
                "Yrkanden",
                "Per Ek (M): Avslag på motionen.",
                "Anna Berg (S): Bifall till kommunstyrelsens förslag.",
            ),
            [(("Per Ek",), "avslag"), (("Anna Berg",), "bifall")],
        ),
        (("Per Ek (M) lämnar ett tilläggsyrkande enligt bilaga 2.",), [(("Per Ek",), "tillägg")]),
        (
            ("Maria Sund (C) yrkar bifall till förslaget med tillägget att skolan byggs.",),
            [(("Maria Sund",), "tillägg")],
        ),
    ],
)
def test_proposals_in_other_words(lines: tuple[str, ...], want: list[tuple[tuple[str, ...], str]]) -> None:
    from pipeline.extract.proposals import proposals

    assert [(tuple(p.name for p in x.people), x.proposal) for x in proposals(_lines(*lines))] == want


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (("Omröstningsresultat: 7 ja, 6 nej",), (7, 6, 0)),
        (("Omröstningen utfaller med sju röster mot sex för arbetsutskottets förslag.",), (7, 6, 0)),
        (("Med 6 röster mot 5 och 2 som avstår beslutar nämnden att avslå motionen.",), (6, 5, 2)),
        (
            ("Omröstningen utfaller med 7 ja-röster och 6 nej-röster. 2 ledamöter avstår från att rösta.",),
            (7, 6, 2),
        ),
        (("Omröstningsresultat", "Ja-röster: 7", "Nej-röster: 6", "Avstår: 2"), (7, 6, 2)),
        (("Nämnden beslutar med 9 röster mot 2 att bifalla förslaget.",), (9, 2, 0)),
    ],
)
def test_vote_counts_in_other_words(lines: tuple[str, ...], want: tuple[int, int, int]) -> None:
    from pipeline.extract.votes import votes

    (vote,) = votes(_lines(*lines))
    assert (vote.ja, vote.nej, vote.avstar) == want


def test_what_ja_and_nej_stood_for_in_one_sentence() -> None:
    from pipeline.extract.votes import votes

    text = (
        "Ja för bifall till arbetsutskottets förslag, nej för bifall till Per Eks (M) yrkande.",
        "Omröstningen utfaller med 6 ja-röster mot 5 nej-röster.",
    )
    (vote,) = votes(_lines(*text))
    assert (vote.ja_for, vote.nej_for) == (
        "bifall till arbetsutskottets förslag",
        "bifall till Per Eks (M) yrkande",
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Beslutande\nAnna Berg (S) ordförande\nPer Ek (M) 1:e vice ordförande",
            {("Anna Berg", "ordförande"), ("Per Ek", "vice ordförande")},
        ),
        (
            "Beslutande\nAnna Berg (S) ordf\nPer Ek (M), 2:e vice ordf.",
            {("Anna Berg", "ordförande"), ("Per Ek", "vice ordförande")},
        ),
        ("Beslutande\nPer Ek (M) tjg ersättare för Lisa Ny (M)", {("Per Ek", "tjänstgörande ersättare")}),
        (
            "Övriga närvarande\nKarin Sjöberg, kommundirektör\nLena Persson, ekonom §§ 4-6",
            {("Karin Sjöberg", "kommundirektör"), ("Lena Persson", "ekonom")},
        ),
        ("Beslutande\nAnna Berg (S)\nFrånvarande ledamöter\nLisa Ny (V)", {("Anna Berg", "ledamot")}),
        ("Ledamöter: Anna Berg (S), ordförande", {("Anna Berg", "ordförande")}),
        ("Utses att justera  Per Ek (M), med Lisa Ny (V) som ersättare", {("Per Ek", "justerare")}),
    ],
)
def test_roll_calls_in_other_words(text: str, want: set[tuple[str, str]]) -> None:
    assert {(s.name, s.role) for s in roll_call(text)} == want


def test_party_tags_in_any_case_and_no_organisations() -> None:
    text = "Anna Berg (s), Per Ek (m) och Lisa Ny (-) yttrar sig. Lisa Ek (ÖrP) svarar."
    text += " Region Skåne (RS) har yttrat sig."
    assert [(n, p) for n, p, _ in speakers_in(text)] == [
        ("Anna Berg", "S"),
        ("Per Ek", "M"),
        ("Lisa Ny", "-"),
        ("Lisa Ek", "ÖrP"),
    ]


def test_two_omrostningar_each_with_its_own_voteringslista() -> None:
    from pipeline.extract.votes import votes

    head = (("Ja", 300.0), ("Nej", 340.0), ("Avstår", 390.0))

    def row(i: int, name: str, x: float) -> FlatLine:
        return FlatLine(1, i, f"{name}, ledamot X", False, 10.0, (("X", x),))

    lines = [
        FlatLine(1, 0, "Med 1 ja-röst och 1 nej-röst beslutar nämnden att avgöra ärendet idag.", False, 10.0),
        FlatLine(1, 1, "Med 2 ja-röster och 0 nej-röster bifaller nämnden förslaget.", False, 10.0),
        FlatLine(2, 2, "Ledamot Ja Nej Avstår", False, 10.0, head),
        row(3, "Anna Berg (S)", 301.0),
        row(4, "Per Ek (M)", 341.0),
        FlatLine(3, 5, "Ledamot Ja Nej Avstår", False, 10.0, head),
        row(6, "Anna Berg (S)", 300.5),
        row(7, "Per Ek (M)", 299.0),
    ]
    first, second = votes(lines)
    assert [v for _, _, v in first.voters] == ["ja", "nej"] and (first.ja, first.nej) == (1, 1)
    assert [v for _, _, v in second.voters] == ["ja", "ja"] and (second.ja, second.nej) == (2, 0)
