"""The words of project names: the grammar in kg/data/project_grammar.txt and what a name is made of.

Used by :mod:`kg.extract.project_names` (finding names) and :mod:`kg.extract.projects`:

* :func:`grammar` — the heads a name ends in (项目/工程, 水库, 二级公路 …), the words
  that end the stretch it can start in, generic words, building and stage words;
* :func:`is_specific` — whether the words before a head name something particular
  (a place or proper name, a capacity, a company), not a category ("重点项目");
* :func:`owner_of` — the company a label starts with ("楚峰化工2×35万千瓦…");
* :func:`core_of` and :func:`same_project` — when two mentions name one project.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kg.extract.lexicon import is_dictionary_word, tokens, word_tag
from kg.model import Article

MAX_LABEL = 40
NAME_TAIL_VERBS = ("建设", "改造", "扩建", "改扩建", "新建", "续建", "提升", "提标", "整治", "治理", "升级", "搬迁")
# numbers that name no project: dates, batches, rounds ("2024年", "第一批", "二季度")
NOT_NAME_NUMBER = re.compile(r"\d{2,4}年(?:度)?|\d{1,2}月(?:份)?|\d{1,2}日|第[\d一二三四五六七八九十]+[批期届次轮]|"
                             r"[\d一二三四]季度|"
                             # a class of projects by size: "10亿元以上项目", "300亿项目"
                             r"\d+(?:\.\d+)?(?:万亿|千万|亿|万)?元(?:以上|以下|左右)?|\d+(?:\.\d+)?(?:万亿|千万|亿)(?:以上|以下)?"
                             r"(?![吨千瓦平方米亩台套辆件])")
DATE_LEAD = re.compile(r"^(?:\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?"
                       r"(?:[一二三四1-4]季度|上半年|下半年)?")
SUPERLATIVE_LEAD = re.compile(r"^(?:中国|全国|全省|全市|全区|国内|世界|亚洲|全球|省内|市内)?(?:尺寸|规模|产能)?"
                              r"(?:最大|最长|最高|首个|首家|唯一|第一)的?")
CATEGORY_LEAD = re.compile(r"^.{0,8}?(?:重点|重大|省重点|市重点|民生|实事)(?:建设)?(?:工程项目|工程|项目|产业项目)(?=.{3,})")
FUNCTION_TAGS = ("v", "p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "d", "ad", "m", "q", "f", "t", "zg")
# jieba tags of proper names, with the dictionary frequency above which a word so tagged is a common word
# (a common noun tagged nz is no name; 京东方/nz is); None: any frequency (common words jieba tags nr, such as 智慧 and 养老,
# are in the grammar's generic words)
NAME_TAGS = {"ns": None, "nt": None, "nr": None, "nrt": None, "nrfg": None, "nz": 200}


@dataclass
class Grammar:
    """The sections of kg/data/project_grammar.txt."""

    named: tuple[str, ...]
    facility: tuple[str, ...]
    road: tuple[str, ...]
    junction: tuple[str, ...]
    not_after: tuple[str, ...]
    where: tuple[str, ...]
    boundary: frozenset[str]
    generic: frozenset[str]
    lead: tuple[str, ...]
    not_tail: tuple[str, ...]
    build: tuple[str, ...]
    stages: dict[str, tuple[str, ...]]
    generic_chars: frozenset[str] = frozenset()
    industry: tuple[str, ...] = ()
    head_rx: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    acronym_rx: re.Pattern | None = field(repr=False, default=None)


@cache
def grammar() -> Grammar:
    """The project grammar, each list longest first."""
    text = resources.files("kg").joinpath("data", "project_grammar.txt").read_text(encoding="utf-8")
    sec: dict[str, list[str]] = {}
    cur = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = line[1:-1]
            sec[cur] = []
        else:
            sec[cur].append(line)

    def longest(name: str) -> tuple[str, ...]:
        return tuple(sorted(sec.get(name, []), key=len, reverse=True))

    g = Grammar(named=longest("named"), facility=longest("facility"), road=longest("road"),
                junction=longest("junction"), not_after=longest("not_after"), where=longest("where"),
                boundary=frozenset(sec["boundary"]), generic=frozenset(sec["generic"]), lead=longest("lead"),
                not_tail=longest("not_tail"), build=longest("build"),
                stages={k[len("stage_"):]: longest(k) for k in sec if k.startswith("stage_")},
                generic_chars=frozenset("".join(sec.get("generic_char", []))), industry=longest("industry"))
    heads = sorted(set(g.named + g.facility + g.road), key=len, reverse=True)
    g.head_rx = re.compile("|".join(map(re.escape, heads)))
    acronyms = sorted((w for w in g.generic if w.isascii()), key=len, reverse=True)
    g.acronym_rx = re.compile("|".join(map(re.escape, acronyms))) if acronyms else None
    return g


def _leading_owner(label: str) -> str | None:
    toks = [w for w, _, _ in tokens(label)]
    g = grammar()
    acc = ""
    for i, w in enumerate(toks[:6]):
        acc += w
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        after = toks[i + 2] if i + 2 < len(toks) else ""
        if len(nxt) == 1 and not nxt.isdigit() and (not after or after in g.named):
            continue  # "云溪综合能源站项目": the industry word is part of what is built
        if (w in g.industry and len(acc) > len(w) and not all_generic(acc[:-len(w)])
                and not re.search(r"[省市县区镇乡村园]$|\d|年产", acc[:-len(w)])) or \
                (len(w) > 3 and w.endswith(g.industry) and len(acc) == len(w)):
            return acc
    if toks and len(toks[0]) >= 2 and not is_dictionary_word(toks[0]) and \
            re.match(r"(?:年产|\d)", label[len(toks[0]):]):
        return toks[0]
    n = 0  # a name jieba cuts into characters, before a capacity: "楚/峰/年产…"
    while n < len(toks) and len(toks[n]) == 1 and "\u4e00" <= toks[n] <= "\u9fff" and toks[n] not in g.generic_chars:
        n += 1
    name = "".join(toks[:n])
    if n >= 2 and re.match(r"(?:年产|\d)", label[len(name):]):
        return name
    return None


def owner_of(label: str) -> str | None:
    """The company a project's label starts with ("楚峰化工2×35万千瓦…", "楚峰年产…"), without a leading division."""
    owner = _leading_owner(label)
    m = re.match(r"^.{1,4}?[省市县区]", owner or "")
    if owner and m and len(owner) - m.end() >= 4:
        owner = owner[m.end():]
    return owner


# an institution of the paper's own division, named by its level: 县人民医院, 区第一中学, 市中医院
HOME_INSTITUTION = re.compile(r"[省市县区](?:第[一二三四五六七八九十\d]{1,3})?(?:人民医院|中医院|中医医院|妇幼保健院|医院|中学|"
                              r"实验中学|实验小学|小学|职业中学|职业技术学校|职业技术学院|体育馆|图书馆|博物馆|文化馆)"
                              r"|(?:第[一二三四五六七八九十\d]{1,3}(?:中学|小学|人民医院)|人民医院|中医院|中医医院|妇幼保健院)"
                              r"[^医院学校]{2,}")


def is_specific(stem: str, article: Article, start: int) -> bool:
    """Whether ``stem`` (text before a head, at ``start``) names something particular."""
    if not stem:
        return False
    bare = NOT_NAME_NUMBER.sub("", stem)
    if grammar().acronym_rx:  # "PPP项目", "5G基站": a kind of project, not a name
        bare = grammar().acronym_rx.sub("", bare)
    if re.search(r"[A-Za-z0-9０-９]|“|《|[×xX]\d", bare):
        return True
    end = start + len(stem)
    if any(m.kind not in ("Project", "Journalist") and m.start < end and start < m.end and
           (m.kind == "Company" or m.attrs.get("adminLevel") or m.kind in ("River", "Railway", "DevelopmentZone"))
           for m in article.mentions):
        return True
    if owner_of(stem + "项目"):
        return True
    if HOME_INSTITUTION.match(bare):  # "区人民医院整体迁建项目": the district's own hospital, one in particular
        return True
    toks = [(w, word_tag(w) or ("" if is_dictionary_word(w) else "?")) for w, _, _ in tokens(stem)]
    g = grammar()
    for i, (w, tag) in enumerate(toks):
        if len(w) >= 2 and _name_word(w, tag) and w not in g.generic:
            return True
        if w in g.road and i > 0:  # a road's name: 云溪/大道, 青/禾/路
            prev = toks[i - 1][0]
            if (len(prev) >= 2 and prev not in g.generic) or (i > 1 and len(prev) == 1 and len(toks[i - 2][0]) == 1):
                return True
        if i > 0 and single_name_char(w, tag) and single_name_char(*toks[i - 1]):
            return True  # a name jieba does not know, cut into characters: 青/禾, 石/湾
    return False


def _name_word(w: str, tag: str) -> bool:
    """Whether a dictionary word is a proper name: tagged as one, and not so common that it is an ordinary word."""
    if tag not in NAME_TAGS or w.endswith(grammar().named + grammar().facility):
        return False
    limit = NAME_TAGS[tag]
    return limit is None or _frequency(w) < limit


def _frequency(word: str) -> int:
    """How often jieba's dictionary counts ``word`` (0 when it is no dictionary word)."""
    import jieba

    if not is_dictionary_word(word):  # loads the dictionary
        return 0
    return jieba.dt.FREQ.get(word, 0)


def single_name_char(w: str, tag: str) -> bool:
    return len(w) == 1 and "\u4e00" <= w <= "\u9fff" and w not in grammar().generic_chars and tag not in FUNCTION_TAGS


def all_generic(stem: str) -> bool:
    g = grammar()
    stem = NOT_NAME_NUMBER.sub("", stem)
    if stem in g.generic:  # a field named whole ("新材料"), whatever the tokenizer makes of it
        return True
    return all(w in g.generic or (len(w) == 1 and (w in g.generic_chars or (word_tag(w) or "x") in FUNCTION_TAGS))
               for w, _, _ in tokens(stem))


def trim_lead(label: str) -> str:
    """The label without a leading date, "我市", a category ("重点工程") or a modifier ("未来")."""
    g = grammar()
    while True:
        before = label
        label = DATE_LEAD.sub("", label)
        label = SUPERLATIVE_LEAD.sub("", label)
        label = CATEGORY_LEAD.sub("", label)
        for w in g.lead:
            if label.startswith(w) and len(label) > len(w) + 2:
                label = label[len(w):]
                break
        toks = tokens(label)
        if toks and toks[0][0] in ("县", "市", "区", "省", "州") and len(label) > 3:
            label = label[1:]
        if label == before:
            return label


def core_of(label: str) -> str:
    """What identifies a project among its mentions: the label without "项目", "一期工程", "建设" …"""
    core = label
    while True:
        before = core
        core = re.sub(r"(?:[(（][^()（）]*[)）])$", "", core)
        core = re.sub(r"(?:[一二三四五六七八九十\d]+期|建设|改造|提标改造|扩建|改扩建|续建|新建|提升|PPP|集中开工|首批)?"
                      r"(?:项目|工程)$", "", core) or core
        core = re.sub(r"[一二三四五六七八九十\d]+期$", "", core) or core
        if core == before:
            break
    for w in grammar().lead:
        if core.startswith(w) and len(core) > len(w) + 2:
            core = core[len(w):]
            break
    owner = owner_of(core)
    if owner and core.startswith(owner) and len(core) > len(owner) + 2:
        core = core[len(owner):]  # "X电器华东制造基地" is X's "华东制造基地"
    g = grammar()
    m = re.compile("|".join(map(re.escape, g.facility))).search(core, 2)
    if m and m.end() < len(core) and not any(j in core[m.end():] for j in g.junction):
        core = core[:m.end()]  # "石湾污水处理厂提标改造" is "石湾污水处理厂"
    return core


def balanced(label: str) -> bool:
    """Whether every bracket and quote opened in a label is closed in it, and it starts with a letter of a name."""
    pairs = (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》"), ("[", "]"), ("【", "】"))
    for a, b in pairs:
        depth = 0
        for ch in label:
            depth += (ch == a) - (ch == b)
            if depth < 0:
                return False  # "…办法》《关于…": a bracket closed before it is opened spans two titles
        if depth:
            return False
    return not re.match(r"[\"'》”)）、]", label)


def same_project(a: str, b: str) -> bool:
    """Whether two cores name one project: equal, one ends the other, or one is the other with words left out."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3 or short in grammar().facility or short in grammar().named:
        return False
    if long_.endswith(short):
        return True
    if short[:2] == long_[:2] and short[-2:] == long_[-2:]:
        it = iter(long_)
        return all(ch in it for ch in short)
    return False


def common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
