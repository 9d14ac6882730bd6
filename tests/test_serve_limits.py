"""kg serve under hostile queries: no outbound requests, a crash or a runaway query costs one query.

Every server here listens on 127.0.0.1 and is stopped by the test; every loop is bounded.
"""
from __future__ import annotations

import http.server
import os
import signal
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.serve import serve_in_thread

SAMPLE = Path(__file__).resolve().parent.parent / "data/samples/liaocheng-daily-2024-03-10.txt"
# Two queries that, on the sample page's graph and pyoxigraph 0.5.13, abort the process with a Rust panic
# ("comparison function does not correctly implement a total order") in ORDER BY.
# (Which one panics depends on the order the store hands the rows to the sort: memory or disk.)
PANIC_QUERIES = ("SELECT * WHERE { ?a ?b ?c } ORDER BY ?c ?a", "SELECT * WHERE { ?a ?b ?c } ORDER BY ?c")
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SMALL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c }"


def synthetic(n: int = 1500) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode(f"urn:p{i % 7}"), ox.Literal(i)) for i in range(n))
    return store


def get(base: str, query: str, headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, str]:
    req = urllib.request.Request(f"{base}/sparql?query={quote(query)}", headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.fixture
def server_factory():
    servers = []

    def make(data, **kwargs):
        server, _ = serve_in_thread(data, port=0, **kwargs)
        servers.append(server)
        return server, f"http://127.0.0.1:{server.server_port}"

    yield make
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory) -> Path:
    from kg.build import build

    out = tmp_path_factory.mktemp("sample") / "sample.ttl"
    build([SAMPLE], out, progress=False)
    return out


class Recorder(http.server.BaseHTTPRequestHandler):
    """A local 'remote' SPARQL server that records what it is asked."""

    hits: list[str] = []

    def do_GET(self) -> None:
        Recorder.hits.append(self.path)
        body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"secret"}}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def remote():
    Recorder.hits = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


# --- item 1: no outbound requests --------------------------------------------------------------------

def test_service_is_refused_and_nothing_is_fetched(server_factory, remote):
    _, base = server_factory(synthetic(10))
    for q in (f"SELECT * WHERE {{ SERVICE <{remote}/x> {{ ?s ?p ?o }} }}",
              f"select * where {{ service silent <{remote}/y> {{ ?s ?p ?o }} }}",
              "SELECT * WHERE { BIND(<%s/z> AS ?u) SERVICE ?u { ?s ?p ?o } }" % remote,
              f"SELECT * WHERE {{ \\u0053ERVICE <{remote}/w> {{ ?s ?p ?o }} }}"):
        code, text = get(base, q)
        assert code in (400, 403), (q, code, text)
        assert "secret" not in text
    assert Recorder.hits == []
    code, _ = get(base, SMALL)  # the server is still up
    assert code == 200


def test_service_in_strings_and_comments_is_not_a_call(server_factory):
    _, base = server_factory(synthetic(10))
    code, _ = get(base, 'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) } # SERVICE <http://y/>')
    assert code == 200


def test_allowed_endpoint_is_reached(server_factory, remote):
    _, base = server_factory(synthetic(10), allow_endpoints=(remote + "/",))
    code, text = get(base, f"SELECT * WHERE {{ SERVICE <{remote}/ok> {{ ?s ?p ?o }} }}")
    assert code == 200 and "secret" in text and Recorder.hits and Recorder.hits[0].startswith("/ok")
    code, _ = get(base, "SELECT * WHERE { SERVICE <http://127.0.0.2:9/other> { ?s ?p ?o } }")
    assert code == 403


def test_load_is_refused_on_a_writable_store(server_factory, remote):
    _, base = server_factory(synthetic(10), writable=True)
    req = urllib.request.Request(f"{base}/sparql", data=f"LOAD <{remote}/data.ttl>".encode(),
                                 headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 403
    assert Recorder.hits == []


# --- items 2 and 3: a crash or a runaway query costs one query -----------------------------------------

def test_engine_panic_costs_one_query(server_factory, sample_ttl):
    bare = ox.Store()  # the page's graph without the ontology
    bare.load(path=str(sample_ttl), format=ox.RdfFormat.TURTLE)
    _, base = server_factory(bare, timeout=60)
    codes = []
    for q in PANIC_QUERIES:
        code, text = get(base, q)
        codes.append(code)
        # pyoxigraph 0.5.13 panics; a fixed release answers: either way the server lives on
        assert code == 200 or (code == 500 and "crashed the SPARQL engine" in text and "\n" not in text.strip())
        assert get(base, SMALL)[0] == 200
    print("panic query answers:", codes)


def test_kg_query_panic_is_one_line(sample_ttl):
    from kg.cli import cli

    res = CliRunner().invoke(cli, ["query", str(sample_ttl), PANIC_QUERIES[0], "--format", "csv", "--no-ontology"])
    if res.exit_code == 0:  # a pyoxigraph without the fault
        return
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "crashed the SPARQL engine" in lines[0]
    assert "Traceback" not in res.output


def test_killed_worker_is_replaced(server_factory):
    server, base = server_factory(synthetic(), timeout=60, workers=1)
    pool = server.endpoint.pool
    results: list[tuple[int, str]] = []
    t = threading.Thread(target=lambda: results.append(get(base, HEAVY)))
    t.start()
    deadline = time.monotonic() + 20
    victim = None
    while victim is None and time.monotonic() < deadline:  # wait until the worker is busy with the query
        time.sleep(0.1)
        busy = [w for w in list(pool._all) if w not in list(pool.idle.queue)]
        victim = busy[0] if busy else None
    assert victim is not None
    os.kill(victim.process.pid, signal.SIGABRT)  # what a Rust panic does to the process
    t.join(60)
    code, text = results[0]
    assert code == 500 and "crashed the SPARQL engine" in text
    assert get(base, SMALL)[0] == 200


def test_timeout_stops_queries_and_frees_workers(server_factory):
    server, base = server_factory(synthetic(), timeout=1, workers=2)
    pids = {w.process.pid for w in server.endpoint.pool._all}
    results: list[tuple[int, str]] = []
    threads = [threading.Thread(target=lambda: results.append(get(base, HEAVY))) for _ in range(4)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert time.monotonic() - t0 < 30
    assert [c for c, _ in results] == [503] * 4
    # the endpoint is not locked: a small query is answered (by replacement workers)
    deadline = time.monotonic() + 30
    while get(base, SMALL)[0] != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert get(base, SMALL)[0] == 200
    idle = {w.process.pid for w in list(server.endpoint.pool.idle.queue)}
    for pid in pids - idle:  # the workers that ran the runaway queries are gone, their memory freed
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        with open(f"/proc/{pid}/stat") as fh:  # a zombie is gone too (not yet reaped)
            assert fh.read().split()[2] == "Z"


@pytest.mark.skipif(not hasattr(os, "sysconf") or not Path("/proc/self/statm").exists(),
                    reason="address-space ceiling measured on Linux")
def test_memory_ceiling(server_factory):
    _, base = server_factory(synthetic(2000), timeout=60, max_memory=150 * 2**20)
    code, text = get(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1")
    assert code == 503 and "memory" in text
    assert get(base, SMALL)[0] == 200


def test_kg_query_timeout_is_one_line(tmp_path):
    from kg.cli import cli

    path = tmp_path / "g.nt"
    path.write_bytes(ox.serialize(synthetic(), format=ox.RdfFormat.N_QUADS))
    t0 = time.monotonic()
    res = CliRunner().invoke(cli, ["query", str(path), HEAVY, "--timeout", "1", "--no-ontology"])
    assert res.exit_code == 1 and "longer than 1 s" in res.output and "Traceback" not in res.output
    assert time.monotonic() - t0 < 20
