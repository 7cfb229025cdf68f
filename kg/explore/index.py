"""The explorer's index: ``OUT/explore.sqlite``, written once by ``kg build`` and read by ``kg serve``.

Why SQLite: a page about a leader with three thousand meetings needs a few indexed lookups, not the whole graph in
memory; the server opens the file in milliseconds whatever the corpus, and its threads read it side by side. The
same tables, built in memory, serve the self-contained ``graph.html`` of a small build, so both use one set of page
functions (:mod:`kg.explore.pages`).

What it holds: every node (type, label, best date, importance, other attributes as JSON), every edge (relation,
role as written, listing order, date, other attributes, evidence), the names search matches (labels, aliases and
the posts an official held), the co-attendance network of ``kg.analyse.network`` with communities, and the overview
drawn on the first page.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analyse.network import central_officials, coattendance, communities
from kg.explore.styles import OTHER_TYPE_RANK, TYPE_RANK

INDEX_NAME = "explore.sqlite"
SCHEMA_VERSION = 1
PARTICIPATION = ("chaired", "attended")
NAME_KINDS = {"label": 0, "alias": 1, "post": 2}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE node (
    n INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, type TEXT NOT NULL, label TEXT NOT NULL,
    day TEXT, weight INTEGER NOT NULL, hint TEXT, attrs TEXT NOT NULL);
CREATE TABLE edge (
    src INTEGER NOT NULL, dst INTEGER NOT NULL, rel TEXT NOT NULL, role TEXT, ord INTEGER, day TEXT,
    attrs TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE name (
    name TEXT NOT NULL, n INTEGER NOT NULL, kind INTEGER NOT NULL, type_rank INTEGER NOT NULL,
    weight INTEGER NOT NULL);
CREATE TABLE coattend (a INTEGER NOT NULL, b INTEGER NOT NULL, weight INTEGER NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE official (n INTEGER PRIMARY KEY, community INTEGER NOT NULL, strength INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX edge_src ON edge (src, rel);
CREATE INDEX edge_dst ON edge (dst, rel);
CREATE INDEX name_name ON name (name);
CREATE INDEX node_type ON node (type, weight);
"""


class ExplorerIndexError(ValueError):
    """The explorer index is missing, unreadable or from another version of kg."""


# --------------------------------------------------------------------------- building


def build_index(graph: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str = "kg") -> dict[str, int]:
    """Write the index of ``graph`` to ``path`` atomically (a temporary file beside it, then a rename).

    Returns counts of what it holds. The same graph gives a byte-identical file.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        connection = sqlite3.connect(tmp)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            counts = fill_index(connection, graph, title=title)
            connection.commit()  # no VACUUM: a new file filled in key order has no free pages to reclaim (on
            # 2012-2019 it made the file 1% smaller and cost 1.5 s)
        finally:
            connection.close()
        os.chmod(tmp, 0o644 & ~_umask())
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return counts


def memory_index(graph: nx.MultiDiGraph, *, title: str = "kg") -> Index:
    """The index of ``graph`` in memory, for the self-contained page of a small build."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    fill_index(connection, graph, title=title)
    connection.commit()
    return Index(connection)


def fill_index(connection: sqlite3.Connection, graph: nx.MultiDiGraph, *, title: str) -> dict[str, int]:
    """Create the tables in ``connection`` and fill them from ``graph`` (in sorted order: the file is reproducible)."""
    from kg.explore.overview import compute_overview

    connection.executescript(SCHEMA)
    ids = {iri: number for number, iri in enumerate(sorted(graph.nodes), start=1)}
    days = {iri: node_day(graph, iri) for iri in graph.nodes}
    weights = {iri: importance(graph, iri) for iri in graph.nodes}
    hints = node_hints(graph, days)
    connection.executemany("INSERT INTO node VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (
        (ids[iri], iri, str(data.get("type", "")), display_label(data, iri), days[iri], weights[iri], hints.get(iri),
         _json(_node_attrs(data))) for iri, data in sorted(graph.nodes(data=True))))
    connection.executemany("INSERT INTO edge VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _edge_rows(graph, ids, days))
    connection.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)", _name_rows(graph, ids, weights))
    network = coattendance(graph)
    groups = communities(network)
    strength = dict(network.degree(weight="weight"))
    connection.executemany("INSERT INTO coattend VALUES (?, ?, ?)", sorted(
        row for a, b, weight in network.edges(data="weight")
        for row in ((ids[a], ids[b], weight), (ids[b], ids[a], weight))))
    connection.executemany("INSERT INTO official VALUES (?, ?, ?)",
                           sorted((ids[node], groups[node], strength[node]) for node in network))
    connection.executescript(INDEXES)
    overview = compute_overview(graph, network, groups, central_officials(network, limit=len(network)),
                                days=days, weights=weights, title=title)
    counts = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
              "names": connection.execute("SELECT count(*) FROM name").fetchone()[0],
              "coattendance_pairs": network.number_of_edges()}
    meta = {"schema": SCHEMA_VERSION, "title": title, "counts": counts, "overview": overview}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted((k, _json(v)) for k, v in meta.items()))
    return counts


def display_label(data: dict, iri: str) -> str:
    """The label shown for a node: one line (labels read from text may hold line breaks)."""
    return " ".join(str(data.get("label") or iri).split()) or iri


def node_day(graph: nx.MultiDiGraph, iri: str) -> str | None:
    """The date a node is known by: a meeting's own date (else its reporting article's), an article's publication
    date, a slogan's first appearance."""
    data = graph.nodes[iri]
    node_type = data.get("type")
    if node_type == "Meeting":
        own = iso(data.get("date"))
        if own:
            return own
        article = graph.nodes.get(data.get("article")) if data.get("article") else None
        return iso(article.get("pub_date")) if article else None
    if node_type == "Article":
        return iso(data.get("pub_date"))
    if node_type in ("Slogan", "Document"):
        return iso(data.get("first_seen"))
    return None


def node_hints(graph: nx.MultiDiGraph, days: dict[str, str | None]) -> dict[str, str]:
    """A few words that tell apart nodes of the same name in search results: an official's most reported post,
    a post's body, a meeting's or article's date and paper."""
    best_post: dict[str, tuple[int, str]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        if key == "holds":
            label = display_label(graph.nodes[target], target)
            candidate = (-len(data.get("evidence") or ()), label)
            if source not in best_post or candidate < best_post[source]:
                best_post[source] = candidate
    hints = {official: label for official, (_, label) in best_post.items()}
    for iri, data in graph.nodes(data=True):
        node_type = data.get("type")
        if node_type == "Post" and data.get("body"):
            hints[iri] = str(data["body"])
        elif node_type in ("Meeting", "Article") and days[iri]:
            paper = data.get("paper") if node_type == "Article" else None
            hints[iri] = " ".join(str(part) for part in (days[iri], paper) if part)
    return hints


def importance(graph: nx.MultiDiGraph, iri: str) -> int:
    """Meetings chaired or attended for people and bodies, degree for everything else."""
    if graph.nodes[iri].get("type") in ("Official", "Body"):
        meetings = {target for _, target, key in graph.out_edges(iri, keys=True) if key in PARTICIPATION}
        if meetings:
            return len(meetings)
    return graph.degree(iri)


def _node_attrs(data: dict) -> dict:
    return {key: value for key, value in sorted(data.items()) if key not in ("type", "label", "posts")
            and value not in (None, "", [])}


def _edge_rows(graph: nx.MultiDiGraph, ids: dict[str, int], days: dict[str, str | None]) -> Iterator[tuple]:
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        relation = str(data.get("rel") or key)
        evidence = [[str(item.get("article") or ""), str(item.get("sentence") or ""), iso(item.get("date"))]
                    for item in data.get("evidence") or ()]
        attrs = {k: v for k, v in sorted(data.items()) if k not in ("rel", "evidence", "role", "order")
                 and v not in (None, "", [])}
        order = data.get("order")
        yield (ids[source], ids[target], relation, str(data["role"]) if data.get("role") else None,
               order if isinstance(order, int) else None, _edge_day(relation, data, days[source], days[target]),
               _json(attrs), _json(evidence))


def _edge_day(relation: str, data: dict, source_day: str | None, target_day: str | None) -> str | None:
    if data.get("date"):
        return iso(data["date"])
    if relation == "holds":
        return iso(data.get("first_seen"))
    if relation in PARTICIPATION and target_day:
        return target_day
    if relation in ("referenced", "organizedBy", "reportedIn") and source_day:
        return source_day
    dated = sorted(day for item in data.get("evidence") or () if (day := iso(item.get("date"))))
    return dated[0] if dated else None


def _name_rows(graph: nx.MultiDiGraph, ids: dict[str, int], weights: dict[str, int]) -> list[tuple]:
    """(name, node, kind, type rank, weight) for every label, alias and, for officials, post held."""
    best: dict[tuple[str, int], int] = {}

    def add(name: Any, iri: str, kind: str) -> None:
        text = " ".join(str(name or "").split())
        if text:
            key = (text, ids[iri])
            best[key] = min(best.get(key, 99), NAME_KINDS[kind])

    for iri, data in graph.nodes(data=True):
        add(data.get("label"), iri, "label")
        for alias in data.get("aliases") or ():
            add(alias, iri, "alias")
    for source, target, key in graph.edges(keys=True):
        if key == "holds":
            add(graph.nodes[target].get("label"), source, "post")
    types = {ids[iri]: TYPE_RANK.get(str(data.get("type")), OTHER_TYPE_RANK) for iri, data in graph.nodes(data=True)}
    by_number = {number: weights[iri] for iri, number in ids.items()}
    return sorted((name, n, kind, types[n], by_number[n]) for (name, n), kind in best.items())


def iso(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] if value else None


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value)
    return str(value)


# one encoder for every row, as graph.json has (json.dumps with options builds one per call: 290,000 on 2012-2019)
_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default).encode


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Node:
    n: int
    iri: str
    type: str
    label: str
    day: str | None
    weight: int
    hint: str | None
    attrs: dict


@dataclass(frozen=True)
class Edge:
    src: int
    dst: int
    rel: str
    role: str | None
    order: int | None
    day: str | None
    attrs: dict
    evidence: list  # [article IRI, sentence, ISO date or None]


NODE_COLUMNS = "n, iri, type, label, day, weight, hint, attrs"
EDGE_COLUMNS = "src, dst, rel, role, ord, day, attrs, evidence"


class Index:
    """Read access to an explorer index; the page functions take one of these."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self._meta: dict[str, Any] = {}

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Index:
        """Open ``path`` read-only; ExplorerIndexError naming the file if it is missing or not a kg explorer index."""
        location = Path(path)
        if not location.is_file():
            raise ExplorerIndexError(f"{location}: no explorer index (run kg build again to write it)")
        connection = sqlite3.connect(f"{location.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        index = cls(connection)
        try:
            schema = index.meta("schema")
        except sqlite3.DatabaseError as err:
            connection.close()
            raise ExplorerIndexError(f"{location}: not a kg explorer index ({err})") from err
        if schema != SCHEMA_VERSION:
            connection.close()
            raise ExplorerIndexError(f"{location}: index format {schema}, this kg reads {SCHEMA_VERSION}; "
                              "run kg build again")
        return index

    def close(self) -> None:
        self.connection.close()

    def meta(self, key: str) -> Any:
        if key not in self._meta:
            row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            self._meta[key] = json.loads(row[0]) if row else None
        return self._meta[key]

    def node(self, iri: str) -> Node | None:
        row = self.connection.execute(f"SELECT {NODE_COLUMNS} FROM node WHERE iri = ?", (iri,)).fetchone()
        return _node(row) if row else None

    def nodes(self, numbers: Iterable[int]) -> dict[int, Node]:
        wanted = sorted(set(numbers))
        if not wanted:
            return {}
        rows = self.connection.execute(
            f"SELECT {NODE_COLUMNS} FROM node WHERE n IN (SELECT value FROM json_each(?))", (json.dumps(wanted),))
        return {row[0]: _node(row) for row in rows}

    def nodes_by_iri(self, iris: Iterable[str]) -> dict[str, Node]:
        wanted = sorted(set(iris))
        if not wanted:
            return {}
        rows = self.connection.execute(
            f"SELECT {NODE_COLUMNS} FROM node WHERE iri IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted, ensure_ascii=False),))
        return {row[1]: _node(row) for row in rows}

    def edges_out(self, n: int, relations: Iterable[str]) -> list[Edge]:
        return self._edges("src", n, relations)

    def edges_in(self, n: int, relations: Iterable[str]) -> list[Edge]:
        return self._edges("dst", n, relations)

    def edges_out_of(self, numbers: Iterable[int], relations: Iterable[str]) -> list[Edge]:
        """Edges leaving any of ``numbers`` (one query however many)."""
        return self._edges_many("src", numbers, relations)

    def edges_into(self, numbers: Iterable[int], relations: Iterable[str]) -> list[Edge]:
        return self._edges_many("dst", numbers, relations)

    def _edges(self, column: str, n: int, relations: Iterable[str]) -> list[Edge]:
        rels = list(relations)
        marks = ", ".join("?" * len(rels))
        rows = self.connection.execute(
            f"SELECT {EDGE_COLUMNS} FROM edge WHERE {column} = ? AND rel IN ({marks})", (n, *rels))
        return [_edge(row) for row in rows]

    def _edges_many(self, column: str, numbers: Iterable[int], relations: Iterable[str]) -> list[Edge]:
        wanted, rels = sorted(set(numbers)), list(relations)
        if not wanted:
            return []
        marks = ", ".join("?" * len(rels))
        rows = self.connection.execute(
            f"SELECT {EDGE_COLUMNS} FROM edge WHERE {column} IN (SELECT value FROM json_each(?)) "
            f"AND rel IN ({marks})", (json.dumps(wanted), *rels))
        return [_edge(row) for row in rows]

    def coattendees(self, n: int, limit: int) -> list[tuple[int, int]]:
        """(official, meetings together), most first."""
        return self.connection.execute(
            "SELECT b, weight FROM coattend WHERE a = ? ORDER BY weight DESC, b LIMIT ?", (n, limit)).fetchall()

    def coattendance_among(self, numbers: Iterable[int]) -> list[tuple[int, int, int]]:
        wanted = json.dumps(sorted(set(numbers)))
        return self.connection.execute(
            "SELECT a, b, weight FROM coattend WHERE a < b AND a IN (SELECT value FROM json_each(?)) "
            "AND b IN (SELECT value FROM json_each(?)) ORDER BY a, b", (wanted, wanted)).fetchall()

    def participant_counts(self, meetings: Iterable[int]) -> dict[int, int]:
        """Meeting -> how many people and bodies chaired or attended it."""
        wanted = json.dumps(sorted(set(meetings)))
        rows = self.connection.execute(
            "SELECT dst, count(DISTINCT src) FROM edge WHERE dst IN (SELECT value FROM json_each(?)) "
            "AND rel IN ('chaired', 'attended') GROUP BY dst", (wanted,))
        return dict(rows.fetchall())

    def community(self, n: int) -> tuple[int, int] | None:
        row = self.connection.execute("SELECT community, strength FROM official WHERE n = ?", (n,)).fetchone()
        return (row[0], row[1]) if row else None

    def all_iris(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT iri FROM node ORDER BY n")]


def _node(row: tuple) -> Node:
    return Node(row[0], row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]))


def _edge(row: tuple) -> Edge:
    return Edge(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), json.loads(row[7]))
