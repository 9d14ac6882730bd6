"""What a SPARQL endpoint does with a request, apart from HTTP: the answer's format from the ``Accept`` header,
the query or update run in a worker process (:mod:`kg.sparql.sandbox`) under the endpoint's limits, and the
refusal of ``SERVICE`` and ``LOAD`` to addresses not allowed. :mod:`kg.sparql.serve` puts it on the web.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.sparql.query import QueryError, remote_calls, run_query
from kg.sparql.results import render
from kg.sparql.sandbox import WorkerPool

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
MAX_BODY = 1024 * 1024
"""Bytes a request body may have (``--max-body``)."""


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


# --- run in the worker process (kg.sparql.sandbox) ----------------------------------------------------------

def worker_answer(store: ox.Store, text: str, accept: str | None, fmt: str | None,
                  max_rows: int) -> tuple[int, bytes, str, dict[str, str]]:
    """Run a query and render its answer as an HTTP reply (status, body, content type, headers)."""
    result = run_query(store, text, None, max_rows)
    graph = result.kind == "graph"
    if fmt not in MEDIA or (fmt in ("turtle", "ntriples")) != graph:
        fmt = negotiate(accept, graph)
    if fmt is None:
        wanted = ", ".join(GRAPH_TYPES if graph else RESULT_TYPES)
        return 406, f"cannot answer in the Accept types; offered: {wanted}\n".encode(), "text/plain; charset=utf-8", {}
    headers = {"X-Result-Truncated": "true"} if result.truncated else {}
    return 200, render(result, fmt).encode("utf-8"), f"{MEDIA[fmt]}; charset=utf-8", headers


def worker_update(store: ox.Store, text: str) -> None:
    """Run an update (in the writable worker)."""
    try:
        store.update(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"syntax error: {exc}") from None
    except OSError as exc:
        raise QueryError(str(exc)) from None


# --- the endpoint -------------------------------------------------------------------------------------

class Endpoint:
    """What the request handler needs: the workers and the limits.

    Attributes:
        pool: The worker processes that hold the data.
        writable: Whether SPARQL Update is accepted.
        timeout: Seconds a query may run before its worker is killed (the client gets 503).
        max_rows: Rows (or triples) returned at most.
        allow_endpoints: Address prefixes that ``SERVICE`` and ``LOAD`` may reach (``*``: any).
        token: Secret an update must carry (``Authorization: Bearer …``), or None.
        max_body: Bytes a request body may have.
        allowed_hosts: ``Host`` names accepted (None: any).
        cors: Send ``Access-Control-Allow-Origin: *`` on query answers (web pages may read them).
    """

    def __init__(self, pool: WorkerPool, writable: bool = False, timeout: float = 30.0, max_rows: int = 10000,
                 allow_endpoints: tuple[str, ...] = (), token: str | None = None, max_body: int = MAX_BODY,
                 allowed_hosts: set[str] | None = None, cors: bool = True) -> None:
        self.pool = pool
        self.cors = cors
        self.writable = writable
        self.timeout = timeout
        self.max_rows = max_rows
        self.allow_endpoints = tuple(allow_endpoints)
        self.token = token
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    def check_remote(self, text: str) -> None:
        """Refuse a query or update that would contact an address not allowed.

        Raises:
            PermissionError: it has a ``SERVICE`` or ``LOAD`` not allowed.
        """
        for target in remote_calls(text):
            if "*" in self.allow_endpoints:
                continue
            if target is None:
                raise PermissionError("SERVICE or LOAD with a variable or prefixed-name address is refused: "
                                      "this endpoint makes no outbound requests (see docs/security.md)")
            if not any(target.startswith(p) for p in self.allow_endpoints):
                raise PermissionError(f"SERVICE/LOAD <{target}> is refused: this endpoint makes no outbound "
                                      f"requests unless started with --allow-endpoint PREFIX")

    def answer(self, text: str, accept: str | None = None, fmt: str | None = None
               ) -> tuple[int, bytes, str, dict[str, str]]:
        """Run a query in a worker; returns (status, body, content type, headers).

        Raises:
            QueryError: a syntax error.
            PermissionError: ``SERVICE`` to an address not allowed.
            TimeoutError: the query ran past the time limit (its worker was killed), or every worker is busy.
            EngineCrash: the query crashed its worker or passed the memory ceiling.
        """
        self.check_remote(text)
        return self.pool.call(worker_answer, (text, accept, fmt, self.max_rows), timeout=self.timeout)

    def update(self, text: str) -> None:
        """Run a SPARQL update (only when writable).

        Raises:
            PermissionError: the endpoint is read-only, or the update would LOAD from an address not allowed.
            QueryError: a syntax error.
            TimeoutError, EngineCrash: as for :meth:`answer` (the update is then not applied).
        """
        if not self.writable:
            raise PermissionError("this endpoint is read-only; start it with `kg serve --writable` to allow updates")
        self.check_remote(text)
        self.pool.call(worker_update, (text,), timeout=self.timeout)
