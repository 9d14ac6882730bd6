"""Timelines of one person or one body as a standalone SVG (written by hand: no network, no new dependency).

One row per post (a person's) or per holder and post (a body's): a bar from
the first to the last date seen, a dot for each article, and a marker with a
label where the post changed (▲ a promotion, ● a new post or holder).  A
person's events are dots on a row of their own.  Every mark has a tooltip
(``<title>``) with the date and the article.

>>> from kg.careers import careers  # doctest: +SKIP
>>> Path("career.svg").write_text(career_svg(careers("out/years.ttl", "林志远")[0]))
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from kg.careers import AgencyHistory, Career, CareerEntry
from kg.results import width

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f")
FONT = "'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif"
ROW_H = 30
PLOT_W = 640
CHANGE_COLOURS = {"promotion": "#d62728", "new post": "#1f77b4", "new holder": "#1f77b4", "first seen": "#555"}


@dataclass
class _Row:
    label: str
    colour: str
    entries: list[CareerEntry] = field(default_factory=list)
    bar: bool = True


def _tip(e: CareerEntry) -> str:
    date = e.date.isoformat() if e.date else "undated"
    ev = e.evidence
    src = f"\n{ev.source or ''} {ev.headline}".rstrip() if ev else ""
    change = f"\n{e.change}{': ' + e.note if e.note else ''}" if e.change else ""
    return f"{date} {e.person.name} {e.what}{change}{src}"


def _svg(title: str, subtitle: str, rows: list[_Row]) -> str:
    dates = [e.date for r in rows for e in r.entries if e.date]
    undated = sum(1 for r in rows for e in r.entries if not e.date)
    if dates:
        lo, hi = min(dates), max(dates)
    else:
        lo = hi = dt.date.today()
    lo = dt.date(lo.year, 1, 1)
    hi = dt.date(hi.year + 1, 1, 1)
    days = max((hi - lo).days, 1)
    label_w = max([width(r.label) for r in rows] + [10]) * 7 + 24
    left, top = label_w, 64
    total_w = left + PLOT_W + 40
    total_h = top + ROW_H * max(len(rows), 1) + 48

    def x(d: dt.date) -> float:
        return round(left + PLOT_W * (d - lo).days / days, 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w}" height="{total_h}" '
           f'viewBox="0 0 {total_w} {total_h}" font-family="{FONT}" font-size="13">',
           f'<rect width="{total_w}" height="{total_h}" fill="#fff"/>',
           f'<text x="12" y="24" font-size="17" font-weight="bold">{escape(title)}</text>',
           f'<text x="12" y="44" fill="#555">{escape(subtitle)}</text>']
    bottom = top + ROW_H * len(rows)
    for year in range(lo.year, hi.year + 1):
        xx = x(dt.date(year, 1, 1))
        out.append(f'<line x1="{xx}" y1="{top - 4}" x2="{xx}" y2="{bottom}" stroke="#ddd"/>')
        if year < hi.year:
            mid = x(dt.date(year, 7, 1))
            out.append(f'<text x="{mid}" y="{bottom + 18}" text-anchor="middle" fill="#333">{year}</text>')
    for i, row in enumerate(rows):
        y = top + ROW_H * i + ROW_H / 2
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{top + ROW_H * i}" width="{total_w}" height="{ROW_H}" fill="#f6f8fa"/>')
        out.append(f'<text x="{left - 10}" y="{y + 4}" text-anchor="end">{escape(row.label)}</text>')
        ds = sorted(e.date for e in row.entries if e.date)
        if row.bar and ds:
            x0, x1 = x(ds[0]), x(ds[-1])
            out.append(f'<rect x="{x0 - 3}" y="{y - 6}" width="{max(x1 - x0, 0) + 6}" height="12" rx="6" '
                       f'fill={quoteattr(row.colour)} fill-opacity="0.35"/>')
        for e in row.entries:
            if not e.date:
                continue
            xx = x(e.date)
            tip = f"<title>{escape(_tip(e))}</title>"
            if e.change and e.change != "first seen":
                colour = CHANGE_COLOURS.get(e.change, "#333")
                out.append(f'<path d="M{xx} {y - 12} l6 10 h-12 z" fill="{colour}">{tip}</path>')
                text = e.note or e.change
                right = xx + 8 + width(text) * 6 > total_w - 4  # no room on the right: write it to the left
                anchor = ' text-anchor="end"' if right else ""
                out.append(f'<text x="{xx - 8 if right else xx + 8}" y="{y - 4}" font-size="11" fill="{colour}"'
                           f'{anchor}>{escape(text)}</text>')
            else:
                out.append(f'<circle cx="{xx}" cy="{y}" r="4" fill={quoteattr(row.colour)}>{tip}</circle>')
    if undated:
        out.append(f'<text x="12" y="{total_h - 8}" fill="#888" font-size="11">'
                   f'{undated} undated mention(s) not drawn</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def career_svg(career: Career) -> str:
    """A person's timeline: one row per post, then a row of events."""
    rows: dict[str, _Row] = {}
    agencies: dict[str | None, str] = {}
    for e in career.entries:
        if e.kind != "post":
            continue
        colour = agencies.setdefault(e.agency, PALETTE[len(agencies) % len(PALETTE)])
        rows.setdefault(e.post or e.what, _Row(e.what, colour)).entries.append(e)
    events = [e for e in career.entries if e.kind == "event"]
    out = list(rows.values())
    if events:
        out.append(_Row("活动 events", "#555", events, bar=False))
    s = career.summary
    first, last = s.first.isoformat() if s.first else "?", s.last.isoformat() if s.last else "?"
    return _svg(f"{s.person.name} · {s.person.where}",
                f"{len(career.entries)} entries, {first} … {last}; ▲ promotion, ● new post", out)


def agency_svg(history: AgencyHistory) -> str:
    """A body's timeline: one row per holder and post, the senior posts first."""
    rows: dict[tuple[str, str | None], _Row] = {}
    order = {(t.person.iri, t.spell.post): i for i, t in enumerate(history.tenures)}
    posts: dict[str | None, str] = {}
    for e in history.entries:
        colour = posts.setdefault(e.role, PALETTE[len(posts) % len(PALETTE)])
        rows.setdefault((e.person.iri, e.post), _Row(f"{e.role} {e.person.name}", colour)).entries.append(e)
    out = [rows[k] for k in sorted(rows, key=lambda k: order.get(k, len(order)))]
    return _svg(history.label, f"{len(history.tenures)} holder(s) of its posts; ▲ promotion, ● new holder", out)
