"""``kg viz``: write the HTML graph explorer (a thin wrapper around :func:`kg.viz.render_html`)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kg.cli import parse_date


@click.command("viz")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--focus", metavar="NAME", help="Show only the neighbourhood of the node with this name.")
@click.option("--hops", type=click.IntRange(0, 10), default=2, show_default=True,
              help="How many steps around --focus to keep.")
@click.option("--class", "classes", metavar="A,B,...",
              help="Keep only these classes, e.g. Official,Agency,Event (subclasses such as InspectionVisit work too).")
@click.option("--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD", help="Keep what is seen on or after this date.")
@click.option("--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD", help="Keep what is seen on or before this date.")
@click.option("--title", help="Page title (default: the input's file name).")
@click.option("--no-timelines", is_flag=True,
              help="Do not embed career timelines of the most mentioned officials and bodies (a smaller page).")
def viz_command(source: Path, output: Path, focus: str | None, hops: int, classes: str | None,
                date_from: dt.date | None, date_to: dt.date | None, title: str | None, no_timelines: bool) -> None:
    """Write SOURCE (a graph file or store directory) as one self-contained HTML explorer.

    The page works offline. It opens on the most mentioned officials and bodies
    joined by their posts and events (or on --focus); click a node to open its
    neighbours and see its posts, events, career timeline and evidence
    sentences; search any name; the dates show the events of a period with
    their people.
    """
    from kg.viz import render_html

    try:
        out = render_html(source, output, focus=focus, hops=hops,
                          classes=[c for c in classes.split(",") if c.strip()] if classes else None,
                          date_from=date_from, date_to=date_to, title=title, timelines=not no_timelines)
    except KeyError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="--focus") from None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"{out}: {out.stat().st_size / 1e6:.1f} MB; open it in a browser")
