"""What a user narrows an answer with: the same filters for search, quotes and amounts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from .years import matched_years, parse_years

FILTER_NAMES = ("year", "kind", "board", "party", "speaker", "document")
_FIELDS = {"year": "years"}  # a filter's field, where its name is not the field's


@dataclass(frozen=True)
class Filters:
    """What a user narrows an answer to, with one meaning for every command and for the
    search index alike (store/index.py turns the same fields into the engine's terms):

    - ``years``: the year of a date or the year a document is about falls in the range;
    - ``kind``: a document's or a part's kind (resolved to one the catalog holds);
    - ``board``: every word of it is a word of the board ('kommunstyrelsen');
    - ``party``, ``speaker``: made by (signed, moved, said, voted), a surname will do;
    - ``document``: its id or the start of it.
    """

    years: tuple[int, int] | None = None
    kind: str | None = None  # a document kind or a part kind
    board: str | None = None
    party: str | None = None
    speaker: str | None = None
    document: str | None = None  # a document id or its first characters

    @classmethod
    def of(cls, get: Callable[[str], str | None]) -> Filters:
        """From options or a query string by name (``get('year')``: '2019-2022'); a bad
        year is a ValueError."""
        values = [get(name) or None for name in FILTER_NAMES]
        return cls(parse_years(values[0]), *values[1:])

    @classmethod
    def from_query(cls, args: Mapping[str, str]) -> Filters:
        return cls.of(args.get)

    def given(self) -> list[tuple[str, str]]:
        """The filters set, by name, each with its value as written: [('year', '2019-2022')]."""
        found = []
        for name in FILTER_NAMES:
            value = getattr(self, _FIELDS.get(name, name))
            if isinstance(value, tuple):
                value = "-".join(dict.fromkeys(str(y) for y in value))  # (2021, 2021): '2021'
            if value:
                found.append((name, str(value)))
        return found

    def without(self, name: str) -> Filters:
        """These filters but the one named ('party'), dropped."""
        return replace(self, **{_FIELDS.get(name, name): None})

    def keeps_party(self, parties: Iterable[str]) -> bool:
        return self.party is None or self.party.casefold() in (p.casefold() for p in parties)

    def keeps_person(self, names: Iterable[str]) -> bool:
        return self.speaker is None or same_person(self.speaker, names)

    def keeps_place(
        self,
        date: str | None,
        year: int | None,
        kinds: Iterable[str],
        board: str | None,
        document: str,
        title: str | None = None,
    ) -> bool:
        """The filters on where a record stands: year (its part's ``title`` may name a span),
        kind, board and document."""
        years = self.years
        return not (
            (years and not any(years[0] <= y <= years[1] for y in matched_years(date, year, title)))
            or (self.kind and self.kind.casefold() not in (k.casefold() for k in kinds if k))
            or (self.board and not set(board_words(self.board).split()) <= set(board_words(board).split()))
            or (self.document and not document.startswith(self.document))
        )


def board_words(board: str | None) -> str:
    """A board's words as the index and the filters compare them: 'kommunstyrelsens
    verksamhetsutskott'."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", board or "").lower()))


def name_keys(name: str) -> list[str]:
    """What a person is found by: the whole name and each run of its last words, the
    surname(s) ('Heidi Hankanen Ängberg', 'Hankanen Ängberg', 'Ängberg')."""
    words = name.split()
    return [" ".join(words[k:]) for k in range(len(words))]


def same_person(wanted: str, names: Iterable[str]) -> bool:
    """True when ``wanted`` names one of ``names`` (the index's speaker field matches the
    same keys), in any case: 'Berg' and 'anna berg' find 'Anna Berg'."""
    key = " ".join(wanted.split()).casefold()
    return any(key == k.casefold() for name in names for k in name_keys(name))


@dataclass(frozen=True)
class Range:
    """Bounds on an amount, in its own currency (either may be open), and the currency
    (None: kronor and euro alike)."""

    minimum: Decimal | None = None
    maximum: Decimal | None = None
    currency: str | None = None

    def holds(self, value: Decimal, currency: str = "SEK") -> bool:
        return not (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
            or (self.currency is not None and currency != self.currency)
        )
