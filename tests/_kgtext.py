"""Helpers for the extractor tests: run the pipeline on a short text and read the graph.

Texts in the tests are written for them, with invented people and projects.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.ingest import ingest_text
from kg.model import Page
from kg.pipeline import Pipeline
from kg.rdf.graph import page_graphs
from kg.rdf.namespaces import GK
from kg.resolve import region_from_name

__all__ = ["GK", "RDF", "RDFS", "SKOS", "Literal", "URIRef", "page_of", "graph_of", "build", "label",
           "labels", "alt_labels", "of_type", "node", "objs"]


def page_of(text: str, region: str | None = None, source: str = "x-2024-05-20.txt",
            components: list[str] | None = None) -> Page:
    """Ingest ``text`` and run the (default) pipeline with the named home region."""
    page = ingest_text(text, source=source)
    return Pipeline(components)(page, region_from_name(region) if region else None)


def graph_of(page: Page) -> Graph:
    """The union of the page's article graphs."""
    g = Graph()
    for _, ag in page_graphs(page):
        for t in ag:
            g.add(t)
    return g


def build(text: str, region: str | None = None, source: str = "x-2024-05-20.txt") -> Graph:
    return graph_of(page_of(text, region, source))


def label(g: Graph, n) -> str:
    return str(g.value(n, RDFS.label))


def labels(g: Graph, cls) -> list[str]:
    """Labels of all nodes of class ``cls`` (exact type), sorted; duplicates kept."""
    return sorted(label(g, s) for s in set(g.subjects(RDF.type, cls)))


def alt_labels(g: Graph, n) -> set[str]:
    return {str(o) for o in g.objects(n, SKOS.altLabel)}


def of_type(g: Graph, cls) -> set:
    return set(g.subjects(RDF.type, cls))


def node(g: Graph, cls, name: str):
    """The one node of class ``cls`` labelled ``name`` (fails when there are none or several)."""
    found = [s for s in of_type(g, cls) if label(g, s) == name]
    assert len(found) == 1, f"{len(found)} {cls} nodes labelled {name!r}; have {labels(g, cls)}"
    return found[0]


def objs(g: Graph, s, prop) -> list:
    return list(g.objects(s, prop))
