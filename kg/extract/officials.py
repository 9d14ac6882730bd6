"""Officials and the posts they hold.

Shapes recognised (agencies come from :mod:`kg.extract.agencies`, roles and
surnames from kg/data):

* title before name: ``[agency] role (、[agency] role)* NAME`` —
  "市委书记张立文", "市政协党组书记、主席刘明远出席";
* name, comma, title: "陈思远,市水利局党组书记、局长";
* attendance lists: "甲、乙、丙参加活动", "…等参加会议";
* later bare mentions of a name already anchored on the page;
* chains of titles (:mod:`kg.extract.title_chains`), appointments, removals and résumés
  (:mod:`kg.extract.appointments`), and names only the person-name tagger finds (:mod:`kg.extract.tagged_people`),
  all read by :class:`OfficialFinder` through its mixins.

A name is a family name and one or two characters, accepted when what
follows it is a boundary (punctuation, or a verb such as 介绍/表示/出席): :mod:`kg.extract.name_grammar`.

Identity: an official's key is ``Official/<scope>/<name>`` where the scope is
the region of the first post's agency (the home city for local bodies, 中国
for national ones), else the paper's home city.  So a 王建国 in a Liaocheng
attendance line is not the Premier, and one name within one city is one
person across the articles of a page.
"""
from __future__ import annotations

import re

from kg.extract.agency_names import TERM
from kg.extract.agency_spans import AgencySpan
from kg.extract.appointments import AppointmentReader
from kg.extract.lexicon import role_at, roles, surnames, word_freq, word_tag
from kg.extract.name_grammar import (NAME_CHARS, NAME_END_WORDS, NEVER_GIVEN, NOT_GIVEN, PUNCT_END, RANKS,
                                     dictionary_word, dotted_name_at, ends_name, name_at)
from kg.extract.posts import LIST_END_WORDS, NOT_OFFICIALS, PostRef, official_post, role_starts, role_words
from kg.extract.tagged_people import TaggedNameReader
from kg.extract.title_chains import TitleChainReader
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

# "市领导甲、乙参加活动": the names after a collective title start a list like a clause does
LEADERS = ("市领导", "省领导", "县领导", "区领导", "镇领导", "乡领导", "州领导", "盟领导", "旗领导", "市级领导",
           "省级领导", "县级领导", "区级领导", "领导同志", "有关领导", "市委领导", "省委领导", "县委领导", "区委领导")
# "A当选省长，B、C当选副省长": the posts a list of names is elected or appointed to
COUNTED_PEOPLE = re.compile(r"等[\d一二三四五六七八九十百]+(?:人|名同志|名)")
ELECTED = ("当选为", "当选", "被任命为", "任命为", "被选举为", "被选为", "担任", "任")
VOTES = re.compile(r"(?:以|得)?(?:全票|[\d一二三四五六七八九十百]+票)(?:的高票|的全票|赞成)?(?:再次|继续|顺利)?")
# a name is not followed by its title when its last character is one of these (王副市长)
TITLE_PREFIX_CHARS = set("副总常代正原前")
CLAUSE_BOUNDARY = re.compile("[。,，;；!?！？\n“]|" + "|".join(LEADERS))
# a list of leaders introduced by a colon: "大会的执行主席是:甲、乙", "在主席台就座的市领导和老同志有:甲、乙"
LEADERS_COLON = re.compile(r"(?:领导|执行主席|主席团常务主席|主席团成员)[^。,，:：]{0,10}[:：]\s*$")
NATIONAL_PREFIXES = ("全国", "国家", "中共中央", "国务院", "中央", "中国")


# a list of names ending where its people attend: "甲、乙、丙在分会场参加", "甲、乙在主席台就座"
ATTEND_AT = re.compile(r"在[^,，。;；、]{1,12}?(?:参加|出席|列席|就座|收听收看|收看)")


def _after_leaders(text: str, i: int) -> bool:
    """A collective title ends right before ``i``: "县领导|甲、乙", "大会的执行主席是:|甲、乙"."""
    return text.endswith(LEADERS, 0, i) or (text[i - 1:i] in (":", "：") and i > 0
                                            and bool(LEADERS_COLON.search(text, max(0, i - 24), i)))


def _past_tongzhi(text: str, end: int) -> int:
    """Where a name ending at ``end`` is over, after the 同志 that may follow it ("甲同志当选为…")."""
    return end + 2 if text.startswith("同志", end) else end


def _elected_by_votes(text: str, pos: int) -> bool:
    """"以190票当选为…", "全票当选…" starts at ``pos``."""
    votes = VOTES.match(text, pos)
    return bool(votes and votes.end() > pos and text.startswith(ELECTED, votes.end()))


def region_of_agency(label: str, home: str) -> str:
    """The region an agency belongs to, from its canonical name: 中国 for national bodies,
    the division its name starts with (宁波市政府 -> 宁波市), else the paper's home region."""
    from kg.extract.places import division_prefix

    if label.startswith(NATIONAL_PREFIXES) or (label.endswith(("部", "署", "国务院"))
                                               and not label.endswith(("支部", "分部", "总支", "村委会"))):
        prefix = division_prefix(label)
        return prefix or "中国"
    return division_prefix(label) or home


def outermost(spans: list) -> list:
    """The spans not inside a longer one, in their order (a sweep by start: linear after sorting)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    keep: set[int] = set()
    reach = -1  # furthest end of the spans that start earlier
    i = 0
    while i < len(order):
        start, longest = spans[order[i]].start, spans[order[i]].end
        j = i
        while j < len(order) and spans[order[j]].start == start:
            end = spans[order[j]].end
            if reach < end and end == longest:  # no earlier span reaches it, none of its start is longer
                keep.add(order[j])
            j += 1
        reach = max(reach, longest)
        i = j
    return [s for k, s in enumerate(spans) if k in keep]


class OfficialFinder(TitleChainReader, AppointmentReader, TaggedNameReader):
    """Finds officials and posts in one article."""

    def __init__(self, article: Article, context: Context) -> None:
        self.art = article
        self.ctx = context
        self.text = article.text
        found = context.cache.get("agencies", {}).get(article.id, [])
        self.agency_at = {a.start: a for a in outermost(found)}
        for m in article.mentions:  # company executives: "X有限公司副总经理Y" (persons, not officials)
            if m.kind == "Company" and m.start not in self.agency_at:
                self.agency_at[m.start] = AgencySpan(m.start, m.end, m.label, m.key)
        self.persons: dict[str, tuple[int, int, list[PostRef]]] = {}
        self.journalists = set(article.authors) | set(article.photographers)
        self.names: dict[str, list[PostRef]] = {}
        self.listed: set[str] = set()  # names anchored only by an attendance list of this article
        self.spans: list[tuple[int, int, str]] = []
        # divisions by end offset: "宁波市副市长" puts the 副市长 in 宁波市's government
        self.division_ending = {m.end: m for m in article.mentions if m.attrs.get("adminLevel")}
        self.mention_starts = {m.start for m in article.mentions}  # places, bodies, companies found before
        self.cursor = 0  # where the title being parsed starts (for the division nearest before it)
        self.unnamed_titles: dict[int, list[PostRef]] = {}  # end of a title no name was read after -> its posts
        self.titled: list[tuple[int, PostRef]] = []  # where each post in a body was read, in text order
        self.last_elected: tuple[int, AgencySpan | None] = (-1, None)  # end and body of the last election told

    # -- shapes -------------------------------------------------------------
    def _candidates(self) -> list[int]:
        """Offsets where a shape may start: agencies, roles, clause starts (nothing happens elsewhere)."""
        text = self.text
        starts = set(self.agency_at) | {0}
        starts.update(m.start() for m in role_starts().finditer(text))
        starts.update(m.end() for m in CLAUSE_BOUNDARY.finditer(text))
        starts.update(m.end() for m in re.finditer("[:：]", text) if _after_leaders(text, m.end())
                      or self._elected_at(m.end()))
        return sorted(p for p in starts if p < len(text))

    def find(self) -> None:
        text = self.text
        i = 0
        last: tuple[int, AgencySpan | None] = (-1, None)  # end of the last titled name, and its body
        for cand in self._candidates():
            if cand < i:
                continue
            i = cand
            if i not in self.agency_at and (i == 0 or text[i - 1] in "。,，;；\n、") and not role_at(text, i):
                self._unknown_body_at(i)  # "…，青禾党委副书记、…": a chain that starts with one
            if i in self.agency_at or role_at(text, i):
                inherit = last[1] if last[0] == i - 1 and text[i - 1] in "、,，" else None
                if inherit is None and i not in self.agency_at:
                    inherit = self._sibling_before(i, last)
                end, posts = self.title_chain(i, inherit)
                if posts:
                    n_end = name_at(text, end) or self._name_like_a_word(end)
                    if n_end and not any(p.agency_key for p in posts):
                        posts = self._at_institution(i, posts)  # "南方理工大学校长X": a person with a post
                    company = any((p.agency_key or "").startswith(("Company/", "Organization/")) for p in posts)
                    state = [p for p in posts if official_post(p) and p.agency_key or roles()[p.role].body]
                    if n_end and ((not company and all(official_post(p) for p in posts)) or state):
                        # an official; with a state post beside a post in a university or a company
                        # ("全国人大常委会委员、某大学副校长X") still an official, holding both
                        self._add(end, n_end, posts)
                        n_end = self._sharing_title(n_end, posts)
                        rank = role_at(text, n_end)
                        if rank in RANKS:  # "司令员甲大校、政治委员乙大校": the rank after the name, then the list
                            n_end += len(rank)
                        i = n_end
                        last = (n_end, self._body_of(posts))
                        continue
                    if n_end and (company or all(roles()[p.role].kind == "other" or not official_post(p)
                                                 for p in posts)):
                        name = text[end:n_end]
                        if name not in self.journalists:
                            self.persons.setdefault(name, (end, n_end, [p for p in posts if p.agency_key]))
                        i = n_end
                        continue
                    if i not in self.agency_at and any(roles()[p.role].body for p in posts):
                        back = self._name_before(i)  # "落实王某某总书记…", "看望张某某市长"
                        if back is not None:
                            self._add(back, i, posts)
                    if not n_end and text[end:end + 1] in (":", "：") and all(official_post(p) for p in posts):
                        listed = self._names_after_colon(end + 1)  # "市委副书记:甲、乙,市委常委:丙、丁"
                        for s, e in listed:
                            self._add(s, e, posts)
                        if listed:
                            i = listed[-1][1]
                            continue
                    if not n_end:
                        self.unnamed_titles[end] = posts  # the tagger may find the name the grammar missed
                    i = max(end, i + 1)
                    continue
                a = self.agency_at.get(i)
                if a is not None and self._name_then_title(a.end, a):
                    i = self._name_then_title(a.end, a)
                    continue
            if i == 0 or text[i - 1] in "。,，;；!?！？\n“" or _after_leaders(text, i) or (
                    text[i - 1] in ":：" and self._elected_at(i)):
                j = self._name_then_title(i, None) if not text.endswith(LEADERS, 0, i) else None
                if j is None and text.startswith(("以及", "及"), i):  # "…，以及甲、乙等县领导出席"
                    lead = 2 if text.startswith("以及", i) else 1
                    after = self._name_first(i + lead)
                    j = after if after > i + lead + 1 else None
                i = j or self._name_first(i)
                continue
            i += 1
        self._appointments()
        self._statistical_names()
        self._names_without_family_name()
        self._bare_mentions()

    def _name_like_a_word(self, pos: int) -> int | None:
        """A name right after a title that the dictionary also knows as a proper noun (a brand's or
        a place's name: "副行长|苏某|否认"), when a verb or punctuation follows it and the page
        names no place there."""
        text = self.text
        if pos in self.mention_starts:
            return None
        for n in (3, 2):
            w = text[pos:pos + n]
            if len(w) == n and w[0] in surnames() and (word_tag(w) or "") in ("ns", "nz", "nt") \
                    and word_freq(w) < 1000 and ends_name(text, pos + n):
                return pos + n
        return None

    def _sharing_title(self, end: int, posts: list[PostRef]) -> int:
        """Names listed right after a titled one share its title: "副主任李明、赵强等陪同" (both
        are 副主任); the list must end like one (等, 参加, a verb, punctuation)."""
        text = self.text
        members: list[tuple[int, int]] = []
        p = end
        loose = False  # an item read only by its place in the list (a name that is also a word: 光明)
        while text[p:p + 1] == "、" and not (self.agency_at.get(p + 1) or role_at(text, p + 1)):
            e = name_at(text, p + 1, NAME_END_WORDS + ("、",), strict=True)
            if e is None:
                e = next((p + 1 + n for n in (3, 2) if NAME_CHARS.fullmatch(text[p + 1:p + 1 + n])
                          and text[p + 1 + n:p + 2 + n] == "、" and not role_at(text, p + 1 + n - 1)), None)
                loose = loose or e is not None
            if e is None or text[e:e + 1] not in ("、", "等") and not ends_name(text, e):
                break
            members.append((p + 1, e))
            p = e
        if not members or (text[p:p + 1] == "、" and not self._titled_item_at(p + 1)) \
                or (loose and not text.startswith(("等",) + LIST_END_WORDS, p)):
            return end
        for s, e in members:
            self._add(s, e, posts)
        return p

    def _titled_item_at(self, p: int) -> bool:
        """Whether the list item at ``p`` opens with a title of its own ("…、大会秘书长刘某"): the names
        before it end there."""
        text = self.text
        for k in range(p, min(len(text), p + 7)):
            if text[k] in "、,，。;；:：":
                return False
            r = role_at(text, k)
            if r and roles()[r].kind == "official":
                return True
        return False

    def _body_of(self, posts: list[PostRef]) -> AgencySpan | None:
        p = posts[-1]
        if not p.agency_key or roles()[p.role].body:
            return None
        return AgencySpan(-1, -1, p.agency_label or "", p.agency_key)

    def _name_then_body_title(self, pos: int) -> int | None:
        """"NAME body role" closing a line or clause, as in a caption or a list of names:
        "林某某云溪县建设局局长"; returns the end, or None."""
        text = self.text
        for n_end in (pos + 3, pos + 2):
            if n_end not in self.agency_at or name_at(text[pos:n_end] + "。", 0, strict=True) != n_end - pos:
                continue
            end, posts = self.title_chain(n_end)
            if posts and all(official_post(p) for p in posts) and (end >= len(text) or text[end] in PUNCT_END):
                self._add(pos, n_end, posts)
                return end
        return None

    def _name_then_title(self, pos: int, agency: AgencySpan | None) -> int | None:
        """"[agency] NAME role": "县发改局许明远局长介绍", "王某某总书记指出"; returns the end, or None."""
        text = self.text
        if agency is None:
            found = self._name_then_body_title(pos)
            if found:
                return found
        n_end = name_at(text, pos, role_words())
        if n_end and n_end - pos == 3 and text[n_end - 1] in TITLE_PREFIX_CHARS and role_at(text, n_end - 1):
            n_end -= 1  # "郑某|副区长": the title's 副 is no part of a two-character name
        if not n_end or n_end - pos < 2 or text[n_end - 1] in TITLE_PREFIX_CHARS:
            return None
        r = role_at(text, n_end)
        if not r or roles()[r].kind != "official":
            return None
        r_end = n_end + len(r)
        if not (ends_name(text, r_end) or text.startswith("同志", r_end)):
            return None
        if agency is None and not roles()[r].body and not self._named_before(text[pos:n_end]):
            # a bare "X主任表示" is taken only with a name of three characters or a dotted one
            if n_end - pos < 3:
                return None
        self._add(pos, n_end, [self._post(agency, r)])
        return r_end

    def _name_before(self, i: int) -> int | None:
        """Start of a three-character name ending right before a bodied title at ``i``."""
        text = self.text
        s = i - 3
        if s < 0 or any(a <= s < b for a, b, _ in self.spans) or text[i - 1] in NOT_GIVEN:
            return None  # "赵某某任|副省长": 任 is the verb, not the end of a name
        if name_at(text, s, role_words(), strict=True) == i and not dictionary_word(text[s + 1:i]):
            return s
        return None

    def _named_before(self, name: str) -> bool:
        return name in self.names

    def _name_first(self, i: int) -> int:
        """At a clause start: "NAME,title", an attendance list "甲、乙、丙参加…", the names after a
        collective title ("县领导甲、乙及…"), or names elected to a post ("甲、乙当选副省长")."""
        text = self.text
        n_end = name_at(text, i)
        if n_end and text[n_end:n_end + 1] in (",", "，"):
            end, posts = self.title_chain(n_end + 1)
            if posts and (end >= len(text) or text[end] in "。,，;；\n") and \
                    all(official_post(p) for p in posts):
                self._add(i, n_end, posts)
                return end
        after_leaders = _after_leaders(text, i)
        if after_leaders and text[i:i + 1] in "和及与":
            return i + 1  # "市领导|和老同志有:…": a conjunction, not a family name
        members: list[tuple[int, int]] = []
        p = i
        while True:
            e = self._list_item(p, loose=after_leaders)
            if e is None:
                break
            members.append((p, e))
            e = _past_tongzhi(text, e)
            if text[e:e + 1] == "、" or (len(members) > 1 and text[e:e + 1] in "和及" and self._list_item(e + 1)):
                p = e + 1  # "甲、乙和丙当选副县长": the last joined by 和
                continue
            break
        if not members:
            return i + 1
        tail = members[-1][1]
        tail = _past_tongzhi(text, tail)  # "甲同志当选为…"
        counted = COUNTED_PEOPLE.match(text, tail)  # "甲、乙等33人当选为委员"
        at = counted.end() if counted else tail
        votes = VOTES.match(text, at)  # "甲以190票当选为县长"
        at = votes.end() if votes else at
        elected = next((w for w in ELECTED if text.startswith(w, at)), None)
        if elected:
            self.cursor = at
            # "A当选为市人大常委会主任，B、C当选为副主任": the body of the election just told
            last_end, last_body = self.last_elected
            inherit = last_body if last_end >= 0 and not re.search("[。！？\n]", text[last_end:i]) else None
            term = TERM.match(text, at + len(elected))  # "当选十二届省政协副主席": the term, then the title
            end, posts = self.title_chain(term.end() if term else at + len(elected), inherit)
            if posts and all(official_post(p) for p in posts):
                for s, e in members:
                    self._add(s, e, posts)
                self.last_elected = (end, self._body_of(posts) or inherit)
                return end
            return tail  # "向新当选的同志…": elected to nothing named, no one named
        alone_with_deng = len(members) == 1 and text.startswith("等", tail) \
            and not text.startswith(("等人", "等同志", "等领导", "等陪同", "等参加", "等出席", "等一行"), tail)
        if not after_leaders and (text.startswith(NOT_OFFICIALS, tail + 1) or text.startswith(NOT_OFFICIALS, tail)):
            # "孙某、何某等专家参加": people, no officials (but "区领导甲、乙代表…接牌" are leaders)
            for s, e in members:
                self.persons.setdefault(text[s:e], (s, e, []))
            return tail
        ends_list = text.startswith(LIST_END_WORDS, tail) or ATTEND_AT.match(text, tail) is not None
        if after_leaders or (ends_list and not alone_with_deng):
            for s, e in members:
                self._add(s, e, [])
                self.listed.add(text[s:e])
            return tail
        return i + 1

    def _elected_at(self, p: int) -> bool:
        """A name at ``p``, then (after 同志) the word of an election: "选举结果:甲同志当选为…"."""
        e = name_at(self.text, p)
        return bool(e) and self.text.startswith(ELECTED, _past_tongzhi(self.text, e))

    def _names_after_colon(self, p: int) -> list[tuple[int, int]]:
        """The names a title before a colon is given to: "市委副书记:甲、乙,市委常委:丙、丁等11人". The list runs
        to the end of the clause (or 等); every item must be a name (names without a family name, as Tibetan
        ones, included) and no common word or title."""
        text = self.text
        stop = re.search(r"[,，。;；\n]|等", text[p:p + 120])
        end = p + (stop.start() if stop else min(120, len(text) - p))
        out: list[tuple[int, int]] = []
        for m in re.finditer(r"[^、]+", text[p:end]):
            s, e = p + m.start(), p + m.end()
            item = text[s:e]
            dotted = dotted_name_at(text, s) == e
            if not dotted and (not 2 <= len(item) <= 5 or not NAME_CHARS.fullmatch(item)
                               or any(role_at(text, k) for k in range(s, e)) or dictionary_word(item)):
                return []
            out.append((s, e))
        return out

    def _list_item(self, p: int, loose: bool = False) -> int | None:
        text = self.text
        for length in (2, 3):  # "甲、吕某|参加": the split that leaves the end word whole
            if text.startswith(LIST_END_WORDS, p + length) and NAME_CHARS.fullmatch(text[p:p + length]) \
                    and name_at(text[p:p + length] + "。", 0, strict=True) == length:
                return p + length
        for length in (3, 2, 4):
            e = p + length
            if e > len(text) or not NAME_CHARS.fullmatch(text[p:e]):
                continue
            after = _past_tongzhi(text, e)  # "甲同志当选为…", "甲同志、乙同志…"
            if text[after:after + 1] == "、" or text.startswith(LIST_END_WORDS + ELECTED, after) or \
                    (length > 1 and ATTEND_AT.match(text, after)) or \
                    (loose and ends_name(text, e, NAME_END_WORDS + ("及", "和"))) or \
                    (text[e:e + 1] in "和及" and p > 0 and text[p - 1] == "、") or _elected_by_votes(text, e):
                if name_at(text[p:e] + "。", 0, strict=True) == length:
                    return e
                if loose and self._listed_by_place(p, e):
                    return e
        dotted = dotted_name_at(text, p)
        if dotted and (text[dotted:dotted + 1] == "、" or text.startswith(LIST_END_WORDS + ELECTED, dotted)):
            return dotted
        # "胡 敏、王 煜、刘某某": a two-character name padded with a space to the width of the others
        if text[p + 1:p + 2] == " " and text[p:p + 1] in surnames() and NAME_CHARS.fullmatch(text[p + 2:p + 3]) and (
                text[p + 3:p + 4] == "、" or text.startswith(LIST_END_WORDS + ELECTED, p + 3)):
            return p + 3
        return None

    def _listed_by_place(self, p: int, e: int) -> bool:
        """A name whose family name is missing from the list (丑, 占: rare family names) read by its place in a
        list of leaders ("县领导甲、乙、丙参加"): two or three name characters between list marks, no word."""
        text = self.text
        name = text[p:e]
        return e - p in (2, 3) and (text[p - 1:p] == "、" or _after_leaders(text, p)) \
            and text[e:e + 1] in ("、", ",", "，", "等") and not set(name) & NEVER_GIVEN \
            and not dictionary_word(name) and not any(role_at(text, k) for k in range(p, e)) \
            and p not in self.agency_at

    def _add(self, start: int, end: int, posts: list[PostRef]) -> None:
        name = self.text[start:end].replace(" ", "")
        if name in self.journalists:
            return
        self.names.setdefault(name, [])
        self.names[name].extend(p for p in posts if p.agency_key)
        self.spans.append((start, end, name))
        self.titled.extend((start, p) for p in posts if p.agency_key)

    def _bare_mentions(self) -> None:
        known = set(self.names) | set(self.ctx.cache.get("officials", {}))
        taken = {(s, e) for s, e, _ in self.spans}
        for name in sorted(known - self.journalists, key=lambda n: (-len(n), n)):  # one order in every process
            for m in re.finditer(re.escape(name), self.text):
                s, e = m.span()
                if (s, e) in taken or any(a <= s < b for a, b, _ in self.spans):
                    continue
                if ends_name(self.text, e) or self.text[e:e + 2] in ("书记", "市长", "主任", "局长"):
                    self.spans.append((s, e, name))
                    taken.add((s, e))

    # -- output ---------------------------------------------------------------
    def scope(self, name: str) -> str:
        cache = self.ctx.cache.setdefault("officials", {})
        posts = self.names.get(name) or []
        region = self.ctx.region
        # without a home region a name is one person on its page only (never merged across pages)
        home = region.city or region.province or ("中国" if region.county else f"@{self.art.id.rsplit('/', 1)[0]}")
        if posts:
            regions = [region_of_agency(p.agency_label or "", home) for p in posts]
            # the most local of the home regions the posts are in, else the first post's region
            scope = next((r for r in (region.city, region.province) if r and r in regions), regions[0])
            cache.setdefault(name, scope)
            return cache[name]
        if name in self.listed:
            # someone in the attendance line of a local event is local, even when a
            # national or provincial leader of the same name was named elsewhere on the page;
            # one named with a local post there (the county's 副县长) is that official
            cached = cache.get(name)
            if cached and cached not in ("中国", region.province):
                return cached
            cache.setdefault(name, home)
            return home
        return cache.setdefault(name, home)

    def emit(self) -> None:
        art = self.art
        for name, (s, e, posts) in self.persons.items():
            if name in self.names:
                continue
            region = self.ctx.region
            scope = posts[0].agency_label if posts else (region.city or region.province or art.id)
            key = f"Person/{name}@{scope}"
            art.mentions.append(Mention(s, e, "Person", key, name))
            for p in posts:
                self._post_triples(key, name, p, s)
        keys = {name: f"Official/{self.scope(name)}/{name}" for name in self.names}
        for s, e, name in sorted(self.spans):
            key = keys.get(name) or f"Official/{self.scope(name)}/{name}"
            art.mentions.append(Mention(s, e, "Official", key, name))
        first = {name: min(s for s, _, n in self.spans if n == name) for name in self.names}
        for name, posts in self.names.items():
            seen = set()
            for p in posts:
                if (p.agency_key, p.role) not in seen:
                    seen.add((p.agency_key, p.role))
                    self._post_triples(keys[name], name, p, first[name])

    def _post_triples(self, person_key: str, name: str, p: PostRef, at: int) -> None:
        """The post node (one per role and body), ``holds``, and the dated post holding."""
        art = self.art
        post_key = f"Post/{p.agency_label}/{p.role}"
        art.nodes.append(Node(post_key, "Post", f"{p.agency_label}{p.role}", at))
        art.relations += [Relation(post_key, "role", p.role, at, obj_is_key=False),
                          Relation(post_key, "postIn", p.agency_key, at),
                          Relation(person_key, "holds", post_key, at)]
        if not any(m.key == p.agency_key for m in art.mentions):
            art.nodes.append(Node(p.agency_key, "Agency", p.agency_label or "", at))
        h_key = f"PostHolding/{person_key.partition('/')[2]}/{p.agency_label}/{p.role}/{art.date or ''}"
        art.nodes.append(Node(h_key, "PostHolding", f"{name} {p.agency_label}{p.role}", at))
        art.relations += [Relation(h_key, "member", person_key, at),
                          Relation(h_key, "post", post_key, at)]
        if art.date:
            art.relations.append(Relation(h_key, "observedOn", art.date, at, obj_is_key=False))


def find_officials(article: Article, context: Context) -> None:
    """Add Official mentions, Post and PostHolding nodes, and holds/postIn/role relations."""
    finder = OfficialFinder(article, context)
    finder.find()
    finder.emit()
