"""Places that are not administrative divisions: rivers and lakes, railway lines, development zones.

* rivers and lakes from kg/data/waters.txt ("黄河", "京杭大运河"), not when they
  start a street or a division's name (黄河路);
* railway lines named by their two- to four-character stem ("云岭高铁",
  "京沪高速铁路"), with the section if given ("(聊城段)"), located in the
  division the section names;
* development zones and parks named after a division ("聊城经济技术开发区",
  "宜都高新区"), located in that division.

Runs inside the ``places`` component, after the divisions are found.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kg.extract.lexicon import surnames, title_ends_at
from kg.model import Article, Mention, Relation

STOP_BEFORE = set("个的在和与及、,，。;；将把对沿为是了条第")
RAIL_SUFFIX = re.compile(r"(?:高速铁路|城际铁路|高铁|铁路)")
SECTION = re.compile(r"[(（](?P<section>[\u4e00-\u9fff]{2,6})段[)）]")
ZONE_SUFFIX = re.compile(r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|工业园区|保税区|综合保税区)")
NOT_AFTER_WATER = set("路街镇乡县区市村大道")


@cache
def waters() -> tuple[str, ...]:
    """River, lake and canal names, longest first."""
    text = resources.files("kg").joinpath("data", "waters.txt").read_text(encoding="utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(sorted(names, key=len, reverse=True))


def _free_before(text: str, pos: int) -> bool:
    return pos == 0 or not re.match(r"[\u4e00-\u9fff]", text[pos - 1]) or text[pos - 1] in STOP_BEFORE


def find_landmarks(article: Article) -> None:
    """Add River, Railway and DevelopmentZone mentions (with gk:locatedIn where the text says)."""
    text = article.text
    divisions = {m.start: m for m in article.mentions if m.attrs.get("adminLevel")}
    # a division found at the same place wins (太湖 in a paper of 太湖县's own city is the county)
    taken: list[tuple[int, int]] = [(m.start, m.end) for m in divisions.values()]
    for name in waters():
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if any(a <= s < b for a, b in taken) or text[e:e + 1] in NOT_AFTER_WATER:
                continue
            if s > 0 and text[s - 1] in surnames() and title_ends_at(text, s - 1):
                continue  # "党委书记宋|长江": a person's given name after a title and a family name
            taken.append((s, e))
            article.mentions.append(Mention(s, e, "River", f"Place/water/{name}", name))
    for m in RAIL_SUFFIX.finditer(text):
        e = m.end()
        # the shortest stem of two to four characters that starts a word ("12个云岭高铁" -> 云岭高铁)
        s = next((m.start() - n for n in (2, 3, 4) if m.start() - n >= 0
                  and re.fullmatch(r"[\u4e00-\u9fff]+", text[m.start() - n:m.start()])
                  and not STOP_BEFORE & set(text[m.start() - n:m.start()])
                  and _free_before(text, m.start() - n)), None)
        if s is None or any(a <= s < b for a, b in taken):
            continue
        name = text[s:e]
        taken.append((s, e))
        key = f"Place/railway/{name}"
        article.mentions.append(Mention(s, e, "Railway", key, name))
        sec_m = SECTION.match(text, e)
        if sec_m:
            sec = sec_m.start("section")
            inside = divisions.get(sec)
            if inside:
                article.relations.append(Relation(key, "locatedIn", inside.key, s))
    for start, div in divisions.items():
        z = ZONE_SUFFIX.match(text, div.end)
        if not z:
            continue
        name = text[start:z.end()]
        key = f"Place/zone/{div.label}{z.group(0)}"
        article.mentions.append(Mention(start, z.end(), "DevelopmentZone", key, div.label + z.group(0)))
        article.relations.append(Relation(key, "locatedIn", div.key, start))
