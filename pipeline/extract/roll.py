"""Who sat in the meeting, and as what: the roll call on the first page of Swedish minutes.

The block most Swedish municipalities print is labelled at the line's start, a label to
each group: 'Beslutande' (members; 'Jan-Erik Wallin (M) (ordförande)', 'Irene Jonsson
(S) ersätter Janine Alm Ericson (MP)': a tjänstgörande ersättare), 'Tjänstgörande
ersättare', 'Ej tjänstgörande ersättare' or 'ERSÄTTARE', 'Övriga deltagare' (officials,
their role in parentheses), then 'Utses att justera' (the justerare) and the signatures
('Sekreterare' above a name). A label may wrap ('Ej tjänstgörande' / 'ersättare Lena
Eriksson (S)') or stand in capitals ('BESLUTANDE').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .parties import PARTY_TAG, PERSON, tag_code

GROUPS = [
    ("tjänstgörande ersättare", re.compile(r"^tjänstgörande\s+ersättare\b", re.I)),
    (
        "ersättare",
        re.compile(r"^(?:ej|icke)\s+tjänstgörande(?:\s+ersättare)?\b|^(?:närvarande\s+)?ersättare\b", re.I),
    ),
    (
        "ledamot",
        re.compile(r"^(?:beslutande|närvarande(?:\s+ledamöter)?|(?:tjänstgörande\s+)?ledamöter)\b", re.I),
    ),
    (
        "",
        re.compile(r"^övriga(?:\s+(?:deltagare|närvarande|deltagande))?\b|^tjänste(?:personer|män)\b", re.I),
    ),
]
END_RE = re.compile(
    r"""^(?:
        justeringens | underskrift | paragrafer | plats\s+och\s+tid  # the form's next labels
      | frånvarande                                                # 'Frånvarande ledamöter' were not there
      | §\s*\d | \d+\s*§                                            # the first item: '§ 4', '39 §'
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# a signature's label and its name on one line: 'Sekreterare  Eva Ek', 'Ordförande: Anna Berg (S)'
SIGNED_RE = re.compile(
    rf"^(?i:(?:underskrift(?:er)?\s+)?(?P<role>sekreterare|ordförande|justerande))\s*:?\s+(?={PERSON})"
)
JUSTERA_RE = re.compile(rf"^(?i:utses\s+att\s+justera|justerare)\s*:?\s+(?P<people>{PERSON}.*)$")
# a signature's label above its name: 'Sekreterare', 'Ordförande ……', 'Justerande'
SIGNS_RE = re.compile(
    r"""^(?:underskrift(?:er)?\s+)?                        # 'Underskrifter Sekreterare'
    (?P<role>sekreterare|ordförande|justerande|justerare)
    \s*[:.…_]*\s*                                       # its line to sign on: 'Ordförande ……………'
    (?:paragrafer\b.*)?$                                 # the next column's label""",
    re.VERBOSE | re.IGNORECASE,
)
PERSON_RE = re.compile(rf"(?P<name>{PERSON})(?:\s*\((?P<party>{PARTY_TAG})\))?")
CHAIR_RE = re.compile(
    r"""(?:^|[(,]|\s)\s*                        # '(ordförande)', ', vice ordförande', ' ordf'
    (?:\d:e\s+|förste\s+|andre\s+)?           # '(2:e vice ordförande', 'förste vice ordförande'
    (?P<role>
        (?:vice|v\.?)\s+ordf(?:örande|\.)?     # 'vice ordförande', 'v. ordf.'
      | ordf(?:örande|\.)?                     # 'ordförande', 'ordf'
    )(?=\s*(?:[),]|§|$)|\s{2,})               # ending there, or before the next column""",
    re.VERBOSE | re.IGNORECASE,
)
STANDS_IN_RE = re.compile(r"\bersätter\b|\b(?:tjg\.?|tjänstgörande)?\s*ersättare\s+för\b", re.I)
NOTE_RE = re.compile(r"\(([^()]*[a-zåäö][^()]*)\)")
CHAIRS = ("ordförande", "vice ordförande")


Named = tuple[str, str | None, str, int]  # name, party, role, offset on the line (-1: where it stands)


@dataclass(frozen=True)
class Seat:
    name: str
    party: str | None
    role: str
    offset: int  # where the name stands in the text


# a line a roll call's group or signature opens with: without one a text holds no roll call
ANY_LABEL_RE = re.compile(
    r"""(?im)^\s*(?:
        beslutande | närvarande | ledamöter | ersättare            # a group: 'Beslutande'
      | tjänstgörande | ej\s+tjänstgörande | icke | övriga | tjänste  # 'Ej tjänstgörande', 'Övriga'
      | utses\s+att\s+justera | justera                           # the justerare: 'Utses att justera'
      | sekreterare | ordförande | underskrift                     # a signature's: 'Ordförande'
    )""",
    re.VERBOSE,
)


def roll_call(text: str) -> Iterator[Seat]:
    """Each person of a labelled roll call with their role in the meeting."""
    if ANY_LABEL_RE.search(text) is None:
        return
    read = _Read(None, None, [])
    at = 0
    for line in text.split("\n"):
        read = _line(line.strip(), read.group, read.signs)
        for name, party, role, _ in read.people:
            yield Seat(name, party, role, at + max(line.find(name), 0))
        at += len(line) + 1


@dataclass(frozen=True)
class _Read:
    group: str | None  # the roll call's group the next line is in
    signs: str | None  # the role a signature's label above the next line gives
    people: list[Named]


# words of the form that a name running into the next column takes along ('Eva Ek Paragrafer')
FORM_WORDS = {"Paragrafer", "Paragraf", "Justerande", "Ordförande", "Sekreterare", "Underskrifter", "Sida"}


def _named(found: re.Match[str], role: str) -> Named:
    words = found.group("name").split()
    while len(words) > 2 and words[-1] in FORM_WORDS:
        words.pop()
    party = tag_code(found.group("party")) if found.group("party") else None
    return " ".join(words), party, role, -1


def _line(line: str, group: str | None, signs: str | None) -> _Read:
    if signs and PERSON_RE.match(line):
        named = list(PERSON_RE.finditer(line))[: None if signs == "justerare" else 1]
        return _Read(None, None, [_named(m, signs) for m in named])
    signed = SIGNED_RE.match(line)
    if signed:
        role = signed.group("role").lower()
        person = PERSON_RE.match(line, signed.end())
        return _Read(
            None, None, [_named(person, "justerare" if role == "justerande" else role)] if person else []
        )
    signature = SIGNS_RE.search(line)
    if signature:
        role = signature.group("role").lower()
        return _Read(None, "justerare" if role.startswith("juster") else role, [])
    justera = JUSTERA_RE.match(line)
    if justera:
        who = re.split(r",?\s+med\s+", justera.group("people"))[0]  # not '… med X som ersättare'
        chosen = PERSON_RE.finditer(who)
        return _Read(None, None, [_named(m, "justerare") for m in chosen])
    if END_RE.match(line):
        return _Read(None, None, [])
    for role, label in GROUPS:
        opened = label.match(line)
        if opened:
            rest = re.sub(r"^:?\s*(?:ersättare\s+)?", "", line[opened.end() :].strip())
            return _Read(role, None, _seated(rest, role))
    if group is None:
        return _Read(None, None, [])
    return _Read(group, None, _seated(re.sub(r"^ersättare\s+", "", line), group))


def _seated(line: str, group: str) -> list[Named]:
    """The person a roll call's line names first, with their role: the group's, a chair's
    note, 'ersätter …' (a tjänstgörande ersättare), or an official's note in parentheses."""
    found = PERSON_RE.match(line)
    if found is None:
        return []
    name = " ".join(found.group("name").split())
    rest = line[found.end() :]
    chair = CHAIR_RE.search(rest) if group else None  # an official may chair another body
    if chair:
        role = "vice ordförande" if chair.group("role").lower().startswith("v") else "ordförande"
    elif STANDS_IN_RE.search(rest):
        role = "tjänstgörande ersättare"
    elif group:
        role = group
    else:  # an official: 'Maria Standar (kommundirektör)', 'Karin Sjöberg, kommundirektör'
        note = NOTE_RE.search(rest) or re.match(r"\s*,\s*([a-zåäö][^,()§]*)", rest)
        role = note.group(1).split(",")[-1].strip().lower() if note else ""
    party = tag_code(found.group("party")) if found.group("party") else None
    return [(name, party, role, -1)] if role else []


def ranked(role: str) -> int:
    """Which role wins where a person has two in one meeting: a chair's over the justerare's
    over the seat's."""
    if role in CHAIRS:
        return 0
    return 1 if role in ("justerare", "sekreterare") else 2
