"""The words the stages share: what a document, a section, a statement and a page's text can
be (stored as these strings), the kinds compare reads as plans and reports, and the other
names a kind is written with. models.py gives them to the stages with the records."""

from __future__ import annotations

from enum import StrEnum

# A capital letter in the rules' regular expressions, written inside a class: rf"[{UPPER}]",
# rf"[{UPPER}a-zåäö]". É and Ü open names ('Élise', 'Ümit') as Å, Ä and Ö open words.
UPPER = "A-ZÅÄÖÉÜ"


class DocumentKind(StrEnum):
    """What a document is (Meta.kind), or a part of a composite PDF (Part.kind): its members
    are the strings stored and shown ('protokoll'), each named as its value in capitals."""

    PROTOKOLL = "protokoll"  # a whole meeting's minutes
    PROTOKOLLSUTDRAG = "protokollsutdrag"  # an extract of minutes: one § item or a few
    PROTOKOLLSANTECKNING = "protokollsanteckning"  # also a reservation or särskilt yttrande on its own
    TJÄNSTEUTLÅTANDE = "tjänsteutlåtande"
    MOTION = "motion"
    INTERPELLATION = "interpellation"
    FRÅGA = "fråga"
    FÖREDRAGNINGSLISTA = "föredragningslista"  # an agenda, or a kallelse
    VERKSAMHETSPLAN = "verksamhetsplan"  # also an affärsplan, nämndplan, inriktning, mål och budget
    BUDGET = "budget"  # a budget, its frames (ramar) or its underlag
    VERKSAMHETSBERÄTTELSE = "verksamhetsberättelse"
    ÅRSREDOVISNING = "årsredovisning"  # also an årsbokslut or bokslut
    DELÅRSRAPPORT = "delårsrapport"
    MÅNADSUPPFÖLJNING = "månadsuppföljning"  # also an uppföljning of a plan or budget
    REVISIONSBERÄTTELSE = "revisionsberättelse"
    GRANSKNINGSRAPPORT = "granskningsrapport"  # also a rapportsammandrag
    ÅRSREDOGÖRELSE = "årsredogörelse"
    TJÄNSTESKRIVELSE = "tjänsteskrivelse"
    BILAGA = "bilaga"  # an appendix published on its own, naming the meeting's §
    OTHER = "other"


# the kinds of minutes: a whole meeting's, or an extract of some of its § items
MINUTES_KINDS = (DocumentKind.PROTOKOLL, DocumentKind.PROTOKOLLSUTDRAG)

# what compare takes as a plan (what was meant to be done, spent) and as a report on it
PLAN_KINDS = (DocumentKind.VERKSAMHETSPLAN, DocumentKind.BUDGET)
REPORT_KINDS = (
    DocumentKind.VERKSAMHETSBERÄTTELSE,
    DocumentKind.ÅRSREDOVISNING,
    DocumentKind.DELÅRSRAPPORT,
    DocumentKind.MÅNADSUPPFÖLJNING,
    DocumentKind.ÅRSREDOGÖRELSE,
    DocumentKind.REVISIONSBERÄTTELSE,
    DocumentKind.GRANSKNINGSRAPPORT,
)

# the other names a kind is written with: --kind affärsplan means a verksamhetsplan
KIND_ALIASES: dict[str, DocumentKind] = {
    "affärsplan": DocumentKind.VERKSAMHETSPLAN,
    "nämndplan": DocumentKind.VERKSAMHETSPLAN,
    "inriktning": DocumentKind.VERKSAMHETSPLAN,
    "mål och budget": DocumentKind.VERKSAMHETSPLAN,
    "årsplan": DocumentKind.VERKSAMHETSPLAN,
    "strategisk plan": DocumentKind.VERKSAMHETSPLAN,
    "årsbokslut": DocumentKind.ÅRSREDOVISNING,
    "bokslut": DocumentKind.ÅRSREDOVISNING,
    "uppföljning": DocumentKind.MÅNADSUPPFÖLJNING,
    "rapportsammandrag": DocumentKind.GRANSKNINGSRAPPORT,
}


class SectionKind(StrEnum):
    """What a Section is: a plan's or report's goal area, numbered priority or other heading,
    its tree (goal, focus area, indicator, budget line), or a § item of minutes (stored as
    'paragraph')."""

    PRIORITY = "priority"
    AREA = "area"
    HEADING = "heading"
    ITEM = "paragraph"
    GOAL = "goal"  # a plan's or report's goal (övergripande mål, målområde)
    FOCUS = "focus"  # a focus area or priority under a goal: listed, bulleted or boxed
    INDICATOR = "indicator"  # a result indicator; its text one line per year: '2018: 97 (95)'
    BUDGET = "budget"  # a budget line


class StatementKind(StrEnum):
    """What a Statement on a § item is."""

    PROTOKOLLSANTECKNING = "protokollsanteckning"
    RESERVATION = "reservation"
    SÄRSKILT_YTTRANDE = "särskilt yttrande"


class PageQuality(StrEnum):
    """Whether a page's text can be trusted (extract/quality.py)."""

    GOOD = "good"
    GARBLED = "garbled"  # a broken font map: never quoted
