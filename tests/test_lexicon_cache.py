"""The lexicon's speed-ups (roles indexed by first character, cached tokens) change no output."""
from __future__ import annotations

from pathlib import Path

import jieba
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.extract import agencies, agency_spans, lexicon, officials, project_names, project_words
from kg.ingest import ingest
from kg.pipeline import Pipeline
from kg.rdf import page_graphs

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples"


def slow_role_at(text: str, pos: int) -> str | None:
    """The original linear scan over every role, longest first."""
    for r in lexicon.roles_longest_first():
        if text.startswith(r, pos):
            return r
    return None


def slow_tokens(text: str) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for w in jieba.cut(text, HMM=False):
        out.append((w, pos, pos + len(w)))
        pos += len(w)
    return out


def sample_graph() -> Graph:
    g = Graph()
    for page in ingest([SAMPLE]):
        for _, ag in page_graphs(Pipeline()(page)):
            for t in ag:
                g.add(t)
    return g


def test_role_at_matches_linear_scan():
    text = next(ingest([SAMPLE])).articles[0].text + "市委书记副市长"
    for pos in range(len(text) + 2):
        assert lexicon.role_at(text, pos) == slow_role_at(text, pos)


def test_tokens_cached_copy_is_fresh():
    a = lexicon.tokens("聊城市水利局召开会议")
    a.append(("x", 0, 0))
    assert lexicon.tokens("聊城市水利局召开会议") == slow_tokens("聊城市水利局召开会议")


def test_sample_graph_unchanged(monkeypatch: pytest.MonkeyPatch):
    fast = sample_graph()
    for mod in (lexicon, agencies, agency_spans, officials):
        monkeypatch.setattr(mod, "role_at", slow_role_at)
    for mod in (lexicon, agencies, agency_spans, project_names, project_words):
        monkeypatch.setattr(mod, "tokens", slow_tokens)
    slow = sample_graph()
    assert len(fast) == len(slow) > 1000
    assert isomorphic(fast, slow)
