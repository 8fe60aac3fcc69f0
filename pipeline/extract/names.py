"""People's names as minutes write them: which word is the given name.

Attendance lists write names surname first ('Lindvall Mikael, ordförande') or given
name first ('Anna Andersson (S), ordförande'), sometimes both in one list. A name's
order is read from the name itself where it can be (a common given name, a word with a
surname's ending), and from the rest of its list where it cannot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import UPPER

# Common given names in Sweden and Swedish-speaking Finland (SCB's and DVV's most given).
GIVEN_NAMES = frozenset(
    """
    adam agneta agnes alexander alice alma amanda anders andreas anette anita ann anna anne annika
    anton arne arvid astrid axel barbro bengt bertil birgitta bo britt camilla carina carl caroline
    catarina cecilia charlotte christer christian christina daniel david ebba elin elisabeth elias
    elsa emelie emil emilia emma erik eva evelina fredrik gabriel gunilla gunnar gustav hanna hans
    harald helen helena henrik hugo ida ingalill ingrid irene isak jakob jan jean jenny jessica joakim
    johan johanna jonas jonathan josefin karin karl katarina kenneth kent kerstin kim kjell krister
    kristina lars lena leo lina linda linnea lisa louise lucas magnus maja malin maria marie marcus
    martin mats mattias max mia mikael monica nils nina ola olle oliver olof oscar patrik per peter
    petra rasmus robert roger rolf sara sebastian simon sofia solveig stefan susanne sven teresia
    thomas tina tindra tobias tom tomas torbjörn tua ulf ulla ulrika unnur viktor vilhelm william
    yvonne åsa åke
    """.split()  # noqa: SIM905 (a list of words reads better as words)
)
SURNAME_ENDINGS = (
    "son",
    "berg",
    "ström",
    "gren",
    "lund",
    "qvist",
    "kvist",
    "dahl",
    "holm",
    "man",
    "ner",
    "blad",
    "borg",
    "fors",
    "ling",
    "stedt",
    "vall",
    "wall",
    "ander",
    "ius",
    "gård",
    "bäck",
    "sjö",
    "ek",
    "én",
    "ér",
)
# A label an attendance list sets before its first name ('Beslutande Anna Andersson (S)').
LABEL_RE = re.compile(
    rf"""^(?:
        Beslutande | Närvarande | Ledamöter                                # a group's: 'Beslutande '
      | Tjänstgörande\ ersättare | Ersättare | Övriga\ deltagande
      | Övriga\ närvarande | Närvarande\ ersättare
      | Utses\ att\ justera | Justerare                                     # 'Utses att justera '
      | Ordförande | Vice\ ordförande | Sekreterare | Justerande             # a signature's: 'Ordförande '
    )\s+(?=[{UPPER}])                                                    # before a name""",
    re.VERBOSE,
)


def unlabelled(name: str) -> str:
    """'Beslutande Anna Andersson' -> 'Anna Andersson'."""
    return LABEL_RE.sub("", name, count=1)


def _given(word: str) -> bool:
    return word.lower() in GIVEN_NAMES


def _surname(word: str) -> bool:
    return word.lower().endswith(SURNAME_ENDINGS) and not _given(word)


def given_first(words: Sequence[str]) -> bool | None:
    """Whether a name's words put the given name first; None when the name cannot tell."""
    first, last = words[0], words[-1]
    if _given(first) != _given(last):
        return _given(first)
    if _surname(first) != _surname(last):
        return _surname(last)
    return None


def in_order(words: Sequence[str], given_first_here: bool) -> str:
    """The name given name first: 'Lindvall Mikael' -> 'Mikael Lindvall' (the surname is
    the first word of a name written surname first)."""
    if given_first_here or len(words) < 2:
        return " ".join(words)
    return " ".join([*words[1:], words[0]])
