"""The grammar of a person's name in news text: where a name (family name and one or two
characters, or a transliterated name with a middle dot) starts and ends.

A name ends at a boundary: punctuation, a date, an end word (介绍, 表示, 出席 …), or a word the
dictionary tags as a verb, adverb, preposition, conjunction or time word. Candidates that are
ordinary words (有关, 相关) or a surname before a very common word (向|记者) are refused.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import agency_grammar, is_dictionary_word, role_at, surnames, word_freq, word_tag

NAME_END_WORDS = (
    "介绍", "表示", "出席", "主持", "讲话", "指出", "强调", "参加", "来到", "到", "在", "等", "一行", "同志",
    "先生", "女士", "博士", "重要", "说", "先后", "深入", "走进", "还", "首先", "对", "就", "带队", "率队", "率", "会见", "调研", "视察",
    "考察", "检查", "宣布", "致辞", "作", "代表", "与", "和", "及", "陪同", "参观", "听取", "要求", "希望",
    "提出", "分别", "一同", "为", "是", "亲切", "专程", "主讲", "发言", "通报", "解读", "回答", "答", "看望",
    "慰问", "任", "当选", "同", "向", "也", "则", "又", "随后", "现场", "实地", "用", "把", "将", "从", "给",
    "让", "被", "跟", "带", "携", "以", "于", "的", "所", "已", "曾", "并", "再", "即", "便", "都", "却",
    # verbs the dictionary tags as nouns
    "汇报", "列席", "报告", "批示", "督导", "点评", "总结", "讲解", "答复", "回应", "透露", "坦言", "寄语", "致信",
    "代理", "专门", "特地", "一道",  # "X副区长代理…区长职务"; adverbs the dictionary tags as nouns or numerals ("副省长X专门会见…")
    # prepositions of two characters ("听取县委书记X关于…的汇报")
    "关于", "对于", "围绕", "针对",
)
# military and police ranks, written after the name they close ("司令员甲大校")
RANKS = ("上将", "中将", "少将", "大校", "上校", "中校", "少校", "上尉", "中尉", "少尉", "警监", "警督", "警司")
# the end words of two characters or more: strong enough to close a name that is also a common word
LONG_END_WORDS = tuple(w for w in NAME_END_WORDS if len(w) > 1)
# tags of the word after a name that end it: verbs, adverbs, prepositions, conjunctions, time words
FOLLOW_TAGS = ("v", "d", "p", "c", "t", "ad", "f", "m")  # m: "…王某一声号令"
DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•．・?？][\u4e00-\u9fff]{2,8})+")
DOTS = "·•．・?？"
PUNCT_END = set(",，、。;；:：!?！？)）”’\n ")
NAME_CHARS = re.compile(r"[\u4e00-\u9fff]+")
NEVER_GIVEN = set("的了在和与及等市省县区镇乡局委不你您我他她们")
NOT_GIVEN = set("的了在是与及将把被从向对等各要我你您他她们其这那也都还就又并而或让使给到于为以由和市省县区镇乡局委说不没率携偕任")
# surnames that are also prepositions: before a common word they are the preposition (向|大家, 对|社会)
PREPOSITION_SURNAMES = set("向于和同对把为从全时")
# family names that are also very common function words (都, 应, 有, 曾 …): such a "name" whose given part reads as
# a verb is the function word and its verb (政协委员|都能…); 应勇, 曾华 stay names
FUNCTION_WORD_SURNAMES = set("于从但向和应曾有来由相能那都边")
VERB_FREQ = 20000
# a two-character given name that is one of these kinds of common word is no given name (向|记者, 全|社会)
COMMON_WORD_TAGS = ("n", "v", "vn", "r", "d", "p", "c", "m", "q", "u")
COMMON_WORD_FREQ = 10000


def word_follows(text: str, end: int) -> bool:
    """A dictionary word of two to four characters starts at ``end`` and is a verb, adverb,
    preposition, conjunction or time word ("…周海召开", "…林远充分肯定", "…周明上午")."""
    for n in (2, 3, 4):
        w = text[end:end + n]
        if len(w) == n and is_dictionary_word(w) and (word_tag(w) or "").startswith(FOLLOW_TAGS):
            return True
    return False


def noun_follows(text: str, end: int) -> bool:
    """A noun of two to four characters starts at ``end`` (no title, no form of address): what stands
    before it is the start of a longer name (a company's, a park's), not a person."""
    if role_at(text, end) or text.startswith(NAME_END_WORDS + ("同志", "先生", "女士"), end) or word_follows(text, end):
        return False
    for n in (4, 3, 2):
        w = text[end:end + n]
        if len(w) == n and is_dictionary_word(w) and (word_tag(w) or "")[:2] in ("n", "nz", "vn", "nt"):
            return True
    return False


def ends_name(text: str, end: int, words: tuple[str, ...] = NAME_END_WORDS, verbs: bool = True) -> bool:
    if end >= len(text) or text[end] in PUNCT_END or text[end].isdigit():
        return True  # punctuation, or a date: "国务院总理X4月12日主持…"
    return text.startswith(words, end) or text.startswith(RANKS, end) or (verbs and word_follows(text, end))


def dotted_name_at(text: str, pos: int, words: tuple[str, ...] = NAME_END_WORDS) -> int | None:
    """End of a transliterated name with a middle dot (or its damaged form) at ``pos``:
    "阿不都·热合曼", "艾力?买买提"; the shortest last part that ends at a boundary."""
    m = DOTTED_NAME.match(text, pos, min(len(text), pos + 30))
    if not m:
        return None
    last_dot = max(text.rfind(d, pos, m.end()) for d in DOTS)
    for end in range(last_dot + 3, m.end() + 1):
        if role_at(text, end - 1):
            continue
        if ends_name(text, end, words, verbs=False) or role_at(text, end) or time_word_at(text, end):
            return end  # "…·马卡罗夫|当天表示", "…·库兹涅佐夫|上校透露"
    return None


@lru_cache(maxsize=16)
def _long_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if len(w) > 1)


def time_word_at(text: str, pos: int) -> bool:
    """A two-character time word (当天, 近日, 周一) starts at ``pos``."""
    w = text[pos:pos + 2]
    return len(w) == 2 and (word_tag(w) or "").startswith("t")


def dictionary_word(name: str) -> bool:
    """The candidate is an ordinary word (有关, 相关, 纪检): in the dictionary, not as a person name."""
    tag = word_tag(name)
    return bool(tag) and not tag.startswith("nr") and word_freq(name) > 50


def common_given(given: str) -> bool:
    """A two-character given name that is a very common word (记者, 经济, 社会)."""
    return len(given) == 2 and (word_tag(given) or "x") in COMMON_WORD_TAGS and word_freq(given) > COMMON_WORD_FREQ


def name_at(text: str, pos: int, words: tuple[str, ...] = NAME_END_WORDS, strict: bool = False) -> int | None:
    """End of a personal name starting at ``pos`` (family name + one or two characters), or None.

    A given name that is a very common word (向|记者) is refused unless punctuation or an end word
    follows it (市商务局副局长林世界，…); with ``strict`` always.
    """
    dotted = dotted_name_at(text, pos, words)
    if dotted:
        return dotted
    sn = surnames()
    sur = 2 if text[pos:pos + 2] in sn else 1 if text[pos:pos + 1] in sn else 0
    if not sur:
        return None
    # first with the characters that rarely end a name excluded, then only the function words
    for stops in (NOT_GIVEN, NEVER_GIVEN):
        for given in (2, 1):
            end = pos + sur + given
            cand = text[pos + sur:end]
            if len(cand) < given or not NAME_CHARS.fullmatch(cand) or dictionary_word(text[pos:end]) \
                    or text[pos:end] in agency_grammar()["body"]:
                continue  # a word, or a body read as family name and given name (党|总支)
            if stops & set(cand) and not (given == 2 and cand[1] in "和" and not stops & set(cand[0])
                                          and end < len(text) and text[end] in PUNCT_END):
                continue  # 和 ends a given name only where no conjunction can stand: "潘某和,"
            if not ends_name(text, end, words):
                continue
            if given == 2 and text.startswith(_long_words(words), end - 1) and \
                    not (end >= len(text) or text[end] in PUNCT_END or text.startswith(_long_words(words), end)):
                continue  # "罗某|参加调研", not "罗某参|加调…": the end word overlaps the longer name
            # a one-character end word (所, 的, 到) is too weak to make a common word a name (院长|江经济|所)
            strong = end >= len(text) or text[end] in PUNCT_END or text.startswith(_long_words(words), end)
            if common_given(cand) and (strict or not strong or text[pos] in PREPOSITION_SURNAMES):
                continue
            if sur == 1 and text[pos] in FUNCTION_WORD_SURNAMES and verb_given(cand) and \
                    (not (end >= len(text) or text[end] in PUNCT_END) or text[end + 1:end + 2] == text[pos]):
                continue  # "委员|都能立足…", "委员|应提前…", "委员|边视察、边思考": an adverb or a modal, then a verb
            return end
    return None


def verb_given(given: str) -> bool:
    """A given name that reads as a verb or an adverb: its first character a very common one (能, 约), or the
    whole a dictionary verb (提前)."""
    first = word_tag(given[0]) or ""
    if first[:1] in ("v", "d", "p", "c") and word_freq(given[0]) > VERB_FREQ:
        return True
    return len(given) == 2 and (word_tag(given) or "")[:1] in ("v", "d") and word_freq(given) > 1000
