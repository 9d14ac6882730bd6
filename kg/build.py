"""The whole job: pages on disk to an RDF file.

>>> from kg.build import build  # doctest: +SKIP
>>> result = build(["data/samples"], "out/sample.ttl")
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.ingest import IngestReport, ingest
from kg.model import Page, Region
from kg.pipeline import Pipeline
from kg.rdf import GK, page_graphs


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
    warnings: list[str] = field(default_factory=list)
    dates: Counter = field(default_factory=Counter)  # pages by the source of their date ("none": undated)


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
          store: str | Path | None = None, workers: int = 1, progress: bool | None = None) -> BuildResult:
    """Build a graph from newspaper pages; write it to ``output`` and/or add it to ``store``.

    Files that cannot be read are listed in ``BuildResult.errors``; the rest
    are still built.  The build streams (:mod:`kg.stream`): each article is
    written as soon as its page is extracted, so memory does not grow with the
    corpus for N-Quads/N-Triples output and stores (Turtle, TriG and JSON-LD
    are assembled from a temporary N-Quads file at the end, which holds the
    whole graph in memory for that step).

    Args:
        paths: Pages: .txt, .html, .jsonl files or directories.
        output: An RDF file to write (format by suffix), atomically.
        store: A store directory (:mod:`kg.sparql.store`): each article's graph is
            added as soon as its page is extracted, replacing that article's
            graph if present; an interrupted build leaves whole articles only.
        workers: Processes that extract pages (0: one per core); the output
            is the same (isomorphic) for any number.
        progress: Show a progress bar on stderr; None: only when stderr is a terminal.

    Raises:
        ValueError: neither ``output`` nor ``store`` is given.
        kg.sparql.store.StoreError: the store cannot be opened (in use by another process).
    """
    from kg.stream import StreamWriter, input_size, make_pool, page_results, progress_bar, weighted_pages

    if output is None and store is None:
        raise ValueError("build needs an output file, a store, or both")
    paths = list(paths)
    workers = workers if workers > 0 else (os.cpu_count() or 1)
    report = IngestReport()
    result = BuildResult(output=Path(output) if output is not None else None)
    pool = make_pool(workers, tuple(pipeline.names) if pipeline is not None else None) if workers > 1 else None
    kgstore = None
    bar = None
    fresh = None  # a new store is built aside at bulk-load speed, then moved into place whole
    writer = StreamWriter(output)
    try:
        if store is not None:
            from kg.sparql.store import KgStore

            if not Path(store).exists():
                fresh = Path(store).with_name(f".{Path(store).name}.building")
                if fresh.exists():  # what a killed first build left (opening it fails if a build is running)
                    KgStore.open(fresh, ontology=False).close()
                    shutil.rmtree(fresh, ignore_errors=True)
                kgstore = KgStore.open(fresh)
                kgstore.bulk = True
            else:
                kgstore = KgStore.open(store)
        bar = progress_bar(input_size(paths), progress)
        start = time.monotonic()
        for out in page_results(weighted_pages(paths, date, report), region, workers=workers,
                                keep_triples=kgstore is not None, executor=pool, pipeline=pipeline):
            report.warnings.extend(out.warnings)
            if out.error:
                report.errors.append(out.error)
            elif out.source:
                result.pages += 1
            result.articles += len(out.articles)
            if out.region_city:
                result.regions[out.region_city] += 1
            for art in out.articles:
                writer.write(art, out.source)
                if kgstore is not None:
                    kgstore.put_article(URIRef(art.iri), art.triples)
            if kgstore is not None and out.page_iri and not out.error:
                numbers = [int(a.iri.rsplit("/", 1)[1]) for a in out.articles if a.iri.rsplit("/", 1)[1].isdigit()]
                kgstore.drop_page_rest(out.page_iri, max(numbers, default=0))
            if bar is not None:
                bar.update(out.weight)
                rate = result.articles / max(time.monotonic() - start, 1e-9)
                bar.set_postfix_str(f"{result.articles} articles, {rate:.1f} articles/s", refresh=False)
        if result.articles:
            result.triples = writer.close()
        else:
            writer.abort()
    except BaseException:
        writer.abort()
        if kgstore is not None and fresh is not None:
            kgstore.close()
            kgstore = None
            shutil.rmtree(fresh, ignore_errors=True)  # a first build that fails leaves no store
        raise
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if kgstore is not None:
            kgstore.close()
            if fresh is not None:
                os.rename(fresh, store)  # the whole new store appears at once
    result.errors = report.errors
    result.entities = writer.entities
    result.warnings = report.warnings + writer.warnings
    result.dates = report.dates
    return result
