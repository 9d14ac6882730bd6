"""Reading post holdings, events, articles and sentences out of a built graph for :mod:`kg.careers`.

Everything is asked with SPARQL of a pyoxigraph store: a store directory or a
graph file opened as ``kg query`` opens them (:func:`kg.query.open_dataset`).
An official's region is read from its identity (``official/<region>/<name>``)
and placed in the gazetteer, so that 丽水市 holds the officials of its counties.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from kg.career_model import Evidence, Person, PostSpell, rank
from kg.rdf.namespaces import ID, PREFIXES

GK = PREFIXES["gk"]


def open_graph(source: str | Path | ox.Store) -> ox.Store:
    """A store to read: an open pyoxigraph store, a store directory or a graph file (as ``kg query`` opens it).

    Raises:
        kg.query.QueryError: the source cannot be opened or parsed.
    """
    if isinstance(source, ox.Store):
        return source
    from kg.query import open_dataset

    return open_dataset(source)


def select(store: ox.Store, text: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    """Rows of a SELECT (with the predeclared prefixes) as ``{variable: term}``, unbound variables left out."""
    answer = store.query(text, prefixes=PREFIXES)
    names = [v.value for v in answer.variables]
    return [{n: t for n, t in zip(names, row) if t is not None} for row in answer]


def values_clause(var: str, iris: list[str] | None) -> str:
    """``VALUES ?var { <iri> … }`` restricting a query to ``iris``; nothing when ``iris`` is ``None``."""
    return "" if iris is None else f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def date_of(term: ox.Literal | None) -> dt.date | None:
    """The date of an ``xsd:date`` (or dateTime) literal, ``None`` when absent or not a date."""
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(term.value[:10])
    except ValueError:
        return None


def value_of(row: dict, key: str) -> str | None:
    """The plain value of a row's variable, ``None`` when unbound."""
    return row[key].value if key in row else None


@lru_cache(maxsize=4096)
def _region_path(name: str) -> tuple[tuple[str, str], ...] | None:
    """(code, name) of a division from its province down to itself, or ``None`` when the gazetteer
    does not settle which division of county level or above the name is."""
    from kg.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    found = [d for d in gaz.lookup(name) if d.level in ("province", "prefecture", "county")]
    for level in ("province", "prefecture", "county"):
        at = [d for d in found if d.level == level]
        if len(at) == 1:
            chain = [at[0], *gaz.ancestors(at[0].code)]
            return tuple((d.code, d.name) for d in reversed(chain))
        if at:
            return None
    return None


def make_person(iri: str, name: str, kind: str) -> Person:
    """A :class:`Person` with the region read from the node's identity (``official/<region>/<name>``)."""
    local = unquote(iri.removeprefix(str(ID)))
    region = None
    if local.startswith("official/") and local.endswith("/" + name):
        region = local[len("official/"):-len(name) - 1] or None
    elif local.startswith("person/") and "@" in local:
        region = local.partition("@")[2] or None
    path = None
    if region and kind == "Official":
        chain = _region_path(region)
        path = "".join(n for _, n in chain) if chain else None
    return Person(iri, name, kind, region, path or None)


def in_region(person: Person, region: str) -> bool:
    """Whether a person belongs to a region given by name at any level (丽水市 holds 松阳县's officials).

    The person's region and the wanted one are looked up in the gazetteer;
    names it does not know are compared as written.
    """
    if not person.region:
        return False
    if person.region == region or person.region.startswith(region):
        return True
    wanted, mine = _region_path(region), _region_path(person.region)
    return bool(wanted and mine) and mine[:len(wanted)] == wanted


HOLDINGS_QUERY = """SELECT ?person ?kind ?name ?h ?date ?post ?role ?agency ?agencyLabel ?jur ?article WHERE {
  %s
  ?h a gk:PostHolding ; gk:member ?person ; gk:post ?post .
  ?person a ?kind ; rdfs:label ?name . FILTER(?kind IN (gk:Official, gk:Person))
  ?post gk:role ?role .
  OPTIONAL { ?post gk:postIn ?agency . OPTIONAL { ?agency rdfs:label ?agencyLabel }
             OPTIONAL { ?agency gk:jurisdiction ?jur } }
  OPTIONAL { ?h gk:observedOn ?date }
  OPTIONAL { ?h gk:mentionedIn ?article }
}"""


@dataclass
class Observation:
    """One post holding seen in one article."""

    person: str
    post: str
    role: str
    agency: str | None
    agency_iri: str | None
    jurisdiction: str | None
    date: dt.date | None
    article: str | None


def observations(store: ox.Store, persons: list[str] | None = None, agencies: list[str] | None = None
                 ) -> tuple[list[Observation], dict[str, Person]]:
    """Every post holding of these persons (or in these bodies; all when both are ``None``), one per article.

    Returns:
        The observations in date order, and the persons they are of by IRI.
    """
    where = values_clause("person", persons) + values_clause("agency", agencies)
    if agencies is not None:  # the body is needed: no OPTIONAL around it
        text = HOLDINGS_QUERY.replace("OPTIONAL { ?post gk:postIn ?agency .", "{ ?post gk:postIn ?agency .")
    else:
        text = HOLDINGS_QUERY
    obs: dict[tuple, Observation] = {}
    who: dict[str, Person] = {}
    for r in select(store, text % where):
        pid = r["person"].value
        if pid not in who:
            who[pid] = make_person(pid, r["name"].value, r["kind"].value.removeprefix(GK))
        key = (pid, r["post"].value, value_of(r, "article") or r["h"].value)
        if key not in obs:
            obs[key] = Observation(pid, r["post"].value, r["role"].value, value_of(r, "agencyLabel"),
                                   value_of(r, "agency"), value_of(r, "jur"), date_of(r.get("date")),
                                   value_of(r, "article"))
    return sorted(obs.values(), key=observation_order), who


def observation_order(o: Observation) -> tuple:
    """Sort key: dated observations by date (undated last), then article and post."""
    return (o.date is None, o.date or dt.date.min, o.article or "", o.post)


def spells_of(obs: list[Observation]) -> list[PostSpell]:
    """One :class:`PostSpell` per post of these observations, in order of first date (senior role first)."""
    spells: dict[str, PostSpell] = {}
    for o in obs:
        s = spells.setdefault(o.post, PostSpell(o.post, o.role, o.agency, o.agency_iri))
        if o.date is None:
            s.undated += 1
        else:
            s.dates.append(o.date)
    for s in spells.values():
        s.dates.sort()
    return sorted(spells.values(), key=lambda s: (s.first is None, s.first or dt.date.min, -rank(s.role)[1], s.label))



MENTIONS_QUERY = """SELECT ?person ?kind ?name (COUNT(DISTINCT ?article) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last)
WHERE {
  %s
  ?person a ?kind ; rdfs:label ?name . FILTER(?kind IN (gk:Official, gk:Person))
  OPTIONAL { ?person gk:mentionedIn ?article . OPTIONAL { ?article schema:datePublished ?d } }
} GROUP BY ?person ?kind ?name"""

EVENT_COUNTS_QUERY = """SELECT ?person (COUNT(DISTINCT ?e) AS ?n) WHERE {
  %s
  VALUES ?part { gk:participant gk:chair gk:speaker } ?e ?part ?person .
} GROUP BY ?person"""


def find_agencies(store: ox.Store, label: str) -> list[tuple[str, str]]:
    """(IRI, label) of the bodies called ``label`` (as canonical or other name), else whose name contains it."""
    lit = str(ox.Literal(label))
    rows = select(store, f"""SELECT DISTINCT ?a ?l WHERE {{ ?a a gk:Agency ; rdfs:label ?l .
        {{ ?a rdfs:label {lit} }} UNION {{ ?a skos:altLabel {lit} }} }}""")
    if not rows:
        rows = select(store, f"""SELECT DISTINCT ?a ?l WHERE {{ ?a a gk:Agency ; rdfs:label ?l .
            FILTER(CONTAINS(STR(?l), {lit})) }}""")
    return sorted({(r["a"].value, r["l"].value) for r in rows}, key=lambda x: (len(x[1]), x[1]))


def find_persons(store: ox.Store, name: str) -> list[str]:
    """IRIs of the officials and persons called ``name`` (canonical or other name), sorted."""
    lit = str(ox.Literal(name))
    rows = select(store, f"""SELECT DISTINCT ?p WHERE {{ ?p a ?kind . FILTER(?kind IN (gk:Official, gk:Person))
        {{ ?p rdfs:label {lit} }} UNION {{ ?p skos:altLabel {lit} }} }}""")
    return sorted(r["p"].value for r in rows)



EVENTS_QUERY = """SELECT ?person ?e ?part ?date ?label ?typeLabel ?article ?ev WHERE {
  %s
  VALUES ?part { gk:participant gk:chair gk:speaker } ?e ?part ?person .
  OPTIONAL { ?e gk:date ?date } OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e a ?type . ?type rdfs:label ?typeLabel . FILTER(lang(?typeLabel) = "zh") }
  OPTIONAL { ?e gk:mentionedIn ?article } OPTIONAL { ?e gk:evidence ?ev }
}"""

ARTICLES_QUERY = """SELECT ?article ?label ?headline ?date ?source WHERE {
  %s
  OPTIONAL { ?article rdfs:label ?label } OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?date } OPTIONAL { ?article gk:sourceFile ?source }
}"""

SENTENCES_QUERY = """SELECT ?article ?s ?text ?start ?end WHERE {
  %s
  ?article gk:sentence ?s . ?s gk:text ?text .
  OPTIONAL { ?s gk:startOffset ?start } OPTIONAL { ?s gk:endOffset ?end }
}"""


class Sources:
    """Articles and their sentences, fetched once for the entries that cite them."""

    def __init__(self, store: ox.Store, articles: set[str]) -> None:
        self.info: dict[str, dict] = {}
        self.sentences: dict[str, list[tuple[str, str, int | None, int | None]]] = defaultdict(list)
        if not articles:
            return
        where = values_clause("article", sorted(articles))
        for r in select(store, ARTICLES_QUERY % where):
            self.info.setdefault(r["article"].value, r)
        for r in select(store, SENTENCES_QUERY % where):
            self.sentences[r["article"].value].append(
                (r["s"].value, r["text"].value, int(r["start"].value) if "start" in r else None,
                 int(r["end"].value) if "end" in r else None))
        for ss in self.sentences.values():
            ss.sort(key=lambda s: (s[2] is None, s[2] or 0))

    def evidence(self, article: str | None, cues: tuple[str, ...] = (), sentence: str | None = None
                 ) -> Evidence | None:
        """The article and its best sentence: the given one, else the first holding the most cues."""
        if article is None:
            return None
        info = self.info.get(article, {})
        ss = self.sentences.get(article, [])
        best = next((s for s in ss if s[0] == sentence and (not cues or cues[0] in s[1])), None)
        if best is None and cues:
            scored = [(sum(c in s[1] for c in cues if c), -i, s) for i, s in enumerate(ss)]
            top = max(scored, default=None, key=lambda x: (x[0], x[1]))
            best = top[2] if top and top[0] else None
        if best is None and sentence is not None:  # no sentence names them: the one the fact was read from
            best = next((s for s in ss if s[0] == sentence), None)
        headline = info.get("headline") or info.get("label")
        return Evidence(article, headline.value if headline else "", date_of(info.get("date")),
                        value_of(info, "source"), best[1] if best else None, best[2] if best else None,
                        best[3] if best else None)
