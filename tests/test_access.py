"""`handlingar serve` shared on a network asks for a secret: the real server over the sample
corpus, started with HANDLINGAR_TOKEN on 127.0.0.1 (a secret given is asked for on loopback
too), every route tried without it, with a wrong one, with a bearer token and after logging
in; and a host other than loopback refused without a secret."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from pipeline.answer.listings import document_listing
from pipeline.ingest import IngestReport
from pipeline.settings import Settings
from pipeline.web.access import Secret, loopback
from pipeline.web.app import create_app
from serving import request, serving

Corpus = tuple[Settings, IngestReport]
SECRET = "redaktionen-läser-2026"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def guarded(corpus_index: Corpus) -> Iterator[str]:
    with serving(corpus_index[0].index_dir, token=SECRET) as url:
        yield url


@pytest.fixture(scope="module")
def routes(corpus_index: Corpus) -> list[str]:
    doc = document_listing(corpus_index[0])[0].id
    pages = ["/search?q=trygghet", "/quotes?q=vapen", "/trend?q=trygghet", "/documents"]
    pages += [f"/document/{doc}", f"/document/{doc}/page/1.png", "/compare?plan=2020&report=2021"]
    api = ["/api/search?q=trygghet", "/api/quotes?q=vapen", "/api/trend?q=trygghet", "/api/documents"]
    return pages + api + [f"/api/document/{doc}", "/api/compare?plan=2020&report=2021"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_without_the_secret_every_route_is_refused(guarded: str, routes: list[str]) -> None:
    for path in [*routes, "/", "/no-such-page", "/api/no-such"]:
        got = request(guarded, path)
        assert got.status == 401, path
        if path.startswith("/api/"):
            assert got.json() == {"error": "inloggning krävs"} and "Bearer" in got.headers["WWW-Authenticate"]
        else:
            assert "Logga in" in got.text and "träff" not in got.text


def test_with_the_bearer_token_every_route_answers(guarded: str, routes: list[str]) -> None:
    for path in routes:
        assert request(guarded, path, bearer(SECRET)).status == 200, path
    found = request(guarded, "/api/search?q=trygghetsdialog", bearer(SECRET)).json()
    assert isinstance(found, dict) and found["total"] == 3


def test_a_wrong_token_is_refused(guarded: str) -> None:
    assert request(guarded, "/api/search?q=trygghet", bearer(SECRET + "x")).status == 403
    assert request(guarded, "/search?q=trygghet", bearer("")).status == 403
    wrong = request(guarded, "/login", FORM, "POST", urlencode({"token": "gissning", "next": "/"}))
    assert wrong.status == 401 and "Fel lösenord" in wrong.text and "Set-Cookie" not in wrong.headers


def test_logging_in_sets_a_cookie_that_opens_the_pages(guarded: str) -> None:
    form = urlencode({"token": SECRET, "next": "/quotes?q=vapen"})
    logged = request(guarded, "/login", FORM, "POST", form)
    assert logged.status == 303 and logged.headers["Location"].endswith("/quotes?q=vapen")
    cookie = logged.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert SECRET not in cookie and hashlib.sha256(SECRET.encode()).hexdigest() not in cookie
    session = {"Cookie": cookie.split(";")[0]}
    page = request(guarded, "/quotes?q=vapen", session)
    assert page.status == 200 and "Logga ut" in page.text
    assert request(guarded, "/api/quotes?q=vapen", session).status == 200
    forged = session["Cookie"][:-1] + ("0" if not session["Cookie"].endswith("0") else "1")
    assert request(guarded, "/search?q=trygghet", {"Cookie": forged}).status == 401
    out = request(guarded, "/logout", session, "POST")
    assert out.status == 303 and "handlingar_session=; " in out.headers["Set-Cookie"]


def test_a_login_goes_on_to_this_site_only(guarded: str) -> None:
    for elsewhere in ("//example.org/", "https://example.org/", "/\\example.org"):
        got = request(guarded, "/login", FORM, "POST", urlencode({"token": SECRET, "next": elsewhere}))
        assert got.status == 303 and got.headers["Location"] in ("/", f"{guarded}/"), elsewhere


def test_the_app_only_reads_login_and_logout_aside(corpus_index: Corpus) -> None:
    app = create_app(corpus_index[0], Secret.of(SECRET))
    writes = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if (rule.methods or set()) - {"GET", "HEAD", "OPTIONS"}
    }
    assert writes == {"login", "logout"}
    client = app.test_client()
    assert client.post("/search?q=trygghet", headers=bearer(SECRET)).status_code == 405


def test_on_a_network_serve_needs_a_secret(corpus_index: Corpus, tmp_path: Path) -> None:
    short = tmp_path / "token"
    short.write_text("kort\n")
    index = str(corpus_index[0].index_dir)
    for options in (
        ["--host", "0.0.0.0"],
        ["--host", "::"],
        ["--host", "192.0.2.7"],
        ["--token-file", str(short)],
    ):
        env = {k: v for k, v in os.environ.items() if k != "HANDLINGAR_TOKEN"}
        done = subprocess.run(
            ["handlingar", "serve", "--index", index, "--port", "0", *options],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
        assert done.returncode == 2 and done.stdout == "", options
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "hemlighet" in done.stderr, done.stderr


def test_which_hosts_are_this_machine_only() -> None:
    assert all(map(loopback, ["127.0.0.1", "127.3.2.1", "localhost", "::1", "[::1]"]))
    assert not any(map(loopback, ["0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "redaktionen.local"]))
