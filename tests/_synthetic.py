"""Invented govkg graphs of any size, for the explorer's tests, its benchmark and docs/explorer.png.

Every class the explorer draws is there (officials with posts and post holdings,
journalists, agencies, companies, a place hierarchy, projects, events with dates,
participants, organizers and places), each entity mentioned in articles with
evidence sentences, and some entities mentioned only (no relation but the
article, as journalists and many companies are in built graphs).  Officials
have the identity of built graphs (``official/<region>/<name>``), post
holdings the article they were seen in.  All names are made up.

Not part of the installed package: tests import it as ``_synthetic`` (pytest
puts ``tests/`` on the path), benchmarks and scripts add ``tests/`` themselves.
"""
from __future__ import annotations

import datetime as dt
import random
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.rdf.namespaces import GK, ID, SCHEMA, bind_prefixes

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "明华建国志强伟芳丽军平秀英杰涛斌红霞德立新宏刚玉兰海波云峰春燕文辉永庆"
DEPTS = ["发展和改革委员会", "教育局", "公安局", "财政局", "农业农村局", "交通运输局", "水利局", "商务局",
         "卫生健康委员会", "生态环境局", "住房和城乡建设局", "文化和旅游局", "应急管理局", "市场监督管理局"]
ROLES = ["局长", "副局长", "主任", "副主任", "党组书记", "书记", "副书记", "市长", "副市长", "县长"]
EVENTS = [("InspectionVisit", "调研"), ("Meeting", "会议"), ("PressConference", "新闻发布会"),
          ("SigningCeremony", "签约仪式"), ("Forum", "论坛"), ("Groundbreaking", "集中开工仪式")]
PLACE_WORDS = "东西南北中安平阳宁丰泰和兴华"
REGIONS = ("云溪市", "青禾市")  # invented prefectures: an official's identity is a name within a region


def _name(rng: random.Random, used: set[str], stem: str = "") -> str:
    while True:
        name = stem or rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in used:
            used.add(name)
            return name
        stem = stem + str(len(used) % 97) if stem else ""


def synthetic_graph(n: int = 300, seed: int = 7, start: dt.date = dt.date(2024, 3, 1),
                    days: int = 31, extra_names: dict[str, str] | None = None) -> Graph:
    """A govkg graph with about ``n`` drawable entities of every class, in ``n // 8`` articles
    dated over ``days`` days from ``start``.

    ``extra_names`` maps an invented official's label to add (e.g. a name that
    carries markup) to the sentence it is mentioned in, to test escaping.
    """
    rng = random.Random(seed)
    g = bind_prefixes(Graph())
    used: set[str] = set()
    counter = iter(range(10**9))

    def iri(kind: str) -> URIRef:
        return URIRef(f"{ID}{kind}/syn{next(counter)}")

    def date(i: int | None = None) -> dt.date:
        return start + dt.timedelta(days=rng.randrange(days) if i is None else i % days)

    # Articles; each mention of an entity adds a sentence to one of them.
    n_articles = max(3, n // 8)
    articles: list[URIRef] = []
    for a in range(n_articles):
        art = URIRef(f"{ID}article/synthetic/{a + 1}")
        d = date(a)
        g.add((art, RDF.type, GK.Article))
        g.add((art, SCHEMA.headline, Literal(f"第{a + 1}期 全市重点工作推进情况")))
        g.add((art, SCHEMA.datePublished, Literal(d.isoformat(), datatype=XSD.date)))
        articles.append(art)

    def entity(kind: str, label: str, alts: tuple[str, ...] = (), text: str | None = None,
               node: URIRef | None = None) -> URIRef:
        node = node or iri(kind.lower())
        g.add((node, RDF.type, GK[kind]))
        g.add((node, RDFS.label, Literal(label)))
        for alt in alts:
            g.add((node, SKOS.altLabel, Literal(alt)))
        for _ in range(1 + int(rng.paretovariate(1.6)) % 6):
            art = rng.choice(articles)
            s = URIRef(f"{art}/s{next(counter)}")
            g.add((s, RDF.type, GK.Sentence))
            g.add((s, GK.inArticle, art))
            g.add((node, GK.mentionedIn, art))
            g.add((node, GK.evidence, s))
            g.add((s, GK.text, Literal(text or f"{label}出席活动并讲话,强调要抓好各项工作落实。")))
        return node

    share = {"Official": .26, "Journalist": .03, "Agency": .18, "Company": .07, "Place": .14, "Project": .08,
             "Event": .19, "Unlinked": .05}
    count = {k: max(2, round(n * v)) for k, v in share.items()}

    # Places: a province, prefectures, counties, townships, villages and sites.
    province = entity("Province", "齐鲁省", ("本省",))
    places = [province]
    levels = [("Prefecture", "市"), ("County", "县"), ("Township", "镇"), ("Village", "村"), ("Site", "产业园")]
    for i in range(count["Place"] - 1):
        kind, suffix = levels[min(len(levels) - 1, int(i ** 0.5 / 2.2))]
        parent = rng.choice(places[-max(1, len(places) // 2):]) if i else province
        label = _name(rng, used, "".join(rng.choice(PLACE_WORDS) for _ in range(2)) + suffix)
        p = entity(kind, label)
        g.add((p, GK.locatedIn, parent))
        places.append(p)

    agencies: list[URIRef] = []
    for i in range(count["Agency"]):
        label = _name(rng, used, f"{rng.choice(PLACE_WORDS)}{rng.choice(PLACE_WORDS)}市{rng.choice(DEPTS)}")
        a = entity("Agency", label, (label[3:],))
        if agencies:
            g.add((a, GK.parentOrganization, rng.choice(agencies[: max(1, len(agencies) // 4)])))
        g.add((a, GK.jurisdiction, rng.choice(places)))
        agencies.append(a)

    companies = [entity("Company", _name(rng, used, f"{rng.choice(PLACE_WORDS)}{rng.choice(GIVEN)}实业有限公司"))
                 for _ in range(count["Company"])]

    officials: list[URIRef] = []
    for _ in range(count["Official"]):
        label = _name(rng, used)
        o = entity("Official", label, (label[0] + "书记",) if rng.random() < .2 else (),
                   node=URIRef(f"{ID}official/{rng.choice(REGIONS)}/{label}"))
        officials.append(o)
        for _ in range(rng.choice((1, 1, 2))):
            agency, role = rng.choice(agencies), rng.choice(ROLES)
            post = URIRef(f"{agency}/post/{role}")
            g.add((post, RDF.type, GK.Post))
            g.add((post, GK.role, Literal(role)))
            g.add((post, GK.postIn, agency))
            g.add((o, GK.holds, post))
            h = iri("holding")
            g.add((h, RDF.type, GK.PostHolding))
            g.add((h, GK.member, o))
            g.add((h, GK.post, post))
            art = rng.choice(list(g.objects(o, GK.mentionedIn)))
            g.add((h, GK.mentionedIn, art))
            g.add((h, GK.observedOn, g.value(art, SCHEMA.datePublished)))
    for label, text in (extra_names or {}).items():
        officials.append(entity("Official", label, text=text, node=URIRef(f"{ID}official/{REGIONS[0]}/{quote(label)}")))

    for _ in range(count["Journalist"]):
        entity("Journalist", _name(rng, used))
    for i in range(count["Unlinked"]):  # named in an article, with no relation to anything else
        if i % 2:
            entity("Company", _name(rng, used, f"{rng.choice(PLACE_WORDS)}{rng.choice(GIVEN)}商贸有限公司"))
        else:
            entity("Site", _name(rng, used, f"{rng.choice(PLACE_WORDS)}{rng.choice(GIVEN)}广场"))

    for _ in range(count["Project"]):
        label = _name(rng, used, f"{rng.choice(PLACE_WORDS)}{rng.choice(GIVEN)}{rng.choice(['新材料', '智慧物流', '高端装备', '现代农业'])}项目")
        p = entity("Project", label)
        g.add((p, GK.projectPlace, rng.choice(places)))
        g.add((p, GK.owner, rng.choice(companies)))
        g.add((p, GK.involves, rng.choice(agencies)))

    for _ in range(count["Event"]):
        kind, word = rng.choice(EVENTS)
        d = date()
        lead = rng.choice(officials)
        label = f"{g.value(lead, RDFS.label)}{word}({d.month}月{d.day}日)"
        e = entity(kind, label)
        g.add((e, GK.date, Literal(d.isoformat(), datatype=XSD.date)))
        for who in {lead, *rng.sample(officials, k=min(len(officials), rng.randint(1, 4)))}:
            g.add((e, GK.participant, who))
        g.add((e, GK.organizer, rng.choice(agencies)))
        g.add((e, GK.place, rng.choice(places)))
    return g
