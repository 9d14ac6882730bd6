"""Quality floors on the sample page, scored by ../shared/eval/kgeval.py (issues 3, 4 and 5).

Two floors per figure: the issues' "done when" targets, and the figures measured
when this test was written (so a change that lowers them fails).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from _scores import mean_scores
from kg.build import build

ROOT = Path(__file__).parents[1]
SCORER = ROOT.parent / "shared/eval/kgeval.py"
GOLD = ROOT.parent / "shared/eval/gold/liaocheng-daily-2024-03-10.json"
SAMPLE = ROOT / "data/samples/liaocheng-daily-2024-03-10.txt"

ISSUE_FLOORS = {
    "articles.recall": 1.0, "journalists.f1": 1.0, "officials.f1": 0.95, "posts.f1": 0.85,
    "agencies.f1": 0.85, "agency_canonical_labels.share": 0.8, "provenance.share": 0.95,
    "places.f1": 0.9, "place_hierarchy.recall": 0.9, "events.f1": 0.9, "event_attributes.recall": 0.85,
    "projects.f1": 0.75, "macro_f1": 0.88,
}
# figures measured on the sample when these floors were set (macro_f1 0.994); raise them when the extractors improve
MEASURED_FLOORS = {
    "articles.recall": 1.0, "journalists.f1": 1.0, "officials.f1": 1.0, "posts.f1": 1.0,
    "agencies.f1": 1.0, "agency_canonical_labels.share": 1.0, "provenance.share": 0.985,
    "places.f1": 0.957, "place_hierarchy.recall": 1.0, "events.f1": 1.0, "event_attributes.recall": 1.0,
    "projects.f1": 1.0, "macro_f1": 0.994,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not SCORER.exists() or not GOLD.exists():
        pytest.skip(f"scorer or gold not found at {SCORER} / {GOLD} (../shared/eval is outside the repository)")
    out = tmp_path_factory.mktemp("quality") / "sample.ttl"
    build([SAMPLE], out)
    return mean_scores([(out, json.loads(GOLD.read_text(encoding="utf-8")))])


@pytest.mark.parametrize("metric", sorted(ISSUE_FLOORS))
def test_issue_floor(scores, metric):
    assert scores[metric] >= ISSUE_FLOORS[metric], f"{metric}={scores[metric]}"


@pytest.mark.parametrize("metric", sorted(MEASURED_FLOORS))
def test_measured_floor(scores, metric):
    assert scores[metric] >= MEASURED_FLOORS[metric], f"{metric}={scores[metric]} fell below today's figure"
