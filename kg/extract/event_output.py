"""The events an :class:`kg.extract.events.EventFinder` has read, written as nodes and relations.

Each event gets its participants (with gk:chair and gk:speaker), organizer, places and sites in order; one told
again by an earlier article of the page is the same node; a printed headline naming an event and its people
gives them to the article's first event of that kind; an undated page's events carry gk:dateUnknown.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.extract.event_words import BODY_KINDS, DIVISION_KINDS, LOCAL, SITE_KINDS, VERB_CLASSES, family, same_kind
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context


@dataclass
class DraftEvent:
    cls: str
    word: str
    date: dt.date
    part: str | None
    trig_at: int
    planned: bool
    name: str | None = None
    organizer: str | None = None
    until: dt.date | None = None  # the last day of a happening told as a range
    sentences: list[int] = field(default_factory=list)
    people: dict[str, set[str]] = field(default_factory=dict)  # key -> roles ("chair", "speaker")
    places: list[str] = field(default_factory=list)
    sites: list[tuple[str, str]] = field(default_factory=list)

    @property
    def identity(self) -> str:
        return self.name or self.word


# An undated page's dates are read against a stand-in year, so that its events are found, told apart and
# dated relative to each other as on a dated page; they are written without a date (gk:dateUnknown).
UNDATED_BASE = dt.date(1904, 7, 1)  # a leap year: 2月29日 is a day of it
UNDATED_END = dt.date(1906, 1, 1)  # stand-in dates fall before this (a date the text gives with its year may not)


class EventWriter:
    """Writes the finder's events (a mixin: it uses the finder's ``art``, ``ctx``, ``events``, ``_keys`` and its
    ``_continuation``, ``_add_person``, ``_trigger``, ``_people`` and ``_within``)."""

    art: Article
    ctx: Context
    events: list[DraftEvent]
    _keys: set[str] | None

    def _emit(self) -> None:
        art = self.art
        count = 0
        head = self._headline_hint()
        for ev in self.events:
            for idx in ev.sentences[1:]:
                self._continuation(ev, idx)
            if head and same_kind(head[0], ev.cls) and ev is next(
                    (e for e in self.events if same_kind(head[0], e.cls)), None):
                for m in head[1]:  # "市长周明远出席全市安全生产工作会议" over a body that names no one
                    self._add_person(ev, m, m.start, len(head[2]))
            if not ev.people:
                continue
            self._places(ev)
            at = ev.trig_at
            known = art.date is not None or ev.date >= UNDATED_END  # else a stand-in date (UNDATED_BASE)
            told = self._told_before(ev)
            if told is not None:  # the page told it already (a front-page summary, a second report): one node
                key, ev.cls, label = told
            else:
                count += 1
                key = f"Event/{art.id}/e{count}"
                label = ev.name or (f"{ev.date.isoformat()} {ev.word}" if known else ev.word)
                self.ctx.cache.setdefault("events", []).append((key, ev.cls, label, ev.date, set(ev.people), ev.name))
            art.nodes.append(Node(key, ev.cls, label, at, attrs={"date": ev.date} if known else {"dateUnknown": True}))
            if ev.part:
                art.relations.append(Relation(key, "partOfDay", ev.part, at, obj_is_key=False))
            if ev.name:
                art.relations.append(Relation(key, "name", ev.name, at, obj_is_key=False))
            if ev.planned:
                art.relations.append(Relation(key, "planned", True, at, obj_is_key=False))
            for p, roles in ev.people.items():
                art.relations.append(Relation(key, "participant", p, at))
                for role in sorted(roles):
                    art.relations.append(Relation(key, role, p, at))
            if ev.organizer:
                art.relations.append(Relation(key, "organizer", ev.organizer, at))
            for p in ev.places:
                art.relations.append(Relation(key, "place", p, at))
            for site_key, _ in ev.sites:
                art.relations.append(Relation(key, "site", site_key, at))
            if ev.sites:
                art.relations.append(Relation(key, "siteOrder", " → ".join(lbl for _, lbl in ev.sites), at,
                                              obj_is_key=False))
            if ev.cls == "InspectionVisit" and len(ev.places) > 1:
                names = {m.key: m.label for m in art.mentions if m.key in ev.places}
                art.relations.append(Relation(key, "placeOrder", " → ".join(names[p] for p in ev.places), at,
                                              obj_is_key=False))

    def _headline_hint(self) -> tuple[str, list[Mention], str] | None:
        """(kind, people, headline) when the printed headline names an event and who was there."""
        art = self.art
        if not art.headline or art.text.split("\n", 1)[0] != art.headline:
            return None
        trig = self._trigger(0, len(art.headline), [])
        people = self._people(0, len(art.headline))
        if trig is None or not people:
            return None
        if trig[2] in VERB_CLASSES and not any(m.start < trig[0] for m in people):
            return None
        return trig[2], people, art.headline

    def _told_before(self, ev: DraftEvent) -> tuple[str, str, str] | None:
        """(key, class, label) of the same happening in an earlier article of the page: the same kind and date, and
        the same name or a person in common."""
        for key, cls, label, date, people, name in self.ctx.cache.get("events", []):
            if key.startswith(f"Event/{self.art.id}/") or date != ev.date or family(cls) != family(ev.cls):
                continue
            if ev.name and name and ev.name != name:
                continue  # two sessions of one series on one day, each with its name
            if (ev.name and ev.name == name) or set(ev.people) & people:
                return key, cls, label
        return None

    def _home_place(self, ev: DraftEvent) -> list[str]:
        """The paper's home division, when the event's sentences speak of it as theirs ("我州", "全市") and the
        article names it; else nothing."""
        region, art = self.ctx.region, self.art
        code = region.county_code or region.city_code or region.province_code if region else None
        if not code or not any(LOCAL.search(art.sentence_text(i)) for i in ev.sentences):
            return []
        key = f"Place/{code}"
        if self._keys is None:
            self._keys = {m.key for m in art.mentions}
        return [key] if key in self._keys else []

    def _places(self, ev: DraftEvent) -> None:
        """Divisions of the event's own sentence; for a visit, also those it goes to after, and its sites."""
        art = self.art
        first = art.sentences[ev.sentences[0]]
        spans = [(first.start, first.end)]
        if ev.cls == "InspectionVisit":
            spans += [(art.sentences[i].start, art.sentences[i].end) for i in ev.sentences[1:]]
        places: list[str] = []
        sites: list[tuple[str, str]] = []
        for k, (a, b) in enumerate(spans):
            here = self._within(a, b)
            bodies = [m for m in here if m.kind in BODY_KINDS]
            for m in here:
                if any(x.start <= m.start and m.end <= x.end for x in bodies):
                    continue
                if m.kind in DIVISION_KINDS:
                    if k == 0 or re.search(r"(?:在|到|来到|赴|深入|前往|走进|先后)[^,，。]{0,4}$", art.text[a:m.start]):
                        places.append(m.key)
                elif m.kind in SITE_KINDS and ev.cls == "InspectionVisit":
                    sites.append((m.key, m.label))
        if not places and art.headline:
            head_end = len(art.headline) if art.text.startswith(art.headline) else 0
            head = self._within(0, head_end)
            places = [m.key for m in head if m.kind in DIVISION_KINDS
                      and not any(x.kind in BODY_KINDS and x.start <= m.start and m.end <= x.end for x in head)]
        if not places:
            places = self._home_place(ev)
        ev.places = list(dict.fromkeys(places))
        ev.sites = list(dict.fromkeys(sites))
