"""Chains of titles, read for :class:`kg.extract.officials.OfficialFinder`: ``[body] role (、[body] role)*``.

A chain gives the posts of the name after it ("市委常委、副市长、经开区党工委书记X": three posts). A link's body
is the agency the grammar found there, a department of the body before it (市委常委、宣传部部长), a body the
grammar does not know (青禾党委), a school, hospital or bank (…大学校长), or a firm after a state post; a title
with a body of its own (副县长) implies the division's government.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.agency_names import canonical_label, home_division, level_division, level_word_region
from kg.extract.agency_spans import AgencySpan, department_end, institution_ending_at
from kg.extract.lexicon import agency_grammar, role_at, roles, tokens, word_tag
from kg.extract.name_grammar import NAME_CHARS
from kg.extract.posts import PostRef
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

LEVEL_CHARS = "省市县区州镇乡盟旗"
BODY_END_CHARS = set("局委办厅部处科所站队院社署")  # last characters of bodies' names
LEVEL_WORDS = tuple(LEVEL_CHARS) + ("自治区", "自治州", "自治县")
PARTY_BODY_ENDS = ("党工委", "党委", "工委")
SESSION_OFFICER = "大会"  # roles of a session's own officers (roles.txt): 大会秘书长
SIBLING_BODIES = ("管委会", "管理委员会", "人民政府", "政府", "办事处")
# a committee's discipline and supervisory commissions, read from a title after the committee
COMMISSION_ROLES = {"纪委书记": ("纪委", "书记"), "纪委副书记": ("纪委", "副书记"), "监委主任": ("监委", "主任"),
                    "监委副主任": ("监委", "副主任")}
# words that end a body's name, for bodies the agency grammar does not know (青禾党委)
UNKNOWN_BODY_ENDS = ("党工委", "党委", "工委", "管委会", "委员会", "人民政府", "政府", "政协", "人大常委会")


def _short_head(text: str, p: int) -> bool:
    """A department's head written short at ``p`` ("宣传部|长", "公安局|长")."""
    return text[p:p + 1] == "长" and text[p - 1] in "部局厅处科" and not role_at(text, p)


def _department_at(text: str, pos: int) -> int | None:
    """End of a department name (stem + suffix, no region) starting at ``pos``."""
    end = department_end(text, pos)
    if end:
        return end
    # "宣传部长": the head's title shares the department's last character
    for x in range(pos + 2, min(len(text), pos + 9)):
        if text.startswith(("部长", "局长", "厅长"), x):
            end = department_end(text[:x + 1], pos)
            return end if end == x + 1 else None
        if not NAME_CHARS.match(text[x]):
            break
    return None


def _division_standing_for(label: str, ends: tuple[str, ...]) -> str | None:
    """The division a body named ``division + end`` stands for, the division a level word ("市委" -> 市) or
    the full name of a known division ("襄阳市委" -> 襄阳市), for the first of ``ends`` the label ends in."""
    from kg.extract.places import division_prefix

    for end in ends:
        stem = label[:-len(end)]
        if label.endswith(end) and stem and (stem in LEVEL_WORDS or division_prefix(label) == stem):
            return stem
    return None


def _committee_division(label: str) -> str | None:
    """The division a party committee stands for ("襄阳市委" -> 襄阳市, "市委" -> 市, "自治区党委" -> 自治区,
    "阿勒泰地委" -> 阿勒泰地区), or None for any other body (a zone's 党工委, a 纪委)."""
    if label.endswith("地委"):  # a prefecture-level 地区's committee
        from kg.extract.places import division_prefix

        stem = label[:-2]
        return "地区" if not stem else stem + "地区" if division_prefix(stem + "地区委") == stem + "地区" else None
    return _division_standing_for(label, ("党委", "委"))


def _government_of(division: str) -> str:
    """The name of a division's government: a 地区's is its 行政公署, any other's its 人民政府."""
    return division + ("行政公署" if division.endswith("地区") else "人民政府")


def _division_of_body(label: str) -> str | None:
    """The division a people's congress, CPPCC or government stands for ("长子县人大常委会" -> 长子县, "县政协" ->
    县), or None."""
    return _division_standing_for(label, ("人大常委会", "人民代表大会常务委员会", "政协", "人民政府", "政府"))


def _government_word(word: str) -> bool:
    """A department that, after a party committee in a chain, is its division's government's: a 局, 厅 or
    委 other than the committee's own (政法委, 老干部局 …; kg/data/agency_grammar.txt [party-department])."""
    if word in agency_grammar()["party-department"] or word.endswith(PARTY_BODY_ENDS):
        return False
    return word.endswith(("局", "厅", "委", "委员会")) or word in ("人武部", "人民武装部")


def _titled_department(text: str, pos: int) -> int | None:
    """End of a department name at ``pos`` that its head's title follows ("宣传部|部长", "公安局|长"), or None."""
    dept = _department_at(text, pos)
    return dept if dept and (role_at(text, dept) or _short_head(text, dept)) else None


class TitleChainReader:
    """The title grammar of an official finder (a mixin: it uses the finder's ``text``, ``art``, ``ctx``,
    ``agency_at``, ``division_ending`` and ``cursor``)."""

    art: Article
    ctx: Context
    text: str
    agency_at: dict[int, AgencySpan]
    division_ending: dict
    cursor: int
    titled: list[tuple[int, PostRef]]

    def title_chain(self, pos: int, inherit: AgencySpan | None = None) -> tuple[int, list[PostRef]]:
        """Parse ``[agency] role (、[agency] role)*`` from ``pos``; returns its end and the posts.

        ``inherit`` is the body of the title just before ("厅长甲，副巡视员乙": 乙 is in 甲's body).
        """
        text, posts = self.text, []
        agency: AgencySpan | None = None
        committee: AgencySpan | None = None  # the last party committee of a division in the chain
        end = pos
        self.cursor = pos
        while True:
            if agency is not None and (_committee_division(agency.label) or _division_of_body(agency.label)):
                committee = agency
            p = end
            a = self.agency_at.get(p)
            if a is None and p > pos:
                a = self._unknown_body_at(p) or self._institution_span(p) or self._unknown_firm_at(p)
            if a is not None and committee is not None and p > pos:
                a = self._of_committee_before(a, committee)
            if a is not None:
                agency, p = a, a.end
            elif p == pos and inherit is not None and role_at(text, p) and not roles()[role_at(text, p)].body:
                agency = inherit
            elif p > pos and (end_word := self._government_then_role(agency, p)):
                # "旗委常委、人民政府副旗长": the government of the committee's division
                agency = self._division_body(_government_of(_committee_division(agency.label)), agency, p, end_word)
                p = end_word
            elif agency is not None and p > pos and not role_at(text, p):
                # "市委常委、宣传部部长": a department of the body named just before
                dept = _titled_department(text, p)
                if dept and committee is not None and agency is not committee and agency.parent == committee.key \
                        and agency.label.endswith("部") and text[p:dept].endswith("部"):
                    agency = committee  # "县委常委、宣传部长、统战部长": the committee's next department, no sub-unit
                division = _committee_division(agency.label) if dept else None
                if dept and division is None and text[p:dept].endswith(("局", "厅")):
                    # "县人大常委会副主任、教育局长X": the county's 教育局, not one of the congress's
                    division = _division_of_body(agency.label)
                if dept and division and _government_word(text[p:dept]):
                    # "市委常委、公安局局长": the city's 公安局, not a department of its party committee
                    agency = self._division_body(division + text[p:dept], agency, p, dept)
                    p = dept
                elif dept:
                    label = agency.label + text[p:dept]
                    parent = agency.key
                    party = next((w for w in PARTY_BODY_ENDS if agency.label.endswith(w)), None)
                    if party and text[p:dept] in SIBLING_BODIES:
                        # "开发区党工委书记、管委会主任": the zone's committee beside its party committee
                        label = canonical_label(agency.label[:-len(party)] + text[p:dept])
                        parent = None
                    agency = AgencySpan(p, dept, label, f"Agency/{label}", parent)
                    self.art.nodes.append(Node(agency.key, "Agency", label, p))
                    if parent:
                        self.art.relations.append(Relation(agency.key, "parentOrganization", parent, p))
                    p = dept
            elif agency is None and p > pos and not role_at(text, p):
                dept_span = self._government_department(p, posts)  # "副市长、公安局长X": the city's 公安局
                if dept_span is not None:
                    agency, p = dept_span, dept_span.end
            if p > pos and agency is not None and text[p:p + 1] in ("原", "前") and role_at(text, p + 1):
                p += 1  # "市交通运输局原党组书记、局长": the post the person held
            r = role_at(text, p)
            if agency is not None and p > pos and _short_head(text, p):
                # "宣传部长": the department's head, its last character read twice
                posts.append(self._post(agency, text[p - 1] + "长"))
                p += 1
            elif not r:
                break
            place = self.division_ending.get(p) if a is None else None
            while r:
                if not r.startswith(SESSION_OFFICER):  # "省政协副主席、大会秘书长X": the session's, no standing post
                    posts.append(self._post(agency, r, place.label if place else None))
                p += len(r)
                r = role_at(text, p)
            end = p
            if p < len(text) and text[p] in "、,，" and (self.agency_at.get(p + 1) or role_at(text, p + 1)
                                                         or self._department_then_role(agency, posts, p + 1)
                                                         or self._government_then_role(agency, p + 1)
                                                         or (text[p] == "、" and (self._unknown_body_at(p + 1)
                                                                                  or self._institution_span(p + 1)
                                                                                  or self._unknown_firm_at(p + 1)))):
                end = p + 1
                continue
            break
        if end > pos and text[end - 1] in "、,，":
            end -= 1
        return end, posts

    def _division_body(self, label: str, committee: AgencySpan, start: int, end: int) -> AgencySpan:
        """The body ``label`` of a committee's division, written at ``start:end`` without its region; scoped
        as the committee is when the division is not known ("市委" on a page of no known city)."""
        label = canonical_label(label)
        scope = committee.key.partition("@")[2]
        span = AgencySpan(start, end, label, f"Agency/{label}" + (f"@{scope}" if scope else ""))
        self.art.nodes.append(Node(span.key, "Agency", label, start))
        return span

    def _of_committee_before(self, found: AgencySpan, committee: AgencySpan) -> AgencySpan:
        """A department written without its region after a party committee in the chain, which the agency
        grammar left bare or gave the home region: the committee's own ("县委常委、组织部部长、统战部部长X":
        县委统战部), or its division's government's ("新疆维吾尔自治区党委常委、公安厅厅长X" on a Hubei page:
        Xinjiang's 公安厅, not Hubei's)."""
        from kg.extract.places import division_prefix

        surface = self.text[found.start:found.end]
        division = _committee_division(committee.label)
        party = division is not None
        division = division or _division_of_body(committee.label)
        bare = found.label in (surface, canonical_label(surface))
        if (division is None or surface[0] in LEVEL_CHARS or division_prefix(surface)
                or surface in agency_grammar()["ministry"]):
            return found
        if _government_word(surface) if party else surface.endswith(("局", "厅")):
            if found.label.startswith(division) or (division in LEVEL_WORDS and not bare):
                return found
            span = self._division_body(division + surface, committee, found.start, found.end)
        elif bare and ((party and (surface.endswith("部") or surface in agency_grammar()["party-department"]))
                       or (not party and not committee.label.endswith("政府") and surface.endswith("委员会"))):
            # "县委常委、组织部部长、统战部部长X": 县委统战部; "市人大常委会副主任、法制委员会主任X": its committee
            span = self._division_body(committee.label + surface, committee, found.start, found.end)
            self.art.relations.append(Relation(span.key, "parentOrganization", committee.key, found.start))
        else:
            return found
        for k, m in enumerate(self.art.mentions):
            if m.start == found.start and m.key == found.key:
                self.art.mentions[k] = replace(m, key=span.key, label=span.label)
        self.agency_at[found.start] = span
        return span

    def _sibling_before(self, i: int, last: tuple[int, AgencySpan | None]) -> AgencySpan | None:
        """A zone's committee written alone after the name of its party committee's secretary:
        "高新区党工委书记甲、管委会主任乙" (乙 heads the zone's 管委会), the title starting at ``i``."""
        end_at, body = last
        if body is None or not role_at(self.text, i):
            return None
        party = next((w for w in PARTY_BODY_ENDS if body.label.endswith(w)), None)
        word = next((w for w in SIBLING_BODIES if self.text.endswith(w, 0, i)), None)
        if party is None or word is None or end_at != i - len(word) - 1 or self.text[end_at] not in "、,，":
            return None
        label = canonical_label(body.label[:-len(party)] + word)
        span = AgencySpan(i - len(word), i, label, f"Agency/{label}")
        self.art.mentions.append(Mention(span.start, i, "Agency", span.key, label))
        return span

    def _unknown_body_at(self, p: int) -> AgencySpan | None:
        """A body the grammar does not know, inside a chain of titles: a short name ending in a
        body word right before a title ("省委常委、青禾党委书记、…": 青禾党委)."""
        text = self.text
        for x in range(p + 3, min(len(text), p + 10)):
            if not NAME_CHARS.fullmatch(text[x - 1]):
                return None
            if role_at(text, x):
                unit = text[p:x]
                end_word = next((w for w in UNKNOWN_BODY_ENDS if unit.endswith(w)), None)
                if end_word is None or len(unit) - len(end_word) < 2 or role_at(text, p):
                    return None
                stem = unit[:-len(end_word)]
                if set(stem) & set(LEVEL_CHARS) or any((word_tag(w) or "n")[:1] in "vpdcr" for w, _, _ in tokens(stem)):
                    return None  # 引导|政协, 成为市|政协: a verb or a known level before a body word
                label = canonical_label(unit)
                region = self.ctx.region
                key = f"Agency/{label}@{region.county or region.city or region.province or self.art.id}"
                span = AgencySpan(p, x, label, key)
                self.agency_at[p] = span
                self.art.mentions.append(Mention(p, x, "Agency", key, label))
                return span
        return None

    def _unknown_firm_at(self, p: int) -> AgencySpan | None:
        """A firm the grammar does not know, listed after a state post ("市人大常委、青禾证券董事长X"):
        two to eight name characters after "、", then a company title (董事长, 总经理)."""
        text = self.text
        if text[p - 1:p] != "、":
            return None
        for x in range(p + 2, min(len(text), p + 9)):
            if not NAME_CHARS.fullmatch(text[x - 1]) or role_at(text, x - 1):
                return None
            r = role_at(text, x)
            if r and roles()[r].kind == "other" and not any(role_at(text, k) for k in range(p, x)):
                name = text[p:x]
                if any((word_tag(w) or "n")[:1] in "vpdcru" for w, _, _ in tokens(name)):
                    return None
                span = AgencySpan(p, x, name, f"Organization/{name}")
                self.agency_at[p] = span
                self.art.mentions.append(Mention(p, x, "Organization", span.key, name))
                return span
        return None

    def _government_department(self, p: int, posts: list[PostRef]) -> AgencySpan | None:
        """A department written without its region after a title that implies a government ("副市长、公安局长X":
        the 公安局 of the city whose 副市长 the person is)."""
        government = self._implied_government(posts)
        dept = _titled_department(self.text, p) if government else None
        if government is None or dept is None:
            return None
        division, scope = government
        label = canonical_label(division + self.text[p:dept])
        span = AgencySpan(p, dept, label, f"Agency/{label}" + (f"@{scope}" if scope else ""))
        self.art.nodes.append(Node(span.key, "Agency", label, p))
        return span

    @staticmethod
    def _implied_government(posts: list[PostRef]) -> tuple[str, str] | None:
        """(division, identity scope) of the government the chain's last title implies (副市长: its city's)."""
        if not posts or not posts[-1].agency_label or not roles()[posts[-1].role].body:
            return None
        from kg.extract.places import division_prefix

        label = posts[-1].agency_label
        division = division_prefix(label) or _division_standing_for(label, ("人民政府", "政府"))
        return (division, (posts[-1].agency_key or "").partition("@")[2]) if division else None

    def _government_then_role(self, agency: AgencySpan | None, p: int) -> int | None:
        """End of "人民政府" (or "政府") at ``p`` when a title follows it and a party committee of a division is
        the body before ("旗委常委、人民政府副旗长": its government), else None."""
        text = self.text
        if agency is None or role_at(text, p) or _committee_division(agency.label) is None:
            return None
        word = next((w for w in ("人民政府", "政府", "行政公署", "行署") if text.startswith(w, p)), None)
        return p + len(word) if word and role_at(text, p + len(word)) else None

    def _department_then_role(self, agency: AgencySpan | None, posts: list[PostRef], p: int) -> bool:
        """A department and its head's title at ``p``, of the body before it or of the government a title
        before it implies: the chain goes on."""
        if agency is None and self._implied_government(posts) is None:
            return False
        return _titled_department(self.text, p) is not None

    def _post(self, agency: AgencySpan | None, role: str, place: str | None = None) -> PostRef:
        commission = COMMISSION_ROLES.get(role)
        if commission and agency is not None and agency.label.endswith(("区委", "市委", "县委", "州委", "省委", "旗委")):
            # "区委常委、纪委书记、监委主任X": the heads of the committee's discipline commission and of the
            # supervisory commission beside it (崇明区纪委书记, 崇明区监委主任)
            body, head = commission
            label = canonical_label(agency.label[:-1] + body)
            scope = agency.key.partition("@")[2]  # a body of no known region stays scoped as its committee is
            return PostRef(f"Agency/{label}" + (f"@{scope}" if scope else ""), label, head)
        if role in ("主席", "副主席", "常务副主席") and agency is not None and "党委" in agency.label \
                and "自治区" in agency.label:
            # "自治区党委常委、常务副主席X", "…政法委书记、副主席Y": a party committee has no 主席; the region's government
            from kg.extract.places import division_prefix

            region = division_prefix(agency.label) or "自治区"
            label = canonical_label(region + "人民政府")
            scope = agency.key.partition("@")[2] if region == "自治区" else ""
            return PostRef(f"Agency/{label}" + (f"@{scope}" if scope else ""), label, role)
        ref = self._post_of(agency, role, place)
        body = roles()[role].body
        if body and len(body) > 1 and role.startswith(body[1:]) and role[len(body) - 1:] in roles():
            return PostRef(ref.agency_key, ref.agency_label, role[len(body) - 1:])  # 人大主席: the 人大's 主席
        return ref

    def _post_of(self, agency: AgencySpan | None, role: str, place: str | None = None) -> PostRef:
        body = roles()[role].body
        if body and agency is not None and len(body) > 1 and agency.label.endswith(canonical_label(body)[1:]):
            return PostRef(agency.key, agency.label, role)  # "柳江县人民政府副县长": the body is written out
        if body and place is None and agency is not None:
            # "青州市委副书记、市长X": the mayor of the division the chain's body is named after
            from kg.extract.places import division_prefix

            place = division_prefix(agency.label)
        if body:
            if place and body[0] in LEVEL_CHARS and place.endswith(body[0]):
                label = canonical_label(place + body[1:])
                return PostRef(f"Agency/{label}", label, role)
            word = next((w for w in ("自治区", "自治州") if body.startswith(w)), None)
            if place and word and place.endswith(word):  # "新疆维吾尔自治区党委常委、自治区副主席": that region's
                label = canonical_label(place + body[len(word):])
                return PostRef(f"Agency/{label}", label, role)
            implied = self._implied_agency(body)
            return PostRef(implied.agency_key, implied.agency_label, role)
        if agency is None:
            if self.text[self.cursor - 1:self.cursor] in BODY_END_CHARS:
                return PostRef(None, None, role)  # "市大数据局局长": a body the grammar missed, not the one before
            return self._same_title_before(role) or PostRef(None, None, role)
        return PostRef(agency.key, agency.label, role)

    def _same_title_before(self, role: str) -> PostRef | None:
        """A title written without its body, after the same title (or its deputy's) was given with one in the
        same paragraph: "区人大常委会主任甲主持会议，副主任乙、丙出席" (乙 and 丙 are that committee's)."""
        base = role.removeprefix("常务").removeprefix("副")
        line_start = self.text.rfind("\n", 0, self.cursor) + 1
        for at, post in reversed(self.titled):
            if at < line_start:
                break
            if at < self.cursor and post.role.removeprefix("常务").removeprefix("副") == base:
                return PostRef(post.agency_key, post.agency_label, role)
        return None

    def _implied_agency(self, body: str) -> PostRef:
        """The body a bodied title implies ("副县长" -> 县政府): of the nearest division of that level
        named before (for a county's or a township's), else of the home region, else scoped to the article."""
        word = next((w for w in ("自治区", "自治州", "自治县") if body.startswith(w)), None)
        if word:  # 自治区主席 -> the home autonomous region's government
            full = level_word_region(word, self.ctx)
            label = canonical_label((full or word) + body[len(word):])
            return PostRef(f"Agency/{label}" + ("" if full else f"@{self.art.id}"), label, "")
        level = body[0]
        name = level_division(self.art, self.cursor, level, self.ctx)
        if name:
            label = canonical_label(name + body[1:])
            return PostRef(f"Agency/{label}", label, "")
        if level in LEVEL_CHARS:  # which county's government cannot be known: this article's
            label = canonical_label(body)
            return PostRef(f"Agency/{label}@{self.art.id}", label, "")
        return PostRef(f"Agency/{body}", body, "")

    def _institution_span(self, p: int) -> AgencySpan | None:
        """A school, hospital, bank or institute starting at ``p`` with a title after it, inside a
        chain of titles ("…委员、某某大学副校长X")."""
        for x in range(p + 3, min(len(self.text), p + 17)):
            if not NAME_CHARS.fullmatch(self.text[x - 1]):
                return None
            if role_at(self.text, x) and institution_ending_at(self.text, x) == p:
                posts = self._at_institution(x, [PostRef(None, None, role_at(self.text, x))])
                key, label = posts[0].agency_key, posts[0].agency_label
                return AgencySpan(p, x, label, key) if key else None
        return None

    def _at_institution(self, i: int, posts: list[PostRef]) -> list[PostRef]:
        """The posts of a title written right after a school, hospital, bank or institute."""
        start = institution_ending_at(self.text, i)
        body = next((m for m in self.art.mentions if m.kind == "Agency" and m.start == start and m.end < i - 1), None)
        if body is not None and body.label.endswith("银行"):
            # "中国人民银行云溪市中心支行行长": a branch of a state body (the central bank) is a body itself
            name = body.label + self.text[body.end:i]
            key = f"Agency/{name}"
            if not any(m.key == key for m in self.art.mentions):
                self.art.mentions.append(Mention(start, i, "Agency", key, name))
                self.art.relations.append(Relation(key, "parentOrganization", body.key, start))
            return [PostRef(key, name, p.role) for p in posts]
        if start is None or any(m.start <= start < m.end for m in self.art.mentions
                                if m.kind in ("Agency", "Company", "Official", "Person", "Journalist")):
            return posts  # a place may start an institution's name (云溪大学), a body may not
        name = self.text[start:i]
        home = home_division(self.ctx, name[0]) if name[0] in LEVEL_CHARS else None
        if home and not name.startswith(home):
            name = home + name[1:]  # 省人民医院 -> 湖南省人民医院
        key = f"Organization/{name}"
        if not any(m.key == key for m in self.art.mentions):
            self.art.mentions.append(Mention(start, i, "Organization", key, name))
        return [PostRef(key, name, p.role) for p in posts]
