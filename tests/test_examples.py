"""Every example runs and prints what its docstring promises."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_careers_example_prints_post_holdings_with_dates() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "careers.py")], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) >= 10
    # every line is "date  name  agency+role", with the sample's publication date
    assert all(line.startswith("2024-03-10  ") for line in lines)
    assert any("聊城市" in line and line.endswith("书记") for line in lines)
