"""Places that are not divisions: rivers and lakes, railway lines, development zones."""
from __future__ import annotations

from _kgtext import GK, build, label, labels, node


def test_river_railway_and_zone_with_their_divisions() -> None:
    g = build("沿黄城市召开会议\n\n本报讯(记者 张三)5月8日,会议在宜都市召开。会议要求保护长江生态,"
              "加快推进沿线12个郑渝高铁(宜昌段)站点建设,支持宜都经济开发区发展。黄河路改造完成。",
              region="宜昌市")
    assert labels(g, GK.River) == ["长江"]  # 黄河路 is a street
    rail = node(g, GK.Railway, "郑渝高铁")  # not "个郑渝高铁"
    assert label(g, g.value(rail, GK.locatedIn)) == "宜昌市"
    zone = node(g, GK.DevelopmentZone, "宜都市经济开发区")
    assert label(g, g.value(zone, GK.locatedIn)) == "宜都市"
    assert "宜都经济开发区" in {str(o) for o in g.objects(zone, None)}  # the surface form as altLabel


def test_water_names_are_no_division_official_names() -> None:
    from kg.extract.landmarks import waters
    from kg.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    assert not [w for w in waters() if any(d.name == w for d in gaz.lookup(w))]


def test_lake_or_county_by_home_region() -> None:
    text = "太湖治理推进会召开\n\n本报讯(记者 张三)5月8日,太湖治理推进会召开。"
    assert labels(build(text, region="无锡市"), GK.River) == ["太湖"]
    in_anqing = build(text, region="安庆市")
    assert labels(in_anqing, GK.River) == [] and "太湖县" in labels(in_anqing, GK.County)
