"""The explorer as a file: ``graph.html``, and the graph.json it can be re-rendered from.

The page itself is :mod:`kg.explore` (an overview, and a page per official, meeting, slogan, body, post,
article), inlined with its data into one file that works from ``file://`` with no network. A small graph gets every
page and search; a graph bigger than ``max_pages`` nodes gets the overview, and the page says to run ``kg serve``.
``select_subgraph`` picks what a focused page (``kg html OUT --focus NAME``) holds.

Safety: graph text reaches the page only as JSON inside ``<script type="application/json">`` blocks with ``<``,
``>`` and ``&`` written as ``\\u003c`` …; the page's script writes text with ``textContent`` only; and a
Content-Security-Policy allows nothing but the page's own scripts (by hash), so even an injected handler could
neither run nor load anything.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import atomic_open
from kg.explore.index import Index, importance, memory_index
from kg.explore.offline import STATIC_MAX_PAGES, render_static, write_static
from kg.explore.styles import NODE_STYLES

DATE_ATTRIBUTE = {"Meeting": "date", "Article": "pub_date"}  # nodes that have a date of their own
SELECTION_KEYS = ("focus", "since", "until", "types", "max_nodes")


# --------------------------------------------------------------------------- graph.json


def save_graph_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``graph`` as networkx node-link JSON, sorted, so ``kg html`` can re-render without rebuilding."""
    data = nx.node_link_data(graph, **_node_link_names())
    data["nodes"].sort(key=lambda node: node["id"])
    data["edges"].sort(key=lambda edge: (edge["source"], edge["target"], str(edge.get("key"))))
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        # one node or edge per line, each by json's C encoder (indent= would switch to its 4x slower Python one)
        handle.write("{\n")
        for position, key in enumerate(sorted(data)):
            value = data[key]
            handle.write(f"{_compact_json(key)}:")
            if isinstance(value, list) and value:
                handle.write("[\n")
                handle.write(",\n".join(_compact_json(item) for item in value))
                handle.write("\n]")
            else:
                handle.write(_compact_json(value))
            handle.write(",\n" if position < len(data) - 1 else "\n")
        handle.write("}\n")


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default)


def load_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`save_graph_json`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, **_node_link_names())


def _node_link_names() -> dict[str, str]:
    # networkx >= 3.4 names the edge list with ``edges=``; older releases used ``link=``.
    if "edges" in inspect.signature(nx.node_link_data).parameters:
        return {"edges": "edges"}
    return {"link": "edges"}  # pragma: no cover - networkx < 3.4


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} to graph.json")


# --------------------------------------------------------------------------- selection


def select_subgraph(graph: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 2,
                    since: date | None = None, until: date | None = None, types: Iterable[str] | None = None,
                    max_nodes: int | None = None) -> nx.MultiDiGraph:
    """The part of ``graph`` to draw: a date window, then node types, then a neighbourhood, then a size cap.

    Order matters and is chosen for researchers' questions: with ``types={'Official','Meeting'}`` and a
    focus, two hops reach the meetings of the focus and the people met there (not articles or posts).
    Focus nodes always stay, whatever the other filters say.
    """
    if hops < 0:
        raise ValueError(f"hops must be >= 0, not {hops}")
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be >= 1, not {max_nodes}")
    seeds = find_focus(graph, focus) if focus is not None else set()
    selected = graph
    if since is not None or until is not None:
        selected = within_dates(selected, since, until, keep=seeds)
    if types:
        wanted = normalise_types([types] if isinstance(types, str) else types)
        selected = _induced(selected, (n for n, t in selected.nodes(data="type") if t in wanted or n in seeds))
    if seeds:
        distance = _hop_distances(selected, seeds, hops)
        selected = _induced(selected, distance)
    if max_nodes is not None and selected.number_of_nodes() > max_nodes:
        selected = _induced(selected, _most_important(selected, seeds, max_nodes))
    return selected if selected is not graph else _induced(graph, graph.nodes)


def find_focus(graph: nx.MultiDiGraph, focus: str) -> set[str]:
    """Nodes whose id, label or one of whose aliases is exactly ``focus``; ValueError naming it if none."""
    wanted = focus.strip()
    found = {node for node, data in graph.nodes(data=True)
             if wanted in (node, data.get("label")) or wanted in (data.get("aliases") or ())}
    if found:
        return found
    near = sorted({str(data.get("label")) for _, data in graph.nodes(data=True)
                   if wanted and wanted in str(data.get("label", ""))})[:5]
    hint = f"; labels containing it: {', '.join(near)}" if near else ""
    raise ValueError(f"focus {focus!r} matches no node label or alias{hint}")


def normalise_types(types: Iterable[str]) -> set[str]:
    """Node type names as in the graph ('official' -> 'Official'); ValueError for an unknown one."""
    by_lower = {name.lower(): name for name in NODE_STYLES}
    wanted: set[str] = set()
    for name in types:
        key = name.strip().lower()
        if key not in by_lower:
            raise ValueError(f"unknown node type {name!r}; known: {', '.join(sorted(NODE_STYLES))}")
        wanted.add(by_lower[key])
    return wanted


def within_dates(graph: nx.MultiDiGraph, since: date | None, until: date | None, *,
                 keep: frozenset[str] | set[str] = frozenset()) -> nx.MultiDiGraph:
    """Keep what the window [since, until] speaks of.

    A meeting or article is kept when its own date is in the window (undated ones are dropped); an edge
    is kept when one of its evidence dates is in the window (an edge without dated evidence follows its
    ends); any other node is kept when a kept edge still touches it. The browser filter does the same.
    """
    low, high = (since.isoformat() if since else None), (until.isoformat() if until else None)

    def in_window(day: str | None) -> bool:
        return day is not None and (low is None or day[:10] >= low) and (high is None or day[:10] <= high)

    dropped = {node for node, data in graph.nodes(data=True)
               if node not in keep and data.get("type") in DATE_ATTRIBUTE and not in_window(node_date(data))}
    edges = [(u, v, k) for u, v, k, data in graph.edges(keys=True, data=True)
             if u not in dropped and v not in dropped and _edge_in_window(data, in_window)]
    touched = {end for u, v, _ in edges for end in (u, v)}
    nodes = [node for node, data in graph.nodes(data=True) if node not in dropped and (
        node in touched or node in keep or data.get("type") in DATE_ATTRIBUTE)]
    return _induced(graph, nodes, edges)


def _edge_in_window(data: dict, in_window: Any) -> bool:
    dates = evidence_dates(data)
    return not dates or any(in_window(day) for day in dates)


def node_date(data: dict) -> str | None:
    """The node's own ISO date (meeting date, article publication date) or None."""
    attribute = DATE_ATTRIBUTE.get(data.get("type", ""))
    value = data.get(attribute) if attribute else None
    return _iso(value)


def evidence_dates(data: dict) -> list[str]:
    """Sorted distinct ISO dates of an edge's evidence."""
    return sorted({day for item in data.get("evidence") or () if (day := _iso(item.get("date")))})


def _iso(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] if value else None


def _induced(graph: nx.MultiDiGraph, nodes: Iterable[str],
             edges: Iterable[tuple[str, str, Any]] | None = None) -> nx.MultiDiGraph:
    """A new graph (not a view) on ``nodes`` with ``edges`` (default: all edges among them), attributes kept."""
    keep = set(nodes)
    result = nx.MultiDiGraph()
    result.graph.update(graph.graph)
    result.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in keep)
    if edges is None:
        chosen = ((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    else:
        chosen = ((u, v, k, graph.edges[u, v, k]) for u, v, k in edges if u in keep and v in keep)
    result.add_edges_from(chosen)
    return result


def _hop_distances(graph: nx.MultiDiGraph, seeds: set[str], hops: int) -> dict[str, int]:
    """Undirected breadth-first distance from the nearest seed, up to ``hops``."""
    distance = {seed: 0 for seed in seeds if seed in graph}
    queue = deque(distance)
    while queue:
        node = queue.popleft()
        if distance[node] == hops:
            continue
        for neighbour in _neighbours(graph, node):
            if neighbour not in distance:
                distance[neighbour] = distance[node] + 1
                queue.append(neighbour)
    return distance


def _neighbours(graph: nx.MultiDiGraph, node: str) -> Iterator[str]:
    yield from graph.successors(node)
    yield from graph.predecessors(node)


def _most_important(graph: nx.MultiDiGraph, seeds: set[str], limit: int) -> list[str]:
    """The ``limit`` nodes nearest the seeds, then of highest degree; ties broken by id for stable output."""
    distance = _hop_distances(graph, seeds, graph.number_of_nodes()) if seeds else {}
    far = graph.number_of_nodes() + 1
    ranked = sorted(graph.nodes, key=lambda n: (distance.get(n, far), -graph.degree(n), n))
    return ranked[:limit]


# --------------------------------------------------------------------------- the page


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, title: str = "kg", max_pages: int | None = STATIC_MAX_PAGES,
               index: Index | str | os.PathLike[str] | None = None, out_dir: str | os.PathLike[str] | None = None,
               **selection: Any) -> dict[str, int]:
    """Write the explorer file for ``select_subgraph(graph, **selection)``; returns {'nodes', 'edges', 'pages'}.

    ``index``: the explorer index of the whole ``graph`` when the build already wrote one (used only when nothing
    is selected); ``out_dir``: the build directory the page names in its ``kg serve`` hint.
    """
    selected, start = _selection(graph, selection)
    with _index_for(selected, graph, index, title) as explorer:
        counts = write_static(explorer, path, title=title, max_pages=max_pages,
                              out_dir=out_dir if out_dir is not None else Path(path).parent, start=start)
    return {"nodes": selected.number_of_nodes(), "edges": selected.number_of_edges(), "pages": counts["pages"]}


def render_html(graph: nx.MultiDiGraph, *, title: str = "kg", max_pages: int | None = STATIC_MAX_PAGES,
                **selection: Any) -> str:
    """The explorer file as a string."""
    selected, start = _selection(graph, selection)
    with _index_for(selected, graph, None, title) as explorer:
        return render_static(explorer, title=title, max_pages=max_pages, start=start)[0]


def _selection(graph: nx.MultiDiGraph, selection: dict[str, Any]) -> tuple[nx.MultiDiGraph, str | None]:
    """The selected graph (``graph`` itself when nothing is selected) and the page to open on (the focus)."""
    unknown = set(selection) - {*SELECTION_KEYS, "hops"}
    if unknown:
        raise TypeError(f"unknown selection option(s): {', '.join(sorted(unknown))}")
    if not any(selection.get(key) for key in SELECTION_KEYS):
        return graph, None
    selected = select_subgraph(graph, **selection)
    start = None
    if selection.get("focus"):
        focus = find_focus(graph, selection["focus"])
        start = min(focus, key=lambda n: (-importance(graph, n), n))
    return selected, start


@contextlib.contextmanager
def _index_for(selected: nx.MultiDiGraph, graph: nx.MultiDiGraph, index: Index | str | os.PathLike[str] | None,
               title: str) -> Iterator[Index]:
    """The index to render from: the build's own when given and nothing was selected, else one built in memory."""
    if index is not None and selected is graph:
        if isinstance(index, Index):
            yield index
            return
        explorer = Index.open(index)
    else:
        explorer = memory_index(selected, title=title)
    try:
        yield explorer
    finally:
        explorer.close()
