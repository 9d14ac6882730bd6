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

from kg.extract.lexicon import agency_grammar, is_dictionary_word, role_at, tokens, word_tag
from kg.model import Article, Mention, Relation
from kg.pipeline import Context

CJK = re.compile(r"[\u4e00-\u9fff]+")
MAX_STEM = 10
MAX_EXT_STEM = 8
# characters that never sit inside an agency's stem (function words, pronouns)
STEM_STOP = set("的了在是与及将把被从向对等各要我你他她其这那也都还就又并而或让使给到于为以由")
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


FUNCTION_TOKENS = set("从在到与和及由向对经将把被为是的、,，。;；:：(（\"“”")
BAD_TAIL_TAGS = ("v", "a", "d", "m", "r", "p", "c", "u", "f")


def _unit_ok(unit: str) -> bool:
    """A stem + suffix is a department name, not a word that merely ends in 局/部/署 (部署, 全部)."""
    toks = tokens(unit)
    last = toks[-1][0]
    inside_not = agency_grammar()["inside-not"]
    if last in agency_grammar()["not"] or any(w in inside_not for w, _, _ in toks):
        return False
    if len(last) == 1 or all(ch in _suffix_chars() for ch in last):
        return True
    return not (word_tag(last) or "n").startswith(BAD_TAIL_TAGS)


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
    for n in (2, 3):
        word = last + text[end:end + n - 1]
        if len(word) == n and is_dictionary_word(word) and not role_at(text, end - 1) and not role_at(text, end):
            return False
    return True


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
        # a unit inside a name (市委|农办) never starts another body's name (联合|市公安局)
        if sub_unit and n and text[at - 1] in agency_grammar()["level"]:
            break
        if at >= len(text) or role_at(text, at):
            break
        for suf in suffixes.get(text[at], ()):
            end = at + len(suf)
            if text.startswith(suf, at) and _end_ok(text, end) and _unit_ok(text[pos:end]):
                return end
    return None


def department_end(text: str, pos: int) -> int | None:
    """End of a department name without region (宣传部, 组织部) starting at ``pos``, or None."""
    return _unit_at(text, pos, MAX_EXT_STEM, bodies=False, sub_unit=True)


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
            w[-1] in _suffix_chars() or any(w.endswith(suf) for suf in g["suffix"]))
        if free and text[s] in g["level"] and (w == text[s] or whole or any(
                w[1:].startswith(b) for b in _by_first("body").get(w[1:2], ()))):
            out.append((s, s + 1, "level"))
        for nat in _by_first("national").get(text[s], ()):
            if text.startswith(nat, s):
                out.append((s, s + len(nat), "national"))
                break
    for m in article.mentions:
        if m.attrs.get("adminLevel") in ("province", "prefecture", "county", "township"):
            out.append((m.start, m.end, "place"))
    return sorted(set(out))


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
                if not CJK.fullmatch(tw) or STEM_STOP & set(tw) or (len(tw) > 1 and not tag.startswith(("n", "j"))):
                    break
                start = toks[j][1]
                extended = True
                j -= 1
            if extended and _unit_ok(text[start:end]):
                out.append((start, end))
            break
    return out


def _ministries(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """National ministries that jieba reads as one word (水利部, 公安部), which the stem rule cannot see."""
    out: list[tuple[int, int]] = []
    for name in agency_grammar().get("ministry", ()):
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken + out) or not _end_ok(text, e):
                continue
            out.append((s, e))
    return out


def _qualify(surface: str, kind: str, article: Article, start: int, ctx: Context) -> tuple[str, str]:
    """Canonical label and identity scope of a name as written."""
    region = ctx.region
    if kind == "level":
        ch = surface[0]
        name = None
        if ch in "市州" and region.city and region.city.endswith(ch):
            name = region.city
        elif ch == "省" and region.province:
            name = region.province
        elif ch in "县区镇乡":
            name = _nearest_place(article, start, ch)
        if name:
            return name + surface[1:], ""
        return surface, "@" + article.id
    return surface, ""


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


def _nearest_place(article: Article, before: int, suffix: str) -> str | None:
    best = None
    for m in article.mentions:
        if m.attrs.get("adminLevel") and m.start < before and m.label.endswith(suffix):
            if best is None or m.start > best.start:
                best = m
    return best.label if best else None


def find_agencies(article: Article, context: Context) -> None:
    """Add Agency and Company mentions (with parent bodies) to the article."""
    text = article.text
    found: list[AgencySpan] = []
    taken: list[tuple[int, int]] = []
    # a visited site (X镇综合文化服务中心) is a place, not a body
    site_ends = {m.end for m in article.mentions if m.kind == "Site"}
    reach = -1  # end of the spans taken so far (starts come in order): one comparison, not a scan of all
    for start, pend, kind in _prefix_starts(article):
        if start < reach:
            continue
        ends = [e for e in _chain(text, pend) if e not in site_ends]
        if not ends:
            if kind == "national" and text[start:pend] in agency_grammar()["body"] + ("国务院", "中共中央"):
                ends = [pend]
            else:
                continue
        parent = None
        for end in ends:
            surface = text[start:end]
            label, scope = _qualify(surface, kind, article, start, context)
            key = f"Agency/{label}{scope}"
            found.append(AgencySpan(start, end, label, key, parent))
            parent = key
        taken.append((start, ends[-1]))
        reach = max(reach, ends[-1])
    for start, end in _ministries(text, taken):
        surface = text[start:end]
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}"))
        taken.append((start, end))
    for start, end in _strong_starts(text, taken):
        surface = text[start:end]
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}"))
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
