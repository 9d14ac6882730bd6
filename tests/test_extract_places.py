"""Places (issue 4): divisions with codes and hierarchy, short forms, renamed and ambiguous names,
villages, visited sites, and the home region."""
from __future__ import annotations

import pytest

from _kgtext import GK, alt_labels, build, graph_of, label, labels, node, objs, of_type, page_of

HEAD = "宜昌新闻\n\n本报讯(记者 黄晓燕)"


def chain(g, place) -> list[str]:
    """Labels from a place up its gk:locatedIn chain."""
    out = [label(g, place)]
    while (parent := g.value(place, GK.locatedIn)) is not None:
        out.append(label(g, parent))
        place = parent
    return out


@pytest.fixture(scope="module")
def g():
    return build(HEAD + "5月18日,市委书记王建林来到宜都市,走进五眼泉镇,又到当阳调研。"
                 "在长阳县龙舟坪镇郑家榜村东察看茶园。", "宜昌市")


def test_divisions_have_codes_and_parents_up_to_the_province(g):
    town = node(g, GK.Township, "五眼泉镇")
    assert g.value(town, GK.adminCode).toPython() == "420581107000"
    assert g.value(town, GK.adminLevel).toPython() == "township"
    assert chain(g, town) == ["五眼泉镇", "宜都市", "宜昌市", "湖北省"]
    assert g.value(node(g, GK.County, "宜都市"), GK.adminCode).toPython() == "420581000000"


def test_full_name_is_matched_whole(g):
    # "宜都市" is the county-level city itself, not its short form followed by 市
    assert "宜都" not in alt_labels(g, node(g, GK.County, "宜都市"))


def test_short_form_of_county_level_city_in_home_city(g):
    city = node(g, GK.County, "当阳市")
    assert "当阳" in alt_labels(g, city)
    assert g.value(city, GK.adminCode).toPython() == "420582000000"


def test_short_form_of_prefecture():
    g = build("宜昌新闻\n\n本报讯(记者 黄晓燕)宜昌今年新建项目20个。", "宜昌市")
    city = node(g, GK.Prefecture, "宜昌市")
    assert "宜昌" in alt_labels(g, city)


def test_township_of_home_region_by_bare_name():
    # 龙舟坪镇 alone, with no county before it
    g = build(HEAD + "龙舟坪镇今年新建茶园三千亩。", "宜昌市")
    town = node(g, GK.Township, "龙舟坪镇")
    assert chain(g, town)[1:] == ["长阳土家族自治县", "宜昌市", "湖北省"]


def test_village_in_its_township(g):
    village = node(g, GK.Village, "郑家榜村")
    assert chain(g, village)[:2] == ["郑家榜村", "龙舟坪镇"]


@pytest.mark.parametrize("region,text,current,former", [
    ("襄阳市", "襄阳新闻\n\n本报讯(记者 黄晓燕)襄樊和襄阳市是一座城。", "襄阳市", "襄樊"),
    ("聊城市", "聊城新闻\n\n本报讯(记者 黄晓燕)原茌平县、今茌平区的农民增收。", "茌平区", "茌平县"),
])
def test_renamed_division_is_one_node_with_the_former_name(region, text, current, former):
    g = build(text, region)
    place = [p for p in of_type(g, GK.Prefecture) | of_type(g, GK.County) if label(g, p) == current]
    assert len(place) == 1
    assert former in alt_labels(g, place[0])


def test_ambiguous_township_outside_home_region_has_no_code():
    g = build(HEAD + "张寨镇的农民来宜昌学习种茶。", "宜昌市")
    amb = [p for p in g.subjects(GK.ambiguous, None) if label(g, p) == "张寨镇"]
    assert len(amb) == 1
    assert g.value(amb[0], GK.ambiguous).toPython() is True
    assert g.value(amb[0], GK.adminCode) is None


def test_visited_sites_are_located_in_their_division():
    g = build(HEAD + "5月18日,市委书记王建林来到夷陵区小溪塔街道敬老院,走进夷陵区实验中学,察看宜昌市博物馆。",
              "宜昌市")
    home = node(g, GK.Site, "夷陵区小溪塔街道敬老院")
    assert label(g, g.value(home, GK.locatedIn)) == "小溪塔街道"
    school = node(g, GK.Site, "夷陵区实验中学")
    assert label(g, g.value(school, GK.locatedIn)) == "夷陵区"
    museum = node(g, GK.Site, "宜昌市博物馆")
    assert label(g, g.value(museum, GK.locatedIn)) == "宜昌市"


def test_site_after_zai():
    g = build(HEAD + "5月18日,全市现场会在枝江市第一中学召开。", "宜昌市")
    school = node(g, GK.Site, "枝江市第一中学")
    assert label(g, g.value(school, GK.locatedIn)) == "枝江市"


def test_home_region_inferred_from_the_page_and_overridden():
    text = "湖州新闻\n\n本报讯(记者 黄晓燕)湖州市吴兴区今年新建项目20个,湖州各县区争先。市委召开会议。"
    page = page_of(text)
    assert (page.region.city, page.region.province) == ("湖州市", "浙江省")
    g = graph_of(page)
    assert "湖州市委" in labels(g, GK.Agency)
    home = set(g.objects(None, GK.homeRegion))
    assert [label(g, h) for h in home] == ["湖州市"]
    over = page_of(text, region="嘉兴市")
    assert over.region.city == "嘉兴市"
    assert "嘉兴市委" in labels(graph_of(over), GK.Agency)


def test_villages_in_a_list_after_a_visit_verb_and_before_their_bodies():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("镇动态\n\n3月12日,远安县洋坪镇党委书记林志远深入青禾村、云溪村、远山村调研。在云溪村,村党支部书记、村委会主任赵明亮"
               "汇报了工作。远山村党总支书记钱立群介绍了产业园情况。各村要抓好春耕,农村人居环境持续改善。", "宜昌市")
    places = set(_labels(g, _GK.Village))
    assert {"青禾村", "云溪村", "远山村"} <= places, places
    assert not {"农村", "各村", "入青禾村"} & places
    agencies = set(_labels(g, _GK.Agency))
    assert {"云溪村党支部", "云溪村委会", "远山村党总支"} <= agencies, agencies


def test_a_reservoir_named_after_its_township_is_a_place_visited_not_a_work():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("防汛\n\n6月7日,副市长林志远在远安县洋坪镇登上洋坪水库大坝,察看溢洪道。林志远指出,洋坪水库是骨干控制性工程。",
               "宜昌市")
    assert "洋坪水库" in _labels(g, _GK.Site)
    assert "洋坪水库" not in _labels(g, _GK.Project)
    assert not [n for n in _labels(g, _GK.Site) if "大中型" in n]


def test_a_company_s_workshop_is_no_site_of_its_own():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("调研\n\n5月8日,县委书记林志远走进云溪茶业有限公司生产车间,了解春茶收购。", "宜昌市")
    assert not [n for n in _labels(g, _GK.Site) if "公司" in n]


def test_villages_joined_by_and_and_a_village_named_again_after_a_particle():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("观摩\n\n3月12日,观摩团走进远安县洋坪镇青禾村和云溪村。在地处山区的云溪村,村党支部书记林志远介绍情况。"
               "观摩团还参观了中药材种植基地。", "宜昌市")
    assert {"青禾村", "云溪村"} <= set(_labels(g, _GK.Village))
    assert "云溪村党支部" in _labels(g, _GK.Agency)
    assert not [n for n in _labels(g, _GK.Site) if n.startswith("了")]


def test_a_title_running_into_a_short_place_name_and_a_full_county_after_a_city():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("会见\n\n5月8日,市长沙晓峰会见客人。宜昌市长阳县、五峰县负责人参加。", "宜昌市")
    places = set(_labels(g, _GK.Prefecture)) | set(_labels(g, _GK.County)) | set(_labels(g, _GK.Province))
    assert "长沙市" not in places and "湖南省" not in places
    assert any(p.startswith("长阳") for p in places), places


def test_the_end_of_a_river_s_name_and_a_given_name_after_a_title_are_no_places():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("巡河\n\n5月8日,镇党委书记宋长江沿浦阳江巡查,登上正在施工的码头,察看园区规划展示馆和创新创业服务中心。", "金华市")
    names = set(_labels(g, _GK.Prefecture)) | set(_labels(g, _GK.River)) | set(_labels(g, _GK.Site))
    assert "阳江市" not in names and "长江" not in names, names
    assert not [n for n in names if "的" in n or "和" in n], names


def test_a_village_opening_the_name_of_a_site_visited_is_a_village_of_the_township():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("检查\n\n当天,副市长林志远先后察看了魏桥镇敬老院、枫林村石岭山塘、柳溪村梨园水库。"
               "村民说,石岭村里的路修好了。", "滨州市")
    assert {"枫林村", "柳溪村"} <= set(_labels(g, _GK.Village))
    assert "石岭村" not in set(_labels(g, _GK.Village))  # named inside a sentence, not as a place visited


def test_a_word_before_the_county_s_own_title_names_no_two_character_county():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("慰问\n\n2月9日,温县四大班子领导分别到各乡镇和县产业集聚区看望群众。县委副书记、代县长林志远出席。")
    counties = set(_labels(g, _GK.County))
    assert "温县" in counties and not counties & {"和县", "代县"}, counties
    assert "温县人民政府" in _labels(g, _GK.Agency)
    g = _build("会议\n\n5月8日,代县人民政府召开会议。和县县委书记赵明亮出席。")
    assert {"代县", "和县"} <= set(_labels(g, _GK.County))


def test_villages_after_their_county_before_a_resident_and_one_node_each():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("回访\n\n9月15日,局党组成员、台江县枫溪村原第一书记林志远回到村里。枫溪村村民拉着他的手。"
               "台江县石岭村驻村第一书记赵明亮陪同。镇长带队深入柳湾村、桃源村,听取柳湾村汇报。建成省级和美乡村。")
    villages = _labels(g, _GK.Village)
    assert {"枫溪村", "石岭村", "柳湾村", "桃源村"} <= set(villages), villages
    assert villages.count("枫溪村") == 1 and not [v for v in villages if v.startswith("取") or v.endswith("乡村")]


def test_villages_of_a_page_that_names_no_township_and_a_verb_before_the_village_secretary():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("防汛\n\n7月28日凌晨,镇里再部署。参会的枫岗村书记林志远那天用了半小时。镇长带队深入柳湾村、桃源村。"
               "他便叮嘱村书记看好水库。\n\n第二则\n\n本报讯 枫岗村村民赵明亮说,水退了。", "滁州市")
    villages = _labels(g, _GK.Village)
    assert {"枫岗村", "柳湾村", "桃源村"} <= set(villages), villages
    assert villages.count("枫岗村") == 1 and not [v for v in villages if "叮嘱" in v or v.startswith("的")], villages


def test_villages_listed_before_a_community_and_names_in_a_list_of_people():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("整治\n\n9月26日,镇长林志远带队深入柳湾村、新生村、桃建村、青禾社区督导。谢兆村、赵明亮、许宇参加。"
               "全镇辖215个行政村。推进新型城镇化。", "滁州市")
    villages = set(_labels(g, _GK.Village))
    assert {"柳湾村", "新生村", "桃建村"} <= villages and not villages & {"谢兆村", "个行政村", "行政村"}, villages
