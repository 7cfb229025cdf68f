"""Search over every node of the graph: labels, aliases and, for officials, the posts they held.

Ranking (the page's offline search does the same, see ``explorer.js``): exact name, then a name starting with the
query, then one containing it; within each, a label before an alias before a post held; then people before bodies,
posts, slogans, documents, meetings, reporters and articles; then the busiest first.
"""

from __future__ import annotations

from kg.explore.index import Index

SEARCH_LIMIT = 20
QUERY_MAX_CHARS = 100
KIND_NAMES = ("label", "alias", "post")
SEARCH_FETCH_FACTOR = 8  # name rows read per result wanted (a node matches under several names)


def normalise_query(query: str) -> str:
    return " ".join(str(query).split())[:QUERY_MAX_CHARS]


def search(index: Index, query: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """The best ``limit`` nodes for ``query``: [{id, label, type, hint, weight, match, kind}]."""
    text = normalise_query(query)
    if not text or limit < 1:
        return []
    exact_iri = index.node(text)
    found: list[tuple[int, str, int]] = [(exact_iri.n, exact_iri.label, 0)] if exact_iri else []
    seen = {n for n, _, _ in found}
    rows = index.connection.execute(
        "SELECT n, name, kind FROM name WHERE instr(name, ?1) > 0 "
        "ORDER BY CASE WHEN name = ?1 THEN 0 WHEN substr(name, 1, ?2) = ?1 THEN 1 ELSE 2 END, "
        "kind, type_rank, weight DESC, n LIMIT ?3", (text, len(text), limit * SEARCH_FETCH_FACTOR))
    for n, name, kind in rows:
        if n not in seen:
            seen.add(n)
            found.append((n, name, kind))
        if len(found) >= limit:
            break
    nodes = index.nodes(n for n, _, _ in found)
    return [{"id": nodes[n].iri, "label": nodes[n].label, "type": nodes[n].type, "hint": nodes[n].hint,
             "weight": nodes[n].weight, "match": name, "kind": KIND_NAMES[kind]} for n, name, kind in found]


def search_table(index: Index) -> dict:
    """What the offline page needs to search by itself: nodes by number and every name row."""
    nodes = index.connection.execute("SELECT n, iri, type, label, hint, weight FROM node ORDER BY n").fetchall()
    names = index.connection.execute("SELECT name, n, kind, type_rank, weight FROM name ORDER BY name, n").fetchall()
    return {"nodes": {n: [iri, node_type, label, hint, weight] for n, iri, node_type, label, hint, weight in nodes},
            "names": [list(row) for row in names], "limitFactor": SEARCH_FETCH_FACTOR}
