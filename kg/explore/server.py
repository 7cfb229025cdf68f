"""``kg serve OUT``: the explorer over HTTP, answering pages from ``OUT/explore.sqlite``, plus ``/sparql``.

Routes: ``/`` the page; ``/static/NAME`` its scripts and style; ``/api/overview``; ``/api/search?q=``;
``/api/node?id=IRI``; ``/sparql`` (see :mod:`kg.explore.sparql`). It binds the loopback address by default and,
while it does, answers only requests whose Host header names the loopback (a web page elsewhere cannot reach it
through DNS rebinding). Every response says ``nosniff``; JSON escapes ``<``, ``>`` and ``&``; the page's
Content-Security-Policy allows scripts, styles and requests from this server only.
"""

from __future__ import annotations

import ipaddress
import queue
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.explore.assets import SERVED, SERVED_POLICY, assets, etag, render_shell, script_json
from kg.explore.index import INDEX_NAME, ExplorerIndexError, Index
from kg.explore.offline import page_config
from kg.explore.pages import overview, page
from kg.explore.search import SEARCH_LIMIT, search
from kg.explore.sparql import SparqlEndpoint

DEFAULT_PORT = 8765
MAX_BODY_BYTES = 1 << 20  # a SPARQL query sent by POST
LOOPBACK_NAMES = ("localhost",)
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class ExplorerServer(ThreadingHTTPServer):
    """One build's explorer and SPARQL endpoint; each request in its own thread, SQLite connections pooled."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, out_dir: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *,
                 quiet: bool = True):
        self.out_dir = Path(out_dir)
        first = Index.open(self.out_dir / INDEX_NAME)  # fails early, naming the file, before binding the port
        self.title = str(first.meta("title") or "kg")
        self._identity = _identity(self.out_dir / INDEX_NAME)
        self._pool: queue.LifoQueue[Index] = queue.LifoQueue()
        self._pool.put(first)
        self._opened = [first]
        self._lock = threading.Lock()
        self.quiet = quiet
        self.loopback = _is_loopback(host)
        super().__init__((host, port), ExplorerHandler)
        self.sparql = SparqlEndpoint(self.out_dir)
        self.shell = render_shell(title=self.title, config=page_config(self.title, out_dir=self.out_dir)).encode()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    @contextmanager
    def index(self) -> Iterator[Index]:
        """A pooled connection to the index; after a rebuild (the file replaced) connections to the new one."""
        identity = _identity(self.out_dir / INDEX_NAME)
        with self._lock:
            if identity != self._identity:
                self._identity = identity
                self._pool = queue.LifoQueue()  # connections to the replaced file are closed once returned
        pool = self._pool
        try:
            index = pool.get_nowait()
        except queue.Empty:
            index = Index.open(self.out_dir / INDEX_NAME)
            with self._lock:
                self._opened.append(index)
        try:
            yield index
        finally:
            if pool is self._pool:
                pool.put(index)
            else:
                with self._lock:
                    self._opened.remove(index)
                index.close()

    def allowed_host(self, header: str | None) -> bool:
        """While bound to the loopback, only Host: localhost / 127.x / [::1] (with this port) is answered."""
        if not self.loopback:
            return True
        if not header:
            return False
        host = header.strip().lower()
        if host.startswith("["):
            name, _, port = host[1:].partition("]")
            port = port.lstrip(":")
        else:
            name, _, port = host.partition(":")
        if port and port != str(self.server_address[1]):
            return False
        return name in LOOPBACK_NAMES or _is_loopback(name)

    def server_close(self) -> None:
        super().server_close()
        with self._lock:
            for index in self._opened:
                index.close()
            self._opened.clear()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ExplorerHandler(BaseHTTPRequestHandler):
    server: ExplorerServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"
    sys_version = ""

    # ------------------------------------------------------------------ dispatch

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        if parts.path != "/sparql":
            self._send_json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "POST is for /sparql only"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True  # the unread body must not be taken for the next request
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too long")
            return
        body = self.rfile.read(length) if length > 0 else b""
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(parts.query)
        if kind == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"))
            if "update" in form:
                self._send_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no SPARQL updates")
                return
            params = {**params, **form}
            self._sparql(params.get("query", [None])[0], params)
        elif kind == "application/sparql-query":
            self._sparql(body.decode("utf-8", "replace"), params)
        elif kind == "application/sparql-update":
            self._send_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no SPARQL updates")
        else:
            self._send_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            "POST a query as application/x-www-form-urlencoded or application/sparql-query")

    def _dispatch(self) -> None:
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        params = parse_qs(parts.query)
        path = parts.path
        started = time.perf_counter()
        try:
            if path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.shell,
                           {"Content-Security-Policy": SERVED_POLICY, "Cache-Control": "no-cache"})
            elif path.startswith("/static/"):
                self._static(path[len("/static/"):])
            elif path == "/api/overview":
                with self.server.index() as index:
                    self._send_json(HTTPStatus.OK, overview(index))
            elif path == "/api/search":
                self._search(params)
            elif path == "/api/node":
                self._node(params)
            elif path == "/sparql":
                if "update" in params:
                    self._send_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no SPARQL updates")
                else:
                    self._sparql(params.get("query", [None])[0], params)
            elif path == "/favicon.ico":
                self._send(HTTPStatus.NO_CONTENT, "image/x-icon", b"")
            else:
                self._send_json(HTTPStatus.NOT_FOUND, {"error": "no such path", "path": path})
        except ExplorerIndexError as err:  # the build is being rewritten under us
            self._send_json(HTTPStatus.SERVICE_UNAVAILABLE, {"error": str(err)})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away
        except Exception as err:  # one bad request must not take the server down, nor hide what went wrong
            print(f"kg serve: {self.command} {path}: {type(err).__name__}: {err}", file=sys.stderr)
            self._send_json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"{type(err).__name__}: {err}"})
        finally:
            if not self.server.quiet:
                print(f"{self.command} {path} {(time.perf_counter() - started) * 1000:.0f} ms", file=sys.stderr)

    def _host_ok(self) -> bool:
        if self.server.allowed_host(self.headers.get("Host")):
            return True
        self.close_connection = True
        self._send_text(HTTPStatus.MISDIRECTED_REQUEST, "this server answers only requests addressed to the loopback")
        return False

    # ------------------------------------------------------------------ routes

    def _static(self, name: str) -> None:
        entry = SERVED.get(name)
        if entry is None:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "no such file", "path": name})
            return
        key, content_type = entry
        tag = etag(key)
        if self.headers.get("If-None-Match") == tag:
            self._send(HTTPStatus.NOT_MODIFIED, content_type, b"", {"ETag": tag, "Cache-Control": "no-cache"})
            return
        self._send(HTTPStatus.OK, content_type, assets()[key].encode(), {"ETag": tag, "Cache-Control": "no-cache"})

    def _search(self, params: dict[str, list[str]]) -> None:
        query = params.get("q", [""])[0]
        try:
            limit = max(1, min(int(params.get("limit", [SEARCH_LIMIT])[0]), 100))
        except ValueError:
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": "limit must be a number"})
            return
        with self.server.index() as index:
            self._send_json(HTTPStatus.OK, search(index, query, limit))

    def _node(self, params: dict[str, list[str]]) -> None:
        iri = params.get("id", [""])[0]
        if not iri:
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": "give ?id=IRI"})
            return
        with self.server.index() as index:
            data = page(index, iri)
        if data is None:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "no such node", "id": iri})
        else:
            self._send_json(HTTPStatus.OK, data)

    def _sparql(self, query: str | None, params: dict[str, list[str]]) -> None:
        if not query or not query.strip():
            self._send_text(HTTPStatus.BAD_REQUEST, "give a SPARQL query: GET /sparql?query=… or POST it")
            return
        answer = self.server.sparql.answer(query, self.headers.get("Accept"),
                                           default_graphs=params.get("default-graph-uri", []),
                                           named_graphs=params.get("named-graph-uri", []))
        self._send(HTTPStatus(answer.status), answer.content_type, answer.body, {"Cache-Control": "no-store"})

    # ------------------------------------------------------------------ responses

    def _send_json(self, status: HTTPStatus, value: object) -> None:
        self._send(status, "application/json; charset=utf-8", script_json(value).encode(),
                   {"Cache-Control": "no-cache"})

    def _send_text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**COMMON_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD" and status not in (HTTPStatus.NOT_MODIFIED, HTTPStatus.NO_CONTENT):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        if not self.server.quiet:
            super().log_message(format, *args)


def make_server(out_dir: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *,
                quiet: bool = True) -> ExplorerServer:
    """A bound server (port 0: any free port); call ``serve_forever()`` and, to stop, ``shutdown()``."""
    return ExplorerServer(out_dir, host, port, quiet=quiet)


def serve(out_dir: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, open_browser: bool = False,
          quiet: bool = True) -> int:
    """Run until interrupted, printing where to point a browser and a SPARQL client."""
    try:
        server = make_server(out_dir, host, port, quiet=quiet)
    except ExplorerIndexError:
        raise
    except OSError as err:  # the port is taken, or the address is not this machine's
        raise ConnectionError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    print(f"kg serve: {server.url}  (explorer of {out_dir})")
    print(f"  SPARQL endpoint: {server.url}sparql  ({server.sparql.source or 'no graph'})")
    if not server.loopback:
        print("  warning: listening beyond this machine; anyone who can reach it can read the graph", file=sys.stderr)
    print("  Ctrl-C stops", flush=True)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("kg serve: stopped")
    finally:
        server.server_close()
    return 0

