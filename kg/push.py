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

import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import click
import pyoxigraph as ox

from kg.query import QueryError, open_dataset


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
    from kg.store import ONTOLOGY_GRAPH

    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    if not [g for g in named if g.value != ONTOLOGY_GRAPH]:
        named = [g for g in named if g.value == ONTOLOGY_GRAPH] + [ox.DefaultGraph()]
    return [g for g in named if ontology or getattr(g, "value", None) != ONTOLOGY_GRAPH]


def send(url: str, data: bytes, method: str = "PUT", timeout: float = 60.0) -> None:
    """Send one graph as Turtle (N-Triples syntax) to a Graph Store Protocol URL.

    Raises:
        PushError: the server is unreachable or answers with an error status.
    """
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:300]
        raise PushError(f"{url}: the server refused the graph: HTTP {exc.code} {exc.reason}"
                        + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as exc:
        raise PushError(f"{url}: cannot reach the server ({exc.reason}); is it running?") from None
    except (TimeoutError, OSError) as exc:
        raise PushError(f"{url}: no answer from the server ({exc})") from None


def push(source: str | Path, endpoint: str, graph: str | None = None, append: bool = False,
         ontology: bool = True, timeout: float = 60.0) -> PushResult:
    """Load a store directory or an RDF file into a Graph Store Protocol server.

    Args:
        source: A store directory or a ``.ttl``/``.trig``/``.nq``/``.jsonld`` file.
        endpoint: The server's Graph Store Protocol URL.
        graph: Merge everything into this one named graph instead of one graph per article.
        append: ``POST`` (add to the graphs) instead of ``PUT`` (replace them).
        ontology: Also send the ontology graph (:data:`kg.store.ONTOLOGY_GRAPH`).
        timeout: Seconds to wait for each request.

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
        send(graph_url(endpoint, graph), data, method, timeout)
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
            raise PushError(f"{exc}\n{done} of {len(names)} graph(s) were loaded, each whole, before this one; "
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
@click.option("--timeout", default=60.0, show_default=True, type=float, help="Seconds to wait for each request.")
def push_command(source: Path, endpoint: str, graph: str | None, append: bool, no_ontology: bool,
                 timeout: float) -> None:
    """Load SOURCE (a store directory or an RDF file) into a SPARQL Graph Store Protocol server."""
    try:
        result = push(source, endpoint, graph=graph, append=append, ontology=not no_ontology, timeout=timeout)
    except PushError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"{endpoint}: loaded {len(result.graphs)} graph(s), {result.triples} triples")
