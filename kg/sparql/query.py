"""Run SPARQL over a built graph: a file or a store, with the ontology at hand.

:func:`open_dataset` loads a ``.ttl``/``.nt``/``.trig``/``.nq``/``.jsonld``
file into an in-memory pyoxigraph store, or opens a store directory
read-only.  :func:`run_query` runs a query on it with the predeclared
prefixes of :data:`kg.rdf.namespaces.PREFIXES` and returns a
:class:`kg.sparql.results.QueryResult`.

Queries read the default graph, which holds every triple once: the merge of
all article graphs of a store (kept by :mod:`kg.sparql.store`) or of a TriG/N-Quads
file (made on loading), the triples of a Turtle file, and the ontology
(:data:`kg.sparql.store.ONTOLOGY_GRAPH`), so that ``?e a/rdfs:subClassOf* gk:Event``
finds meetings and inspection visits.  ``GRAPH ?article { … }`` reads the
article graphs one by one (which article states a fact).  A plain union of the
named graphs would count a triple once per article that states it and make
joins over often-mentioned people explode; the merged default graph does not.

>>> ds = open_dataset("out/sample.ttl")  # doctest: +SKIP
>>> run_query(ds, "SELECT ?h { ?a schema:headline ?h }").column("h")  # doctest: +SKIP
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Iterator

import click
import pyoxigraph as ox

from kg.rdf.namespaces import PREFIXES
from kg.sparql.results import GRAPH_FORMATS, SELECT_FORMATS, QueryResult, render
from kg.sparql.saved import QueryParamError, bind_params, get_saved, parse_param, saved_queries
from kg.sparql.store import ONTOLOGY_GRAPH, KgStore, StoreError, is_store, ontology_path

_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


class QueryError(Exception):
    """A query or a data file that cannot be read: syntax errors carry line and column.

    Attributes:
        line: 1-based line of a syntax error, when known.
        column: 1-based column of a syntax error, when known.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def open_dataset(source: str | Path, ontology: bool = True, merge: bool = True,
                 into: str | Path | None = None) -> ox.Store:
    """A pyoxigraph store to query: a store directory (read-only) or a file loaded into memory.

    Args:
        source: A store directory, or a ``.ttl``, ``.nt``, ``.trig``, ``.nq``,
            ``.jsonld`` or ``.rdf`` file.
        ontology: For a file, also load the packaged ontology into
            :data:`~kg.sparql.store.ONTOLOGY_GRAPH` (a store carries its own copy).
        merge: For a TriG/N-Quads file, also put every triple into the default
            graph once (as a store keeps it), which is what queries read.
        into: For a file, load it into a new store directory there instead of
            into memory (the endpoint's workers share it).

    Raises:
        QueryError: the file cannot be read or parsed, or the store cannot be opened.
    """
    path = Path(source)
    if path.is_dir():
        try:
            return KgStore.open_read_only(path).store
        except StoreError as exc:
            raise QueryError(str(exc)) from None
    if not path.exists():
        raise QueryError(f"{path}: no such file or store directory")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format {path.suffix!r}; use .ttl, .nt, .trig, .nq or .jsonld")
    try:
        if into is not None:  # on disk: one pass, one bulk load (the engine's own update would be slower)
            store = ox.Store(str(into))
            store.bulk_extend(_load_quads(path, fmt, ontology, merge))
        else:  # in memory: the engine's bulk load, then the merge by an update that never leaves the engine
            store = ox.Store()
            store.bulk_load(path=str(path), format=fmt)
            if merge:
                store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            if ontology:
                graphs = (ox.NamedNode(ONTOLOGY_GRAPH), ox.DefaultGraph()) if merge else (ox.NamedNode(ONTOLOGY_GRAPH),)
                for g in graphs:
                    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=g)
    except SyntaxError as exc:
        raise _syntax_error(f"{path}", exc) from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"{path}: cannot read: {exc}") from None
    return store


def _load_quads(path: Path, fmt: ox.RdfFormat, ontology: bool, merge: bool) -> Iterator[ox.Quad]:
    """What :func:`open_dataset` loads, in one pass over the file (one bulk load, as fast as the engine's own).

    Every quad of the file; each quad of a named graph once more in the default graph
    (``merge``: the store's set-merge, which the store dedupes); then the ontology into
    :data:`~kg.sparql.store.ONTOLOGY_GRAPH` (and into the default graph with ``merge``).
    """
    default = ox.DefaultGraph()
    for q in ox.parse(path=str(path), format=fmt):
        yield q
        if merge and not isinstance(q.graph_name, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object, default)
    if ontology:
        onto = ox.NamedNode(ONTOLOGY_GRAPH)
        for t in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE):
            yield ox.Quad(t.subject, t.predicate, t.object, onto)
            if merge:
                yield ox.Quad(t.subject, t.predicate, t.object, default)


_LEX = re.compile(
    r"""(?P<comment>\#[^\n\r]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                   |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][^\s(){}\[\],;.?$<>=!|&*/+"']+)
      | (?P<pname>[^\s(){}\[\],;<>"'?$\#:]*:[^\s(){}\[\],;<>"'?$\#]*)
      | (?P<word>[A-Za-z_][A-Za-z_0-9-]*)
      | (?P<space>\s+)
      | (?P<other>.)""", re.S | re.X)


def remote_calls(text: str) -> list[str | None]:
    """The remote addresses a query or update would contact: its ``SERVICE`` and ``LOAD`` targets.

    Comments, strings and IRIs are skipped, so the words only count as
    keywords.  A target given as a variable (``SERVICE ?s``) or a prefixed
    name is returned as ``None``: it cannot be checked before the query runs.
    """
    if "\\u" in text or "\\U" in text:  # SPARQL's escapes may be undone before parsing: check both readings
        plain = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                       lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)), text)
        if plain != text:
            return remote_calls(plain) + remote_calls(text.replace("\\", " "))
    tokens = [(m.lastgroup, m.group()) for m in _LEX.finditer(text) if m.lastgroup not in ("comment", "space")]
    out: list[str | None] = []
    for i, (kind, value) in enumerate(tokens):
        if kind != "word" or value.upper() not in ("SERVICE", "LOAD"):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
            j += 1
        target = tokens[j] if j < len(tokens) else ("other", "")
        out.append(target[1][1:-1] if target[0] == "iri" else None)
    return out


_CHAR_CLASS = re.compile(r"\[[^\[\]]*\.\.=[^\[\]]*\]")  # ['A' ..= 'Z' | '\u{00C0}'..='\u{00D6}' | …]


def _tidy(what: str, text: str | None, line: int, col: int) -> str:
    """The parser's message in one short line: an undeclared prefix named, character ranges left out."""
    if "Prefix not found" in what:
        src = text.splitlines()[line - 1] if text and 0 < line <= len(text.splitlines()) else ""
        m = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*$", src[:col - 1])
        name = f"{m.group(1) or ''}:" if m else "prefix"
        return (f"undeclared prefix {name} (add PREFIX {name} <…>; predeclared: "
                + " ".join(f"{p}:" for p in PREFIXES) + ")")
    what = " ".join(_CHAR_CLASS.sub("", what).split())
    what = re.sub(r"(,\s*)+(?=,|$)", "", re.sub(r"\[\s*,", "[", what)).strip(", ")
    return what


def _syntax_error(where: str, exc: SyntaxError, text: str | None = None) -> QueryError:
    message = str(exc)
    m = _POSITION.search(message)
    if not m:
        return QueryError(f"{where}: syntax error: {message}")
    line, col = int(m.group(1)), int(m.group(2))
    what = _tidy(m.group(3).strip(), text, line, col)
    out = f"{where}:{line}:{col}: syntax error: {what}"
    if text is not None:
        lines = text.splitlines()
        if 0 < line <= len(lines):
            src = lines[line - 1]
            out += f"\n  {src}\n  {' ' * (col - 1)}^"
    return QueryError(out, line, col)


def run_query(store: ox.Store, text: str, params: dict[str, str] | None = None, limit: int | None = None,
              timeout: float | None = None, where: str = "query") -> QueryResult:
    """Run a SPARQL query and collect its answer.

    Args:
        store: What to query (see :func:`open_dataset`).
        text: The query; the prefixes of :data:`~kg.rdf.namespaces.PREFIXES`
            are predeclared.
        params: Values for the query's parameters (``VALUES ?name { UNDEF }``),
            see :func:`kg.sparql.saved.bind_params`.
        limit: Keep at most this many rows or triples (``truncated`` tells).
        timeout: Stop collecting after this many seconds and raise. The check
            is made between rows: a query that sorts or groups everything
            is timed out by the caller (the endpoint runs it in a worker).
        where: Name of the query in error messages (a file name).

    Raises:
        QueryError: a syntax error (with line and column), an unknown
            parameter, an update where a query was expected, or the time limit.
    """
    if params:
        try:
            text = bind_params(text, params)
        except QueryParamError as exc:
            raise QueryError(str(exc)) from None
    try:
        answer = store.query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise _syntax_error(where, exc, text) from None
    except OSError as exc:
        raise QueryError(f"{where}: {exc}") from None
    deadline = None if timeout is None else time.monotonic() + timeout
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        result = QueryResult(kind="graph")
        sink = result.triples
    else:
        result = QueryResult(kind="select", variables=[v.value for v in answer.variables])
        sink = result.rows
    try:
        for item in answer:
            if limit is not None and len(sink) >= limit:
                result.truncated = True
                break
            if deadline is not None and time.monotonic() > deadline:
                raise QueryError(f"{where}: query took longer than {timeout:g} s")
            sink.append(item if result.kind == "graph" else list(item))
    except OSError as exc:
        raise QueryError(f"{where}: {exc}") from None
    return result


def answer_text(store: ox.Store, text: str, params: dict[str, str] | None, limit: int | None, where: str,
                fmt: str) -> str:
    """Run a query and render its answer: what ``kg query`` runs in its worker process."""
    return render(run_query(store, text, params=params, limit=limit, where=where), fmt, plain=True)


def query_text(query: str | None, file: Path | None, saved: str | None) -> tuple[str, str]:
    """The query to run and its name for messages, from exactly one of three sources.

    Raises:
        QueryError: none or several of them are given, or the saved question is unknown.
    """
    given = [x for x in (query, file, saved) if x]
    if len(given) != 1:
        raise QueryError("give exactly one of: a query text, -f FILE, --saved NAME")
    if file:
        return Path(file).read_text(encoding="utf-8"), str(file)
    if saved:
        try:
            sq = get_saved(saved)
        except KeyError as exc:
            raise QueryError(exc.args[0]) from None
        return sq.text, f"{saved}.rq"
    return str(query), "query"


def format_saved_list() -> str:
    """The saved questions, one block each: name, Chinese, English, parameters."""
    out = []
    for sq in saved_queries().values():
        out.append(sq.name)
        out.append(f"    {sq.zh}")
        out.append(f"    {sq.en}")
        for p, desc in sq.params.items():
            out.append(f"    --param {p}=…  {desc}".rstrip())
    return "\n".join(out)


@click.command("query")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.argument("query", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--saved", help="Run a saved question by name (see --list-saved).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter (a `VALUES ?NAME { UNDEF }` in the query); repeatable. "
                   "Dates YYYY-MM-DD, numbers, <IRI> and gk:Term are typed; other values are strings.")
@click.option("--format", "fmt", type=click.Choice(SELECT_FORMATS + GRAPH_FORMATS), default="table",
              show_default=True, help="Output format. CONSTRUCT prints Turtle unless ntriples is asked for.")
@click.option("--limit", type=int, help="Print at most this many rows.")
@click.option("--no-ontology", is_flag=True, help="Do not load the ontology next to a file's graph.")
@click.option("--list-saved", is_flag=True, help="List the saved questions and exit.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
              help="Stop the query after this many seconds (default: no limit).")
@click.option("--max-memory", type=click.IntRange(min=16), metavar="MB",
              help="Stop the query when it needs more than this many MB (default: no limit).")
def query_command(source: Path | None, query: str | None, file: Path | None, saved: str | None,
                  params: tuple[str, ...], fmt: str, limit: int | None, no_ontology: bool,
                  list_saved: bool, timeout: float | None, max_memory: int | None) -> None:
    """Ask a SPARQL question of SOURCE: a store directory or a .ttl/.trig/.nq/.jsonld file.

    \b
    Examples:
      kg query out/sample.ttl 'SELECT ?h { ?a schema:headline ?h }'
      kg query kgstore/ --saved posts-of-officials --format csv
      kg query kgstore/ --saved places-visited-by-official --param official=张三
      kg query out/sample.ttl -f question.rq --format json

    The query runs in a child process: a query that crashes the SPARQL engine
    (pyoxigraph) or passes --timeout/--max-memory prints one error line.
    """
    if list_saved:
        click.echo(format_saved_list())
        return
    if source is None:
        raise click.UsageError("missing SOURCE (a store directory or an RDF file)")
    try:
        text, where = query_text(query, file, saved)
        bound = dict(parse_param(p) for p in params)
        if not source.exists():
            raise QueryError(f"{source}: no such file or store directory")
        from kg.sparql.sandbox import EngineCrash, Source, run_once

        spec = Source(str(source), "store" if source.is_dir() else "file", ontology=not no_ontology)
        try:
            out = run_once(spec, answer_text, (text, bound, limit, where, fmt), timeout=timeout,
                           max_memory=max_memory * 1024 * 1024 if max_memory else None)
        except (TimeoutError, EngineCrash) as exc:
            raise QueryError(f"{where}: {exc}") from None
    except (QueryError, QueryParamError, ValueError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(out, nl=not out.endswith("\n"))


def is_source(path: str | Path) -> bool:
    """Whether ``path`` is something :func:`open_dataset` can open."""
    p = Path(path)
    return is_store(p) or (p.is_file() and ox.RdfFormat.from_extension(p.suffix.lstrip(".").lower()) is not None)
