"""Agencies and companies in an article: the ``agencies`` pipeline component.

Where a body's name starts and ends is read by kg.extract.agency_spans (the grammar of agency names,
kg/data/agency_grammar.txt); the one name it goes by and its division by kg.extract.agency_names. This
module puts the two together: every body found becomes an Agency mention with its parent body (市委组织部 is
part of 市委) and its jurisdiction, bodies listed after one share its prefix (省民政厅、人社厅), and
companies are read by their suffixes (…有限公司, …集团).
"""
from __future__ import annotations

import re

from kg.extract.agency_names import TERM, canonical_label, ensure_region_node, jurisdiction, qualify_name
from kg.extract.agency_spans import (CJK, MAX_EXT_STEM, VILLAGE_COMMITTEES, AgencySpan, chain_ends, departments_after,
                                     military_spans, ministry_spans, prefix_starts, strong_spans, unit_end)
from kg.extract.lexicon import agency_grammar, role_at, tokens, word_tag
from kg.model import Article, Mention, Relation
from kg.pipeline import Context

# words after which a company's name starts (jieba tags some of them as nouns)
COMPANY_CUT = {"在", "到", "向", "与", "同", "会见", "会谈", "走访", "考察", "调研", "来到", "参观", "看望", "签约"}
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "合作社")
COMPANY_STOP = set("的了在是与及将把被从向对等各要我你他她其这那也都还就又并而或让使给到于以由、,，。“”")


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
        u = unit_end(text, p + 1, MAX_EXT_STEM, bodies=False)
        if u is None or any(a < u and p + 1 < b for a, b in taken):
            return
        name = canonical_label(prefix + text[p + 1:u])
        found.append(AgencySpan(p + 1, u, name, f"Agency/{name}{scope}"))
        taken.append((p + 1, u))
        p = u


TERM_WORD = r"(?:第?[一二三四五六七八九十]{1,3}届)?"
FORMAL_CPPCC = re.compile(rf"(?:中国人民政治协商会议|政协){TERM_WORD}$")
FORMAL_CPPCC_END = re.compile(rf"{TERM_WORD}委员会(常务委员会)?")


def _formal_cppcc(article: Article, found: list[AgencySpan], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A CPPCC committee under its formal name, the division inside it: "中国人民政治协商会议第九届X市委员会", "政协X市
    第十三届委员会常务委员会" are X市政协 and its 常委会. Returns the spans taken."""
    text = article.text
    spans: list[tuple[int, int]] = []
    for m in article.mentions:
        if not m.attrs.get("adminLevel") or m.attrs["adminLevel"] == "village":
            continue
        head = FORMAL_CPPCC.search(text, max(0, m.start - 16), m.start)
        tail = FORMAL_CPPCC_END.match(text, m.end)
        if head is None or tail is None:
            continue
        label = canonical_label(m.label + "政协")
        found.append(AgencySpan(head.start(), tail.start(1) if tail.group(1) else tail.end(), label, f"Agency/{label}"))
        if tail.group(1):
            standing = label + "常委会"
            found.append(AgencySpan(head.start(), tail.end(), standing, f"Agency/{standing}", f"Agency/{label}"))
        spans.append((head.start(), tail.end()))
    taken.extend(spans)
    return spans


def find_agencies(article: Article, context: Context) -> None:
    """Add Agency and Company mentions (with parent bodies) to the article."""
    text = article.text
    found: list[AgencySpan] = []
    taken: list[tuple[int, int]] = []
    # a visited site (X镇综合文化服务中心) is a place, not a body
    site_ends = {m.end for m in article.mentions if m.kind == "Site"}
    starts = prefix_starts(article)
    place_starts = {s for s, _, k in starts if k == "place"}
    place_ending = {e: s for s, e, k in starts if k == "place"}
    reach = -1  # end of the spans taken so far (starts come in order): one comparison, not a scan of all
    formal = _formal_cppcc(article, found, taken)
    for start, pend, kind in starts:
        if start < reach or any(a <= start < b for a, b in formal):
            continue
        if kind == "place" and (pend in place_starts or (pend + 1 in place_starts and text[pend] in "市省")):
            continue  # 宜昌市|夷陵区委: the body is named after the more local division
        term = TERM.match(text, pend) if kind in ("level", "place", "national") else None
        former = kind in ("place", "village") and text[pend:pend + 1] == "原" and not term  # 中渡镇|原|党委书记
        skip = term.end() if term else pend + 1 if former else pend
        ends = [e for e in chain_ends(text, skip) if e not in site_ends]
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
        # "赣州|高新区党工委": a zone's level word right after its city's name; the name starts at the city's
        span_start = place_ending.get(start, start) if kind == "level" and pend - start > 1 else start
        for end in ends:
            surface = text[start:pend] + text[pend + 1:end] if former else text[start:end]
            label, scope = qualify_name(surface, kind, article, start, context)
            key = f"Agency/{label}{scope}"
            found.append(AgencySpan(span_start, end, label, key, parent))
            first = first or (label, scope)
            parent = key
        taken.append((span_start, ends[-1]))
        _shared_prefix_list(text, ends[-1], first, kind, found, taken)
        reach = max(reach, taken[-1][1])
    for start, end in military_spans(text, taken):
        surface = text[start:end]
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}"))
        taken.append((start, end))
    for start, end in ministry_spans(text, taken):
        surface = canonical_label(text[start:end])
        found.append(AgencySpan(start, end, surface, f"Agency/{surface}"))
        parent = f"Agency/{surface}"
        for sub in departments_after(text, end):
            label = surface + text[end:sub]
            found.append(AgencySpan(start, sub, label, f"Agency/{label}", parent))
            parent = f"Agency/{label}"
            end = sub
        taken.append((start, end))
    region = context.region
    local_scope = "@" + (region.county or region.city or region.province or article.id)
    for start, end in strong_spans(text, taken):
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
        where = jurisdiction(a, places, home, context)
        if where:
            article.relations.append(Relation(a.key, "jurisdiction", where, a.start))
            ensure_region_node(article, where, a.start)
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
