"""Benchmark the graph explorer: writing the HTML, and drawing it in headless Chromium.

    .venv/bin/python benchmarks/viz_bench.py            # 1k, 3k and 10k nodes
    .venv/bin/python benchmarks/viz_bench.py 500 2000   # other sizes

For each size it makes an invented graph in the govkg vocabulary
(:func:`kg.viz.synthetic.synthetic_graph`), then times

* parse: reading the graph written as Turtle (pyoxigraph parser into an rdflib graph: what ``kg viz FILE.ttl`` does first);
* view: RDF graph -> networkx view model (:func:`kg.viz.build_view`);
* layout + write: positions computed in Python and the HTML file written
  (:func:`kg.viz.render_view`); the sum is what ``kg viz`` spends after parsing;
* drawn: opening the file in headless Chromium until vis-network's first
  ``afterDrawing`` event (the page's own ``performance.now()`` then, and the wall
  time seen from the DevTools client).

It prints a Markdown table for docs/benchmarks.md.
"""
from __future__ import annotations

import platform
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import build_view, load_graph, render_view
from kg.viz.headless import Chromium, find_chromium
from kg.viz.synthetic import synthetic_graph


def run(sizes: list[int]) -> list[dict]:
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="viz-bench-"))
    browser = Chromium(width=1400, height=900, timeout=180) if find_chromium() else None
    if browser:
        browser.__enter__()
    try:
        for n in sizes:
            g = synthetic_graph(n)
            ttl = tmp / f"g{n}.ttl"
            g.serialize(ttl, format="turtle")
            tp = time.perf_counter()
            g = load_graph(ttl)
            t0 = time.perf_counter()
            view = build_view(g)
            t1 = time.perf_counter()
            page = render_view(view, tmp / f"g{n}.html")
            t2 = time.perf_counter()
            row = {"n": view.number_of_nodes(), "edges": view.number_of_edges(), "triples": len(g),
                   "parse": t0 - tp, "view": t1 - t0, "write": t2 - t1, "mb": page.stat().st_size / 1e6}
            if browser:
                browser.open("about:blank")  # a fresh page for each size
                wall = browser.open(page, until="document.body.dataset.drawn", timeout=180)
                row["drawn_page"] = browser.eval("kgViz.state.drawnAt") / 1000
                row["drawn_wall"] = wall
            rows.append(row)
            print(f"{n}: {row}", file=sys.stderr)
    finally:
        if browser:
            browser.__exit__(None, None, None)
    return rows


def table(rows: list[dict]) -> str:
    out = ["| nodes | edges | triples | parse .ttl | view model | layout + write HTML | HTML size | drawn (page clock) | drawn (wall) |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        drawn = (f"{r['drawn_page']:.2f} s | {r['drawn_wall']:.2f} s" if "drawn_page" in r else "n/a | n/a")
        out.append(f"| {r['n']:,} | {r['edges']:,} | {r['triples']:,} | {r['parse']:.2f} s | {r['view']:.2f} s | {r['write']:.2f} s | "
                   f"{r['mb']:.1f} MB | {drawn} |")
    return "\n".join(out)


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 3000, 10000]
    rows = run(sizes)
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, "
          f"{'Chromium headless' if find_chromium() else 'no Chromium'}\n")
    print(table(rows))
