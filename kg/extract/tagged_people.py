"""Names no title anchors, from the person-name tagger, read for :class:`kg.extract.officials.OfficialFinder`.

A tagged name becomes an official only with evidence (a body or a title in its clause, an attendance verb after it,
the name anchored elsewhere on the page); otherwise it is a person. The tagger's slips are mended here: a family
name it left out, a name it stopped short (names without a family name after a title), a country, a ship's or a
time word's characters.
"""
from __future__ import annotations

import re

from kg.extract.lexicon import (countries, is_dictionary_word, role_at, roles, surnames, title_ends_at, tokens,
                               word_freq, word_tag)
from kg.extract.name_grammar import (LONG_END_WORDS, NAME_CHARS, NAME_END_WORDS, NEVER_GIVEN, NOT_GIVEN,
                                     PREPOSITION_SURNAMES, PUNCT_END, dotted_name_at, ends_name, name_at,
                                     noun_follows, word_follows)
from kg.extract.posts import BODILESS_NOT_OFFICIAL, LIST_END_WORDS, NOT_OFFICIALS, official_post

# what follows a leader's name that is invoked rather than acting: 思想, 重要讲话 …
INVOKED_AFTER = ("新时代", "思想", "同志为核心", "主义", "理论", "重要讲话", "重要指示", "重要论述", "重要思想", "经济思想",
                 "生态文明思想", "法治思想", "外交思想", "强军思想", "文化思想")
# credit lines of a page (editors, proof-readers, sources): the names on them are no one in the news
CREDIT_LINE = re.compile(r"^\s*[(（【\[]?\s*(?:责任编辑|编辑|责编|审核|校对|监制|制图|排版|来源|作者|本报记者|记者|通讯员|摄影)"
                         r"|(?:责任编辑|审核编辑|编辑|责编|校对|监制)\s*[:：丨|]")

def _bare_run(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` may be (part of) a name without a family name: name characters, none that never ends or
    starts a given name, and no title, end word or verb starting inside it."""
    run = text[a:b]
    return bool(NAME_CHARS.fullmatch(run)) and not set(run) & NEVER_GIVEN and not any(
        role_at(text, k) or text.startswith(NAME_END_WORDS, k) or word_follows(text, k) for k in range(a, b))


def _common_word(w: str) -> bool:
    """A common word of two characters that is no person's name (会议, 精神)."""
    tag = word_tag(w) or ""
    return len(w) == 2 and is_dictionary_word(w) and not tag.startswith("nr") and word_freq(w) > 200


def _quoted(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` stands inside quotation marks on its line (a ship's or a work's name)."""
    line_start = text.rfind("\n", 0, s) + 1
    opened = text.rfind("“", line_start, s)
    if opened < 0 or text.rfind("”", line_start, s) > opened:
        return False
    closed = text.find("”", e)
    return closed >= 0 and "\n" not in text[e:closed]


class TaggedNameReader:
    """The tagged-name pass of an official finder (a mixin: it uses the finder's ``text``, ``art``, ``ctx``,
    ``names``, ``persons``, ``spans``, ``journalists``, ``unnamed_titles`` and ``_add``)."""

    def _statistical_names(self) -> None:
        """Names no title anchors, from the person-name tagger (:mod:`kg.extract.names`) on the
        clauses worth tagging. A name becomes an official only with evidence: a body or a title in
        its clause, an attendance verb after it, or the name anchored elsewhere on the page; else
        it is a person (someone who acts in the news) and no official."""
        text = self.text
        taken = [(s, e) for s, e, _ in self.spans] + [(s, e) for s, e, _ in self.persons.values()]
        taken += [(m.start, m.end) for m in self.art.mentions if m.kind not in ("Official", "Person")]
        known = set(self.names) | set(self.ctx.cache.get("officials", {}))
        for s, e in self._tagged_names(taken):
            if e - s in (2, 3) and self._family_name_left_out(s, e):
                s -= 1  # the tagger may start a character late: "导演许|某豪", "上校素|某某"
            elif e - s == 2:  # the tagger may stop a character short: "孙某才|是" (才是 is a word)
                longer = name_at(text, s)
                verb = text[e:e + 2] if (word_tag(text[e:e + 1]) or "").startswith("v") else ""
                if longer == e + 1 and ends_name(text, longer) and not (word_tag(verb) or "").startswith("v"):
                    e = longer
            if re.search(r"[·•・?？]", text[s:e]):  # the tagger may cut a transcribed name short: "亚某·如|则某某"
                e = max(e, dotted_name_at(text, s) or e)
            if s in self.unnamed_titles and e - s in (2, 3):
                e = self._name_run_after_title(s, e)  # "部长乌云|其木格参加": a name without a family name
            if e - s == 3 and text[e - 1] in "副总常代正" and role_at(text, e - 1):
                e -= 1  # "决定郑某|副区长代理…": the title's 副 is no part of the name
                if not any(a < e and s < b for a, b in taken) and self._name_then_title(s, None):
                    taken.append((s, e))
                    continue
            name = text[s:e]
            if name in countries() or any((word_tag(text[s - k:s + 1]) or "").startswith("t") for k in (1, 2)) \
                    or _quoted(text, s, e):
                continue  # a country (吉布提), a name read out of a time word (上周|一审), a ship's (“某某”号)
            if name in self.journalists or any(a < e and s < b for a, b in taken) or not 2 <= len(name) <= 12:
                continue
            line = text[text.rfind("\n", 0, s) + 1:(text.find("\n", e) + 1 or len(text) + 1) - 1]
            if CREDIT_LINE.search(line):
                continue  # editors' and other credit lines name no one in the news
            if re.match(r"[〔\[(（]\d", text[e:e + 2]) or any(k.endswith(name) and text.endswith(k, 0, e) for k in known):
                continue  # a document number (X政〔2024〕3号), or part of a name found whole (向|红琼)
            if name not in known and text.startswith(INVOKED_AFTER, e):
                continue  # "X新时代…思想", "以X同志为核心": a name invoked, no one acting in the news
            if name not in known and s not in self.unnamed_titles and noun_follows(text, e):
                continue  # "云帆|智能制造产业园": the start of a name of something else
            if s in self.unnamed_titles and all(official_post(p) for p in self.unnamed_titles[s]):
                self._add(s, e, self.unnamed_titles[s])  # "副县长|何某某列席": the title before the name
            elif name in known or self._official_evidence(s, e):
                self._add(s, e, [])
            elif name not in self.persons:
                self.persons[name] = (s, e, [])
            taken.append((s, e))

    def _names_without_family_name(self) -> None:
        """A name right after a title that neither the grammar nor the tagger read, closed by a comma or an
        end word ("州委宣传部部长扎西草,"): Tibetan and Mongolian names have no family name. Two to five name
        characters, no word of the dictionary, no title, end word or verb inside."""
        text = self.text
        covered = bytearray(len(text) + 1)  # one pass over what is read already: linear in long pages
        for a, b in [(s, e) for s, e, _ in self.spans] + [(s, e) for s, e, _ in self.persons.values()] \
                + [(m.start, m.end) for m in self.art.mentions]:
            covered[a:b] = b"\x01" * (b - a)
        for p, posts in list(self.unnamed_titles.items()):
            if p >= len(text) or covered[p] or text[p] in surnames() or not all(official_post(x) for x in posts):
                continue  # a family name: the grammar's to read ("…朱某某边…" is no name of five)
            for end in range(min(len(text), p + 5), p + 1, -1):
                run = text[p:end]
                if not _bare_run(text, p, end) or "党" in run or is_dictionary_word(run) \
                        or any(_common_word(text[k:k + 2]) for k in range(p, end)):
                    continue  # "常委|会会议精神", "委员|听党话": a word or a slogan is no name
                if end < len(text) and (text[end] in ",，、" or text.startswith(LONG_END_WORDS, end)):
                    self._add(p, end, posts)
                    covered[p:end] = b"\x01" * (end - p)
                break

    def _name_run_after_title(self, s: int, e: int) -> int:
        """Where a name right after a title ends when the tagger read only its start: the name runs on
        over up to four characters that are no function word to punctuation or a two-character end word
        ("统战部部长乌云其木格参加调研": Mongolian and Tibetan names have no family name)."""
        text = self.text
        for end in range(min(len(text), s + 6), e + 1, -1):
            if not _bare_run(text, e, end):
                continue  # no title, end word or verb inside: "奈某|表示", "禚某某|主持"
            if end >= len(text) or text[end] in PUNCT_END or text.startswith(LONG_END_WORDS, end):
                return end
        return e

    def _family_name_left_out(self, s: int, e: int) -> bool:
        """The character before a tagged name belongs to it: any name character after a title
        (上校|素某某), or, before a two-character name, a family name after a word that ends there
        (著名导演|许某某; not 向|, 在|)."""
        text = self.text
        c = text[s - 1:s]
        if not c or not NAME_CHARS.fullmatch(c) or c in NOT_GIVEN or c in PREPOSITION_SURNAMES:
            return False
        if title_ends_at(text, s - 1):
            return True
        return e - s == 2 and c in surnames() and not is_dictionary_word(text[s - 1:s + 1]) and \
            any(is_dictionary_word(text[s - 1 - k:s - 1]) for k in (2, 3)) and \
            not any(is_dictionary_word(text[s - 1 - k:s]) for k in (1, 2, 3))  # 建筑师|任某: 师 ends a word

    def _tagged_names(self, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The tagger's names in the clauses worth tagging that may hold a name nobody has read yet:
        a word jieba takes for a name, or a family name standing alone as a word, outside every
        mention found so far (the tagger is the costliest step of a build; most clauses of
        government news hold only names the title grammar has already read)."""
        from kg.extract.names import cued_clauses, person_spans

        text = self.text
        covered = bytearray(len(text))
        for a, b in taken:
            covered[a:b] = b"\x01" * (b - a)
        sn = surnames()
        marks = [s for w, s, _ in tokens(text) if not covered[s] and (
            (len(w) == 1 and w in sn) or (len(w) <= 4 and (word_tag(w) or "").startswith("nr")))]
        marks += [p for p in self.unnamed_titles if p < len(text) and not covered[p]]  # a title no name was read after
        out: list[tuple[int, int]] = []
        for a, b in cued_clauses(text):
            if any(a <= m < b for m in marks):
                out += person_spans(text, a, b)
        return out

    def _official_evidence(self, s: int, e: int) -> bool:
        """A body or a post title in the name's clause, or a verb of attending right after it."""
        text = self.text
        left = max(text.rfind(c, 0, s) for c in "。；;！？!?\n，,") + 1
        right = min((i for i in (text.find(c, e) for c in "。；;！？!?\n，,") if i >= 0), default=len(text))
        if text.startswith(NOT_OFFICIALS, e) or text.startswith(NOT_OFFICIALS, e + 1) \
                or text.endswith(NOT_OFFICIALS, 0, s):
            return False  # "王某、李某等专家", "村民张某"
        if text.startswith(LIST_END_WORDS, e) or text.startswith(("陪同", "出席", "主持", "参加", "一行", "率队", "带队"), e):
            return True
        if any(left <= m.start < right and m.kind == "Agency" for m in self.art.mentions):
            return True
        near = (role_at(text, i) for i in range(max(left, s - 8), min(right, e + 8)) if not s <= i < e)
        return any(r and roles()[r].kind == "official" and r not in BODILESS_NOT_OFFICIAL for r in near)
