"""Projects and amounts (issue 5): named works, list heads, quoted programmes, owners, amounts in yuan."""
from __future__ import annotations

from decimal import Decimal

import pytest

from _kgtext import GK, build, label, labels, node, objs
from kg.extract.projects import parse_amount

TEXT = ("宜昌项目\n\n本报讯(记者 黄晓燕)我市加快推进楚峰化工2×35万千瓦热电联产项目建设,实现投资近百亿元。"
        "市发展改革委为江汉新材料公司锂电隔膜项目等12个项目办理了手续。全市实施“清江润城工程”。"
        "今年全市共有335个亿元以上项目开工。")


@pytest.fixture(scope="module")
def g():
    return build(TEXT, "宜昌市")


def test_named_project_with_capacity_and_amount(g):
    p = node(g, GK.Project, "楚峰化工2×35万千瓦热电联产项目")
    (amount,) = objs(g, p, GK.investment)
    assert g.value(amount, GK.value).toPython() == Decimal("1e10")
    assert g.value(amount, GK.approximate).toPython() is True
    assert str(g.value(amount, GK.unit)) == "CNY"


def test_owner_company(g):
    p = node(g, GK.Project, "楚峰化工2×35万千瓦热电联产项目")
    assert [label(g, c) for c in objs(g, p, GK.owner)] == ["楚峰化工"]
    assert "楚峰化工" in labels(g, GK.Company)


def test_list_head(g):
    assert "江汉新材料公司锂电隔膜项目" in labels(g, GK.Project)


def test_quoted_programme(g):
    assert "清江润城工程" in labels(g, GK.Project)


def test_count_of_projects_is_not_a_project_nor_an_amount(g):
    assert not any("335" in n or "亿元以上" in n for n in labels(g, GK.Project))
    values = [v.toPython() for v in g.objects(None, GK.value)]
    assert values == [Decimal("1e10")]  # only the 近百亿元 of the named project


@pytest.mark.parametrize("text,value,approx", [
    ("1050亿元", Decimal("1.05e11"), False),
    ("近百亿元", Decimal("1e10"), True),
    ("3.5万元", Decimal("35000"), False),
    ("5000万元", Decimal("5e7"), False),
    ("20余万元", Decimal("2e5"), True),
    ("2亿多元", Decimal("2e8"), True),
])
def test_parse_amount_in_yuan(text, value, approx):
    assert parse_amount(text) == (value, approx)


@pytest.mark.parametrize("text", ["335个", "335个亿元以上项目", "年产20万吨"])
def test_parse_amount_rejects_what_is_not_money(text):
    assert parse_amount(text) is None
