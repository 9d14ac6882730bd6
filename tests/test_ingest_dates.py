"""Dates from the page itself (issue 15): page header, dateline, JSONL field, file or folder name, --date;
the source of each article's date in the graph; an undated page warned about and its events kept.

The corpus tests/fixtures/dated/ is invented: pages of two counties across four years, dated by a page header
(header/), a dateline with the year from its folder (2022/), date folders (2023/06/15/), JSONL fields (jsonl/),
and one page with no date at all (undated/).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, XSD

from kg.build import build
from kg.cli import cli
from kg.ingest import IngestReport, ingest, ingest_text, page_from_raw
from kg.ingest.dates import date_in_path, dateline_date, dateline_parts, header_date
from kg.ingest.read import RawPage, page_name
from kg.rdf import GK, SCHEMA

D = dt.date
CORPUS = Path(__file__).parent / "fixtures" / "dated"
BODY = "本报讯(记者 韩若溪)4月10日上午,青禾县召开春耕工作会议。县长林志远出席会议并讲话。"
WIRE = "本报成都5月8日电(记者 程雨桐)5月7日,县长林志远到青禾县检查乡村道路建设。"


@pytest.mark.parametrize("lines, date", [
    (["云溪日报 2024年3月10日 星期日 第3版", "标题"], D(2024, 3, 10)),
    (["青禾新闻 2021年4月12日 星期一", "标题"], D(2021, 4, 12)),  # any paper's name, a weekday after the date
    (["2024-03-10", "标题"], D(2024, 3, 10)),  # a bare date at the top of the page
    (["第2版:要闻 2023年11月5日", "标题"], D(2023, 11, 5)),
    (["标题", "来源:青禾县融媒体中心 发布时间:2024-05-08 09:30", "正文。"], D(2024, 5, 8)),
    (["标题", "正文。", "正文。", "正文。", "2024年5月9日 星期四 第4版"], D(2024, 5, 9)),  # a footer with a weekday
    (["标题", "云溪观察杂志 2018-01-31 20:05:10", "正文。"], D(2018, 1, 31)),  # a web page's time stamp
    (["标题", "本报记者 林志远《云溪日报》(2026年05月01日第 02 版)", "正文。"], D(2026, 5, 1)),  # a print citation
    (["标题"] + ["正文。"] * 12 + ["《 云溪日报 》( 2024年03月10日 01 版)"], D(2024, 3, 10)),  # below the text
    (["标题", "据《云溪日报》(2023年5月1日第2版)报道,青禾县新建公园十二座。"], None),  # a citation in a sentence
    (["标题", "2024年3月8日10:30,青禾县召开会议,部署防汛工作。"], None),  # a sentence, no time stamp
    (["关于召开春耕工作会议的通知", "报到时间 2024-03-15 09:00", "正文。"], None),  # a time in a notice
    (["标题", "正文。", "正文。", "青禾县人民政府", "2024年3月8日"], None),  # a notice's own date line
    (["2024年5月8日青禾县召开防汛工作会议", "正文。"], None),  # a headline with a date in it
    (["标题", "活动时间:2024年6月1日", "正文。"], None),  # a date in the text is no date of the page
    (["云溪日报 2024年2月30日 星期五"], None),  # no such day
])
def test_page_header_dates(lines: list[str], date: dt.date | None) -> None:
    assert header_date(lines) == date


@pytest.mark.parametrize("text, parts", [
    ("本报成都5月8日电(记者 林志远)5月7日,…", (None, 5, 8)),
    ("新华社北京3月8日电 记者林志远", (None, 3, 8)),
    ("人民网北京2024年5月8日电 (记者 林志远)", (2024, 5, 8)),
    ("云溪日报青禾12月30日讯 今年以来", (None, 12, 30)),
    ("标题\n本报北京4月12日电(记者 王浩)", (None, 4, 12)),  # under the headline
    ("本报讯(记者 林志远)5月8日,…", None),  # no date in the dateline: the event's date is no dateline
    ("5月8日电力公司召开会议", None),
])
def test_dateline_parts(text: str, parts: tuple | None) -> None:
    assert dateline_parts(text) == parts


@pytest.mark.parametrize("path, date, year", [
    ("news/2024/03/10/page3.txt", D(2024, 3, 10), 2024),
    ("archive/2024-03-10/p1.html", D(2024, 3, 10), 2024),
    ("paper/2024/0310/p1.txt", None, 2024),
    ("qinghe-daily-2024-03-10.txt", D(2024, 3, 10), 2024),
    ("x/qinghe20240522.txt", D(2024, 5, 22), 2024),
    ("2022/wire.txt", None, 2022),
    ("feeds/2023/corpus.jsonl#7", None, 2023),
    ("dump-2024-12-31.jsonl#3", D(2024, 12, 31), 2024),
    ("page-2024-13-45.txt", None, 2024),
    ("samples/page.txt", None, None),
    ("2024/03/10/x/y/z/page.txt", None, None),  # only the file and the three folders above it count
])
def test_dates_in_file_and_folder_names(path: str, date: dt.date | None, year: int | None) -> None:
    assert date_in_path(path) == (date, year)


def test_dateline_year_from_the_path_or_the_page():
    assert dateline_date((None, 12, 31), D(2025, 1, 1), 2025) == D(2024, 12, 31)  # filed before it was saved
    assert dateline_date((None, 5, 8), D(2024, 1, 2), 2024) == D(2023, 5, 8)
    assert dateline_date((None, 5, 8), D(2024, 5, 6), 2024) == D(2024, 5, 8)  # a week's folder
    assert dateline_date((None, 5, 8), None, 2022) == D(2022, 5, 8)
    assert dateline_date((2020, 5, 8), D(2024, 1, 1), 2024) == D(2020, 5, 8)  # its own year first
    assert dateline_date((None, 5, 8), None, None, "2023年5月6日,青禾县…") == D(2023, 5, 8)
    assert dateline_date((None, 5, 8), None, None, "到2025年6月30日前完成") is None  # a deadline, not the year
    assert dateline_date((None, 5, 8), None, None, "") is None


def _page(text: str, source: str = "x/page.txt", date: dt.date | None = None, record_date: dt.date | None = None):
    return page_from_raw(RawPage(source=source, text=text, date=record_date), date)


HEADED = "云溪日报 2024年4月11日 星期四 第1版\n\n青禾县召开春耕工作会议\n\n" + BODY


def test_precedence_option_jsonl_header_dateline_path():
    head = _page(HEADED, "x/page-2024-04-20.txt")
    assert (head.date, head.date_source) == (D(2024, 4, 11), "page-header")  # the header over the name
    assert [(a.date, a.date_source) for a in head.articles] == [(D(2024, 4, 11), "page-header")]
    assert head.warnings == []
    rec = _page(HEADED, record_date=D(2024, 4, 12))
    assert (rec.date, rec.date_source) == (D(2024, 4, 12), "jsonl")
    assert rec.warnings == ["x/page.txt: the page header prints 2024-04-11, but the JSONL record's date "
                            "2024-04-12 is used"]
    opt = _page(HEADED, date=D(2024, 4, 13), record_date=D(2024, 4, 12))
    assert (opt.date, opt.date_source) == (D(2024, 4, 13), "option")
    assert [a.date_source for a in opt.articles] == ["option"]
    assert "--date 2024-04-13 is used" in opt.warnings[0]
    assert _page(HEADED, date=D(2024, 4, 11)).warnings == []  # no warning when they agree
    wire = _page("青禾县推进乡村道路建设\n\n" + WIRE, "2023/wire.txt")
    assert (wire.date, wire.date_source) == (D(2023, 5, 8), "dateline")
    named = _page("青禾县召开春耕工作会议\n\n" + BODY, "x/page-2024-04-11.txt")
    assert (named.date, named.date_source) == (D(2024, 4, 11), "path")


def test_a_path_date_in_the_week_after_the_dateline_is_the_day_of_printing():
    printed = _page("青禾县推进乡村道路建设\n\n" + WIRE, "2023/05/09/wire.txt")
    assert (printed.date, printed.date_source) == (D(2023, 5, 9), "path")
    downloaded = _page("青禾县推进乡村道路建设\n\n" + WIRE, "downloads/2024-01-02/wire.txt")
    assert (downloaded.date, downloaded.date_source) == (D(2023, 5, 8), "dateline")  # filed before it was saved


@pytest.mark.parametrize("meta, date", [
    ('<meta name="publishdate" content="2024-03-10">', D(2024, 3, 10)),
    ('<meta property="article:published_time" content="2024-03-10T08:30:00+08:00">', D(2024, 3, 10)),
    ('<meta name="PubDate" content="2024/3/10 08:30">', D(2024, 3, 10)),
    ('<meta name="keywords" content="2024-03-10">', None),
    ('<meta name="publishdate" content="2024-02-30">', None),
])
def test_html_meta_dates(tmp_path, meta: str, date: dt.date | None) -> None:
    f = tmp_path / "article.html"
    f.write_text(f"<html><head>{meta}<title>青禾县召开春耕工作会议</title></head><body><h1>青禾县召开春耕工作会议</h1>"
                 f"<p>{BODY}</p></body></html>", encoding="utf-8")
    page = next(ingest([f]))
    assert (page.date, page.date_source) == ((date, "page-meta") if date else (None, None))
    header = tmp_path / "headed.html"  # a date the page prints comes first
    header.write_text(f"<html><head>{meta}</head><body><p>云溪日报 2024年3月9日 星期六</p><h1>青禾县召开春耕工作会议</h1>"
                      f"<p>{BODY}</p></body></html>", encoding="utf-8")
    assert next(ingest([header])).date_source == "page-header"


def test_jsonl_date_under_another_name(tmp_path):
    f = tmp_path / "feed.jsonl"
    recs = [{"text": "青禾县召开春耕工作会议\n\n" + BODY, "published": "2024-04-11 08:30:00"},
            {"text": "青禾县召开春耕工作会议\n\n" + BODY, "publish_time": "2024年4月12日"},
            {"text": "青禾县召开春耕工作会议\n\n" + BODY, "pub_date": "上周"}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    assert [(p.date, p.date_source) for p in ingest([f])] == [(D(2024, 4, 11), "jsonl"), (D(2024, 4, 12), "jsonl"),
                                                              (None, None)]


def test_each_article_its_own_dateline_the_others_the_latest():
    page = _page("青禾县推进乡村道路建设\n\n" + WIRE + "\n\n云溪市新建口袋公园\n\n"
                 "本报云溪5月9日电(记者 陈可)今年以来,云溪市新建口袋公园十二座,市民休闲有了好去处。\n\n"
                 "青禾县召开春耕工作会议\n\n" + BODY, "2023/page.txt")
    assert [(a.date, a.date_source) for a in page.articles] == [
        (D(2023, 5, 8), "dateline"), (D(2023, 5, 9), "dateline"), (D(2023, 5, 9), "dateline")]
    assert page.date == D(2023, 5, 9)


def test_a_page_without_a_date_is_warned_about():
    page = ingest_text("青禾县召开春耕工作会议\n\n" + BODY, source="clippings/page.txt")
    assert page.date is None and page.date_source is None
    assert all(a.date is None and a.date_source is None for a in page.articles)
    (warning,) = page.warnings
    assert warning.startswith("clippings/page.txt: no date found") and "undated" in warning


def test_pages_in_date_folders_are_pages_of_their_own(tmp_path):
    for day in ("09", "10"):
        f = tmp_path / "paper" / "2024" / "03" / day / "page3.txt"
        f.parent.mkdir(parents=True)
        f.write_text("青禾县召开春耕工作会议\n\n" + BODY, encoding="utf-8")
    pages = list(ingest([tmp_path / "paper"]))
    assert [p.source for p in pages] == ["paper/2024/03/09/page3.txt", "paper/2024/03/10/page3.txt"]
    assert [(p.date, p.date_source) for p in pages] == [(D(2024, 3, 9), "path"), (D(2024, 3, 10), "path")]
    assert pages[0].articles[0].id != pages[1].articles[0].id
    assert page_name(tmp_path / "samples" / "page.txt") == "samples/page.txt"  # other folders as before


def test_ingest_report_counts_the_sources():
    report = IngestReport()
    pages = list(ingest([CORPUS], report=report))
    assert len(pages) == 6
    assert report.dates == {"page-header": 1, "dateline": 1, "path": 1, "jsonl": 2, "none": 1}
    assert sum("no date found" in w for w in report.warnings) == 1


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory) -> tuple[Graph, object]:
    out = tmp_path_factory.mktemp("dated") / "dated.ttl"
    result = build([CORPUS], out)
    return Graph().parse(out), result


def _article(g: Graph, part: str):
    (a,) = [a for a in g.subjects(SCHEMA.datePublished | GK.dateUnknown, None) if str(a).endswith("article/" + part)]
    return a


def test_every_date_source_is_recorded_on_its_articles(corpus_graph):
    g, _ = corpus_graph
    expected = {"header/linze-weekly-p1/1": ("2021-04-12", "page-header"),
                "header/linze-weekly-p1/2": ("2021-04-12", "page-header"),
                "dated/2022/xupu-wire/1": ("2022-05-08", "dateline"),
                "dated/2023/06/15/page2/1": ("2023-06-15", "path"),
                "jsonl/linze-feed%231/1": ("2023-09-23", "jsonl"),
                "jsonl/linze-feed%232/1": ("2024-01-09", "jsonl")}
    for part, (date, source) in expected.items():
        a = _article(g, part)
        assert g.value(a, SCHEMA.datePublished) == Literal(date, datatype=XSD.date), part
        assert g.value(a, GK.dateSource) == Literal(source), part
        assert g.value(a, GK.dateUnknown) is None
    undated = _article(g, "undated/clipping/1")
    assert g.value(undated, SCHEMA.datePublished) is None and g.value(undated, GK.dateSource) is None
    assert g.value(undated, GK.dateUnknown) == Literal(True)


def test_events_of_dated_pages_are_dated_in_their_year(corpus_graph):
    g, _ = corpus_graph
    dates = {str(d) for d in g.objects(None, GK.date)}
    assert {"2021-04-10", "2021-04-11", "2022-05-07", "2023-06-13", "2024-01-06"} <= dates


def test_the_undated_page_is_warned_about_and_its_events_kept(corpus_graph):
    g, result = corpus_graph
    assert [w for w in result.warnings if "no date found" in w] == [
        "undated/clipping.txt: no date found (no --date, page header, dateline, JSONL date or date in the file or "
        "folder name); its 1 article(s) and their events are kept undated (gk:dateUnknown)"]
    assert result.dates["none"] == 1
    events = [e for e in g.subjects(GK.dateUnknown, Literal(True)) if "/event/" in str(e)]
    assert len(events) == 1 and "undated/clipping" in str(events[0])
    (event,) = events
    assert g.value(event, GK.date) is None
    people = {str(g.value(p, RDFS.label)) for p in g.objects(event, GK.participant)}
    assert "林志远" in people


def test_kg_build_names_the_undated_page_and_counts_the_sources(tmp_path):
    res = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(tmp_path / "g.ttl")])
    assert res.exit_code == 0, res.output
    assert "warning: undated/clipping.txt: no date found" in res.output
    assert "warning: jsonl/linze-feed.jsonl#2: the page header prints 2024-01-08" in res.output
    line = next(x for x in res.output.splitlines() if x.startswith("dated by: "))
    for part in ("jsonl (2 pages)", "page-header (1 pages)", "dateline (1 pages)", "path (1 pages)",
                 "no date (1 pages)"):
        assert part in line


def test_date_option_wins_for_every_page_and_is_recorded(tmp_path):
    out = tmp_path / "g.ttl"
    result = build([CORPUS / "header", CORPUS / "undated"], out, date=D(2024, 3, 10))
    g = Graph().parse(out)
    assert set(g.objects(None, GK.dateSource)) == {Literal("option")}
    assert set(g.objects(None, SCHEMA.datePublished)) == {Literal("2024-03-10", datatype=XSD.date)}
    assert not list(g.subjects(GK.dateUnknown, None))
    assert [w for w in result.warnings if "page header prints 2021-04-12" in w]  # the header disagrees


def test_kg_ingest_shows_the_date_source():
    res = CliRunner().invoke(cli, ["ingest", str(CORPUS / "header"), str(CORPUS / "undated")])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == "header/linze-weekly-p1.txt  date=2021-04-12  articles=2  (dated by page-header)"
    assert "undated/clipping.txt  date=?  articles=1  (no date found)" in lines
    assert any(x.startswith("warning: undated/clipping.txt: no date found") for x in lines)


def test_jsonl_fixture_is_what_the_tests_say():
    recs = [json.loads(x) for x in (CORPUS / "jsonl" / "linze-feed.jsonl").read_text("utf-8").splitlines()]
    assert [r["date"] for r in recs] == ["2023-09-23", "2024-01-09"]


def test_the_dated_corpus_passes_the_shacl_shapes(corpus_graph):
    from pyshacl import validate

    root = Path(__file__).resolve().parent.parent
    g, _ = corpus_graph
    ok, _, report = validate(g, shacl_graph=Graph().parse(root / "ontology" / "shapes.ttl"),
                             ont_graph=Graph().parse(root / "ontology" / "govkg.ttl"), inference="rdfs")
    assert ok, report
    bad = Graph().parse(data=g.serialize(format="nt"), format="nt")
    a = next(iter(bad.subjects(GK.dateSource, None)))
    bad.set((a, GK.dateSource, Literal("guess")))
    assert not validate(bad, shacl_graph=Graph().parse(root / "ontology" / "shapes.ttl"))[0]


def test_events_of_an_undated_page_are_kept_apart_and_undated():
    from kg.pipeline import Pipeline

    text = ("青禾县领导调研防汛工作\n\n本报讯(记者 韩若溪)7月20日,县长林志远到青禾县沙河镇调研防汛工作。"
            "林志远强调,要压紧压实防汛责任。\n\n7月22日,县长林志远到青禾县板桥镇调研防汛工作。"
            "次日,林志远出席全县防汛工作会议。2024年7月25日,林志远到板桥镇检查防汛工作。")
    page = Pipeline()(ingest_text(text, source="clippings/flood.txt"))
    events = [(n.kind, n.attrs) for n in page.articles[0].nodes if n.key.startswith("Event/")]
    assert events == [("InspectionVisit", {"dateUnknown": True}), ("InspectionVisit", {"dateUnknown": True}),
                      ("Meeting", {"dateUnknown": True}), ("InspectionVisit", {"date": D(2024, 7, 25)})]
    dated = Pipeline()(ingest_text(text, source="clippings/flood.txt", date=D(2024, 7, 26)))
    assert [n.attrs for n in dated.articles[0].nodes if n.key.startswith("Event/")] == [
        {"date": D(2024, 7, 20)}, {"date": D(2024, 7, 22)}, {"date": D(2024, 7, 23)}, {"date": D(2024, 7, 25)}]
