"""Career timelines for the explorer's side panel: :mod:`kg.career_plot`'s SVG of an official or a body.

The page embeds the SVG text of the most mentioned officials (and other
persons) with posts or events, and of the most mentioned bodies with office
holders: :func:`kg.careers.careers` and :func:`kg.careers.agency_history` read
them from the same source, :func:`kg.career_plot.career_svg` and
:func:`kg.career_plot.agency_svg` draw them.  The SVG goes into the page as
data and is shown inline (no image is loaded: the page's CSP stays as it is).
A person or body past the limits gets its posts listed in the panel and the
``kg career`` command to print its timeline.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx
from rdflib import Graph

#: How many officials and how many bodies get a timeline in the page, the most mentioned first
#: (one takes a few milliseconds to compute and about 1.5 kB of the page).
TIMELINE_PEOPLE = 300
TIMELINE_AGENCIES = 120


def _store(source: str | Path | Graph):
    """A pyoxigraph store of the source, read as ``kg career`` reads it."""
    from kg.careers import open_graph

    if not isinstance(source, Graph):
        return open_graph(source)
    with tempfile.TemporaryDirectory(prefix="kg-viz-") as tmp:
        path = Path(tmp) / "graph.nt"
        source.serialize(path, format="nt", encoding="utf-8")
        return open_graph(path)


def _ranked(view: nx.MultiDiGraph, classes: tuple[str, ...], has_edge) -> list:
    nodes = [n for n, d in view.nodes(data=True) if d["cls"] in classes and has_edge(n)]
    return sorted(nodes, key=lambda n: (-view.nodes[n]["mentions"], view.nodes[n]["label"], str(n)))


def timelines(source: str | Path | Graph, view: nx.MultiDiGraph, people: int = TIMELINE_PEOPLE,
              agencies: int = TIMELINE_AGENCIES) -> dict[object, str]:
    """SVG timelines of the most mentioned persons and bodies of ``view``, by view node.

    Args:
        source: What ``view`` was built from (a graph file, a store directory or an rdflib graph).
        view: The explorer's view (:func:`kg.viz.graph.build_view`), possibly cut down.
        people: At most this many persons (officials first by mentions) with a post or an event.
        agencies: At most this many bodies with an office holder.

    Returns:
        View node -> SVG text; nodes without a timeline are left out.
    """
    if people <= 0 and agencies <= 0:
        return {}
    from kg.career_plot import agency_svg, career_svg
    from kg.careers import agency_history, careers

    def person_has(n) -> bool:
        return any(k == "holds" or view.nodes[o]["cls"] == "Event"
                   for _, o, k in view.out_edges(n, keys=True))

    def agency_has(n) -> bool:
        return any(k == "holds" for _, _, k in view.in_edges(n, keys=True))

    want_people = _ranked(view, ("Official", "Person"), person_has)[:max(people, 0)]
    want_agencies = _ranked(view, ("Agency",), agency_has)[:max(agencies, 0)]
    if not want_people and not want_agencies:
        return {}
    store = _store(source)
    by_iri = {view.nodes[n]["iri"]: n for n in (*want_people, *want_agencies)}
    out: dict[object, str] = {}
    for label in dict.fromkeys(view.nodes[n]["label"] for n in want_people):
        for career in careers(store, label):  # namesakes too: each is matched by its IRI
            node = by_iri.get(career.person.iri)
            if node is not None and node not in out and career.entries:
                out[node] = career_svg(career)
    for label in dict.fromkeys(view.nodes[n]["label"] for n in want_agencies):
        for history in agency_history(store, label):
            node = by_iri.get(history.iri)
            if node is not None and node not in out and history.entries:
                out[node] = agency_svg(history)
    return out
