"""The embedded store: replace on rebuild, remove, whole articles after a crash."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import cli
from kg.rdf import GK
from kg.store import ONTOLOGY_GRAPH, KgStore, StoreError, article_iri, remove_article, store_articles

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "liaocheng-daily-2024-03-10.txt"
A = "https://w3id.org/govkg/id/article/t/"


def article(n: int, size: int = 5, tag: str = "") -> tuple[URIRef, Graph]:
    """A synthetic article graph with ``size`` entities."""
    iri = URIRef(f"{A}{n}")
    g = Graph()
    g.add((iri, RDF.type, GK.Article))
    for k in range(size):
        e = URIRef(f"https://w3id.org/govkg/id/official/p{n}-{k}")
        g.add((e, RDF.type, GK.Official))
        g.add((e, RDFS.label, Literal(f"人物{n}-{k}{tag}")))
        g.add((e, GK.mentionedIn, iri))
    return iri, g


def test_put_replaces_and_duplicates_nothing(tmp_path):
    path = tmp_path / "st"
    store_articles([article(1), article(2)], path)
    with KgStore.open(path) as st:
        first = len(st)
        st.put_article(*article(1, tag="改"))
        assert len(st) == first
        st.put_article(*article(1, size=2))
        assert st.graph_size(f"{A}1") == 1 + 2 * 3
        assert st.articles() == [f"{A}1", f"{A}2"]
        assert st.graph_size(ONTOLOGY_GRAPH) > 100


def test_remove_by_iri_and_unknown(tmp_path):
    path = tmp_path / "st"
    store_articles([article(1), article(2)], path)
    assert remove_article(path, f"<{A}1>") == f"{A}1"
    with pytest.raises(StoreError, match="no article"):
        remove_article(path, f"{A}1")
    with KgStore.open(path) as st:
        assert st.articles() == [f"{A}2"]


def test_article_iri_from_id():
    assert article_iri("liaocheng-daily-2024-03-10/3") == \
        "https://w3id.org/govkg/id/article/liaocheng-daily-2024-03-10/3"


def test_store_in_use_is_a_clear_error(tmp_path):
    path = tmp_path / "st"
    st = KgStore.open(path)
    with pytest.raises(StoreError, match="in use"):
        KgStore.open(path)
    del st


def test_exception_mid_build_leaves_whole_articles(tmp_path):
    path = tmp_path / "st"

    def graphs():
        yield article(1)
        yield article(2)
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        store_articles(graphs(), path)
    with KgStore.open(path) as st:
        assert st.articles() == [f"{A}1", f"{A}2"]
        assert all(st.graph_size(a) == 16 for a in st.articles())


def test_sigkill_mid_build_leaves_whole_articles(tmp_path):
    """A writer killed with SIGKILL: every article in the store is complete."""
    path = tmp_path / "st"
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import article
        from kg.store import KgStore
        st = KgStore.open({str(path)!r})
        for n in range(100000):
            st.put_article(*article(n, size=200))
            print(n, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    for _ in range(15):
        proc.stdout.readline()
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with KgStore.open(path) as st:
        arts = st.articles()
        assert len(arts) >= 15
        assert {st.graph_size(a) for a in arts} == {1 + 200 * 3}


def test_build_store_twice_same_store(tmp_path):
    """`kg build PAGE --store` twice: same articles, same triples."""
    from kg.build import build
    from kg.pipeline import Pipeline
    from kg.resolve import region_from_name

    path = tmp_path / "st"
    kw = dict(store=path, pipeline=Pipeline(["journalists"]), region=region_from_name("聊城市"))
    r1 = build([SAMPLE], **kw)
    with KgStore.open(path) as st:
        n1, arts1 = len(st), st.articles()
    build([SAMPLE], **kw)
    with KgStore.open(path) as st:
        assert (len(st), st.articles()) == (n1, arts1)
    assert len(arts1) == r1.articles > 0


def test_cli_build_store_and_remove(tmp_path):
    runner = CliRunner()
    path = tmp_path / "st"
    out = tmp_path / "out.ttl"
    res = runner.invoke(cli, ["build", str(SAMPLE), "--store", str(path), "-o", str(out), "--region", "聊城市"])
    if res.exit_code not in (0, 2):
        pytest.xfail(f"the extraction pipeline does not run yet: {res.output[-300:]}")
    assert out.exists()
    res = runner.invoke(cli, ["remove", str(path), "samples/liaocheng-daily-2024-03-10/1"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["remove", str(path), "samples/liaocheng-daily-2024-03-10/1"])
    assert res.exit_code == 1 and "no article" in res.output


def test_cli_build_needs_output_or_store():
    res = CliRunner().invoke(cli, ["build", str(SAMPLE)])
    assert res.exit_code == 2 and "--store" in res.output


def test_a_first_build_into_a_new_store_appears_whole(tmp_path, monkeypatch):
    """A new store is bulk-loaded aside and moved into place: the same content as the
    transactional path, and a build that fails half-way leaves no store and no leftovers."""
    from kg.build import build
    from kg.pipeline import Pipeline
    from kg.resolve import region_from_name

    kw = dict(pipeline=Pipeline(["journalists", "places", "agencies", "officials"]),
              region=region_from_name("聊城市"))
    fresh = tmp_path / "fresh"
    build([SAMPLE], store=fresh, **kw)
    old = tmp_path / "old"
    KgStore.open(old).close()  # an existing (empty) store takes the transactional path
    build([SAMPLE], store=old, **kw)
    with KgStore.open(fresh) as a, KgStore.open(old) as b:
        assert a.articles() == b.articles() and len(a) == len(b) > 0
    assert not list(tmp_path.glob(".*.building"))

    put = KgStore.put_article
    calls = []

    def fail_second(self, iri, graph):  # the build dies after one article (a disk full, a kill)
        calls.append(iri)
        if len(calls) > 1:
            raise OSError("no space left on device")
        return put(self, iri, graph)

    monkeypatch.setattr(KgStore, "put_article", fail_second)
    with pytest.raises(OSError):
        build([SAMPLE], store=tmp_path / "never", **kw)
    assert not (tmp_path / "never").exists() and not list(tmp_path.glob(".*.building"))
