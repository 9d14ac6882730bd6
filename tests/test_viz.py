"""The HTML graph explorer: view model, selection, the page written, and the page in headless Chromium.

The browser tests open a 500-page invented corpus (``_synthetic``) and check what a reader sees: a
bounded, connected first view of the most mentioned officials and bodies with readable labels and no
lonely nodes, a click that opens a node's neighbours, career timelines in the side panel, dates that
show the events of a period with their participants, and entities linked only by an article reached
through it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.viz import START_SIZE, build_view, find_nodes, render_html, render_view, select
from kg.viz.render import json_for_html
from kg.viz.timelines import timelines

from _headless import Chromium, find_chromium
from _synthetic import synthetic_graph

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


def test_the_day_of_an_event_keeps_its_people(small_view):
    # the visit is on 03-08, reported (and its people mentioned) on 03-10: up to 03-08 shows the visit with them
    day = select(small_view, date_from="2024-03-08", date_to="2024-03-08")
    assert {"张三调研", "张三", "某市委", "某县"} <= {d["label"] for _, d in day.nodes(data=True)}
    # an event goes by its own day, not by the day of the report
    assert "张三调研" not in {d["label"] for _, d in select(small_view, date_from="2024-03-10").nodes(data=True)}
    zhang = next(d for _, d in small_view.nodes(data=True) if d["label"] == "张三")
    assert zhang["dates"] == ["2024-03-08", "2024-03-10"] and zhang["articles"] == ["https://w3id.org/govkg/id/a1"]


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


def test_the_page_holds_the_whole_graph_its_articles_and_timelines(tmp_path):
    g = synthetic_graph(200)
    view = build_view(g)
    svgs = timelines(g, view, people=5, agencies=3)
    data = page_data(render_view(view, tmp_path / "p.html", timelines=svgs).read_text(encoding="utf-8"))
    assert len(data["nodes"]) == view.number_of_nodes() and data["start"]["size"] == START_SIZE
    assert {c["id"] for c in data["classes"]} == {"Official", "Journalist", "Agency", "Company", "Place", "Project",
                                                 "Event"}
    assert len(data["articles"]) == 200 // 8 and all(len(a) == 3 for a in data["articles"])
    unlinked = [i for i, n in enumerate(data["nodes"])
                if not any(i in e[:2] for e in data["edges"])]
    assert unlinked and all(data["nodes"][i]["r"] for i in unlinked)  # reached through their articles
    kinds = sorted(data["nodes"][int(i)]["c"] for i in data["timelines"])
    assert len(data["timelines"]) == 8 and all(t.startswith("<svg") for t in data["timelines"].values())
    assert {data["classes"][k]["id"] for k in kinds} == {"Official", "Agency"}
    top = max((n for n in view if view.nodes[n]["cls"] == "Official"), key=lambda n: view.nodes[n]["mentions"])
    assert top in svgs


NAMESAKES = """
@prefix gk: <https://w3id.org/govkg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/govkg/id/> .
id:a1 a gk:Article ; schema:headline "云溪新闻" ; schema:datePublished "2022-05-01"^^xsd:date .
id:a2 a gk:Article ; schema:headline "青禾新闻" ; schema:datePublished "2024-06-01"^^xsd:date .
<https://w3id.org/govkg/id/official/云溪市/林志远> a gk:Official ; rdfs:label "林志远" ; gk:mentionedIn id:a1 ;
  gk:holds id:p1 .
<https://w3id.org/govkg/id/official/青禾县/林志远> a gk:Official ; rdfs:label "林志远" ; gk:mentionedIn id:a2 ;
  gk:holds id:p2 .
id:p1 a gk:Post ; gk:role "副市长" ; gk:postIn id:g1 .
id:p2 a gk:Post ; gk:role "县长" ; gk:postIn id:g2 .
id:g1 a gk:Agency ; rdfs:label "云溪市人民政府" ; gk:mentionedIn id:a1 .
id:g2 a gk:Agency ; rdfs:label "青禾县人民政府" ; gk:mentionedIn id:a2 .
id:h1 a gk:PostHolding ; gk:member <https://w3id.org/govkg/id/official/云溪市/林志远> ; gk:post id:p1 ;
  gk:observedOn "2022-05-01"^^xsd:date ; gk:mentionedIn id:a1 .
id:h2 a gk:PostHolding ; gk:member <https://w3id.org/govkg/id/official/青禾县/林志远> ; gk:post id:p2 ;
  gk:observedOn "2024-06-01"^^xsd:date ; gk:mentionedIn id:a2 .
"""


def test_namesakes_each_get_their_own_timeline():
    g = Graph().parse(data=NAMESAKES, format="turtle")
    view = build_view(g)
    svgs = timelines(g, view)
    people = {view.nodes[n]["iri"].rsplit("/", 2)[1]: svgs[n] for n in view if view.nodes[n]["cls"] == "Official"}
    assert "云溪市人民政府副市长" in people["云溪市"] and "青禾县" not in people["云溪市"]
    assert "青禾县人民政府县长" in people["青禾县"] and "云溪市" not in people["青禾县"]
    bodies = [n for n in view if view.nodes[n]["cls"] == "Agency"]
    assert all(n in svgs for n in bodies) and len(svgs) == 4
    assert timelines(g, view, people=0, agencies=0) == {}


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
    tl = {data["nodes"][int(i)]["l"]: svg for i, svg in data["timelines"].items()}
    assert sorted(tl) == ["张三", "某市委"] and "书记" in tl["张三"] and "张三" in tl["某市委"]
    r = CliRunner().invoke(cli, ["viz", str(src), "-o", str(out), "--no-timelines"])
    assert r.exit_code == 0 and page_data(out.read_text(encoding="utf-8"))["timelines"] == {}
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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A page of 500 invented articles (about 4,000 entities over two years), a few timelines embedded."""
    g = synthetic_graph(4000, days=730, extra_names={EVIL: EVIL_SENTENCE})
    view = build_view(g)
    page = render_view(view, tmp_path_factory.mktemp("corpus") / "corpus.html", title="500 pages",
                       timelines=timelines(g, view, people=40, agencies=20))
    data = page_data(page.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 500
    return page, data


def open_page(b: Chromium, page: Path) -> None:
    b.open(page, until="document.body.dataset.drawn && kgViz.state.stabilized", timeout=30)


def drawn(b: Chromium) -> tuple[list, list]:
    """The nodes (entity index, or "a<k>" for an article) and the relations drawn, hidden ones left out."""
    return b.eval("kgViz.shownIds()"), b.eval("kgViz.shownEdges()")


def components(ids: list, edges: list) -> list[set]:
    parent = {i: i for i in ids}

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i
    for a, b in edges:
        parent[root(a)] = root(b)
    groups: dict = {}
    for i in ids:
        groups.setdefault(root(i), set()).add(i)
    return list(groups.values())


def status_counts(b: Chromium) -> tuple[int, int]:
    text = b.eval("document.getElementById('kg-status').textContent")
    m = re.match(r"显示 (\d+) 个节点 · (\d+) 条关系", text)
    return int(m.group(1)), int(m.group(2))


def neighbours(data: dict, i: int) -> set[int]:
    return {e[1] if e[0] == i else e[0] for e in data["edges"] if i in e[:2]}


@needs_chromium
def test_first_view_of_a_corpus_is_small_connected_and_readable(browser, corpus):
    page, data = corpus
    open_page(browser, page)
    ids, edges = drawn(browser)
    assert 12 <= len(ids) <= START_SIZE * 1.5 < len(data["nodes"]) / 50
    assert all(isinstance(i, int) for i in ids)
    assert len(components(ids, edges)) == 1  # one connected picture: no islands, no grid of lonely nodes
    assert {i for e in edges for i in e} == set(ids)
    assert status_counts(browser) == (len(ids), len(edges))
    degree = [0] * len(data["nodes"])
    for e in data["edges"]:
        degree[e[0]] += 1
        degree[e[1]] += e[1] != e[0]
    heads = sorted((i for i, n in enumerate(data["nodes"]) if data["classes"][n["c"]]["id"] in ("Official", "Agency")
                    and degree[i]), key=lambda i: (-data["nodes"][i]["m"], -degree[i], i))
    assert heads[0] in ids and len(set(heads[:8]) & set(ids)) >= 5  # the most mentioned officials and bodies
    scale = browser.eval("kgViz.network.getScale()")
    assert scale * 14 >= 10  # the smallest label is at least 10 px on screen
    assert browser.eval(CANVAS_INK) > 500
    legend = browser.eval("[...document.querySelectorAll('#kg-legend-list li')].map(li => li.dataset.class)")
    assert legend == [c["id"] for c in data["classes"]]
    # the legend hides a class (and whoever is left with no relation drawn), and shows it again
    fewer = browser.eval("kgViz.setClassVisible('Official', false)")
    left, left_edges = drawn(browser)
    assert fewer == len(left) < len(ids) and {i for e in left_edges for i in e} == set(left)
    assert not [i for i in left if data["classes"][data["nodes"][i]["c"]]["id"] == "Official"]
    assert browser.eval("kgViz.setClassVisible('Official', true)") == len(ids)
    assert browser.eval("document.scripts.length") == 3 and browser.errors() == []


@needs_chromium
def test_a_click_opens_a_node_and_shows_its_career(browser, corpus):
    page, data = corpus
    open_page(browser, page)
    before, _ = drawn(browser)
    target = next(i for i in sorted(before, key=lambda i: -data["nodes"][i]["m"])
                  if str(i) in data["timelines"] and neighbours(data, i) - set(before)
                  and data["classes"][data["nodes"][i]["c"]]["id"] == "Official")
    browser.eval(f"kgViz.network.focus({target}, {{scale: 1, animation: false}})")
    x, y = browser.eval(f"""(() => {{ const n = kgViz.network, p = n.canvasToDOM(n.getPositions([{target}])[{target}]);
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()""")
    browser.click(x, y)
    browser.wait("!document.getElementById('kg-panel').hidden")
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == data["nodes"][target]["l"]
    after, edges = drawn(browser)
    added = set(after) - set(before)
    assert added and added <= neighbours(data, target) and len(added) <= data["start"]["expand"]
    assert {i for e in edges for i in e} == set(after)  # still nobody alone
    # the career timeline, inline, drawn with the posts; a click shows it large
    assert browser.eval("document.querySelectorAll('#kg-panel .kg-timeline svg rect').length") > 2
    assert browser.eval("document.querySelectorAll('#kg-panel script, #kg-panel foreignObject').length") == 0
    browser.eval("document.querySelector('#kg-panel .kg-timeline').click()")
    assert browser.eval("!document.getElementById('kg-overlay').hidden")
    assert browser.eval("document.querySelector('#kg-overlay-body svg').getBoundingClientRect().width") > 500
    browser.eval("document.getElementById('kg-overlay-close').click()")
    assert browser.errors() == []


@needs_chromium
def test_dates_show_the_events_of_the_period_with_their_people(browser, corpus):
    page, data = corpus
    open_page(browser, page)
    lo, hi = "2024-09-01", "2024-09-30"
    browser.eval(f"kgViz.setDates('{lo}', '{hi}')")
    browser.wait("kgViz.state.stabilized")
    ids, edges = drawn(browser)
    nodes = data["nodes"]
    events = [i for i in ids if data["classes"][nodes[i]["c"]]["id"] == "Event"]
    assert len(events) >= 5 and all(lo <= nodes[i]["t"] <= hi for i in events)
    for i in events:  # each event in the period is drawn with everyone who took part
        people = {e[0] for e in data["edges"] if e[1] == i and e[3] == "participant"}
        assert people and people <= set(ids), nodes[i]["l"]
    assert all(any(lo <= d <= hi for d in nodes[i]["d"]) or not nodes[i]["d"] for i in ids)
    assert {i for e in edges for i in e} == set(ids)
    assert status_counts(browser) == (len(ids), len(edges))  # the status line counts what is drawn
    assert len(ids) <= START_SIZE * 2.5
    assert browser.errors() == []


@needs_chromium
def test_search_and_articles_reach_what_only_an_article_links(browser, corpus):
    page, data = corpus
    open_page(browser, page)
    found = browser.eval("kgViz.search('王恶意')")  # a name that is markup: shown as text, nothing runs
    evil = found[0]
    assert data["nodes"][evil]["l"] == EVIL
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == EVIL
    assert EVIL_SENTENCE in browser.eval("document.getElementById('kg-panel-body').textContent")
    assert browser.eval("document.querySelectorAll('#kg-panel img, #kg-panel script').length") == 0
    assert browser.eval("typeof window.__pwned") == "undefined"
    linked = {i for e in data["edges"] for i in e[:2]}
    lonely = next(i for i, n in enumerate(data["nodes"]) if i not in linked and n["r"] and n["m"] > 1)
    found = browser.eval(f"kgViz.search({json.dumps(data['nodes'][lonely]['l'])})")
    assert found[0] == lonely
    ids, edges = drawn(browser)
    article = data["nodes"][lonely]["r"][0]
    assert lonely in ids and f"a{article}" in ids and [f"a{article}", lonely] in edges  # linked by its article
    n = browser.eval(f"kgViz.openArticle({article})")
    ids, _ = drawn(browser)
    mentioned = {i for i, node in enumerate(data["nodes"]) if article in node["r"]}
    assert 0 < n <= 40 and len(mentioned & set(ids)) == min(len(mentioned), 40)
    assert browser.eval("document.getElementById('kg-panel-body').dataset.article") == str(article)
    assert browser.eval("kgViz.reset()") == len(drawn(browser)[0]) <= START_SIZE * 1.5
    assert browser.errors() == []
    # a link to the page with a name after # starts from that name
    name = data["nodes"][lonely]["l"]
    browser.open("about:blank")
    browser.open(page.resolve().as_uri() + "#" + quote(name), until="document.body.dataset.drawn", timeout=30)
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == name
    assert lonely in drawn(browser)[0]


@needs_chromium
def test_sample_page_in_chromium(browser, tmp_path):
    from kg.build import build

    build([SAMPLE], tmp_path / "sample.ttl")
    page = render_html(tmp_path / "sample.ttl", tmp_path / "sample.html")
    data = page_data(page.read_text(encoding="utf-8"))
    open_page(browser, page)
    ids, edges = drawn(browser)
    assert len(ids) <= START_SIZE * 1.5 and {i for e in edges for i in e} == set(ids)
    node = max((n for n in data["nodes"] if n["a"]), key=lambda n: n["m"])  # search by another name
    found = browser.eval(f"kgViz.search({json.dumps(node['a'][0])})")
    assert found and node["a"][0] in [data["nodes"][found[0]]["l"], *data["nodes"][found[0]]["a"]]
    assert browser.eval("kgViz.network.getSelectedNodes()") == [found[0]]
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == data["nodes"][found[0]]["l"]
    assert browser.screenshot(tmp_path / "sample.png").stat().st_size > 20_000
    assert browser.errors() == []
    # kg viz --focus: the page opens on that node, its panel open
    top = max((n for n in data["nodes"] if data["classes"][n["c"]]["id"] == "Official"), key=lambda n: n["m"])
    focused = render_html(tmp_path / "sample.ttl", tmp_path / "focus.html", focus=top["l"], hops=1)
    open_page(browser, focused)
    assert browser.eval("document.querySelector('#kg-panel-body h2').textContent") == top["l"]
    ids, edges = drawn(browser)
    assert len(ids) > 1 and {i for e in edges for i in e} == set(ids)
