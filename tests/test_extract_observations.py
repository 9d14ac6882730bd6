"""Statistics as gk:Observation (issue 13): measure, quantity with its unit, place and year."""
from __future__ import annotations

from decimal import Decimal

from _kgtext import GK, build, label, objs, of_type

from kg.extract.observations import parse_quantity

TEXT = ("统计数据发布\n\n记者从市统计局获悉,1至4月,全市规模以上工业增加值增长8.2%。2023年,全市新增市场主体3.2万户,"
        "全年接待游客1200万人次。宜都市粮食总产达到116.6亿斤。该工程计划实施100万亩“吨粮田”提升工程,位居全省第3位。")


def observations(g) -> dict[str, tuple]:
    out = {}
    for o in of_type(g, GK.Observation):
        (q,) = objs(g, o, GK.quantity)
        places = [label(g, p) for p in objs(g, o, GK.observationPlace)]
        out[str(g.value(o, GK.measure))] = (g.value(q, GK.value).toPython(), str(g.value(q, GK.unit)),
                                            str(g.value(o, GK.year)), places)
    return out


def test_statistics_with_measure_value_unit_year_place():
    obs = observations(build(TEXT, "宜昌市"))
    assert obs["新增市场主体"][:3] == (Decimal("32000"), "户", "2023")
    assert obs["接待游客"][:3] == (Decimal("12000000"), "人次", "2023")
    assert obs["规模以上工业增加值增长"][:3] == (Decimal("8.2"), "%", "2024")
    assert obs["粮食总产"] == (Decimal("11660000000"), "斤", "2024", ["宜都市"])


def test_figures_that_are_not_statistics():
    obs = observations(build(TEXT, "宜昌市"))
    assert not any("吨粮田" in m or "工程" in m or "第" in m for m in obs)
    assert len(obs) == 4


def test_parse_quantity():
    assert parse_quantity("1050", "亿", "元") == (Decimal("105000000000"), "CNY")
    assert parse_quantity("3.2", "万", "户") == (Decimal("32000"), "户")
    assert parse_quantity("1200", None, "万人次") == (Decimal("12000000"), "人次")


def test_a_growth_rate_is_of_the_figure_before_it():
    obs = observations(build("统计\n\n2023年,全市高新技术企业数量为1250家,同比增长12.5%;地区生产总值达到3000亿元。", "宜昌市"))
    assert obs["高新技术企业数量"][:2] == (Decimal("1250"), "家")
    assert obs["高新技术企业数量增长"][:2] == (Decimal("12.5"), "%")
    assert obs["地区生产总值"][:2] == (Decimal("300000000000"), "CNY")
