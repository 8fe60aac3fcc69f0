"""A plan's tree read from the structure of its pages, in layouts other than the real
files the rules were first tried on: a bold goal over a bulleted list of priorities and a list
of indicators with their targets, a follow-up's boxed priorities, a scorecard's rows."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.answer.measures import measure
from pipeline.extract.goals import tree_sections
from pipeline.models import Page, Section

RUNNING = "Nämnden arbetar under året vidare med de delar av planen som kommunfullmäktige har beslutat om."


def page(number: int, lines: Sequence[tuple[str, bool, float]]) -> Page:
    """A page of (text, bold, size) lines."""
    return Page(
        number,
        "\n".join(t for t, _, _ in lines),
        "",
        tuple(i for i, (_, bold, _) in enumerate(lines) if bold),
        tuple(size for _, _, size in lines),
    )


def kinds(found: Sequence[Section]) -> list[tuple[str, str | None, str]]:
    return [(s.kind, s.area, s.title) for s in found]


def test_a_bold_goal_its_bulleted_priorities_and_its_indicators_with_targets() -> None:
    plan = page(
        1,
        [
            (RUNNING, False, 10.0),
            ("Trygg och säker kommun", True, 12.0),
            ("Prioriterade områden:", False, 10.0),
            ("• Fler trygghetsvandringar i alla kommundelar", False, 10.0),
            ("• Belysning längs gång- och cykelvägar som", False, 10.0),
            ("  ofta används på kvällen", False, 10.0),
            (RUNNING, False, 10.0),
            ("Indikatorer", True, 10.0),
            ("Andel invånare som känner sig trygga ska öka. Mål 2024: 80 %", False, 10.0),
            ("Mål 2025: 85 %", False, 10.0),
            ("Antal anmälda brott per 1 000 invånare", False, 10.0),
            ("Uppföljning", True, 12.0),
            (RUNNING, False, 10.0),
        ],
    )
    found = tree_sections([plan])
    goal = "Trygg och säker kommun"
    assert kinds(found) == [
        ("goal", None, goal),
        ("focus", goal, "Fler trygghetsvandringar i alla kommundelar"),
        ("focus", goal, "Belysning längs gång- och cykelvägar som ofta används på kvällen"),
        ("indicator", goal, "Andel invånare som känner sig trygga ska öka."),
        ("indicator", goal, "Antal anmälda brott per 1 000 invånare"),
    ]
    assert found[3].text == "2024: 80 %\n2025: 85 %"
    assert found[1].text.startswith("Nämnden arbetar")  # what follows the list, to the next heading


def test_running_text_under_a_heading_is_no_list_of_priorities() -> None:
    prose = page(
        1,
        [
            ("Inriktning och prioriteringar", True, 12.0),
            ("Nämnden har under året prioriterat att följa upp, bevaka och fördjupa", False, 10.0),
            ("dialogen med föreningarna och stärka arbetet i kommunen inom följande", False, 10.0),
            ("områden och verksamheter som nämnden ansvarar för.", False, 10.0),
            (RUNNING, False, 10.0),
        ],
    )
    assert tree_sections([prose]) == []


def test_a_follow_up_quoting_its_plan_in_boxes() -> None:
    follow_up = page(
        3,
        [
            ("Uppföljning per område", True, 20.0),
            (RUNNING, False, 11.0),
            ("Läsfrämjande insatser", True, 14.0),
            ("Alla skolor ska ha ett bemannat skolbibliotek och ett läsfrämjande arbete", True, 11.0),
            ("som når alla elever i årskurs 1–6.", True, 11.0),
            ("Under våren har tre skolbibliotek bemannats och arbetet fortsätter under hösten.", False, 11.0),
            (RUNNING, False, 11.0),
            ("Lokaler", True, 14.0),
            ("Lokalförsörjningsplanen ska revideras och antas av nämnden under året.", True, 11.0),
            ("Revideringen har påbörjats och planen beräknas antas i oktober av nämnden.", False, 11.0),
        ],
    )
    found = tree_sections([follow_up])
    assert kinds(found) == [("focus", None, "Läsfrämjande insatser"), ("focus", None, "Lokaler")]
    assert found[0].text.startswith("Under våren har tre skolbibliotek")  # the report, not the quote
    assert "påbörjats" in found[1].text


def test_a_scorecards_rows_with_targets_and_outcomes_per_year() -> None:
    card = page(
        1,
        [
            ("Ett hållbart samhälle", True, 1.0),
            ("Indikator Mål (utfall)", True, 1.0),
            ("2022", True, 1.0),
            ("Mål (utfall)", True, 1.0),
            ("2023", True, 1.0),
            ("Andel ekologiska livsmedel (%) 40 (38) 45 (47)", False, 1.0),
            ("Sjukfrånvaro bland medarbetare i", False, 1.0),
            ("förskolan (%) 6,0 (7,1) 5,5 (5,2)", False, 1.0),
        ],
    )
    found = tree_sections([card])
    assert kinds(found) == [
        ("goal", None, "Ett hållbart samhälle"),
        ("indicator", "Ett hållbart samhälle", "Andel ekologiska livsmedel (%)"),
        ("indicator", "Ett hållbart samhälle", "Sjukfrånvaro bland medarbetare i förskolan (%)"),
    ]
    food, sick = found[1], found[2]
    assert food.text == "2022: 40 (38)\n2023: 45 (47)"
    assert measure(food.title, food.text, 2023) == measure(food.title, food.text, None)
    met = measure(food.title, food.text, 2023)
    assert met is not None and (met.target, met.outcome, met.met) == ("45", "47", True)
    low = measure(sick.title, sick.text, 2022)  # lower is better: 7,1 against 6,0 is not met
    assert low is not None and (low.target, low.outcome, low.met) == ("6,0", "7,1", False)
