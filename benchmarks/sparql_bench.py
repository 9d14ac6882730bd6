"""Benchmark SPARQL: every saved question through kg's query path vs rdflib's engine, on ~1M triples.

    .venv/bin/python benchmarks/sparql_bench.py                 # ~1M triples, writes docs/benchmarks.md
    .venv/bin/python benchmarks/sparql_bench.py --articles 2000 --no-write   # a quick run

It writes an invented graph in the govkg vocabulary as N-Quads, one named
graph per article, the way ``kg build --store`` keeps it (officials with posts
and dated post holdings, agencies, a five-level place hierarchy, events with
participants and places, projects with investments, journalists, evidence
sentences; entities restated in every article that mentions them).  Then, each
engine in its own process (so that peak memory is its own):

* kg: :func:`kg.query.open_dataset` (pyoxigraph, the article graphs merged
  into the default graph, the ontology loaded beside) and :func:`kg.query.run_query` with every row
  collected into Python objects;
* rdflib: ``Dataset(default_union=True)`` parsing the same file plus the
  ontology, and ``Dataset.query`` with every row collected.

Each saved question runs as written (about everyone) and, when it has an
official/county/agency parameter, once more with it bound.  rdflib gets a
time limit per query (``--rdflib-timeout``); a query over it is reported as
such.  Results are written to the "SPARQL" section of docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from machine import cpu_model, memory_gib  # benchmarks/machine.py (scripts run from this folder)

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
PARAMS = {"official": "王伟明", "county": "县1", "agency": "机构1", "place": "市1", "journalist": "记者1"}


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
    from kg.saved import saved_queries

    out = []
    for name, sq in saved_queries().items():
        out.append((name, sq.text, {}))
        bound = {p: PARAMS[p] for p in sq.params if p in PARAMS}
        if bound:
            out.append((name + " (" + ", ".join(f"{k}={v}" for k, v in bound.items()) + ")", sq.text, bound))
    return out


def run_kg(data: Path) -> dict:
    from kg.query import open_dataset, run_query

    base = peak_mb()
    t0 = time.perf_counter()
    store = open_dataset(data)
    load = time.perf_counter() - t0
    res = {"load": load, "mem_load": peak_mb() - base, "queries": {}}
    for name, text, params in questions():
        t0 = time.perf_counter()
        r = run_query(store, text, params=params, where=name)
        res["queries"][name] = {"time": time.perf_counter() - t0, "rows": len(r)}
    res["peak"] = peak_mb()
    return res


class Timeout(Exception):
    pass


def run_rdflib(data: Path, limit: float) -> dict:
    from rdflib import Dataset, URIRef

    from kg.rdf.namespaces import PREFIXES
    from kg.saved import bind_params
    from kg.store import ONTOLOGY_GRAPH, ontology_path

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


def machine() -> str:
    cpu = cpu_model()
    mem = memory_gib()
    import pyoxigraph
    import rdflib

    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Linux {platform.release()}, "
            f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")


def fmt_s(t: float | None) -> str:
    return "—" if t is None else f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def report(quads: int, articles: int, kg: dict, rl: dict, limit: float) -> str:
    lines = ["## SPARQL", "",
             "`benchmarks/sparql_bench.py` (run by hand: `.venv/bin/python benchmarks/sparql_bench.py`) writes an",
             "invented graph in the govkg vocabulary as N-Quads, one named graph per article as `kg build --store`",
             "keeps it, and runs every saved question (`ontology/queries/*.rq`) through kg's query path",
             "(`kg.query.open_dataset` + `run_query`: pyoxigraph, triples merged into the default graph, ontology loaded beside, all",
             "rows collected) and through rdflib's own SPARQL engine (`Dataset(default_union=True)`, rows collected)",
             "on the same file in the same run, each engine in its own process. A question with a parameter also",
             f"runs with it bound. rdflib has {limit:g} s per query; \"—\" means it did not finish in that time.",
             "",
             f"Data: {articles:,} articles, {quads:,} quads. Machine: {machine()}.", "",
             "| | kg (pyoxigraph) | rdflib | rdflib / kg |", "|---|---:|---:|---:|",
             f"| load (parse + index) | {fmt_s(kg['load'])} | {fmt_s(rl['load'])} | {rl['load'] / kg['load']:.0f}× |",
             f"| memory after load (peak RSS growth) | {kg['mem_load']:.0f} MB | {rl['mem_load']:.0f} MB | "
             f"{rl['mem_load'] / max(kg['mem_load'], 1):.1f}× |",
             f"| peak RSS of the whole run | {kg['peak']:.0f} MB | {rl['peak']:.0f} MB | |", "",
             "| question | rows | kg | rdflib | rdflib / kg |", "|---|---:|---:|---:|---:|"]
    ratios = []
    for name, k in kg["queries"].items():
        r = rl["queries"].get(name, {})
        rows = f"{k['rows']:,}"
        if r.get("rows") is not None and r["rows"] != k["rows"]:
            rows += f" (rdflib {r['rows']:,})"
        if r.get("time") is not None:
            ratio = r["time"] / max(k["time"], 1e-4)
            ratios.append(ratio)
            rtxt = f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.1f}×"
        else:
            rtxt = f"> {limit / max(k['time'], 1e-4):.0f}×" if "error" not in r else "error"
        rt = fmt_s(r.get("time")) if "error" not in r else r["error"]
        lines.append(f"| {name} | {rows} | {fmt_s(k['time'])} | {rt} | {rtxt} |")
    if ratios:
        ratios.sort()
        lines += ["", f"Of the {len(kg['queries'])} runs, rdflib finished {len(ratios)}; on those, rdflib took "
                      f"{ratios[0]:.1f}× to {ratios[-1]:.0f}× as long as kg (median {ratios[len(ratios) // 2]:.0f}×)."]
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=6500, help="articles to invent (6,500 ≈ 1M quads)")
    ap.add_argument("--rdflib-timeout", type=float, default=15.0)
    ap.add_argument("--no-write", action="store_true", help="print the section instead of writing docs")
    ap.add_argument("--engine", choices=["kg", "rdflib"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.engine:
        res = run_kg(args.data) if args.engine == "kg" else run_rdflib(args.data, args.rdflib_timeout)
        print(json.dumps(res))
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "bench.nq"
        t0 = time.perf_counter()
        quads = generate(data, args.articles)
        print(f"generated {quads:,} quads in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        results = {}
        for engine in ("kg", "rdflib"):
            t0 = time.perf_counter()
            cmd = [sys.executable, __file__, "--engine", engine, "--data", str(data),
                   "--rdflib-timeout", str(args.rdflib_timeout)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results[engine] = json.loads(out)
            print(f"{engine}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    text = report(quads, args.articles, results["kg"], results["rdflib"], args.rdflib_timeout)
    if args.no_write:
        print(text)
    else:
        write_section(text)
        print(text)


if __name__ == "__main__":
    main()
