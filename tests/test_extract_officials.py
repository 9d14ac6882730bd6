"""Officials and posts (issue 3): each anchoring shape, the identity rule, posts and holdings."""
from __future__ import annotations

import datetime as dt

import pytest

from _kgtext import GK, build, label, labels, node, objs, of_type

HEAD = "宜昌要闻\n\n本报讯(记者 黄晓燕)"


def posts_of(g, official) -> set[tuple[str, str]]:
    """(role, agency label) of every post an official holds."""
    out = set()
    for post in objs(g, official, GK.holds):
        out.add((str(g.value(post, GK.role)), label(g, g.value(post, GK.postIn))))
    return out


@pytest.fixture(scope="module")
def yichang():
    text = HEAD + (
        "5月18日,市委书记王建林到夷陵区调研。市乡村振兴局副局长陈思远介绍,今年全市新建项目20个。"
        "市政协党组书记、主席刘光明出席。市委常委、副市长赵立新主持会议。\n"
        "周文斌,市农业农村局党组书记、局长。孙海涛、钱立群、吴振华参加活动。周文斌表示,要抓好春耕。"
        "黄晓燕表示,现场气氛热烈。宜昌新华实业集团董事长郑一鸣介绍了企业情况。"
    )
    return build(text, "宜昌市")


def test_title_before_name(yichang):
    g = yichang
    assert posts_of(g, node(g, GK.Official, "王建林")) == {("书记", "宜昌市委")}
    assert posts_of(g, node(g, GK.Official, "陈思远")) == {("副局长", "宜昌市乡村振兴局")}


def test_compound_title_gives_two_posts_at_one_agency(yichang):
    g = yichang
    assert posts_of(g, node(g, GK.Official, "刘光明")) == {("党组书记", "宜昌市政协"), ("主席", "宜昌市政协")}


def test_committee_member_and_vice_mayor_are_two_bodies(yichang):
    g = yichang
    assert posts_of(g, node(g, GK.Official, "赵立新")) == {("常委", "宜昌市委"), ("副市长", "宜昌市人民政府")}


def test_title_after_name_with_comma(yichang):
    g = yichang
    assert posts_of(g, node(g, GK.Official, "周文斌")) == {("党组书记", "宜昌市农业农村局"),
                                                           ("局长", "宜昌市农业农村局")}


def test_attendance_list_and_bare_mention(yichang):
    g = yichang
    names = labels(g, GK.Official)
    for n in ("孙海涛", "钱立群", "吴振华"):
        assert n in names
    # "周文斌表示" later in the text is the same person, not a second node
    assert names.count("周文斌") == 1


def test_list_ending_in_deng():
    g = build(HEAD + "5月18日,全市春耕生产推进会召开。王建林、陈思远、刘光明等参加会议。", "宜昌市")
    assert labels(g, GK.Official) == ["刘光明", "王建林", "陈思远"]


def test_journalist_stays_journalist_and_chairman_is_not_official(yichang):
    g = yichang
    names = labels(g, GK.Official)
    assert "黄晓燕" not in names
    assert "黄晓燕" in labels(g, GK.Journalist)
    assert "郑一鸣" not in names
    assert "宜昌新华实业集团" in labels(g, GK.Company)


def test_one_node_per_official_across_articles_of_a_page():
    text = ("市委书记调研\n\n本报讯(记者 黄晓燕)5月18日,市委书记王建林到夷陵区调研。\n\n"
            "座谈会召开\n\n本报讯(记者 郑红梅)5月19日,王建林主持召开座谈会。王建林强调,要抓好春耕。")
    g = build(text, "宜昌市")
    official = node(g, GK.Official, "王建林")
    assert len(objs(g, official, GK.mentionedIn)) == 2


def test_same_name_in_two_home_regions_is_two_people():
    text = HEAD + "5月18日,市委书记王建林到夷陵区调研。"
    g1 = build(text, "宜昌市")
    g2 = build(text.replace("宜昌", "湖州").replace("夷陵区", "吴兴区"), "湖州市")
    (a,), (b,) = of_type(g1, GK.Official), of_type(g2, GK.Official)
    assert label(g1, a) == label(g2, b) == "王建林"
    assert a != b  # one build of both pages keeps them apart
    assert posts_of(g2, b) == {("书记", "湖州市委")}


def test_premier_is_national_and_not_merged_with_local_namesake():
    text = ("国务院常务会议\n\n本报讯(记者 黄晓燕)5月18日,国务院总理李强在北京主持召开国务院常务会议。\n\n"
            "宜昌市召开座谈会\n\n本报讯(记者 黄晓燕)5月18日,座谈会召开。周文斌、李强、吴振华参加会议。")
    g = build(text, "宜昌市")
    strong = [s for s in of_type(g, GK.Official) if label(g, s) == "李强"]
    assert len(strong) == 2
    premier = [s for s in strong if posts_of(g, s)]
    assert len(premier) == 1
    assert posts_of(g, premier[0]) == {("总理", "国务院")}
    assert "中国" in str(premier[0])


def test_two_officials_with_the_same_post_meet_at_one_post_node():
    g = build(HEAD + "5月18日,副市长王建林、副市长陈思远到夷陵区调研。", "宜昌市")
    a, b = node(g, GK.Official, "王建林"), node(g, GK.Official, "陈思远")
    assert objs(g, a, GK.holds) == objs(g, b, GK.holds)
    assert len(of_type(g, GK.Post)) == 1


def test_post_holding_carries_the_publication_date(yichang):
    g = yichang
    official = node(g, GK.Official, "王建林")
    holdings = list(g.subjects(GK.member, official))
    assert len(holdings) == 1
    h = holdings[0]
    assert (h, None, None) in g
    assert g.value(h, GK.post) in objs(g, official, GK.holds)
    assert g.value(h, GK.observedOn).toPython() == dt.date(2024, 5, 20)


def test_officials_have_provenance(yichang):
    g = yichang
    for o in of_type(g, GK.Official):
        assert objs(g, o, GK.mentionedIn) and objs(g, o, GK.evidence)
