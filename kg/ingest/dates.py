"""The publication date of a page and of each article, from the page itself, and where it came from.

Every article gets a date and its source (``Article.date_source``, written
as ``gk:dateSource``), the first of these that gives one:

1. ``option``: ``--date`` (``kg build``/``kg ingest``), or the ``date`` argument
   of :func:`kg.ingest.ingest`: the user said so for these files.  When the
   page prints another date in its header, a warning says so.
2. ``jsonl``: the ``date`` field of a JSONL record: what the corpus says of
   this record (a header printing another date is warned about too).
3. ``page-header``: a date printed in the page's furniture: "云溪日报
   2024年3月10日 星期日 第3版", "2024-03-10", a web page's
   "发布时间:2024-03-10" or time stamp "云溪网 2024-03-10 08:30:05", a print
   citation "《云溪日报》(2024年03月10日第 02 版)".  A bare date line counts
   only at the top of the page (a notice ends with its own date line).
4. ``page-meta``: an HTML page's ``<meta name="publishdate">`` (or
   ``article:published_time``): the site's own statement, not printed.
5. ``dateline``: the article's dateline, "本报成都5月8日电", "新华社北京3月8日电"
   (an article without one takes the latest dateline of its page).  A
   dateline gives the day the report was filed, not always the day it was
   printed, and it rarely prints its year: the year comes from the file or
   folder name, else from a full date the page states up to two months before
   it.  When the file or folder name gives a date up to a week after the
   dateline, that date is the day of printing and is used (source ``path``).
6. ``path``: a date in the file name (``page-2024-03-10.txt``, ``20240310.txt``)
   or its folders (``2024/03/10/page3.txt``): what whoever saved the file
   called it (a download date, an archive's folder), the weakest evidence.

A page with none of these has no date (``Page.date`` None): its articles
carry ``gk:dateUnknown`` and the build warns naming it.

>>> header_date(["云溪日报", "2024年3月10日 星期日 第3版", "标题"])
datetime.date(2024, 3, 10)
>>> dateline_parts("本报成都5月8日电(记者 林志远)5月7日,…")
(None, 5, 8)
>>> date_in_path("news/2024/03/10/page3.txt")
(datetime.date(2024, 3, 10), 2024)
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from kg.ingest.split import is_furniture

__all__ = ["OPTION", "JSONL", "HEADER", "META", "DATELINE", "PATH", "SOURCES", "header_date", "dateline_parts",
           "date_in_path", "dateline_date", "agrees"]

OPTION, JSONL, HEADER, META, DATELINE, PATH = "option", "jsonl", "page-header", "page-meta", "dateline", "path"
SOURCES = (OPTION, JSONL, HEADER, META, DATELINE, PATH)
"""The sources of a date, strongest first."""

_YEAR = r"(?<!\d)((?:19|20)\d{2})"
FULL_DATE = re.compile(rf"{_YEAR}\s*(?:年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日|[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d))")
# a header line that is surely the page's, wherever it stands: it names the weekday, the edition or the paper
SURE_HEADER = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日天]|第\s*[0-9一二三四五六七八九十]+\s*版|农历"
                         r"|^[\u4e00-\u9fff]{2,10}(?:报|刊|网|台)")
# a web page's line of facts above the text: "来源:云溪日报 发布时间:2024-03-10 08:30 浏览:123"
WEB_DATE = re.compile(rf"(?:发布时间|发布日期|发表时间|发稿时间|刊发时间|出版日期|见报日期)\s*[:：]?\s*{FULL_DATE.pattern}")
# a web page's time stamp under its headline: "某某杂志 2018-01-31 20:05:10", "2024-03-10 08:30 来源:青禾县融媒体中心"
STAMP = re.compile(rf"{FULL_DATE.pattern}\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)")
NOT_STAMP = re.compile(r"[,，。;；]|时间|日期|截止|截至|期限|[至到~—-]\s*\d{1,2}:")  # "报到时间:…", "9:00-11:00": no stamp
# a print citation, above or below the text: "《云溪日报》(2024年05月01日第 02 版)", "《 云溪日报 》( 2024年05月01日 02 版)"
CITATION = re.compile(rf"《[^》]{{2,20}}》\s*[(（]\s*{FULL_DATE.pattern}\s*(?:第?\s*\d+\s*版)?\s*[)）]\s*$")
TOP_LINES = 3  # a bare date line is the page's header only among its first lines
WEB_LINES = 10
# "本报成都5月8日电", "新华社北京3月8日电", "人民网北京2024年5月8日电", "云溪日报青禾5月8日讯"
DATELINE_DATE = re.compile(r"^[■□●◆▲]?\s*(?:本报|新华社|中新社|[\u4e00-\u9fff]{2,10}(?:网|报|台|社))"
                           r"[^\s(（。,，;；:：\d]{0,15}?\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*(?:电|讯)")
PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:([-_./年])(\d{1,2})\2(\d{1,2})(?!\d)|(\d{2})(\d{2}))")
PATH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
PATH_PARTS = 4  # the file and the three folders above it: 2024/03/10/page3.txt
PATH_SLACK_DAYS = 31  # a dateline may lie this far after a path date (a folder of the week it starts)
AGREE_DAYS = 7  # a path date this many days after a dateline is the day the report was printed
YEAR_CONTEXT_DAYS = 62  # a full date the page states this many days before a dateline gives its year


def _date(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _full_date(m: re.Match) -> dt.date | None:
    y, m1, d1, m2, d2 = m.groups()[:5]
    return _date(y, m1 or m2, d1 or d2)


def header_date(pars: list[str]) -> dt.date | None:
    """The date a page prints in its furniture, if any (see the module docstring)."""
    for i, par in enumerate(pars):
        cited = CITATION.search(par) if len(par) <= 200 else None
        found = _full_date(cited) if cited else None
        if found:
            return found
        if i < WEB_LINES and len(par) <= 120:
            stamp = STAMP.search(par) if len(par) <= 60 and not NOT_STAMP.search(par) else None
            for web in (WEB_DATE.search(par), stamp):
                found = _full_date(web) if web else None
                if found:
                    return found
        if not is_furniture(par):
            continue
        m = FULL_DATE.search(par)
        if m and (i < TOP_LINES or SURE_HEADER.search(par)):
            found = _full_date(m)
            if found:
                return found
    return None


def dateline_parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first dateline that starts a line of ``text``."""
    for line in text.split("\n")[:8]:
        m = DATELINE_DATE.match(line.strip())
        if m:
            year = int(m.group(1)) if m.group(1) else None
            month, day = int(m.group(2)), int(m.group(3))
            if 1 <= month <= 12 and 1 <= day <= 31:
                return year, month, day
    return None


def date_in_path(path: str) -> tuple[dt.date | None, int | None]:
    """The date and the year in a file's name or its folders (the name first), else None.

    A JSONL record's source (``corpus.jsonl#7``) is read as its file's name.
    """
    base = re.sub(r"#\d+$", "", str(path).replace("\\", "/"))
    parts = PurePath(base).parts[-PATH_PARTS:]
    if not parts:
        return None, None
    name = PurePath(parts[-1]).stem
    for text in (name, "/".join(parts[:-1] + (name,))):
        for m in PATH_DATE.finditer(text):
            found = _date(m.group(1), m.group(3) or m.group(5), m.group(4) or m.group(6))
            if found:
                return found, found.year
    years = [int(y) for y in PATH_YEAR.findall("/".join(parts[:-1] + (name,)))]
    return None, (years[-1] if years else None)


def dateline_date(parts: tuple[int | None, int, int], path_date: dt.date | None, path_year: int | None,
                  page_text: str = "") -> dt.date | None:
    """The date of a dateline's (year, month, day): its own year, else the path's, else a year the page states.

    With a full path date, the year is the latest that puts the dateline
    before it, give or take a month (a report is filed before it is printed or
    saved): 12月31日 in a folder of 2025/01/01 is 2024-12-31, 5月8日 in one of
    2024-01-02 is 2023-05-08, 5月8日 in a week's folder 2024-05-06 is 2024-05-08.
    """
    year, month, day = parts
    if year is not None:
        return _date(year, month, day)
    if path_date is not None:
        latest = path_date + dt.timedelta(days=PATH_SLACK_DAYS)
        before = [d for d in (_date(path_date.year + k, month, day) for k in (-1, 0, 1)) if d and d <= latest]
        return max(before) if before else None
    if path_year is not None:
        return _date(path_year, month, day)
    for m in FULL_DATE.finditer(page_text):  # "2024年5月6日,…" told two days before "5月8日电"
        stated = _full_date(m)
        here = _date(stated.year, month, day) if stated else None
        if stated and here and 0 <= (here - stated).days <= YEAR_CONTEXT_DAYS:
            return here
    return None


def agrees(dateline: dt.date, path_date: dt.date | None) -> bool:
    """Whether a path date is the day of printing of a report filed on ``dateline`` (the same week after)."""
    return path_date is not None and 0 <= (path_date - dateline).days <= AGREE_DAYS
