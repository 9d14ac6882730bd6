"""Plain data types that flow through the pipeline.

ingest produces :class:`Page` and :class:`Article`; extraction components add
:class:`Mention` objects (character offsets into ``Article.text``) and
:class:`Relation` objects (facts between entity keys) to each article; the
graph stage turns them into RDF.

An *entity key* is a string ``"Kind/identity"`` (for example
``"Agency/宜昌市水利局"`` or ``"Place/371502000000"``).  Mentions that share
a key are one node in the graph, across articles of a build.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, as offsets into ``Article.text``."""

    start: int
    end: int


@dataclass
class Mention:
    """A stretch of article text that names an entity.

    Attributes:
        start: Offset of the first character in ``Article.text``.
        end: Offset one past the last character.
        kind: Ontology class local name (``Official``, ``Agency``, ``Place`` ...).
        key: Entity key ``"Kind/identity"``; mentions with one key are one node.
        label: Canonical name of the entity (``rdfs:label``); the surface text
            becomes a ``skos:altLabel`` when it differs.
        attrs: Extra literal properties of the entity, by ``gk:`` local name
            (``adminCode``, ``adminLevel`` ...).
    """

    start: int
    end: int
    kind: str
    key: str
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def text(self, article: "Article") -> str:
        """The surface form of the mention in ``article``."""
        return article.text[self.start:self.end]


@dataclass
class Relation:
    """A fact stated in an article.

    ``subject`` is an entity key; ``obj`` is an entity key when ``obj_is_key``
    and a literal value (str, int, float, date) otherwise.  ``start`` is the
    character offset of the evidence in ``Article.text`` (the sentence around
    it is the evidence).
    """

    subject: str
    predicate: str
    obj: Any
    start: int
    obj_is_key: bool = True


@dataclass
class Node:
    """An entity that has no single surface mention (a post, an event, an amount).

    Nodes are declared by components with a kind (class local name, may be a
    subclass such as ``InspectionVisit``) and a label; their facts are
    :class:`Relation` objects with the node's key as subject.
    """

    key: str
    kind: str
    label: str
    start: int
    attrs: dict[str, Any] = field(default_factory=dict)
    mentioned: bool = True  # False: implied (a parent division), not named in the article


@dataclass
class Article:
    """One article of a newspaper page.

    ``text`` holds every line of the article (kicker, headline, subtitle, byline
    and body) joined by newlines (``headline`` holds the headline alone).  It is
    normalised for matching (half-width punctuation); ``printed`` is the same
    text as the page prints it, character for character aligned with ``text``
    (empty when the article was not read from a page), so the offsets of
    mentions and sentences hold in both.
    """

    id: str
    text: str
    source: str
    index: int
    date: dt.date | None = None
    date_source: str | None = None  # where ``date`` came from: option | jsonl | page-header | dateline | path
    headline: str = ""
    alt_headlines: list[str] = field(default_factory=list)
    column: str | None = None
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    kind: str = "news"  # news | photo
    url: str | None = None  # where the article was published (JSONL ``url``)
    publisher: str | None = None  # the paper (JSONL ``source``)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    printed: str = ""

    def printed_text(self, start: int = 0, end: int | None = None) -> str:
        """``text[start:end]`` as the page prints it."""
        source = self.printed if len(self.printed) == len(self.text) else self.text
        return source[start:end]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence that contains character ``offset``."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return max(len(self.sentences) - 1, 0)

    def sentence_text(self, index: int) -> str:
        """Text of sentence ``index``."""
        s = self.sentences[index]
        return self.text[s.start:s.end]


@dataclass
class Region:
    """The paper's home region: which city "我市"/"市委" mean."""

    province: str | None = None
    province_code: str | None = None
    city: str | None = None
    city_code: str | None = None
    county: str | None = None
    county_code: str | None = None

    @property
    def local_prefix(self) -> str:
        """The name that qualifies "市委" into "宜昌市委" (the city's full name)."""
        return self.city or self.province or ""


@dataclass
class Page:
    """A file (or JSONL record) read from disk, split into articles.

    ``date_source`` says where ``date`` came from (see :mod:`kg.ingest.dates`);
    ``warnings`` are one-line messages naming the page (no date found, a
    header that contradicts the date used).
    """

    source: str
    date: dt.date | None
    articles: list[Article]
    region: Region | None = None
    date_source: str | None = None
    warnings: list[str] = field(default_factory=list)
