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


def words(text: str) -> frozenset[str]:
    """A set of words written as one string ('på med av')."""
    return frozenset(text.split())


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
    "milj": Decimal(10**6),
}
# Scale words that may stand for a sum with no currency written ('7,0 miljoner lägre än budget')
BARE_SCALES = frozenset({"miljon", "miljoner", "miljard", "miljarder"})
# Kronor, and euro: Finland's Swedish-speaking municipalities (and many EU grants) count in euro.
CURRENCY_WORDS = {
    **dict.fromkeys(["kr", "kr.", "kronor", "krona", "sek", ":-", "kronorna", "kronors", "kronan"], SEK),
    **dict.fromkeys(["euro", "euron", "euroa", "eur", "€"], EUR),
}
UNIT_WORDS: dict[str, tuple[Decimal, str]] = {
    "tkr": (Decimal(1000), SEK),
    "mkr": (Decimal(10**6), SEK),
    "mnkr": (Decimal(10**6), SEK),
    "msek": (Decimal(10**6), SEK),
    "mnsek": (Decimal(10**6), SEK),
    "ksek": (Decimal(1000), SEK),
    "tsek": (Decimal(1000), SEK),
    "kkr": (Decimal(1000), SEK),
    "mdsek": (Decimal(10**9), SEK),
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
        kr\b | kronor | krona | mnkr | mkr | tkr | mdkr | kkr | [mkt]?sek\b | mnsek | mdsek | öre  # '0 tkr'
      | miljon | miljard | milj\b | mn\b | mdr\b | tusen                    # '5 miljoner'
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
LEAD = r"^[-−–+]?\d{1,3}(,\d+)?$"  # a sign may be written on the number: '-38 tkr', '+379 tkr'
GROUP = r"^\d{3}(,\d+)?$"
PLAIN = r"^[-−–+]?\d+(,\d+)?$"
DOTTED = r"^[-−–+]?\d{1,3}(\.\d{3})+(,\d+)?$"  # '12.500 kr', '1.500.000 kr': a dot between thousands
SPACE: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}
# where a unit written on its number starts ('40mnkr', '5mkr', '138,13kr/kvm'): a tokenizer's
# empty infix; not a word that goes on ('10kronorsmynt')
FUSED_UNIT = r"(?<=[0-9])(?=(?i:mnkr|mkr|mdkr|tkr|kkr|kr|kronor|[mkt]?sek|mnsek|mdsek)(?![^\W\d_]))"
PREFIXES = ["€", "eur", "sek"]  # a currency written before its number: '€ 25 000', 'EUR 1,2 miljoner'


def matcher_patterns() -> list[list[dict[str, Any]]]:
    """Token patterns: NUMBER [thousands groups] [scale word] currency | NUMBER unit-word |
    NUMBER 'miljoner' (money only where the text around says so: amount_context.implied).
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
    bare: list[dict[str, Any]] = [{"LOWER": {"IN": sorted(BARE_SCALES)}}]  # kronor by the text around
    after = [number + unit for number in numbers for unit in (single, currency, scaled, bare)]
    prefix: list[dict[str, Any]] = [{"LOWER": {"IN": PREFIXES}}, gap]
    scale: list[dict[str, Any]] = [gap, {"LOWER": {"IN": sorted(SCALE_WORDS)}}]
    before = [prefix + number[:-1] + tail for number in numbers for tail in ([], scale)]
    return after + before


_NUMBER_RE = re.compile(
    r"""[-−–+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?               # dots between thousands: '1.500.000'
    | [-−–+]?\d+(?:[ \u00a0\u202f\u2009]\d{3})*(?:,\d+)?  # spaces between them: '11 500 000', '11,5'""",
    re.VERBOSE,
)


_UNIT_RE = re.compile(r"[mtk]?€|:-|[^\W\d_]+\.?")  # the words after the number: 'miljoner', 'kr.', 'm€'


def money_value(text: str) -> tuple[Decimal, str]:
    """'11,5 miljoner kronor' -> (Decimal('11500000'), 'SEK'); '4,53 m€' -> (4530000, 'EUR').
    Exact, no float."""
    number, scale, currency = money_parts(text)
    return exact(number * scale), currency


def money_parts(text: str) -> tuple[Decimal, Decimal, str]:
    """'-1,5 mnkr' -> (Decimal('-1.5'), Decimal(10**6), 'SEK'): the number as printed, what one
    of its unit is worth, and the currency."""
    match = _NUMBER_RE.search(text)
    if match is None:
        raise ValueError(f"no number in {text!r}")
    raw = re.sub(r"[ .\u00a0\u202f\u2009]", "", match.group(0))  # thousands separators
    number = Decimal(raw.lstrip("-−–+").replace(",", "."))
    ahead = [CURRENCY_WORDS[w] for w in _UNIT_RE.findall(text[: match.start()].lower()) if w in PREFIXES]
    scale, currency = Decimal(1), ahead[0] if ahead else SEK
    for word in _UNIT_RE.findall(text[match.end() :].lower()):
        unit, kind = UNIT_WORDS.get(word, (SCALE_WORDS.get(word, Decimal(1)), CURRENCY_WORDS.get(word)))
        scale, currency = scale * unit, kind or currency
    return (-number if raw[0] in "-−–" else number), scale, currency


def exact(value: Decimal) -> Decimal:
    """A whole number as one ('6000000', not '6.0E+6'), else its shortest form ('0.015')."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def has_currency(written: str) -> bool:
    """'5 mnkr', '5 miljoner kronor', '€ 25' have one; '5 miljoner' has none."""
    return any(w in CURRENCY_WORDS or w in UNIT_WORDS for w in _UNIT_RE.findall(written.lower()))


def starts_with_digit(written: str) -> bool:
    """'1 800 tkr' does; '-38 tkr', '+379 tkr' (a sign on the number) and '€ 25 000' do not."""
    return written[:1].isdigit()


def unit_of(written: str) -> str:
    """'2 miljoner SEK' -> 'miljoner SEK': the unit as printed, without its number."""
    return " ".join(_NUMBER_RE.sub(" ", written, count=1).split())


def is_unit_note(value: Decimal, before: str, after: str) -> bool:
    """'(1000 €)', '(1 000 kr)', or '1000€' alone on a line over a table's column: the unit
    its figures are in, not a sum. ``before``/``after``: the text up to and from the line's
    ends."""
    if value not in (1000, 10**6):
        return False
    bracketed = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    return bracketed or (not before.strip() and not after.strip())


def is_minus(before: list[str], line_before: str, line_after: str, near: str, previous: str = "") -> bool:
    """'minus 5 mnkr', '− 5 mnkr' (the minus sign), or a dash before the number that reads as a
    sign: after a word that takes a figure or a colon ('ett underskott på - 500 tusen kronor',
    'Avvikelse: - 75 tkr'; ``previous``: the line before, where 'på' may end), after a list's
    label among signed figures ('Grundskola - 1 942 tkr' beside '+379 tkr'; ``near``: the text
    around), or where a table's column has it (among figures signed '+ 3,649 m€', or opening a
    line that the amount ends: '- 0,410 m€'). Not a dash in running text ('Projektet – 2 mnkr –
    finansieras'), a list's bullet ('- 500 000 kr till föreningen'), nor one after a number
    ('10 - 20 kr', a range)."""
    if not before:
        return False
    if before[-1].lower() == "minus" or before[-1] == "−":
        return True
    if before[-1] not in _DASHES or (len(before) > 1 and before[-2][-1:].isdigit()):
        return False
    if not line_before.rstrip().endswith(_DASHES):  # the dash ends the line before
        return bool(_PLUS_LINE.search(near))
    lead = line_before.rstrip()[:-1].rstrip()  # the line up to the dash
    ends = not line_after.strip() or line_after.lstrip()[0] in ".:;"
    if not lead:  # the dash opens the line: a table's cell, or a sentence's 'på' above it
        return ends or _takes_figure(previous) or bool(_PLUS_LINE.search(near))
    if lead.endswith(":") or _takes_figure(lead):
        return True
    if ends and _LABEL.fullmatch(lead) and _SIGNED.search(near):
        return True
    return bool(_PLUS_LINE.search(near))


def _takes_figure(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in SIGN_WORDS


_DASHES = ("-", "–")
_PLUS_LINE = re.compile(r"(?m)^\s*\+\s?\d")  # '+ 3,649 m€': a figure signed plus opens a line
# a figure signed elsewhere: '+379 tkr', '+ 6 239 tkr', '(-0,5)'; not a date's or a code's dash
_SIGNED = re.compile(r"(?<![\w.,])\+\s?\d|(?<![\w.,])[-–−]\d")
_LABEL = re.compile(r"[^\W\d_][^.;!?()\d]{0,60}")  # a list's label: 'Pedagogisk omsorg', no sentence
# words after which a dash before a figure is its sign: 'på - 500 tusen kronor', 'blev – 2 mnkr'
SIGN_WORDS = words(
    "på med av om till blev blir är var uppgår uppgick landar landade prognos prognosen "
    "utfall utfallet avvikelse avvikelsen resultat resultatet"
)


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
