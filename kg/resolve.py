"""Resolution: the paper's home region, and canonical, region-qualified names.

The home region is read from the page itself: the prefecture-level city
named most often (full or short form) is the city that "我市", "市委" and
"市水利局" refer to.  ``--region`` overrides it.
"""
from __future__ import annotations

from functools import lru_cache

from kg.model import Page, Region


@lru_cache(maxsize=1)
def _gazetteer():
    from kg.gazetteer import Gazetteer

    return Gazetteer.default()


def region_from_name(name: str) -> Region:
    """A :class:`Region` for a city or province name ("聊城", "聊城市", "山东省").

    Raises:
        ValueError: the name is not a province or prefecture-level division.
    """
    gaz = _gazetteer()
    for d in gaz.lookup(name):
        if d.level == "prefecture":
            prov = gaz.parent(d.code)
            return Region(province=prov.name if prov else None, province_code=prov.code if prov else None,
                          city=d.name, city_code=d.code)
        if d.level == "province":
            return Region(province=d.name, province_code=d.code)
    raise ValueError(f"--region {name!r}: not a province or prefecture-level city in the gazetteer")


CITY_WEIGHT = 2  # a city named outright counts twice as much as one of its counties


def home_region(page: Page) -> Region:
    """Infer the paper's home region from the page.

    Each prefecture-level city scores two points for every time it is named
    (full or short form) and one for every time one of its counties is named
    by its full name (a paper names its own counties far more than others'
    cities, and often names its city only inside "我市").  Without any city,
    the most-named province.
    """
    text = "\n".join(a.text for a in page.articles)
    gaz = _gazetteer()
    best: tuple[int, str] | None = None
    for level in ("prefecture", "province"):
        counts: dict[str, int] = {}
        for d in gaz.by_level(level):
            n = sum(text.count(name) for name in _distinct_names(d.name, d.aliases))
            if n:
                counts[d.code] = n * (CITY_WEIGHT if level == "prefecture" else 1)
        if level == "prefecture":
            for code, n in _county_votes(text).items():
                counts[code] = counts.get(code, 0) + n
        if counts:
            code, n = max(sorted(counts.items()), key=lambda kv: kv[1])
            best = (n, code)
            break
    if best is None:
        return Region()
    d = gaz.get(best[1])
    if d.level == "province":
        return Region(province=d.name, province_code=d.code)
    prov = gaz.parent(d.code)
    return Region(province=prov.name if prov else None, province_code=prov.code if prov else None,
                  city=d.name, city_code=d.code)


@lru_cache(maxsize=1)
def _unique_counties() -> dict[str, str]:
    """Full county names that name one county in China -> its prefecture's code."""
    gaz = _gazetteer()
    out: dict[str, str] = {}
    for d in gaz.by_level("county"):
        parent = gaz.parent(d.code)
        if len(d.name) >= 3 and parent is not None and parent.level == "prefecture" \
                and len([x for x in gaz.lookup(d.name) if x.level == "county"]) == 1:
            out[d.name] = parent.code
    return out


def _county_votes(text: str) -> dict[str, int]:
    votes: dict[str, int] = {}
    for name, city in _unique_counties().items():
        n = text.count(name)
        if n:
            votes[city] = votes.get(city, 0) + n
    return votes


def _distinct_names(name: str, aliases: tuple[str, ...]) -> list[str]:
    """Names to count without counting the full name twice (聊城 is inside 聊城市)."""
    names = sorted({name, *aliases}, key=len)
    return [n for i, n in enumerate(names) if not any(m in n for m in names[:i])]
