"""Example: build the sample page and print each official's posts with the date the paper stated them.

Run: python examples/careers.py [PAGE_OR_DIR ...]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rdflib import Graph

from kg import build
from kg.rdf.namespaces import sparql_prologue

ROOT = Path(__file__).resolve().parent.parent
QUERY = """
SELECT ?name ?role ?agency ?date WHERE {
  ?h a gk:PostHolding ; gk:member ?o ; gk:post ?p ; gk:observedOn ?date .
  ?o rdfs:label ?name . ?p gk:role ?role ; gk:postIn/rdfs:label ?agency .
} ORDER BY ?name ?agency ?role
"""


def careers(pages: list[str]) -> list[tuple[str, str, str, str]]:
    """(official, role, agency, date) for every post holding found in ``pages``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.ttl"
        build(pages, out)
        g = Graph().parse(out)
    return [tuple(str(v) for v in row) for row in g.query(sparql_prologue() + QUERY)]


def main(argv: list[str]) -> int:
    pages = argv or [str(ROOT / "data" / "samples")]
    for name, role, agency, date in careers(pages):
        print(f"{date}  {name}  {agency}{role}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
