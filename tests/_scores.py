"""Scoring built graphs with ../shared/eval/kgeval.py (outside the repository), for the quality floors."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
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


def corpus_scores(raw_dir: Path, gold_dir: Path, out_dir: Path) -> dict[str, float]:
    """Build every text of a gold corpus with its publication date (as dev.py does) and score them."""
    from kg.build import build

    graphs = []
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        out = out_dir / (Path(gold["document"]).stem + ".ttl")
        build([raw_dir / gold["document"]], out, date=dt.date.fromisoformat(gold["published"]))
        graphs.append((out, gold))
    return mean_scores(graphs)
