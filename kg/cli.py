"""The ``kg`` command line: thin wrappers around the library.

Each command parses its arguments and calls one public function.  Commands
other than ``build`` and ``ingest`` live next to the library code they wrap
and are imported on first use (see :data:`LAZY_COMMANDS`).
"""
from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import click

LAZY_COMMANDS: dict[str, str] = {
    # name -> "module:click_command"; each module holds the command for its library code
    "query": "kg.sparql.query:query_command",
    "serve": "kg.sparql.serve:serve_command",
    "push": "kg.sparql.push:push_command",
    "remove": "kg.sparql.store:remove_command",
    "viz": "kg.viz.cli:viz_command",
    "distributed": "kg.distributed:distributed_command",
    "people": "kg.careers_cli:people_command",
    "career": "kg.careers_cli:career_command",
}

SAMPLE_QUERY = """SELECT ?name ?role ?agency WHERE {
  ?o a gk:Official ; rdfs:label ?name ; gk:holds ?p .
  ?p gk:role ?role ; gk:postIn ?a . ?a rdfs:label ?agency .
} ORDER BY ?name LIMIT 8"""


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module, _, attr = LAZY_COMMANDS[name].partition(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """click callback: a YYYY-MM-DD option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def parse_region(ctx: click.Context, param: click.Parameter, value: str | None):
    """click callback: a division name (county level or above) or 中国 for --region."""
    if value is None:
        return None
    from kg.resolve import region_from_name

    try:
        return region_from_name(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(cls=LazyGroup)
@click.version_option(package_name="govkg")
def cli() -> None:
    """govkg: build a knowledge graph of officials, posts, agencies, places, projects and
    events from Chinese government newspaper pages, then query, explore and export it."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file; the suffix picks the format: .ttl Turtle, .trig TriG (a named graph per "
                   "article), .nq N-Quads, .jsonld JSON-LD.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Add each article's graph to this store directory (created if missing), replacing "
                   "the article if it is already there. At least one of -o and --store is needed.")
@click.option("--date", callback=parse_date,
              help="Publication date YYYY-MM-DD of every input, over what the pages say (else a JSONL record's "
                   "date, the page header, a dateline, the file or folder name).")
@click.option("--region", callback=parse_region,
              help="Home region of the paper at any level: 聊城市, 灵川县, 北京市, 中国 (else inferred per page).")
@click.option("-j", "--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes extracting pages in parallel (0: one per core); the graph is the same.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and no progress bar).")
def build(inputs: tuple[Path, ...], output: Path | None, store: Path | None, date: dt.date | None, region,
          workers: int, quiet: bool) -> None:
    """Build a graph from newspaper pages (.txt, .html, .jsonl files or directories)."""
    from kg.build import build as run_build
    from kg.rdf.serialize import format_for
    from kg.sparql.store import StoreError

    if output is None and store is None:
        raise click.UsageError("give -o OUTPUT, --store DIR, or both")
    try:
        if output is not None:
            format_for(output)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-o/--output") from None
    try:
        result = run_build(list(inputs), output, date=date, region=region, store=store, workers=workers,
                           progress=False if quiet else None)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for err in result.errors:
        click.echo(f"error: {err}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if result.articles == 0:
        click.echo("error: no article could be read; nothing written", err=True)
        sys.exit(1)
    if not quiet:
        where = ", ".join(str(x) for x in (output, store) if x)
        click.echo(f"{where}: {result.pages} page(s), {result.articles} articles, {result.triples} triples")
        if result.regions:
            click.echo("home region: " + ", ".join(f"{r} ({n} pages)" for r, n in result.regions.most_common()))
        if result.dates:
            click.echo("dated by: " + ", ".join(f"{'no date' if k == 'none' else k} ({n} pages)"
                                                for k, n in result.dates.most_common()))
        counts = ", ".join(f"{k} {v}" for k, v in sorted(result.entities.items()) if k not in ("Sentence",))
        click.echo(f"entities: {counts}")
    if result.errors:
        sys.exit(2)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--date", callback=parse_date, help="Publication date YYYY-MM-DD of every input (see kg build).")
@click.option("--text", "show_text", is_flag=True, help="Print each article's repaired text too.")
def ingest(inputs: tuple[Path, ...], date: dt.date | None, show_text: bool) -> None:
    """Read pages and show how they split into articles (headline, byline, date)."""
    from kg.ingest import IngestReport
    from kg.ingest import ingest as run_ingest

    report = IngestReport()
    for page in run_ingest(list(inputs), date=date, report=report):
        how = f"dated by {page.date_source}" if page.date else "no date found"
        click.echo(f"{page.source}  date={page.date or '?'}  articles={len(page.articles)}  ({how})")
        for a in page.articles:
            extra = f" [{a.column}]" if a.column else ""
            if a.date != page.date:
                extra += f" [{a.date} ({a.date_source})]"
            people = ", ".join(a.authors or a.photographers)
            click.echo(f"  {a.index:>2}. {a.headline}{extra}  ({a.kind}; {people})")
            for alt in a.alt_headlines:
                click.echo(f"      ~ {alt}")
            if show_text:
                click.echo("      " + a.text.replace("\n", "\n      "))
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.errors:
        sys.exit(2)
