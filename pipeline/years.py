"""The year rules, in one place: which year a title is about, and which years
a ``--year`` value means. Every stage that needs a year asks here."""

from __future__ import annotations

import re

YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-9]\d)\b")
# a span of years in a title: 'Affärsplan 2019-2021', 'Genomlysning 2026–2027', 'mål 2024/2025'
TITLE_SPAN_RE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\b")
YEAR_RANGE_RE = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")


def year_in(title: str | None) -> int | None:
    """The last year written in a title: 'Verksamhetsplan 2020' -> 2020."""
    years = YEAR_RE.findall(title or "")
    return int(years[-1]) if years else None


def about_year(title: str | None, fallback: int | None) -> int | None:
    """The year a part or document is about: the last year in its title, else ``fallback``."""
    found = year_in(title)
    return found if found is not None else fallback


def parse_years(text: str | None) -> tuple[int, int] | None:
    """'2021' -> (2021, 2021); '2019-2022' -> (2019, 2022); None or '' -> None.
    Raises ValueError with a user-facing reason for anything else."""
    if not text:
        return None
    match = YEAR_RANGE_RE.match(text)
    if not match:
        raise ValueError(f"--year ska vara ett år eller ett spann som 2019-2022, inte {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (min(first, last), max(first, last))


def date_year(date: str | None) -> int | None:
    """The year of an ISO date ('2022-02-17' -> 2022)."""
    found = re.match(r"(\d{4})-", date or "")
    return int(found.group(1)) if found else None


def shown_year(date: str | None, about: int | None) -> int | None:
    """A hit's year: the year of its document's date (meeting, decision, publication),
    else the year it is about."""
    dated = date_year(date)
    return dated if dated is not None else about


def matched_years(date: str | None, about: int | None, title: str | None = None) -> set[int]:
    """The years ``--year`` finds a text under: its date's and the one it is about (a plan
    for 2022 adopted in 2021 is found under both), and every year of a span its title names
    (a plan for 2019–2021 is found under 2020 too)."""
    return {y for y in (date_year(date), about) if y is not None} | spanned_years(title)


def spanned_years(title: str | None) -> set[int]:
    """The years of the spans a title names: 'Underlag ramar 2027-2029' -> {2027, 2028, 2029}
    (a span of at most 10 years, first before last), with the other years a title with a span
    names: 'Budget 2026 och plan 2027–2028' -> {2026, 2027, 2028}."""
    found: set[int] = set()
    for first, last in TITLE_SPAN_RE.findall(title or ""):
        if 0 < int(last) - int(first) <= 10:
            found |= set(range(int(first), int(last) + 1))
    if found:
        found |= {int(y) for y in YEAR_RE.findall(title or "")}
    return found
