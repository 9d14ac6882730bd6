"""Small things a user hit (issue 15, item 5) that live in configuration and docs rather than code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_default_store_directory_is_ignored():
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "kgstore/" in lines


def test_pytest_says_why_a_test_is_skipped_and_drops_rdflibs_own_warnings():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "-rs" in config["addopts"].split()
    assert any(f.startswith("ignore::DeprecationWarning:rdflib") for f in config["filterwarnings"])


def test_readme_pushes_to_its_own_server_not_to_kg_serve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    serve_ports = set(re.findall(r"kg serve [^\n]*127\.0\.0\.1:(\d+)", readme)) | {"7878"}
    push_ports = re.findall(r"kg push \S+ --endpoint http://[\w.]+:(\d+)/", readme)
    assert push_ports and not set(push_ports) & serve_ports
    started = re.findall(r"oxigraph serve [^\n]*--bind [\w.]+:(\d+)", readme)
    assert set(push_ports) <= set(started)  # the README shows how to start the server it pushes to
