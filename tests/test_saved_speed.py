"""Every saved question, served by ``kg serve``, answers within 10× the time of one full scan (issue 16).

A small invented corpus (``benchmarks/sparql_bench.generate``, 400 articles,
about 60k quads) is written as N-Quads and served with ``kg serve FILE`` in its
own process; every ``ontology/queries/*.rq`` is asked over HTTP as written and
with its parameters bound, each three times (the fastest kept), and compared
with the full scan ``SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }``
asked in the same run (the median of eighteen).  The year-sized run is
``benchmarks/sparql_bench.py`` (docs/benchmarks.md).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("sparql_bench", ROOT / "benchmarks" / "sparql_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_saved_question_within_ten_scans(tmp_path):
    bench = _bench()
    data = tmp_path / "bench.nq"
    bench.generate(data, 400)
    result = bench.serve_check(data, repeat=3)["serve"]
    names = {name for name, _, _ in bench.questions()}
    assert set(result["questions"]) == names
    assert all(q["rows"] > 0 for n, q in result["questions"].items() if "(" not in n), "a question found nothing"
    ratios = {n: q["time"] / result["scan"] for n, q in result["questions"].items()}
    over = {n: round(r, 1) for n, r in ratios.items() if r > bench.LIMIT}
    assert not over, f"slower than {bench.LIMIT:g}× the scan ({result['scan'] * 1000:.0f} ms): {over}"
    print(f"scan {result['scan'] * 1000:.0f} ms; slowest {max(ratios, key=ratios.get)} "
          f"{max(ratios.values()):.1f}×", file=sys.stderr)
