"""Omröstningar in a § item: what ja and nej stood for, the counts, the result sentence
and the voteringslista where the minutes print one by name."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..models import Vote
from .clean import join_lines
from .layout import FlatLine
from .politics import PEOPLE, TextOf, people_in

WORDS = "noll en två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton"
WORDS += " arton nitton tjugo"
NUMBER = {w: i for i, w in enumerate(WORDS.split())} | {"ett": 1}
N = rf"(\d{{1,3}}|{'|'.join(sorted(NUMBER, key=len, reverse=True))})"
COUNT_RE = re.compile(
    rf"""\b{N}\s+(?P<first>ja|nej)-?\s*röst(?:er)?\s*(?:,|och|mot)\s*{N}\s+(?:ja|nej)-?\s*röst(?:er)?
    (?:\s*(?:,|och)\s*{N}\s+(?:ledamöter\s+|ledamot\s+)?(?:som\s+)?(?:avstår|avstod|avstående|nedlagda))?""",
    re.VERBOSE | re.IGNORECASE,
)
PLAIN_RE = re.compile(
    rf"\bMed\s+{N}\s+röster\s+mot\s+{N}\b(?:\s*(?:,|och)\s*{N}\s+(?:avstår|avstod|avstående))?"
)
ABSENT_RE = re.compile(rf"\b{N}\s+(?:ledamöter\s+|ledamot\s+)?(?:var\s+)?frånvarande", re.IGNORECASE)
FOR_RE = re.compile(
    r"(?P<side>Ja|Nej)-?\s*röst\s+(?:för|innebär|betyder)\s+(?P<what>[^.]+)"
    r"|röstar\s+(?P<side2>ja|nej)\s*,?\s+(?:den som|för|att)?",
    re.IGNORECASE,
)
WHO_WANTS_RE = re.compile(
    r"Den som (?:vill |bifaller |röstar för )?(?P<what>[^,.]+?),?\s+röstar\s+(?P<side>ja|nej)", re.I
)
GROUP_RE = re.compile(rf"Följande röstade för (?:att )?(?P<what>[^.]+)\.\s*(?P<people>{PEOPLE})?")
LIST_LINE_RE = re.compile(r"^(?P<who>.+?)\s+(?P<vote>Ja|Nej|Avstår|JA|NEJ|AVSTÅR)$")


def _n(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBER.get(word.lower())


def _sentence_around(text: str, at: int) -> str:
    begin = max(text.rfind(". ", 0, at), text.rfind(".\n", 0, at), text.rfind(":\n", 0, at))
    begin = 0 if begin < 0 else begin + 2
    end = re.search(r"[.!?](?=\s|$)", text[at:])
    return join_lines(text[begin : at + end.end()] if end else text[begin:])


def _sides(text: str, before: int) -> tuple[str | None, str | None]:
    """What ja and what nej stood for, said before the count ('Ja-röst för bifall till …')."""
    sides: dict[str, str] = {}
    for match in WHO_WANTS_RE.finditer(text, 0, before):
        sides[match.group("side").lower()] = join_lines(match.group("what"))
    for match in FOR_RE.finditer(text, 0, before):
        if match.group("side"):
            sides[match.group("side").lower()] = join_lines(match.group("what"))
    groups = list(GROUP_RE.finditer(text, 0, before))
    if len(groups) >= 2 and not sides:
        sides = {"ja": join_lines(groups[-2].group("what")), "nej": join_lines(groups[-1].group("what"))}
    return sides.get("ja"), sides.get("nej")


def _voters(
    text: str, before: int, known: Mapping[str, str] | None
) -> tuple[tuple[str, str | None, str], ...]:
    """The voteringslista, where the text gives each person's vote: groups under 'Följande
    röstade för …' (the first ja, the second nej), or lines ending in 'Ja', 'Nej', 'Avstår'."""
    groups = [m for m in GROUP_RE.finditer(text, 0, before) if m.group("people")]
    out: list[tuple[str, str | None, str]] = []
    for side, match in zip(("ja", "nej"), groups[-2:], strict=False):
        out += [(p.name, p.party, side) for p in people_in(match.group("people"), known)]
    for line in text.split("\n"):
        found = LIST_LINE_RE.match(line)
        people = people_in(found.group("who"), known) if found else ()
        if found and len(people) == 1 and (people[0].party or people[0].name in (known or {})):
            out.append((people[0].name, people[0].party, found.group("vote").lower()))
    return tuple(out)


COLUMNS = {"ja": "ja", "nej": "nej", "avstår": "avstår", "avstod": "avstår", "frånvarande": "frånvarande"}


def crossed(lines: Sequence[FlatLine], known: Mapping[str, str] | None) -> list[tuple[str, str | None, str]]:
    """A voteringslista whose votes are crosses under 'Ja', 'Nej', 'Avstår' columns: each
    row's person and the column its cross stands nearest (where the PDF gave positions)."""
    out: list[tuple[str, str | None, str]] = []
    columns: dict[str, float] = {}
    for line in lines:
        heads = {COLUMNS[w.lower()]: x for w, x in line.marks if w.lower() in COLUMNS}
        if "ja" in heads and "nej" in heads:
            columns = heads
            continue
        cross = [x for w, x in line.marks if w.lower() not in COLUMNS]
        people = people_in(line.text, known) if columns and cross else ()
        if people:
            vote = min(columns, key=lambda c: abs(columns[c] - cross[-1]))
            out.append((people[0].name, people[0].party, vote))
    return out


def votes(lines: Sequence[FlatLine], known: Mapping[str, str] | None = None) -> tuple[Vote, ...]:
    """Each omröstning of an item, from its result sentence ('Med 7 ja-röster och 8
    nej-röster finner ordföranden …', 'Med sju röster mot sex …')."""
    item = TextOf.of(lines)
    text = item.text
    found = []
    for match in [*COUNT_RE.finditer(text), *PLAIN_RE.finditer(text)]:
        groups = match.groups()
        first, second = _n(groups[0]), _n(groups[2] if match.re is COUNT_RE else groups[1])
        ja, nej = (second, first) if match.re is COUNT_RE and groups[1].lower() == "nej" else (first, second)
        avstar = _n(groups[3] if match.re is COUNT_RE else groups[2])
        sentence = _sentence_around(text, match.start())
        absent = ABSENT_RE.search(sentence)
        ja_for, nej_for = _sides(text, match.start())
        page = item.page_at(match.start())
        found.append(
            Vote(
                page,
                ja_for,
                nej_for,
                ja,
                nej,
                avstar or 0,
                _n(absent.group(1)) if absent else 0,
                sentence,
                _voters(text, len(text), known) or tuple(crossed(lines, known)),
            )
        )
    return tuple(sorted(found, key=lambda v: v.page))
