"""kg query: formats, ASK, CONSTRUCT, parameters, saved questions, syntax errors (on the fixture graph)."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import QueryError, open_dataset, run_query
from kg.results import clip, render, width
from kg.saved import QueryParamError, bind_params, declared_params, param_term, saved_queries
from kg.store import KgStore

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
OFFICIALS = "SELECT DISTINCT ?name WHERE { ?o a gk:Official ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def ds():
    return open_dataset(FIXTURE)


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["query", *args])
    return res.exit_code, res.output


def test_select_rows(ds):
    assert run_query(ds, OFFICIALS).column("name") == ["李清和", "王明远", "赵文静"]


def test_table_aligns_chinese():
    code, out = run(str(FIXTURE), "SELECT DISTINCT ?a ?name WHERE { ?o a gk:Agency ; rdfs:label ?name "
                                  "BIND('x' AS ?a) } ORDER BY ?name")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].split() == ["a", "name"]
    # every column starts at the same terminal column, counting CJK characters as two
    starts = {width(line[:line.index(line.split()[1])]) for line in lines[2:-1]}
    assert starts == {width(lines[0][:lines[0].index("name")])}
    assert lines[-1] == "(3 rows)"
    assert width("东山市") == 6 and width("abc") == 3
    assert width(clip("东山市人民政府", 7)) <= 7


def test_csv_tsv_json_xml(ds):
    r = run_query(ds, OFFICIALS)
    rows = list(csv.reader(io.StringIO(render(r, "csv"))))
    assert rows == [["name"], ["李清和"], ["王明远"], ["赵文静"]]
    assert render(r, "tsv").splitlines() == ["?name", '"李清和"', '"王明远"', '"赵文静"']
    data = json.loads(render(r, "json"))
    assert data["head"]["vars"] == ["name"]
    assert data["results"]["bindings"][0]["name"] == {"type": "literal", "value": "李清和"}
    root = ET.fromstring(render(r, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [e.text for e in root.iter(f"{ns}literal")] == ["李清和", "王明远", "赵文静"]


def test_tsv_on_the_command_line_is_plain_values():
    code, out = run(str(FIXTURE), "SELECT ?d ?kind WHERE { ?e a gk:Meeting ; gk:date ?d . gk:Meeting rdfs:label ?kind "
                                  "FILTER(lang(?kind) = 'zh') }", "--format", "tsv")
    assert code == 0, out
    assert out.splitlines() == ["d\tkind", "2024-03-08\t会议"]


def test_tables_show_plain_values():
    code, out = run(str(FIXTURE), "SELECT ?d ?kind WHERE { ?e a gk:Meeting ; gk:date ?d . gk:Meeting rdfs:label ?kind "
                                  "FILTER(lang(?kind) = 'zh') }")
    assert code == 0, out
    assert out.splitlines()[2].split() == ["2024-03-08", "会议"]
    assert "@zh" not in out and "^^" not in out


def test_endpoint_tsv_stays_sparql_tsv(ds):
    r = run_query(ds, "SELECT ?d WHERE { ?e a gk:Meeting ; gk:date ?d }")
    assert render(r, "tsv").splitlines()[1] == '"2024-03-08"^^<http://www.w3.org/2001/XMLSchema#date>'


def test_undeclared_prefix_is_one_clear_line():
    code, out = run(str(FIXTURE), "SELECT ?x WHERE { ?x foo:name ?y }")
    assert code == 1
    first = out.splitlines()[0]
    assert "undeclared prefix foo:" in first and "PREFIX foo:" in first
    assert "\\u{" not in out and len(out.splitlines()) == 3  # the message, the query line, the caret


def test_typed_literals_in_json(ds):
    r = run_query(ds, "SELECT ?d WHERE { ?e a gk:Meeting ; gk:date ?d }")
    b = json.loads(render(r, "json"))["results"]["bindings"][0]["d"]
    assert b == {"type": "literal", "value": "2024-03-08", "datatype": "http://www.w3.org/2001/XMLSchema#date"}


def test_ask(ds):
    assert run_query(ds, "ASK { ?e a gk:Meeting }").boolean is True
    assert run(str(FIXTURE), "ASK { ?e a gk:PressConference }") == (0, "false\n")
    assert json.loads(render(run_query(ds, "ASK {}"), "json")) == {"head": {}, "boolean": True}


def test_subclasses_through_the_ontology(ds):
    r = run_query(ds, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* gk:Event }")
    assert r.column("n") == ["3"]
    bare = open_dataset(FIXTURE, ontology=False)
    assert run_query(bare, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* gk:Event }"
                     ).column("n") == ["0"]


def test_construct_as_turtle():
    code, out = run(str(FIXTURE), "CONSTRUCT { ?o rdfs:label ?n } WHERE { ?o a gk:Official ; rdfs:label ?n }")
    assert code == 0
    from rdflib import Graph

    g = Graph().parse(data=out, format="turtle")
    assert len(g) == 3
    code, out = run(str(FIXTURE), "--format", "ntriples", "CONSTRUCT WHERE { ?o a gk:Official }")
    assert code == 0 and len(out.strip().splitlines()) == 3
    code, out = run(str(FIXTURE), "--format", "csv", "CONSTRUCT WHERE { ?o a gk:Official }")
    assert code == 1 and "turtle" in out


def test_syntax_error_has_line_and_column():
    code, out = run(str(FIXTURE), "SELECT ?x WHERE {\n  ?x a gk:Official .\n  ?x rdfs:label }")
    assert code == 1
    assert "query:3:" in out and "syntax error" in out
    assert "Traceback" not in out
    with pytest.raises(QueryError) as info:
        run_query(open_dataset(FIXTURE, ontology=False), "SELECT * WHERE {\n ?s ?p }")
    assert info.value.line == 2 and info.value.column is not None


def test_syntax_error_in_a_file(tmp_path):
    rq = tmp_path / "bad.rq"
    rq.write_text("# a comment\nSELECT ?x WHERE { ?x a gk:Official\n", encoding="utf-8")
    code, out = run(str(FIXTURE), "-f", str(rq))
    assert code == 1 and f"{rq}:" in out and "syntax error" in out


def test_bad_data_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, out = run(str(bad), "ASK {}")
    assert code == 1 and "syntax error" in out and "Traceback" not in out


def test_params():
    q = "SELECT * WHERE { VALUES ?who { UNDEF } VALUES ?from { UNDEF } ?x rdfs:label ?who }"
    assert declared_params(q) == ["who", "from"]
    bound = bind_params(q, {"who": '说"好"', "from": "2024-03-01"})
    assert 'VALUES ?who { "说\\"好\\"" }' in bound
    assert '"2024-03-01"^^<http://www.w3.org/2001/XMLSchema#date>' in bound
    assert param_term("gk:Meeting") == "<https://w3id.org/govkg/ontology#Meeting>"
    assert param_term("<http://x/y>") == "<http://x/y>"
    assert param_term("12") == '"12"^^<http://www.w3.org/2001/XMLSchema#integer>'
    with pytest.raises(QueryParamError, match="no parameter 'nobody'"):
        bind_params(q, {"nobody": "x"})


def test_cli_param_and_unknown_param():
    code, out = run(str(FIXTURE), "--saved", "places-visited-by-official", "-p", "official=王明远",
                    "--format", "csv")
    assert code == 0
    assert list(csv.reader(io.StringIO(out)))[1][:3] == ["王明远", "2024-03-05", "北坡镇"]
    code, out = run(str(FIXTURE), "--saved", "places-visited-by-official", "-p", "who=王明远")
    assert code == 1 and "official" in out
    code, out = run(str(FIXTURE), "--saved", "no-such-question")
    assert code == 1 and "posts-of-officials" in out


def test_saved_questions_have_headers():
    saved = saved_queries()
    assert len(saved) >= 12
    assert "posts-of-officials" in saved
    for q in saved.values():
        assert q.zh and q.en, q.name
        assert set(declared_params(q.text)) == set(q.params), q.name
    code, out = run("--list-saved")
    assert code == 0 and "posts-of-officials" in out and "--param official=" in out


EXPECTED = {
    "posts-of-officials": ("official", ["李清和", "王明远", "赵文静", "赵文静"]),
    "officials-of-agency": ("official", ["赵文静", "李清和", "王明远", "赵文静"]),
    "agencies-by-mentions": ("agency", ["东山市人民政府", "东山市农业农村局", "西河县委"]),
    "journalists-and-articles": ("journalist", ["孙晓", "孙晓", "钱多", "钱多"]),
    "events-by-kind": ("events", ["1", "1", "1"]),
    "events-timeline": ("date", ["2024-02-20", "2024-03-05", "2024-03-08"]),
    "investment-by-county": ("total", ["1700000000"]),
}


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_question_runs(ds, name):
    r = run_query(ds, saved_queries()[name].text, where=name)
    assert r.kind == "select" and len(r) > 0
    if name in EXPECTED:
        col, values = EXPECTED[name]
        assert r.column(col) == values


@pytest.mark.parametrize("name, params, column, expected", [
    ("places-visited-by-official", {"official": "王明远"}, "place", ["北坡镇"]),
    ("meeting-companions", {"official": "王明远"}, "companion", ["李清和", "赵文静"]),
    ("posts-held-by-official", {"official": "赵文静"}, "role", ["书记", "副市长"]),
    ("officials-of-agency", {"agency": "东山市人民政府"}, "official", ["赵文静", "李清和"]),
    ("events-in-county", {"county": "西河县", "from": "2024-03-01", "to": "2024-03-31"}, "event",
     ["王明远到西河县北坡镇调研"]),
    ("events-in-county", {"county": "北坡镇"}, "place", ["南湾村", "北坡镇"]),
    ("projects-in-county", {"county": "西河县"}, "project", ["西河县智慧农业产业园", "北坡镇污水处理工程"]),
    ("investment-by-county", {"county": "北坡镇"}, "total", ["500000000"]),
    ("official-cooccurrence", {"official": "王明远"}, "other", ["李清和", "赵文静"]),
    ("articles-mentioning-both", {"x": "王明远", "y": "市农业农村局"}, "headline", ["王明远在西河县调研春耕备耕工作"]),
    ("articles-mentioning-both", {"x": "李清和", "y": "赵文静"}, "headline", ["市政府召开常务会议"]),
    ("subdivisions-with-events", {"place": "西河县"}, "subdivision", ["北坡镇", "南湾村"]),
    ("journalists-and-articles", {"journalist": "钱多"}, "headline", ["北坡镇污水处理工程开工", "市政府召开常务会议"]),
    ("events-timeline", {"from": "2024-03-06"}, "event", ["市政府常务会议"]),
])
def test_saved_question_with_params(ds, name, params, column, expected):
    r = run_query(ds, saved_queries()[name].text, params=params, where=name)
    assert r.column(column) == expected


def test_query_a_store(tmp_path):
    from rdflib import Dataset

    d = Dataset()
    d.parse(FIXTURE, format="trig")
    from rdflib import URIRef

    graphs = [(URIRef(str(g.identifier)), g) for g in d.graphs() if str(g.identifier).startswith("https://w3id")]
    with KgStore.open(tmp_path / "st") as st:
        for iri, g in graphs:
            st.put_article(iri, g)
    code, out = run(str(tmp_path / "st"), "--saved", "events-by-kind", "--format", "csv")
    assert code == 0, out
    assert sorted(out.splitlines()[1:]) == ["Groundbreaking,开工仪式,1", "InspectionVisit,调研视察,1", "Meeting,会议,1"]


def test_limit_and_missing_source():
    code, out = run(str(FIXTURE), "--limit", "1", OFFICIALS)
    assert code == 0 and "(1 row, truncated)" in out
    code, out = run("nowhere.ttl", "ASK {}")
    assert code == 1 and "no such file" in out
