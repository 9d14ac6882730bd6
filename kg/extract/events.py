"""Events: meetings, inspection visits, press conferences, ceremonies, elections.

An article is read sentence by sentence, from its first line (a headline-less
item's lead sentence included), keeping the last date it stated:

* a sentence that names an event (kg/data/event_triggers.txt) with a date of
  its own makes an event of that class on that date: "5月8日,市委书记张立文到
  当阳市、远安县…进行调研" is an inspection visit on 2024-05-08;
* a sentence without a date of its own inherits the item's last stated date
  ("当日上午,…召开协调会", "在会后召开的发布会上,…"), and makes a new event
  only when it tells of one taking place ("在…发布会上", "出席…仪式"); otherwise
  it is more about the event before it;
* the same event told twice (same kind, date and name, or the same visitor on
  the same day) is one event; a session and the press conference after it are
  two; an election told inside a session's report is part of the session;
* the sentences after an event, up to the next event or the next dated
  happening, tell of it: the people who speak, chair, attend or accompany
  there are its participants (chair and speakers also as gk:chair and
  gk:speaker), the divisions and sites a visit goes to are its places and
  sites, in order;
* a date after publication that the text puts ahead ("将于29日开工") stays in
  the future and marks the event gk:planned; an old date keeps its year.

The people are the Official and Person mentions found before (officials.py);
the organizer is the agency that 召开/举行 the event ("市政协召开…",
"由市政府主办"), or the one opening a "…会议召开" sentence.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from kg.extract.dates import (DATE_EXPR, RELATIVE_EXPR, is_future, resolve_date, resolve_relative)
from kg.extract.event_words import (ACCOMPANY, ACTS, AT_CURRENT, BODY_KINDS, CHAIR, DATELINE, DIVISION_KINDS,
                                    FUTURE_IN_CLAUSE, GUIDANCE, HELD_AFTER, HOLD_VERBS, INSTRUCTED, JOINS_SESSION,
                                    NAME_AFTER, NOT_EVENT_AFTER, NOT_EVENT_DATE_AFTER, NOT_EVENT_DATE_BEFORE,
                                    NOUN_EVENT, NUM, PERSON_KINDS, RELAYED, REPORTED, SESSION, SITE_KINDS, SPEAK,
                                    TAKES_PLACE_AFTER, TAKES_PLACE_BEFORE, VERB_CLASSES, clause_bounds,
                                    distinct_words, family, find_triggers, same_kind, triggers)
from kg.extract.event_output import UNDATED_BASE, DraftEvent, EventWriter
from kg.ingest.split import is_furniture, is_meta_line
from kg.model import Article, Mention
from kg.pipeline import Context

__all__ = ["EventFinder", "find_events", "find_triggers", "triggers"]

DEICTIC = ("今天", "今日", "昨天", "昨日", "前天")
NEW_ITEM = re.compile(r"^(?:本报讯|本台讯|[^,，。]{0,12}(?:社|网|报)[^,，。]{0,8}\d{1,2}月\d{1,2}日电)")


def _in(m: Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end


DAY_ONLY = re.compile(r"^(\d{1,2})[日号]")
# a chronicle (大事记) states the month in a heading line ("5月", "(2024年5月)", "3/2007") and the day in a
# line of its own ("5日", "6-7日") or at the start of an item ("7日 区委书记…"); "△" starts the day's next item
MONTH_HEAD = re.compile(r"^[(（]?\s*(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:份)?\s*[)）]?$|^(?P<m2>\d{1,2})/(?P<y2>\d{4})$")
DAY_HEAD = re.compile(r"^(?P<d>\d{1,2})(?:[-—–~～至]\d{1,2})?日$")
ITEM_MARK = re.compile(r"^\s*[△▲■□◇◆●○★☆]")
# a visiting group as the subject of a visit ("X市党政考察团一行来我旗考察"): the people are named after it
GROUP_VISITS = re.compile(r"(?:考察团|代表团|调研组|督查组|督导组|检查组|工作组|访问团|客人)(?:一行)?[^,，。;；]{0,12}$")
# "市政协组织委员开展集中视察活动": a visit a body organizes (not a bureau's campaign of 检查)
ORGANIZED_VISIT = re.compile(r"(?:组织|开展)[^,，。;；]{0,24}$")
# "X带领…到某镇开展…活动。当天,市领导一行先后察看了…": the group named by its leader in the sentence before
LED_GROUP = re.compile(r"(?:领导|调研组|检查组|督导组|督查组|工作组)?一行(?:人)?[^,，。;；]{0,6}$")
LEADS = re.compile(r"带领|带队|率领|率队|率")


class EventFinder(EventWriter):
    """Finds the events of one article."""

    def __init__(self, article: Article, context: Context) -> None:
        self.art = article
        self.ctx = context
        self.events: list[DraftEvent] = []
        self.dateline: dt.date | None = None
        self.range_end: dict[dt.date, dt.date] = {}
        self._sorted: list[Mention] = []
        self._starts: list[int] | None = None
        self._keys: set[str] | None = None
        self.month: dt.date | None = None  # a chronicle's month heading

    def _within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside ``[start, end)``, in text order (a sorted index: linear in long articles)."""
        if self._starts is None:
            self._sorted = sorted(self.art.mentions, key=lambda m: (m.start, m.end))
            self._starts = [m.start for m in self._sorted]
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self._sorted) and self._sorted[i].start < end:
            if self._sorted[i].end <= end:
                out.append(self._sorted[i])
            i += 1
        return out

    # -- reading ---------------------------------------------------------------------------------------------

    def find(self) -> None:
        art = self.art
        if art.kind != "news" or not art.sentences:
            return
        last_date: dt.date | None = None
        dated_item: dt.date | None = None  # a chronicle's day heading, for the item that follows it
        current: DraftEvent | None = None
        first_told = next((i for i, s in enumerate(art.sentences) if art.text[s.start:s.end].rstrip().endswith(
            ("。", "!", "！", "?", "？"))), len(art.sentences))
        heads = {art.headline.strip(), *(h.strip() for h in art.alt_headlines)} - {""}
        for idx, s in enumerate(art.sentences):
            text = art.text[s.start:s.end]
            if idx < first_told and (text.strip() in heads or is_furniture(text.strip()) or is_meta_line(text.strip())
                                     or text.lstrip().startswith("原标题")):
                continue  # the page's date header, the headline and kicker: the body tells the happening
            if idx and NEW_ITEM.match(text):  # "本报讯 …" inside an article: another item begins
                current, last_date, self.dateline = None, None, None
            month = self._month_heading(text.strip())
            if month is not None:
                self.month, current, last_date, dated_item = month, None, None, None
                continue
            day = DAY_HEAD.match(text.strip()) if self.month else None
            if day:  # "5日" on a line of its own: the date of the items below it
                current = None
                last_date = self._day_of_month(int(day.group("d")))
                dated_item = last_date
                continue
            dates = self._dates(text, last_date)
            if self.month and ITEM_MARK.match(text):
                current = None  # "△ …": the day's next item
                dated_item = last_date
            if self.month and not dates and dated_item is not None:
                dates = [(0, 0, dated_item, False, False)]  # the first sentence of an item under a day heading
            dated_item = None
            if last_date is None and self.dateline is not None:
                last_date = self.dateline  # undated lines of a wire story tell of its day
            trig = self._trigger(s.start, s.end, dates)
            lead = DATELINE.match(text)
            opens = (bool(dates) and dates[0][0] - (lead.end() if lead else 0) < 8  # "8日下午,…" opens it
                     and re.match(r"(?:\d{1,2}(?:时|点|:\d{2})(?:\d{1,2}分|许)?)?[,， ]", text[dates[0][1]:]) is not None)
            if opens and current is not None and self._goes_on(current, dates[0][2], s.start, s.end):
                opens = False  # "当天下午,王建林又来到…", "9日,…" of a visit told as "8日至9日": the same one
            if trig is not None:
                ev = self._place_event(idx, s.start, s.end, trig, dates, last_date, current)
                if ev is not None:
                    current = ev
                elif opens:  # another dated happening begins
                    current = None
            elif opens:
                current = None  # "8日下午,某公司经理来到…": a new happening the text does not name
            if current is not None and idx not in current.sentences:
                current.sentences.append(idx)
            stated = [d for d in dates if not d[3]]
            if stated:
                last_date = stated[-1][2]  # "5月22日至23日…,并于23日上午…": the day told last
        self._emit()

    def _month_heading(self, line: str) -> dt.date | None:
        """The month of a chronicle's heading line ("5月", "(2024年5月)", "3/2007"); without a year, the
        latest such month up to publication."""
        m = MONTH_HEAD.match(line)
        if m is None:
            return None
        month = int(m.group("m") or m.group("m2"))
        year = m.group("y") or m.group("y2")
        if not 1 <= month <= 12 or (year is None and self.art.date is None):
            return None
        if year is None:
            pub = self.art.date
            return dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1)
        return dt.date(int(year), month, 1)

    def _day_of_month(self, day: int) -> dt.date | None:
        try:
            return self.month.replace(day=day) if self.month else None
        except ValueError:
            return None

    def _goes_on(self, ev: DraftEvent, date: dt.date, s_start: int, s_end: int) -> bool:
        """Whether a sentence opening with ``date`` goes on telling of ``ev``: a day it covers, someone of it acting."""
        if not ev.date <= date <= (ev.until or ev.date):
            return False
        return any(m.key in ev.people for m in self._people(s_start, s_end))

    def _dates(self, text: str, last: dt.date | None) -> list[tuple[int, int, dt.date, bool, bool]]:
        """(start, end, date, future, relative) of the event dates in a sentence."""
        out = []
        for m in DATE_EXPR.finditer(text):
            before, after = text[:m.start()], text[m.end():]
            if after.startswith(("电", "讯")) and m.start() < 20:  # "新华社北京5月8日电", "本报7月15日讯": filed
                self.dateline = resolve_date(m.group(0), self.art.date)[0]
            if re.search(r"(?:至|到|—|-|~|～)$", before) and out and not out[-1][4]:
                end = resolve_date(m.group(0), self.art.date, future=out[-1][3])[0]
                if end and end > out[-1][2]:
                    self.range_end[out[-1][2]] = end  # "5月8日至9日": the happening runs to the 9th
            if NOT_EVENT_DATE_BEFORE.search(before) or NOT_EVENT_DATE_AFTER.match(after):
                continue
            future = is_future(before)
            if not future and self.art.date:  # "5月25日,我市还将举办…": ahead when the clause says so
                ahead, _ = resolve_date(m.group(0), self.art.date, future=True)
                clause = re.split(r"[,，;；。]", after.lstrip(",， "), maxsplit=1)[0]
                future = bool(ahead and ahead > self.art.date and FUTURE_IN_CLAUSE.search(clause))
            # "本报7月15日讯 今天,…": today is the day the item was filed, not the day it was printed
            base = self.dateline if self.dateline and m.group(0).startswith(DEICTIC) else self.art.date
            d, _ = resolve_date(m.group(0), base or UNDATED_BASE, future=future)
            anchor = out[-1][2] if out else last or self.month
            day = DAY_ONLY.match(m.group(0))
            if d is not None and day and anchor is not None:
                # "5月22日至23日…,并于23日上午…": a day alone is of the month told just before
                try:
                    d = anchor.replace(day=int(day.group(1)))
                except ValueError:
                    pass
            if d is None:
                continue
            if self.art.date and d > self.art.date:
                future = True
            out.append((m.start(), m.end(), d, future, False))
        for m in RELATIVE_EXPR.finditer(text):
            d, _ = resolve_relative(m.group(0), last or self.dateline)  # "本报7月15日讯 今天,…": the 15th
            if d is not None:
                out.append((m.start(), m.end(), d, bool(self.art.date and d > self.art.date), True))
        return sorted(out)

    def _trigger(self, s_start: int, s_end: int, dates: list) -> tuple[int, str, str] | None:
        """The event word a sentence is about: the first after its date, preferring the noun of a
        noun phrase ("招商引资工作会议" is a meeting, "调研座谈会" too)."""
        art = self.art
        text = art.text[s_start:s_end]
        taken = [(m.start - s_start, m.end - s_start) for m in self._within(s_start, s_end)
                 if m.kind in BODY_KINDS + PERSON_KINDS + ("Journalist",)]
        # a body's own meeting word counts when its session follows ("市人大常委会|第二十次会议")
        found = [t for t in find_triggers(text)
                 if not any(a <= t[0] < b and not (t[0] + len(t[1]) == b and re.match(rf"第?{NUM}次", text[b:]))
                            for a, b in taken)
                 and not NOT_EVENT_AFTER.match(text[t[0] + len(t[1]):])
                 and not (INSTRUCTED.search(text[:t[0]]) and not text[:t[0]].endswith(("督促", "督导")))  # 督促检查
                 and not text[:t[0]].endswith(("纪律", "纪检"))]  # 纪律检查委员会 is a body
        if not found:
            return None
        first_date = dates[0][1] if dates else 0
        after = [t for t in found if t[0] >= first_date] or found
        best = after[0]
        rest = after[1:]
        if rest and re.match(r"(?:召开|举行|举办)", text[best[0] + len(best[1]):]) \
                and not re.search(r"[,，;；]", text[best[0]:rest[0][0]]):
            best, rest = rest[0], rest[1:]  # "市委常委会召开会议": the body, then what it held
        for t in rest:
            between = text[best[0] + len(best[1]):t[0]]
            if len(between) > 10 or re.search(r"[,，。;；、并和及后与]|召开|举行|主持|参加|出席", between):
                break
            if t[1] in ("会议", "全体会议") and family(best[2]) == "Meeting" and re.fullmatch(rf"第?{NUM}次", between):
                best = (best[0], text[best[0]:t[0] + len(t[1])], best[2])  # "常委会第二十次会议": one name
                continue
            if not between and NOUN_EVENT.search(t[1]) and NOUN_EVENT.search(best[1]) and t[2] != best[2]:
                best = t  # "…十二届五次会议新闻发布会": the last noun of the phrase is what was held
                continue
            if NOUN_EVENT.search(t[1]) and not NOUN_EVENT.search(best[1]):
                if t[2] in ("Meeting", "Ceremony") and family(best[2]) == t[2]:
                    # "竣工投用仪式": the specific kind, named to the noun's end
                    best = (best[0], text[best[0]:t[0] + len(t[1])], best[2])
                else:
                    best = t
        return best

    # -- events ----------------------------------------------------------------------------------------------

    def _place_event(self, idx: int, s_start: int, s_end: int, trig: tuple[int, str, str], dates: list,
                     last_date: dt.date | None, current: DraftEvent | None) -> DraftEvent | None:
        art, text = self.art, self.art.text
        at, word, cls = s_start + trig[0], trig[1], trig[2]
        sentence = text[s_start:s_end]
        before = [d for d in dates if d[1] <= trig[0]]
        # "…第九次全体会议,于12月27日在六安举行": the date in the clause that says it was held
        same_clause_after = [d for d in dates if d[0] > trig[0] and (
            not re.search(r"[,，;；]", sentence[trig[0]:d[0]])
            or (sentence[d[0] - 1:d[0]] == "于" and not re.search(r"[,，;；]", sentence[trig[0]:d[0]][:-2])
                and re.match(r"[^,，。;；]{0,20}(?:举行|召开|开幕|闭幕)", sentence[d[1]:])))]
        own = before[-1:] or same_clause_after[:1]
        if own:
            start, end, date, future, _ = own[0]
            part = resolve_date(sentence[start:end], art.date)[1] if not own[0][4] else None
        else:
            if last_date is None:
                return None
            date, future, part = last_date, bool(art.date and last_date > art.date), None
        rel = at - s_start
        if own and REPORTED.search(sentence[:rel]):
            if current is not None:  # "X说,昨天结束的大会…": a day someone speaks of is no new event
                self._add_people(current, idx, s_start, s_end)
            return current
        if word in ("开幕式", "闭幕式") and current is not None and current.date == date:
            self._add_people(current, idx, s_start, s_end)  # "出席开幕式": the opening of the event just told
            return current
        if family(cls) == "Meeting" and re.search(r"调研|考察|视察", text[max(s_start, at - 4):at + len(word)]):
            visit = next((e for e in reversed(self.events) if e.cls == "InspectionVisit" and e.date == date), None)
            if visit is not None:  # "调研座谈会": the visit's own meeting
                self._add_people(visit, idx, s_start, s_end)
                return visit
        if cls in JOINS_SESSION:
            session = next((e for e in reversed(self.events) if family(e.cls) == "Meeting" and e.date == date), None)
            if session is not None:
                self._add_people(session, idx, s_start, s_end)
                return session
        after_date = own[0][1] + s_start if own and own[0][1] + s_start <= at else None
        name = self._name(s_start, s_end, at, word, after_date)
        organizer = self._organizer(s_start, s_end, at, word, after_date or s_start)
        people = self._people(s_start, s_end)
        people_here: list[Mention] = []
        lead = text[clause_bounds(text, s_start, s_end, at)[0]:at]
        group = GROUP_VISITS.search(lead) is not None or (word in ("视察", "考察", "调研")
                                                          and ORGANIZED_VISIT.search(lead) is not None)
        led = self._led_group(idx, lead) if cls == "InspectionVisit" and not people else []
        if led:
            people = led
        if cls in VERB_CLASSES and not group and not any(m.start < at or ACCOMPANY.match(text[m.end:s_end])
                                                         for m in people):
            if current is not None and current.cls == cls:
                self._add_people(current, idx, s_start, s_end)
            return current if own == [] else None
        if not own and current is not None and current.cls == "PressConference" and cls != current.cls:
            self._add_people(current, idx, s_start, s_end)
            return current  # a briefing speaking of other events ("昨天结束的大会…") is still the briefing
        same = self._same_event(cls, word, date, name, organizer, people, bool(own))
        if same is not None:
            self._add_people(same, idx, s_start, s_end)
            same.name = same.name or name
            same.organizer = same.organizer or organizer
            if idx not in same.sentences:
                same.sentences.append(idx)
            return same
        if not own:
            # no date of its own: a new event only when the sentence tells of it taking place
            rel = at - s_start
            if current is not None and AT_CURRENT.search(sentence[:rel]):
                self._add_people(current, idx, s_start, s_end)
                return current  # "推介会上,市长见证签约": part of the event being told
            held = HELD_AFTER.match(sentence[rel + len(word):]) is not None
            if not (TAKES_PLACE_BEFORE.search(sentence[:rel]) or TAKES_PLACE_AFTER.match(sentence[rel + len(word):])
                    or held):
                if current is not None:
                    self._add_people(current, idx, s_start, s_end)
                return current
            a, b = clause_bounds(text, s_start, s_end, at)
            # "X在…仪式上的讲话": X took part, even where the sentence only relays X's words
            people_here = [m for m in self._within(a, b) if m.kind in PERSON_KINDS]
            if text[a:at].lstrip().startswith(("在", "于")):
                people_here = people  # "在会后召开的发布会上,A、B介绍了…": the whole sentence
            placed = any(m.kind in DIVISION_KINDS | SITE_KINDS for m in self._within(a, at))
            next_cue = re.match(r"(?:会后|随后|之后|其后|当天|当日|当晚|次日)", sentence)  # "会后,…在…与记者见面"
            if not people_here and not held and not ((placed or next_cue) and re.search(r"在[^,，。;；]*$", text[a:at])):
                return current  # no one there, and nowhere: not told as taking place
        a, b = clause_bounds(text, s_start, s_end, at)
        if cls == "Meeting" and SESSION.search(text[a:min(b, at + len(word) + 12)]):
            cls = "CongressSession"
        ev = DraftEvent(cls, word, date, part, at, planned=future, name=name, organizer=organizer,
                    until=self.range_end.get(date) if own else None)
        self.events.append(ev)
        ev.sentences.append(idx)
        if not own:
            for m in people_here:
                self._add_person(ev, m, s_start, s_end)
        else:
            self._add_people(ev, idx, s_start, s_end)
        for m in led:
            ev.people.setdefault(m.key, set())
        return ev

    def _led_group(self, idx: int, lead: str) -> list[Mention]:
        """The people of "…一行" when the sentence before names who led the group there ("X带领…到某镇…")."""
        if not idx or not LED_GROUP.search(lead):
            return []
        prev = self.art.sentences[idx - 1]
        text = self.art.text
        people = self._people(prev.start, prev.end)
        leads = LEADS.search(text, prev.start, prev.end)
        if leads is None:
            return []
        return [m for m in people if m.end <= leads.start()]

    def _same_event(self, cls: str, word: str, date: dt.date, name: str | None, organizer: str | None,
                    people: list[Mention], dated: bool) -> DraftEvent | None:
        for ev in reversed(self.events):
            if not same_kind(ev.cls, cls) or (dated and ev.date != date):
                continue  # undated, "会议表彰了…" is the meeting told before, whatever was dated since
            if not dated:
                return ev  # "会上", "签约仪式上": the one already told
            if ev.cls == "InspectionVisit":
                if not people or {m.key for m in people} & set(ev.people):
                    return ev  # the same visitor on the same day: one visit
                continue
            if name and ev.name and name != ev.name:
                continue  # two sessions of a day, each with its name
            if distinct_words(name or word, ev.identity):
                continue  # "协调会" and "紧急会议": two meetings
            if organizer and ev.organizer and organizer != ev.organizer:
                continue  # two bodies' meetings
            return ev
        return None

    # -- participants, places, organizer, name ---------------------------------------------------------------

    def _people(self, s_start: int, s_end: int) -> list[Mention]:
        text = self.art.text
        out = []
        for m in self._within(s_start, s_end):
            if m.kind not in PERSON_KINDS:
                continue
            a, b = clause_bounds(text, s_start, s_end, m.start)
            if RELAYED.search(text[a:m.start]) and "精神" in text[m.end:b]:
                continue  # "传达学习X在…上的讲话精神"
            if GUIDANCE.match(text[m.end:b]):
                continue  # "以X同志为核心的党中央", "…总书记作出的重要指示": invoked, not present
            out.append(m)
        return out

    def _add_person(self, ev: DraftEvent, m: Mention, s_start: int, s_end: int) -> None:
        roles = ev.people.setdefault(m.key, set())
        tail = self.art.text[m.end:s_end]
        if CHAIR.match(tail):
            roles.add("chair")
        if SPEAK.match(tail):
            roles.add("speaker")

    def _add_people(self, ev: DraftEvent, idx: int, s_start: int, s_end: int) -> None:
        for m in self._people(s_start, s_end):
            self._add_person(ev, m, s_start, s_end)

    def _continuation(self, ev: DraftEvent, idx: int) -> None:
        """People, places and sites of the sentences that tell more of an event."""
        art = self.art
        s = art.sentences[idx]
        text = art.text[s.start:s.end]
        if ACTS.search(text):
            self._add_people(ev, idx, s.start, s.end)

    def _organizer(self, s_start: int, s_end: int, trig_at: int, word: str, after_date: int) -> str | None:
        text = self.art.text
        agencies = [m for m in self._within(s_start, s_end) if m.kind == "Agency"]
        for m in sorted(agencies, key=lambda m: m.end - m.start, reverse=True):
            # "X召开…", "X在…举行…", "X5月15日举行…", "X与Y联合举办…": the body, then the verb
            between = text[m.end:trig_at]
            if m.end <= trig_at and re.match(r"^(?:在|于)?[^,，。;；]{0,14}?(?:召开|举行|举办|主办|组织|承办)", between):
                return m.key
            # "由X主办", "X主办的…"
            if re.match(r"^[^,，。;；]{0,3}(?:主办|举办|承办)", text[m.end:s_end]) and text[m.start - 1:m.start] == "由":
                return m.key
        for m in agencies:  # "召开市委常委会", "市政府第36次常务会议": the body whose meeting it is
            if NOUN_EVENT.search(word) and m.end <= trig_at and re.fullmatch(rf"(?:第?{NUM}[届次]|扩大|专题|党组)*", text[m.end:trig_at]):
                return m.key
        tail = text[trig_at + len(word):trig_at + len(word) + 3]
        held = any(v in text[max(s_start, trig_at - 10):trig_at] for v in HOLD_VERBS)
        if tail.startswith(HOLD_VERBS) or tail.startswith(("在", "于")) or held:
            opening = [m for m in agencies if after_date <= m.start <= after_date + 2]
            if opening:
                return max(opening, key=lambda m: m.end - m.start).key
        return None

    def _name(self, s_start: int, s_end: int, trig_at: int, word: str, after_date: int | None) -> str | None:
        """The event's own name: what was 召开/举行, up to the clause end ("…新闻发布会乡村振兴专场")."""
        text = self.art.text
        a, _ = clause_bounds(text, s_start, s_end, trig_at)
        start = max(a, after_date or a)
        clause = text[start:trig_at]
        hold = max((clause.rfind(v) + len(v) for v in HOLD_VERBS + NAME_AFTER if v in clause), default=-1)
        if hold > 0:
            start += hold
        else:
            start += len(clause) - len(clause.lstrip(",，、 "))
            if any(m.kind in PERSON_KINDS for m in self._within(start, trig_at)) or "了" in text[start:trig_at]:
                return None  # "…局长孙建国领学了全会": a clause about someone, not a name
        end = trig_at + len(word)
        while end < s_end and text[end] not in ",，。;；、":
            end += 1
        tail = text[trig_at + len(word):end]
        series = re.match(rf"[^在于上中的时后]{{0,12}}?(?:专场|分场|场次|{NUM}场)(?:第{NUM}场)?", tail)
        end = trig_at + len(word) + (series.end() if series else 0)  # "新闻发布会乡村振兴专场第二场"
        head = text[start:trig_at]
        if "的" in head:
            start += head.rfind("的") + 1  # "昨天结束的大会": a clause about it, not its name
        name = re.sub(r"^(?:了|从|一次|一场|这次|此次|本次)", "", text[start:end].strip(",，、 "))
        for v in HOLD_VERBS:
            if name.endswith(v):
                name = name[: -len(v)]
        if not NOUN_EVENT.search(word) or len(name) <= len(word) or len(name) > 60:
            return None
        return name


def find_events(article: Article, context: Context) -> None:
    """Add dated events (InspectionVisit, Meeting, PressConference …) with their participants."""
    EventFinder(article, context).find()
