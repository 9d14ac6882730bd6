"""The words of events: which word names which kind, and the phrases around it that tell how to read it.

kg/extract/events.py reads articles with these: ``find_triggers`` finds the event words of
kg/data/event_triggers.txt ("座谈会" -> Meeting, "调研" -> InspectionVisit); the patterns say when
a date is no event's ("截至3月8日"), when a word is no event ("会议中心", "要求…进行调研"), who chairs
or speaks, and which kinds may be one happening told twice (``same_kind``).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

HOLD_VERBS = ("召开", "举行", "举办", "主办", "组织", "开展", "承办")
NAME_AFTER = ("出席", "参加", "主持", "列席", "见证", "迎来", "观摩", "在")  # "…出席开工仪式": the name follows
PERSON_KINDS = ("Official", "Person")
DIVISION_KINDS = {"Place", "AdministrativeDivision", "Country", "Province", "Prefecture", "County", "Township",
                  "Village"}
SITE_KINDS = {"Site", "DevelopmentZone"}
BODY_KINDS = ("Agency", "Company")
# What people do at an event: in a sentence after it, a person doing one of these took part.
ACTS = re.compile(r"说|表示|强调|指出|介绍|要求|希望|认为|提出|建议|致辞|讲话|发言|主持|陪同|出席|参加|列席|宣布|见证"
                  r"|代表|签约|签字|签署|签订|汇报|发布|通报|解读|回答|答记者问|报告|部署|总结|宣读|揭牌|调研|视察|考察"
                  r"|察看|查看|来到|走进|深入|看望|慰问|听取|了解|肯定|当选|任命|培土|会见|会谈|交流|座谈|到|进行|培训"
                  r"|授课|辅导|解答|答疑|作了|参观|与会|收听收看|收看|列席")
CHAIR = re.compile(r"^(?:、[^,，。;；、]{1,12})*[^,，。;；、]{0,6}?主持")
SPEAK = re.compile(r"^[^,，。;；]{0,30}?(?:讲话|致辞|发言|介绍|发布|解读|答记者问|回答|作.{0,10}报告|通报)")
# "传达学习…的讲话精神": people named there did not take part.
RELAYED = re.compile(r"(?:传达|学习|贯彻|落实|领会)[^,，。;；]*$")
# A new event told without a date of its own: "在…发布会上", "出席…仪式", "召开…会议".
TAKES_PLACE_BEFORE = re.compile(r"(?:在|于)[^,，。;；]{0,30}$|(?:出席|参加|主持|召开|举行|举办|列席|见证|参观|观摩|进行)"
                                r"[^,，。;；]{0,30}$")
ACCOMPANY = re.compile(r"^(?:、[^,，。;；、]{1,12})*[^,，。;；、]{0,6}?(?:陪同|一同|随同|参加)")  # "…考察,副市长X陪同"
REPORTED = re.compile(r"(?:说|表示|指出|强调|认为|提到|介绍)[,，:：]")  # "X说,…": reported speech follows
AT_CURRENT = re.compile(r"(?:会上|会议上|仪式上|活动上|现场|期间)")
TAKES_PLACE_AFTER = re.compile(r"^[^,，。;；]{0,20}?(?:上|中|期间|现场|时|后)")
# "…新闻发布会如期举行", "…座谈会在京召开": the sentence says it was held, whoever is named after
HELD_AFTER = re.compile(r"^[^,，。;；将拟]{0,12}?(?:举行|召开|开幕|举办)(?:[。！!]|$)")
# Dates that are no event's: ends of ranges, deadlines, time spans, printing lines.
NOT_EVENT_DATE_BEFORE = re.compile(r"(?:至|到|—|-|~|～|截至|截止|直到)$")
FUTURE_IN_CLAUSE = re.compile(r"将|拟|计划|预计|即将|定于|准备")
NOT_EVENT_DATE_AFTER = re.compile(r"^(?:以来|起|开始|前(?!往)|之前|以前|后|之后|以后|止|为止|截止|\s*第?\s*\d*\s*版|电"
                                  r"|[,，]\s*记者(?:从|在|向)?[^,，。]{0,24}(?:获悉|了解到|得知))")  # the day a reporter learnt it
GUIDANCE = re.compile(r"^(?:同志)?(?:总书记)?(?:为核心|[^,，。;；]*?(?:重要指示|指示批示|重要批示|重要讲话|讲话精神|重要论述|"
                      r"殷殷嘱托|新时代中国特色社会主义思想))")
# "责成相关单位开展专项调研", "部署各地召开会议": asked for, not held.
INSTRUCTED = re.compile(r"(?:要求|责成|安排|督促|指示|部署|号召|希望|指导)[^,，。;；]*$")
# "会议中心" is a venue, "会议精神" what a meeting said, "调研员" a rank: no event there.
NOT_EVENT_AFTER = re.compile(r"(?:中心|室|厅|楼|馆|纪要|精神|材料|议程|公报|决定|员|组|团|局|办|处|科|费|准备|率|手续|许可|条件|"
                             r"方案|[^,，。;；的]{0,6}(?:重要讲话|讲话精神|重要指示))")  # "视察某地重要讲话精神": a speech named
NOUN_EVENT = re.compile(r"(?:会|会议|仪式|论坛|峰会|班|活动)$")
VERB_CLASSES = {"InspectionVisit", "InvestmentPromotion"}  # someone does these: the actor comes first
JOINS_SESSION = {"Election", "Appointment"}
NUM = "[一二三四五六七八九十百零〇\\d]+"
SESSION = re.compile(  # "市十四届人大常委会第九次会议", "政协十二届三次会议", "市政协召开十二届常委会会议", "党代会"
    rf"(?:人民代表大会|人大|政协)(?:常委会|常务委员会)?(?:召开|举行)?(?:第?{NUM}届)?(?:常委会|常务委员会)?"
    rf"(?:第?{NUM}次)?(?:全体会议|会议)"
    rf"|政协[^,，。;；]{{0,10}}?委员会第?{NUM}次(?:全体)?会议"
    rf"|党代会|党的?第?{NUM}次代表大会|共产党[^,，。]{{0,10}}?第{NUM}次代表大会|代表大会第?{NUM}次会议")
# "本报讯(记者 张三)", "新华社北京5月8日电": what opens a lead before its own words.
DATELINE = re.compile(r"^[^,，。]{0,30}?(?:讯|电)\s*(?:[(（][^)）]{0,30}[)）])?\s*")


@cache
def triggers() -> tuple[tuple[str, str], ...]:
    """(word, class) pairs, longest word first."""
    text = resources.files("kg").joinpath("data", "event_triggers.txt").read_text(encoding="utf-8")
    pairs = [tuple(line.split("\t")[:2]) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def _trigger_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w, _ in triggers()))


@cache
def _trigger_class() -> dict[str, str]:
    return dict(triggers())


def find_triggers(text: str) -> list[tuple[int, str, str]]:
    """(offset, word, class) of every event word in ``text``, left to right, longest at each place."""
    cls = _trigger_class()
    return [(m.start(), m.group(0), cls[m.group(0)]) for m in _trigger_re().finditer(text)]


def clause_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` around offset ``at`` (between ,，;；。)."""
    a = max((text.rfind(c, start, at) for c in ",，;；。"), default=-1)
    a = start if a < start else a + 1
    ends = [i for i in (text.find(c, at, end) for c in ",，;；。") if i != -1]
    return a, min(ends) if ends else end


LOCAL = re.compile(r"[我全本](?:省|市|州|盟|县|区|旗)")


def family(cls: str) -> str:
    """The general kind: a session or a 推介会 is a meeting, a signing or groundbreaking a ceremony."""
    return {"CongressSession": "Meeting", "StudySession": "Meeting", "PromotionMeeting": "Meeting",
            "Forum": "Meeting", "SigningCeremony": "Ceremony", "Groundbreaking": "Ceremony",
            "Completion": "Ceremony"}.get(cls, cls)


GENERIC_WORDS = ("会议", "大会", "会", "仪式", "活动")


def distinct_words(a: str, b: str) -> bool:
    """Two names of events that cannot be one: both say what kind of event, and differently."""
    if a == b or not (NOUN_EVENT.search(a) and NOUN_EVENT.search(b)) or a.endswith(b) or b.endswith(a):
        return False  # "城市建设专场新闻发布会" and later "发布会": the one told again
    return a not in GENERIC_WORDS and b not in GENERIC_WORDS


def same_kind(told: str, cls: str) -> bool:
    """Whether an event told as ``told`` may be the one a sentence calls ``cls``: the same kind, or one
    of them the general word ("会议" for a 座谈会, "仪式" for a 签约仪式)."""
    if told == cls:
        return True
    return (cls in ("Meeting", "Ceremony") and family(told) == cls) or (
        told in ("Meeting", "Ceremony") and family(cls) == told)
