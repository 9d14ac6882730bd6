"""A page splits into articles: every shape of headline, byline and caption.

Texts are written for these tests (invented places and people).
"""
from __future__ import annotations

import re

import pytest

from kg.ingest import ingest_text, split_sentences
from kg.ingest.split import parse_people

BODY = "会议强调,要坚持以人民为中心的发展思想,扎实推进各项重点工作,确保全年目标任务圆满完成。"


def arts(text: str):
    return ingest_text(text, source="nanhe-daily-2024-05-21.txt").articles


def test_bylined_article_with_headline_above():
    (a,) = arts("南河县召开春耕备耕工作会议\n\n"
                "本报讯(记者 钱立衡 孙雨桐)5月20日,南河县召开春耕备耕工作会议,部署全县春季农业生产。" + BODY)
    assert a.headline == "南河县召开春耕备耕工作会议"
    assert a.authors == ["钱立衡", "孙雨桐"]
    assert a.kind == "news" and a.alt_headlines == [] and a.column is None
    assert a.text.startswith("南河县召开春耕备耕工作会议\n本报讯(记者 钱立衡 孙雨桐)5月20日")


def test_two_bylined_articles_on_one_page():
    page = ("南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,南河县召开春耕备耕工作会议。" + BODY + "\n\n"
            + BODY + "\n\n"
            "东湖区启动全民健身月活动\n\n本报讯(记者 周望舒)5月19日,东湖区全民健身月活动启动。" + BODY)
    a, b = arts(page)
    assert (a.headline, a.authors, b.headline, b.authors) == (
        "南河县召开春耕备耕工作会议", ["钱立衡"], "东湖区启动全民健身月活动", ["周望舒"])
    assert a.text.count(BODY) == 2 and "全民健身" not in a.text
    assert (a.index, b.index) == (1, 2) and a.id != b.id


def test_kicker_and_headline():
    (a,) = arts("聚焦主业强基础——\n\n南河县新建高标准农田五万亩\n\n"
                "本报讯(记者 钱立衡)5月20日,南河县高标准农田建设现场推进会召开。" + BODY)
    assert a.headline == "南河县新建高标准农田五万亩"
    assert a.alt_headlines == ["聚焦主业强基础"]


def test_headline_and_subtitle():
    (a,) = arts("东湖区一季度经济运行稳中向好\n\n规上工业增加值同比增长6.2%\n\n"
                "本报讯(记者 周望舒)4月18日,记者从东湖区统计局获悉。" + BODY)
    assert a.headline == "东湖区一季度经济运行稳中向好"
    assert a.alt_headlines == ["规上工业增加值同比增长6.2%"]


def test_subtitle_with_leading_dash():
    (a,) = arts("东湖区一季度经济运行稳中向好\n\n——规上工业增加值同比增长6.2%\n\n"
                "本报讯(记者 周望舒)4月18日,记者从东湖区统计局获悉。" + BODY)
    assert a.alt_headlines == ["规上工业增加值同比增长6.2%"]


def test_column_label_above_headline():
    (a,) = arts("三争三创见成效\n\n南河县优化营商环境出实招\n\n"
                "本报讯(记者 孙雨桐)5月18日,南河县出台优化营商环境十条措施。" + BODY)
    assert a.column == "三争三创见成效"
    assert a.headline == "南河县优化营商环境出实招"
    assert a.alt_headlines == []


def test_column_label_kicker_and_headline():
    (a,) = arts("两会进行时\n\n代表委员建言——\n\n让乡村振兴跑出加速度\n\n"
                "本报讯(记者 孙雨桐)3月6日,代表委员们围绕乡村振兴建言献策。" + BODY)
    assert (a.column, a.alt_headlines, a.headline) == ("两会进行时", ["代表委员建言"], "让乡村振兴跑出加速度")


def test_headline_trailing_its_article():
    """The layout quirk: the first article's headline is printed after its body, above the next headline."""
    page = ("本报讯(记者 钱立衡)5月20日,南河县召开防汛工作会议,部署今年防汛抗旱工作。" + BODY + "\n\n"
            "全县各级各部门要压紧压实防汛责任,加强汛期值班值守,确保安全度汛。\n\n"
            "南河县召开防汛工作会议\n\n\n\n"
            "东湖区启动全民健身月活动\n\n"
            "本报讯(记者 周望舒)5月21日,东湖区全民健身月活动启动,全区各街道组织健身活动。" + BODY)
    a, b = arts(page)
    assert a.headline == "南河县召开防汛工作会议" and a.authors == ["钱立衡"]
    assert b.headline == "东湖区启动全民健身月活动" and b.authors == ["周望舒"]
    assert "防汛" not in b.text


def test_photo_caption_is_a_photo_article_with_its_photographer():
    page = ("南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,南河县召开春耕备耕工作会议。" + BODY + "\n\n"
            "5月20日,南河县一家农业合作社内,农户正在分拣新鲜蔬菜。\n\n"
            "近年来,南河县大力发展设施蔬菜产业,带动农户增收致富,蔬菜产业成为乡村振兴的重要支撑。 ■本报记者 吴晓岚\n\n"
            "东湖区启动全民健身月活动\n\n本报讯(记者 周望舒)5月21日,东湖区全民健身月活动启动。" + BODY)
    a, photo, b = arts(page)
    assert photo.kind == "photo"
    assert photo.photographers == ["吴晓岚"] and photo.authors == []
    assert photo.headline == "" and photo.text.startswith("5月20日,南河县一家农业合作社内")  # no invented headline
    assert "吴晓岚" not in a.text and "分拣新鲜蔬菜" not in a.text
    assert b.headline == "东湖区启动全民健身月活动"


def test_photo_caption_credited_with_she():
    (photo,) = arts("5月20日,南河县城关镇农户在大棚里采摘黄瓜,今年全镇蔬菜种植面积达到两万亩。(本报记者 吴晓岚 摄)")
    assert photo.kind == "photo" and photo.photographers == ["吴晓岚"]


def test_peoples_daily_dateline_byline():
    (a,) = arts("东湖新区建设提速\n\n本报北京3月8日电(记者 韩思远)东湖新区建设正在提速,各项工程有序推进。" + BODY)
    assert a.headline == "东湖新区建设提速" and a.authors == ["韩思远"]
    assert "本报北京3月8日电" in a.text


def test_xinhua_dateline_byline():
    (a,) = arts("东湖新区建设提速\n\n新华社北京3月8日电(记者 韩思远 邓可馨)东湖新区建设正在提速。" + BODY)
    assert a.authors == ["韩思远", "邓可馨"]


def test_standalone_reporter_line_under_the_headline():
    (a,) = arts("东湖新区建设提速\n\n本报记者 韩思远 邓可馨\n\n东湖新区建设正在提速,各项工程有序推进。" + BODY)
    assert a.headline == "东湖新区建设提速"
    assert a.authors == ["韩思远", "邓可馨"]
    assert "东湖新区建设正在提速" in a.text


def test_correspondents_in_bylines_are_authors():
    (a,) = arts("东湖区完成年度目标\n\n本报讯(记者 周望舒 通讯员 邓可馨 宋嘉禾)4月18日,东湖区完成年度目标。" + BODY)
    assert a.authors == ["周望舒", "邓可馨", "宋嘉禾"]
    assert parse_people("记者 周望舒 通讯员 邓可馨、宋嘉禾") == (["周望舒"], ["邓可馨", "宋嘉禾"])
    assert parse_people("通讯员 邓可馨 记者 周望舒") == (["周望舒"], ["邓可馨"])


def test_page_without_markers_is_one_article_headed_by_its_first_line():
    (a,) = arts("南河县春季植树活动综述\n\n今年春天,南河县组织干部群众开展植树活动,共植树十万余株。\n\n" + BODY)
    assert a.headline == "南河县春季植树活动综述"
    assert a.authors == [] and a.kind == "news"
    assert BODY in a.text


def test_page_that_starts_with_its_body_gets_no_invented_headline():
    (a,) = arts("今年春天,南河县组织干部群众开展植树活动,共植树十万余株。" + BODY)
    assert a.headline == ""
    assert a.text.startswith("今年春天,南河县组织干部群众开展植树活动") and BODY in a.text


def test_article_ids_are_readable_and_stable():
    page = "南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,会议召开。" + BODY
    assert arts(page)[0].id == "nanhe-daily-2024-05-21/1" == arts(page)[0].id
    assert arts(page)[0].date.isoformat() == "2024-05-21"


@pytest.mark.parametrize("text", [
    "南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,会议召开!会议要求:“抓好春耕。”大家表示赞同?是的\n\n" + BODY,
    "东湖新区建设提速\n\n本报记者 韩思远\n\n东湖新区建设正在提速。各项工程有序推进。\n\n" + BODY,
])
def test_sentences_are_offsets_into_the_article_text(text):
    for a in arts(text):
        assert a.sentences
        pieces = [a.text[s.start:s.end] for s in a.sentences]
        assert all(p and p == p.strip() for p in pieces)
        assert all(s.start < s.end <= t.start for s, t in zip(a.sentences, a.sentences[1:]))
        # together the sentences are the whole text, less the spaces between them
        assert "".join(pieces) == re.sub(r"\s+", "", a.text) or \
            re.sub(r"\s+", "", "".join(pieces)) == re.sub(r"\s+", "", a.text)
        assert a.sentence_text(0) == a.headline or not a.headline


def test_sentence_split_keeps_closing_quotes_with_their_sentence():
    text = "他说:“抓好春耕。”会议结束。"
    assert [text[s.start:s.end] for s in split_sentences(text)] == ["他说:“抓好春耕。”", "会议结束。"]
    assert split_sentences("") == [] and split_sentences(" \n ") == []


def test_sentence_at_finds_the_sentence_of_an_offset():
    (a,) = arts("南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,会议召开。" + BODY)
    at = a.text.index("扎实推进")
    i = a.sentence_at(at)
    assert "扎实推进" in a.sentence_text(i)


def test_headline_trailing_the_last_article_of_the_page():
    (a,) = arts("本报讯(记者 钱立衡)5月20日,南河县召开防汛工作会议,部署今年防汛抗旱工作。" + BODY + "\n\n"
                "南河县召开防汛工作会议\n")
    assert a.headline == "南河县召开防汛工作会议"
    assert a.text.startswith("南河县召开防汛工作会议\n本报讯") and a.text.count("南河县召开防汛工作会议\n") == 1


def test_short_closing_line_of_an_article_is_not_taken_for_its_headline():
    (a,) = arts("本报讯(记者 钱立衡)5月20日,南河县召开防汛工作会议,部署今年防汛抗旱工作。" + BODY + "\n\n"
                "韩思远、邓可馨参加会议\n")
    assert a.headline == "" and a.authors == ["钱立衡"]
    assert a.text.endswith("韩思远、邓可馨参加会议")


def test_headline_less_items_keep_their_first_sentence_once():
    (a,) = arts("今年春天,南河县组织干部群众开展植树活动,共植树十万余株。" + BODY)
    assert a.text.count("今年春天") == 1 and a.text.startswith("今年春天")
    (photo,) = arts("5月20日,南河县城关镇农户在大棚里采摘黄瓜。\n\n今年全镇蔬菜种植面积达到两万亩,带动农户增收。 ■本报记者 吴晓岚")
    assert photo.text.count("采摘黄瓜") == 1
    (b,) = arts("本报讯(记者 钱立衡)5月20日,南河县召开防汛工作会议。" + BODY)
    assert b.text.count("召开防汛工作会议") == 1


# -- bylines and credits of other papers (issue: people on any page) ---------------------------

@pytest.mark.parametrize("line, authors", [
    ("本报记者  林晓雯", ["林晓雯"]),                      # spaced
    ("记者文浩 许诺", ["文浩", "许诺"]),                   # 文 is a surname here, not "文/图"
    ("(通讯员 许诺 记者 林晓雯)", ["林晓雯", "许诺"]),     # correspondent first, in brackets
    ("新华社记者 林晓雯、许诺", ["林晓雯", "许诺"]),
    ("文/图 本报记者 林晓雯", ["林晓雯"]),
    ("本报记者  江  平  许  诺《云溪日报》(2025年05月01日第 02 版)", ["江平", "许诺"]),  # People's-Daily style
])
def test_byline_line_under_the_headline(line: str, authors: list[str]) -> None:
    (a,) = arts(f"云溪市新建公园十二座\n\n{line}\n\n今年以来,云溪市新建口袋公园十二座,市民休闲有了好去处。" + BODY)
    assert a.headline == "云溪市新建公园十二座"
    assert a.authors == authors
    assert line in a.text and "新建口袋公园" in a.text  # the byline line is kept in the text


@pytest.mark.parametrize("lead, authors", [
    ("本报讯 记者林晓雯报道 5月8日,", ["林晓雯"]),               # no colon
    ("本报讯 记者林晓雯 通讯员许诺报道:5月8日,", ["林晓雯", "许诺"]),
    ("本报讯 记者 林晓雯 5月8日,", ["林晓雯"]),
    ("本报讯(通讯员 许诺 记者 林晓雯)5月8日,", ["林晓雯", "许诺"]),
    ("人民网云溪5月8日电 (记者 林晓雯)", ["林晓雯"]),
    ("新华社云溪5月8日电(记者 林晓雯、许诺)", ["林晓雯", "许诺"]),
    ("云溪日报讯(全媒体记者 林晓雯)5月8日,", ["林晓雯"]),
])
def test_dateline_bylines(lead: str, authors: list[str]) -> None:
    (a,) = arts("青禾县召开防汛工作会议\n\n" + lead + "青禾县召开防汛工作会议,部署防汛工作。" + BODY)
    assert a.headline == "青禾县召开防汛工作会议"
    assert a.authors == authors
    assert a.text.count("部署防汛工作") == 1


@pytest.mark.parametrize("tail, authors", [
    ("(记者:林晓雯)", ["林晓雯"]),
    ("(作者:林晓雯 许诺 江平)", ["林晓雯", "许诺", "江平"]),
    ("(文/图 林晓雯)", ["林晓雯"]),
])
def test_byline_closing_the_article(tail: str, authors: list[str]) -> None:
    (a,) = arts("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY + tail
                + "\n\n(编辑:江平  审核编辑:许诺)")
    assert a.authors == authors
    assert a.text.endswith("(编辑:江平  审核编辑:许诺)")


def test_byline_line_with_nothing_under_it_credits_the_article_above():
    (a,) = arts("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n本报记者 林晓雯")
    assert a.headline == "青禾县召开防汛工作会议" and a.authors == ["林晓雯"]
    assert a.text.endswith("本报记者 林晓雯")


@pytest.mark.parametrize("credit", ["责任编辑:林晓雯", "(编辑:林晓雯  审核编辑:许诺)", "编辑丨林晓雯 许诺", "统筹丨江平"])
def test_editors_credit_lines_name_no_author(credit: str) -> None:
    page = ("青禾县召开防汛工作会议\n\n本报讯(记者 陈可)5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n" + credit
            + "\n\n云溪市新建公园十二座\n\n本报讯(记者 文浩)5月8日,云溪市新建口袋公园十二座。" + BODY)
    a, b = arts(page)
    assert (a.authors, b.authors) == (["陈可"], ["文浩"])
    assert a.photographers == [] and a.text.endswith(credit)
    assert b.headline == "云溪市新建公园十二座"  # the credit line is no headline of the next article


@pytest.mark.parametrize("caption, photographers", [
    ("图为青禾县城关镇农户在大棚里采摘黄瓜。陈可摄(云溪视觉)", ["陈可"]),
    ("5月8日,青禾县城关镇农户在大棚里采摘黄瓜。 林晓雯 许诺 摄", ["林晓雯", "许诺"]),
    ("5月8日,青禾县城关镇农户在大棚里采摘黄瓜。(新华社记者 林晓雯 摄)", ["林晓雯"]),
])
def test_photo_credits(caption: str, photographers: list[str]) -> None:
    page = "青禾县召开防汛工作会议\n\n本报讯(记者 文浩)5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n" + caption
    a, photo = arts(page)
    assert a.authors == ["文浩"] and photo.kind == "photo" and photo.photographers == photographers
    assert "采摘黄瓜" in photo.text


def test_photographing_is_no_photo_credit():
    (a,) = arts("青禾县举办摄影展\n\n5月8日,青禾县举办摄影展,吸引众多市民前来参观,不少游客纷纷用手机拍摄")
    assert a.kind == "news" and a.photographers == []


def test_page_photo_credit_line():
    (a,) = arts("青禾县召开防汛工作会议\n\n本报讯(记者 文浩)5月8日,青禾县召开防汛工作会议。" + BODY
                + "\n\n本版图片由记者林晓雯、许诺提供")
    assert a.authors == ["文浩"] and a.photographers == ["林晓雯", "许诺"]
    assert a.text.endswith("本版图片由记者林晓雯、许诺提供")


def test_headline_with_an_exclamation_mark_is_not_glued_to_the_body():
    (a,) = arts("好消息!青禾县新建公园十二座\n今年以来,青禾县新建口袋公园十二座,市民休闲有了好去处。" + BODY)
    assert a.headline == "好消息!青禾县新建公园十二座"


def test_headless_item_loses_no_sentence():
    """A 本报讯 item with nothing printed above it, after text that starts the page with its body."""
    page = ("今年以来,青禾县新建口袋公园十二座,市民休闲有了好去处。\n\n"
            "本报讯(记者 文浩)5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n"
            "5月8日,青禾县城关镇农户在大棚里采摘黄瓜。(记者 陈可 摄)\n\n"
            "会后,与会人员还察看了城区排涝泵站。")
    found = arts(page)
    text = "\n".join(a.text for a in found)
    for sentence in ("今年以来,青禾县新建口袋公园十二座", "5月8日,青禾县召开防汛工作会议", "农户在大棚里采摘黄瓜",
                     "察看了城区排涝泵站"):
        assert text.count(sentence) == 1, sentence
    assert [a.authors for a in found if a.kind == "news"] == [[], ["文浩"]]
    assert "察看了城区排涝泵站" in found[1].text  # text after a photo continues the article above it


def test_two_line_byline_with_marks():
    """□本报记者 X over 本报通讯员 Y 报道 (a provincial-paper style): one byline, one article."""
    (a,) = arts("青禾县召开防汛工作会议\n\n□本报记者 林晓雯\n\n本报通讯员 许诺 报道\n\n"
                "5月8日,青禾县召开防汛工作会议。" + BODY)
    assert a.headline == "青禾县召开防汛工作会议"
    assert a.authors == ["林晓雯", "许诺"] and a.kind == "news"
    assert "□本报记者 林晓雯\n本报通讯员 许诺 报道\n5月8日" in a.text


def test_byline_line_after_body_text_closes_that_article():
    page = ("青禾县召开防汛工作会议\n\n本报讯 5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n本报记者 林晓雯\n\n"
            "云溪市:如何办好民生实事?\n\n本报记者 许诺\n\n今年以来,云溪市新建口袋公园十二座。" + BODY)
    a, b = arts(page)
    assert (a.headline, a.authors) == ("青禾县召开防汛工作会议", ["林晓雯"])
    assert b.authors == ["许诺"] and "新建口袋公园" in b.text and "新建口袋公园" not in a.text
    assert b.headline == "云溪市:如何办好民生实事?" and "民生实事" not in a.text


def test_web_page_fact_line_names_the_author():
    (a,) = arts("青禾县召开防汛工作会议\n\n来源:青禾县融媒体中心  作者:林晓雯  发布时间:2024-05-08\n\n"
                "5月8日,青禾县召开防汛工作会议。" + BODY)
    assert a.headline == "青禾县召开防汛工作会议" and a.authors == ["林晓雯"]
    assert a.alt_headlines == []


@pytest.mark.parametrize("lead", ["央视网消息(记者 林晓雯):", "云溪新闻客户端5月8日电(记者 林晓雯)"])
def test_datelines_of_news_sites(lead: str) -> None:
    (a,) = arts("青禾县召开防汛工作会议\n\n" + lead + "5月8日,青禾县召开防汛工作会议。" + BODY)
    assert a.authors == ["林晓雯"]


@pytest.mark.parametrize("header", ["云溪日报 2024年5月8日 星期三", "第3版:要闻", "首页 > 新闻中心 > 本地新闻",
                                    "2024年05月08日 第 02 版"])
def test_page_furniture_is_no_headline_and_no_article(header: str) -> None:
    (a,) = arts(header + "\n\n青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY)
    assert a.headline == "青禾县召开防汛工作会议" and header in a.text
    page = (header + "\n\n青禾县召开防汛工作会议\n\n本报讯(记者 文浩)5月8日,青禾县召开防汛工作会议。" + BODY
            + "\n\n云溪市新建公园十二座\n\n本报讯(记者 陈可)5月8日,云溪市新建口袋公园十二座。" + BODY)
    a, b = arts(page)
    assert (a.headline, b.headline) == ("青禾县召开防汛工作会议", "云溪市新建公园十二座")
    assert a.column is None and header in a.text


@pytest.mark.parametrize("line, names", [
    ("记者 阿依古丽·买买提 许诺", ["阿依古丽·买买提", "许诺"]),
    ("文 | 林晓雯", ["林晓雯"]),
])
def test_more_byline_lines(line: str, names: list[str]) -> None:
    (a,) = arts(f"云溪市新建公园十二座\n\n{line}\n\n今年以来,云溪市新建口袋公园十二座。" + BODY)
    assert a.authors == names


def test_agency_photo_credit():
    page = ("青禾县召开防汛工作会议\n\n本报讯(记者 文浩)5月8日,青禾县召开防汛工作会议。" + BODY
            + "\n\n5月8日,青禾县城关镇农户在大棚里采摘黄瓜。(新华社发 林晓雯 摄)")
    _, photo = arts(page)
    assert photo.photographers == ["林晓雯"]


def test_items_closed_by_bracketed_bylines_and_a_dateline_without_one():
    page = ("青禾县召开防汛工作会议\n\n5月7日,青禾县召开防汛工作会议。县长周立新出席会议并讲话。\n\n(记者 林晓雯 通讯员 许诺)\n\n"
            "云溪市新建口袋公园20座\n\n本报讯 今年以来,云溪市新建口袋公园20座,市民休闲有了好去处。\n\n(记者 陈可)")
    a, b = arts(page)
    assert (a.headline, a.authors) == ("青禾县召开防汛工作会议", ["林晓雯", "许诺"])
    assert (b.headline, b.authors) == ("云溪市新建口袋公园20座", ["陈可"])
    assert "口袋公园" not in a.text


def test_agency_dispatch_without_headline():
    (a,) = arts("新华社云溪5月8日电(记者林晓雯、许诺)记者8日从云溪市政府新闻办获悉,云溪市今年将新建口袋公园20座。\n\n"
                "据介绍,云溪市今年计划投资5亿元。(完)")
    assert a.headline == "" and a.authors == ["林晓雯", "许诺"]
    assert a.text.startswith("新华社云溪5月8日电") and a.text.endswith("(完)")


@pytest.mark.parametrize("heading", ["记者手记", "记者观察", "记者 调查"])
def test_column_heading_starting_with_reporter_is_no_byline(heading: str) -> None:
    (a,) = arts(f"{heading}\n\n今年以来,云溪市新建口袋公园十二座,市民休闲有了好去处。" + BODY)
    assert a.authors == []


def test_dateline_and_byline_on_lines_of_their_own():
    (a,) = arts("青禾县召开防汛工作会议\n\n本报讯\n\n记者 林晓雯 通讯员 许诺 报道\n\n5月8日,青禾县召开防汛工作会议。" + BODY)
    assert a.headline == "青禾县召开防汛工作会议" and a.authors == ["林晓雯", "许诺"]


@pytest.mark.parametrize("lead, tail, authors", [
    ("本报讯【记者 林晓雯】5月8日,", "", ["林晓雯"]),
    ("5月8日,", "【记者 林晓雯 通讯员 许诺】", ["林晓雯", "许诺"]),
    ("本报讯(记者阿依古丽)5月8日,", "", ["阿依古丽"]),  # glued to the role in a dateline: any name
])
def test_square_brackets_and_glued_names_in_datelines(lead: str, tail: str, authors: list[str]) -> None:
    (a,) = arts("青禾县召开防汛工作会议\n\n" + lead + "青禾县召开防汛工作会议。" + BODY + tail)
    assert a.authors == authors


def test_headline_with_a_date_is_no_page_furniture():
    (a,) = arts("2024年5月8日青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY)
    assert a.headline == "2024年5月8日青禾县召开防汛工作会议"


def test_long_title_with_commas_heads_its_page():
    title = "青禾县召开2024年防汛工作会议,全面部署防汛抗旱工作,确保全县人民群众生命财产安全和安全度汛"
    (a,) = arts(title + "\n\n5月8日,青禾县召开防汛工作会议,县长周立新出席会议并讲话。" + BODY)
    assert a.headline == title
    assert a.text.startswith(title + "\n5月8日")


def test_items_whose_paragraphs_end_with_their_bylines():
    """A page of short items: headline, one paragraph closed by "(记者 X)", the next headline."""
    page = ("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议,县长周立新出席会议并讲话。(记者 林晓雯)\n\n"
            "云溪市新建口袋公园20座\n\n今年以来,云溪市新建口袋公园20座,市民休闲有了好去处。(记者 陈可 通讯员 许诺)")
    a, b = arts(page)
    assert (a.headline, a.authors) == ("青禾县召开防汛工作会议", ["林晓雯"])
    assert (b.headline, b.authors) == ("云溪市新建口袋公园20座", ["陈可", "许诺"])


def test_subheading_after_a_quoted_byline_inside_an_article_is_not_an_item():
    (a,) = arts("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n一、压实责任\n\n"
                "会议要求,各乡镇要压实防汛责任。" + BODY)
    assert a.headline == "青禾县召开防汛工作会议" and "压实责任" in a.text


def test_byline_leading_the_first_paragraph():
    (a,) = arts("云溪市一季度经济运行稳中向好\n\n本报记者 林晓雯 实习生 许诺 云溪报道 一季度,云溪市经济运行稳中向好。" + BODY)
    assert a.headline == "云溪市一季度经济运行稳中向好" and a.authors == ["林晓雯", "许诺"]
    assert "本报记者 林晓雯 实习生 许诺 云溪报道 一季度" in a.text


@pytest.mark.parametrize("tail, authors", [
    ("文/本报记者 林晓雯//来源:某某青年报//", ["林晓雯"]),
    (" 本版文/本报记者 林晓雯 许诺 (责任编辑:江平)", ["林晓雯", "许诺"]),
])
def test_unbracketed_byline_after_the_last_sentence(tail: str, authors: list[str]) -> None:
    (a,) = arts("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY + tail)
    assert a.authors == authors


def test_dash_led_byline_line_closing_an_article():
    (a,) = arts("青禾县召开防汛工作会议\n\n5月8日,青禾县召开防汛工作会议。" + BODY + "\n\n—— 本报记者 林晓雯")
    assert a.authors == ["林晓雯"]


def test_a_government_site_page_heads_its_article_under_the_site_name_and_breadcrumb():
    page = arts("云溪县人民政府\n当前位置：首页 > 政务公开 > 乡镇动态\n\n青禾镇：党政领导深入村组调研道路硬化工作\n\n"
                "发布时间：2025-03-14 16:20　　来源：青禾镇　　作者：林晓雯\n\n3月12日,青禾镇党委书记林志远深入村组调研。\n\n"
                "林志远强调,要确保工程质量。")
    main = [a for a in page if a.headline]
    assert [a.headline for a in main] == ["青禾镇:党政领导深入村组调研道路硬化工作"]
    assert main[0].authors == ["林晓雯"]
    assert "云溪县人民政府" in main[0].text  # nothing is lost


def test_a_site_page_with_a_dateline_item_takes_the_headline_above_the_facts_line():
    page = arts("青禾人大网\n首页 > 人事任免\n\n云溪市人大常委会任免名单\n\n发布日期：2022-06-29　　来源：市人大常委会办公室\n\n"
                "本网讯　6月28日,市人大常委会举行会议,通过了人事任免事项。")
    assert [a.headline for a in page if a.headline] == ["云溪市人大常委会任免名单"]


def test_items_without_bylines_are_split_at_a_headline_above_a_lead():
    page = arts("据云溪市纪委监委消息:云溪市交通运输局原局长林志远涉嫌严重违纪违法。\n\n林志远简历\n\n"
                "林志远,男,1962年10月出生。\n\n云溪市住建局原副局长赵明亮被开除党籍和公职\n\n"
                "近日,经云溪市委批准,云溪市纪委监委对赵明亮严重违纪违法问题进行了立案审查调查。\n\n"
                "青禾镇原党委书记钱立群接受审查调查\n\n据青禾县纪委监委消息:青禾镇原党委书记钱立群接受审查调查。")
    assert [a.headline for a in page] == ["", "云溪市住建局原副局长赵明亮被开除党籍和公职", "青禾镇原党委书记钱立群接受审查调查"]
    assert "林志远简历" in page[0].text  # a subhead stays in its article


def test_numbered_subheads_of_a_feature_do_not_split_it():
    page = arts("青禾村的振兴路\n\n3月12日,记者走进青禾村。\n\n一、产业兴旺带动群众持续增收致富\n\n"
                "村里建起了合作社。\n\n二、环境整治让村庄面貌焕然一新\n\n5月8日,村里拆除了旧房。")
    assert len(page) == 1


def test_a_spaced_byline_under_the_papers_running_head_opens_the_article():
    """Headline, subtitle, then a running head (the date and the paper's name), then the byline."""
    text = ("青禾县举行重点项目集中签约仪式\n3个项目签约 总投资6.8亿元\n2025-05-17　青禾时报\n本报记者 许 诺\n\n"
            "5月16日,青禾县重点项目集中签约仪式举行。县委书记林志远出席并见证签约。")
    art = ingest_text(text).articles[0]
    assert art.headline == "青禾县举行重点项目集中签约仪式"
    assert art.authors == ["许诺"]


def test_names_alone_in_brackets_closing_an_item_are_its_byline():
    text = ("青禾县召开秋粮收购工作会议\n\n10月8日,青禾县召开秋粮收购工作会议。县委书记林志远出席并讲话。" + BODY
            + " (许诺 文浩)")
    art = ingest_text(text).articles[0]
    assert art.authors == ["许诺", "文浩"]
    for tail in ("(完)", "(下转第二版)", "(图为会议现场)"):
        art = ingest_text("青禾县召开秋粮收购工作会议\n\n10月8日,青禾县召开会议。" + BODY + tail).articles[0]
        assert art.authors == []


def test_an_outlet_before_the_reporter_s_role_is_no_name():
    from kg.ingest.byline import parse_people

    assert parse_people("青禾日报·青禾网见习记者 许诺") == (["许诺"], [])
    assert parse_people("新华社记者 许诺 文浩") == (["许诺", "文浩"], [])


@pytest.mark.parametrize("lead, authors", [
    ("青禾网 宜昌1月16日电 (记者 许诺)", ["许诺"]),          # an outlet, a space, then the place and the date
    ("青禾法院网讯 (文浩 许诺)", ["文浩", "许诺"]),          # names alone in a dateline's brackets
    ("青禾网讯(记者 许诺 通迅员 文浩)", ["许诺", "文浩"]),   # 通迅员, a common misprint of 通讯员
    ("本报讯(全文完)", []),                                   # a word in brackets is no name
    ("青禾新闻网-青禾县融媒体中心(记者 许诺 实习记者 文浩)", ["许诺", "文浩"]),  # a media centre's credit
    ("青禾县融媒体中心(记者 许诺)", ["许诺"]),
])
def test_datelines_of_other_outlets(lead, authors):
    art = ingest_text("青禾县召开秋粮收购工作会议\n\n" + lead + "10月8日,青禾县召开会议。" + BODY).articles[0]
    assert art.authors == authors


def test_an_author_line_behind_a_bullet():
    art = ingest_text("青禾县召开秋粮收购工作会议\n  • 作者: 许诺\n10月8日,青禾县召开会议。" + BODY).articles[0]
    assert art.authors == ["许诺"]


def test_reporter_lines_of_reposted_and_web_items():
    """"…。记者 X" before a bracketed editor line; a facts line that opens with the author's name alone; a lead
    "X日报记者 A 特约记者 B 5月20日,…"."""
    art = ingest_text("青禾县部署防汛工作\n\n10月8日,青禾县召开会议。" + BODY + "记者 许诺\n[责任编辑:文浩]").articles[0]
    assert art.authors == ["许诺"]
    art = ingest_text("青禾县部署防汛工作\n许诺    发布时间: 2011-11-11 08:49:00    来源:青禾网\n"
                      "10月8日,青禾县召开会议。" + BODY).articles[0]
    assert art.authors == ["许诺"]
    art = ingest_text("青禾县部署防汛工作\n\n青禾日报记者 许诺 特约记者 文浩 5月20日,县委书记林志远到乡镇调研。"
                      + BODY).articles[0]
    assert art.authors == ["许诺", "文浩"]


def test_items_of_a_news_digest_are_articles_of_their_own():
    """A digest (要闻简报) prints its items behind one bullet each: every item is its own headline-less article, so
    its facts point to it and not to the whole page; a bullet before a short line is no item."""
    page = ingest_text("要闻简报\n◆9月23日,我县召开巩固衔接重点工作调度会。副县长林志远出席会议并讲话。\n"
                       "◆9月25日,副县长赵明亮带领县水利局工作人员到青禾水库开展检查。\n"
                       "◆9月27日,县政协组织侨胞开展联谊活动。县政协副主席许宇参加。\n◆相关链接\n",
                       source="x-2024-09-28.txt")
    bodies = [a.text for a in page.articles]
    assert len(page.articles) == 3, bodies
    assert "林志远" in bodies[0] and "赵明亮" in bodies[1] and "许宇" in bodies[2]
    assert not any(a.headline for a in page.articles[1:])


def test_a_reporter_s_credit_in_brackets_opening_a_paragraph_and_a_body_as_author():
    art = ingest_text("青禾县重点项目集中开工\n\n   (记者 许诺)“我宣布,项目开工!”10月8日,青禾县举行集中开工仪式。"
                      + BODY).articles[0]
    assert art.authors == ["许诺"]
    art = ingest_text("青禾县召开秋粮收购工作会议\n发布时间: 2017年12月13日     浏览次数: 18 人次     作者:县委宣传部\n\n"
                      "10月8日,青禾县召开会议。" + BODY).articles[0]
    assert art.authors == []


def test_a_township_correspondent_credited_in_brackets_on_the_last_line():
    art = ingest_text("青禾镇开展环境整治\n\n9月26日,镇长林志远带队检查。林志远要求,各村要扎实开展整治。\n\n(青禾镇许诺)").articles[0]
    assert art.authors == ["许诺"]
    art = ingest_text("青禾镇开展环境整治\n\n9月26日,镇长林志远带队检查。\n\n(青禾镇人民政府)").articles[0]
    assert art.authors == []


def test_a_digest_of_items_some_closed_by_credits_splits_at_every_item_headline():
    page = ("政协动态\n\n青禾市政协召开主席会议 林志远主持\n\n1月29日上午,青禾市政协召开主席会议,市政协主席林志远主持。\n\n"
            "云溪市政协召开主席办公会研究全会筹备工作\n\n1月28日,云溪市政协召开主席办公会。市政协主席赵明亮主持。(高某某)\n\n"
            "枫林县政协为群众发放健康包\n\n春节前夕,枫林县政协主席许宇带队来到乡镇发放健康包。(丁某 杨某某)\n\n"
            "石湾县政协召开春节后收心会\n\n1月28日,石湾县政协召开春节后收心会。")
    arts = ingest_text(page).articles
    heads = [a.headline for a in arts]
    assert "云溪市政协召开主席办公会研究全会筹备工作" in heads and "枫林县政协为群众发放健康包" in heads, heads
    assert "石湾县政协召开春节后收心会" in heads
    authors = {a.headline: a.authors for a in arts}
    assert authors["云溪市政协召开主席办公会研究全会筹备工作"] == ["高某某"]
    assert authors["枫林县政协为群众发放健康包"] == ["丁某", "杨某某"]
