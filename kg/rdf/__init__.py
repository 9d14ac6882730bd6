"""Graph stage: articles with their extractions to RDF, and serialisation."""
from __future__ import annotations

from kg.rdf.graph import BASE, article_graph, entity_iri, page_graphs
from kg.rdf.namespaces import GK, ORG, PREFIXES, PROV, SCHEMA, bind_prefixes
from kg.rdf.serialize import FORMATS, format_for, write_dataset

__all__ = ["BASE", "GK", "ORG", "PROV", "SCHEMA", "PREFIXES", "FORMATS", "article_graph", "bind_prefixes",
           "entity_iri", "format_for", "page_graphs", "write_dataset"]
