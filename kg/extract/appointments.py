"""Posts given and left in notices and résumés, read for :class:`kg.extract.officials.OfficialFinder`.

Shapes: "任命林某为市政府副市长", "选举甲、乙为…", "林某同志任市商务局局长", an appointments notice (one line per
person under "一、决定任命"), removals and resignations ("免去X的Y职务", "接受X辞去Y职务"), and a résumé's list
("林某,男,…。历任A,B、C等职").
"""
from __future__ import annotations

import re

from kg.extract.lexicon import role_at
from kg.extract.name_grammar import NAME_CHARS, NAME_END_WORDS, ends_name, name_at
from kg.extract.posts import official_post

# appointments and elections: "任命X为…", and a known name followed by "(同志)(此前)任…"
APPOINT = re.compile("(?:决定任命|任命|提名|选举|推选|聘任|推荐)")
TAKES_POST = re.compile("(?:同志)?(?:此前|之前|曾|先后|现)?(?:是)?(?:任|担任|出任|兼任|调任|升任|改任)(?!务|何|意|期|命)")
CAREER = re.compile("(?:历任|曾任|先后任|先后担任|曾担任)")
RESUME_HEAD = re.compile(r"(?:^|\n)[ \u3000]*([\u4e00-\u9fff·]{2,8})[，,](?:男|女)[，,]")
# removals and resignations: "免去X的Y职务", "接受X辞去Y职务" (the post was held)
REMOVE = re.compile("(?:决定免去|免去|撤销)")
LIST_MARK = re.compile(r"[ \t\u3000]*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?")


class AppointmentReader:
    """The appointment, removal and résumé passes of an official finder (a mixin: it uses the finder's
    ``text``, ``names``, ``spans``, ``cursor``, ``agency_at``, ``division_ending``, ``title_chain``,
    ``_unknown_body_at`` and ``_add``)."""

    def _appointments(self) -> None:
        """Posts given by appointment and election: "任命林某为市政府副市长", "提名赵某为县长候选人",
        "林某同志任市商务局局长", "赵某此前任县委书记"."""
        text = self.text
        for m in APPOINT.finditer(text):
            names: list[tuple[int, int]] = []  # "选举甲、乙为市政协常务委员": each takes the post
            p = m.end()
            if not name_at(text, p, ("为", "同志", "、")):
                t_end, posts = self.title_chain(p)  # "任命县委副书记林某同志为…": the post held, then the name
                if posts and name_at(text, t_end, ("为", "同志", "、")):
                    p = t_end
            while True:
                n_end = name_at(text, p, ("为", "同志", "、"))
                if not n_end:
                    break
                names.append((p, n_end))
                p = n_end + (2 if text.startswith("同志", n_end) else 0)
                if text[p:p + 1] != "、":
                    break
                p += 1
            if names and text[p:p + 1] == "为":
                for s, e in names:
                    self._appointed(s, e, p + 1)
        self._appointment_lists()
        self._removals()
        self._career_lists()
        known = set(self.names)
        for m in TAKES_POST.finditer(text):
            s = m.start()
            name = next((text[s - k:s] for k in (4, 3, 2) if text[s - k:s] in known), None) if s >= 2 else None
            if name is None and m.group().startswith("同志") and s >= 3 and \
                    name_at(text, s - 3, ("同志",), strict=True) == s:
                name = text[s - 3:s]  # "钱某某同志此前任…": 同志 marks the name
            if name:
                self._appointed(s - len(name), s, m.end())

    def _appointment_lists(self) -> None:
        """An appointments notice: after a heading that appoints ("一、决定任命"), one line per person,
        "林某为云溪市财政局局长；"."""
        text = self.text
        first = APPOINT.search(text)
        if first is None:
            return
        for m in re.finditer(r"(?:^|\n)", text[first.end():]):
            ls = LIST_MARK.match(text, first.end() + m.end()).end()
            n_end = name_at(text, ls, ("为", "、"))
            if n_end and text[n_end:n_end + 1] == "为" and (ls, n_end) not in {(a, b) for a, b, _ in self.spans}:
                self._appointed(ls, n_end, n_end + 1)

    def _career_lists(self) -> None:
        """A résumé: "林某，男，1962年生…。历任云溪县委常委、副县长，市交通运输局局长等职" — each title
        chain of the list is a post of the person the paragraph is about (named at its start)."""
        text = self.text
        division_at = {d.start: d.end for d in self.division_ending.values()}
        for m in CAREER.finditer(text):
            # the person: named at the start of this paragraph or of a résumé line before it ("林某，男，…")
            heads = [h.start(1) for h in RESUME_HEAD.finditer(text, max(0, m.start() - 400), m.start())]
            para = heads[-1] if heads else text.rfind("\n", 0, m.start()) + 1
            n_end = name_at(text, para, NAME_END_WORDS + ("，", ","))
            if n_end is None or text[n_end:n_end + 1] not in "，,":
                continue
            p, found = m.end(), []
            while p < len(text):
                while p in division_at and p not in self.agency_at and not role_at(text, p):
                    p = division_at[p]  # "柳江县|拉堡镇党委书记": the county names where the township is
                self.cursor = p
                end, posts = self.title_chain(p)
                if not posts or not all(official_post(x) for x in posts):
                    break
                found += posts
                if text[end:end + 1] in "，,、；;" and (role_at(text, end + 1) or self.agency_at.get(end + 1)
                                                      or self._unknown_body_at(end + 1)):
                    p = end + 1
                    continue
                break
            if found:
                self._add(para, n_end, found)

    def _removals(self) -> None:
        """Posts named as left: "免去林某的市财政局局长职务", "接受赵某辞去副市长职务的请求", and the
        lines "林某的市统计局局长职务；" under a heading that removes."""
        text = self.text
        starts = [m.end() for m in REMOVE.finditer(text)]
        starts += [m.end() for m in re.finditer("接受", text)]
        heading = REMOVE.search(text)
        if heading is not None:
            starts += [LIST_MARK.match(text, heading.end() + m.end()).end()
                       for m in re.finditer(r"\n", text[heading.end():])]
        for p in sorted(set(starts)):
            n_end = name_at(text, p, ("的", "辞去", "同志"))
            if not n_end:
                continue
            q = n_end + (2 if text.startswith("同志", n_end) else 0)
            if text.startswith("的", q):
                q += 1
            elif text.startswith("辞去", q):
                q += 2
            else:
                continue
            t_end, posts = self.title_chain(q)
            if posts and all(official_post(p) for p in posts) and text.startswith(("职务", "一职"), t_end):
                self._add(p, n_end, posts)

    def _appointed(self, start: int, end: int, title: int) -> None:
        self.cursor = title
        text = self.text
        t_end, posts = self.title_chain(title)
        if posts and all(official_post(p) for p in posts) and \
                (t_end >= len(text) or not NAME_CHARS.match(text[t_end]) or text.startswith(
                    ("职务", "一职", "候选人"), t_end) or ends_name(text, t_end)):
            self._add(start, end, posts)
            # "选举甲为区人大常委会主任,乙为区人民政府区长": the next clause elects the next one
            if text[t_end:t_end + 1] in (",", "，", ";", "；"):
                n_end = name_at(text, t_end + 1, ("为",))
                if n_end and text.startswith("为", n_end) and not role_at(text, t_end + 1):
                    self._appointed(t_end + 1, n_end, n_end + 1)
