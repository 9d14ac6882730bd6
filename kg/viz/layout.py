"""Node positions computed in Python, so that a big graph opens without browser physics.

Each connected component is laid out with a force-directed (Fruchterman-Reingold)
layout written with numpy: exact repulsion for components up to
:data:`EXACT_LIMIT` nodes, and repulsion from a fresh random sample of nodes at
each step above that (O(n·k) instead of O(n²), so 10,000 nodes take seconds).
Components are then packed in rows, biggest first; single nodes fill a grid.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

EXACT_LIMIT = 1000
SAMPLE = 400
SPACING = 90.0  # average distance between neighbouring nodes, in vis-network pixels


def _repulsion(x: np.ndarray, y: np.ndarray, ox: np.ndarray, oy: np.ndarray, k2: float,
               out: np.ndarray) -> None:
    """Add the repulsion of the points (ox, oy) on the points (x, y) to ``out`` (n, 2), blockwise."""
    block = max(1, 2_000_000 // max(len(ox), 1))
    for b in range(0, len(x), block):
        dx = x[b:b + block, None] - ox[None, :]
        dy = y[b:b + block, None] - oy[None, :]
        f = dx * dx
        f += dy * dy
        np.maximum(f, 1e-6, out=f)
        np.divide(k2, f, out=f)
        out[b:b + block, 0] += np.einsum("ij,ij->i", dx, f)
        out[b:b + block, 1] += np.einsum("ij,ij->i", dy, f)


def _fruchterman_reingold(n: int, edges: np.ndarray, iterations: int, rng: np.random.Generator) -> np.ndarray:
    pos = rng.random((n, 2)).astype(np.float32)
    if n == 1:
        return pos * 0
    k = 1.0 / math.sqrt(n)
    temp = 0.1
    cool = temp / (iterations + 1)
    src, dst = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    for _ in range(iterations):
        disp = np.zeros((n, 2), dtype=np.float32)
        x, y = pos[:, 0].copy(), pos[:, 1].copy()
        if n <= EXACT_LIMIT:
            _repulsion(x, y, x, y, k * k, disp)
        else:
            pick = rng.choice(n, size=SAMPLE, replace=False)
            _repulsion(x, y, x[pick], y[pick], k * k * n / SAMPLE, disp)
        if len(src):
            delta = pos[src] - pos[dst]
            dist = np.sqrt((delta ** 2).sum(-1))[:, None]
            force = delta * dist / k
            np.add.at(disp, src, -force)
            np.add.at(disp, dst, force)
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp)
        temp -= cool
    pos -= pos.mean(0)
    return pos.astype(float)


def component_layout(graph: nx.Graph, seed: int = 1, iterations: int | None = None) -> dict:
    """Positions (x, y) for the nodes of one connected graph, spaced for vis-network."""
    nodes = list(graph.nodes)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in graph.edges() if a != b], dtype=int).reshape(-1, 2)
    its = iterations or (100 if n <= 300 else 60 if n <= EXACT_LIMIT else 50)
    pos = _fruchterman_reingold(n, edges, its, np.random.default_rng(seed))
    spread = float(np.sqrt((pos ** 2).sum(-1)).mean()) or 1.0
    target = SPACING * math.sqrt(n) * 0.5
    pos = pos * (target / spread)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def layout(view: nx.Graph, seed: int = 1) -> dict:
    """Positions for every node of ``view`` (any networkx graph): components laid out and packed."""
    und = nx.Graph(view.to_undirected(as_view=True)) if view.is_directed() else nx.Graph(view)
    comps = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(map(str, c))))
    pos: dict = {}
    big = [c for c in comps if len(c) > 1]
    single = [next(iter(c)) for c in comps if len(c) == 1]
    boxes = []
    for c in big:
        p = component_layout(und.subgraph(c), seed=seed)
        xs, ys = [v[0] for v in p.values()], [v[1] for v in p.values()]
        boxes.append((p, min(xs), min(ys), max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING))
    total = sum(w * h for *_, w, h in boxes) + len(single) * SPACING ** 2
    row_width = max(math.sqrt(total) * 1.2, boxes[0][3] if boxes else SPACING)
    x = y = row_h = 0.0
    for p, x0, y0, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for v, (px, py) in p.items():
            pos[v] = (px - x0 + x, py - y0 + y)
        x += w
        row_h = max(row_h, h)
    y += row_h
    cols = max(1, int(row_width // SPACING))
    for i, v in enumerate(sorted(single, key=str)):
        pos[v] = ((i % cols) * SPACING, y + (i // cols) * SPACING)
    if pos:  # centre on the origin
        cx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
        cy = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
        pos = {v: (round(px - cx, 1), round(py - cy, 1)) for v, (px, py) in pos.items()}
    return pos
