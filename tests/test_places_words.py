"""Division names inside other things are no places (issue 12), from invented sentences."""
from __future__ import annotations

from _kgtext import GK, build, labels, of_type
from rdflib.namespace import RDF, RDFS

HEAD = "要闻\n\n本报讯(记者 黄晓燕)"


def place_labels(g) -> set[str]:
    out = set()
    for s, _, cls in g.triples((None, RDF.type, None)):
        if cls in (GK.Province, GK.Prefecture, GK.County, GK.Township, GK.AdministrativeDivision):
            out.add(str(g.value(s, RDFS.label)))
    return out


def test_a_short_form_inside_a_longer_word_is_no_place():
    g = build(HEAD + "5月8日,会议强调,要确保社会长治久安。", "宜昌市")
    assert "长治市" not in place_labels(g)


def test_a_street_named_after_a_city_is_no_city():
    g = build(HEAD + "5月8日,宜昌市广州路改造工程开工。", "宜昌市")
    assert "广州市" not in place_labels(g) and "广东省" not in place_labels(g)


def test_a_person_after_a_title_is_no_place():
    g = build(HEAD + "5月8日,州委书记马长春讲话。", "恩施土家族苗族自治州")
    assert "长春市" not in place_labels(g)
    assert "马长春" in labels(g, GK.Official)


def test_far_homonyms_and_ordinary_words_need_their_region_named():
    g = build(HEAD + "5月8日,会议提出,要提升小城镇服务能力,西部城区的道路将与老城区连通。", "宜昌市")
    names = place_labels(g)
    assert not names & {"小城镇", "城区", "吉林省"}, names


def test_short_county_names_the_text_says_are_places():
    g = build(HEAD + "5月8日,车队途经寿光、青州等地。", "宜昌市")
    assert {"寿光市", "青州市"} <= place_labels(g)


def test_a_clause_after_a_zone_is_no_site():
    from rdflib.namespace import RDF

    g = build(HEAD + "5月8日,明远公司在宜都高新区投资5亿元新建智能工厂。", "宜昌市")
    sites = {str(g.value(s, RDFS.label)) for s in g.subjects(RDF.type, GK.Site)}
    assert not any("投资" in s for s in sites)
