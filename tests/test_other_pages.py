"""Pages unlike the sample: another province, groundbreaking, investment trips, a national press
conference, officials of other regions.  The page in tests/fixtures/pages/ is written for the tests
(invented people, companies and projects; real places)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from _kgtext import GK, build, label, labels, node, objs
from kg.build import build as build_file

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _built(name: str, tmp_path_factory) -> Graph:
    """The graph of one test page, built as a user would with kg build."""
    out = tmp_path_factory.mktemp(name) / f"{name}.ttl"
    build_file([PAGES / f"{name}.txt"], out)
    return Graph().parse(out)


@pytest.fixture(scope="module")
def yichang(tmp_path_factory) -> Graph:
    return _built("yichang-daily-2024-05-20", tmp_path_factory)


def test_home_region_is_inferred_from_another_province(yichang: Graph) -> None:
    assert "宜昌市委" in labels(yichang, GK.Agency)
    secretary = node(yichang, GK.Official, "熊征宇")
    posts = {label(yichang, p) for p in objs(yichang, secretary, GK.holds)}
    assert {"宜昌市委书记", "湖北省委常委"} <= posts
    assert "/宜昌市/" in str(secretary)  # local official: scoped to the home city


def test_groundbreaking_with_speakers_and_attendance_line(yichang: Graph) -> None:
    (event,) = [e for e in yichang.subjects(GK.date, None) if (e, None, GK.Groundbreaking) in yichang]
    assert str(yichang.value(event, GK.date)) == "2024-05-18"
    who = {label(yichang, p) for p in objs(yichang, event, GK.participant)}
    assert {"熊征宇", "马泽江", "刘明远", "陈思远", "黄立新"} <= who
    assert "宜都市" in {label(yichang, p) for p in objs(yichang, event, GK.place)}


def test_investment_trip_goes_to_another_province(yichang: Graph) -> None:
    (event,) = [e for e in yichang.subjects(GK.date, None) if (e, None, GK.InvestmentPromotion) in yichang]
    assert "深圳市" in {label(yichang, p) for p in objs(yichang, event, GK.place)}
    assert "马泽江" in {label(yichang, p) for p in objs(yichang, event, GK.participant)}


def test_national_press_conference_organizer_and_speaker(yichang: Graph) -> None:
    (event,) = [e for e in yichang.subjects(GK.date, None) if (e, None, GK.PressConference) in yichang]
    assert str(yichang.value(event, GK.date)) == "2024-05-15"
    assert label(yichang, yichang.value(event, GK.organizer)) == "国务院新闻办公室"
    speaker = yichang.value(event, GK.participant)
    assert label(yichang, speaker) == "盛来运" and "/中国/" in str(speaker)


def test_projects_with_capacity_and_bases_with_investment(yichang: Graph) -> None:
    assert {"楚峰年产10万吨磷酸铁锂项目", "华锐储能电池生产基地"} <= set(labels(yichang, GK.Project))
    base = node(yichang, GK.Project, "华锐储能电池生产基地")
    amount = yichang.value(base, GK.investment)
    assert float(yichang.value(amount, GK.value)) == 3e9
    assert yichang.value(amount, GK.approximate).toPython() is True
    # a count of projects is not a project
    assert not any("126个" in p or "二季度" in p for p in labels(yichang, GK.Project))


def test_visit_in_a_county_with_townships_and_a_school(yichang: Graph) -> None:
    (event,) = [e for e in yichang.subjects(GK.date, None) if (e, None, GK.InspectionVisit) in yichang]
    places = {label(yichang, p) for p in objs(yichang, event, GK.place)}
    assert {"远安县", "花林寺镇", "鸣凤镇"} <= places
    assert "宜昌市" not in places  # named only inside "宜昌市委书记"
    assert "花林寺镇中心小学" in {label(yichang, s) for s in objs(yichang, event, GK.site)}
    assert not labels(yichang, GK.Village)  # "调研乡村振兴" is no village


def test_official_of_another_city_and_a_provincial_department() -> None:
    g = build("杭州召开长三角合作座谈会\n\n本报讯(记者 张三)5月18日,长三角合作座谈会在杭州市召开。"
              "宁波市副市长张立文出席会议并讲话。省公安厅副厅长李建华介绍情况。市领导陈思远、刘光明参加活动。",
              region="杭州市")
    ningbo = node(g, GK.Official, "张立文")
    assert [label(g, p) for p in objs(g, ningbo, GK.holds)] == ["宁波市人民政府副市长"]
    assert "/宁波市/" in str(ningbo)
    police = node(g, GK.Official, "李建华")
    assert [label(g, p) for p in objs(g, police, GK.holds)] == ["浙江省公安厅副厅长"]
    assert {"陈思远", "刘光明"} <= set(labels(g, GK.Official))


@pytest.mark.parametrize("text, authors", [
    ("会议召开\n\n本报讯(全媒体记者 张三 实习生 李四)5月8日,会议召开。", ["张三", "李四"]),
    ("会议召开\n\n本报讯 记者张三 通讯员李四报道:5月8日,会议召开。", ["张三", "李四"]),
    ("会议召开\n\n5月8日,会议召开。(记者 张三)", ["张三"]),
    ("会议召开\n\n5月8日,会议召开。\n\n(本报记者 张三 通讯员 李四)", ["张三", "李四"]),
])
def test_byline_shapes_of_other_papers(text: str, authors: list[str]) -> None:
    from kg.ingest import ingest_text

    (article,) = ingest_text(text, source="x-2024-05-10.txt").articles
    assert article.authors == authors


def test_department_of_the_body_named_before() -> None:
    g = build("市委召开会议\n\n本报讯(记者 张三)5月8日,市委常委会召开会议。"
              "市委常委、宣传部部长王建国,市委常委、秘书长李明出席。", region="宜昌市")
    posts = {label(g, p) for p in objs(g, node(g, GK.Official, "王建国"), GK.holds)}
    assert posts == {"宜昌市委常委", "宜昌市委宣传部部长"}
    dept = node(g, GK.Agency, "宜昌市委宣传部")
    assert label(g, g.value(dept, GK.parentOrganization)) == "宜昌市委"


@pytest.fixture(scope="module")
def nanyang(tmp_path_factory) -> Graph:
    return _built("nanyang-daily-2023-11-15", tmp_path_factory)


def test_home_city_named_once_is_found_by_its_counties(nanyang: Graph) -> None:
    """The page names 郑州 (a signing there) and 南阳 once each, and two counties of 南阳."""
    assert "南阳市委" in labels(nanyang, GK.Agency)
    assert "郑州市委" not in labels(nanyang, GK.Agency)


def test_name_with_an_uncommon_character_and_company_executives(nanyang: Graph) -> None:
    assert "朱是文" in labels(nanyang, GK.Official)  # 是 rarely ends a name, but can
    assert set(labels(nanyang, GK.Person)) == {"张明浩", "李亦凡"}  # executives: persons, not officials
    exec_ = node(nanyang, GK.Person, "张明浩")
    assert [label(nanyang, p) for p in objs(nanyang, exec_, GK.holds)] == ["华创技术有限公司副总裁"]
    assert "华创技术有限公司" in labels(nanyang, GK.Company)
    assert not any("会见" in c for c in labels(nanyang, GK.Company))


def test_meeting_chair_and_reporter_are_participants(nanyang: Graph) -> None:
    meetings = [e for e in nanyang.subjects(GK.date, None) if (e, None, GK.Meeting) in nanyang
                and str(nanyang.value(e, GK.date)) == "2023-11-13"]
    (meeting,) = meetings
    assert {"王智远", "阮大林"} <= {label(nanyang, p) for p in objs(nanyang, meeting, GK.participant)}


@pytest.fixture(scope="module")
def renmin(tmp_path_factory) -> Graph:
    return _built("renmin-2024-04-13", tmp_path_factory)


def test_national_officials_and_a_name_followed_by_a_date(renmin: Graph) -> None:
    premier = node(renmin, GK.Official, "周文山")  # "国务院总理周文山4月12日主持…"
    assert [label(renmin, p) for p in objs(renmin, premier, GK.holds)] == ["国务院总理"]
    assert "/中国/" in str(premier)
    speaker = node(renmin, GK.Official, "金贤明")
    assert [label(renmin, p) for p in objs(renmin, speaker, GK.holds)] == ["国家发展改革委政策研究室主任"]


def test_a_meeting_is_no_agency_and_study_sessions_are_events(renmin: Graph) -> None:
    assert not any("会议" in a for a in labels(renmin, GK.Agency))
    # a study session is a gk:StudySession, a kind of both gk:Meeting and gk:Training in the ontology
    (study,) = [e for e in renmin.subjects(GK.date, None) if (e, None, GK.StudySession) in renmin]
    assert {"林海川", "周乃安", "葛长青"} <= {label(renmin, p) for p in objs(renmin, study, GK.participant)}


def test_bodies_side_by_side_stay_apart_and_mass_organisations() -> None:
    g = build("食品安全检查\n\n本报讯(记者 张三)5月8日,市市场监管局联合市公安局开展食品安全检查。"
              "市直各部门要落实责任,市县两级财政投入3亿元。市妇联、市总工会、市科协联合举办活动。"
              "市委组织部、市委宣传部召开会议。", region="宜昌市")
    agencies = set(labels(g, GK.Agency))
    assert {"宜昌市市场监督管理局", "宜昌市公安局", "宜昌市妇联", "宜昌市总工会", "宜昌市科协",
            "宜昌市委组织部", "宜昌市委宣传部"} <= agencies
    assert not any("联合" in a or "部门" in a or "两级" in a for a in agencies)


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.txt")),
                         ids=lambda p: p.stem)
def test_other_pages_pass_the_shacl_shapes(page: Path, tmp_path: Path) -> None:
    from pyshacl import validate

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "g.ttl"
    build_file([page], out)
    ok, _, report = validate(Graph().parse(out), shacl_graph=Graph().parse(root / "ontology" / "shapes.ttl"),
                             ont_graph=Graph().parse(root / "ontology" / "govkg.ttl"), inference="rdfs")
    assert ok, report
