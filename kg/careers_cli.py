"""``kg people`` and ``kg career``: thin click commands over :mod:`kg.careers`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

SOURCE_HELP = "a store directory (kg build --store) or a .ttl/.trig/.nq/.jsonld file"


def _open(source: Path):
    from kg.careers import open_graph
    from kg.query import QueryError

    try:
        return open_graph(source)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@click.command("people")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--region", help="Only people of this region, at any level (松阳县, 丽水市, 浙江省).")
@click.option("--agency", help="Only people who held a post in this body (its name or part of it).")
@click.option("--name", help="Only people of this name (or whose name contains it).")
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table", show_default=True,
              help="table: one line per person; tsv: one line per person and post; json: everything.")
@click.option("--limit", type=click.IntRange(min=1), help="Show only the N most mentioned people.")
def people_command(source: Path, region: str | None, agency: str | None, name: str | None, fmt: str,
                   limit: int | None) -> None:
    """Who appears in SOURCE, with their posts and first and last dates.

    SOURCE is a store directory or a graph file. Namesakes in different
    regions are different people and get a line each (the region column).
    """
    from kg.career_text import format_people, people_tsv, to_json
    from kg.careers import people

    found = people(_open(source), region=region, agency=agency, name=name)
    if limit is not None:
        found = found[:limit]
    click.echo({"table": format_people, "tsv": people_tsv, "json": to_json}[fmt](found), nl=fmt == "table")


@click.command("career")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("name", required=False)
@click.option("--region", help="Only the namesake of this region, at any level (松阳县, 丽水市, 浙江省).")
@click.option("--agency", metavar="LABEL", help="Show a body's office holders over time instead of a person.")
@click.option("--no-events", is_flag=True, help="List posts only.")
@click.option("--brief", is_flag=True, help="Leave out the evidence lines (article and sentence).")
@click.option("--svg", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the timeline as an SVG file (several namesakes or bodies: FILE-2.svg, …).")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
def career_command(source: Path, name: str | None, region: str | None, agency: str | None, no_events: bool,
                   brief: bool, svg: Path | None, as_json: bool) -> None:
    """One person's posts and events in SOURCE, in date order, each with its article and sentence.

    \b
    Changes of post are marked: ◆ first seen, ● a new post (or a new holder
    of a body's post), ▲ a promotion such as 副县长 → 县长.
    \b
    Examples:
      kg career kgstore/ 林志远
      kg career years.ttl 林志远 --region 松阳县 --svg lzy.svg
      kg career kgstore/ --agency 松阳县人民政府
    """
    from kg.career_plot import agency_svg, career_svg
    from kg.career_text import format_agency, format_careers, to_json
    from kg.careers import agency_history, careers

    if (name is None) == (agency is None):
        raise click.UsageError("give a NAME or --agency LABEL (one of them)")
    store = _open(source)
    if agency is not None:
        found = agency_history(store, agency)
        if not found:
            click.echo(f"error: no body called {agency} in {source}", err=True)
            sys.exit(1)
        text = to_json(found) if as_json else "\n\n".join(format_agency(h, not brief) for h in found)
        plots = [agency_svg(h) for h in found]
    else:
        found = careers(store, name, region=region, events=not no_events)
        if not found:
            where = f" in {region}" if region else ""
            click.echo(f"error: nobody called {name}{where} in {source}", err=True)
            sys.exit(1)
        text = to_json(found) if as_json else format_careers(found, name, not brief)
        plots = [career_svg(c) for c in found]
    click.echo(text, nl=not text.endswith("\n"))
    if svg is not None:
        for i, plot in enumerate(plots):
            path = svg if i == 0 else svg.with_name(f"{svg.stem}-{i + 1}{svg.suffix}")
            path.write_text(plot, encoding="utf-8")
            click.echo(f"wrote {path}", err=True)
