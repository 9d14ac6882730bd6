"""A SPARQL 1.1 Protocol endpoint over a store or a file, on the standard library's HTTP server.

``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` or a
``application/sparql-query`` body) answer in SPARQL results JSON, XML, CSV or
TSV, CONSTRUCT in Turtle or N-Triples, chosen by the ``Accept`` header (or
``format=json|xml|csv|tsv|turtle|ntriples``).  Query answers carry
``Access-Control-Allow-Origin: *`` so that browser clients can read them;
updates never do.

Safety by default (see ``docs/security.md``): bound to 127.0.0.1 and
answering only requests whose ``Host`` names this machine (no DNS rebinding);
read-only (SPARQL Update is refused with 403 unless ``writable``); no
outbound requests (``SERVICE`` and ``LOAD`` are refused unless their address
starts with one of ``allow_endpoints``); every query runs in a worker process
(:mod:`kg.sparql.sandbox`) that is killed and replaced after ``timeout`` seconds or
when it passes ``max_memory`` bytes, so a runaway query or an engine panic
costs that query only; answers are cut at ``max_rows`` rows (header
``X-Result-Truncated: true``); request bodies are capped at ``max_body``
bytes.  With ``writable``, an update must come as
``application/sparql-update`` (a type a web page cannot send cross-origin
without permission), from no foreign ``Origin``, and with the ``token`` when
one is set (``Authorization: Bearer TOKEN``; a token also allows form updates).

``GET /`` is a query page (no CDN: the HTML, CSS and JS are inline, pinned by
a Content-Security-Policy) listing the saved questions (:mod:`kg.sparql.query_page`). What a request runs,
apart from HTTP, is :class:`kg.sparql.endpoint.Endpoint`.

>>> server = make_server("out/sample.ttl", port=0)  # doctest: +SKIP
>>> server.serve_forever()  # doctest: +SKIP
"""
from __future__ import annotations

import hmac
import json
import shutil
import sys
import tempfile
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import click
import pyoxigraph as ox

from kg.sparql.endpoint import MAX_BODY, Endpoint, negotiate
from kg.sparql.query import QueryError, open_dataset
from kg.sparql.query_page import query_page, query_page_with_policy, saved_list
from kg.sparql.sandbox import DEFAULT_MAX_MEMORY, EngineCrash, Source, WorkerPool

__all__ = ["Endpoint", "SparqlServer", "make_server", "negotiate", "query_page", "serve_command", "serve_in_thread"]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


class BadRequest(Exception):
    """A request the handler refuses before running anything: carries the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol request handler (one :class:`Endpoint` per server)."""

    server_version = "govkg-sparql/0.2"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send a request (slow or stalled clients are dropped)
    endpoint: Endpoint

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: str | bytes, ctype: str = "text/plain; charset=utf-8",
              headers: dict[str, str] | None = None, cors: bool = True) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if cors and self.endpoint.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "X-Result-Truncated")
        self.send_header("Vary", "Accept, Origin")
        if self.close_connection:
            self.send_header("Connection", "close")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _refuse(self, status: int, message: str, cors: bool = True) -> None:
        self._send(status, " ".join(message.split()) + "\n", cors=cors)

    def _dispatch(self, method) -> None:
        """Run a method handler; any failure becomes a one-line 4xx/5xx, never a traceback or a dropped connection."""
        try:
            if not self._host_ok():
                self.close_connection = True
                self._refuse(421, "unknown Host: this endpoint answers requests addressed to this machine only")
                return
            method()
        except BadRequest as exc:
            self.close_connection = True
            self._refuse(exc.status, str(exc))
        except (ConnectionError, TimeoutError, OSError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 (the server keeps serving)
            self.close_connection = True
            try:
                self._refuse(500, f"internal error: {type(exc).__name__}: {exc}")
            except OSError:
                pass

    def _host_ok(self) -> bool:
        allowed = self.endpoint.allowed_hosts
        if allowed is None:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        if not host:
            return self.request_version == "HTTP/1.0"  # HTTP/1.1 requires Host
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in allowed or name.strip("[]") in allowed

    def do_OPTIONS(self) -> None:
        def run() -> None:
            self.send_response(HTTPStatus.NO_CONTENT)
            if self.endpoint.cors:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
                self.send_header("Access-Control-Max-Age", "86400")
            self.send_header("Content-Length", "0")
            self.end_headers()
        self._dispatch(run)

    def do_GET(self) -> None:
        self._dispatch(self._get)

    def do_HEAD(self) -> None:
        self._dispatch(self._get)

    def do_POST(self) -> None:
        self._dispatch(self._post)

    def _get(self) -> None:
        url = urlsplit(self.path)
        args = parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            page, csp = query_page_with_policy()
            self._send(200, page, "text/html; charset=utf-8",
                       {"Content-Security-Policy": csp, "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"})
        elif url.path == "/saved.json":
            self._send(200, json.dumps(saved_list(), ensure_ascii=False), "application/json")
        elif url.path in ("/sparql", "/query"):
            if "update" in args:
                self._send(405, "updates must be sent with POST\n", headers={"Allow": "POST"}, cors=False)
            elif "query" not in args:
                self._send(400, "missing query parameter\n")
            else:
                self._answer(args["query"][0], args)
        else:
            self._send(404, "not found: try / or /sparql\n")

    def _body(self) -> str:
        """The request body as text, within the size cap.

        Raises:
            BadRequest: no or a bad Content-Length, too large, chunked, or not UTF-8.
        """
        if self.headers.get("Transfer-Encoding"):
            raise BadRequest(411, "send the body with a Content-Length (chunked transfer is not accepted)")
        raw = self.headers.get("Content-Length")
        if raw is None:
            raise BadRequest(411, "a POST needs a Content-Length header")
        raw = raw.strip()
        if not raw.isascii() or not raw.isdigit() or len(raw) > 15:
            raise BadRequest(400, f"bad Content-Length {raw[:40]!r}")
        length = int(raw)
        if length > self.endpoint.max_body:
            raise BadRequest(413, f"request body of {length} bytes is larger than the {self.endpoint.max_body} "
                                  f"byte limit (--max-body)")
        data = self.rfile.read(length)
        if len(data) < length:
            raise BadRequest(400, "the request body is shorter than its Content-Length")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadRequest(400, f"the request body is not UTF-8 (byte {exc.start})") from None

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/query", "/update"):
            self._send(404, "not found: POST to /sparql\n")
            return
        body = self._body()
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
            self._update(args["update"][0], ctype)
        elif "query" in args:
            self._answer(args["query"][0], args)
        else:
            self._send(400, "missing query or update\n")

    def _update(self, text: str, ctype: str) -> None:
        """An update: the checks against cross-site requests, then the worker. No CORS header is sent."""
        ep = self.endpoint
        if not ep.writable:
            self._refuse(403, "this endpoint is read-only; start it with `kg serve --writable` to allow updates",
                         cors=False)
            return
        origin = self.headers.get("Origin")
        if origin is not None and not self._same_origin(origin):
            self._refuse(403, f"update refused: it comes from another site ({origin[:100]})", cors=False)
            return
        token_ok = ep.token is not None and hmac.compare_digest(
            (self.headers.get("Authorization") or "").encode(), f"Bearer {ep.token}".encode())
        if ep.token is not None and not token_ok:
            self._send(401, "update refused: send the server's token as `Authorization: Bearer TOKEN`\n",
                       headers={"WWW-Authenticate": 'Bearer realm="govkg"'}, cors=False)
            return
        if ctype != "application/sparql-update" and not token_ok:
            self._refuse(415, "updates must be sent as Content-Type: application/sparql-update "
                              "(form updates need the server's token)", cors=False)
            return
        try:
            ep.update(text)
        except PermissionError as exc:
            self._refuse(403, str(exc), cors=False)
        except QueryError as exc:
            self._send(400, f"{exc}\n", cors=False)
        except TimeoutError as exc:
            self._refuse(503, f"{exc}; the update was not applied", cors=False)
        except EngineCrash as exc:
            self._refuse(503 if exc.memory else 500, f"{exc}; the update was not applied", cors=False)
        else:
            self._send(204, b"", cors=False)

    def _same_origin(self, origin: str) -> bool:
        host = (self.headers.get("Host") or "").lower()
        return origin.lower() in (f"http://{host}", f"https://{host}")

    def _answer(self, text: str, args: dict[str, list[str]]) -> None:
        try:
            status, body, ctype, headers = self.endpoint.answer(text, self.headers.get("Accept"),
                                                                args.get("format", [None])[0])
        except QueryError as exc:
            self._send(400, f"{exc}\n")
        except PermissionError as exc:
            self._refuse(403, str(exc))
        except TimeoutError as exc:
            self._refuse(503, str(exc))
        except EngineCrash as exc:
            self._refuse(503 if exc.memory else 500, str(exc))
        else:
            self._send(status, body, ctype, headers)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: a thread per connection, a deep listen queue, workers stopped on close."""

    daemon_threads = True
    request_queue_size = 128
    endpoint: Endpoint
    verbose = False
    _tmpdir: str | None = None

    def server_close(self) -> None:
        super().server_close()
        ep = getattr(self, "endpoint", None)
        if ep is not None:
            ep.pool.close()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None


def _materialise(data: ox.Store | str | Path, tmpdir: str) -> str:
    """Write a file's graph or an in-memory store into a store directory under ``tmpdir``; returns its path.

    Workers then open that directory instead of each parsing the file again.

    Raises:
        QueryError: the file cannot be read.
    """
    path = str(Path(tmpdir) / "store")
    if isinstance(data, ox.Store):
        disk = ox.Store(path)
        disk.bulk_extend(iter(data))
    else:
        disk = open_dataset(data, into=path)
    disk.flush()
    del disk
    return path


def make_server(store: ox.Store | str | Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                timeout: float = 30.0, max_rows: int = 10000, verbose: bool = False, workers: int = 2,
                max_memory: int | None = DEFAULT_MAX_MEMORY, allow_endpoints: tuple[str, ...] = (),
                token: str | None = None, max_body: int = MAX_BODY,
                allow_hosts: tuple[str, ...] = (), cors: bool = True) -> SparqlServer:
    """An HTTP server answering SPARQL; call ``serve_forever()`` (``port=0`` picks a free port).

    Args:
        store: A store directory, an RDF file, or an in-memory :class:`pyoxigraph.Store`
            (copied: the workers answer from a copy).
        writable: Accept SPARQL Update (one worker then holds the store for writing).
        workers: Worker processes answering queries at once (1 when writable).
        max_memory: Bytes of memory a query may use on top of its worker's (None: no ceiling).
        allow_endpoints: Address prefixes that SERVICE and LOAD may reach; ``("*",)`` for any.
        token: When set, updates need ``Authorization: Bearer TOKEN``.
        allow_hosts: More ``Host`` names to answer (a loopback server answers only its own names).
        cors: Let web pages of other sites read query answers (``Access-Control-Allow-Origin: *``).

    Raises:
        QueryError: the data cannot be opened.
        OSError: the address cannot be bound.
    """
    tmpdir = None
    if isinstance(store, ox.Store) or not Path(store).is_dir():
        tmpdir = tempfile.mkdtemp(prefix="kg-serve-")
        try:
            path = _materialise(store, tmpdir)
        except BaseException:
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise
    else:
        path = str(store)
    try:
        source = Source(path, "store-rw" if writable else "store")
        pool = WorkerPool(source, size=1 if writable else workers, max_memory=max_memory)
    except BaseException as exc:
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        if isinstance(exc, (QueryError, KeyboardInterrupt)):
            raise
        raise QueryError(f"{path}: cannot open the data: {exc}") from None
    hosts: set[str] | None = None
    if host in LOOPBACK_NAMES or host.startswith("127."):
        hosts = {h.strip("[]").lower() for h in (*LOOPBACK_NAMES, host, *allow_hosts)}
    elif allow_hosts:
        hosts = {h.lower() for h in allow_hosts} | {host.lower()}
    endpoint = Endpoint(pool, writable=writable, timeout=timeout, max_rows=max_rows,
                        allow_endpoints=allow_endpoints, token=token, max_body=max_body, allowed_hosts=hosts,
                        cors=cors)
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint})
    try:
        server = SparqlServer((host, port), handler)
    except BaseException:
        pool.close()
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        raise
    server.endpoint = endpoint
    server._tmpdir = tmpdir
    server.verbose = verbose
    return server


def serve_in_thread(store: ox.Store | str | Path, **kwargs: object) -> tuple[SparqlServer, threading.Thread]:
    """Start a server on a background thread (for tests and notebooks); stop it with ``shutdown()`` and
    ``server_close()``."""
    server = make_server(store, **kwargs)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@click.command("serve")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update (application/sparql-update, same-origin only; a store is opened "
                   "read-write).")
@click.option("--token", envvar="KG_SERVE_TOKEN",
              help="With --writable: updates must carry `Authorization: Bearer TOKEN` (env KG_SERVE_TOKEN).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a query may run; then its worker is killed.")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(min=1),
              help="Rows returned at most.")
@click.option("--max-memory", default=DEFAULT_MAX_MEMORY // 2**20, show_default=True, type=click.IntRange(min=0),
              metavar="MB", help="Memory a query may use (0: no limit).")
@click.option("--max-body", default=MAX_BODY, show_default=True, type=click.IntRange(min=1), metavar="BYTES",
              help="Largest request body accepted.")
@click.option("-w", "--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Worker processes answering queries at once (1 with --writable).")
@click.option("--allow-endpoint", "allow_endpoints", multiple=True, metavar="URL_PREFIX",
              help="Let SERVICE (and LOAD, with --writable) reach addresses starting with this prefix; "
                   "repeatable; '*' allows any. Off by default: the server makes no outbound requests.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (e.g. behind a proxy); repeatable.")
@click.option("--cors/--no-cors", default=True, show_default=True,
              help="Let web pages of other sites read query answers (Access-Control-Allow-Origin: *); "
                   "updates never get it.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve_command(source: Path, host: str, port: int, writable: bool, token: str | None, timeout: float,
                  max_rows: int, max_memory: int, max_body: int, workers: int, allow_endpoints: tuple[str, ...],
                  allow_hosts: tuple[str, ...], cors: bool, verbose: bool) -> None:
    """Serve SOURCE (a store directory or an RDF file) as a SPARQL 1.1 endpoint with a query page.

    See docs/security.md for what the endpoint allows by default and what each option opens.
    """
    if source.is_dir():
        from kg.sparql.store import is_store

        if not is_store(source):
            click.echo(f"error: {source}: not a govkg store (no database in it)", err=True)
            sys.exit(1)
    try:
        server = make_server(source, host, port, writable, timeout, max_rows, verbose, workers,
                             max_memory * 2**20 if max_memory else None, allow_endpoints, token, max_body,
                             allow_hosts, cors)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    mode = "read-write" if writable else "read-only"
    click.echo(f"SPARQL endpoint ({mode}) at http://{host}:{server.server_port}/sparql — "
               f"query page http://{host}:{server.server_port}/ — Ctrl-C to stop")
    import signal

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill` stops the workers and removes temporary files too
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
