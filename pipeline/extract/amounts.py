"""Sums of money in Swedish text, as exact Decimal kronor (or euro).

Token patterns for spaCy's Matcher (used by the ``handlingar_amounts``
component in nlp.py) and the arithmetic that turns a matched span into its value and currency.
A number counts as an amount only when a currency unit follows it, so counts
('500 unika tittare', '14 000 personer'), percentages, years, dates,
diarienummer and property designations never match.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

SEK, EUR = "SEK", "EUR"
# Units: the words that may follow the number, and what one unit is worth.
SCALE_WORDS = {
    "tusen": Decimal(1000),
    "miljon": Decimal(10**6),
    "miljoner": Decimal(10**6),
    "milj.": Decimal(10**6),
    "mn": Decimal(10**6),
    "miljard": Decimal(10**9),
    "miljarder": Decimal(10**9),
    "mdr": Decimal(10**9),
}
# Kronor, and euro: Finland's Swedish-speaking municipalities (and many EU grants) count in euro.
CURRENCY_WORDS = {
    **dict.fromkeys(["kr", "kr.", "kronor", "krona", "sek", ":-"], SEK),
    **dict.fromkeys(["euro", "euron", "euroa", "eur", "€"], EUR),
}
UNIT_WORDS: dict[str, tuple[Decimal, str]] = {
    "tkr": (Decimal(1000), SEK),
    "mkr": (Decimal(10**6), SEK),
    "mnkr": (Decimal(10**6), SEK),
    "msek": (Decimal(10**6), SEK),
    "mdkr": (Decimal(10**9), SEK),
    "mdkr.": (Decimal(10**9), SEK),
    "öre": (Decimal("0.01"), SEK),
    **dict.fromkeys(["t€", "k€", "teur", "keur"], (Decimal(1000), EUR)),
    **dict.fromkeys(["m€", "meur"], (Decimal(10**6), EUR)),
}
QUALIFIERS = {
    "cirka": "cirka",
    "ca": "cirka",
    "ca.": "cirka",
    "c:a": "cirka",
    "drygt": "drygt",
    "knappt": "knappt",
    "omkring": "omkring",
    "ungefär": "ungefär",
    "nästan": "nästan",
    "över": "över",
    "minst": "minst",
    "högst": "högst",
    "maximalt": "högst",
}
UNIT_HINT = re.compile(
    r"""\d[\s\u00a0\u202f\u2009]*(?:                                # a digit, then (spaces and) its unit:
        kr\b | kronor | krona | mnkr | mkr | tkr | mdkr | msek | sek\b | öre  # '0 tkr', '0 kronor'
      | miljon | miljard | milj\. | mn\b | mdr\b | tusen                    # '5 miljoner'
      | :-                                                               # '15 000:-'
      | euro | eur\b | € | [mtk]€ | [mtk]eur\b                              # '4,53 m€'
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# '€ 25 000', 'EUR 1,2 miljoner': case-sensitive and without \b, which made the scan 9× slower
# (the word boundary before 'EUR' is checked on each hit instead: money_hints)
PREFIX_HINT = re.compile(r"(?:€|EUR|SEK)[\s\u00a0\u202f\u2009]*\d")


def money_hints(text: str) -> list[tuple[int, int]]:
    """Where a number and a currency stand together, in text order: the places worth tokenizing."""
    found = [(m.start(), m.end()) for m in UNIT_HINT.finditer(text)]
    for m in PREFIX_HINT.finditer(text):
        if m.group(0)[0] == "€" or not text[max(0, m.start() - 1) : m.start()].isalnum():
            found.append((m.start(), m.end()))
    return sorted(found)


# 1-3 leading digits (thousands groups may follow), or any plain number; decimal comma.
LEAD = r"^[-−–]?\d{1,3}(,\d+)?$"
GROUP = r"^\d{3}(,\d+)?$"
PLAIN = r"^[-−–]?\d+(,\d+)?$"
DOTTED = r"^[-−–]?\d{1,3}(\.\d{3})+(,\d+)?$"  # '12.500 kr', '1.500.000 kr': a dot between thousands
SPACE: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}
PREFIXES = ["€", "eur", "sek"]  # a currency written before its number: '€ 25 000', 'EUR 1,2 miljoner'


def matcher_patterns() -> list[list[dict[str, Any]]]:
    """Token patterns: NUMBER [thousands groups] [scale word] currency | NUMBER unit-word.
    Space tokens (line breaks, no-break spaces) may stand between the pieces."""
    gap: dict[str, Any] = {"IS_SPACE": True, "OP": "?"}
    single: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(UNIT_WORDS)}}]
    currency: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(CURRENCY_WORDS)}}]
    scaled: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(SCALE_WORDS)}}, SPACE, *currency]
    numbers: list[list[dict[str, Any]]] = [
        [{"TEXT": {"REGEX": PLAIN}}, SPACE],
        [{"TEXT": {"REGEX": DOTTED}}, SPACE],
    ]
    for groups in (1, 2, 3):
        grouped: list[dict[str, Any]] = [{"TEXT": {"REGEX": LEAD}}]
        for _ in range(groups):
            grouped += [gap, {"TEXT": {"REGEX": GROUP}}]
        numbers.append([*grouped, SPACE])
    after = [number + unit for number in numbers for unit in (single, currency, scaled)]
    prefix: list[dict[str, Any]] = [{"LOWER": {"IN": PREFIXES}}, gap]
    scale: list[dict[str, Any]] = [gap, {"LOWER": {"IN": sorted(SCALE_WORDS)}}]
    before = [prefix + number[:-1] + tail for number in numbers for tail in ([], scale)]
    return after + before


_NUMBER_RE = re.compile(
    r"""[-−–]?\d{1,3}(?:\.\d{3})+(?:,\d+)?               # dots between thousands: '1.500.000'
    | [-−–]?\d+(?:[ \u00a0\u202f\u2009]\d{3})*(?:,\d+)?  # spaces between them: '11 500 000', '11,5'""",
    re.VERBOSE,
)


_UNIT_RE = re.compile(r"[mtk]?€|:-|[^\W\d_]+\.?")  # the words after the number: 'miljoner', 'kr.', 'm€'


def money_value(text: str) -> tuple[Decimal, str]:
    """'11,5 miljoner kronor' -> (Decimal('11500000'), 'SEK'); '4,53 m€' -> (4530000, 'EUR').
    Exact, no float."""
    match = _NUMBER_RE.search(text)
    if match is None:
        raise ValueError(f"no number in {text!r}")
    raw = re.sub(r"[ .\u00a0\u202f\u2009]", "", match.group(0))  # thousands separators
    negative = raw[0] in "-−–"
    number = Decimal(raw.lstrip("-−–").replace(",", "."))
    ahead = [CURRENCY_WORDS[w] for w in _UNIT_RE.findall(text[: match.start()].lower()) if w in PREFIXES]
    scale, currency = Decimal(1), ahead[0] if ahead else SEK
    for word in _UNIT_RE.findall(text[match.end() :].lower()):
        unit, kind = UNIT_WORDS.get(word, (SCALE_WORDS.get(word, Decimal(1)), CURRENCY_WORDS.get(word)))
        scale, currency = scale * unit, kind or currency
    value = number * scale
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return (-value if negative else value), currency


def is_unit_note(value: Decimal, before: str, after: str) -> bool:
    """'(1000 €)', '(1 000 kr)', or '1000€' alone on a line over a table's column: the unit
    its figures are in, not a sum. ``before``/``after``: the text up to and from the line's
    ends."""
    if value not in (1000, 10**6):
        return False
    bracketed = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    return bracketed or (not before.strip() and not after.strip())


def is_minus(before: list[str], line_before: str, line_after: str, near: str) -> bool:
    """'minus 5 mnkr', '− 5 mnkr' (the minus sign), or a dash standing alone before the number
    where a table's column has it: among figures signed '+ 3,649 m€' (``near``: the text
    around), or opening a line that the amount ends ('- 0,410 m€'). Not a dash in running
    text ('Projektet – 2 mnkr – finansieras'), a list's bullet ('- 500 000 kr till
    föreningen'), nor one after a number ('10 - 20 kr', a range)."""
    if not before:
        return False
    if before[-1].lower() == "minus" or before[-1] == "−":
        return True
    if before[-1] not in _DASHES or (len(before) > 1 and before[-2][-1:].isdigit()):
        return False
    cell = line_before.strip() in _DASHES and not line_after.strip()
    return cell or bool(_PLUS_LINE.search(near))


_DASHES = ("-", "–")
_PLUS_LINE = re.compile(r"(?m)^\s*\+\s?\d")  # '+ 3,649 m€': a figure signed plus opens a line


def qualifier(previous_words: list[str]) -> str | None:
    """'cirka', 'drygt' … when it stands right before the number."""
    if not previous_words:
        return None
    word = previous_words[-1].lower()
    if word == "." and len(previous_words) > 1:  # 'ca.' is read as 'ca' and '.'
        word = previous_words[-2].lower() + "."
    if word == "minus":
        return None
    return QUALIFIERS.get(word)
