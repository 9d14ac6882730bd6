"""Agencies and companies (issue 3): canonical labels, parents, jurisdiction, national bodies."""
from __future__ import annotations

import pytest

from _kgtext import GK, alt_labels, build, label, labels, node, objs

TEXT = ("宜昌农业\n\n本报讯(记者 黄晓燕)市委农办、省农业农村厅、市生态环境局大气科负责人参加。"
        "水利部、交通运输部有关负责人出席。全国农业技术推广服务中心专家介绍。城东派出所民警到场。"
        "全部干部要做好部署,形成新格局,举办培训。宜昌兴发化工有限公司、湖北长江能源集团参加签约。")


@pytest.fixture(scope="module")
def g():
    return build(TEXT, "宜昌市")


def test_canonical_labels_qualified_by_home_region(g):
    names = labels(g, GK.Agency)
    assert "宜昌市委" in names
    assert "宜昌市委农办" in names
    assert "湖北省农业农村厅" in names
    assert "市委" not in names and "省农业农村厅" not in names


def test_alt_label_keeps_surface_form(g):
    assert "省农业农村厅" in alt_labels(g, node(g, GK.Agency, "湖北省农业农村厅"))
    assert "市委农办" in alt_labels(g, node(g, GK.Agency, "宜昌市委农办"))


def test_parent_bodies(g):
    office = node(g, GK.Agency, "宜昌市委农办")
    assert [label(g, p) for p in objs(g, office, GK.parentOrganization)] == ["宜昌市委"]
    section = node(g, GK.Agency, "宜昌市生态环境局大气科")
    assert [label(g, p) for p in objs(g, section, GK.parentOrganization)] == ["宜昌市生态环境局"]


def test_jurisdiction(g):
    city = objs(g, node(g, GK.Agency, "宜昌市委"), GK.jurisdiction)
    assert [label(g, p) for p in city] == ["宜昌市"]
    assert g.value(city[0], GK.adminCode).toPython() == "420500000000"
    prov = objs(g, node(g, GK.Agency, "湖北省农业农村厅"), GK.jurisdiction)
    assert [label(g, p) for p in prov] == ["湖北省"]


def test_national_bodies(g):
    names = labels(g, GK.Agency)
    assert "水利部" in names  # one jieba word
    assert "交通运输部" in names
    assert "全国农业技术推广服务中心" in names


def test_police_station(g):
    assert "城东派出所" in labels(g, GK.Agency)


@pytest.mark.parametrize("word", ["全部", "干部", "部署", "格局", "举办"])
def test_common_words_are_not_agencies(g, word):
    assert not any(word in n for n in labels(g, GK.Agency))


def test_companies_are_companies_not_agencies(g):
    companies = labels(g, GK.Company)
    assert "宜昌兴发化工有限公司" in companies
    assert "湖北长江能源集团" in companies
    assert not any(n.endswith(("公司", "集团")) for n in labels(g, GK.Agency))


def test_one_node_per_agency_across_articles():
    text = ("一\n\n本报讯(记者 黄晓燕)市农业农村局召开会议。\n\n二\n\n本报讯(记者 郑红梅)市农业农村局发布通知。")
    g = build(text, "宜昌市")
    bureau = node(g, GK.Agency, "宜昌市农业农村局")
    assert len(objs(g, bureau, GK.mentionedIn)) == 2


def test_home_region_changes_the_label():
    g = build("湖州农业\n\n本报讯(记者 黄晓燕)湖州市委农办、市农业农村局负责人参加。", "湖州市")
    assert "湖州市农业农村局" in labels(g, GK.Agency)


def test_a_ministry_s_departments_and_their_heads():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("发布会\n\n新华社北京7月16日电 国务院新闻办公室16日举行新闻发布会,农业农村部种植业管理司司长林志远介绍情况。"
               "农业农村部新闻发言人、发展规划司司长赵明亮回答提问。", "北京市")
    names = _labels(g, _GK.Agency)
    assert {"农业农村部种植业管理司", "农业农村部发展规划司"} <= set(names)
    assert {"林志远", "赵明亮"} <= set(_labels(g, _GK.Official))


def test_a_central_bank_branch_is_one_body_with_its_full_name():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("座谈会\n\n5月8日,省财政厅和人民银行哈尔滨中心支行负责同志作了回应。", "黑龙江省")
    names = _labels(g, _GK.Agency)
    assert "中国人民银行哈尔滨中心支行" in names and not any(n.endswith("中心") for n in names)


def test_a_standing_committee_member_after_a_particle_is_a_title_not_a_body():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("常委会\n\n5月8日,会议听取了省委常委、组织部部长林志远关于工作进展的汇报。", "黑龙江省")
    assert "黑龙江省委组织部" in _labels(g, _GK.Agency)
    assert not any(n.endswith("常委") for n in _labels(g, _GK.Agency))


def test_facilities_ending_like_bodies_and_a_name_that_holds_an_armed_force_are_no_bodies():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("郄海军会见客人\n\n郄海军会见客人。5月8日,市长郄海军察看凤鸣镇加压泵站和口岸联检大厅。"
               "人力资源社会保障部就业促进司司长林志远介绍情况。", "宜昌市")
    names = set(_labels(g, _GK.Agency))
    assert not [n for n in names if n.endswith(("泵站", "大厅")) or n == "海军"], names
    assert "人力资源和社会保障部就业促进司" in names, names


def test_a_list_word_a_region_word_and_most_parts_are_no_bodies():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("会议\n\n5月8日,社区联合物业公司和厦港派出所开展巡查。打造省域副中心城市。全国冬小麦大部长势良好。"
               "国务院副总理、国家防汛抗旱总指挥部总指挥林志远出席。", "厦门市")
    names = set(_labels(g, _GK.Agency))
    assert not [n for n in names if "物业公司" in n or "省域" in n or n.endswith("大部")], names
    assert "林志远" in _labels(g, _GK.Official)


def test_a_field_word_before_a_department_and_the_city_government_s_office_in_short():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("检查\n\n1月30日,副市长林志远带领市府办、民政局、应急管理局等部门人员到魏桥镇检查。", "滨州市")
    names = set(_labels(g, _GK.Agency))
    assert {"滨州市人民政府办公室", "滨州市民政局", "滨州市应急管理局"} <= names, names
    assert "管理局" not in names and "滨州市管理局" not in names


def test_a_body_named_whole_by_its_strong_word_before_a_title():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    g = _build("防汛\n\n7月28日,县长林志远检查防汛工作。县水利局局长赵明亮、公安局政委许宇陪同。", "滨州市")
    posts = {(str(g.value(p, _GK.role)), label(g, g.value(p, _GK.postIn)))
             for p in objs(g, node(g, _GK.Official, "许宇"), _GK.holds)}
    assert [r for r, a in posts] == ["政委"] and next(a for r, a in posts).endswith("公安局"), posts


@pytest.mark.parametrize("text, full, short, also", [
    # a congress in short and in full; its standing committee stays its own
    ("人代会\n\n5月8日,宜昌市第八届人民代表大会第一次会议开幕。市人大主席团常务主席林志远主持。市人大常委会主任赵明亮出席。",
     "宜昌市人民代表大会", "宜昌市人大", "宜昌市人大常委会"),
    # county bureaus written short (林草局, 发改局)
    ("督导\n\n4月3日,副县长林志远督导森林防火工作,县林草局、县发改局负责人陪同。远安县林业和草原局局长赵明亮介绍情况。",
     "远安县林业和草原局", "远安县林草局", "远安县发展和改革局"),
])
def test_a_body_in_short_and_in_full_is_one_body(text, full, short, also):
    names = labels(build(text, "宜昌市"), GK.Agency)
    assert names.count(full) == 1 and short not in names and also in names, names


def test_cooperation_of_a_ministry_and_a_province_names_no_body():
    g = build("拜会\n\n3月11日,省委书记林志远带队拜会国家部委,争取政策支持,深化部省合作、推进部市共建。"
              "水利部部长赵明亮出席。", "宜昌市")
    names = labels(g, GK.Agency)
    assert "水利部" in names and not [n for n in names if n.endswith(("深化部", "推进部"))], names


def test_a_committee_member_s_title_after_a_date_is_no_body():
    g = build("会议\n\n4月5日,会议传达省委书记林志远在4月2日至3日省委常委(扩大)会议上的讲话精神。", "宜昌市")
    assert not [n for n in labels(g, GK.Agency) if n.startswith("日") or n.endswith("常委")], labels(g, GK.Agency)
