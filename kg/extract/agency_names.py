"""The one name a body goes by, and the division it belongs to.

Canonical names (``rdfs:label``) replace a level character by the home region's name (市委 in a Liaocheng
paper is 聊城市委) or by the division the article named last (县委 after 阳谷县); short forms are written out
(卫健委 -> 卫生健康委员会, 国新办 -> 国务院新闻办公室); a term (第十五届) is dropped, as the body is one
across its terms.
"""
from __future__ import annotations

import re
from functools import cache

from kg.extract.agency_spans import AgencySpan
from kg.extract.lexicon import agency_grammar
from kg.model import Article, Mention
from kg.pipeline import Context

GOVERNMENT_OF = re.compile(r"^(.*(?:[省市县区州盟旗镇乡]|地区))政府$")
# a government's own offices: 办公厅, 新闻办公室, 研究室, 参事室, 食品安全委员会 and its 食安办
GOVERNMENT_OFFICE = re.compile(r"^(.*?(?:[省市县区州盟旗镇乡]|地区))政府(?=办|新闻办|研究室|参事室|督查室|外事办|食品安全|食安办)")
# a term written between a division and its congress or committee (市第十五届人大, 省十三届政协): the body
# is one across its terms
TERM = re.compile(r"第?[一二三四五六七八九十百〇零]{1,4}届")
DISTRICT_TWICE = re.compile(r"([区县市旗])\1(委|人民政府|政府|人大常委会|人大|政协|纪委)")


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
    if any(c + c in label for c in "区县市旗"):  # "滨海新区区委" is the 滨海新区委, "道县县委" the 道县委: one body
        label = DISTRICT_TWICE.sub(r"\1\2", label)
    m = GOVERNMENT_OF.match(label)
    if m and not m.group(1).endswith("人民"):
        return m.group(1) + "人民政府"
    m = GOVERNMENT_OFFICE.match(label)
    if m and not m.group(1).endswith("人民"):  # 河北省政府办公厅 -> 河北省人民政府办公厅
        label = m.group(1) + "人民政府" + label[m.end():]
    for short, full in _aliases():
        if label.endswith(short) and not label.endswith(full):
            if full.startswith(NATIONAL_FULL):
                return full if label == short else label
            label = label[:-len(short)] + full
            break
    return _autonomous_full(label)


@cache
def _autonomous_short_forms() -> dict[str, str]:
    """Short forms of autonomous divisions (马边县 -> 马边彝族自治县, 黔东南州 -> 黔东南苗族侗族自治州) from the
    gazetteer's aliases, where one division has that short form."""
    from kg.gazetteer import Gazetteer

    found: dict[str, set[str]] = {}
    for d in Gazetteer.default():
        if "自治" not in d.name:
            continue
        for alias in d.aliases:
            if alias != d.name and alias[-1:] in "县州旗" and d.name.startswith(alias[:-1]):
                found.setdefault(alias, set()).add(d.name)
    return {alias: names.pop() for alias, names in found.items() if len(names) == 1}


def _autonomous_full(label: str) -> str:
    """``label`` with an autonomous division's short form at its start written out: 马边县委 -> 马边彝族自治县委."""
    forms = _autonomous_short_forms()
    for n in range(min(len(label) - 1, 8), 1, -1):
        full = forms.get(label[:n])
        if full is not None:
            return full + label[n:]
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
    if level == "地" and region.city and region.city.endswith("地区"):  # 地委: the home 地区's (阿勒泰地|委)
        return region.city[:-1]
    return None


def level_word_region(word: str, ctx: Context) -> str | None:
    """What a level word stands for on the page: 自治区 the home province (when it is one), 自治州
    the home city, a development zone (经开区) the home city's (宜昌经开区: its short name + the word)."""
    region = ctx.region
    for full in (region.province, region.city, region.county):
        if full and full.endswith(word):
            return full
    if word.startswith("自治") or word == "地区":  # 地区行署: only a 地区's own paper's
        return None
    home = region.city or region.county  # zones are named after their city (宜昌经开区)
    if not home:
        return None
    from kg.gazetteer import Gazetteer

    code = region.city_code if region.city else region.county_code
    d = Gazetteer.default().get(code) if code else None
    short = min((a for a in (d.aliases if d else ()) if len(a) >= 2), key=len, default=home)
    return short + word


# a development zone's short word and the full names it may stand for (a national 经济技术开发区 or a
# provincial 经济开发区)
ZONE_FULL = {"经开区": ("经济技术开发区", "经济开发区"), "高新区": ("高新技术产业开发区", "高新技术开发区")}


def _zone_in_full(name: str, word: str, text: str) -> str:
    """A zone written short (吉林经开区) under the full name the page prints for it (吉林经济技术开发区), so
    that both forms are one body; the short form when the page never prints the full one."""
    prefix = name[:-len(word)]
    return next((prefix + full for full in ZONE_FULL.get(word, ()) if prefix + full in text), name)


def qualify_name(surface: str, kind: str, article: Article, start: int, ctx: Context) -> tuple[str, str]:
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
                return canonical_label(_zone_in_full(name, word, article.text) + surface[len(word):]), ""
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


def jurisdiction(a: AgencySpan, places: dict[int, Mention], home: str | None, ctx: Context) -> str | None:
    """The division an agency serves: the place its name starts with, or the home city/province."""
    if a.start in places:
        return places[a.start].key
    region = ctx.region
    if region.city and a.label.startswith(region.city) and region.city_code:
        return f"Place/{region.city_code}"
    if region.province and a.label.startswith(region.province) and region.province_code:
        return f"Place/{region.province_code}"
    return None


def ensure_region_node(article: Article, key: str, at: int) -> None:
    """Declare the home city or province (with its hierarchy) when the article does not name it."""
    if any(m.key == key for m in article.mentions) or any(n.key == key for n in article.nodes):
        return
    from kg.extract.places import declare_division

    declare_division(article, key[len("Place/"):], at)


def level_division(article: Article, at: int, level: str, ctx: Context) -> str | None:
    """The division a level character (县, 市, 省 …) stands for at offset ``at``: for a county's or a
    township's, the nearest division of that level the article names before it; else the home region's; for a
    city's on a page without a home city, the nearest city named before it."""
    name = _nearest_place(article, at, level) if level in "县区镇乡旗" else None
    # a provincial paper has no home city: its 市委, 州长 are of the city named last before them
    name = name or home_division(ctx, level) or (_nearest_place(article, at, level) if level in "市州盟" else None)
    if name is None and level in "县区旗":  # "我县举行…县委书记甲…" before the county is named: the one it names
        name = _only_place(article, level)
    return name


def _only_place(article: Article, suffix: str) -> str | None:
    """The one division ending in ``suffix`` that the article names anywhere, if it names exactly one."""
    labels = {m.label for m in article.mentions if m.attrs.get("adminLevel") and m.label.endswith(suffix)}
    return labels.pop() if len(labels) == 1 else None


def _nearest_place(article: Article, before: int, suffix: str) -> str | None:
    best = None
    for m in article.mentions:
        if m.attrs.get("adminLevel") and m.start < before and m.label.endswith(suffix):
            if best is None or m.start > best.start:
                best = m
    return best.label if best else None


