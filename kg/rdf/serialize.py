"""Write graphs to disk in the format named by the file's suffix, atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph, URIRef

from kg.rdf.namespaces import bind_prefixes

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
}
QUAD_FORMATS = {"trig", "nquads"}


def format_for(path: str | Path) -> str:
    """rdflib format name for an output file, by suffix.

    Raises:
        ValueError: the suffix is not one govkg writes.
    """
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise ValueError(f"{path}: unknown output format {suffix or '(no suffix)'}; "
                         f"use one of {', '.join(FORMATS)}") from None


def current_umask() -> int:
    """The process's umask (read without changing it where /proc tells it)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_ordinary(fd: int) -> None:
    """Give a file made by :func:`tempfile.mkstemp` (mode 0600) the mode a plain ``open`` would: 0666 less the umask."""
    os.fchmod(fd, 0o666 & ~current_umask())


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one.

    The file gets the mode a plain ``open`` would give it (0666 less the umask).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        make_ordinary(fd)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_dataset(graphs: Iterable[tuple[URIRef, Graph]]) -> Dataset:
    """One named graph per article."""
    ds = Dataset()
    bind_prefixes(ds)
    for name, g in graphs:
        ng = ds.graph(name)
        for t in g:
            ng.add(t)
    return ds


def to_graph(graphs: Iterable[tuple[URIRef, Graph]]) -> Graph:
    """All article graphs merged into one graph (identical triples once)."""
    out = bind_prefixes(Graph())
    for _, g in graphs:
        for t in g:
            out.add(t)
    return out


def serialize(graphs: list[tuple[URIRef, Graph]], fmt: str) -> bytes:
    """Serialise article graphs: named graphs for TriG/N-Quads, one merged graph otherwise."""
    if fmt in QUAD_FORMATS:
        data = to_dataset(graphs).serialize(format=fmt)
    else:
        data = to_graph(graphs).serialize(format=fmt)
    return data.encode("utf-8") if isinstance(data, str) else data


def write_dataset(graphs: list[tuple[URIRef, Graph]], path: str | Path) -> int:
    """Write article graphs to ``path`` in the format its suffix names; returns the triple count."""
    fmt = format_for(path)
    atomic_write_bytes(path, serialize(graphs, fmt))
    return len({t for _, g in graphs for t in g})
