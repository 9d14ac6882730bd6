"""Word lists the extractors share, loaded once from ``kg/data``.

* ``surnames()``: Chinese family names (from jionlp, see kg/data/README.md);
* ``roles()``: post titles with their kind and implied body;
* ``agency_grammar()``: the sections of kg/data/agency_grammar.txt;
* ``is_dictionary_word()`` / ``word_tag()``: jieba's dictionary, for word boundaries.
"""
from __future__ import annotations

import io
import logging
from contextlib import redirect_stdout
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import jieba

jieba.setLogLevel(logging.WARNING)


@cache
def jionlp():
    """The jionlp module, imported once and without the banner it prints on import."""
    with redirect_stdout(io.StringIO()):
        import jionlp as module
    return module


def data_lines(name: str) -> list[str]:
    """The lines of a data file of kg/data, without comments and blank lines."""
    return _data_lines(name)


def _data_lines(name: str) -> list[str]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def countries() -> frozenset[str]:
    """Country names (kg/data/countries.txt)."""
    return frozenset(data_lines("countries.txt"))


@cache
def surnames() -> frozenset[str]:
    """Chinese family names, one and two characters."""
    return frozenset(_data_lines("surnames.txt"))


@dataclass(frozen=True)
class Role:
    """A post title: ``kind`` is ``official`` or ``other``; ``body`` the body it implies (市政府)."""

    name: str
    kind: str
    body: str | None


@cache
def roles() -> dict[str, Role]:
    """Post titles by name."""
    out: dict[str, Role] = {}
    for line in _data_lines("roles.txt"):
        cols = line.split("\t")
        out[cols[0]] = Role(cols[0], cols[1], cols[2] if len(cols) > 2 and cols[2] else None)
    return out


@cache
def roles_longest_first() -> tuple[str, ...]:
    """Role names, longest first (for longest-match scanning)."""
    return tuple(sorted(roles(), key=len, reverse=True))


@cache
def _roles_by_first_char() -> dict[str, tuple[str, ...]]:
    """Role names grouped by their first character, each group longest first."""
    out: dict[str, list[str]] = {}
    for r in roles_longest_first():
        out.setdefault(r[0], []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def role_at(text: str, pos: int) -> str | None:
    """The longest role title starting at ``pos`` in ``text``."""
    if pos >= len(text):
        return None
    for r in _roles_by_first_char().get(text[pos], ()):
        if text.startswith(r, pos):
            return r
    return None


def title_ends_at(text: str, end: int, start: int | None = None) -> bool:
    """A role title (the longest one starting where it starts) ends exactly at ``end``: it begins at or
    after ``start``, by default within the five characters before ("市长|郄某", "书记宋|…")."""
    lo = end - 5 if start is None else start
    return any(role_at(text, k) == text[k:end] for k in range(max(0, lo), end - 1))


@cache
def agency_grammar() -> dict[str, tuple[str, ...]]:
    """Sections of the agency grammar, each longest first."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _data_lines("agency_grammar.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line.strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in sections.items()}


@cache
def _word_tags() -> dict[str, str]:
    import jieba.posseg as pseg

    return pseg.dt.word_tag_tab


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word (``n``, ``v``, ``ns`` …), or None."""
    return _word_tags().get(word)


def word_freq(word: str) -> int:
    """The frequency of ``word`` in jieba's dictionary (0 when it is not there)."""
    dt = jieba.dt
    if not dt.initialized:
        dt.initialize()
    return dt.FREQ.get(word, 0)


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` is in jieba's dictionary."""
    return word_freq(word) > 0


def runs_into_word_before(text: str, pos: int) -> bool:
    """The character before ``pos`` and the one at it make a common word ("代|理县长": 代理): a short place name
    read from ``pos`` is part of that word, not a name."""
    return pos > 0 and word_freq(text[pos - 1:pos + 1]) > 100


def tokens(text: str) -> list[tuple[str, int, int]]:
    """jieba tokens of ``text`` (no HMM) with their offsets.

    Cached (the 256 most recent texts, a few MB): the extractors ask for the
    same article text and the same short units several times.
    """
    return list(_tokens(text))


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    out = []
    pos = 0
    for w in jieba.cut(text, HMM=False):
        out.append((w, pos, pos + len(w)))
        pos += len(w)
    return tuple(out)
