"""Dates in article text, resolved against the publication date.

Parsing is jionlp's ``parse_time``; on top of it, a news rule: a report tells
of the past, so a resolved date after publication moves back one month (for
"25日") or one year (for "12月30日") -- unless the text says the date lies
ahead ("将于29日", "明年5月1日", "本月29日"), when it stays in the future.
A date with its year ("2010年10月7日") keeps it, however old.

>>> import datetime as dt
>>> resolve_date("3月8日上午", dt.date(2024, 3, 10))
(datetime.date(2024, 3, 8), '上午')
>>> resolve_date("25日晚", dt.date(2024, 3, 10))
(datetime.date(2024, 2, 25), '晚')
>>> resolve_date("29日", dt.date(2024, 5, 28), future=True)
(datetime.date(2024, 5, 29), None)
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kg.extract.lexicon import jionlp

PART_OF_DAY = "上午|下午|晚上|傍晚|早上|清晨|中午|凌晨|夜间|晚|晨"
NOT_AFTER_HAO = "线楼院文令码机馆房车门井桥台站口位泊仓库厂地0-9０-９"  # "3号线", "5号楼", "9号10号泊位": not dates
DATE_EXPR = re.compile(
    # the first day of a compact range, "3月21~27日", "5月8-9日": the day it starts (the range's end follows)
    rf"(?:(?:\d{{4}}|今|去|前|明)年)?\d{{1,2}}月\d{{1,2}}(?=[~～\-—–]\d{{1,2}}[日号])"
    rf"|(?:(?:\d{{4}}|今|去|前|明)年|本月|上月|下月)?(?:\d{{1,2}}月)?\d{{1,2}}(?:日|号(?![{NOT_AFTER_HAO}]))"
    rf"(?:{PART_OF_DAY})?"
    rf"|(?:昨天|昨日|今天|今日|前天)(?:{PART_OF_DAY})?"
    # in Chinese numerals, with the month: "五月八日", "二〇二四年十二月三十日"
    rf"|(?:[〇零一二三四五六七八九]{{4}}年)?(?:十[一二]?|[一二三四五六七八九])月"
    rf"(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])日(?:{PART_OF_DAY})?"
    # weekdays: "上周五", "本星期一", and a bare "周三" only before a part of day or a comma (周一鸣 is a name)
    rf"|(?<!每)(?:上|本|这|下)(?:周|星期|礼拜)[一二三四五六日天](?:{PART_OF_DAY})?"
    rf"|(?<![每上本这下])(?:星期|礼拜)[一二三四五六日天](?:{PART_OF_DAY})?"
    rf"|(?<![每上本这下\u4e00-\u9fff])周[一二三四五六日](?:{PART_OF_DAY}|(?=[,，]))"
)
# Dates told relative to the last date the text stated: "当日上午", "次日", "同日".
RELATIVE_EXPR = re.compile(rf"(?:当日|当天|同日|同一天|当晚|次日|翌日|第二天)(?:{PART_OF_DAY})?")
RELATIVE_DAYS = {"当日": 0, "当天": 0, "同日": 0, "同一天": 0, "当晚": 0, "次日": 1, "翌日": 1, "第二天": 1}
# Words that put a date in the future: "将于5月29日", "计划29日开工", "定于下月".
FUTURE_CUE = re.compile(r"(?:将于|将在|将|计划于|计划在|计划|拟于|拟在|拟|预计于|预计|定于|即将|有望|力争|争取)$")
# Explicitly relative to now, so never moved back: "本月29日", "下月3日", "明年5月1日", "今年12月".
EXPLICIT_NOW = re.compile(r"^(?:本月|下月|明年|今年|今天|今日|下周|下星期|本周|这周)")


def _shift_back(d: dt.date, expr: str) -> dt.date:
    if "年" in expr or EXPLICIT_NOW.match(expr):
        return d
    if re.search(r"周|星期|礼拜", expr):
        return d - dt.timedelta(days=7)  # "周五" in a Wednesday paper: last Friday
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


def _shift_forward(d: dt.date, expr: str) -> dt.date:
    """A date the text puts ahead but that was read as past ("1月5日" in a December paper): the next one."""
    if "年" in expr or EXPLICIT_NOW.match(expr) or re.match(r"(?:上月|昨|前天)", expr):
        return d
    if "月" in expr:
        try:
            return d.replace(year=d.year + 1)
        except ValueError:
            return d
    month, year = d.month, d.year
    for _ in range(2):  # the next month that has that day
        month, year = (month + 1, year) if month < 12 else (1, year + 1)
        try:
            return dt.date(year, month, d.day)
        except ValueError:
            continue
    return d


def resolve_date(expr: str, published: dt.date | None, future: bool = False) -> tuple[dt.date | None, str | None]:
    """The date an expression such as "3月8日上午" or "昨天" means, and the part of day it states.

    Args:
        expr: The date expression.
        published: The publication date the expression is read against.
        future: The text puts the date ahead of publication ("将于29日"): keep it there.
    """
    return _resolve_date(expr, published, future)


# a month and day a few days after publication (a paper of 1月18日: "会议1月19日在太原开幕") is the coming one, not
# the one of the year before (a day alone, "29日", still goes back a month, and a weekday a week)
SOON_AFTER_DAYS = 10


@lru_cache(maxsize=65536)
def _resolve_date(expr: str, published: dt.date | None, future: bool) -> tuple[dt.date | None, str | None]:
    part = re.search(rf"(?:{PART_OF_DAY})$", expr)
    part_of_day = part.group(0) if part else None
    if re.search(r"月\d{1,2}$", expr):
        expr += "日"  # the first day of "3月21~27日"
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
    soon = "月" in expr and "年" not in expr and (d - published).days <= SOON_AFTER_DAYS if published else False
    if published and d > published and not future and not soon:
        d = _shift_back(d, expr)  # "8日" in a paper of 5月20日: the 8th of May; "12月8日": of the year before
    elif published and d < published and future:
        d = _shift_forward(d, expr)
    return d, part_of_day


def resolve_relative(expr: str, last: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The date of "当日上午", "次日" and the like, counted from the last date the text stated.

    >>> resolve_relative("次日上午", dt.date(2024, 3, 8))
    (datetime.date(2024, 3, 9), '上午')
    """
    part = re.search(rf"(?:{PART_OF_DAY})$", expr)
    part_of_day = part.group(0) if part else None
    if last is None:
        return None, part_of_day
    word = expr[: part.start()] if part else expr
    return last + dt.timedelta(days=RELATIVE_DAYS.get(word, 0)), part_of_day


def is_future(text_before: str) -> bool:
    """Whether the words just before a date put it ahead ("…将于", "计划", "定于")."""
    return bool(FUTURE_CUE.search(text_before[-4:]))


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Offsets of date expressions ("3月8日", "25日晚", "昨天") in ``text``."""
    return [m.span() for m in DATE_EXPR.finditer(text)]
