"""Agencies and the home region at every level (issue 12), from invented pages."""
from __future__ import annotations

import pytest

from _kgtext import GK, build, graph_of, label, labels, node, objs, page_of
from kg.extract.agency_names import canonical_label
from kg.ingest import ingest_text
from kg.resolve import home_region, region_from_name

HEAD = "要闻\n\n本报讯(记者 黄晓燕)"


def posts_of_name(g, name: str) -> set[tuple[str, str]]:
    return {(str(g.value(p, GK.role)), label(g, g.value(p, GK.postIn)))
            for p in objs(g, node(g, GK.Official, name), GK.holds)}


def test_government_short_and_full_name_are_one_node():
    g = build(HEAD + "5月8日,宜昌市政府召开会议。宜昌市人民政府办公室发布通知。", "宜昌市")
    assert labels(g, GK.Agency).count("宜昌市人民政府") == 1
    assert "宜昌市政府" not in labels(g, GK.Agency)


@pytest.mark.parametrize("short, full", [
    ("宁波市政府", "宁波市人民政府"), ("青禾县政府", "青禾县人民政府"), ("州中院", "州中级人民法院"),
    ("国新办", "国务院新闻办公室"), ("市发改委", "市发展和改革委员会"), ("市国资委", "市国资委"),
    ("县政府", "县人民政府"), ("县法院", "县人民法院"), ("市中级人民法院", "市中级人民法院"), ("区检察院", "区人民检察院"),
])
def test_canonical_labels(short, full):
    assert canonical_label(short) == full


def test_long_department_names_with_a_role_inside_the_suffix():
    g = build(HEAD + "5月8日,市城乡建设管理委员会主任林志远介绍情况。", "宜昌市")
    assert "宜昌市城乡建设管理委员会" in labels(g, GK.Agency)


def test_centres_with_a_stem_are_bodies_and_words_are_not():
    g = build(HEAD + "5月8日,省政府信息中心主任林志远出席。青禾镇中心小学举行活动。", "湖北省")
    names = labels(g, GK.Agency)
    assert "湖北省政府信息中心" in names
    assert not any(n.endswith("镇中心") for n in names)


def test_words_ending_in_a_suffix_character_are_no_bodies():
    g = build(HEAD + "5月8日,宜昌召开市委常委会。宜昌产业科创走廊建设提速。国家队在宜昌集训。镇村干部连夜值守。", "宜昌市")
    names = labels(g, GK.Agency)
    assert not any(n.endswith(("科", "国家队", "干部")) or "召开" in n for n in names), names


def test_historical_ministry_after_a_verb():
    g = build(HEAD + "5月8日,林志远此前任农业部副部长。", "宜昌市")
    assert "农业部" in labels(g, GK.Agency)
    assert not any(n.startswith("任") for n in labels(g, GK.Agency))


@pytest.mark.parametrize("name, province, city, county", [
    ("北京市", "北京市", "北京市", None), ("中国", None, None, None), ("灵川县", "广西壮族自治区", "桂林市", "灵川县"),
    ("瑞安市", "浙江省", "瑞安市", None), ("山东省", "山东省", None, None),
])
def test_region_at_every_level(name, province, city, county):
    r = region_from_name(name)
    assert (r.province, r.city, r.county) == (province, city, county)


def test_municipality_paper():
    page = page_of(HEAD + "5月8日,市委常委会召开会议。市政府、市政协负责同志参加。朝阳区、海淀区作交流发言。北京市将加快建设。")
    assert (home_region(page).province, home_region(page).city) == ("北京市", "北京市")


def test_provincial_paper_has_no_home_city():
    text = HEAD + "5月8日,省委常委会召开会议,省政府、省人大负责同志参加。全省要抓好落实。南昌市、九江市作交流发言。"
    r = home_region(page_of(text))
    assert (r.province, r.city) == ("江西省", None)


def test_county_paper_bodies_are_its_county():
    text = HEAD + "5月8日,县委常委会召开会议。灵川县委书记林志远主持。我县将加快建设。县长赵明亮出席。全县干部参加。"
    page = page_of(text)
    assert home_region(page).county == "灵川县"
    g = build(text)
    assert "灵川县委" in labels(g, GK.Agency) and "灵川县人民政府" in labels(g, GK.Agency)
    assert "县委" not in labels(g, GK.Agency)


def test_bodies_listed_after_one_share_its_prefix():
    g = build(HEAD + "5月8日,会同省民政厅、人社厅、商务厅开展督查。", "湖北省")
    names = labels(g, GK.Agency)
    assert {"湖北省民政厅", "湖北省人力资源和社会保障厅", "湖北省商务厅"} <= set(names)


def test_a_national_office_is_part_of_its_body():
    from rdflib.namespace import RDFS

    g = build(HEAD + "5月8日,会议传达学习国务院办公厅有关通知精神。", "宜昌市")
    office = next(s for s in g.subjects(RDFS.label, None) if str(g.value(s, RDFS.label)) == "国务院办公厅")
    assert str(g.value(g.value(office, GK.parentOrganization), RDFS.label)) == "国务院"


def test_autonomous_region_and_development_zone_bodies():
    g = build(HEAD + "5月8日,自治区党委常委、市委书记林志远出席。高新区党工委书记赵明亮主持。", "柳州市")
    names = labels(g, GK.Agency)
    assert "广西壮族自治区党委" in names
    assert "柳州高新区党工委" in names


def test_a_body_named_after_city_and_district_is_the_districts():
    g = build(HEAD + "5月8日,区委书记林志远主持会议。至发稿时,宜昌市夷陵区委常委、组织部长赵明亮告诉记者。", "宜昌市")
    names = labels(g, GK.Agency)
    assert names.count("夷陵区委") == 1 and "宜昌市夷陵区委" not in names


def test_national_bodies_alone_and_ministry_departments():
    g = build(HEAD + "5月8日,全国人大副委员长林志远指出,要加强监管。公安部经济犯罪侦查局副局长赵明亮介绍。"
                     "银监会主持召开会议。", "宜昌市")
    names = labels(g, GK.Agency)
    assert {"全国人民代表大会", "公安部", "公安部经济犯罪侦查局", "银监会"} <= set(names)  # 全国人大 in full


def test_bureaus_without_a_region_are_the_home_regions():
    a = build(HEAD + "5月8日,邮政局负责人介绍情况。", "宜昌市", source="a-2024-05-08.txt")
    b = build(HEAD + "5月8日,邮政局负责人介绍情况。", "襄阳市", source="b-2024-05-08.txt")
    ka = {s for s in a.subjects(None, GK.Agency)} | set(a.subjects(predicate=None, object=GK.Agency))
    kb = set(b.subjects(predicate=None, object=GK.Agency))
    assert ka and kb and not ka & kb


def test_a_conjunction_never_starts_a_body():
    g = build(HEAD + "5月8日,我县和省林业局签订协议。攸县将加快建设。全县干部参加。", "株洲市")
    assert not any(n.startswith(("和", "株洲县和")) or "县和" in n for n in labels(g, GK.Agency))


def test_foreign_government_bodies():
    g = build(HEAD + "5月8日,日本政府表示将加强合作。俄罗斯国防部发言人当天宣布演习结束。", "宜昌市")
    assert {"日本政府", "俄罗斯国防部"} <= set(labels(g, GK.Agency))


def test_bodies_named_by_a_dictionary_word_alone():
    g = build(HEAD + "5月8日,宜昌市规划局发布公告。规划局负责人表示,发改委将会同有关部门研究。", "宜昌市")
    names = labels(g, GK.Agency)
    assert names.count("宜昌市规划局") == 1 and "规划局" not in names
    assert "发展和改革委员会" in names or "宜昌市发展和改革委员会" in names


def test_armed_forces_bodies_and_not_words_inside_others():
    g = build(HEAD + "5月8日,印度空军司令奈克表示将加强训练。俄海军舰艇抵港。精英军团成立。与军区、学校负责人座谈。", "宜昌市")
    names = labels(g, GK.Agency)
    assert {"印度空军", "俄海军"} <= set(names)
    assert not any(n.endswith(("英军", "军区")) for n in names), names


def test_a_zone_in_a_list_keeps_its_own_name():
    g = build(HEAD + "4月27日,会上,市发展改革委、市市场监管局、高新区管委会作交流发言。", "宜昌市")
    names = labels(g, GK.Agency)
    assert "宜昌高新区管理委员会" in names and "宜昌市高新区管理委员会" not in names


def test_a_county_level_city_reporting_from_a_fair_in_a_big_city_is_still_home():
    text = ("青禾新能源推介会在深圳举行\n\n本报记者 林晓雯\n\n5月18日,瑞安(深圳)新能源产业推介会在广东深圳举行。市委副书记、市长林志远"
            "出席并致辞。林志远说,瑞安山清水秀,诚邀深圳企业家到瑞安走一走。市商务局局长赵明亮作推介。深圳市青禾科技有限公司、"
            "深圳市云溪精密有限公司、深圳市远山文旅有限公司与瑞安签约。瑞安将做好服务。")
    r = home_region(page_of(text))
    assert r.city == "瑞安市"
    g = build(text)
    assert "瑞安市人民政府" in labels(g, GK.Agency) and "深圳市人民政府" not in labels(g, GK.Agency)


def test_a_street_named_after_a_city_and_a_company_s_registered_city_name_no_home():
    text = HEAD + ("5月8日,永川区召开会议。中山路街道作交流发言。中山路改造启动。重庆青禾有限公司、中山市远山有限公司参加。"
                   "区委书记林志远主持。")
    r = home_region(page_of(text))
    assert (r.province, r.county) == ("重庆市", "永川区")


def test_posts_elected_in_one_sentence_share_the_body_named_first():
    g = build(HEAD + "5月8日,大会选举产生新一届领导人员。林志远当选为宜昌市人大常委会主任,赵明亮、钱立群当选为副主任,"
                     "孙海涛当选为秘书长,周海、吴振华等33人当选为委员;覃玉林当选为宜昌市人民政府市长。", "宜昌市")
    from _kgtext import label, node, objs

    def posts(name):
        return {(str(g.value(p, GK.role)), label(g, g.value(p, GK.postIn))) for p in objs(g, node(g, GK.Official, name), GK.holds)}
    assert ("副主任", "宜昌市人大常委会") in posts("钱立群")
    assert ("秘书长", "宜昌市人大常委会") in posts("孙海涛")
    assert ("委员", "宜昌市人大常委会") in posts("吴振华")
    assert "覃玉林" in labels(g, GK.Official)
    assert "玉林市" not in labels(g, GK.Place)  # a name in a list is no city


def test_a_name_ends_where_an_attendance_word_starts():
    g = build(HEAD + "5月8日,镇人大主席林志远,副镇长罗丹参加调研。", "宜昌市")
    assert "罗丹" in labels(g, GK.Official) and "罗丹参" not in labels(g, GK.Official)


@pytest.mark.parametrize("short, full", [
    ("宜昌市卫健委", "宜昌市卫生健康委员会"), ("宜昌市市场监管局", "宜昌市市场监督管理局"),
    ("人力资源社会保障部", "人力资源和社会保障部"), ("宜昌市住建局", "宜昌市住房和城乡建设局"),
    ("宜昌市纪律检查委员会", "宜昌市纪委"), ("滨海新区区委", "滨海新区委"), ("宜昌市第五届人大常委会", "宜昌市人大常委会"),
    ("青禾高新区管委会", "青禾高新区管理委员会"), ("市城市管理委员会", "市城市管理委员会"),
    ("湖北省政府办公厅", "湖北省人民政府办公厅"), ("市政府新闻办公室", "市人民政府新闻办公室"), ("道县县委", "道县委"),
    ("市政府采购中心", "市政府采购中心"), ("长治市市委", "长治市委"), ("长治市市政府", "长治市人民政府"),
])
def test_short_and_written_out_names_of_departments_are_one(short, full):
    assert canonical_label(short) == full


def test_bodies_after_a_preposition_and_before_a_common_word():
    g = build(HEAD + "5月8日,据市市场监管局通报,据国家统计局数据,全市经济运行平稳。会议决定提请全国人大常委会审议。"
                     "市公安局成立专项行动领导小组。市教育局分管副局长林志远出席。", "宜昌市")
    names = set(labels(g, GK.Agency))
    assert {"宜昌市市场监督管理局", "国家统计局", "全国人大常委会", "宜昌市公安局", "宜昌市教育局"} <= names, names
    assert not [n for n in names if n.startswith("据") or "成立" in n or "分管" in n]


def test_a_hospital_s_department_is_no_body():
    g = build(HEAD + "5月8日,副市长林志远在宜昌市中心医院急诊科检查工作。", "宜昌市")
    assert not [n for n in labels(g, GK.Agency) if n.endswith("急诊科")]


def test_a_party_school_is_a_body_of_its_party_committee_and_its_staff_are_officials():
    g = build(HEAD + "9月8日,县委党校秋季主体班开班。县委党校常务副校长林志远作教学安排说明。", "宜昌市")
    assert "宜昌市委党校" in labels(g, GK.Agency) or any(x.endswith("县委党校") for x in labels(g, GK.Agency))
    assert "林志远" in labels(g, GK.Official)


def test_a_banner_paper_that_names_only_its_sumu_is_the_banners():
    """Inner Mongolia: townships are also 苏木, counties are banners (旗) whose bodies are 旗委, 旗人大常委会."""
    text = ("6月3日至5日,旗人大常委会副主任林志远先后到赛罕塔拉苏木、巴彦温都尔苏木调研。旗委副书记赵明亮参加。"
            "林志远强调,全旗各级人大代表要认真履职。")
    assert home_region(ingest_text(text)).county == "阿鲁科尔沁旗"
    g = build(text)
    assert {"阿鲁科尔沁旗人大常委会", "阿鲁科尔沁旗委"} <= set(labels(g, GK.Agency))


def test_a_short_name_shared_by_a_town_on_the_page_and_a_far_city_is_the_town():
    """On a 江津区 page that names 中山镇, "中山古镇" is in that town, not the city of 中山 in Guangdong."""
    g = build(HEAD + "11月17日,中山古镇保护项目现场推进会在中山镇召开。中山镇党委书记林志远汇报项目进展情况。", "江津区")
    places = {x for cls in (GK.Township, GK.Prefecture, GK.Province) for x in labels(g, cls)}
    assert "中山镇" in places and "中山市" not in places and "广东省" not in places
    assert "中山镇党委" in labels(g, GK.Agency)


def test_a_provincial_paper_s_city_titles_are_of_the_city_named_before_them():
    """A provincial paper has no home city: "宜昌市委书记甲、市长乙" makes 乙 宜昌's mayor, and "恩施州委书记丙,州长丁"
    makes 丁 恩施's."""
    g = build("湖北日报 2025年4月11日\n\n省长林志远在宜昌恩施调研\n\n本报讯(记者 许诺)4月9日至10日,省长林志远在宜昌市、"
              "恩施州调研。省委常委会召开会议,全省各地要抓好落实。宜昌市委书记赵明亮、市长周立新陪同调研。"
              "恩施州委书记罗强,州长许宇陪同调研。")
    assert ("市长", "宜昌市人民政府") in posts_of_name(g, "周立新")
    assert any(a.startswith("恩施") and r == "州长" for r, a in posts_of_name(g, "许宇"))
    assert "市人民政府" not in labels(g, GK.Agency)


def test_a_town_the_gazetteer_does_not_know_is_read_after_its_county():
    """A town renamed or merged since (not in today's gazetteer), named right after its county, is that county's
    township, and its party committee a body; "北部乡镇" names no town."""
    page = page_of("3月14日讯 秭归县青禾镇党委书记林志远因涉嫌严重违纪,被纪委调查。秭归县北部乡镇受灾较重。", "宜昌市")
    towns = [m for a in page.articles for m in a.mentions if m.attrs.get("adminLevel") == "township"]
    assert [m.label for m in towns] == ["青禾镇"]
    g = graph_of(page)
    assert any(x.endswith("青禾镇党委") for x in labels(g, GK.Agency))


def test_a_village_s_former_branch_and_a_preposition_before_cun():
    """"X乡Y村原党支部书记Z": Y村 is a village, its 党支部 the body (原 says the post is past), and Z is local, not
    national; "发包给村支部委员" names no village."""
    page = page_of("5月8日讯 秭归县茅坪镇青禾村原党支部书记林志远违规发包工程。将工程发包给村支部委员赵明亮的亲属。",
                   "宜昌市")
    villages = [m.label for a in page.articles for m in a.mentions if m.attrs.get("adminLevel") == "village"]
    assert villages == ["青禾村"]
    g = graph_of(page)
    assert "青禾村党支部" in labels(g, GK.Agency)
    person = node(g, GK.Official, "林志远")
    assert "/中国/" not in str(person)


def test_a_zone_written_short_is_the_zone_the_page_names_in_full():
    """"宜昌经济技术开发区 … 经开区党工委书记": one zone; a page that never prints the full name keeps the short one."""
    g = build(HEAD + "2月6日,宜昌经济技术开发区招商会召开。经开区党工委书记林志远出席。", "宜昌市")
    assert "宜昌经济技术开发区党工委" in labels(g, GK.Agency)
    g = build(HEAD + "2月6日,经开区党工委书记林志远出席。", "宜昌市")
    assert "宜昌经开区党工委" in labels(g, GK.Agency)


def test_words_of_praise_policy_and_scope_are_inside_no_body_s_name():
    g = build(HEAD + "5月8日,会议要求认真贯彻国务院决策部署和省委要求。优秀县委书记林志远发言。全省公安厅局长会议召开。",
              "宜昌市")
    names = labels(g, GK.Agency)
    assert not any(w in n for n in names for w in ("决策", "部署", "优秀", "全省"))
    assert "湖北省委" in names


def test_a_cppcc_committee_under_its_formal_name():
    g = build(HEAD + "1月10日,中国人民政治协商会议第九届秭归县委员会常务委员会工作报告获通过。受政协宜都市第十三届委员会"
                     "常务委员会委托,林志远作报告。", "宜昌市")
    names = labels(g, GK.Agency)
    assert {"秭归县政协", "秭归县政协常委会", "宜都市政协", "宜都市政协常委会"} <= set(names)
    assert not any(n.endswith("委员会常务委员会") for n in names)


def test_a_committee_and_the_government_beside_it_and_a_list_after_he():
    g = build(HEAD + "5月8日,旗委贯彻落实自治区党委政府和呼和浩特市委市政府部署。", "土默特左旗")
    names = labels(g, GK.Agency)
    assert "内蒙古自治区党委" in names and "呼和浩特市委" in names
    assert not any("和呼和浩特" in n for n in names)


def test_an_autonomous_divisions_short_form_is_one_body_with_its_full_name():
    """"马边县委" and "马边彝族自治县委" (a county's short form from the gazetteer's aliases) are one body, named in
    full; so are "黔东南州人民政府" and "黔东南苗族侗族自治州人民政府"."""
    assert canonical_label("马边县委") == "马边彝族自治县委"
    assert canonical_label("黔东南州人民政府") == "黔东南苗族侗族自治州人民政府"
    assert canonical_label("宜昌市委") == "宜昌市委"


def test_a_bare_county_committee_before_the_county_is_named_is_the_one_county_the_article_names():
    g = build("云溪新闻\n\n本报讯 4月16日,我县举行重点项目集中开工仪式。县委书记林志远宣布开工。"
              "今年,泽州县共谋划重点工程项目56项。", "晋城市")
    assert "泽州县委" in labels(g, GK.Agency) and "县委" not in labels(g, GK.Agency)


def test_a_city_short_form_inside_a_persons_name_does_not_make_the_home_region():
    """"常务副县长许晋中主持", "高某、许晋中、张某": the name holds 晋中, but the paper is 晋城's (泽州县 is named)."""
    page = ingest_text("本报讯 4月16日,泽州县举行重点项目集中开工仪式。县委书记林志远宣布开工,县长赵明亮致辞,"
                       "县委常委、常务副县长许晋中主持仪式。仪式上,林志远、赵明亮、许晋中等共同培土奠基。",
                       source="x-2019-04-17.txt")
    assert home_region(page).city == "晋城市"


def test_a_village_named_like_a_far_city_is_no_city_and_makes_no_home():
    """"察看了青禾镇敬老院、玉林村山塘": 玉林村 is a village of the page's county, not 玉林市 in Guangxi."""
    text = ("福清新闻网2月1日讯 1月30日,副市长林志远带领市民政局、水利局等部门人员到东张镇开展安全检查。"
            "当天,市领导一行先后察看了东张镇敬老院、玉林村山塘、濑底村水库。福清市将持续抓好安全生产。")
    page = ingest_text(text, source="x-2019-02-01.txt")
    assert home_region(page).city in ("福清市", "福州市")  # a county-level city's paper is read as its own
    g = build(text, "福州市")
    assert "玉林市" not in labels(g, GK.Prefecture) and "广西壮族自治区" not in labels(g, GK.Province)


def test_halls_are_no_bodies():
    """"当好文旅消费'主客厅'", "开州展厅": a 厅 that is a room, not a provincial department."""
    g = build("云溪新闻\n\n本报讯 5月8日,市委书记林志远表示,要当好文旅消费“主客厅”。林志远参观了青禾展厅。", "宜昌市")
    assert not any(a.endswith(("客厅", "展厅")) for a in labels(g, GK.Agency))


def test_a_county_level_city_that_names_its_prefecture_only_as_a_body_it_follows_is_home():
    text = ("市委全会召开\n\n5月18日,市委十四届八次全体(扩大)会议召开。会议学习了省委全会和宜昌市委十一届十次全体会议精神,"
            "认真落实宜昌市委总体部署。市委书记林志远讲话,市委常委、副市长赵明亮作《枝江市产业发展实施方案》的说明。")
    assert home_region(page_of(text)).city == "枝江市"
    g = build(text)
    assert ("副市长", "枝江市人民政府") in {(str(g.value(p, GK.role)), label(g, g.value(p, GK.postIn)))
                                      for p in objs(g, node(g, GK.Official, "赵明亮"), GK.holds)}


def test_a_township_named_like_a_city_names_no_home_city():
    text = ("开工\n\n本网讯 9月25日上午,我县重点项目开工仪式在黄石镇举行。远安县委书记林志远致辞。"
            "特别是黄石镇党委、政府要全力以赴,帮助业主协调解决问题。")
    r = home_region(page_of(text))
    assert r.city == "宜昌市", r
