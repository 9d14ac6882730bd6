"""Mend the layout damage of newspaper text before it is split into articles.

* full-width ASCII letters, digits and punctuation become half-width;
* a word split across two paragraphs by the page layout ("敬\\n\\n老院") is
  rejoined, but a headline (even one with "!" inside: "好消息!南河县…") is
  never glued to the body below it, nor a byline or credit line to anything;
* a page copied from a PDF with a hard line break every N characters (most lines of one width) has its
  lines joined back into paragraphs: a full line runs on into the next unless that one is indented (a
  paragraph's first line), opens an item or is a credit line;
* a paragraph repeated verbatim is kept once.

The repaired paragraphs are :class:`Par` strings: the normalised text that the
extractors match against, each carrying ``printed``, the same paragraph as the
page prints it (full-width punctuation and all), character for character
aligned with it, so that evidence can be quoted exactly.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.ingest.byline import DATELINE_HEAD, is_credit_line, is_furniture, starts_item

# Characters after which a paragraph is complete.
TERMINAL = set("。!?！？…;；:：”’」』)）——》>")
# Marks that start a new unit of the page and so must never be glued on.
NEW_UNIT = re.compile(rf"^(?:{DATELINE_HEAD}|新华社|中新社|[■□▲●◆]|(?:本报)?记者\s|[(（【\[]\s*(?:本报)?(?:记者|通讯员))")
# A photo credit closes its caption: "■本报记者 X", "(记者 X 摄)", "X摄(某某视觉)".
CREDIT_END = re.compile(r"(?:[■□▲●][^■□▲●]{0,20}|摄[)）]?|摄\s*[(（][^()（）]{1,20}[)）])$")
BODY_PUNCT = re.compile(r"[,，。;；]")
SENTENCE_INSIDE = re.compile(r"[。;；]|[!?！？].*[,，]|[,，].*[!?！？]")
MIN_BODY_LEN = 40
MAX_TITLE_LEN = 100
DATE_LEAD = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日")
MIN_DEDUPE_LEN = 15
# a hard-wrapped page: at least this many lines of one width (10 to 60 characters), and with the widths next
# to it, this share of the lines of eight characters or more
MIN_WRAPPED_LINES = 5
MIN_WRAPPED_SHARE = 0.4
INDENT = re.compile(r"^(?:[ \t\u3000\u00a0]{2,}|\u3000)")

# one character for one character: the normalised copy stays aligned with the printed text
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20})
# characters that are not printed at all (zero-width space, byte-order mark)
_INVISIBLE = {0x200B: None, 0xFEFF: None}


class Par(str):
    """A normalised paragraph (the ``str`` itself) and ``printed``, the same paragraph as printed."""

    printed: str

    def __new__(cls, text: str, printed: str | None = None) -> "Par":
        obj = super().__new__(cls, text)
        obj.printed = text if printed is None else printed
        if len(obj.printed) != len(obj):
            raise ValueError("a paragraph and its printed form must be aligned")
        return obj

    def cut(self, start: int, end: int | None = None) -> "Par":
        """The slice ``[start:end]`` of both forms."""
        return Par(str(self)[start:end], self.printed[start:end])

    def strip_chars(self, left: str = "", right: str = "") -> "Par":
        """Drop the characters in ``left`` from the start and those in ``right`` from the end (both forms)."""
        text = str(self)
        start = len(text) - len(text.lstrip(left)) if left else 0
        end = len(text.rstrip(right)) if right else len(text)
        return self.cut(start, max(start, end))

    def __add__(self, other: str) -> "Par":  # type: ignore[override]
        return Par(str(self) + str(other), self.printed + printed(other))


def printed(text: str) -> str:
    """The printed form of a paragraph (``text`` itself when it is a plain string)."""
    return getattr(text, "printed", text)


def as_printed(text: str) -> str:
    """``text`` as printed, less what is never printed: unified newlines, no zero-width characters."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)


def normalise_chars(text: str) -> str:
    """Half-width digits, letters and ASCII punctuation; unified newlines and spaces."""
    return as_printed(text).translate(_FULLWIDTH)


def normalised(text: str) -> Par:
    """A line (a title from the file's metadata) as a :class:`Par`: normalised, with its printed form."""
    shown = as_printed(text)
    return Par(shown.translate(_FULLWIDTH), shown)


def paragraphs(text: str) -> list[Par]:
    """Non-empty lines of ``text``, stripped: a page's paragraphs before repair (with their printed form)."""
    shown = as_printed(text)
    out: list[Par] = []
    for line in shown.split("\n"):
        norm = line.translate(_FULLWIDTH)
        stripped = norm.strip()
        if stripped:
            start = len(norm) - len(norm.lstrip())
            out.append(Par(stripped, line[start:start + len(stripped)]))
    return out


def is_body_like(par: str) -> bool:
    """A paragraph that reads as running text (long, with sentence punctuation)."""
    return len(par) >= MIN_BODY_LEN and bool(BODY_PUNCT.search(par))


def should_join(before: str, after: str) -> bool:
    """Whether two consecutive paragraphs are one paragraph broken by the layout."""
    if not before or not after:
        return False
    if before[-1] in TERMINAL or before.endswith("——"):
        return False
    if NEW_UNIT.match(after) or CREDIT_END.search(before):
        return False
    if is_credit_line(before) or is_credit_line(after):
        return False
    if is_body_like(before):
        return True
    # a short tail of running text ("加快项目进度。2023年,市委、市政" + "府多次召开…"):
    # a headline has no full stop inside it, so a sentence end means body text
    # ("!" or "?" only beside a comma: "好消息!南河县…" is a headline)
    return bool(SENTENCE_INSIDE.search(before)) and is_body_like(after)


def is_title_line(par: str) -> bool:
    """A page's first line that reads as a title: no sentence inside, not opening an item, not too long."""
    return (len(par) <= MAX_TITLE_LEN and not re.search(r"[。;；]", par) and not NEW_UNIT.match(par)
            and not DATE_LEAD.match(par) and not starts_item(par))


def wrap_width(lines: list[str]) -> int | None:
    """The width of a hard-wrapped page's lines (a PDF copy broken every N characters), or None."""
    lengths = Counter(len(line) for line in lines if len(line) >= 8)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    near = sum(n for length, n in lengths.items() if abs(length - width) <= 1)
    if 10 <= width <= 60 and count >= MIN_WRAPPED_LINES and near >= MIN_WRAPPED_SHARE * sum(lengths.values()):
        return width
    return None


def runs_on(before: str, after: str, indented: bool, width: int) -> bool:
    """On a hard-wrapped page: a line that the next one continues (the next is not indented, opens no item and
    is no credit or page furniture; the line is full, or stops without closing its sentence)."""
    if indented or NEW_UNIT.match(after) or is_title_line_alone(before):
        return False
    if any(is_credit_line(x) or is_furniture(x) for x in (before, after)):
        return False
    return len(before) >= width - 3 or before[-1] not in TERMINAL


def is_title_line_alone(par: str) -> bool:
    """A line with no punctuation at all (a headline, a masthead), which running text rarely fills."""
    return not re.search(r"[,，。、;；:：!?！？“”]", par)


def join_broken(pars: list[str], indented: list[bool] | None = None, width: int | None = None) -> list[str]:
    """Rejoin paragraphs that the layout split in the middle of a sentence; on a hard-wrapped page (``width``,
    with ``indented`` telling which lines start indented) every full line that runs on."""
    out: list[str] = []
    for i, par in enumerate(pars):
        # the page's first line without a sentence in it is its title, however long ("…,…" included),
        # unless it opens an item ("本报讯…", "5月8日,…")
        if len(out) == 1 and is_title_line(out[0]):
            out.append(par)
            continue
        if out and (should_join(out[-1], par) or (width is not None and indented is not None and i > 0
                                                  and runs_on(pars[i - 1], par, indented[i], width))):
            out[-1] = out[-1] + par
        else:
            out.append(par)
    return out


def drop_repeats(pars: list[str]) -> list[str]:
    """Keep the first of paragraphs repeated verbatim (short lines such as bylines are kept)."""
    seen: set[str] = set()
    out: list[str] = []
    for par in pars:
        if len(par) >= MIN_DEDUPE_LEN and par in seen:
            continue
        seen.add(par)
        out.append(par)
    return out


def repair(text: str) -> list[Par]:
    """Normalise a page and return its repaired paragraphs (each with its printed form)."""
    pars = paragraphs(text)
    width = wrap_width(pars)
    indented = [bool(INDENT.match(line)) for line in as_printed(text).split("\n") if line.strip()] if width else None
    return drop_repeats(join_broken(pars, indented, width))
