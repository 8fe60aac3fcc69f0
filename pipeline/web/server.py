"""``handlingar serve``'s server: waitress (a pure-Python production WSGI server: a fixed
pool of threads behind one listening loop) in front of the app, each request answered within a
time limit.

A Python thread cannot be stopped from outside, so the limit is kept by where the answer runs:
each request is handed to a bounded pool of answer threads, and the server thread waiting for
it answers 503 when the limit passes. An answer that ran over goes on to its end on its thread
and is thrown away; one still waiting for a free thread is cancelled and never runs. So a
query that takes too long costs one answer thread for a while, never the whole server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from markupsafe import escape

from ..settings import Settings
from .access import Secret, require_secret
from .app import create_app

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

Headers = list[tuple[str, str]]
Answered = tuple[str, Headers, bytes]


@dataclass(frozen=True)
class Serving:
    """Where and how: the address, how many requests are answered at once, the time limit of
    one answer (seconds) and the secret asked for (None: none, on loopback only)."""

    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 4
    time_limit: float = 30.0
    secret: Secret | None = None


class Server(Protocol):
    def run(self) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Started:
    server: Server
    url: str


def start(settings: Settings, serving: Serving) -> Started:
    """The server listening (not yet answering: ``run()`` does) and its address. A host other
    than loopback without a secret is refused (errors.WrongUsage)."""
    from waitress.server import create_server

    require_secret(serving.host, serving.secret)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # 'Task queue depth is 2': busy, not wrong
    app = Deadline(create_app(settings, serving.secret), serving.time_limit, serving.threads)
    server = create_server(
        app,
        host=serving.host,
        port=serving.port,
        threads=serving.threads,
        ident="handlingar",
        asyncore_use_poll=True,
    )
    host, port = server.effective_listen[0] if hasattr(server, "effective_listen") else _one(server)
    shown = f"[{host}]" if ":" in str(host) else host
    return Started(server, f"http://{shown}:{port}/")


def _one(server: object) -> tuple[str, int]:
    return str(getattr(server, "effective_host", "")), int(getattr(server, "effective_port", 0))


class Deadline:
    """A WSGI app that runs ``app`` on one of ``workers`` answer threads and answers 503 (in
    Swedish; JSON under /api/) when the answer has not come within ``seconds``."""

    def __init__(self, app: WSGIApplication, seconds: float, workers: int) -> None:
        self.app, self.seconds = app, seconds
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="handlingar-svar")

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        job = self.pool.submit(_answer, self.app, environ)
        try:
            status, headers, body = job.result(timeout=self.seconds)
        except TimeoutError:
            job.cancel()  # still waiting for a thread: it never starts
            status, headers, body = too_slow(str(environ.get("PATH_INFO", "")), self.seconds)
        start_response(status, headers)
        return [body]


def _answer(app: WSGIApplication, environ: WSGIEnvironment) -> Answered:
    """The app's whole answer to one request: status, headers and body."""
    began: list[tuple[str, Headers]] = []
    chunks: list[bytes] = []

    def start_response(status: str, headers: Headers, exc_info: object = None) -> Callable[[bytes], object]:
        began[:] = [(status, list(headers))]
        return chunks.append

    result = app(environ, start_response)
    try:
        chunks.extend(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    status, headers = began[0]
    return status, headers, b"".join(chunks)


def too_slow(path: str, seconds: float) -> Answered:
    """503: the answer took longer than the time limit."""
    limit = f"{seconds:g}".replace(".", ",")  # 0,5 s
    why = (
        f"Svaret tog längre än {limit} s och gavs upp. Försök med en smalare fråga "
        "(ett år, en nämnd, en fras inom citattecken) eller försök igen om en stund."
    )
    if path.startswith("/api/"):
        body, kind = json.dumps({"error": why}, ensure_ascii=False).encode(), "application/json"
    else:
        page = (
            '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>För långsamt – '
            f'handlingar</title></head><body><h1>För långsamt</h1><p>{escape(why)}</p><p><a href="/search">'
            "Till sökningen</a></p></body></html>"
        )
        body, kind = page.encode(), "text/html; charset=utf-8"
    headers = [("Content-Type", kind), ("Content-Length", str(len(body))), ("Retry-After", "10")]
    return "503 Service Unavailable", headers, body
