"""The command line as a user runs it: help texts, kg build, kg ingest, and clear errors."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from kg.cli import cli
from kg.rdf import GK, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data/samples/liaocheng-daily-2024-03-10.txt"
KG = Path(sys.executable).parent / "kg"
SUBCOMMANDS = ["build", "ingest", "query", "serve", "push", "remove", "viz"]


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_kg_help_says_what_it_is_and_lists_the_commands():
    res = run("--help")
    assert res.exit_code == 0
    assert "knowledge graph" in res.output and "newspaper" in res.output
    for name in ("build", "ingest"):
        assert f"  {name} " in res.output


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_help_exits_0_and_says_what_it_does(name):
    res = run(name, "--help")
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"Usage: cli {name}") or res.output.startswith(f"Usage: kg {name}")
    description = res.output.split("\n\n")[1].strip()
    assert len(description) > 20, res.output
    assert name in run("--help").output


def test_build_help_names_the_output_formats():
    out = run("build", "--help").output
    for suffix in (".ttl", ".trig", ".nq", ".jsonld", "--date", "YYYY-MM-DD"):
        assert suffix in out


def test_kg_build_sample_page(tmp_path):
    out = tmp_path / "out.ttl"
    res = run("build", SAMPLE, "-o", out, "--date", "2024-03-10")
    assert res.exit_code == 0, res.output
    assert f"{out}: 1 page(s), 8 articles," in res.output and "triples" in res.output
    assert "Journalist 6" in res.output
    g = Graph().parse(out)
    arts = set(g.subjects(RDF.type, GK.Article))
    assert len(arts) == 8
    assert {g.value(a, SCHEMA.datePublished) for a in arts} == {Literal("2024-03-10", datatype=XSD.date)}


def test_date_option_overrides_the_file_name(tmp_path):
    out = tmp_path / "out.ttl"
    assert run("build", SAMPLE, "-o", out, "--date", "2024-03-11", "-q").exit_code == 0
    g = Graph().parse(out)
    assert set(g.objects(None, SCHEMA.datePublished)) == {Literal("2024-03-11", datatype=XSD.date)}


def test_quiet_build_prints_nothing(tmp_path):
    res = run("build", SAMPLE, "-o", tmp_path / "out.trig", "-q")
    assert res.exit_code == 0 and res.output == ""


def test_real_kg_executable_builds_the_sample(tmp_path):
    out = tmp_path / "nested" / "sample.ttl"
    proc = subprocess.run([str(KG), "build", str(SAMPLE), "-o", str(out), "--date", "2024-03-10"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "8 articles" in proc.stdout and proc.stderr == ""
    assert len(Graph().parse(out)) > 500


@pytest.mark.parametrize("bad", ["2024-13-01", "2024/03/10", "yesterday", "20240310x"])
def test_bad_date_is_a_clear_usage_error(tmp_path, bad):
    out = tmp_path / "out.ttl"
    res = run("build", SAMPLE, "-o", out, "--date", bad)
    assert res.exit_code == 2
    assert "--date" in res.output and bad in res.output and "YYYY-MM-DD" in res.output
    assert "Traceback" not in res.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["out.xml", "out.rdf", "out"])
def test_unknown_output_suffix_is_refused_before_building(tmp_path, name):
    out = tmp_path / name
    res = run("build", SAMPLE, "-o", out)
    assert res.exit_code == 2
    assert "unknown output format" in res.output and ".ttl" in res.output and ".jsonld" in res.output
    assert not out.exists()


def test_no_readable_input_is_an_error_and_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(bytes(range(256)) * 10)
    out = tmp_path / "out.ttl"
    res = run("build", tmp_path / "empty.txt", tmp_path / "scan.txt", tmp_path / "missing.txt", "-o", out)
    assert res.exit_code == 1
    for name in ("empty.txt: empty file", "scan.txt: binary", "missing.txt: no such file",
                 "no article could be read; nothing written"):
        assert name in res.output
    assert not out.exists()


def test_empty_directory_is_an_error(tmp_path):
    res = run("build", tmp_path, "-o", tmp_path / "out.ttl")
    assert res.exit_code == 1 and "no article could be read" in res.output


def test_build_needs_an_output(tmp_path):
    res = run("build", SAMPLE)
    assert res.exit_code == 2 and "-o" in res.output


def test_build_needs_an_input():
    res = run("build", "-o", "out.ttl")
    assert res.exit_code == 2 and "INPUTS" in res.output


def test_kg_ingest_lists_the_articles():
    res = run("ingest", SAMPLE)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith(f"samples/{SAMPLE.name}  date=2024-03-10  articles=8")
    listed = [line for line in lines if line[:5].strip().rstrip(".").isdigit()]
    assert len(listed) == 8
    assert sum("(news;" in line for line in listed) == 7 and sum("(photo;" in line for line in listed) == 1
    assert any(line.strip().startswith("~ ") for line in lines)  # subtitles and kickers


def test_kg_ingest_text_shows_each_article_text(tmp_path):
    page = tmp_path / "nanhe-2024-05-21.txt"
    page.write_text("南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,南河县召开春耕备耕工作会议。", encoding="gbk")
    res = run("ingest", page, "--text")
    assert res.exit_code == 0
    assert "1. 南河县召开春耕备耕工作会议  (news; 钱立衡)" in res.output
    assert "      本报讯(记者 钱立衡)5月20日" in res.output


def test_kg_ingest_reports_a_bad_file_and_lists_the_others(tmp_path):
    page = tmp_path / "nanhe-2024-05-21.txt"
    page.write_text("南河县召开春耕备耕工作会议\n\n本报讯(记者 钱立衡)5月20日,南河县召开会议。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    res = run("ingest", tmp_path / "empty.txt", page)
    assert res.exit_code == 2
    assert "error: " in res.output and "empty.txt: empty file" in res.output
    assert "南河县召开春耕备耕工作会议" in res.output


def test_python_dash_m_kg_works():
    proc = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "build" in proc.stdout
