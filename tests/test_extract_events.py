"""Events (issue 5): inspection visits, meetings, press conferences, with dates, people, places, sites."""
from __future__ import annotations

import datetime as dt

import pytest

from _kgtext import GK, build, label, objs, of_type


def one(g, cls):
    (e,) = of_type(g, cls)
    return e


def who(g, e) -> set[str]:
    return {label(g, p) for p in objs(g, e, GK.participant)}


@pytest.fixture(scope="module")
def visit():
    return build("市委书记王建林到夷陵区调研\n\n本报讯(记者 黄晓燕)5月18日上午,市委书记王建林到夷陵区、宜都市"
                 "调研乡村振兴工作。他先后来到小溪塔街道敬老院,走进宜都市第一中学,察看五眼泉镇茶叶产业园。"
                 "陈思远、刘光明参加活动。", "宜昌市")


def test_inspection_visit(visit):
    g = visit
    e = one(g, GK.InspectionVisit)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 18)
    assert str(g.value(e, GK.partOfDay)) == "上午"
    assert who(g, e) == {"王建林", "陈思远", "刘光明"}
    assert {label(g, p) for p in objs(g, e, GK.place)} >= {"夷陵区", "宜都市"}


def test_visit_sites_in_order(visit):
    g = visit
    e = one(g, GK.InspectionVisit)
    assert {label(g, s) for s in objs(g, e, GK.site)} == {"小溪塔街道敬老院", "宜都市第一中学", "五眼泉镇茶叶产业园"}
    assert str(g.value(e, GK.siteOrder)) == "小溪塔街道敬老院 → 宜都市第一中学 → 五眼泉镇茶叶产业园"


def test_visit_sites_listed_after_one_verb():
    g = build("调研\n\n本报讯(记者 黄晓燕)5月18日,市委书记王建林到夷陵区调研。他先后来到小溪塔街道敬老院、"
              "宜都市第一中学、五眼泉镇茶叶产业园。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert len(objs(g, e, GK.site)) == 3


def test_meeting_with_organizer_and_participants():
    g = build("市政协召开常委会会议\n\n本报讯(记者 黄晓燕)5月16日,市政协召开十五届常委会会议。"
              "孙海涛、钱立群参加会议。", "宜昌市")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 16)
    assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市政协"]
    assert who(g, e) == {"孙海涛", "钱立群"}


def test_two_press_conferences_on_one_day_stay_two():
    text = ("乡村振兴专场\n\n本报讯(记者 黄晓燕)5月16日上午,市政府新闻办召开“走进新时代”主题新闻发布会乡村振兴专场,"
            "市农业农村局局长周文斌介绍了有关情况。\n\n"
            "城市建设专场\n\n本报讯(记者 郑红梅)5月16日上午,市政府新闻办召开“走进新时代”主题新闻发布会城市建设专场,"
            "市住房和城乡建设局局长孙建国介绍了有关情况。")
    g = build(text, "宜昌市")
    events = of_type(g, GK.PressConference)
    assert len(events) == 2
    assert {frozenset(who(g, e)) for e in events} == {frozenset({"周文斌"}), frozenset({"孙建国"})}
    for e in events:
        assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 16)
        assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市政府新闻办"]
    names = {str(g.value(e, GK.name)) for e in events}
    assert "“走进新时代”主题新闻发布会乡村振兴专场" in names


def test_event_without_date_gets_no_invented_date():
    g = build("专家研讨\n\n本报讯(记者 黄晓燕)市委书记王建林出席院士专家研讨会。", "宜昌市")
    assert list(g.subjects(GK.date, None)) == []
