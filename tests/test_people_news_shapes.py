"""People in national and foreign news items (issue 11, the labelled-news second opinion): each shape
from an invented sentence."""
from __future__ import annotations

from _kgtext import GK, build, label, labels, node, objs

HEAD = "要闻\n\n本报讯(记者 黄晓燕)"


def people(text: str, region: str = "宜昌市"):
    return build(HEAD + text, region)


def posts_of(g, official) -> set[tuple[str, str]]:
    return {(str(g.value(p, GK.role)), label(g, g.value(p, GK.postIn))) for p in objs(g, official, GK.holds)}


def test_a_pronoun_after_a_title_is_no_name():
    g = people("5月8日,在军区司令部,司令员和政委向你交待任务。")
    assert not [n for n in labels(g, GK.Official) if "你" in n]


def test_a_common_word_after_a_title_inside_a_name_is_no_name():
    # 院长 read inside "社科院长江…": 江经济 is no one
    g = people("5月8日,我找到了省社科院长江经济研究所的林志远所长。")
    assert "江经济" not in labels(g, GK.Official)


def test_a_transliterated_name_ends_before_a_time_word_and_a_rank():
    g = people("5月8日,国防部新闻司代理司长伊万·彼得罗维奇上校透露,总参谋长谢尔盖·沃尔科夫当天表示同意。")
    names = set(labels(g, GK.Official))
    assert {"伊万·彼得罗维奇", "谢尔盖·沃尔科夫"} <= names
    assert not [n for n in names if n.endswith(("上校", "当天"))]


def test_a_military_rank_after_a_force_is_a_title():
    g = people("5月8日,海军发言人、海军上尉马克·韦伯说,演习按计划进行。")
    names = set(labels(g, GK.Official))
    assert "马克·韦伯" in names and not [n for n in names if n.startswith("上尉")]


def test_a_rank_without_a_state_body_makes_a_person_not_an_official():
    g = people("5月8日,退役的林志远上将出席了纪念活动。")
    assert "林志远" not in labels(g, GK.Official)


def test_a_weekday_inside_a_time_word_starts_no_name():
    g = people("5月8日,区人民法院上周一审判决被告败诉。")
    assert not [n for n in labels(g, GK.Official) if n.startswith("周")]


def test_a_ship_named_in_quotes_is_no_one():
    g = people("5月8日,“海鹰”号舰长、海军少将约翰·米勒表示,双方保持沟通。")
    names = set(labels(g, GK.Official))
    assert "约翰·米勒" in names and "海鹰" not in names


def test_a_name_before_a_form_of_address_after_a_title():
    g = people("5月8日,省住建厅政策研究中心城乡规划处处长林志远先生作报告。")
    assert "林志远" in labels(g, GK.Official)


def test_the_head_of_a_central_bank_branch_is_an_official():
    g = people("5月8日,中国人民银行云溪市中心支行行长林志远指出,信贷结构持续优化。")
    official = node(g, GK.Official, "林志远")
    assert official is not None
    roles = posts_of(g, official)
    assert any(r == "行长" and a.startswith("中国人民银行") and a.endswith("中心支行") for r, a in roles)


def test_the_head_of_a_commercial_bank_branch_stays_a_person():
    g = people("5月8日,青禾农商银行云溪支行行长林志远介绍了贷款情况。")
    assert "林志远" not in labels(g, GK.Official)


def test_a_congress_term_between_region_and_body_keeps_one_body():
    g = people("5月8日,市第十五届人大常委、青禾证券董事长林志远出席。市人大常委会主任赵明亮主持。")
    assert "林志远" in labels(g, GK.Official)
    roles = posts_of(g, node(g, GK.Official, "林志远"))
    assert any(r == "董事长" and a == "青禾证券" for r, a in roles)
    assert not [a for a in labels(g, GK.Agency) if "届" in a]


def test_a_session_number_after_a_body_names_the_meeting():
    g = people("5月8日,市人大常委会第二十次会议举行第二次全体会议。市人大常委会主任林志远主持会议。")
    names = {str(n) for e in g.subjects(GK.participant, None) for n in g.objects(e, GK.name)}
    assert any(n.endswith("人大常委会第二十次会议") for n in names), names


def test_a_name_the_dictionary_also_knows_as_a_place_word_after_a_title():
    g = people("5月8日,市政协副主席关山指出,要做好调研工作。")
    assert "关山" in labels(g, GK.Official)


def test_a_title_before_a_known_place_takes_no_place_for_a_name():
    g = people("5月8日,市长黄山调研。")
    assert "黄山" not in labels(g, GK.Official)


def test_an_appointments_notice_gives_one_post_per_line():
    g = build("宜昌市人大常委会任免名单\n\n（2023年5月8日宜昌市第五届人民代表大会常务委员会第九次会议通过）\n\n"
              "一、决定任命\n\n林志远为宜昌市人民政府副市长。\n\n二、任命\n\n赵明亮为宜昌市财政局局长；\n钱立群为宜昌市教育局局长。\n\n"
              "三、免去\n\n孙海涛的宜昌市统计局局长职务；\n周海的宜昌市教育局局长职务。\n\n"
              "四、任命\n\n吴振华为宜昌市中级人民法院副院长、审判委员会委员、审判员。", "宜昌市")
    for name, role in (("林志远", "副市长"), ("赵明亮", "局长"), ("钱立群", "局长"), ("孙海涛", "局长"), ("周海", "局长")):
        assert role in {r for r, _ in posts_of(g, node(g, GK.Official, name))}, name
    assert {"副院长", "审判委员会委员", "审判员"} <= {r for r, _ in posts_of(g, node(g, GK.Official, "吴振华"))}


def test_a_resignation_and_a_removal_in_running_text_name_the_post_held():
    g = people("5月8日,会议决定接受林志远辞去宜昌市人民政府副市长职务的请求,免去赵明亮的宜昌市财政局局长职务。")
    assert ("副市长", "宜昌市人民政府") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("局长", "宜昌市财政局") in posts_of(g, node(g, GK.Official, "赵明亮"))


def test_the_full_and_short_names_of_a_standing_committee_are_one_body():
    g = people("5月8日,宜昌市人民代表大会常务委员会召开会议,宜昌市人大常委会主任林志远主持。")
    assert [a for a in labels(g, GK.Agency) if "常务委员会" in a or "常委会" in a] == ["宜昌市人大常委会"]


def test_a_leader_listed_without_a_post_is_the_one_named_with_it_in_another_item():
    g = build("云溪日报\n\n县长调研\n\n本报讯 5月8日,远安县副县长林志远到乡镇调研。\n\n县政府常务会议\n\n"
              "本报讯 5月9日,县政府召开常务会议。县领导林志远、赵明亮出席会议。", "宜昌市")
    assert labels(g, GK.Official).count("林志远") == 1


def test_a_discipline_notice_gives_the_former_posts_and_the_resume():
    g = build("纪检监察\n\n据宜昌市纪委监委消息:宜昌市交通运输局原党组书记、局长林志远涉嫌严重违纪违法。\n\n林志远简历\n\n"
              "林志远,男,汉族,1965年3月出生,大学学历。\n\n历任远安县洋坪镇党委书记,远安县人民政府副县长,兴山县委常委、常务副县长,"
              "宜昌市交通运输局副局长等职。\n\n远安县洋坪镇原党委书记、人大主席赵明亮接受审查调查。", "宜昌市")
    roles = posts_of(g, node(g, GK.Official, "林志远"))
    assert {("党组书记", "宜昌市交通运输局"), ("局长", "宜昌市交通运输局"), ("副局长", "宜昌市交通运输局"),
            ("副县长", "远安县人民政府"), ("常务副县长", "兴山县人民政府"), ("常委", "兴山县委")} <= roles, roles
    assert any(r in ("党委书记", "书记") and a.endswith("洋坪镇党委") for r, a in roles)
    roles = posts_of(g, node(g, GK.Official, "赵明亮"))
    assert any(r in ("党委书记", "书记") and a.endswith("洋坪镇党委") for r, a in roles), roles
    assert any(r == "主席" and a.endswith("洋坪镇人民代表大会") for r, a in roles), roles  # 人大 in full
    assert not [n for n in labels(g, GK.Official) if n.startswith("原")]


def test_the_discipline_bodies_are_one_node_under_each_name():
    g = build("纪检监察\n\n近日,中共宜昌市纪律检查委员会对林志远立案审查。宜昌市纪委监委通报。宜昌市纪委常委会研究决定。", "宜昌市")
    assert [a for a in labels(g, GK.Agency) if "纪" in a and "常委会" not in a] == ["宜昌市纪委"]


def test_a_zone_s_party_committee_and_its_management_committee_are_siblings():
    g = people("5月18日,签约仪式举行。宜昌高新技术产业开发区党工委书记、管委会主任林志远致辞。")
    roles = posts_of(g, node(g, GK.Official, "林志远"))
    assert any(r == "主任" and a.endswith(("管委会", "管理委员会")) and "党工委" not in a for r, a in roles), roles


def test_someone_in_charge_of_a_shop_is_a_person_and_a_bureau_s_is_an_official():
    g = people("5月8日,督查组来到购物中心。商场负责人林志远表示,将加密巡查。市商务局主要负责人赵明亮介绍情况。")
    assert "林志远" not in labels(g, GK.Official) and "赵明亮" in labels(g, GK.Official)


def test_a_hospital_s_president_is_a_person_with_a_post():
    g = people("5月8日,副市长赵明亮在宜昌市中心医院检查工作,医院院长林志远介绍了值班安排。宜昌市中心医院院长林志远表示将做好保障。")
    assert "林志远" not in labels(g, GK.Official) and "赵明亮" in labels(g, GK.Official)


def test_new_family_names_in_use():
    g = people("5月8日,市长郄海军、副市长綦晓东、市政协副主席丘志明出席。")
    assert {"郄海军", "綦晓东", "丘志明"} <= set(labels(g, GK.Official))
    assert "海军" not in labels(g, GK.Agency)


def test_a_name_without_a_family_name_after_a_title():
    g = build("调研\n\n本报讯 5月13日,州党委书记林志远到县里调研。州党委常委、统战部部长巴特尔其木格参加调研。",
              "巴音郭楞蒙古自治州")
    assert "巴特尔其木格" in labels(g, GK.Official), labels(g, GK.Official)


def test_a_name_without_a_family_name_never_runs_over_a_one_character_verb():
    g = people("8月24日,县长林志远深入乡里调研。乡长索朗旺堆说,今年全乡牧民增收。")
    assert not [n for n in labels(g, GK.Official) if n.endswith("说")]


def test_an_appointee_named_after_the_post_he_holds_and_a_county_inside_a_word():
    g = people("5月8日,县人大常委会召开会议,决定接受赵明亮同志辞去县人民政府县长职务的请求;"
               "任命县委副书记林志远同志为县人民政府副县长、代理县长。", "十堰市")
    roles = {r for r, _ in posts_of(g, node(g, GK.Official, "林志远"))}
    assert {"副书记", "副县长", "代理县长"} <= roles
    assert "理县" not in labels(g, GK.County)  # 代理县长 names no county 理县


def test_names_after_a_title_share_it_up_to_an_item_with_a_title_of_its_own():
    g = people("县政协主席林志远、县政协副主席赵明亮、许宇、罗强、周立新、大会秘书长钱立群在主席台就座。")
    for name in ("赵明亮", "许宇", "罗强", "周立新"):
        assert {r for r, _ in posts_of(g, node(g, GK.Official, name))} == {"副主席"}, name


def test_a_prefecture_level_area_s_committee_and_its_administrative_office():
    g = people("5月8日,和田地区召开会议。地委副书记、行署专员林志远主持,地委委员、行署副专员赵明亮,"
               "地委书记许宇出席。和田地区行署副专员罗强介绍情况。", "和田地区")
    assert posts_of(g, node(g, GK.Official, "林志远")) == {("副书记", "和田地委"), ("专员", "和田地区行政公署")}
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("委员", "和田地委"), ("副专员", "和田地区行政公署")}
    assert posts_of(g, node(g, GK.Official, "许宇")) == {("书记", "和田地委")}
    assert posts_of(g, node(g, GK.Official, "罗强")) == {("副专员", "和田地区行政公署")}


def test_the_word_for_area_is_no_body_on_a_city_s_page():
    g = people("5月8日,全市各地区生产总值稳步增长,本地委托企业增多。", "宜昌市")
    assert not [n for n in labels(g, GK.Agency) if "地区" in n or "地委" in n]


def test_a_two_character_name_before_a_deputy_s_title_and_an_acting_post():
    g = people("5月8日,区人大常委会决定赵亮副区长代理区人民政府区长职务。会上,许宇副局长介绍情况。")
    assert "赵亮" in labels(g, GK.Official) and "赵亮副" not in labels(g, GK.Official)
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "赵亮"))} == {"副区长"}
    assert "许宇" in labels(g, GK.Official)


def test_a_session_s_officer_in_a_chain_keeps_the_standing_post_before_it():
    g = people("5月8日,省政协副主席、大会秘书长林志远出席会议并讲话。", "宜昌市")
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "林志远"))} == {"副主席"}


def test_an_election_of_several_people_told_clause_by_clause():
    g = people("5月8日,区人民代表大会举行全体会议,选举赵明亮为区人大常委会主任,许宇为区人民政府区长。", "宜昌市")
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "赵明亮"))} == {"主任"}
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "许宇"))} == {"区长"}


def test_leaders_listed_by_place_whatever_their_family_name():
    # 丑 and 占 are family names too rare for the surname lists: the list's places read them
    g = people("5月8日,县委书记林志远出席会议,县领导赵明亮、占卓远、石金远、罗强,县政协秘书长许宇出席。"
               "县领导丑生华、周立新等参加会议。")
    assert {"赵明亮", "占卓远", "石金远", "罗强", "丑生华", "周立新"} <= set(labels(g, GK.Official))


def test_lists_of_names_ending_where_they_attend_and_a_two_character_name_before_canjia():
    g = people("5月8日,会议举行。自治区领导赵明亮、许宇在主会场参加,罗强、周立新在分会场参加。区领导钱立群、吕俊参加调研。")
    names = set(labels(g, GK.Official))
    assert {"赵明亮", "许宇", "罗强", "周立新", "钱立群", "吕俊"} <= names and "吕俊参" not in names, names


def test_a_name_before_a_numeral_phrase_ends_there():
    g = people("7月12日上午,随着市委书记许会强一声号令,全市142个项目集中开工。")
    assert ("书记", "宜昌市委") in posts_of(g, node(g, GK.Official, "许会强"))


def test_names_without_a_family_name_after_a_title():
    # Tibetan and Mongolian names have no family name: read after a title, up to a comma or an end word
    g = people("5月8日,州委副书记、州委宣传部部长扎西卓,副州长林志远出席。旗委书记巴特木尔、旗长朝格图参加。"
               "会议传达了市人大常委会会议精神,引导政协委员听党话、跟党走。", "甘南藏族自治州")
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "扎西卓"))} == {"副书记", "部长"}
    assert {"巴特木尔", "朝格图"} <= set(labels(g, GK.Official))
    assert not [n for n in labels(g, GK.Official) if "会议" in n or "党" in n]
