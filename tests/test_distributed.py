"""kg.distributed: a Dask bag over page shards on a LocalCluster gives the serial build's graph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build import build

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from kg.distributed import build_distributed, merge_shards, plan_shards  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "liaocheng-daily-2024-03-10.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Two dated copies of the sample page and a JSONL file of three records."""
    d = tmp_path_factory.mktemp("corpus")
    text = SAMPLE.read_text(encoding="utf-8")
    (d / "liaocheng-daily-2024-03-10.txt").write_text(text, encoding="utf-8")
    (d / "liaocheng-daily-2024-03-12.txt").write_text(text.replace("李", "赵"), encoding="utf-8")
    paras = [p for p in text.split("\n\n") if len(p) > 80][:3]
    with open(d / "records.jsonl", "w", encoding="utf-8") as fh:
        for i, p in enumerate(paras):
            fh.write(json.dumps({"text": p, "date": f"2024-05-0{i + 1}", "title": f"标题{i}"}, ensure_ascii=False) + "\n")
    return d


def quads(paths) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for p in paths:
        ds = Dataset()
        ds.parse(p, format="nquads")
        for s, pr, o, c in ds.quads():
            out.setdefault(str(c), Graph()).add((s, pr, o))
    return out


@pytest.fixture(scope="module")
def cluster_client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_plan_splits_big_jsonl(corpus):
    shards = plan_shards([corpus], shard_bytes=500)
    assert [Path(s.path).name for s in shards if s.parts == 1][:2] == ["liaocheng-daily-2024-03-10.txt",
                                                                       "liaocheng-daily-2024-03-12.txt"]
    jsonl = [s for s in shards if s.path.endswith(".jsonl")]
    assert len(jsonl) > 1 and [s.part for s in jsonl] == list(range(len(jsonl)))


def test_local_cluster_isomorphic_to_serial(tmp_path, corpus, cluster_client):
    serial = tmp_path / "serial.nq"
    ref = build([corpus], serial)
    res = build_distributed([corpus], tmp_path / "shards", client=cluster_client, shard_bytes=500)
    assert res.articles == ref.articles and res.pages == ref.pages and not res.errors
    assert len(res.shards) > 3 and all(p.exists() for p in res.shards)
    want, got = quads([serial]), quads(res.shards)
    assert set(got) == set(want)
    for name in want:
        assert isomorphic(got[name], want[name]), name
    # merged back, the shards are the serial build's file, line for line
    merged = tmp_path / "merged.nq"
    assert merge_shards(res.shards, merged) == ref.triples
    assert sorted(merged.read_text(encoding="utf-8").splitlines()) == \
        sorted(serial.read_text(encoding="utf-8").splitlines())
    nt = tmp_path / "merged.nt"
    merge_shards(res.shards, nt)
    g = Graph().parse(nt, format="nt")
    assert len(g) == ref.triples == len(nt.read_text(encoding="utf-8").splitlines())


def test_rerun_replaces_shards(tmp_path, corpus, cluster_client):
    out = tmp_path / "shards"
    first = build_distributed([corpus], out, client=cluster_client, shard_bytes=500)
    second = build_distributed([corpus / "liaocheng-daily-2024-03-10.txt"], out, client=cluster_client)
    assert len(second.shards) == 1 < len(first.shards)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.nq"]


def test_an_undated_page_is_warned_about(tmp_path, cluster_client):
    undated = Path(__file__).resolve().parent / "fixtures" / "dated" / "undated"
    res = build_distributed([undated], tmp_path / "shards", client=cluster_client)
    assert res.articles == 1 and [w.split(":")[0] for w in res.warnings] == ["undated/clipping.txt"]
