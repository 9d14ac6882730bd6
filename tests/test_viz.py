"""The HTML graph explorer: view model, selection, the page written, and the page in headless Chromium."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.viz import build_view, find_nodes, render_html, render_view, select
from kg.viz.headless import Chromium, find_chromium
from kg.viz.render import PHYSICS_LIMIT, json_for_html
from kg.viz.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "liaocheng-daily-2024-03-10.txt"
EVIL = '<script>window.__pwned=1</script>王恶意<img src=x onerror="window.__pwned=2">'
EVIL_SENTENCE = '</script><img src=x onerror="window.__pwned=3">王恶意讲话。<script>window.__pwned=4</script>'

SMALL = """
@prefix gk: <https://w3id.org/govkg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix id: <https://w3id.org/govkg/id/> .
id:a1 a gk:Article ; schema:headline "市委书记张三到某县调研" ; schema:datePublished "2024-03-10"^^xsd:date .
id:a1s1 a gk:Sentence ; gk:inArticle id:a1 ; gk:startOffset 0 ; gk:text "3月8日,市委书记张三到某县调研。" .
id:zhang a gk:Official ; rdfs:label "张三" ; skos:altLabel "张书记" ; gk:mentionedIn id:a1 ; gk:evidence id:a1s1 ;
  gk:holds id:post1 .
id:post1 a gk:Post ; gk:role "书记" ; gk:postIn id:swei .
id:h1 a gk:PostHolding ; gk:member id:zhang ; gk:post id:post1 ; gk:observedOn "2024-03-10"^^xsd:date .
id:swei a gk:Agency ; rdfs:label "某市委" ; gk:mentionedIn id:a1 ; gk:jurisdiction id:city .
id:city a gk:Prefecture ; rdfs:label "某市" .
id:county a gk:County ; rdfs:label "某县" ; gk:locatedIn id:city ; gk:mentionedIn id:a1 ; gk:evidence id:a1s1 .
id:visit a gk:InspectionVisit ; rdfs:label "张三调研" ; gk:date "2024-03-08"^^xsd:date ; gk:participant id:zhang ;
  gk:organizer id:swei ; gk:place id:county ; gk:mentionedIn id:a1 ; gk:evidence id:a1s1 .
id:old a gk:Meeting ; rdfs:label "旧会议" ; gk:date "2023-01-05"^^xsd:date ; gk:place id:county .
"""


def page_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))


@pytest.fixture(scope="module")
def small_view():
    return build_view(Graph().parse(data=SMALL, format="turtle"))


def test_view_folds_posts_and_keeps_evidence_out_of_the_nodes(small_view):
    v = small_view
    labels = {d["label"]: n for n, d in v.nodes(data=True)}
    assert set(labels) == {"张三", "某市委", "某市", "某县", "张三调研", "旧会议"}  # no article, sentence, post
    zhang = v.nodes[labels["张三"]]
    assert zhang["cls"] == "Official" and zhang["alt"] == ["张书记"]
    assert zhang["evidence"][0].headline == "市委书记张三到某县调研" and zhang["evidence"][0].date == "2024-03-10"
    visit = v.nodes[labels["张三调研"]]
    assert (visit["cls"], visit["kind"], visit["kind_zh"], visit["date"]) == ("Event", "InspectionVisit", "调研视察",
                                                                             "2024-03-08")
    assert v.nodes[labels["某县"]]["cls"] == "Place"
    post = v.edges[labels["张三"], labels["某市委"], "holds"]
    assert post["label"] == "书记" and post["dates"] == ["2024-03-10"]
    assert v.edges[labels["张三"], labels["张三调研"], "participant"]["label"] == "参加"   # person -> event
    assert v.edges[labels["某市委"], labels["张三调研"], "organizer"]["label"] == "主办"
    assert v.edges[labels["某县"], labels["某市"], "locatedIn"]["label"] == "位于"


def test_select_focus_classes_and_dates(small_view):
    assert [small_view.nodes[n]["label"] for n in find_nodes(small_view, "张书记")] == ["张三"]
    ego = select(small_view, focus="张书记", hops=1)
    assert {d["label"] for _, d in ego.nodes(data=True)} == {"张三", "某市委", "张三调研"}
    assert ego.nodes[ego.graph["focus"]]["label"] == "张三"
    only = select(small_view, classes=["Official", "事件"])
    assert {d["label"] for _, d in only.nodes(data=True)} == {"张三", "张三调研", "旧会议"}
    march = select(small_view, date_from="2024-03-01", date_to="2024-03-31")
    assert "旧会议" not in {d["label"] for _, d in march.nodes(data=True)}
    assert "某市" in {d["label"] for _, d in march.nodes(data=True)}  # undated, next to a dated node
    with pytest.raises(KeyError):
        select(small_view, focus="无此人")
    with pytest.raises(ValueError):
        select(small_view, classes=["Spaceship"])


def test_page_is_offline_and_article_text_is_escaped(tmp_path):
    g = synthetic_graph(60, extra_names={EVIL: EVIL_SENTENCE})
    html = render_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", html, re.I)
    assert "<link" not in html and "bootstrap" not in html.lower()
    assert len(re.findall(r"<script\b[^>]*>", html)) == 3 + html.count('"<script>"+')  # ours, plus one inside vis
    assert "window.__pwned" in html and "<script>window.__pwned" not in html and "onerror=\"" not in html
    assert "Content-Security-Policy" in html and "connect-src 'none'" in html
    data = page_data(html)
    evil = [n for n in data["nodes"] if n["l"] == EVIL]
    assert evil and data["sentences"][evil[0]["e"][0]][1] == EVIL_SENTENCE
    assert json_for_html({"a": "</script>&\u2028"}) == '{"a":"\\u003c/script\\u003e\\u0026\\u2028"}'


def test_big_graphs_get_their_layout_in_python(tmp_path):
    view = build_view(synthetic_graph(PHYSICS_LIMIT + 100))
    data = page_data(render_view(view, tmp_path / "big.html").read_text(encoding="utf-8"))
    assert data["physics"] is False and all(isinstance(n["x"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    assert {c["id"] for c in data["classes"]} == {"Official", "Journalist", "Agency", "Company", "Place", "Project",
                                                 "Event"}


def test_cli(tmp_path):
    src = tmp_path / "small.ttl"
    src.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "out.html"
    r = CliRunner().invoke(cli, ["viz", str(src), "-o", str(out), "--focus", "张三", "--hops", "1",
                                 "--class", "Official,Agency,Event", "--from", "2024-03-01", "--to", "2024-03-31"])
    assert r.exit_code == 0, r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert sorted(n["l"] for n in data["nodes"]) == ["张三", "张三调研", "某市委"]
    assert data["nodes"][data["focus"]]["l"] == "张三"
    r = CliRunner().invoke(cli, ["viz", str(src), "-o", str(out), "--focus", "无此人"])
    assert r.exit_code == 2 and "无此人" in r.output
    r = CliRunner().invoke(cli, ["viz", str(src), "-o", str(out), "--class", "Spaceship"])
    assert r.exit_code == 2 and "Spaceship" in r.output


def test_store_directory(tmp_path):
    store = pytest.importorskip("kg.store")
    g = Graph().parse(data=SMALL, format="turtle")
    with store.KgStore.open(tmp_path / "st") as st:
        st.put_article("https://w3id.org/govkg/id/a1", g)
    data = page_data(render_html(tmp_path / "st", tmp_path / "st.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 6


# --- in headless Chromium ------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(find_chromium() is None,
                                    reason="chromium is not installed (apt-get install chromium fonts-wqy-microhei)")

CANVAS_INK = """(() => { const c = document.querySelector('#kg-network canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 3; i < d.length; i += 64) if (d[i] > 0) n++; return n; })()"""


@pytest.fixture(scope="module")
def browser():
    with Chromium(width=1400, height=900) as b:
        yield b


def check_drawn(b: Chromium, data: dict) -> None:
    assert b.eval("document.body.dataset.drawn") == "1"
    assert b.eval("kgViz.nodes.length") == len(data["nodes"])
    assert b.eval("kgViz.edges.length") == len(data["edges"])
    assert b.eval(CANVAS_INK) > 500  # the canvas is not blank
    legend = b.eval("[...document.querySelectorAll('#kg-legend-list li')].map(li => li.dataset.class)")
    assert legend == [c["id"] for c in data["classes"]]


@needs_chromium
def test_sample_page_in_chromium(browser, tmp_path):
    from kg.build import build

    build([SAMPLE], tmp_path / "sample.ttl")
    page = render_html(tmp_path / "sample.ttl", tmp_path / "sample.html")
    data = page_data(page.read_text(encoding="utf-8"))
    browser.open(page, until="document.body.dataset.drawn && kgViz.state.stabilized", timeout=30)
    check_drawn(browser, data)
    node = max((n for n in data["nodes"] if n["a"]), key=lambda n: n["m"])  # search by another name
    found = browser.eval(f"kgViz.search({json.dumps(node['a'][0])})")
    assert found and data["nodes"][found[0]]["l"] in (node["l"], *[n["l"] for n in data["nodes"] if node["a"][0] in n["a"]])
    assert browser.eval("kgViz.network.getSelectedNodes()") == [found[0]]
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == data["nodes"][found[0]]["l"]
    assert not browser.eval("document.getElementById('kg-panel').hidden")
    shot = browser.screenshot(tmp_path / "sample.png")
    assert shot.stat().st_size > 20_000
    assert browser.errors() == []


@needs_chromium
def test_3000_nodes_in_chromium(browser, tmp_path):
    g = synthetic_graph(3000, extra_names={EVIL: EVIL_SENTENCE})
    page = render_html(g, tmp_path / "big.html")
    data = page_data(page.read_text(encoding="utf-8"))
    assert len(data["nodes"]) > 3000 and data["physics"] is False
    seconds = browser.open(page, until="document.body.dataset.drawn", timeout=30)
    assert seconds < 20
    check_drawn(browser, data)
    assert browser.eval("kgViz.network.physics.physicsEnabled") is False
    # search finds the node whose name is markup, shows it as text, and nothing ran
    found = browser.eval("kgViz.search('王恶意')")
    assert data["nodes"][found[0]]["l"] == EVIL
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == EVIL
    assert EVIL_SENTENCE in browser.eval("document.getElementById('kg-panel-body').textContent")
    assert browser.eval("document.querySelectorAll('#kg-panel img, #kg-panel script').length") == 0
    assert browser.eval("document.scripts.length") == 3
    assert browser.eval("typeof window.__pwned") == "undefined"
    # filters
    officials = next(c["count"] for c in data["classes"] if c["id"] == "Official")
    assert browser.eval("kgViz.setClassVisible('Official', false)") == len(data["nodes"]) - officials
    assert browser.eval("kgViz.setClassVisible('Official', true)") == len(data["nodes"])
    shown = browser.eval("kgViz.setDates('2024-03-05', '2024-03-06')")
    assert 0 < shown < len(data["nodes"]) // 2
    browser.screenshot(tmp_path / "big.png")
    assert browser.errors() == []
