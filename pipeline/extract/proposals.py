"""Proposals (yrkanden) in a § item: who moved what ('bifall', 'avslag', 'återremiss',
'tillägg', 'ändring', 'eget förslag'), and who joined them.

Plain rules over an item's lines, as politics.py's: a person moves where the sentence makes
them its subject ('Per Ek (S) yrkar avslag'), or where a list of yrkanden names them ('Per Ek
(M): Avslag på motionen.').
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..models import UPPER, Proposal
from .clean import join_lines
from .layout import FlatLine
from .politics import PEOPLE, SUBJECT, TextOf, people_in

PROPOSAL_WORDS_RE = re.compile(r"yrk|föreslå|föreslog|instäm|tilläggs|ändrings", re.I)
# the mover, then the verb: 'Anna Hansson (MP) yrkar', 'Heidi Hankanen Ängberg (C) föreslår'
PROPOSAL_RE = re.compile(
    SUBJECT
    + r"""(?P<verb>
        yrk(?:ar|ade) | föreslår | föreslog                              # 'Mats Gerdau (M) yrkade'
      | instämmer | instämde                                             # 'Sidney Holm (MP) instämde'
      | lämnar\s+(?:ett\s+)?(?:tilläggs|ändrings)(?:yrkande|förslag)     # 'lämnar ett tilläggsyrkande'
    )\b""",
    re.VERBOSE,
)
# the mover after the verb: 'I andra hand yrkade Sidney Holm (MP)'
PROPOSAL_AFTER_RE = re.compile(
    rf"""(?:^|(?<=[.:!?”\"]\s)|(?<=\n))              # where a sentence starts
    [{UPPER}][a-zåäö]*(?:\s+[a-zåäö]+){{0,3}}\s+    # 'Under överläggningen ', 'I andra hand '
    (?P<verb>yrkar|yrkade)\s+(?P<people>{PEOPLE})  # 'yrkade Sidney Holm (MP)'""",
    re.VERBOSE,
)
# a list of who moved what: 'Per Ek (M): Avslag på motionen.' (under 'Yrkanden')
MOVED_LINE_RE = re.compile(
    rf"(?m)^(?P<people>{PEOPLE})\s*:\s*(?P<verb>(?i:bifall|avslag|återremiss|tillägg|ändring)\w*)"
)


def _sentence_at(text: str, start: int) -> str:
    """The sentence that starts at ``start``, its line breaks joined."""
    end = re.search(r"[.!?](?=\s|$)", text[start:])
    return join_lines(text[start : start + end.end()] if end else text[start:])


PROPOSAL_WORDS = {"återremi": "återremiss", "avslag": "avslag", "avslå": "avslag", "tillägg": "tillägg"}
PROPOSAL_WORDS |= {"ändring": "ändring", "bifall": "bifall", "bifalla": "bifall", "kompletter": "tillägg"}
JOINED_BY_RE = re.compile(rf"med\s+instämmande\s+av\s+(?P<people>{PEOPLE})")
# 'avslag på Khashayar Farmanbars yrkande och bifall till …': against another's, for the committee's
AGAINST_OTHERS_RE = re.compile(
    rf"""avslag\s+(?:på|till)\s+
    (?:[{UPPER}][\w-]+\s+)+?[\w-]+s\s+  # a name in the genitive: 'Khashayar Farmanbars '
    (?:\w+\s+){{0,2}}(?:yrkande|förslag)  # 'yrkande', 'förslag', a word or two after the name""",
    re.VERBOSE,
)
# proposals handed in to the meeting: '… har Anna Berg (M) och Per Ek (S) inkommit med följande tillägg'
BROUGHT_RE = re.compile(
    rf"""(?P<people>{PEOPLE})\s+(?:har\s+)?                 # 'Anna Berg (M) och Per Ek (S) '
    (?:inkommit|inkom|kommit\s+in)\s+med\s+                 # 'inkommit med '
    (?P<what>(?:[\wåäö]+\s+){{0,3}}?                        # 'följande '
      (?:tillägg|ändringsförslag|yrkande|förslag|tilläggsyrkande|tilläggsförslag))""",
    re.VERBOSE,
)
CHANGED_RE = re.compile(r"\bmed\s+(?:följande\s+|den\s+)?ändring", re.I)
ADDED_RE = re.compile(
    r"\bmed\s+(?:följande\s+tillägg|tillägget\s+att)", re.I
)  # not '… med tillägg av X:s yrkande'

SECOND_RE = re.compile(r"\bi\s+andra\s+hand\b", re.I)


def _proposal_kind(sentence: str) -> str:
    """What a yrkande moves: the first of its words after the verb ('yrkar bifall till
    tilläggsyrkandet' is bifall), återremiss before all; a bifall 'med följande ändring' is
    an ändring, an avslag on another's yrkande beside a bifall is that bifall."""
    lower = sentence.lower()
    if "återremi" in lower:
        return "återremiss"
    found = [(lower.find(word), kind) for word, kind in PROPOSAL_WORDS.items() if word in lower]
    first = min(found)[1] if found else "eget förslag"
    if first == "bifall" and CHANGED_RE.search(sentence):
        return "ändring"
    if first == "bifall" and ADDED_RE.search(sentence):
        return "tillägg"
    if first == "avslag" and "bifall" in lower and AGAINST_OTHERS_RE.search(sentence):
        return "bifall"
    return first


def _moved(item: TextOf, start: int, sentence: str) -> list[tuple[str, str]]:
    """(kind, text) of what one sentence moves: two where it moves 'i första hand … och i
    andra hand …'; the text that follows where it says only 'följande' or ends in ':'."""
    second = SECOND_RE.search(sentence)
    if second is not None:
        first, then = sentence[: second.start()], sentence[second.end() :]
        return [(_proposal_kind(first), sentence), (_proposal_kind(then), sentence)]
    said = sentence
    if re.search(r"(?:följande|:)\W*$", sentence):
        said = join_lines(item.text[start : start + len(sentence) + 400])
    return [(_proposal_kind(said), sentence)]


def proposals(lines: Sequence[FlatLine], known: Mapping[str, str] | None = None) -> tuple[Proposal, ...]:
    """Each yrkande of an item: its movers (and who joined it: 'med instämmande av …', '…
    instämmer i Anna Bergs yrkande'), what they moved, the page and the sentence."""
    item = TextOf.of(lines)
    if PROPOSAL_WORDS_RE.search(item.text) is None:
        return ()
    found: list[Proposal] = []
    moved = list(PROPOSAL_RE.finditer(item.text))
    if re.search(rf"\byrka(?:r|de)\s+[{UPPER}]", item.text):
        moved += PROPOSAL_AFTER_RE.finditer(item.text)
    if re.search(r"\)\s*:\s*(?i:bifall|avslag|återremiss|tillägg|ändring)", item.text):
        moved += MOVED_LINE_RE.finditer(item.text)
    for match in sorted(moved, key=lambda m: m.start()):
        sentence = _sentence_at(item.text, match.start())
        people = people_in(match.group("people"), known)
        if not people:
            continue  # a party moves nothing of its own: its members do
        if match.group("verb").startswith("instäm"):
            if found and "yrkande" in sentence:
                last = found[-1]
                found[-1] = replace(last, people=tuple(dict.fromkeys([*last.people, *people])))
            continue
        joined = JOINED_BY_RE.search(sentence)
        people = tuple(
            dict.fromkeys([*people, *(people_in(joined.group("people"), known) if joined else ())])
        )
        page = item.page_at(match.start())
        found += [Proposal(people, kind, page, text) for kind, text in _moved(item, match.start(), sentence)]
    for match in BROUGHT_RE.finditer(item.text):  # 'Till dagens sammanträde har … inkommit med …'
        sentence = _sentence_at(item.text, max(item.text.rfind("\n", 0, match.start()), 0))
        kind = _proposal_kind(match.group("what"))
        found.append(
            Proposal(people_in(match.group("people"), known), kind, item.page_at(match.start()), sentence)
        )
    return tuple(sorted(dict.fromkeys(found), key=lambda p: p.page))  # one, where the minutes repeat it
