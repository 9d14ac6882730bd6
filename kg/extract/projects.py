"""Projects, engineering works and named programmes, with owners, places, amounts and stages.

Shapes (the words are in kg/data/project_grammar.txt):

* a name ending in a *named* head, 项目 or 工程, that carries something
  particular (a place or proper name, a capacity, a company):
  "推动楚峰2×35万千瓦热电联产项目手续完善", "云溪大道东延工程";
* a thing built, whose name ends in a *facility* head (水库, 二级公路, 物流园,
  生产线, 污水处理厂, 校区 …), when its clause speaks of building or
  investing: "开工建设云岭高速公路和青禾至石湾二级公路", "推进南江水库、北港物流园建设";
* a road ("青禾东路") only right beside a building verb;
* a name opening its clause ("石湾水库总投资3亿元", "X项目正式开工"), after a
  verb or a word such as 有/包括/宣布, in a list ("A项目、B项目、C工程等12个项目",
  "A、B两座大桥", "恒远光电、嘉禾精工等3个外资项目"), with brackets, and long
  official names ("A路西延与B高速公路互通式立交工程");
* a quoted programme: "“三清工程”", "50万亩“高产田”提升工程".

A name starts after the last word before it that cannot be part of it: a
boundary word of the grammar, or a verb, preposition or pronoun after which
the rest still names something particular.  Mentions of one project in an
article ("江南污水处理厂一期工程", "江南污水处理厂项目"; "天文小镇" after
"航龙天文小镇") are one node, whose other forms become alternative labels.

The company behind a project is the leading proper name of its label when it
ends in an industry word (…化工, …集团), a name jieba does not know followed
by a capacity ("华锐年产5万吨…"), or a company the clause names.  Money in the
same clause (投资/总投资/产值 …) is parsed with jionlp and normalised to yuan.
The stage the clause gives (签约, 开工, 竣工, 谋划) is ``gk:projectStage``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources

from kg.extract.lexicon import is_dictionary_word, jionlp, tokens, word_tag
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

MAX_LABEL = 40
INDUSTRY = ("化工", "集团", "钢铁", "能源", "电力", "科技", "纺织", "药业", "制药", "实业", "控股", "股份", "新材料",
            "电子", "汽车", "铝业", "热电", "光电", "精工", "机械", "食品", "医药", "环保", "物流", "智能", "半导体",
            "新能源", "置业", "地产", "建工", "电器", "生物", "纸业", "矿业", "建材", "电气",
            "重工", "光伏", "锂电", "陶瓷", "铜业", "石化", "塑业", "服饰", "家居")
MONEY = re.compile(r"(?P<kind>总投资|投资|产值|营收|销售收入|税收)[^,，。;；]{0,6}?"
                   r"(?P<amount>(?:近|约|超|逾|达)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|千亿|百亿|亿|万)?元|"
                   r"(?:近|约|超|逾)?[百千万]亿元)")
QUOTED = re.compile(r"(?P<name>(?:\d+(?:\.\d+)?万?亩)?“[^”]{2,12}”[^,，。;；、“”的]{0,8}?(?:工程|项目|计划))|"
                    r"“(?P<inner>[^”]{2,10}(?:工程|项目|计划))”")
CLAUSE_END = "，,。;；!！?？:：\n"
BRACKETS = {"(": ")", "（": "）", "[": "]", "【": "】"}
# a list of projects closed by their count: "…等12个项目", "……15个重大产业项目", "等“老树发新枝”项目"
LIST_CLOSE = re.compile(r"(?:等|……|…)(?P<tail>[^,，。;；的]{0,12}?)项目")
COUNT = re.compile(r"[\d一二三四五六七八九十两百]+[个项家批]")
# "A、B两座大桥": the head comes after the count
COUNTED_HEAD = re.compile(r"(?P<n>[两二三四五六七八九十]|\d+)[座条个所家处]")
STRONG_AFTER = re.compile(r"^(?:建设)?(?:项目)?(?:计划总投资|计划投资|总投资|投资总额|概算投资|估算投资|投资)(?:约|近|达|超|逾)?\d"
                          r"|^(?:正式|顺利|全面|集中|即将|将|已|近日|日前)?(?:开工|签约|竣工|投产|开建|奠基|落户|动工|完工|通车)")
DATE_LEAD = re.compile(r"^(?:\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?"
                       r"(?:[一二三四1-4]季度|上半年|下半年)?")
SUPERLATIVE_LEAD = re.compile(r"^(?:中国|全国|全省|全市|全区|国内|世界|亚洲|全球|省内|市内)?(?:尺寸|规模|产能)?"
                              r"(?:最大|最长|最高|首个|首家|唯一|第一)的?")
# a facility named as where something else is built: "在X产业园区新建…"
LOCATIVE = ("在", "于", "位于", "地处", "坐落")
# a facility that holds counted projects: "X园区今年新开工项目15项"
CONTAINER = re.compile(r"项目\s*\d+\s*[项个]|\d+\s*[个项]\S{0,6}项目")
NAME_TAIL_VERBS = ("建设", "改造", "扩建", "改扩建", "新建", "续建", "提升", "提标", "整治", "治理", "升级", "搬迁")
# numbers that name no project: dates, batches, rounds ("2024年", "第一批", "二季度")
NOT_NAME_NUMBER = re.compile(r"\d{2,4}年(?:度)?|\d{1,2}月(?:份)?|\d{1,2}日|第[\d一二三四五六七八九十]+[批期届次轮]|"
                             r"[\d一二三四]季度")
ANAPHOR = re.compile(r"(?<=[，,。;；\n])(?:该|此|这个)(?:项目|工程)(?=由|总投资|计划总投资|计划投资|投资|建成后|占地)")
BECOMES = re.compile(r"打造成|建设成|建成为|建成了?一[个座]|成为|作为|列为|定位为|定位于|誉为|称为")
FUTURE = re.compile(r"将|计划|预计|拟|力争|争取|确保|即将|有望|明年|年底前|年内")
COUNT_LEAD = re.compile(r"^[\d一二三四五六七八九十两百千万]+[多余]?[个项座条所家批]")
STRONG_BEFORE = ("开工建设", "投资建设", "规划建设", "建设", "新建", "兴建", "开建", "打造", "落户", "筹建")
CATEGORY_LEAD = re.compile(r"^.{0,8}?(?:重点|重大|省重点|市重点|民生|实事)(?:建设)?(?:工程项目|工程|项目|产业项目)(?=.{3,})")
FUNCTION_TAGS = ("v", "p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "d", "ad", "m", "q", "f", "t", "zg")
NAME_TAGS = ("ns", "nr", "nt", "nrt", "nrfg", "nz")
GENERIC_SINGLES = set("新老大小县市区省州镇乡村该本各全总首第期座条号东西南北中上下内外前后高低等的和与及在为对把将被从向是有个年月日一二三四五六七八九十两")


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
    head_rx: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]


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
                junction=longest("junction"), not_after=longest("not_after"), where=longest("where"), boundary=frozenset(sec["boundary"]),
                generic=frozenset(sec["generic"]), lead=longest("lead"), not_tail=longest("not_tail"), build=longest("build"),
                stages={k[len("stage_"):]: longest(k) for k in sec if k.startswith("stage_")})
    heads = sorted(set(g.named + g.facility + g.road), key=len, reverse=True)
    g.head_rx = re.compile("|".join(map(re.escape, heads)))
    return g


@dataclass
class Candidate:
    """A stretch of text that may name a project."""

    start: int
    end: int
    head_start: int
    label: str
    specific: bool
    core: str = ""
    owner: str | None = None
    key: str = ""


# --- parsing amounts ---------------------------------------------------------------------------

def parse_amount(text: str) -> tuple[Decimal, bool] | None:
    """Yuan and whether approximate, for "1050亿元", "近百亿元", "20余万元"; None if not money."""
    if "元" not in text:
        return None  # jionlp reads "335个" as 11 yuan
    try:
        res = jionlp().parse_money(text)
    except Exception:  # jionlp raises on text it cannot read as money
        return None
    if not res or res.get("case") != "元":
        return None
    approx = res.get("definition") != "accurate" or bool(re.search(r"[近约超逾多余]", text))
    num = res["num"]
    if isinstance(num, (list, tuple)):  # "20余万元" is a range [20万, 30万]: keep the stated lower bound
        num, approx = num[0], True
    return Decimal(num).normalize(), approx


# --- what a name is made of ----------------------------------------------------------------------

def _leading_owner(label: str) -> str | None:
    toks = [w for w, _, _ in tokens(label)]
    acc = ""
    for i, w in enumerate(toks[:6]):
        acc += w
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        after = toks[i + 2] if i + 2 < len(toks) else ""
        if len(nxt) == 1 and not nxt.isdigit() and (not after or after in grammar().named):
            continue  # "云溪综合能源站项目": the industry word is part of what is built
        if (w in INDUSTRY and len(acc) > len(w) and not _all_generic(acc[:-len(w)])
                and not re.search(r"[省市县区镇乡村园]$|\d|年产", acc[:-len(w)])) or \
                (len(w) > 3 and w.endswith(INDUSTRY) and len(acc) == len(w)):
            return acc
    if toks and len(toks[0]) >= 2 and not is_dictionary_word(toks[0]) and \
            re.match(r"(?:年产|\d)", label[len(toks[0]):]):
        return toks[0]
    n = 0  # a name jieba cuts into characters, before a capacity: "鹏/盛/年产…"
    while n < len(toks) and len(toks[n]) == 1 and "\u4e00" <= toks[n] <= "\u9fff" and toks[n] not in GENERIC_SINGLES:
        n += 1
    name = "".join(toks[:n])
    if n >= 2 and re.match(r"(?:年产|\d)", label[len(name):]):
        return name
    return None


def _owner(label: str) -> str | None:
    """The company a project's label starts with ("楚峰化工2×35万千瓦…", "鹏盛年产…"), without a leading division."""
    owner = _leading_owner(label)
    m = re.match(r"^.{1,4}?[省市县区]", owner or "")
    if owner and m and len(owner) - m.end() >= 4:
        owner = owner[m.end():]
    return owner


def _is_specific(stem: str, article: Article, start: int) -> bool:
    """Whether ``stem`` (text before a head, at ``start``) names something particular."""
    if not stem:
        return False
    if re.search(r"[A-Za-z0-9０-９]|“|《|[×xX]\d", NOT_NAME_NUMBER.sub("", stem)):
        return True
    end = start + len(stem)
    if any(m.kind not in ("Project", "Journalist") and m.start < end and start < m.end and
           (m.kind == "Company" or m.attrs.get("adminLevel") or m.kind in ("River", "Railway", "DevelopmentZone"))
           for m in article.mentions):
        return True
    if _owner(stem + "项目"):
        return True
    toks = [(w, word_tag(w) or ("" if is_dictionary_word(w) else "?")) for w, _, _ in tokens(stem)]
    g = grammar()
    for i, (w, tag) in enumerate(toks):
        if len(w) >= 2 and tag in NAME_TAGS and tag != "nz" and w not in g.generic:
            return True
        if w in g.road and i > 0:  # a road's name: 繁华/大道, 合/店/路
            prev = toks[i - 1][0]
            if (len(prev) >= 2 and prev not in g.generic) or (i > 1 and len(prev) == 1 and len(toks[i - 2][0]) == 1):
                return True
        if i > 0 and _single_name_char(w, tag) and _single_name_char(*toks[i - 1]):
            return True  # a name jieba does not know, cut into characters: 航/龙, 青/禾
    return False


def _single_name_char(w: str, tag: str) -> bool:
    return len(w) == 1 and "\u4e00" <= w <= "\u9fff" and w not in GENERIC_SINGLES and tag not in FUNCTION_TAGS


def _all_generic(stem: str) -> bool:
    g = grammar()
    stem = NOT_NAME_NUMBER.sub("", stem)
    return all(w in g.generic or (len(w) == 1 and (w in GENERIC_SINGLES or (word_tag(w) or "x") in FUNCTION_TAGS))
               for w, _, _ in tokens(stem))


def _trim_lead(label: str) -> str:
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


def _core(label: str) -> str:
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
    owner = _owner(core)
    if owner and core.startswith(owner) and len(core) > len(owner) + 2:
        core = core[len(owner):]  # "X电器西南产业基地" is X's "西南产业基地"
    g = grammar()
    m = re.compile("|".join(map(re.escape, g.facility))).search(core, 2)
    if m and m.end() < len(core) and not any(j in core[m.end():] for j in g.junction):
        core = core[:m.end()]  # "江南污水处理厂厂网一体化" is "江南污水处理厂"
    return core


# --- finding candidates --------------------------------------------------------------------------

def _clauses(text: str) -> list[tuple[int, int]]:
    """Clauses of ``text`` (split at commas, stops and colons, not inside brackets; 、 does not split)."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in BRACKETS:
            depth += 1
        elif ch in BRACKETS.values():
            depth = max(0, depth - 1)
        elif ch in CLAUSE_END and depth == 0:
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def _in_quotes(text: str, start: int, pos: int) -> bool:
    seg = text[start:pos]
    return seg.count("“") > seg.count("”")


def _head_ok(text: str, hs: int, he: int, article: Article) -> bool:
    g = grammar()
    after = text[he:he + 4]
    if any(after.startswith(w) for w in g.not_after):
        return False
    if text[hs:he] in g.facility and any(after.startswith(w) for w in g.where):
        return False
    return not any(m.kind in ("Agency", "Official", "Journalist") and m.start <= hs < m.end for m in article.mentions)


def _extend(text: str, he: int, clause_end: int) -> int:
    """Carry a head on to the 项目/工程 that closes the same name ("…污水处理厂提标改造工程", "…二期项目")."""
    g = grammar()
    while True:
        m = re.compile(r"[^、，,。;；:：“”()（）等和与及的]{0,12}?(?:项目|工程)").match(text, he, clause_end)
        if not m or any(w in g.boundary and w not in ("建设", "一期") for w, _, _ in tokens(text[he:m.end() - 2])):
            return he
        if any(text.startswith(w, m.end()) for w in g.not_after):
            return he
        he = m.end()


def _left(article: Article, cs: int, hs: int, junction: bool) -> tuple[int, str]:
    """Where a name ending at ``hs`` starts within the clause starting at ``cs``, and the word before it."""
    text = article.text
    g = grammar()
    toks = tokens(text[cs:hs])
    for i in range(len(toks) - 1, -1, -1):
        w, _, b = toks[i]
        stem_start = cs + b
        stem = text[stem_start:hs]
        if w == "、" or re.fullmatch(r"[\d一二三四五六七八九十两百千]+[多余]?[大个座条所家项批]|[多余]?[个座条所家项批]", w):
            return stem_start, w  # "、", "12个", "三大"
        if w in (")", "）") and re.search(r"记者|通讯员|摄", text[cs:stem_start]):
            return stem_start, w  # "(记者 林晓)": a byline before the name
        if not stem and w in NAME_TAIL_VERBS:
            continue  # "…建设项目", "…改造工程": the word belongs to the name
        if junction and w in ("与", "和", "至", "到"):
            continue
        if w in g.boundary:
            return stem_start, w
        if any(m.start < stem_start < m.end for m in article.mentions if m.kind != "Project"):
            continue  # a verb inside a company's or a place's name (中国能核集团) is no boundary
        tag = word_tag(w) or ""
        if len(w) == 1 and i > 0 and _single_name_char(toks[i - 1][0], word_tag(toks[i - 1][0]) or ""):
            continue  # a character of a name jieba does not know (鹏/盛)
        if tag.startswith(("v", "p", "c", "u", "r", "d", "l", "i")) and w not in ("至", "到") and \
                _is_specific(stem, article, stem_start):
            return stem_start, w
    return cs, ""


def _clean(stem: str, junction: bool) -> bool:
    """Whether a stem reads as a name: no pronoun, adverb, preposition, conjunction or particle in it."""
    for w, _, _ in tokens(stem):
        tag = word_tag(w) or ""
        if junction and w in ("与", "和"):
            continue
        if w in ("至", "到"):
            continue
        if tag.startswith(("r", "d", "p", "c", "u")) or (w in grammar().boundary and len(w) > 1
                                                         and w not in NAME_TAIL_VERBS):
            return False
    return True


def _balanced(label: str) -> bool:
    """Whether every bracket and quote opened in a label is closed in it, and it starts with a letter of a name."""
    pairs = (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》"), ("[", "]"), ("【", "】"))
    return all(label.count(a) == label.count(b) for a, b in pairs) and not re.match(r"[\"'》”)）、]", label)


def _context(text: str, cs: int, ce: int) -> bool:
    clause = text[cs:ce]
    return any(w in clause for w in grammar().build)


def _road_context(text: str, s: int, e: int, cs: int, ce: int) -> bool:
    g = grammar()
    before = text[max(cs, s - 4):s]
    after = re.sub(r"^(?:进行|实施|开展|加快|全面|启动|提升|提质)+", "", text[e:min(ce, e + 10)])
    verbs = [w for w in g.build if w not in ("项目", "工程", "投资", "总投资", "签约", "签订", "落户", "落地",
                                            "东延", "西延", "南延", "北延", "延伸")]
    return any(before.endswith(w) for w in verbs) or any(after.startswith(w) for w in verbs) or \
        bool(re.match(r"(?:工程|项目|建设|改造|道路)", after))


def _candidates(article: Article, cs: int, ce: int, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Names ending in a head in the clause [cs, ce): 项目/工程 first, then facilities, then roads."""
    text = article.text
    g = grammar()
    heads = list(g.head_rx.finditer(text, cs, ce))
    rank = {**{h: 0 for h in g.named}, **{h: 1 for h in g.facility}, **{h: 2 for h in g.road}}
    heads.sort(key=lambda m: (rank[m.group(0)], -m.start()))
    out: list[Candidate] = []
    for m in heads:
        hs, he = m.span()
        head = m.group(0)
        if any(a <= hs < b for a, b in taken) or any(c.start <= hs < c.end for c in out):
            continue
        if _in_quotes(text, cs, hs) or not _head_ok(text, hs, he, article):
            continue
        is_road = head in g.road
        if is_road:  # "青禾路西延", "云溪大道延长线": the extension is the road's part built
            ext = re.compile(r"[东西南北]延(?:段|线)?|延长线|延伸段").match(text, he, ce)
            he = ext.end() if ext else he
        end = _extend(text, he, ce)
        if any(c.start < end <= c.end or c.start <= hs < c.end for c in out):
            continue
        # "A路西延与B高速公路互通式立交工程": the junction keeps both roads
        junction = any(j in text[cs:end] for j in g.junction)
        s, before = _left(article, cs, hs, junction)
        label = _trim_lead(text[s:end])
        s = end - len(label)
        if s >= hs or len(label) > MAX_LABEL or len(label) < 3:
            continue
        stem = text[s:hs]
        if re.match(r"[的之等与和及、]", stem) or before == "等" or COUNT_LEAD.match(label) or \
                re.search(r"[两二三四五六七八九十\d][座条个所家处项批]$", stem):
            continue  # "等“老树发新枝”项目": a category of the projects listed; "12个项目"
        if re.search(r"[到至与和的]$", stem) or not _balanced(label) or re.search(r"记者|通讯员", label):
            continue  # "带队到项目": no name before the head; "…搜索)项目": half a bracket
        if not before and not _clean(stem, junction):
            continue  # no word before the name was found: the clause is not a name
        named = end > he or head in g.named
        place_generic = named and _place_and_generic(article, s, hs)
        specific = _is_specific(stem, article, s) and not place_generic
        rest = text[end:ce]
        strong = bool(STRONG_AFTER.match(rest))
        if is_road:
            if not (specific and _road_context(text, s, end, cs, ce)):
                continue
        elif not named:
            if not (_context(text, cs, ce) or strong):
                continue
            if before in LOCATIVE and not re.match(r"(?:建设|项目|工程)", rest):
                continue  # "在X产业园区新建…": where another thing is built
            if CONTAINER.search(rest):
                continue  # "X园区今年新开工项目15项": a park holding counted projects
            if BECOMES.search(text[cs:s]):
                continue  # "将小镇打造成…研究中心、科普基地": what a place is to become
        if named and _names_only_a_place(article, s, hs):
            continue  # "云溪高新区项目" (but "云溪县污水处理厂" is a plant's name)
        if not specific and not place_generic and not _all_generic(stem) and len(stem) >= 4 and \
                _clean(stem, junction) and (
                strong or (not named and before in STRONG_BEFORE)):
            specific = True  # "农村饮水安全工程总投资3亿元", "将建设科技创新产业园": stated as a work
        # a name that is not specific is kept only when it refers to a specific one ("天文小镇" after "航龙天文小镇")
        out.append(Candidate(s, end, hs, label, specific, owner=_owner(label) if specific else None))
    return out


def _place_and_generic(article: Article, s: int, hs: int) -> bool:
    """"聊城市重点项目", "云溪区民生工程": a division and words that name no particular project."""
    text = article.text
    places = [m for m in article.mentions if (m.attrs.get("adminLevel") or m.kind in ("Agency",)) and s <= m.start < hs]
    if places:
        rest = text[max(m.end for m in places):hs]
    else:  # a division the gazetteer does not know
        m = re.match(r".{1,6}?[省市县区镇乡]", text[s:hs])
        rest = text[s + m.end():hs] if m else ""
    return bool(rest) and _all_generic(rest)


def _names_only_a_place(article: Article, s: int, hs: int) -> bool:
    """"云溪高新区项目", "青禾县工程": the stem is only a division or body."""
    stem = article.text[s:hs]
    if re.fullmatch(r".{1,8}(?:省|市|县|区|镇|乡|村|街道|新区|开发区|高新区|园区)", stem):
        return True
    return any(m.start <= s and hs <= m.end and m.kind != "Company" for m in article.mentions
               if m.kind not in ("Project",))


def _list_items(article: Article, cs: int, ce: int, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Items of "A、B等N个项目" without a head of their own, when each is named by a company or a place."""
    text = article.text
    g = grammar()
    out: list[Candidate] = []
    for m in LIST_CLOSE.finditer(text, cs, ce):
        counted = bool(COUNT.search(m.group("tail")))
        if m.group(0).startswith("…") and not counted:
            continue
        seg_start = _list_start(article, cs, m.start())
        items = _split_items(text, seg_start, m.start())
        for s, e in items:
            if any(a <= s < b or s <= a < e for a, b in taken) or g.head_rx.search(text, s, e):
                continue
            label = _trim_lead(text[s:e])
            s = e - len(label)
            if not 3 <= len(label) <= MAX_LABEL or label.endswith(g.not_tail):
                continue
            owner = _owner(label) or _leading_company(article, s, e)
            if owner or (counted and _is_specific(label, article, s) and not _names_only_a_place(article, s, e)):
                out.append(Candidate(s, e, e, label, True, owner=owner))
    return out


def _leading_company(article: Article, s: int, e: int) -> str | None:
    for m in article.mentions:
        if m.kind == "Company" and m.start == s and m.end <= e:
            return m.label
    label = article.text[s:e]
    return label if label.endswith(INDUSTRY) and len(label) > 2 else None


def _list_start(article: Article, cs: int, pos: int) -> int:
    """Where a list ending at ``pos`` starts: after the last boundary word before its first item."""
    text = article.text
    first = text.find("、", cs, pos)
    if first < 0:
        first = pos
    return _left(article, cs, first, False)[0] if first > cs else cs


def _split_items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, start, depth = [], s, 0
    for i in range(s, e):
        ch = text[i]
        if ch in BRACKETS:
            depth += 1
        elif ch in BRACKETS.values():
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "、" or (ch in "和及与" and i + 1 < e)):
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return [(a, b) for a, b in out if b > a]


def _counted_heads(article: Article, cs: int, ce: int) -> list[Candidate]:
    """"建成青禾、石湾两座大桥": one project per item, each with the head."""
    text = article.text
    g = grammar()
    out: list[Candidate] = []
    for m in COUNTED_HEAD.finditer(text, cs, ce):
        hm = g.head_rx.match(text, m.end())
        if not hm or hm.group(0) not in g.facility or not _context(text, cs, ce):
            continue
        head = hm.group(0)
        start = _list_start(article, cs, m.start())
        items = _split_items(text, start, m.start())
        if len(items) < 2:
            continue
        for s, e in items:
            name = text[s:e]
            label = name if name.endswith(head) else name + head
            if _is_specific(name, article, s) and len(label) <= MAX_LABEL:
                out.append(Candidate(s, e, e, label, True))
    return out


def _quoted(article: Article) -> list[Candidate]:
    text = article.text
    out: list[Candidate] = []
    for m in QUOTED.finditer(text):
        group = "inner" if m.groupdict().get("inner") else "name"
        s, e = m.span(group)
        name = text[s:e].strip(" ")
        if name.count("“") != name.count("”") or name.startswith("”"):
            continue
        if name.startswith("“") and name.endswith("”"):
            name = name[1:-1]
        if len(name) > MAX_LABEL or len(name) < 4 or "个" in name or "等" in name:
            continue
        if text[max(0, s - 1):s] == "等" or re.search(r"(?:作为|列为|成为|称为)", text[max(0, s - 10):s]):
            continue  # "X等“老树发新枝”项目": a category of projects; "作为“头号工程”": a rank
        if re.match(r"”?\d+[个项]", text[e:e + 5]) or any(text.startswith(w, e) for w in grammar().not_after):
            continue  # "“示范项目”4个": a title awarded, counted; "…首席工程师"
        out.append(Candidate(s, e, e, name, True))
    return out


# --- one node per project ------------------------------------------------------------------------

def _same(a: str, b: str) -> bool:
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


def _group(cands: list[Candidate], headline: tuple[int, int] | None) -> list[list[Candidate]]:
    for c in cands:
        c.core = _core(c.label)
    groups: list[list[Candidate]] = []
    for c in sorted((c for c in cands if c.specific), key=lambda c: c.start):
        g = next((g for g in groups if any(_same(c.core, o.core) for o in g)), None)
        if g is None:
            groups.append([c])
        else:
            g.append(c)
    for c in cands:
        if not c.specific:
            g = next((g for g in groups if any(_same(c.core, o.core) for o in g if o.specific)), None)
            if g is not None:
                g.append(c)
    # a headline names the project the body names in full: "云溪高速公路互通式立交工程" for "A路与云溪高速公路互通式立交工程"
    for g in [g for g in groups if len(g) == 1 and headline and g[0].end <= headline[1] and g[0].start >= headline[0]]:
        like = [o for o in groups if o is not g and o[0].start >= headline[1] and
                _common_suffix(g[0].core, max((c.core for c in o), key=len)) >= 5]
        if len(like) == 1:
            like[0].extend(g)
            groups.remove(g)
    return groups


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def find_projects(article: Article, context: Context) -> None:
    """Add Project mentions with owner companies, places, involved agencies, amounts and stages."""
    text = article.text
    cands = _quoted(article)
    taken = [(c.start, c.end) for c in cands]
    clauses = _clauses(text)
    for cs, ce in clauses:
        for c in _list_items(article, cs, ce, taken) + _counted_heads(article, cs, ce):
            cands.append(c)
            taken.append((c.start, c.end))
    for cs, ce in clauses:
        found = _candidates(article, cs, ce, taken)
        cands += found
    spans = [(c.start, c.end) for c in cands]
    hl = text.find(article.headline) if article.headline else -1
    for group in _group(cands, (hl, hl + len(article.headline)) if hl >= 0 else None):
        best = max(group, key=lambda c: (c.specific, len(c.core), -c.start))
        key = f"Project/{best.label}"
        stages = []
        for c in sorted(group, key=lambda c: c.start):
            article.mentions.append(Mention(c.start, c.end, "Project", key, best.label))
            stages.append(_facts(article, key, c, context, spans))
        stage = next((st for st in stages if st), None)
        if stage:  # the first stage the text gives
            article.relations.append(Relation(key, "projectStage", stage, best.start, obj_is_key=False))
    _anaphora(article)


def _anaphora(article: Article) -> None:
    """"该项目由X公司投资建设，总投资32亿元": the owner and amounts of the project named just before."""
    text = article.text
    projects = [m for m in article.mentions if m.kind == "Project"]
    for a in ANAPHOR.finditer(text):
        before = [m for m in projects if m.end <= a.start() and article.sentence_at(a.start()) -
                  article.sentence_at(m.start) <= 1]
        if not before:
            continue
        key = max(before, key=lambda m: m.end).key
        end = min([i for i in (text.find(ch, a.end()) for ch in "。;；") if i >= 0] or [len(text)])
        clause_end = min([i for i in (text.find(ch, a.end()) for ch in "，,。;；") if i >= 0] or [len(text)])
        companies = [m for m in article.mentions if m.kind == "Company" and a.end() <= m.start < clause_end]
        if companies and not any(r.subject == key and r.predicate == "owner" and r.obj == companies[0].key
                                 for r in article.relations):
            article.relations.append(Relation(key, "owner", companies[0].key, a.start()))
        _amounts(article, key, a.end(), end)


def _facts(article: Article, key: str, c: Candidate, context: Context, spans: list[tuple[int, int]]) -> str | None:
    """Owner, agencies, place and amounts of one mention; returns the stage its clause gives."""
    text = article.text
    s, e = c.start, c.end
    sent = article.sentences[article.sentence_at(s)]
    owner = c.owner
    clause = [m for m in article.mentions if m.kind == "Company" and _clause_of(text, m.start) == _clause_of(text, s)
              and not any(a <= m.start < b for a, b in spans)]  # a company naming another project is its own
    if not owner and clause:
        company = min(clause, key=lambda m: abs(m.start - s))
        article.relations.append(Relation(key, "owner", company.key, s))
    elif owner:
        okey = f"Company/{owner}"
        pos = text.find(owner, s)
        if pos >= 0:
            article.mentions.append(Mention(pos, pos + len(owner), "Company", okey, owner))
        article.relations.append(Relation(key, "owner", okey, s))
    in_sentence = [m for m in article.mentions if sent.start <= m.start < sent.end]
    for m in in_sentence:
        if m.kind == "Agency":
            article.relations.append(Relation(key, "involves", m.key, s))
    _place(article, key, s, e, in_sentence, context)
    clause_end = min([i for i in (text.find(ch, e) for ch in "。;；") if i >= 0] or [sent.end])
    _amounts(article, key, e, clause_end, spans=spans)
    clause_start = max(max(text.rfind(ch, sent.start, s) for ch in ",，。;；") + 1, sent.start)
    _amounts(article, key, clause_start, s, before=True, spans=spans)
    return _stage(text, clause_start, min([i for i in (text.find(ch, e) for ch in "，,。;；") if i >= 0] or [sent.end]))


def _clause_of(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts."""
    return max(text.rfind(ch, 0, pos) for ch in "，,。;；!?！？\n") + 1


def _stage(text: str, start: int, end: int) -> str | None:
    """The stage a clause gives its project: completed, started, signed or planned (first found wins)."""
    clause = text[start:end]
    for stage in ("completed", "started", "signed", "planned"):
        for w in grammar().stages.get(stage, ()):
            i = clause.find(w)
            if i < 0:
                continue
            if stage != "planned" and FUTURE.search(clause[:i]):
                return "planned" if stage in ("signed", "started") else None  # "将于年底建成": not yet
            return stage
    return None


def _place(article: Article, key: str, s: int, e: int, in_sentence: list, context: Context) -> None:
    """Where a project is: a division its own name gives; else a zone, village or site its clause names, or the
    most local division of its clause, then of its sentence; else the paper's home city (a city paper's
    "我市…项目" are the city's unless the text places them)."""
    from kg.extract.places import declare_division

    text = article.text
    levels = ("village", "township", "county", "prefecture")
    inside = [a for a in in_sentence if a.kind in ("Agency", "Company", "Official")]
    places = [m for m in in_sentence if not any(a.start <= m.start and m.end <= a.end for a in inside)]
    named = [m for m in places if m.attrs.get("adminLevel") in levels]
    own = [m for m in named if s <= m.start < e]
    clause = _clause_of(text, s)
    sites = [m for m in places if m.kind in ("DevelopmentZone", "Site", "Village") and s <= m.start < e] or \
        [m for m in places if m.kind in ("DevelopmentZone", "Site", "Village") and _clause_of(text, m.start) == clause]
    near = [m for m in named if _clause_of(text, m.start) == clause]
    if (own and not any(s <= m.start < e for m in sites)) or not sites:
        pool = own or near or named
        if pool:
            best = min(pool, key=lambda m: levels.index(m.attrs["adminLevel"]))
            article.relations.append(Relation(key, "projectPlace", best.key, s))
            return
    if sites:
        best = min(sites, key=lambda m: abs(m.start - s))
        article.relations.append(Relation(key, "projectPlace", best.key, s))
    elif context.region.city_code:
        declare_division(article, context.region.city_code, s)
        article.relations.append(Relation(key, "projectPlace", f"Place/{context.region.city_code}", s))


def _amounts(article: Article, key: str, start: int, end: int, before: bool = False,
             spans: list[tuple[int, int]] = ()) -> None:
    """Amounts stated after the project's name in its clause (or before it: "投资约30亿元建设X")."""
    text = article.text
    for m in MONEY.finditer(text, start, end):
        a, b = (m.end(), end) if before else (start, m.start())
        if re.search(r"项目|个", text[a:b]) or any(a <= x < b for x, _ in spans):
            break  # the amount is about another subject of the sentence, or another project
        parsed = parse_amount(m.group("amount"))
        if not parsed:
            continue
        value, approx = parsed
        prop = "investment" if "投资" in m.group("kind") else "output"
        akey = f"Amount/{key[len('Project/'):]}/{prop}/{m.start()}"
        article.nodes.append(Node(akey, "Amount", m.group("amount"), m.start(), mentioned=False,
                                  attrs={"value": value, "unit": "CNY", "approximate": approx,
                                         "statedAs": m.group(0)}))
        article.relations.append(Relation(key, prop, akey, m.start()))
