"""Load the graph into a running Neo4j server: batched, parameterised ``UNWIND $rows … MERGE`` transactions.

Data only ever travels as query parameters; labels and relationship types (which Cypher cannot take as
parameters) come from the contract's fixed vocabulary and are checked and backtick-quoted. Every write is a
MERGE on ``id`` (nodes) or on the (start, type, end) triple (relationships), so pushing again changes nothing.

The loader (``load``) talks to any object with ``run(query, parameters)``; ``push`` wraps the official
``neo4j`` driver (imported only there) and the FalkorDB test drives the very same statements.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from kg.export.neo4j import (
    NodeTable,
    RelTable,
    check_identifier,
    constraint_statement,
    count_by,
    node_tables,
    quote_identifier,
    read_neo4j_dir,
    rel_tables,
    relationship_type,
    schema_pairs,
)
from kg.model import NODE_TYPES

PASSWORD_ENV = "NEO4J_PASSWORD"
COUNTER_NAMES = ("nodes_created", "relationships_created", "properties_set", "constraints_added")


class CypherRunner(Protocol):
    """What the loader needs from a database session."""

    def run(self, query: str, parameters: dict[str, Any]) -> Any: ...


def merge_nodes_statement(label: str) -> str:
    """One statement per label: labels cannot be parameters, everything else is."""
    return (f"UNWIND $rows AS row\n"
            f"MERGE (n:{quote_identifier(check_identifier(label))} {{id: row.id}})\n"
            f"SET n += row.props")


def merge_relationships_statement(rel_type: str, start_label: str, end_label: str) -> str:
    """Two MATCHes (not one comma pattern) so the planner sees no cartesian product."""
    return (f"UNWIND $rows AS row\n"
            f"MATCH (a:{quote_identifier(check_identifier(start_label))} {{id: row.start}})\n"
            f"MATCH (b:{quote_identifier(check_identifier(end_label))} {{id: row.end}})\n"
            f"MERGE (a)-[r:{quote_identifier(check_identifier(rel_type))}]->(b)\n"
            f"SET r += row.props")


def statements(graph: nx.MultiDiGraph | None = None) -> list[str]:
    """Every Cypher statement ``push`` can send (for linting): the contract's vocabulary plus the graph's."""
    labels = list(NODE_TYPES)
    pairs = [(relationship_type(rel), src, dst) for rel, src, dst in schema_pairs()]
    if graph is not None:
        labels += [t.label for t in node_tables(graph, include_schema=False) if t.label not in labels]
        pairs += [key for t in rel_tables(graph, include_schema=False)
                  if (key := (t.type, t.start_label, t.end_label)) not in pairs]
    return ([constraint_statement(label) for label in labels]
            + [merge_nodes_statement(label) for label in labels]
            + [merge_relationships_statement(*pair) for pair in pairs])


def batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])


def _counters(result: Any) -> Counter[str]:
    """Counters from whatever a runner returns (a mapping of counts, or nothing)."""
    if isinstance(result, Mapping):
        return Counter({k: int(v) for k, v in result.items() if k in COUNTER_NAMES and v})
    return Counter()


def load(runner: CypherRunner, nodes: Sequence[NodeTable], rels: Sequence[RelTable], *, batch_size: int = 1000,
         progress: bool = False, constraints: bool = True) -> dict[str, Any]:
    """Send constraints, then node batches, then relationship batches; return what was sent and counters."""
    totals: Counter[str] = Counter()
    sent = 0
    if constraints:
        for table in nodes:
            totals += _counters(runner.run(constraint_statement(table.label), {}))
    work = [(merge_nodes_statement(t.label), t.rows) for t in nodes if t.rows]
    work += [(merge_relationships_statement(t.type, t.start_label, t.end_label), t.rows) for t in rels if t.rows]
    bar = _progress_bar(sum(len(rows) for _, rows in work), progress)
    try:
        for query, rows in work:
            for batch in batches(rows, batch_size):
                totals += _counters(runner.run(query, {"rows": batch}))
                sent += 1
                if bar is not None:
                    bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return {
        "nodes": count_by(nodes, "label"),
        "relationships": count_by(rels, "type"),
        "transactions": sent,
        **{name: totals.get(name, 0) for name in COUNTER_NAMES},
    }


def _progress_bar(total: int, enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="row", desc="neo4j push")


def tables_from(graph_or_out_dir: nx.MultiDiGraph | str | os.PathLike[str]) -> tuple[list[NodeTable],
                                                                                      list[RelTable]]:
    """Tables from a graph, or from the CSV files of ``OUT/neo4j`` (``OUT`` works too)."""
    if isinstance(graph_or_out_dir, nx.Graph):
        return node_tables(graph_or_out_dir), rel_tables(graph_or_out_dir)
    return read_neo4j_dir(Path(graph_or_out_dir))


class Neo4jSessionRunner:
    """Runs each statement as its own managed write transaction (retried by the driver on transient errors)."""

    def __init__(self, session: Any) -> None:
        self._session = session

    def run(self, query: str, parameters: dict[str, Any]) -> dict[str, int]:
        def work(tx: Any) -> Any:
            return tx.run(query, parameters).consume().counters

        counters = self._session.execute_write(work)
        return {name: getattr(counters, name, 0) for name in COUNTER_NAMES}

    def close(self) -> None:
        self._session.close()


class Neo4jUnavailable(ConnectionError):
    """The server could not be reached or refused the credentials (message says which)."""


def neo4j_session_factory(uri: str, user: str, password: str, database: str | None) -> Callable[[], Any]:
    """A factory opening a driver session; the driver is imported here so kg runs without it."""
    try:
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError("kg neo4j push needs the official driver: pip install neo4j") from exc

    def open_runner() -> Neo4jSessionRunner:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        try:
            driver.verify_connectivity()
            session = driver.session(database=database)
        except (ServiceUnavailable, AuthError) as exc:
            driver.close()
            raise Neo4jUnavailable(f"cannot use Neo4j at {uri}: {exc}") from exc
        runner = Neo4jSessionRunner(session)
        original_close = runner.close

        def close() -> None:
            try:
                original_close()
            finally:
                driver.close()

        runner.close = close  # type: ignore[method-assign]
        return runner

    return open_runner


def push(graph_or_out_dir: nx.MultiDiGraph | str | os.PathLike[str], *, uri: str, user: str,
         password: str | None, database: str | None = None, batch_size: int = 1000, progress: bool = True,
         session_factory: Callable[[], CypherRunner] | None = None) -> dict[str, Any]:
    """Load a graph (or an exported ``OUT`` directory) into Neo4j; the password may come from $NEO4J_PASSWORD.

    ``session_factory`` returns any ``run(query, parameters)`` object (closed afterwards if it has ``close``);
    by default it opens a session with the official driver.
    """
    nodes, rels = tables_from(graph_or_out_dir)
    if session_factory is None:
        password = password if password is not None else os.environ.get(PASSWORD_ENV)
        if not password:
            raise ValueError(f"no Neo4j password: pass --password or set {PASSWORD_ENV}")
        session_factory = neo4j_session_factory(uri, user, password, database)
    runner = session_factory()
    try:
        summary = load(runner, nodes, rels, batch_size=batch_size, progress=progress)
    finally:
        close = getattr(runner, "close", None)
        if callable(close):
            close()
    summary["uri"] = uri
    summary["database"] = database
    return summary
