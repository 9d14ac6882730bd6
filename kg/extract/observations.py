"""Statistics: a figure with its unit, what it measures, for where and when.

"全市新增市场主体3.2万户" is a gk:Observation: measure "新增市场主体", quantity
32000 户, place the home city, year the article's. Only figures a reader would
call statistics are taken: the sentence speaks of a region or of a period
("全市", "我县", a named division; "2023年", "全年", "1至4月"), the unit is a count,
weight, area, money or percentage, and the figure is not a date, a rank or the
investment of a named project (kg/extract/projects.py reads those).

>>> parse_quantity("3.2", "万", "户")
(Decimal('32000'), '户')
>>> parse_quantity("1050", "亿", "元")
(Decimal('105000000000'), 'CNY')
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD

from kg.model import Article, Node, Relation
from kg.pipeline import Context

MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
UNITS = ("个百分点", "万人次", "人次", "立方米", "平方米", "平方公里", "公里", "千米", "千瓦", "兆瓦", "标箱", "架次",
         "公斤", "吨", "斤", "亩", "户", "人", "家", "个", "项", "辆", "台", "套", "件", "座", "所", "元", "%", "％")
STAT = re.compile(
    r"(?P<approx_before>约|近|超过|超|逾)?(?P<num>\d+(?:\.\d+)?)(?P<mult>万亿|亿|万|千|百)?"
    r"(?P<unit>" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r")"
    r"(?P<approx_after>以上|左右|多|余)?")
SCOPE = re.compile(r"全[省市州县区镇乡]|[我本][省市州县区]|\d{4}年|全年|去年|今年|上半年|下半年|[一二三四]季度|\d{1,2}[-至—~]\d{1,2}月"
                   r"|前\d{1,2}[个]?月|截至")
VERB_BEFORE = re.compile(r"(?:达到|达|为|突破|超过|增至|降至|提高到|提升至|增长|下降|完成|实现|累计|共|新增|接待|"
                         r"减少|增加|约|近)$")
RATE_VERB_BEFORE = re.compile(r"(?:达到|达|为|超过|超|约|近|分别为|分别|降到|降至|提升到|提升至|提高到|提高至|增至|跨越|跨上|"
                              r"连续跨越)$")
STAT_END = re.compile(r"$|[,，。;；、)）\s!！?？]|同比|比上年|较上年|比去年|较去年|，")
NOT_MEASURE = re.compile(r"项目|工程|基地|第$|排名|位居|列")
SUBJECT_CUT = re.compile(r"[,，;；:：、。]")
PLACE_KINDS = ("Province", "Prefecture", "County", "Township", "Village", "AdministrativeDivision")


def parse_quantity(num: str, mult: str | None, unit: str) -> tuple[Decimal, str] | None:
    """The value normalised (万 and 亿 multiplied out, money in yuan as CNY) and the unit."""
    try:
        value = Decimal(num)
    except InvalidOperation:
        return None
    if unit == "万人次":
        mult, unit = "万", "人次"
    value *= MULTIPLIERS.get(mult or "", 1)
    if unit == "元":
        unit = "CNY"
    if unit == "％":
        unit = "%"
    return (value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()), unit


def _year(sentence: str, published: dt.date | None) -> int | None:
    m = re.search(r"(\d{4})年", sentence)
    if m:
        return int(m.group(1))
    if published is None:
        return None
    if "去年" in sentence:
        return published.year - 1
    return published.year


def find_observations(article: Article, context: Context) -> None:
    """Add gk:Observation nodes for the statistics of an article."""
    if article.kind != "news":
        return
    text = article.text
    count = 0
    lines = text.split("\n")
    heads = [article.headline] * (lines[0] == article.headline) + list(article.alt_headlines)
    head_end = sum(len(h) + 1 for h in heads)  # a headline repeats what the body states
    for s in article.sentences:
        if s.start < head_end:
            continue
        sentence = text[s.start:s.end]
        if not SCOPE.search(sentence) and not any(m.kind in PLACE_KINDS and s.start <= m.start < s.end
                                                  for m in article.mentions):
            continue
        previous = ""

        def at_of(m: re.Match) -> int:
            return s.start + m.start()

        for m in STAT.finditer(sentence):
            if not STAT_END.match(sentence[m.end():]):
                continue  # "50万亩“亩产千斤”提质工程", "3个月": the figure describes what follows
            clause_start = max((sentence.rfind(c, 0, m.start()) for c in ",，;；:：。"), default=-1) + 1
            measure = sentence[clause_start:m.start()]
            measure = re.sub(r"^(?:其中|同比|比上年|较上年|分别|全[省市州县区]|[我本][省市州县区]|\d{4}年|全年|去年|今年|"
                             r"上半年|下半年|[一二三四]季度|\d{1,2}[-至—~]\d{1,2}月)+", "", measure)
            places = [x for x in article.mentions if x.kind in PLACE_KINDS
                      and s.start + clause_start <= x.start and x.end <= at_of(m)]
            if places:  # "宜都市粮食总产": the place is the observation's place, not its measure
                measure = text[max(x.end for x in places):at_of(m)]
            if m.group("unit") not in ("%", "％", "个百分点"):  # a rate keeps its verb: "增长8.2%"
                measure = VERB_BEFORE.sub("", measure)
            measure = RATE_VERB_BEFORE.sub("", measure)
            measure = measure.strip()
            if measure.count("“") != measure.count("”"):
                measure = measure.strip("“”")
            if re.fullmatch(r"(?:同比|比上年|较上年)?(?:增长|下降|增加|减少)", measure) and previous:
                measure = previous + measure  # "高新技术企业数量为1250家,同比增长12.5%": the growth of what came before
            if not 2 <= len(measure) <= 24 or NOT_MEASURE.search(measure) or re.search(r"\d", measure):
                continue
            previous = measure
            parsed = parse_quantity(m.group("num"), m.group("mult"), m.group("unit"))
            if parsed is None:
                continue
            value, unit = parsed
            count += 1
            at = s.start + m.start()
            key = f"Observation/{article.id}/o{count}"
            akey = f"Amount/{article.id}/o{count}"
            stated = sentence[clause_start:m.end()].strip()
            attrs = {"measure": measure}
            year = _year(sentence, article.date)
            if year:
                attrs["year"] = Literal(str(year), datatype=XSD.gYear)
            article.nodes.append(Node(key, "Observation", stated, at, attrs=attrs))
            approx = bool(m.group("approx_before") or m.group("approx_after"))
            article.nodes.append(Node(akey, "Amount", m.group(0), at, mentioned=False,
                                      attrs={"value": value, "unit": unit, "approximate": approx,
                                             "statedAs": m.group(0)}))
            article.relations.append(Relation(key, "quantity", akey, at))
            place = _place(article, s.start, s.start + clause_start, at, context)
            if place:
                article.relations.append(Relation(key, "observationPlace", place, at))


def _place(article: Article, s_start: int, clause_start: int, at: int, context: Context) -> str | None:
    """The most local division named before the figure in its sentence, else the home division for 全市/我县."""
    named = [m for m in article.mentions if m.kind in PLACE_KINDS and s_start <= m.start < at]
    bodies = [m for m in article.mentions if m.kind in ("Agency", "Company")]
    named = [m for m in named if not any(b.start <= m.start and m.end <= b.end for b in bodies)]
    if named:
        return named[-1].key
    region = context.region
    if re.search(r"全[市州]|[我本][市州]", article.text[s_start:at]) and region.city_code:
        return f"Place/{region.city_code}" if any(m.key == f"Place/{region.city_code}" for m in article.mentions) \
            else None
    if re.search(r"全县|[我本]县|全区|[我本]区", article.text[s_start:at]) and region.county_code:
        return f"Place/{region.county_code}" if any(m.key == f"Place/{region.county_code}"
                                                    for m in article.mentions) else None
    return None
