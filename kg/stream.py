"""Streaming, parallel build: pages to N-Triples text per article, in input order.

The build is split in two halves so that it streams and parallelises:

* :func:`extract_pages_out` (run in worker processes, or in-process for one
  worker) ingests nothing: it takes :class:`kg.model.Page` objects, runs the
  extraction pipeline and turns each article into :class:`ArticleOut`, its
  triples already serialised as N-Triples lines.  Lines that mention the
  article or one of its sentences (as subject or object) cannot occur in any
  other article, so they are kept as one text block; the other lines (entity
  labels, types, attributes, facts between entities) may repeat across
  articles and carry a 16-byte digest for de-duplication.
* :class:`StreamWriter` (in the main process) appends each article to the
  output as soon as it arrives, keeping only the digests of entity triples,
  which grow with the number of distinct entities, not with the corpus text.

:func:`page_results` maps the first half over pages with N processes
(:class:`concurrent.futures.ProcessPoolExecutor`) and yields results in input
order, so the output is the same whatever the number of workers.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections import Counter, deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.serializers.nt import _nt_row, _quoteLiteral
from rdflib.term import Literal

from kg.ingest import IngestReport, ingest
from kg.ingest.read import iter_input_files, shown
from kg.model import Page, Region
from kg.rdf.graph import article_iri, article_triples
from kg.rdf.namespaces import GK, bind_prefixes
from kg.rdf.serialize import format_for

_GK = str(GK._NS)
_TYPE = RDF.type

MAX_ARTICLE_CHARS = 1_000_000
"""Characters one article may have to be extracted (a newspaper article has a few thousand).

Extraction time and memory grow linearly with the text (about 8 µs and 0.5 kB a character
on one long run-on article: 1.28 M characters take 11 s and 760 MB), so the limit is the
honest answer to an input that is no article at all (a whole corpus on one line): such an
article is reported and skipped, the rest of its page is built.
"""


@dataclass
class ArticleOut:
    """One extracted article, serialised.

    Attributes:
        iri: The article's IRI (its named graph in TriG/N-Quads and in a store).
        local: N-Triples lines that name the article or its sentences (unique to it).
        local_count: Number of lines in ``local``.
        local_types: Classes (gk local names) of the article's own typed nodes (Article, Sentence).
        shared: (digest, N-Triples line, gk class or None) of triples between entities and
            literals that other articles may state too.
        triples: The article's triples as rdflib terms, only when asked for (a store needs them).
    """

    iri: str
    local: str
    local_count: int
    local_types: list[str]
    shared: list[tuple[bytes, str, str | None]]
    triples: list[tuple] | None = None


@dataclass
class PageOut:
    """One extracted page: its articles in order, its home region, and its share of the input bytes.

    ``error`` is the one-line reason when the page could not be extracted (it then has no
    articles); ``page_iri`` is what its articles' IRIs start with (``…/article/DIR/NAME``).
    """

    source: str
    articles: list[ArticleOut]
    region_city: str | None = None
    weight: int = 0
    error: str | None = None
    page_iri: str | None = None
    warnings: list[str] = field(default_factory=list)


def digest(line: str) -> bytes:
    """16-byte digest of an N-Triples line (collisions: about 1 in 2**64 for 2**32 distinct lines)."""
    return hashlib.blake2b(line.encode("utf-8"), digest_size=16).digest()


def nt_row(t: tuple) -> str:
    """An N-Triples line, as rdflib's N-Triples serialiser writes it (without re-checking every IRI)."""
    s, p, o = t
    if type(s) is URIRef and type(p) is URIRef:
        if isinstance(o, Literal):
            return f"<{s}> <{p}> {_quoteLiteral(o)} .\n"
        if type(o) is URIRef:
            return f"<{s}> <{p}> <{o}> .\n"
    return _nt_row(t)


def article_out(iri: URIRef, triples: Iterable[tuple], keep_triples: bool = False) -> ArticleOut:
    """Serialise one article's triples, splitting article-local lines from shareable ones."""
    a = str(iri)
    own = a + "/"
    local: list[str] = []
    local_types: list[str] = []
    shared: list[tuple[bytes, str, str | None]] = []
    for t in triples:
        s, p, o = t
        line = nt_row(t)
        cls = str(o)[len(_GK):] if p == _TYPE and str(o).startswith(_GK) else None
        ss = str(s)
        if ss == a or ss.startswith(own) or (isinstance(o, URIRef) and (o == a or str(o).startswith(own))):
            local.append(line)
            if cls:
                local_types.append(cls)
        else:
            shared.append((digest(line), line, cls))
    local.sort()
    shared.sort()
    return ArticleOut(iri=a, local="".join(local), local_count=len(local), local_types=local_types,
                      shared=shared, triples=list(triples) if keep_triples else None)


def page_out(page: Page, keep_triples: bool = False, weight: int = 0) -> PageOut:
    """Serialise an extracted page (see :func:`kg.rdf.page_graphs` for the graph it stands for)."""
    home_key = page.region.city_code and f"Place/{page.region.city_code}" if page.region else None
    arts = [article_out(article_iri(art), article_triples(art, home_key or None), keep_triples)
            for art in page.articles]
    city = page.region.city if page.region and page.region.city else None
    return PageOut(source=page.source, articles=arts, region_city=city, weight=weight,
                   page_iri=page_iri(page.source))


def page_iri(source: str) -> str:
    """The IRI prefix of a page's articles: ``…/article/DIR/NAME`` (each article adds ``/N``)."""
    from kg.ingest import article_id
    from kg.rdf.graph import BASE, _iri_part

    return f"{BASE}article/{_iri_part(article_id(source, 1)[:-2])}"


# --- worker side -----------------------------------------------------------------------------------

_PIPELINES: dict[tuple[str, ...] | None, object] = {}


def _pipeline(names: tuple[str, ...] | None):
    from kg.pipeline import Pipeline

    if names not in _PIPELINES:
        _PIPELINES[names] = Pipeline(list(names) if names is not None else None)
    return _PIPELINES[names]


def extract_pages_out(pages: list[tuple[Page, int]], region: Region | None, names: tuple[str, ...] | None,
                      keep_triples: bool = False, pipeline=None) -> list[PageOut]:
    """Extract (page, weight) pairs and serialise them: the unit of work of a worker."""
    pipe = pipeline or _pipeline(names)
    out = []
    for page, weight in pages:
        try:
            told = len(page.warnings)
            done = page_out(pipe(page, region), keep_triples, weight)
            done.warnings = page.warnings[told:]  # what extraction found wrong (a component that failed)
            out.append(done)
        except Exception as exc:  # noqa: BLE001 (one bad page must not stop the build)
            out.append(PageOut(source=page.source, articles=[], weight=weight,
                               error=f"{shown(page.source)}: cannot extract this page ({failure(exc)}); skipped"))
    return out


def failure(exc: BaseException) -> str:
    """An exception as a short one-line reason."""
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    if isinstance(exc, RecursionError):
        return "text nested or repeated too deeply"
    return f"{name}: {text[:200]}" if text else name


def _warm_up(names: tuple[str, ...] | None) -> int:
    """Load the pipeline (and jieba's dictionary) in a worker before the real work arrives."""
    from kg.extract.lexicon import is_dictionary_word

    _pipeline(names)
    is_dictionary_word("会议")
    return os.getpid()


# --- main side -------------------------------------------------------------------------------------

def weighted_pages(paths: Iterable[str | Path], date=None, report: IngestReport | None = None
                   ) -> Iterator[tuple[Page | None, int]]:
    """Pages with their share of the input bytes (for a progress bar); (None, size) for a file with none.

    A file's pages share its size in proportion to their text; the last page
    takes the remainder, so the weights of all pages add up to the input size.
    A file or a record that cannot be read or split into articles becomes one
    line in ``report.errors`` naming it (and the record), and the rest is read.
    """
    from kg.ingest import page_from_raw
    from kg.ingest.read import InputError, read_file

    report = report if report is not None else IngestReport()
    for f in iter_input_files(list(paths), report.errors):
        try:
            size = f.stat().st_size
        except OSError:
            size = 0
        try:
            raws = read_file(f, report.errors, report.warnings)
        except InputError as exc:
            report.errors.append(str(exc))
            raws = []
        except Exception as exc:  # noqa: BLE001 (one bad file must not stop the build)
            report.errors.append(f"{shown(f)}: cannot read ({failure(exc)}); skipped")
            raws = []
        prev: Page | None = None
        used = 0
        for raw in raws:
            try:
                page = page_from_raw(raw, date)
            except Exception as exc:  # noqa: BLE001
                record = raw.source.rpartition("#")[2] if "#" in raw.source else ""
                report.errors.append(f"{shown(f)}{':' + record if record else ''}: cannot split into articles "
                                     f"({failure(exc)}); skipped")
                continue
            long = [a for a in page.articles if len(a.text) > MAX_ARTICLE_CHARS]
            for a in long:
                report.errors.append(f"{shown(f)}: article {a.index} has {len(a.text)} characters, more than the "
                                     f"{MAX_ARTICLE_CHARS} an article may have (no newspaper article is that long; "
                                     f"split the text into pages); not extracted")
            if long:
                page.articles = [a for a in page.articles if len(a.text) <= MAX_ARTICLE_CHARS]
            report.warnings.extend(page.warnings)
            report.dates[page.date_source or "none"] += 1
            if prev is not None:
                w = min(sum(len(a.text.encode("utf-8")) for a in prev.articles), max(size - used, 0))
                used += w
                yield prev, w
            prev = page
        yield prev, max(size - used, 0)


def input_size(paths: Iterable[str | Path]) -> int:
    """Total size in bytes of the input files (what the progress bar counts down)."""
    total = 0
    for f in iter_input_files(list(paths)):
        try:
            total += f.stat().st_size
        except OSError:
            pass
    return total


def _chunks(items: Iterator[tuple[Page | None, int]], max_chars: int = 30_000, max_pages: int = 32
            ) -> Iterator[list[tuple[Page | None, int]]]:
    chunk: list[tuple[Page | None, int]] = []
    chars = 0
    for page, w in items:
        chunk.append((page, w))
        chars += sum(len(a.text) for a in page.articles) if page is not None else 0
        if chars >= max_chars or len(chunk) >= max_pages:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def page_results(items: Iterable[tuple[Page | None, int]], region: Region | None = None,
                 names: Iterable[str] | None = None, workers: int = 1, keep_triples: bool = False,
                 executor: Executor | None = None, pipeline=None) -> Iterator[PageOut]:
    """Extract pages with ``workers`` processes; yield :class:`PageOut` in input order.

    At most ``3 * workers`` chunks are in flight, so memory stays bounded
    whatever the input size.  A file that yielded no page comes out as an
    empty :class:`PageOut` carrying its weight (for the progress bar).
    ``pipeline`` (a :class:`kg.pipeline.Pipeline`) is used as it is with one
    worker; worker processes build their own from its names.
    """
    if names is None and pipeline is not None:
        names = pipeline.names
    key = tuple(names) if names is not None else None
    chunks = _chunks(iter(items))
    if workers <= 1 and executor is None:
        for chunk in chunks:
            for page, w in chunk:
                if page is None:
                    yield PageOut(source="", articles=[], weight=w)
                else:
                    yield from extract_pages_out([(page, w)], region, key, keep_triples, pipeline)
        return
    own = executor is None
    if own:
        executor = make_pool(workers, key)
    pending: deque[tuple[Future, int]] = deque()
    try:
        for chunk in chunks:
            pages = [(p, w) for p, w in chunk if p is not None]
            skipped = sum(w for p, w in chunk if p is None)
            pending.append((executor.submit(extract_pages_out, pages, region, key, keep_triples), skipped))
            while len(pending) >= 3 * max(workers, 1):
                yield from _drain_one(pending)
        while pending:
            yield from _drain_one(pending)
    finally:
        for fut, _ in pending:
            fut.cancel()
        if own:
            executor.shutdown(wait=True, cancel_futures=True)


def _drain_one(pending: deque[tuple[Future, int]]) -> Iterator[PageOut]:
    fut, skipped = pending.popleft()
    if skipped:
        yield PageOut(source="", articles=[], weight=skipped)
    yield from fut.result()


def make_pool(workers: int, names: tuple[str, ...] | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes with the pipeline loaded in each.

    Workers are forked where the platform can (they then inherit components
    registered at run time with :func:`kg.pipeline.register`), spawned elsewhere.
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() and sys.platform != "darwin" \
        else mp.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    for fut in [pool.submit(_warm_up, names) for _ in range(workers)]:
        fut.result()
    return pool


class StreamWriter:
    """Append articles to an RDF file as they come; the file appears (atomically) on :meth:`close`.

    N-Quads (``.nq``) and N-Triples (``.nt``) are written line by line: each
    article is a named graph in N-Quads (its lines are distinct by graph
    name); in N-Triples an entity triple that an earlier article already
    stated is skipped (kept: one 16-byte digest per distinct entity triple).
    Turtle, TriG and JSON-LD group triples by subject over the whole graph, so
    the articles are streamed into an N-Triples/N-Quads temporary file and the
    whole graph is parsed and written at the end: that last step holds the
    whole graph in memory (rdflib, roughly 1 kB per triple).

    Memory: one 16-byte digest per distinct entity triple and an entry per
    article (its IRI's and content's digests and its source file name).

    Attributes:
        triples: Distinct triples written so far (as in the merged graph).
        entities: Distinct typed nodes by gk class.
        warnings: Articles built twice with different content.
    """

    def __init__(self, path: str | Path | None) -> None:
        self.triples = 0
        self.entities: Counter = Counter()
        self.warnings: list[str] = []
        self._seen: set[bytes] = set()
        self._articles: dict[bytes, tuple[bytes, str]] = {}
        self._fh: IO[bytes] | None = None
        self.path = Path(path) if path is not None else None
        if self.path is None:  # count only (a build into a store alone)
            self.fmt = self._stream_fmt = None
            return
        self.fmt = format_for(self.path)
        self._stream_fmt = "nquads" if self.fmt in ("nquads", "trig") else "nt"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        from kg.rdf.serialize import make_ordinary

        make_ordinary(fd)  # mkstemp makes it private; the output is an ordinary file
        self._fh = os.fdopen(fd, "wb", buffering=1 << 20)

    def write(self, art: ArticleOut, source: str = "") -> None:
        """Append one article (``source``: the file it came from, for the warning below).

        An article whose IRI was written before (the same page given twice) is
        skipped when its triples are the same; when they differ (two inputs with
        the same file name), both are written, merged as one article as in the
        in-memory build, and :attr:`warnings` says so.
        """
        key = digest(art.iri)
        h = hashlib.blake2b(art.local.encode("utf-8"), digest_size=16)
        for d, _, _ in art.shared:
            h.update(d)
        prev = self._articles.get(key)
        if prev is not None:
            if prev[0] == h.digest():
                return
            self.warnings.append(f"{shown(source) if source else art.iri}: article {art.iri} was already built from "
                                 f"{prev[1] or 'another input'} with other content; both are merged into it")
        else:
            self._articles[key] = (h.digest(), source)
        quads = self._stream_fmt == "nquads"
        g = f" <{art.iri}> .\n"
        parts: list[str] = []
        self.triples += art.local_count
        self.entities.update(art.local_types)
        parts.append(_to_quads(art.local, g) if quads else art.local)
        for d, line, cls in art.shared:
            new = d not in self._seen
            if new:
                self._seen.add(d)
                self.triples += 1
                if cls:
                    self.entities[cls] += 1
            if quads:
                parts.append(line[:-3] + g)
            elif new:
                parts.append(line)
        if self._fh is not None:
            self._fh.write("".join(parts).encode("utf-8"))

    def close(self) -> int:
        """Finish the file and move it into place; returns the triple count."""
        fh, self._fh = self._fh, None
        if fh is None:
            return self.triples
        assert self.path is not None
        try:
            if self.fmt in ("nquads", "nt"):
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
                os.replace(self._tmp, self.path)
            else:
                fh.close()
                from kg.rdf.serialize import atomic_write_bytes

                if self.fmt == "trig":
                    g = bind_prefixes(Dataset())
                    g.parse(self._tmp, format="nquads")
                else:
                    g = bind_prefixes(Graph())
                    g.parse(self._tmp, format="nt")
                data = g.serialize(format=self.fmt)
                atomic_write_bytes(self.path, data.encode("utf-8") if isinstance(data, str) else data)
                self._tmp.unlink(missing_ok=True)
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise
        return self.triples

    def abort(self) -> None:
        """Drop the partial output; an existing file at ``path`` is left as it was."""
        fh, self._fh = self._fh, None
        if fh is not None:
            fh.close()
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> StreamWriter:
        return self

    def __exit__(self, exc_type, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _to_quads(nt: str, g: str) -> str:
    """N-Triples lines to N-Quads lines in graph ``g`` (given as ``' <iri> .\\n'``).

    In N-Triples a raw newline only ends a line (newlines in literals are
    escaped), so every ``' .\\n'`` is a line end.
    """
    return nt.replace(" .\n", g)


def progress_bar(total: int, enabled: bool | None = None):
    """A tqdm bar over input bytes with articles/s, or None when not on a terminal (or disabled)."""
    if enabled is None:
        enabled = sys.stderr.isatty() and not os.environ.get("CI")
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, dynamic_ncols=True,
                desc="build", smoothing=0.1, mininterval=0.5,
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]")
