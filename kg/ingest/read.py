"""Read newspaper files from disk: encodings, plain text, HTML and JSONL.

Every reader yields :class:`RawPage` records (text plus what the file says of
its date and title); a file that cannot be read raises :class:`InputError`
with a one-line message naming it.
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

MAX_BYTES = 64 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DATE_IN_NAME = re.compile(r"(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})")


class InputError(Exception):
    """A file that cannot be read as a newspaper page."""


@dataclass
class RawPage:
    """Text of one page or JSONL record before it is split into articles."""

    source: str
    text: str
    date: dt.date | None = None  # the record's own date (a JSONL ``date`` field)
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    path: str | None = None  # the file's real path, whose name and folders may give a date
    meta_date: dt.date | None = None  # an HTML page's <meta> publication date


MAX_DAMAGED_BYTES = 16
"""Undecodable bytes a file may have (at most 1 in 200 of its bytes) and still be read, with a warning."""


def shown(path: str | Path) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) escaped."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _damage(data: bytes, encoding: str, limit: int) -> int:
    """Bytes of ``data`` that do not decode in ``encoding`` (counting stops past ``limit``)."""
    bad = 0
    pos = 0
    while pos < len(data):
        try:
            data[pos:].decode(encoding)
            break
        except UnicodeDecodeError as exc:
            bad += max(exc.end - exc.start, 1)
            pos += exc.end
            if bad > limit:
                break
    return bad


def _tolerable(data: bytes) -> int:
    return min(MAX_DAMAGED_BYTES, max(1, len(data) // 200))


def _decode_damaged(data: bytes, encoding: str, name: str, warnings: list[str] | None) -> str | None:
    """``data`` decoded with U+FFFD for a few bad bytes (and a warning), or None when too many are bad."""
    bad = _damage(data, encoding, _tolerable(data))
    if bad > _tolerable(data):
        return None
    if warnings is not None:
        warnings.append(f"{shown(name)}: {bad} byte(s) are not valid {encoding.upper()}; read with "
                        f"U+FFFD in their place")
    return data.decode(encoding, errors="replace")


def decode_bytes(data: bytes, name: str, warnings: list[str] | None = None) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 (BOM or not), GB18030.

    A few undecodable bytes (a stray byte, a character cut in half at the end:
    at most :data:`MAX_DAMAGED_BYTES`, and 1 in 200) are read as U+FFFD and
    counted in a warning appended to ``warnings``; more make the file unreadable.

    Raises:
        InputError: the file is empty, binary or in no known encoding.
    """
    if not data.strip():
        raise InputError(f"{shown(name)}: empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_damaged(data, "utf-8", name, warnings)
            if text is None:
                raise InputError(f"{shown(name)}: not valid UTF-8 despite its byte-order mark") from None
            return text
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        try:
            return data[2:].decode(enc)
        except UnicodeDecodeError:
            text = _decode_damaged(data[2:], enc, name, warnings)
            if text is None:
                raise InputError(f"{shown(name)}: not valid UTF-16 despite its byte-order mark") from None
            return text
    # UTF-16 without BOM: every other byte NUL in mostly-ASCII or CJK text
    head = data[:4000]
    if len(head) >= 4 and head.count(b"\x00") > len(head) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text
        raise InputError(f"{shown(name)}: binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # nearly UTF-8 (a stray byte, a character cut in half) before legacy encodings: GB18030 text
        # is never a few bytes away from UTF-8, but GB18030 can decode damaged UTF-8 as nonsense
        damaged = _decode_damaged(data, "utf-8", name, None)
        if damaged is not None and _looks_like_text(damaged.replace("\ufffd", "")):
            _decode_damaged(data, "utf-8", name, warnings)
            return damaged
        text = _best_legacy_decoding(data)
        if text is None:
            raise InputError(f"{shown(name)}: binary file or unknown encoding "
                             f"(tried UTF-8, UTF-16, GB18030)") from None
    if not _looks_like_text(text):
        raise InputError(f"{shown(name)}: binary file (not text)")
    return text


# Code points that Chinese newspaper text is made of: ASCII, Latin-1, punctuation,
# number forms, symbols, CJK punctuation, kana, CJK ideographs, full-width forms.
_COMMON = re.compile(
    "[\t\n\r\f\x20-\x7e\xa0-\xff\u2000-\u206f\u2100-\u27bf\u3000-\u33ff"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def _best_legacy_decoding(data: bytes) -> str | None:
    """Not UTF-8: the decoding (GB18030, UTF-16 LE/BE without BOM) that reads most like Chinese text.

    UTF-16 text of Chinese characters has few NUL bytes, so it cannot be told
    by them; instead every decoding that succeeds is scored by the share of
    common characters, and GB18030 wins ties.
    """
    best: tuple[float, str] | None = None
    for enc in ("gb18030", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        if not sample:
            continue
        score = len(_COMMON.findall(sample)) / len(sample)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0.9:
        return None
    return best[1]


def _looks_like_text(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / len(sample) < 0.02


def date_from_name(name: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` (or ``YYYYMMDD``) date in a file name, if any."""
    for m in DATE_IN_NAME.finditer(Path(name).name):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


# class or id words of a page's furniture on sites that do not use <nav>/<header>/<footer>: <div class="menu">,
# <div id="footer">, <div class="article-tools"> (print/close links), <div class="breadcrumb">
FURNITURE_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "head", "header", "footer", "foot", "copyright",
                             "share", "toolbar", "tools", "sidebar", "breadcrumb", "crumb", "crumbs", "banner", "logo",
                             "friendlink", "related"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                       "track", "wbr"})


def _is_furniture(attrs: dict) -> bool:
    """An element whose class or id names page furniture (a menu, a footer, print links)."""
    words = re.split(r"[^a-z]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())
    return any(w in FURNITURE_WORDS for w in words)


class _MainText(HTMLParser):
    """Collects the visible text of an HTML page, one paragraph per block, leaving out scripts, styles and the
    page's furniture: navigation, header and footer by tag, or by a class or id naming them. A furniture
    region that holds the page's first ``<h1>`` (an article header: headline, date, source) is kept."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "svg"}
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        # open elements: (tag, how it counts): "skip" (script, style…), or the index in ``parts`` where a
        # furniture region began, or None
        self.open: list[tuple[str, str | int | None]] = []
        self.title: str | None = None
        self.h1: str | None = None
        self._in_title = False
        self._in_h1 = False
        self._h1_at = -1  # index in ``parts`` where the first <h1> began
        self.published: dt.date | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        mark: str | int | None = None
        if tag in self.SKIP:
            mark = "skip"
            self.skip += 1
        elif tag not in ("html", "body", "h1") and _is_furniture(dict(attrs)):
            mark = len(self.parts)
        if tag not in VOID_TAGS:
            self.open.append((tag, mark))
        if tag == "title":
            self._in_title = True
        if tag == "meta" and self.published is None:
            self.published = meta_date(dict(attrs))
        if tag == "h1" and self.h1 is None and not self.skip:
            self._in_h1 = True
            self._h1_at = len(self.parts)
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if any(t == tag for t, _ in self.open):  # close it, and whatever was left open inside it
            while self.open:
                t, mark = self.open.pop()
                if mark == "skip":
                    self.skip -= 1
                elif isinstance(mark, int) and not (self._h1_at >= mark):
                    del self.parts[mark:]  # furniture without the headline
                if t == tag:
                    break
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not self.skip:
            self.parts.append(data)
            if self._in_h1:
                self.h1 = ((self.h1 or "") + data.strip()) or None


# <meta> names of a page's publication date: <meta name="publishdate" content="2024-03-10">,
# <meta property="article:published_time" content="2024-03-10T08:30:00+08:00">
META_DATE_NAMES = {"publishdate", "pubdate", "publish_date", "publishtime", "publish-date", "firstpublishedtime",
                   "article:published_time", "og:published_time", "og:article:published_time", "dc.date",
                   "dc.date.issued", "dcterms.issued", "dcterms.created", "date", "datepublished"}
META_DATE = re.compile(r"^\s*((?:19|20)\d{2})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})(?!\d)")


def meta_date(attrs: dict) -> dt.date | None:
    """The publication date a ``<meta>`` tag gives (by its name, property or itemprop), if any."""
    name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").strip().lower()
    if name not in META_DATE_NAMES:
        return None
    return _loose_date(attrs.get("content"))


def read_html(html: str) -> tuple[str, str | None, dt.date | None]:
    """Main text of an HTML page (scripts, styles and navigation dropped), its headline and the
    publication date its ``<meta>`` tags give.

    The headline is the page's first ``<h1>``; without one, the ``<title>``
    less a trailing site name ("标题 - 某某日报").
    """
    parser = _MainText()
    parser.feed(html)
    text = "".join(parser.parts)
    paras = [re.sub(r"[ \t\u3000]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    title = parser.h1
    if not title and parser.title:
        title = re.split(r"\s+[-_|–—]\s+|\s*[|_]\s*", parser.title)[0].strip() or None
    return "\n\n".join(p for p in paras if p), title, parser.published


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of an HTML page and its headline (see :func:`read_html`)."""
    text, title, _ = read_html(html)
    return text, title


JSONL_DATE_KEYS = ("published", "pubdate", "pub_date", "publish_date", "publish_time", "pubtime",
                  "datePublished", "date_published", "publishedAt")
"""Other names a JSONL corpus gives the publication date, read when there is no ``date`` field."""


def _loose_date(value: object) -> dt.date | None:
    """A date at the start of a string ("2024-03-10", "2024/3/10 08:30", "2024年3月10日"), else None."""
    if not isinstance(value, str):
        return None
    m = META_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _jsonl_record(path: Path, n: int, line: str) -> RawPage:
    """One JSONL line as a raw page named ``FILE#LINE`` (unique, so article IRIs never collide)."""
    where = f"{shown(path)}:{n}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise InputError(f"{where}: JSON value cannot be read ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise InputError(f"{where}: a JSONL record needs a non-empty 'text' field")
    date = None
    if rec.get("date"):
        if not isinstance(rec["date"], str):
            raise InputError(f"{where}: date is not a YYYY-MM-DD string")
        try:
            date = dt.date.fromisoformat(rec["date"][:10])
        except ValueError:
            raise InputError(f"{where}: date {rec['date'][:40]!r} is not YYYY-MM-DD") from None
    else:  # a corpus's own name for it ("published", "pub_date", "publish_time": "2024-03-10 08:30")
        date = next((d for d in (_loose_date(rec.get(k)) for k in JSONL_DATE_KEYS) if d), None)

    def opt(key: str) -> str | None:
        value = rec.get(key)
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return None  # absent, or a list/object where a string belongs
        return str(value).strip() or None

    return RawPage(source=f"{page_name(path)}#{n}", text=rec["text"], date=date, title=opt("title"), url=opt("url"),
                   publisher=opt("source"), path=real_path(path))


def _jsonl_records(path: Path, text: str, errors: list[str] | None = None) -> Iterator[RawPage]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(path, n, line)
        except InputError as exc:
            if errors is None:
                raise
            errors.append(str(exc))


def real_path(path: str | Path) -> str:
    """The file's absolute path, links resolved (its folders may give its date whatever the current directory)."""
    p = Path(path)
    try:
        return str(p.resolve())
    except (OSError, RuntimeError):
        return str(p.absolute())


DATE_FOLDER = re.compile(r"\d{1,8}(?:[-_.]\d{1,4}){0,2}")
"""A folder of a date layout: ``2024``, ``03``, ``10``, ``2024-03``, ``20240310``."""


def page_name(path: str | Path) -> str:
    """The name a page is known by: its directory's name and its file name (``samples/page-2024-03-10.txt``).

    Article identities are made from it (see :func:`kg.ingest.article_id`): two
    files of the same name in different directories are two pages, and the
    name stays the same whatever the current directory or the way the file is
    given on the command line (the directory is the file's real one).  A file
    in date folders keeps them all, and the folder above them
    (``paper/2024/03/10/page3.txt``), so the ``page3.txt`` of every day is a page of its own.
    """
    p = Path(path)
    try:
        parents = p.resolve().parents
    except (OSError, RuntimeError):
        parents = p.absolute().parents
    names = [d.name for d in parents if d.name][:4]
    keep = 1
    while keep < len(names) and DATE_FOLDER.fullmatch(names[keep - 1]):
        keep += 1
    folders = "/".join(reversed(names[:keep]))
    return f"{folders}/{p.name}" if folders else p.name


def read_file(path: str | Path, errors: list[str] | None = None,
              warnings: list[str] | None = None) -> list[RawPage]:
    """Read one file into raw pages (one for .txt/.html, one per line for .jsonl).

    A bad line of a JSONL file is appended to ``errors`` (``FILE:LINE: reason``)
    and the other lines are read; without ``errors`` it raises.  A file read
    despite a few bad bytes gets a line in ``warnings``.

    Raises:
        InputError: the file is missing, not a regular file, unreadable, empty,
            binary, too large or malformed.
    """
    p = Path(path)
    name = shown(p)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputError(f"{name}: broken symbolic link") from None
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{name}: symbolic link loop") from None
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file (a FIFO, socket or device); not read")
    if st.st_size > MAX_BYTES:
        raise InputError(f"{name}: {st.st_size} bytes is larger than the {MAX_BYTES} byte limit for one file; "
                         f"split it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    text = decode_bytes(data, str(p), warnings)
    source = page_name(p)
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return list(_jsonl_records(p, text, errors))
    if suffix in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        body, title, published = read_html(text)
        if not body.strip():
            raise InputError(f"{name}: HTML page with no text")
        return [RawPage(source=source, text=body, title=title, path=real_path(p), meta_date=published)]
    return [RawPage(source=source, text=text, path=real_path(p))]


INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def iter_input_files(paths: list[str | Path], errors: list[str] | None = None) -> Iterator[Path]:
    """Expand files and directories (recursively, in name order) into input files.

    Hidden files and files of other types are left out.  A directory that
    cannot be listed, or a directory link that leads back into itself, is
    appended to ``errors`` (else skipped); a broken link, a link loop or a
    FIFO with a page's suffix is yielded, so that reading it reports it.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            yield from _walk(p, errors, set())
        else:
            yield p


def _walk(d: Path, errors: list[str] | None, seen: set[str]) -> Iterator[Path]:
    try:
        real = os.path.realpath(d)
    except OSError:
        real = str(d)
    if real in seen:
        if errors is not None:
            errors.append(f"{shown(d)}: directory link loop; not read again")
        return
    seen = seen | {real}
    try:
        entries = sorted(os.scandir(d), key=lambda e: e.name)
    except OSError as exc:
        if errors is not None:
            errors.append(f"{shown(d)}: cannot read the directory: {exc.strerror or exc}")
        return
    files, dirs = [], []
    for e in entries:
        if e.name.startswith("."):
            continue
        try:
            is_dir = e.is_dir()  # follows links
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(Path(e.path))
        elif Path(e.name).suffix.lower() in INPUT_SUFFIXES:
            files.append(Path(e.path))
    # the order of the old recursive glob: every path sorted as a whole
    for f in sorted(files + dirs):
        if f in dirs:
            yield from _walk(f, errors, seen)
        else:
            yield f
