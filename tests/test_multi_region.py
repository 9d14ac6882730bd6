"""Pages of several regions built together (issue 12): bodies of two regions never share a node,
one body is one node across pages, and a bare body is resolved or scoped to its article."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from kg.build import build
from kg.rdf.namespaces import GK

PAGES = {
    # two county papers of one city (菏泽市): each says 县委/县长 of its own county
    "caoxian-2024-05-08.txt": "曹县新闻\n\n本报讯(记者 林晓)5月8日,县委常委会召开会议,县委书记赵明亮主持。"
                              "县长钱立群出席。曹县将加快建设。我县各乡镇负责同志参加。全县干部要抓好落实。",
    "shanxian-2024-05-09.txt": "单县新闻\n\n本报讯(记者 周文)5月9日,县委常委会召开会议,县委书记孙海涛主持。"
                               "县长吴振华出席。单县将加快建设。我县各乡镇负责同志参加。全县干部要抓好落实。",
    # two pages of a municipality: 市委 is 上海市委 on both
    "shanghai-a-2024-05-08.txt": "上海要闻\n\n本报讯(记者 林晓)5月8日,市委常委会召开会议,市委书记林志远主持。"
                                 "上海市将加快建设。浦东新区、徐汇区负责同志参加。",
    "shanghai-b-2024-05-09.txt": "上海要闻\n\n本报讯(记者 周文)5月9日,市委副书记、市长赵海东调研。"
                                 "上海市将加快建设。市委、市政府高度重视。",
    # a national paper's item
    "national-2024-05-10.txt": "要闻\n\n本报北京5月9日电 国务院新闻办公室9日举行新闻发布会,国家发展改革委副主任"
                               "郑国平介绍情况。水利部、财政部有关负责人回答提问。",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    d = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        (d / name).write_text(text, encoding="utf-8")
    out = d / "all.ttl"
    build(sorted(d.glob("*.txt")), out)
    g = Graph()
    g.parse(out)
    return g


def agencies(g) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in g.subjects(RDF.type, GK.Agency):
        out.setdefault(str(g.value(s, RDFS.label)), []).append(s)
    return out


def holders(g, agency) -> set[str]:
    out = set()
    for post in g.subjects(GK.postIn, agency):
        for person in g.subjects(GK.holds, post):
            out.add(str(g.value(person, RDFS.label)))
    return out


def test_each_county_has_its_own_bodies(graph):
    ag = agencies(graph)
    assert len(ag["曹县人民政府"]) == 1 and len(ag["单县人民政府"]) == 1
    assert holders(graph, ag["曹县人民政府"][0]) == {"钱立群"}
    assert holders(graph, ag["单县人民政府"][0]) == {"吴振华"}
    assert holders(graph, ag["曹县委"][0]) == {"赵明亮"} and holders(graph, ag["单县委"][0]) == {"孙海涛"}


def test_no_bare_body_is_shared_across_pages(graph):
    for label, nodes in agencies(graph).items():
        assert label not in ("县委", "县政府", "县人民政府", "市委", "市政府", "区委"), label
        assert len(nodes) == 1, f"{label} is {len(nodes)} nodes"


def test_one_body_is_one_node_across_pages(graph):
    ag = agencies(graph)
    committee = ag["上海市委"][0]
    assert holders(graph, committee) == {"林志远", "赵海东"}
    articles = set(graph.objects(committee, GK.mentionedIn))
    assert len(articles) == 2


def test_national_bodies_are_national(graph):
    ag = agencies(graph)
    assert "国务院新闻办公室" in ag and "水利部" in ag
    assert holders(graph, ag["国家发展和改革委员会"][0]) == {"郑国平"}


def test_a_national_papers_items_are_read_where_they_were_filed():
    from _kgtext import build as build_text, labels

    text = ("要闻\n\n本报北京5月9日电(记者 林晓)国务院总理周文山主持召开国务院常务会议。\n\n"
            "省委召开会议\n\n本报济南5月8日电(记者 孙明)5月8日,省委书记林海川主持会议。省政协主席葛长青出席。")
    g = build_text(text)
    names = labels(g, GK.Agency)
    assert "山东省委" in names and "山东省政协" in names
    assert not any(n.startswith("北京市") for n in names), names


def test_namesakes_on_pages_of_unknown_regions_stay_apart(tmp_path):
    for name, city in (("a-2024-05-08.txt", "云溪"), ("b-2024-05-09.txt", "青禾")):
        (tmp_path / name).write_text(f"{city}要闻\n\n本报讯(记者 林晓)5月8日,市长林志远主持召开常务会议。", encoding="utf-8")
    out = tmp_path / "two.ttl"
    build(sorted(tmp_path.glob("*.txt")), out)
    g = Graph()
    g.parse(out)
    assert len([s for s in g.subjects(RDF.type, GK.Official) if str(g.value(s, RDFS.label)) == "林志远"]) == 2


def test_a_digest_of_items_from_several_provinces_reads_each_in_the_place_its_headline_names():
    from _kgtext import GK as _GK, build as _build, labels as _labels
    page = ("政协动态\n\n北京市政协召开主席会议 林志远主持\n\n1月29日上午,政协北京市委员会召开主席会议,市政协主席林志远主持。\n\n"
            "项城市政协召开六届四次常委会会议\n\n1月28日下午,项城市政协召开常委会会议,市政协副主席赵明亮出席,"
            "市委常委、常务副市长许宇列席会议。(丁某 杨某某)\n\n"
            "永州市蓝山县政协召开春节后收心会\n\n1月28日,永州市蓝山县政协召开春节后收心会,县政协主席罗强主持。")
    g = _build(page)
    names = set(_labels(g, _GK.Agency))
    assert {"北京市政协", "项城市政协", "项城市人民政府", "蓝山县政协"} <= names, names
    assert not [n for n in names if n.startswith("永州市政协") or n == "永州市人民政府"], names
