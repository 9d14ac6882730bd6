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

The values returned are in :mod:`kg.career_model`, the SPARQL reading in
:mod:`kg.career_read`, plain-text renderings in :mod:`kg.career_text`, SVG
timelines in :mod:`kg.career_plot`.

>>> for c in careers("out/years.ttl", "林志远"):  # doctest: +SKIP
...     for e in c.entries:
...         print(e.date, e.what, e.change or "")
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.career_model import (HEAD_ROLES, RANK_PREFIXES, TOP_RANK, AgencyHistory, Career, CareerEntry, Evidence,
                             Person, PersonSummary, PostSpell, Tenure, is_promotion, rank, single_holder)
from kg.career_read import (EVENT_COUNTS_QUERY, EVENTS_QUERY, GK, MENTIONS_QUERY, Observation, Sources,
                            date_of, find_agencies, find_persons, in_region, make_person, observations,
                            open_graph, select, spells_of, value_of, values_clause)

__all__ = ["AgencyHistory", "Career", "CareerEntry", "Evidence", "HEAD_ROLES", "Person", "PersonSummary",
           "PostSpell", "RANK_PREFIXES", "TOP_RANK", "Tenure", "agency_history", "careers", "in_region",
           "is_promotion", "make_person", "open_graph", "people", "rank", "single_holder"]

PART_WORDS = {"chair": "主持", "speaker": "讲话", "participant": "出席"}


# --- people ---------------------------------------------------------------------------------------

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
        bodies = [a for a, _ in find_agencies(store, agency)]
        obs, _ = observations(store, agencies=bodies) if bodies else ([], {})
        persons = sorted({o.person for o in obs})
    if name is not None:
        found = find_persons(store, name)
        if not found:
            lit = str(ox.Literal(name))
            found = [r["p"].value for r in select(store, f"""SELECT DISTINCT ?p WHERE {{ ?p a ?kind ;
                rdfs:label ?l . FILTER(?kind IN (gk:Official, gk:Person) && CONTAINS(?l, {lit})) }}""")]
        persons = sorted(set(found) & set(persons)) if persons is not None else found
    if persons == []:
        return []
    where = values_clause("person", persons)
    out: dict[str, PersonSummary] = {}
    for r in select(store, MENTIONS_QUERY % where):
        p = make_person(r["person"].value, r["name"].value, r["kind"].value.removeprefix(GK))
        if region is not None and not in_region(p, region):
            continue
        out[p.iri] = PersonSummary(p, first=date_of(r.get("first")), last=date_of(r.get("last")),
                                   articles=int(r["n"].value))
    obs, _ = observations(store, persons=persons)
    by_person: dict[str, list[Observation]] = defaultdict(list)
    for o in obs:
        by_person[o.person].append(o)
    for iri, s in out.items():
        s.posts = spells_of(by_person.get(iri, []))
        dates = [d for sp in s.posts for d in sp.dates] + [d for d in (s.first, s.last) if d]
        s.first, s.last = (min(dates), max(dates)) if dates else (None, None)
    for r in select(store, EVENT_COUNTS_QUERY % where):
        if r["person"].value in out:
            out[r["person"].value].events = int(r["n"].value)
    return sorted(out.values(), key=lambda s: (-s.articles, s.person.name, s.person.region or ""))


# --- one person's career --------------------------------------------------------------------------

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


def _post_entries(obs: list[Observation], who: dict[str, Person], sources: Sources) -> list[CareerEntry]:
    out = []
    for o in obs:
        p = who[o.person]
        short = (o.agency or "")[-4:]
        out.append(CareerEntry(o.date, "post", p, f"{o.agency or ''}{o.role}", role=o.role, agency=o.agency,
                               post=o.post, evidence=sources.evidence(o.article, (p.name, o.role, short + o.role))))
    return out


def _event_entries(store: ox.Store, persons: list[str]) -> tuple[list[dict], set[str]]:
    events: dict[tuple[str, str], dict] = {}
    for r in select(store, EVENTS_QUERY % values_clause("person", persons)):
        key = (r["person"].value, r["e"].value)
        ev = events.setdefault(key, {"parts": set(), "row": r})
        ev["parts"].add(r["part"].value.removeprefix(GK))
        for k in ("date", "label", "typeLabel", "article", "ev"):
            if k in r and k not in ev["row"]:
                ev["row"][k] = r[k]
    articles = {value_of(ev["row"], "article") for ev in events.values()} - {None}
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
    persons = find_persons(store, name)
    if not persons:
        return []
    obs, who = observations(store, persons=persons)
    summaries = {s.person.iri: s for s in people(store, name=name)}
    ev_rows, ev_articles = _event_entries(store, persons) if events else ([], set())
    sources = Sources(store, {o.article for o in obs if o.article} | ev_articles)
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
            kind = value_of(r, "typeLabel") or "事件"
            # "2021-04-10 调研": the date is shown apart
            label = re.sub(r"^\d{4}-\d\d-\d\d\s*", "", value_of(r, "label") or "")
            parts = tuple(sorted(ev["parts"], key=list(PART_WORDS).index))
            shown = [p for p in parts if p != "participant"] or list(parts)  # who chairs also takes part
            what = (kind if not label or label in kind else label if label.endswith(kind) else f"{kind} {label}") \
                + f" ({'、'.join(PART_WORDS[p] for p in shown)})"
            evidence = sources.evidence(value_of(r, "article"), (summary.person.name,), sentence=value_of(r, "ev"))
            date = date_of(r.get("date")) or (evidence.date if evidence else None)
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
    found = find_agencies(store, label)
    out = []
    for iri, name in found:
        obs, who = observations(store, agencies=[iri])
        sources = Sources(store, {o.article for o in obs if o.article})
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
                if holders[e.post] and single_holder(e.role or ""):
                    e.note += f", after {who[holders[e.post][-1]].name}"
            elif not holders[e.post]:
                e.change = "first seen"
            else:
                e.change = "new holder"
                if single_holder(e.role or ""):  # one holder at a time: say whom they follow
                    e.note = f"{who[holders[e.post][-1]].name} → {e.person.name}"
            holders[e.post].append(pid)
            held[pid].append(spell)
        tenures = [Tenure(who[pid], s) for (pid, _), s in spells.items()]
        tenures.sort(key=lambda t: (-rank(t.spell.role)[1], rank(t.spell.role)[0], t.spell.first is None,
                                    t.spell.first or dt.date.min, t.person.name))
        out.append(AgencyHistory(iri, name, tenures, entries))
    return out
