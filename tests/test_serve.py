"""kg serve: the SPARQL 1.1 Protocol endpoint over real HTTP on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from kg.query import open_dataset
from kg.serve import make_server, negotiate, serve_in_thread

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
Q = "SELECT DISTINCT ?name WHERE { ?o a gk:Official ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def base():
    server, thread = serve_in_thread(open_dataset(FIXTURE), port=0, max_rows=50, timeout=5)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def get(url: str, accept: str | None = None):
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    return urllib.request.urlopen(req, timeout=10)


def post(url: str, body: bytes, ctype: str, accept: str | None = None):
    headers = {"Content-Type": ctype}
    if accept:
        headers["Accept"] = accept
    return urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=10)


def status(fn, *args) -> tuple[int, str]:
    try:
        r = fn(*args)
        return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def names(resp) -> list[str]:
    data = json.loads(resp.read())
    return [b["name"]["value"] for b in data["results"]["bindings"]]


def test_get_json_default_and_cors(base):
    r = get(f"{base}/sparql?query={quote(Q)}")
    assert r.headers["Content-Type"].startswith("application/sparql-results+json")
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert names(r) == ["李清和", "王明远", "赵文静"]


def test_post_form_and_direct(base):
    r = post(f"{base}/sparql", urlencode({"query": Q}).encode(), "application/x-www-form-urlencoded")
    assert names(r) == ["李清和", "王明远", "赵文静"]
    r = post(f"{base}/sparql", Q.encode(), "application/sparql-query; charset=utf-8")
    assert names(r) == ["李清和", "王明远", "赵文静"]


@pytest.mark.parametrize("accept, ctype, check", [
    ("text/csv", "text/csv", lambda t: list(csv.reader(io.StringIO(t)))[1] == ["李清和"]),
    ("text/tab-separated-values", "text/tab-separated-values", lambda t: t.splitlines()[1] == '"李清和"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", lambda t: "<literal>李清和</literal>" in t),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", lambda t: "<sparql" in t),
    ("*/*", "application/sparql-results+json", lambda t: json.loads(t)["head"]["vars"] == ["name"]),
])
def test_accept_negotiation(base, accept, ctype, check):
    r = get(f"{base}/sparql?query={quote(Q)}", accept)
    assert r.headers["Content-Type"].split(";")[0] == ctype
    assert check(r.read().decode())


def test_not_acceptable(base):
    code, _ = status(get, f"{base}/sparql?query={quote(Q)}", "image/png")
    assert code == 406


def test_construct_and_ask(base):
    r = get(f"{base}/sparql?query={quote('CONSTRUCT WHERE { ?o a gk:Official }')}", "text/turtle")
    assert r.headers["Content-Type"].startswith("text/turtle") and b"gk:Official" in r.read()
    r = get(f"{base}/sparql?query={quote('ASK { ?e a/rdfs:subClassOf* gk:Event }')}")
    assert json.loads(r.read())["boolean"] is True


def test_read_only_refuses_update(base):
    code, text = status(post, f"{base}/sparql", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                        "application/sparql-update")
    assert code == 403 and "read-only" in text
    code, _ = status(post, f"{base}/sparql", urlencode({"update": "CLEAR ALL"}).encode(),
                     "application/x-www-form-urlencoded")
    assert code == 403
    assert json.loads(get(f"{base}/sparql?query={quote('ASK { <urn:a> ?p ?o }')}").read())["boolean"] is False


def test_syntax_error_is_400(base):
    code, text = status(get, f"{base}/sparql?query={quote('SELECT ?x WHERE { ?x ?y }')}")
    assert code == 400 and "syntax error" in text and "1:" in text


def test_options_preflight(base):
    req = urllib.request.Request(f"{base}/sparql", method="OPTIONS")
    r = urllib.request.urlopen(req, timeout=10)
    assert r.status == 204 and "POST" in r.headers["Access-Control-Allow-Methods"]


def test_result_cap(base):
    r = get(f"{base}/sparql?query={quote('SELECT * WHERE { ?s ?p ?o }')}")
    assert r.headers["X-Result-Truncated"] == "true"
    assert len(json.loads(r.read())["results"]["bindings"]) == 50


def test_query_page_lists_saved_questions_without_cdn(base):
    page = get(f"{base}/").read().decode()
    assert "posts-of-officials" in page and "每位官员" in page
    assert "<script src" not in page and "<link" not in page
    saved = json.loads(get(f"{base}/saved.json").read())
    assert len(saved) >= 12


def test_time_limit():
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(i)) for i in range(2000))
    server, _ = serve_in_thread(store, port=0, timeout=0.3)
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y FILTER(?x < ?y) }"  # about 2 s
        t0 = time.monotonic()
        code, text = status(get, f"http://127.0.0.1:{server.server_port}/sparql?query={quote(slow)}")
        assert code == 503 and "longer than" in text
        assert time.monotonic() - t0 < 5
    finally:
        server.shutdown()
        server.server_close()


def test_writable_accepts_update():
    import pyoxigraph as ox

    server, _ = serve_in_thread(ox.Store(), port=0, writable=True)
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        r = post(f"{base}/sparql", b"INSERT DATA { <urn:a> rdfs:label \"x\" }", "application/sparql-update")
        assert r.status == 204
        assert json.loads(get(f"{base}/sparql?query={quote('ASK { <urn:a> ?p ?o }')}").read())["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_loopback_by_default():
    import pyoxigraph as ox

    server = make_server(ox.Store(), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_negotiate():
    assert negotiate(None, graph=False) == "json"
    assert negotiate("text/html,application/xhtml+xml,*/*;q=0.8", graph=True) == "turtle"
    assert negotiate("application/n-triples", graph=True) == "ntriples"
    assert negotiate("text/csv;q=0", graph=False) is None
