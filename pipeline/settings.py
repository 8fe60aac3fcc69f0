"""One settings dataclass, passed explicitly to every stage that needs it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_INDEX = "index"
OCR_MODES = ("auto", "never", "always")
LOCAL_CLUSTER = re.compile(r"local(?::(\d{1,3}))?")  # a LocalCluster of N worker processes (1)


@dataclass(frozen=True)
class Settings:
    index_dir: Path = Path(DEFAULT_INDEX)
    workers: int = 1
    timeout_s: float = 300.0
    memory_mb: int = 1024
    max_pages: int = 5000
    header_lines: int = 3
    spacy_model: str | None = None  # a trained Swedish pipeline, when the user has one installed
    party_names: tuple[tuple[str, str], ...] = ()  # local parties: (full name, code)
    ocr: str = "auto"  # auto: pages without a usable text layer; never; always: every page
    ocr_dpi: int = 300
    cache_dir: Path = field(
        default_factory=lambda: default_cache_dir(os.environ)
    )  # the word lists, built once
    cluster: str | None = None  # read on a Dask cluster: "tcp://HOST:8786", "local" or "local:N"
    shared_path: bool = False  # the cluster's workers see the files at the same paths
    ocr_cache_dir: Path | None = None  # where OCR results are cached (None: the index's ocr-cache)

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.timeout_s <= 0 or self.memory_mb < 64:
            raise ValueError("timeout must be positive and memory at least 64 MB")
        if self.max_pages < 1:
            raise ValueError("max_pages must be at least 1")
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}")
        if not 72 <= self.ocr_dpi <= 1200:
            raise ValueError("ocr_dpi must be between 72 and 1200")
        if self.cluster is not None:
            check_cluster(self.cluster)

    @property
    def catalog_path(self) -> Path:
        return self.index_dir / "catalog.sqlite"

    @property
    def ocr_cache(self) -> Path:
        return self.ocr_cache_dir or self.index_dir / "ocr-cache"

    @property
    def search_dir(self) -> Path:
        return self.index_dir / "search"


def index_dir_from(option: str | None) -> Path:
    """The index folder: the --index option (the CLI fills it from HANDLINGAR_INDEX), else ./index."""
    return Path(option or DEFAULT_INDEX)


def default_cache_dir(env: os._Environ[str] | dict[str, str]) -> Path:
    """HANDLINGAR_CACHE, else $XDG_CACHE_HOME/handlingar, else ~/.cache/handlingar."""
    if env.get("HANDLINGAR_CACHE"):
        return Path(env["HANDLINGAR_CACHE"])
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "handlingar"


def check_cluster(spec: str) -> str:
    """``tcp://HOST:PORT`` (or tls://), ``local`` or ``local:N``; ValueError for anything else."""
    local = LOCAL_CLUSTER.fullmatch(spec)
    if (local and int(local.group(1) or 1) >= 1) or re.fullmatch(r"(tcp|tls)://[^\s/]+:\d+", spec):
        return spec
    raise ValueError(f"'{spec}' är varken tcp://VÄRD:PORT eller local[:N]")
