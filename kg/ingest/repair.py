"""Mend the layout damage of newspaper text before it is split into articles.

* full-width ASCII letters, digits and punctuation become half-width;
* a word split across two paragraphs by the page layout ("敬\\n\\n老院") is
  rejoined, but a headline (even one with "!" inside: "好消息!南河县…") is
  never glued to the body below it, nor a byline or credit line to anything;
* a paragraph repeated verbatim is kept once.
"""
from __future__ import annotations

import re

from kg.ingest.byline import DATELINE_HEAD, is_credit_line

# Characters after which a paragraph is complete.
TERMINAL = set("。!?！？…;；:：”’」』)）——》>")
# Marks that start a new unit of the page and so must never be glued on.
NEW_UNIT = re.compile(rf"^(?:{DATELINE_HEAD}|新华社|中新社|[■□▲●◆]|(?:本报)?记者\s|[(（]\s*(?:本报)?(?:记者|通讯员))")
# A photo credit closes its caption: "■本报记者 X", "(记者 X 摄)", "X摄(某某视觉)".
CREDIT_END = re.compile(r"(?:[■□▲●][^■□▲●]{0,20}|摄[)）]?|摄\s*[(（][^()（）]{1,20}[)）])$")
BODY_PUNCT = re.compile(r"[,，。;；]")
SENTENCE_INSIDE = re.compile(r"[。;；]|[!?！？].*[,，]|[,，].*[!?！？]")
MIN_BODY_LEN = 40
MIN_DEDUPE_LEN = 15

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: None, 0xFEFF: None})


def normalise_chars(text: str) -> str:
    """Half-width digits, letters and ASCII punctuation; unified newlines and spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_FULLWIDTH)


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of ``text``, stripped: a page's paragraphs before repair."""
    return [line.strip() for line in text.split("\n") if line.strip()]


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


def join_broken(pars: list[str]) -> list[str]:
    """Rejoin paragraphs that the layout split in the middle of a sentence."""
    out: list[str] = []
    for par in pars:
        if out and should_join(out[-1], par):
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


def repair(text: str) -> list[str]:
    """Normalise a page and return its repaired paragraphs."""
    return drop_repeats(join_broken(paragraphs(normalise_chars(text))))
