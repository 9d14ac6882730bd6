"""The same pages give the same bytes whatever the process: Python's hash seed changes the order of
sets between processes (and so between the workers of --workers), which must never reach the graph."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
PAGES = sorted((ROOT / "tests/fixtures/pages").glob("*.txt"))


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.nq"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-m", "kg", "build", *map(str, PAGES), "-o", str(out)],
                             env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
