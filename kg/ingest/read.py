"""Read newspaper files from disk: encodings, plain text, HTML and JSONL.

Every reader yields :class:`RawPage` records (text plus what the file says of
its date and title); a file that cannot be read raises :class:`InputError`
with a one-line message naming it.
"""
from __future__ import annotations

import datetime as dt
import json
import re
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
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 (BOM or not), GB18030.

    Raises:
        InputError: the file is empty or binary.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
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
        raise InputError(f"{name}: binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _best_legacy_decoding(data)
        if text is None:
            raise InputError(f"{name}: binary file or unknown encoding (tried UTF-8, UTF-16, GB18030)") from None
    if not _looks_like_text(text):
        raise InputError(f"{name}: binary file (not text)")
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


class _MainText(HTMLParser):
    """Collects the visible text of an HTML page, one paragraph per block."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "svg"}
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self.h1: str | None = None
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1" and self.h1 is None and not self.skip:
            self._in_h1 = True
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
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


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of an HTML page (scripts, styles and navigation dropped) and its headline.

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
    return "\n\n".join(p for p in paras if p), title


def _jsonl_record(path: Path, n: int, line: str) -> RawPage:
    """One JSONL line as a raw page named ``FILE#LINE`` (unique, so article IRIs never collide)."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise InputError(f"{path}:{n}: a JSONL record needs a non-empty 'text' field")
    date = None
    if rec.get("date"):
        try:
            date = dt.date.fromisoformat(str(rec["date"])[:10])
        except ValueError:
            raise InputError(f"{path}:{n}: date {rec['date']!r} is not YYYY-MM-DD") from None
    if date is None:
        date = date_from_name(path.name)

    def opt(key: str) -> str | None:
        value = rec.get(key)
        return str(value).strip() or None if value is not None else None

    return RawPage(source=f"{path.name}#{n}", text=rec["text"], date=date, title=opt("title"), url=opt("url"),
                   publisher=opt("source"))


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


def read_file(path: str | Path, errors: list[str] | None = None) -> list[RawPage]:
    """Read one file into raw pages (one for .txt/.html, one per line for .jsonl).

    A bad line of a JSONL file is appended to ``errors`` (``FILE:LINE: reason``)
    and the other lines are read; without ``errors`` it raises.

    Raises:
        InputError: the file is missing, empty, binary, too large or malformed.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{p}: {size} bytes is larger than the {MAX_BYTES} byte limit for one file; split it")
    text = decode_bytes(p.read_bytes(), str(p))
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return list(_jsonl_records(p, text, errors))
    if suffix in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        body, title = html_to_text(text)
        if not body.strip():
            raise InputError(f"{p}: HTML page with no text")
        return [RawPage(source=p.name, text=body, date=date_from_name(p.name), title=title)]
    return [RawPage(source=p.name, text=text, date=date_from_name(p.name))]


def iter_input_files(paths: list[str | Path]) -> Iterator[Path]:
    """Expand files and directories (recursively, sorted) into readable input files."""
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in suffixes and not f.name.startswith("."):
                    yield f
        else:
            yield p
