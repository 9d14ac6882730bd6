"""Officials and the posts they hold.

Shapes recognised (agencies come from :mod:`kg.extract.agencies`, roles and
surnames from kg/data):

* title before name: ``[agency] role (、[agency] role)* NAME`` —
  "市委书记张立文", "市政协党组书记、主席刘明远出席";
* name, comma, title: "陈思远,市水利局党组书记、局长";
* attendance lists: "甲、乙、丙参加活动", "…等参加会议";
* later bare mentions of a name already anchored on the page.

A name is a family name and one or two characters, accepted when what
follows it is a boundary (punctuation, or a verb such as 介绍/表示/出席).

Identity: an official's key is ``Official/<scope>/<name>`` where the scope is
the region of the first post's agency (the home city for local bodies, 中国
for national ones), else the paper's home city.  So a 王建国 in a Liaocheng
attendance line is not the Premier, and one name within one city is one
person across the articles of a page.
"""
from __future__ import annotations

import re
from functools import cache
from dataclasses import dataclass

from kg.extract.agencies import AgencySpan
from kg.extract.lexicon import role_at, roles, surnames
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

NAME_END_WORDS = (
    "介绍", "表示", "出席", "主持", "讲话", "指出", "强调", "参加", "来到", "到", "在", "等", "一行", "同志",
    "说", "先后", "深入", "走进", "还", "首先", "对", "就", "带队", "率队", "率", "会见", "调研", "视察",
    "考察", "检查", "宣布", "致辞", "作", "代表", "与", "和", "及", "陪同", "参观", "听取", "要求", "希望",
    "提出", "分别", "一同", "为", "是", "亲切", "专程", "主讲", "发言", "通报", "解读", "回答", "答", "看望",
    "慰问", "任", "当选", "同", "向", "也", "则", "又", "随后", "现场", "实地",
)
LIST_END_WORDS = ("参加", "出席", "陪同", "等", "一同", "分别", "参会", "列席", "共同")
# "市领导甲、乙参加活动": the names after a collective title start a list like a clause does
LEADERS = ("市领导", "省领导", "县领导", "区领导", "镇领导", "市级领导", "省级领导", "领导同志", "有关领导")
CLAUSE_BOUNDARY = re.compile("[。,，;；!?！？\n“]|" + "|".join(LEADERS))
PUNCT_END = set(",，、。;；:：!?！？)）”’\n ")
NATIONAL_PREFIXES = ("全国", "国家", "中共中央", "国务院", "中央", "中国")
NAME_CHARS = re.compile(r"[\u4e00-\u9fff]+")
NEVER_GIVEN = set("的了在和与及等市省县区镇乡局委")
NOT_GIVEN = set("的了在是与及将把被从向对等各要我你他她其这那也都还就又并而或让使给到于为以由和市省县区镇乡局委")


@dataclass
class PostRef:
    """A role in an agency (agency key and label), as stated before or after a name."""

    agency_key: str | None
    agency_label: str | None
    role: str


def _ends_name(text: str, end: int, words: tuple[str, ...] = NAME_END_WORDS) -> bool:
    if end >= len(text) or text[end] in PUNCT_END or text[end].isdigit():
        return True  # punctuation, or a date: "国务院总理X4月12日主持…"
    return text.startswith(words, end)


def name_at(text: str, pos: int, words: tuple[str, ...] = NAME_END_WORDS) -> int | None:
    """End of a personal name starting at ``pos`` (family name + one or two characters), or None."""
    sn = surnames()
    sur = 2 if text[pos:pos + 2] in sn else 1 if text[pos:pos + 1] in sn else 0
    if not sur:
        return None
    # first with the characters that rarely end a name excluded, then only the function words
    for stops in (NOT_GIVEN, NEVER_GIVEN):
        for given in (2, 1):
            end = pos + sur + given
            cand = text[pos + sur:end]
            if len(cand) < given or not NAME_CHARS.fullmatch(cand) or stops & set(cand):
                continue
            if _ends_name(text, end, words):
                return end
    return None


@cache
def _role_starts() -> re.Pattern[str]:
    """Matches where any role title starts (the first character of one)."""
    firsts = sorted({r[0] for r in roles()})
    return re.compile("[" + "".join(re.escape(c) for c in firsts) + "]")


def _department_at(text: str, pos: int) -> int | None:
    """End of a department name (stem + suffix, no region) starting at ``pos``."""
    from kg.extract.agencies import department_end

    return department_end(text, pos)


def region_of_agency(label: str, home: str) -> str:
    """The region an agency belongs to, from its canonical name: 中国 for national bodies,
    the division its name starts with (宁波市政府 -> 宁波市), else the paper's home region."""
    from kg.extract.places import division_prefix

    if label.startswith(NATIONAL_PREFIXES) or label.endswith(("部", "署", "国务院")):
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


class OfficialFinder:
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

    # -- titles -----------------------------------------------------------
    def title_chain(self, pos: int) -> tuple[int, list[PostRef]]:
        """Parse ``[agency] role (、[agency] role)*`` from ``pos``; returns its end and the posts."""
        text, posts = self.text, []
        agency: AgencySpan | None = None
        end = pos
        while True:
            p = end
            a = self.agency_at.get(p)
            if a is not None:
                agency, p = a, a.end
            elif agency is not None and p > pos and not role_at(text, p):
                # "市委常委、宣传部部长": a department of the body named just before
                dept = _department_at(text, p)
                if dept and role_at(text, dept):
                    label = agency.label + text[p:dept]
                    parent = agency.key
                    agency = AgencySpan(p, dept, label, f"Agency/{label}", parent)
                    self.art.nodes.append(Node(agency.key, "Agency", label, p))
                    self.art.relations.append(Relation(agency.key, "parentOrganization", parent, p))
                    p = dept
            r = role_at(text, p)
            if not r:
                break
            place = self.division_ending.get(p) if a is None else None
            while r:
                posts.append(self._post(agency, r, place.label if place else None))
                p += len(r)
                r = role_at(text, p)
            end = p
            if p < len(text) and text[p] in "、,，" and (self.agency_at.get(p + 1) or role_at(text, p + 1)
                                                         or self._department_then_role(agency, p + 1)):
                end = p + 1
                continue
            break
        if end > pos and text[end - 1] in "、,，":
            end -= 1
        return end, posts

    def _department_then_role(self, agency: AgencySpan | None, p: int) -> bool:
        if agency is None:
            return False
        dept = _department_at(self.text, p)
        return bool(dept and role_at(self.text, dept))

    def _post(self, agency: AgencySpan | None, role: str, place: str | None = None) -> PostRef:
        body = roles()[role].body
        if body:
            if place and body[0] in "省市县区州镇乡" and place.endswith(body[0]):
                label = place + body[1:]
            else:
                label = self._implied_agency(body)
            return PostRef(f"Agency/{label}", label, role)
        if agency is None:
            return PostRef(None, None, role)
        return PostRef(agency.key, agency.label, role)

    def _implied_agency(self, body: str) -> str:
        region = self.ctx.region
        if body[0] == "市" and region.city:
            return region.city + body[1:]
        if body[0] == "省" and region.province:
            return region.province + body[1:]
        return body

    # -- shapes -------------------------------------------------------------
    def _candidates(self) -> list[int]:
        """Offsets where a shape may start: agencies, roles, clause starts (nothing happens elsewhere)."""
        text = self.text
        starts = set(self.agency_at) | {0}
        starts.update(m.start() for m in _role_starts().finditer(text))
        starts.update(m.end() for m in CLAUSE_BOUNDARY.finditer(text))
        return sorted(p for p in starts if p < len(text))

    def find(self) -> None:
        text = self.text
        i = 0
        for cand in self._candidates():
            if cand < i:
                continue
            i = cand
            if i in self.agency_at or role_at(text, i):
                end, posts = self.title_chain(i)
                if posts:
                    n_end = name_at(text, end)
                    company = any((p.agency_key or "").startswith("Company/") for p in posts)
                    if n_end and not company and all(roles()[p.role].kind == "official" for p in posts):
                        self._add(end, n_end, posts)
                        i = n_end
                        continue
                    if n_end and (company or all(roles()[p.role].kind == "other" for p in posts)):
                        name = text[end:n_end]
                        if name not in self.journalists:
                            self.persons.setdefault(name, (end, n_end, [p for p in posts if p.agency_key]))
                        i = n_end
                        continue
                    i = max(end, i + 1)
                    continue
            if i == 0 or text[i - 1] in "。,，;；!?！？\n“" or text.endswith(LEADERS, 0, i):
                i = self._name_first(i)
                continue
            i += 1
        self._bare_mentions()

    def _name_first(self, i: int) -> int:
        """At a clause start: "NAME,title" or an attendance list "甲、乙、丙参加…"."""
        text = self.text
        n_end = name_at(text, i)
        if n_end and text[n_end:n_end + 1] in (",", "，"):
            end, posts = self.title_chain(n_end + 1)
            if posts and (end >= len(text) or text[end] in "。,，;；\n") and \
                    all(roles()[p.role].kind == "official" for p in posts):
                self._add(i, n_end, posts)
                return end
        members: list[tuple[int, int]] = []
        p = i
        while True:
            e = self._list_item(p)
            if e is None:
                break
            members.append((p, e))
            if text[e:e + 1] == "、":
                p = e + 1
                continue
            break
        if members and (len(members) > 1 or text.startswith(LIST_END_WORDS, members[-1][1])) \
                and text.startswith(LIST_END_WORDS, members[-1][1]):
            for s, e in members:
                self._add(s, e, [])
                self.listed.add(text[s:e])
            return members[-1][1]
        return i + 1

    def _list_item(self, p: int) -> int | None:
        text = self.text
        for length in (3, 2, 4):
            e = p + length
            if e > len(text) or not NAME_CHARS.fullmatch(text[p:e]):
                continue
            if text[e:e + 1] == "、" or text.startswith(LIST_END_WORDS, e):
                if name_at(text[p:e] + "。", 0) == length:
                    return e
        return None

    def _add(self, start: int, end: int, posts: list[PostRef]) -> None:
        name = self.text[start:end]
        if name in self.journalists:
            return
        self.names.setdefault(name, [])
        self.names[name].extend(p for p in posts if p.agency_key)
        self.spans.append((start, end, name))

    def _bare_mentions(self) -> None:
        known = set(self.names) | set(self.ctx.cache.get("officials", {}))
        taken = {(s, e) for s, e, _ in self.spans}
        for name in sorted(known - self.journalists, key=len, reverse=True):
            for m in re.finditer(re.escape(name), self.text):
                s, e = m.span()
                if (s, e) in taken or any(a <= s < b for a, b, _ in self.spans):
                    continue
                if _ends_name(self.text, e) or self.text[e:e + 2] in ("书记", "市长", "主任", "局长"):
                    self.spans.append((s, e, name))
                    taken.add((s, e))

    # -- output ---------------------------------------------------------------
    def scope(self, name: str) -> str:
        cache = self.ctx.cache.setdefault("officials", {})
        posts = self.names.get(name) or []
        region = self.ctx.region
        home = region.city or region.province or "中国"
        if posts:
            regions = [region_of_agency(p.agency_label or "", home) for p in posts]
            # the most local of the home regions the posts are in, else the first post's region
            scope = next((r for r in (region.city, region.province) if r and r in regions), regions[0])
            cache.setdefault(name, scope)
            return cache[name]
        if name in self.listed:
            # someone in the attendance line of a local event is local, even when a
            # national leader of the same name was named elsewhere on the page
            cache.setdefault(name, home)
            return home
        return cache.setdefault(name, home)

    def emit(self) -> None:
        art = self.art
        for name, (s, e, posts) in self.persons.items():
            if name in self.names:
                continue
            key = f"Person/{name}@{posts[0].agency_label if posts else art.id}"
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
