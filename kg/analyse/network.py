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


def top_pairs(network: nx.Graph, limit: int = 50) -> list[tuple[str, str, int]]:
    """The ``limit`` pairs who met most often, as (official, official, meetings), heaviest first then by id."""
    pairs = [(min(a, b), max(a, b), data["weight"]) for a, b, data in network.edges(data=True)]
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))[:limit]


def community_rows(network: nx.Graph, found: dict[str, int]) -> list[dict]:
    """One row per official: community, weighted degree (meetings shared with others) and partners, for CSV."""
    strength = dict(network.degree(weight="weight"))
    rows = [{"official": network.nodes[node].get("label", node), "community": community,
             "strength": strength.get(node, 0), "partners": network.degree(node), "official_id": node}
            for node, community in found.items()]
    return sorted(rows, key=lambda r: (r["community"], -r["strength"], r["official_id"]))


def community_summary(network: nx.Graph, found: dict[str, int], size: int = 5) -> list[dict]:
    """Each community with its member count and its ``size`` most connected members (labels), largest first."""
    strength = dict(network.degree(weight="weight"))
    members: dict[int, list[str]] = defaultdict(list)
    for node, community in found.items():
        members[community].append(node)
    summary = []
    for community in sorted(members):
        ranked = sorted(members[community], key=lambda n: (-strength.get(n, 0), n))
        summary.append({"community": community, "members": len(ranked),
                        "core": [network.nodes[n].get("label", n) for n in ranked[:size]]})
    return summary
