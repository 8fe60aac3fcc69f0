"""What the head of a plan's, a report's or a letter's first page says of it: the organ whose
document it is, the day it is dated, and the running head it is titled by.

The organ is read from a line that names an organ and nothing else (the letterhead
'Nämnden för Intraservice', a cover's 'tekniska nämnden', the addressee 'Kommunstyrelsen'),
from a labelled line ('Beslutande instans: Barn- och ungdomsnämnden', 'Till Göteborgs
kommunfullmäktige'), or from the organ a 'Förslag till beslut' opens with — never from a
table's row ('Överförmyndarnämnden 5 202 0 0') or a word of the text ('inom personalområdet').
The date is the one the page gives as its own: labelled ('Datum för beslut: 2026-05-26'), alone
on a line of its letterhead ('2018-11-19'), or where it is signed ('Göteborg den 9 april 2024'),
never a date in a sentence or a period ('januari–april')."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..models import UPPER, Page
from .clean import line_key
from .meeting import normalise_board, parse_date
from .organs import NAMED_ALTERNATIVES, ORGAN_WORDS
from .titles import DATE_ALONE_RE, DIARIE_RE, PAGE_MARK_RE

HEAD_LINES = 14  # the lines of a first page its letterhead, cover or addressee stand in
# an organ's head word: 'nämnd', …, and an audit's: 'Stadsrevisionen', 'Revisionen'
_HEAD = "|".join((*ORGAN_WORDS, "revision"))
_GENERIC = re.compile(rf"(?:{_HEAD})(?:en|et|n)?", re.IGNORECASE)  # 'Nämnden' alone names none
ORGAN_NAME_RE = re.compile(
    rf"""(?:[{UPPER}]?[a-zåäö]+-?\s+och\s+)?          # 'Barn- och ', 'Kretslopp och '
        (?:[{UPPER}]?[a-zåäö]+a\s+)?                   # 'Tekniska '
        [{UPPER}]?[a-zåäö-]*(?i:{_HEAD})(?:en|et|n)?s?  # 'Nämnden', 'Kommunstyrelsens', 'Stadsrevisionen'
        (?:\s+för\s+[{UPPER}]?[\w-]+(?:\s+och\s+[\w-]+)?)?      # ' för Intraservice'
        (?:\s+[a-zåäö]*(?:utskott|presidium)(?:et)?)?           # ' verksamhetsutskott'""",
    re.VERBOSE,
)
# what a line names beside its organ: a place's ('Göteborgs Stad', 'Nacka kommun', 'Göteborgs'),
# a year ('Barn- och ungdomsnämnden 2026'), a page's mark ('1 (1)')
PLACE_RE = re.compile(rf"^(?:[{UPPER}][\wåäö-]+\s+(?:[Ss]tad|[Kk]ommun|[Rr]egion)\s+|[{UPPER}][\wåäö-]+s\s+)")
YEAR_END_RE = re.compile(r"\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$")
# a line that says which organ in so many words
LABEL_RE = re.compile(
    r"^(?:Beslutande\s+(?:instans|organ)|Organ|Nämnd|Till|Adressat|Mottagare)\s*:?\s+(.+)$", re.IGNORECASE
)
DECISION_RE = re.compile(r"^Förslag\s+till\s+beslut\b", re.IGNORECASE)
NOT_ORGAN_RE = re.compile(r"område|förråd|förvaltning", re.IGNORECASE)
# 'Datum för beslut: 2026-05-26', 'Datum: TEN 2026-06-15', 'Datum 2018-11-19', 'Beslutsdatum …'
DATE_LABEL_RE = re.compile(
    rf"^(?:Datum(?:\s+för\s+beslut)?|Beslutsdatum|Dokumentdatum|Upprättad|Daterad)\s*:?\s*(?:[{UPPER}]{{2,6}}\s+)?(.+)$"
)
# 'Göteborg den 9 april 2024', 'Nacka den 3 maj 2018': where and when a letter is signed
SIGNED_RE = re.compile(
    rf"^[{UPPER}][\wåäö-]+(?:\s+[{UPPER}][\wåäö-]+)?,?\s+den\s+(\d{{1,2}}\s+[a-zåäö]+\s+\d{{4}})$"
)

# Any organ that meets, its name whole
BOARD_RE = re.compile(
    rf"""\b(
        (?:[{UPPER}a-zåäö]+-\s+och\s+)?                          # 'Barn- och ' (ungdomsnämnden)
        [{UPPER}a-zåäö-]*(?:{NAMED_ALTERNATIVES})(?:en|et|n)?s?  # 'Välfärdsnämnden', 'kommunstyrelsens'
        (?:\s+(?:[a-zåäö]*utskott|presidium)(?:et)?)?\b           # its utskott: ' arbetsutskott'
      | \b(?:[Rr]ådet|[Dd]irektionen)\s+för\s+[{UPPER}a-zåäö-]+  # 'Rådet för funktionshindrade'
        (?:\s+[a-zåäö-]+förbund)?                                # and a förbund's name in lower case
    )""",
    re.VERBOSE,
)
NOT_ORGANS = ("område", "förråd", "kommunstyrelsens förv", "förvaltning")


def find_board(text: str) -> str | None:
    """The first organ running text names whole: 'tekniska nämnden' with its adjective, not
    'Nämnden' alone, nor a word that ends like one ('Produktionsområdets', 'förråd')."""
    for match in BOARD_RE.finditer(text):
        name = match.group(1)
        if GENERIC_RE.fullmatch(name):
            before = ADJECTIVE_RE.search(text[: match.start(1)])
            if before is None or before.group(1).lower() in NOT_ADJECTIVES:
                continue
            name = f"{before.group(1)} {name}"
        if len(name) > 6 and not name.lower().startswith(NOT_ORGANS) and "område" not in name.lower():
            return normalise_board(name)
    return None


# an organ's word alone names none ('Nämnden beslutade'); with its adjective it does ('Tekniska nämnden')
GENERIC_RE = re.compile(rf"(?:{NAMED_ALTERNATIVES})(?:en|et|n)?s?", re.IGNORECASE)
ADJECTIVE_RE = re.compile(r"\b([A-ZÅÄÖa-zåäö]{3,}a)\s+$")
NOT_ADJECTIVES = frozenset(
    (
        *("hela", "samma", "denna", "dessa", "andra", "vilka", "båda", "alla", "flera", "olika"),
        *("berörda", "respektive", "nya", "egna", "ansvariga", "samtliga", "övriga", "sina", "våra"),
        *("deras", "nämnda", "ena", "enda", "rätta"),
    )
)


PAGE_OF_RE = re.compile(r"(?:^|\s)(\d{1,4})\s*\((\d{1,4})\)$|\b[Ss]ida\s+(\d{1,4})\s+av\s+(\d{1,4})$")


def _page_of(page: Page) -> tuple[int, int] | None:
    """The page's mark in its furniture: '2 (13)', 'Sida 2 av 17' -> (2, 13)."""
    for line in _lines(page.furniture):
        found = PAGE_OF_RE.search(line)
        if found:
            number, total = (g for g in found.groups() if g)
            return int(number), int(total)
    return None


def restarts(previous: Page | None, page: Page) -> bool:
    """A page marked '1 (13)' after one marked '2 (2)': the next document of a composite PDF
    (a tjänsteskrivelse, then the plan it presents)."""
    before, now = (_page_of(previous) if previous else None), _page_of(page)
    return before is not None and now is not None and now[0] == 1 and before[0] == before[1]


def _lines(text: str) -> list[str]:
    return [" ".join(x.split()) for x in text.split("\n") if x.strip()]


def head_lines(page: Page) -> list[str]:
    """A first page's furniture (its letterhead, its foot) and the first lines of its text."""
    return _lines(page.furniture) + _lines(page.body)[:HEAD_LINES]


COVER_LINES = 8


def _is_cover(page: Page) -> bool:
    """A page of a few lines: a cover, where an organ may stand in lower case ('tekniska nämnden')
    below its title; elsewhere a line in lower case is a sentence wrapped onto it."""
    return len(_lines(page.body)) <= COVER_LINES


def organ_alone(line: str) -> str | None:
    """The organ a line names and nothing else: 'Göteborgs Stad kommunfullmäktige 1 (1)' ->
    'Kommunfullmäktige', 'tekniska nämnden' -> 'Tekniska nämnden'; None for 'Nämnden' alone,
    'Vård- och omsorgsnämnden 1 049 382 8 936' or 'Produktionsområdets ansvar'."""
    text = YEAR_END_RE.sub("", PAGE_MARK_RE.sub("", line).strip()).strip(
        " ,:"
    )  # '… nämnden.' ends a sentence
    for candidate in (text, PLACE_RE.sub("", text)):
        named = ORGAN_NAME_RE.fullmatch(candidate) and not _GENERIC.fullmatch(candidate)
        if named and not NOT_ORGAN_RE.search(candidate):
            return normalise_board(candidate)
    return None


def letterhead_board(pages: Sequence[Page]) -> str | None:
    """The organ whose document this is, from the head of its first page: a line that says so
    ('Beslutande instans: …'), else the first line that names an organ alone (letterhead,
    cover or addressee), else the organ its 'Förslag till beslut' opens with."""
    if not pages:
        return None
    lines = (
        [x for x in head_lines(pages[0]) if x[:1].isupper()]
        if not _is_cover(pages[0])
        else head_lines(pages[0])
    )
    for line in lines:
        label = LABEL_RE.match(line)
        if label and label.group(0).lower().startswith("beslutande"):
            found = organ_alone(label.group(1))
            if found:
                return found
    for line in lines:
        label = LABEL_RE.match(line)
        found = organ_alone(label.group(1) if label else line)
        if found:
            return found
    return _decision_organ(_lines(pages[0].body))


def _decision_organ(lines: Sequence[str]) -> str | None:
    """'Förslag till beslut' / 'Kommunstyrelsens verksamhetsutskott noterar …': the organ
    the decision is put to, as the sentence below the heading opens."""
    for i, line in enumerate(lines[:-1]):
        if DECISION_RE.match(line):
            found = ORGAN_NAME_RE.match(lines[i + 1])
            name = found.group(0) if found else ""
            if name and not _GENERIC.fullmatch(name) and not NOT_ORGAN_RE.search(name):
                return normalise_board(name)
    return None


def document_date(pages: Sequence[Page]) -> str | None:
    """The day a plan, report or letter is dated with, on its first page (where it is signed,
    its second): labelled, alone in its letterhead, or beside the place it is signed in."""
    if not pages:
        return None
    lines = head_lines(pages[0])
    for line, below in zip(lines, [*lines[1:], ""], strict=True):
        label = DATE_LABEL_RE.match(line) or DATE_LABEL_RE.match(f"{line} {below}")  # 'Datum' / '2020-03-04'
        if label and DATE_ALONE_RE.fullmatch(_bare(label.group(1))):
            return parse_date(_bare(label.group(1)))
    for line in _lines(pages[0].furniture) + _lines(pages[0].body)[:4]:
        if DATE_ALONE_RE.fullmatch(_bare(line)):
            return parse_date(_bare(line))
    for page in pages[:2]:
        for line in _lines(page.body):
            signed = SIGNED_RE.match(line)
            if signed:
                return parse_date(signed.group(1))
    return None


DNR_RE = re.compile(rf"(?:\b(?:Dnr|Diarienummer)\s*:?\s*)?{DIARIE_RE.pattern}")


def _without_marks(line: str) -> str:
    """A letterhead's line without its diarienummer and page mark: '2020-03-04 KS 2020/12 1 (3)'."""
    return " ".join(DNR_RE.sub(" ", PAGE_MARK_RE.sub("", line)).split())


def _bare(line: str) -> str:
    """A letterhead's line without its marks and the separators left between them
    ('2026-02-20 · Dnr BUN 2026/12' → '2026-02-20')."""
    return _without_marks(line).strip(" ·•|,;–-")


PAGE_NUMBER_RE = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")  # '2 Stadsrevisionens …', '… 2022 3'


def running_title(pages: Sequence[Page]) -> str | None:
    """The title a document's running head or foot gives it on a third of its pages or more
    ('Stadsrevisionens årsredogörelse 2022 1' / '2 Stadsrevisionens årsredogörelse 2022',
    'Stadsrevisionen, Granskning av avgifter … 1 (8)'), its page mark and the organ before a
    comma aside; None where none repeats."""
    seen: dict[str, Counter[str]] = {}
    for page in pages:
        for line in set(_lines(page.furniture)):
            text = PAGE_NUMBER_RE.sub("", PAGE_MARK_RE.sub("", line).strip())
            key = " ".join(w for w in line_key(text).split() if w != "#")
            seen.setdefault(key, Counter())[text] += 1
    needed = max(2, len(pages) // 3)
    for key, variants in sorted(seen.items(), key=lambda kv: -kv[1].total()):
        if variants.total() < needed:
            break
        title = variants.most_common(1)[0][0]
        head, comma, rest = title.partition(", ")
        title = rest if comma and organ_alone(head) else title
        if len(key.split()) >= 2 and not (DATE_ALONE_RE.fullmatch(title) or _names_no_document(title)):
            return title
    return None


PLACE_ALONE_RE = re.compile(
    rf"^(?:[{UPPER}][\wåäö-]+\s+(?:[Ss]tad|[Kk]ommun)|[Rr]egion\s+[{UPPER}][\wåäö-]+)$"
)


def _names_no_document(head: str) -> bool:
    """A running head that names who, not what: 'Nacka kommun', 'Kommunstyrelsen'."""
    return bool(PLACE_ALONE_RE.match(head) or organ_alone(head))
