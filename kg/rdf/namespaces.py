"""Namespaces used in govkg graphs, and the prefixes predeclared for users."""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.rdf.vocab import GK

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ID = Namespace("https://w3id.org/govkg/id/")

PREFIXES: dict[str, str] = {
    "gk": str(GK._NS),
    "schema": str(SCHEMA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "xsd": str(XSD),
    "owl": str(OWL),
    "id": str(ID),
}


def bind_prefixes(g: Graph) -> Graph:
    """Bind the govkg prefixes on ``g`` (for readable Turtle) and return it."""
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True, replace=True)
    return g


def sparql_prologue() -> str:
    """``PREFIX`` lines for every predeclared prefix."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
