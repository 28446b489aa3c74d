"""The explorer's web application: one page and a read-only JSON API (Starlette).

Only GET, and POST for the two requests whose input is the view on screen (expand, export):
nothing here writes to the graph. Requests must name this machine in their Host header
(127.0.0.1, localhost or [::1], any port), so a web page elsewhere cannot reach the API
through DNS rebinding; POST bodies must be JSON, which a foreign page cannot send without a
CORS preflight this server never grants. Errors are JSON `{"error": "one line"}`.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from capgraph.errors import CapgraphError, InputError
from capgraph.viz.page import page_html

from .explorer import Explorer

log = logging.getLogger("capgraph.serve")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
MAX_BODY = 5_000_000  # bytes of JSON a POST may carry (the ids of a large view)


def local_host(host_header: str) -> bool:
    """True for `127.0.0.1`, `localhost` or `[::1]`, with or without a port."""
    host = host_header.strip().lower()
    if host.startswith("["):
        name, _, rest = host.partition("]")
        name += "]"
        port = rest[1:] if rest.startswith(":") else rest
    else:
        name, _, port = host.partition(":")
    return name in LOCAL_HOSTS and (port == "" or port.isdigit())


class LocalHostOnly:
    """Refuse (400) any request whose Host header is not this machine: no DNS rebinding."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            host = headers.get(b"host", b"").decode("latin-1")
            if not local_host(host):
                response = JSONResponse({"error": "refused: this server answers only to localhost"}, status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _security_headers(response: Response) -> Response:
    # The page inlines its script and styles and loads nothing from elsewhere; say so to the browser.
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def create_app(explorer: Explorer) -> Starlette:
    lock = threading.Lock()  # one store call at a time: the drivers' connections are not shared safely

    def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Awaitable[Any]:
        def locked() -> Any:
            with lock:
                return function(*args, **kwargs)

        return run_in_threadpool(locked)

    def answer(handler: Callable[[Request], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                result = await handler(request)
            except CapgraphError as error:
                return _security_headers(JSONResponse({"error": str(error)}, status_code=400))
            except Exception:  # never a stack trace to the page; the log has it
                log.exception("request failed: %s", request.url.path)
                return _security_headers(JSONResponse({"error": "internal error (see the server log)"}, 500))
            if isinstance(result, Response):
                return _security_headers(result)
            return _security_headers(JSONResponse(result))

        return endpoint

    async def body(request: Request) -> dict[str, Any]:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise InputError("send the request body as application/json")
        raw = await request.body()
        if len(raw) > MAX_BODY:
            raise InputError("the request is too large")
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            raise InputError("the request body is not JSON") from None
        if not isinstance(data, dict):
            raise InputError("the request body must be a JSON object")
        return data

    def integer(request: Request, name: str, default: int) -> int:
        text = request.query_params.get(name)
        if text is None or text == "":
            return default
        try:
            return int(text)
        except ValueError:
            raise InputError(f"{name} must be a whole number, got {text!r}") from None

    async def page(request: Request) -> Response:
        page_data, options = await call(lambda: (explorer.page_data(), explorer.vis_options()))
        return HTMLResponse(page_html([], [], page_data, options, serve=True))

    async def search(request: Request) -> Any:
        typed = request.query_params.get("q", "")
        return {"suggestions": await call(explorer.search, typed, integer(request, "limit", 12))}

    async def focus(request: Request) -> Any:
        name = request.query_params.get("name", "")
        hops = integer(request, "hops", 1)
        return await call(explorer.neighbourhood, name, hops, money=request.query_params.get("view") == "money")

    async def money(request: Request) -> Any:
        name = request.query_params.get("name") or None
        return await call(explorer.money, name, integer(request, "hops", 2))

    async def expand(request: Request) -> Any:
        data = await body(request)
        node_id = str(data.get("id") or "")
        rel_type = data.get("type") or None
        have = data.get("have") or []
        if not isinstance(have, list):
            raise InputError("have must be a list of ids")
        return await call(explorer.expand, node_id, rel_type, [str(item) for item in have])

    async def evidence(request: Request) -> Any:
        params = request.query_params
        return await call(explorer.evidence, params.get("type", ""), params.get("source", ""), params.get("target", ""))

    async def article(request: Request) -> Any:
        return await call(explorer.article, request.path_params["article_id"])

    async def queries(request: Request) -> Any:
        return {"queries": explorer.query_list()}

    async def run_query(request: Request) -> Any:
        params = request.query_params
        name = params.get("name", "")
        raw = {key[2:]: value for key, value in params.items() if key.startswith("p.")}
        return await call(explorer.run_query, name, raw)

    async def export(request: Request) -> Any:
        data = await body(request)
        nodes = data.get("nodes") or []
        edges = data.get("edges") or []
        if not isinstance(nodes, list) or not isinstance(edges, list):
            raise InputError("nodes and edges must be lists")
        exported = await call(explorer.export, str(data.get("format") or ""), nodes, edges)
        return Response(
            exported.content,
            media_type=exported.media_type,
            headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'},
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        return _security_headers(JSONResponse({"error": f"no such page: {request.url.path}"}, status_code=404))

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return _security_headers(JSONResponse({"error": "method not allowed: this server only reads"}, 405))

    routes = [
        Route("/", answer(page)),
        Route("/api/search", answer(search)),
        Route("/api/focus", answer(focus)),
        Route("/api/money", answer(money)),
        Route("/api/expand", answer(expand), methods=["POST"]),
        Route("/api/evidence", answer(evidence)),
        Route("/api/article/{article_id:str}", answer(article)),
        Route("/api/queries", answer(queries)),
        Route("/api/query", answer(run_query)),
        Route("/api/export", answer(export), methods=["POST"]),
        Route("/favicon.ico", lambda request: PlainTextResponse("", status_code=204)),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(LocalHostOnly)],
        exception_handlers={404: not_found, 405: not_allowed},
    )
