"""kg push: into a real Oxigraph server (the `oxigraph` package from PyPI) on 127.0.0.1."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.push import PushError, graph_url, push

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"


def oxigraph_binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxdb")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query={quote('ASK {}')}", timeout=1).read()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph server did not start: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def select(base: str, query: str) -> list[dict[str, str]]:
    req = urllib.request.Request(f"{base}/query?query={quote(query)}",
                                 headers={"Accept": "application/sparql-results+json"})
    data = json.loads(urllib.request.urlopen(req, timeout=10).read())
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
NAMES = ("PREFIX gk: <https://w3id.org/govkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT DISTINCT ?name WHERE { GRAPH ?g { ?o a gk:Official ; rdfs:label ?name } } ORDER BY ?name")


def test_push_file_one_graph_per_article_and_again(server):
    result = push(FIXTURE, f"{server}/store")
    assert len(result.graphs) == 4  # three articles and the ontology
    before = select(server, GRAPHS)
    assert [r["g"] for r in before][:3] == [f"https://w3id.org/govkg/id/article/test-daily-2024-03-10/{i}"
                                            for i in (1, 2, 3)]
    push(FIXTURE, f"{server}/store")
    assert select(server, GRAPHS) == before  # PUT replaces: nothing duplicated
    assert [r["name"] for r in select(server, NAMES)] == ["李清和", "王明远", "赵文静"]


def test_push_store_via_cli_into_one_graph(server, tmp_path):
    from rdflib import Dataset, URIRef

    from kg.store import KgStore

    d = Dataset()
    d.parse(FIXTURE, format="trig")
    with KgStore.open(tmp_path / "st") as st:
        for g in d.graphs():
            if str(g.identifier).startswith("https://w3id.org/govkg/id/"):
                st.put_article(URIRef(str(g.identifier)), g)
    res = CliRunner().invoke(cli, ["push", str(tmp_path / "st"), "--endpoint", f"{server}/store",
                                   "--graph", "urn:govkg:all", "--no-ontology"])
    assert res.exit_code == 0, res.output
    assert "loaded 1 of 1 graph(s)" in res.output
    rows = select(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:govkg:all> { ?s ?p ?o } }")
    distinct = {(s, p, o) for s, p, o, g in d.quads() if g is not None and "/id/article/" in str(g)}
    assert int(rows[0]["n"]) == len(distinct) > 100


def test_server_down_is_a_clear_error():
    port = free_port()
    res = CliRunner().invoke(cli, ["push", str(FIXTURE), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert res.exit_code == 1
    assert "cannot reach the server" in res.output and "0 of 4 graph(s) were loaded" in res.output
    assert "Traceback" not in res.output


def test_refused_is_a_clear_error(server):
    with pytest.raises(PushError, match="refused") as info:
        push(FIXTURE, f"{server}/no-such-service")
    assert info.value.loaded == []
    with pytest.raises(PushError, match="http"):
        push(FIXTURE, "localhost:7878/store")


def test_graph_url():
    assert graph_url("http://h/ds/data", None) == "http://h/ds/data?default"
    assert graph_url("http://h/x?a=1", "urn:g") == "http://h/x?a=1&graph=urn%3Ag"
