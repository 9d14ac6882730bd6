"""The whole job: pages on disk to an RDF file.

>>> from kg.build import build  # doctest: +SKIP
>>> result = build(["data/samples"], "out/sample.ttl")
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.ingest import IngestReport, ingest
from kg.model import Page, Region
from kg.pipeline import Pipeline
from kg.rdf import GK, page_graphs, write_dataset


@dataclass
class BuildResult:
    """What a build made: counts for the summary, and the files it could not read."""

    output: Path | None
    pages: int = 0
    articles: int = 0
    triples: int = 0
    entities: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    regions: Counter = field(default_factory=Counter)


def extract_pages(paths: Iterable[str | Path], date: dt.date | None = None, region: Region | None = None,
                  pipeline: Pipeline | None = None, report: IngestReport | None = None) -> Iterator[Page]:
    """Read and extract pages one by one (streaming: one page in memory at a time)."""
    pipe = pipeline or Pipeline()
    for page in ingest(list(paths), date=date, report=report):
        yield pipe(page, region)


def article_graphs(pages: Iterable[Page]) -> Iterator[tuple[URIRef, Graph]]:
    """(article IRI, graph) for every article of the pages."""
    for page in pages:
        yield from page_graphs(page)


def count_entities(graphs: list[tuple[URIRef, Graph]]) -> Counter:
    """Number of distinct nodes of each govkg class."""
    seen: dict[str, set] = {}
    ns = str(GK._NS)
    for _, g in graphs:
        for s, o in g.subject_objects(RDF.type):
            if str(o).startswith(ns):
                seen.setdefault(str(o)[len(ns):], set()).add(s)
    return Counter({k: len(v) for k, v in seen.items()})


def build(paths: Iterable[str | Path], output: str | Path | None = None, date: dt.date | None = None,
          region: Region | None = None, pipeline: Pipeline | None = None,
          store: str | Path | None = None) -> BuildResult:
    """Build a graph from newspaper pages; write it to ``output`` and/or add it to ``store``.

    Files that cannot be read are listed in ``BuildResult.errors``; the rest
    are still built.

    Args:
        paths: Pages: .txt, .html, .jsonl files or directories.
        output: An RDF file to write (format by suffix), atomically.
        store: A store directory (:mod:`kg.store`): each article's graph is
            added as soon as its page is extracted, replacing that article's
            graph if present; an interrupted build leaves whole articles only.

    Raises:
        ValueError: neither ``output`` nor ``store`` is given.
        kg.store.StoreError: the store cannot be opened (in use by another process).
    """
    if output is None and store is None:
        raise ValueError("build needs an output file, a store, or both")
    report = IngestReport()
    result = BuildResult(output=Path(output) if output is not None else None)
    graphs: list[tuple[URIRef, Graph]] = []
    kgstore = None
    if store is not None:
        from kg.store import KgStore

        kgstore = KgStore.open(store)
    try:
        for page in extract_pages(paths, date, region, pipeline, report):
            result.pages += 1
            result.articles += len(page.articles)
            if page.region and page.region.city:
                result.regions[page.region.city] += 1
            page_gs = list(page_graphs(page))
            if kgstore is not None:
                for iri, g in page_gs:
                    kgstore.put_article(iri, g)
            graphs.extend(page_gs)
    finally:
        if kgstore is not None:
            kgstore.close()
    result.errors = report.errors
    if graphs:
        result.triples = write_dataset(graphs, output) if output is not None else len({t for _, g in graphs for t in g})
    result.entities = count_entities(graphs)
    return result
