"""Named errors. The CLI turns each into one clear line; nothing prints a traceback."""

from __future__ import annotations


class HandlingarError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(HandlingarError):
    """A file that cannot be ingested. ``reason`` is the short, user-facing cause."""

    reason = "cannot be read"

    def __init__(self, path: str, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {self.why}")

    @property
    def why(self) -> str:
        """The reason without the path: 'truncated or damaged PDF (Data format error)'."""
        return f"{self.reason} ({self.detail})" if self.detail else self.reason


class NotAPdf(InputError):
    reason = "not a PDF"


class EmptyFile(InputError):
    reason = "empty file"


class Encrypted(InputError):
    reason = "encrypted (needs a password)"


class Truncated(InputError):
    reason = "truncated or damaged PDF"


class NoPages(InputError):
    reason = "PDF has no pages"


class OverBudget(InputError):
    reason = "over the time or memory budget"


class ReadFailed(InputError):
    reason = "could not be read"


class CatalogError(HandlingarError):
    """The catalog is missing, of an unknown schema version, or unusable."""


class CatalogDamaged(CatalogError):
    """The catalog file is not a SQLite database any more, or parts of it are unreadable."""


class NoIndex(CatalogError):
    def __init__(self, index_dir: str) -> None:
        super().__init__(
            f"no index at {index_dir}: run 'handlingar ingest PATH' first "
            "(or pass --index DIR / set HANDLINGAR_INDEX)"
        )


class QueryError(HandlingarError):
    """A search query that cannot be parsed."""


class NotFound(HandlingarError):
    """A document, year or board asked for is not in the catalog."""


class WrongUsage(HandlingarError):
    """Options that cannot work together (exit status 2): a server shared on a network
    without a secret, say."""

    exit_code = 2
