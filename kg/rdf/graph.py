"""Turn an extracted article into RDF triples in the public vocabulary.

IRIs are deterministic and readable: ``id:article/<source>/<n>`` for articles,
``…/s<k>`` for their sentences, ``id:<kind>/<identity>`` for entities (the
entity key of :mod:`kg.model`).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from decimal import Decimal
from typing import Any, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.model import Article, Page
from kg.rdf.namespaces import GK, ID, SCHEMA, bind_prefixes

BASE = str(ID)
_UNSAFE = re.compile(r"[^\w\-.~/]", re.UNICODE)


def _iri_part(text: str) -> str:
    """Keep letters and digits of any script readable; percent-encode the rest."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), text)


@lru_cache(maxsize=65536)
def entity_iri(key: str) -> URIRef:
    """IRI of the entity with key ``"Kind/identity"``."""
    kind, _, ident = key.partition("/")
    return URIRef(f"{BASE}{kind.lower()}/{_iri_part(ident)}")


LABEL_CHARS = 30


def article_label(article: Article) -> str:
    """A name for an article: its headline, or the opening words of its first sentence with "…"."""
    if article.headline:
        return article.headline
    first = article.printed_text(article.sentences[0].start, article.sentences[0].end) if article.sentences \
        else article.printed_text()
    return first if len(first) <= LABEL_CHARS else first[:LABEL_CHARS] + "…"


def printed_headlines(article: Article) -> list[str]:
    """The headline and the alternative headlines as printed (the text's first lines), in that order."""
    out = []
    pos = 0
    for i, line in enumerate([article.headline, *article.alt_headlines]):
        if not line:
            out.append(line)
            continue
        at = article.text.find(line, pos)
        if at < 0:  # a headline from the file's metadata, not in the text
            out.append(line)
            continue
        out.append(article.printed_text(at, at + len(line)))
        pos = at + len(line)
    return out


def article_iri(article: Article) -> URIRef:
    """IRI of an article."""
    return URIRef(f"{BASE}article/{_iri_part(article.id)}")


def sentence_iri(article: Article, index: int) -> URIRef:
    """IRI of sentence ``index`` (from 0) of an article; numbered from 1 in the IRI."""
    return URIRef(f"{article_iri(article)}/s{index + 1}")


def literal(value: Any) -> Literal:
    """An RDF literal with the natural XSD datatype of a Python value."""
    if isinstance(value, Literal):
        return value
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, (float, Decimal)):
        return Literal(decimal_lexical(value), datatype=XSD.decimal)
    return Literal(str(value))


def decimal_lexical(value: float | Decimal) -> str:
    """Canonical xsd:decimal form ("10000000000.0", "3.5", "-0.25"): what every format writes and reads back.

    >>> decimal_lexical(1e10), decimal_lexical(Decimal("3.50")), decimal_lexical(2)
    ('10000000000.0', '3.5', '2.0')
    """
    text = format(Decimal(str(value)).normalize(), "f")
    if "." not in text:
        return text + ".0"
    text = text.rstrip("0")
    return text + "0" if text.endswith(".") else text


class _TripleSet(set):
    """A plain set of triples with the two Graph methods :func:`article_triples` uses (much faster to fill)."""

    def add(self, triple: tuple) -> None:  # type: ignore[override]
        super().add(triple)

    def remove(self, triple: tuple) -> None:  # type: ignore[override]
        self.discard(triple)


def _article_triples(g: Graph, art: Article, home: URIRef | None) -> URIRef:
    a = article_iri(art)
    g.add((a, RDF.type, GK.Article))
    heads = printed_headlines(art)
    g.add((a, RDFS.label, Literal(heads[0] or article_label(art))))
    if art.headline:  # only a headline the page prints (a caption or a 本报讯 item may have none)
        g.add((a, SCHEMA.headline, Literal(heads[0])))
    for alt in heads[1:]:
        g.add((a, SCHEMA.alternativeHeadline, Literal(alt)))
    if art.column:
        g.add((a, GK.column, Literal(art.column)))
    if art.date:
        g.add((a, SCHEMA.datePublished, literal(art.date)))
        if art.date_source:
            g.add((a, GK.dateSource, Literal(art.date_source)))
    else:
        g.add((a, GK.dateUnknown, literal(True)))
    g.add((a, GK.sourceFile, Literal(art.source)))
    if art.publisher:
        g.add((a, SCHEMA.publisher, Literal(art.publisher)))
    if art.url:
        g.add((a, SCHEMA.url, URIRef(art.url) if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", art.url) else Literal(art.url)))
    g.add((a, GK.articleNumber, literal(art.index)))
    g.add((a, GK.text, Literal(art.printed_text())))  # as printed: evidence can be quoted exactly
    if home is not None:
        g.add((a, GK.homeRegion, home))
    for i, s in enumerate(art.sentences):
        si = sentence_iri(art, i)
        g.add((a, GK.sentence, si))
        g.add((si, RDF.type, GK.Sentence))
        g.add((si, GK.inArticle, a))
        g.add((si, GK.text, Literal(art.printed_text(s.start, s.end))))
        g.add((si, GK.startOffset, literal(s.start)))
        g.add((si, GK.endOffset, literal(s.end)))
    return a


def article_graph(art: Article, home_key: str | None = None) -> Graph:
    """Every triple that one article contributes: itself, its sentences, entities and facts."""
    g = bind_prefixes(Graph())
    for t in article_triples(art, home_key):
        g.add(t)
    return g


def article_triples(art: Article, home_key: str | None = None) -> set[tuple]:
    """The triples of :func:`article_graph` as a plain set (no rdflib Graph: for streaming writers)."""
    g = _TripleSet()
    home = entity_iri(home_key) if home_key else None
    a = _article_triples(g, art, home)
    labels: dict[URIRef, str] = {}
    for m in art.mentions:
        node = entity_iri(m.key)
        g.add((node, RDF.type, GK[m.kind]))
        labels.setdefault(node, m.label)
        surface = m.text(art)
        if surface != m.label:
            g.add((node, SKOS.altLabel, Literal(surface)))
        g.add((node, GK.mentionedIn, a))
        g.add((node, GK.evidence, sentence_iri(art, art.sentence_at(m.start))))
        if m.kind == "Journalist":
            prop = SCHEMA.author
            g.add((a, prop, node))
        for k, v in m.attrs.items():
            if k != "role":
                g.add((node, GK[k], literal(v)))
    for n in art.nodes:
        node = entity_iri(n.key)
        g.add((node, RDF.type, GK[n.kind]))
        labels.setdefault(node, n.label)
        if n.mentioned:
            g.add((node, GK.mentionedIn, a))
            g.add((node, GK.evidence, sentence_iri(art, art.sentence_at(n.start))))
        for k, v in n.attrs.items():
            g.add((node, GK[k], literal(v)))
    for node, label in labels.items():
        g.add((node, RDFS.label, Literal(label)))
        g.remove((node, SKOS.altLabel, Literal(label)))
    for r in art.relations:
        s = entity_iri(r.subject)
        o = entity_iri(r.obj) if r.obj_is_key else literal(r.obj)
        g.add((s, GK[r.predicate], o))
    return g


def page_graphs(page: Page) -> Iterator[tuple[URIRef, Graph]]:
    """(article IRI, article graph) for each article of an extracted page."""
    home_key = page.region.city_code and f"Place/{page.region.city_code}" if page.region else None
    for art in page.articles:
        yield article_iri(art), article_graph(art, home_key or None)
