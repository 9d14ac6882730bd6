"""Scoring built graphs with ../shared/eval/kgeval.py (outside the repository), for the quality floors:
the functions of scripts/quality_report.py, which prints the same figures for docs/quality.md."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_REPORT = Path(__file__).parents[1] / "scripts" / "quality_report.py"
_spec = importlib.util.spec_from_file_location("quality_report", _REPORT)
_report = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_report)

EVAL = _report.EVAL
mean_scores = _report.mean_scores
corpus_scores = _report.corpus_scores
