"""Split a repaired page into articles: headline, kicker, subtitle, byline, body.

Shapes handled:

* a dateline with a byline ("本报讯(记者 A B)…", "本报北京3月8日电(记者 A)",
  "新华社…电", "本报讯 记者A报道 …") starts an article; the short lines just
  above it are its column label, kicker, headline and subtitle;
* so does a byline line under a headline ("本报记者 A B", "(通讯员 A 记者 B)",
  a spaced People's-Daily-style line); a bracketed byline after body text
  closes the article above instead;
* a headline that trails its article (a layout quirk): a short line after an
  article that has no headline, which shares more words with that article
  than with the next one;
* photo captions credited "■本报记者 X" or "…(记者 X 摄)" (with the dated line
  above them) are photo articles; a credit line on its own ("X 摄",
  "本版图片由记者X提供") credits the article it stands in;
* editors' credit lines (责任编辑…) stay in the text and name no author;
* page furniture (a date header, an edition label, a breadcrumb) is no
  headline and no article: it stays in the text of the article below it;
* a page with none of these is one article, headed by its first line when
  that line is a headline;
* an article whose page prints no headline (a photo caption, a 本报讯 item,
  a page that starts with its body) gets none: ``headline`` stays empty.

No paragraph is lost: text before the first byline, or after a photo caption,
belongs to an article too.  The shapes of bylines and credits themselves are
read by :mod:`kg.ingest.byline`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.byline import (
    MARKED_CREDIT,
    SHE_CREDIT,
    byline_line,
    dateline_byline,
    is_credit_line,
    is_furniture,
    is_meta_line,
    meta_line_people,
    page_photo_credit,
    parse_people,
    photo_credit,
    postfix_credit,
    starts_item,
    trailing_byline as _trailing_people,
)
from kg.ingest.repair import Par

__all__ = ["ArticleParts", "split_articles", "parse_people", "byline_people", "is_headline_like"]

MAX_HEAD_LEN = 60
MAX_TITLE_LEN = 100  # the first line of a page with one article may be a long double headline
MAX_COLUMN_LEN = 8
CAPTION_TEXT_MIN = 10  # a "(记者 X 摄)" credit makes a caption only after this much text
DATE_START = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日")
# an item of a news digest (要闻简报, 一周要闻): a paragraph of its own behind a bullet ("◆9月23日,我县…。")
DIGEST_ITEM = re.compile(r"^\s*([◆●★◎◇○▲■□])\s*\S")
MIN_DIGEST_ITEM = 30
@dataclass
class ArticleParts:
    """Paragraphs of one article, before it becomes a :class:`kg.model.Article`."""

    headline: str = ""
    alt_headlines: list[str] = field(default_factory=list)
    column: str | None = None
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    kind: str = "news"
    # False when the page prints no headline for the article (a photo caption, a 本报讯 item or a
    # page that starts with its body): then ``headline`` is empty — none is invented
    headline_printed: bool = True


def byline_people(par: str) -> tuple[list[str], list[str]] | None:
    """Reporters and correspondents if ``par`` starts an article with a byline, else None
    (empty lists for a dateline without a byline: "本报讯 今年以来…")."""
    people = dateline_byline(par)
    if people is None and starts_item(par):
        return [], []
    return people if people is not None else byline_line(par)


def caption_credit(par: str) -> list[str] | None:
    """Photographers if ``par`` is a photo caption ending in its credit, else None."""
    names = photo_credit(par)
    if not names:
        return None
    if MARKED_CREDIT.search(par):
        return names
    m = SHE_CREDIT.search(par)
    return names if m and m.start() >= CAPTION_TEXT_MIN else None


def is_headline_like(par: str) -> bool:
    """A short line without a closing full stop: a headline, kicker, subtitle or label."""
    if len(par) > MAX_HEAD_LEN or byline_people(par) is not None or is_credit_line(par) or is_furniture(par):
        return False
    if "。" in par or _trailing_people(par):  # a sentence, or text closed by its byline ("…。(记者 X)")
        return False
    return par[-1] not in "!?！？" or par.endswith(("——", "—"))


def _add(names: list[str], more: list[str]) -> None:
    names.extend(n for n in more if n not in names)


def close_article(parts: ArticleParts) -> None:
    """Credits inside an article: a byline closing it, photo credits on lines of their own."""
    if parts.kind != "news":
        return
    if not parts.authors:  # a web page's line of facts under the headline ("作者:X 来源:Y"), a byline
        for k, par in enumerate(parts.body[:4]):  # under a lone dateline ("本报讯" / "记者 X 报道")
            names = meta_line_people(par)  # a web page's facts may stand under its name and breadcrumb
            people = byline_line(par) if k < 2 else None
            if k >= 2 and not names:
                continue
            if names or people:
                parts.authors = names or people[0] + people[1]
                break
    if not parts.authors:
        for par in reversed(parts.body[-3:]):
            credit = postfix_credit(par)  # "林某 陈某/文", "(周某/文 关某/图)"
            if credit:
                parts.authors = credit[0]
                _add(parts.photographers, credit[1])
                break
            people = _trailing_people(par) or byline_line(par)
            if people:
                parts.authors = people[0] + people[1]
                break
    for par in parts.body:
        names = page_photo_credit(par)
        if names is None and len(par) <= 40:
            names = photo_credit(par)
        if names is None and len(par) <= 40 and PHOTO_ROLE.match(par):  # "(摄影:X)" on a line of its own
            names = (byline_line(par) or ([], []))[0] or None
        if names:
            _add(parts.photographers, [n for n in names if n not in parts.authors])


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _affinity(line: str, body: list[str]) -> float:
    grams = _bigrams(line)
    if not grams:
        return 0.0
    text = "".join(body)
    return sum(1 for g in grams if g in text) / len(grams)


def _head_from_run(run: list[str], parts: ArticleParts) -> None:
    """Assign column label, kicker, headline and subtitles from the lines above a byline."""
    run = list(run)
    if len(run) >= 2 and len(run[0]) <= MAX_COLUMN_LEN and not re.search(r"[,，、:：\s]", run[0]):
        parts.column = run.pop(0)
    if not run:
        return
    if len(run) >= 2 and run[0].endswith(("——", "—", ":", "：")):
        parts.alt_headlines.append(_strip(run.pop(0), right="—:： "))
    parts.headline = run.pop(0)
    parts.alt_headlines.extend(_strip(r, left="—- ") for r in run)


def _strip(line: str, left: str = "", right: str = "") -> str:
    """``line`` less the marks at its ends, keeping its printed form when it has one."""
    if isinstance(line, Par):
        return line.strip_chars(left, right)
    return line.lstrip(left).rstrip(right) if left and right else line.lstrip(left) if left else line.rstrip(right)


def _opens_article(pars: list[str], i: int, opening: set[int]) -> bool:
    """Whether a byline line at ``i`` starts an article: it stands under a headline, at the top of
    the page or under another opening byline line, and has text under it; else it closes the text above."""
    if i + 1 >= len(pars):
        return False
    if i == 0 or i - 1 in opening:
        return True
    j = i - 1  # a line of the page (a date and the paper's name) may stand between the headline and the byline
    while j > 0 and is_furniture(pars[j]):
        j -= 1
    return is_headline_like(pars[j]) or is_question_headline(pars[j]) or (j == 0 and is_furniture(pars[j]))


def is_question_headline(par: str) -> bool:
    """A short line ending in "?" or "!" with no sentence inside ("青禾县:如何办好民生实事?"): a headline
    when it stands right above a byline."""
    return (len(par) <= MAX_HEAD_LEN and par[-1] in "!?！？" and not re.search(r"[。;；]", par)
            and not re.search(r"[!?！？]", par[:-1]) and not is_credit_line(par))


def split_articles(pars: list[str]) -> list[ArticleParts]:
    """Split a page's repaired paragraphs into articles."""
    n = len(pars)
    role = ["body"] * n  # body | head | byline | head-byline (first line of a two-line byline) | caption
    people: dict[int, tuple[list[str], list[str]]] = {}
    opening: set[int] = set()  # byline lines (not datelines) that start an article
    digest = _digest_items(pars)
    for i, p in enumerate(pars):
        found = dateline_byline(p)
        if found is None and (starts_item(p) or i in digest):
            found = ([], [])  # "本报讯 今年以来…", "◆9月23日,我县…": an item without a byline
        if found is None:
            found = byline_line(p)
            if found is None or not _opens_article(pars, i, opening):
                continue
            if i - 1 in opening:  # "□本报记者 X" over "本报通讯员 Y 报道": one byline on two lines
                first = people.pop(i - 1)
                opening.discard(i - 1)
                role[i - 1] = "head-byline"
                found = (first[0] + [x for x in found[0] if x not in first[0]],
                         first[1] + [x for x in found[1] if x not in first[1]])
            opening.add(i)
        people[i] = found
    _items_after_closing_bylines(pars, people)
    if people:  # a page of items, some with bylines: a headline between a finished item and a lead starts one too
        for a, _ in _headed_items(pars)[1:]:
            if a + 1 < n and a + 1 not in people and a not in people:
                people[a + 1] = ([], [])
    bylines = sorted(people)
    captions = [i for i, p in enumerate(pars) if role[i] == "body" and i not in people and caption_credit(p)]
    for i in captions:
        role[i] = "caption"
    for i in bylines:
        role[i] = "byline"
    if not bylines and not captions:
        items = [_single_article(pars[a:b]) for a, b in _headed_items(pars)]
        for single in items:
            close_article(single)
        return items

    # caption blocks: the credited line, and the dated line just above it
    caption_blocks: list[list[int]] = []
    for i in captions:
        block = [i]
        if i > 0 and role[i - 1] == "body" and DATE_START.match(pars[i - 1]) and len(pars[i - 1]) < 150:
            role[i - 1] = "caption"
            block.insert(0, i - 1)
        caption_blocks.append(block)

    # header runs above each byline
    runs: dict[int, list[int]] = {}
    for b in bylines:
        run: list[int] = []
        j = b - 1
        while j >= 0 and role[j] == "head-byline":
            j -= 1
        while j >= 0 and role[j] == "body" and (is_meta_line(pars[j]) or (j > 0 and is_furniture(pars[j]))):
            j -= 1  # a web page's line of facts (发布时间, 来源), or the paper's running head, under the headline
        if j >= 0 and role[j] == "body" and is_question_headline(pars[j]):
            run.insert(0, j)
            j -= 1
        while j >= 0 and role[j] == "body" and is_headline_like(pars[j]):
            run.insert(0, j)
            j -= 1
        for j in run:
            role[j] = "head"
        runs[b] = run

    # article bodies: from each byline to the next non-body paragraph
    articles: list[tuple[int, ArticleParts]] = []
    owner: dict[int, ArticleParts] = {}
    for b in bylines:
        parts = ArticleParts()
        reporters, others = people[b]
        parts.authors = reporters + others
        first = b
        while first > 0 and role[first - 1] == "head-byline":
            first -= 1
        body = pars[first:b + 1]
        owner[b] = parts
        k = b + 1
        while k < n and role[k] == "body":
            body.append(pars[k])
            owner[k] = parts
            k += 1
        parts.body = body
        articles.append((b, parts))
    _adopt_orphans(pars, role, owner, articles, runs)

    # a headline that trails its article
    for idx, (b, parts) in enumerate(articles):
        run = runs.get(b, [])
        if idx == 0 or len(run) < 2:
            continue
        prev_b, prev = articles[idx - 1]
        if prev.headline or runs.get(prev_b):
            continue
        first = pars[run[0]]
        if _affinity(first, prev.body) > _affinity(first, parts.body):
            prev.headline = first
            runs[b] = run[1:]
    # ... or that ends the page (or column): the last line of a headline-less article
    for b, parts in articles:
        if parts.headline or runs.get(b) or len(parts.body) < 2:
            continue
        last = parts.body[-1]
        if is_headline_like(last) and len(last) >= 6 and _affinity(last, parts.body[:-1]) >= 0.5:
            parts.headline = parts.body.pop()
    for b, parts in articles:
        if not parts.headline:
            _head_from_run([pars[j] for j in runs.get(b, [])], parts)
        parts.headline_printed = bool(parts.headline)  # no headline is invented for a headline-less item

    out = list(articles)
    for block in caption_blocks:
        cap = ArticleParts(kind="photo")
        cap.photographers = caption_credit(pars[block[-1]]) or []
        cap.body = [pars[i] for i in block]
        cap.headline_printed = False
        out.append((block[0], cap))
    out.sort(key=lambda t: t[0])
    for _, parts in out:
        close_article(parts)
    return _merge_lone_bylines([parts for _, parts in out])


def _digest_items(pars: list[str]) -> set[int]:
    """Paragraphs that are items of a digest: two or more told sentences behind the same bullet on one page."""
    marked: dict[str, set[int]] = {}
    for i, p in enumerate(pars):
        m = DIGEST_ITEM.match(p)
        if m and len(p) >= MIN_DIGEST_ITEM and "。" in p:
            marked.setdefault(m.group(1), set()).add(i)
    return max((found for found in marked.values() if len(found) >= 2), key=len, default=set())


def _items_after_closing_bylines(pars: list[str], people: dict[int, tuple[list[str], list[str]]]) -> None:
    """Items without datelines, each closed by its byline ("…。(记者 X)"), then the next headline:
    the first body paragraph under that headline starts an item (its byline is read at its end)."""
    n = len(pars)
    for i, par in enumerate(pars[:-2]):
        if i in people or not (_trailing_people(par) or (byline_line(par) and i > 0 and i - 1 not in people)):
            continue
        j = i + 1
        while j < n and j not in people and is_headline_like(pars[j]):
            j += 1
        if i + 1 < j < n and j not in people and not is_headline_like(pars[j]) and not is_credit_line(pars[j]):
            people[j] = ([], [])


def _adopt_orphans(pars: list[str], role: list[str], owner: dict[int, ArticleParts],
                   articles: list[tuple[int, ArticleParts]], runs: dict[int, list[int]]) -> None:
    """Give every body paragraph outside an article to one: text before the first byline is an
    article of its own; text after a photo caption continues the article above the caption."""
    first = min((b for b, _ in articles), default=len(pars))
    lead = [i for i in range(first) if role[i] == "body" and i not in owner]
    if lead and all(is_furniture(pars[i]) or is_credit_line(pars[i]) for i in lead) and articles:
        # a page header above the first article: kept in that article's text, no article of its own
        parts = articles[0][1]
        parts.body[:0] = [pars[i] for i in lead]
        for i in lead:
            owner[i] = parts
        lead = []
    if lead:
        parts = _single_article([pars[i] for i in lead])
        for i in lead:
            owner[i] = parts
        articles.insert(0, (lead[0], parts))
        runs[lead[0]] = []
    current: ArticleParts | None = None
    for i in range(len(pars)):
        if i in owner:
            current = owner[i]
        elif role[i] == "body" and current is not None:
            current.body.append(pars[i])
            owner[i] = current


def _merge_lone_bylines(parts_list: list[ArticleParts]) -> list[ArticleParts]:
    """A byline line with nothing under it ("本报记者 X" closing a page) credits the article above."""
    out: list[ArticleParts] = []
    for parts in parts_list:
        lone = (parts.kind == "news" and len(parts.body) == 1 and not parts.headline
                and byline_line(parts.body[0]) is not None and not parts.alt_headlines and not parts.column)
        prev = next((p for p in reversed(out) if p.kind == "news"), None)
        if lone and prev is not None:
            prev.body.extend(parts.body)
            if PHOTO_ROLE.match(parts.body[0]):  # "(摄影:X)" closing the page: the pictures' credit
                _add(prev.photographers, [n for n in parts.authors if n not in prev.authors])
            elif not prev.authors:
                prev.authors = parts.authors
            continue
        out.append(parts)
    return out


def _long_title(pars: list[str], i: int) -> bool:
    """A page's first line longer than a headline usually is, but with no sentence in it, above its body."""
    par = pars[i]
    return (i + 1 < len(pars) and len(par) <= MAX_TITLE_LEN and par[-1] not in "。!?！？;；"
            and not re.search(r"[。;；]", par) and not is_credit_line(par) and not is_furniture(par)
            and byline_people(par) is None)


def _web_headline(pars: list[str]) -> int | None:
    """On a web page, the headline is the line above its line of facts ("发布时间:… 来源:…"), below
    the site's name and breadcrumb."""
    for i in range(1, min(len(pars) - 1, 8)):
        if is_meta_line(pars[i]):
            j = i - 1
            while j > 0 and is_meta_line(pars[j]):
                j -= 1
            if is_headline_like(pars[j]) or _long_title(pars, j):
                return j
            return None
    return None


# the lead of a news item: a date, a time word or a source ("据市纪委监委消息")
LEAD = re.compile(r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|昨天|昨日|今天|今日|近期|据[^,，。]{2,20}(?:消息|报道|通报)"
                  r"|连日来|今年以来|入[春夏秋冬]以来|汛期以来|[\u4e00-\u9fff]{2,4}(?:前夕|期间)[,，])")
MIN_ITEM_HEAD = 12
PHOTO_ROLE = re.compile(r"^\s*[(（【\[]?\s*(?:摄影|图片|图)\s*[:：/]")
SUBHEAD_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


def _headed_items(pars: list[str]) -> list[tuple[int, int]]:
    """Spans of the items of a page without bylines: a headline-like line of some length between a
    finished paragraph and a lead ("近日,…", "5月8日,…", "据…消息") starts an item."""
    starts = [i for i in range(1, len(pars) - 1)
              if len(pars[i]) >= MIN_ITEM_HEAD and is_headline_like(pars[i]) and pars[i - 1].endswith(("。", ")", "）"))
              and not SUBHEAD_NUMBER.match(pars[i])
              and LEAD.match(pars[i + 1])]
    bounds = [0] + starts + [len(pars)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _single_article(pars: list[str]) -> ArticleParts:
    parts = ArticleParts()
    top = 0  # page furniture above the headline stays in the text, under it
    while top < len(pars) - 1 and (is_furniture(pars[top]) or is_credit_line(pars[top])):
        top += 1
    web = _web_headline(pars) if top + 1 < len(pars) and is_furniture(pars[top + 1]) else None
    if web is not None:
        top = web  # a site's name, its breadcrumb, then the headline
    if top < len(pars) and (is_headline_like(pars[top]) or _long_title(pars, top)):
        parts.headline = pars[top]
        parts.body = pars[:top] + pars[top + 1:]
        if len(parts.body) > top + 1 and parts.body[top].startswith("—") and is_headline_like(parts.body[top]):
            parts.alt_headlines.append(_strip(parts.body.pop(top), left="—- "))
    else:
        parts.body = pars
        parts.headline_printed = False
    return parts
