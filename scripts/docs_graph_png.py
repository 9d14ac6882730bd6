"""Regenerate the explorer's screenshots in docs/.

    .venv/bin/kg build data/samples/liaocheng-daily-2024-03-10.txt -o out/sample.ttl
    .venv/bin/python scripts/docs_graph_png.py [out/sample.ttl]

* docs/graph.png: the sample page's graph, its most mentioned official selected;
* docs/explorer.png: the first view of an invented 500-article corpus (``tests/_synthetic.py``),
  then a click on its most mentioned official: its neighbours opened, its career timeline in the panel.

Needs headless Chromium (apt-get install chromium fonts-wqy-microhei).
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import build_view, render_html, render_view
from kg.viz.timelines import timelines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from _headless import Chromium  # noqa: E402  (test helpers, not installed)
from _synthetic import synthetic_graph  # noqa: E402

WAIT = "document.body.dataset.drawn && kgViz.state.stabilized"
TOP_OFFICIAL = """(() => { const d = kgViz.data, ids = kgViz.shownIds().filter(i => typeof i === 'number');
  const off = ids.filter(i => d.classes[d.nodes[i].c].id === 'Official' && d.timelines[String(i)]);
  return off.sort((a, b) => d.nodes[b].m - d.nodes[a].m)[0]; })()"""


def _settle(browser: Chromium) -> None:
    browser.wait("kgViz.state.stabilized", timeout=60)
    time.sleep(0.5)


def sample_png(source: Path, output: Path) -> Path:
    """The sample page's graph with its most mentioned official selected."""
    with tempfile.TemporaryDirectory() as tmp:
        page = render_html(source, Path(tmp) / "graph.html", title="govkg · 聊城日报 2024-03-10")
        with Chromium(width=1600, height=1000) as browser:
            browser.open(page, until=WAIT, timeout=60)
            official = browser.eval(TOP_OFFICIAL)
            browser.eval(f"kgViz.select({json.dumps(official)})")
            browser.eval("kgViz.network.fit({animation: false})")
            time.sleep(0.5)
            return browser.screenshot(output)


def corpus_png(output: Path) -> Path:
    """An invented 500-article corpus: the first view, then its most mentioned official opened."""
    g = synthetic_graph(4000, days=730)
    view = build_view(g)
    with tempfile.TemporaryDirectory() as tmp:
        page = render_view(view, Path(tmp) / "corpus.html", title="govkg · 500 篇文章(虚构语料)",
                           timelines=timelines(g, view))
        with Chromium(width=1600, height=1000) as browser:
            browser.open(page, until=WAIT, timeout=60)
            official = browser.eval(TOP_OFFICIAL)
            browser.eval(f"kgViz.select({official})")
            _settle(browser)
            browser.eval(f"""(() => {{ const n = kgViz.network; n.fit({{animation: false}});
                if (n.getScale() < 0.8) n.focus({official}, {{scale: 0.8, animation: false}}); }})()""")
            time.sleep(0.3)
            return browser.screenshot(output)


if __name__ == "__main__":
    args = sys.argv[1:]
    src = Path(args[0]) if args else ROOT / "out" / "sample.ttl"
    if src.exists():
        print(sample_png(src, ROOT / "docs" / "graph.png"))
    print(corpus_png(ROOT / "docs" / "explorer.png"))
