"""The first page: a bounded drawing of the most central officials, and lists of what the corpus is about.

The drawing keeps at most OVERVIEW_OFFICIALS officials (most weighted co-attendance, ``kg.analyse.network``), each
linked to its few strongest partners among them, coloured by Louvain community: readable on any corpus size.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

import networkx as nx

from kg.explore.layout import label_extent, positions

OVERVIEW_OFFICIALS = 100
LINKS_PER_OFFICIAL = 3  # each official keeps its strongest few links: a hairball of every pair reads as nothing
COLOURED_COMMUNITIES = 10
LIST_LENGTH = 15
PARTICIPATION = ("chaired", "attended")
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


def compute_overview(graph: nx.MultiDiGraph, network: nx.Graph, groups: dict[str, int], ranked: list[str], *,
                     days: dict[str, str | None], weights: dict[str, int], title: str) -> dict:
    """Everything the first page shows, as plain JSON-able data with node IRIs as ids."""
    date_range = _date_range(graph, days)
    central = ranked[:OVERVIEW_OFFICIALS]
    links = strongest_links(network, central, LINKS_PER_OFFICIAL)
    community_order = _community_order(central, groups)
    strength = dict(network.degree(central, weight="weight")) if central else {}
    strongest = max(strength.values(), default=1) or 1
    drawn = {node: _drawn_size(strength[node] / strongest) for node in central}
    placed = positions(central, links, extents={
        node: label_extent(_label(graph, node), font, size) for node, (size, font) in drawn.items()})
    nodes = [{"id": node, "label": _label(graph, node), "community": community_order.get(groups[node], -1),
              "meetings": weights[node], "strength": strength[node], "size": drawn[node][0], "font": drawn[node][1],
              "x": placed[node][0], "y": placed[node][1]} for node in central]
    return {
        "title": title,
        "counts": dict(sorted(Counter(str(d.get("type")) for _, d in graph.nodes(data=True)).items())),
        "edgeCount": graph.number_of_edges(),
        "officialsInNetwork": network.number_of_nodes(),
        "dateRange": date_range,
        "network": {"nodes": nodes, "edges": [{"from": a, "to": b, "weight": w} for a, b, w in links]},
        "communities": _communities(graph, network, groups, community_order),
        "topOfficials": _top_officials(graph, weights),
        "topSlogans": _top_of_type(graph, "Slogan", weights, days),
        "topBodies": _top_of_type(graph, "Body", weights, days),
        "recentMeetings": _recent_meetings(graph, days),
        "monthly": _meetings_per_month(graph, days, date_range),
    }


def _drawn_size(share: float) -> tuple[int, int]:
    """Node radius and label size in pixels: the most connected officials read first."""
    root = math.sqrt(max(share, 0.0))
    return round(6 + 10 * root), round(13 + 5 * root)


def strongest_links(network: nx.Graph, nodes: list[str], per_node: int) -> list[tuple[str, str, int]]:
    """Each node's ``per_node`` heaviest links to other ``nodes`` (ties by id), as sorted (a, b, weight)."""
    keep = set(nodes)
    chosen: set[tuple[str, str]] = set()
    for node in nodes:
        partners = sorted(((-data["weight"], other) for other, data in network[node].items() if other in keep))
        chosen.update((min(node, other), max(node, other)) for _, other in partners[:per_node])
    return [(a, b, network[a][b]["weight"]) for a, b in sorted(chosen)]


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return " ".join(str(graph.nodes[node].get("label") or node).split())


def _community_order(central: list[str], groups: dict[str, int]) -> dict[int, int]:
    """Community number -> colour slot, by how many of the drawn officials belong to it (largest first)."""
    sizes = Counter(groups[node] for node in central)
    ranked = sorted(sizes, key=lambda c: (-sizes[c], c))
    return {community: slot if slot < COLOURED_COMMUNITIES else -1 for slot, community in enumerate(ranked)}


def _communities(graph: nx.MultiDiGraph, network: nx.Graph, groups: dict[str, int],
                 order: dict[int, int]) -> list[dict]:
    members: dict[int, list[str]] = defaultdict(list)
    for node, community in groups.items():
        members[community].append(node)
    strength = dict(network.degree(weight="weight"))
    result = []
    for community, slot in sorted(order.items(), key=lambda item: item[1]):
        if slot < 0:
            continue
        people = sorted(members[community], key=lambda n: (-strength[n], n))
        result.append({"slot": slot, "size": len(people),
                       "leaders": [{"id": n, "label": _label(graph, n)} for n in people[:4]]})
    return result


def _top_officials(graph: nx.MultiDiGraph, weights: dict[str, int]) -> list[dict]:
    chaired: Counter[str] = Counter()
    for source, _, key in graph.edges(keys=True):
        if key == "chaired" and graph.nodes[source].get("type") == "Official":
            chaired[source] += 1
    officials = [n for n, d in graph.nodes(data=True) if d.get("type") == "Official"]
    top = sorted(officials, key=lambda n: (-weights[n], n))[:LIST_LENGTH]
    return [{"id": n, "label": _label(graph, n), "meetings": weights[n], "chaired": chaired[n]} for n in top]


def _top_of_type(graph: nx.MultiDiGraph, node_type: str, weights: dict[str, int],
                 days: dict[str, str | None]) -> list[dict]:
    nodes = [n for n, d in graph.nodes(data=True) if d.get("type") == node_type]
    top = sorted(nodes, key=lambda n: (-weights[n], n))[:LIST_LENGTH]
    return [{"id": n, "label": _label(graph, n), "weight": weights[n], "day": days[n]} for n in top]


def _recent_meetings(graph: nx.MultiDiGraph, days: dict[str, str | None]) -> list[dict]:
    meetings = [n for n, d in graph.nodes(data=True) if d.get("type") == "Meeting" and days[n]]
    recent = sorted(meetings, key=lambda n: (days[n], n), reverse=True)[:LIST_LENGTH]
    result = []
    for meeting in recent:
        chairs = sorted(_label(graph, u) for u, _, key in graph.in_edges(meeting, keys=True) if key == "chaired")
        result.append({"id": meeting, "label": _label(graph, meeting), "day": days[meeting], "chairs": chairs})
    return result


def _meetings_per_month(graph: nx.MultiDiGraph, days: dict[str, str | None],
                        window: list[str | None]) -> list[dict]:
    """Meetings per month within the papers' publication dates (a meeting recalled from 1935 is not news of 1935)."""
    low, high = (window[0] or "")[:7], (window[1] or "9999")[:7]
    months = Counter(days[n][:7] for n, d in graph.nodes(data=True)
                     if d.get("type") == "Meeting" and days[n] and low <= days[n][:7] <= high)
    return [{"month": month, "count": count} for month, count in fill_months(months)]


def fill_months(counts: Counter[str] | dict[str, int]) -> list[tuple[str, int]]:
    """Every month from the first to the last with a count (0 where none), so a chart's axis is time."""
    counts = {month: n for month, n in counts.items() if MONTH.fullmatch(month)}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        result.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _date_range(graph: nx.MultiDiGraph, days: dict[str, str | None]) -> list[str | None]:
    """The first and last publication dates (meeting dates when no article has one)."""
    dated = [days[n] for n, d in graph.nodes(data=True) if d.get("type") == "Article" and days[n]]
    dated = dated or [days[n] for n, d in graph.nodes(data=True) if d.get("type") == "Meeting" and days[n]]
    return [min(dated), max(dated)] if dated else [None, None]
