"""The built graph: every output format parses back, IRIs are deterministic, and SHACL shapes hold.

Structure only: exact extraction counts are the extractor tests' business.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.build import build
from kg.ingest import ingest_text
from kg.model import Region
from kg.pipeline import Pipeline
from kg.rdf import GK, SCHEMA, page_graphs

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data/samples/liaocheng-daily-2024-03-10.txt"
ARTICLE = "https://w3id.org/govkg/id/article/samples/liaocheng-daily-2024-03-10/"
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}

try:  # the home region is inferred by the gazetteer; without it, name it
    from kg.gazetteer import Gazetteer  # noqa: F401

    REGION = None
except ImportError:  # pragma: no cover
    REGION = Region(city="聊城市", city_code="371500000000", province="山东省", province_code="370000000000")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("graph")
    files = {}
    for suffix in FORMATS:
        files[suffix] = out / f"sample{suffix}"
        result = build([SAMPLE], files[suffix], region=REGION)
        assert result.errors == [] and result.articles == 8
    return files


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    return Graph().parse(built[".ttl"], format="turtle")


@pytest.fixture(scope="module")
def shapes() -> tuple[Graph, Graph]:
    return Graph().parse(ROOT / "ontology/shapes.ttl"), Graph().parse(ROOT / "ontology/govkg.ttl")


def conforms(g: Graph, shapes) -> tuple[bool, str]:
    shacl, ont = shapes
    ok, _, text = validate(g, shacl_graph=shacl, ont_graph=ont, inference="rdfs")
    return ok, text


def parse(path: Path) -> Graph:
    """The file's triples as one graph (the union of named graphs for quad formats)."""
    fmt = FORMATS[path.suffix]
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(path, format=fmt)
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return Graph().parse(path, format=fmt)


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_parses_back_to_the_same_graph(built, graph, suffix):
    assert len(graph) > 500
    assert isomorphic(parse(built[suffix]), graph)


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_quad_formats_have_one_named_graph_per_article(built, suffix):
    ds = Dataset()
    ds.parse(built[suffix], format=FORMATS[suffix])
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    names.discard(str(ds.default_graph.identifier))
    assert names == {f"{ARTICLE}{i}" for i in range(1, 9)}
    for name in names:
        ng = ds.graph(URIRef(name))
        assert (URIRef(name), RDF.type, GK.Article) in ng
        # an article's graph holds that article only
        assert set(ng.subjects(RDF.type, GK.Article)) == {URIRef(name)}


def test_articles_carry_headline_authors_date_source_and_text(graph):
    arts = sorted(graph.subjects(RDF.type, GK.Article), key=str)
    assert [str(a) for a in arts] == sorted(f"{ARTICLE}{i}" for i in range(1, 9))
    # the seven news articles print a headline; the photo caption prints none and gets none (only a label)
    assert sum(1 for a in arts if graph.value(a, SCHEMA.headline)) == 7
    for a in arts:
        assert graph.value(a, SCHEMA.headline) or graph.value(a, RDFS.label)
        assert graph.value(a, SCHEMA.datePublished) == Literal("2024-03-10", datatype=XSD.date)
        assert str(graph.value(a, GK.sourceFile)) == f"samples/{SAMPLE.name}"
        assert graph.value(a, GK.text)
        authors = list(graph.objects(a, SCHEMA.author))
        assert authors, a
        for person in authors:
            assert (person, RDF.type, GK.Journalist) in graph
            assert (person, RDF.type, GK.Official) not in graph


def test_sentences_point_into_their_article_text(graph):
    for a in graph.subjects(RDF.type, GK.Article):
        text = str(graph.value(a, GK.text))
        sentences = list(graph.objects(a, GK.sentence))
        assert sentences
        for s in sentences:
            start, end = int(graph.value(s, GK.startOffset)), int(graph.value(s, GK.endOffset))
            assert text[start:end] == str(graph.value(s, GK.text))
            assert graph.value(s, GK.inArticle) == a
            assert str(s).startswith(str(a) + "/s")


def test_evidence_points_at_sentences_of_articles_the_entity_is_mentioned_in(graph):
    n = 0
    for node, sentence in graph.subject_objects(GK.evidence):
        art = graph.value(sentence, GK.inArticle)
        assert (sentence, RDF.type, GK.Sentence) in graph
        assert (node, GK.mentionedIn, art) in graph
        n += 1
    assert n > 20


def test_iris_are_readable(graph):
    journalists = set(graph.subjects(RDF.type, GK.Journalist))
    assert journalists and all(str(j).startswith("https://w3id.org/govkg/id/journalist/") for j in journalists)
    for j in journalists:
        assert str(j).rsplit("/", 1)[1] == str(graph.value(j, RDFS.label))  # the name itself, not %E8…


def test_same_input_gives_an_isomorphic_graph_run_after_run(tmp_path, graph):
    again = build([SAMPLE], tmp_path / "again.ttl", region=REGION)
    assert again.errors == []
    assert isomorphic(Graph().parse(tmp_path / "again.ttl"), graph)


def test_same_graph_in_fresh_processes_with_different_hash_seeds(tmp_path, graph):
    """Nothing depends on set or dict iteration order of one process."""
    outs = []
    for seed in ("4242",):
        out = tmp_path / f"seed{seed}.ttl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        code = f"from kg.build import build; build([{str(SAMPLE)!r}], {str(out)!r})"
        subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, timeout=120)
        outs.append(Graph().parse(out))
    assert isomorphic(outs[0], graph)


def test_turtle_round_trip_is_isomorphic(graph):
    text = graph.serialize(format="turtle")
    again = Graph().parse(data=text, format="turtle")
    assert isomorphic(again, graph)
    assert isomorphic(Graph().parse(data=again.serialize(format="turtle"), format="turtle"), graph)


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_built_graph_passes_the_shacl_shapes(built, shapes, suffix):
    ok, report = conforms(parse(built[suffix]), shapes)
    assert ok, report


def test_shapes_reject_broken_graphs(graph, shapes):
    """The shapes are not vacuous: each breakage below, made on a different node, is reported on that node."""
    from rdflib.namespace import SH

    g = Graph()
    for t in graph:
        g.add(t)
    nodes = {cls: iter(sorted(g.subjects(RDF.type, cls), key=str)) for cls in
             (GK.Article, GK.Sentence, GK.Official, GK.Agency, GK.Journalist, GK.Site, GK.Post, GK.PressConference, GK.County)}
    expected = {}

    def breaks(cls, edit, why):
        node = next(nodes[cls])
        edit(node)
        expected[node] = why

    breaks(GK.Article, lambda n: g.add((n, SCHEMA.headline, Literal("又一个标题"))), "two headlines")
    breaks(GK.Article, lambda n: g.add((n, SCHEMA.datePublished, Literal("2024-03-11", datatype=XSD.date))),
           "two dates")
    breaks(GK.Article, lambda n: g.set((n, SCHEMA.datePublished, Literal("3月10日"))), "date not xsd:date")
    breaks(GK.Article, lambda n: g.remove((n, GK.sourceFile, None)), "no source file")
    breaks(GK.Sentence, lambda n: g.remove((n, GK.endOffset, None)), "sentence without end")
    breaks(GK.Sentence, lambda n: g.remove((n, GK.inArticle, None)), "sentence without article")
    breaks(GK.Official, lambda n: g.remove((n, RDFS.label, None)), "official without label")
    breaks(GK.Agency, lambda n: g.add((n, RDFS.label, Literal("又一个名字"))), "agency with two labels")
    breaks(GK.Journalist, lambda n: g.remove((n, GK.mentionedIn, None)), "journalist not mentioned")
    breaks(GK.Site, lambda n: g.remove((n, GK.mentionedIn, None)), "site (a gk:Place subclass) not mentioned")
    breaks(GK.Post, lambda n: g.add((n, GK.role, Literal("副职"))), "post with two roles")
    breaks(GK.Post, lambda n: g.remove((n, GK.postIn, None)), "post in no agency")
    breaks(GK.PressConference, lambda n: g.add((n, GK.date, Literal("2024-01-01", datatype=XSD.date))), "event with two dates")
    breaks(GK.PressConference, lambda n: g.set((n, GK.date, Literal("2024-03-08"))), "event date a plain string")
    breaks(GK.County, lambda n: g.set((n, GK.adminCode, Literal("3715"))), "short division code")
    breaks(GK.County, lambda n: g.add((n, GK.locatedIn, next(g.subjects(RDF.type, GK.Province)))),
           "division with two parents")
    ok, results, _ = validate(g, shacl_graph=shapes[0], ont_graph=shapes[1], inference="rdfs")
    assert not ok
    focus = set(results.objects(None, SH.focusNode))
    missed = [why for node, why in expected.items() if node not in focus]
    assert missed == []
    assert focus <= set(expected), "only the broken nodes are reported"


@pytest.mark.parametrize("index", range(1, 9))
def test_each_article_graph_passes_the_shacl_shapes_on_its_own(shapes, index, request):
    """A TriG/N-Quads named graph (or a store's article graph) is a graph of its own too."""
    page = request.getfixturevalue("sample_page")
    iri, g = list(page_graphs(page))[index - 1]
    ok, report = conforms(g, shapes)
    assert ok, report


def test_implied_city_of_an_agency_is_its_jurisdiction(shapes):
    """One article that names only a city's bureau: the implied city is the bureau's gk:jurisdiction."""
    region = Region(city="聊城市", city_code="371500000000", province="山东省", province_code="370000000000")
    page = ingest_text("市生态环境局召开会议\n\n本报讯(记者 钱立衡)5月20日,市生态环境局召开大气污染防治工作会议。",
                       source="x-2024-05-21.txt")
    Pipeline()(page, region)
    (_, g), = page_graphs(page)
    ok, report = conforms(g, shapes)
    assert ok, report
    city = next(g.objects(None, GK.jurisdiction))
    assert (city, GK.mentionedIn, None) not in g  # implied, not claimed as mentioned


@pytest.fixture(scope="module")
def sample_page():
    from kg.ingest import ingest

    return Pipeline()(next(ingest([SAMPLE])), REGION)
