"""Named errors. The CLI turns each into one clear line; nothing prints a traceback."""

from __future__ import annotations


class HandlingarError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(HandlingarError):
    """A file that cannot be ingested. ``reason`` is the short, user-facing cause."""

    reason = "kan inte läsas"

    def __init__(self, path: str, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {self.why}")

    @property
    def why(self) -> str:
        """The reason without the path: 'avkortad eller skadad PDF (Data format error)'."""
        return f"{self.reason} ({self.detail})" if self.detail else self.reason


class NotAPdf(InputError):
    reason = "inte en PDF"


class EmptyFile(InputError):
    reason = "tom fil"


class Encrypted(InputError):
    reason = "krypterad (behöver ett lösenord)"


class Truncated(InputError):
    reason = "avkortad eller skadad PDF"


class NoPages(InputError):
    reason = "PDF:en har inga sidor"


class OverBudget(InputError):
    reason = "över tids- eller minnesbudgeten"


class ReadFailed(InputError):
    reason = "kunde inte läsas"


class CatalogError(HandlingarError):
    """The catalog is missing, of an unknown schema version, or unusable."""


class CatalogReadOnly(CatalogError):
    """The catalog cannot be written (a read-only disk or share): readers still answer."""


class CatalogDamaged(CatalogError):
    """The catalog file is not a SQLite database any more, or parts of it are unreadable."""


class NoIndex(CatalogError):
    def __init__(self, index_dir: str) -> None:
        super().__init__(
            f"inget index i {index_dir}: kör 'handlingar ingest SÖKVÄG' först "
            "(eller ange --index DIR / sätt HANDLINGAR_INDEX)"
        )


class QueryError(HandlingarError):
    """A search query that cannot be parsed."""


class NotFound(HandlingarError):
    """A document, year or board asked for is not in the catalog."""


class WatchError(HandlingarError):
    """A watch that cannot be added (its name is taken) or written (a read-only index)."""


class WrongUsage(HandlingarError):
    """Options that cannot work together (exit status 2): a server shared on a network
    without a secret, say."""

    exit_code = 2
