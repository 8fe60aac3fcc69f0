"""`handlingar serve` run as a person runs it (the console script, a free port of 127.0.0.1),
and plain HTTP requests to it (http.client: no redirect followed, every status seen)."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    def json(self) -> object:
        return json.loads(self.body)


@contextmanager
def serving(index: Path, *options: str, token: str | None = None) -> Iterator[str]:
    """The server's address (``http://127.0.0.1:PORT``) while it runs; stopped after."""
    env = dict(os.environ)
    env.pop("HANDLINGAR_TOKEN", None)
    if token is not None:
        env["HANDLINGAR_TOKEN"] = token
    command = ["handlingar", "serve", "--index", str(index), "--port", "0", "--json", *options]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert server.stdout is not None
        lines: list[str] = []
        while not lines or lines[-1].strip() != "}":
            line = server.stdout.readline()
            assert line, f"serve stopped: {server.stderr.read() if server.stderr else ''}"
            lines.append(line)
        yield str(json.loads("".join(lines))["url"]).rstrip("/")
    finally:
        server.terminate()
        server.wait(30)


def request(
    url: str, path: str, headers: dict[str, str] | None = None, method: str = "GET", body: str | None = None
) -> Answer:
    where = urlsplit(url)
    conn = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        got = conn.getresponse()
        return Answer(got.status, got.headers, got.read())
    finally:
        conn.close()
