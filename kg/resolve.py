"""Resolution: the paper's home region, and canonical, region-qualified names.

The home region is read from the page itself: the prefecture-level city
named most often (full or short form) is the city that "我市", "市委" and
"市水利局" refer to.  ``--region`` overrides it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Article, Page, Region


@lru_cache(maxsize=1)
def _gazetteer():
    from kg.gazetteer import Gazetteer

    return Gazetteer.default()


MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
NATIONAL_NAMES = ("中国", "全国", "中华人民共和国")


def region_of_division(code: str) -> Region:
    """The :class:`Region` a division is the home of: a province (a municipality is its own
    city too), a prefecture-level city, or a county with its city and province."""
    gaz = _gazetteer()
    d = gaz.get(code)
    if d.level == "province":
        if d.name in MUNICIPALITIES:
            return Region(province=d.name, province_code=d.code, city=d.name, city_code=d.code)
        return Region(province=d.name, province_code=d.code)
    if d.level == "prefecture":
        prov = gaz.parent(d.code)
        return Region(province=prov.name if prov else None, province_code=prov.code if prov else None,
                      city=d.name, city_code=d.code)
    if d.level == "county":
        parent = gaz.parent(d.code)
        up = region_of_division(parent.code) if parent else Region()
        if d.name.endswith("市"):  # a county-level city: its 市委 is the home city's
            return Region(province=up.province, province_code=up.province_code, city=d.name, city_code=d.code)
        return Region(province=up.province, province_code=up.province_code, city=up.city, city_code=up.city_code,
                      county=d.name, county_code=d.code)
    raise ValueError(f"{d.name} is a township: a home region is a county or above")


def region_from_name(name: str) -> Region:
    """A :class:`Region` for a division's name at any level from county up ("聊城", "聊城市",
    "山东省", "北京市", "灵川县"), or the whole country ("中国": no home division).

    Raises:
        ValueError: the name is no such division, or names several counties.
    """
    if name in NATIONAL_NAMES:
        return Region()
    gaz = _gazetteer()
    found = [d for d in gaz.lookup(name) if d.level != "township"]
    for level in ("province", "prefecture", "county"):
        at = [d for d in found if d.level == level]
        if len(at) == 1:
            return region_of_division(at[0].code)
        if at:
            names = "、".join(f"{gaz.parent(d.code).name if gaz.parent(d.code) else ''}{d.name}" for d in at)
            raise ValueError(f"--region {name!r} names several divisions ({names}): give the city before it")
    raise ValueError(f"--region {name!r}: not a division of county level or above in the gazetteer")


COMPANY_END = re.compile("有限责任公司|股份有限公司|有限公司")
STREET_AFTER = re.compile(r"[\u4e00-\u9fff]{2}(?=路|大道|大街|村|社区)")  # streets and villages: 中山路, 玉林村
COMPANY_NAME_STOP = set("与和及由的了在对向为是把被从到将")
# a name right after a title or between list marks: where a city's short form inside it names no city
NAME_AFTER_TITLE = re.compile(r"(?:书记|[县市区州省镇乡旗]长|主任|局长|部长|委员|常委|主席|[、，,])"
                              r"([\u4e00-\u9fff]{3})(?=[、，,。主出参陪介表讲指强带率在等同])")


def _mask_not_home(text: str) -> str:
    """The page with what names no home masked: company names (深圳市某某有限公司 says where the
    company is registered), streets and villages named like cities (中山路, 玉林村) and names of people
    (副县长许晋中)."""
    chars = list(text)
    for m in COMPANY_END.finditer(text):
        p = m.start()
        while p > 0 and m.start() - p < 16 and "\u4e00" <= text[p - 1] <= "\u9fff" and text[p - 1] not in COMPANY_NAME_STOP:
            p -= 1
        chars[p:m.start()] = "□" * (m.start() - p)
    for m in STREET_AFTER.finditer(text):
        chars[m.start():m.end()] = "□□"
    from kg.extract.lexicon import surnames

    family = surnames()
    for m in NAME_AFTER_TITLE.finditer(text):  # "常务副县长许晋中", "、许晋中、": a person, not the city 晋中
        if m.group(1)[0] in family:
            chars[m.start(1):m.end(1)] = "□" * len(m.group(1))
    return "".join(chars)


CITY_WEIGHT = 2  # a city named outright counts twice as much as one of its counties
# words that show which level "我X"/"X委" mean on the page
PROVINCE_CUES = ("省委", "省政府", "全省", "我省", "省长", "省人大", "省政协", "自治区党委", "自治区人民政府", "全区各族")
CITY_CUES = ("市委", "市政府", "全市", "我市", "市长", "市人大", "市政协", "州委", "州政府", "全州", "我州")
COUNTY_CUES = ("县委", "县政府", "全县", "我县", "县长", "县人大", "县政协")
DISTRICT_CUES = ("区委", "区政府", "全区", "我区", "区长")
BANNER_CUES = ("旗委", "旗政府", "全旗", "我旗", "旗长", "旗人大", "旗政协")  # a banner (旗) of Inner Mongolia


# a dateline: "本报成都5月8日电", "新华社北京3月8日电", "本报济南讯"
DATELINE = re.compile(r"(?:本报|新华社|中新社|人民网|新华网|央视网|中新网)(?:[记者]{0,2})?"
                      r"(?P<place>[\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?(?:电|讯)")


def dateline_region(text: str) -> Region | None:
    """The region an item's dateline names at its start ("本报成都5月8日电" -> 成都市), if any:
    a national paper's local item is about the place it was filed from."""
    m = DATELINE.search(text[:200])
    if not m:
        return None
    gaz = _gazetteer()
    found = [d for d in gaz.lookup(m.group("place")) if d.level in ("province", "prefecture")]
    if len(found) != 1:
        return None
    return region_of_division(found[0].code)


# "学习…省委十届九次全会、X市委十一届十次全会精神", "落实X市委…部署": a higher body whose decisions the page relays
RELAYED_CLAUSE = re.compile(r"(?:学习|传达|贯彻|落实)[^。；;]{0,80}?(?:精神|部署|要求)")


def _relayed_clauses(text: str) -> str:
    """The page's clauses that relay a higher body's meeting or deployment, one per line: a city named only there
    (a county-level city's paper studying its prefecture's plenum) is no sign of whose paper it is."""
    return "\n".join(m.group(0) for m in RELAYED_CLAUSE.finditer(text))


def _town_named(text: str, name: str) -> int:
    """How often a city's short form is the start of a township's name (金华|镇 in Sichuan): no sign of the city."""
    if name.endswith(("市", "州", "盟", "地区")):
        return 0
    return text.count(name + "镇") + text.count(name + "乡")


HEADLINE_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|自治州|州|地区|盟|县|区|旗)")


def headline_region(headline: str) -> Region | None:
    """The region an item's headline opens with by its full names ("怀化市中方县政协…" -> 中方县, "项城市政协…" ->
    项城市), if they name one division of county level or above, else None."""
    gaz = _gazetteer()
    found: Region | None = None
    pos = 0
    while True:
        m = HEADLINE_DIVISION.match(headline, pos)
        if m is None:
            return found
        name = headline[pos:m.end()]
        hits = [d for d in gaz.lookup(name) if d.level in ("province", "prefecture", "county")]
        if len(hits) != 1:
            return found
        found = region_of_division(hits[0].code)
        pos = m.end()


def _item_head_region(article: Article) -> Region | None:
    """The region of an item's headline, or of the item's own title line under the page's ("政协动态" over
    "北京市政协召开主席会议")."""
    heads = [article.headline] + [line.strip() for line in article.text.split("\n", 4)[:4]
                                  if 0 < len(line.strip()) <= 40 and not line.strip().endswith(("。", "!", "！"))]
    return next((r for h in heads if h and (r := headline_region(h))), None)


def item_regions(page: Page) -> dict[int, Region]:
    """Regions of the items of a page that gathers items from several places (a digest of several cities'
    news): each item whose headline opens with a division is read in that division, when the headlines name
    two or more provinces. Empty for a page of one province (a city paper's items on its counties keep the
    paper's region: their 市委 is the paper's)."""
    found = {i: r for i, a in enumerate(page.articles) if (r := _item_head_region(a))}
    if len({r.province for r in found.values()}) < 2:
        return {}
    return found


def _cue_count(text: str, cues: tuple[str, ...]) -> int:
    return sum(text.count(c) for c in cues)


def home_region(page: Page) -> Region:
    """Infer the paper's home region from the page.

    Each prefecture-level city (and each municipality) scores two points for every time it is named
    (full or short form), one for every time one of its counties is named by its full name, and
    one for every township named by a full name that only one township in China has. Then the
    level words decide: a page that says 省委/全省 more than 市委/全市 is a provincial paper (no
    home city); a county-level city whose prefecture is never named, on a page that says 我市/市委,
    is the home city itself; a page that says 县委/全县 more than 市委/全市 is its top county's paper.
    Without any city, the most-named province.
    """
    # a place inside a company's name says where the company is registered, not whose paper this is;
    # a street named after a city (中山路) names no city
    text = _mask_not_home("\n".join(a.text for a in page.articles))
    gaz = _gazetteer()
    filed_from = {r.city or r.province for r in map(dateline_region, (a.text for a in page.articles)) if r}
    if len(filed_from) > 1:
        return Region()  # a national paper: items filed from several places, each read in its own
    township_votes = _township_votes(text)
    counts: dict[str, int] = {}
    named: dict[str, int] = {}
    relayed = _relayed_clauses(text)
    for d in list(gaz.by_level("prefecture")) + [d for d in gaz.by_level("province") if d.name in MUNICIPALITIES]:
        n = sum(text.count(name) - relayed.count(name) - _town_named(text, name)
                for name in _distinct_names(d.name, d.aliases))
        if n:
            named[d.code] = n
            counts[d.code] = n * CITY_WEIGHT
    county_votes = _county_votes(text)
    for county, n in list(county_votes.items()) + list(township_votes.items()):
        city = _city_of(county)
        if city:
            counts[city] = counts.get(city, 0) + n
    provinces: dict[str, int] = {}
    for d in gaz.by_level("province"):
        n = sum(text.count(name) for name in _distinct_names(d.name, d.aliases))
        if n:
            provinces[d.code] = n
    province_cues, city_cues = _cue_count(text, PROVINCE_CUES), _cue_count(text, CITY_CUES)
    if not counts:
        if not provinces:
            return Region()
        code = max(sorted(provinces.items()), key=lambda kv: kv[1])[0]
        return region_of_division(code)
    city = max(sorted(counts.items()), key=lambda kv: kv[1])[0]
    # a county-level city named more often than the top city, on a page that says 市委/市长, is the
    # home city itself (a county-level city's paper reporting from a fair elsewhere)
    towns = [(n, c) for c, n in county_votes.items() if gaz.get(c).name.endswith("市") and _city_of(c) != city]
    if towns and city_cues:
        n, town = max(sorted(towns, key=lambda nc: nc[1]), key=lambda nc: nc[0])
        if n * CITY_WEIGHT > counts[city]:
            return region_of_division(town)
    region = region_of_division(city)
    if province_cues > city_cues and province_cues >= 2 and region.city != region.province:
        return Region(province=region.province, province_code=region.province_code)
    # the top county of the city, by its full name and its townships
    local: dict[str, int] = {}
    for county, n in list(county_votes.items()) + list(township_votes.items()):
        if _city_of(county) == city:
            local[county] = local.get(county, 0) + n
    if not local:
        return region
    county = max(sorted(local.items()), key=lambda kv: kv[1])[0]
    d = gaz.get(county)
    # a county-level city's paper: its prefecture never named, or named in passing while the page
    # is about that one county-level city (not a city paper touring several of its counties)
    dominant = local[county] > 2 * named.get(city, 0) and 3 * local[county] > 2 * sum(local.values())
    if d.name.endswith("市") and (not named.get(city) or dominant) and city_cues:
        return region_of_division(county)  # a county-level city's paper that never names its prefecture
    cues = COUNTY_CUES if d.name.endswith("县") else BANNER_CUES if d.name.endswith("旗") else DISTRICT_CUES
    if _cue_count(text, cues) > city_cues:
        return region_of_division(county)
    return region


def _city_of(county_code: str) -> str | None:
    """The prefecture (or municipality) a county belongs to."""
    parent = _gazetteer().parent(county_code)
    return parent.code if parent is not None and parent.level in ("prefecture", "province") else None


@lru_cache(maxsize=1)
def _unique_townships() -> dict[str, str]:
    """Full township names (3+ characters) that name one township in China -> its county's code."""
    gaz = _gazetteer()
    seen: dict[str, list[str]] = {}
    for d in gaz.by_level("township"):
        if len(d.name) >= 3:
            parent = gaz.parent(d.code)
            if parent is not None:
                seen.setdefault(d.name, []).append(parent.code)
    return {name: codes[0] for name, codes in seen.items() if len(codes) == 1}


def _township_votes(text: str) -> dict[str, int]:
    """Votes of the townships named on the page for their counties (found at their suffixes)."""
    import re

    names = _unique_townships()
    votes: dict[str, int] = {}
    for m in re.finditer("镇|乡|街道|苏木", text):  # 苏木: a township of Inner Mongolia
        for k in (2, 3, 4):
            name = text[max(0, m.start() - k):m.end()]
            if len(name) == k + len(m.group()) and name in names:
                votes[names[name]] = votes.get(names[name], 0) + 1
                break
    return votes


@lru_cache(maxsize=1)
def _unique_counties() -> dict[str, str]:
    """Full county names that name one county in China -> the county's code."""
    gaz = _gazetteer()
    out: dict[str, str] = {}
    for d in gaz.by_level("county"):
        parent = gaz.parent(d.code)
        if len(d.name) >= 3 and parent is not None \
                and len([x for x in gaz.lookup(d.name) if x.level == "county"]) == 1:
            out[d.name] = d.code
    # the short form of a county-level city or a county (溧阳 for 溧阳市) when no other division
    # is called so and the dictionary knows it as a place name
    from kg.extract.lexicon import word_tag

    for d in gaz.by_level("county"):
        short = d.name[:-1]
        if len(d.name) >= 3 and d.name.endswith(("市", "县")) and d.name in out and len(short) >= 2 \
                and all(x.code == d.code for x in gaz.lookup(short)) and word_tag(short) == "ns":
            out[short] = d.code
    return out


def _county_votes(text: str) -> dict[str, int]:
    votes: dict[str, int] = {}
    for name, county in _unique_counties().items():
        if len(name) > 2:
            n = text.count(name)
            if n:
                votes[county] = votes.get(county, 0) + n
    from kg.extract.lexicon import runs_into_word_before

    shorts = _unique_counties()
    for m in _short_county_names().finditer(text):  # 溧阳, not 兴隆|村 or 沙河|路
        if runs_into_word_before(text, m.start()):
            continue  # "代|理县|长": the word before runs into the name (代理), no county named
        votes[shorts[m.group()]] = votes.get(shorts[m.group()], 0) + 1
    return votes


@lru_cache(maxsize=1)
def _short_county_names() -> re.Pattern[str]:
    names = sorted((n for n in _unique_counties() if len(n) == 2), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")(?![村镇乡街路区市县巷])")


def _distinct_names(name: str, aliases: tuple[str, ...]) -> list[str]:
    """Names to count without counting the full name twice (聊城 is inside 聊城市)."""
    names = sorted({name, *aliases}, key=len)
    return [n for i, n in enumerate(names) if not any(m in n for m in names[:i])]
