"""Dates in article text, resolved against the publication date.

Parsing is jionlp's ``parse_time``; on top of it, a news rule: a report tells
of the past, so a resolved date after publication moves back one month (for
"25日") or one year (for "12月30日").

>>> import datetime as dt
>>> resolve_date("3月8日上午", dt.date(2024, 3, 10))
(datetime.date(2024, 3, 8), '上午')
>>> resolve_date("25日晚", dt.date(2024, 3, 10))
(datetime.date(2024, 2, 25), '晚')
"""
from __future__ import annotations

import datetime as dt
import re

from kg.extract.lexicon import jionlp

PART_OF_DAY = "上午|下午|晚上|傍晚|早上|清晨|中午|凌晨|夜间|晚"
DATE_EXPR = re.compile(
    rf"(?:(?:\d{{4}}|今|去|前|明)年)?(?:\d{{1,2}}月)?\d{{1,2}}[日号](?:{PART_OF_DAY})?"
    rf"|(?:昨天|昨日|今天|今日|前天)(?:{PART_OF_DAY})?"
)



def _shift_back(d: dt.date, expr: str) -> dt.date:
    if "年" in expr:
        return d
    if "月" in expr:
        return d.replace(year=d.year - 1)
    month, year = d.month, d.year
    for _ in range(2):  # the latest earlier month that has that day
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
        try:
            return dt.date(year, month, d.day)
        except ValueError:
            continue
    return d


def resolve_date(expr: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The date an expression such as "3月8日上午" or "昨天" means, and the part of day it states."""
    part = re.search(rf"(?:{PART_OF_DAY})$", expr)
    part_of_day = part.group(0) if part else None
    if published is None and not re.match(r"\d{4}年", expr):
        return None, part_of_day
    base = published or dt.date.today()
    try:
        res = jionlp().parse_time(expr, time_base={"year": base.year, "month": base.month, "day": base.day})
    except Exception:  # jionlp raises plain ValueError/TypeError on expressions it cannot read
        return None, part_of_day
    if res.get("type") != "time_point":
        return None, part_of_day
    try:
        d = dt.date.fromisoformat(res["time"][0][:10])
    except (ValueError, TypeError, IndexError, KeyError):  # a year past 9999 ("99999年1月1日") or an odd answer
        return None, part_of_day
    if published and d > published:
        d = _shift_back(d, expr)
    return d, part_of_day


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Offsets of date expressions ("3月8日", "25日晚", "昨天") in ``text``."""
    return [m.span() for m in DATE_EXPR.finditer(text)]
