"""Layout repairs: words split across paragraphs, headlines kept apart, repeats dropped.

Texts are written for these tests (invented places and people).
"""
from __future__ import annotations

from kg.ingest import ingest_text
from kg.ingest.repair import normalise_chars, repair

LONG = "各乡镇要进一步压实责任,细化工作措施,确保各项任务按时保质完成,让群众得到实实在在的好处。"


def test_word_split_across_paragraphs_is_rejoined():
    text = ("本报讯(记者 钱立衡)5月20日,县委书记韩思远到南河县调研民生工作,先后来到城关镇中心敬\n\n"
            "老院和县人民医院,详细了解老人日常生活和群众就医情况。" + LONG)
    pars = repair(text)
    assert len(pars) == 1
    assert "城关镇中心敬老院和县人民医院" in pars[0]


def test_split_after_a_short_paragraph_tail_is_rejoined():
    """"市政\\n\\n府": the paragraph before the break is short but is running text (it has a full stop)."""
    text = ("加快项目进度。2023年,县委、县政\n\n"
            "府多次召开重大项目推进会议,协调解决项目建设中遇到的困难和问题,全年重点项目全部开工。")
    pars = repair(text)
    assert pars == ["加快项目进度。2023年,县委、县政府多次召开重大项目推进会议,协调解决项目建设中遇到的困难和问题,"
                    "全年重点项目全部开工。"]


def test_split_word_is_rejoined_inside_the_article_text():
    text = ("南河县推进农村人居环境整治\n\n"
            "本报讯(记者 钱立衡)5月20日,记者从南河县农业农村局了解到,全县持续推进农村人居环境整治,市政\n\n"
            "府将其列入年度民生实事。" + LONG)
    art = ingest_text(text, source="nanhe-2024-05-21.txt").articles[0]
    assert "市政府将其列入年度民生实事" in art.text
    assert "市政\n府" not in art.text


def test_headline_is_not_glued_to_the_body_below():
    text = ("南河县新建高标准农田五万亩\n\n"
            "全县今年共新建高标准农田五万亩,粮食综合生产能力进一步提升,农民种粮积极性明显提高。")
    assert repair(text) == ["南河县新建高标准农田五万亩",
                            "全县今年共新建高标准农田五万亩,粮食综合生产能力进一步提升,农民种粮积极性明显提高。"]


def test_headline_with_spaces_is_not_glued():
    text = "韩思远在南河县调研时强调 坚持人民至上 办好民生实事\n\n" + LONG
    assert len(repair(text)) == 2


def test_kicker_ending_with_dash_is_not_glued():
    text = ("坚持项目为王,扩大有效投资,推动经济运行持续向好,去年南河——\n\n"
            "重点项目完成投资三百亿元\n\n"
            "本报讯(记者 钱立衡)5月20日,记者从南河县发展改革局获悉。" + LONG)
    pars = repair(text)
    assert pars[0] == "坚持项目为王,扩大有效投资,推动经济运行持续向好,去年南河——"
    assert pars[1] == "重点项目完成投资三百亿元"
    art = ingest_text(text, source="nanhe-2024-05-21.txt").articles[0]
    assert art.headline == "重点项目完成投资三百亿元"
    assert art.alt_headlines == ["坚持项目为王,扩大有效投资,推动经济运行持续向好,去年南河"]


def test_photo_credit_line_is_not_glued_to_the_next_headline():
    text = ("近年来,南河县大力发展设施蔬菜产业,带动农户增收致富,蔬菜产业成为乡村振兴的重要支撑 ■本报记者 吴晓岚\n\n"
            "东湖区启动全民健身月活动\n\n"
            "本报讯(记者 周望舒)5月19日,东湖区全民健身月活动启动。" + LONG)
    pars = repair(text)
    assert pars[0].endswith("■本报记者 吴晓岚")
    assert pars[1] == "东湖区启动全民健身月活动"
    arts = ingest_text(text, source="x.txt").articles
    assert [a.kind for a in arts] == ["photo", "news"]
    assert arts[1].headline == "东湖区启动全民健身月活动"


def test_photo_credit_with_she_is_not_glued():
    text = ("5月20日,南河县城关镇的农户在大棚里采摘黄瓜,一派繁忙的丰收景象,今年全镇蔬菜种植面积达到两万亩(记者 吴晓岚 摄)\n\n"
            "南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,南河县召开春耕备耕工作会议。" + LONG)
    assert repair(text)[1] == "南河县召开春耕备耕工作会议"


def test_byline_paragraph_is_never_glued_onto_the_one_before():
    text = ("会议要求,各乡镇要抓好种子、化肥等农资供应,确保不误农时,全力以赴打好春耕生产这场硬仗\n\n"
            "本报讯(记者 周望舒)5月19日,东湖区全民健身月活动启动。" + LONG)
    assert len(repair(text)) == 2


def test_repeated_paragraph_is_kept_once():
    para = "韩思远表示,2024年,县农业农村局将坚持农业农村优先发展,努力推进农业强县建设,为乡村振兴作出新贡献。"
    text = f"南河县农业农村工作成绩亮眼\n\n本报讯(记者 钱立衡)5月20日,南河县召开新闻发布会。\n\n{para}\n\n{para}\n"
    pars = repair(text)
    assert pars.count(para) == 1
    art = ingest_text(text, source="x.txt").articles[0]
    assert art.text.count("韩思远表示") == 1


def test_short_repeated_lines_are_kept():
    """Short lines (a byline, a column label) may repeat legitimately on a page."""
    text = "两会进行时\n\n代表委员热议乡村振兴\n\n两会进行时\n\n代表委员热议营商环境"
    assert repair(text).count("两会进行时") == 2


def test_full_width_and_odd_spaces_are_normalised():
    assert normalise_chars("ＡＢＣ１２３，（记者　钱立衡）\u200b\r\n") == "ABC123,(记者 钱立衡)\n"


def test_text_is_kept_as_printed_beside_its_normalised_copy():
    """Issue: evidence is the paper's wording. Matching runs on a normalised copy of the same length."""
    page = ("好消息！青禾县新建口袋公园１２座\r\n\r\n"
            "　　本报讯（记者　林晓雯）５月８日，青禾县新建口袋公园１２座，市民休闲有了好去处。县长周立新表示：“要让群众满意。”\u200b\r\n")
    (art,) = ingest_text(page, source="qinghe-2024-05-08.txt").articles
    assert art.headline == "好消息!青禾县新建口袋公园12座"
    assert len(art.printed) == len(art.text)
    assert art.printed.startswith("好消息！青禾县新建口袋公园１２座\n本报讯（记者　林晓雯）５月８日，")
    source_lines = page.replace("\u200b", "").replace("\r\n", "\n").split("\n")
    for s in art.sentences:
        quote = art.printed_text(s.start, s.end)
        assert any(quote in line for line in source_lines), quote  # a quote is found in the source as printed
    at = art.text.index("周立新")
    assert art.printed_text(at, at + 3) == "周立新"


def test_graph_evidence_and_headline_are_as_printed():
    from rdflib import Graph
    from rdflib.namespace import RDF

    from kg.rdf.graph import article_graph
    from kg.rdf.namespaces import GK, SCHEMA

    (art,) = ingest_text("青禾县召开防汛工作会议（图）\n\n5月8日，青禾县召开防汛工作会议。", source="x-2024-05-08.txt").articles
    g: Graph = article_graph(art)
    (a,) = g.subjects(RDF.type, GK.Article)
    assert str(g.value(a, SCHEMA.headline)) == "青禾县召开防汛工作会议（图）"
    assert "5月8日，青禾县召开防汛工作会议。" in {str(g.value(s, GK.text)) for s in g.objects(a, GK.sentence)}


def test_long_first_line_with_commas_is_a_title_not_glued():
    title = "青禾县召开2024年防汛工作会议,全面部署防汛抗旱工作,确保全县人民群众生命财产安全和安全度汛"
    assert repair(title + "\n\n" + LONG) == [title, LONG]


WRAPPED = """青禾日报
2025年6月3日　星期二
第2版　要闻

全县秋粮收购工作会议召开
林志远出席并讲话

　　本报讯（记者 许诺 通讯员 文浩）
6月2日，青禾县召开全县秋粮收购工作会议，
总结上一阶段工作，部署下阶段任务。县委书
记林志远出席并讲话，县委副书记、县长赵明
亮主持，副县长周和
林通报有关情况。
　　会议指出，今年以来，全县上下认真落实
粮食安全责任制，秋粮收购工作进展顺利，累
计收购粮食十二万吨，占计划的七成以上。
第2版
2025年6月3日　青禾日报
　　林志远强调，各乡镇和县直有关部门要压实
责任，加强调度，确保颗粒归仓、农民满意。
　　林志远强调，各乡镇和县直有关部门要压实
责任，加强调度，确保颗粒归仓、农民满意。
责任编辑：王省吾
第2版　　责任编辑：王省吾　　版式设计：庹文
"""


def test_a_hard_wrapped_page_is_joined_back_into_paragraphs():
    """A page copied from a PDF, broken every N characters (names too): lines run on unless the next is
    indented, a credit line or the page's running head; the repeated paragraph is kept once."""
    pars = [str(p) for p in repair(WRAPPED)]
    body = "\n".join(pars)
    assert "县委书记林志远出席并讲话,县委副书记、县长赵明亮主持,副县长周和林通报有关情况。" in body
    assert "会议指出,今年以来,全县上下认真落实粮食安全责任制," in body
    assert sum(p.startswith("林志远强调") for p in pars) == 1
    for line in ("第2版", "2025年6月3日 青禾日报", "责任编辑:王省吾"):
        assert line in pars  # running heads and credits stay lines of their own, glued to nothing
    assert "全县秋粮收购工作会议召开" in pars and "林志远出席并讲话" in pars  # headlines are not joined


def test_a_hard_wrapped_page_gives_its_people_whole():
    from _kgtext import GK, build, labels

    g = build(WRAPPED, "宜昌市")
    officials = labels(g, GK.Official)
    assert {"林志远", "赵明亮", "周和林"} <= set(officials)
    assert set(labels(g, GK.Journalist)) == {"许诺", "文浩"}


def test_pages_with_lines_of_many_widths_are_not_rejoined():
    text = ("县委常委会召开会议\n本报讯(记者 许诺)6月2日,县委常委会召开会议。\n"
            "会议研究了秋粮收购工作。\n会议还研究了其他事项。\n林志远主持会议。\n赵明亮出席会议并讲话。")
    assert len(repair(text)) == 6
