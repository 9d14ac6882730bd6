"""A SPARQL 1.1 Protocol endpoint over a store or a file, on the standard library's HTTP server.

``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` or a
``application/sparql-query`` body) answer in SPARQL results JSON, XML, CSV or
TSV, CONSTRUCT in Turtle or N-Triples, chosen by the ``Accept`` header (or
``format=json|xml|csv|tsv|turtle|ntriples``).  Every answer carries
``Access-Control-Allow-Origin: *`` so that browser clients can call it.

Safety by default: bound to 127.0.0.1; read-only (SPARQL Update is refused with
403 unless the server was made with ``writable=True``); each query runs in a
worker thread and gets 503 after ``timeout`` seconds; answers are cut at
``max_rows`` rows (header ``X-Result-Truncated: true``).  ``GET /`` is a query
page (no CDN: the HTML, CSS and JS are inline) listing the saved questions.

>>> server = make_server(open_dataset("out/sample.ttl"), port=0)  # doctest: +SKIP
>>> server.serve_forever()  # doctest: +SKIP
"""
from __future__ import annotations

import html
import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import click
import pyoxigraph as ox

from kg.query import QueryError, open_dataset, run_query
from kg.rdf.namespaces import PREFIXES
from kg.results import QueryResult, render
from kg.saved import saved_queries

RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ntriples": "application/n-triples"}


def negotiate(accept: str | None, graph: bool) -> str | None:
    """The result format to send for an ``Accept`` header, or ``None`` when nothing fits (406)."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    default = "turtle" if graph else "json"
    if not accept:
        return default
    ranges = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranges.append((-q, i, media.lower()))
    for negq, _, media in sorted(ranges):
        if negq == 0:
            continue
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*") or media == "text/html":
            return default
    return None


class Endpoint:
    """What the request handler needs: the dataset and the limits.

    Attributes:
        store: The pyoxigraph store queried.
        writable: Whether SPARQL Update is accepted.
        timeout: Seconds a query may run before the client gets 503.
        max_rows: Rows (or triples) returned at most.
    """

    def __init__(self, store: ox.Store, writable: bool = False, timeout: float = 30.0,
                 max_rows: int = 10000, workers: int = 4) -> None:
        self.store = store
        self.writable = writable
        self.timeout = timeout
        self.max_rows = max_rows
        self.slots = threading.BoundedSemaphore(workers)

    def query(self, text: str) -> QueryResult:
        """Run a query within the limits, on a worker thread.

        A query past the time limit is abandoned: it finishes on its (daemon)
        thread, holding one of ``workers`` slots until then, so runaway
        queries cannot pile up.

        Raises:
            QueryError: a syntax error.
            TimeoutError: the query ran past the time limit, or every slot is busy.
        """
        if not self.slots.acquire(timeout=self.timeout):
            raise TimeoutError("the endpoint is busy with other queries; try again later")
        box: dict[str, object] = {}

        def work() -> None:
            try:
                box["result"] = run_query(self.store, text, None, self.max_rows, self.timeout)
            except BaseException as exc:  # handed to the request thread
                box["error"] = exc
            finally:
                self.slots.release()

        worker = threading.Thread(target=work, daemon=True, name="sparql-query")
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise TimeoutError(f"query took longer than {self.timeout:g} s")
        if "error" in box:
            err = box["error"]
            if isinstance(err, QueryError) and "longer than" in str(err):
                raise TimeoutError(str(err))
            raise err  # type: ignore[misc]
        return box["result"]  # type: ignore[return-value]

    def update(self, text: str) -> None:
        """Run a SPARQL update (only when writable).

        Raises:
            PermissionError: the endpoint is read-only.
            QueryError: a syntax error.
        """
        if not self.writable:
            raise PermissionError("this endpoint is read-only; start it with `kg serve --writable` to allow updates")
        try:
            self.store.update(text, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"syntax error: {exc}") from None


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol request handler (one :class:`Endpoint` per server)."""

    server_version = "govkg-sparql/0.1"
    endpoint: Endpoint

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: str | bytes, ctype: str = "text/plain; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "X-Result-Truncated")
        self.send_header("Vary", "Accept")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        args = parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            self._send(200, query_page(), "text/html; charset=utf-8")
        elif url.path == "/saved.json":
            self._send(200, json.dumps(saved_list(), ensure_ascii=False), "application/json")
        elif url.path in ("/sparql", "/query"):
            if "update" in args:
                self._send(405, "updates must be sent with POST\n", headers={"Allow": "POST"})
            elif "query" not in args:
                self._send(400, "missing query parameter\n")
            else:
                self._answer(args["query"][0], args)
        else:
            self._send(404, "not found: try / or /sparql\n")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/query", "/update"):
            self._send(404, "not found: POST to /sparql\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        args = parse_qs(url.query)
        if ctype == "application/x-www-form-urlencoded":
            args.update(parse_qs(body))
        elif ctype == "application/sparql-query":
            args["query"] = [body]
        elif ctype == "application/sparql-update":
            args["update"] = [body]
        else:
            self._send(415, "send application/sparql-query, application/sparql-update or a form\n")
            return
        if "update" in args:
            try:
                self.endpoint.update(args["update"][0])
            except PermissionError as exc:
                self._send(403, f"{exc}\n")
            except QueryError as exc:
                self._send(400, f"{exc}\n")
            else:
                self._send(204, b"")
        elif "query" in args:
            self._answer(args["query"][0], args)
        else:
            self._send(400, "missing query or update\n")

    def _answer(self, text: str, args: dict[str, list[str]]) -> None:
        try:
            result = self.endpoint.query(text)
        except QueryError as exc:
            self._send(400, f"{exc}\n")
            return
        except TimeoutError as exc:
            self._send(503, f"{exc}\n")
            return
        graph = result.kind == "graph"
        fmt = args.get("format", [None])[0]
        if fmt not in MEDIA or (fmt in ("turtle", "ntriples")) != graph:
            fmt = negotiate(self.headers.get("Accept"), graph)
        if fmt is None:
            wanted = ", ".join(GRAPH_TYPES if graph else RESULT_TYPES)
            self._send(406, f"cannot answer in the Accept types; offered: {wanted}\n")
            return
        headers = {"X-Result-Truncated": "true"} if result.truncated else {}
        self._send(200, render(result, fmt), f"{MEDIA[fmt]}; charset=utf-8", headers)


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                timeout: float = 30.0, max_rows: int = 10000, verbose: bool = False) -> ThreadingHTTPServer:
    """An HTTP server answering SPARQL on ``store``; call ``serve_forever()`` (``port=0`` picks a free port)."""
    endpoint = Endpoint(store, writable=writable, timeout=timeout, max_rows=max_rows)
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose  # type: ignore[attr-defined]
    return server


def serve_in_thread(store: ox.Store, **kwargs: object) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start a server on a background thread (for tests and notebooks); stop it with ``server.shutdown()``."""
    server = make_server(store, **kwargs)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def saved_list() -> list[dict[str, object]]:
    """The saved questions as JSON-able dicts, for the query page."""
    return [{"name": q.name, "zh": q.zh, "en": q.en, "params": q.params, "text": q.text}
            for q in saved_queries().values()]


def query_page() -> str:
    """The HTML query page, self-contained."""
    page = (Path(__file__).parent / "serve_page.html").read_text(encoding="utf-8")
    items = "\n".join(
        f'<li><a href="#" data-name="{html.escape(q["name"])}">{html.escape(str(q["zh"]))}</a>'
        f'<br><small>{html.escape(str(q["en"]))} — <code>{html.escape(q["name"])}</code></small></li>'
        for q in saved_list())
    return (page.replace("<!--SAVED-->", items)
            .replace("/*SAVED_JSON*/[]", json.dumps(saved_list(), ensure_ascii=False).replace("</", "<\\/"))
            .replace("/*PREFIXES*/{}", json.dumps(PREFIXES)))


@click.command("serve")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update (a store is then opened read-write).")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds a query may run.")
@click.option("--max-rows", default=10000, show_default=True, type=int, help="Rows returned at most.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve_command(source: Path, host: str, port: int, writable: bool, timeout: float, max_rows: int,
                  verbose: bool) -> None:
    """Serve SOURCE (a store directory or an RDF file) as a SPARQL 1.1 endpoint with a query page."""
    try:
        if writable and source.is_dir():
            from kg.store import KgStore, StoreError

            try:
                store = KgStore.open(source).store
            except StoreError as exc:
                raise QueryError(str(exc)) from None
        else:
            store = open_dataset(source)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    try:
        server = make_server(store, host, port, writable, timeout, max_rows, verbose)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    mode = "read-write" if writable else "read-only"
    click.echo(f"SPARQL endpoint ({mode}) at http://{host}:{server.server_port}/sparql — "
               f"query page http://{host}:{server.server_port}/ — Ctrl-C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
