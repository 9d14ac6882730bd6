"""Split a repaired page into articles: headline, kicker, subtitle, byline, body.

Shapes handled:

* "本报讯(记者 A B)…" and "本报北京3月8日电(记者 A)" / "新华社…电" bylines start
  an article; the short lines just above are its column label, kicker,
  headline and subtitle;
* a headline that trails its article (a layout quirk): a short line after an
  article that has no headline, which shares more words with that article
  than with the next one;
* photo captions credited "■本报记者 X" (with the dated line above them);
* People's Daily style "本报记者 X" lines under the headline;
* a page with none of these is one article, headed by its first line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

NAME = r"[\u4e00-\u9fff·]{2,5}"
DATELINE = re.compile(
    r"^(?:本报讯|本报[^\s(（]{0,15}?电|(?:新华社|中新社|人民网|新华网|央视网)[^\s(（]{0,15}?电)\s*[(（]([^()（）]{1,80})[)）]"
)
# "本报讯 记者张三 通讯员李四报道:" — a dateline whose byline has no brackets
DATELINE_BARE = re.compile(r"^(?:本报讯|本报[^\s(（]{0,15}?电)\s*((?:[\u4e00-\u9fff]{0,4}?(?:记者|通讯员))[^:：()（）]{1,50}?)"
                           r"(?:报道)?[:：]")
# "(记者 张三)" or "(本报记者 张三 通讯员 李四)" closing an article
TRAILING_BYLINE = re.compile(r"[(（]\s*((?:本报|新华社)?[\u4e00-\u9fff]{0,4}?(?:记者|通讯员)[^()（）]{1,60})[)）]\s*$")
REPORTER_LINE = re.compile(rf"^(?:本报|新华社)?(?:记者|通讯员)\s*({NAME}(?:[\s、,]+{NAME})*)\s*$")
PHOTO_CREDIT = re.compile(rf"[■□▲●]\s*(?:本报|新华社)?(?:记者|通讯员|摄影)?\s*({NAME}(?:[\s、]+{NAME})*)\s*(?:摄)?\s*$")
PHOTO_CREDIT_SHE = re.compile(rf"[(（]?(?:本报)?(?:记者|通讯员)\s*({NAME}(?:[\s、]+{NAME})*)\s*摄[)）]?\s*$")
ROLE_WORDS = ("本报记者", "实习记者", "特约记者", "见习记者", "记者", "通讯员", "实习生", "摄影", "文/图", "文", "图")
CORRESPONDENT_ROLES = {"通讯员", "实习生"}
MAX_HEAD_LEN = 60
MAX_COLUMN_LEN = 8
DATE_START = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日")


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
    # False when the headline is the body's first sentence (nothing printed above it):
    # then it is not a line of its own in the article text
    headline_printed: bool = True


def parse_people(inner: str) -> tuple[list[str], list[str]]:
    """Names in a byline's brackets: (reporters, correspondents).

    >>> parse_people("记者 张三 李四 通讯员 王五")
    (['张三', '李四'], ['王五'])
    >>> parse_people("全媒体记者 张三 实习生 李四")
    (['张三'], ['李四'])
    """
    reporters: list[str] = []
    others: list[str] = []
    role = "记者"
    for tok in re.split(r"[\s、,，/]+", inner):
        if not tok:
            continue
        for word in ROLE_WORDS:
            if tok.startswith(word):
                role = word
                tok = tok[len(word):]
                break
        else:
            # "全媒体记者", "首席记者", "特约通讯员": any word ending in a role is a role
            m = re.match(r"^[\u4e00-\u9fff]{0,4}?(记者|通讯员|实习生|摄影)(.*)$", tok)
            if m and (not m.group(2) or re.fullmatch(NAME, m.group(2))):
                role, tok = m.group(1), m.group(2)
        if re.fullmatch(NAME, tok):
            (others if role in CORRESPONDENT_ROLES else reporters).append(tok)
    return reporters, others


def byline_people(par: str) -> tuple[list[str], list[str]] | None:
    """Reporters and correspondents if ``par`` starts an article with a byline, else None."""
    m = DATELINE.match(par)
    if m:
        return parse_people(m.group(1))
    m = DATELINE_BARE.match(par)
    if m:
        return parse_people(m.group(1))
    m = REPORTER_LINE.match(par)
    if m:
        return parse_people(m.group(1))
    return None


def trailing_byline(parts: "ArticleParts") -> None:
    """Authors named at the end of an article ("…。(记者 张三)") when it has none yet."""
    if parts.authors or parts.kind != "news":
        return
    for par in reversed(parts.body[-2:]):
        m = TRAILING_BYLINE.search(par)
        if m:
            reporters, others = parse_people(m.group(1))
            parts.authors = reporters + others
            return


def photo_credit(par: str) -> list[str] | None:
    """Photographers named at the end of a photo caption, if ``par`` is one."""
    for rx in (PHOTO_CREDIT, PHOTO_CREDIT_SHE):
        m = rx.search(par)
        if m and (rx is PHOTO_CREDIT or len(par) > len(m.group(0)) + 10):
            return parse_people(m.group(1))[0] or None
    return None


def is_headline_like(par: str) -> bool:
    """A short line without a closing full stop: a headline, kicker, subtitle or label."""
    if len(par) > MAX_HEAD_LEN or byline_people(par) is not None:
        return False
    return par[-1] not in "。!?！？" or par.endswith(("——", "—"))


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
        parts.alt_headlines.append(run.pop(0).rstrip("—:： "))
    parts.headline = run.pop(0)
    parts.alt_headlines.extend(r.lstrip("—- ") for r in run)


def split_articles(pars: list[str]) -> list[ArticleParts]:
    """Split a page's repaired paragraphs into articles."""
    n = len(pars)
    role = ["body"] * n  # body | head | byline | caption
    bylines = [i for i, p in enumerate(pars) if byline_people(p) is not None]
    captions = [i for i, p in enumerate(pars) if i not in bylines and photo_credit(p)]
    for i in captions:
        role[i] = "caption"
    for i in bylines:
        role[i] = "byline"
    if not bylines and not captions:
        single = _single_article(pars)
        trailing_byline(single)
        return [single]

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
        while j >= 0 and role[j] == "body" and is_headline_like(pars[j]):
            run.insert(0, j)
            j -= 1
        for j in run:
            role[j] = "head"
        runs[b] = run

    # article bodies: from each byline to the next non-body paragraph
    starts = sorted(bylines)
    articles: list[tuple[int, ArticleParts]] = []
    for b in starts:
        parts = ArticleParts()
        reporters, others = byline_people(pars[b]) or ([], [])
        parts.authors = reporters + others
        body = [pars[b]] if DATELINE.match(pars[b]) or DATELINE_BARE.match(pars[b]) else []
        k = b + 1
        while k < n and role[k] == "body":
            body.append(pars[k])
            k += 1
        parts.body = body
        articles.append((b, parts))

    # a headline that trails its article
    for idx, (b, parts) in enumerate(articles):
        run = runs[b]
        if idx == 0 or len(run) < 2:
            continue
        prev = articles[idx - 1][1]
        if prev.headline or runs[articles[idx - 1][0]]:
            continue
        first = pars[run[0]]
        if _affinity(first, prev.body) > _affinity(first, parts.body):
            prev.headline = first
            runs[b] = run[1:]
    # ... or that ends the page (or column): the last line of a headline-less article
    for b, parts in articles:
        if parts.headline or runs[b] or len(parts.body) < 2:
            continue
        last = parts.body[-1]
        if is_headline_like(last) and len(last) >= 6 and _affinity(last, parts.body[:-1]) >= 0.5:
            parts.headline = parts.body.pop()
    for b, parts in articles:
        if not parts.headline:
            _head_from_run([pars[j] for j in runs[b]], parts)
        if not parts.headline and parts.body:
            parts.headline = _first_sentence(parts.body[0])
            parts.headline_printed = False

    out = [(b, parts) for b, parts in articles]
    for block in caption_blocks:
        cap = ArticleParts(kind="photo")
        cap.photographers = photo_credit(pars[block[-1]]) or []
        cap.body = [pars[i] for i in block]
        cap.headline = _first_sentence(cap.body[0])
        cap.headline_printed = False
        out.append((block[0], cap))
    out.sort(key=lambda t: t[0])
    for _, parts in out:
        trailing_byline(parts)
    return [parts for _, parts in out]


def _first_sentence(par: str) -> str:
    m = DATELINE.match(par)
    if m:
        par = par[m.end():]
    m = re.search(r"[。!?！？]", par)
    return (par[:m.start()] if m else par)[:MAX_HEAD_LEN]


def _single_article(pars: list[str]) -> ArticleParts:
    parts = ArticleParts()
    if pars and is_headline_like(pars[0]):
        parts.headline = pars[0]
        parts.body = pars[1:]
        if len(parts.body) > 1 and parts.body[0].startswith("—") and is_headline_like(parts.body[0]):
            parts.alt_headlines.append(parts.body.pop(0).lstrip("—- "))
    else:
        parts.body = pars
        parts.headline = _first_sentence(pars[0]) if pars else ""
        parts.headline_printed = False
    return parts
