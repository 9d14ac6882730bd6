"""Load a built graph into a SPARQL 1.1 Graph Store Protocol server.

Any server that speaks the Graph Store Protocol will do: Oxigraph server
(``http://HOST:7878/store``), Apache Jena Fuseki (``http://HOST:3030/DATASET/data``),
GraphDB (``http://HOST:7200/repositories/REPO/rdf-graphs/service``), Virtuoso
(``http://HOST:8890/sparql-graph-crud``).

Without ``graph``, every named graph of the source (one per article, plus the
ontology graph) is sent with ``PUT ?graph=IRI``, which replaces that graph
on the server: pushing again duplicates nothing, as in a local store.  Triples
in the source's default graph (a Turtle file) go to the server's default graph
(``?default``).  With ``graph``, everything is merged into that one graph.
``append=True`` uses ``POST`` (add) instead of ``PUT`` (replace).

Each request is one graph, which the server loads whole or not at all.  If the
server is down or refuses a graph, :class:`PushError` says so and lists what
was already loaded, so nothing is half-loaded silently.
"""
from __future__ import annotations

import errno
import http.client
import socket
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import click
import pyoxigraph as ox

from kg.sparql.query import QueryError, open_dataset


class PushError(Exception):
    """The server could not be reached or refused a graph.

    Attributes:
        loaded: Names of the graphs loaded before the failure.
    """

    def __init__(self, message: str, loaded: list[str] | None = None) -> None:
        super().__init__(message)
        self.loaded = loaded or []


@dataclass
class PushResult:
    """What a push loaded.

    Attributes:
        endpoint: The Graph Store Protocol URL.
        graphs: Graph names loaded (``"default"`` for the default graph).
        triples: Triples sent.
    """

    endpoint: str
    graphs: list[str] = field(default_factory=list)
    triples: int = 0


def graph_url(endpoint: str, graph: str | None) -> str:
    """The request URL for one graph (``?graph=IRI``, or ``?default``)."""
    sep = "&" if urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(graph, safe='')}"


def _graphs(store: ox.Store, ontology: bool) -> list[ox.NamedNode | ox.DefaultGraph]:
    """The graphs to send: the named graphs (a store's default graph is only their merge), else the default graph."""
    from kg.sparql.store import ONTOLOGY_GRAPH

    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    if not [g for g in named if g.value != ONTOLOGY_GRAPH]:
        named = [g for g in named if g.value == ONTOLOGY_GRAPH] + [ox.DefaultGraph()]
    return [g for g in named if ontology or getattr(g, "value", None) != ONTOLOGY_GRAPH]


def send(url: str, data: bytes, method: str = "PUT", timeout: float = 60.0) -> None:
    """Send one graph as Turtle (N-Triples syntax) to a Graph Store Protocol URL.

    ``timeout`` caps the whole request (connecting, sending, and the answer),
    not each network read, so a server that answers a byte at a time is cut
    off too.

    Raises:
        PushError: the server is unreachable, too slow, answers something that is
            not HTTP or cuts its answer short, or answers with an error status.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"{url}: not an http:// or https:// URL")
    try:
        port = parts.port
    except ValueError:
        raise PushError(f"{url}: bad port in the URL") from None
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, port, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    expired = threading.Event()

    def cut_off() -> None:
        expired.set()
        sock = conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(timeout, cut_off)
    timer.daemon = True
    timer.start()
    try:
        conn.request(method, target, body=data, headers={"Content-Type": "text/turtle; charset=utf-8"})
        resp = conn.getresponse()
        body = resp.read()
        status, reason = resp.status, resp.reason
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise PushError(_failure(url, exc, expired.is_set(), timeout)) from None
    finally:
        timer.cancel()
        conn.close()
    if expired.is_set():
        raise PushError(f"{url}: no complete answer within {timeout:g} s (--timeout)")
    if status >= 300:
        detail = " ".join(body[:2000].decode("utf-8", "replace").split())[:300]
        what = "redirected the request (give the final URL as --endpoint)" if status < 400 else "refused the graph"
        raise PushError(f"{url}: the server {what}: HTTP {status} {' '.join(str(reason).split())[:80]}"
                        + (f": {detail}" if detail else ""))


def _failure(url: str, exc: BaseException, expired: bool, timeout: float) -> str:
    """A one-line reason for a request that failed on the way."""
    if expired or isinstance(exc, (TimeoutError, socket.timeout)):
        return f"{url}: no complete answer within {timeout:g} s (--timeout)"
    if isinstance(exc, http.client.IncompleteRead):
        return f"{url}: the server's answer was cut short ({len(exc.partial)} bytes of the body arrived)"
    if isinstance(exc, (http.client.BadStatusLine, http.client.LineTooLong, http.client.UnknownProtocol)) \
            and not isinstance(exc, http.client.RemoteDisconnected):
        return f"{url}: the server's answer is not HTTP ({' '.join(str(exc).split())[:80] or 'empty'})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return f"{url}: the server closed the connection without answering"
    if isinstance(exc, (ConnectionRefusedError, socket.gaierror)) or (
            isinstance(exc, OSError) and exc.errno in (errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH)):
        return f"{url}: cannot reach the server ({getattr(exc, 'strerror', None) or exc}); is it running?"
    if isinstance(exc, http.client.HTTPException):
        return f"{url}: bad answer from the server ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})"
    return f"{url}: the request failed ({getattr(exc, 'strerror', None) or exc})"


def push(source: str | Path, endpoint: str, graph: str | None = None, append: bool = False,
         ontology: bool = True, timeout: float = 60.0) -> PushResult:
    """Load a store directory or an RDF file into a Graph Store Protocol server.

    Args:
        source: A store directory or a ``.ttl``/``.trig``/``.nq``/``.jsonld`` file.
        endpoint: The server's Graph Store Protocol URL.
        graph: Merge everything into this one named graph instead of one graph per article.
        append: ``POST`` (add to the graphs) instead of ``PUT`` (replace them).
        ontology: Also send the ontology graph (:data:`kg.sparql.store.ONTOLOGY_GRAPH`).
        timeout: Seconds each request may take in all.

    Raises:
        PushError: the source cannot be read, the server is down, or it refused a graph;
            ``loaded`` lists the graphs that were loaded before.
    """
    if not endpoint.startswith(("http://", "https://")):
        raise PushError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
    try:
        store = open_dataset(source, ontology=ontology, merge=False)
    except QueryError as exc:
        raise PushError(str(exc)) from None
    method = "POST" if append else "PUT"
    result = PushResult(endpoint=endpoint)
    if graph is not None:
        wanted = _graphs(store, ontology)
        triples = {(q.subject, q.predicate, q.object) for g in wanted
                   for q in store.quads_for_pattern(None, None, None, g)}
        data = ox.serialize((ox.Triple(*t) for t in triples), format=ox.RdfFormat.N_TRIPLES)
        try:
            send(graph_url(endpoint, graph), data, method, timeout)
        except PushError as exc:
            raise PushError(f"{exc} — 0 of 1 graph(s) were loaded") from None
        result.graphs.append(graph)
        result.triples = len(triples)
        return result
    names = _graphs(store, ontology)
    for g in names:
        name = None if isinstance(g, ox.DefaultGraph) else g.value
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
        try:
            send(graph_url(endpoint, name), data, method, timeout)
        except PushError as exc:
            done = len(result.graphs)
            raise PushError(f"{exc} — {done} of {len(names)} graph(s) were loaded, each whole, before this one; "
                            f"the rest were not sent (pushing again is safe: PUT replaces graphs)",
                            result.graphs) from None
        result.graphs.append(name or "default")
        result.triples += data.count(b"\n")
    return result


@click.command("push")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph) or "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--graph", help="Load everything into this one named graph (IRI) instead of one graph per article.")
@click.option("--append", is_flag=True, help="Add to the server's graphs (POST) instead of replacing them (PUT).")
@click.option("--no-ontology", is_flag=True, help="Do not send the ontology graph.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds each request may take in all (connecting, sending, the answer).")
def push_command(source: Path, endpoint: str, graph: str | None, append: bool, no_ontology: bool,
                 timeout: float) -> None:
    """Load SOURCE (a store directory or an RDF file) into a SPARQL Graph Store Protocol server."""
    try:
        result = push(source, endpoint, graph=graph, append=append, ontology=not no_ontology, timeout=timeout)
    except PushError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    n = len(result.graphs)
    click.echo(f"{endpoint}: loaded {n} of {n} graph(s), {result.triples} triples")
