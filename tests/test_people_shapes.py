"""People beyond titles-before-names (issue 11): each shape from an invented sentence."""
from __future__ import annotations

from _kgtext import GK, build, label, labels, node, objs

HEAD = "云溪新闻\n\n本报讯(记者 黄晓燕)"


def posts_of(g, official) -> set[tuple[str, str]]:
    return {(str(g.value(p, GK.role)), label(g, g.value(p, GK.postIn))) for p in objs(g, official, GK.holds)}


def officials(text: str, region: str = "宜昌市"):
    return build(HEAD + text, region)


def test_name_before_title_after_a_body():
    g = officials("5月8日,县发改局许明远局长就项目作了说明。")
    assert "许明远" in labels(g, GK.Official)
    # the bureau's short form is written out (发改局 = 发展和改革局)
    assert any(r == "局长" and a.endswith("县发展和改革局") for r, a in posts_of(g, node(g, GK.Official, "许明远")))


def test_name_before_a_bodied_title_at_a_clause_start():
    g = officials("5月8日,大会开幕。林海平总书记发表重要讲话。")
    assert posts_of(g, node(g, GK.Official, "林海平")) == {("总书记", "中共中央")}


def test_name_followed_by_an_ordinary_verb():
    g = officials("5月8日,市委书记林志远带领调研组到乡镇调研。副市长张立新召开会议。")
    names = labels(g, GK.Official)
    assert "林志远" in names and "张立新" in names


def test_a_two_character_name_before_peitong_is_not_read_with_pei():
    """"镇长洪某|陪同": 陪 could end a given name, but 陪同 is the word that follows the name."""
    g = officials("5月8日,市长林志远到青禾镇调研。镇党委书记赵明亮、镇长许宇陪同。县委副书记罗强陪同调研。")
    names = labels(g, GK.Official)
    assert {"许宇", "罗强"} <= set(names) and not {"许宇陪", "罗强陪"} & set(names)


def test_name_followed_by_a_particle():
    g = officials("5月8日,在副市长张立新的陪同下,客商参观了园区。")
    assert "张立新" in labels(g, GK.Official)


def test_modern_surnames():
    g = officials("5月8日,市委常委、副市长肖明远,市政协副主席付海东,副市长覃丽出席。")
    names = labels(g, GK.Official)
    assert {"肖明远", "付海东", "覃丽"} <= set(names)


def test_dotted_and_damaged_dotted_names():
    g = officials("5月8日,市委副书记、市长阿不都·热合曼出席。副市长艾力?买买提主持。", region="伊犁哈萨克自治州")
    names = labels(g, GK.Official)
    assert "阿不都·热合曼" in names and "艾力?买买提" in names
    assert "艾力" not in names


def test_names_after_a_collective_title_with_any_ending():
    g = officials("5月8日,签约仪式举行。县领导赵明亮、钱立群、孙海涛见证签约。市领导周海、吴振华及有关部门负责人参加。")
    names = set(labels(g, GK.Official))
    assert {"赵明亮", "钱立群", "孙海涛", "周海", "吴振华"} <= names


def test_names_elected_to_a_post():
    g = officials("5月8日,大会选举产生新一届政府领导。林志远当选市长,赵明亮、钱立群、孙海涛当选副市长。")
    for name in ("赵明亮", "钱立群", "孙海涛"):
        assert posts_of(g, node(g, GK.Official, name)) == {("副市长", "宜昌市人民政府")}
    assert posts_of(g, node(g, GK.Official, "林志远")) == {("市长", "宜昌市人民政府")}


def test_a_title_after_a_comma_keeps_the_body_before_it():
    g = officials("5月8日,市生态环境局党组书记、局长林志远,副巡视员赵明亮介绍情况。")
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("副巡视员", "宜昌市生态环境局")}


def test_department_head_written_short():
    g = officials("5月8日,市委常委、宣传部长赵明亮告诉记者,活动将持续一周。")
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("常委", "宜昌市委"), ("部长", "宜昌市委宣传部")}


def test_spokesman_and_acting_mayor():
    g = officials("5月8日,市统计局副局长、新闻发言人赵明亮介绍。代市长钱立群用一天时间调研。")
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("副局长", "宜昌市统计局"), ("新闻发言人", "宜昌市统计局")}
    assert posts_of(g, node(g, GK.Official, "钱立群")) == {("代市长", "宜昌市人民政府")}


def test_county_title_without_a_known_county_is_not_shared_across_pages():
    a = build(HEAD + "5月8日,县长赵明亮主持会议。", "宜昌市", source="a-2024-05-20.txt")
    b = build(HEAD + "5月8日,县长钱立群主持会议。", "宜昌市", source="b-2024-05-20.txt")
    bodies_a = {a.value(p, GK.postIn) for p in a.objects(None, GK.holds)}
    bodies_b = {b.value(p, GK.postIn) for p in b.objects(None, GK.holds)}
    assert bodies_a and bodies_b and not bodies_a & bodies_b


def test_common_words_are_not_names():
    g = officials("5月8日,市住建局有关负责人表示,将加快进度。市办公室王主任向记者透露,工程已启动。")
    names = labels(g, GK.Official)
    assert "有关" not in names and "向记者" not in names


def test_name_right_before_a_bodied_title_mid_sentence():
    g = officials("5月8日,会议强调,要深入学习林海平总书记重要讲话精神。")
    assert posts_of(g, node(g, GK.Official, "林海平")) == {("总书记", "中共中央")}


def test_mayor_after_a_party_title_of_another_city():
    g = officials("5月8日,邻县签约。青州市委副书记、市长赵明亮出席。", region="潍坊市")
    assert ("市长", "青州市人民政府") in posts_of(g, node(g, GK.Official, "赵明亮"))




def test_a_chain_keeps_going_past_a_body_the_grammar_does_not_know():
    g = officials("5月8日,省委常委、青禾党委书记、市委书记林志远出席。", region="宜昌市")
    assert posts_of(g, node(g, GK.Official, "林志远")) == {
        ("常委", "湖北省委"), ("书记", "青禾党委"), ("书记", "宜昌市委")}


def test_a_department_named_without_its_province():
    g = officials("5月8日,会议在昆明召开。商务厅副厅长林志远作报告。", region="云南省")
    assert posts_of(g, node(g, GK.Official, "林志远")) == {("副厅长", "云南省商务厅")}


def test_names_listed_after_a_titled_one_share_the_title():
    g = officials("5月8日,市人大常委会副主任李明远、赵强等陪同调研。")
    for name in ("李明远", "赵强"):
        assert posts_of(g, node(g, GK.Official, name)) == {("副主任", "宜昌市人大常委会")}


def test_appointments_give_posts():
    g = officials("5月8日,会议决定任命林志远为市商务局局长,选举孙海宁、何雨桐为市政协常务委员。赵明亮当选主任。钱立群同志此前任市委秘书长。")
    assert posts_of(g, node(g, GK.Official, "林志远")) == {("局长", "宜昌市商务局")}
    for name in ("孙海宁", "何雨桐"):
        assert posts_of(g, node(g, GK.Official, name)) == {("常务委员", "宜昌市政协")}
    assert posts_of(g, node(g, GK.Official, "钱立群")) == {("秘书长", "宜昌市委")}


def test_heads_of_schools_hospitals_and_banks_are_persons_with_posts():
    from rdflib.namespace import RDF

    g = officials("5月8日,南方理工大学校长林志远出席。市第一人民医院院长赵明亮介绍。农业银行云溪支行行长钱立群表示。")
    for name, role, org in (("林志远", "校长", "南方理工大学"), ("赵明亮", "院长", "宜昌市第一人民医院"),
                            ("钱立群", "行长", "农业银行云溪支行")):
        person = node(g, GK.Person, name)
        assert posts_of(g, person) == {(role, org)}
        assert GK.Official not in set(g.objects(person, RDF.type))


def test_names_no_title_anchors_need_evidence_to_be_officials():
    from rdflib.namespace import RDF

    g = officials("5月8日,市交通运输局召开座谈会,王晓峰主持会议。会后,周佳怡告诉记者,她家的生意越来越好。"
                  "孙海宁、何雨桐等专家参加论证。")
    assert "王晓峰" in labels(g, GK.Official)  # a body in the clause and a verb of chairing
    official_names = set(labels(g, GK.Official))
    assert not {"周佳怡", "孙海宁", "何雨桐"} & official_names
    persons = {label(g, s) for s in g.subjects(RDF.type, GK.Person)}
    assert "周佳怡" in persons


def test_village_bodies_and_their_heads():
    g = officials("6月12日,县委书记王海涛到平阴县调研。在孔村镇沙沟村,村党支部书记刘长河介绍情况。"
                  "沙沟村村委会主任赵明亮参加座谈。", region="济南市")
    assert posts_of(g, node(g, GK.Official, "刘长河")) == {("书记", "沙沟村党支部")}
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("主任", "沙沟村村委会")}


def test_the_tagger_finds_the_name_a_title_ends_at():
    g = officials("6月12日,县人大常委会召开会议。副市长何志军列席会议。镇党委书记陈晓东汇报了全镇工作。")
    assert posts_of(g, node(g, GK.Official, "何志军")) == {("副市长", "宜昌市人民政府")}
    assert ("书记", "镇党委") in {(r, a) for r, a in posts_of(g, node(g, GK.Official, "陈晓东"))}


def test_a_provincial_hospital_and_school_are_the_home_provinces():
    g = officials("7月18日,省人民医院院长吴思远、省实验中学校长许嘉宁作为代表发言。", region="湖南省")
    assert posts_of(g, node(g, GK.Person, "吴思远")) == {("院长", "湖南省人民医院")}
    assert posts_of(g, node(g, GK.Person, "许嘉宁")) == {("校长", "湖南省实验中学")}


def test_autonomous_region_titles():
    g = officials("6月3日,自治区党委常委会召开会议。自治区党委副书记、自治区主席蓝天宇出席。", region="广西壮族自治区")
    assert posts_of(g, node(g, GK.Official, "蓝天宇")) == {
        ("副书记", "广西壮族自治区党委"), ("自治区主席", "广西壮族自治区人民政府")}


def test_the_start_of_a_parks_name_is_no_person():
    from rdflib.namespace import RDF

    g = officials("9月6日下午,市委书记李振华一行来到经开区,实地察看了云轩智能制造产业园建设情况。")
    people = {label(g, s) for s in g.subjects(RDF.type, GK.Person)} | set(labels(g, GK.Official))
    assert "云轩" not in people and "李振华" in people


def test_a_tagged_name_a_character_short_is_completed():
    g = officials("5月8日,会议传达了关于林政才涉嫌犯罪的通报。市委书记赵明亮主持。")
    names = set(labels(g, GK.Official)) | {label(g, s) for s in g.subjects(None, GK.Person)}
    assert "林政" not in names


def test_a_state_post_beside_a_university_post_is_an_official_holding_both():
    g = officials("5月8日,本报记者采访了全国人大常委会委员、云溪大学副校长林志远。")
    assert posts_of(g, node(g, GK.Official, "林志远")) == {("委员", "全国人大常委会"), ("副校长", "云溪大学")}


def test_a_companys_party_secretary_is_no_official():
    from rdflib.namespace import RDF

    g = officials("5月8日,青禾电子有限公司党委书记、董事长林志远介绍企业情况。")
    person = node(g, GK.Person, "林志远")
    assert GK.Official not in set(g.objects(person, RDF.type))


def test_villagers_speaking_beside_a_body_are_persons():
    from rdflib.namespace import RDF

    g = officials("5月8日,县农业农村局技术员来到村里,村民张大山高兴地对县农业农村局的帮助表示感谢。")
    assert "张大山" not in labels(g, GK.Official)
    assert "张大山" in {label(g, s) for s in g.subjects(RDF.type, GK.Person)}


def test_a_name_then_its_body_and_title_as_in_a_caption():
    g = officials("5月8日,检查组到工地。\n林志远宜都市住建局局长\n赵明亮宜都市住建局纪检书记\n")
    assert posts_of(g, node(g, GK.Official, "林志远")) == {("局长", "宜都市住房和城乡建设局")}
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("纪检书记", "宜都市住房和城乡建设局")}


def test_a_delegation_leader_is_an_official():
    g = officials("5月8日,林志远一行先后来到云溪化工园区、青禾中学,实地察看项目建设。")
    assert "林志远" in labels(g, GK.Official)


def test_leaders_listed_after_a_collective_title_stay_officials_before_daibiao():
    """"区领导甲、乙代表青禾区接牌": 代表 here is "on behalf of", and a collective title names leaders."""
    g = officials("9月1日,授牌仪式举行。区领导林志远、赵明亮、许宇代表青禾区接牌。")
    assert {"林志远", "赵明亮", "许宇"} <= set(labels(g, GK.Official))
    g = officials("9月1日,座谈会召开。罗强、周立新等代表发言。")
    assert not {"罗强", "周立新"} & set(labels(g, GK.Official))


def test_a_zone_named_after_its_city_keeps_the_post_before_it_in_the_chain():
    """"市委常委、宜昌高新区党工委书记X": the zone's body starts at the city's name, the chain goes on."""
    g = officials("6月15日,签约活动举行。市委常委、宜昌高新区党工委书记林志远出席。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert {("常委", "宜昌市委"), ("书记", "宜昌高新区党工委")} <= posts


def test_a_zone_committee_written_alone_after_its_party_secretary_s_name():
    """"高新区党工委书记甲、管委会主任乙": 乙 heads the same zone's 管委会."""
    g = officials("4月9日,宜昌高新区党工委书记林志远、管委会主任赵明亮就园区建设作了汇报。")
    assert ("主任", "宜昌高新区管理委员会") in posts_of(g, node(g, GK.Official, "赵明亮"))


def test_function_words_that_are_family_names_are_not_read_as_names_before_a_verb():
    """"政协委员|都能立足岗位", "委员|应提前…": 都 and 应 are family names, but here an adverb and a modal."""
    g = officials("5月8日,市政协召开会议。希望每一位政协委员都能立足岗位。政协委员应提前做好沟通。"
                  "市检察院检察长应勇出席。")
    names = set(labels(g, GK.Official))
    assert not {"都能", "应提前", "应提"} & names and "应勇" in names


def test_a_body_s_name_is_not_read_as_a_family_and_given_name():
    g = officials("5月8日,青禾电气有限公司党总支副书记林志远参加座谈。")
    assert "党总支" not in labels(g, GK.Official)


def test_a_title_without_its_body_after_the_same_title_with_one_is_that_body_s():
    """"区人大常委会主任甲主持会议，副主任乙、丙及常委会委员出席": 乙 and 丙 are that committee's 副主任."""
    g = officials("6月28日,区人大常委会主任林志远主持会议,副主任赵明亮、许宇及常委会委员出席会议。")
    for name in ("赵明亮", "许宇"):
        assert ("副主任", "宜昌市区人大常委会") in posts_of(g, node(g, GK.Official, name)) or any(
            r == "副主任" and a.endswith("区人大常委会") for r, a in posts_of(g, node(g, GK.Official, name)))


def test_names_elected_in_a_list_whose_last_is_joined_by_he():
    g = officials("1月10日,县人大会议选举。林志远当选为县人民政府县长,赵明亮、许宇、罗强和周立新当选副县长。")
    for name in ("赵明亮", "许宇", "罗强", "周立新"):
        assert any(r == "副县长" for r, _ in posts_of(g, node(g, GK.Official, name))), name


def test_discipline_and_supervisory_heads_after_a_party_committee_head_those_commissions():
    g = officials("7月27日,区委常委会召开会议。区委常委、纪委书记、监委主任林志远列席会议。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert {r for r, _ in posts} == {"常委", "书记", "主任"}
    assert any(r == "书记" and a.endswith("区纪委") for r, a in posts)
    assert any(r == "主任" and a.endswith("区监委") for r, a in posts)


def test_a_two_character_name_before_guanyu_is_not_read_with_guan():
    g = officials("5月8日,副省长林志远听取县委书记许峥关于耕地质量提升的汇报。")
    names = set(labels(g, GK.Official))
    assert "许峥" in names and "许峥关" not in names


def test_military_district_officers_with_their_ranks_after_their_names():
    """"军分区司令员甲大校、政治委员乙大校": the district is a body, both officers hold posts in it."""
    g = officials("1月21日,双拥工作座谈会召开。宜昌军分区司令员林志远大校、政治委员赵明亮大校出席会议。")
    assert "宜昌军分区" in labels(g, GK.Agency)
    assert ("司令员", "宜昌军分区") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("政治委员", "宜昌军分区") in posts_of(g, node(g, GK.Official, "赵明亮"))


def test_the_flood_control_headquarters_short_form_in_a_chain_of_titles():
    g = officials("6月14日,全市防汛工作会议召开。市长、市防指总指挥林志远主持会议。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert ("总指挥", "宜昌市防汛抗旱指挥部") in posts and ("市长", "宜昌市人民政府") in posts


def test_a_bureau_head_written_with_the_bureau_s_last_character_shared():
    """"市教育局长X": the bureau 市教育局, and X its 局长."""
    g = officials("3月1日,市教育局长林志远一行到县里督导检查。")
    assert ("局长", "宜昌市教育局") in posts_of(g, node(g, GK.Official, "林志远"))


def test_names_elected_by_votes():
    g = officials("1月10日,经过认真计票,林志远以190票的高票当选为县人民政府县长,赵明亮全票当选副县长。")
    assert any(r == "县长" for r, _ in posts_of(g, node(g, GK.Official, "林志远")))
    assert any(r == "副县长" for r, _ in posts_of(g, node(g, GK.Official, "赵明亮")))


def test_an_adverb_the_dictionary_calls_a_noun_ends_a_name_and_deputy_commanders_are_titles():
    g = officials("4月18日,副市长林路专门会见了客商。副市长、市防指常务副指挥长赵明亮检查防汛工作。")
    names = set(labels(g, GK.Official))
    assert "林路" in names and "林路专门" not in names
    assert ("常务副指挥长", "宜昌市防汛抗旱指挥部") in posts_of(g, node(g, GK.Official, "赵明亮"))


def test_a_list_after_a_title_keeps_a_name_that_is_also_a_word():
    """"副主席甲、光明、乙参加": 光明 is read by its place in a list that ends like one."""
    g = officials("5月8日,市政协副主席林志远、光明、赵明亮参加会议。")
    for name in ("光明", "赵明亮"):
        assert ("副主席", "宜昌市政协") in posts_of(g, node(g, GK.Official, name)), name
    g = officials("5月8日,市长林志远、有关部门负责人参加会议。")
    assert "有关" not in labels(g, GK.Official)


def test_elected_to_a_title_written_after_its_term_and_a_standing_vice_chair():
    g = officials("1月20日,林志远、赵明亮当选十二届市政协副主席。市政协常务副主席许宇,副主席罗强出席。")
    assert ("副主席", "宜昌市政协") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("常务副主席", "宜昌市政协") in posts_of(g, node(g, GK.Official, "许宇"))
    assert ("副主席", "宜昌市政协") in posts_of(g, node(g, GK.Official, "罗强"))


def test_an_autonomous_region_s_vice_chair_and_a_department_in_a_chain():
    """"新疆维吾尔自治区副主席、公安厅党委书记、厅长X": 副主席 of the region's government, then its 公安厅."""
    g = officials("11月28日,新疆维吾尔自治区副主席、公安厅党委书记、厅长林志远出席会议。", "乌鲁木齐市")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert ("自治区副主席", "新疆维吾尔自治区人民政府") in posts  # the title as printed, as 自治区主席 is
    assert ("厅长", "新疆维吾尔自治区公安厅") in posts and ("党委书记", "新疆维吾尔自治区公安厅") in posts


def test_a_town_missing_from_the_gazetteer_whose_name_reads_like_a_rare_verb():
    page_text = "11月9日,报告会举行。秭归县才纳乡党委书记林志远作报告。"
    g = officials(page_text)
    assert any(x.endswith("才纳乡党委") for x in labels(g, GK.Agency))


def test_a_department_written_without_its_region_after_a_government_title():
    """"副市长、公安局长X": the city's 公安局, whose head the 副市长 also is."""
    g = officials("3月6日,全市公安工作会议召开,副市长、公安局长林志远出席会议并讲话。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert ("副市长", "宜昌市人民政府") in posts and ("局长", "宜昌市公安局") in posts


def test_spaced_two_character_names_in_a_list_and_a_list_after_yiji():
    """"县领导胡 敏、王 煜、刘某某参加": names padded to one width are names without the space; "…，以及甲、乙等县领导
    出席": the list after 以及."""
    g = officials("9月24日,县长林志远主持召开会议。县领导许 宇、罗 强、赵明亮参加会议。")
    assert {"许宇", "罗强", "赵明亮"} <= set(labels(g, GK.Official))
    g = officials("9月24日,会议召开。县政协主席林志远,以及周立新、文浩强、赵明亮等县领导出席。")
    assert {"周立新", "文浩强", "赵明亮"} <= set(labels(g, GK.Official))


def test_leaders_listed_after_a_colon():
    """"大会的执行主席是:甲、乙", "在主席台就座的市领导和老同志有:丙、丁": leaders; 和 is no family name there."""
    g = officials("1月10日,市人代会开幕。大会的执行主席是:林志远、赵明亮、许宇。在主席台就座的市领导和老同志有:罗强、周立新。")
    names = set(labels(g, GK.Official))
    assert {"林志远", "赵明亮", "许宇", "罗强", "周立新"} <= names and "和老" not in names


def test_a_government_department_after_a_party_committee_is_the_divisions():
    """"市委常委、公安局局长X": the city's 公安局 (not a department of the 市委), where "市委常委、宣传部部长Y" and
    "市委常委、政法委书记Z" are the committee's own."""
    g = officials("3月6日,会议召开。市委常委、公安局局长林志远,市委常委、宣传部部长赵明亮,市委常委、政法委书记许宇出席。")
    assert ("局长", "宜昌市公安局") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("部长", "宜昌市委宣传部") in posts_of(g, node(g, GK.Official, "赵明亮"))
    assert ("书记", "宜昌市委政法委") in posts_of(g, node(g, GK.Official, "许宇"))
    assert not any("委公安局" in a for a in labels(g, GK.Agency))


def test_a_bare_department_after_another_regions_committee_is_that_regions():
    """On a Hubei paper, "四川省委常委、公安厅厅长X": Sichuan's 公安厅, not Hubei's."""
    g = officials("5月3日,四川省委常委、公安厅厅长林志远一行来我市考察。市委书记赵明亮陪同。")
    assert ("厅长", "四川省公安厅") in posts_of(g, node(g, GK.Official, "林志远"))
    assert "湖北省公安厅" not in labels(g, GK.Agency)


def test_a_department_after_a_government_title_on_a_page_of_no_known_region():
    """"副县长、公安局局长X" keeps both posts even when the county is not known."""
    g = build("本报讯 5月3日,副县长、公安局局长林志远出席会议。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert {r for r, _ in posts} == {"副县长", "局长"}
    assert any(a.endswith("公安局") for r, a in posts if r == "局长")


def test_a_tagged_two_character_name_is_not_run_on_into_a_verb():
    """"记者徐某抢到了提问机会": the tagger's 徐某 is the name, not 徐某抢 (抢到 is a verb)."""
    g = officials("6月5日,发布会举行。副市长林志远介绍情况。电视台记者许宁抢到了第一个提问机会。")
    people = set(labels(g, GK.Person)) | set(labels(g, GK.Official)) | set(labels(g, GK.Journalist))
    assert "许宁" in people
    assert "许宁抢" not in people


def test_a_level_character_the_tokenizer_joins_to_a_department():
    """"市民宗局局长X": 市 + 民宗局 (the tokenizer reads 市民), and a title after a body the grammar misses
    (市某某局局长) is not given the body of an earlier 局长."""
    g = officials("3月6日,会议召开。市民宗局局长林志远出席。市农业农村局局长赵明亮、市大数据局局长许宇参加。")
    assert ("局长", "宜昌市民族宗教事务局") in posts_of(g, node(g, GK.Official, "林志远"))  # 民宗局 written out
    assert ("局长", "宜昌市农业农村局") not in posts_of(g, node(g, GK.Official, "许宇"))


def test_a_second_party_department_in_a_chain_and_an_assistant_mayor():
    g = officials("3月6日,会议召开。县委常委、组织部部长、统战部部长林志远,市长助理、市公安局局长赵明亮出席。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert {a for r, a in posts if r == "部长"} == {"县委组织部", "县委统战部"}
    assert posts_of(g, node(g, GK.Official, "赵明亮")) == {("市长助理", "宜昌市人民政府"), ("局长", "宜昌市公安局")}


def test_the_short_name_of_a_committees_general_office():
    """"县委办主任X" is the head of the 县委办公室, "市政府办主任Y" of the 市人民政府办公室."""
    g = officials("3月6日,会议召开。县委常委、县委办主任林志远主持,市政府办主任赵明亮出席。")
    assert ("主任", "县委办公室") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("常委", "县委") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("主任", "宜昌市人民政府办公室") in posts_of(g, node(g, GK.Official, "赵明亮"))


def test_a_department_after_a_congress_or_cppcc_title_in_a_chain():
    """"县人大常委会副主任、教育局长X": the county's 教育局; "市人大常委会副主任、法制委员会主任Y": the congress's own
    committee."""
    g = officials("3月6日,会议召开。市人大常委会副主任、教育局长林志远,市人大常委会副主任、法制委员会主任赵明亮出席。")
    assert ("局长", "宜昌市教育局") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("主任", "宜昌市人大常委会法制委员会") in posts_of(g, node(g, GK.Official, "赵明亮"))


def test_a_title_before_a_colon_goes_to_every_name_in_the_list_after_it():
    """"市委副书记:甲、乙,市委常委:丙、丁等11人": each name holds the title before its colon (names without a
    family name, as Tibetan ones, too); a colon before words that are no names gives nothing."""
    g = officials("5月21日,市委全会召开。新一届市委常委还包括市委副书记:林志远、格桑顿珠,市委常委:许宇、罗强等11人。"
                  "会议议程:听取报告、审议文件。")
    for name, role in (("林志远", "副书记"), ("格桑顿珠", "副书记"), ("许宇", "常委"), ("罗强", "常委")):
        assert (role, "宜昌市委") in posts_of(g, node(g, GK.Official, name)), name
    assert not {"听取报告", "审议文件"} & set(labels(g, GK.Official))


def test_an_election_result_after_a_colon_with_tongzhi_and_a_committees_government():
    """"选举结果:甲同志当选为县委常委、人民政府副县长": 同志 between the name and 当选为, and 人民政府 after the
    committee is its county's government."""
    g = officials("5月6日,县人代会举行。大会主任宣布选举结果:林志远同志当选为县委常委、人民政府副县长,"
                  "赵明亮同志、许宇同志当选为副县长。")
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "林志远"))} == {"常委", "副县长"}
    assert not any("委人民政府" in a for _, a in posts_of(g, node(g, GK.Official, "林志远")))
    assert {r for r, _ in posts_of(g, node(g, GK.Official, "许宇"))} == {"副县长"}


def test_an_autonomous_regions_chairmen_after_its_party_committee():
    """"自治区党委常委、常务副主席X": a party committee has no 主席, the region's government has; "新疆维吾尔自治区党委常委、
    自治区副主席Y" on another region's paper is Xinjiang's."""
    g = officials("5月6日,会议召开。自治区党委常委、常务副主席林志远,自治区党委常委、政法委书记、副主席赵明亮出席。", "南宁市")
    assert ("常务副主席", "广西壮族自治区人民政府") in posts_of(g, node(g, GK.Official, "林志远"))
    assert ("副主席", "广西壮族自治区人民政府") in posts_of(g, node(g, GK.Official, "赵明亮"))
    g = officials("5月6日,新疆维吾尔自治区党委常委、自治区副主席林志远来我市考察。", "南宁市")
    assert any(a == "新疆维吾尔自治区人民政府" for _, a in posts_of(g, node(g, GK.Official, "林志远")))


def test_a_name_before_shuai_and_a_transcribed_name_the_tagger_cuts():
    """"常务副市长金某率相关部门…": 率 leads, it ends the name; "村长亚某·如则某某分别作了汇报": a name with a middle
    dot is whole even where the tagger stops inside it."""
    g = officials("2月9日,市委常委、常务副市长林志率相关部门开展安全检查。")
    assert "林志" in labels(g, GK.Official) and "林志率" not in labels(g, GK.Official)
    g = officials("5月3日,在田间,青禾村村长阿不力孜·如则麦麦提、乡党委书记林志远分别作了汇报。")
    people = set(labels(g, GK.Official)) | set(labels(g, GK.Person))
    assert "阿不力孜·如则麦麦提" in people and "麦麦提" not in people


def test_acting_heads_and_words_that_end_in_ju_without_being_bodies():
    """"代理县长X" is an acting county head (not 理县's 县长); "开好局", "开新局" are no bodies; a body's name does not
    run over 领导和 or 按照."""
    g = officials("5月6日,会议召开。县委副书记、代理县长林志远主持会议,要求全县上下开好局、起好步,奋力开新局。"
                  "县有关领导和县商务局负责人参加。")
    assert ("代理县长", "县人民政府") in posts_of(g, node(g, GK.Official, "林志远"))
    assert not any(a.endswith(("开好局", "开新局", "理县人民政府")) or "领导和" in a for a in labels(g, GK.Agency))


def test_names_on_the_rostrum_bian_as_an_adverb_and_zhongyao_after_a_name():
    """"甲、乙、丙在主席台就座": officials; "委员们边视察、边思考": no one named 边视察; "省政协主席林某某重要讲话精神":
    the name ends before 重要."""
    g = officials("5月6日,全会举行。林志远、赵明亮、许宇、罗强在主席台就座。委员们边视察、边思考。"
                  "会议传达学习了省政协主席林冬松重要讲话精神。")
    names = set(labels(g, GK.Official))
    assert {"林志远", "赵明亮", "许宇", "罗强", "林冬松"} <= names
    assert not {"边视察", "边思考", "林冬松重要"} & (names | set(labels(g, GK.Person)))


def test_two_departments_of_a_committee_each_with_its_head_written_short():
    g = officials("4月9日,县委常委、宣传部长、统战部长林志远主持会议。市委宣传部副部长、新闻科科长赵明亮出席。")
    posts = posts_of(g, node(g, GK.Official, "林志远"))
    assert {r for r, a in posts} == {"常委", "部长"} and not [a for r, a in posts if "宣传部统战部" in a], posts
    assert any(a.endswith("统战部") for r, a in posts) and any(a.endswith("宣传部") for r, a in posts), posts
    assert any(a.endswith("宣传部新闻科") for r, a in posts_of(g, node(g, GK.Official, "赵明亮")))
