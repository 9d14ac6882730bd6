"""Projects, engineering works and named programmes, with owners, places, amounts and stages.

Shapes (the words are in kg/data/project_grammar.txt):

* a name ending in a *named* head, 项目 or 工程, that carries something
  particular (a place or proper name, a capacity, a company):
  "加快楚峰2×35万千瓦热电联产项目建设", "青禾路西延工程";
* a thing built, whose name ends in a *facility* head (水库, 二级公路, 物流园,
  生产线, 污水处理厂, 校区 …), when its clause speaks of building or
  investing: "开工建设云岭高速公路和青禾至石湾二级公路", "推进南江水库、北港物流园建设";
* a road ("青禾东路") only right beside a building verb;
* a name opening its clause ("南江水库计划投资3亿元", "X项目今天开工"), after a
  verb or a word such as 有/包括/宣布, in a list ("A项目、B项目、C工程等12个项目",
  "A、B两座大桥", "恒远光电、嘉禾精工等3个外资项目"), with brackets, and long
  official names ("A路西延与B高速公路互通式立交工程");
* a quoted programme: "“三清工程”", "50万亩“高产田”提升工程".

A name starts after the last word before it that cannot be part of it: a
boundary word of the grammar, or a verb, preposition or pronoun after which
the rest still names something particular.  Mentions of one project in an
article ("石湾污水处理厂二期工程", "石湾污水处理厂项目"; "茶香小镇" after
"云岭茶香小镇") are one node, whose other forms become alternative labels.

The company behind a project is the leading proper name of its label when it
ends in an industry word (…化工, …集团), a name jieba does not know followed
by a capacity ("华锐年产5万吨…"), or a company the clause names.  Money in the
same clause (投资/总投资/产值 …) is parsed with jionlp and normalised to yuan.
The stage the clause gives (签约, 开工, 竣工, 谋划) is ``gk:projectStage``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.lexicon import jionlp
from kg.extract.project_names import Candidate, clause_start_of, find_candidates, group_mentions
from kg.extract.project_words import grammar
from kg.model import Article, Mention, Node, Relation
from kg.pipeline import Context

MONEY = re.compile(r"(?P<kind>总投资|投资|产值|营收|销售收入|税收)[^,，。;；]{0,6}?"
                   r"(?P<amount>(?:近|约|超|逾|达)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|千亿|百亿|亿|万)?元|"
                   r"(?:近|约|超|逾)?[百千万]亿元)")
ANAPHOR = re.compile(r"(?<=[，,。;；\n])(?:该|此|这个)(?:项目|工程)(?=由|总投资|计划总投资|计划投资|投资|建成后|占地)")
# the kinds of event at which a project reaches each stage
STAGE_EVENTS = {"signed": ("SigningCeremony", "InvestmentPromotion"), "started": ("Groundbreaking",),
                "completed": ("Completion", "CompletionCeremony")}
FUTURE = re.compile(r"将|计划|预计|拟|力争|争取|确保|即将|有望|明年|年底前|年内")


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


def find_projects(article: Article, context: Context) -> None:
    """Add Project mentions with owner companies, places, involved agencies, amounts and stages."""
    text = article.text
    cands = find_candidates(article)
    spans = [(c.start, c.end) for c in cands]
    hl = text.find(article.headline) if article.headline else -1
    for group in group_mentions(cands, (hl, hl + len(article.headline)) if hl >= 0 else None):
        best = max(group, key=lambda c: (c.specific, len(c.core), -c.start))
        key = f"Project/{best.label}"
        stages = []
        for c in sorted(group, key=lambda c: c.start):
            if c.written:
                article.mentions.append(Mention(c.start, c.end, "Project", key, best.label))
            else:  # "青禾、石湾两座大桥": the text never writes "青禾大桥", so it is no surface form
                article.nodes.append(Node(key, "Project", best.label, c.start))
            stages.append(_facts(article, key, c, context, spans))
        stage = next((st for st in stages if st), None)
        if stage:  # the first stage the text gives
            article.relations.append(Relation(key, "projectStage", stage, best.start, obj_is_key=False))
            _event(article, key, stage, group)
    _anaphora(article)


def _event(article: Article, key: str, stage: str, group: list[Candidate]) -> None:
    """Tie a project to the ceremony where it reached its stage: one of the stage's kind in the sentence of a
    mention or the next, else the article's only one."""
    events = [n for n in article.nodes if n.key.startswith("Event/") and n.kind in STAGE_EVENTS.get(stage, ())]
    near = {article.sentence_at(c.start) + d for c in group for d in (0, 1)}
    found = [n for n in events if article.sentence_at(n.start) in near] or (events if len(events) == 1 else [])
    for n in found:
        article.relations.append(Relation(key, "projectEvent", n.key, n.start))


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
    here = clause_start_of(text, s)
    clause = [m for m in article.mentions if m.kind == "Company" and clause_start_of(text, m.start) == here
              and not any(a <= m.start < b for a, b in spans)]  # a company naming another project is its own
    if not owner and clause:
        company = min(clause, key=lambda m: abs(m.start - s))
        article.relations.append(Relation(key, "owner", company.key, s))
    elif owner:
        full = [m for m in article.mentions if m.kind == "Company" and m.label.startswith(owner) and m.label != owner
                and sent.start <= m.start < sent.end]
        if full:  # "华睿新能源电池项目…由华睿新能源科技有限公司投资建设": the company named in full
            article.relations.append(Relation(key, "owner", full[0].key, s))
            owner = None
    if owner:
        okey = f"Company/{owner}"
        pos = text.find(owner, s)
        if pos >= 0:
            article.mentions.append(Mention(pos, pos + len(owner), "Company", okey, owner))
        article.relations.append(Relation(key, "owner", okey, s))
    in_sentence = [m for m in article.mentions if sent.start <= m.start < sent.end]
    for m in in_sentence:
        if m.kind == "Agency":
            article.relations.append(Relation(key, "involves", m.key, s))
    others = [(a, b) for a, b in spans if not (a == s and b == e)]
    _place(article, key, s, e, [m for m in in_sentence if not any(a <= m.start < b for a, b in others)], context)
    clause_end = min([i for i in (text.find(ch, e) for ch in "。;；") if i >= 0] or [sent.end])
    _amounts(article, key, e, clause_end, spans=spans)
    clause_start = max(max(text.rfind(ch, sent.start, s) for ch in ",，。;；\n") + 1, sent.start)
    _amounts(article, key, clause_start, s, before=True, spans=spans)
    clause_end = min([i for i in (text.find(ch, e) for ch in "，,。;；\n") if i >= 0] or [sent.end])
    return _stage(text, clause_start, clause_end, s - clause_start, e - clause_start)


def _stage(text: str, start: int, end: int, name_start: int, name_end: int) -> str | None:
    """The stage a clause [start, end) gives the project named at [name_start, name_end) of it: the stage word
    nearest the name (completed, started, signed or planned); "将于年底建成" is not yet done."""
    clause = text[start:end]
    found = []
    for stage in ("completed", "started", "signed", "planned"):
        for w in grammar().stages.get(stage, ()):
            for m in re.finditer(re.escape(w), clause):
                i = m.start()
                distance = i - name_end if i >= name_end else name_start - m.end() + 0.5
                found.append((max(distance, 0), stage, i))
    if not found:
        return None
    _, stage, i = min(found)
    if stage != "planned" and FUTURE.search(clause[:i]):
        return "planned" if stage in ("signed", "started") else None
    return stage


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
    clause = clause_start_of(text, s)
    local = [m for m in places if m.kind in ("DevelopmentZone", "Site", "Village")]
    sites = [m for m in local if s <= m.start < e] or [m for m in local if clause_start_of(text, m.start) == clause]
    near = [m for m in named if clause_start_of(text, m.start) == clause]
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
