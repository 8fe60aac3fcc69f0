"""The answers' records: what every command returns, typed on the way out as models.py
types them on the way in.

Each record is a frozen dataclass whose fields, in order, are its JSON contract:
``to_json()`` is what ``--json`` and ``/api/`` print (the README lists the same fields, and
a test holds the two together). A record also reads as its JSON (``hit["page"]``), for
scripts and tests that treat answers as data.
"""

from .answers import (
    AlsoIn,
    AmountEntry,
    DocumentEntry,
    DocumentView,
    DuplicateGroup,
    Hit,
    PageEntry,
    PagePlace,
    Paper,
    PartEntry,
    PersonEntry,
    Place,
    ProposalEntry,
    Quote,
    RepeatPlace,
    SearchResult,
    SectionEntry,
    SpeakerEntry,
    StatementEntry,
    Target,
    Trend,
    TrendRow,
    VoteEntry,
    Voter,
    WatchEntry,
    WatchNews,
    WithoutFilter,
)
from .base import JsonObject, JsonValue, Record, Snippet, as_json
from .compare import CompareRow, Comparison, ItemRef, Side
from .tables import TableCellEntry, TableEntry, TableRowEntry

__all__ = [
    "AlsoIn",
    "AmountEntry",
    "CompareRow",
    "Comparison",
    "DocumentEntry",
    "DocumentView",
    "DuplicateGroup",
    "Hit",
    "ItemRef",
    "JsonObject",
    "JsonValue",
    "PageEntry",
    "PagePlace",
    "Paper",
    "PartEntry",
    "PersonEntry",
    "Place",
    "ProposalEntry",
    "Quote",
    "Record",
    "RepeatPlace",
    "SearchResult",
    "SectionEntry",
    "Side",
    "Snippet",
    "SpeakerEntry",
    "StatementEntry",
    "TableCellEntry",
    "TableEntry",
    "TableRowEntry",
    "Target",
    "Trend",
    "TrendRow",
    "VoteEntry",
    "Voter",
    "WatchEntry",
    "WatchNews",
    "WithoutFilter",
    "as_json",
]
