"""Swedish political parties, and who signed a party's statement.

Plain rules over text; the spaCy components in nlp.py reuse them.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import HandlingarError
from ..models import NATIONAL, UPPER
from . import names

PARTY_NAMES: dict[str, str] = {name: code for code, names in NATIONAL.items() for name in names}
NAME_WORD = rf"[{UPPER}][a-zåäöéèüøæ]+(?:-[{UPPER}][a-zåäöéüø]+)?"
PERSON = rf"{NAME_WORD}(?:[ \t]+(?:af|von|de|van))?(?:[ \t]+{NAME_WORD}){{1,2}}"
# "Ingalill Söderberg (DP)", also "Nujin Alacabek\n(V)." over a line break.
# a party tag (a piece of other patterns, some of them not re.VERBOSE: one alternative a line)
PARTY_TAG = (
    rf"[{UPPER}]{{1,4}}"  # a code in capitals: 'DP', 'SD'
    rf"|[{UPPER}][a-zåäö]?[{UPPER}]{{1,2}}"  # a local one in mixed case: 'ÖrP'
    r"|(?i:s|m|v|c|l|kd|mp|sd|fp|nl)"  # a known one in lower case: 's', 'kd'
    r"|-"  # '(-)': an independent
)
NAME_PARTY_RE = re.compile(rf"({PERSON})\s*\(({PARTY_TAG})\)")
SIGN_FOR_RE = re.compile(r"^För\s+(.+?)\s*$", re.MULTILINE)


def party_code(name: str, local: Mapping[str, str] | None = None) -> str | None:
    """'Vänsterpartiet' -> 'V'; a code passes through; local names from a user's map."""
    name = name.strip().rstrip(".")
    if name in NATIONAL:
        return name
    if name in PARTY_NAMES:
        return PARTY_NAMES[name]
    for full, code in (local or {}).items():
        if name.lower() == full.lower() or name == code:
            return code
    return None


def party_of_text(text: str, local: Mapping[str, str] | None = None) -> str | None:
    """The party a statement speaks for: its 'För <parti>' line, else the party
    it names most often ('Vänsterpartiet hade ...'). ``local`` maps a user's
    local party names to their codes ({'Huddingepartiet': 'HP'})."""
    for match in SIGN_FOR_RE.finditer(text):
        code = party_code(match.group(1), local)
        if code:
            return code
    names = {**PARTY_NAMES, **(local or {})}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    counts = Counter(names[m.group(0)] for m in pattern.finditer(text))
    if counts:
        return counts.most_common(1)[0][0]
    return None


def load_party_names(path: Path) -> dict[str, str]:
    """A user's TOML file naming local parties: ``[parties]`` then ``"Full name" = "CODE"``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise HandlingarError(f"{path}: kan inte läsa partinamnen ({exc})") from None
    table = data.get("parties", data)
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise HandlingarError(f'{path}: expected a [parties] table of "Full name" = "CODE" lines')
    return {str(k): v for k, v in table.items()}


def _names_in(line: str) -> Iterator[str]:
    """'Rasmus Lenefors  Pran Malhotra' -> two names; a note in parentheses is kept."""
    for chunk in re.split(r"\s{2,}", line.strip()):
        words = chunk.split()
        note = ""
        if words and words[-1].startswith("("):
            note = " " + words.pop()
        if len(words) % 2 == 0 and len(words) >= 4:
            for i in range(0, len(words), 2):
                yield " ".join(words[i : i + 2]) + (note if i + 2 == len(words) else "")
        elif words:
            yield " ".join(words) + note


# a line of names alone: 'Anna Caldén Johan Svenlin', 'Anci Eyoum (kommunsekreterare)'
NAME_LINE_RE = re.compile(
    rf"""^\s*(?:{PERSON})(?:\s+\([a-zåäö]+\))?  # a name, its note: 'Britt Flodetorp (suppleantyttrande)'
    (?:\s+{PERSON}(?:\s+\([a-zåäö]+\))?)*\s*$   # more names beside it""",
    re.VERBOSE,
)


def signatories(text: str) -> list[str]:
    """Names at the end of a statement: after its 'För <parti>' line, or the
    trailing lines that consist of names only."""
    lines = [line for line in text.split("\n") if line.strip()]
    tail: list[str] = []
    for line in reversed(lines):
        if NAME_LINE_RE.match(line) and party_code(line.removeprefix("För ").strip()) is None:
            tail.insert(0, line)
            continue
        break
    return [name for line in tail for name in _names_in(line)]


# a list that sets the party first, as older lists of elected members do: '(C) Anna Berg'
TAG_FIRST_RE = re.compile(rf"^[ \t]*\(([{UPPER}]{{1,4}})\)[ \t]+({PERSON})", re.MULTILINE)
# an organisation or a place named with its abbreviation: 'Västra Götalandsregionen (VGR)'
ORGANISATION_ENDS = (
    *("region", "regionen", "kommun", "kommunen", "landsting", "landstinget", "förbund", "förbundet"),
    *("bolag", "bolaget", "förvaltning", "förvaltningen", "nämnd", "nämnden", "styrelsen", "verket"),
    *("myndigheten", "stiftelsen", "föreningen", "församling", "församlingen", "hotel", "hotell"),
    *("universitet", "universitetet", "högskola", "högskolan", "institutet", "partiet", "gruppen"),
)


ORGANISATION_FIRST = ("region", "kommun", "landstinget", "stiftelsen", "föreningen", "bolaget", "ab")


def organisation(name: str) -> bool:
    words = name.lower().split()
    last = words[-1] if words else ""
    first = words[0] if words else ""
    return last.endswith(ORGANISATION_ENDS) or last in ("ab", "hb", "kb") or first in ORGANISATION_FIRST


def tag_code(tag: str) -> str:
    """A party tag as its code: '(s)' is S, '(fp)' the Liberals' old name, '(ÖrP)' as written."""
    code = tag.upper() if tag.upper() in (*NATIONAL, "FP", "NL") else tag
    return "L" if code == "FP" else code


def speakers_in(text: str) -> Iterator[tuple[str, str, int]]:
    """(name, party code, character offset) for every 'Name (XX)' in ``text``, and for
    every '(XX) Name' of a list that writes the party first; never an organisation's
    'Name (ABBR)'. A name in the genitive ('Heidi Hankanen Ängbergs (C) förslag') is the
    person named without its s elsewhere in the text."""
    first = list(TAG_FIRST_RE.finditer(text))
    if len(first) < 2:  # one '(C) Anna Berg' line may be a name above wrapped before its party
        first = []
    masked = TAG_FIRST_RE.sub(lambda m: " " * len(m.group(0)), text) if first else text
    found = [(" ".join(m.group(2).split()), m.group(1), m.start(2)) for m in first]
    for match in NAME_PARTY_RE.finditer(masked):
        name = names.unlabelled(" ".join(match.group(1).split()))  # not 'Beslutande Anna Andersson'
        found.append((name, tag_code(match.group(2)), match.start()))
    plain = {name for name, _, _ in found}
    for name, party, offset in sorted(found, key=lambda f: f[2]):
        if not organisation(name):
            yield (name[:-1] if name.endswith("s") and name[:-1] in plain else name), party, offset


ROLE_END = (
    "chef",
    "direktör",
    "sekreterare",
    "handläggare",
    "samordnare",
    "strateg",
    "ordförande",
    "controller",
    "utredare",
    "koordinator",
    "ansvarig",
    "jurist",
    "ekonom",
    "revisor",
    "tjänsteperson",
)
OFFICIAL_RE = re.compile(
    rf"""({PERSON}),[ \t\n]+            # 'Catarina Klockerud, '
    (                                  # the role:
      (?:[a-zåäö-]+\.?[ \t]+){{0,3}}    # up to three words before it: 'bitr. ', 'media- och '
      [a-zåäö-]*(?:{"|".join(ROLE_END)})  # one of those words: 'säkerhetschef', 'kulturkoordinator'
    )\b""",
    re.VERBOSE,
)


def officials_in(text: str) -> Iterator[tuple[str, str, int]]:
    """(name, role, offset) for 'Catarina Klockerud, bitr. säkerhetschef'."""
    for match in OFFICIAL_RE.finditer(text):
        yield " ".join(match.group(1).split()), " ".join(match.group(2).split()), match.start()


ATTENDANCE_START_RE = re.compile(r"^\s*(Beslutande|Närvarande|Ledamöter|Övriga närvarande)\b")
ATTENDANCE_END_RE = re.compile(
    r"""^\s*(
        Elektronisk | Underskrift | Justering | Justerare | Utses\ att\ justera  # the signatures' labels
      | Paragrafer | Ärenden | Protokoll\s                                   # the form's next labels
      | _{4,}                                                               # a rule: '______'
    )""",
    re.VERBOSE,
)
CHECKBOX_RE = re.compile(r"\[\s*([Xx ]?)\s*\]")
WHEN_RE = re.compile(r"\b(kl\.|klockan|t\.o\.m\.|fr\.o\.m\.|§|distans)")
NAME_RE = re.compile(rf"^{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}}$")  # two or three words, either order


def attendance_in(text: str) -> tuple[list[tuple[str, str | None, int]], tuple[int, int] | None]:
    """(name, role, offset) for each person present in an attendance list ('[X] Lindvall
    Mikael, ordförande', 'Anna Andersson (S), ordförande'), given name first whichever way
    the list writes it (see names.py); and the list's span."""
    lines = text.split("\n")
    opens = (ATTENDANCE_START_RE, CHECKBOX_RE)
    starts = [i for i, line in enumerate(lines) if any(p.match(line) for p in opens)]
    if not starts:
        return [], None
    found: list[tuple[tuple[str, ...], str, int]] = []
    at = sum(len(line) + 1 for line in lines[: starts[0]])
    begin, columns = at, False
    for line in lines[starts[0] :]:
        if ATTENDANCE_END_RE.match(line) and found:
            break
        columns = columns or ("ordinarie" in line and "ersättare" in line)
        found += [(words, role, at) for words, role in _attendees(line, columns)]
        at += len(line) + 1
    orders = [names.given_first(words) for words, _, _ in found]
    decided = [o for o in orders if o is not None]
    usual = sum(decided) * 2 > len(decided)  # the list's own order; surname first when it is even
    people = [
        (names.in_order(words, usual if order is None else order), role or None, offset)
        for (words, role, offset), order in zip(found, orders, strict=True)
    ]
    return people, (begin, at)


def _attendees(line: str, columns: bool) -> Iterator[tuple[tuple[str, ...], str]]:
    marks = list(CHECKBOX_RE.finditer(line))
    if not marks:
        entry = _attendee(line, "")
        if entry:
            yield entry
        return
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        default = ("ledamot" if k == 0 else "ersättare") if columns else "ledamot"
        entry = _attendee(line[mark.end() : end], default)
        if entry and mark.group(1).strip():  # only who was there: '[X]'
            yield entry


PARTY_MARK_RE = re.compile(rf"\s*\([{UPPER}]{{1,4}}\)\s*$")


def _attendee(chunk: str, default: str) -> tuple[tuple[str, ...], str] | None:
    """'Lindvall Mikael, ordförande, distans' -> (('Lindvall', 'Mikael'), 'ordförande');
    'Beslutande Anna Andersson (S), ordförande' -> (('Anna', 'Andersson'), 'ordförande')."""
    name, _, rest = chunk.strip().partition(",")
    name = names.unlabelled(PARTY_MARK_RE.sub("", name.strip()))
    other = NAME_PARTY_RE.search(rest)  # the next column's person: 'ordförande Karin Ek (S) för …'
    rest = rest[: other.start()] if other else rest
    if not NAME_RE.match(name):
        return None
    notes = (re.sub(r"\s*\([^)]*\)", "", r).strip() for r in rest.split(","))  # '(distans)'
    # a role has letters ('810-13' is OCR's '§10–13') and no time or § ('klockan 16.00–16.50')
    roles = [r for r in notes if any(c.isalpha() for c in r) and not WHEN_RE.search(r)]
    return tuple(name.split()), ", ".join(roles) or default
