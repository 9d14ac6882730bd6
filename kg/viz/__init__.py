"""The graph explorer: a govkg graph as one self-contained, offline HTML page.

>>> from kg.viz import render_html  # doctest: +SKIP
>>> render_html("out/sample.ttl", "out/graph.html", focus="张立文", hops=2)  # doctest: +SKIP

:mod:`kg.viz.graph` turns RDF into a networkx view model, :mod:`kg.viz.layout`
computes positions for big graphs, :mod:`kg.viz.render` writes the page
(template, styles and app in ``template.html``, ``app.css``, ``app.js``).
"""
from __future__ import annotations

from kg.viz.graph import build_view, find_nodes, load_graph, select
from kg.viz.render import PHYSICS_LIMIT, render_html, render_view

__all__ = ["PHYSICS_LIMIT", "build_view", "find_nodes", "load_graph", "render_html", "render_view", "select"]
