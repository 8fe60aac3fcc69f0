"""What a user narrows an answer with: the same filters for search, quotes and amounts."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Range:
    """Bounds on an amount in SEK (either may be open)."""

    minimum: Decimal | None = None
    maximum: Decimal | None = None

    def holds(self, value: Decimal) -> bool:
        return not (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
        )
