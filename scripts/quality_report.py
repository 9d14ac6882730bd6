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


def main() -> int:
    print("$ .venv/bin/python ../shared/eval/dev.py --per-doc")
    print(run(str(EVAL / "dev.py"), "--per-doc"))
    print("\n$ .venv/bin/python ../shared/eval/dev.py --corpus gold --raw ../shared/corpus")
    print(run(str(EVAL / "dev.py"), "--corpus", "gold", "--raw", str(ROOT.parent / "shared" / "corpus")))
    print("\n$ .venv/bin/python ../shared/eval/external/score_external.py")
    print(run(str(EVAL / "external" / "score_external.py")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
