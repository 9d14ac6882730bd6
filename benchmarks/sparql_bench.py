"""Benchmark SPARQL: every saved question served by ``kg serve`` and asked with ``kg query``, beside a full scan.

    .venv/bin/python benchmarks/sparql_bench.py            # a year (6,500 articles, ~1M quads) and a quarter;
                                                           # writes the SPARQL section of docs/benchmarks.md
    .venv/bin/python benchmarks/sparql_bench.py --sizes 650 --no-write    # a quick run
    .venv/bin/python benchmarks/sparql_bench.py --rdflib   # also rdflib's engine on the same file

It writes an invented graph in the govkg vocabulary as N-Quads, one named
graph per article, the way ``kg build --store`` keeps it (officials with posts
and dated post holdings, agencies, a five-level place hierarchy, events with
participants and places, projects with investments, journalists, evidence
sentences; entities restated in every article that mentions them).  Then, for
each size:

* load: the file into a new store directory by pyoxigraph's own bulk loader
  (``Store.bulk_load``, the named graphs only), and by kg (what ``kg serve FILE``
  does: :func:`kg.sparql.query.open_dataset` with ``into=``, which also merges the
  article graphs into the default graph and adds the ontology), each in a fresh
  process; the same in memory (what ``kg query FILE`` does);
* serve: ``kg serve STORE`` in its own process, every saved question asked over
  HTTP as written (about everyone) and, where it has a parameter, once more with
  it bound, every row returned (``--max-rows`` far above any answer);
* ``kg query STORE --saved NAME`` for the same questions (a fresh process each,
  as a user runs it);
* the full scan ``SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }`` asked
  the same two ways, three times before and three times after the questions (the
  median is the yardstick): each question's time over the scan's is its ratio.

:func:`serve_check` is also what ``tests/test_saved_speed.py`` runs on a small corpus.
The "10-year" figures fit ``t = a·n^b`` through the two sizes and extrapolate to
ten times the larger.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GK = "https://w3id.org/govkg/ontology#"
ID = "https://w3id.org/govkg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥建国志文斌海波宁鹏飞云峰林晨光辉"
ROLES = ["书记", "副书记", "市长", "副市长", "局长", "副局长", "主任", "副主任", "县长", "党组书记"]
EVENTS = ["InspectionVisit", "Meeting", "PressConference", "Forum", "Groundbreaking", "SigningCeremony"]
PARAMS = {"official": "王伟明", "county": "县1", "agency": "机构1", "place": "市1", "journalist": "记者1",
          "x": "王伟明", "y": "机构1"}
SCAN = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LIMIT = 10.0
"""A saved question may take at most this many times the full scan (issue 16)."""


def lit(text: str, dtype: str | None = None) -> str:
    s = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{s}^^<{dtype}>" if dtype else s


def generate(path: Path, articles: int, seed: int = 7) -> int:
    """Write the synthetic dataset; returns the number of quads."""
    rnd = random.Random(seed)
    n_off, n_ag, n_pref, n_cty, n_town, n_vil = 4000, 600, 16, 160, 1600, 6000
    names = []
    seen: set[str] = set()
    while len(names) < n_off:
        n = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        if n not in seen:
            seen.add(n)
            names.append(n)
    names[0] = PARAMS["official"]
    parent = {}
    places = [("p0", "Province", "省0", None)]
    places += [(f"pf{i}", "Prefecture", f"市{i}", "p0") for i in range(n_pref)]
    places += [(f"c{i}", "County", f"县{i}", f"pf{i % n_pref}") for i in range(n_cty)]
    places += [(f"t{i}", "Township", f"镇{i}", f"c{i % n_cty}") for i in range(n_town)]
    places += [(f"v{i}", "Village", f"村{i}", f"t{i % n_town}") for i in range(n_vil)]
    pinfo = {p[0]: p for p in places}
    for key, _, _, par in places:
        parent[key] = par
    agencies = [(f"a{i}", f"机构{i}", f"c{i % n_cty}" if i % 3 else f"pf{i % n_pref}") for i in range(n_ag)]
    posts = {}
    for o in range(n_off):
        posts[o] = [(rnd.randrange(n_ag), rnd.choice(ROLES)) for _ in range(rnd.choice((1, 1, 2)))]
    out = []
    quads = 0

    def q(s: str, p: str, o: str, g: str) -> None:
        out.append(f"{s} <{p}> {o} {g} .\n")

    with path.open("w", encoding="utf-8") as fh:
        for a in range(articles):
            art = f"<{ID}article/bench/{a}>"
            g = art
            day = f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}"
            q(art, RDF_TYPE, f"<{GK}Article>", g)
            q(art, f"{SCHEMA}headline", lit(f"第{a}篇报道"), g)
            q(art, f"{SCHEMA}datePublished", lit(day, XSD + "date"), g)
            q(art, f"{GK}text", lit("正文" * 20), g)
            jr = f"<{ID}journalist/j{a % 50}>"
            q(art, f"{SCHEMA}author", jr, g)
            q(jr, RDF_TYPE, f"<{GK}Journalist>", g)
            q(jr, LABEL, lit(f"记者{a % 50}"), g)
            sents = [f"<{ID}article/bench/{a}/s{k}>" for k in range(8)]
            for k, s in enumerate(sents):
                q(art, f"{GK}sentence", s, g)
                q(s, RDF_TYPE, f"<{GK}Sentence>", g)
                q(s, f"{GK}text", lit(f"句子{k}"), g)

            def mention(node: str, cls: str, label: str) -> None:
                q(node, RDF_TYPE, f"<{GK}{cls}>", g)
                q(node, LABEL, lit(label), g)
                q(node, f"{GK}mentionedIn", art, g)
                q(node, f"{GK}evidence", rnd.choice(sents), g)

            people = rnd.sample(range(n_off), 4)
            if a % 7 == 0:
                people[0] = 0
            for o in people:
                on = f"<{ID}official/o{o}>"
                mention(on, "Official", names[o])
                for ag, role in posts[o]:
                    post = f"<{ID}post/a{ag}-{ROLES.index(role)}>"
                    q(on, f"{GK}holds", post, g)
                    q(post, RDF_TYPE, f"<{GK}Post>", g)
                    q(post, f"{GK}role", lit(role), g)
                    q(post, f"{GK}postIn", f"<{ID}agency/a{ag}>", g)
                    h = f"<{ID}holding/{a}-{o}-{ag}>"
                    q(h, RDF_TYPE, f"<{GK}PostHolding>", g)
                    q(h, f"{GK}member", on, g)
                    q(h, f"{GK}post", post, g)
                    q(h, f"{GK}observedOn", lit(day, XSD + "date"), g)
                    key, label, juris = agencies[ag]
                    an = f"<{ID}agency/{key}>"
                    mention(an, "Agency", label)
                    q(an, f"{GK}jurisdiction", f"<{ID}place/{juris}>", g)
            town = rnd.randrange(n_vil)
            chain = [f"v{town}"]
            while parent[chain[-1]]:
                chain.append(parent[chain[-1]])
            for key in chain[:4]:
                _, cls, label, par = pinfo[key]
                pn = f"<{ID}place/{key}>"
                mention(pn, cls, label)
                q(pn, f"{GK}locatedIn", f"<{ID}place/{par}>", g)
            ev = f"<{ID}event/e{a}>"
            q(ev, RDF_TYPE, f"<{GK}{EVENTS[a % len(EVENTS)]}>", g)
            q(ev, LABEL, lit(f"活动{a}"), g)
            q(ev, f"{GK}date", lit(day, XSD + "date"), g)
            q(ev, f"{GK}mentionedIn", art, g)
            q(ev, f"{GK}place", f"<{ID}place/{chain[rnd.randrange(3)]}>", g)
            for o in people[:3]:
                q(ev, f"{GK}participant", f"<{ID}official/o{o}>", g)
            if a % 3 == 0:
                pj = f"<{ID}project/j{a}>"
                mention(pj, "Project", f"项目{a}")
                q(pj, f"{GK}projectPlace", f"<{ID}place/{chain[rnd.randrange(2, 4)]}>", g)
                amt = f"<{ID}amount/j{a}>"
                q(pj, f"{GK}investment", amt, g)
                q(amt, f"{GK}value", lit(f"{rnd.randrange(1, 500)}.0E7", XSD + "double"), g)
                q(amt, f"{GK}unit", lit("CNY"), g)
            quads += len(out)
            fh.writelines(out)
            out.clear()
    return quads


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def questions() -> list[tuple[str, str, dict[str, str]]]:
    """Every saved question as written and, when it has parameters this corpus has values for, bound."""
    sys.path.insert(0, str(ROOT))
    from kg.sparql.saved import saved_queries

    out = []
    for name, sq in saved_queries().items():
        out.append((name, sq.text, {}))
        bound = {p: PARAMS[p] for p in sq.params if p in PARAMS}
        if bound:
            out.append((name + " (" + ", ".join(f"{k}={v}" for k, v in bound.items()) + ")", sq.text, bound))
    return out


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(ROOT), env.get("PYTHONPATH")) if x)
    env["PYTHONUNBUFFERED"] = "1"
    return env


# --- load ---------------------------------------------------------------------------------------------

def load_once(kind: str, data: str, target: str | None) -> dict:
    """One load in this process (run by :func:`timed_load` in a fresh one)."""
    import pyoxigraph as ox

    from kg.sparql.query import open_dataset

    fmt = ox.RdfFormat.N_QUADS
    if kind == "put":  # what `kg build --store` does with each article's triples (rdflib terms, made before the clock)
        from collections import defaultdict

        from rdflib import Literal, URIRef

        from kg.sparql.store import KgStore

        def rd(t):
            if isinstance(t, ox.NamedNode):
                return URIRef(t.value)
            return Literal(t.value, lang=t.language) if t.language else Literal(t.value, datatype=t.datatype.value)

        articles = defaultdict(list)
        for q in ox.parse(path=data, format=fmt):
            articles[q.graph_name.value].append((rd(q.subject), rd(q.predicate), rd(q.object)))
        t0, c0 = time.perf_counter(), time.process_time()
        with KgStore.open(target) as st:
            for iri, triples in articles.items():
                st.put_article(URIRef(iri), triples)
            n = len(st.store)
        return {"time": time.perf_counter() - t0, "cpu": time.process_time() - c0, "quads": n}
    t0, c0 = time.perf_counter(), time.process_time()
    if kind == "plain":
        store = ox.Store(target) if target else ox.Store()
        store.bulk_load(path=data, format=fmt)
    else:
        store = open_dataset(data, into=target)
    if target:
        store.flush()
    return {"time": time.perf_counter() - t0, "cpu": time.process_time() - c0, "quads": len(store)}


def timed_load(kind: str, data: Path, target: Path | None) -> dict:
    """Load ``data`` in a fresh process: ``plain`` (pyoxigraph's bulk_load) or ``kg`` (open_dataset)."""
    if target is not None:
        shutil.rmtree(target, ignore_errors=True)
    cmd = [sys.executable, __file__, "--load", kind, "--data", str(data)] + (["--into", str(target)] if target else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env()).stdout
    return json.loads(out)


# --- serve and query ------------------------------------------------------------------------------------

class Served:
    """``kg serve SOURCE`` in its own process on a free port; ``ask`` times one question over HTTP."""

    def __init__(self, source: Path, timeout: float = 600.0) -> None:
        cmd = [sys.executable, "-m", "kg", "serve", str(source), "--port", "0", "--timeout", str(timeout),
               "--max-rows", "100000000", "--max-memory", "0", "--workers", "1"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        line = self.proc.stdout.readline()
        m = re.search(r"http://[^/\s]+:(\d+)/sparql", line)
        if not m:
            self.proc.kill()
            raise RuntimeError(f"kg serve did not start: {line}{self.proc.stderr.read()}")
        self.url = f"http://127.0.0.1:{m.group(1)}/sparql"

    def ask(self, text: str) -> tuple[float, int]:
        """Seconds to answer (request sent to last byte read) and rows in the answer."""
        body = urllib.parse.urlencode({"query": text}).encode()
        req = urllib.request.Request(self.url, data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=3600) as resp:
            data = resp.read()
        dt = time.perf_counter() - t0
        return dt, len(json.loads(data)["results"]["bindings"])

    def close(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def kg_query(store: Path, args: list[str]) -> tuple[float, int]:
    """Seconds ``kg query STORE ARGS --format tsv`` takes (a fresh process) and the rows it printed."""
    cmd = [sys.executable, "-m", "kg", "query", str(store), *args, "--format", "tsv"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env()).stdout
    return time.perf_counter() - t0, max(len(out.splitlines()) - 1, 0)


def _ask_serve(served: Served, text: str, params: dict[str, str]) -> tuple[float, int]:
    from kg.sparql.saved import bind_params

    return served.ask(bind_params(text, params))


def _ask_cli(store: Path, name: str, params: dict[str, str]) -> tuple[float, int]:
    args = ["--saved", name.split(" (")[0]]
    for k, v in params.items():
        args += ["--param", f"{k}={v}"]
    return kg_query(store, args)


def serve_check(source: Path, repeat: int = 1, cli: bool = False, store: Path | None = None,
                progress: bool = False) -> dict:
    """Serve ``source`` with ``kg serve``, ask every saved question (as written, and bound) and the full scan.

    Args:
        source: A store directory or an RDF file (``kg serve`` loads a file into a store first).
        repeat: Ask each question this many times and keep the fastest (the scan: 3 × repeat
            times before the questions and as many after, the median kept).
        cli: Also time ``kg query STORE --saved NAME`` (needs ``store``).
        store: The store directory for ``kg query``.
        progress: Print each question's time to stderr.

    Returns:
        ``{"serve": {"scan": s, "scans": [...], "questions": {name: {"time", "rows"}}}, "cli": {...}}``.
    """
    out: dict = {}
    served = Served(source)
    try:
        ways = [("serve", lambda text, name, params: _ask_serve(served, text, params),
                 lambda: served.ask(SCAN))]
        if cli and store is not None:
            ways.append(("cli", lambda text, name, params: _ask_cli(store, name, params),
                         lambda: kg_query(store, [SCAN])))
        for way, ask, scan in ways:
            scans = [scan()[0] for _ in range(3 * repeat)]
            res: dict = {}
            for name, text, params in questions():
                runs = [ask(text, name, params) for _ in range(repeat)]
                res[name] = {"time": min(t for t, _ in runs), "rows": runs[0][1]}
                if progress:
                    print(f"  {way} {name}: {res[name]['time']:.3f} s, {res[name]['rows']} rows", file=sys.stderr)
            scans += [scan()[0] for _ in range(3 * repeat)]
            out[way] = {"scan": statistics.median(scans), "scans": scans, "questions": res}
    finally:
        served.close()
    return out


def slowest(result: dict) -> tuple[str, float]:
    """The question with the largest time over the scan, and that ratio."""
    scan = result["scan"]
    name = max(result["questions"], key=lambda n: result["questions"][n]["time"])
    return name, result["questions"][name]["time"] / scan


# --- rdflib (optional) ----------------------------------------------------------------------------------

class Timeout(Exception):
    pass


def run_rdflib(data: Path, limit: float) -> dict:
    from rdflib import Dataset, URIRef

    from kg.rdf.namespaces import PREFIXES
    from kg.sparql.saved import bind_params
    from kg.sparql.store import ONTOLOGY_GRAPH, ontology_path

    base = peak_mb()
    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(data), format="nquads")
    ds.graph(URIRef(ONTOLOGY_GRAPH)).parse(str(ontology_path()), format="turtle")
    load = time.perf_counter() - t0
    res = {"load": load, "mem_load": peak_mb() - base, "queries": {}}

    def alarm(*_):
        raise Timeout()

    signal.signal(signal.SIGALRM, alarm)
    for name, text, params in questions():
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            rows = list(ds.query(bind_params(text, params), initNs=PREFIXES))
            res["queries"][name] = {"time": time.perf_counter() - t0, "rows": len(rows)}
        except Timeout:
            res["queries"][name] = {"time": None, "rows": None}
        except Exception as exc:  # an engine failure is a result too
            res["queries"][name] = {"time": None, "rows": None, "error": f"{type(exc).__name__}: {exc}"[:120]}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    res["peak"] = peak_mb()
    return res


# --- report ---------------------------------------------------------------------------------------------

def machine() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import cpu_model, memory_gib  # benchmarks/machine.py

    import pyoxigraph

    return (f"{os.cpu_count()} cores ({cpu_model()}), {memory_gib():.0f} GiB RAM, Linux {platform.release()}, "
            f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}")


def fmt_s(t: float | None) -> str:
    return "—" if t is None else f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def fit(n1: float, t1: float, n2: float, t2: float, n: float) -> tuple[float, float]:
    """``t`` at ``n`` by ``t = a·n^b`` through two points; returns (t, b)."""
    b = math.log(max(t2, 1e-6) / max(t1, 1e-6)) / math.log(n2 / n1)
    return t2 * (n / n2) ** b, b


def report(runs: list[dict], rl: dict | None, rdflib_limit: float) -> str:
    big = runs[-1]
    sv, cli = big["check"]["serve"], big["check"].get("cli")
    lines = ["## SPARQL", "",
             "`benchmarks/sparql_bench.py` (run by hand: `.venv/bin/python benchmarks/sparql_bench.py`, about 5",
             "minutes) writes an invented graph in the govkg vocabulary as N-Quads, one named graph per article as",
             "`kg build --store` keeps it, loads it into a store, serves the store with `kg serve` (its own process,",
             "one worker, every row returned) and asks every saved question (`ontology/queries/*.rq`) over HTTP as",
             "written and, where it has a parameter, with it bound; then the same with `kg query STORE --saved NAME`",
             "(a fresh process each, as a user runs it). Beside them, in the same run and the same two ways, the",
             "full scan `SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }` (median of six, three before the",
             "questions and three after): a question's *ratio* is its time over the scan's.",
             f"`tests/test_saved_speed.py` runs the same check on a small corpus (at most {LIMIT:g}× the scan).", "",
             f"Data: {big['articles']:,} articles, {big['quads']:,} quads. Machine: {machine()}.", "",
             "### Load", "",
             "| articles | quads in the file | pyoxigraph `bulk_load` to disk | kg: file to store (`kg serve FILE`) | "
             "quads in kg's store | kg / pyoxigraph | article by article (`kg build --store`) | "
             "pyoxigraph in memory | kg in memory (`kg query FILE`) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        ld = r["load"]
        lines.append(f"| {r['articles']:,} | {r['quads']:,} | {fmt_s(ld['plain_disk']['time'])} | "
                     f"{fmt_s(ld['kg_disk']['time'])} | {ld['kg_disk']['quads']:,} | "
                     f"{ld['kg_disk']['time'] / ld['plain_disk']['time']:.1f}× | {fmt_s(ld['put']['time'])} | "
                     f"{fmt_s(ld['plain_mem']['time'])} | "
                     f"{fmt_s(ld['kg_mem']['time'])} |")
    head = "| question | rows | `kg serve` | ratio |"
    rule = "|---|---:|---:|---:|"
    if cli:
        head += " `kg query` | ratio |"
        rule += "---:|---:|"
    lines += ["", "### Questions", "", f"Full scan: `kg serve` {fmt_s(sv['scan'])}"
              + (f", `kg query` {fmt_s(cli['scan'])} (a process started and the store opened: most of it)"
                 if cli else "") + ".", "", head, rule]
    for name, q in sv["questions"].items():
        row = f"| {name} | {q['rows']:,} | {fmt_s(q['time'])} | {q['time'] / sv['scan']:.1f}× |"
        if cli:
            c = cli["questions"][name]
            row += f" {fmt_s(c['time'])} | {c['time'] / cli['scan']:.1f}× |"
        lines.append(row)
    name, ratio = slowest(sv)
    lines += ["", f"Slowest through `kg serve`: {name}, {ratio:.1f}× the scan "
                  f"({'within' if ratio <= LIMIT else 'OVER'} the {LIMIT:g}× goal)."]
    if cli:
        cname, cratio = slowest(cli)
        lines[-1] += f" Through `kg query`: {cname}, {cratio:.1f}×."
    if len(runs) >= 2:
        small = runs[0]
        n1, n2 = small["quads"], big["quads"]
        n10 = 10 * n2
        lines += ["", "### Ten years (projected)", "",
                  f"`t = a·n^b` fitted through the {small['articles']:,}- and {big['articles']:,}-article runs, "
                  f"extrapolated to {n10:,} quads (ten times the larger run):", "",
                  f"| | {small['articles']:,} articles | {big['articles']:,} articles | exponent b | "
                  f"ten years (projected) | full scan then (projected) |", "|---|---:|---:|---:|---:|---:|"]
        s10, _ = fit(n1, small["check"]["serve"]["scan"], n2, sv["scan"], n10)
        items = [("load, kg: file to store", small["load"]["kg_disk"]["time"], big["load"]["kg_disk"]["time"]),
                 ("load, pyoxigraph bulk_load", small["load"]["plain_disk"]["time"], big["load"]["plain_disk"]["time"]),
                 ("full scan (`kg serve`)", small["check"]["serve"]["scan"], sv["scan"])]
        top = sorted(sv["questions"], key=lambda n: -sv["questions"][n]["time"])[:3]
        items += [(q, small["check"]["serve"]["questions"][q]["time"], sv["questions"][q]["time"]) for q in top]
        for label, t1, t2 in items:
            t10, b = fit(n1, t1, n2, t2, n10)
            lines.append(f"| {label} | {fmt_s(t1)} | {fmt_s(t2)} | {b:.2f} | {fmt_s(t10)} | "
                         f"{'' if label.startswith(('load', 'full')) else f'{t10 / s10:.1f}× of {fmt_s(s10)}'} |")
    if rl:
        lines += ["", f"rdflib on the same file (`Dataset(default_union=True)`, {rdflib_limit:g} s per query; "
                      f"\"—\": not finished): load {fmt_s(rl['load'])}.", "", "| question | rdflib | rows |",
                  "|---|---:|---:|"]
        for qn, r in rl["queries"].items():
            lines.append(f"| {qn} | {fmt_s(r.get('time'))} | {r.get('rows') if r.get('rows') is not None else ''} |")
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = ROOT / "docs" / "benchmarks.md") -> None:
    """Replace the "## SPARQL" section of docs/benchmarks.md (or add it), leaving the others alone."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    start = old.find("\n## SPARQL\n")
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start + 1] + text + (old[end:] if end >= 0 else "")
    path.write_text(new, encoding="utf-8")


def run_size(articles: int, tmp: Path, cli: bool) -> dict:
    data = tmp / f"bench-{articles}.nq"
    quads = generate(data, articles)
    print(f"{articles} articles: {quads:,} quads", file=sys.stderr)
    load = {"plain_disk": timed_load("plain", data, tmp / "plain-store"),
            "kg_disk": timed_load("kg", data, tmp / "kg-store"),
            "plain_mem": timed_load("plain", data, None),
            "kg_mem": timed_load("kg", data, None),
            "put": timed_load("put", data, tmp / "put-store")}
    shutil.rmtree(tmp / "plain-store", ignore_errors=True)
    shutil.rmtree(tmp / "put-store", ignore_errors=True)
    print(f"  load: {json.dumps(load)}", file=sys.stderr)
    check = serve_check(tmp / "kg-store", cli=cli, store=tmp / "kg-store", progress=True)
    shutil.rmtree(tmp / "kg-store", ignore_errors=True)
    return {"articles": articles, "quads": quads, "load": load, "check": check, "data": str(data)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1625,6500",
                    help="articles per run, comma-separated; the last is the table (6,500 ≈ 1M quads, a year)")
    ap.add_argument("--no-cli", action="store_true", help="skip the `kg query` timings")
    ap.add_argument("--rdflib", action="store_true", help="also run rdflib's engine on the largest file")
    ap.add_argument("--rdflib-timeout", type=float, default=15.0)
    ap.add_argument("--no-write", action="store_true", help="print the section instead of writing docs")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--load", choices=["plain", "kg", "put"], help=argparse.SUPPRESS)
    ap.add_argument("--engine", choices=["rdflib"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.load:
        print(json.dumps(load_once(args.load, str(args.data), str(args.into) if args.into else None)))
        return
    if args.engine:
        print(json.dumps(run_rdflib(args.data, args.rdflib_timeout)))
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    rl = None
    with tempfile.TemporaryDirectory() as tmp:
        runs = [run_size(n, Path(tmp), not args.no_cli) for n in sizes]
        if args.rdflib:
            cmd = [sys.executable, __file__, "--engine", "rdflib", "--data", runs[-1]["data"],
                   "--rdflib-timeout", str(args.rdflib_timeout)]
            rl = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env()).stdout)
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "rdflib": rl}, ensure_ascii=False, indent=1), encoding="utf-8")
    text = report(runs, rl, args.rdflib_timeout)
    if not args.no_write:
        write_section(text)
    print(text)


if __name__ == "__main__":
    main()
