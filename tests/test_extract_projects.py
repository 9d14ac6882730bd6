"""Projects and amounts (issue 5): named works, list heads, quoted programmes, owners, amounts in yuan."""
from __future__ import annotations

from decimal import Decimal

import pytest

from _kgtext import GK, alt_labels, build, label, labels, node, objs, of_type
from kg.extract.projects import parse_amount

TEXT = ("宜昌项目\n\n本报讯(记者 黄晓燕)我市加快推进楚峰化工2×35万千瓦热电联产项目建设,实现投资近百亿元。"
        "市发展改革委为江汉新材料公司锂电隔膜项目等12个项目办理了手续。全市实施“清江润城工程”。"
        "今年全市共有335个亿元以上项目开工。")


@pytest.fixture(scope="module")
def g():
    return build(TEXT, "宜昌市")


def test_named_project_with_capacity_and_amount(g):
    p = node(g, GK.Project, "楚峰化工2×35万千瓦热电联产项目")
    (amount,) = objs(g, p, GK.investment)
    assert g.value(amount, GK.value).toPython() == Decimal("1e10")
    assert g.value(amount, GK.approximate).toPython() is True
    assert str(g.value(amount, GK.unit)) == "CNY"


def test_owner_company(g):
    p = node(g, GK.Project, "楚峰化工2×35万千瓦热电联产项目")
    assert [label(g, c) for c in objs(g, p, GK.owner)] == ["楚峰化工"]
    assert "楚峰化工" in labels(g, GK.Company)


def test_list_head(g):
    assert "江汉新材料公司锂电隔膜项目" in labels(g, GK.Project)


def test_quoted_programme(g):
    assert "清江润城工程" in labels(g, GK.Project)


def test_count_of_projects_is_not_a_project_nor_an_amount(g):
    assert not any("335" in n or "亿元以上" in n for n in labels(g, GK.Project))
    values = [v.toPython() for v in g.objects(None, GK.value)]
    assert values == [Decimal("1e10")]  # only the 近百亿元 of the named project


@pytest.mark.parametrize("text,value,approx", [
    ("1050亿元", Decimal("1.05e11"), False),
    ("近百亿元", Decimal("1e10"), True),
    ("3.5万元", Decimal("35000"), False),
    ("5000万元", Decimal("5e7"), False),
    ("20余万元", Decimal("2e5"), True),
    ("2亿多元", Decimal("2e8"), True),
])
def test_parse_amount_in_yuan(text, value, approx):
    assert parse_amount(text) == (value, approx)


@pytest.mark.parametrize("text", ["335个", "335个亿元以上项目", "年产20万吨"])
def test_parse_amount_rejects_what_is_not_money(text):
    assert parse_amount(text) is None


# --- issue 13: projects on any page (invented examples of each shape) -----------------------------

def projects_of(text: str, region: str | None = None):
    g = build("云溪新闻\n\n" + text, region)
    return g, labels(g, GK.Project)


@pytest.mark.parametrize("text,expected", [
    # infrastructure and facilities whose names end in something other than 项目/工程
    ("开工建设云岭高速公路和青禾至石湾二级公路，推进南江水库、北港物流园建设。",
     ["云岭高速公路", "青禾至石湾二级公路", "南江水库", "北港物流园"]),
    ("云溪至青禾高铁今年开工建设。云溪船闸扩建工程完工。青禾县第二污水处理厂建成投运。",
     ["云溪至青禾高铁", "云溪船闸扩建工程", "青禾县第二污水处理厂"]),
    ("新建云溪实验学校和云溪一中东湖校区。", ["云溪实验学校", "云溪一中东湖校区"]),
    ("青禾茶香小镇、云溪生物医药研发中心同步开工。", ["青禾茶香小镇", "云溪生物医药研发中心"]),
    ("青禾县明远纸业年产5万吨特种纸生产线项目正式投产。", ["青禾县明远纸业年产5万吨特种纸生产线项目"]),
    # a road only when the sentence builds it
    ("对青禾东路进行提升改造。", ["青禾东路"]),
    ("车队沿青禾东路前行。", []),
    # lists and groups
    ("本次签约的有青禾县明远电子年产8万套传感器项目、云溪食品冷链物流项目、石湾污水处理厂提标改造工程等12个项目。",
     ["青禾县明远电子年产8万套传感器项目", "云溪食品冷链物流项目", "石湾污水处理厂提标改造工程"]),
    ("今年将建成青禾、石湾两座大桥。", ["青禾大桥", "石湾大桥"]),
    ("恒远光电、嘉禾精工等3个外资项目落户青禾县。", ["恒远光电", "嘉禾精工"]),
    # no verb before the name, after 宣布/包括, brackets, long official names
    ("云溪综合能源站项目由云溪能源集团有限公司投资运营。", ["云溪综合能源站项目"]),
    ("市长林志远宣布云溪港区二期工程开工。", ["云溪港区二期工程"]),
    ("今年的重点项目包括青禾生物医药产业园、云溪数据中心。", ["青禾生物医药产业园", "云溪数据中心"]),
    ("云溪(青禾)智能制造产业园开工建设。", ["云溪(青禾)智能制造产业园"]),
    ("4月2日，石湾路西延与云岭高速公路互通式立交工程开工。", ["石湾路西延与云岭高速公路互通式立交工程"]),
    ("明远集团投资5亿元新建云溪冷链物流园。", ["云溪冷链物流园"]),
    ("总投资15亿元的云溪智慧物流园项目开工。", ["云溪智慧物流园项目"]),
    ("实地察看明远科技智能终端产业园、云溪新材料产业园等项目建设情况。", ["明远科技智能终端产业园", "云溪新材料产业园"]),
    ("建设云溪县污水处理厂和云溪经济开发区污水处理厂。", ["云溪县污水处理厂", "云溪经济开发区污水处理厂"]),
    ("G312国道改扩建工程完工。", ["G312国道改扩建工程"]),
    ("在青禾县明远电子年产8万套传感器项目施工现场，林志远详细了解项目进展。", ["青禾县明远电子年产8万套传感器项目"]),
    ("青禾路西延工程今年通车。", ["青禾路西延工程"]),
])
def test_project_shapes(text, expected):
    assert projects_of(text)[1] == sorted(expected)


@pytest.mark.parametrize("text", [
    "全面推进乡村振兴，深化“一网通办”改革。",  # slogans and programmes
    "市委书记林志远来到云溪污水处理厂调研。",  # a facility visited, not built
    "明远公司在云溪工业园区投资扩建生产线。",  # the park is where; the line has no name
    "青禾县召开重点项目推进会，全市重大项目集中开工。",  # categories of projects
    "青禾路桥工程集团总工程师陈立出席。",  # 工程 inside a company and a title
    "云溪大桥镇党委书记周明出席。",  # 大桥 inside a town's name
    "云溪工业园区上半年开工项目20个，计划投资80亿元。",  # a park holding counted projects
    "该项目总投资12亿元，建成后年产值可达30亿元。",
    "会上她要求抓紧做好全县重点水利工程开工准备。",  # the clause around a generic work
    "明远公司获评省工信厅“智慧工厂标杆项目”3个。",  # a title awarded, counted
    "云溪市2024年第一批重大项目集中开工仪式在青禾县明远产业园举行。",  # a batch, and the park is where
    "推进高标准农田建设项目，实施农村公路提档升级工程。",  # programmes with no particular name
    "八条匝道分别为：由青禾路西延云溪方向、由云岭高速石湾方向。",  # a road named as a direction
    "明远公司首席工程师陈立、“青禾”牌项目经理周明出席。",
    "支持明远公司到海外建设生产基地。",  # 建设 before a facility is a verb, not part of its name
])
def test_not_projects(text):
    assert projects_of(text)[1] == []


def test_label_does_not_swallow_the_clause():
    _, found = projects_of("本次签约的有青禾县明远电子年产8万套传感器项目。")
    assert found == ["青禾县明远电子年产8万套传感器项目"]
    _, found = projects_of("明远集团投资5亿元新建云溪冷链物流园。")
    assert found == ["云溪冷链物流园"]


def test_mentions_of_one_project_are_one_node():
    g, found = projects_of("云岭茶香小镇一期开园\n9月5日，云岭茶香小镇二期项目举行奠基仪式。"
                           "力争茶香小镇明年全面建成。江北污水处理厂扩建工程签约。"
                           "江北污水处理厂二期工程计划投资1.2亿元。市领导察看了江北污水处理厂建设进度。")
    assert len(found) == 2, found
    town = next(p for p in of_type(g, GK.Project) if "茶香小镇" in label(g, p))
    assert "茶香小镇" in alt_labels(g, town) | {label(g, town)}
    plant = next(p for p in of_type(g, GK.Project) if "污水处理厂" in label(g, p))
    assert "江北污水处理厂" in alt_labels(g, plant) | {label(g, plant)}


def test_owner_from_the_clause_and_from_the_label():
    g, _ = projects_of("云溪综合能源站项目由云溪能源集团有限公司投资运营。")
    p = node(g, GK.Project, "云溪综合能源站项目")
    assert [label(g, c) for c in objs(g, p, GK.owner)] == ["云溪能源集团有限公司"]
    g, _ = projects_of("本次签约的有青禾县明远电子年产8万套传感器项目、云溪食品冷链物流项目。")
    p = node(g, GK.Project, "青禾县明远电子年产8万套传感器项目")
    assert [label(g, c) for c in objs(g, p, GK.owner)] == ["明远电子"]


def test_amount_before_the_name():
    g, _ = projects_of("明远集团投资5亿元新建云溪冷链物流园。")
    p = node(g, GK.Project, "云溪冷链物流园")
    (amount,) = objs(g, p, GK.investment)
    assert g.value(amount, GK.value).toPython() == Decimal("5e8")


@pytest.mark.parametrize("text,name,stage", [
    ("云溪港区二期工程今天开工。", "云溪港区二期工程", "started"),
    ("青禾县第二污水处理厂建成投运。", "青禾县第二污水处理厂", "completed"),
    ("云溪食品冷链物流项目签约。", "云溪食品冷链物流项目", "signed"),
    ("谋划了云溪年产3万吨新材料项目。", "云溪年产3万吨新材料项目", "planned"),
    ("云溪港区二期工程计划明年开工。", "云溪港区二期工程", "planned"),
    ("在云溪大剧院落成之际，青禾茶香小镇一期开工。", "青禾茶香小镇", "started"),  # the stage word nearest the name
    ("青禾茶香小镇开工\n在云溪大剧院落成启用之际，青禾茶香小镇举行开工仪式。", "青禾茶香小镇", "started"),
])
def test_stage(text, name, stage):
    g, _ = projects_of(text)
    assert str(g.value(node(g, GK.Project, name), GK.projectStage)) == stage


def test_owner_and_amounts_of_the_project_named_before():
    g, found = projects_of("主会场设在青禾县明远新能源电池材料产业园项目现场。该项目由明远新能源科技有限公司投资建设，"
                           "总投资32亿元，年产值超50亿元。")
    assert found == ["青禾县明远新能源电池材料产业园项目"]
    p = node(g, GK.Project, "青禾县明远新能源电池材料产业园项目")
    assert "明远新能源科技有限公司" in [label(g, c) for c in objs(g, p, GK.owner)]
    (amount,) = objs(g, p, GK.investment)
    assert g.value(amount, GK.value).toPython() == Decimal("3.2e9")
    (out,) = objs(g, p, GK.output)
    assert g.value(out, GK.approximate).toPython() is True


@pytest.mark.parametrize("text,expected", [
    ("加快推动云岭抽水蓄能电站、青禾至云溪快速通道等重大项目建设。", ["云岭抽水蓄能电站", "青禾至云溪快速通道"]),
    ("实地察看云溪第二水厂、青禾县人民医院新院区、云溪一中北校区建设进展。",
     ["云溪第二水厂", "青禾县人民医院新院区", "云溪一中北校区"]),
    ("双方将共建云溪数字经济产业园，总投资约20亿元。", ["云溪数字经济产业园"]),
    ("云溪至石湾城际铁路前期工作加快推进，力争年内开工。", ["云溪至石湾城际铁路"]),
    ("县长赵明在青禾经济开发区调研时强调，要做好服务企业工作。", []),
    ("会议指出，要大力实施“强工兴县”战略，持续开展“项目攻坚年”活动。", []),
    ("其中，明远集团年产20万吨正极材料项目、恒通物流华中分拨中心项目投资均超20亿元。",
     ["明远集团年产20万吨正极材料项目", "恒通物流华中分拨中心项目"]),
    ("推进云溪大道快速化改造、青禾河综合治理等工程。", ["云溪大道"]),
    ("推进PPP项目规范发展，新建5G基站1200个。", []),
    ("市长陈立远一行来到云溪化工园区、青禾食品工业园，调研园区基础设施建设。", []),
    ("宜都市水库管理局对青禾水库进行除险加固。", ["青禾水库"]),
    ("明远置业的全新力作——云溪幸福里项目正式开盘。", ["云溪幸福里项目"]),
    ("建设智慧物流园和养老服务中心。", []),  # common words jieba tags as names are no names
    ("推进宜昌市中心医院东湖院区建设，新建宜都市第一中学东校区。", ["宜昌市中心医院东湖院区", "宜都市第一中学东校区"]),
    ("建设中的宜都长江大桥进展顺利。", ["宜都长江大桥"]),
])
def test_projects_on_a_city_page(text, expected):
    assert projects_of(text)[1] == sorted(expected)


@pytest.mark.parametrize("text,name,place", [
    ("5月18日，宜都市高新区明远年产5万吨电池材料项目开工。", "宜都市高新区明远年产5万吨电池材料项目", "宜都市高新区"),
    ("在枝江市，林志远察看了安福寺镇青禾水库建设情况。", "安福寺镇青禾水库", "安福寺镇"),
    ("我市云溪物流园项目总投资3亿元。", "云溪物流园项目", "宜昌市"),
])
def test_project_place_is_the_most_local_the_text_gives(text, name, place):
    g, _ = projects_of(text, "宜昌市")
    assert [label(g, p) for p in objs(g, node(g, GK.Project, name), GK.projectPlace)] == [place]


def test_project_tied_to_the_ceremony_of_its_stage():
    g = build("云溪港区三期工程开工\n\n本报讯(记者 林晓)5月18日上午,云溪港区三期工程开工仪式在石湾镇举行。"
              "市委书记林志远宣布项目开工,市长陈立远致辞。", "宜昌市")
    p = node(g, GK.Project, "云溪港区三期工程")
    assert str(g.value(p, GK.projectStage)) == "started"
    (event,) = objs(g, p, GK.projectEvent)
    assert (event, None, GK.Groundbreaking) in g


def test_counted_group_items_take_the_head_without_a_stray_label():
    g, found = projects_of("今年将建成青禾、石湾两座大桥。")
    assert found == ["石湾大桥", "青禾大桥"]
    bridge = node(g, GK.Project, "青禾大桥")
    assert alt_labels(g, bridge) == set()
    assert objs(g, bridge, GK.mentionedIn)


def test_a_place_inside_another_projects_name_does_not_place_this_one():
    g, found = projects_of("活动现场介绍了宜都市高新区明远装备产业园、枝江港区三期工程等项目情况。", "宜昌市")
    assert found == ["宜都市高新区明远装备产业园", "枝江港区三期工程"]
    port = node(g, GK.Project, "枝江港区三期工程")
    assert "宜都市高新区" not in [label(g, p) for p in objs(g, port, GK.projectPlace)]


def test_the_owner_named_in_full_in_the_sentence_wins_over_the_names_start():
    from _kgtext import GK, build, label

    g = build("要闻\n\n本报讯(记者 孙悦)9月6日,华睿新能源电池生产基地项目投资40亿元,由华睿新能源科技有限公司投资建设。",
              "潍坊市")
    owners = [label(g, o) for s in g.subjects(predicate=None, object=GK.Project) for o in g.objects(s, GK.owner)]
    assert owners == ["华睿新能源科技有限公司"]


def test_a_work_of_ordinary_words_stated_with_its_investor_and_amount_is_a_project():
    g = build("推介会\n\n5月18日,推介会举行。青禾精密技术有限公司投资12亿元,在经济开发区建设动力电池精密结构件项目。", "宜昌市")
    assert any("精密结构件" in n for n in labels(g, GK.Project))


def test_a_facility_pushed_on_or_built_with_its_size_is_a_project():
    g = build("调研\n\n3月12日,县委书记林志远强调,要加快推进茶叶精深加工产业园建设。村里建成中药材良种繁育基地600亩,"
              "总投资186万元的中药材初加工车间建成投运。", "宜昌市")
    names = labels(g, GK.Project)
    assert any("茶叶精深加工产业园" in n for n in names)
    assert any("良种繁育基地" in n for n in names) and any("初加工车间" in n for n in names)


def test_the_park_a_project_settles_in_is_no_project():
    g = build("签约\n\n5月18日,青禾新能源科技有限公司年产20GWh储能电池项目落户云溪中关村科技产业园,总投资50亿元。", "宜昌市")
    names = labels(g, GK.Project)
    assert any("储能电池" in n for n in names)
    assert not any(n.endswith("科技产业园") for n in names)


def test_what_a_project_is_to_achieve_is_no_project():
    g = build("开工\n\n5月18日,青禾智能装备产业园项目开工,总投资28亿元,力争年底实现首条生产线投产。", "宜昌市")
    assert not any(n.startswith("实现") for n in labels(g, GK.Project))


def test_a_project_s_name_starts_after_the_person_who_reports_on_it():
    g = build("常务会议\n\n5月8日,会议听取了市水利局局长林志远关于全市农村饮水安全巩固提升工程推进情况的汇报。", "宜昌市")
    names = labels(g, GK.Project)
    assert any("农村饮水安全巩固提升工程" in n for n in names) and not any("林志远" in n for n in names)


def test_berth_numbers_are_no_dates():
    g = build("调研\n\n9月1日,副市长林志远登上码头,了解9号10号泊位工程建设进展。当天下午,林志远主持召开座谈会。", "宜昌市",
              source="x-2017-09-02.txt")
    import datetime as _dt
    assert {g.value(e, GK.date).toPython() for e in g.subjects(GK.date, None)} == {_dt.date(2017, 9, 1)}


def test_a_work_carried_out_with_its_investment_stated_is_a_project():
    g = build("视察\n\n5月8日,视察组听取汇报。县里累计投资2.6亿元实施城乡供水一体化工程。全县要实施乡村振兴战略。", "宜昌市")
    names = labels(g, GK.Project)
    assert "城乡供水一体化工程" in names and not any("战略" in n for n in names)


def test_works_listed_after_a_count_of_projects_and_a_colon():
    """"集中开工项目12项,具体为:A、B、C等": each item is a project, with or without a head of its own (a brand-style
    name such as 和丰新材 keeps its 和; a count, a division or a kind of work is none)."""
    g = build("云溪新闻\n\n本报讯 5月8日,我县举行重点项目集中开工仪式。今天集中开工项目共5项,总投资30亿元,其中:产业类项目3项,"
              "具体为:和丰新材、青禾光电二期、石湾冷链物流园等。民生类2项,具体为:城南中学扩建、青禾河治理。", "宜昌市")
    names = set(labels(g, GK.Project))
    for key in ("和丰新材", "青禾光电二期", "石湾冷链物流园", "城南中学扩建", "青禾河治理"):
        assert any(key in n for n in names), key
    assert not any(n.startswith(("丰新材", "产业类", "民生类")) for n in names)


def test_a_list_after_a_colon_without_a_count_of_projects_is_not_read_as_projects():
    g = build("云溪新闻\n\n本报讯 5月8日,会议强调三点:稳增长、保民生、防风险。", "宜昌市")
    assert not of_type(g, GK.Project)


def test_works_listed_after_a_count_of_projects_and_baokuo():
    """"开工项目9个,包括A、B、C和一批…项目": the items are projects, the closing batch is none; a list of fields
    ("涵盖A、B等领域") and a class of projects by size ("10亿元以上项目5个") are no projects."""
    g = build("云溪新闻\n\n本报讯 5月8日,我市举行重点项目开工活动。开工项目9个,包括青禾智造园、石湾恒远冷链中心、"
              "云岭童话世界和一批高端制造业项目,涵盖特色载体、物贸与总部经济等领域,其中10亿元以上项目5个。", "宜昌市")
    names = set(labels(g, GK.Project))
    for key in ("青禾智造园", "石湾恒远冷链中心", "云岭童话世界"):
        assert any(key in n for n in names), key
    assert not any("一批" in n or "领域" in n or "物贸" in n or "以上" in n for n in names), names


def test_two_works_joined_by_he_before_a_count():
    """"建设申某物流城和东某汽车配件城两个物流项目": two projects."""
    g = build("云溪新闻\n\n本报讯 5月8日,青禾区引进28亿元建设恒远物流城和东禾汽车配件城两个物流项目。", "宜昌市")
    names = set(labels(g, GK.Project))
    assert any("恒远物流城" in n for n in names) and any("东禾汽车配件城" in n for n in names), names


def test_a_label_spanning_two_document_titles_is_no_project():
    """"审议了《云溪县交通建设项目管理办法》《关于进一步规范村道路建设的通知》": no project runs across 》《."""
    g = build("云溪新闻\n\n本报讯 5月8日,县政府召开常务会议,审议了县交运局送审的《云溪县交通建设项目管理办法》"
              "《关于进一步规范村道路建设的通知》。", "宜昌市")
    assert not any("》" in n or "《" in n for n in labels(g, GK.Project))


def test_classes_counted_by_kind_and_a_list_of_industry_fields_are_no_projects():
    g = build("云溪新闻\n\n本报讯 5月8日,青禾区签约项目32个,包括4个生物医药类项目,2个新一代汽车技术项目。"
              "全区实施了新能源、新材料、装备制造等一批强链产业项目。恒远新能源产业园项目当天开工。", "宜昌市")
    names = set(labels(g, GK.Project))
    assert not [n for n in names if "汽车技术" in n or "生物医药" in n or n in ("新能源", "新材料", "装备制造")], names
    assert any("恒远新能源产业园" in n for n in names), names


def test_a_work_named_by_the_home_division_s_institution_is_a_project():
    g = build("云溪新闻\n\n本报讯 5月8日,区长林志远先后来到区人民医院整体迁建项目现场,调研项目推进情况。"
              "全区推进医院建设项目。", "宜昌市")
    names = labels(g, GK.Project)
    assert any("人民医院整体迁建" in n for n in names) and not [n for n in names if n.startswith("医院")], names
