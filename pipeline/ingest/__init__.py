"""Ingest: run.py the orchestrator, reader.py what a forked reader does with one file,
report.py what a run tells its user."""

from .reader import read_document
from .report import IngestReport
from .run import Progress, discover, ingest

__all__ = ["IngestReport", "Progress", "discover", "ingest", "read_document"]
