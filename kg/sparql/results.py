"""Query results: a small value type and its formats.

SELECT results print as an aligned table (Chinese characters count two
columns), CSV and TSV (SPARQL 1.1 CSV/TSV), SPARQL results JSON or XML;
ASK results as ``true``/``false`` (or JSON/XML); CONSTRUCT/DESCRIBE results
as Turtle or N-Triples.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
XSD_STRING = PREFIXES["xsd"] + "string"

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "ntriples")


@dataclass
class QueryResult:
    """The answer to a query.

    Attributes:
        kind: ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT, DESCRIBE).
        variables: Column names of a SELECT.
        rows: SELECT rows, one term (or ``None`` when unbound) per variable.
        boolean: The ASK answer.
        triples: CONSTRUCT/DESCRIBE triples.
        truncated: Rows or triples were dropped at the result cap.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)

    def column(self, name: str) -> list[str | None]:
        """The plain values (IRI, lexical form) of one column: handy in tests and scripts."""
        i = self.variables.index(name)
        return [None if r[i] is None else r[i].value for r in self.rows]

    def records(self) -> list[dict[str, str]]:
        """Rows as ``{variable: plain value}`` dicts, unbound variables left out."""
        return [{v: t.value for v, t in zip(self.variables, r) if t is not None} for r in self.rows]


def shorten(iri: str) -> str:
    """An IRI as ``prefix:local`` when a predeclared prefix fits, else ``<iri>``."""
    best = ""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = p
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"


def display(term: Term | None) -> str:
    """A term as a table cell: short IRIs, bare literal values."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value  # plain value: no @zh, no ^^xsd:date (the JSON and XML formats keep them)
    return str(term)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` columns, with an ellipsis when cut."""
    text = text.replace("\n", " ")
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        w = width(c)
        if used + w > limit - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def pad(text: str, cols: int) -> str:
    """``text`` padded with spaces to ``cols`` terminal columns."""
    return text + " " * (cols - width(text))


def to_table(result: QueryResult, max_width: int = 48) -> str:
    """An aligned plain-text table (or ``true``/``false``, or Turtle for graphs)."""
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        return to_graph_text(result, "turtle")
    cells = [[clip(display(t), max_width) for t in row] for row in result.rows]
    widths = [max([width(v)] + [width(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(pad(v, w) for v, w in zip(result.variables, widths)).rstrip(),
             "  ".join("─" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(lines)


def to_csv(result: QueryResult, delimiter: str = ",") -> str:
    """SPARQL 1.1 CSV: IRIs and literal values, no datatypes."""
    if result.kind != "select":
        return "_askResult\r\n" + ("true" if result.boolean else "false") + "\r\n"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else
                                          str(t) if isinstance(t, ox.Triple) else t.value) for t in row])
    return buf.getvalue()


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: terms in N-Triples/Turtle syntax."""
    if result.kind != "select":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def to_plain_tsv(result: QueryResult) -> str:
    """Tab-separated plain values (IRIs, lexical forms), one row a line: what ``kg query --format tsv`` prints.

    Unlike SPARQL's TSV (:func:`to_tsv`, what the endpoint answers) literals
    carry no quotes, ``@zh`` or ``^^xsd:date``, so the columns paste into a
    spreadsheet; a tab, newline or backslash inside a value is written ``\\t``,
    ``\\n``, ``\\\\``.
    """
    if result.kind != "select":
        return "_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(result.variables)]
    lines += ["\t".join("" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else
                                             str(t) if isinstance(t, ox.Triple) else t.value).translate(_TSV_ESCAPES)
                        for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(t: Term) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                        "object": _json_term(t.object)}}


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind != "select":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False) + "\n"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for XML 1.0 content or attributes: markup escaped, and the characters XML 1.0 cannot carry
    at all (control characters other than tab and newlines, even as ``&#1;``) replaced by U+FFFD.

    Use JSON, CSV or TSV results to get such values exactly.
    """
    return _xml_escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """An XML attribute value in quotes, cleaned as :func:`escape` does."""
    return _xml_quoteattr(_NOT_XML.sub("\ufffd", text))


def _xml_term(t: Term) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind != "select":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                        for v, t in zip(result.variables, row) if t is not None) + "</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_graph_text(result: QueryResult, fmt: str = "turtle") -> str:
    """CONSTRUCT/DESCRIBE triples as Turtle (with the predeclared prefixes) or N-Triples."""
    triples: Iterable[ox.Triple] = result.triples
    if fmt == "ntriples":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def render(result: QueryResult, fmt: str = "table", plain: bool = False) -> str:
    """``result`` in the named format (see :data:`SELECT_FORMATS` and :data:`GRAPH_FORMATS`).

    ``plain``: ``tsv`` prints plain values (:func:`to_plain_tsv`, for the
    command line) instead of SPARQL's TSV terms (for the endpoint).

    Raises:
        ValueError: the format does not fit the kind of result.
    """
    if result.kind == "graph":
        if fmt in ("table", "turtle"):
            return to_graph_text(result, "turtle")
        if fmt == "ntriples":
            return to_graph_text(result, "ntriples")
        raise ValueError(f"a CONSTRUCT/DESCRIBE result prints as turtle or ntriples, not {fmt}")
    renderers = {"table": to_table, "csv": to_csv, "tsv": to_plain_tsv if plain else to_tsv, "json": to_json,
                 "xml": to_xml}
    if fmt not in renderers:
        raise ValueError(f"a {result.kind.upper()} result prints as {', '.join(renderers)}, not {fmt}")
    return renderers[fmt](result)
