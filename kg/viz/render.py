"""View model -> one self-contained HTML file (vis-network, data and app inline; no network use).

The page carries vis-network (the copy bundled with pyvis, inlined: nothing is
loaded from a CDN), ``app.css``, ``app.js`` and the graph as JSON in a
``<script type="application/json">`` block.  The JSON is escaped so that no
``<``, ``>`` or ``&`` from article text reaches the HTML parser, and the app
writes every name and sentence with ``textContent`` (career timelines, SVG
text made by :mod:`kg.career_plot`, are parsed as XML and only drawing
elements are kept).  A Content-Security-Policy allows only the page's own two
scripts (by hash) and no connections at all.

The page holds the whole graph but draws a part of it: the most mentioned
officials and bodies joined by their posts and events (or the ``focus``), and
what the reader opens by clicking, searching or choosing dates (``app.js``).
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Iterable

import networkx as nx
from rdflib import Graph

from kg.rdf.serialize import atomic_write_bytes
from kg.viz.graph import DISPLAY_CLASSES, Evidence, _ontology, _zh_labels, build_view, load_graph, select

#: How many nodes the first view draws (the most mentioned officials and bodies, joined up).
START_SIZE = 36
#: How many neighbours a click on a node adds at a time.
EXPAND_SIZE = 15

#: Colour and vis-network shape of each display class (shapes that scale with the node's value).
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Official": ("#d62728", "dot"),
    "Journalist": ("#8c8c8c", "triangleDown"),
    "Person": ("#e377c2", "dot"),
    "Agency": ("#1f77b4", "square"),
    "Company": ("#9467bd", "hexagon"),
    "Organization": ("#17becf", "square"),
    "Place": ("#2ca02c", "triangle"),
    "Project": ("#ff7f0e", "star"),
    "Event": ("#8c564b", "diamond"),
}


def _asset(name: str) -> str:
    return resources.files("kg.viz").joinpath(name).read_text(encoding="utf-8")


def _vis_js() -> str:
    """vis-network's standalone build, as shipped inside pyvis."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
    if not candidates:
        raise FileNotFoundError(f"vis-network.min.js not found under {lib}; is pyvis installed?")
    return candidates[-1].read_text(encoding="utf-8")


def _script_safe(js: str) -> str:
    """Make sure a script cannot end its own <script> element early."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def json_for_html(data: object) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no <, >, & or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def view_data(view: nx.MultiDiGraph, title: str = "govkg", timelines: dict | None = None,
              start_size: int = START_SIZE) -> dict:
    """The JSON the page reads: classes, nodes, edges, articles, evidence sentences and timelines."""
    zh = _zh_labels(_ontology())
    order = list(view.nodes)
    index = {n: i for i, n in enumerate(order)}
    present = [c for c in DISPLAY_CLASSES if any(d["cls"] == c for _, d in view.nodes(data=True))]
    cls_index = {c: i for i, c in enumerate(present)}
    classes = [{"id": c, "zh": zh.get(c, c), "color": CLASS_STYLE[c][0], "shape": CLASS_STYLE[c][1],
                "count": sum(1 for _, d in view.nodes(data=True) if d["cls"] == c)} for c in present]
    known = view.graph.get("articles", {})
    articles: dict[str, int] = {}
    art_rows: list[list] = []

    def article(iri: str, headline: str = "", date: str | None = None) -> int:
        if iri not in articles:
            articles[iri] = len(art_rows)
            head, day = known.get(iri, (headline, date))
            art_rows.append([head, day, iri])
        return articles[iri]

    sentences: dict[Evidence, int] = {}
    sent_rows: list[list] = []
    nodes = []
    all_dates: list[str] = []
    for n in order:
        d = view.nodes[n]
        ev = []
        for e in d["evidence"]:
            if e not in sentences:
                sentences[e] = len(sent_rows)
                sent_rows.append([article(e.article or f"{e.headline}|{e.date}", e.headline, e.date), e.text])
            ev.append(sentences[e])
        arts = sorted({article(a) for a in d.get("articles", ())} | {sent_rows[s][0] for s in ev})
        nodes.append({"l": d["label"], "a": d["alt"], "c": cls_index[d["cls"]], "k": d["kind_zh"],
                      "m": d["mentions"], "d": d["dates"], "t": d["date"], "i": d["iri"],
                      "e": ev, "r": arts, "f": [list(f) for f in d["facts"]]})
        all_dates.extend(d["dates"])
    edges = [[index[a], index[b], e["label"], e["rel"], e.get("dates", [])]
             for a, b, e in view.edges(data=True)]
    focus = view.graph.get("focus")
    return {
        "title": title,
        "focus": index.get(focus) if focus is not None else None,
        "start": {"size": start_size, "expand": EXPAND_SIZE},
        "classes": classes,
        "nodes": nodes,
        "edges": edges,
        "articles": art_rows,
        "sentences": sent_rows,
        "timelines": {str(index[n]): svg for n, svg in (timelines or {}).items() if n in index},
        "dates": [min(all_dates), max(all_dates)] if all_dates else None,
    }


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def page_html(data: dict) -> str:
    """The whole HTML page for :func:`view_data`'s output."""
    vis, app = _script_safe(_vis_js()), _script_safe(_asset("app.js"))
    csp = ("default-src 'none'; "
           f"script-src '{_sha256(vis)}' '{_sha256(app)}'; "
           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    parts = {
        "title": html.escape(data["title"]),
        "csp": html.escape(csp, quote=False).replace('"', "&quot;"),
        "css": _asset("app.css").replace("</", "<\\/"),
        "vis": vis,
        "app": app,
        "data": json_for_html(data),
    }
    # One pass over the template only: inserted text is never scanned for markers again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset("template.html"))


def render_view(view: nx.MultiDiGraph, output: str | Path, title: str | None = None,
                timelines: dict | None = None, start_size: int = START_SIZE) -> Path:
    """Write the explorer page for a view model (see :func:`kg.viz.graph.build_view`).

    ``timelines`` maps view nodes to SVG text (:func:`kg.viz.timelines.timelines`).
    """
    out = Path(output)
    data = view_data(view, title or out.stem, timelines, start_size)
    atomic_write_bytes(out, page_html(data).encode("utf-8"))
    return out


def _as_iso(value: dt.date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def render_html(source: str | Path | Graph, output: str | Path, focus: str | None = None, hops: int = 2,
                classes: Iterable[str] | None = None, date_from: dt.date | str | None = None,
                date_to: dt.date | str | None = None, title: str | None = None,
                timelines: bool = True, start_size: int = START_SIZE) -> Path:
    """Write one self-contained, offline HTML explorer of a govkg graph.

    Args:
        source: A graph file (.ttl, .trig, .nq, .nt, .jsonld), a store directory, or an rdflib graph.
        output: The HTML file to write.
        focus: Keep only the ego network of the node with this name (any of its names); the page starts there.
        hops: How many steps from ``focus`` to keep.
        classes: Keep only nodes of these classes (``Official``, ``Event``, ``InspectionVisit`` ... or 官员).
        date_from: Keep only nodes seen on or after this date (undated nodes next to one stay).
        date_to: Keep only nodes seen on or before this date.
        title: Page title (default: the source's file name).
        timelines: Embed the career timelines of the most mentioned officials and bodies
            (:mod:`kg.viz.timelines`).
        start_size: How many nodes the first view draws.

    Returns:
        The path written.

    Raises:
        KeyError: ``focus`` names no node.
        ValueError: an unknown class, or a source that cannot be read.
    """
    graph = load_graph(source)
    view = build_view(graph)
    if focus or classes or date_from or date_to:
        view = select(view, focus=focus, hops=hops, classes=classes,
                      date_from=_as_iso(date_from), date_to=_as_iso(date_to))
    if title is None:
        title = f"govkg · {Path(source).name}" if isinstance(source, (str, Path)) else "govkg"
        if focus:
            title += f" · {focus}"
    svgs = None
    if timelines:
        from kg.viz.timelines import timelines as make_timelines

        svgs = make_timelines(graph if isinstance(source, Graph) else source, view)
    return render_view(view, output, title=title, timelines=svgs, start_size=start_size)
