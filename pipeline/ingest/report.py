"""What an ingest tells its user: counts, failures, the pages without text, and where the
main process spent its time and wrote its bytes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class IngestReport:
    files_seen: int = 0
    documents_added: int = 0
    documents_unchanged: int = 0
    documents_reread: int = 0  # stored before by an older version of the reader, read again
    duplicates: int = 0
    pages: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    needs_ocr: list[str] = field(default_factory=list)
    index_rebuilt: str | None = None  # why the search index was rebuilt from the catalog, if it was
    ocr_pages: int = 0  # pages read by OCR in this run (from the cache or by Tesseract)
    ocr_cached: int = 0  # of those, pages whose image was read before (the OCR cache)
    pages_without_text: int = 0  # pages stored with no text (OCR not installed, or it read nothing)
    # why those pages have no text: "never" (--ocr never), "missing" (no Tesseract with its
    # Swedish model), "read" (OCR read them and found no text: blank pages, images of no words)
    without_text_why: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # time spent in the main process, by stage
    written: dict[str, int] = field(default_factory=dict)  # bytes the main process wrote to disk, by stage
    watches_with_news: int | None = None  # how many watches have news after the run (None: no watch)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time a stage of the main process and count the bytes it writes."""
        started, before = time.perf_counter(), written_bytes()
        try:
            yield
        finally:
            self.seconds[name] = round(self.seconds.get(name, 0.0) + time.perf_counter() - started, 3)
            self.written[name] = self.written.get(name, 0) + written_bytes() - before

    def as_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def written_bytes() -> int:
    """Bytes this process has had written to disk (Linux's /proc/self/io; 0 elsewhere)."""
    try:
        with open("/proc/self/io") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("write_bytes:")), 0)
    except OSError:
        return 0
