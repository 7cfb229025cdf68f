"""Positions for the drawings, computed in Python so the browser draws at once and the same graph looks the same.

A force layout (igraph's Fruchterman–Reingold, seeded) places each connected piece; the pieces are packed in rows;
then nodes closer than a label's width are pushed apart, so no two names are drawn on top of each other.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from typing import Any

LAYOUT_SEED = 7
EDGE_LENGTH_PX = 150  # median edge length of a piece before it is fitted to the box
BOX = (1000.0, 600.0)  # the drawing's size on screen, in pixels: the page draws it at about this scale
MIN_GAP_PX = 70  # ring neighbours are at least this far apart: a three-character name at 15 px is ~45 px wide
DEFAULT_EXTENT = (60.0, 40.0)  # a node with a three-character name, as drawn (width, height)
SPREAD_ROUNDS = 150
RING_RADII = (150.0, 245.0)  # a local network's rings, for a drawing about 560 px square


def positions(nodes: list[str], edges: Iterable[tuple[str, str, float]], *, box: tuple[float, float] = BOX,
              edge_length: float = EDGE_LENGTH_PX,
              extents: dict[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (given in a stable order) linked by weighted ``edges``, filling ``box``.

    ``extents``: each node's drawn width and height with its label (default: a short name's); nodes are pushed
    apart until no two of these boxes overlap.
    """
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    weights: dict[tuple[int, int], float] = {}
    for a, b, weight in edges:
        if a in index and b in index and a != b:
            pair = (min(index[a], index[b]), max(index[a], index[b]))
            weights[pair] = max(weights.get(pair, 0.0), float(weight))
    pieces = [_piece_layout(piece, weights, edge_length) for piece in _components(len(nodes), weights)]
    packed = _fit(_pack(pieces, gap=edge_length), box)
    sizes = [(extents or {}).get(node, DEFAULT_EXTENT) for node in nodes]
    spread = _separate(packed, sizes)
    return {nodes[i]: (round(x, 1), round(y, 1)) for i, (x, y) in sorted(spread.items())}


def label_extent(label: str, font_px: float, node_px: float) -> tuple[float, float]:
    """Width and height a node takes on screen: its shape, and its label below it (CJK characters are square)."""
    width = sum(font_px if ord(ch) > 0x2E80 else font_px * 0.55 for ch in label)
    return max(width, 2 * node_px) + 6.0, 2 * node_px + font_px + 6.0


def _components(count: int, weights: dict[tuple[int, int], float]) -> list[list[int]]:
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in weights:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))


def _piece_layout(piece: list[int], weights: dict[tuple[int, int], float],
                  edge_length: float) -> dict[int, tuple[float, float]]:
    """One connected piece, its median edge ``edge_length`` long, top-left at (0, 0)."""
    if len(piece) == 1:
        return {piece[0]: (0.0, 0.0)}
    import igraph

    local = {node: i for i, node in enumerate(piece)}
    pairs = sorted((local[a], local[b]) for a, b in weights if a in local and b in local)
    strengths = [math.log1p(weights[(piece[a], piece[b])] if piece[a] < piece[b] else weights[(piece[b], piece[a])])
                 for a, b in pairs]
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        graph = igraph.Graph(n=len(piece), edges=pairs)
        coords = graph.layout_fruchterman_reingold(weights=strengths, niter=1000, grid=False).coords
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: the random module
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in pairs)
    scale = edge_length / (lengths[len(lengths) // 2] or 1.0)
    left, top = min(x for x, _ in coords), min(y for _, y in coords)
    return {node: ((coords[i][0] - left) * scale, (coords[i][1] - top) * scale) for i, node in enumerate(piece)}


def _pack(pieces: list[dict[int, tuple[float, float]]], gap: float) -> dict[int, tuple[float, float]]:
    """Shelf packing: pieces left to right in rows about as wide as the whole is tall."""
    sizes = [(max(x for x, _ in p.values()), max(y for _, y in p.values())) for p in pieces]
    row_width = max(max(w for w, _ in sizes), 1.6 * math.sqrt(sum((w + gap) * (h + gap) for w, h in sizes)))
    placed: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for piece, (width, height) in zip(pieces, sizes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        placed.update({node: (x + px, y + py) for node, (px, py) in piece.items()})
        x += width + gap
        row_height = max(row_height, height)
    return placed


def _fit(placed: dict[int, tuple[float, float]], box: tuple[float, float]) -> dict[int, tuple[float, float]]:
    """Stretch the layout to fill ``box`` (a force layout is round; the screen is wide)."""
    xs, ys = [x for x, _ in placed.values()], [y for _, y in placed.values()]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    if len(placed) == 1:
        return {node: (0.0, 0.0) for node in placed}
    return {node: ((x - min(xs)) / width * box[0], (y - min(ys)) / height * box[1]) for node, (x, y) in placed.items()}


def _separate(placed: dict[int, tuple[float, float]],
              sizes: list[tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """Push apart nodes whose boxes (shape and label) overlap, along the axis where they overlap least."""
    points = {node: list(xy) for node, xy in placed.items()}
    order = sorted(points)
    for _ in range(SPREAD_ROUNDS):
        moved = False
        for i, a in enumerate(order):
            for b in order[i + 1:]:
                dx = points[b][0] - points[a][0]
                dy = points[b][1] - points[a][1]
                need_x = (sizes[a][0] + sizes[b][0]) / 2
                need_y = (sizes[a][1] + sizes[b][1]) / 2
                over_x, over_y = need_x - abs(dx), need_y - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                if over_x / need_x < over_y / need_y:
                    shift = (over_x / 2 + 0.5) * (1 if dx >= 0 else -1)
                    points[a][0] -= shift
                    points[b][0] += shift
                else:
                    shift = (over_y / 2 + 0.5) * (1 if dy >= 0 else -1)
                    points[a][1] -= shift
                    points[b][1] += shift
        if not moved:
            break
    return {node: (x, y) for node, (x, y) in points.items()}


def radial(centre: str, rings: list[list[str]], *, radii: tuple[float, ...] = RING_RADII) -> dict[str, Any]:
    """The centre at (0, 0) and each ring of neighbours evenly around it, the first ring nearest.

    Rings are placed on the given radii (more rings than radii continue outwards); a ring that holds more nodes
    than fit a label apart grows.
    """
    placed: dict[str, tuple[float, float]] = {centre: (0.0, 0.0)}
    used = [ring for ring in rings if ring]
    radius = 0.0
    for number, ring in enumerate(used):
        wanted = radii[number] if number < len(radii) else radii[-1] + (number - len(radii) + 1) * 100.0
        radius = max(wanted, radius + 80.0, len(ring) * MIN_GAP_PX / (2 * math.pi))
        offset = math.pi / len(ring) if number % 2 else 0.0  # the next ring sits between this one's nodes
        for i, node in enumerate(ring):
            angle = -math.pi / 2 + offset + 2 * math.pi * i / len(ring)
            placed[node] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return placed
