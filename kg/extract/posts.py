"""A post as the grammar reads it: a role in a body (:class:`PostRef`), and which posts are in the state.

Shared by :mod:`kg.extract.officials` and its readers of appointments (:mod:`kg.extract.appointments`) and of
tagged names (:mod:`kg.extract.tagged_people`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import roles

LIST_END_WORDS = ("参加", "出席", "陪同", "等", "一同", "分别", "参会", "列席", "共同", "当选", "在主席台")
# people named with these after them are no officials ("王某、李某等专家参加")
NOT_OFFICIALS = ("专家", "学者", "教授", "村民", "居民", "群众", "市民", "游客", "企业家", "代表", "记者", "老师",
                 "学生", "医生", "志愿者", "选手", "运动员", "网友", "工人", "农民", "师傅", "菜农", "果农", "农户",
                 "店主", "老板", "司机", "家长", "患者", "业主", "员工", "职工", "演员", "导演", "作家", "律师")
BODILESS_NOT_OFFICIAL = ("负责人", "主要负责人", "院长", "副院长")


@dataclass
class PostRef:
    """A role in an agency (agency key and label), as stated before or after a name."""

    agency_key: str | None
    agency_label: str | None
    role: str


@cache
def role_words() -> tuple[str, ...]:
    """Every role title, as end words for a name written before its title."""
    return tuple(roles())


@cache
def role_starts() -> re.Pattern[str]:
    """Matches where any role title starts (the first character of one)."""
    firsts = sorted({r[0] for r in roles()})
    return re.compile("[" + "".join(re.escape(c) for c in firsts) + "]")


def official_post(post: PostRef) -> bool:
    """A post in the state: any title in a government body (央行副行长), or an official's title not
    in a company or an institution (a company's 党委书记 is no official)."""
    key = post.agency_key or ""
    if not key and post.role in BODILESS_NOT_OFFICIAL:
        return False  # "商场负责人X": a person in charge of something, no post in the state
    return key.startswith("Agency/") or (roles()[post.role].kind == "official"
                                         and not key.startswith(("Company/", "Organization/")))
