"""Status of a reported item, from the report's own words.

The rules are here, in Swedish, in one place. Each rule is a status and the
phrases that signal it; extend a list to teach the tool a new phrasing. A
status is never invented: with no signal the answer is ``oklart`` and the
item's first sentence is shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..extract.clean import join_lines
from ..extract.sentences import split

# a goal reached: 'uppfyllt', 'uppfyllda', 'uppfylls', 'uppnått', 'uppnåtts', 'uppnåddes'
_REACHED = r"(?:uppfyll(?:t|d|da|s|des|ts)|uppnå(?:tt|tts|dd|dda|ddes|s|r))\b"
_LABEL = r"(?:bedömning|måluppfyllelse|status|bedöms\s+som)"  # what a traffic light stands after

RULES: dict[str, list[str]] = {
    # A goal's assessment: 'Målet är (delvis / ej) uppfyllt', 'Målet bedöms vara uppnått', and
    # the traffic light a label gives it ('Bedömning: Gul', 'Måluppfyllelse: röd').
    "ej uppfyllt": [
        rf"\b(?:ej|inte|icke)\s+{_REACHED}",
        rf"\b{_LABEL}\s*:?\s*röd\b",
    ],
    "delvis uppfyllt": [rf"\b(?:delvis|(?:ej|inte)\s+helt)\s+{_REACHED}", rf"\b{_LABEL}\s*:?\s*gul\b"],
    "uppfyllt": [
        rf"\bmål(?:et|en)?\s+(?:är|blev|har|bedöms|bedöms\s+som|bedöms\s+vara)?\s*(?:helt\s+)?{_REACHED}",
        rf"\b{_LABEL}\s*:?\s*grön\b",
        rf"\b{_LABEL}\s*:\s*(?:helt\s+)?{_REACHED}",
    ],
    "uppskjuten": [
        r"kommer att redovisas",
        r"kommer (att )?presenteras",
        r"skjut(its|s|ades|its) upp",
        r"flyttats fram",
        r"senarelagts",
        r"har flyttats till",
        r"planeras till (våren|hösten|\d{4})",
    ],
    "inställd": [
        r"(fått |har |har fått )?ställ(a|as|ts|des)s? in\b",
        r"\binställ(d|da|des|ts)\b",
        r"avbokades",
        r"har inte (kunnat )?genomföras",
        r"uteblev",
        r"har strukits",
        r"\b(ej|inte) genomför(d|da|t)\b",  # a status label: 'Status: Ej genomförd'
    ],
    "pågår": [
        r"har inte kunnat slutföras",
        r"inleddes först",
        r"har påbörjats",
        r"är inte klart",
        r"inte (har )?avslutats",
        r"(?<!den )(?<!det )(?<!de )\bpågående\b",  # 'Status: Pågående', not 'den pågående planeringen'
    ],
    "delvis": [r"\bdelvis\b", r"i viss mån", r"i begränsad omfattning", r"i mindre skala"],
    "genomförd": [
        r"genomför(des|ts|de)\b",
        r"(?<!ej )(?<!inte )\bgenomförd(a)?\b",  # 'Status: Genomförd', 'Aktiviteten är genomförd'
        r"\b(är|blev) (klar|klart|avslutad|avslutat)\b",
        r"\b(byggts|blivit|stod|står) (klar|klart|klara|färdig|färdigt|färdiga)\b",  # 'har byggts klart'
        r"\bfärdigställ(t|ts|des|da)\b",
        r"har genomförts",
        r"har informerats",
        r"fått (kontinuerlig )?information",
        r"\binformerats\b",
        r"fick .*information",
        r"\bta(git)? del av",
        r"delades ut",
        r"har hanterats",
        r"har anordnats",
        r"arrangerades",
        r"beslutade",
        r"har uppmärksammats",
        r"har hållits",
        r"hölls\b",
        r"har tagits fram",
        r"installation",
        r"anställdes",
        r"har delgivits",
        r"justerades",
        r"anpassades",
        r"har arbetat",
    ],
    # Weak: work said to go on, with nothing said to be done.
    "pågår (svag)": [
        r"\bpågår\b",
        r"\bpågått\b",
        r"fortsätter (under|arbetet)",
        r"arbetet fortgår",
        r"\bgenomförs\b",  # 'Uppdraget genomförs inom befintlig tjänst': being done
        r"\bföljs upp\b",  # 'Socialpedagogernas arbete följs upp under året'
        r"arbete under året (fokuserar|inriktas|syftar)",  # a follow-up in the year: work under way
        r"\bför närvarande\b",  # 'Ärendet bereds för närvarande …'
        r"\bbereds\b",
        r"\b(tar|tas) fram\b",  # 'Förvaltningen tar fram nuläge för tjänsten'
        r"\bhåller på\b",
        r"\barbetar (med|på|vidare)\b",
        r"\bmedverkar i\b",  # 'Intraservice medverkar i arbetet'
        r"\bser till att\b",  # 'Intraservice ser till att rätt utrustning finns …'
        r"\bunder (arbete|framtagande|utredning|uppbyggnad)\b",
        r"\bhar (inletts|påbörjat|startat)\b",
    ],
}
COMPILED = {status: [re.compile(p, re.IGNORECASE) for p in ps] for status, ps in RULES.items()}


@dataclass(frozen=True)
class Verdict:
    status: str
    evidence: str


def sentences(text: str) -> list[str]:
    """Sentences of a section's text with line breaks joined (verbatim otherwise)."""
    return split(join_lines(text))


def _signals(sentence: str) -> list[str]:
    """Every status a sentence signals ('genomfördes men två ställdes in': both)."""
    return [status for status, patterns in COMPILED.items() if any(p.search(sentence) for p in patterns)]


def judge(text: str) -> Verdict:
    """The status the text supports, and the sentence that supports it."""
    return judge_pieces([text])


def judge_pieces(pieces: Sequence[str], in_year: bool = False) -> Verdict:
    """The status a text in pieces supports (a list's items: each its own sentences). A
    report within the year (``in_year``) that tells of work going on beside work done says
    the priority is under way: 'pågår'."""
    found: dict[str, str] = {}
    every = [x for piece in pieces for x in sentences(piece)]
    for sentence in every:
        for signal in _signals(sentence):
            found.setdefault(signal, sentence)
    going = found.get("pågår") or found.get("pågår (svag)")
    if in_year and going and "genomförd" in found and not {"inställd", "uppskjuten"} & set(found):
        return Verdict("pågår", going)
    return _decide(found, every)


def _decide(found: dict[str, str], all_sentences: Sequence[str]) -> Verdict:
    for status in ("ej uppfyllt", "delvis uppfyllt", "uppfyllt"):  # a goal's own assessment
        if status in found:
            return Verdict(status, found[status])
    if "uppskjuten" in found:
        return Verdict("uppskjuten", found["uppskjuten"])
    if "inställd" in found and "genomförd" in found:
        return Verdict("delvis", found["inställd"])
    for status in ("inställd", "pågår", "delvis", "genomförd", "pågår (svag)"):
        if status in found:
            return Verdict(status.split(" ")[0], found[status])
    return Verdict("oklart", all_sentences[0] if all_sentences else "")
