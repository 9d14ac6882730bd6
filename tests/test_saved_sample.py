"""Each saved question asked of the bundled sample page, with the answer a reader of the page expects.

The page is built once into a store with the whole pipeline. Answers come
from reading the page (and ../shared/eval/gold); questions whose facts the
extractors do not produce are marked xfail (not strict) with the reason; none are today.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.query import open_dataset, run_query
from kg.saved import saved_queries

SAMPLE = Path(__file__).resolve().parent.parent / "data/samples/liaocheng-daily-2024-03-10.txt"


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "store"
    build([SAMPLE], store=path)
    return open_dataset(path)


def ask(ds, name: str, **params: str) -> list[dict[str, str]]:
    return run_query(ds, saved_queries()[name].text, params=params, where=name).records()


def test_posts_of_officials(ds):
    rows = {(r["official"], r["role"], r["agency"]) for r in ask(ds, "posts-of-officials")}
    assert {("周志伟", "局长", "聊城市农业农村局"), ("李长萍", "书记", "聊城市委"),
            ("曾晓黎", "主席", "聊城市政协"), ("周志伟", "局长", "聊城市乡村振兴局")} <= rows


def test_places_visited_by_official(ds):
    rows = ask(ds, "places-visited-by-official", official="李长萍")
    assert {"东昌府区", "莘县"} <= {r["place"] for r in rows}
    assert {r.get("date") for r in rows} == {"2024-03-08"}


def test_meeting_companions(ds):
    rows = ask(ds, "meeting-companions", official="曾晓黎")
    assert {"张同奇", "程继峰", "李添尘", "唐明贵", "王福祥", "韩德振"} <= {r["companion"] for r in rows}


def test_posts_held_by_official(ds):
    rows = {(r.get("date"), r["role"], r["agency"]) for r in ask(ds, "posts-held-by-official", official="周志伟")}
    assert {("2024-03-10", "局长", "聊城市农业农村局"), ("2024-03-10", "主任", "聊城市委农办")} <= rows


def test_officials_of_agency(ds):
    rows = {(r["role"], r["official"]) for r in ask(ds, "officials-of-agency", agency="聊城市农业农村局")}
    assert ("局长", "周志伟") in rows


def test_events_in_county(ds):
    rows = ask(ds, "events-in-county", county="莘县", **{"from": "2024-03-01", "to": "2024-03-31"})
    assert {(r["date"], r["type"]) for r in rows} == {("2024-03-08", "InspectionVisit")}
    assert ask(ds, "events-in-county", county="莘县", **{"from": "2024-03-09"}) == []


def test_projects_in_city(ds):
    rows = ask(ds, "projects-in-county", county="聊城市")
    assert any("吨半粮" in r["project"] for r in rows)
    assert any("祥光" in r["project"] and float(r["investment"]) == 1.0e10 for r in rows)


def test_investment_in_city(ds):
    rows = ask(ds, "investment-by-county", county="聊城市")
    assert rows and float(rows[0]["total"]) >= 1.0e10 and rows[0]["unit"] == "CNY"


def test_agencies_by_mentions(ds):
    rows = ask(ds, "agencies-by-mentions")
    assert "聊城市委" in [r["agency"] for r in rows[:3]]
    assert int(rows[0]["articles"]) >= 3


def test_official_cooccurrence(ds):
    rows = ask(ds, "official-cooccurrence", official="李长萍")
    assert {"谢兆村", "刘昌松", "李强"} <= {r["other"] for r in rows}
    assert "周志伟" not in {r["other"] for r in rows}


def test_articles_mentioning_both(ds):
    rows = ask(ds, "articles-mentioning-both", x="李长萍", y="莘县")
    assert len(rows) == 1 and "调研" in rows[0]["headline"]
    rows = ask(ds, "articles-mentioning-both", x="周志伟", y="聊城市农业农村局")
    assert any("农业农村工作" in r["headline"] for r in rows)


def test_subdivisions_with_events(ds):
    rows = ask(ds, "subdivisions-with-events", place="聊城市")
    assert ("东昌府区", "2024-03-08") in {(r["subdivision"], r.get("date")) for r in rows}
    assert {"莘县", "东昌府区", "阳谷县", "高唐县"} <= {r["subdivision"] for r in rows}


def test_subdivisions_of_towns(ds):
    assert {"王奉镇", "张寨镇"} <= {r["subdivision"] for r in ask(ds, "subdivisions-with-events", place="莘县")}
    assert "苏村" in {r["subdivision"] for r in ask(ds, "subdivisions-with-events", place="张寨镇")}


def test_subdivisions_of_a_district(ds):
    rows = ask(ds, "subdivisions-with-events", place="东昌府区")
    # the official name of 梁水镇 in the division code list is 梁水镇镇 (梁水镇 is its altLabel)
    assert {"梁水镇镇", "斗虎屯镇"} <= {r["subdivision"] for r in rows}


def test_journalists_and_articles(ds):
    rows = ask(ds, "journalists-and-articles", journalist="赵宗锋")
    assert len(rows) == 1 and "李长萍" in rows[0]["headline"]
    assert len(ask(ds, "journalists-and-articles", journalist="林晨")) == 5


def test_events_timeline(ds):
    rows = ask(ds, "events-timeline")
    assert [(r["date"], r["type"]) for r in rows] == [
        ("2024-03-08", "InspectionVisit"), ("2024-03-08", "Meeting"), ("2024-03-08", "PressConference"),
        ("2024-03-08", "PressConference"), ("2024-03-09", "PressConference")]
    assert "李长萍" in rows[0]["participants"]


def test_events_by_kind(ds):
    rows = {r["kind"]: int(r["events"]) for r in ask(ds, "events-by-kind")}
    assert rows == {"PressConference": 3, "Meeting": 1, "InspectionVisit": 1}


def test_every_saved_question_is_tested_here():
    tested = {"posts-of-officials", "places-visited-by-official", "meeting-companions", "posts-held-by-official",
              "officials-of-agency", "events-in-county", "projects-in-county", "investment-by-county",
              "agencies-by-mentions", "official-cooccurrence", "articles-mentioning-both",
              "subdivisions-with-events", "journalists-and-articles", "events-timeline", "events-by-kind"}
    assert set(saved_queries()) == tested
