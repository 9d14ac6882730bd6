"""Date resolution against the publication date (issue 5)."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import find_date_expressions, is_future, resolve_date, resolve_relative

D = dt.date


@pytest.mark.parametrize("published,expr,date,part", [
    (D(2024, 3, 10), "3月8日", D(2024, 3, 8), None),
    (D(2024, 3, 10), "3月8日上午", D(2024, 3, 8), "上午"),
    (D(2024, 3, 10), "25日晚", D(2024, 2, 25), "晚"),
    (D(2024, 3, 10), "昨天", D(2024, 3, 9), None),
    (D(2024, 3, 10), "昨日", D(2024, 3, 9), None),
    (D(2024, 3, 10), "前天下午", D(2024, 3, 8), "下午"),
    (D(2024, 3, 10), "12月30日", D(2023, 12, 30), None),
    (D(2024, 3, 10), "2023年12月30日", D(2023, 12, 30), None),
    (D(2024, 3, 10), "10日", D(2024, 3, 10), None),
    # a January paper looks back into December
    (D(2024, 1, 5), "28日", D(2023, 12, 28), None),
    (D(2024, 1, 5), "12月28日", D(2023, 12, 28), None),
    (D(2024, 1, 5), "3日", D(2024, 1, 3), None),
    (D(2024, 1, 5), "1月4日下午", D(2024, 1, 4), "下午"),
    (D(2024, 1, 5), "去年12月31日", D(2023, 12, 31), None),
    # the year boundary itself
    (D(2024, 1, 1), "昨天", D(2023, 12, 31), None),
    (D(2024, 1, 1), "12月31日晚", D(2023, 12, 31), "晚"),
])
def test_resolve_date(published, expr, date, part):
    assert resolve_date(expr, published) == (date, part)


def test_no_publication_date_no_invented_date():
    assert resolve_date("3月8日", None) == (None, None)


def test_find_date_expressions():
    text = "3月8日上午,会议召开。25日晚,活动举行。昨天,他到现场。"
    assert [text[s:e] for s, e in find_date_expressions(text)] == ["3月8日上午", "25日晚", "昨天"]


@pytest.mark.parametrize("published,expr,future,date", [
    # a date the text puts ahead stays ahead (issue 13)
    (D(2024, 5, 28), "29日", True, D(2024, 5, 29)),
    (D(2024, 5, 28), "29日", False, D(2024, 4, 29)),
    (D(2024, 5, 28), "本月29日", False, D(2024, 5, 29)),
    (D(2024, 5, 28), "下月3日", False, D(2024, 6, 3)),
    (D(2024, 5, 28), "明年5月1日", False, D(2025, 5, 1)),
    (D(2024, 12, 30), "1月5日", True, D(2025, 1, 5)),
    # an old date keeps its year
    (D(2024, 5, 28), "2010年10月7日", False, D(2010, 10, 7)),
    # a month and day a few days ahead is the coming one ("会议1月19日开幕" in a paper of 1月18日), further ahead the
    # year before's
    (D(2022, 1, 18), "1月19日", False, D(2022, 1, 19)),
    (D(2022, 1, 18), "3月19日", False, D(2021, 3, 19)),
])
def test_future_and_old_dates(published, expr, future, date):
    assert resolve_date(expr, published, future=future)[0] == date


@pytest.mark.parametrize("expr,date,part", [
    ("当日上午", D(2024, 3, 8), "上午"),
    ("当天", D(2024, 3, 8), None),
    ("次日下午", D(2024, 3, 9), "下午"),
    ("当晚", D(2024, 3, 8), "晚"),
])
def test_relative_to_the_last_stated_date(expr, date, part):
    assert resolve_relative(expr, D(2024, 3, 8)) == (date, part)
    assert resolve_relative(expr, None)[0] is None


@pytest.mark.parametrize("before,future", [("该工程将于", True), ("计划于", True), ("定于", True), ("会议于", False),
                                           ("", False)])
def test_future_cues(before, future):
    assert is_future(before) is future


def test_numbered_things_are_not_dates():
    text = "地铁3号线和5号楼于8号开通。"
    assert [text[s:e] for s, e in find_date_expressions(text)] == ["8号"]


@pytest.mark.parametrize("expr,date", [
    ("上周五", D(2024, 5, 17)),
    ("本周一", D(2024, 5, 20)),
    ("周五", D(2024, 5, 17)),  # a bare weekday after the paper's day is last week's
    ("星期三", D(2024, 5, 22)),
    ("下周二", D(2024, 5, 28)),
])
def test_weekdays(expr, date):
    assert resolve_date(expr, D(2024, 5, 22))[0] == date


def test_weekday_expressions_and_names():
    text = "上周五,会议召开。周三上午,市长出席。市长周一鸣出席。每周一至周五开放。70周年。"
    assert [text[s:e] for s, e in find_date_expressions(text)] == ["上周五", "周三上午"]


def test_dates_in_chinese_numerals():
    text = "五月八日,会议召开。二〇二三年十二月三十日上午,活动举行。一日游和三十日无月份的不算。"
    found = [text[s:e] for s, e in find_date_expressions(text)]
    assert found == ["五月八日", "二〇二三年十二月三十日上午"]
    assert resolve_date("五月八日", D(2024, 5, 22)) == (D(2024, 5, 8), None)
    assert resolve_date("二〇二三年十二月三十日上午", D(2024, 5, 22)) == (D(2023, 12, 30), "上午")
