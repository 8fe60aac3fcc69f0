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
# 'Med 7 ja-röster och 8 nej-röster finner ordföranden …'
COUNT_RE = re.compile(
    rf"""\b{N}\s+(?P<first>ja|nej)-?\s*röst(?:er)?                   # '7 ja-röster'
    \s*(?:,|och|mot)\s*{N}\s+(?:ja|nej)-?\s*röst(?:er)?             # ' och 8 nej-röster'
    (?:\s*(?:,|och)\s*{N}\s+(?:ledamöter\s+|ledamot\s+)?(?:som\s+)?
      (?:avstår|avstod|avstående|nedlagda))?                       # ', 2 ledamöter avstår'""",
    re.VERBOSE | re.IGNORECASE,
)
PLAIN_RE = re.compile(
    rf"""\b(?i:med)\s+{N}\s+röster\s+mot\s+{N}\b                    # 'Med sju röster mot sex'
    (?:\s*(?:,|och)\s*{N}\s+(?:som\s+)?(?:avstår|avstod|avstående))?  # ' och 2 som avstår'""",
    re.VERBOSE,
)
# 'Omröstningsresultat: 7 ja, 6 nej', and the lines 'Ja-röster: 7' / 'Nej-röster: 6' / 'Avstår: 2'
SHORT_RE = re.compile(
    rf"""\b{N}\s+ja\s*,\s*{N}\s+nej\b                                 # '7 ja, 6 nej'
    (?:\s*(?:,|och)\s*{N}\s+(?:avstår|avstod|avstående|nedlagda))?  # ', 2 avstår'""",
    re.VERBOSE | re.IGNORECASE,
)
LABELLED_RE = re.compile(
    rf"""\bJa-?röster\s*:?\s*{N}\s*\n                                  # 'Ja-röster: 7'
    \s*Nej-?röster\s*:?\s*{N}                                         # 'Nej-röster: 6'
    (?:\s*\n\s*(?:Avstår|Avstående|Nedlagda(?:\s+röster)?)\s*:?\s*{N})?  # 'Avstår: 2'""",
    re.VERBOSE | re.IGNORECASE,
)
# 'med 8 röster för arbetsutskottets förslag och 7 röster för Per Eks (M) yrkande': the first is ja
FOR_EACH_RE = re.compile(
    rf"""\b(?i:med)\s+{N}\s+röster\s+för\s+[^.]+?  # 'med 8 röster för arbetsutskottets förslag'
    \s+och\s+{N}\s+röster\s+för\s                 # ' och 7 röster för '""",
    re.VERBOSE,
)
ABSTAIN_RE = re.compile(
    rf"\b{N}\s+(?:ledamöter\s+|ledamot\s+)?(?:som\s+)?(?:avstår|avstod|lägger\s+ned)", re.I
)
ABSENT_RE = re.compile(rf"\b{N}\s+(?:ledamöter\s+|ledamot\s+)?(?:var\s+)?frånvarande", re.IGNORECASE)
FOR_RE = re.compile(
    r"""\b(?P<side>[Jj]a|[Nn]ej)(?:-?\s*röst)?\s+(?:för|innebär|betyder)\s+  # 'Nej-röst för '
      (?P<what>[^.]+?)(?=\s*,\s*(?:ja|nej)\b|\.|$)  # 'avslag till Heidi Hankanen Ängbergs (C) förslag'
    | röstar\s+(?P<side2>ja|nej)\s*,?\s+(?:den\ som|för|att)?        # 'röstar ja, den som'""",
    re.VERBOSE | re.IGNORECASE,
)
WHO_WANTS_RE = re.compile(
    r"""Den\ som\ (?:vill\ |bifaller\ |röstar\ för\ )?  # 'Den som bifaller '
    (?P<what>[^,.]+?),?\s+röstar\s+(?P<side>ja|nej)     # what it is, then ', röstar ja'""",
    re.VERBOSE | re.IGNORECASE,
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


Voter = tuple[str, str | None, str]


def crossed(lines: Sequence[FlatLine], known: Mapping[str, str] | None) -> list[list[Voter]]:
    """Each voteringslista whose votes are crosses under 'Ja', 'Nej', 'Avstår' columns, in
    order: each row's person and the column its cross stands nearest (where the PDF gave
    positions)."""
    lists: list[list[Voter]] = []
    columns: dict[str, float] = {}
    for line in lines:
        heads = {COLUMNS[w.lower()]: x for w, x in line.marks if w.lower() in COLUMNS}
        if "ja" in heads and "nej" in heads:
            columns = heads
            lists.append([])
            continue
        cross = [x for w, x in line.marks if w.lower() not in COLUMNS]
        people = people_in(line.text, known) if columns and cross else ()
        if people:
            vote = min(columns, key=lambda c: abs(columns[c] - cross[-1]))
            lists[-1].append((people[0].name, people[0].party, vote))
    return [voters for voters in lists if voters]


VOTED_RE = re.compile(r"röst|\bja\b", re.I)  # what a result says, or no vote was taken


def _results(text: str) -> list[re.Match[str]]:
    """Each result's count, once (a short form inside a longer one's span is the same)."""
    found: list[re.Match[str]] = []
    for rule in (COUNT_RE, PLAIN_RE, FOR_EACH_RE, SHORT_RE, LABELLED_RE):
        found += [m for m in rule.finditer(text) if not any(f.start() <= m.start() < f.end() for f in found)]
    return sorted(found, key=lambda m: m.start())


def _counts(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    """(ja, nej, avstår) of a result's count, whichever form it takes."""
    groups = match.groups()
    if match.re is COUNT_RE:
        first, second = _n(groups[0]), _n(groups[2])
        return (
            (second, first, _n(groups[3])) if groups[1].lower() == "nej" else (first, second, _n(groups[3]))
        )
    return _n(groups[0]), _n(groups[1]), _n(groups[2]) if len(groups) > 2 else None


def _listed(lists: list[list[Voter]], k: int, count: int) -> tuple[Voter, ...]:
    """The k-th vote's crossed list: its own where each vote has one, else all of them."""
    if len(lists) == count:
        return tuple(lists[k])
    return tuple(v for voters in lists for v in voters)


def votes(lines: Sequence[FlatLine], known: Mapping[str, str] | None = None) -> tuple[Vote, ...]:
    """Each omröstning of an item, from its result sentence ('Med 7 ja-röster och 8
    nej-röster finner ordföranden …', 'Med sju röster mot sex …')."""
    item = TextOf.of(lines)
    text = item.text
    if VOTED_RE.search(text) is None:
        return ()
    found = []
    results = _results(text)
    lists = crossed(lines, known)  # one to each vote, in order, where there are as many
    for k, match in enumerate(results):
        ja, nej, avstar = _counts(match)
        sentence = _sentence_around(text, match.start())
        if avstar is None and (abstain := ABSTAIN_RE.search(text, match.end(), match.end() + 200)):
            avstar = _n(abstain.group(1))  # '… 6 nej-röster. 2 ledamöter avstår från att rösta.'

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
                _voters(text, len(text), known) or _listed(lists, k, len(results)),
            )
        )
    return tuple(sorted(found, key=lambda v: v.page))
