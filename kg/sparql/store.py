"""The embedded store: a persistent pyoxigraph database, one named graph per article.

A store is a directory (RocksDB, written by pyoxigraph).  Every article's
triples live in the named graph whose name is the article's IRI, so that
building the same page again *replaces* that article and duplicates nothing
(a page rebuilt with fewer articles loses the ones past the new count, see
:meth:`KgStore.drop_page_rest`), and :meth:`KgStore.remove` takes one article out.  The ontology
(``ontology/govkg.ttl``) is kept in the named graph :data:`ONTOLOGY_GRAPH`, so
that ``?x a/rdfs:subClassOf* gk:Event`` works in queries against the store.
The default graph holds the merge of all named graphs as a *set* (each triple
once, however many articles state it), kept up to date on every change;
queries read it, and ``GRAPH ?article { … }`` still tells which article says what.

A new article is written by one transactional ``Store.extend`` (its quads and
their default-graph copies: no SPARQL text to build and parse); an article
already in the store by one SPARQL update (``DROP SILENT GRAPH`` then ``INSERT
DATA``), which pyoxigraph also applies as one transaction: a build killed
half-way leaves the store with the articles written before, each whole.

>>> from kg.sparql.store import KgStore  # doctest: +SKIP
>>> with KgStore.open("kgstore/") as st:
...     st.put_article(iri, graph)
"""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import click
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.graph import BASE

ONTOLOGY_GRAPH = "https://w3id.org/govkg/ontology"
"""Name of the graph that holds the ontology in a store or a loaded file."""

ARTICLE_PREFIX = f"{BASE}article/"


class StoreError(Exception):
    """A store cannot be opened or changed (in use, not a store, unknown article)."""


BULK_BATCH = 500_000  # quads gathered before a bulk load (about 150 MB)


def ontology_path() -> Path:
    """Path of the ontology file shipped with the package (``kg/ontology/govkg.ttl``)."""
    return Path(str(resources.files("kg") / "ontology" / "govkg.ttl"))


def article_iri(ref: str) -> str:
    """The IRI of an article given its IRI or its id (``liaocheng-daily-2024-03-10/1``)."""
    ref = ref.strip().strip("<>")
    if ref.startswith(("http://", "https://", "urn:")):
        return ref
    from kg.rdf.graph import _iri_part

    return ARTICLE_PREFIX + _iri_part(ref)


def _term(t: Node) -> str:
    """A term in N-Triples syntax (for ``INSERT DATA``)."""
    if isinstance(t, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return str(t)
    if isinstance(t, URIRef):
        return str(ox.NamedNode(str(t)))
    if isinstance(t, BNode):
        return f"_:b{t}"
    if isinstance(t, Literal):
        if t.language:
            return str(ox.Literal(str(t), language=t.language))
        if t.datatype:
            return str(ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))))
        return str(ox.Literal(str(t)))
    raise TypeError(f"cannot store term {t!r}")


def _drop(g: str) -> str:
    """Update operations that take graph ``g`` out of the store and out of the merged default graph.

    A triple leaves the default graph only when no other named graph states it.
    """
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ;\n"
            f"DROP SILENT GRAPH {g}")


def graph_update(name: str, triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """The SPARQL update that replaces graph ``name`` by ``triples`` in one transaction.

    The triples also go to the default graph, which holds the merge (a set) of
    every named graph: queries read it without counting a triple once per
    article that states it.
    """
    g = str(ox.NamedNode(name))
    body = "\n".join(f"{_term(s)} {_term(p)} {_term(o)} ." for s, p, o in triples)
    return f"{_drop(g)} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}}\n{body}\n}}"


def _ox_term(t: Node, bnodes: dict[BNode, ox.BlankNode]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term; blank nodes fresh for each call of :func:`article_quads`."""
    if isinstance(t, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return t
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        if t not in bnodes:
            bnodes[t] = ox.BlankNode()
        return bnodes[t]
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"cannot store term {t!r}")


def article_quads(name: ox.NamedNode, triples: Iterable[tuple[Node, Node, Node]]) -> list[ox.Quad]:
    """The quads that :func:`graph_update` inserts: each triple in graph ``name`` and in the default graph.

    Blank nodes get fresh identifiers, as ``INSERT DATA`` gives them.
    """
    bnodes: dict[BNode, ox.BlankNode] = {}
    default = ox.DefaultGraph()
    out = []
    for s, p, o in triples:
        s2, p2, o2 = _ox_term(s, bnodes), _ox_term(p, bnodes), _ox_term(o, bnodes)
        out.append(ox.Quad(s2, p2, o2, name))
        out.append(ox.Quad(s2, p2, o2, default))
    return out


class KgStore:
    """A govkg store on disk.

    Open it with :meth:`open` (read-write: one process at a time) or
    :meth:`open_read_only` (several readers may share it; nobody may write
    meanwhile).  Use it as a context manager so that writes are flushed.

    Attributes:
        path: The store directory.
        store: The underlying :class:`pyoxigraph.Store`.
        read_only: Whether it was opened read-only.
    """

    def __init__(self, path: Path, store: ox.Store, read_only: bool) -> None:
        self.path = path
        self.store = store
        self.read_only = read_only
        # bulk: new articles are gathered and go in by the engine's bulk loader in large batches
        # (not atomic per article), for a store being built aside and moved into place whole (kg.build)
        self.bulk = False
        self._batch: list[ox.Quad] = []
        self._batched: set[str] = set()

    @classmethod
    def open(cls, path: str | Path, ontology: bool = True) -> KgStore:
        """Open (or create) a store for writing.

        Args:
            path: The store directory; created when missing.
            ontology: Write the packaged ontology into :data:`ONTOLOGY_GRAPH`
                (replacing an older copy).

        Raises:
            StoreError: another process has the store open, or ``path`` is a file.
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store directory")
        try:
            store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(_open_error(path, exc)) from None
        st = cls(path, store, read_only=False)
        if ontology:
            st.put_ontology()
        return st

    @classmethod
    def open_read_only(cls, path: str | Path) -> KgStore:
        """Open an existing store for reading only.

        Raises:
            StoreError: ``path`` is not a store.
        """
        path = Path(path)
        if not is_store(path):
            raise StoreError(f"{path}: not a govkg store (no such directory, or no database in it)")
        try:
            store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(_open_error(path, exc)) from None
        return cls(path, store, read_only=True)

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush writes and let go of the database (its lock is released once nothing else refers to it)."""
        if self.store is None:
            return
        if not self.read_only:
            self.flush_batch()
            self.store.flush()
        self.store = None  # type: ignore[assignment]

    def put_ontology(self, path: str | Path | None = None) -> None:
        """Replace the ontology graph with the ontology file (the packaged one by default)."""
        data = Path(path or ontology_path()).read_bytes()
        tmp = ox.Store()
        tmp.load(data, format=ox.RdfFormat.TURTLE)
        self.store.update(graph_update(ONTOLOGY_GRAPH, [(q.subject, q.predicate, q.object) for q in tmp]))

    def put_article(self, iri: str | URIRef, graph: Graph) -> int:
        """Add an article's graph, replacing that article's graph if present.

        Atomic: afterwards the store holds either the old graph or the whole new one.

        Returns:
            The number of triples written.
        """
        name = ox.NamedNode(str(iri))
        if self.bulk and str(iri) not in self._batched:
            self._batch += article_quads(name, graph)
            self._batched.add(str(iri))
            if len(self._batch) >= BULK_BATCH:
                self.flush_batch()
            return len(graph)
        self.flush_batch()
        if self.store.contains_named_graph(name):  # replace it: drop and insert in one update
            self.store.update(graph_update(str(iri), graph))
        else:  # a new article: its quads and their default-graph copies in one atomic extend (no SPARQL to parse)
            self.store.extend(article_quads(name, graph))
        return len(graph)

    def flush_batch(self) -> None:
        """Write the articles gathered in bulk mode (one call of the engine's bulk loader)."""
        if self._batch:
            self.store.bulk_extend(self._batch)
            self._batch = []
            self._batched.clear()

    def put_articles(self, graphs: Iterable[tuple[URIRef, Graph]]) -> Iterator[tuple[URIRef, int]]:
        """Add many articles, each in its own transaction; yields (IRI, triples) as each is written."""
        for iri, g in graphs:
            yield iri, self.put_article(iri, g)

    def remove(self, ref: str) -> str:
        """Remove one article's graph, by IRI or article id; returns the IRI removed.

        Raises:
            StoreError: the store has no such article.
        """
        iri = article_iri(ref)
        node = ox.NamedNode(iri)
        if not self.store.contains_named_graph(node):
            raise StoreError(f"{self.path}: no article {iri}")
        self.store.update(_drop(str(node)))
        return iri

    def drop_page_rest(self, page_iri: str, kept: int) -> list[str]:
        """Remove the articles of a page numbered after ``kept``: the page was rebuilt with fewer articles.

        Articles of a page are numbered from 1 without gaps (``PAGE/1``,
        ``PAGE/2``, …), so the old ones past the new count are found one by one.

        Returns:
            The IRIs removed.
        """
        removed = []
        k = kept + 1
        while True:
            node = ox.NamedNode(f"{page_iri}/{k}")
            if not self.store.contains_named_graph(node):
                return removed
            self.store.update(_drop(str(node)))
            removed.append(node.value)
            k += 1

    def articles(self) -> list[str]:
        """IRIs of the articles in the store, sorted."""
        return sorted(g.value for g in self.store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value != ONTOLOGY_GRAPH)

    def has_article(self, ref: str) -> bool:
        """Whether the store holds the article (IRI or id)."""
        return self.store.contains_named_graph(ox.NamedNode(article_iri(ref)))

    def graph_size(self, ref: str) -> int:
        """Number of triples in an article's graph (IRI or id) or any named graph."""
        g = ox.NamedNode(article_iri(ref) if not ref.startswith(ONTOLOGY_GRAPH) else ref)
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, g))

    def __len__(self) -> int:
        return len(self.store)


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a store directory (a pyoxigraph database)."""
    path = Path(path)
    return path.is_dir() and any(path.glob("CURRENT"))


def _open_error(path: Path, exc: OSError) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return (f"{path}: the store is in use by another process (a running build, `kg remove`, or "
                f"`kg serve --writable`); stop it and try again")
    return f"{path}: cannot open the store: {text}"


def store_articles(graphs: Iterable[tuple[URIRef, Graph]], path: str | Path) -> tuple[int, int]:
    """Add article graphs to the store at ``path`` (replacing each article if present).

    Returns:
        (articles written, triples written).
    """
    n = triples = 0
    with KgStore.open(path) as st:
        for _, size in st.put_articles(graphs):
            n += 1
            triples += size
    return n, triples


def remove_article(path: str | Path, ref: str) -> str:
    """Remove one article (IRI or id) from the store at ``path``; returns its IRI.

    Raises:
        StoreError: no store there, it is in use, or it has no such article.
    """
    if not is_store(path):
        raise StoreError(f"{path}: not a govkg store")
    with KgStore.open(path, ontology=False) as st:
        return st.remove(ref)


@click.command("remove")
@click.argument("store", type=click.Path(path_type=Path))
@click.argument("articles", nargs=-1, required=True)
def remove_command(store: Path, articles: tuple[str, ...]) -> None:
    """Take articles out of a STORE, by IRI or id (e.g. liaocheng-daily-2024-03-10/1)."""
    failed = False
    for ref in articles:
        try:
            click.echo(f"removed {remove_article(store, ref)}")
        except StoreError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
    if failed:
        sys.exit(1)
