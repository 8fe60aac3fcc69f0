"""--party and --speaker mean made by (signed, moved, said), not named on the page: on real
minutes of Alingsås KS and BUN (2026) and Nacka KS (2018). What a careful reader credits:
a protokollsanteckning's sentences are its signers', a sentence whose subject acts ('Hans
Peters (C) yrkade bifall …') is that person's, and a name in an attendance list or in the
chair's proposition ('Nej-röst för avslag till Heidi Hankanen Ängbergs (C) förslag') is
nobody's act."""

from __future__ import annotations

import pytest

from conftest import shared_dir
from pipeline.answer.listings import amounts
from pipeline.answer.quotes import quotes
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.settings import Settings
from pipeline.store.reads import CatalogReader

FILES = ["alingsas/ks_protokoll_2026-06-15.pdf", "alingsas/bun_protokoll_2026-06-16.pdf"]
FILES += ["nacka/minutes_ks_2018-02-19.pdf"]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(index_dir=tmp_path_factory.mktemp("acts") / "index", ocr="never")
    ingest([shared_dir("realworld") / f for f in FILES], settings)
    return settings


@pytest.mark.realworld
def test_a_partys_protokollsanteckning_is_quoted_as_its(minutes: Settings) -> None:
    found = quotes(minutes, "Nolhaga", Filters(party="S"))  # S writes 'Nolhagaområdet' only
    assert {(q["paragraph"], q["page"]) for q in found} == {("§ 114", 9), ("§ 114", 10)}
    assert all(q["parties"] == ["S"] and "Anton César" in q["speakers"] for q in found)
    assert any(q["quote"].startswith("Socialdemokraterna delar uppfattningen att parkering") for q in found)
    ours = quotes(minutes, "Nolhaga", Filters(party="M"))
    assert ours and not {q["quote"] for q in ours} & {q["quote"] for q in found}


@pytest.mark.realworld
def test_the_chairs_proposition_is_nobodys_statement(minutes: Settings) -> None:
    everyone = quotes(minutes, "förslag", Filters())
    named = [q for q in everyone if "Hankanen Ängbergs (C) förslag" in q["quote"]]
    assert named and all(q["parties"] == [] for q in named)  # the chair names her proposal
    hers = quotes(minutes, "förslag", Filters(party="C"))
    assert not any("Hankanen Ängbergs" in q["quote"] for q in hers)
    assert any(q["paragraph"] == "§ 43" and q["speakers"] == ["Heidi Hankanen Ängberg"] for q in hers)


@pytest.mark.realworld
def test_a_speaker_is_found_by_whole_name_or_surnames(minutes: Settings) -> None:
    for name in ("Heidi Hankanen Ängberg", "hankanen ängberg", "Ängberg"):
        found = quotes(minutes, "förslag", Filters(speaker=name))
        assert found and all(q["speakers"] == ["Heidi Hankanen Ängberg"] for q in found), name
        hits = search(minutes, "förslag", Filters(speaker=name)).hits
        assert hits and all("Heidi Hankanen Ängberg" in h["speakers"] for h in hits), name


@pytest.mark.realworld
def test_a_member_who_is_only_present_made_nothing(minutes: Settings) -> None:
    """Börje Olsson (V) is in BUN's attendance list and acts in no item."""
    assert search(minutes, "Börje Olsson", Filters()).hits  # he is on the page
    assert search(minutes, "barn", Filters(speaker="Börje Olsson")).hits == []
    assert quotes(minutes, "barn", Filters(speaker="Börje Olsson")) == []


@pytest.mark.realworld
def test_a_mover_is_the_subject_of_the_sentence(minutes: Settings) -> None:
    found = quotes(minutes, "bifall", Filters(party="C"))
    moved = "Hans Peters (C) yrkade bifall till verksamhetsutskottets förslag."
    assert any(q["quote"] == moved for q in found)
    assert all(q["parties"] == ["C"] for q in found)


@pytest.mark.realworld
def test_amounts_are_a_partys_where_its_statement_states_them(minutes: Settings) -> None:
    """Nacka KS § 59: S and V's anteckning sets out what the state paid."""
    found = amounts(minutes, Filters(party="V"))
    assert found and all(a["paragraph"] == "§ 59" and a["parties"] == ["S", "V"] for a in found)
    assert {"15,3 miljoner kr", "17,6 miljoner kr"} <= {a["text"] for a in found}
    assert len(amounts(minutes, Filters())) > 5 * len(found)  # the rest are nobody's


def test_a_party_as_the_subject_makes_the_statement() -> None:
    """'Sverigedemokraterna reserverar sig …', 'M-, KD- och L-ledamöterna lämnar …': a party
    or its members as a group; their written text stays the statement's (BUN § 44's
    'Moderaterna, Kristdemokraterna och Liberalerna reserverar sig …' is the text of the
    reservation its five signers announce, not a second one)."""
    from pipeline.extract.acts import acted
    from pipeline.extract.layout import FlatLine
    from pipeline.extract.politics import statements
    from pipeline.models import Page, Part, Section, Sentence

    text = [
        "Reservationer",
        "Sverigedemokraterna reserverar sig mot beslutet.",
        "M-, KD- och L-ledamöterna lämnar följande protokollsanteckning:",
        "Moderaterna, Kristdemokraterna och Liberalerna reserverar sig mot en del av beslutet.",
        "Vi anser att målet är för lågt satt.",
        "Beslutsgång",
    ]
    found = statements([FlatLine(1, i, line, False, 10.0) for i, line in enumerate(text)])
    assert [(s.kind, s.parties, s.names) for s in found] == [
        ("reservation", ("SD",), ()),
        ("protokollsanteckning", ("M", "KD", "L"), ()),
    ]
    assert found[1].text.endswith("Vi anser att målet är för lågt satt.")
    body = "\n".join(text)
    said = Sentence(1, body.index("Sverigedemokraterna"), body.index("beslutet.") + len("beslutet."))
    section = Section(None, 1, "x", 1, 1, body, "paragraph", statements=found)
    (mine,) = acted(Part(0, "protokoll", "x", 1, 1), [Page(1, body, "")], [section], [said])
    assert mine.parties == ("SD",) and mine.people == ()


@pytest.mark.realworld
def test_a_name_cut_at_a_line_break_is_the_whole_person(minutes: Settings) -> None:
    """'Heidi' ends one line and 'Hankanen Ängberg (C)' starts the next: one person."""
    from pipeline.answer.listings import speakers

    with CatalogReader.open(minutes.catalog_path) as catalog:
        assert "Hankanen Ängberg" in {r.name for r in catalog.speaker_rows()}  # as the text has it
    names = {p["name"]: p["party"] for p in speakers(minutes)}
    assert names["Heidi Hankanen Ängberg"] == "C" and "Hankanen Ängberg" not in names
