"""Ingest: run.py the orchestrator, reader.py what a forked reader does with one file,
report.py what a run tells its user."""

from .files import discover
from .report import IngestReport
from .run import Progress, ingest

__all__ = ["IngestReport", "Progress", "discover", "ingest"]
