"""Events: inspection visits, meetings, press conferences, ceremonies.

A dated sentence that names an event (kg/data/event_triggers.txt) makes an
event of that class: "5月8日,市委书记张立文到当阳市、远安县…进行调研" is an
inspection visit on 2024-05-08 by 张立文 in 当阳市 and 远安县.  For the
article's lead event, the attendance lines ("…参加活动", "…出席会议") add
participants and the sites named in the article are the sites visited, in
order.  The organizer is the agency that 召开/举行 the event, or the one that
opens the sentence of a "…会议召开" lead.  Each dated sentence gives its own
event, so two press conferences on one day stay two events.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kg.extract.dates import DATE_EXPR, resolve_date
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

HOLD_VERBS = ("召开", "举行", "举办", "主办", "组织", "开展")
ATTEND = re.compile(r"(参加|出席|陪同|列席|主持|致辞|讲话|宣布|见证|介绍|发布|会见|签约|通报|汇报|发言)")
DIVISION_KINDS = {"Place", "AdministrativeDivision", "Country", "Province", "Prefecture", "County", "Township",
                  "Village"}
SITE_KINDS = {"Site", "DevelopmentZone"}
LEAD_WINDOW = 40


@cache
def triggers() -> tuple[tuple[str, str], ...]:
    """(word, class) pairs, longest word first."""
    text = resources.files("kg").joinpath("data", "event_triggers.txt").read_text(encoding="utf-8")
    pairs = [tuple(line.split("\t")[:2]) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def first_trigger(text: str) -> tuple[int, str, str] | None:
    """(offset, word, class) of the first event word in ``text``."""
    for i in range(len(text)):
        for word, cls in triggers():
            if text.startswith(word, i):
                return i, word, cls
    return None


def _in(m: Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end


class EventFinder:
    """Finds the dated events of one article."""

    def __init__(self, article: Article, context: Context) -> None:
        self.art = article
        self.ctx = context
        self.count = 0

    def find(self) -> None:
        art = self.art
        if art.kind != "news" or not art.sentences:
            return
        lead_done = False
        body_start = len(art.headline) + sum(len(a) + 1 for a in art.alt_headlines)
        for idx, s in enumerate(art.sentences):
            if s.start < body_start:
                continue
            text = art.text[s.start:s.end]
            m = DATE_EXPR.search(text[:LEAD_WINDOW])
            if not m:
                continue
            trig = first_trigger(text[m.end():])
            if not trig:
                continue
            date, part = resolve_date(m.group(0), art.date)
            if date is None:
                continue
            offset = s.start + m.end() + trig[0]
            self._event(idx, s.start, s.end, s.start + m.end(), offset, trig[1], trig[2], date, part,
                        lead=not lead_done)
            lead_done = True

    def _event(self, idx: int, s_start: int, s_end: int, after_date: int, trig_at: int, word: str, cls: str,
               date, part: str | None, lead: bool) -> None:
        art = self.art
        officials = [m for m in art.mentions if m.kind == "Official" and _in(m, s_start, s_end)]
        if cls == "InspectionVisit" and not any(m.start < trig_at for m in officials):
            return
        participants = list(dict.fromkeys(m.key for m in officials))
        if lead:
            for s in art.sentences:
                st = art.text[s.start:s.end]
                if ATTEND.search(st) and not DATE_EXPR.search(st[:LEAD_WINDOW]):
                    participants += [m.key for m in art.mentions if m.kind == "Official" and _in(m, s.start, s.end)]
            participants = list(dict.fromkeys(participants))
        organizer = self._organizer(s_start, s_end, after_date, trig_at, word)
        if not participants and not organizer:
            return
        self.count += 1
        key = f"Event/{art.id}/e{self.count}"
        name = self._name(after_date, trig_at, word, s_end)
        label = name or f"{date.isoformat()} {word}"
        art.nodes.append(Node(key, cls, label, trig_at, attrs={"date": date}))
        if part:
            art.relations.append(Relation(key, "partOfDay", part, trig_at, obj_is_key=False))
        if name:
            art.relations.append(Relation(key, "name", name, trig_at, obj_is_key=False))
        for p in participants:
            art.relations.append(Relation(key, "participant", p, trig_at))
        if organizer:
            art.relations.append(Relation(key, "organizer", organizer, trig_at))
        bodies = [m for m in art.mentions if m.kind in ("Agency", "Company") and _in(m, s_start, s_end)]
        places = [m for m in art.mentions if m.kind in DIVISION_KINDS and _in(m, s_start, s_end)
                  and not any(b.start <= m.start and m.end <= b.end for b in bodies)]
        for p in dict.fromkeys(m.key for m in places):
            art.relations.append(Relation(key, "place", p, trig_at))
        if lead and cls == "InspectionVisit":
            sites = sorted((m for m in art.mentions if m.kind in SITE_KINDS), key=lambda m: m.start)
            order = list(dict.fromkeys((m.key, m.label) for m in sites))
            for site_key, _ in order:
                art.relations.append(Relation(key, "site", site_key, trig_at))
            if order:
                art.relations.append(Relation(key, "siteOrder", " → ".join(lbl for _, lbl in order), trig_at,
                                              obj_is_key=False))

    def _organizer(self, s_start: int, s_end: int, after_date: int, trig_at: int, word: str) -> str | None:
        art, text = self.art, self.art.text
        agencies = [m for m in art.mentions if m.kind == "Agency" and _in(m, s_start, s_end)]
        for m in sorted(agencies, key=lambda m: m.end - m.start, reverse=True):
            # "X召开…", "X在…举行…", "X5月15日举行…": the body, then (a date or a place) and the verb
            between = text[m.end:trig_at]
            if m.end <= trig_at and re.match(r"^(?:在|于)?[^,，。;；]{0,14}?(?:召开|举行|举办|主办|组织)", between):
                return m.key
        tail = text[trig_at + len(word):trig_at + len(word) + 3]
        if tail.startswith(HOLD_VERBS) or tail.startswith(("在", "于")):
            opening = [m for m in agencies if after_date <= m.start <= after_date + 2]
            if opening:
                return max(opening, key=lambda m: m.end - m.start).key
        return None

    def _name(self, after_date: int, trig_at: int, word: str, s_end: int) -> str | None:
        """The event's own name: what was 召开/举行, up to the clause end ("…新闻发布会乡村振兴专场")."""
        text = self.art.text
        start = after_date
        clause = text[start:trig_at]
        hold = max((clause.rfind(v) + len(v) for v in HOLD_VERBS if v in clause), default=-1)
        if hold > 0:
            start += hold
        else:
            start += len(clause) - len(clause.lstrip(",，、 "))
        end = trig_at + len(word)
        while end < s_end and text[end] not in ",，。;；":
            end += 1
        name = text[start:end].strip(",，、 ")
        for v in HOLD_VERBS:
            if name.endswith(v):
                name = name[: -len(v)]
        if "会" not in word or len(name) <= len(word) or len(name) > 60:
            return None
        return name


def find_events(article: Article, context: Context) -> None:
    """Add dated events (InspectionVisit, Meeting, PressConference …) with their participants."""
    EventFinder(article, context).find()
