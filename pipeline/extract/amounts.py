"""Sums of money in Swedish text, as exact Decimal SEK.

Token patterns for spaCy's Matcher (used by the ``handlingar_amounts``
component in nlp.py) and the arithmetic that turns a matched span into SEK.
A number counts as an amount only when a currency unit follows it, so counts
('500 unika tittare', '14 000 personer'), percentages, years, dates,
diarienummer and property designations never match.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

# Units: the words that may follow the number, and what one unit is worth in SEK.
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
CURRENCY_WORDS = {"kr": 1, "kr.": 1, "kronor": 1, "krona": 1, "sek": 1, ":-": 1}
UNIT_WORDS = {
    "tkr": Decimal(1000),
    "mkr": Decimal(10**6),
    "mnkr": Decimal(10**6),
    "msek": Decimal(10**6),
    "mdkr": Decimal(10**9),
    "mdkr.": Decimal(10**9),
    "öre": Decimal("0.01"),
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
    r"\d[\s\u00a0\u202f\u2009]*(?:kr\b|kronor|krona|mnkr|mkr|tkr|mdkr|msek|sek\b|öre|"
    r"miljon|miljard|milj\.|mn\b|mdr\b|tusen|:-)",
    re.IGNORECASE,
)
# 1-3 leading digits (thousands groups may follow), or any plain number; decimal comma.
LEAD = r"^[-−–]?\d{1,3}(,\d+)?$"
GROUP = r"^\d{3}(,\d+)?$"
PLAIN = r"^[-−–]?\d+(,\d+)?$"
DOTTED = r"^[-−–]?\d{1,3}(\.\d{3})+(,\d+)?$"  # '12.500 kr', '1.500.000 kr': a dot between thousands
SPACE: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}


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
    return [number + unit for number in numbers for unit in (single, currency, scaled)]


_NUMBER_RE = re.compile(
    r"[-−–]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-−–]?\d+(?:[ \u00a0\u202f\u2009]\d{3})*(?:,\d+)?"
)


def sek_value(text: str) -> Decimal:
    """'11,5 miljoner kronor' -> Decimal('11500000'); exact, no float."""
    match = _NUMBER_RE.search(text)
    if match is None:
        raise ValueError(f"no number in {text!r}")
    raw = re.sub(r"[ .\u00a0\u202f\u2009]", "", match.group(0))  # thousands separators
    negative = raw[0] in "-−–"
    number = Decimal(raw.lstrip("-−–").replace(",", "."))
    words = text[match.end() :].lower().split()
    scale = Decimal(1)
    for word in words:
        scale *= SCALE_WORDS.get(word, UNIT_WORDS.get(word, Decimal(1)))
    value = number * scale
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return -value if negative else value


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
