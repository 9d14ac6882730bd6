"""Benchmark the graph explorer: writing the HTML, and drawing it in headless Chromium.

    .venv/bin/python benchmarks/viz_bench.py            # 1k, 4k (500 articles) and 10k nodes
    .venv/bin/python benchmarks/viz_bench.py 500 2000   # other sizes

For each size it makes an invented graph in the govkg vocabulary
(``synthetic_graph`` of ``tests/_synthetic.py``, one article per 8 entities,
dated over two years), then times

* parse: reading the graph written as Turtle (pyoxigraph parser into an rdflib graph: what ``kg viz FILE.ttl`` does first);
* view: RDF graph -> networkx view model (:func:`kg.viz.build_view`);
* timelines: the career timelines of the most mentioned officials and bodies
  (:func:`kg.viz.timelines.timelines`, which reads the file again as ``kg career`` does);
* write: the HTML file written (:func:`kg.viz.render_view`); the sum is what
  ``kg viz`` spends after parsing;
* drawn: opening the file in headless Chromium until the first view is drawn and
  settled (the page's own ``performance.now()`` at the first draw, and the wall
  time until the layout has settled, seen from the DevTools client).

It prints a Markdown table for docs/benchmarks.md.
"""
from __future__ import annotations

import platform
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import build_view, load_graph, render_view
from kg.viz.timelines import timelines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _headless import Chromium, find_chromium  # noqa: E402  (test helpers, not installed)
from _synthetic import synthetic_graph  # noqa: E402


def run(sizes: list[int]) -> list[dict]:
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="viz-bench-"))
    browser = Chromium(width=1400, height=900, timeout=180) if find_chromium() else None
    if browser:
        browser.__enter__()
    try:
        for n in sizes:
            g = synthetic_graph(n, days=730)
            ttl = tmp / f"g{n}.ttl"
            g.serialize(ttl, format="turtle")
            tp = time.perf_counter()
            g = load_graph(ttl)
            t0 = time.perf_counter()
            view = build_view(g)
            t1 = time.perf_counter()
            svgs = timelines(ttl, view)
            tt = time.perf_counter()
            page = render_view(view, tmp / f"g{n}.html", timelines=svgs)
            t2 = time.perf_counter()
            row = {"n": view.number_of_nodes(), "edges": view.number_of_edges(), "triples": len(g),
                   "parse": t0 - tp, "view": t1 - t0, "timelines": tt - t1, "write": t2 - tt, "mb": page.stat().st_size / 1e6}
            if browser:
                browser.open("about:blank")  # a fresh page for each size
                wall = browser.open(page, until="document.body.dataset.drawn && kgViz.state.stabilized", timeout=180)
                row["drawn_page"] = browser.eval("kgViz.state.drawnAt") / 1000
                row["drawn_wall"] = wall
            rows.append(row)
            print(f"{n}: {row}", file=sys.stderr)
    finally:
        if browser:
            browser.__exit__(None, None, None)
    return rows


def table(rows: list[dict]) -> str:
    out = ["| nodes | edges | triples | parse .ttl | view model | timelines | write HTML | HTML size | drawn (page clock) | settled (wall) |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        drawn = (f"{r['drawn_page']:.2f} s | {r['drawn_wall']:.2f} s" if "drawn_page" in r else "n/a | n/a")
        out.append(f"| {r['n']:,} | {r['edges']:,} | {r['triples']:,} | {r['parse']:.2f} s | {r['view']:.2f} s | {r['timelines']:.2f} s | {r['write']:.2f} s | "
                   f"{r['mb']:.1f} MB | {drawn} |")
    return "\n".join(out)


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 4000, 10000]
    rows = run(sizes)
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, "
          f"{'Chromium headless' if find_chromium() else 'no Chromium'}\n")
    print(table(rows))
