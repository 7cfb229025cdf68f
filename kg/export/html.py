"""Interactive, offline HTML explorer of the knowledge graph.

The page is one self-contained file: vis-network and tom-select are inlined from the copies that the
``pyvis`` package ships (what pyvis does with ``cdn_resources='in_line'``), but the page is rendered
from our own template, because pyvis's template loads bootstrap from a CDN in every mode and writes
the heading and node ids into the HTML unescaped.

Safety: graph text reaches the page only as JSON inside a ``<script type="application/json">`` block
with ``<``, ``>`` and ``&`` written as ``\\u003c`` … so no label can close the block; the page's script
puts text into the DOM with ``textContent`` only; and a Content-Security-Policy allows nothing but
the page's own scripts (by hash), so even an injected handler could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import inspect
import json
import math
import random
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from kg.atomic import atomic_open

HERE = Path(__file__).parent
TEMPLATE = "html_template.html"
APP_JS = HERE / "html_explorer.js"
APP_CSS = HERE / "html_explorer.css"

# Above this many nodes vis-network's improvedLayout (Kamada-Kawai on clusters) takes seconds: turn it off.
IMPROVED_LAYOUT_MAX_NODES = 150
# Above this many nodes positions are computed in Python (igraph, when installed) and the browser runs no physics:
# vis-network's physics costs tens of milliseconds per step per thousand nodes, and needs hundreds of steps.
PRECOMPUTE_LAYOUT_NODES = 300
# Above this many nodes the page draws less (straight edges, no arrow heads, edges hidden while dragging/zooming).
LARGE_GRAPH_NODES = 1000
# Budget of physics steps before physics is switched off: 600 for small graphs, fewer as graphs grow.
STABILISATION_STEPS_MAX = 600
STABILISATION_STEPS_MIN = 60
STABILISATION_STEP_BUDGET = 120_000  # steps x nodes
LAYOUT_SEED = 7
EDGE_LENGTH_PX = 110  # median edge length of a precomputed layout, in vis-network canvas pixels
LABEL_MAX_CHARS = 14
LABEL_PX_MIN, LABEL_PX_MAX = 11, 22
EVIDENCE_SHOWN = 5
LIST_SHOWN = 30
# Canvas labels need a CJK font on the viewer's machine; on Debian/Ubuntu: apt-get install fonts-wqy-microhei
CJK_FONT_FACE = ("'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
                 "sans-serif")


@dataclass(frozen=True)
class NodeStyle:
    name_zh: str
    shape: str  # a vis-network shape whose label sits below it
    color: str
    border: str
    size: int  # size of a node of importance 0


@dataclass(frozen=True)
class EdgeStyle:
    name_zh: str
    color: str
    width: float
    dashes: bool | list[int]


NODE_STYLES: dict[str, NodeStyle] = {
    "Official": NodeStyle("官员", "dot", "#e15759", "#a32b2d", 10),
    "Meeting": NodeStyle("会议活动", "diamond", "#f28e2b", "#b35f12", 9),
    "Body": NodeStyle("机构", "square", "#4e79a7", "#2b4c70", 9),
    "Post": NodeStyle("职务", "triangle", "#b07aa1", "#7a4c6d", 7),
    "Slogan": NodeStyle("口号提法", "star", "#59a14f", "#356b2e", 9),
    "Document": NodeStyle("文件", "triangleDown", "#76b7b2", "#3f7d78", 8),
    "Article": NodeStyle("文章", "hexagon", "#bab0ac", "#7d7471", 7),
    "Reporter": NodeStyle("记者", "dot", "#9c755f", "#664a3a", 6),
}
FALLBACK_NODE_STYLE = NodeStyle("其他", "dot", "#cccccc", "#888888", 6)

EDGE_STYLES: dict[str, EdgeStyle] = {
    "chaired": EdgeStyle("主持", "#c0392b", 3.0, False),
    "attended": EdgeStyle("出席", "#5f6f81", 1.2, False),
    "referenced": EdgeStyle("提及", "#3d8b37", 1.5, [8, 5]),
    "holds": EdgeStyle("任职", "#8e5b83", 1.5, [2, 4]),
    "postIn": EdgeStyle("隶属", "#4e79a7", 1.0, [2, 4]),
    "organizedBy": EdgeStyle("主办", "#4e79a7", 1.5, [8, 5]),
    "reportedIn": EdgeStyle("报道于", "#b8b0ab", 0.8, False),
    "wrote": EdgeStyle("撰写", "#b8b0ab", 0.8, [2, 4]),
}
FALLBACK_EDGE_STYLE = EdgeStyle("其他", "#aaaaaa", 1.0, False)

DATE_ATTRIBUTE = {"Meeting": "date", "Article": "pub_date"}  # nodes that have a date of their own
PARTICIPATION = ("chaired", "attended")


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


# --------------------------------------------------------------------------- page data


def importance(graph: nx.MultiDiGraph, node: str) -> int:
    """Meetings chaired or attended for people and bodies, degree for everything else."""
    if graph.nodes[node].get("type") in ("Official", "Body", "Reporter"):
        meetings = {v for _, v, key in graph.out_edges(node, keys=True) if key in PARTICIPATION}
        if meetings:
            return len(meetings)
    return graph.degree(node)


def node_size(node_type: str, weight: int) -> float:
    """Shape size grows with the square root of importance, up to four times the type's base size."""
    base = NODE_STYLES.get(node_type, FALLBACK_NODE_STYLE).size
    return round(min(base + 4.0 * math.sqrt(weight), base * 4.0), 1)


def label_size(weight: int) -> int:
    """Label font size in pixels: the busy officials and meetings are the ones to read first."""
    return min(LABEL_PX_MIN + round(2 * math.sqrt(weight)), LABEL_PX_MAX)


def short_label(label: str) -> str:
    flat = " ".join(label.split())
    return flat if len(flat) <= LABEL_MAX_CHARS else flat[: LABEL_MAX_CHARS - 1] + "…"


class _Describer:
    """Builds the detail rows (key, value) shown on hover and click, from the whole graph."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def label(self, node: str) -> str:
        data = self.graph.nodes.get(node)
        return str(data.get("label") or node) if data else node

    def dated(self, node: str) -> str:
        day = node_date(self.graph.nodes[node]) if node in self.graph else None
        return f"{self.label(node)}（{day}）" if day else self.label(node)

    def node(self, node: str) -> list[dict]:
        data = self.graph.nodes[node]
        node_type = data.get("type", "")
        rows = [_row("类型", f"{NODE_STYLES.get(node_type, FALLBACK_NODE_STYLE).name_zh} {node_type}"),
                _row("名称", str(data.get("label") or node))]
        if data.get("aliases"):
            rows.append(_row("别名", [str(a) for a in data["aliases"]]))
        describe = getattr(self, f"_{node_type.lower()}", None)
        if describe:
            rows.extend(describe(node, data))
        rows.append(_row("IRI", node))
        return [row for row in rows if row["v"]]

    def _official(self, node: str, data: dict) -> list[dict]:
        tenures = [self._tenure(post, attrs)
                   for _, post, key, attrs in self.graph.out_edges(node, keys=True, data=True) if key == "holds"]
        posts = sorted(tenures) or [str(p) for p in data.get("posts") or ()]
        return [_row("职务（首见–末见）", posts), *self._participation(node)]

    def _reporter(self, node: str, data: dict) -> list[dict]:
        return [_row("撰写", self._listed(v for _, v, key in self.graph.out_edges(node, keys=True) if key == "wrote"))]

    def _tenure(self, node: str, attrs: dict) -> str:
        """A post (or its holder) with the first and last dates the holding was seen."""
        first, last = _iso(attrs.get("first_seen")), _iso(attrs.get("last_seen"))
        span = first if first == last else f"{first or '?'} – {last or '?'}"
        return f"{self.label(node)}（{span}）" if first or last else self.label(node)

    def _participation(self, node: str) -> list[dict]:
        rows = []
        for relation in PARTICIPATION:
            meetings = [v for _, v, key in self.graph.out_edges(node, keys=True) if key == relation]
            meetings.sort(key=lambda m: (node_date(self.graph.nodes[m]) or "", m))
            if meetings:
                rows.append(_row(f"{EDGE_STYLES[relation].name_zh}（{len(meetings)}）", self._listed(meetings)))
        return rows

    def _meeting(self, node: str, data: dict) -> list[dict]:
        rows = [_row("日期", _iso(data.get("date")) or "未知"), _row("形式", str(data.get("kind") or ""))]
        for relation in PARTICIPATION:
            people = sorted(((attrs.get("order", 0), u) for u, _, key, attrs
                             in self.graph.in_edges(node, keys=True, data=True) if key == relation),
                            key=lambda item: (item[0] if isinstance(item[0], int) else 0, item[1]))
            names = [u for _, u in people]
            if names:
                rows.append(_row(f"{EDGE_STYLES[relation].name_zh}（{len(names)}）",
                                 self._listed(names, with_date=False)))
        outgoing = list(self.graph.out_edges(node, keys=True))
        rows.append(_row("主办", self._listed((v for _, v, k in outgoing if k == "organizedBy"), with_date=False)))
        rows.append(_row("提及", self._listed((v for _, v, k in outgoing if k == "referenced"), with_date=False)))
        articles = [v for _, v, k in outgoing if k == "reportedIn"]
        if not articles and data.get("article"):
            articles = [data["article"]]
        rows.extend(self._article_rows(article) for article in articles)
        return rows

    def _article_rows(self, article: str) -> dict:
        return _row("报道", [self.article_citation(article)])

    def article_citation(self, article: str | None) -> str:
        if not article:
            return ""
        data = self.graph.nodes.get(article)
        if not data:
            return article
        parts = [str(data.get("headline") or data.get("label") or "（无标题）")]
        parts += [str(v) for v in (data.get("paper"), _iso(data.get("pub_date"))) if v]
        source = str(data.get("source") or "")
        if source:
            record = data.get("record")
            parts.append(f"{source}#{record}" if record is not None else source)
        return " · ".join(parts)

    def _article(self, node: str, data: dict) -> list[dict]:
        source = str(data.get("source") or "")
        if source and data.get("record") is not None:
            source = f"{source}#{data['record']}"
        return [_row("标题", str(data.get("headline") or "")), _row("日期", _iso(data.get("pub_date")) or ""),
                _row("报纸", str(data.get("paper") or "")), _row("来源", source),
                _row("记者", [str(r) for r in data.get("reporters") or ()]),
                _row("报道的会议", self._listed(u for u, _, k in self.graph.in_edges(node, keys=True)
                                            if k == "reportedIn"))]

    def _post(self, node: str, data: dict) -> list[dict]:
        holders = [self._tenure(u, attrs)
                   for u, _, key, attrs in self.graph.in_edges(node, keys=True, data=True) if key == "holds"]
        return [_row("职衔", str(data.get("title") or "")), _row("所属机构", str(data.get("body") or "")),
                _row("任职者（首见–末见）", sorted(holders))]

    def _body(self, node: str, data: dict) -> list[dict]:
        incoming = list(self.graph.in_edges(node, keys=True))
        return [_row("职务", self._listed((u for u, _, k in incoming if k == "postIn"), with_date=False)),
                _row("主办", self._listed(u for u, _, k in incoming if k == "organizedBy")),
                *self._participation(node)]

    def _slogan(self, node: str, data: dict) -> list[dict]:
        return [_row("首见", _iso(data.get("first_seen")) or ""), _row("出现次数", str(data.get("count") or "")),
                self._referenced_by(node)]

    def _document(self, node: str, data: dict) -> list[dict]:
        return [self._referenced_by(node)]

    def _referenced_by(self, node: str) -> dict:
        return _row("提及它的会议", self._listed(u for u, _, k in self.graph.in_edges(node, keys=True)
                                          if k == "referenced"))

    def _listed(self, nodes: Iterable[str], *, with_date: bool = True) -> list[str]:
        unique = list(dict.fromkeys(nodes))
        shown = [self.dated(n) if with_date else self.label(n) for n in unique[:LIST_SHOWN]]
        if len(unique) > LIST_SHOWN:
            shown.append(f"… 另有 {len(unique) - LIST_SHOWN} 项")
        return shown

    def edge(self, source: str, target: str, key: Any, data: dict) -> list[dict]:
        relation = str(data.get("rel") or key)
        style = EDGE_STYLES.get(relation, FALLBACK_EDGE_STYLE)
        rows = [_row("关系", f"{style.name_zh} {relation}"), _row("从", self.label(source)),
                _row("到", self.label(target))]
        if data.get("role"):
            rows.append(_row("原文动词", str(data["role"])))
        if data.get("first_seen") or data.get("last_seen"):
            span = f"{_iso(data.get('first_seen')) or '?'} – {_iso(data.get('last_seen')) or '?'}"
            rows.append(_row("首见–末见", span))
        evidence = list(data.get("evidence") or ())
        if evidence:
            shown = [self._evidence(item) for item in evidence[:EVIDENCE_SHOWN]]
            rows.append({"k": f"证据（{len(evidence)}）", "v": shown, "evidence": True})
        return [row for row in rows if row["v"]]

    def _evidence(self, item: dict) -> dict:
        return {"sentence": str(item.get("sentence") or ""), "date": _iso(item.get("date")) or "",
                "article": self.article_citation(item.get("article"))}


def _row(key: str, value: str | list) -> dict:
    return {"k": key, "v": value}


def page_data(selected: nx.MultiDiGraph, whole: nx.MultiDiGraph, *, title: str) -> dict:
    """Everything the page's script needs, as plain JSON-able data (nodes, edges, styles, details)."""
    describer = _Describer(whole)
    node_count = selected.number_of_nodes()
    positions = precomputed_positions(selected) if node_count > PRECOMPUTE_LAYOUT_NODES else None
    nodes = []
    for node, data in sorted(selected.nodes(data=True)):
        node_type = str(data.get("type", ""))
        label = str(data.get("label") or node)
        weight = importance(selected, node)
        record = {"id": node, "label": short_label(label), "full": label, "group": node_type,
                  "aliases": [str(a) for a in data.get("aliases") or ()], "size": node_size(node_type, weight),
                  "font": label_size(weight), "date": node_date(data),
                  "details": describer.node(node)}
        if positions:
            record["x"], record["y"] = positions[node]
        nodes.append(record)
    edges = []
    ordered = sorted(selected.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for index, (source, target, key, data) in enumerate(ordered):
        relation = str(data.get("rel") or key)
        edges.append({"id": f"e{index}", "from": source, "to": target, "rel": relation,
                      "dates": evidence_dates(data), "details": describer.edge(source, target, key, data)})
    present_types = Counter(n["group"] for n in nodes)
    present_relations = Counter(e["rel"] for e in edges)
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "legend": {
            "types": [{"type": t, "name": s.name_zh, "shape": s.shape, "color": s.color, "border": s.border,
                       "count": present_types[t]} for t, s in _styles_for(NODE_STYLES, present_types)],
            "relations": [{"rel": r, "name": s.name_zh, "color": s.color, "width": s.width, "dashes": s.dashes,
                           "count": present_relations[r]} for r, s in _styles_for(EDGE_STYLES, present_relations)],
        },
        "edgeStyles": {r: {"color": s.color, "width": s.width, "dashes": s.dashes}
                       for r, s in _styles_for(EDGE_STYLES, present_relations)},
        "options": vis_options(node_count, node_types=present_types, positioned=positions is not None),
        "edgeOpacity": 0.35 if node_count > LARGE_GRAPH_NODES else 0.8,
        "dateRange": _date_range(nodes, edges),
    }


def _styles_for(styles: dict, present: Counter) -> list[tuple[str, Any]]:
    """Known styles first (in their fixed order), then a fallback for any unknown name in the data."""
    known = [(name, style) for name, style in styles.items() if present[name]]
    fallback = FALLBACK_NODE_STYLE if styles is NODE_STYLES else FALLBACK_EDGE_STYLE
    return known + [(name, fallback) for name in sorted(present) if name not in styles]


def _date_range(nodes: list[dict], edges: list[dict]) -> list[str | None]:
    days = [n["date"] for n in nodes if n["date"]] + [day for e in edges for day in e["dates"]]
    return [min(days), max(days)] if days else [None, None]


def precomputed_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]] | None:
    """Fruchterman-Reingold positions from igraph (about a second for 5,000 nodes), or None without igraph.

    networkx's own spring layout needs minutes at that size, so it is no substitute. Each connected
    component is laid out alone and the pieces are packed in rows, largest first (a force layout of a
    disconnected graph flings the small pieces far away and leaves the big one a dot). The result is the
    same on every run: nodes are numbered in sorted order and igraph gets a seeded random generator.
    """
    try:
        import igraph
    except ImportError:
        return None
    undirected = nx.Graph(graph)
    components = sorted((sorted(c) for c in nx.connected_components(undirected)), key=lambda c: (-len(c), c[0]))
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        pieces = [_component_layout(igraph, undirected, nodes) for nodes in components]
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: the random module
    return _pack(pieces)


def _component_layout(igraph: Any, graph: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """One component's positions in canvas pixels, its median edge EDGE_LENGTH_PX long, top-left at (0, 0)."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in graph.subgraph(nodes).edges() if u != v})
    coords = igraph.Graph(n=len(nodes), edges=pairs).layout_fruchterman_reingold(niter=500, grid="auto").coords
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in pairs)
    scale = EDGE_LENGTH_PX / (lengths[len(lengths) // 2] or 1.0)
    left, top = min(x for x, _ in coords), min(y for _, y in coords)
    return {node: ((coords[i][0] - left) * scale, (coords[i][1] - top) * scale) for i, node in enumerate(nodes)}


def _pack(pieces: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Shelf packing: pieces left to right in rows no wider than the widest piece (or a square's side)."""
    sizes = [(max(x for x, _ in p.values()), max(y for _, y in p.values())) for p in pieces]
    gap = EDGE_LENGTH_PX
    row_width = max(max(w for w, _ in sizes), math.sqrt(sum((w + gap) * (h + gap) for w, h in sizes)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for piece, (width, height) in zip(pieces, sizes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        positions.update({node: (round(x + px, 1), round(y + py, 1)) for node, (px, py) in piece.items()})
        x += width + gap
        row_height = max(row_height, height)
    return positions


def stabilisation_steps(node_count: int) -> int:
    """Physics steps the browser may spend before it stops physics: fewer as the graph grows."""
    budget = STABILISATION_STEP_BUDGET // max(node_count, 1)
    return max(STABILISATION_STEPS_MIN, min(STABILISATION_STEPS_MAX, budget))


def vis_options(node_count: int, *, node_types: Iterable[str] = (), positioned: bool = False) -> dict:
    """vis-network options: physics that stabilises and is then switched off by the page (none if positioned)."""
    large = node_count > LARGE_GRAPH_NODES
    groups = {}
    for node_type in node_types:
        style = NODE_STYLES.get(node_type, FALLBACK_NODE_STYLE)
        groups[node_type] = {"shape": style.shape, "color": {
            "background": style.color, "border": style.border,
            "highlight": {"background": style.color, "border": "#000000"},
            "hover": {"background": style.color, "border": "#000000"}}}
    return {
        "groups": groups,
        "nodes": {"borderWidth": 1, "font": {"face": CJK_FONT_FACE, "size": 14, "color": "#222222",
                                             "strokeWidth": 3, "strokeColor": "#ffffff"},
                  # labels smaller than this on screen are not drawn: a zoomed-out big graph shows shapes only
                  "scaling": {"label": {"drawThreshold": 9 if large else 5}}},
        "edges": {"arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}},
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": node_count <= IMPROVED_LAYOUT_MAX_NODES},
        "physics": {
            "enabled": not positioned,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -45, "centralGravity": 0.015, "springLength": 60,
                                 "springConstant": 0.08, "damping": 0.6, "avoidOverlap": 0.2},
            "minVelocity": 1.0,
            "stabilization": {"enabled": not positioned, "fit": True, "updateInterval": 25,
                              "iterations": stabilisation_steps(node_count)},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large, "multiselect": False},
    }


# --------------------------------------------------------------------------- rendering


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, title: str = "kg", **selection: Any) -> dict[str, int]:
    """Write the explorer page for ``select_subgraph(graph, **selection)``; returns what it holds."""
    selected = select_subgraph(graph, **selection)
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_html(selected, title=title, whole=graph))
    return {"nodes": selected.number_of_nodes(), "edges": selected.number_of_edges()}


def render_html(selected: nx.MultiDiGraph, *, title: str = "kg", whole: nx.MultiDiGraph | None = None) -> str:
    """The page as a string. ``whole`` (default ``selected``) supplies details, e.g. all attendees of a meeting."""
    data = page_data(selected, whole if whole is not None else selected, title=title)
    assets = _assets()
    scripts = {"data": script_json(data), **{name: assets[name] for name in ("vis_js", "select_js", "app_js")}}
    policy = content_security_policy(assets[name] for name in ("vis_js", "select_js", "app_js"))
    return _template().render(title=title, policy=policy, node_count=len(data["nodes"]),
                              edge_count=len(data["edges"]),
                              **{name: Markup(text)
                                 for name, text in {**assets, **scripts}.items()})


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> block: no '<', '>' or '&' can end it or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def content_security_policy(inline_scripts: Iterable[str]) -> str:
    """Nothing may load from anywhere; only the page's own inline scripts (by hash) may run."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in inline_scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.get_template(TEMPLATE)


@cache
def _assets() -> dict[str, str]:
    """vis-network and tom-select as bundled with pyvis, plus our script and style, checked safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    assets = {
        "vis_js": (lib / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (lib / "vis-9.1.2" / "vis-network.css").read_text(encoding="utf-8"),
        "select_js": (lib / "tom-select" / "tom-select.complete.min.js").read_text(encoding="utf-8"),
        "select_css": (lib / "tom-select" / "tom-select.css").read_text(encoding="utf-8"),
        "app_js": APP_JS.read_text(encoding="utf-8"),
        "app_css": APP_CSS.read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        closing = "</style" if name.endswith("css") else "</script"
        if closing in text.lower() or "<!--" in text:
            raise RuntimeError(f"{name} cannot be inlined: it contains {closing!r} or '<!--'")
    return assets
