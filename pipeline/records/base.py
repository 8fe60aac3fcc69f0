"""What every record is: its JSON (``to_json``, the fields in order) and a snippet of text
with the places a query matched."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, TypeAlias

JsonValue: TypeAlias = "str | int | float | bool | Decimal | list[JsonValue] | dict[str, JsonValue] | None"
JsonObject: TypeAlias = "dict[str, JsonValue]"


def as_json(value: object) -> JsonValue:
    """A field's value as JSON: records by their ``to_json``, tuples as lists."""
    if isinstance(value, Record | Snippet):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | Decimal):
        return value
    raise TypeError(f"not a JSON value: {type(value).__name__}")


class Record:
    """A record's JSON: its fields in order (a subclass may leave some out: ``HIDDEN``)."""

    HIDDEN: tuple[str, ...] = ()

    def to_json(self) -> JsonObject:
        return {
            f.name: as_json(getattr(self, f.name))
            for f in fields(self)  # type: ignore[arg-type]
            if f.name not in self.HIDDEN
        }

    # Read as its JSON, a record is untyped data (scripts, tests); the library reads fields.
    def __getitem__(self, key: str) -> Any:
        return self.to_json()[key]

    def get(self, key: str, default: JsonValue = None) -> Any:
        return self.to_json().get(key, default)


@dataclass(frozen=True)
class Snippet:
    """A hit's snippet: its text and the character ranges of the words the query matched."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> str:
        return self.text

    def pieces(self) -> list[tuple[str, bool]]:
        """The text cut at the marks: (piece, marked) in order."""
        out, at = [], 0
        for start, end in self.marks:
            out += [(self.text[at:start], False), (self.text[start:end], True)]
            at = end
        return [*out, (self.text[at:], False)]

    def marked(self, before: str, after: str) -> str:
        """The text with each match between ``before`` and ``after`` ('**', '**')."""
        return "".join(f"{before}{p}{after}" if m else p for p, m in self.pieces())

    def first_mark(self) -> str:
        return self.text[self.marks[0][0] : self.marks[0][1]] if self.marks else ""

    def collapsed(self) -> Snippet:
        """Runs of white space as one space, the ends stripped, the marks kept on their words."""
        out: list[str] = []
        at: list[int] = []  # at[i]: where the text's i-th character stands in the new text
        for ch in self.text:
            at.append(len(out))
            if not ch.isspace():
                out.append(ch)
            elif out and out[-1] != " ":
                out.append(" ")
        text = "".join(out).rstrip(" ")
        marks = tuple((at[s], min(at[e - 1] + 1, len(text))) for s, e in self.marks if e > s)
        return Snippet(text, marks)
