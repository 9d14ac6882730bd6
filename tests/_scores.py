"""Scoring built graphs with ../shared/eval/kgeval.py (outside the repository), for the quality floors."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).parents[1]
EVAL = ROOT.parent / "shared/eval"


def mean_scores(graphs: list[tuple[Path, dict]]) -> dict[str, float]:
    """kgeval's figures for (built graph, gold facts) pairs, averaged over the documents as dev.py does."""
    spec = importlib.util.spec_from_file_location("kgeval", EVAL / "kgeval.py")
    kgeval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kgeval)
    results = {gold["document"]: kgeval.evaluate(kgeval.load([str(out), str(ROOT / "ontology")]), gold)
               for out, gold in graphs}
    return kgeval.mean_over_documents(results)
