"""Who may read a served index. On loopback anyone on this machine; shared on a network only
whoever gives the secret the server was started with: in the login form, which sets a session
cookie, or as ``Authorization: Bearer SECRET`` (for /api/ and scripts). Without it every
route answers 401 (403 for a wrong bearer), the API included.

The secret itself is never kept: the server holds its SHA-256 and compares digests with
``hmac.compare_digest``; a session cookie is an expiry time signed with a key drawn when the
server starts (so a restart ends every session, and the cookie carries nothing of the secret).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Request, Response, g, jsonify, redirect, render_template, request
from werkzeug.wrappers.response import Response as BaseResponse

from ..errors import WrongUsage

COOKIE = "handlingar_session"
SESSION_S = 7 * 24 * 3600  # a login lasts a week (or until the server restarts)
MIN_LENGTH = 8
FAILED_DELAY_S = 0.5  # each wrong guess costs the guesser this long
OPEN_ENDPOINTS = {"login", "login_form"}


@dataclass(frozen=True)
class Secret:
    """The SHA-256 of the secret, and this process's key for signing session cookies."""

    digest: bytes
    key: bytes

    @classmethod
    def of(cls, text: str) -> Secret:
        token = _normal(text)
        if len(token) < MIN_LENGTH:
            raise WrongUsage(f"hemligheten är för kort: minst {MIN_LENGTH} tecken")
        return cls(_digest(token), secrets.token_bytes(32))

    def matches(self, given: str) -> bool:
        return hmac.compare_digest(_digest(_normal(given)), self.digest)

    def session(self, now: float) -> str:
        """A cookie value valid until SESSION_S seconds after ``now``."""
        until = str(int(now) + SESSION_S)
        return f"{until}.{self._sign(until)}"

    def in_session(self, cookie: str, now: float) -> bool:
        until, _, signature = cookie.partition(".")
        if not until.isdigit() or int(until) < now:
            return False
        return hmac.compare_digest(self._sign(until), signature)

    def _sign(self, text: str) -> str:
        return hmac.new(self.key, text.encode(), hashlib.sha256).hexdigest()


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def secret_of(token_file: Path | None, token: str | None) -> Secret | None:
    """The secret from a file (its first line) or else from HANDLINGAR_TOKEN's value; None when neither."""
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise WrongUsage(f"kan inte läsa hemligheten i {token_file}: {exc}") from None
        token = lines[0] if lines else ""
    return None if token is None else Secret.of(token)


def loopback(host: str) -> bool:
    """Whether an address to listen on is reached from this machine only."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: whatever it resolves to, take it for a network


def require_secret(host: str, secret: Secret | None) -> None:
    """Refuse to share the index on a network without a secret."""
    if secret is None and not loopback(host):
        raise WrongUsage(
            f"--host {host} delar registret på nätverket: ange en hemlighet med --token-file FIL "
            "eller HANDLINGAR_TOKEN, eller lyssna på 127.0.0.1"
        )


def guard(app: Flask, secret: Secret) -> None:
    """Every route of ``app`` asks for the secret; /login and /logout are added."""

    @app.context_processor
    def signed_in() -> dict[str, bool]:
        return {"signed_in": bool(g.get("signed_in"))}

    @app.before_request
    def allowed() -> Response | tuple[Response | str, int] | None:
        return None if request.endpoint in OPEN_ENDPOINTS else _checked(secret)

    _login_routes(app, secret)


def _checked(secret: Secret) -> tuple[Response | str, int] | None:
    """None when the request carries the secret (a bearer token or a session cookie), else the refusal."""
    bearer = _bearer(request)
    if bearer is not None:
        if secret.matches(bearer):
            g.signed_in = True
            return None
        time.sleep(FAILED_DELAY_S)
        return _refused(403, "fel token")
    if secret.in_session(request.cookies.get(COOKIE, ""), time.time()):
        g.signed_in = True
        return None
    return _refused(401, "inloggning krävs")


def _login_routes(app: Flask, secret: Secret) -> None:
    @app.get("/login")
    def login_form() -> str:
        return render_template("login.html", next=_next(request.args.get("next")), failed=False)

    @app.post("/login")
    def login() -> BaseResponse | tuple[str, int]:
        target = _next(request.form.get("next"))
        if not secret.matches(request.form.get("token", "")):
            time.sleep(FAILED_DELAY_S)
            return render_template("login.html", next=target, failed=True), 401
        answer = redirect(target, code=303)
        answer.set_cookie(
            COOKIE,
            secret.session(time.time()),
            max_age=SESSION_S,
            httponly=True,
            samesite="Strict",
            secure=request.is_secure,
        )
        return answer

    @app.post("/logout")
    def logout() -> BaseResponse:
        answer = redirect("/login", code=303)
        answer.delete_cookie(COOKIE, httponly=True, samesite="Strict")
        return answer


def _bearer(req: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header (HTTP gives its bytes as Latin-1: a
    secret with å, ä or ö is read back as the UTF-8 it was sent as)."""
    kind, _, value = req.headers.get("Authorization", "").partition(" ")
    if kind.lower() != "bearer":
        return None
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _refused(code: int, why: str) -> tuple[Response | str, int]:
    if request.path.startswith("/api/"):
        answer = jsonify({"error": why})
        answer.headers["WWW-Authenticate"] = 'Bearer realm="handlingar"'
        return answer, code
    return render_template("login.html", next=_next(request.full_path), failed=code == 403), code


def _next(target: str | None) -> str:
    """Where a login goes on to: a path of this site only (never another site's address)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target.removesuffix("?")
