"""Where a body's name starts and ends in a text, by the grammar of agency names.

A name is ``[region prefix] unit (unit)*``; a unit is a whole body (委, 政府, 政协 …) or a stem followed by a
department suffix (…局, …委员会, …办, …中心); see kg/data/agency_grammar.txt. Besides prefixed names this
module finds bodies named by a strong suffix alone (水利部, 城东派出所), the armed forces, ministries that
jieba reads whole, a ministry's departments, and the schools, hospitals and banks that are organisations
rather than bodies (``institution_ending_at``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import (agency_grammar, countries, is_dictionary_word, role_at, surnames, title_ends_at, tokens,
                               word_freq, word_tag)
from kg.extract.name_grammar import NAME_END_WORDS
from kg.model import Article

CJK = re.compile(r"[\u4e00-\u9fff]+")
MAX_STEM = 10
STEM_FIRST_STOP = set("域和与及或")
WEAK_SUFFIXES = ("中心",)
MAX_EXT_STEM = 8
# bodies that stand beside the body named before them (a zone's 管委会 beside its 党工委): never named whole alone
SIBLING_WORDS = ("管委会", "委员会", "办事处", "街道办", "总局", "总署")
# characters that never sit inside an agency's stem (function words, pronouns)
STEM_STOP = set("的了在是与及将把被从向对等各要我你他她其这那也都还就又并而或让使给到于为以由任据")


@dataclass
class AgencySpan:
    """An agency found in an article: offsets, canonical label, entity key, parent key."""

    start: int
    end: int
    label: str
    key: str
    parent: str | None = None


FUNCTION_TOKENS = set("从在到与和及由向对经将把被为是的该我本驻各任赴至了据以、,，。;；:：(（\"“”")
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
    if text.startswith(("政府", "人大", "政协"), end) and text[end - 1] == "委":
        return True  # "党委政府": the committee, then the government beside it
    # a four-character word across the end: 市|政府采购, not a government
    word = text[end - 2:end + 2]
    return not (len(word) == 4 and is_dictionary_word(word) and (word_tag(word) or "")[:1] in ("v", "n"))


def unit_end(text: str, pos: int, max_stem: int, bodies: bool, sub_unit: bool = False) -> int | None:
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
        if n > 1 and text[at - 1] == "和" and text.endswith(("委", "政府", "局", "厅"), pos, at - 1):
            break  # "自治区党委政府|和呼和浩特市委": a body's name is complete before 和, a list goes on
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
            if role and len(role) >= len(suf) and not (role == suf + "长" and suf in "局部厅处科" and n >= 2 and not sub_unit):
                continue  # but "教育局长": the bureau, its head's title sharing 局 (read by the title chain)
            if text.startswith(suf, at) and _end_ok(text, end) and _unit_ok(text[pos:end]):
                return end
        if role:
            break
    return None


def department_end(text: str, pos: int) -> int | None:
    """End of a department name without region (宣传部, 组织部, a ministry's 种植业管理司) starting at
    ``pos``, or None."""
    end = unit_end(text, pos, MAX_EXT_STEM, bodies=False, sub_unit=True)
    if end is None:
        m = MINISTRY_DEPARTMENT.match(text, pos)
        end = m.end() if m and not set(m.group()) & DEPARTMENT_STOP else None
    return end


VILLAGE_COMMITTEES = ("村民委员会", "村委会")
DEPARTMENT_STOP = set("的了在是将把被从向对等各要我你他她其这那也都还又而或让使给到于为以由据")  # not 就 (就业促进司)
BANK_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:中心支行|分行|支行|营业管理部)")
# a ministry's department: a stem and 司, where its head's title or a break follows (发展规划司|司长)
MINISTRY_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,9}?司(?=副?司长|巡视员|一级|二级|负责人|[、，,。；;])")


def _titled_after_level(text: str, s: int) -> bool:
    """A department and its head's title right after the level character at ``s``, although the tokenizer
    joins that character to the next ("市民|宗局局长": 市 + 民宗局)."""
    end = department_end(text, s + 1)
    return end is not None and role_at(text, end) is not None


def chain_ends(text: str, pos: int, bodies: bool = True) -> list[int]:
    """Ends of the units of a name starting at ``pos`` (empty when no unit starts there)."""
    ends: list[int] = []
    end = unit_end(text, pos, MAX_STEM, bodies)
    while end is not None:
        ends.append(end)
        if role_at(text, end):
            break
        end = unit_end(text, end, MAX_EXT_STEM, bodies=False, sub_unit=True)
    return ends


def prefix_starts(article: Article) -> list[tuple[int, int, str]]:
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
                w[1:].startswith(b) for b in _by_first("body").get(w[1:2], ())) or _titled_after_level(text, s)):
            out.append((s, s + 1, "level"))
        if free and w.startswith("地委") and (w == "地委" or role_at(text, s + 2)):
            out.append((s, s + 1, "level"))  # a prefecture-level 地区's committee, written without its region
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


def strong_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
            if suf in g["whole-only"] and (w == suf or len(w) < 3 or not (word_tag(w) or "").startswith(("nt", "j"))
                                           or title_ends_at(text, e, s + 2)):
                continue  # 委 and 办 end a body only in a word the dictionary knows whole (发改委; 省委常委 is a title)
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
                # a verbal noun names a field before a department word (应急|管理局), not before a bare 局
                field = tag == "vn" and j == i - 1 and len(w) > len(suf) and not (
                    j and (word_tag(toks[j - 1][0]) or "").startswith("v"))  # not half of 防汛|抗旱|总指挥部
                if not CJK.fullmatch(tw) or STEM_STOP & set(tw) \
                        or (len(tw) > 1 and not tag.startswith(("n", "j")) and not field) or tw in ("和", "或"):
                    break  # "物业公司和|派出所": a list, not one name
                start = toks[j][1]
                extended = True
                j -= 1
            # a word the dictionary knows whole as a name (邮政局, 公安部, 教育局, 发改委) needs no stem
            tag = word_tag(w) or ""
            whole = (w != suf and len(w) >= 3 and not title_ends_at(text, e, s + 2)
                     and (tag.startswith(("nt", "j")) or (tag == "n" and suf in ("局", "所", "厅")))) \
                or (w == suf and len(suf) >= 3 and suf not in SIBLING_WORDS and bool(role_at(text, e)))  # 公安局|政委X
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


def military_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def ministry_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """National ministries that jieba reads as one word (水利部, 公安部), which the stem rule cannot see."""
    out: list[tuple[int, int]] = []
    for name in agency_grammar().get("ministry", ()):
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken + out) or (name[-1] in "部署局" and not _end_ok(text, e)):
                continue
            out.append((s, e))
    return out


def departments_after(text: str, end: int) -> list[int]:
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

