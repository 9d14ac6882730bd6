"""The graph explorer: a govkg graph as one self-contained, offline HTML page.

>>> from kg.viz import render_html  # doctest: +SKIP
>>> render_html("out/sample.ttl", "out/graph.html", focus="张立文", hops=2)  # doctest: +SKIP

:mod:`kg.viz.graph` turns RDF into a networkx view model, :mod:`kg.viz.timelines`
draws career timelines for the side panel, :mod:`kg.viz.render` writes the page
(template, styles and app in ``template.html``, ``app.css``, ``app.js``; the app
draws the most mentioned officials and bodies first and opens the rest on click).
"""
from __future__ import annotations

from kg.viz.graph import build_view, find_nodes, load_graph, select
from kg.viz.render import EXPAND_SIZE, START_SIZE, render_html, render_view

__all__ = ["EXPAND_SIZE", "START_SIZE", "build_view", "find_nodes", "load_graph", "render_html", "render_view",
           "select"]
