"""Who did what in a § item: the people and parties a sentence names as its subject, and
the statements (reservations, protokollsanteckningar, särskilda yttranden) they make;
proposals.py reads their yrkanden and votes.py the omröstningar with these rules.

Plain rules over an item's lines. A person acts where the sentence makes them its
subject ('Anna Berg (M) reserverar sig', 'Per Ek (S) yrkar avslag'); a name the chair or
a result only mentions ('… avslag till Heidi Hankanen Ängbergs (C) förslag') is nobody's
act.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..models import NATIONAL, UPPER, DocumentKind, Person, Statement, StatementKind
from .clean import join_lines
from .layout import FlatLine
from .parties import NAME_WORD, PERSON, party_code, tag_code

_CODES = "|".join(sorted([*NATIONAL, "FP", "NL"], key=len, reverse=True))
# a party tag after a name: '(S)', '(kd)' in lower case for a known party, '(-)' for an independent
TAG = rf"\(\s*(?P<tag>[{UPPER}]{{1,4}}|(?i:{_CODES})|-)\s*\)?"
# a name may wrap at a line break ('Pamela Nilsson' / 'Ludvigsson (S)')
WRAPPED = rf"[ \t]*\n[ \t]*{NAME_WORD}(?=[ \t]*\()"  # its last word on the next line, before its party
NAME = rf"(?:{NAME_WORD}{WRAPPED}|{PERSON}(?:{WRAPPED})?)"
ONE = rf"(?P<name>{NAME})(?:[ \t\n]*{TAG})?"
_ONE_RE = re.compile(ONE)
ONE_FREE = ONE.replace("?P<name>", "").replace("?P<tag>", "")
PEOPLE = rf"{ONE_FREE}(?:\s*,\s*{ONE_FREE})*(?:,?\s+och\s+{ONE_FREE})?"
# a party as the subject: 'Sverigedemokraterna', 'M-, KD- och L-ledamöterna', 'Socialdemokraternas ledamöter'
# (escaped, so that 'Miljöpartiet de gröna' keeps its spaces in a re.VERBOSE pattern: STATEMENT_RE)
_NAMES_LONGEST_FIRST = sorted((n for names in NATIONAL.values() for n in names), key=len, reverse=True)
_PARTY_NAMES = "|".join(re.escape(n) for n in _NAMES_LONGEST_FIRST)
_PARTY_ONE = (  # a piece of other patterns, some of them not re.VERBOSE: one alternative a line
    rf"(?:(?:{_PARTY_NAMES})(?:s\s+(?:ledamöter|grupp|representanter|företrädare))?"  # 'Moderaternas grupp'
    rf"|(?:{_CODES})-(?:ledamöterna|ledamoten|gruppen|företrädarna)?"  # 'KD-', 'L-ledamöterna'
    rf"|(?:[Ll]edamöterna|[Rr]epresentanterna|[Ff]öreträdarna)"  # 'ledamöterna för Vänsterpartiet'
    rf"\s+(?:för|från)\s+(?:{_PARTY_NAMES}))"
)
PARTIES = rf"{_PARTY_ONE}(?:\s*,\s*{_PARTY_ONE})*(?:,?\s+och\s+{_PARTY_ONE})?"
SUBJECT = rf"(?:^|(?<=[.:!?”\"]\s)|(?<=\n))(?P<people>{PEOPLE}|{PARTIES})\s+(?:(?:har|hade)\s+)?"

STATEMENT_VERB = r"""(?P<verb>
        reserver(?:ar|ade)\s+sig                                       # 'reserverar sig (mot beslutet)'
      | lät\s+(?:gemensamt\s+)?anteckna                                # 'lät anteckna följande'
      | (?:får\s+|begär\s+att\s+få\s+)?                               # 'får lämna en protokollsanteckning'
        (?:anmäler|anmälde|lämnar|lämnade|lämna|inlämnar|ingav|ger\ in|avger|avgav|lämnat|anmält
          |inkommer\s+med|inkom\s+med|anmäla|avge)
        \s+(?:följande\s+|en\s+|ett\s+)?(?:skriftlig[at]?\s+)?
        (?:protokollsanteckning|anteckning|reservation|särskilt\s+yttrande)
    )"""
STATEMENT_RE = re.compile(SUBJECT + r"(?:gemensamt\s+)?" + STATEMENT_VERB, re.VERBOSE)
# the subject after the verb: 'Mot beslutet reserverar sig Per Ek (SD) och Lisa Ny (SD).',
# 'Reservation anmäls av Per Ek (M).'
AFTER_WORDS_RE = re.compile(
    rf"""reserver\w*\s+sig\s+[{UPPER}]                                 # 'reserverar sig Per'
    | (?:anmäls|anmäldes|lämnas|lämnades|avges|avgavs)\s+av\b        # 'anmäls av'""",
    re.VERBOSE,
)
STATEMENT_AFTER_RE = re.compile(
    rf"""(?:^|(?<=[.:!?”\"]\s)|(?<=\n))                               # where a sentence starts
    (?:[{UPPER}][a-zåäö]*(?:\s+[a-zåäö]+){{0,3}}\s+)?                  # 'Mot beslutet '
    (?P<verb>
        reserver(?:ar|ade)\s+sig                                     # 'reserverar sig'
      | (?:[Rr]eservation|[Pp]rotokollsanteckning|[Ss]ärskilt\s+yttrande)
        \s+(?:anmäls|anmäldes|lämnas|lämnades|avges|avgavs)\s+av     # 'Reservation anmäls av'
    )\s+(?P<people>{PEOPLE}|{PARTIES})                                # 'Per Ek (SD) och Lisa Ny (SD)'""",
    re.VERBOSE,
)
JOIN_RE = re.compile(
    rf"""(?:
        I\s+(?:protokolls)?(?:anteckningen|reservationen|yttrandet)\s+instäm(?:de|mer)\s+(?P<a>{PEOPLE})
                                          # 'I anteckningen instämde Rolf Wasteson (V)'
      | (?P<b>{PEOPLE})\s+instäm(?:de|mer)\s+i\s+(?:protokolls)?(?:anteckningen|reservationen|yttrandet)
                                          # 'Rolf Wasteson (V) instämde i protokollsanteckningen'
    )""",
    re.VERBOSE,
)
GROUP_RE = re.compile(rf"\bför\s+(?P<party>[{UPPER}][a-zåäö]+?)s?\s+(?:[a-zåäö-]*grupp|räkning)")
FOLLOWS_RE = re.compile(r"^[^.]{0,80}?(?:följande|:)", re.IGNORECASE)
END_RE = re.compile(
    r"""^(?:
        Beslut | Beslutsgång | Beslutsunderlag | Yrkanden? | Omröstning\w*  # the item's next label
      | Protokollsanteckningar? | Anteckning | Reservationer? | Särskilt\ yttrande
      | Handlingar\ i\ ärendet | Expedieras.* | Paragrafen\ är\ justerad  # 'Expedieras till'
      | [-–\s]{5,}                                                       # a rule: '- - - -', '––––––––'
      | _{4,}                                                            # '______'
    )\s*:?$""",
    re.VERBOSE,
)
STATEMENT_WORDS_RE = re.compile(r"reserv|anteckn|yttrande", re.I)  # one of them, or no statement


@dataclass(frozen=True)
class TextOf:
    """An item's lines as one text, with where each line starts."""

    text: str
    starts: list[int]
    pages: list[int]

    @classmethod
    def of(cls, lines: Sequence[FlatLine]) -> TextOf:
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line.text) + 1
        return cls("\n".join(line.text for line in lines), starts, [line.page for line in lines])

    def line_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def page_at(self, offset: int) -> int:
        return self.pages[self.line_at(offset)] if self.pages else 0


def parties_named(text: str) -> tuple[str, ...]:
    """The parties a subject names as parties ('M-, KD- och L-ledamöterna', 'Moderaterna')."""
    codes = [m.group(1) for m in re.finditer(rf"\b({_CODES})-", text)]
    codes += [c for m in re.finditer(_PARTY_NAMES, text) if (c := party_code(m.group(0)))]
    return tuple(dict.fromkeys("L" if c == "FP" else c for c in codes))


def people_in(text: str, known: Mapping[str, str] | None = None) -> tuple[Person, ...]:
    """'Anna Berg (M), Per Ek (kd) och Lisa Ny' -> people with their parties (a name
    written without one takes the party it has elsewhere in the minutes: ``known``)."""
    found = []
    for match in _ONE_RE.finditer(text):
        name = " ".join(match.group("name").split())
        tag = match.group("tag")
        party = tag_code(tag) if tag else (known or {}).get(name)
        found.append(Person(name, party))
    return tuple(dict.fromkeys(found))


def known_parties(lines: Sequence[FlatLine]) -> dict[str, str]:
    """Each person named with a party tag somewhere in ``lines`` -> that party."""
    people = people_in("\n".join(line.text for line in lines))
    return {p.name: p.party for p in people if p.party}


def parties_of(people: Sequence[Person], extra: Sequence[str] = ()) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*(p.party for p in people if p.party), *extra]))


def _kind(verb: str) -> StatementKind:
    verb = verb.lower()
    if "reserv" in verb:
        return StatementKind.RESERVATION
    return StatementKind.SÄRSKILT_YTTRANDE if "yttrande" in verb else StatementKind.PROTOKOLLSANTECKNING


def _body_start(text: str, after: int) -> int:
    """Where a written statement's text begins: after its announcement's sentence ('… lät
    anteckna följande för Socialdemokraternas kommunstyrelsegrupp.') and a sentence of who
    joined it ('I anteckningen instämde Rolf Wasteson (V).')."""
    end = re.compile(r"[.:](?=\s|$)")
    found = end.search(text, after)
    begin = found.end() if found else after
    while begin < len(text) and text[begin].isspace():
        begin += 1
    joined = JOIN_RE.match(text, begin)
    if joined and (found := end.search(text, joined.end())):
        begin = found.end()
    while begin < len(text) and text[begin].isspace():
        begin += 1
    return begin


def _body_end(item: TextOf, begin: int, limit: int) -> int:
    """Where a written statement that starts at ``begin`` ends: at the next label, the line
    of the next statement (``limit``), or the item's end."""
    first = item.line_at(begin)
    rest = item.text.split("\n")
    for i in range(first, len(rest)):
        if END_RE.match(rest[i]) or item.starts[i] + len(rest[i]) >= limit:
            return item.starts[i] - 1
    return len(item.text)


def statements(lines: Sequence[FlatLine], known: Mapping[str, str] | None = None) -> tuple[Statement, ...]:
    """Each statement made in an item, with who made it, their parties, its page(s) and,
    where the minutes write it out ('… lämnar följande protokollsanteckning:'), its text."""
    item = TextOf.of(lines)
    if STATEMENT_WORDS_RE.search(item.text) is None:
        return ()
    found: list[tuple[int, int, Statement]] = []  # (start, end of its text, statement)
    found_in = list(STATEMENT_RE.finditer(item.text))
    if AFTER_WORDS_RE.search(item.text):  # the slow rule only where its verb stands before a name
        found_in += STATEMENT_AFTER_RE.finditer(item.text)
    matches = sorted(found_in, key=lambda m: m.start())
    joins = [m.start() for m in JOIN_RE.finditer(item.text)] if "instäm" in item.text else []
    for k, match in enumerate(matches):
        if found and match.start() < found[-1][1]:
            continue  # inside the text of the one before: its words, not a statement of its own
        people = people_in(match.group("people"), known)
        after = item.text[match.end() : match.end() + 200]
        group = GROUP_RE.search(re.split(r"[.:](?:\s|$)", after, maxsplit=1)[0])
        extra = (
            [c for c in (party_code(f"{group.group('party')}na"), party_code(group.group("party"))) if c]
            if group
            else []
        ) + ([] if people else list(parties_named(match.group("people"))))
        page = item.page_at(match.start())
        text, last, end = "", page, match.end()
        if FOLLOWS_RE.match(after.split("\n")[0]) or "anteckna" in match.group("verb"):
            begin = _body_start(item.text, match.end())
            # the next statement's announcement ends this one's text; a party's sentence in it does not
            named = [m.start() for m in matches[k + 1 :] if people_in(m.group("people"))]
            after_it = named + [j for j in joins if j >= begin]
            end = max(_body_end(item, begin, min(after_it, default=len(item.text) + 1)), match.end())
            if end > begin:
                text, last = join_lines(item.text[begin:end]), item.page_at(end - 1)
        statement = _statement(_kind(match.group("verb")), people, extra, page, last, text)
        found.append((match.start(), end, statement))
    found += _labelled(lines, item, known, [start for start, _, _ in found])
    return tuple(_joined(sorted(found, key=lambda f: f[0]), item, known))


# a statement under its label with only its signers' names, no verb: 'Reservation' / 'Anna Berg (M)'
LABEL_RE = re.compile(
    r"""^(?P<label>
        Reservation(?:er)? | Protokollsanteckning(?:ar)?  # 'Reservationer', 'Protokollsanteckning'
      | Särskilt\s+yttrande | Särskilda\s+yttranden
    )\s*:?\s*(?P<rest>.*)$                               # and the names on its line, if any""",
    re.VERBOSE,
)
NAMES_ONLY_RE = re.compile(rf"^\s*{PEOPLE}\s*\.?\s*$")


def _labelled(
    lines: Sequence[FlatLine], item: TextOf, known: Mapping[str, str] | None, taken: list[int]
) -> list[tuple[int, int, Statement]]:
    """Statements a label names by their signers alone ('Reservation: Anna Berg (M)', or the
    names on the line below), where no sentence announces them."""
    out = []
    for k, line in enumerate(lines):
        label = LABEL_RE.match(line.text)
        if label is None:
            continue
        names = label.group("rest") or (lines[k + 1].text if k + 1 < len(lines) else "")
        at = item.starts[k]
        if not NAMES_ONLY_RE.match(names) or any(
            at <= t <= at + len(line.text) + len(names) + 2 for t in taken
        ):
            continue
        people = tuple(p for p in people_in(names, known) if p.party)
        if people:
            kind = _kind(label.group("label").lower())
            out.append((at, at, _statement(kind, people, (), line.page, line.page, "")))
    return out


def _statement(
    kind: str, people: tuple[Person, ...], extra: Sequence[str], page: int, last: int, text: str
) -> Statement:
    parties = parties_of(people, extra)
    names = tuple(p.name for p in people)
    return Statement(
        kind, parties[0] if parties else None, names, people, parties, page, max(page, last), text
    )


def _joined(
    found: list[tuple[int, int, Statement]], item: TextOf, known: Mapping[str, str] | None
) -> list[Statement]:
    """The statements, each with those who joined it ('I anteckningen instämde Rolf Wasteson
    (V)', '… instämde i protokollsanteckningen'): the one announced last before."""
    out = [statement for _, _, statement in found]
    for match in JOIN_RE.finditer(item.text) if "instäm" in item.text else ():
        before = [k for k, (start, _, _) in enumerate(found) if start < match.start()]
        if not before:
            continue
        old = out[before[-1]]
        people = tuple(dict.fromkeys([*old.people, *people_in(match.group("a") or match.group("b"), known)]))
        out[before[-1]] = replace(
            old, people=people, names=tuple(p.name for p in people), parties=parties_of(people, old.parties)
        )
    return out


# A member's own paper as a § item: 'Motion om … - Ulf Carmesund (S) och Leif Hansson (S)',
# 'Motion - säkrare kommun …', 'Enkel fråga till … angående …', 'Interpellation från …'
PAPER_RE = re.compile(
    r"""^(?:
        (?P<motion>Motion)                                                   # 'Motion om …'
      | (?P<interpellation>Interpellation)                                   # 'Interpellation från …'
      | (?P<fråga>(?:Enkel\s+)?[Ff]råga)                                      # 'Enkel fråga till …'
    )(?=
        \s*[-–,:]                                                            # 'Motion - säkrare kommun'
      | \s+(?:om|angående|ang\.|gällande|avseende|rörande|till|från|av|med|för)\b  # 'Motion om …'
      | \s*$                                                                 # 'Motion' alone
    )""",
    re.VERBOSE,
)


def paper(title: str, known: Mapping[str, str] | None = None) -> tuple[str | None, tuple[Person, ...]]:
    """A § item that handles a motion, an interpellation or a fråga: its kind and its
    signers as the title names them (none: not such an item)."""
    found = PAPER_RE.match(title)
    if found is None:
        return None, ()
    kind = DocumentKind(next(k for k, v in found.groupdict().items() if v))
    return kind, tuple(p for p in people_in(title[found.end() :], known) if p.party)
