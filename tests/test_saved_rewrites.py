"""Saved questions rewritten for speed give the same answers as before the rewrite.

``tests/fixtures/saved_before/`` keeps each saved question as it was before it
was rewritten so that pyoxigraph's planner does the selective part first (issue 16).
Every question whose text differs from its old one is asked of the sample
page and of a small invented corpus (``benchmarks/sparql_bench.generate``),
about everyone and with its parameters bound to names from the data, in
both forms: the rows must be the same (as multisets; ties under ORDER BY may
come in another order).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.query import open_dataset, run_query
from kg.saved import read_saved, saved_queries

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data/samples/liaocheng-daily-2024-03-10.txt"
BEFORE = Path(__file__).resolve().parent / "fixtures" / "saved_before"

# Names a parameter may take, most mentioned first: the values the bound forms are asked with.
PARAM_VALUES = {
    "official": "SELECT ?v (COUNT(*) AS ?n) { ?s a gk:Official ; rdfs:label ?v ; gk:mentionedIn ?a } GROUP BY ?v",
    "x": "SELECT ?v (COUNT(*) AS ?n) { ?s rdfs:label|skos:altLabel ?v ; gk:mentionedIn ?a } GROUP BY ?v",
    "agency": "SELECT ?v (COUNT(*) AS ?n) { ?s a gk:Agency ; rdfs:label ?v ; gk:mentionedIn ?a } GROUP BY ?v",
    "county": "SELECT ?v (COUNT(*) AS ?n) { ?s gk:locatedIn ?p ; rdfs:label ?v } GROUP BY ?v",
    "journalist": "SELECT ?v (COUNT(*) AS ?n) { ?s a gk:Journalist ; rdfs:label ?v . ?a schema:author ?s } GROUP BY ?v",
}
PARAM_VALUES["y"] = PARAM_VALUES["x"]
PARAM_VALUES["place"] = PARAM_VALUES["county"]


def rewritten() -> list[str]:
    """Names of the saved questions whose text differs from the one kept in saved_before/."""
    now = saved_queries()
    return sorted(p.stem for p in BEFORE.glob("*.rq")
                  if p.stem in now and read_saved(p).text != now[p.stem].text)


def _bench():
    spec = importlib.util.spec_from_file_location("sparql_bench", ROOT / "benchmarks" / "sparql_bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return module


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "store"
    build([SAMPLE], store=path)
    return open_dataset(path)


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    path = tmp_path_factory.mktemp("invented") / "bench.nq"
    _bench().generate(path, 120)
    return open_dataset(path)


def top_values(ds, param: str, k: int = 3) -> list[str]:
    rows = run_query(ds, PARAM_VALUES[param]).records()
    rows.sort(key=lambda r: (-int(r["n"]), r["v"]))
    return [r["v"] for r in rows[:k]]


def bindings(ds, params: list[str]) -> list[dict[str, str]]:
    """Parameter sets to ask with: none, each parameter alone, and all of them together."""
    out: list[dict[str, str]] = [{}]
    names = [p for p in params if p in PARAM_VALUES]
    for p in names:
        for v in top_values(ds, p):
            out.append({p: v})
    if {"x", "y"} <= set(names):
        xs = top_values(ds, "x", 4)
        out += [{"x": xs[0], "y": xs[1]}, {"x": xs[2], "y": xs[3]}, {"x": xs[0], "y": xs[0]},
                {"x": xs[1], "y": "no such name"}]
    return out


def rows(ds, text: str, params: dict[str, str]) -> list[str]:
    return sorted(repr(r) for r in run_query(ds, text, params=params).rows)


def test_rewrites_are_known():
    assert {"articles-mentioning-both", "official-cooccurrence"} <= set(rewritten())


@pytest.mark.parametrize("name", rewritten())
@pytest.mark.parametrize("corpus", ["sample", "invented"])
def test_same_answers_as_before(name, corpus, request):
    ds = request.getfixturevalue(corpus)
    old = read_saved(BEFORE / f"{name}.rq")
    new = saved_queries()[name]
    assert old.params == new.params
    answered = 0
    for params in bindings(ds, list(new.params)):
        before = rows(ds, old.text, params)
        assert rows(ds, new.text, params) == before, (name, params)
        answered += bool(before)
    assert answered, f"{name}: no binding gave any row on the {corpus} corpus"
