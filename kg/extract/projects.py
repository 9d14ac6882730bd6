"""Projects, engineering works and named programmes, with owners and amounts.

Shapes:

* a named project or work: "推动楚峰2×35万千瓦热电联产项目手续完善" — a name
  ending in 项目/工程 that carries something specific (a proper name unknown to
  the dictionary, a capacity, a quoted name), after a verb or a clause start;
* the head of a list: "为江华化工乙烯等12个项目办理…", "谋划了X等…项目";
* a quoted programme: "“三清工程”", "50万亩“高产田”提升工程".

The company behind a project is the leading proper name of its label when it
ends in an industry word (…化工, …集团) or is a name jieba does not know
followed by a capacity ("华锐年产5万吨…").  Money in the same clause
(投资/总投资/产值 …) is parsed with jionlp and normalised to yuan.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.lexicon import is_dictionary_word, jionlp, tokens
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

VERBS = r"(?:推动|推进|实施|建设|谋划了|谋划|引进|签约|开工|投产|落地|启动|打造|建成|策划并实施了|实施了|为|对)"
NAME_BODY = r"[^,，。;；、:：!?！？()（）\n]{2,30}?"
PROJECT = re.compile(rf"{VERBS}(?P<name>{NAME_BODY}(?:项目|工程))")
# a project opening its clause ("其中,楚峰年产10万吨磷酸铁锂项目总投资52亿元"): only with a capacity in its name
PROJECT_AT_CLAUSE = re.compile(rf"(?<=[,，。;；\n])(?P<name>[^,，。;；、:：!?！？()（）“”\n]{{2,30}}?(?:项目|工程))")
CAPACITY = re.compile(r"年产|[×xX]\d|\d+(?:\.\d+)?万?(?:千瓦|兆瓦|吨|亩|平方米|台|套|辆|件)")
# a base or park under construction: "投资约30亿元建设X储能电池生产基地"
BASE = re.compile(rf"(?:建设|建成|打造|新建|落户|开工建设)(?P<name>{NAME_BODY}(?:生产基地|基地|产业园|工业园))")
LIST_HEAD = re.compile(rf"{VERBS}(?P<name>{NAME_BODY})等[^,，。;；]{{0,12}}?项目")
QUOTED = re.compile(r"(?P<name>(?:\d+(?:\.\d+)?万?亩)?“[^”]{2,12}”[^,，。;；、“”]{0,8}?(?:工程|项目|计划))|"
                    r"“(?P<inner>[^”]{2,10}(?:工程|项目|计划))”")
SPECIFIC = re.compile(r"\d|“|年产|[×xX]")
GENERIC_START = ("重点", "重大", "各类", "年度", "跨年度", "省市县", "政策性", "招商引资", "建设", "一批", "新兴类",
                 "实施类", "产业", "民生", "该", "这些", "有关")
INDUSTRY = ("化工", "集团", "钢铁", "能源", "电力", "科技", "纺织", "药业", "制药", "实业", "控股", "股份", "新材料",
            "电子", "汽车", "铝业", "热电")
MONEY = re.compile(r"(?P<kind>总投资|投资|产值|营收|销售收入|税收)[^,，。;；]{0,6}?"
                   r"(?P<amount>(?:近|约|超|逾|达)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|千亿|百亿|亿|万)?元|"
                   r"(?:近|约|超|逾)?[百千万]亿元)")
MAX_LABEL = 40



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


def _owner(label: str) -> str | None:
    toks = [w for w, _, _ in tokens(label)]
    acc = ""
    for w in toks[:4]:
        acc += w
        if w in INDUSTRY and len(acc) > len(w):
            return acc
    if toks and len(toks[0]) >= 2 and not is_dictionary_word(toks[0]) and \
            re.match(r"(?:年产|\d)", label[len(toks[0]):]):
        return toks[0]
    return None


def _clean(name: str) -> str | None:
    name = name.strip(" ")
    if name.count("“") != name.count("”") or name.startswith("”"):
        return None
    if name.startswith("“") and name.endswith("”"):
        name = name[1:-1]
    if len(name) > MAX_LABEL or len(name) < 4 or name.startswith(GENERIC_START) or re.match(r"\d+个", name):
        return None
    if "个" in name or "等" in name:
        return None
    return name


def find_projects(article: Article, context: Context) -> None:
    """Add Project mentions with owner companies, places, involved agencies and amounts."""
    text = article.text
    found: dict[tuple[int, int], str] = {}
    for rx in (LIST_HEAD, PROJECT, PROJECT_AT_CLAUSE, BASE, QUOTED):
        for m in rx.finditer(text):
            group = "inner" if m.groupdict().get("inner") else "name"
            s, e = m.span(group)
            name = _clean(text[s:e])
            if not name or (rx is PROJECT and not SPECIFIC.search(name) and not _owner(name)):
                continue
            if rx is PROJECT_AT_CLAUSE and not CAPACITY.search(name):
                continue
            if any(a <= s < b or s <= a < e for a, b in found):
                continue
            if rx is not LIST_HEAD and text[max(0, s - 1):s] == "等":
                continue  # "X等“老树发新枝”项目": a category of projects, not one
            if rx is QUOTED and re.search(r"(?:作为|列为|成为|称为)", text[max(0, s - 10):s]):
                continue
            found[(s, e)] = name
    for (s, e), name in sorted(found.items()):
        key = f"Project/{name}"
        article.mentions.append(Mention(s, e, "Project", key, name))
        owner = _owner(name)
        if owner:
            okey = f"Company/{owner}"
            pos = text.find(owner, s)
            article.mentions.append(Mention(pos, pos + len(owner), "Company", okey, owner))
            article.relations.append(Relation(key, "owner", okey, s))
        sent = article.sentences[article.sentence_at(s)]
        in_sentence = [m for m in article.mentions if sent.start <= m.start < sent.end]
        for m in in_sentence:
            if m.kind == "Agency":
                article.relations.append(Relation(key, "involves", m.key, s))
        _place(article, key, s, in_sentence, context)
        clause_end = min([i for i in (text.find(c, e) for c in "。;；") if i >= 0] or [sent.end])
        _amounts(article, key, e, clause_end)
        clause_start = max(text.rfind(c, sent.start, s) for c in ",，。;；") + 1
        _amounts(article, key, max(clause_start, sent.start), s, before=True)


def _place(article: Article, key: str, at: int, in_sentence: list[Mention], context: Context) -> None:
    """Where a project is: the most local division its sentence names, else the paper's home city
    (a city paper's "我市…项目" are the city's unless the text places them)."""
    from kg.extract.places import declare_division

    levels = ("village", "township", "county", "prefecture")
    inside = {m.key for m in in_sentence if m.kind in ("Agency", "Company")}
    named = [m for m in in_sentence if m.attrs.get("adminLevel") in levels and not any(
        a.start <= m.start and m.end <= a.end for a in in_sentence if a.key in inside)]
    if named:
        best = min(named, key=lambda m: levels.index(m.attrs["adminLevel"]))
        article.relations.append(Relation(key, "projectPlace", best.key, at))
    elif context.region.city_code:
        declare_division(article, context.region.city_code, at)
        article.relations.append(Relation(key, "projectPlace", f"Place/{context.region.city_code}", at))


def _amounts(article: Article, key: str, start: int, end: int, before: bool = False) -> None:
    """Amounts stated after the project's name in its clause (or before it: "投资约30亿元建设X")."""
    text = article.text
    for n, m in enumerate(MONEY.finditer(text, start, end), start=10 if before else 0):
        if re.search(r"项目|个", text[m.end():end] if before else text[start:m.start()]):
            break  # the amount is about another subject of the sentence
        parsed = parse_amount(m.group("amount"))
        if not parsed:
            continue
        value, approx = parsed
        prop = "investment" if "投资" in m.group("kind") else "output"
        akey = f"Amount/{key[len('Project/'):]}/{prop}/{n}"
        article.nodes.append(Node(akey, "Amount", m.group("amount"), m.start(), mentioned=False,
                                  attrs={"value": value, "unit": "CNY", "approximate": approx,
                                         "statedAs": m.group(0)}))
        article.relations.append(Relation(key, prop, akey, m.start()))
