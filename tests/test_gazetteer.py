"""Tests for kg.gazetteer against the shipped kg/data/divisions.tsv."""

from __future__ import annotations

import time

import pytest

from kg.gazetteer import Division, Gazetteer

LIAOCHENG = "371500000000"
DONGCHANGFU = "371502000000"
SHENXIAN = "371522000000"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.default()


def test_default_is_cached(g: Gazetteer) -> None:
    assert Gazetteer.default() is g


def test_counts(g: Gazetteer) -> None:
    levels = [d.level for d in g]
    assert levels.count("province") == 34
    assert levels.count("prefecture") >= 330
    assert levels.count("county") >= 2800
    assert levels.count("township") >= 38000
    assert all(len(d.code) == 12 and d.code.isdigit() for d in g)
    assert all(d.parent is None or d.parent in g for d in g)


@pytest.mark.parametrize(
    ("name", "code", "level", "parent"),
    [
        ("山东省", "370000000000", "province", None),
        ("聊城市", LIAOCHENG, "prefecture", "370000000000"),
        ("东昌府区", DONGCHANGFU, "county", LIAOCHENG),
        ("莘县", SHENXIAN, "county", LIAOCHENG),
        ("阳谷县", "371521000000", "county", LIAOCHENG),
        ("高唐县", "371526000000", "county", LIAOCHENG),
        ("临清市", "371581000000", "county", LIAOCHENG),
        ("茌平区", "371503000000", "county", LIAOCHENG),
        ("斗虎屯镇", "371502106000", "township", DONGCHANGFU),
        ("王奉镇", "371522111000", "township", SHENXIAN),
    ],
)
def test_liaocheng_codes(g: Gazetteer, name: str, code: str, level: str, parent: str | None) -> None:
    div = g.get(code)
    assert div is not None
    assert (div.name, div.level, div.parent) == (name, level, parent)
    assert div in g.lookup(name)


def test_doubled_suffix_town(g: Gazetteer) -> None:
    # Official name is 梁水镇镇 (the town of 梁水镇); the plain form is an alias.
    [div] = g.resolve("梁水镇", within=LIAOCHENG)
    assert div.code == "371502105000"
    assert div.parent == DONGCHANGFU
    assert "梁水镇" in div.aliases


def test_township_in_shenxian(g: Gazetteer) -> None:
    [div] = g.resolve("张寨镇", within=LIAOCHENG)
    assert div.code == "371522116000"
    assert g.parent(div.code).name == "莘县"
    assert [a.name for a in g.ancestors(div.code)] == ["莘县", "聊城市", "山东省"]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("聊城", "聊城市"),
        ("临清", "临清市"),
        ("山东", "山东省"),
        ("东昌府", "东昌府区"),
        ("广西", "广西壮族自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("延边", "延边朝鲜族自治州"),
        ("延边州", "延边朝鲜族自治州"),
        ("浦东", "浦东新区"),
    ],
)
def test_short_forms(g: Gazetteer, short: str, full: str) -> None:
    assert full in [d.name for d in g.lookup(short)]


def test_no_single_char_alias(g: Gazetteer) -> None:
    assert g.lookup("莘") == []
    assert all(len(n) >= 2 for n in g.names())


def test_former_county_name(g: Gazetteer) -> None:
    # 茌平县 became 茌平区 (code 371523 -> 371503) in 2019.
    assert [d.code for d in g.lookup("茌平县")] == ["371503000000"]
    assert [d.name for d in g.lookup("郫县")] == ["郫都区"]


def test_ambiguous_township_resolve(g: Gazetteer) -> None:
    matches = g.lookup("张寨镇")
    provinces = {g.ancestors(d.code)[-1].name for d in matches}
    assert len(matches) >= 3
    assert {"山东省", "江苏省", "安徽省"} <= provinces
    assert [d.code for d in g.resolve("张寨镇", within=LIAOCHENG)] == ["371522116000"]
    # Nothing inside 东昌府区 -> all matches are returned.
    assert g.resolve("张寨镇", within=DONGCHANGFU) == matches
    assert g.resolve("张寨镇") == matches


def test_children_and_get(g: Gazetteer) -> None:
    names = {d.name for d in g.children(LIAOCHENG)}
    assert {"东昌府区", "茌平区", "阳谷县", "莘县", "东阿县", "冠县", "高唐县", "临清市"} == names
    assert g.get("371502") == g.get(DONGCHANGFU)
    assert g.get("999999999999") is None
    assert g.parent("370000000000") is None
    assert g.children("371502106000") == []


def test_municipality_districts_hang_off_province(g: Gazetteer) -> None:
    [haidian] = g.lookup("海淀区")
    assert haidian.parent == "110000000000"


def test_from_tsv_roundtrip() -> None:
    lines = ["code\tname\tlevel\tparent\taliases\n", "370000000000\t山东省\tprovince\t\t山东\n"]
    g = Gazetteer.from_tsv(lines)
    assert g.get("370000000000") == Division("370000000000", "山东省", "province", None, ("山东",))
    with pytest.raises(ValueError):
        Gazetteer.from_tsv(["bad header\n"])


def test_lookup_is_fast(g: Gazetteer) -> None:
    t = time.perf_counter()
    for _ in range(10000):
        g.lookup("张寨镇")
    assert time.perf_counter() - t < 1.0
