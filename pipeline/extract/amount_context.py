"""What the text around a matched sum says about it: a range's low end before it ('1 800-2 200
tkr', 'mellan 10 och 12 miljoner kronor'), a rate's unit after it ('7,8 kr/m', '368 kr/inv.',
'74,11 kr per invånare'), its sign ('Grundskola - 1 942 tkr', 'ett underskott på - 500 tusen
kronor'), and the reading of a match as one amount (``read``).

Plain text arithmetic on the part's text and character offsets (no spaCy): nlp.py finds the
spans, this module reads what stands beside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import amounts as money
from .amounts import words

_SEP = "[ \u00a0\u202f\u2009]"
_NUM = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
# a range's low end just before its high end: '1 800-2 200', '1,5–2', '10 - 20'; not a date's
# or a number's piece ('2022-09-15 500 kr'), nor a paragraph's or a point's number ('§ 12 - 500 kr')
_LOW_DASH = re.compile(rf"(?<![\w,.§/\-–])(?P<low>{_NUM}){_SEP}?[-–]{_SEP}?\Z")
_LOW_BETWEEN = re.compile(rf"(?i:\bmellan)\s+(?P<low>{_NUM})\s+och\s+\Z")
_NOT_A_LOW = re.compile(r"(?i:§|\bp\.|\bpunkt|\bnr\.?|\bkap\.?|\bsid\.?|\bs\.)\s*\Z")
_YEAR = re.compile(r"(?:19|20)\d\d")
RANGE_REACH = 40  # characters before a high end where its low end is looked for
MAX_SPREAD = 100  # a range's high end is at most this many times its low end ('1–50 tkr')
SIGN_REACH = 300  # characters each side of an amount where signed figures or a currency are looked for


@dataclass(frozen=True)
class Low:
    start: int  # where the range's text starts ('mellan' or the low number)
    number: Decimal  # the low end as printed, in the high end's unit


def range_low(text: str, at: int, high: Decimal) -> Low | None:
    """The low end of a range whose high end ``high`` (as printed) starts at ``at``."""
    reach = max(0, at - RANGE_REACH)
    found = _LOW_BETWEEN.search(text, reach, at) or _LOW_DASH.search(text, reach, at)
    if found is None or _NOT_A_LOW.search(text, max(0, found.start() - 10), found.start()):
        return None
    printed = found.group("low")
    if _YEAR.fullmatch(printed) and not _YEAR.fullmatch(str(high)):  # '2018 – 2 200 tkr': a year
        return None
    low = _low_in_units(_number(printed), high)
    return None if low is None else Low(found.start(), low)


def _low_in_units(low: Decimal, high: Decimal) -> Decimal | None:
    """The low end in the high end's unit: as printed ('1 800-2 200'), or in thousands where
    the high end's are written out and the low end's are not ('10–12 000 kr': 10 000–12 000)."""
    if low < high and (low == 0 or high <= low * MAX_SPREAD):
        return low
    for factor in (Decimal(1000), Decimal(10**6)):
        if low * factor < high <= low * factor * 10:
            return low * factor
    return None


def _number(printed: str) -> Decimal:
    return Decimal(re.sub(rf"{_SEP}", "", printed).replace(",", "."))


_STOP_AFTER_PER = words("den det de detta denna dessa och att som i samt eller respektive sista första idag")
_MONTHS = words("januari februari mars april maj juni juli augusti september oktober november december")
# words abbreviated with a full stop as a rate's unit: 'kr/inv.', 'kr/tim.', 'kr/mån.', 'kr/st.'
ABBREVIATED = frozenset({"inv", "invån", "tim", "mån", "st", "pers", "lgh", "hush", "elev"})
_SLASH = re.compile(r"\A[ \t]?/\s?(?P<unit>[^\W\d_][\w²³]*(?:/[^\W\d_][\w²³]*)*)(?![\w²³])(?P<stop>\.)?")
_PER = re.compile(r"\A\s+(?P<per>per)\s+(?P<unit>[^\W\d_]\w*)(?!\w|\s?\d)(?P<stop>\.)?")


def rate_after(text: str, end: int) -> tuple[str, int] | None:
    """('/kvm', end) or (' per invånare', end) when a unit of its own follows a sum's unit at
    ``end``: '/' and any unit ('kr/m', 'öre/ kWh', 'kr/inv.'), 'per' and a noun that is not a
    date's ('per invånare', 'per år'; not 'per den 31 december', 'per april', 'per årsskiftet')."""
    after = text[end : end + 40]
    slash = _SLASH.match(after)
    if slash:
        unit = slash.group("unit")
        stop = "." if slash.group("stop") and unit.split("/")[-1].lower() in ABBREVIATED else ""
        return "/" + unit + stop, end + slash.end("unit") + len(stop)
    per = _PER.match(after)
    if per and _unit_word(per.group("unit")):
        unit = per.group("unit")
        stop = "." if per.group("stop") and unit.lower() in ABBREVIATED else ""
        return " per " + unit + stop, end + per.end("unit") + len(stop)
    return None


def _unit_word(word: str) -> bool:
    """A noun a price is per ('invånare', 'år', 'elev', 'lägenhet'), not a date ('april') nor a
    definite form that dates a balance ('årsskiftet', 'balansdagen')."""
    lower = word.lower()
    if lower in _STOP_AFTER_PER or lower in _MONTHS:
        return False
    definite = (lower.endswith("et") and not lower.endswith("het")) or (
        lower.endswith("en") and len(lower) > 6
    )
    return not definite


def _unglued(written: str, text: str, at: int) -> tuple[str, int] | None:
    """A match that starts with the last piece of a date ('2022-09-15 500 kr' matched '15 500
    kr'): the sum starts at its next group of digits, or there is none ('per 2022-12-31 tkr',
    a table's header). A range's high end ('1 800-2 200') stays."""
    glued = text[at - 1 : at] in ("-", "–") and text[at - 2 : at - 1].isdigit()
    if not glued or range_low(text, at, money.money_parts(written)[0]) is not None:
        return written, at
    gap = re.search(rf"{_SEP}(?=\d)", written)
    return (written[gap.end() :], at + gap.end()) if gap else None


# after a scale word with no currency, what shows the sum is money: the clause ends, or a
# preposition or a comparison follows ('cirka 100 miljoner med förfallodatum', '7,0 miljoner
# lägre än budget'), not a noun that is counted ('2 miljoner invånare')
_MONEY_NEXT = re.compile(
    r"\s*(?:[.,;:)]|(?i:i|med|för|till|från|av|under|över|varav|lägre|högre|mer|mindre)\b)"
)
_EXPLICIT = re.compile(
    r"\d\s*(?:miljon\w*|miljard\w*|tusen)\s+(?P<currency>kronor|kr|sek|euro|eur)\b"
    r"|\d\s*(?P<unit>mnkr|mkr|mdkr|tkr|msek|m€|meur)(?!\w)",
    re.IGNORECASE,
)


def implied(text: str, at: int, end: int) -> str | None:
    """The currency of a sum written '4,3 miljoner' without one, where the words after it read
    as money's and a sum with its currency written out stands near (the nearest one's); None:
    not a sum."""
    if not _MONEY_NEXT.match(text, end):
        return None
    start = max(0, at - SIGN_REACH)
    near = [(abs(start + m.start() - at), m) for m in _EXPLICIT.finditer(text, start, end + SIGN_REACH)]
    if not near:
        return None
    found = min(near, key=lambda pair: pair[0])[1]
    written = (found.group("currency") or found.group("unit")).lower()
    return money.EUR if written.startswith(("eur", "m€", "meur")) else money.SEK


# '10, 3 miljoner kronor': a decimal comma with a stray space after it, where a figure is due
_STRAY = re.compile(r"(?<![\w,.])(?P<whole>\d{1,3}), \Z")
_TENTHS = re.compile(r"\d{1,2}\s*(?i:miljon|miljard|mnkr|mdkr)")


def _stray_decimal(written: str, text: str, at: int) -> tuple[str, int] | None:
    """('10,3 miljoner kronor', where '10' starts) for '10, 3 miljoner kronor' after a word
    that takes a figure ('ett avkastningskrav på 10, 3 miljoner kronor')."""
    stray = _STRAY.search(text, max(0, at - 8), at)
    if stray is None or not _TENTHS.match(written):
        return None
    words = text[max(0, stray.start() - 30) : stray.start()].split()
    if not words or words[-1].lower() not in money.SIGN_WORDS:
        return None
    return stray.group("whole") + "," + written, stray.start()


@dataclass(frozen=True)
class Reading:
    """One matched sum as the text around it reads it."""

    text: str
    start: int  # offset in the part's text
    value: Decimal
    currency: str
    qualifier: str | None
    rate: str | None
    high: Decimal | None


def read(written: str, before: list[str], text: str, at: int, end: int) -> Reading | None:
    """The amount a match ``written`` at ``at``–``end`` of ``text`` stands for (``before``: the
    two words before it); None for a unit written over a table's column ('(1 000 kr)') and a
    number that is no sum ('2 miljoner invånare', 'per 2022-12-31 tkr')."""
    located = _located(written, text, at, end)
    if located is None:
        return None
    written, at, currency = located
    number, scale, _ = money.money_parts(written)
    line_before, line_after = _line_around(text, at, end)
    value = money.exact(number * scale)
    if money.is_unit_note(value, line_before, line_after):
        return None
    low = range_low(text, at, number) if money.starts_with_digit(written) else None
    high, start, qualifier = None, at, money.qualifier(before)
    if low is not None:
        high, value, start = value, money.exact(low.number * scale), low.start
        qualifier = money.qualifier(text[max(0, start - 30) : start].split())
    elif value > 0 and _minus(before, text, at, end):
        value = -value
    stop = end - 1 if written.endswith(".") else end  # 'kr.' ending a sentence
    rate = rate_after(text, stop)
    unit = money.unit_of(text[at:stop])
    printed = " ".join((unit + rate[0]).split()).replace("/ ", "/") if rate else None
    return Reading(text[start:stop], start, value, currency, qualifier, printed, high)


def _located(written: str, text: str, at: int, end: int) -> tuple[str, int, str] | None:
    """The match as the sum it stands for: (its words, where they start, its currency)."""
    unglued = _unglued(written, text, at)
    if unglued is None:
        return None
    written, at = unglued
    currency = money.money_parts(written)[2] if money.has_currency(written) else implied(text, at, end)
    if currency is None:
        return None
    stray = _stray_decimal(written, text, at)
    return (*stray, currency) if stray else (written, at, currency)


def _line_around(text: str, at: int, end: int) -> tuple[str, str]:
    """The text of the amount's line before it and after it."""
    line_start, line_end = text.rfind("\n", 0, at) + 1, text.find("\n", end)
    return text[line_start:at], text[end : len(text) if line_end < 0 else line_end]


def _minus(before: list[str], text: str, at: int, end: int) -> bool:
    line_before, line_after = _line_around(text, at, end)
    line_start = at - len(line_before)
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
    near = text[max(0, at - SIGN_REACH) : end + SIGN_REACH]
    return money.is_minus(before, line_before, line_after, near, previous)
