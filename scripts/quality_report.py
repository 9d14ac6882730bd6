"""Print the figures docs/quality.md quotes: the development corpus per document, the sample page,
and the labelled news corpus. Run from the project root with ../shared beside it:

    .venv/bin/python scripts/quality_report.py > /tmp/quality.txt
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def run(*args: str) -> str:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    return "\n".join(line for line in out.stdout.splitlines() if not line.startswith("#"))


def mean_scores(graphs: list[tuple[Path, dict]]) -> dict[str, float]:
    """kgeval's figures for (built graph, gold facts) pairs, averaged over the documents as dev.py does."""
    spec = importlib.util.spec_from_file_location("kgeval", EVAL / "kgeval.py")
    kgeval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kgeval)
    results = {gold["document"]: kgeval.evaluate(kgeval.load([str(out), str(ROOT / "ontology")]), gold)
               for out, gold in graphs}
    return kgeval.mean_over_documents(results)


def corpus_scores(raw_dir: Path, gold_dir: Path, out_dir: Path) -> dict[str, float]:
    """Build every text of a gold corpus (``raw/``, ``gold/``) with its publication date, as dev.py does, into
    ``out_dir`` and score them (used here, by scripts/name_swap_probe.py and by the tests' quality floors)."""
    from kg.build import build

    graphs = []
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        out = out_dir / (Path(gold["document"]).stem + ".ttl")
        build([raw_dir / gold["document"]], out, date=dt.date.fromisoformat(gold["published"]))
        graphs.append((out, gold))
    return mean_scores(graphs)


def invented() -> str:
    """The invented corpus's mean figures, built and scored as dev.py does for the development corpus."""
    corpus = ROOT / "tests" / "corpus" / "invented"
    with tempfile.TemporaryDirectory() as tmp:
        mean = corpus_scores(corpus / "raw", corpus / "gold", Path(tmp))
    keys = ("officials.f1", "posts.f1", "journalists.f1", "articles.recall", "agencies.f1", "places.f1",
            "projects.f1", "events.f1", "event_attributes.recall", "macro_f1")
    return "\n".join(f"  {k:28s} {mean[k]:.3f}" for k in keys if k in mean)


def main() -> int:
    print("$ .venv/bin/python ../shared/eval/dev.py --per-doc")
    print(run(str(EVAL / "dev.py"), "--per-doc"))
    print("\n$ .venv/bin/python ../shared/eval/dev.py --corpus gold --raw ../shared/corpus")
    print(run(str(EVAL / "dev.py"), "--corpus", "gold", "--raw", str(ROOT.parent / "shared" / "corpus")))
    print("\n# the invented corpus (tests/corpus/invented), scored with kgeval.py")
    print(invented())
    print("\n$ .venv/bin/python ../shared/eval/external/score_external.py")
    print(run(str(EVAL / "external" / "score_external.py")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
