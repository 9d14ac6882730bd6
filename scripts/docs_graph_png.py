"""Regenerate docs/graph.png: the sample page's graph in the explorer, one official selected.

    .venv/bin/kg build data/samples/liaocheng-daily-2024-03-10.txt -o out/sample.ttl
    .venv/bin/python scripts/docs_graph_png.py [out/sample.ttl] [docs/graph.png] [NAME]

NAME is the official to select (default: the one with the most posts in the graph).

Needs headless Chromium (apt-get install chromium fonts-wqy-microhei).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kg.viz import render_html
from kg.viz.headless import Chromium

ROOT = Path(__file__).resolve().parent.parent


def most_posted_official(source: Path) -> str:
    """The label of the official holding the most posts in the graph at ``source``."""
    from rdflib import Graph
    from rdflib.namespace import RDF, RDFS

    from kg.rdf.namespaces import GK

    g = Graph()
    g.parse(source)
    officials = set(g.subjects(RDF.type, GK.Official))
    return str(g.value(max(sorted(officials), key=lambda o: len(set(g.objects(o, GK.holds)))), RDFS.label))


def main(source: Path, output: Path, name: str | None = None) -> Path:
    name = name or most_posted_official(source)
    with tempfile.TemporaryDirectory() as tmp:
        page = render_html(source, Path(tmp) / "graph.html", title="govkg · 聊城日报 2024-03-10")
        with Chromium(width=1600, height=1000) as browser:
            browser.open(page, until="document.body.dataset.drawn && kgViz.state.stabilized", timeout=60)
            if not browser.eval(f"kgViz.search({name!r}).length"):
                raise SystemExit(f"{name} is not in {source}")
            browser.eval("kgViz.network.fit({animation: false})")
            time.sleep(0.5)
            return browser.screenshot(output)


if __name__ == "__main__":
    args = sys.argv[1:]
    src = Path(args[0]) if args else ROOT / "out" / "sample.ttl"
    out = Path(args[1]) if len(args) > 1 else ROOT / "docs" / "graph.png"
    print(main(src, out, args[2] if len(args) > 2 else None))
