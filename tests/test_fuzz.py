"""Fuzz: seeded mutations of real-shaped pages go through the build without a traceback.

The pages are the test fixtures (invented papers) mutated byte-wise and
structurally (cut, repeated, re-encoded, wrapped as HTML or JSONL, control
characters, long runs); a fixed seed and a fixed number of mutants keep the
run reproducible and under ~30 s.  Every failure must be a one-line error
naming its file, and the output must parse.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.txt"))
SEEDS = (20240310, 7, 1234)
MUTANTS = 60


def _bytes_mutation(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        pos = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif op == 2:
            del b[pos:pos + rng.randint(1, 200)]
        elif op == 3:
            chunk = b[pos:pos + rng.randint(10, 400)]
            b[pos:pos] = chunk * rng.randint(2, 5)
        elif op == 4:
            b = b[:pos]
        else:
            b[pos:pos] = rng.choice([b"\x00", b"\x1b[0m", b"\r", b"\xef\xbb\xbf", b"\xe5\xb8", b"\n\n\n"])
    return bytes(b) or b" "


def _text_mutation(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    op = rng.randrange(8)
    if op == 0:
        rng.shuffle(lines)
    elif op == 1:
        return text.replace("\n", "")
    elif op == 2:
        i = rng.randrange(len(lines))
        lines.insert(i, rng.choice(["市委书记", "县长", "局长", "本报讯", "（记者", "年月日", "99999年1月1日"]) * rng.randint(50, 800))
    elif op == 3:
        return "".join(c + rng.choice(["", "", "\u200b", "\x01", "　", "\ufeff"]) for c in text)
    elif op == 4:
        return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789()"})
    elif op == 5:
        return text[: rng.randrange(len(text) + 1)]
    elif op == 6:
        lines = [ln[::-1] if rng.random() < 0.3 else ln for ln in lines]
    else:
        lines = [ln for ln in lines if rng.random() < 0.7]
    return "\n".join(lines)


def _wrap(rng: random.Random, text: str) -> tuple[str, bytes]:
    op = rng.randrange(6)
    if op == 0:
        return ".txt", text.encode(rng.choice(["utf-8", "utf-16", "gb18030", "utf-8-sig"]), errors="replace")
    if op == 1:
        body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        junk = rng.choice(["", "<script>x</script>", "<div><p>", "</body></html>" * 3, "<h1><h1><h1>"])
        return ".html", f"<!doctype html><html><head><title>标题 - 日报</title></head><body>{junk}{body}".encode()
    if op == 2:
        recs = [json.dumps({"text": text, "date": rng.choice(["2024-03-10", "2024-13-45", 20240310, None]),
                            "title": rng.choice(["标题", ["x"], {"a": 1}, 7, None])}, ensure_ascii=False),
                "[" * rng.randint(1, 5000) + "]" * rng.randint(0, 5000),
                '{"text": 1' + "0" * rng.randint(1, 6000) + "}",
                "not json at all",
                json.dumps({"text": ""})]
        rng.shuffle(recs)
        return ".jsonl", "\n".join(recs).encode("utf-8")
    return ".txt", text.encode("utf-8")


def mutants(tmp: Path, seed: int) -> list[Path]:
    rng = random.Random(seed)
    out = []
    for i in range(MUTANTS):
        src = rng.choice(PAGES)
        text = src.read_text(encoding="utf-8")
        if rng.random() < 0.6:
            text = _text_mutation(rng, text)
        suffix, data = _wrap(rng, text)
        if rng.random() < 0.5:
            data = _bytes_mutation(rng, data)
        name = f"m{i:03d}-{src.stem}{rng.choice(['', '', ' x', '#1', '%20'])}{suffix}"
        path = tmp / name
        path.write_bytes(data)
        out.append(path)
    return out


@pytest.mark.skipif(not PAGES, reason="no fixture pages")
@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_pages_build_without_traceback(tmp_path, seed):
    pages = tmp_path / "pages"
    pages.mkdir()
    files = mutants(pages, seed)
    out = tmp_path / "out.nq"
    result = build([pages], out, store=tmp_path / "store", progress=False)  # must not raise
    for line in result.errors + result.warnings:
        assert "\n" not in line and "Traceback" not in line
        assert any(f.name in line or f.name.replace("#", ":") in line or f.stem.split("#")[0] in line
                   for f in files), line
    assert result.articles > 0
    assert sum(1 for _ in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)) > 0


def test_mutated_queries_get_an_answer_and_the_endpoint_lives(tmp_path):
    """Seeded mutations of the saved questions sent to kg serve: every request gets an HTTP status."""
    import urllib.error
    import urllib.request
    from urllib.parse import quote

    from kg.saved import saved_queries
    from kg.serve import serve_in_thread

    rng = random.Random(SEEDS[0])
    texts = [q.text for q in saved_queries().values()]
    tokens = ["SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o }", "ORDER BY ?x", "}", "{", "\\u0053ERVICE", "LIMIT -1",
              "FILTER(?x < 'a'@zh)", "\x00", "'''", "#", "OPTIONAL {", "?s ?p ?o .", "GRAPH ?g {", "BIND(1/0 AS ?z)"]
    server, _ = serve_in_thread(Path(__file__).parent / "fixtures" / "mini.trig", port=0, timeout=3, workers=1)
    base = f"http://127.0.0.1:{server.server_port}/sparql"
    statuses = []
    try:
        for _ in range(40):
            q = rng.choice(texts)
            for _ in range(rng.randint(1, 3)):
                pos = rng.randrange(len(q) + 1)
                q = q[:pos] + (rng.choice(tokens) if rng.random() < 0.7 else "") + q[pos + rng.randint(0, 5):]
            try:
                with urllib.request.urlopen(f"{base}?query={quote(q)}", timeout=30) as r:
                    statuses.append(r.status)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)
                assert "Traceback" not in exc.read().decode("utf-8", "replace")
        assert set(statuses) <= {200, 400, 403, 406, 500, 503}, statuses
        with urllib.request.urlopen(f"{base}?query={quote('ASK {}')}", timeout=30) as r:
            assert r.status == 200
    finally:
        server.shutdown()
        server.server_close()
