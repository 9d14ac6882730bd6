"""Streaming writes, `--workers N`, the progress bar: same graph as the in-memory serial build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build import build, extract_pages
from kg.cli import cli
from kg.ingest import IngestReport
from kg.rdf import page_graphs
from kg.rdf.serialize import serialize
from kg.stream import StreamWriter, page_out

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "liaocheng-daily-2024-03-10.txt"
DATES = ["2024-03-10", "2024-03-11", "2024-04-02"]


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory) -> Path:
    """Three copies of the sample page under different dates (and one with other names)."""
    d = tmp_path_factory.mktemp("pages")
    text = SAMPLE.read_text(encoding="utf-8")
    for i, day in enumerate(DATES):
        body = text if i != 1 else text.replace("李", "赵").replace("王", "钱")
        (d / f"liaocheng-daily-{day}.txt").write_text(body, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def in_memory(pages_dir) -> list:
    """(article IRI, graph) of the serial in-memory build, the reference."""
    return [ag for page in extract_pages([pages_dir], report=IngestReport()) for ag in page_graphs(page)]


def merged(graphs) -> Graph:
    g = Graph()
    for _, ag in graphs:
        for t in ag:
            g.add(t)
    return g


def named_graphs(path: Path) -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(path, format="nquads" if path.suffix == ".nq" else "trig")
    out: dict[str, Graph] = {}
    for s, p, o, c in ds.quads():
        out.setdefault(str(c), Graph()).add((s, p, o))
    return out


def test_streamed_nquads_equal_in_memory_nquads(tmp_path, pages_dir, in_memory):
    out = tmp_path / "a.nq"
    result = build([pages_dir], out)
    ref = tmp_path / "ref.nq"
    ref.write_bytes(serialize(in_memory, "nquads"))
    got, want = named_graphs(out), named_graphs(ref)
    assert set(got) == set(want) and len(got) == 3 * 8
    for name in want:
        assert isomorphic(got[name], want[name]), name
    # every line once, and counts as the in-memory build gives them
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == sum(len(g) for _, g in in_memory)
    assert result.triples == len(merged(in_memory))
    assert result.articles == 24 and result.pages == 3


@pytest.mark.parametrize("suffix", [".nt", ".ttl", ".jsonld"])
def test_streamed_merged_formats_equal_in_memory(tmp_path, pages_dir, in_memory, suffix):
    out = tmp_path / f"a{suffix}"
    result = build([pages_dir], out)
    g = Graph().parse(out, format={".nt": "nt", ".ttl": "turtle", ".jsonld": "json-ld"}[suffix])
    want = merged(in_memory)
    assert isomorphic(g, want)
    assert result.triples == len(want)
    if suffix == ".nt":  # entity triples stated by several articles are written once
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(set(lines)) == len(want)


def test_entity_counts_as_before(tmp_path, pages_dir, in_memory):
    from kg.build import count_entities

    assert build([pages_dir], tmp_path / "a.nq").entities == count_entities(in_memory)


def test_workers_2_isomorphic_to_serial(tmp_path, pages_dir):
    serial, parallel = tmp_path / "serial.trig", tmp_path / "parallel.trig"
    r1 = build([pages_dir], serial, workers=1)
    r2 = build([pages_dir], parallel, workers=2)
    a, b = named_graphs(serial), named_graphs(parallel)
    assert set(a) == set(b)
    assert all(isomorphic(a[k], b[k]) for k in a)
    assert (r1.articles, r1.triples, r1.entities, r1.regions) == (r2.articles, r2.triples, r2.entities, r2.regions)


def test_workers_output_is_byte_identical_for_nquads(tmp_path, pages_dir):
    build([pages_dir], tmp_path / "1.nq", workers=1)
    build([pages_dir], tmp_path / "2.nq", workers=2)
    assert (tmp_path / "1.nq").read_bytes() == (tmp_path / "2.nq").read_bytes()


def test_cli_workers_and_no_progress_bar_off_a_terminal(tmp_path, pages_dir):
    out = tmp_path / "cli.nq"
    res = CliRunner().invoke(cli, ["build", str(pages_dir), "-o", str(out), "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert "24 articles" in res.output
    assert "%|" not in res.output and "articles/s" not in res.output  # no tqdm bar: not a TTY
    assert out.exists()


def test_progress_bar_absent_when_not_a_tty(tmp_path, pages_dir, capsys):
    build([pages_dir], tmp_path / "a.nq")
    err = capsys.readouterr().err
    assert "articles/s" not in err and "%|" not in err


def test_progress_bar_when_asked(tmp_path, pages_dir, capsys):
    build([pages_dir], tmp_path / "a.nq", progress=True)
    err = capsys.readouterr().err
    assert "100%|" in err and "24 articles" in err and "articles/s" in err


def test_store_fed_per_article_in_parallel(tmp_path, pages_dir, in_memory):
    pytest.importorskip("pyoxigraph")
    from kg.store import KgStore

    st = tmp_path / "store"
    build([pages_dir], store=st, workers=2)
    with KgStore.open_read_only(st) as s:
        assert len(s.articles()) == 24
        for iri, g in in_memory[:3]:
            assert s.graph_size(str(iri)) == len(g)


def test_incremental_day_adds_only_that_day(tmp_path, pages_dir):
    """A new day's page added to a store costs that page's work: the result counts one page."""
    pytest.importorskip("pyoxigraph")
    from kg.store import KgStore

    st = tmp_path / "store"
    first = tmp_path / "first"
    first.mkdir()
    for f in sorted(pages_dir.iterdir())[:2]:
        shutil.copy(f, first)
    build([first], store=st)
    new_day = sorted(pages_dir.iterdir())[2]
    r = build([new_day], store=st)
    assert r.pages == 1 and r.articles == 8
    with KgStore.open_read_only(st) as s:
        assert len(s.articles()) == 24


def test_same_page_twice_is_one_article_set(tmp_path, pages_dir, in_memory):
    out = tmp_path / "twice.nq"
    r = build([pages_dir, pages_dir], out)
    assert r.articles == 48 and not r.warnings
    assert r.triples == len(merged(in_memory))
    assert len(out.read_text(encoding="utf-8").splitlines()) == sum(len(g) for _, g in in_memory)


def test_failed_build_leaves_old_output(tmp_path, pages_dir, monkeypatch):
    out = tmp_path / "keep.nq"
    out.write_text("old\n")

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr("kg.stream.StreamWriter.write", boom)  # not a per-page failure: the build stops
    with pytest.raises(RuntimeError):
        build([pages_dir], out)
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.nq"]


def test_writer_dedups_shared_lines(tmp_path, pages_dir):
    page = next(iter(extract_pages([pages_dir / "liaocheng-daily-2024-03-10.txt"])))
    po = page_out(page)
    with StreamWriter(tmp_path / "x.nt") as w:
        for art in po.articles:
            w.write(art)
    g = Graph().parse(tmp_path / "x.nt", format="nt")
    assert w.triples == len(g) == len(merged(page_graphs(page)))
