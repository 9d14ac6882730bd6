"""RDF graph -> a networkx view model for the HTML explorer.

The view is a :class:`networkx.MultiDiGraph` whose nodes are the entities of a
govkg graph (officials, journalists, agencies, companies, places, projects,
events) keyed by IRI, and whose edges are the relations between them, keyed by
the relation name.  Articles and sentences are not nodes: they are the evidence
attached to a node.  ``gk:Post`` nodes fold into one official -> agency edge
per pair, with the roles on the edge.

Node attributes:
    label (str): canonical name (``rdfs:label``).
    alt (list[str]): other names (``skos:altLabel``).
    cls (str): display class (``Official``, ``Agency`` ... see :data:`DISPLAY_CLASSES`).
    kind (str): the most specific govkg class (``InspectionVisit``).
    kind_zh (str): its Chinese label from the ontology.
    types (frozenset[str]): every govkg class the node belongs to, superclasses included.
    mentions (int): how often the entity is mentioned (sentences of evidence, at least 1).
    date (str | None): an event's date (ISO).
    dates (list[str]): every date the node is seen on (event date, article dates, post dates, and the
        dates of the events it is linked to: the people of an event are seen on its day).
    articles (list[str]): IRIs of the articles that mention it (``gk:mentionedIn``).
    evidence (list[Evidence]): the sentences that state the entity.
    facts (list[tuple[str, str]]): other literal properties, by Chinese property name.

Edge attributes: ``rel`` (relation name, e.g. ``locatedIn``), ``label``
(Chinese, e.g. ``位于``; for posts the roles), ``dates`` (ISO dates, for posts).

Graph attribute ``articles``: article IRI -> (headline, ISO date), every article
of the graph (an entity linked to nothing else is reached through them).
"""
from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.rdf.namespaces import GK, SCHEMA
from kg.rdf.serialize import FORMATS

GK_NS = str(GK._NS)

#: Display classes, most specific first: a node shows as the first one it belongs to.
DISPLAY_CLASSES: tuple[str, ...] = (
    "Official", "Journalist", "Person", "Agency", "Company", "Organization",
    "Place", "Project", "Event",
)
#: Classes that are never drawn as nodes (evidence, folded posts, values).
HIDDEN_CLASSES = frozenset({"Article", "Sentence", "Post", "PostHolding", "Amount", "Observation"})

#: Chinese edge labels where a verb reads better than the ontology's noun label.
REL_LABELS: dict[str, str] = {
    "holds": "担任",
    "parentOrganization": "隶属",
    "locatedIn": "位于",
    "participant": "参加",
    "organizer": "主办",
    "involves": "涉及",
    "owner": "建设",
    "projectPlace": "位于",
    "jurisdiction": "管辖",
    "place": "举办地",
    "site": "考察",
    "homeRegion": "所属地区",
}
#: Relations drawn against the direction of the triple (person -> event reads "参加").
REVERSED = frozenset({"participant", "organizer", "owner"})
#: Literal properties not shown as facts (shown elsewhere, or internal).
SKIP_FACTS = frozenset({"text", "startOffset", "endOffset", "date", "role", "observedOn"})


@dataclass(frozen=True)
class Evidence:
    """A sentence that states an entity, with its article's headline and date."""

    headline: str
    date: str | None
    text: str
    start: int = 0  # offset of the sentence in its article: evidence reads in article order
    article: str = ""  # the article's IRI


def ontology_path() -> Path:
    """The packaged ``govkg.ttl``."""
    import kg

    return Path(kg.__file__).parent / "ontology" / "govkg.ttl"


@functools.lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    path = ontology_path()
    if path.exists():
        g.parse(path, format="turtle")
    return g


def _local(iri: object) -> str | None:
    s = str(iri)
    return s[len(GK_NS):] if s.startswith(GK_NS) else None


def _zh_labels(g: Graph) -> dict[str, str]:
    out: dict[str, str] = {}
    for s, o in g.subject_objects(RDFS.label):
        name = _local(s)
        if name and isinstance(o, Literal) and (o.language or "").startswith("zh"):
            out[name] = str(o)
    return out


def class_ancestors(g: Graph) -> dict[str, frozenset[str]]:
    """gk class local name -> itself and every gk superclass (ontology plus ``g``'s own subClassOf)."""
    parents: dict[str, set[str]] = {}
    for src in (_ontology(), g):
        for s, o in src.subject_objects(RDFS.subClassOf):
            a, b = _local(s), _local(o)
            if a and b:
                parents.setdefault(a, set()).add(b)
        for s in src.subjects(RDF.type, OWL.Class):
            if _local(s):
                parents.setdefault(_local(s), set())

    @functools.lru_cache(maxsize=None)
    def up(c: str) -> frozenset[str]:
        out = {c}
        for p in parents.get(c, ()):
            if p != c:
                out |= up(p)
        return frozenset(out)

    return {c: up(c) for c in parents}


def load_graph(source: str | Path | Graph) -> Graph:
    """Read a graph file (.ttl, .trig, .nq, .nt, .jsonld) or a store directory into one rdflib graph.

    Named graphs (TriG, N-Quads) are merged; a directory is read as a govkg
    store (:mod:`kg.store`), all its article graphs merged.
    """
    if isinstance(source, Graph):
        return source
    path = Path(source)
    if path.is_dir():
        return _load_store(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown graph format {path.suffix or '(no suffix)'}; use one of {', '.join(FORMATS)}")
    import pyoxigraph as ox  # parses ten times faster than rdflib

    ox_format = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                 "nt": ox.RdfFormat.N_TRIPLES, "json-ld": getattr(ox.RdfFormat, "JSON_LD", None)}.get(fmt)
    if ox_format is None:
        g = Graph()
        g.parse(path, format=fmt)
        return g
    try:
        return _from_quads(ox.parse(path=str(path), format=ox_format))
    except SyntaxError as exc:
        raise ValueError(f"{path}: {exc}") from None


def _term(t: object):
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))
    return BNode(str(t.value))


def _from_quads(quads: Iterable, skip_graph: str | None = None) -> Graph:
    """An rdflib graph of pyoxigraph quads (named graphs merged), leaving out the graph ``skip_graph``."""
    g = Graph()
    cache: dict = {}

    def term(t: object):
        r = cache.get(t)
        if r is None:
            r = cache[t] = _term(t)
        return r

    def triples():
        for q in quads:
            name = getattr(q, "graph_name", None)
            if skip_graph is not None and getattr(name, "value", None) == skip_graph:
                continue
            yield term(q.subject), term(q.predicate), term(q.object), g

    g.addN(triples())
    return g


def _load_store(path: Path) -> Graph:
    """Every article graph of a govkg store (:mod:`kg.store`), merged into one rdflib graph."""
    from kg.store import ONTOLOGY_GRAPH, KgStore, StoreError

    try:
        store = KgStore.open_read_only(path).store
    except StoreError as exc:
        raise ValueError(str(exc)) from None

    return _from_quads(store, skip_graph=ONTOLOGY_GRAPH)


def _date(value: object) -> str | None:
    if isinstance(value, Literal):
        v = value.toPython()
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()[:10]
        s = str(value)
        return s[:10] if len(s) >= 10 and s[4] == "-" else None
    return None


def _first_label(g: Graph, s: URIRef) -> str | None:
    best = None
    for o in g.objects(s, RDFS.label):
        if not isinstance(o, Literal):
            continue
        if o.language in (None, "") or o.language.startswith("zh"):
            return str(o)
        best = best or str(o)
    return best


def build_view(g: Graph) -> nx.MultiDiGraph:
    """The explorer's view of a govkg graph (see the module doc for the attributes)."""
    ancestors = class_ancestors(g)
    zh = {**_zh_labels(_ontology()), **_zh_labels(g)}
    view = nx.MultiDiGraph()

    # Entities and their classes.
    types: dict[URIRef, set[str]] = {}
    for s, o in g.subject_objects(RDF.type):
        name = _local(o)
        if name and isinstance(s, URIRef):
            types.setdefault(s, set()).add(name)
    for s, names in types.items():
        every = frozenset().union(*(ancestors.get(n, frozenset({n})) for n in names))
        if every & HIDDEN_CLASSES:
            continue
        cls = next((c for c in DISPLAY_CLASSES if c in every), None)
        if cls is None:
            continue
        kind = max(names, key=lambda n: (len(ancestors.get(n, ())), n))
        view.add_node(s, label=None, alt=[], cls=cls, kind=kind, kind_zh=zh.get(kind, kind), types=every,
                      mentions=0, date=None, dates=set(), articles=[], evidence=[], facts=[], iri=str(s))

    # Articles and sentences (evidence).
    art_info: dict[object, tuple[str, str | None]] = {}
    for a in g.subjects(RDF.type, GK.Article):
        head = g.value(a, SCHEMA.headline) or g.value(a, RDFS.label) or ""
        art_info[a] = (str(head), _date(g.value(a, SCHEMA.datePublished)))
    sent_cache: dict[object, Evidence] = {}

    def evidence(sent: object) -> Evidence:
        ev = sent_cache.get(sent)
        if ev is None:
            art = g.value(sent, GK.inArticle)
            head, date = art_info.get(art, ("", None))
            start = g.value(sent, GK.startOffset)
            ev = sent_cache[sent] = Evidence(head, date, str(g.value(sent, GK.text) or ""),
                                             int(start) if start is not None else 0, str(art or ""))
        return ev

    nodes = view.nodes
    for s in list(view.nodes):
        n = nodes[s]
        n["label"] = _first_label(g, s) or (str(g.value(s, GK.name)) if g.value(s, GK.name) else None)
        alts = []
        for o in g.objects(s, SKOS.altLabel):
            t = str(o)
            if t != n["label"] and t not in alts:
                alts.append(t)
        n["alt"] = alts
        articles = set(g.objects(s, GK.mentionedIn))
        for a in articles:
            d = art_info.get(a, ("", None))[1]
            if d:
                n["dates"].add(d)
        n["articles"] = [str(a) for a in sorted((a for a in articles if a in art_info),
                                                key=lambda a: (art_info[a][1] or "", str(a)))]
        evs = sorted({evidence(x) for x in g.objects(s, GK.evidence)},
                     key=lambda e: (e.date or "", e.headline, e.start, e.text))
        n["evidence"] = evs
        n["mentions"] = max(1, len(evs), len(articles))
        d = _date(g.value(s, GK.date))
        if d:
            n["date"] = d
            n["dates"].add(d)
        if n["label"] is None:
            n["label"] = n["kind_zh"] + (f" {d}" if d else "")
        for p, o in g.predicate_objects(s):
            name = _local(p)
            if isinstance(o, Literal) and name and name not in SKIP_FACTS:
                n["facts"].append((zh.get(name, name), str(o)))
        n["facts"].sort()

    # Posts: official -> agency, one edge per pair with every role and date.
    holding_dates: dict[tuple[object, object], set[str]] = {}
    for h in g.subjects(RDF.type, GK.PostHolding):
        d = _date(g.value(h, GK.observedOn))
        m, p = g.value(h, GK.member), g.value(h, GK.post)
        if m is not None and p is not None:
            holding_dates.setdefault((m, p), set()).update({d} if d else set())
    holds = set(g.subject_objects(GK.holds)) | {(o, p) for p, o in g.subject_objects(GK.heldBy)}
    for person, post in sorted(holds):
        agency = g.value(post, GK.postIn)
        if person not in nodes or agency not in nodes:
            continue
        role = str(g.value(post, GK.role) or zh.get("Post", "职务"))
        dates = holding_dates.get((person, post), set())
        if view.has_edge(person, agency, "holds"):
            e = view.edges[person, agency, "holds"]
            if role not in e["roles"]:
                e["roles"].append(role)
            e["dates"] = sorted(set(e["dates"]) | dates)
        else:
            view.add_edge(person, agency, "holds", rel="holds", roles=[role], dates=sorted(dates))
        nodes[person]["dates"].update(dates)
        nodes[agency]["dates"].update(dates)
    for _, _, e in view.edges(data=True):
        e["label"] = "、".join(e["roles"])

    # Every other relation between two entities.
    for s in list(nodes):
        for p, o in g.predicate_objects(s):
            if o not in nodes or o == s:
                continue
            name = _local(p) or str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            if name in ("holds", "heldBy", "member", "post", "evidence", "mentionedIn"):
                continue
            a, b = (o, s) if name in REVERSED else (s, o)
            if not view.has_edge(a, b, name):
                view.add_edge(a, b, name, rel=name, label=REL_LABELS.get(name, zh.get(name, name)), dates=[])
    # The people, bodies and places of an event are seen on its day (a date filter keeps them with it).
    for s in nodes:
        d = nodes[s]["date"]
        if d and nodes[s]["cls"] == "Event":
            for o in set(nx.all_neighbors(view, s)):
                if nodes[o]["cls"] != "Event":
                    nodes[o]["dates"].add(d)
    for s in nodes:
        nodes[s]["dates"] = sorted(nodes[s]["dates"])
    view.graph["articles"] = {str(a): info for a, info in art_info.items()}
    return view


# --- selecting part of a view -------------------------------------------------------------------

def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def find_nodes(view: nx.MultiDiGraph, name: str) -> list:
    """Nodes named ``name``: exact canonical names first, then other names, then names containing it.

    Within each group the most mentioned come first.
    """
    q = _norm(name)
    if not q:
        return []
    exact, alt, part = [], [], []
    for n, d in view.nodes(data=True):
        names = [_norm(d["label"])] + [_norm(a) for a in d["alt"]]
        if names[0] == q:
            exact.append(n)
        elif q in names[1:]:
            alt.append(n)
        elif any(q in x for x in names):
            part.append(n)
    key = lambda n: -view.nodes[n]["mentions"]  # noqa: E731
    return sorted(exact, key=key) + sorted(alt, key=key) + sorted(part, key=key)


def _in_range(dates: Iterable[str], date_from: str | None, date_to: str | None) -> bool:
    return any((date_from is None or d >= date_from) and (date_to is None or d <= date_to) for d in dates)


def select(view: nx.MultiDiGraph, focus: str | None = None, hops: int = 2,
           classes: Iterable[str] | None = None, date_from: dt.date | str | None = None,
           date_to: dt.date | str | None = None) -> nx.MultiDiGraph:
    """Cut a view down: the ego network of ``focus`` (``hops`` steps, either direction), then
    the nodes of ``classes`` (govkg class names such as ``Official``, ``Event`` or
    ``InspectionVisit``, or their Chinese labels), then the nodes seen between the dates.

    A node with no date stays when a neighbour passes the date filter (a parent place, say);
    the people of an event carry its date (:func:`build_view`), so they stay with it.
    The focus node always stays.

    Raises:
        KeyError: no node is named ``focus``.
        ValueError: a class name is not a govkg class.
    """
    keep = set(view.nodes)
    centre = None
    if focus:
        found = find_nodes(view, focus)
        if not found:
            raise KeyError(f"no node is named {focus!r}")
        centre = found[0]
        keep = set(nx.ego_graph(view.to_undirected(as_view=True), centre, radius=max(hops, 0)).nodes)
    if classes:
        wanted = _class_names(view, classes)
        keep = {n for n in keep if view.nodes[n]["types"] & wanted}
    if date_from or date_to:
        lo = date_from.isoformat() if isinstance(date_from, dt.date) else date_from
        hi = date_to.isoformat() if isinstance(date_to, dt.date) else date_to
        dated = {n for n in keep if view.nodes[n]["dates"]}
        # an event by its own day (an article may report it later), anything else by every day it is seen on
        passed = {n for n in dated if _in_range([view.nodes[n]["date"]] if view.nodes[n]["date"]
                                                else view.nodes[n]["dates"], lo, hi)}
        undated = {n for n in keep - dated
                   if any(m in passed for m in nx.all_neighbors(view, n))}
        keep = passed | undated
    if centre is not None:
        keep.add(centre)
    sub = view.subgraph(keep).copy()
    sub.graph["focus"] = centre
    return sub


def _class_names(view: nx.MultiDiGraph, classes: Iterable[str]) -> frozenset[str]:
    zh = _zh_labels(_ontology())
    by_zh = {v: k for k, v in zh.items()}
    known = set(zh) | {c for _, d in view.nodes(data=True) for c in d["types"]}
    out = set()
    for c in classes:
        c = c.strip()
        if not c:
            continue
        name = by_zh.get(c, c[:1].upper() + c[1:] if c[:1].islower() else c)
        if name not in known:
            raise ValueError(f"unknown class {c!r}; try one of {', '.join(DISPLAY_CLASSES)}")
        out.add(name)
    return frozenset(out)
