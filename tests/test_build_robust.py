"""Hostile pages and a long-lived store: one bad page costs one line, rebuilds replace, identities differ.

Pages are invented (an invented county, invented people and papers).
"""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.ingest.read import decode_bytes, read_file
from kg.store import KgStore

ARTICLE = ("{head}\n\n本报讯(记者 钱立衡)5月20日,南河县召开{topic}工作会议,部署全县{topic}工作。"
           "会议要求,各乡镇要抓好落实,确保取得实效。\n\n")
TOPICS = ["春耕备耕", "防汛抗旱", "森林防火", "安全生产", "秸秆禁烧", "乡村振兴"]


def page(n: int) -> str:
    return "".join(ARTICLE.format(head=f"南河县召开{t}工作会议", topic=t) for t in TOPICS[:n])


def page_articles(store_path: Path) -> list[str]:
    with KgStore.open(store_path, ontology=False) as st:
        return st.articles()


# --- item 7: one bad page does not stop the build ------------------------------------------------------

@pytest.fixture
def hostile_dir(tmp_path) -> Path:
    d = tmp_path / "pages"
    d.mkdir()
    (d / "a-good-2024-05-20.txt").write_text(page(2), encoding="utf-8")
    (d / "b-year-2024-05-20.txt").write_text("南河县召开会议\n\n本报讯 99999年1月1日,南河县召开会议。\n", encoding="utf-8")
    (d / "c-utf16-2024-05-20.txt").write_bytes(b"\xff\xfe" + page(1).encode("utf-16-le") + b"\x41")
    deep = "[" * 100_000 + "]" * 100_000
    big = '{"text": "标题\\n\\n正文。", "n": ' + "9" * 5000 + "}"
    good = json.dumps({"text": page(1), "date": "2024-05-20"}, ensure_ascii=False)
    (d / "d-feed.jsonl").write_text("\n".join([deep, big, good]) + "\n", encoding="utf-8")
    (d / "e-unreadable-2024-05-20.txt").write_text(page(1), encoding="utf-8")
    (d / "f-bad\nname-2024-05-20.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (d / "z-last-2024-05-20.txt").write_text(page(3), encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "g-fifo.txt")
    (d / "h-loop1.txt").symlink_to(d / "h-loop2.txt")
    (d / "h-loop2.txt").symlink_to(d / "h-loop1.txt")
    return d


@pytest.fixture
def unreadable(monkeypatch):
    """Make files whose name says 'unreadable' fail to open, as they do for a user without permission."""
    real = Path.read_bytes

    def read_bytes(self):
        if "unreadable" in self.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_every_bad_page_is_one_line_and_the_rest_builds(tmp_path, hostile_dir, unreadable):
    out, store = tmp_path / "out.nq", tmp_path / "store"
    res = CliRunner().invoke(cli, ["build", str(hostile_dir), "-o", str(out), "--store", str(store), "-q"])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    errors = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
    for needle in ("d-feed.jsonl:1", "d-feed.jsonl:2", "e-unreadable", "f-bad\\nname", "g-fifo.txt",
                   "h-loop1.txt"):
        assert sum(needle in e for e in errors) == 1, (needle, errors)
    assert all("\n" not in e for e in errors)
    warnings = [ln for ln in res.output.splitlines() if ln.startswith("warning:")]
    assert any("c-utf16" in w and "1 byte" in w for w in warnings)
    built = page_articles(store)
    for name, n in (("a-good-2024-05-20", 2), ("z-last-2024-05-20", 3), ("d-feed%233", 1),
                    ("b-year-2024-05-20", 1), ("c-utf16-2024-05-20", 1)):
        assert sum(f"/pages/{name}/" in a for a in built) == n, (name, built)
    assert out.exists()


def test_a_page_that_fails_extraction_is_one_line(tmp_path, monkeypatch):
    import kg.stream

    d = tmp_path / "pages"
    d.mkdir()
    for name in ("a-2024-05-20.txt", "b-2024-05-20.txt", "c-2024-05-20.txt"):
        (d / name).write_text(page(1), encoding="utf-8")
    real = kg.stream.page_out

    def flaky(p, *args, **kwargs):
        if p.source.endswith("b-2024-05-20.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(p, *args, **kwargs)

    monkeypatch.setattr(kg.stream, "page_out", flaky)
    result = build([d], store=tmp_path / "st", progress=False)
    assert len(result.errors) == 1 and "b-2024-05-20.txt" in result.errors[0]
    assert result.articles == 2
    assert len(page_articles(tmp_path / "st")) == 2


def test_unreadable_directory_and_directory_loop_are_reported(tmp_path, monkeypatch):
    d = tmp_path / "pages"
    (d / "locked").mkdir(parents=True)
    (d / "ok-2024-05-20.txt").write_text(page(1), encoding="utf-8")
    (d / "again").symlink_to(d, target_is_directory=True)
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = build([d], tmp_path / "out.nq", progress=False)
    assert any("locked" in e and "cannot read the directory" in e for e in result.errors)
    assert any("loop" in e for e in result.errors)
    assert result.articles == 1


def test_fifo_is_not_no_such_file(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    f = tmp_path / "pipe.txt"
    os.mkfifo(f)
    with pytest.raises(Exception) as err:
        read_file(f)
    assert "not a regular file" in str(err.value)


# --- item 9: a few bad bytes cost a warning, not the page ----------------------------------------------

def test_stray_bytes_and_cut_character_are_read_with_a_warning():
    text = page(6) * 20
    data = text.encode("utf-8")
    assert len(data) > 20_000
    damaged = data[:5000] + b"\xff" + data[5000:9000] + b"\xff" + data[9000:15000] + b"\xff" + data[15000:]
    warnings: list[str] = []
    got = decode_bytes(damaged, "p.txt", warnings)
    assert got.count("\ufffd") == 3 and len(warnings) == 1 and "3 byte(s)" in warnings[0]
    warnings = []
    got = decode_bytes(data.rstrip(b"\n")[:-1], "p.txt", warnings)  # the last character cut in half
    assert got.endswith("\ufffd") and "byte(s)" in warnings[0]
    with pytest.raises(Exception):  # real damage is still refused
        decode_bytes(bytes(range(256)) * 50, "bin.txt", [])


def test_legacy_encodings_still_win_over_damaged_utf8():
    data = page(2).encode("gb18030")
    assert decode_bytes(data, "g.txt", []) == page(2)


# --- item 11: a rebuilt page with fewer articles replaces the old ones -----------------------------------

def test_rebuild_with_fewer_articles_removes_the_old_ones(tmp_path):
    d = tmp_path / "paper"
    d.mkdir()
    f = d / "nanhe-2024-05-20.txt"
    f.write_text(page(6), encoding="utf-8")
    other = d / "other-2024-05-20.txt"
    other.write_text(page(2), encoding="utf-8")
    st = tmp_path / "st"
    build([d], store=st, progress=False)
    assert len(page_articles(st)) == 8
    f.write_text(page(2), encoding="utf-8")
    build([f], store=st, progress=False)
    arts = page_articles(st)
    assert sorted(a.rsplit("/", 2)[1:] for a in arts if "/nanhe-" in a) == [["nanhe-2024-05-20", "1"],
                                                                          ["nanhe-2024-05-20", "2"]]
    assert sum("/other-" in a for a in arts) == 2
    with KgStore.open(st, ontology=False) as s:  # nothing of the removed articles is left in the default graph
        q = "ASK { ?a schema:headline ?h FILTER(CONTAINS(?h, '森林防火')) }"
        from kg.query import run_query

        assert run_query(s.store, q).boolean is False


# --- item 12: two inputs are two sources -----------------------------------------------------------------

def test_same_file_name_in_two_directories_are_two_pages(tmp_path):
    for sub, n in (("a", 2), ("b", 3)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "page-2024-03-10.txt").write_text(page(n), encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "c b-2024-03-10.txt").write_text(page(1), encoding="utf-8")
    (tmp_path / "c" / "c-b-2024-03-10.txt").write_text(page(4), encoding="utf-8")
    result = build([tmp_path / "a", tmp_path / "b", tmp_path / "c"], tmp_path / "out.nq",
                   store=tmp_path / "st", progress=False)
    assert result.warnings == []
    assert result.articles == 10
    assert len(page_articles(tmp_path / "st")) == 10
    graphs = {line.rsplit(" ", 2)[-2] for line in (tmp_path / "out.nq").read_text(encoding="utf-8").splitlines()}
    assert len(graphs) == 10


def test_identity_does_not_depend_on_how_the_file_is_named(tmp_path, monkeypatch):
    d = tmp_path / "paper"
    d.mkdir()
    (d / "nanhe-2024-05-20.txt").write_text(page(1), encoding="utf-8")
    a = build([d / "nanhe-2024-05-20.txt"], store=tmp_path / "st", progress=False)
    monkeypatch.chdir(d)
    b = build(["nanhe-2024-05-20.txt"], store=tmp_path / "st", progress=False)
    assert a.articles == b.articles == 1
    assert [x.rsplit("/article/", 1)[1] for x in page_articles(tmp_path / "st")] == ["paper/nanhe-2024-05-20/1"]


# --- item 13: output files follow the umask ------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".ttl", ".nq", ".trig", ".nt"])
def test_output_files_follow_the_umask(tmp_path, suffix):
    (tmp_path / "p-2024-05-20.txt").write_text(page(1), encoding="utf-8")
    old = os.umask(0o022)
    try:
        build([tmp_path / "p-2024-05-20.txt"], tmp_path / f"out{suffix}", progress=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / f"out{suffix}").stat().st_mode) == 0o644


# --- item 8: extraction time grows linearly with the text ----------------------------------------------

def test_repeated_phrase_is_linear_not_quadratic():
    import time as _time

    from kg.ingest import ingest_text
    from kg.pipeline import Pipeline

    pipe = Pipeline()
    pipe(ingest_text("标题\n\n会议召开。", source="warm.txt"))

    def seconds(n: int) -> float:
        page = ingest_text("标题\n\n" + "市委书记" * (n // 4), source="x.txt")
        t0 = _time.perf_counter()
        pipe(page)
        return _time.perf_counter() - t0

    small, large = min(seconds(10_000) for _ in range(2)), seconds(80_000)
    # linear: about 8x; quadratic (as it was): about 30x
    assert large / max(small, 0.01) < 18, (small, large)


def test_an_article_past_the_limit_is_one_line_and_the_rest_builds(tmp_path, monkeypatch):
    import kg.stream

    monkeypatch.setattr(kg.stream, "MAX_ARTICLE_CHARS", 5000)
    f = tmp_path / "p-2024-05-20.txt"
    f.write_text(page(2) + "南河县召开干部大会\n\n本报讯(记者 钱立衡)5月20日," + "市委书记" * 2000 + "。\n",
                 encoding="utf-8")
    result = build([f], tmp_path / "o.nq", progress=False)
    assert result.articles == 2
    assert len(result.errors) == 1 and "article 3 has" in result.errors[0] and "p-2024-05-20.txt" in result.errors[0]


def test_a_component_that_fails_on_one_article_loses_only_its_own_findings(tmp_path, monkeypatch):
    """A slip in one extractor (here: projects, failing on page b) is one warning naming the page and the component;
    the article is still built with everything the other components found, and the other pages are whole."""
    import kg.extract.projects
    import kg.pipeline
    import kg.stream
    from rdflib import Graph

    from kg.rdf.namespaces import SCHEMA

    d = tmp_path / "pages"
    d.mkdir()
    for name in ("a-2024-05-20.txt", "b-2024-05-20.txt"):
        (d / name).write_text(page(1), encoding="utf-8")
    real = kg.extract.projects.find_projects

    def flaky(article, context):
        if context.page.source.endswith("b-2024-05-20.txt"):
            raise IndexError("string index out of range")
        return real(article, context)

    monkeypatch.setattr(kg.extract.projects, "find_projects", flaky)
    monkeypatch.setitem(kg.pipeline.REGISTRY, "projects", flaky)
    monkeypatch.setattr(kg.stream, "_PIPELINES", {})  # pipelines built before hold the real component
    out = tmp_path / "out.ttl"
    result = build([d], out, progress=False)
    assert not result.errors and result.articles == 2
    (warning,) = [w for w in result.warnings if "failed" in w]
    assert "b-2024-05-20.txt" in warning and "'projects'" in warning and "IndexError" in warning
    g = Graph().parse(out)
    assert len(set(g.subjects(SCHEMA.author, None))) == 2  # the failing page's byline too
