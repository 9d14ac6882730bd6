"""The ontology: parses, every term labelled and explained, every term the code writes declared,
generated files reproducible, and the package data shipped in the wheel."""
from __future__ import annotations

import re
import runpy
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build import build
from kg.rdf.vocab import GK

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology/govkg.ttl"
NS = str(GK._NS)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY)


def declared(onto: Graph) -> set[str]:
    return {str(s)[len(NS):] for t in TERM_TYPES for s in onto.subjects(RDF.type, t) if str(s).startswith(NS)}


def test_ontology_parses_and_declares_itself(onto):
    assert (URIRef("https://w3id.org/govkg/ontology"), RDF.type, OWL.Ontology) in onto
    assert len(declared(onto)) > 40


def test_every_gk_subject_is_a_declared_term(onto):
    """No gk: term is described without being declared a class or property (a typo would be)."""
    subjects = {str(s)[len(NS):] for s in onto.subjects() if str(s).startswith(NS)}
    assert subjects <= declared(onto)


def test_every_term_has_zh_and_en_labels_and_a_comment(onto):
    missing = []
    for t in TERM_TYPES:
        for s in onto.subjects(RDF.type, t):
            if not str(s).startswith(NS):
                continue
            langs = {lit.language for lit in onto.objects(s, RDFS.label) if isinstance(lit, Literal)}
            if not {"zh", "en"} <= langs or not list(onto.objects(s, RDFS.comment)):
                missing.append(str(s)[len(NS):])
    assert missing == []


def test_classes_and_properties_are_aligned_to_public_vocabularies(onto):
    """Every class has a superclass; the core ones reach schema.org, ORG, SKOS or PROV."""
    public = ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/2004/02/skos/core#",
              "http://www.w3.org/ns/prov#")
    for cls in ("Article", "Person", "Organization", "Post", "Place", "Project", "Event", "Sentence"):
        supers = {str(o) for o in onto.transitive_objects(GK[cls], RDFS.subClassOf)}
        assert any(s.startswith(public) for s in supers), cls
    for s in onto.subjects(RDF.type, OWL.Class):
        if str(s).startswith(NS):
            assert list(onto.objects(s, RDFS.subClassOf)), s


def test_vocab_is_a_strict_defined_namespace():
    assert GK._fail is True
    assert GK.Official == URIRef(NS + "Official")
    with pytest.raises(AttributeError):
        GK.Oficial  # noqa: B018
    with pytest.raises(AttributeError):
        GK["notATerm"]


def test_gen_vocab_reproduces_vocab_py_exactly():
    script = runpy.run_path(str(ROOT / "scripts/gen_vocab.py"))
    assert script["render"](ONTOLOGY) == (ROOT / "kg/rdf/vocab.py").read_text("utf-8")


def test_build_surnames_reproduces_surnames_txt():
    script = runpy.run_path(str(ROOT / "scripts/build_surnames.py"))
    assert script["render"]() == (ROOT / "kg/data/surnames.txt").read_text("utf-8")


def test_every_gk_attribute_in_the_code_is_declared(onto):
    used = set()
    for f in (ROOT / "kg").rglob("*.py"):
        used |= set(re.findall(r"\bGK\.([A-Za-z_]\w*)", f.read_text("utf-8")))
    used -= {"_NS", "_fail"}
    assert used and used <= declared(onto), sorted(used - declared(onto))


def test_every_gk_term_in_a_built_graph_is_declared(onto, tmp_path):
    out = tmp_path / "sample.ttl"
    build([ROOT / "data/samples/liaocheng-daily-2024-03-10.txt"], out)
    g = Graph().parse(out)
    terms = {str(p) for p in g.predicates()} | {str(o) for o in g.objects(None, RDF.type)}
    used = {t[len(NS):] for t in terms if t.startswith(NS)}
    assert used and used <= declared(onto), sorted(used - declared(onto))


def test_saved_queries_use_declared_terms(onto):
    for rq in sorted((ROOT / "ontology/queries").glob("*.rq")):
        used = set(re.findall(r"\bgk:([A-Za-z_]\w*)", rq.read_text("utf-8")))
        assert used <= declared(onto), (rq.name, sorted(used - declared(onto)))


def _build_wheel(out: Path) -> Path:
    """``pip wheel .`` as ``pip install .`` would build it (isolated, so the declared build requirements count)."""
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 and re.search(r"(?i)connection|network|resolve|index", proc.stderr):
        pytest.skip("building the wheel needs setuptools from the package index: " + proc.stderr[-300:])
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = out.glob("govkg-*.whl")
    return wheel


def test_wheel_ships_the_data_ontology_and_queries(tmp_path):
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in sorted((ROOT / "kg/data").glob("*.txt")):
        assert f"kg/data/{f.name}" in names
    assert "kg/data/divisions.tsv" in names or "kg/data/divisions.tsv.gz" in names
    assert "kg/ontology/govkg.ttl" in names
    assert "kg/ontology/shapes.ttl" in names
    queries = sorted((ROOT / "ontology/queries").glob("*.rq"))
    assert queries and all(f"kg/ontology/queries/{q.name}" in names for q in queries)
    assert "kg/cli.py" in names and not any(n.startswith(("tests/", "scripts/")) for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kg = kg.cli:cli" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_build_countries_reproduces_countries_txt():
    script = runpy.run_path(str(ROOT / "scripts/build_countries.py"))
    assert script["render"]() == (ROOT / "kg/data/countries.txt").read_text("utf-8")
