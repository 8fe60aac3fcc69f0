"""What a user narrows an answer with: the same filters for search, quotes and amounts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Filters:
    years: tuple[int, int] | None = None
    kind: str | None = None  # a document kind or a part kind
    board: str | None = None
    party: str | None = None
    speaker: str | None = None
    document: str | None = None  # a document id or its first characters


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
