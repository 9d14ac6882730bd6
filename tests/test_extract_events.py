"""Events (issue 5): inspection visits, meetings, press conferences, with dates, people, places, sites."""
from __future__ import annotations

import datetime as dt

import pytest

from _kgtext import GK, RDF, build, label, objs, of_type


def one(g, cls):
    (e,) = of_type(g, cls)
    return e


def who(g, e) -> set[str]:
    return {label(g, p) for p in objs(g, e, GK.participant)}


@pytest.fixture(scope="module")
def visit():
    return build("市委书记王建林到夷陵区调研\n\n本报讯(记者 黄晓燕)5月18日上午,市委书记王建林到夷陵区、宜都市"
                 "调研乡村振兴工作。他先后来到小溪塔街道敬老院,走进宜都市第一中学,察看五眼泉镇茶叶产业园。"
                 "陈思远、刘光明参加活动。", "宜昌市")


def test_inspection_visit(visit):
    g = visit
    e = one(g, GK.InspectionVisit)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 18)
    assert str(g.value(e, GK.partOfDay)) == "上午"
    assert who(g, e) == {"王建林", "陈思远", "刘光明"}
    assert {label(g, p) for p in objs(g, e, GK.place)} >= {"夷陵区", "宜都市"}


def test_visit_sites_in_order(visit):
    g = visit
    e = one(g, GK.InspectionVisit)
    assert {label(g, s) for s in objs(g, e, GK.site)} == {"小溪塔街道敬老院", "宜都市第一中学", "五眼泉镇茶叶产业园"}
    assert str(g.value(e, GK.siteOrder)) == "小溪塔街道敬老院 → 宜都市第一中学 → 五眼泉镇茶叶产业园"


def test_visit_sites_listed_after_one_verb():
    g = build("调研\n\n本报讯(记者 黄晓燕)5月18日,市委书记王建林到夷陵区调研。他先后来到小溪塔街道敬老院、"
              "宜都市第一中学、五眼泉镇茶叶产业园。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert len(objs(g, e, GK.site)) == 3


def test_meeting_with_organizer_and_participants():
    g = build("市政协召开常委会会议\n\n本报讯(记者 黄晓燕)5月16日,市政协召开十五届常委会会议。"
              "孙海涛、钱立群参加会议。", "宜昌市")
    e = one(g, GK.CongressSession)  # a session of the CPPCC's standing committee: a kind of gk:Meeting
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 16)
    assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市政协"]
    assert who(g, e) == {"孙海涛", "钱立群"}


def test_two_press_conferences_on_one_day_stay_two():
    text = ("乡村振兴专场\n\n本报讯(记者 黄晓燕)5月16日上午,市政府新闻办召开“走进新时代”主题新闻发布会乡村振兴专场,"
            "市农业农村局局长周文斌介绍了有关情况。\n\n"
            "城市建设专场\n\n本报讯(记者 郑红梅)5月16日上午,市政府新闻办召开“走进新时代”主题新闻发布会城市建设专场,"
            "市住房和城乡建设局局长孙建国介绍了有关情况。")
    g = build(text, "宜昌市")
    events = of_type(g, GK.PressConference)
    assert len(events) == 2
    assert {frozenset(who(g, e)) for e in events} == {frozenset({"周文斌"}), frozenset({"孙建国"})}
    for e in events:
        assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 16)
        assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市人民政府新闻办公室"]
    names = {str(g.value(e, GK.name)) for e in events}
    assert "“走进新时代”主题新闻发布会乡村振兴专场" in names


def test_event_without_date_gets_no_invented_date():
    g = build("专家研讨\n\n本报讯(记者 黄晓燕)市委书记王建林出席院士专家研讨会。", "宜昌市")
    assert list(g.subjects(GK.date, None)) == []


# -- issue 13: every kind, the lead of a headline-less item, inherited and future dates, one event per happening


def kinds(g) -> dict:
    """{event: class local name} of every event with a date."""
    return {e: str(g.value(e, RDF.type)).split("#")[1] for e in g.subjects(GK.date, None)}


def test_lead_sentence_of_a_headline_less_item_is_read():
    g = build("本报讯(记者 林晓)5月12日,市政府召开城市更新工作推进会,市长周明远出席并讲话。副市长陈思远主持会议。",
              "宜昌市")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 12)
    assert who(g, e) == {"周明远", "陈思远"}
    assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市人民政府"]
    assert str(g.value(e, GK.name)) == "城市更新工作推进会"


def test_chair_and_speakers_are_participants_too():
    g = build("本报讯 5月12日,市政府召开城市更新工作推进会,市长周明远出席并讲话。副市长陈思远主持会议。", "宜昌市")
    e = one(g, GK.Meeting)
    assert {label(g, p) for p in objs(g, e, GK.chair)} == {"陈思远"}
    assert {label(g, p) for p in objs(g, e, GK.speaker)} == {"周明远"}


def test_a_session_and_the_press_conference_after_it_are_two_events():
    g = build("人大常委会会议闭幕\n\n本报讯(记者 林晓)5月18日,市人大常委会召开第十二次会议,表决通过《宜昌市城市绿化条例》。"
              "市人大常委会主任王建林主持会议。在会后召开的新闻发布会上,市人大常委会法工委主任刘光明介绍了条例的主要内容。",
              "宜昌市")
    session, press = one(g, GK.CongressSession), one(g, GK.PressConference)
    assert who(g, session) == {"王建林"} and who(g, press) == {"刘光明"}
    assert g.value(press, GK.date).toPython() == dt.date(2024, 5, 18)  # inherited from the lead
    assert [label(g, o) for o in objs(g, session, GK.organizer)] == ["宜昌市人大常委会"]


def test_the_same_event_told_twice_is_one():
    g = build("发布会\n\n本报讯 5月16日上午,市政府新闻办召开城市建设专场新闻发布会,市住建局局长孙建国介绍有关情况。"
              "记者了解到,全市新开工保障性住房3000套。5月16日上午的发布会上,市自然资源局局长周文斌回答了记者提问。",
              "宜昌市")
    e = one(g, GK.PressConference)
    assert who(g, e) == {"孙建国", "周文斌"}


def test_sentences_without_a_date_inherit_the_last_stated_one():
    g = build("王建林调研\n\n5月18日上午,市委书记王建林到夷陵区调研。中午12时,王建林在夷陵区主持召开座谈会。", "宜昌市")
    visit, meeting = one(g, GK.InspectionVisit), one(g, GK.Meeting)
    assert g.value(meeting, GK.date).toPython() == dt.date(2024, 5, 18)
    assert {label(g, p) for p in objs(g, meeting, GK.chair)} == {"王建林"}
    assert visit != meeting


def test_same_day_relative_date_and_two_bodies_meetings_stay_two():
    g = build("会议\n\n5月8日上午,市政府召开协调会,副市长陈思远出席。当日下午,夷陵区委召开紧急会议,区委书记刘光明主持。",
              "宜昌市")
    meetings = of_type(g, GK.Meeting)
    assert len(meetings) == 2
    assert {g.value(e, GK.date).toPython() for e in meetings} == {dt.date(2024, 5, 8)}
    assert {frozenset(who(g, e)) for e in meetings} == {frozenset({"陈思远"}), frozenset({"刘光明"})}


def test_a_future_date_stays_in_the_future_and_marks_the_event_planned():
    g = build("开工准备\n\n5月28日,市长周明远主持召开专题会议,研究开工准备工作。该工程计划于本月29日举行开工仪式,"
              "市长周明远、副市长陈思远出席。", "宜昌市", source="x-2024-05-28.txt")
    e = one(g, GK.Groundbreaking)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 29)
    assert g.value(e, GK.planned).toPython() is True
    assert g.value(one(g, GK.Meeting), GK.planned) is None


def test_an_old_date_keeps_its_year():
    g = build("回顾\n\n2023年12月30日,市委召开常委会会议,市委书记王建林主持会议。", "宜昌市")
    assert g.value(one(g, GK.Meeting), GK.date).toPython() == dt.date(2023, 12, 30)


def test_people_whose_words_are_relayed_did_not_attend():
    g = build("常委会\n\n5月18日,市委常委会召开会议,传达学习省委书记林志远在全省工作会议上的讲话精神。"
              "市委书记王建林主持会议。", "宜昌市")
    e = one(g, GK.Meeting)
    assert who(g, e) == {"王建林"}
    assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市委"]


def test_an_election_in_a_session_is_part_of_the_session():
    g = build("人代会\n\n5月18日上午,宜都市第十届人民代表大会第三次会议第二次全体会议开幕。宜都市人大常委会主任陈思远主持会议。"
              "副市长林志远当选宜都市人民政府市长。", "宜昌市")
    assert set(kinds(g).values()) == {"CongressSession"}
    assert who(g, one(g, GK.CongressSession)) == {"陈思远", "林志远"}


def test_signing_with_a_company_chairman():
    g = build("签约\n\n5月18日,宜昌市人民政府与云帆科技有限公司签约仪式在宜昌举行。市长周明远、云帆科技有限公司董事长林志远"
              "出席并致辞。", "宜昌市")
    e = one(g, GK.SigningCeremony)
    assert who(g, e) == {"周明远", "林志远"}
    assert [label(g, o) for o in objs(g, e, GK.organizer)] == ["宜昌市人民政府"]


@pytest.mark.parametrize("sentence, kind", [
    ("5月18日,市政府召开第36次常务会议,市长周明远主持会议。", "Meeting"),
    ("5月18日,全市安全生产工作会议召开,市长周明远出席会议并讲话。", "Meeting"),
    ("5月18日,全市优化营商环境动员大会召开,市长周明远出席并讲话。", "Meeting"),
    ("5月18日,市政协召开民营经济发展座谈会,市政协主席周明远主持。", "Meeting"),
    ("5月18日,市委理论学习中心组举行集体学习,市委书记周明远主持并讲话。", "StudySession"),
    ("5月18日,宜都市第十届人民代表大会第三次会议开幕,宜都市人大常委会主任周明远主持。", "CongressSession"),
    ("5月18日,市委书记周明远到夷陵区督导防汛工作。", "InspectionVisit"),
    ("5月18日,市委书记周明远带队观摩夷陵区重点项目建设。", "InspectionVisit"),
    ("5月18日,市委书记周明远到宜都市视察。", "InspectionVisit"),
    ("5月16日,市政府新闻办举行城市建设专场发布会,市住建局局长周明远介绍有关情况。", "PressConference"),
    ("5月18日,宜昌(深圳)招商推介会在深圳举行,市长周明远出席推介会并致辞。", "PromotionMeeting"),
    ("5月18日,云帆新材料产业园竣工投产仪式在宜都市举行,市长周明远宣布项目竣工投产。", "Completion"),
    ("5月18日,全市二季度重大项目集中开工仪式在宜都市举行,市长周明远宣布开工。", "Groundbreaking"),
    ("5月18日,市长周明远会见云帆科技有限公司董事长林志远一行。", "Meeting"),
    ("5月18日,市委常委会召开会议,市委书记周明远主持。", "Meeting"),
    ("5月18日,市委理论学习中心组召开学习会,市委书记周明远主持。", "StudySession"),
    ("5月18日,政协宜昌市第十届委员会第三次会议举行全体会议,市政协主席周明远主持。", "CongressSession"),
    ("5月18日,市委书记周明远到夷陵区检查安全生产工作。", "InspectionVisit"),
    ("5月18日,市委书记周明远到远安县考察。", "InspectionVisit"),
    ("5月18日,市长周明远当选省人大代表。", "Election"),
])
def test_every_kind(sentence, kind):
    g = build("标题\n\n" + sentence, "宜昌市")
    assert list(kinds(g).values()) == [kind]


def test_ontology_puts_the_kinds_in_one_hierarchy():
    from pathlib import Path

    from rdflib import Graph
    from rdflib.namespace import RDFS

    onto = Graph().parse(Path(__file__).resolve().parent.parent / "ontology/govkg.ttl")

    def supers(cls) -> set:
        return set(onto.transitive_objects(GK[cls], RDFS.subClassOf))

    for cls in ("CongressSession", "StudySession", "Forum", "PromotionMeeting"):
        assert GK.Meeting in supers(cls), cls
    for cls in ("SigningCeremony", "Groundbreaking", "Completion"):
        assert GK.Ceremony in supers(cls) and GK.Meeting not in supers(cls), cls
    assert GK.InvestmentPromotion in supers("PromotionMeeting") and GK.Training in supers("StudySession")
    assert GK.Meeting not in supers("PressConference")
    for cls in ("InspectionVisit", "Meeting", "PressConference", "Ceremony", "Training", "Election", "Appointment",
                "InvestmentPromotion"):
        assert GK.Event in supers(cls), cls


def test_venue_and_relayed_meeting_words_make_no_event():
    g = build("标题\n\n5月18日,市长周明远在市民服务中心会议室接待来访群众。", "宜昌市")
    assert kinds(g) == {}


def test_a_meeting_of_the_visit_is_part_of_the_visit():
    g = build("调研\n\n5月12日,市委书记王建林到夷陵区调研防汛工作。随后,王建林主持召开调研座谈会,副市长刘光明参加。",
              "宜昌市")
    assert set(kinds(g).values()) == {"InspectionVisit"}
    assert who(g, one(g, GK.InspectionVisit)) == {"王建林", "刘光明"}


def test_a_wire_story_dates_its_events_by_its_dateline():
    g = build("新华社北京5月12日电 国务院总理周文山主持召开国务院常务会议,研究部署防汛工作。", source="x-2024-05-13.txt")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 12)
    assert str(g.value(e, GK.name)) == "国务院常务会议"


def test_an_event_the_text_calls_local_is_in_the_home_division():
    g = build("园区开工\n\n5月12日下午,青溪产业园第二批重点项目开工仪式举行。州委书记王建林讲话,州长刘光明主持。"
              "该园区位于黔南州,是我州重点产业平台。", "黔南布依族苗族自治州")
    e = one(g, GK.Groundbreaking)
    assert [label(g, p) for p in objs(g, e, GK.place)] == ["黔南布依族苗族自治州"]


def test_a_ceremony_named_in_a_later_sentence_is_its_own_event():
    g = build("园区开工\n\n5月12日下午,青溪产业园第二批重点项目开工仪式举行。州委书记王建林讲话。王建林表示,将认真落实省长刘光明"
              "在科技馆竣工投用仪式上的讲话精神。", "黔南布依族苗族自治州")
    assert sorted(kinds(g).values()) == ["Completion", "Groundbreaking"]
    assert who(g, one(g, GK.Completion)) == {"刘光明"}
    assert who(g, one(g, GK.Groundbreaking)) == {"王建林"}


def test_a_meeting_told_again_after_a_background_date_is_the_same_meeting():
    g = build("大会\n\n本报讯(记者 林晓)5月18日上午,全市优化营商环境大会召开。市委书记王建林出席会议并讲话,市长周明远主持会议。"
              "王建林指出,今年3月8日,市政府出台了十条措施。会议表彰了先进单位。市领导陈思远、刘光明出席会议。", "宜昌市")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 18)
    assert who(g, e) == {"王建林", "周明远", "陈思远", "刘光明"}


def test_a_date_whose_clause_says_will_is_ahead():
    g = build("大会\n\n据悉,5月25日,我市还将举办第五届投资贸易洽谈会,届时副市长陈思远出席洽谈会。", "宜昌市")
    e = one(g, GK.PromotionMeeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 25)
    assert g.value(e, GK.planned).toPython() is True


def test_a_briefing_speaking_of_a_session_stays_the_briefing():
    g = build("见面\n\n5月18日上午,市人民代表大会第三次会议第二次全体会议开幕,林志远当选市长,市人大常委会主任王建林主持会议。"
              "会后,新一届市政府领导班子在市民中心与中外记者见面。市长林志远说,昨天结束的大会选出了新的政府班子,"
              "副市长陈思远、刘光明也在这里。", "宜昌市")
    session, press = one(g, GK.CongressSession), one(g, GK.PressConference)
    assert {"陈思远", "林志远"} <= who(g, press)
    assert "陈思远" not in who(g, session)


def test_places_a_visit_goes_to_in_order():
    g = build("调研\n\n5月12日,市委书记王建林到夷陵区、远安县调研。在远安县,王建林来到鸣凤镇。随后,王建林前往宜都市,"
              "深入五眼泉镇察看茶叶产业。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert str(g.value(e, GK.placeOrder)) == "夷陵区 → 远安县 → 鸣凤镇 → 宜都市 → 五眼泉镇"
    assert {label(g, p) for p in objs(g, e, GK.place)} == {"夷陵区", "远安县", "鸣凤镇", "宜都市", "五眼泉镇"}


def test_every_speaker_of_a_list_is_a_speaker():
    g = build("发布会\n\n5月16日,市政府新闻办召开新闻发布会,市教育局局长孙建国、市卫健委主任林志远介绍有关情况。", "宜昌市")
    e = one(g, GK.PressConference)
    assert {label(g, p) for p in objs(g, e, GK.speaker)} == {"孙建国", "林志远"}


def test_a_visit_asked_for_is_no_visit():
    g = build("部署\n\n5月12日上午,市委书记王建林得知情况后,立即责成相关单位开展专项调研,尽快解决实际问题。", "宜昌市")
    assert kinds(g) == {}


def test_the_body_whose_meeting_it_is_organizes_it():
    g = build("常委会\n\n2023年12月30日,我市召开市委常委会扩大会议,市委书记王建林主持会议。", "宜昌市")
    assert [label(g, o) for o in objs(g, one(g, GK.Meeting), GK.organizer)] == ["宜昌市委"]


def test_leaders_whose_guidance_is_invoked_are_not_participants():
    g = build("发布会\n\n5月16日,市政府新闻办召开新闻发布会。市长周明远介绍,全市坚持以林志远同志为核心的领导班子部署,"
              "认真落实省委书记刘光明作出的重要指示批示。", "宜昌市")
    assert who(g, one(g, GK.PressConference)) == {"周明远"}


def test_a_hall_before_a_verb_is_no_organizer():
    g = build("会见\n\n5月18日下午,市委书记王建林在市民服务中心会见云帆科技有限公司董事长林志远一行。", "宜昌市")
    assert objs(g, one(g, GK.Meeting), GK.organizer) == []


def test_the_days_of_a_visit_told_as_a_range_are_one_visit():
    g = build("调研\n\n5月8日至9日,市委书记王建林到夷陵区调研。8日下午,王建林来到鸣凤镇,镇长陈思远陪同。"
              "9日,王建林深入五眼泉镇,副市长刘光明陪同。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert who(g, e) == {"王建林", "陈思远", "刘光明"}
    assert str(g.value(e, GK.placeOrder)) == "夷陵区 → 鸣凤镇 → 五眼泉镇"


def test_what_happens_at_the_event_told_is_part_of_it():
    g = build("推介\n\n5月11日上午,宜昌(深圳)招商推介会在深圳举行。市长周明远出席推介会并致辞。会上,副市长陈思远出席签约仪式。",
              "宜昌市")
    assert set(kinds(g).values()) == {"PromotionMeeting"}
    assert who(g, one(g, GK.PromotionMeeting)) == {"周明远", "陈思远"}


def test_a_delegation_visit_with_its_hosts():
    g = build("考察\n\n5月8日,外地考察团到宜都市考察,副市长陈思远陪同。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert who(g, e) == {"陈思远"} and [label(g, p) for p in objs(g, e, GK.place)] == ["宜都市"]


def test_a_campaign_by_a_bureau_is_no_visit():
    assert kinds(build("检查\n\n5月8日,市场监管局开展食品安全检查,局长陈思远表示将严查。市纪律检查委员会通报了情况。",
                       "宜昌市")) == {}


def test_a_date_after_the_meeting_it_dates():
    g = build("会议\n\n全市安全生产工作会议于5月8日召开,市长周明远出席并讲话。", "宜昌市")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 8)
    assert str(g.value(e, GK.name)) == "全市安全生产工作会议"


def test_one_happening_reported_in_two_articles_of_a_page_is_one_event():
    page = ("王建林到夷陵区调研防汛工作\n\n本报讯(记者 林晓)5月18日上午,市委书记王建林到夷陵区调研防汛工作。副市长陈思远陪同调研。\n\n"
            "全市防汛工作会议召开\n\n本报讯(记者 张伟)5月18日下午,全市防汛工作会议召开。市长周明远出席会议并讲话。\n\n"
            "防汛一线看落实\n\n本报讯(记者 赵敏)5月18日上午,市委书记王建林在夷陵区检查防汛工作时强调,要压实责任。"
            "市领导刘光明陪同。")
    g = build(page, "宜昌市")
    visit = one(g, GK.InspectionVisit)
    assert who(g, visit) == {"王建林", "陈思远", "刘光明"}
    assert len(objs(g, visit, GK.mentionedIn)) == 2
    assert len(of_type(g, GK.Meeting)) == 1


def test_trigger_words_of_elections_and_appointments():
    from kg.extract.events import find_triggers

    assert [(w, c) for _, w, c in find_triggers("林志远当选市长,决定任命陈思远为局长")] == [
        ("当选", "Election"), ("任命", "Appointment")]


def test_a_day_someone_speaks_of_is_no_new_event():
    g = build("发布会\n\n5月16日,市政府新闻办召开新闻发布会。市农业农村局局长周文斌介绍,5月8日,全市召开了春耕生产推进会,"
              "市长周明远出席。", "宜昌市")
    assert set(kinds(g).values()) == {"PressConference"}


def test_a_quoted_name_is_the_event_s_name():
    g = build("发布会\n\n5月16日,市商务局和市政府新闻办共同举办“外贸稳增长专题新闻发布会”。市商务局局长孙建国"
              "在会上通报有关情况。", "宜昌市")
    e = one(g, GK.PressConference)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 16) and who(g, e) == {"孙建国"}


def test_a_weekday_dates_the_event():
    g = build("常委会\n\n上周五,市委召开常委会会议,市委书记王建林主持会议。", "宜昌市", source="x-2024-05-22.txt")
    assert g.value(one(g, GK.Meeting), GK.date).toPython() == dt.date(2024, 5, 17)


def test_a_clause_about_someone_is_no_event_name():
    g = build("学习会\n\n5月12日上午,市委理论学习中心组召开专题学习会,市委书记王建林主持会议。会上,市委常委、秘书长周明远"
              "领学了全会公报。", "宜昌市")
    e = one(g, GK.StudySession)
    assert g.value(e, GK.name) is None or "领学" not in str(g.value(e, GK.name))
    assert set(kinds(g).values()) == {"StudySession"}


def test_a_session_s_full_name_and_those_who_answer_questions():
    g = build("常委会\n\n5月21日,市十六届人大常委会第二十次会议举行第二次全体会议。市人大常委会主任王建林主持会议。", "宜昌市",
              source="x-2024-05-22.txt")
    assert str(g.value(one(g, GK.CongressSession), GK.name)) == "市十六届人大常委会第二十次会议"
    g = build("发布会\n\n5月20日上午,市政府新闻办召开新闻发布会,市教育局局长孙建国、市卫健委主任林志远回答了记者提问。",
              "宜昌市", source="x-2024-05-22.txt")
    assert {label(g, p) for p in objs(g, one(g, GK.PressConference), GK.speaker)} == {"孙建国", "林志远"}


def test_who_the_headline_names_at_the_event():
    g = build("市长周明远出席全市安全生产工作会议\n\n本报讯 5月8日,全市安全生产工作会议召开。会议强调,要压实安全生产责任。",
              "宜昌市")
    assert who(g, one(g, GK.Meeting)) == {"周明远"}


def test_a_second_item_inside_an_article_inherits_nothing():
    g = build("短讯\n\n本报讯 5月12日,市政府召开城市更新工作推进会,市长周明远出席并讲话。\n"
              "本报讯 日前,全市防汛工作会议召开,副市长陈思远出席会议。", "宜昌市")
    (e,) = of_type(g, GK.Meeting)
    assert who(g, e) == {"周明远"}


def test_the_page_date_and_the_kicker_start_no_event_of_their_own():
    g = build("云溪日报\n2024年5月22日 星期三\n\n王建林在两镇调研时强调\n做优做强茶产业\n\n"
              "本报讯(记者 林晓雯)5月20日,市委书记王建林深入两镇调研。\n\n王建林强调,要推动茶旅融合。", "宜昌市",
              source="x-2024-05-22.txt")
    visits = [e for e in g.subjects(RDF.type, GK.InspectionVisit)]
    assert [g.value(e, GK.date).toPython() for e in visits] == [dt.date(2024, 5, 20)]


def test_a_contest_opened_by_an_official_and_a_consultation_meeting_are_events():
    g = build("大赛\n\n5月20日,全县春茶采摘技能大赛在茶叶交易市场开赛。副县长王建林出席开幕式并宣布开赛。\n\n"
              "当天下午,王建林主持召开防汛会商会,听取气象部门汇报。", "宜昌市", source="x-2024-05-22.txt")
    assert {k for k in kinds(g).values()} >= {"Competition", "Meeting"}


def test_today_in_an_item_filed_the_day_before_printing_is_the_day_it_was_filed():
    g = build("常务会议\n\n本报5月20日讯(记者 林晓雯)今天,市长王建林主持召开市政府常务会议。", "宜昌市",
              source="x-2024-05-21.txt")
    assert [g.value(e, GK.date).toPython() for e in g.subjects(RDF.type, GK.Meeting)] == [dt.date(2024, 5, 20)]


def test_a_plenary_session_dated_in_the_clause_that_says_it_was_held():
    g = build("全会\n\n本报讯 中国共产党宜昌市第四届委员会第九次全体会议,于5月20日在宜昌举行。市委书记王建林作工作报告。",
              "宜昌市", source="x-2024-05-22.txt")
    assert [g.value(e, GK.date).toPython() for e in g.subjects(GK.date, None)] == [dt.date(2024, 5, 20)]


def test_the_day_a_reporter_learnt_of_a_case_and_a_named_speech_are_no_events():
    g = build("执法\n\n本报讯(记者 林晓雯)5月20日,记者从市市场监督管理局获悉,该局近日查处一宗案件。执法人员对车间进行检查。"
              "\n\n5月21日,县委理论学习中心组举行集中学习,深入学习总书记视察湖北重要讲话精神。县委书记王建林主持。",
              "宜昌市", source="x-2024-05-22.txt")
    assert set(kinds(g).values()) == {"StudySession"}


def test_an_event_held_with_no_one_in_its_sentence_takes_the_speakers_after():
    """"5月15日,…新闻发布会如期举行。…副市长甲介绍…乙回答…": the sentence that says it was held names no one;
    the people who speak at it later are its participants, and the event keeps its day."""
    g = build("云溪新闻\n\n本报讯 5月15日,天气晴好。市政府新闻办新闻发布会如期举行。会场座无虚席。"
              "10时,发布会正式开始。副市长林志远介绍了全市经济运行情况。市统计局局长赵明亮回答记者提问。", "宜昌市")
    e = one(g, GK.PressConference)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 15)
    assert {"林志远", "赵明亮"} <= who(g, e)


def test_an_event_said_to_be_held_but_naming_no_one_anywhere_is_no_event():
    g = build("云溪新闻\n\n本报讯 5月15日,全市安全生产工作会议如期举行。会议总结了上半年工作。", "宜昌市")
    assert not of_type(g, GK.Meeting) and not of_type(g, GK.Event)


def test_more_meeting_words_and_leaders_who_follow_a_meeting_by_video():
    """"…工作安排会" is a meeting; "副县长甲…在县政府会议室收听收看" took part in a meeting held elsewhere."""
    g = build("云溪新闻\n\n本报讯 5月15日,我县召开护林防火工作安排会。副县长林志远出席。", "宜昌市")
    assert "林志远" in who(g, one(g, GK.Meeting))
    g = build("云溪新闻\n\n本报讯 5月15日,全市安全生产工作会议召开。副县长赵明亮,各乡镇负责人在县政府会议室收听收看。", "宜昌市")
    assert "赵明亮" in who(g, one(g, GK.Meeting))


def test_a_day_alone_is_of_the_month_told_before_it():
    """"5月12日至13日,…来我市考察,并于13日上午参加座谈会。市委书记甲出席座谈会": the meeting is on the 13th of May,
    not on the 13th of the month before publication, nor on the 12th."""
    g = build("云溪新闻\n\n本报讯 5月12日至13日,26所高校的负责人来我市参观考察,并于13日上午,参加高校毕业生就业座谈会。"
              "市委书记林志远出席座谈会并讲话。", "宜昌市")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 13)
    assert "林志远" in who(g, e)


def test_a_visiting_group_as_subject_and_the_leaders_who_accompany_it():
    """"X市党政考察团一行来我县考察。我县领导甲、乙…陪同": a visit whose visitors are a group; the named hosts take part."""
    g = build("云溪新闻\n\n本报讯 5月15日,青禾市党政考察团一行来我县考察。县领导林志远、赵明亮及县发改局负责人陪同。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 5, 15) and {"林志远", "赵明亮"} <= who(g, e)


def test_a_web_pages_facts_line_and_original_headline_start_no_event():
    """"发布时间:2024年05月20日 …" and "原标题:…开工仪式…" over the body: the day of posting is no event's; the
    ceremony is the one the body dates ("昨日上午")."""
    g = build("云溪新闻\n\n青禾举行重大项目集中开工仪式\n发布时间:2024年05月20日 14:16:00  来源: 云溪网\n"
              "原标题:青禾举行重大项目集中开工仪式 林志远宣布项目开工\n昨日上午,青禾县举行重大项目集中开工仪式,"
              "县委书记林志远宣布项目开工。", "宜昌市")
    dates = {g.value(e, GK.date).toPython() for e in of_type(g, GK.Groundbreaking)}
    assert dates == {dt.date(2024, 5, 19)}


def test_a_team_led_by_named_leaders_that_comes_to_supervise_and_inspect():
    """"以省委常委、省纪委书记甲为组长,…乙为副组长的省委督查组来我市,专项督促检查…": a visit, with both leaders, and
    甲 keeps his 省委常委 after 以."""
    g = build("云溪新闻\n\n本报讯 5月15日,以省委常委、省纪委书记林志远为组长,省政协副主席赵明亮为副组长的省委督查组来我市,"
              "专项督促检查重点工作落实情况。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert {"林志远", "赵明亮"} <= who(g, e)
    lin = next(o for o in of_type(g, GK.Official) if label(g, o) == "林志远")
    assert "湖北省委" in {label(g, g.value(p, GK.postIn)) for p in objs(g, lin, GK.holds)}


def test_a_sessions_press_conference_is_a_press_conference():
    """"省政协十二届五次会议新闻发布会在太原召开": the press conference of the session, not the session itself."""
    g = build("云溪新闻\n\n本报讯 5月15日,省政协十二届五次会议新闻发布会召开,介绍会议筹备情况。省政协副主席、大会秘书长"
              "林志远出席会议并讲话。", "太原市")
    e = one(g, GK.PressConference)
    assert "林志远" in who(g, e)
    assert not of_type(g, GK.CongressSession)


def test_a_visit_a_body_organizes_takes_the_leaders_named_after():
    """"市政协组织全体委员开展集中视察活动。…以市政协副主席甲为团长的视察团实地视察了…": one visit, 甲 in it."""
    g = build("云溪新闻\n\n本报讯 5月15日,市政协组织全体委员开展年度集中视察活动。以市政协副主席林志远为团长的视察团"
              "实地视察了青禾镇。各委员边视察、边思考。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert "林志远" in who(g, e) and not {"边视察", "边思考"} & who(g, e)


def test_a_group_told_as_one_party_after_the_sentence_that_names_its_leader():
    # the first sentence names no event word; the visit is told by "…一行察看", its leader named before
    g = build("安全检查\n\n1月30日,副市长林志远带领市府办、民政局等部门人员到青禾镇开展安全生产大排查活动。"
              "当天,市领导一行先后察看了青禾镇敬老院、枫林水库。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 1, 30)
    assert who(g, e) == {"林志远"}


def test_a_group_with_no_leader_named_before_is_no_visit():
    assert kinds(build("检查\n\n1月30日,青禾镇开展安全生产大排查活动。当天,检查组一行先后察看了敬老院。", "宜昌市")) == {}


def test_a_compact_date_range_dates_the_event_from_its_first_day():
    g = build("调研\n\n3月21~27日,市政协副主席林志远带队,先后赴宜都市、枝江市调研。", "宜昌市")
    e = one(g, GK.InspectionVisit)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 3, 21)
    assert who(g, e) == {"林志远"}


def test_a_chronicle_dates_its_items_by_its_month_and_day_headings():
    page = ("大事记\n\n(2024年3月)\n\n5日\n\n全市春季植树动员大会召开。市长林志远出席并讲话。\n\n"
            "△ 副市长赵明亮到枝江市调研春耕生产。\n\n12日,市委书记许宇到宜都市督导检查安全生产工作。")
    g = build(page, "宜昌市")
    dates = [g.value(e, GK.date).toPython() for e in kinds(g)]
    assert sorted(dates) == [dt.date(2024, 3, 5), dt.date(2024, 3, 5), dt.date(2024, 3, 12)]
    visits = of_type(g, GK.InspectionVisit)
    assert {frozenset(who(g, v)) for v in visits} == {frozenset({"赵明亮"}), frozenset({"许宇"})}


def test_a_leader_joining_a_delegation_s_deliberation_is_a_meeting():
    g = build("两会\n\n本报讯 1月12日,市政协主席林志远来到枝江市代表团,与代表们共同审议政府工作报告。"
              "会议审议通过了选举办法。", "宜昌市")
    e = one(g, GK.Meeting)
    assert g.value(e, GK.date).toPython() == dt.date(2024, 1, 12) and who(g, e) == {"林志远"}
