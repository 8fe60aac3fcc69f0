"""What a plan, a report or a letter is, from what it calls itself: the kind's word at the head
of its title ('Affärsplan Välfärd skola 2019-2021', 'Fördjupad månadsuppföljning 2026',
'Stadsrevisionens årsredogörelse 2022', 'Underlag ramar 2027-2029'), and whether a
tjänsteskrivelse carries the plan or report its subject names or only sends it as a bilaga."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import DocumentKind, Page

# A kind's words, as the last part of a title's word ('Driftbudget', 'Budgetuppföljning'); the
# first word of a title that names a kind decides it ('Uppföljning inriktning budget' is an
# uppföljning of a plan, not the plan).
KIND_WORDS: tuple[tuple[DocumentKind, str], ...] = (
    (DocumentKind.TJÄNSTESKRIVELSE, "tjänsteskrivelse"),
    (DocumentKind.VERKSAMHETSBERÄTTELSE, "verksamhetsberättelse"),
    (DocumentKind.REVISIONSBERÄTTELSE, "revisionsberättelse"),
    (DocumentKind.ÅRSREDOGÖRELSE, "årsredogörelse"),
    (DocumentKind.GRANSKNINGSRAPPORT, "granskningsrapport|rapportsammandrag|revisionsrapport|granskning"),
    (DocumentKind.DELÅRSRAPPORT, "delårsrapport|delårsbokslut|delårsredovisning|tertialrapport"),
    (DocumentKind.ÅRSREDOVISNING, "årsredovisning|bokslut"),  # 'Årsbokslut' ends with 'bokslut'
    (DocumentKind.MÅNADSUPPFÖLJNING, "uppföljning|månadsrapport"),  # 'Månadsuppföljning', 'Uppföljning'
    (DocumentKind.VERKSAMHETSPLAN, "verksamhetsplan|affärsplan|nämndplan|inriktning|flerårsplan|årsplan"),
    (DocumentKind.BUDGET, "budget|ramar|budgetramar"),  # 'Internbudget', 'Underlag ramar'
)
# 'Mål och budget 2024–2026' is a plan, whatever its last word says
# and a 'Strategisk plan 2024–2027' is the plan its reports follow up
PHRASES = (
    (DocumentKind.VERKSAMHETSPLAN, re.compile(r"^mål\s+och\s+budget\b", re.IGNORECASE)),
    (DocumentKind.VERKSAMHETSPLAN, re.compile(r"^strategisk\s+plan\b", re.IGNORECASE)),
)
_WORD = {kind: re.compile(rf"(?:{words})(?:en|et|n|ar|er|s)?", re.IGNORECASE) for kind, words in KIND_WORDS}
# words that make the title about something else: 'Motion om budget', 'Svar på granskning'
ABOUT = frozenset(
    (
        "om",
        "av",
        "på",
        "till",
        "att",
        "med",
        "inför",
        "angående",
        "avseende",
        "gällande",
        "rörande",
        "från",
        "i",
    )
)
LEAD = re.compile(r"^(?:Bilaga\s+\d+[.:]?\s+|Förslag\s+till\s+|Underlag\s+(?:för\s+|till\s+)?)", re.I)
HEAD_WORDS = 3  # the kind's word stands among a title's first words: 'Tekniska nämndens genomlysning'
TJSKR_RE = re.compile(r"^(?:TJÄNSTESKRIVELSE|Tjänsteskrivelse)\b")
ATTACHMENTS_RE = re.compile(r"^(?:Bilagor|BILAGOR|Bilaga|Bifogade handlingar|Bilageförteckning)\s*:?$")
ATTACHED_RE = re.compile(r"^(?:Bilaga|BILAGA)\s+\d+\s*[.:,–-]?\s+(.+)$")  # 'Bilaga 1, styrkort Välfärd skola'
NUMBERED_RE = re.compile(r"^(?:\d{1,2}[.):]?|[-•–])\s+")  # a list's mark: '1. ', '• '


def title_kind(title: str) -> DocumentKind | None:
    """The kind a title names at its head, or None ('Genomlysning 2026–2027')."""
    text = LEAD.sub("", " ".join(title.split()))
    for kind, phrase in PHRASES:
        if phrase.search(text):
            return kind
    for word in re.findall(r"[\wåäöÅÄÖ]+", text)[:HEAD_WORDS]:
        if word.casefold() in ABOUT:
            return None
        for kind, pattern in _WORD.items():
            if pattern.fullmatch(word) or _ends_with(word, pattern):
                return kind
    return None


def _ends_with(word: str, pattern: re.Pattern[str]) -> bool:
    """'Driftbudget', 'Budgetuppföljning': a compound whose last part is a kind's word."""
    return any(pattern.fullmatch(word[k:]) for k in range(3, len(word) - 4))


LABEL_WORDS = 3  # a label is short: 'Granskningsrapport', 'Delårsrapport 2023'


def label_kind(page: Page) -> DocumentKind | None:
    """The kind a first page's label names where its title names none: a short line of its
    letterhead or its first lines ('Stadsrevisionen' / 'Årsredogörelse' above the cover's
    heading 'Stadsrevisionen sammanfattar …')."""
    lines = [x.strip() for x in page.furniture.split("\n") + page.body.split("\n")[:3] if x.strip()]
    found = (title_kind(x) for x in lines if len(x.split()) <= LABEL_WORDS)
    return next((kind for kind in found if kind is not None), None)


def is_letter(page: Page) -> bool:
    """A tjänsteskrivelse's first page: the word as a label among its first lines."""
    lines = [x.strip() for x in f"{page.furniture}\n{page.body}".split("\n") if x.strip()]
    return any(TJSKR_RE.match(line) and len(line.split()) <= 4 for line in lines[:8])


def carried_kind(title: str, pages: Sequence[Page]) -> DocumentKind:
    """What a tjänsteskrivelse is: the plan or report its subject names when it holds it
    ('Årsbokslut Välfärd skola 2018' written out in the letter), a tjänsteskrivelse when it
    sends it as a bilaga (its list of bilagor names the subject) or names none."""
    kind = title_kind(title)
    if kind is None or kind == DocumentKind.TJÄNSTESKRIVELSE or _attaches(kind, pages):
        return DocumentKind.TJÄNSTESKRIVELSE
    return kind


def _attaches(kind: DocumentKind, pages: Sequence[Page]) -> bool:
    """Whether the letter's list of bilagor names a document of ``kind`` ('Bilagor' /
    '1. Affärsplan Välfärd skola 2019-2021', 'Bilaga 2: Delårsrapport augusti 2023')."""
    for page in pages:
        lines = [x.strip() for x in page.body.split("\n") if x.strip()]
        for i, line in enumerate(lines):
            listed = lines[i + 1 : i + 12] if ATTACHMENTS_RE.match(line) else []
            named = ATTACHED_RE.match(line)
            listed += [named.group(1)] if named else []
            if any(title_kind(NUMBERED_RE.sub("", x)) == kind for x in listed):
                return True
    return False
