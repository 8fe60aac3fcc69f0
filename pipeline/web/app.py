"""``handlingar serve``: the same answers as the command line, as web pages and JSON.

Server-rendered HTML (Flask + Jinja2, autoescaped), no build step; search, documents and
pages work without JavaScript (a copy button is the only script). Read-only: each thread
opens the catalog and search index read-only on its first answer and again when an ingest
changed them (answer/opened.py PerThread); a file is reached only through a document id the
catalog knows. Served by server.py; on a network every route asks for a secret (access.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, abort, jsonify, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from ..answer.compare import compare
from ..answer.documents import document_file, document_view
from ..answer.listings import document_listing
from ..answer.opened import PerThread
from ..answer.quotes import quote_page, quotes
from ..answer.search import search
from ..answer.trend import TREND_KEYS, trend
from ..answer.watches import news
from ..errors import HandlingarError, NotFound, QueryError
from ..filters import FILTER_NAMES, Filters
from ..output.citations import citation_line
from ..output.lines import filtered_out, hit_line, hit_warnings, news_counts, rate_text, trend_heading
from ..output.render import table as compare_table
from ..read.pdf import render_pages
from ..records import Hit, SearchResult, Snippet, WithoutFilter, as_json
from ..settings import Settings
from .access import Secret, guard

PAGE_SIZE = 10
QUOTES_PAGE = 50  # quotes a page shows (/api/quotes gives them all)
IMAGE_DPI = 110


def filters_of(args: MultiDict[str, str]) -> Filters:
    """The filters of a request's query string (a bad year is a QueryError: 400)."""
    try:
        return Filters.from_query(args)
    except ValueError as exc:
        raise QueryError(str(exc)) from None


def marked(snippet: Snippet) -> Markup:
    """A snippet with its matched words as <mark>, everything else escaped."""
    return marked_text(snippet.text, snippet.marks)


def place_line(hit: Hit) -> Markup:
    """A hit's place line (output/lines.py), its page in <strong>."""
    pieces = hit_line(hit)
    return Markup("").join(Markup("<strong>%s</strong>") % p if strong else escape(p) for p, strong in pieces)


def marked_text(text: str, marks: Sequence[tuple[int, int]]) -> Markup:
    """A page's text with the character ranges in ``marks`` as <mark>, the rest escaped."""
    out, at = [], 0
    for start, end in marks:
        out += [escape(text[at:start]), Markup("<mark>%s</mark>") % text[start:end]]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


FILTER_LABELS = {"year": "år", "kind": "slag", "board": "organ", "party": "parti", "speaker": "talare"}


def filter_named(dropped: WithoutFilter) -> str:
    """A filter as the page names it: 'parti V'."""
    return f"{FILTER_LABELS.get(dropped.filter, 'dokument')} {dropped.value}"


def filters_line(result: SearchResult) -> str | None:
    """Which filters left a search without hits, and what it finds without them (None: not so)."""
    found = filtered_out(result, filter_named, " och ")
    return found[:1].upper() + found[1:] if found else None


def with_args(**changes: str | int | None) -> str:
    """This page's URL with some query arguments changed (None: removed)."""
    args = {k: v for k, v in request.args.items() if v}
    args.update({k: str(v) for k, v in changes.items() if v is not None})
    for k in [k for k, v in changes.items() if v is None]:
        args.pop(k, None)
    page = url_for(request.endpoint or "search_page", **(request.view_args or {}))
    return f"{page}?{urlencode(args)}" if args else page


def _offset() -> int:
    """The request's ``offset`` argument: where a page of hits or quotes starts (0 when absent)."""
    return max(0, request.args.get("offset", 0, type=int) or 0)


def create_app(settings: Settings, secret: Secret | None = None) -> Flask:
    """The app over the index in ``settings``; with a ``secret``, every route asks for it (access.py)."""
    app = Flask(__name__)
    held = PerThread(settings)  # one catalog and index per thread, opened again after an ingest
    app.jinja_env.filters.update(
        marked=marked,
        marked_text=marked_text,
        citation=citation_line,
        place_line=place_line,
        warnings=hit_warnings,
        news_counts=news_counts,
        filtered_out=filters_line,
        filter_named=filter_named,
        trend_heading=trend_heading,
        rate=rate_text,
        compare_table=lambda result: Markup(compare_table(result)),
    )
    app.jinja_env.globals.update(with_args=with_args, FILTERS=FILTER_NAMES)
    _errors(app)
    if secret is not None:
        guard(app, secret)
    _search_routes(app, settings, held)
    _trend_routes(app, settings, held)
    _document_routes(app, settings, held)
    _other_routes(app, settings, held)
    _watch_routes(app, settings, held)
    return app


def _errors(app: Flask) -> None:
    status = {NotFound: 404, QueryError: 400}

    @app.errorhandler(HandlingarError)
    def failed(exc: HandlingarError) -> tuple[Any, int]:
        code = next((c for kind, c in status.items() if isinstance(exc, kind)), 503)
        return _error_page(code, str(exc))

    @app.errorhandler(HTTPException)
    def refused(exc: HTTPException) -> tuple[Any, int]:  # werkzeug's own pages are English
        code = exc.code or 500
        return _error_page(code, HTTP_SV.get(code, f"Fel {code}."))

    @app.errorhandler(Exception)
    def broke(exc: Exception) -> tuple[Any, int]:
        app.logger.exception("oväntat fel på %s", request.path)
        return _error_page(500, "Ett oväntat fel inträffade; serverns logg säger vad.")


# werkzeug's answers in Swedish
HTTP_SV = {
    400: "Felaktig begäran.",
    404: "Sidan finns inte.",
    405: "Den metoden går inte på den här sidan.",
    413: "Begäran är för stor.",
    500: "Ett oväntat fel inträffade; serverns logg säger vad.",
}


def _error_page(code: int, message: str) -> tuple[Any, int]:
    if request.path.startswith("/api/"):
        return jsonify({"error": message}), code
    return render_template("error.html", message=message, code=code), code


def _search_routes(app: Flask, settings: Settings, held: PerThread) -> None:
    @app.get("/")
    def home() -> Any:
        return redirect(url_for("search_page"))

    @app.get("/search")
    def search_page() -> str:
        q = request.args.get("q", "").strip()
        offset = _offset()
        found = search(settings, q, filters_of(request.args), PAGE_SIZE, offset, held.now()) if q else None
        return render_template("search.html", q=q, result=found, offset=offset, size=PAGE_SIZE)

    @app.get("/api/search")
    def search_api() -> Response:
        limit = min(max(0, request.args.get("limit", 10, type=int) or 0), 1000)
        offset = _offset()
        found = search(
            settings, request.args.get("q", ""), filters_of(request.args), limit, offset, held.now()
        )
        return jsonify(as_json(found))

    @app.get("/quotes")
    def quotes_page() -> str:
        q = request.args.get("q", "").strip()
        offset = _offset()
        found = (
            quote_page(settings, q, filters_of(request.args), QUOTES_PAGE, offset, held.now()) if q else None
        )
        return render_template("quotes.html", q=q, found=found, offset=offset, size=QUOTES_PAGE)

    @app.get("/api/quotes")
    def quotes_api() -> Response:  # every quote, as quotes --json; ?limit=N&offset=K: a page of them
        q, filters = request.args.get("q", ""), filters_of(request.args)
        if "limit" not in request.args:
            return jsonify(as_json(quotes(settings, q, filters, held.now())))
        limit = min(max(0, request.args.get("limit", 0, type=int) or 0), 1000)
        return jsonify(as_json(quote_page(settings, q, filters, limit, _offset(), held.now()).quotes))


def _trend_routes(app: Flask, settings: Settings, held: PerThread) -> None:
    @app.get("/trend")
    def trend_page() -> str:
        q, by = request.args.get("q", "").strip(), request.args.get("by", "year")
        if by not in TREND_KEYS:
            raise QueryError(f"by ska vara ett av {', '.join(TREND_KEYS)}")
        found = trend(settings, q, by, filters_of(request.args), held.now()) if q else None
        most = max((r.per_100_pages or 0.0 for r in found.rows), default=0.0) if found else 0.0
        return render_template("trend.html", q=q, by=by, keys=TREND_KEYS, found=found, most=most or 1.0)

    @app.get("/api/trend")
    def trend_api() -> Response:
        by = request.args.get("by", "year")
        if by not in TREND_KEYS:
            raise QueryError(f"by ska vara ett av {', '.join(TREND_KEYS)}")
        return jsonify(
            as_json(trend(settings, request.args.get("q", ""), by, filters_of(request.args), held.now()))
        )


def _document_routes(app: Flask, settings: Settings, held: PerThread) -> None:
    @app.get("/documents")
    def documents_page() -> str:
        return render_template("documents.html", docs=document_listing(settings))

    @app.get("/api/documents")
    def documents_api() -> Response:
        return jsonify(as_json(document_listing(settings)))

    @app.get("/document/<doc_id>")
    def document_page(doc_id: str) -> str:
        q = request.args.get("q", "").strip()
        doc = document_view(settings, _known(doc_id), q or None, held.now())
        return render_template("document.html", doc=doc, q=q, shown=request.args.get("page", type=int))

    @app.get("/api/document/<doc_id>")
    def document_api(doc_id: str) -> Response:
        return jsonify(
            as_json(document_view(settings, _known(doc_id), request.args.get("q") or None, held.now()))
        )

    @app.get("/document/<doc_id>/page/<int:number>.png")
    def page_image(doc_id: str, number: int) -> Response:
        path = document_file(settings, _known(doc_id), held.now())
        image = next((png for _, png in render_pages(path, [number], IMAGE_DPI)), None)
        if image is None:
            abort(404)
        return Response(image, mimetype="image/png", headers={"Cache-Control": "private, max-age=3600"})


def _known(doc_id: str) -> str:
    """A document id as the catalog writes them (64 hex digits), else 404."""
    if len(doc_id) != 64 or any(c not in "0123456789abcdef" for c in doc_id):
        abort(404)
    return doc_id


def _other_routes(app: Flask, settings: Settings, held: PerThread) -> None:
    @app.get("/compare")
    def compare_page() -> str:
        plan, report = request.args.get("plan", ""), request.args.get("report", "")
        board = request.args.get("board") or None
        result = compare(settings, plan, report, board) if plan and report else None
        return render_template("compare.html", plan=plan, report=report, board=board, result=result)

    @app.get("/api/compare")
    def compare_api() -> Response:
        args = request.args
        return jsonify(
            as_json(
                compare(settings, args.get("plan", ""), args.get("report", ""), args.get("board") or None)
            )
        )


def _watch_routes(app: Flask, settings: Settings, held: PerThread) -> None:
    """The watches with their news, read-only: shown here, they are not marked seen (the
    command line's 'handlingar watch' marks them)."""

    @app.get("/watches")
    def watches_page() -> str:
        return render_template("watches.html", found=news(settings, mark=False, kept=held.now()))

    @app.get("/api/watches")
    def watches_api() -> Response:
        return jsonify(as_json(news(settings, mark=False, kept=held.now())))
