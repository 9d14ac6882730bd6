"""Journalists: reporters and correspondents of bylines, photographers of credits.

The names come from the splitter (:mod:`kg.ingest.byline`), which reads the
byline shapes; this component places each name in the article text, where it
may be printed with spaces inside ("江  平" in a People's-Daily-style line).
A journalist is never also an official: the officials component skips the
names of its article's bylines and credits.
"""
from __future__ import annotations

import re

from kg.model import Article, Mention
from kg.pipeline import Context


def journalist_key(name: str) -> str:
    """Entity key of a journalist: by name (bylines name a paper's own staff)."""
    return f"Journalist/{name}"


def name_pattern(name: str) -> re.Pattern[str]:
    """A name as printed in a byline: its characters, possibly with spaces between them."""
    return re.compile(r"[ \t\u3000]*".join(re.escape(ch) for ch in name))


def find_name(text: str, name: str, from_end: bool = False) -> tuple[int, int] | None:
    """Span of ``name`` in ``text`` (the last one when ``from_end``), spaced or not."""
    pos = text.rfind(name) if from_end else text.find(name)
    if pos >= 0:
        return pos, pos + len(name)
    found = list(name_pattern(name).finditer(text))
    if not found:
        return None
    m = found[-1] if from_end else found[0]
    return m.start(), m.end()


def find_journalists(article: Article, context: Context) -> None:
    """Mention each byline and photo-credit name at its place in the article text."""
    people = [(n, "author") for n in article.authors] + [(n, "photographer") for n in article.photographers]
    for name, role in people:
        # bylines and credits sit in the first or last lines; search from the matching end
        span = find_name(article.text, name, from_end=role == "photographer")
        if span is None:
            continue
        article.mentions.append(Mention(span[0], span[1], "Journalist", journalist_key(name), name,
                                        {"role": "author" if role == "author" else "contributor"}))
