"""Co-attendance: officials linked by the meetings they attended together, and their communities."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

PARTICIPATION = ("chaired", "attended")


def attendees(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Meeting -> the officials who chaired or attended it, sorted by id (deterministic)."""
    found: dict[str, set[str]] = defaultdict(set)
    nodes = graph.nodes
    for source, target, rel in graph.edges(keys=True):
        if rel in PARTICIPATION and nodes[source].get("type") == "Official":
            found[target].add(source)
    return {meeting: sorted(people) for meeting, people in sorted(found.items())}


def coattendance(graph: nx.MultiDiGraph, min_meetings: int = 1, max_group: int = 60) -> nx.Graph:
    """Officials as nodes, an edge ``weight`` = the number of meetings both attended.

    Meetings with more than ``max_group`` officials (a plenary session's roll) are left out: sitting in the same hall
    as 2,000 deputies says little about who works with whom, and they would cost quadratic time.
    """
    weights: Counter[tuple[str, str]] = Counter()
    for people in attendees(graph).values():
        if len(people) <= max_group:
            weights.update(combinations(people, 2))
    result = nx.Graph()
    for (a, b), weight in sorted(weights.items()):
        if weight >= min_meetings:
            result.add_edge(a, b, weight=weight)
    for node in result:
        result.nodes[node]["label"] = graph.nodes[node].get("label", node)
    return result


def communities(network: nx.Graph, seed: int = 0) -> dict[str, int]:
    """Node -> community number (0 = largest), by Louvain modularity with a fixed seed: the same graph gives the same
    communities on every run."""
    if network.number_of_nodes() == 0:
        return {}
    groups = nx.algorithms.community.louvain_communities(network, weight="weight", seed=seed)
    ordered = sorted((sorted(group) for group in groups), key=lambda g: (-len(g), g[0]))
    return {node: index for index, group in enumerate(ordered) for node in group}


def central_officials(network: nx.Graph, limit: int = 100) -> list[str]:
    """The ``limit`` officials with most weighted co-attendance (ties by id), for an overview that stays readable."""
    strength = dict(network.degree(weight="weight"))
    return sorted(strength, key=lambda n: (-strength[n], n))[:limit]
