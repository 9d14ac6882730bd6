"""Careers over time: who appears in a built graph, one person's posts and events, one body's office holders.

The graph holds a dated ``gk:PostHolding`` (an ``org:Membership``) each time an
article names a person with a post: ``gk:member`` the person, ``gk:post`` the
post (``gk:role`` and ``gk:postIn`` the body), ``gk:observedOn`` the article's
date, ``gk:mentionedIn`` the article.  This module reads them back with SPARQL
(pyoxigraph) from a graph file or a store directory (opened as ``kg query``
opens them, :func:`kg.query.open_dataset`) and lines them up in date order:

* :func:`people`: each person with the posts seen and the first and last dates;
* :func:`careers`: one name's posts and events in date order, each with its
  article and sentence, the changes marked (a first post, a new post, a
  promotion such as 副县长 → 县长).  Namesakes are different nodes (an
  official's identity is a name within a region), so each gets a career;
* :func:`agency_history`: a body's office holders over time, with new holders
  of a post marked.

Plain-text renderings are in :mod:`kg.career_text`, SVG timelines in
:mod:`kg.career_plot`.

>>> for c in careers("out/years.ttl", "林志远"):  # doctest: +SKIP
...     for e in c.entries:
...         print(e.date, e.what, e.change or "")
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from kg.rdf.namespaces import ID, PREFIXES

GK = PREFIXES["gk"]
PERSON_CLASSES = ("Official", "Person")
PART_WORDS = {"chair": "主持", "speaker": "讲话", "participant": "出席"}
# heads of government whose next step in the same place is the party committee's 书记 (县长 → 县委书记)
HEAD_ROLES = ("省长", "市长", "州长", "盟长", "县长", "区长", "旗长", "镇长", "乡长")
# role prefixes that rank below the plain role: 副县长 < 常务副县长 < 代县长 < 县长
RANK_PREFIXES = (("常务副", 1), ("代", 2), ("副", 0))
TOP_RANK = 3


@dataclass(frozen=True)
class Person:
    """A person node: namesakes in different regions are different persons.

    Attributes:
        iri: The node's IRI.
        name: The name (``rdfs:label``).
        kind: ``"Official"`` or ``"Person"`` (someone with a post outside government).
        region: What keeps namesakes apart: an official's region (松阳县, 绵阳市, 中国),
            for another person the body named with him; ``None`` when unknown.
        region_path: The region with its parents (浙江省丽水市松阳县) when the gazetteer knows it.
    """

    iri: str
    name: str
    kind: str
    region: str | None = None
    region_path: str | None = None

    @property
    def where(self) -> str:
        """The region as shown next to the name."""
        if not self.region:
            return "—"
        if self.region_path and self.region_path != self.region:
            return f"{self.region} ({self.region_path.removesuffix(self.region)})"
        return self.region


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article and the sentence, with offsets into the article text."""

    article: str
    headline: str = ""
    date: dt.date | None = None
    source: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class PostSpell:
    """A post one person was seen holding, from its first to its last dated mention.

    Attributes:
        post: The post's IRI (one node per role and body).
        role: 县长, 副书记 …
        agency: The body's label (松阳县人民政府), ``None`` when the post names none.
        agency_iri: The body's IRI.
        dates: The dates it was seen on, sorted (undated mentions are counted in ``undated``).
        undated: Mentions in articles without a date.
    """

    post: str
    role: str
    agency: str | None = None
    agency_iri: str | None = None
    dates: list[dt.date] = field(default_factory=list)
    undated: int = 0

    @property
    def label(self) -> str:
        """The post as printed: body and role (松阳县人民政府副县长)."""
        return f"{self.agency or ''}{self.role}"

    @property
    def first(self) -> dt.date | None:
        """First date seen."""
        return self.dates[0] if self.dates else None

    @property
    def last(self) -> dt.date | None:
        """Last date seen."""
        return self.dates[-1] if self.dates else None

    @property
    def seen(self) -> int:
        """How many times it was seen (articles)."""
        return len(self.dates) + self.undated


@dataclass
class PersonSummary:
    """One person as :func:`people` lists them."""

    person: Person
    posts: list[PostSpell] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    articles: int = 0
    events: int = 0


@dataclass
class CareerEntry:
    """One dated line of a career or of a body's history.

    Attributes:
        date: The date (the article's for a post, the event's own for an event); ``None`` if undated.
        kind: ``"post"`` or ``"event"``.
        person: Who.
        what: The post (松阳县人民政府县长) or the event (会议 松阳县安全生产工作会议 (主持)).
        role, agency, post: The post's parts (posts only).
        event, event_type, parts: The event's IRI, kind in Chinese, and the person's parts in it.
        change: ``"first seen"``, ``"new post"``, ``"promotion"``, ``"new holder"`` or ``None``.
        note: What changed (``副县长 → 县长``, ``周文博 → 林志远``).
        evidence: The article and sentence it was read from.
    """

    date: dt.date | None
    kind: str
    person: Person
    what: str
    role: str | None = None
    agency: str | None = None
    post: str | None = None
    event: str | None = None
    event_type: str | None = None
    parts: tuple[str, ...] = ()
    change: str | None = None
    note: str = ""
    evidence: Evidence | None = None


@dataclass
class Career:
    """One person's posts and events in date order (undated ones last)."""

    summary: PersonSummary
    entries: list[CareerEntry] = field(default_factory=list)

    @property
    def person(self) -> Person:
        """Whose career this is."""
        return self.summary.person

    @property
    def changes(self) -> list[CareerEntry]:
        """The entries that mark a change of post."""
        return [e for e in self.entries if e.change]


@dataclass
class Tenure:
    """One person in one post of a body, from the first to the last date seen."""

    person: Person
    spell: PostSpell


@dataclass
class AgencyHistory:
    """A body's office holders over time."""

    iri: str
    label: str
    tenures: list[Tenure] = field(default_factory=list)
    entries: list[CareerEntry] = field(default_factory=list)


# --- reading the graph ----------------------------------------------------------------------------

def open_graph(source: str | Path | ox.Store) -> ox.Store:
    """A store to read: an open pyoxigraph store, a store directory or a graph file (as ``kg query`` opens it).

    Raises:
        kg.query.QueryError: the source cannot be opened or parsed.
    """
    if isinstance(source, ox.Store):
        return source
    from kg.query import open_dataset

    return open_dataset(source)


def _select(store: ox.Store, text: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    answer = store.query(text, prefixes=PREFIXES)
    names = [v.value for v in answer.variables]
    return [{n: t for n, t in zip(names, row) if t is not None} for row in answer]


def _values(var: str, iris: list[str] | None) -> str:
    return "" if iris is None else f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def _date(term: ox.Literal | None) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(term.value[:10])
    except ValueError:
        return None


def _value(row: dict, key: str) -> str | None:
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


_HOLDINGS = """SELECT ?person ?kind ?name ?h ?date ?post ?role ?agency ?agencyLabel ?jur ?article WHERE {
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
class _Obs:
    """One post holding seen in one article."""

    person: str
    post: str
    role: str
    agency: str | None
    agency_iri: str | None
    jurisdiction: str | None
    date: dt.date | None
    article: str | None


def _observations(store: ox.Store, persons: list[str] | None = None, agencies: list[str] | None = None
                  ) -> tuple[list[_Obs], dict[str, Person]]:
    where = _values("person", persons) + _values("agency", agencies)
    if agencies is not None:  # the body is needed: no OPTIONAL around it
        text = _HOLDINGS.replace("OPTIONAL { ?post gk:postIn ?agency .", "{ ?post gk:postIn ?agency .")
    else:
        text = _HOLDINGS
    obs: dict[tuple, _Obs] = {}
    who: dict[str, Person] = {}
    for r in _select(store, text % where):
        pid = r["person"].value
        if pid not in who:
            who[pid] = make_person(pid, r["name"].value, r["kind"].value.removeprefix(GK))
        key = (pid, r["post"].value, _value(r, "article") or r["h"].value)
        if key not in obs:
            obs[key] = _Obs(pid, r["post"].value, r["role"].value, _value(r, "agencyLabel"), _value(r, "agency"),
                            _value(r, "jur"), _date(r.get("date")), _value(r, "article"))
    return sorted(obs.values(), key=_obs_order), who


def _obs_order(o: _Obs) -> tuple:
    return (o.date is None, o.date or dt.date.min, o.article or "", o.post)


def _spells(obs: list[_Obs]) -> list[PostSpell]:
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


def rank(role: str) -> tuple[str, int]:
    """A role's base and its rank within it: ``副县长`` → (县长, 0), ``常务副县长`` → (县长, 1), ``县长`` → (县长, 3)."""
    for prefix, level in RANK_PREFIXES:
        if prefix in role and role != prefix:
            return role.replace(prefix, "", 1), level
    return role, TOP_RANK


def is_promotion(old: PostSpell, new: PostSpell, same_place: bool = False) -> bool:
    """Whether moving from ``old`` to ``new`` is a step up in the same body or place.

    A step up is the same role without 副/常务副/代 (副县长 → 县长, 副书记 → 书记)
    in the same body (or another body of the same jurisdiction), or a head of
    government becoming 书记 of the same place (县长 → 县委书记).
    """
    same_body = old.agency_iri is not None and old.agency_iri == new.agency_iri
    (ob, ol), (nb, nl) = rank(old.role), rank(new.role)
    if ob == nb and nl > ol and (same_body or same_place):
        return True
    return old.role in HEAD_ROLES and new.role == "书记" and same_place and not same_body


# --- people ---------------------------------------------------------------------------------------

_MENTIONS = """SELECT ?person ?kind ?name (COUNT(DISTINCT ?article) AS ?n) (MIN(?d) AS ?first) (MAX(?d) AS ?last)
WHERE {
  %s
  ?person a ?kind ; rdfs:label ?name . FILTER(?kind IN (gk:Official, gk:Person))
  OPTIONAL { ?person gk:mentionedIn ?article . OPTIONAL { ?article schema:datePublished ?d } }
} GROUP BY ?person ?kind ?name"""

_EVENT_COUNTS = """SELECT ?person (COUNT(DISTINCT ?e) AS ?n) WHERE {
  %s
  VALUES ?part { gk:participant gk:chair gk:speaker } ?e ?part ?person .
} GROUP BY ?person"""


def _find_agencies(store: ox.Store, label: str) -> list[tuple[str, str]]:
    """(IRI, label) of the bodies called ``label`` (as canonical or other name), else whose name contains it."""
    lit = str(ox.Literal(label))
    rows = _select(store, f"""SELECT DISTINCT ?a ?l WHERE {{ ?a a gk:Agency ; rdfs:label ?l .
        {{ ?a rdfs:label {lit} }} UNION {{ ?a skos:altLabel {lit} }} }}""")
    if not rows:
        rows = _select(store, f"""SELECT DISTINCT ?a ?l WHERE {{ ?a a gk:Agency ; rdfs:label ?l .
            FILTER(CONTAINS(STR(?l), {lit})) }}""")
    return sorted({(r["a"].value, r["l"].value) for r in rows}, key=lambda x: (len(x[1]), x[1]))


def _find_persons(store: ox.Store, name: str) -> list[str]:
    lit = str(ox.Literal(name))
    rows = _select(store, f"""SELECT DISTINCT ?p WHERE {{ ?p a ?kind . FILTER(?kind IN (gk:Official, gk:Person))
        {{ ?p rdfs:label {lit} }} UNION {{ ?p skos:altLabel {lit} }} }}""")
    return sorted(r["p"].value for r in rows)


def people(source: str | Path | ox.Store, region: str | None = None, agency: str | None = None,
           name: str | None = None) -> list[PersonSummary]:
    """Who appears in a graph, with the posts seen and the first and last dates.

    Args:
        source: A graph file, a store directory or an open store.
        region: Keep the people of this region (any level: 松阳县, 丽水市, 浙江省).
        agency: Keep the people who held a post in this body (its name, or part of it).
        name: Keep the people of this name (or whose name contains it).

    Returns:
        One summary per person node, the most mentioned first.
    """
    store = open_graph(source)
    persons: list[str] | None = None
    if agency is not None:
        bodies = [a for a, _ in _find_agencies(store, agency)]
        obs, _ = _observations(store, agencies=bodies) if bodies else ([], {})
        persons = sorted({o.person for o in obs})
    if name is not None:
        found = _find_persons(store, name)
        if not found:
            lit = str(ox.Literal(name))
            found = [r["p"].value for r in _select(store, f"""SELECT DISTINCT ?p WHERE {{ ?p a ?kind ;
                rdfs:label ?l . FILTER(?kind IN (gk:Official, gk:Person) && CONTAINS(?l, {lit})) }}""")]
        persons = sorted(set(found) & set(persons)) if persons is not None else found
    if persons == []:
        return []
    where = _values("person", persons)
    out: dict[str, PersonSummary] = {}
    for r in _select(store, _MENTIONS % where):
        p = make_person(r["person"].value, r["name"].value, r["kind"].value.removeprefix(GK))
        if region is not None and not in_region(p, region):
            continue
        out[p.iri] = PersonSummary(p, first=_date(r.get("first")), last=_date(r.get("last")),
                                   articles=int(r["n"].value))
    obs, _ = _observations(store, persons=persons)
    by_person: dict[str, list[_Obs]] = defaultdict(list)
    for o in obs:
        by_person[o.person].append(o)
    for iri, s in out.items():
        s.posts = _spells(by_person.get(iri, []))
        dates = [d for sp in s.posts for d in sp.dates] + [d for d in (s.first, s.last) if d]
        s.first, s.last = (min(dates), max(dates)) if dates else (None, None)
    for r in _select(store, _EVENT_COUNTS % where):
        if r["person"].value in out:
            out[r["person"].value].events = int(r["n"].value)
    return sorted(out.values(), key=lambda s: (-s.articles, s.person.name, s.person.region or ""))


# --- one person's career --------------------------------------------------------------------------

_EVENTS = """SELECT ?person ?e ?part ?date ?label ?typeLabel ?article ?ev WHERE {
  %s
  VALUES ?part { gk:participant gk:chair gk:speaker } ?e ?part ?person .
  OPTIONAL { ?e gk:date ?date } OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e a ?type . ?type rdfs:label ?typeLabel . FILTER(lang(?typeLabel) = "zh") }
  OPTIONAL { ?e gk:mentionedIn ?article } OPTIONAL { ?e gk:evidence ?ev }
}"""

_ARTICLES = """SELECT ?article ?label ?headline ?date ?source WHERE {
  %s
  OPTIONAL { ?article rdfs:label ?label } OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?date } OPTIONAL { ?article gk:sourceFile ?source }
}"""

_SENTENCES = """SELECT ?article ?s ?text ?start ?end WHERE {
  %s
  ?article gk:sentence ?s . ?s gk:text ?text .
  OPTIONAL { ?s gk:startOffset ?start } OPTIONAL { ?s gk:endOffset ?end }
}"""


class _Sources:
    """Articles and their sentences, fetched once for the entries that cite them."""

    def __init__(self, store: ox.Store, articles: set[str]) -> None:
        self.info: dict[str, dict] = {}
        self.sentences: dict[str, list[tuple[str, str, int | None, int | None]]] = defaultdict(list)
        if not articles:
            return
        where = _values("article", sorted(articles))
        for r in _select(store, _ARTICLES % where):
            self.info.setdefault(r["article"].value, r)
        for r in _select(store, _SENTENCES % where):
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
        headline = info.get("headline") or info.get("label")
        return Evidence(article, headline.value if headline else "", _date(info.get("date")),
                        _value(info, "source"), best[1] if best else None, best[2] if best else None,
                        best[3] if best else None)


def _mark_person_changes(entries: list[CareerEntry], spells: dict[str, PostSpell],
                         jurisdiction: dict[str, str | None]) -> None:
    """Mark the first entry of each post: first seen, a new post, or a promotion from an earlier post."""
    posts = [e for e in entries if e.kind == "post"]
    if not posts:
        return
    start = posts[0].date
    seen: list[PostSpell] = []
    for e in posts:
        spell = spells[e.post]
        if spell in seen:
            continue
        if e.date == start or not seen:
            e.change = "first seen"
        else:
            up = next((old for old in reversed(seen) if is_promotion(
                old, spell, jurisdiction.get(old.post) is not None
                and jurisdiction.get(old.post) == jurisdiction.get(spell.post))), None)
            if up is not None:
                e.change = "promotion"
                e.note = f"{up.role} → {spell.role}" if up.agency == spell.agency else f"{up.label} → {spell.label}"
            else:
                e.change, e.note = "new post", ""
        seen.append(spell)


def _post_entries(obs: list[_Obs], who: dict[str, Person], sources: _Sources) -> list[CareerEntry]:
    out = []
    for o in obs:
        p = who[o.person]
        short = (o.agency or "")[-4:]
        out.append(CareerEntry(o.date, "post", p, f"{o.agency or ''}{o.role}", role=o.role, agency=o.agency,
                               post=o.post, evidence=sources.evidence(o.article, (p.name, o.role, short + o.role))))
    return out


def _event_entries(store: ox.Store, persons: list[str], who: dict[str, Person]) -> tuple[list[dict], set[str]]:
    events: dict[tuple[str, str], dict] = {}
    for r in _select(store, _EVENTS % _values("person", persons)):
        key = (r["person"].value, r["e"].value)
        ev = events.setdefault(key, {"parts": set(), "row": r})
        ev["parts"].add(r["part"].value.removeprefix(GK))
        for k in ("date", "label", "typeLabel", "article", "ev"):
            if k in r and k not in ev["row"]:
                ev["row"][k] = r[k]
    articles = {_value(ev["row"], "article") for ev in events.values()} - {None}
    return [dict(ev, person=k[0], event=k[1]) for k, ev in events.items()], articles


def careers(source: str | Path | ox.Store, name: str, region: str | None = None, events: bool = True
            ) -> list[Career]:
    """The careers of the people called ``name``: one per person node (namesakes apart).

    Args:
        source: A graph file, a store directory or an open store.
        name: The person's name (canonical or as written).
        region: Keep the namesake of this region (any level).
        events: Also list the events they took part in.

    Returns:
        One :class:`Career` per person, each with posts and events in date order
        (undated last) and the changes of post marked.
    """
    store = open_graph(source)
    persons = _find_persons(store, name)
    if not persons:
        return []
    obs, who = _observations(store, persons=persons)
    summaries = {s.person.iri: s for s in people(store, name=name)}
    ev_rows, ev_articles = _event_entries(store, persons, who) if events else ([], set())
    sources = _Sources(store, {o.article for o in obs if o.article} | ev_articles)
    out = []
    for iri in persons:
        summary = summaries.get(iri)
        if summary is None:
            continue
        if region is not None and not in_region(summary.person, region):
            continue
        mine = [o for o in obs if o.person == iri]
        entries = _post_entries(mine, {iri: summary.person}, sources)
        spells = {s.post: s for s in summary.posts}
        _mark_person_changes(entries, spells, {o.post: o.jurisdiction for o in mine})
        for ev in (e for e in ev_rows if e["person"] == iri):
            r = ev["row"]
            kind = _value(r, "typeLabel") or "事件"
            label = re.sub(r"^\d{4}-\d\d-\d\d\s*", "", _value(r, "label") or "")  # "2021-04-10 调研": the date is shown apart
            parts = tuple(sorted(ev["parts"], key=list(PART_WORDS).index))
            shown = [p for p in parts if p != "participant"] or list(parts)  # who chairs also takes part
            what = (kind if not label or label in kind else label if label.endswith(kind) else f"{kind} {label}") \
                + f" ({'、'.join(PART_WORDS[p] for p in shown)})"
            evidence = sources.evidence(_value(r, "article"), (summary.person.name,), sentence=_value(r, "ev"))
            date = _date(r.get("date")) or (evidence.date if evidence else None)
            entries.append(CareerEntry(date, "event", summary.person, what, event=ev["event"], event_type=kind,
                                       parts=parts, evidence=evidence))
        entries.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.kind != "post"))
        out.append(Career(summary, entries))
    return sorted(out, key=lambda c: (c.person.region or "", c.person.iri))


# --- one body's history ---------------------------------------------------------------------------

def agency_history(source: str | Path | ox.Store, label: str) -> list[AgencyHistory]:
    """The office holders of the bodies called ``label`` (or whose name contains it), over time.

    Each post's first holder is marked "first seen"; a later person in a post
    "new holder" (after the previous one, for posts one person holds at a
    time), or "promotion" when that person held a lower rank of it before.

    Raises:
        kg.query.QueryError: the source cannot be opened.
    """
    store = open_graph(source)
    found = _find_agencies(store, label)
    out = []
    for iri, name in found:
        obs, who = _observations(store, agencies=[iri])
        sources = _Sources(store, {o.article for o in obs if o.article})
        entries = _post_entries(obs, who, sources)
        spells: dict[tuple[str, str], PostSpell] = {}
        for o in obs:
            s = spells.setdefault((o.person, o.post), PostSpell(o.post, o.role, o.agency, o.agency_iri))
            if o.date is None:
                s.undated += 1
            else:
                s.dates.append(o.date)
        holders: dict[str, list[str]] = defaultdict(list)  # post -> persons in the order first seen
        held: dict[str, list[PostSpell]] = defaultdict(list)  # person -> posts of this body seen so far
        for e in entries:
            pid = e.person.iri
            if pid in holders[e.post]:
                continue
            spell = spells[(pid, e.post)]
            earlier = [s for s in held[pid] if is_promotion(s, spell)]
            if earlier:
                e.change, e.note = "promotion", f"{e.person.name} {earlier[-1].role} → {spell.role}"
                if holders[e.post] and rank(e.role or "")[1] == TOP_RANK:
                    e.note += f", after {who[holders[e.post][-1]].name}"
            elif not holders[e.post]:
                e.change = "first seen"
            else:
                e.change = "new holder"
                if rank(e.role or "")[1] == TOP_RANK:  # one holder at a time: say whom they follow
                    e.note = f"{who[holders[e.post][-1]].name} → {e.person.name}"
            holders[e.post].append(pid)
            held[pid].append(spell)
        tenures = [Tenure(who[pid], s) for (pid, _), s in spells.items()]
        tenures.sort(key=lambda t: (-rank(t.spell.role)[1], rank(t.spell.role)[0], t.spell.first is None,
                                    t.spell.first or dt.date.min, t.person.name))
        out.append(AgencyHistory(iri, name, tenures, entries))
    return out
