"""Generate kg/rdf/vocab.py (the gk: namespace) from ontology/govkg.ttl.

Run: python scripts/gen_vocab.py  (tests/test_ontology.py checks the shipped
file is what this script writes).
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, Graph

ROOT = Path(__file__).resolve().parent.parent
NS = "https://w3id.org/govkg/ontology#"


def render(ontology: Path) -> str:
    g = Graph().parse(ontology)
    terms = sorted({str(s)[len(NS):] for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                    for s in g.subjects(RDF.type, t) if str(s).startswith(NS)})
    lines = [
        '"""The gk: namespace. Generated from ontology/govkg.ttl by scripts/gen_vocab.py: do not edit."""',
        "from __future__ import annotations",
        "",
        "from rdflib import URIRef",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "",
        "",
        "class GK(DefinedNamespace):",
        '    """Classes and properties of the govkg ontology; a misspelled term raises AttributeError."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NS}")',
        "",
    ]
    lines += [f"    {t}: URIRef" for t in terms]
    return "\n".join(lines) + "\n"


def main() -> int:
    out = ROOT / "kg" / "rdf" / "vocab.py"
    out.write_text(render(ROOT / "ontology" / "govkg.ttl"), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
