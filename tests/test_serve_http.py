"""kg serve at the HTTP level: cross-site updates, malformed requests, HEAD, CSP, concurrency, XML results.

Servers listen on 127.0.0.1 and are stopped by the tests; loops are bounded.
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
import xml.dom.minidom
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from kg.serve import serve_in_thread

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def small_store() -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"v{i}")) for i in range(8))
    store.add(ox.Quad(ox.NamedNode("urn:ctl"), ox.NamedNode("urn:p"), ox.Literal("a\x01b\x1fc")))
    return store


@pytest.fixture
def writable():
    server, _ = serve_in_thread(small_store(), port=0, writable=True)
    yield server, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def readonly():
    server, _ = serve_in_thread(small_store(), port=0, max_body=4096)
    yield server, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        r = urllib.request.urlopen(req, timeout=30)
        return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def count(base: str) -> int:
    _, _, body = request(f"{base}/sparql?query={quote(COUNT)}")
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def raw(port: int, data: bytes, wait: float = 5.0) -> bytes:
    """Send raw bytes, return what the server answers within ``wait`` seconds (b'' if nothing)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    break
        except socket.timeout:
            pass
    return b"".join(chunks)


# --- item 4: a web page cannot change a writable store -------------------------------------------------

def test_cross_site_form_update_is_refused(writable):
    _, base = writable
    before = count(base)
    status, headers, _ = request(f"{base}/sparql", urlencode({"update": "DROP ALL"}).encode(),
                                 {"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"})
    assert status in (403, 415)
    assert headers.get("Access-Control-Allow-Origin") is None
    status, headers, _ = request(f"{base}/sparql", b"DROP ALL",
                                 {"Content-Type": "application/sparql-update", "Origin": "http://evil.example"})
    assert status == 403 and headers.get("Access-Control-Allow-Origin") is None
    # a form update without Origin is refused too (a simple request that needs no preflight)
    status, _, _ = request(f"{base}/sparql", urlencode({"update": "DROP ALL"}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415
    assert count(base) == before


def test_foreign_host_is_refused(writable):
    server, base = writable
    answer = raw(server.server_port, b"POST /sparql HTTP/1.1\r\nHost: evil.example\r\n"
                 b"Content-Type: application/sparql-update\r\nContent-Length: 8\r\n\r\nDROP ALL")
    assert answer.startswith(b"HTTP/1.1 421")
    assert count(base) > 0


def test_same_origin_update_works_without_cors(writable):
    server, base = writable
    status, headers, _ = request(f"{base}/sparql", b'INSERT DATA { <urn:new> <urn:p> "x" }',
                                 {"Content-Type": "application/sparql-update", "Origin": base})
    assert status == 204 and headers.get("Access-Control-Allow-Origin") is None
    status, _, _ = request(f"{base}/update", b'INSERT DATA { <urn:new2> <urn:p> "x" }',
                           {"Content-Type": "application/sparql-update"})
    assert status == 204
    assert count(base) == 11


def test_token():
    server, _ = serve_in_thread(small_store(), port=0, writable=True, token="s3cret")
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        upd = b'INSERT DATA { <urn:t> <urn:p> "x" }'
        assert request(f"{base}/sparql", upd, {"Content-Type": "application/sparql-update"})[0] == 401
        assert request(f"{base}/sparql", upd, {"Content-Type": "application/sparql-update",
                                               "Authorization": "Bearer wrong"})[0] == 401
        assert request(f"{base}/sparql", upd, {"Content-Type": "application/sparql-update",
                                               "Authorization": "Bearer s3cret"})[0] == 204
        form = urlencode({"update": 'INSERT DATA { <urn:t2> <urn:p> "x" }'}).encode()
        assert request(f"{base}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded",
                                                "Authorization": "Bearer s3cret"})[0] == 204
    finally:
        server.shutdown()
        server.server_close()


# --- item 5: malformed requests get an answer, HEAD, CSP, concurrency ---------------------------------

def test_body_cap(readonly):
    server, base = readonly
    status, _, body = request(f"{base}/sparql", b"#" * 10000, {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"limit" in body


@pytest.mark.parametrize("length", [b"-1", b"abc", b"1e3", b"99999999999999999999"])
def test_bad_content_length_is_400_at_once(readonly, length):
    server, _ = readonly
    t0 = time.monotonic()
    answer = raw(server.server_port, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 b"Content-Type: application/sparql-query\r\nContent-Length: " + length + b"\r\n\r\nASK {}")
    assert answer.split(b"\r\n")[0] in (b"HTTP/1.1 400 Bad Request", b"HTTP/1.1 413 Request Entity Too Large")
    assert time.monotonic() - t0 < 3


def test_body_not_utf8_is_400(readonly):
    server, base = readonly
    status, _, body = request(f"{base}/sparql", b"ASK { \xff\xfe }", {"Content-Type": "application/sparql-query"})
    assert status == 400 and b"UTF-8" in body


def test_head_and_csp(readonly):
    server, base = readonly
    status, headers, body = request(f"{base}/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    status, headers, body = request(f"{base}/")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "sha256-" in csp
    assert "unsafe-inline" not in csp
    status, _, _ = request(f"{base}/sparql?query={quote('ASK {}')}", method="HEAD")
    assert status == 200


def test_concurrent_clients_all_answered(readonly):
    _, base = readonly
    failures: list[str] = []

    def client() -> None:
        for _ in range(15):
            try:
                status, _, _ = request(f"{base}/sparql?query={quote('ASK { ?s ?p ?o }')}")
                if status != 200:
                    failures.append(str(status))
            except OSError as exc:
                failures.append(repr(exc))

    threads = [threading.Thread(target=client) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert failures == []


# --- item 6: XML results stay well-formed -------------------------------------------------------------

def test_xml_with_control_characters(readonly):
    _, base = readonly
    q = "SELECT ?o WHERE { <urn:ctl> ?p ?o }"
    status, _, body = request(f"{base}/sparql?query={quote(q)}&format=xml")
    assert status == 200
    doc = xml.dom.minidom.parseString(body)
    assert doc.getElementsByTagName("literal")[0].firstChild.data == "a\ufffdb\ufffdc"


def test_no_cors():
    server, _ = serve_in_thread(small_store(), port=0, cors=False)
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        status, headers, _ = request(f"{base}/sparql?query={quote('ASK {}')}", headers={"Origin": "http://x.example"})
        assert status == 200 and headers.get("Access-Control-Allow-Origin") is None
    finally:
        server.shutdown()
        server.server_close()
