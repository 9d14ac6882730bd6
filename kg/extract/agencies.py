"""Agencies and companies, by the grammar of their names.

An agency name is ``[region prefix] unit (unit)*`` where a unit is a whole body
(委, 政府, 政协 …) or a stem followed by a department suffix (…局, …委员会,
…办, …中心); see kg/data/agency_grammar.txt.  The prefix is a level
character meaning the paper's own division (市委 in a Liaocheng paper is
宜昌市委), a place named in the text (当阳市公安局), or a national prefix
(全国…, 国家…).  Units chained in one name give the parent body
(市委组织部 is part of 市委).

Canonical names (``rdfs:label``) replace the level character by the home
region's name; the surface form is kept as ``skos:altLabel``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import (agency_grammar, countries, is_dictionary_word, role_at, surnames, title_ends_at, tokens,
                               word_freq, word_tag)
from kg.extract.name_grammar import NAME_END_WORDS
from kg.model import Article, Mention, Relation
from kg.pipeline import Context

CJK = re.compile(r"[\u4e00-\u9fff]+")
MAX_STEM = 10
STEM_FIRST_STOP = set("域和与及或")
WEAK_SUFFIXES = ("中心",)
MAX_EXT_STEM = 8
# characters that never sit inside an agency's stem (function words, pronouns)
STEM_STOP = set("的了在是与及将把被从向对等各要我你他她其这那也都还就又并而或让使给到于为以由任据")
# words after which a company's name starts (jieba tags some of them as nouns)
COMPANY_CUT = {"在", "到", "向", "与", "同", "会见", "会谈", "走访", "考察", "调研", "来到", "参观", "看望", "签约"}
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "合作社")
COMPANY_STOP = set("的了在是与及将把被从向对等各要我你他她其这那也都还就又并而或让使给到于以由、,，。“”")


@dataclass
class AgencySpan:
    """An agency found in an article: offsets, canonical label, entity key, parent key."""

    start: int
    end: int
    label: str
    key: str
    parent: str | None = None


FUNCTION_TOKENS = set("从在到与和及由向对经将把被为是的该我本驻各任赴至了据、,，。;；:：(（\"“”")
BAD_TAIL_TAGS = ("v", "a", "d", "m", "r", "p", "c", "u", "f")


def _unit_ok(unit: str) -> bool:
    """A stem + suffix is a department name, not a word that merely ends in 局/部/署 (部署, 全部), nor a
    department of a school or hospital (医院|急诊科)."""
    if any(w in unit for w in ("医院", "学校", "大学", "中学", "小学", "幼儿园", "卫生院")):
        return False  # a school or hospital is an organisation, its head a person (kg/data [institution])
    toks = tokens(unit)
    last = toks[-1][0]
    inside_not = agency_grammar()["inside-not"]
    if last in agency_grammar()["not"] or unit.endswith(agency_grammar()["not"]) \
            or any(w in inside_not for w, _, _ in toks):
        return False
    if len(last) == 1 or all(ch in _suffix_chars() for ch in last):
        return True
    return not (word_tag(last) or "n").startswith(BAD_TAIL_TAGS)


@cache
def _countries_by_first() -> dict[str, tuple[str, ...]]:
    """Country names (kg/data/countries.txt) by their first character, longest first."""
    out: dict[str, list[str]] = {}
    for name in sorted(countries(), key=lambda n: (-len(n), n)):
        out.setdefault(name[0], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _suffix_chars() -> frozenset[str]:
    return frozenset(s for s in agency_grammar()["suffix"] if len(s) == 1)


@cache
def _by_first(section: str) -> dict[str, tuple[str, ...]]:
    """Words of a grammar section by their first character, longest first."""
    out: dict[str, list[str]] = {}
    for w in agency_grammar()[section]:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _last_chars(section: str) -> frozenset[str]:
    return frozenset(w[-1] for w in agency_grammar()[section])


def _end_ok(text: str, end: int) -> bool:
    """The name may end here: the suffix does not run on into a longer word (部署, 办理, 科技)."""
    if end >= len(text):
        return True
    last = text[end - 1]
    if text.startswith(agency_grammar()["run-on"], end - 1):
        return False
    if role_at(text, end - 1) or role_at(text, end):
        return True
    after = text[end:end + 2]
    for n in (2, 3):
        word = last + text[end:end + n - 1]
        if len(word) == n and is_dictionary_word(word) and not (
                last in "局厅委办处" and word_freq(word) < 50 and len(after) == 2 and is_dictionary_word(after)
                and word_freq(after) > 10 * word_freq(word)):
            return False  # 部署, 办理; but 局|数据: the word after is far the likelier reading
    # a four-character word across the end: 市|政府采购, not a government
    word = text[end - 2:end + 2]
    return not (len(word) == 4 and is_dictionary_word(word) and (word_tag(word) or "")[:1] in ("v", "n"))


def _unit_at(text: str, pos: int, max_stem: int, bodies: bool, sub_unit: bool = False) -> int | None:
    """End of the unit (body, or stem + suffix) starting at ``pos``, or None."""
    if pos >= len(text):
        return None
    if bodies:
        for body in _by_first("body").get(text[pos], ()):
            if text.startswith(body, pos) and _end_ok(text, pos + len(body)):
                return pos + len(body)
    suffixes = _by_first("suffix")
    for n in range(0, max_stem + 1):
        at = pos + n
        # the stem grows one character at a time: each must be a CJK character that is no
        # function word, and no role may start inside it (checked as it grows)
        if n and (not CJK.match(text[at - 1]) or text[at - 1] in STEM_STOP):
            break
        if n == 1 and text[pos] in STEM_FIRST_STOP:  # a name never starts with a conjunction (县|和省…)
            break
        # a unit inside a name (市委|农办) never starts another body's name (联合|市公安局)
        if sub_unit and n and text[at - 1] in agency_grammar()["level"]:
            break
        if at >= len(text):
            break
        role = role_at(text, at)
        for suf in suffixes.get(text[at], ()):
            end = at + len(suf)
            # after a place, a one-character suffix (and 中心) needs a stem of two: 青州|科,
            # 宜都|分院, X镇|中心 are no bodies (inside a name 市委|农办 is one, and so is a short
            # form the dictionary knows: 市|农委)
            if not sub_unit and n < 2 and (len(suf) == 1 or suf in WEAK_SUFFIXES) \
                    and not (n == 1 and suf in "委办" and (word_tag(text[pos:at + 1]) or "").startswith(("n", "j"))):
                continue
            # a role inside the suffix does not stop it (城市管理|委员会, not 委员)
            if role and len(role) >= len(suf):
                continue
            if text.startswith(suf, at) and _end_ok(text, end) and _unit_ok(text[pos:end]):
                return end
        if role:
            break
    return None


def department_end(text: str, pos: int) -> int | None:
    """End of a department name without region (宣传部, 组织部, a ministry's 种植业管理司) starting at
    ``pos``, or None."""
    end = _unit_at(text, pos, MAX_EXT_STEM, bodies=False, sub_unit=True)
    if end is None:
        m = MINISTRY_DEPARTMENT.match(text, pos)
        end = m.end() if m and not set(m.group()) & DEPARTMENT_STOP else None
    return end


VILLAGE_COMMITTEES = ("村民委员会", "村委会")
DEPARTMENT_STOP = set("的了在是将把被从向对等各要我你他她其这那也都还又而或让使给到于为以由据")  # not 就 (就业促进司)
BANK_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:中心支行|分行|支行|营业管理部)")
# a ministry's department: a stem and 司, where its head's title or a break follows (发展规划司|司长)
MINISTRY_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,9}?司(?=副?司长|巡视员|一级|二级|负责人|[、，,。；;])")


def _chain(text: str, pos: int, bodies: bool = True) -> list[int]:
    """Ends of the units of a name starting at ``pos`` (empty when no unit starts there)."""
    ends: list[int] = []
    end = _unit_at(text, pos, MAX_STEM, bodies)
    while end is not None:
        ends.append(end)
        if role_at(text, end):
            break
        end = _unit_at(text, end, MAX_EXT_STEM, bodies=False, sub_unit=True)
    return ends


def _prefix_starts(article: Article) -> list[tuple[int, int, str]]:
    """(start, prefix end, kind) of every place a name may start: level char, place, national prefix."""
    text = article.text
    g = agency_grammar()
    out: list[tuple[int, int, str]] = []
    toks = tokens(text)
    for i, (w, s, e) in enumerate(toks):
        prev = toks[i - 1][0] if i else ""
        free = not prev or len(prev) > 1 or prev in FUNCTION_TOKENS or not CJK.fullmatch(prev)
        # the level character alone, or a word jieba reads whole: 市委, 市政府, 省公安厅
        whole = len(w) >= 3 and text[s] in g["level"] and (
            w[-1] in _suffix_chars() or any(w.endswith(suf) for suf in g["suffix"])) \
            and not title_ends_at(text, e, s + 2)  # 省委|常委 is a title
        if free and text[s] in g["level"] and (w == text[s] or whole or any(
                w[1:].startswith(b) for b in _by_first("body").get(w[1:2], ()))):
            out.append((s, s + 1, "level"))
        for nat in _by_first("national").get(text[s], ()):
            if text.startswith(nat, s):
                out.append((s, s + len(nat), "national"))
                break
        for word in _by_first("level-word").get(text[s], ()):
            # 自治区党委, 自治州人民政府, 经开区党工委: a level written as a word
            if free and text.startswith(word, s):
                out.append((s, s + len(word), "level"))
                break
    countries = _countries_by_first()
    for w, s, e in toks:  # 日本政府, 俄罗斯国防部: a foreign country's bodies
        name = next((c for c in countries.get(text[s], ()) if text.startswith(c, s)), None)
        if name:
            out.append((s, s + len(name), "country"))
    places = [m for m in article.mentions if m.attrs.get("adminLevel") in ("province", "prefecture", "county",
                                                                              "township")]
    for m in places:
        out.append((m.start, m.end, "place"))
    for m in article.mentions:  # 新华村党支部, 新华村村委会
        if m.attrs.get("adminLevel") == "village":
            out.append((m.start, m.end, "village"))
    # a level character that ends a place's name (宜昌|市|夷陵区委) starts nothing
    inside = {p for m in places for p in range(m.start + 1, m.end)}
    return sorted({o for o in out if not (o[2] == "level" and o[0] in inside)})


def _strong_starts(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Agencies with no prefix, named by a strong suffix after a stem of nouns (水利部, 城东派出所)."""
    g = agency_grammar()
    out = []
    toks = tokens(text)
    strong_last = _last_chars("strong")
    for i, (w, s, e) in enumerate(toks):
        if w[-1] not in strong_last:
            continue
        for suf in g["strong"]:
            if not w.endswith(suf) or any(a <= s < b for a, b in taken):
                continue
            if suf in g["whole-only"] and (w == suf or len(w) < 3 or not (word_tag(w) or "").startswith(("nt", "j"))):
                continue  # 委 and 办 end a body only in a word the dictionary knows whole (发改委, 街道办)
            end = e
            if not _end_ok(text, end):
                continue
            start = e - len(suf)
            if w != suf:
                start = s
            j = i - 1
            extended = False
            while j >= 0 and e - toks[j][1] <= MAX_STEM:
                tw = toks[j][0]
                tag = word_tag(tw) or ""
                if not CJK.fullmatch(tw) or STEM_STOP & set(tw) or (len(tw) > 1 and not tag.startswith(("n", "j"))) \
                        or tw in ("和", "或"):
                    break  # "物业公司和|派出所": a list, not one name
                start = toks[j][1]
                extended = True
                j -= 1
            # a word the dictionary knows whole as a name (邮政局, 公安部, 教育局, 发改委) needs no stem
            tag = word_tag(w) or ""
            whole = w != suf and len(w) >= 3 and (tag.startswith(("nt", "j")) or (tag == "n" and suf in ("局", "所"))) \
                and not title_ends_at(text, e, s + 2)  # 省委|常委 ends in a title
            if (extended or whole) and _unit_ok(text[start:end]):
                out.append((start, end))
            break
    return out


@cache
def _military_re() -> re.Pattern[str]:
    """The armed forces' bodies: a country's name or short form, then a military word (印度空军,
    俄海军, 美国海军陆战队), or the word alone (解放军, 武警); a short form before 军 (美军)."""
    g = agency_grammar()
    words = "|".join(map(re.escape, g["military"]))
    names = "|".join(map(re.escape, sorted({n for v in _countries_by_first().values() for n in v} | {"中国"},
                                           key=len, reverse=True)))
    short = "".join(g["country-short"])
    return re.compile(rf"(?:(?:(?:{names})|[{short}](?={words}))?(?:{words})|[{short}]军)(?![官人事队区团师旅营校医])")


def _military(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _military_re().finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken + out):
            continue
        if m.group(0)[0] in agency_grammar()["country-short"] and s > 0 and CJK.match(text[s - 1]) \
                and not text[s - 1] in FUNCTION_TOKENS:
            continue  # 英|军 in 精英军团, 日|军 in 节日军: a short form only at a word's start
        if s > 0 and text[s - 1] in surnames() and (
                title_ends_at(text, s - 1)
                or (s == 1 or not CJK.match(text[s - 2])) and text.startswith(NAME_END_WORDS, e)):
            continue  # "市长郄|海军", "郄|海军会见…": a given name after a title or a family name
        out.append((s, e))
    return out


def _ministries(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """National ministries that jieba reads as one word (水利部, 公安部), which the stem rule cannot see."""
    out: list[tuple[int, int]] = []
    for name in agency_grammar().get("ministry", ()):
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken + out) or (name[-1] in "部署局" and not _end_ok(text, e)):
                continue
            out.append((s, e))
    return out


def _departments_of(text: str, end: int) -> list[int]:
    """Ends of the departments named right after a ministry (公安部|经济犯罪侦查局)."""
    ends: list[int] = []
    branch = BANK_BRANCH.match(text, end) if text.endswith("银行", 0, end) else None
    if branch:  # the central bank's branches: 人民银行|哈尔滨中心支行
        return [branch.end()]
    while not role_at(text, end):
        nxt = department_end(text, end)
        if nxt is None:
            break
        ends.append(nxt)
        end = nxt
    return ends


GOVERNMENT_OF = re.compile(r"^(.*(?:[省市县区州盟旗镇乡]|地区))政府$")
# a term written between a division and its congress or committee (市第十五届人大, 省十三届政协): the body
# is one across its terms
TERM = re.compile(r"第?[一二三四五六七八九十百〇零]{1,4}届")
DISTRICT_TWICE = re.compile(r"区区(委|人民政府|政府|人大常委会|人大|政协|纪委)")


NATIONAL_FULL = ("国务院", "中国", "中央", "中共")


@cache
def _aliases() -> tuple[tuple[str, str], ...]:
    """(short form, full form) of bodies, longest short form first (kg/data/agency_grammar.txt [alias])."""
    pairs = (line.split("\t") for line in agency_grammar().get("alias", ()))
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda ab: -len(ab[0])))


def canonical_label(label: str) -> str:
    """The one name a body goes by, so a short and a full form are one node: a division's
    government is its 人民政府 (宁波市政府 -> 宁波市人民政府); short forms of the [alias] section
    are written out (州中院 -> 州中级人民法院, 国新办 -> 国务院新闻办公室, the national ones only alone)."""
    if "届" in label:
        label = TERM.sub("", label)
    if "区区" in label:  # "滨海新区区委" is the 滨海新区委: one body, one name
        label = DISTRICT_TWICE.sub(r"区\1", label)
    m = GOVERNMENT_OF.match(label)
    if m and not m.group(1).endswith("人民"):
        return m.group(1) + "人民政府"
    for short, full in _aliases():
        if label.endswith(short) and not label.endswith(full):
            if full.startswith(NATIONAL_FULL):
                return full if label == short else label
            return label[:-len(short)] + full
    return label


def home_division(ctx: Context, level: str) -> str | None:
    """The home region's division that a level character (市, 省, 县 …) stands for, if any."""
    region = ctx.region
    if level == "省":  # a municipality has no 省委
        return region.province if region.province and region.province.endswith(("省", "自治区")) else None
    if level in "市州盟" and region.city and region.city.endswith(level):
        return region.city
    if level in "县区旗" and region.county and region.county.endswith(level):
        return region.county
    return None


def level_word_region(word: str, ctx: Context) -> str | None:
    """What a level word stands for on the page: 自治区 the home province (when it is one), 自治州
    the home city, a development zone (经开区) the home city's (宜昌经开区: its short name + the word)."""
    region = ctx.region
    for full in (region.province, region.city, region.county):
        if full and full.endswith(word):
            return full
    if word.startswith("自治"):
        return None
    home = region.city or region.county  # zones are named after their city (宜昌经开区)
    if not home:
        return None
    from kg.gazetteer import Gazetteer

    code = region.city_code if region.city else region.county_code
    d = Gazetteer.default().get(code) if code else None
    short = min((a for a in (d.aliases if d else ()) if len(a) >= 2), key=len, default=home)
    return short + word


def _qualify(surface: str, kind: str, article: Article, start: int, ctx: Context) -> tuple[str, str]:
    """Canonical label and identity scope of a name as written."""
    if kind == "village":  # one 新华村 in each of many townships: scoped to the village's own key
        village = next((m for m in article.mentions if m.start == start and m.attrs.get("adminLevel") == "village"),
                       None)
        return canonical_label(surface), "@" + (village.key[len("Place/"):] if village else article.id)
    if kind == "level":
        word = next((w for w in agency_grammar()["level-word"] if surface.startswith(w)), surface[0])
        if len(word) > 1:
            name = level_word_region(word, ctx)
            if name:
                return canonical_label(name + surface[len(word):]), ""
            return canonical_label(surface), "@" + article.id
        ch = surface[0]
        if ch == "村":  # a village's body: the village named last before it
            village = max((m for m in article.mentions if m.attrs.get("adminLevel") == "village" and m.start < start),
                          key=lambda m: m.start, default=None)
            if village is None:
                return canonical_label(surface), "@" + article.id
            return canonical_label(village.label + surface[1:]), "@" + village.key[len("Place/"):]
        name = level_division(article, start, ch, ctx)
        if name and ch == "省" and name.endswith("自治区") and surface[1:2] == "委":
            surface = "省党" + surface[1:]  # an autonomous region's 省委 is its 党委
        if name:
            return canonical_label(name + surface[1:]), ""
        return canonical_label(surface), "@" + article.id
    return canonical_label(surface), ""


def _jurisdiction(a: AgencySpan, places: dict[int, Mention], home: str | None, ctx: Context) -> str | None:
    """The division an agency serves: the place its name starts with, or the home city/province."""
    if a.start in places:
        return places[a.start].key
    region = ctx.region
    if region.city and a.label.startswith(region.city) and region.city_code:
        return f"Place/{region.city_code}"
    if region.province and a.label.startswith(region.province) and region.province_code:
        return f"Place/{region.province_code}"
    return None


def _ensure_region_node(article: Article, key: str, at: int) -> None:
    """Declare the home city or province (with its hierarchy) when the article does not name it."""
    if any(m.key == key for m in article.mentions) or any(n.key == key for n in article.nodes):
        return
    from kg.extract.places import declare_division

    declare_division(article, key[len("Place/"):], at)


def level_division(article: Article, at: int, level: str, ctx: Context) -> str | None:
    """The division a level character (县, 市, 省 …) stands for at offset ``at``: for a county's or a
    township's, the nearest division of that level the article names before it; else the home region's."""
    name = _nearest_place(article, at, level) if level in "县区镇乡旗" else None
    return name or home_division(ctx, level)


def _nearest_place(article: Article, before: int, suffix: str) -> str | None:
    best = None
    for m in article.mentions:
        if m.attrs.get("adminLevel") and m.start < before and m.label.endswith(suffix):
            if best is None or m.start > best.start:
                best = m
    return best.label if best else None


NATIONAL_SUFFIXES = ("部", "署", "总署", "总局")
NATIONAL_BODIES = ("中共中央", "国务院", "全国人大常委会", "全国人大", "全国政协", "党中央")


def _shared_prefix_list(text: str, end: int, first: tuple[str, str] | None, kind: str,
                        found: list[AgencySpan], taken: list[tuple[int, int]]) -> None:
    """Bodies listed after one that share its prefix: "省民政厅、人社厅、财政厅" are three
    provincial departments, "市委组织部、发改委、教育局" the city's."""
    if first is None or kind == "national":
        return
    from kg.extract.places import division_prefix

    label, scope = first
    prefix = division_prefix(label) or (label[0] if label[0] in agency_grammar()["level"] else None)
    if not prefix:
        return
    p = end
    while text[p:p + 1] == "、" and p + 1 < len(text) and text[p + 1] not in agency_grammar()["level"] \
            and not text.startswith(agency_grammar()["level-word"], p + 1):
        u = _unit_at(text, p + 1, MAX_EXT_STEM, bodies=False)
        if u is None or any(a < u and p + 1 < b for a, b in taken):
            return
        name = canonical_label(prefix + text[p + 1:u])
        found.append(AgencySpan(p + 1, u, name, f"Agency/{name}{scope}"))
        taken.append((p + 1, u))
        p = u


def find_agencies(article: Article, context: Context) -> None:
    """Add Agency and Company mentions (with parent bodies) to the article."""
    text = article.text
    found: list[AgencySpan] = []
    taken: list[tuple[int, int]] = []
    # a visited site (X镇综合文化服务中心) is a place, not a body
    site_ends = {m.end for m in article.mentions if m.kind == "Site"}
    starts = _prefix_starts(article)
    place_starts = {s for s, _, k in starts if k == "place"}
    reach = -1  # end of the spans taken so far (starts come in order): one comparison, not a scan of all
    for start, pend, kind in starts:
        if start < reach:
            continue
        if kind == "place" and (pend in place_starts or (pend + 1 in place_starts and text[pend] in "市省")):
            continue  # 宜昌市|夷陵区委: the body is named after the more local division
        term = TERM.match(text, pend) if kind in ("level", "place", "national") else None
        former = kind in ("place", "village") and text[pend:pend + 1] == "原" and not term  # 中渡镇|原|党委书记
        skip = term.end() if term else pend + 1 if former else pend
        ends = [e for e in _chain(text, skip) if e not in site_ends]
        if kind == "national" and text[start:pend] in NATIONAL_BODIES and role_at(text, pend):
            ends = []  # "全国人大常委会|委员": the body, then a title
        if former and ends:
            ends = ends[:1]
        if not ends and kind == "level" and text.startswith(VILLAGE_COMMITTEES, start):
            ends = [start + next(len(w) for w in VILLAGE_COMMITTEES if text.startswith(w, start))]  # 村委会
        if not ends:
            if kind == "national" and text[start:pend] in agency_grammar()["body"] + NATIONAL_BODIES:
                ends = [pend]
            else:
                continue
        parent = None
        if kind == "national" and text[start:pend] in NATIONAL_BODIES and ends[0] != pend:
            # 国务院办公厅 is a part of 国务院
            label = canonical_label(text[start:pend])
            parent = f"Agency/{label}"
            found.append(AgencySpan(start, pend, label, parent))
        first = None
        for end in ends:
            surface = text[start:pend] + text[pend + 1:end] if former else text[start:end]
            label, scope = _qualify(surface, kind, article, start, context)
            key = f"Agency/{label}{scope}"
            found.append(AgencySpan(start, end, label, key, parent))
            first = first or (label, scope)
            parent = key
        taken.append((start, ends[-1]))
        _shared_prefix_list(text, ends[-1], first, kind, found, taken)
        reach = max(reach, taken[-1][1])
    for start, end in _military(text, taken):
        surface = text[start:end]
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}"))
        taken.append((start, end))
    for start, end in _ministries(text, taken):
        surface = canonical_label(text[start:end])
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}"))
        parent = f"Agency/{surface}"
        for sub in _departments_of(text, end):
            label = surface + text[end:sub]
            found.append(AgencySpan(start, sub, label, f"Agency/{label}", parent))
            parent = f"Agency/{label}"
            end = sub
        taken.append((start, end))
    region = context.region
    local_scope = "@" + (region.county or region.city or region.province or article.id)
    for start, end in _strong_starts(text, taken):
        surface = canonical_label(text[start:end])
        # a ministry is national; a station or bureau without a region is the home region's;
        # a 厅 is always a province's (商务厅 on a page of 云南 is 云南省商务厅)
        national = surface.endswith(NATIONAL_SUFFIXES) and not surface.endswith(("支部", "分部", "总支"))
        scope = "" if national else local_scope
        named = next((a for a in found if a.label.endswith(surface) and a.label != surface and not national), None)
        if named is not None:  # "合肥市规划局 … 规划局": the body the article named in full
            found.append(AgencySpan(start, end, named.label, named.key, named.parent))
            taken.append((start, end))
            continue
        if surface.endswith("厅") and region.province and not surface.startswith(region.province):
            surface, scope = region.province + surface, ""
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}{scope}"))
        taken.append((start, end))
    spans = context.cache.setdefault("agencies", {})
    spans[article.id] = found
    places = {m.start: m for m in article.mentions if m.attrs.get("adminLevel")}
    home = context.region.city_code or context.region.province_code
    for a in found:
        article.mentions.append(Mention(a.start, a.end, "Agency", a.key, a.label))
        if a.parent:
            article.relations.append(Relation(a.key, "parentOrganization", a.parent, a.start))
        where = _jurisdiction(a, places, home, context)
        if where:
            article.relations.append(Relation(a.key, "jurisdiction", where, a.start))
            _ensure_region_node(article, where, a.start)
    _find_companies(article, taken)


def institution_ending_at(text: str, end: int) -> int | None:
    """Start of the name of a school, hospital, bank or institute that ends at ``end`` (南方理工大学,
    市第一人民医院, 农业银行云溪支行), read back over nouns, place names and numbers; or None."""
    suffix = next((w for w in agency_grammar()["institution"] if text.endswith(w, 0, end)), None)
    if suffix is None:
        return None
    start = end - len(suffix)
    if not role_at(text, end) and (is_dictionary_word(text[start:end + 1]) or is_dictionary_word(text[start:end + 2])):
        return None  # the suffix runs on into a word: 中学生, 大学城
    offset = max(0, start - 14)
    toks = tokens(text[offset:end])
    if toks and toks[-1][1] + offset < start:  # jieba reads the name's end as one word (理工大学)
        start = toks[-1][1] + offset
    for w, s, _ in reversed([t for t in toks if t[2] + offset <= start]):
        tag = word_tag(w) or ("m" if w.isdigit() or w in "第一二三四五六七八九十" else "")
        if (not CJK.fullmatch(w) and not w.isdigit()) or STEM_STOP & set(w) or w in FUNCTION_TOKENS or \
                (len(w) > 1 and not tag.startswith(("n", "j", "m", "f", "s", "b", "vn"))):
            break
        start = s + offset
    stem = text[start:end - len(suffix)]
    return start if len(stem) >= 2 or stem in ("省", "市", "县", "区") else None


def _find_companies(article: Article, taken: list[tuple[int, int]]) -> None:
    text = article.text
    for suf in COMPANY_SUFFIXES:
        for m in re.finditer(re.escape(suf), text):
            end = m.end()
            if any(a < end <= b for a, b in taken):
                continue
            start = m.start()
            while start > 0 and text[start - 1] not in COMPANY_STOP and m.start() - start < 14 \
                    and CJK.fullmatch(text[start - 1]):
                start -= 1
            name = text[start:end]
            if len(name) - len(suf) < 2:
                continue
            # the name starts after the last verb or preposition the character scan ran over
            # ("来到…会见华为技术有限公司" -> 华为技术有限公司)
            cut = 0
            for i, (w, s, e) in enumerate(tokens(name)):
                if e == len(name) and word_tag(w) == "nt" and len(w) > len(suf):
                    cut = max(cut, s)  # jieba knows the whole organisation name
                    break
                if e > len(name) - len(suf):
                    break
                # prepositions and conjunctions anywhere, a verb only at the start (兴发 in 宜昌兴发化工 is a name)
                tag = word_tag(w) if len(w) > 1 else None
                if tag in ("p", "c") or (tag == "v" and i == 0) or w in COMPANY_CUT:
                    cut = e
            if len(name) - cut - len(suf) < 2:
                continue
            start += cut
            name = text[start:end]
            taken.append((start, end))
            article.mentions.append(Mention(start, end, "Company", f"Company/{name}", name))
