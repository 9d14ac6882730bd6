"""Reading pages from disk: encodings, bad files, HTML, JSONL, dates, size limit, full-width text.

The page text is written for these tests (invented county, people and papers).
"""
from __future__ import annotations

import datetime as dt
import json
import importlib
import os

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.ingest import IngestReport, InputError, ingest, read_file

# ``kg.ingest`` as an attribute of the ``kg`` package is the function, so import the module by name
read_mod = importlib.import_module("kg.ingest.read")

PAGE = (
    "南河县召开春耕备耕工作会议\n\n"
    "本报讯(记者 钱立衡 孙雨桐)5月20日,南河县召开春耕备耕工作会议,部署全县春季农业生产工作。"
    "会议要求,各乡镇要抓好种子、化肥等农资供应,确保不误农时。\n\n"
    "东湖区启动全民健身月活动\n\n"
    "本报讯(记者 周望舒)5月19日,东湖区全民健身月活动启动,全区各街道组织群众开展健身活动。\n"
)

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-16-le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda t: t.encode("utf-16-be"),
}


def _heads(pages):
    return [(a.headline, a.authors) for p in pages for a in p.articles]


EXPECTED = [("南河县召开春耕备耕工作会议", ["钱立衡", "孙雨桐"]), ("东湖区启动全民健身月活动", ["周望舒"])]


@pytest.mark.parametrize("enc", sorted(ENCODINGS))
def test_each_encoding_reads_the_same_articles(tmp_path, enc):
    f = tmp_path / f"nanhe-{enc}.txt"
    f.write_bytes(ENCODINGS[enc](PAGE))
    raw = read_file(f)
    assert raw[0].text.replace("\r\n", "\n").lstrip("\ufeff") == PAGE
    assert _heads(ingest([f])) == EXPECTED


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "gbk"])
def test_sample_page_in_other_encodings_reads_identically(tmp_path, sample_text, enc):
    f = tmp_path / "page.txt"
    f.write_bytes(sample_text.encode(enc))
    assert read_file(f)[0].text == sample_text


@pytest.fixture
def sample_text():
    from pathlib import Path

    return (Path(__file__).resolve().parent.parent / "data/samples/liaocheng-daily-2024-03-10.txt").read_text("utf-8")


BAD_FILES = {
    "binary.txt": bytes(range(256)) * 8 + os.urandom(2048),
    "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "zeros.txt": b"\x00" * 4096,
    "empty.txt": b"",
    "blank.txt": b"  \r\n\r\n\t ",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_binary_or_empty_file_is_a_one_line_error_naming_it(tmp_path, name):
    f = tmp_path / name
    f.write_bytes(BAD_FILES[name])
    with pytest.raises(InputError) as exc:
        read_file(f)
    msg = str(exc.value)
    assert name in msg and "\n" not in msg
    assert ("empty" in msg) if name in ("empty.txt", "blank.txt") else ("binary" in msg)


def test_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(InputError, match="nowhere.txt: no such file"):
        read_file(tmp_path / "nowhere.txt")


def _inputs_with_bad_files(tmp_path):
    good = tmp_path / "nanhe-2024-05-21.txt"
    good.write_text(PAGE, encoding="gb18030")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(BAD_FILES["binary.txt"])
    return [tmp_path / "empty.txt", good, tmp_path / "scan.txt"]


def test_ingest_reports_bad_files_and_reads_the_others(tmp_path):
    report = IngestReport()
    pages = list(ingest(_inputs_with_bad_files(tmp_path), report=report))
    assert _heads(pages) == EXPECTED
    assert len(report.errors) == 2
    assert any("empty.txt" in e for e in report.errors) and any("scan.txt" in e for e in report.errors)
    with pytest.raises(InputError):  # without a report the first bad file raises
        list(ingest(_inputs_with_bad_files(tmp_path)))


def test_build_writes_the_good_files_and_lists_the_bad(tmp_path):
    result = build(_inputs_with_bad_files(tmp_path), tmp_path / "out.ttl",
                   region=None)
    assert result.articles == 2 and (tmp_path / "out.ttl").stat().st_size > 0
    assert len(result.errors) == 2


def test_kg_build_exit_code_2_prints_the_errors_and_writes_the_output(tmp_path):
    inputs = [str(p) for p in _inputs_with_bad_files(tmp_path)]
    out = tmp_path / "out.ttl"
    res = CliRunner().invoke(cli, ["build", *inputs, "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert "empty.txt" in res.output and "scan.txt" in res.output and "error:" in res.output
    assert "2 articles" in res.output
    assert "南河县召开春耕备耕工作会议" in out.read_text("utf-8")


def test_directory_input_reads_every_page_in_name_order(tmp_path):
    (tmp_path / "b-2024-05-21.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a-2024-05-20.txt").write_text("单篇稿件标题\n\n正文第一段,说明情况。", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("不读", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    pages = list(ingest([tmp_path]))
    assert [p.source for p in pages] == [f"{tmp_path.name}/b-2024-05-21.txt", "sub/a-2024-05-20.txt"]


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>南河日报-南河新闻网</title>
<style>.main { color: #333 } /* 样式里的字 */</style>
<script>var ad = "本报讯(记者 假名字)广告脚本";</script></head>
<body>
<nav><a href="/">首页</a> | <a href="/yw">要闻</a> | 登录</nav>
<header>南河新闻网 欢迎您</header>
<div class="main">
  <h1>南河县召开春耕备耕工作会议</h1>
  <p>本报讯(记者 钱立衡 孙雨桐)5月20日,南河县召开春耕备耕工作会议,部署全县春季农业生产工作。</p>
  <p>会议要求,各乡镇要抓好种子、化肥等农资供应,确保不误农时。</p>
</div>
<aside>热点推荐:东湖区启动全民健身月</aside>
<footer>版权所有 南河日报社</footer>
<noscript>请启用脚本</noscript>
</body></html>
"""


def test_html_keeps_the_main_text_and_drops_script_style_nav(tmp_path):
    f = tmp_path / "nanhe-2024-05-21.html"
    f.write_text(HTML, encoding="utf-8")
    pages = list(ingest([f]))
    assert len(pages) == 1 and len(pages[0].articles) == 1
    art = pages[0].articles[0]
    assert art.headline == "南河县召开春耕备耕工作会议"
    assert art.authors == ["钱立衡", "孙雨桐"]
    assert "确保不误农时" in art.text
    for junk in ("广告脚本", "color", "首页", "登录", "欢迎您", "热点推荐", "版权所有", "请启用脚本", "南河新闻网"):
        assert junk not in art.text
    assert pages[0].date == dt.date(2024, 5, 21)


GOV_SITE_HTML = """<html><head><title>青禾镇召开秋粮收购工作会_工作动态_东湖县人民政府</title></head><body>
<div class="head"><div class="site-name">东湖县人民政府</div><ul class="menu"><li><a href="/">首页</a></li>
<li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="breadcrumb">您现在的位置：<a href="/">首页</a>&gt;<a href="/zwgk/">工作动态</a></div>
<div class="detail-head"><h1>青禾镇召开秋粮收购工作会</h1>
<div class="info">发布时间：2025-10-09　来源：青禾镇　作者：林晓雯</div></div>
<div class="article-content"><p>10月8日，青禾镇召开秋粮收购工作会，镇党委书记赵明亮出席。</p>
<p style="text-align:right">（责任编辑：周立新）</p></div>
<div class="article-tools"><a href="#">[打印]</a> <a href="#">[关闭]</a></div>
<div id="footer"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sybz/">使用帮助</a></p>
<p>版权所有 东湖县人民政府</p></div>
</body></html>"""


def test_html_drops_furniture_named_by_class_or_id_and_keeps_the_article_header(tmp_path):
    """A site without <nav>/<footer> marks its menu, footer and print links by class or id; the header block
    that holds the headline (with the date and author line) is the article's, not furniture."""
    f = tmp_path / "page.html"
    f.write_text(GOV_SITE_HTML, encoding="utf-8")
    art = next(ingest([f])).articles[0]
    assert art.headline == "青禾镇召开秋粮收购工作会"
    assert art.authors == ["林晓雯"]
    assert "赵明亮出席" in art.text
    for junk in ("首页", "政务公开", "网站地图", "联系我们", "使用帮助", "打印", "版权所有"):
        assert junk not in art.text


def test_html_without_h1_takes_the_title_less_the_site_name(tmp_path):
    f = tmp_path / "page.htm"
    f.write_text("<html><head><title>东湖区启动全民健身月活动 - 东湖日报</title></head><body>"
                 "<p>5月19日,东湖区全民健身月活动启动,全区各街道组织群众开展健身活动。</p></body></html>",
                 encoding="gbk")
    art = next(ingest([f])).articles[0]
    assert art.headline == "东湖区启动全民健身月活动"


def test_html_with_no_text_is_an_error(tmp_path):
    f = tmp_path / "blank.html"
    f.write_text("<html><head><script>x=1</script></head><body><nav>首页</nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="blank.html"):
        read_file(f)


def _jsonl(tmp_path, name, records):
    f = tmp_path / name
    f.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                 encoding="utf-8")
    return f


RECORD_A = {"text": "本报讯(记者 周望舒)3月12日,东湖区组织干部群众开展义务植树活动,共栽植苗木三千余株。",
            "date": "2024-03-12", "title": "东湖区开展义务植树活动", "source": "东湖日报",
            "url": "https://example.org/dh/2024/0312/1.html"}
RECORD_B = {"text": "南河县举办农民丰收节\n\n本报讯(记者 钱立衡)9月22日,南河县农民丰收节在县城举办。",
            "source": "东湖日报"}


def test_jsonl_corpus_one_page_per_line(tmp_path):
    f = _jsonl(tmp_path, "corpus.jsonl", [RECORD_A, "", RECORD_B])
    pages = list(ingest([f]))
    assert [p.source for p in pages] == [f"{tmp_path.name}/corpus.jsonl#1", f"{tmp_path.name}/corpus.jsonl#3"]
    a, b = pages[0].articles[0], pages[1].articles[0]
    assert a.headline == "东湖区开展义务植树活动" and a.authors == ["周望舒"]
    assert a.date == dt.date(2024, 3, 12) and a.url == RECORD_A["url"] and a.publisher == "东湖日报"
    assert b.headline == "南河县举办农民丰收节" and b.date is None
    assert a.id != b.id  # same 'source' paper, still two articles


def test_jsonl_bad_line_names_file_and_line_and_the_rest_still_reads(tmp_path):
    f = _jsonl(tmp_path, "corpus.jsonl", [RECORD_A, "{not json", {"title": "无正文"}, {"text": "x", "date": "三月"},
                                          RECORD_B])
    report = IngestReport()
    pages = list(ingest([f], report=report))
    assert len(pages) == 2
    assert [e.split(": ")[0] for e in report.errors] == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert "JSON" in report.errors[0] and "'text'" in report.errors[1] and "YYYY-MM-DD" in report.errors[2]
    with pytest.raises(InputError, match=r"corpus.jsonl:2"):
        read_file(f)


def test_date_from_option_else_file_name_else_jsonl_field(tmp_path):
    page = tmp_path / "nanhe-daily-2024-05-21.txt"
    page.write_text(PAGE, encoding="utf-8")
    compact = tmp_path / "nanhe20240522.txt"
    compact.write_text(PAGE, encoding="utf-8")
    undated = tmp_path / "nanhe.txt"
    undated.write_text(PAGE, encoding="utf-8")
    assert next(ingest([page])).date == dt.date(2024, 5, 21)
    assert next(ingest([compact])).date == dt.date(2024, 5, 22)
    assert next(ingest([undated])).date is None
    assert next(ingest([page], date=dt.date(2024, 6, 1))).date == dt.date(2024, 6, 1)
    assert all(a.date == dt.date(2024, 6, 1) for a in next(ingest([page], date=dt.date(2024, 6, 1))).articles)
    corpus = _jsonl(tmp_path, "dump-2024-12-31.jsonl", [RECORD_A, RECORD_B])
    # the record's own date, else the file name's, and --date over both
    assert [p.date for p in ingest([corpus])] == [dt.date(2024, 3, 12), dt.date(2024, 12, 31)]
    assert [p.date for p in ingest([corpus], date=dt.date(2024, 6, 1))] == [dt.date(2024, 6, 1)] * 2


def test_impossible_date_in_file_name_is_ignored(tmp_path):
    f = tmp_path / "page-2024-13-45.txt"
    f.write_text(PAGE, encoding="utf-8")
    assert next(ingest([f])).date is None


def test_file_over_the_size_limit_is_refused_clearly(tmp_path, monkeypatch):
    monkeypatch.setattr(read_mod, "MAX_BYTES", 1000)
    f = tmp_path / "huge.txt"
    f.write_text(PAGE * 20, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_file(f)
    msg = str(exc.value)
    assert "huge.txt" in msg and "limit" in msg and "\n" not in msg
    report = IngestReport()
    assert list(ingest([f], report=report)) == [] and "huge.txt" in report.errors[0]


def test_default_size_limit_allows_a_real_page_and_refuses_a_gigabyte():
    assert 1_000_000 < read_mod.MAX_BYTES < 1_000_000_000


def test_full_width_digits_letters_and_punctuation_are_normalised(tmp_path):
    f = tmp_path / "fw.txt"
    f.write_text("ＡＢＣ科技公司年产１２０万吨项目开工\n\n"
                 "本报讯（记者　钱立衡）５月２０日，南河县ＡＢＣ科技公司年产１２０万吨项目开工，总投资３．５亿元。",
                 encoding="gb18030")
    art = next(ingest([f])).articles[0]
    assert art.headline == "ABC科技公司年产120万吨项目开工"
    assert art.authors == ["钱立衡"]
    assert "5月20日,南河县ABC科技公司年产120万吨项目开工,总投资3.5亿元。" in art.text
    assert not any("\uff01" <= ch <= "\uff5e" or ch == "\u3000" for ch in art.text)


def test_windows_newlines_and_bom_do_not_leak_into_text(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(PAGE.replace("\n", "\r\n").encode("utf-8-sig"))
    arts = next(ingest([f])).articles
    assert arts[0].headline == "南河县召开春耕备耕工作会议"
    assert all("\r" not in a.text and "\ufeff" not in a.text for a in arts)
