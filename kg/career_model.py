"""The values :mod:`kg.careers` returns (people, posts held over time, career entries with their evidence),
and how roles rank: 副县长 < 常务副县长 < 代县长 < 县长."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# heads of government whose next step in the same place is the party committee's 书记 (县长 → 县委书记)
HEAD_ROLES = ("省长", "市长", "州长", "盟长", "县长", "区长", "旗长", "镇长", "乡长")
# role prefixes that rank below the plain role: 副县长 < 常务副县长 < 代县长 < 县长
RANK_PREFIXES = (("常务副", 1), ("代", 2), ("副", 0))
TOP_RANK = 3
# roles that many hold at once (a committee's members): no "A → B" succession for them
MANY_HOLDERS = ("委员", "成员", "常委", "代表", "干部", "职工")


@dataclass(frozen=True)
class Person:
    """A person node: namesakes in different regions are different persons.

    Attributes:
        iri: The node's IRI.
        name: The name (``rdfs:label``).
        kind: ``"Official"`` or ``"Person"`` (someone with a post outside government).
        region: What keeps namesakes apart: an official's region (松阳县, 绵阳市, 中国),
            for another person the body named with him; ``None`` when unknown.
        region_path: The region with its parents (浙江省丽水市松阳县) when the gazetteer knows it.
    """

    iri: str
    name: str
    kind: str
    region: str | None = None
    region_path: str | None = None

    @property
    def where(self) -> str:
        """The region as shown next to the name."""
        if not self.region:
            return "—"
        if self.region_path and self.region_path != self.region:
            return f"{self.region} ({self.region_path.removesuffix(self.region)})"
        return self.region


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article and the sentence, with offsets into the article text."""

    article: str
    headline: str = ""
    date: dt.date | None = None
    source: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class PostSpell:
    """A post one person was seen holding, from its first to its last dated mention.

    Attributes:
        post: The post's IRI (one node per role and body).
        role: 县长, 副书记 …
        agency: The body's label (松阳县人民政府), ``None`` when the post names none.
        agency_iri: The body's IRI.
        dates: The dates it was seen on, sorted (undated mentions are counted in ``undated``).
        undated: Mentions in articles without a date.
    """

    post: str
    role: str
    agency: str | None = None
    agency_iri: str | None = None
    dates: list[dt.date] = field(default_factory=list)
    undated: int = 0

    @property
    def label(self) -> str:
        """The post as printed: body and role (松阳县人民政府副县长)."""
        return f"{self.agency or ''}{self.role}"

    @property
    def first(self) -> dt.date | None:
        """First date seen."""
        return self.dates[0] if self.dates else None

    @property
    def last(self) -> dt.date | None:
        """Last date seen."""
        return self.dates[-1] if self.dates else None

    @property
    def seen(self) -> int:
        """How many times it was seen (articles)."""
        return len(self.dates) + self.undated


@dataclass
class PersonSummary:
    """One person as :func:`people` lists them."""

    person: Person
    posts: list[PostSpell] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    articles: int = 0
    events: int = 0


@dataclass
class CareerEntry:
    """One dated line of a career or of a body's history.

    Attributes:
        date: The date (the article's for a post, the event's own for an event); ``None`` if undated.
        kind: ``"post"`` or ``"event"``.
        person: Who.
        what: The post (松阳县人民政府县长) or the event (会议 松阳县安全生产工作会议 (主持)).
        role, agency, post: The post's parts (posts only).
        event, event_type, parts: The event's IRI, kind in Chinese, and the person's parts in it.
        change: ``"first seen"``, ``"new post"``, ``"promotion"``, ``"new holder"`` or ``None``.
        note: What changed (``副县长 → 县长``, ``周文博 → 林志远``).
        evidence: The article and sentence it was read from.
    """

    date: dt.date | None
    kind: str
    person: Person
    what: str
    role: str | None = None
    agency: str | None = None
    post: str | None = None
    event: str | None = None
    event_type: str | None = None
    parts: tuple[str, ...] = ()
    change: str | None = None
    note: str = ""
    evidence: Evidence | None = None


@dataclass
class Career:
    """One person's posts and events in date order (undated ones last)."""

    summary: PersonSummary
    entries: list[CareerEntry] = field(default_factory=list)

    @property
    def person(self) -> Person:
        """Whose career this is."""
        return self.summary.person

    @property
    def changes(self) -> list[CareerEntry]:
        """The entries that mark a change of post."""
        return [e for e in self.entries if e.change]


@dataclass
class Tenure:
    """One person in one post of a body, from the first to the last date seen."""

    person: Person
    spell: PostSpell


@dataclass
class AgencyHistory:
    """A body's office holders over time."""

    iri: str
    label: str
    tenures: list[Tenure] = field(default_factory=list)
    entries: list[CareerEntry] = field(default_factory=list)


def rank(role: str) -> tuple[str, int]:
    """A role's base and its rank within it: ``副县长`` → (县长, 0), ``常务副县长`` → (县长, 1), ``县长`` → (县长, 3)."""
    for prefix, level in RANK_PREFIXES:
        if prefix in role and role != prefix:
            return role.replace(prefix, "", 1), level
    return role, TOP_RANK


def is_promotion(old: PostSpell, new: PostSpell, same_place: bool = False) -> bool:
    """Whether moving from ``old`` to ``new`` is a step up in the same body or place.

    A step up is the same role without 副/常务副/代 (副县长 → 县长, 副书记 → 书记)
    in the same body (or another body of the same jurisdiction), or a head of
    government becoming 书记 of the same place (县长 → 县委书记).
    """
    same_body = old.agency_iri is not None and old.agency_iri == new.agency_iri
    (ob, ol), (nb, nl) = rank(old.role), rank(new.role)
    if ob == nb and nl > ol and (same_body or same_place):
        return True
    return old.role in HEAD_ROLES and new.role == "书记" and same_place and not same_body


def single_holder(role: str) -> bool:
    """Whether one person at a time holds the role in a body (县长, 书记; not 副县长 or 党组成员)."""
    return rank(role)[1] == TOP_RANK and not any(w in role for w in MANY_HOLDERS)
