"""Places: administrative divisions from the gazetteer, villages and visited sites.

Divisions are found by longest match against the gazetteer's names:

* full names (宜昌市, 当阳市, 两河镇) anywhere;
* short forms (聊城, 山东, 临清) only for provinces, prefecture-level cities
  and the counties of the paper's home city — elsewhere a short form is too
  often an ordinary word (和平, 新华);
* a name that several divisions share is resolved inside the home city, then
  the home province; if still ambiguous it becomes a place marked
  ``gk:ambiguous`` with no code rather than a guess.

Every division links to its direct parent (``gk:locatedIn``) up to the
province; parents not named in the article are implied nodes.  Villages come
from the text ("王庄镇李村东" gives 李村 in 王庄镇).  Sites visited ("来到…敬老院",
"在…中学") are ``gk:Site`` places located in the division their name starts
with.  Rivers, railway lines and development zones: :mod:`kg.extract.landmarks`.
"""
from __future__ import annotations

import re
from functools import cache

from kg.extract.landmarks import find_landmarks
from kg.extract.lexicon import is_dictionary_word, role_at, runs_into_word_before, surnames, word_freq, word_tag
from kg.extract.name_grammar import PREPOSITION_SURNAMES
from kg.gazetteer import Division, Gazetteer
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

LEVEL_CLASS = {"province": "Province", "prefecture": "Prefecture", "county": "County", "township": "Township",
               "village": "Village"}
VILLAGE = re.compile(r"[\u4e00-\u9fff]{1,3}?村(?=[东西南北内外里的,，。、;；和与及等)）]|党|$|村民|村委|驻村|原?第一书记"
                     r"|两委|支部|[“\"])")
VISIT = r"(?:来到|走进|深入|前往|察看|参观|到|在|赴)"
SITE_SUFFIX = (r"(?:敬老院|养老院|福利院|卫生院|医院|中学|小学|学校|幼儿园|大学|陈列馆|纪念馆|展览馆|博物馆|图书馆|"
               r"文化馆|体育馆|美术馆|产业园|工业园|科技园|园区|工厂|车间|基地|作战中心|指挥中心|服务中心|文化站|"
               r"广场|公园|景区|码头|港|站|示范区|社区)")
# what may follow a site's name: "在…中学召开", "到…敬老院看望"
SITE_VERBS = r"(?:召开|举行|举办|调研|考察|检查|开展|看望|慰问|座谈)"
SITE_NAME = rf"(?P<name>[^,，。;；、:：()（）\n]{{2,24}}?{SITE_SUFFIX})(?=[,，。;；、和与及]|位于|{SITE_VERBS})"
SITE = re.compile(rf"{VISIT}(?:了|过)?{SITE_NAME}")  # "参观了…基地": the particle is no part of the name
# the next site of a list after one verb: "来到A、B和C"
SITE_NEXT = re.compile(rf"[、和与及]{SITE_NAME}")
MIN_FULL_NAME = 2


@cache
def _index() -> tuple[dict[str, list[Division]], dict[str, tuple[int, ...]]]:
    gaz = Gazetteer.default()
    names: dict[str, list[Division]] = {}
    for d in gaz:
        for n in {d.name, *d.aliases}:
            if len(n) >= MIN_FULL_NAME:
                names.setdefault(n, []).append(d)
    lengths: dict[str, set[int]] = {}  # by the first two characters: most positions match none
    for n in names:
        lengths.setdefault(n[:2], set()).add(len(n))
    # longest first: a full name (宜都市) wins over its short form (宜都)
    return names, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


FULL_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "街道", "旗", "州")


def _is_full_name(name: str, d: Division) -> bool:
    """The official name, or another name with a level suffix (梁水镇 for 梁水镇镇, a former 茌平县)."""
    return name == d.name or (len(name) >= 3 and name.endswith(FULL_SUFFIXES))


def _choose(name: str, cands: list[Division], ctx: Context) -> list[Division]:
    """Divisions a name may mean here, the home region's first."""
    region = ctx.region
    gaz = Gazetteer.default()
    full = [d for d in cands if _is_full_name(name, d)]
    short = [d for d in cands if not _is_full_name(name, d)]
    ok_short = [d for d in short if d.level in ("province", "prefecture")
                or (region.city_code and d.level == "county" and gaz.is_within(d.code, region.city_code))]
    pool = full + [d for d in ok_short if d not in full]
    for within in (region.city_code, region.province_code):
        if within and len(pool) > 1:
            inside = [d for d in pool if d.code == within or gaz.is_within(d.code, within)]
            if inside:
                pool = inside
    if len(pool) > 1:
        top = min(("province", "prefecture", "county", "township").index(d.level) for d in pool)
        higher = [d for d in pool if ("province", "prefecture", "county", "township").index(d.level) == top]
        if len(higher) == 1:
            pool = higher
    return pool


def _town_of_the_same_name(text: str, short: str, names: dict[str, list[Division]], ctx: Context) -> list[Division]:
    """The township a short name means when the page names a township of that name in full: "中山古镇" on a page
    that says 中山镇 is that town, not the city of 中山; else nothing."""
    for suffix in ("镇", "乡"):
        full = short + suffix
        if full in text and full in names:
            towns = [d for d in _choose(full, names[full], ctx) if d.level == "township"]
            if len(towns) == 1:
                return towns
    return []


def division_prefix(text: str) -> str | None:
    """Official name of the division whose full name starts ``text`` (宁波市政府 -> 宁波市), if any."""
    names, lengths = _index()
    for n in lengths.get(text[:2], ()):
        cands = names.get(text[:n])
        if cands and n < len(text):
            full = [d for d in cands if _is_full_name(text[:n], d)]
            if len(full) == 1:
                return full[0].name
    return None


def division_key(d: Division) -> str:
    """Entity key of a gazetteer division: its code."""
    return f"Place/{d.code}"


def _declare(article: Article, d: Division, at: int, mentioned_span: tuple[int, int] | None) -> str:
    key = division_key(d)
    attrs = {"adminCode": d.code, "adminLevel": d.level}
    if mentioned_span:
        article.mentions.append(Mention(mentioned_span[0], mentioned_span[1], LEVEL_CLASS[d.level], key, d.name,
                                        attrs))
    else:
        article.nodes.append(Node(key, LEVEL_CLASS[d.level], d.name, at, attrs=attrs, mentioned=False))
    return key


def declare_division(article: Article, code: str, at: int) -> None:
    """Declare a division the article implies but does not name, with its parents."""
    d = Gazetteer.default().get(code)
    if d is None:
        return
    declared = {n.key for n in article.nodes} | {m.key for m in article.mentions}
    if division_key(d) not in declared:
        _declare(article, d, at, None)
        _hierarchy(article, d, at, declared | {division_key(d)})


def _hierarchy(article: Article, d: Division, at: int, seen: set[str]) -> None:
    gaz = Gazetteer.default()
    child = d
    for parent in gaz.ancestors(d.code):
        article.relations.append(Relation(division_key(child), "locatedIn", division_key(parent), at))
        if division_key(parent) in seen:
            break
        seen.add(division_key(parent))
        _declare(article, parent, at, None)
        child = parent


def find_places(article: Article, context: Context) -> None:
    """Add division, village and site mentions with their hierarchy."""
    text = article.text
    names, lengths = _index()
    declared: set[str] = set()
    mentioned_keys: set[str] = set()
    divisions: list[tuple[int, int, Division | None, str]] = []
    in_context: set[int] = set()  # short forms the text itself says are places (途经寿光)
    i = 0
    while i < len(text):
        hit = None
        for n in lengths.get(text[i:i + 2], ()):
            cand = text[i:i + n]
            if len(cand) == n and cand in names:
                chosen = _choose(cand, names[cand], context)
                if not chosen:
                    chosen = _short_in_context(text, i, cand, names[cand], divisions[-1][1] if divisions else -1)
                    if chosen:
                        in_context.add(i)
                if chosen and not _is_full_name(cand, chosen[0]) and chosen[0].level in ("province", "prefecture"):
                    chosen = _town_of_the_same_name(text, cand, names, context) or chosen
                if chosen:
                    hit = (i, i + n, chosen, cand)
                    break
        if hit is None:
            i += 1
            continue
        s, e, chosen, surface = hit
        if _not_a_place(text, s, e):
            i += 1
            continue
        divisions.append((s, e, chosen[0] if len(chosen) == 1 else None, surface))
        i = e
    divisions = [d for d in _pointed_to(divisions, context) if d[0] not in in_context] + \
        [d for d in divisions if d[0] in in_context]
    divisions.sort(key=lambda d: d[0])
    for s, e, d, surface in divisions:
        if d is None:
            key = f"Place/{surface}?"
            article.mentions.append(Mention(s, e, "AdministrativeDivision", key, surface))
            article.nodes.append(Node(key, "AdministrativeDivision", surface, s, attrs={"ambiguous": True}))
            continue
        key = _declare(article, d, s, (s, e))
        mentioned_keys.add(key)
        if key not in declared:
            declared.add(key)
            _hierarchy(article, d, s, declared)
        if d.level == "township":
            _village(article, e, key)
    _towns_by_shape(article)
    _villages_by_shape(article, context)
    _village_again(article)
    # implied parents that are also mentioned elsewhere in the article are mentions, not implied nodes
    article.nodes[:] = [n for n in article.nodes if not (n.key in mentioned_keys and not n.mentioned)]
    _sites(article, context)
    _reservoirs(article)
    find_landmarks(article)


ORDINARY_TAGS = ("n", "v", "vn", "a", "ad", "d", "m", "q", "r", "t", "c", "p", "u", "f", "l", "i")
# what a site's name never holds: figures, quotation marks, verbs of building and investing
SITE_NOT = re.compile(r"[0-9０-９“”\"'‘’]|投资|新建|建设|开工|打造|实施|推进|完成|共建|引进|签约|启动|扩建|改造|计划"
                      r"|公司|集团|的|和")  # a company's workshop is the company's; "施工的码头", "A和B": no one name
# a reservoir named after its place ("佛子岭镇 … 佛子岭水库"), or by a name the dictionary knows as a place's
RESERVOIR = re.compile(r"水库")
# words before a place that say it is one: "途经寿光、青州", "赴临朐考察"
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
PLACE_BEFORE_CHARS = set("在到赴至往于和与及、从经由向对为是省市县区")
PLACE_BEFORE = ("途经", "经过", "途径", "前往", "来自", "位于", "赴", "到", "在")


def _short_in_context(text: str, s: int, name: str, cands: list[Division], last_end: int) -> list[Division]:
    """A county's short form outside the home city, taken when the text says it is a place: after
    途经/前往/赴 …, or listed right after a place just taken ("途经寿光、青州")."""
    counties = [d for d in cands if d.level == "county" and not _is_full_name(name, d)]
    if len(counties) != 1 or len(name) < 2:
        return []
    if is_dictionary_word(name) and (word_tag(name) or "n") in ORDINARY_TAGS:
        return []  # an ordinary word that is also a county's short form
    e = s + len(name)
    if not (e >= len(text) or text[e] in "、,，。;；等和与及)）" or text.startswith(("一带", "境内", "考察", "调研"), e)):
        return []  # the start of a longer name: "到云溪化工园区"
    if text.endswith(PLACE_BEFORE, 0, s) or (text[s - 1:s] == "、" and last_end == s - 1):
        return counties
    return []


STREET_AFTER = ("路", "街", "巷", "大道", "东路", "西路", "南路", "北路", "中路", "大街", "胡同",
                "村", "社区")  # and villages named like cities: 玉林村 is no 玉林市


# what the level character 县 starts when it stands for the paper's own county ("县委", "县产业集聚区")
COUNTY_WORDS = ("县委", "县政府", "县人民政府", "县人大", "县政协", "县直", "县产业", "县城", "县级", "县领导", "县域",
                "县四大班子", "县中心")


def _not_a_place(text: str, s: int, e: int) -> bool:
    """The match is part of something else: a street (广州路), a longer word (长治|久安), or a
    person's name after a title (书记龙|长春)."""
    if text.startswith(STREET_AFTER, e):
        return True
    if e - s == 2 and text[s:e].endswith("县") and runs_into_word_before(text, s):
        return True  # "代|理县|长", "管|理县|域": a word before runs into a two-character county (理县)
    if e - s == 2 and text[s] in "和与及代各全本该我" and text.startswith("县", s + 1) and (
            role_at(text, s + 1) or (text[s] != "代" and text.startswith(COUNTY_WORDS, s + 1))):
        return True  # "代县长", "各乡镇和县产业集聚区": a word and the county's own 县…, no county 代县 or 和县
    if not text[s:e].endswith(FULL_SUFFIXES):  # a short form inside a longer word
        for x in range(e + 1, min(len(text), s + 6) + 1):
            if is_dictionary_word(text[s:x]) and not text[s:x].endswith(FULL_SUFFIXES):
                return True
    if text[s:e][-1] in "江河" and not text[s:e].endswith(FULL_SUFFIXES) and s > 0 and CJK_CHAR.match(text[s - 1]) \
            and text[s - 1] not in PLACE_BEFORE_CHARS:
        return True  # "浦|阳江": the end of a river's name, not the city 阳江
    if not text[s:e].endswith(FULL_SUFFIXES) and any(
            (role_at(text, s - k) or "") and s - k + len(role_at(text, s - k)) > s for k in (1, 2, 3) if s - k >= 0):
        return True  # "市|长沙…" read in "市长|沙某某": a title runs into a short form (宜昌市长阳县 keeps its 县)
    if s >= 1 and text[s - 1] in surnames() and any(text.endswith(r, 0, s - 1) for r in ("书记", "长", "主任", "委员")):
        return bool(role_at(text, s - 3) or role_at(text, s - 2) or role_at(text, s - 4))
    # a name in a list of names (、覃|玉林、, 覃|玉林当选): a family name before a short form, a list around it
    if s >= 1 and e - s == 2 and text[s - 1] in surnames() and text[s - 1] not in PREPOSITION_SURNAMES \
            and (s == 1 or text[s - 2] in "、，,：:;；（(\n") \
            and (text[e:e + 1] in ("、", "，", ",") or text.startswith(("当选", "等", "同志"), e)) \
            and not text[s:e].endswith(FULL_SUFFIXES):
        return True
    return False


def _pointed_to(divisions: list, context: Context) -> list:
    """Drop far homonyms: a township outside the home province, or an ambiguous name or a county
    outside it whose name is an ordinary word (城区, 老城区), unless the article names one of its
    ancestors."""
    gaz = Gazetteer.default()
    named = {d.code for _, _, d, _ in divisions if d is not None}
    home = context.region.province_code
    out = []
    for s, e, d, surface in divisions:
        if d is None:
            if not is_dictionary_word(surface):
                out.append((s, e, d, surface))
            continue
        outside = home is not None and d.code != home and not gaz.is_within(d.code, home)
        far = outside and (d.level == "township" or (d.level == "county" and is_dictionary_word(surface)))
        if far and not any(a.code in named for a in gaz.ancestors(d.code)):
            continue
        out.append((s, e, d, surface))
    return out


def _village_again(article: Article) -> None:
    """Later mentions of a village named after its township ("X镇沙河村 … 沙河村村委会")."""
    villages = {m.label: m for m in article.mentions if m.attrs.get("adminLevel") == "village"}
    spans = [(m.start, m.end) for m in article.mentions]
    for name, first in villages.items():
        for hit in re.finditer(re.escape(name), article.text):
            s, e = hit.span()
            if any(a < e and s < b for a, b in spans):
                continue
            article.mentions.append(Mention(s, e, "Village", first.key, name, dict(first.attrs)))
            spans.append((s, e))


# a village named where only a village can stand: before its bodies ("X村党支部书记"), in a list of
# villages ("深入甲村、乙村、丙村"), or as a clause's place ("在X村,")
VILLAGE_SHAPE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3}?村)(?=原?(?:党支部|党总支|党委|村委会|村民委员会)|支部"
                           r"|村民(?!委员会)|驻村|原?第一书记|两委|(?:党支部)?书记|主任|村干部"
                           r"|[、和及与][\u4e00-\u9fff]{2,3}村|[,，。;；、]|等"
                           rf"|(?P<site>[\u4e00-\u9fff]{{1,8}}?(?:{SITE_SUFFIX}|水库|山塘|合作社)[,，。;；、和与及]))")
# a village opening the name of a site visited, in a list or after the verb ("察看了甲村乙水库、丙村…")
VILLAGE_SITE_BEFORE = re.compile(r"(?:深入|来到|走进|前往|察看了?|查看了?|参观了?|到|在|和|及|与|、)$")
VILLAGE_STEM_NOT = set("农乡全该本各每邻驻包联到入整进出山老某为对给从把被由往的了是便就也都还个")
# a preposition before 村 ends a verb phrase, not a village's name ("发包给|村支部委员")
VILLAGE_STEM_LAST_NOT = set("给向到在对从把被让由往")


TOWN_SHAPE = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)")


def _towns_by_shape(article: Article) -> None:
    """A township the gazetteer does not know (renamed or merged since), named right after its county:
    "龙海市|榜山镇党委书记" is a town of 龙海; it is written as that county's township."""
    text = article.text
    spans = [(m.start, m.end) for m in article.mentions]
    for county in [m for m in article.mentions if m.attrs.get("adminLevel") == "county"]:
        m = TOWN_SHAPE.match(text, county.end)
        if m is None or any(a < m.end() and m.start() < b for a, b in spans):
            continue
        name = m.group(0)
        stem = name[:-2] if name.endswith("街道") else name[:-1]
        tag = word_tag(stem) or "n"
        if stem[0] in VILLAGE_STEM_NOT or stem[0] == "新" or tag[:1] in "drmpcuf" \
                or (tag[:1] in "va" and word_freq(stem) > 500) \
                or is_dictionary_word(name) or text[m.end():m.end() + 1] in "镇村":
            continue  # "北部|乡镇", "各乡村": no town's name
        key = f"{county.key}/{name}"
        article.mentions.append(Mention(m.start(), m.end(), "Township", key, name, {"adminLevel": "township"}))
        article.relations.append(Relation(key, "locatedIn", county.key, m.start()))
        spans.append(m.span())
        _village(article, m.end(), key)


def _common_village_word(word: str) -> bool:
    """"乡村", "农村": a common word ending in 村 (和美|乡村), not the end of a village's name (山村 may be)."""
    if word[-2] in "驻进到入在回":  # "现任驻村第一书记", "进村入户": a verb before 村, no name
        return True
    return any((word_tag(w) or "ns")[:1] in "nv" and not (word_tag(w) or "ns").startswith("ns") and word_freq(w) > 100
               for w in (word[-2:], word[-3:]))  # 乡村, 行政村


def _villages_by_shape(article: Article, context: Context) -> None:
    """Villages of the township the article names last before them, else of its county, else of the home
    county or city (a township's own page names its villages only: "镇长带队深入甲村、乙村")."""
    text = article.text
    # the township named last before a village, else the county (a village named after its county: "X县Y村")
    townships = sorted((m.start, m.key) for m in article.mentions
                       if m.attrs.get("adminLevel") in ("township", "county"))
    home = context.region.county_code or context.region.city_code
    if home:
        townships.insert(0, (-1, f"Place/{home}"))
    if not townships:
        return
    spans = [(m.start, m.end) for m in article.mentions]
    # one village however often named on the page ("甲镇乙村" in one item, "乙村" alone in the next)
    known = context.cache.setdefault("villages", {})
    known.update({m.label: m.key for m in article.mentions if m.attrs.get("adminLevel") == "village"})
    pos = 0
    while True:
        m = VILLAGE_SHAPE.search(text, pos)
        if m is None:
            break
        s, e = m.span("name")
        pos = s + 1  # overlapping: "入|甲村" is refused, "甲村" is tried next
        stem = text[s:e - 1]
        before = text[max(0, s - 3):s]
        next_village = re.match(r"[、和及与][\u4e00-\u9fff]{2,3}村", text[e:e + 5]) is not None
        listed = text[e:e + 1] in "、,，。;；等和及与" and (
            re.search(r"(?:深入|来到|走进|前往|到|在|和|及|与|、)$", before) or next_village)
        if text[e:e + 1] in ",，。;；等、" and not listed:
            continue  # "甲村、乙、丙参加": a name in a list of names, not a village
        if m.group("site") and not VILLAGE_SITE_BEFORE.search(text[max(0, s - 3):s]):
            continue
        if s and is_dictionary_word(text[s - 1:s + 1]) and not (word_tag(text[s - 1:s + 1]) or "").startswith("ns"):
            continue  # "听|取裕民村": the first character ends the word before; "裕民村" is tried next
        if m.group(0).endswith(("书记", "主任")) or text.startswith(("书记", "主任", "党支部书记"), e):
            if (word_tag(text[e - 3:e - 1]) or "").startswith("v"):
                continue  # "便叮嘱|村书记": a verb before the title 村书记, no village
        if stem[0] in VILLAGE_STEM_NOT or stem[-1] in VILLAGE_STEM_LAST_NOT or any(a < e and s < b for a, b in spans) \
                or (is_dictionary_word(text[s:e]) and not (word_tag(text[s:e]) or "").startswith("ns")) \
                or _common_village_word(text[max(0, e - 3):e]) \
                or (word_tag(stem) or "n")[:1] in "vadrmpcu":
            continue
        owner = [k for start, k in townships if start < s]
        if not owner:
            continue
        name = text[s:e]
        key = known.get(name) or f"Place/{owner[-1][len('Place/'):]}/{name}"  # one village, however often named
        article.mentions.append(Mention(s, e, "Village", key, name, {"adminLevel": "village"}))
        if name not in known:
            article.relations.append(Relation(key, "locatedIn", owner[-1], s))
        known[name] = key
        spans.append((s, e))


def _village(article: Article, pos: int, township_key: str) -> None:
    m = VILLAGE.match(article.text, pos)
    if not m:
        return
    name = m.group(0)
    key = f"Place/{township_key[len('Place/'):]}/{name}"
    article.mentions.append(Mention(m.start(), m.end(), "Village", key, name, {"adminLevel": "village"}))
    article.relations.append(Relation(key, "locatedIn", township_key, m.start()))


def _reservoirs(article: Article) -> None:
    """Reservoirs named in the text, in the division named last before them."""
    text = article.text
    divisions = sorted((m for m in article.mentions if m.attrs.get("adminLevel")), key=lambda m: m.start)
    taken = [(m.start, m.end) for m in article.mentions]
    for m in RESERVOIR.finditer(text):
        for n in (4, 3, 2):
            s = m.start() - n
            stem = text[s:m.start()]
            if s < 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or set(stem) & set("的了在是与和及等各全型座个条大小"):
                continue
            named = any(d.label.startswith(stem) and d.label[len(stem):] in ("镇", "乡", "村", "县", "区", "街道")
                        for d in divisions) or (word_tag(stem) or "").startswith("ns")
            if not named or any(a < m.end() and s < b for a, b in taken):
                continue
            name = stem + "水库"
            key = f"Place/site/{name}"
            article.mentions.append(Mention(s, m.end(), "Site", key, name))
            taken.append((s, m.end()))
            before = [d for d in divisions if d.start < s]
            if before:
                article.relations.append(Relation(key, "locatedIn", before[-1].key, s))
            break


def _sites(article: Article, context: Context) -> None:
    text = article.text
    divisions = [m for m in article.mentions if m.attrs.get("adminLevel")]
    spans: list[tuple[int, int]] = []
    for m in SITE.finditer(text):
        spans.append(m.span("name"))
        nxt = SITE_NEXT.match(text, m.end("name"))
        while nxt:
            spans.append(nxt.span("name"))
            nxt = SITE_NEXT.match(text, nxt.end("name"))
    for s, e in spans:
        name = text[s:e]
        if SITE_NOT.search(name):
            continue  # "在青禾高新区投资5亿元新建智能工厂": a clause, not a site's name
        if name.startswith(("市", "县", "区")) and not any(d.start == s for d in divisions):
            loc = f"Place/{context.region.city_code}" if context.region.city_code else None
        else:
            inner = [d for d in divisions if s <= d.start < e]
            loc = inner[-1].key if inner else None
        after = text[e:e + 30]
        where = re.match(r"位于", after)
        if where:
            later = [d for d in divisions if e < d.start <= e + 20]
            if later:
                loc = later[-1].key
        label = name
        if name[0] in "市州" and context.region.city and not any(d.start == s for d in divisions):
            label = context.region.city + name[1:]
        key = f"Place/site/{label}"
        article.mentions.append(Mention(s, e, "Site", key, label))
        if loc:
            article.relations.append(Relation(key, "locatedIn", loc, s))
