"""Finding the names of projects in an article's text (see :mod:`kg.extract.projects` for the shapes).

:func:`find_candidates` returns every stretch that may name a project: quoted
programmes, items of lists and counted groups, and names ending in a head of
the grammar, each with where it starts, its label and whether it names
something particular.  :func:`group_mentions` makes one group per project of
the candidates of an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import tokens, word_tag
from kg.extract.project_words import (
    MAX_LABEL, NAME_TAIL_VERBS, all_generic, balanced, common_suffix, core_of, grammar, is_specific, owner_of,
    same_project, single_name_char, trim_lead,
)
from kg.model import Article

QUOTED = re.compile(r"(?P<name>(?:\d+(?:\.\d+)?万?亩)?“[^”]{2,12}”[^,，。;；、“”的]{0,8}?(?:工程|项目|计划))|"
                    r"“(?P<inner>[^”]{2,10}(?:工程|项目|计划))”")
CLAUSE_END = "，,。;；!！?？:：\n"
BRACKETS = {"(": ")", "（": "）", "[": "]", "【": "】"}
# a list of projects closed by their count: "…等12个项目", "……20个产业项目", "等“专精特新”项目"
LIST_CLOSE = re.compile(r"(?:等|……|…)(?P<tail>[^,，。;；的]{0,12}?)项目")
COUNT = re.compile(r"[\d一二三四五六七八九十两百]+[个项家批]")
# "…项目12项,具体为:", "签约项目分别是:", "开工的重点项目包括:": a list of works follows the colon
# "…,包括A、B", "…,主要有A、B" after a count of projects in the clause before
INTRO_WORDS = "具体为|具体是|分别为|分别是|主要有|主要包括|包括|有"
INTRO_WORD = re.compile(rf"(?:其中)?(?:{INTRO_WORDS})[:：]?")
# "…涵盖A、B等领域": a list of fields, not of works
FIELDS_END = re.compile(r"等?(?:领域|行业|产业|方面|板块|门类|类别)$")
COUNTED_PROJECTS = re.compile(r"(?:项目|工程)[^。;；:：]{0,6}?[\d一二三四五六七八九十两百]+[个项批]"
                              r"|[\d一二三四五六七八九十两百]+[个项批][^。;；:：,，]{0,8}?(?:项目|工程)")
# what ends a list item without being part of its name: "等", "和一批…项目"
LIST_TAIL = re.compile(r"(?:等|(?:和|及|以及)(?:一批|其他|其它|多个|若干|一些)[^、]*)$")
LIST_INTRO = re.compile(rf"(?:项目|工程|类[\d一二三四五六七八九十两]+[个项])[^。;；:：]{{0,12}}(?:{INTRO_WORDS})$")
# "A、B两座大桥": the head comes after the count
COUNTED_HEAD = re.compile(r"(?P<n>[两二三四五六七八九十]|\d+)[座条个所家处]")
STRONG_AFTER = re.compile(r"^(?:建设)?(?:项目)?(?:计划总投资|计划投资|总投资|投资总额|概算投资|估算投资|投资)(?:约|近|达|超|逾)?\d"
                          r"|^(?:正式|顺利|全面|集中|即将|将|已|近日|日前)?(?:开工|签约|竣工|投产|开建|奠基|落户|动工|完工|通车|建成|投运)")
# a facility named as where something else is built: "在X工业园区扩建…"
LOCATIVE = ("在", "于", "位于", "地处", "坐落", "落户", "落地", "入驻", "入园")
# a facility that holds counted projects: "X园区上半年开工项目20个"
CONTAINER = re.compile(r"项目\s*\d+\s*[项个]|\d+\s*[个项]\S{0,6}项目")
BECOMES = re.compile(r"打造成|建设成|建成为|建成了?一[个座]|成为|作为|列为|定位为|定位于|誉为|称为")
COUNT_LEAD = re.compile(r"^[\d一二三四五六七八九十两百千万]+[多余]?[个项座条所家批]")
STRONG_BEFORE = ("开工建设", "投资建设", "规划建设", "建设", "新建", "兴建", "开建", "打造", "落户", "筹建", "建成")
# "加快推进X产业园建设": a work being pushed on, named before its 建设
PUSH_BEFORE = ("推进", "加快推进", "加快", "推动", "启动", "实施")


@dataclass
class Candidate:
    """A stretch of text that may name a project.

    Attributes:
        start: Offset where the name starts in ``Article.text``.
        end: Offset one past its end.
        head_start: Offset of the head the name ends in (项目, 水库 …).
        label: The name as a label (leading dates and "我市" trimmed).
        specific: Whether it names something particular; a candidate that does not is kept only as another
            mention of one that does.
        core: What identifies the project among its mentions (set when grouping).
        owner: The company the label starts with, if any.
        written: False when the label adds the head a counted list gives after its items ("青禾" → "青禾大桥").
    """

    start: int
    end: int
    head_start: int
    label: str
    specific: bool
    core: str = ""
    owner: str | None = None
    written: bool = True


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


def clause_start_of(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts."""
    return max(text.rfind(ch, 0, pos) for ch in "，,。;；!?！？\n") + 1


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


def _left(article: Article, cs: int, hs: int, junction: bool, named: bool = False) -> tuple[int, str]:
    """Where a name ending at ``hs`` starts within the clause starting at ``cs``, and the word before it
    (``named``: the head is 项目/工程, which a building word may precede inside the name)."""
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
        if not stem and named and w in NAME_TAIL_VERBS:
            continue  # "…建设项目", "…改造工程": the word belongs to the name
        if junction and w in ("与", "和", "至", "到"):
            continue
        if w in g.boundary:
            return stem_start, w
        if any(m.start < stem_start < m.end for m in article.mentions if m.kind != "Project"):
            continue  # a verb inside a company's or a place's name (中国能核集团) is no boundary
        tag = word_tag(w) or ""
        if len(w) == 1 and i > 0 and single_name_char(toks[i - 1][0], word_tag(toks[i - 1][0]) or ""):
            continue  # a character of a name jieba does not know (楚/峰)
        if tag.startswith(("v", "p", "c", "u", "r", "d", "l", "i")) and w not in ("至", "到") and \
                is_specific(stem, article, stem_start):
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


def _context(text: str, cs: int, ce: int) -> bool:
    clause = text[cs:ce]
    return any(w in clause for w in grammar().build)


def _road_context(text: str, s: int, e: int, cs: int, ce: int) -> bool:
    g = grammar()
    before = text[max(cs, s - 4):s]
    after = re.sub(r"^(?:进行|实施|开展|加快|全面|启动|提升|提质|快速化|综合|全线)+", "", text[e:min(ce, e + 10)])
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
        s, before = _left(article, cs, hs, junction, head in g.named)
        label = trim_lead(text[s:end])
        s = end - len(label)
        if s >= hs or len(label) > MAX_LABEL or len(label) < 3:
            continue
        stem = text[s:hs]
        if re.match(r"[的之等与和及、]", stem) or before == "等" or COUNT_LEAD.match(label) or \
                re.fullmatch(r"[\d一二三四五六七八九十两百千]*[多余]?[个项批]", before) or \
                re.search(r"[两二三四五六七八九十\d][座条个所家处项批]$", stem):
            continue  # "等“专精特新”项目": a category of the projects listed; "12个项目"
        if re.search(r"[到至与和的]$", stem) or not balanced(label) or re.search(r"记者|通讯员", label):
            continue  # "带队到项目": no name before the head; "…搜索)项目": half a bracket
        if not before and not _clean(stem, junction):
            continue  # no word before the name was found: the clause is not a name
        named = end > he or head in g.named
        place_generic = named and _place_and_generic(article, s, hs)
        specific = is_specific(stem, article, s) and not place_generic
        rest = text[end:ce]
        strong = bool(STRONG_AFTER.match(rest))
        if is_road:
            if not (specific and _road_context(text, s, end, cs, ce)):
                continue
        elif not named:
            if not (_context(text, cs, ce) or strong):
                continue
            if before in LOCATIVE and not re.match(r"(?:建设|项目|工程)", rest):
                continue  # "在X工业园区扩建…": where another thing is built
            if CONTAINER.search(rest):
                continue  # "X园区上半年开工项目20个": a park holding counted projects
            if BECOMES.search(text[cs:s]):
                continue  # "把新区建设成…示范基地": what a place is to become
        if not named and not strong and before not in STRONG_BEFORE and not re.search(
                "项目|建设|投资|开工|在建", text[cs:ce]) and any(
                m.kind == "Site" and m.start <= s and end <= m.end for m in article.mentions):
            continue  # a reservoir or a park visited, not a work built
        people = [m.end for m in article.mentions if m.kind in ("Official", "Person", "Journalist") and s <= m.start < hs]
        if people:  # "局长胡某某关于全市供水工程": a person's name is in no project's; the name starts after it
            after = re.match(r"(?:关于|对|就|的|在|把|将)?", text[max(people):hs])
            s = max(people) + after.end()
            label = trim_lead(text[s:end])
            s = end - len(label)
            if s >= hs or len(label) < 3:
                continue
        if named and _names_only_a_place(article, s, hs):
            continue  # "云溪高新区项目" (but "云溪县污水处理厂" is a plant's name)
        if not specific and not place_generic and not all_generic(stem) and len(stem) >= 4 and \
                _clean(stem, junction) and (
                strong or ((before in STRONG_BEFORE or named and before == "实施")
                           and (not named or _invested(article, cs, ce)))
                or (before in PUSH_BEFORE and rest.startswith(NAME_TAIL_VERBS))):
            specific = True  # "城乡供水保障工程计划投资3亿元", "将建设智能装备产业园": stated as a work
        # a name that is not specific is kept only when it refers to a specific one ("茶香小镇" after "云岭茶香小镇")
        out.append(Candidate(s, end, hs, label, specific, owner=owner_of(label) if specific else None))
    return out


def _invested(article: Article, cs: int, ce: int) -> bool:
    """The sentence around the clause states an investment or names a company: "某某公司投资12亿元,
    在开发区建设动力电池结构件项目" is a work stated, though its name is made of ordinary words."""
    text = article.text
    a = max(text.rfind(c, 0, cs) for c in "。!?！？\n") + 1
    return bool(INVESTED.search(text, a, ce)) or any(m.kind == "Company" and a <= m.start < ce for m in article.mentions)


INVESTED = re.compile(r"投资(?:约|近|达|超|逾)?\d+(?:\.\d+)?\s*[万亿]")


def _place_and_generic(article: Article, s: int, hs: int) -> bool:
    """"云溪市重点项目", "云溪区民生工程": a division and words that name no particular project."""
    text = article.text
    places = [m for m in article.mentions if (m.attrs.get("adminLevel") or m.kind in ("Agency",)) and s <= m.start < hs]
    if places:
        rest = text[max(m.end for m in places):hs]
    else:  # a division the gazetteer does not know
        m = re.match(r".{1,6}?[省市县区镇乡]", text[s:hs])
        rest = text[s + m.end():hs] if m else ""
    return bool(rest) and all_generic(rest)


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
            label = trim_lead(text[s:e])
            s = e - len(label)
            if not 3 <= len(label) <= MAX_LABEL or label.endswith(g.not_tail) or all_generic(label):
                continue  # "实施了新能源、新材料等一批项目": fields, not projects
            owner = owner_of(label) or _leading_company(article, s, e)
            if owner or (counted and is_specific(label, article, s) and not _names_only_a_place(article, s, e)):
                out.append(Candidate(s, e, e, label, True, owner=owner))
    return out


def _introduced_items(article: Article, cs: int, ce: int, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Items of a list of works that a count of projects introduces: "开工项目22项,具体为:A、B、C等",
    "共开工项目9个,包括A、B、C和一批…项目" (each item is the name of one project, with or without a head)."""
    text = article.text
    before = text[max(clause_start_of(text, cs - 1) - 40, 0):cs - 1]
    if text[cs - 1:cs] in (":", "："):
        first = cs
        if not LIST_INTRO.search(before):
            return []
    else:
        m = INTRO_WORD.match(text, cs, ce)
        if m is None or not COUNTED_PROJECTS.search(before):
            return []
        first = m.end()
    items = [(a, b) for a, b in _split_items(text, first, ce, joins="") if not COUNT_LEAD.match(text, a, b)]
    if len(items) < 2 or FIELDS_END.search(text, first, ce):
        return []
    return [c for a, b in items if (c := _listed(article, a, b, taken)) is not None]


def _listed(article: Article, s: int, e: int, taken: list[tuple[int, int]]) -> Candidate | None:
    """An item of a list the text says is a list of projects, taken whole: None for a kind of work (民生工程), a
    count, or a division or body named whole."""
    text = article.text
    e = s + len(LIST_TAIL.sub("", text[s:e].rstrip()))
    label = trim_lead(text[s:e])
    s = e - len(label)
    if any(a < e and s < b for a, b in taken) or not 2 <= len(label) <= MAX_LABEL or label.endswith(grammar().not_tail) \
            or all_generic(label) or COUNT_LEAD.match(label) or any(
                m.start == s and m.end == e and (m.attrs.get("adminLevel") or m.kind == "Agency") for m in article.mentions):
        return None
    return Candidate(s, e, e, label, True, owner=owner_of(label) or _leading_company(article, s, e))


def _leading_company(article: Article, s: int, e: int) -> str | None:
    for m in article.mentions:
        if m.kind == "Company" and m.start == s and m.end <= e:
            return m.label
    label = article.text[s:e]
    return label if label.endswith(grammar().industry) and len(label) > 2 else None


def _list_start(article: Article, cs: int, pos: int) -> int:
    """Where a list ending at ``pos`` starts: after the last boundary word before its first item."""
    text = article.text
    first = text.find("、", cs, pos)
    if first < 0:  # "A和B两个项目": the list starts before its first joining character
        first = max(text.rfind(j, cs, pos) for j in "和及与")
    if first < 0:
        first = pos
    return _left(article, cs, first, False)[0] if first > cs else cs


def _split_items(text: str, s: int, e: int, joins: str = "和及与") -> list[tuple[int, int]]:
    """Items of a list at ``s:e``, split at 、 and at the joining characters ``joins`` (outside brackets)."""
    out, start, depth = [], s, 0
    for i in range(s, e):
        ch = text[i]
        if ch in BRACKETS:
            depth += 1
        elif ch in BRACKETS.values():
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "、" or (ch in joins and i + 1 < e)):
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
        if re.match(r"[^,，。;；、]{0,4}?(?:项目|工程)", text[m.end():ce]) and len(m.group("n")) == 1 \
                and text[m.start() - 1:m.start()] not in "、的":
            # "建设A和B两个物流项目": each item is a project, named whole
            items = _split_items(text, _list_start(article, cs, m.start()), m.start())
            listed = [_listed(article, a, b, []) for a, b in items] if len(items) >= 2 else []
            out += [c for c in listed if c is not None and any(
                is_specific(c.label[:len(c.label) - k], article, c.start) for k in (0, 1, 2, 3))]  # 申禄达|物流城
            continue
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
            if is_specific(name, article, s) and len(label) <= MAX_LABEL:
                out.append(Candidate(s, e, e, label, True, written=label == name))
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
            continue  # "X等“专精特新”项目": a category of projects; "作为“一号工程”": a rank
        if re.match(r"”?\d+[个项]", text[e:e + 5]) or any(text.startswith(w, e) for w in grammar().not_after):
            continue  # "“示范项目”4个": a title awarded, counted; "…首席工程师"
        out.append(Candidate(s, e, e, name, True))
    return out


def group_mentions(cands: list[Candidate], headline: tuple[int, int] | None) -> list[list[Candidate]]:
    for c in cands:
        c.core = core_of(c.label)
    groups: list[list[Candidate]] = []
    for c in sorted((c for c in cands if c.specific), key=lambda c: c.start):
        g = next((g for g in groups if any(same_project(c.core, o.core) for o in g)), None)
        if g is None:
            groups.append([c])
        else:
            g.append(c)
    for c in cands:
        if not c.specific:
            g = next((g for g in groups if any(same_project(c.core, o.core) for o in g if o.specific)), None)
            if g is not None:
                g.append(c)
    # a headline names the project the body names in full: "云溪高速公路互通式立交工程" for "A路与云溪高速公路互通式立交工程"
    for g in [g for g in groups if len(g) == 1 and headline and g[0].end <= headline[1] and g[0].start >= headline[0]]:
        like = [o for o in groups if o is not g and o[0].start >= headline[1] and
                common_suffix(g[0].core, max((c.core for c in o), key=len)) >= 5]
        if len(like) == 1:
            like[0].extend(g)
            groups.remove(g)
    return groups


def find_candidates(article: Article) -> list[Candidate]:
    """Every stretch of the article that may name a project (quoted, listed, counted, or ending in a head)."""
    text = article.text
    cands = _quoted(article)
    taken = [(c.start, c.end) for c in cands]
    clauses = _clauses(text)
    for cs, ce in clauses:
        for c in _introduced_items(article, cs, ce, taken) + _list_items(article, cs, ce, taken) \
                + _counted_heads(article, cs, ce):
            cands.append(c)
            taken.append((c.start, c.end))
    for cs, ce in clauses:
        cands += _candidates(article, cs, ce, taken)
    return cands
