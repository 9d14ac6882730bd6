"""Reading stage: files on disk to :class:`kg.model.Page` objects with articles.

>>> from kg.ingest import ingest_text
>>> page = ingest_text("标题\\n\\n本报讯(记者 张三)3月8日,会议召开。", source="x.txt")
>>> page.articles[0].headline, page.articles[0].authors
('标题', ['张三'])
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from kg.ingest.dates import (DATELINE, HEADER, JSONL, META, OPTION, PATH, agrees, date_in_path, dateline_date,
                             dateline_parts, header_date)
from kg.ingest.read import InputError, RawPage, iter_input_files, read_file, shown
from kg.ingest.repair import normalised, printed, repair
from kg.ingest.split import ArticleParts, split_articles
from kg.model import Article, Page, Sentence

__all__ = ["InputError", "IngestReport", "ingest", "ingest_text", "split_sentences", "page_from_raw"]

SENTENCE_END = re.compile(r"[。!?！？]+[”’」』\"']*|\n")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets: split after 。!? (with closing quotes) and at newlines."""
    out: list[Sentence] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        _add_sentence(text, start, end, out)
        start = end
    _add_sentence(text, start, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


def article_id(source: str, index: int) -> str:
    """Deterministic article id: the page's name (directory and file, less the suffix) and the article's number.

    ``samples/page-2024-03-10.txt`` gives ``samples/page-2024-03-10/1``; line 7
    of ``feeds/news.jsonl`` gives ``feeds/news#7/1``.  Characters are kept as
    they are (the article IRI percent-encodes what an IRI cannot hold), so two
    different names never share an id.
    """
    base, sep, record = source.rpartition("#")
    if not (sep and record.isdigit()):
        base, record = source, ""
    p = PurePosixPath(base.replace("\\", "/"))
    stem = p.stem if p.suffix else p.name
    parent = str(p.parent) if str(p.parent) not in (".", "/") else ""
    name = f"{parent}/{stem or 'page'}" if parent else (stem or "page")
    return f"{name}{'#' + record if record else ''}/{index}"


def _article(parts: ArticleParts, source: str, index: int, raw: RawPage | None = None) -> Article:
    lines = [line for line in (parts.headline if parts.headline_printed else "", *parts.alt_headlines, *parts.body)
             if line]
    text = "\n".join(lines)
    art = Article(id=article_id(source, index), text=text, printed="\n".join(printed(line) for line in lines),
                  source=source, index=index,
                  headline=parts.headline, alt_headlines=list(parts.alt_headlines), column=parts.column,
                  authors=list(parts.authors), photographers=list(parts.photographers), kind=parts.kind,
                  url=raw.url if raw else None, publisher=raw.publisher if raw else None)
    art.sentences = split_sentences(text)
    return art


def page_from_raw(raw: RawPage, date: dt.date | None = None) -> Page:
    """Repair and split one raw page, and date it and its articles (see :mod:`kg.ingest.dates`).

    ``date`` (from ``--date``) wins over what the page, the record or the file name says.
    """
    pars = repair(raw.text)
    parts = split_articles(pars)
    if raw.title and len(parts) == 1 and parts[0].headline != raw.title:
        only = parts[0]
        if only.headline and only.headline_printed:
            only.body.insert(0, only.headline)
        only.headline = normalised(raw.title)
        only.headline_printed = True
    parts = [p for p in parts if p.body or p.headline]
    articles = [_article(p, raw.source, i, raw) for i, p in enumerate(parts, 1)]
    page = Page(source=raw.source, date=None, articles=articles)
    _date_page(page, pars, raw, date)
    return page


def _date_page(page: Page, pars: list[str], raw: RawPage, option: dt.date | None) -> None:
    """Set the date and date source of a page and its articles, with a warning when there is none."""
    header = header_date(pars)
    given = [(option, OPTION), (raw.date, JSONL), (header, HEADER), (raw.meta_date, META)]
    pub, source = next(((d, src) for d, src in given if d), (None, None))
    name = shown(raw.source)
    if source in (OPTION, JSONL) and header and header != pub:
        said = "--date" if source == OPTION else "the JSONL record's date"
        page.warnings.append(f"{name}: the page header prints {header.isoformat()}, but {said} "
                             f"{pub.isoformat()} is used")
    if pub is None:
        path_date, path_year = date_in_path(raw.path or raw.source)
        text = "\n".join(pars)
        own: dict[int, dt.date] = {}
        for art in page.articles:
            found = dateline_parts(art.text)
            filed = dateline_date(found, path_date, path_year, text) if found else None
            if filed is not None:
                own[art.index] = filed
        latest = max(own.values(), default=None)
        for art in page.articles:
            filed = own.get(art.index, latest)
            art.date, art.date_source = ((path_date, PATH if path_date else None)
                                         if filed is None or agrees(filed, path_date) else (filed, DATELINE))
        pub, source = ((path_date, PATH if path_date else None) if latest is None or agrees(latest, path_date)
                       else (latest, DATELINE))
    else:
        for art in page.articles:
            art.date, art.date_source = pub, source
    page.date, page.date_source = pub, source
    if pub is None and page.articles:
        page.warnings.append(f"{name}: no date found (no --date, page header, dateline, JSONL date or date in "
                             f"the file or folder name); its {len(page.articles)} article(s) and their events are "
                             f"kept undated (gk:dateUnknown)")


def ingest_text(text: str, source: str = "text.txt", date: dt.date | None = None) -> Page:
    """A page from a string, as if read from a file named ``source``."""
    return page_from_raw(RawPage(source=source, text=text), date)


@dataclass
class IngestReport:
    """Files that could not be read, with the one-line reason for each; warnings (files read despite a few bad
    bytes, pages with no date); and how the pages were dated."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dates: Counter = field(default_factory=Counter)  # pages by the source of their date ("none": undated)


def ingest(paths: list[str | Path], date: dt.date | None = None,
           report: IngestReport | None = None) -> Iterator[Page]:
    """Read pages from files and directories.

    A file that cannot be read is recorded in ``report`` (or raised when no
    report is given) and the other files are still read.
    """
    for f in iter_input_files(paths, report.errors if report is not None else None):
        try:
            raws = read_file(f, report.errors if report is not None else None,
                             report.warnings if report is not None else None)
        except InputError as exc:
            if report is None:
                raise
            report.errors.append(str(exc))
            continue
        for raw in raws:
            if report is None:
                yield page_from_raw(raw, date)
                continue
            try:
                page = page_from_raw(raw, date)
            except Exception as exc:  # noqa: BLE001 (one bad page must not stop the others)
                from kg.ingest.read import shown

                report.errors.append(f"{shown(raw.source)}: cannot split into articles "
                                     f"({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); skipped")
                continue
            report.warnings.extend(page.warnings)
            report.dates[page.date_source or "none"] += 1
            yield page
