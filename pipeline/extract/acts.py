"""Who made each sentence: its acts.

A sentence is somebody's where a reader of the minutes would credit it: every sentence
of a protokollsanteckning published as a part of its own is its signers'; a sentence of
a statement written out in a § item is that statement's; a sentence whose subject is a
person who acts ('Per Ek (S) yrkar avslag', 'Anna Berg (M) anför att …') is that
person's. A name that a sentence only mentions ('Nej-röst för avslag till Heidi Hankanen
Ängbergs (C) förslag', an attendance list, a chair's proposition) makes nobody's act.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from ..models import SIGNED_KINDS, UPPER, Page, Part, Person, Section, Sentence, name_only
from .clean import join_lines
from .politics import (
    PARTIES,
    PEOPLE,
    STATEMENT_RE,
    SUBJECT,
    parties_named,
    parties_of,
    people_in,
)
from .proposals import PROPOSAL_RE

# what a person does as the subject of a sentence of minutes, beside moving and reserving
SAYS = (
    r"anför|anförde|framför|framförde|framhåller|framhöll|påpekar|påpekade|säger|sade|sa"
    r"|menar|menade|anser|ansåg|frågar|frågade|svarar|svarade|betonar|betonade|understryker"
    r"|konstaterar|konstaterade|tillstyrker|tillstyrkte|yttrar|yttrade|deklarerar|redogör|redogjorde"
    r"|informerar|informerade|föredrar|föredrog|motiverar|motiverade|vill|önskar|tycker"
)
SAYS_RE = re.compile(SUBJECT + rf"(?:{SAYS})\b")
# what a member has done, a few words after 'har': 'Cecilia Ceder (V) har i en motion
# föreslagit att …', '… har den 1 juni 2026, § 110 lämnat ett initiativärende'
DONE = "föreslagit|yrkat|anfört|framfört|lämnat|väckt|ställt|begärt|reserverat|inkommit|motionerat"
DONE_RE = re.compile(
    SUBJECT.removesuffix(r"(?:(?:har|hade)\s+)?") + rf"(?:har|hade)\s+(?:[^\s.!?]+\s+){{0,6}}?(?:{DONE})\b"
)


# who spoke in the debate: 'I ärendet yttrar sig Anders Lönroth (MP), Rasmus Lenefors (S) och …',
# 'Inledande anförande hålls av …', 'Under överläggningen anför …'
SPOKE_RE = re.compile(
    rf"""\b(?:yttrar|yttrade|anför|anförde)\s+sig\s+(?P<people>{PEOPLE})  # 'yttrar sig Anders Lönroth (MP)'
    | \b[Aa]nföranden?\s+(?:hålls|hölls)\s+(?:av\s+)?(?P<more>{PEOPLE})  # 'Anförande hålls av Per Palm'""",
    re.VERBOSE,
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _texts(pages: Mapping[int, Page], sentence: Sentence) -> str:
    """A sentence's text, running on into the next pages (joined by one newline)."""
    number, start, end, out = sentence.page, sentence.start, sentence.end, []
    while number in pages and end > 0:
        body = pages[number].body
        out.append(body[start:end])
        end -= len(body) + 1
        number, start = number + 1, 0
    return "\n".join(out)


def _own(part: Part) -> tuple[Person, ...]:
    """A statement part's signers (with its party where one alone is given)."""
    names = [name_only(n) for n in part.signatories]
    return tuple(Person(n, part.party) for n in names)


# what a sentence that names an actor must hold (the rules below are slow on the rest)
PARTY_START_RE = re.compile(rf"(?:{PARTIES})\s")
NAMED_START_RE = re.compile(rf"[{UPPER}][\w-]+[ \t\n]+(?:af |von |de |van )?[{UPPER}]")
SPOKE_WORDS_RE = re.compile(r"yttra|anför", re.I)


def _may_act(text: str) -> bool:
    return bool(SPOKE_WORDS_RE.search(text) or PARTY_START_RE.match(text) or NAMED_START_RE.match(text))


def _subjects(sentence: str, known: Mapping[str, str]) -> tuple[tuple[Person, ...], tuple[str, ...]]:
    """The people, and the parties (a party as the subject: 'Sverigedemokraterna anser …'),
    whose act the sentence is."""
    starts = (SPOKE_WORDS_RE.search(sentence), PARTY_START_RE.match(sentence), NAMED_START_RE.match(sentence))
    if not any(starts):
        return (), ()
    for rule in (STATEMENT_RE, PROPOSAL_RE, SAYS_RE, DONE_RE):
        found = rule.match(sentence)
        if found:
            people = people_in(found.group("people"), known)
            return people, parties_of(people) if people else parties_named(found.group("people"))
    spoke = SPOKE_RE.search(sentence)
    people = people_in(spoke.group("people") or spoke.group("more"), known) if spoke else ()
    return people, parties_of(people)


def _written(sections: Sequence[Section]) -> list[tuple[int, int, str, tuple[Person, ...], tuple[str, ...]]]:
    """Each written-out statement: its pages, its text (flat), people and parties."""
    return [
        (s.page, s.last_page, _flat(s.text), s.people, s.parties)
        for section in sections
        for s in section.statements
        if len(s.text) > 20
    ]


def known_people(sections: Iterable[Section]) -> dict[str, str]:
    """Each person a part's § items name with a party -> that party."""
    found: dict[str, str] = {}
    for section in sections:
        for person in [p for s in section.statements for p in s.people] + [
            p for pr in section.proposals for p in pr.people
        ]:
            if person.party:
                found.setdefault(person.name, person.party)
    return found


def acted(
    part: Part, pages: Sequence[Page], sections: Sequence[Section], sentences: Iterable[Sentence]
) -> Iterator[Sentence]:
    """The sentences, each with the people and parties whose act it is (none: nobody's)."""
    by_number = {p.number: p for p in pages}
    own = _own(part) if part.kind in SIGNED_KINDS else ()
    own_parties = (part.party,) if own and part.party else ()
    written = _written(sections)
    known = known_people(sections)
    for sentence in sentences:
        if own or own_parties:
            yield replace(sentence, people=own, parties=own_parties or parties_of(own))
            continue
        body = by_number[sentence.page].body if sentence.page in by_number else ""
        head = body[sentence.start : sentence.end]
        in_written = any(first <= sentence.page <= last for first, last, *_ in written)
        if not in_written and not _may_act(head):
            yield sentence  # no name, party or debate word where a subject stands: nobody's
            continue
        text = join_lines(_texts(by_number, sentence))
        flat = _flat(text)
        inside = [
            (people, parties)
            for first, last, body, people, parties in written
            if first <= sentence.page <= last and len(flat) > 15 and flat in body
        ]
        if inside:
            yield replace(sentence, people=inside[0][0], parties=inside[0][1])
            continue
        people, parties = _subjects(text, known)
        yield replace(sentence, people=people, parties=parties) if parties or people else sentence
