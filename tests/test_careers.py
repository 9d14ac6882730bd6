"""Careers over time (issue 15, item 3): kg people, kg career NAME, kg career --agency, the SVG timeline.

The corpus (tests/fixtures/careers/, every person and event invented) has pages of a county paper of 松阳县
(丽水市, 浙江省) from 2021 to 2024, one of its pages with no date anywhere, and a city paper of 绵阳市 (四川省):
林志远 is 副县长 of 松阳县 in 2021 and 2022 and 县长 from 2023; 周文博 is 县长, then 县委书记; another 林志远
heads 绵阳市's development and reform commission (a namesake in another province).
"""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.careers import (PostSpell, agency_history, careers, in_region, is_promotion, make_person, open_graph, people,
                        rank, single_holder)
from kg.cli import cli

CORPUS = Path(__file__).parent / "fixtures" / "careers"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("careers")
    out, store = d / "years.trig", d / "kgstore"
    result = build(sorted(CORPUS.glob("*.txt")), out, store=store, progress=False)
    assert result.articles == 6
    return out, store


@pytest.fixture(scope="module")
def ds(built):
    return open_graph(built[0])


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.output


def county(cs):
    return next(c for c in cs if c.person.region == "松阳县")


# --- the Python API -------------------------------------------------------------------------------

def test_namesakes_are_apart(ds):
    cs = careers(ds, "林志远")
    assert sorted(c.person.region for c in cs) == ["松阳县", "绵阳市"]
    assert cs[0].person.iri != cs[1].person.iri
    city = next(c for c in cs if c.person.region == "绵阳市")
    assert {e.role for e in city.entries if e.kind == "post"} == {"主任"}
    assert "四川省" in city.person.where and "浙江省" in county(cs).person.where


def test_posts_in_date_order_with_the_promotion_marked(ds):
    c = county(careers(ds, "林志远"))
    posts = [e for e in c.entries if e.kind == "post"]
    dated = [e.date for e in c.entries if e.date]
    assert dated == sorted(dated)
    assert all(e.date is None for e in c.entries[len(dated):])  # the undated page comes last
    assert posts[0].role == "副县长" and posts[0].date == dt.date(2021, 4, 12) and posts[0].change == "first seen"
    promotion = [e for e in posts if e.change == "promotion"]
    assert len(promotion) == 1
    assert promotion[0].role == "县长" and promotion[0].date == dt.date(2023, 9, 20)
    assert promotion[0].note == "副县长 → 县长"
    assert [s.role for s in c.summary.posts][:2] == ["副县长", "县长"]
    assert c.summary.posts[0].last == dt.date(2022, 6, 15)


def test_each_entry_has_its_article_and_sentence(ds):
    c = county(careers(ds, "林志远"))
    for e in c.entries:
        assert e.evidence is not None and e.evidence.article
        assert e.evidence.source and e.evidence.source.endswith(".txt")
        assert e.evidence.sentence and "林志远" in e.evidence.sentence
        text = ds.query(f"SELECT ?t {{ <{e.evidence.article}> gk:text ?t }}",
                        prefixes={"gk": "https://w3id.org/govkg/ontology#"})
        article_text = next(iter(text))[0].value
        assert article_text[e.evidence.start:e.evidence.end] == e.evidence.sentence  # offsets into the article
    promotion = next(e for e in c.entries if e.change == "promotion")
    assert "县长林志远" in promotion.evidence.sentence
    assert promotion.evidence.source.endswith("lishui-daily-2023-09-20.txt")


def test_events_are_listed_with_the_part_taken(ds):
    c = county(careers(ds, "林志远"))
    events = [e for e in c.entries if e.kind == "event"]
    assert len(events) >= 3
    assert any("chair" in e.parts and "安全生产" in e.what for e in events)
    assert not [e for e in careers(ds, "林志远", events=False)[0].entries if e.kind == "event"]


def test_region_filter_at_any_level(ds):
    assert [c.person.region for c in careers(ds, "林志远", region="绵阳市")] == ["绵阳市"]
    assert [c.person.region for c in careers(ds, "林志远", region="浙江省")] == ["松阳县"]
    assert [c.person.region for c in careers(ds, "林志远", region="丽水")] == ["松阳县"]
    assert careers(ds, "林志远", region="北京市") == []
    assert careers(ds, "没有人") == []


def test_people_lists_each_namesake_with_posts_and_dates(ds):
    found = people(ds)
    lins = [s for s in found if s.person.name == "林志远"]
    assert sorted(s.person.region for s in lins) == ["松阳县", "绵阳市"]
    lin = next(s for s in lins if s.person.region == "松阳县")
    assert (lin.first, lin.last) == (dt.date(2021, 4, 12), dt.date(2024, 3, 5))
    assert {p.label for p in lin.posts} >= {"松阳县人民政府副县长", "松阳县人民政府县长"}
    assert lin.events >= 3
    assert {s.person.name for s in people(ds, agency="松阳县人民政府")} == {"林志远", "周文博", "陈立群"}
    assert [s.person.region for s in people(ds, agency="松阳县人民政府", name="林志远")] == ["松阳县"]
    assert {s.person.region for s in people(ds, region="四川省")} == {"绵阳市"}


def test_a_body_over_time(ds):
    [h] = agency_history(ds, "松阳县人民政府")
    heads = [t.person.name for t in h.tenures if t.spell.role == "县长"]
    assert heads == ["周文博", "林志远"]
    step = next(e for e in h.entries if e.person.name == "林志远" and e.role == "县长")
    assert step.change == "promotion" and "副县长 → 县长" in step.note and "周文博" in step.note
    assert agency_history(ds, "松阳县政府")[0].iri == h.iri  # the name as written finds the body too


def test_ranks():
    def spell(role, agency="a"):
        return PostSpell(f"{agency}/{role}", role, agency, agency)

    assert rank("常务副市长") == ("市长", 1) and rank("副县长") == ("县长", 0) and rank("县长") == ("县长", 3)
    assert is_promotion(spell("副县长"), spell("县长"))
    assert is_promotion(spell("副市长"), spell("常务副市长"))
    assert is_promotion(spell("常务副市长"), spell("市长"))
    assert not is_promotion(spell("县长"), spell("副县长"))
    assert not is_promotion(spell("副县长", "a"), spell("县长", "b"))  # another county's 县长
    assert is_promotion(spell("县长", "gov"), spell("书记", "party"), same_place=True)
    assert not is_promotion(spell("县长", "gov"), spell("书记", "party"))
    assert single_holder("县长") and single_holder("书记")
    assert not single_holder("副县长") and not single_holder("党组成员") and not single_holder("常委")


def test_regions_from_the_identity():
    p = make_person("https://w3id.org/govkg/id/official/%E9%BE%99%E6%B3%89%E5%B8%82/%E6%9E%97%E5%BF%97%E8%BF%9C",
                    "林志远", "Official")
    assert p.region == "龙泉市" and p.region_path == "浙江省丽水市龙泉市"
    # a county-level city belongs to its prefecture and its province
    assert in_region(p, "丽水市") and in_region(p, "浙江") and in_region(p, "龙泉市")
    assert not in_region(p, "温州市") and not in_region(p, "四川省")
    national = make_person("https://w3id.org/govkg/id/official/中国/林志远", "林志远", "Official")
    assert national.region == "中国" and in_region(national, "中国") and not in_region(national, "浙江省")


# --- the command line -----------------------------------------------------------------------------

def test_cli_career_lists_posts_in_order_with_the_change(built):
    code, out = run("career", str(built[0]), "林志远")
    assert code == 0, out
    assert "2 people called 林志远" in out
    county_part, _, city_part = out.partition("林志远 — 绵阳市")
    first = county_part.index("松阳县人民政府副县长   ◆ first seen")
    step = county_part.index("松阳县人民政府县长   ▲ promotion: 副县长 → 县长")
    assert first < step
    assert "2021-04-12  post" in county_part and "2023-09-20  post" in county_part
    assert "绵阳市发展和改革委员会主任" in city_part and "松阳县" not in city_part
    assert "“副县长林志远陪同。”  [" in county_part  # the sentence as printed, with its offsets
    assert "〃 (the same article and sentence)" in county_part  # said once per article and sentence
    assert "lishui-daily-2021-04-12.txt" in county_part


def test_cli_career_region_and_brief(built):
    code, out = run("career", str(built[0]), "林志远", "--region", "绵阳市", "--brief")
    assert code == 0, out
    assert "松阳县" not in out and "“" not in out and out.startswith("林志远 — 绵阳市")


def test_cli_reads_a_store_like_a_file(built):
    assert run("career", str(built[1]), "林志远") == run("career", str(built[0]), "林志远")
    assert run("people", str(built[1])) == run("people", str(built[0]))


def test_cli_people(built):
    code, out = run("people", str(built[0]))
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["name", "region", "first", "last"]
    assert sum(1 for line in lines if line.startswith("林志远")) == 2
    code, out = run("people", str(built[0]), "--region", "绵阳市", "--format", "tsv")
    assert code == 0 and out.splitlines()[1].split("\t")[:5] == [
        "林志远", "绵阳市", "https://w3id.org/govkg/id/official/绵阳市/林志远", "主任", "绵阳市发展和改革委员会"]
    code, out = run("people", str(built[0]), "--name", "林志远", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2
    code, out = run("people", str(built[0]), "--limit", "1")
    assert code == 0 and out.splitlines()[2].startswith("林志远  松阳县") and out.endswith("(1 person)\n")


def test_cli_agency(built):
    code, out = run("career", str(built[0]), "--agency", "松阳县人民政府")
    assert code == 0, out
    assert out.startswith("松阳县人民政府 — agency/")
    assert out.index("周文博  松阳县人民政府县长") < out.index("林志远  松阳县人民政府县长   ▲ promotion")


def test_cli_svg_timeline(built, tmp_path):
    svg = tmp_path / "lin.svg"
    code, out = run("career", str(built[0]), "林志远", "--region", "松阳县", "--svg", str(svg))
    assert code == 0, out
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = svg.read_text(encoding="utf-8")
    assert "副县长 → 县长" in text and "松阳县人民政府副县长" in text and "2021" in text and "2024" in text
    assert "http" not in text.replace("http://www.w3.org/2000/svg", "")  # nothing to fetch
    body = tmp_path / "gov.svg"
    assert run("career", str(built[0]), "--agency", "松阳县人民政府", "--svg", str(body))[0] == 0
    assert "周文博" in body.read_text(encoding="utf-8")


def test_cli_errors(built):
    code, out = run("career", str(built[0]), "没有人")
    assert code == 1 and "nobody called 没有人" in out
    code, out = run("career", str(built[0]))
    assert code == 2 and "NAME or --agency" in out
    code, out = run("career", str(built[0]), "--agency", "不存在的机构")
    assert code == 1 and "no body called" in out
