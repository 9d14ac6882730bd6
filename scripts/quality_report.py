"""Print the figures docs/quality.md quotes: the development corpus per document, the sample page,
and the labelled news corpus. Run from the project root with ../shared beside it:

    .venv/bin/python scripts/quality_report.py > /tmp/quality.txt
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def run(*args: str) -> str:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    return "\n".join(line for line in out.stdout.splitlines() if not line.startswith("#"))


def invented() -> str:
    """The invented corpus's mean figures, built and scored as dev.py does for the development corpus."""
    import datetime as dt
    import importlib.util
    import json
    import tempfile

    from kg.build import build

    spec = importlib.util.spec_from_file_location("kgeval", EVAL / "kgeval.py")
    kgeval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kgeval)
    corpus = ROOT / "tests" / "corpus" / "invented"
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for gp in sorted((corpus / "gold").glob("*.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            out = Path(tmp) / (Path(gold["document"]).stem + ".ttl")
            build([corpus / "raw" / gold["document"]], out, date=dt.date.fromisoformat(gold["published"]))
            results[gold["document"]] = kgeval.evaluate(kgeval.load([str(out), str(ROOT / "ontology")]), gold)
    mean = kgeval.mean_over_documents(results)
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
