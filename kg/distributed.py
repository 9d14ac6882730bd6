"""Past one machine: the build as a Dask bag over page shards, writing N-Quads shards.

Extraction is a pure function of a page (and the optional home region), so a
build splits into shards — a file, or for a large JSONL corpus one of several
interleaved slices of its records — that any worker of a Dask cluster can
extract independently.  Each shard is written by the worker that built it, as
``part-NNNNN.nq`` (one named graph per article, atomically), into a directory
that every worker can write (a shared filesystem on a real cluster).  The
shards together are the graph ``kg build -o OUT.nq`` makes; load them into
any SPARQL store (``oxigraph load --location DIR --file part-00000.nq`` …),
or merge them with :func:`merge_shards`.  See docs/distributed.md.

Needs the ``distributed`` extra (``pip install 'govkg[distributed]'``).

>>> from dask.distributed import Client  # doctest: +SKIP
>>> from kg.distributed import build_distributed
>>> result = build_distributed(["corpus/"], "shards/", client=Client("tcp://scheduler:8786"))
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import click

from kg.model import Region

SHARD_PATTERN = "part-{:05d}.nq"
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Shard:
    """A unit of work: the pages of ``path`` whose index is ``part`` modulo ``parts``."""

    index: int
    path: str
    part: int = 0
    parts: int = 1


@dataclass
class ShardResult:
    """What one shard made."""

    index: int
    path: str
    pages: int = 0
    articles: int = 0
    quads: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # pages with no date, headers contradicting --date


@dataclass
class DistributedResult:
    """A distributed build: its shard files, in input order, and totals."""

    shards: list[Path]
    pages: int = 0
    articles: int = 0
    quads: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # pages with no date, headers contradicting --date


def plan_shards(paths: Iterable[str | Path], shard_bytes: int = 4_000_000) -> list[Shard]:
    """Split the inputs into shards: one per file; a JSONL file bigger than ``shard_bytes`` into several."""
    from kg.ingest.read import iter_input_files

    shards: list[Shard] = []
    for f in iter_input_files(list(paths)):
        try:
            size = f.stat().st_size
        except OSError:
            size = 0
        parts = max(1, -(-size // shard_bytes)) if f.suffix.lower() in JSONL_SUFFIXES else 1
        for k in range(parts):
            shards.append(Shard(len(shards), str(f), k, parts))
    return shards


def run_shard(shard: Shard, out_dir: str, date: dt.date | None = None, region: Region | None = None,
              names: tuple[str, ...] | None = None) -> ShardResult:
    """Extract one shard and write its N-Quads file into ``out_dir`` (runs on a worker)."""
    from kg.ingest import IngestReport, ingest
    from kg.stream import _pipeline, _to_quads, page_out

    report = IngestReport()
    res = ShardResult(shard.index, str(Path(out_dir) / SHARD_PATTERN.format(shard.index)))
    pipe = _pipeline(names)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".part-{shard.index:05d}.", suffix=".tmp", dir=out_dir)
    from kg.rdf.serialize import make_ordinary

    make_ordinary(fd)  # the shard follows the umask like any file, not mkstemp's 0600
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            for i, page in enumerate(ingest([shard.path], date=date, report=report)):
                if i % shard.parts != shard.part:
                    continue
                res.pages += 1
                done = page_out(pipe(page, region))
                res.warnings.extend(page.warnings)  # the page's, and any component's that failed on it
                for art in done.articles:
                    res.articles += 1
                    g = f" <{art.iri}> .\n"
                    lines = _to_quads(art.local, g) + "".join(line[:-3] + g for _, line, _ in art.shared)
                    res.quads += art.local_count + len(art.shared)
                    fh.write(lines.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, res.path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    res.errors = [e for e in report.errors] if shard.part == 0 else []
    return res


def build_distributed(paths: Iterable[str | Path], out_dir: str | Path, client: Any = None,
                      date: dt.date | None = None, region: Region | None = None,
                      names: Iterable[str] | None = None, shard_bytes: int = 4_000_000) -> DistributedResult:
    """Build N-Quads shards of the inputs on a Dask cluster.

    Args:
        paths: Pages (.txt, .html, .jsonl files or directories), readable by every worker.
        out_dir: Directory for ``part-NNNNN.nq``, writable by every worker; shards
            of an earlier, bigger run that this run did not make are removed.
        client: A :class:`dask.distributed.Client`; None runs the bag on the
            local multiprocessing scheduler.
        names: Pipeline component names (default: the default pipeline).
        shard_bytes: JSONL files bigger than this are split into several shards.

    Returns:
        The shard files in input order, with page, article and quad counts and unreadable files.
    """
    import dask.bag as db

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(paths, shard_bytes)
    key = tuple(names) if names is not None else None
    if not shards:
        return DistributedResult(shards=[])
    bag = db.from_sequence(shards, npartitions=len(shards)).map(run_shard, str(out), date, region, key)
    results: list[ShardResult] = bag.compute(scheduler=client.get if client is not None else "processes")
    results.sort(key=lambda r: r.index)
    made = {Path(r.path).name for r in results}
    for stale in out.glob("part-*.nq"):
        if stale.name not in made:
            stale.unlink()
    res = DistributedResult(shards=[Path(r.path) for r in results])
    for r in results:
        res.pages += r.pages
        res.articles += r.articles
        res.quads += r.quads
        res.errors.extend(r.errors)
        res.warnings.extend(r.warnings)
    return res


def merge_shards(shards: Iterable[str | Path], output: str | Path) -> int:
    """Merge N-Quads shards into one file (format by suffix, atomically); returns distinct triples.

    The result is what ``kg build -o OUTPUT`` writes for the same inputs.
    N-Quads and N-Triples are streamed; Turtle, TriG and JSON-LD hold the
    whole graph in memory while they are written.
    """
    from kg.stream import StreamWriter

    with StreamWriter(output) as w:
        for shard in shards:
            with open(shard, encoding="utf-8") as fh:
                for art in articles_from_nquads(fh):
                    w.write(art, str(shard))
    return w.triples


def articles_from_nquads(lines: Iterable[str]):
    """Rebuild :class:`kg.stream.ArticleOut` objects from N-Quads lines grouped by graph (as in a shard)."""
    from kg.stream import _GK, ArticleOut, digest

    typ = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    gk = f"<{_GK}"
    cur: str | None = None
    local: list[str] = []
    types: list[str] = []
    shared: list[tuple[bytes, str, str | None]] = []

    def flush():
        return ArticleOut(iri=cur, local="".join(local), local_count=len(local), local_types=list(types),
                          shared=list(shared))

    for line in lines:
        if not line.strip():
            continue
        cut = line.rfind(" <", 0, len(line) - 3)
        g = line[cut + 2:line.rindex(">")]
        if g != cur:
            if cur is not None:
                yield flush()
            cur, local, types, shared = g, [], [], []
        triple = line[:cut] + " .\n"
        subj, pred, rest = triple.split(" ", 2)
        obj = rest[:-3]
        cls = obj[len(gk):-1] if pred == typ and obj.startswith(gk) else None
        mine = (f"<{g}>", f"<{g}/")
        if subj == mine[0] or subj.startswith(mine[1]) or obj == mine[0] or obj.startswith(mine[1]):
            local.append(triple)
            if cls:
                types.append(cls)
        else:
            shared.append((digest(triple), triple, cls))
    if cur is not None:
        yield flush()


@click.command("distributed")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out-dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for the N-Quads shards part-NNNNN.nq (every worker must be able to write it).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler, e.g. tcp://scheduler:8786; else a local cluster of --workers processes.")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Processes of the local cluster (without --scheduler).")
@click.option("--date", help="Publication date YYYY-MM-DD (else from the file name or JSONL).")
@click.option("--region", help="Home region of the paper, e.g. 聊城市 (else inferred from each page).")
@click.option("--merge", "merge_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Also merge the shards into this file (format by suffix).")
def distributed_command(inputs: tuple[Path, ...], out_dir: Path, scheduler: str | None, workers: int,
                        date: str | None, region: str | None, merge_to: Path | None) -> None:
    """Build on a Dask cluster: N-Quads shards, one named graph per article."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        click.echo("error: needs dask and distributed: pip install 'govkg[distributed]'", err=True)
        sys.exit(1)
    from kg.cli import parse_date, parse_region

    day = parse_date(None, None, date)  # type: ignore[arg-type]
    home = parse_region(None, None, region)  # type: ignore[arg-type]
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        result = build_distributed(list(inputs), out_dir, client=client, date=day, region=home)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for err in result.errors:
        click.echo(f"error: {err}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{out_dir}: {len(result.shards)} shard(s), {result.pages} page(s), {result.articles} articles, "
               f"{result.quads} quads")
    if merge_to is not None:
        triples = merge_shards(result.shards, merge_to)
        click.echo(f"{merge_to}: {triples} triples")
    if result.articles == 0:
        sys.exit(1)
    if result.errors:
        sys.exit(2)


if __name__ == "__main__":
    distributed_command()
