"""Journalists in the graph: bylines and credits of many papers, never typed as officials.

Texts are written for these tests (invented people; 青禾县 is an invented county).
"""
from __future__ import annotations

import pytest
from rdflib.namespace import RDFS

from _kgtext import GK, build, labels, of_type, page_of
from kg.extract.journalists import find_name
from kg.rdf.namespaces import SCHEMA

BODY = "会议强调,要坚持以人民为中心的发展思想,扎实推进各项重点工作,确保全年目标任务圆满完成。"


def labels_of(g, n) -> str:
    return str(g.value(n, RDFS.label))


@pytest.mark.parametrize("text, names", [
    ("青禾县召开防汛工作会议\n\n本报记者  江  平  许  诺《云溪日报》(2025年05月01日第 02 版)\n\n"
     "5月8日,青禾县召开防汛工作会议。县委书记林志远出席会议并讲话。" + BODY, ["江平", "许诺"]),
    ("青禾县召开防汛工作会议\n\n记者文浩 许诺\n\n5月8日,青禾县召开防汛工作会议。县委书记林志远出席会议并讲话。" + BODY,
     ["文浩", "许诺"]),
    ("青禾县召开防汛工作会议\n\n本报讯 记者陈可报道 5月8日,青禾县召开防汛工作会议。县委书记林志远出席会议并讲话。" + BODY,
     ["陈可"]),
    ("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。县委书记林志远出席会议并讲话。" + BODY
     + "(作者:陈可 许诺)\n\n(编辑:江平  审核编辑:文浩)", ["许诺", "陈可"]),
])
def test_byline_names_are_journalists_and_authors(text: str, names: list[str]) -> None:
    g = build(text, region="宜昌市")
    assert labels(g, GK.Journalist) == sorted(names)
    (art,) = of_type(g, GK.Article)
    assert sorted(labels_of(g, a) for a in g.objects(art, SCHEMA.author)) == sorted(names)
    assert not set(names) & set(labels(g, GK.Official))
    assert "林志远" in labels(g, GK.Official)


@pytest.mark.parametrize("credit", ["责任编辑:林晓雯", "(编辑:林晓雯  审核编辑:许诺)", "编辑丨林晓雯 许诺"])
def test_editors_are_neither_journalists_nor_officials(credit: str) -> None:
    g = build("青禾县召开防汛工作会议\n\n本报讯(记者 陈可)5月8日,青禾县召开防汛工作会议。县委书记林志远出席。" + BODY
              + "\n\n" + credit, region="宜昌市")
    assert labels(g, GK.Journalist) == ["陈可"]
    people = set(labels(g, GK.Official)) | set(labels(g, GK.Person))
    assert not {"林晓雯", "许诺"} & people


def test_photographer_of_a_credit_is_a_journalist() -> None:
    g = build("青禾县召开防汛工作会议\n\n本报讯(记者 陈可)5月8日,青禾县召开防汛工作会议。" + BODY
              + "\n\n5月8日,青禾县城关镇农户在大棚里采摘黄瓜。文浩摄(云溪视觉)", region="宜昌市")
    assert labels(g, GK.Journalist) == ["文浩", "陈可"]
    assert "文浩" not in labels(g, GK.Official)


def test_spaced_name_is_found_where_it_is_printed() -> None:
    text = "本报记者  江  平  许  诺\n正文"
    assert find_name(text, "江平") == (6, 10) and text[6:10] == "江  平"
    assert find_name(text, "许诺", from_end=True) == (12, 16)
    assert find_name(text, "林晓雯") is None
    page = page_of("青禾县新建公园\n\n本报记者  江  平\n\n今年以来,青禾县新建口袋公园十二座。" + BODY, region="宜昌市")
    (art,) = page.articles
    (m,) = [m for m in art.mentions if m.kind == "Journalist"]
    assert (m.label, m.text(art)) == ("江平", "江  平")


def test_a_photo_credit_with_a_two_character_name_padded_by_a_space():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("签约\n\n本报讯(记者 林晓雯)5月8日,签约仪式举行。\n\n签约仪式现场。记者 许 诺 摄", "宜昌市")
    assert "许诺" in _labels(g, _GK.Journalist)


def test_a_photographer_credited_on_the_page_s_last_line_in_brackets():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("会见\n\n本报讯(记者 林晓雯)5月8日,市长林志远会见客人。\n\n会见后,客人参观了石窟。\n\n(摄影:许诺)", "宜昌市")
    assert {"林晓雯", "许诺"} <= set(_labels(g, _GK.Journalist))


@pytest.mark.parametrize("closing, writers, photographers", [
    ("\n\n云溪县融媒体中心\n\n林鑫宇 陈可/文", ["林鑫宇", "陈可"], []),
    ("(许诺/文 江平/图)", ["许诺"], ["江平"]),
    ("\n\n许诺/文图", ["许诺"], ["许诺"]),
    ("(林可/整理)", ["林可"], []),
])
def test_credits_written_name_first(closing: str, writers: list[str], photographers: list[str]) -> None:
    """"林某 陈某/文", "…。(周某/文 关某/图)": names before their role, on a line of their own or closing the text."""
    g = build("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。县委书记林志远出席会议并讲话。" + BODY + closing,
              region="宜昌市")
    (art,) = of_type(g, GK.Article)
    credited = set(writers) | set(photographers)  # the graph credits photographers as authors too
    assert {labels_of(g, a) for a in g.objects(art, SCHEMA.author)} == credited
    assert set(labels(g, GK.Journalist)) == credited
    assert not (set(writers) | set(photographers)) & set(labels(g, GK.Official))


def test_a_timestamp_line_and_a_long_outlet_before_the_dateline():
    """"2021-11-16 10:49:01" over the item is page furniture, not its headline, and a dateline naming two outlets
    ("云溪日报青禾融媒体中心•青禾网11月16日讯(记者 甲 见习记者 乙)") keeps its byline."""
    page = page_of("2021-11-16 10:49:01\n云溪日报青禾融媒体中心•青禾网11月16日讯(记者 陈可 见习记者 许诺)11月16日上午,"
                   "全市重大项目集中开工活动举行。市委书记林志远宣布开工。", region="宜昌市")
    (art,) = page.articles
    assert art.authors == ["陈可", "许诺"] and "10:49" not in art.headline


@pytest.mark.parametrize("dateline, names", [
    ("本报讯(记者陈可见习记者许诺)", ["陈可", "许诺"]),
    ("青禾网讯(云溪日报记者陈可 许诺摄影报道)", ["陈可", "许诺"]),
])
def test_bylines_with_glued_roles_and_a_credit_after_the_name(dateline: str, names: list[str]) -> None:
    g = build("青禾县召开防汛工作会议\n\n" + dateline + "5月8日,青禾县召开防汛工作会议。县委书记林志远出席会议并讲话。" + BODY,
              region="宜昌市")
    assert labels(g, GK.Journalist) == sorted(names)
