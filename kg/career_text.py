"""Plain-text and JSON renderings of :mod:`kg.careers` results (what ``kg people`` and ``kg career`` print)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

from kg.careers import AgencyHistory, Career, CareerEntry, Evidence, PersonSummary, PostSpell
from kg.rdf.namespaces import ID
from kg.results import pad, width

MARKS = {"first seen": "◆", "new post": "●", "promotion": "▲", "new holder": "●"}


def _d(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def span(first: dt.date | None, last: dt.date | None) -> str:
    """``2021-04-12 … 2022-06-15``, one date when both are the same, ``undated`` when none."""
    if first is None:
        return "undated"
    return _d(first) if first == last or last is None else f"{_d(first)} … {_d(last)}"


def short_iri(iri: str) -> str:
    """An entity IRI without the id namespace (``official/松阳县/林志远``)."""
    return iri.removeprefix(str(ID))


def post_line(spell: PostSpell) -> str:
    """A post with its dates: ``松阳县人民政府副县长 2021-04-12 … 2022-06-15``."""
    return f"{spell.label} {span(spell.first, spell.last)}"


def table(header: list[str], rows: list[list[str]]) -> str:
    """Columns aligned for the terminal (CJK characters take two columns); the last column is not padded."""
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]
    fmt = lambda cells: "  ".join(pad(c, w) if i < len(cells) - 1 else c  # noqa: E731
                                  for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return "\n".join([fmt(header), "  ".join("─" * w for w in widths)] + [fmt(r) for r in rows])


def format_people(summaries: list[PersonSummary]) -> str:
    """The table ``kg people`` prints: name, region, first and last dates, counts, posts."""
    rows = [[s.person.name, s.person.where, _d(s.first), _d(s.last), str(s.articles), str(s.events),
             "; ".join(post_line(p) for p in s.posts) or "—"] for s in summaries]
    out = table(["name", "region", "first", "last", "articles", "events", "posts"], rows)
    return out + f"\n({len(rows)} {'person' if len(rows) == 1 else 'people'})"


def people_tsv(summaries: list[PersonSummary]) -> str:
    """One line per person and post, tab-separated (a person without a post gets one line)."""
    lines = ["name\tregion\tiri\trole\tagency\tfirst\tlast\tseen"]
    for s in summaries:
        p = s.person
        for sp in s.posts or [None]:
            cells = [p.name, p.region or "", p.iri]
            cells += [sp.role, sp.agency or "", _d(sp.first), _d(sp.last), str(sp.seen)] if sp else \
                ["", "", _d(s.first), _d(s.last), str(s.articles)]
            lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _evidence_lines(ev: Evidence | None, indent: str) -> list[str]:
    if ev is None:
        return []
    head = " · ".join(x for x in (ev.source or short_iri(ev.article), ev.headline) if x)
    out = [f"{indent}{head}"]
    if ev.sentence:
        at = f"  [{ev.start}:{ev.end}]" if ev.start is not None else ""
        out.append(f"{indent}“{ev.sentence}”{at}")
    return out


def _entry_lines(e: CareerEntry, evidence: bool, who: bool = False, previous: CareerEntry | None = None
                 ) -> list[str]:
    change = ""
    if e.change:
        change = f"   {MARKS.get(e.change, '●')} {e.change}" + (f": {e.note}" if e.note else "")
    name = f"{e.person.name}  " if who else ""
    lines = [f"  {_d(e.date):<10}  {e.kind:<5}  {name}{e.what}{change}"]
    if not evidence or e.evidence is None:
        return lines
    if previous is not None and previous.evidence == e.evidence:
        return lines + [" " * 21 + "〃 (the same article and sentence)"]
    return lines + _evidence_lines(e.evidence, " " * 21)


def _entries(entries: list[CareerEntry], evidence: bool, who: bool = False) -> list[str]:
    out: list[str] = []
    for i, e in enumerate(entries):
        out += _entry_lines(e, evidence, who, entries[i - 1] if i else None)
    return out


def format_career(career: Career, evidence: bool = True) -> str:
    """One person's career as ``kg career NAME`` prints it: a header, the posts, then every entry by date."""
    s = career.summary
    p = s.person
    lines = [f"{p.name} — {p.where} — {short_iri(p.iri)}",
             f"  seen {span(s.first, s.last)} in {s.articles} article(s), {s.events} event(s)"]
    if s.posts:
        lines.append("  posts:")
        w = max(width(sp.label) for sp in s.posts)
        lines += [f"    {pad(sp.label, w)}  {span(sp.first, sp.last)}  ({sp.seen}×)" for sp in s.posts]
    lines.append("")
    lines += _entries(career.entries, evidence)
    return "\n".join(lines)


def format_careers(careers: list[Career], name: str, evidence: bool = True) -> str:
    """Every namesake's career, each under its own header."""
    if not careers:
        return f"nobody called {name} in the graph"
    head = []
    if len(careers) > 1:
        head = [f"{len(careers)} people called {name} (namesakes in different regions are different people): "
                + ", ".join(c.person.where for c in careers), ""]
    return "\n".join(head) + "\n\n".join(format_career(c, evidence) for c in careers)


def format_agency(history: AgencyHistory, evidence: bool = True) -> str:
    """A body's office holders (one line per person and post) and its entries by date."""
    lines = [f"{history.label} — {short_iri(history.iri)}", "  holders:"]
    rows = [[t.spell.role, t.person.name, t.person.where, span(t.spell.first, t.spell.last), f"{t.spell.seen}×"]
            for t in history.tenures]
    if rows:
        lines += ["    " + line for line in table(["role", "name", "region", "seen", "times"], rows).splitlines()]
    lines.append("")
    lines += _entries(history.entries, evidence, who=True)
    return "\n".join(lines)


def to_json(value: object) -> str:
    """Any :mod:`kg.careers` result (or list of them) as JSON: dates in ISO form."""
    def default(o: object) -> object:
        if isinstance(o, dt.date):
            return o.isoformat()
        raise TypeError(type(o).__name__)

    data = [dataclasses.asdict(v) for v in value] if isinstance(value, list) else dataclasses.asdict(value)
    return json.dumps(data, ensure_ascii=False, indent=1, default=default) + "\n"
