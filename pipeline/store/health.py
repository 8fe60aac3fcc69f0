"""Whether a search index folder can be used as it is: made by this version, with
these word lists, for this catalog. Knows no search engine (it reads marker files)."""

from __future__ import annotations

from pathlib import Path

from ..errors import HandlingarError

# 3: a block's parties and speakers are who acted in it; 4: a page's entry too; 5: a title's span
SCHEMA_VERSION = "5"  # of years ('2019–2021') is among the years its blocks are found under
SCHEMA_MARKER, GENERATION_MARKER = "handlingar-schema", "handlingar-generation"


def marker(words_key: str) -> str:
    """What the schema marker holds: the schema's version and the word lists' key."""
    return f"{SCHEMA_VERSION} {words_key}"


def state(folder: Path, generation: str, words_key: str) -> str:
    """'current', 'missing', 'older' (another version's schema or word lists) or
    'foreign' (made for another catalog: the catalog was replaced since)."""
    found = folder / SCHEMA_MARKER
    if not found.is_file():
        return "older" if folder.is_dir() and any(folder.iterdir()) else "missing"
    if found.read_text() != marker(words_key) or not (folder / "meta.json").is_file():
        return "older"
    owner = folder / GENERATION_MARKER
    return "current" if owner.is_file() and owner.read_text() == generation else "foreign"


_STATE_ERRORS = {
    "missing": "inget sökindex i {0}: kör 'handlingar ingest SÖKVÄG'",
    "older": "sökindexet i {0} gjordes av en äldre version",
    "foreign": "sökindexet i {0} hör till en annan katalog (katalogen har bytts ut sedan)",
    "damaged": "sökindexet i {0} är skadat ({1})",
}
_REBUILD = ": kör 'handlingar ingest SÖKVÄG' en gång för att bygga om det från katalogen (ingen PDF läses om)"


_REASONS = {
    "missing": "det saknades",
    "older": "det gjordes av en äldre version",
    "foreign": "det hörde till en annan katalog",
    "damaged": "det var skadat ({0})",
}


class IndexUnusable(HandlingarError):
    """The search index is missing, of another version or catalog, or damaged."""

    def __init__(self, state: str, folder: Path, detail: str = "") -> None:
        tail = "" if state == "missing" else _REBUILD
        super().__init__(_STATE_ERRORS[state].format(folder, detail) + tail)
        self.reason = _REASONS[state].format(detail)


def engine_failed(exc: BaseException) -> bool:
    """True for what the engine raises or panics with over bad files (pyo3's
    PanicException is a BaseException); False for a user's interrupt."""
    return not isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | HandlingarError)


def short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:100] or type(exc).__name__
