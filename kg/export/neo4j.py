"""Neo4j export: CSV files for ``neo4j-admin database import full`` plus ``import.cypher`` for a running server.

One tabular form of the graph (``NodeTable`` / ``RelTable``, Python-typed values) feeds everything: the CSV
writer, the CSV reader used by ``kg neo4j push OUT`` and the pusher itself, so the offline import, the
LOAD CSV script and the driver load cannot drift apart. Node ids are the networkx node ids (the RDF IRIs),
so the Neo4j and RDF exports join on ``n.id``.

File layout (all in the directory given, ``OUT/neo4j/`` from ``kg build``, replaced as a whole so a failed
run never leaves a mix):

* ``nodes_<Label>.csv``: ``id:ID(<Label>)``, ``:LABEL``, then properties (``label``, ``aliases:string[]`` …).
  Every label is its own id space.
* ``rels_<TYPE>_<StartLabel>_<EndLabel>.csv``: ``:START_ID(<StartLabel>)``, ``:END_ID(<EndLabel>)``,
  ``:TYPE``, then properties. One file per label pair because a header names one id space per side.
* ``import.sh`` (the neo4j-admin command), ``constraints.cypher`` (run after it), ``import.cypher``
  (constraints + LOAD CSV … CALL … IN TRANSACTIONS), ``manifest.json`` (format facts the reader needs)
  and ``README.txt``.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import atomic_open
from kg.model import NODE_TYPES, RELATIONS

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
DEFAULT_ARRAY_DELIMITER = ";"
# Used only when some list element itself contains ";": a control character never found in normalised text.
FALLBACK_ARRAY_DELIMITER = "\x1f"
BATCH_ROWS = 1000  # rows per transaction in import.cypher

SCALAR_KINDS = ("string", "int", "long", "double", "boolean", "date")
ARRAY_KINDS = ("string[]",)


@dataclass(frozen=True)
class Column:
    """One property column; ``kind`` is the neo4j-admin field type (``string`` is written without a suffix)."""

    name: str
    kind: str = "string"

    @property
    def header(self) -> str:
        return self.name if self.kind == "string" else f"{self.name}:{self.kind}"


@dataclass
class NodeTable:
    """All nodes of one label: rows are ``{"id": str, "props": {name: python value}}``."""

    label: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    row_count: int | None = None  # rows written and let go (write_neo4j keeps one table's rows at a time)

    @property
    def size(self) -> int:
        return len(self.rows) if self.row_count is None else self.row_count

    @property
    def file_name(self) -> str:
        return f"nodes_{self.label}.csv"

    @property
    def id_header(self) -> str:
        return f"id:ID({self.label})"

    @property
    def headers(self) -> list[str]:
        return [self.id_header, ":LABEL", *(c.header for c in self.columns)]


@dataclass
class RelTable:
    """All relationships of one type between one start label and one end label."""

    type: str
    start_label: str
    end_label: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)  # {"start": id, "end": id, "props": {...}}
    row_count: int | None = None  # rows written and let go (write_neo4j keeps one table's rows at a time)

    @property
    def size(self) -> int:
        return len(self.rows) if self.row_count is None else self.row_count

    @property
    def file_name(self) -> str:
        return f"rels_{self.type}_{self.start_label}_{self.end_label}.csv"

    @property
    def start_header(self) -> str:
        return f":START_ID({self.start_label})"

    @property
    def end_header(self) -> str:
        return f":END_ID({self.end_label})"

    @property
    def headers(self) -> list[str]:
        return [self.start_header, self.end_header, ":TYPE", *(c.header for c in self.columns)]


# --------------------------------------------------------------------------- schema (from the graph contract)

COMMON_NODE_COLUMNS = (Column("label"), Column("aliases", "string[]"))
NODE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "Official": (Column("posts", "string[]"),),
    "Reporter": (Column("posts", "string[]"),),
    "Meeting": (Column("date", "date"), Column("kind"), Column("article")),
    "Article": (Column("source"), Column("record", "int"), Column("pub_date", "date"), Column("headline"),
                Column("reporters", "string[]"), Column("paper")),
    "Post": (Column("title"), Column("body")),
    "Slogan": (Column("first_seen", "date"), Column("count", "int")),
}
COMMON_EDGE_COLUMNS = (Column("date", "date"), Column("evidence"), Column("evidence_article"),
                       Column("evidence_count", "int"))
EDGE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "chaired": (Column("role"), Column("order", "int")),
    "attended": (Column("role"), Column("order", "int")),
    "holds": (Column("first_seen", "date"), Column("last_seen", "date"), Column("start", "date"), Column("end", "date"),
              Column("start_basis"), Column("end_basis"), Column("past", "boolean"), Column("stated_start", "date"),
              Column("stated_end", "date")),
}
# Graph attributes that are structure, not properties.
NODE_STRUCTURE_ATTRS = frozenset({"type"})
EDGE_STRUCTURE_ATTRS = frozenset({"rel", "evidence"})

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_PROPERTY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


_encode = json.JSONEncoder(ensure_ascii=False, default=str).encode  # one for every cell, as graph.json has


def relationship_type(relation: str) -> str:
    """Neo4j relationship type for a relation name: ``postIn`` -> ``POST_IN``, ``chaired`` -> ``CHAIRED``."""
    return _CAMEL_BOUNDARY.sub("_", relation).upper()


def check_identifier(name: str) -> str:
    """Labels and types become file names and Cypher identifiers: refuse anything but plain words."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not usable as a Neo4j label or relationship type: {name!r}")
    return name


# --------------------------------------------------------------------------- value conversion


def to_date(value: Any) -> date | None:
    """An ISO date string, date or datetime as a ``date``; anything unreadable is dropped (and logged)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("neo4j export: dropping unreadable date %r", value)
        return None


def convert(value: Any, kind: str) -> Any:
    """Python value for a column kind, or None when there is nothing to store (CSV cannot tell "" from null)."""
    if value is None:
        return None
    if kind == "string[]":
        items = [str(v) for v in (value if isinstance(value, (list, tuple, set, frozenset)) else [value])]
        items = [v for v in items if v != ""]
        return items or None
    if kind == "date":
        return to_date(value)
    if kind in ("int", "long"):
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "boolean":
        return bool(value)
    text = value if isinstance(value, str) else _encode(value)
    return text or None


def infer_kind(values: Iterable[Any]) -> str:
    """Column kind for an attribute the contract does not name, from the values present."""
    present = [v for v in values if v is not None]
    if not present:
        return "string"
    if all(isinstance(v, bool) for v in present):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "double"
    if all(isinstance(v, (list, tuple, set, frozenset)) for v in present):
        return "string[]"
    return "string"


def _columns_for(known: tuple[Column, ...], records: list[Mapping[str, Any]], skip: frozenset[str]) -> tuple[
        Column, ...]:
    """Known columns first, then any further attribute found on the records (sorted, kind inferred)."""
    named = {c.name for c in known}
    extra = sorted({k for r in records for k in r} - named - skip)
    unusable = [name for name in extra if not _PROPERTY_NAME.match(name)]
    if unusable:
        log.warning("neo4j export: skipping attributes that cannot be CSV header names: %s", unusable)
    extra = [name for name in extra if name not in unusable]
    return known + tuple(Column(name, infer_kind(r.get(name) for r in records)) for name in extra)


def _string(value: Any) -> str | None:
    return (value or None) if isinstance(value, str) else convert(value, "string")


def _converters(columns: tuple[Column, ...]) -> list[tuple[str, Any]]:
    """(name, value -> typed value or None) per column; plain strings, the common case, skip ``convert``."""
    return [(c.name, _string if c.kind == "string" else lambda value, kind=c.kind: convert(value, kind))
            for c in columns]


def _props(record: Mapping[str, Any], converters: list[tuple[str, Any]]) -> dict[str, Any]:
    props = {}
    for name, to_value in converters:
        value = record.get(name)
        if value is not None:
            value = to_value(value)
            if value is not None:
                props[name] = value
    return props


def edge_record(data: Mapping[str, Any]) -> dict[str, Any]:
    """Edge attributes flattened to properties: the first evidence sentence stands for all of it."""
    evidence = list(data.get("evidence") or [])
    first = evidence[0] if evidence else {}
    record = {k: v for k, v in data.items() if k not in EDGE_STRUCTURE_ATTRS}
    if record.get("date") is None:
        record["date"] = first.get("date")
    record["evidence"] = first.get("sentence")
    record["evidence_article"] = first.get("article")
    record["evidence_count"] = len(evidence) if evidence else None
    return record


# --------------------------------------------------------------------------- graph -> tables


NodeGroup = tuple[str, tuple[Column, ...], list[tuple[str, Mapping[str, Any]]]]
RelGroup = tuple[tuple[str, str, str], tuple[Column, ...], list[tuple[str, str, Mapping[str, Any]]]]


def _node_groups(graph: nx.MultiDiGraph, include_schema: bool) -> list[NodeGroup]:
    """(label, columns, sorted (id, attributes)) per node type: the tables without their converted rows."""
    by_label: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    if include_schema:
        by_label = {label: [] for label in NODE_TYPES}
    for node_id, data in graph.nodes(data=True):
        by_label.setdefault(check_identifier(data["type"]), []).append((str(node_id), data))
    groups = []
    for label, members in by_label.items():
        known = COMMON_NODE_COLUMNS + NODE_COLUMNS.get(label, ())
        groups.append((label, _columns_for(known, [d for _, d in members], NODE_STRUCTURE_ATTRS),
                       sorted(members, key=_first)))
    return groups


def _rel_groups(graph: nx.MultiDiGraph, include_schema: bool) -> list[RelGroup]:
    """((relation, start label, end label), columns, sorted (start, end, attributes)) per relationship file."""
    groups: dict[tuple[str, str, str], list[tuple[str, str, Mapping[str, Any]]]] = {}
    if include_schema:
        groups = {pair: [] for pair in schema_pairs()}
    types = graph.nodes(data="type")
    for start, end, key, data in graph.edges(keys=True, data=True):
        relation = data.get("rel", key)
        groups.setdefault((relation, types[start], types[end]), []).append((str(start), str(end), data))
    out = []
    for pair, members in groups.items():
        # edge_record only adds the evidence columns, which are known: the attributes give the same columns
        known = EDGE_COLUMNS.get(pair[0], ()) + COMMON_EDGE_COLUMNS
        out.append((pair, _columns_for(known, [d for _, _, d in members], EDGE_STRUCTURE_ATTRS),
                    sorted(members, key=_edge_key)))
    return out


def _node_table(group: NodeGroup) -> NodeTable:
    label, columns, members = group
    converters = _converters(columns)
    return NodeTable(label, columns, [{"id": node_id, "props": _props(data, converters)} for node_id, data in members])


def _rel_table(group: RelGroup) -> RelTable:
    (relation, start_label, end_label), columns, members = group
    converters = _converters(columns)
    rows = [{"start": s, "end": e, "props": _props(edge_record(d), converters)} for s, e, d in members]
    return RelTable(check_identifier(relationship_type(relation)), check_identifier(start_label),
                    check_identifier(end_label), columns, rows)


def node_tables(graph: nx.MultiDiGraph, *, include_schema: bool = True) -> list[NodeTable]:
    """One table per node type; with ``include_schema`` every contract type gets a (possibly empty) table."""
    return [_node_table(group) for group in _node_groups(graph, include_schema)]


def schema_pairs() -> list[tuple[str, str, str]]:
    """Every (relation, start type, end type) the contract allows."""
    return [(rel, src, dst) for rel, (sources, targets) in RELATIONS.items() for src in sources for dst in targets]


def rel_tables(graph: nx.MultiDiGraph, *, include_schema: bool = True) -> list[RelTable]:
    """One table per (relationship type, start label, end label)."""
    return [_rel_table(group) for group in _rel_groups(graph, include_schema)]


def _edge_key(member: tuple[str, str, dict[str, Any]]) -> tuple[str, str]:
    return member[0], member[1]


def _first(member: tuple[str, Mapping[str, Any]]) -> str:
    return member[0]


# --------------------------------------------------------------------------- tables <-> CSV text


def choose_array_delimiter(tables: Iterable[NodeTable | RelTable]) -> str:
    """``;`` (the neo4j-admin default, readable) unless a list element contains it."""
    for table in tables:
        arrays = [c.name for c in table.columns if c.kind in ARRAY_KINDS]
        for row in table.rows:
            for name in arrays:
                if any(DEFAULT_ARRAY_DELIMITER in item for item in row["props"].get(name, ())):
                    return FALLBACK_ARRAY_DELIMITER
    return DEFAULT_ARRAY_DELIMITER


def format_value(value: Any, kind: str, array_delimiter: str) -> str:
    """CSV text of one typed value in the neo4j-admin format ('' means no property)."""
    if value is None:
        return ""
    if kind in ARRAY_KINDS:
        return array_delimiter.join(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return value.isoformat()
    return str(value)


def parse_value(text: str, kind: str, array_delimiter: str) -> Any:
    """Inverse of ``format_value``; '' is None."""
    if text == "":
        return None
    if kind in ARRAY_KINDS:
        return text.split(array_delimiter)
    if kind == "date":
        return date.fromisoformat(text)
    if kind in ("int", "long"):
        return int(text)
    if kind == "double":
        return float(text)
    if kind == "boolean":
        return text == "true"
    return text


def _cells(props: Mapping[str, Any], columns: tuple[Column, ...], array_delimiter: str) -> list[str]:
    cells = []
    for column in columns:
        value = props.get(column.name)
        if value is None:
            cells.append("")
        elif column.kind == "string":
            cells.append(value)
        else:
            cells.append(format_value(value, column.kind, array_delimiter))
    return cells


def node_csv_rows(table: NodeTable, array_delimiter: str) -> Iterable[list[str]]:
    yield table.headers
    for row in table.rows:
        yield [row["id"], table.label, *_cells(row["props"], table.columns, array_delimiter)]


def rel_csv_rows(table: RelTable, array_delimiter: str) -> Iterable[list[str]]:
    yield table.headers
    for row in table.rows:
        yield [row["start"], row["end"], table.type, *_cells(row["props"], table.columns, array_delimiter)]


_ID_HEADER = re.compile(r"^(?P<name>[^:]*):ID\((?P<space>[A-Za-z][A-Za-z0-9_]*)\)$")
_START_HEADER = re.compile(r"^:START_ID\((?P<space>[A-Za-z][A-Za-z0-9_]*)\)$")
_END_HEADER = re.compile(r"^:END_ID\((?P<space>[A-Za-z][A-Za-z0-9_]*)\)$")


def parse_header(header: str) -> Column:
    """``date:date`` -> Column("date", "date"); a bare name is a string."""
    name, _, kind = header.partition(":")
    kind = kind or "string"
    if kind not in SCALAR_KINDS + ARRAY_KINDS:
        raise ValueError(f"unsupported column type in header {header!r}")
    return Column(name, kind)


def read_node_csv(path: Path, array_delimiter: str) -> NodeTable:
    """Read a ``nodes_<Label>.csv`` written by this module back into a table."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        headers = next(reader)
        match = _ID_HEADER.match(headers[0])
        if not match or headers[1] != ":LABEL":
            raise ValueError(f"{path}: not a kg node file (header {headers[:2]})")
        columns = tuple(parse_header(h) for h in headers[2:])
        rows = [{"id": values[0], "props": _parsed_props(values[2:], columns, array_delimiter)} for values in reader]
    return NodeTable(match["space"], columns, rows)


def read_rel_csv(path: Path, array_delimiter: str) -> RelTable:
    """Read a ``rels_*.csv`` written by this module back into a table."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        headers = next(reader)
        start, end = _START_HEADER.match(headers[0]), _END_HEADER.match(headers[1])
        if not start or not end or headers[2] != ":TYPE":
            raise ValueError(f"{path}: not a kg relationship file (header {headers[:3]})")
        columns = tuple(parse_header(h) for h in headers[3:])
        rows, rel_type = [], None
        for values in reader:
            rel_type = values[2]
            rows.append({"start": values[0], "end": values[1],
                         "props": _parsed_props(values[3:], columns, array_delimiter)})
    type_from_name = path.stem.removeprefix("rels_").removesuffix(f"_{start['space']}_{end['space']}")
    return RelTable(rel_type or type_from_name, start["space"], end["space"], columns, rows)


def _parsed_props(values: list[str], columns: tuple[Column, ...], array_delimiter: str) -> dict[str, Any]:
    if len(values) != len(columns):
        raise ValueError(f"row has {len(values)} property fields, header has {len(columns)}")
    parsed = {c.name: parse_value(v, c.kind, array_delimiter) for c, v in zip(columns, values, strict=True)}
    return {k: v for k, v in parsed.items() if v is not None}


def read_neo4j_dir(directory: str | os.PathLike[str]) -> tuple[list[NodeTable], list[RelTable]]:
    """Tables from an ``OUT/neo4j`` directory (or ``OUT`` itself) written by ``write_neo4j``."""
    path = Path(directory)
    if not (path / "manifest.json").exists() and (path / "neo4j" / "manifest.json").exists():
        path = path / "neo4j"
    if not (path / "manifest.json").exists():
        raise FileNotFoundError(f"{directory}: no kg Neo4j export here (manifest.json missing; run kg build)")
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    delimiter = manifest["array_delimiter"]
    nodes = [read_node_csv(path / name, delimiter) for name in manifest["node_files"]]
    rels = [read_rel_csv(path / name, delimiter) for name in manifest["relationship_files"]]
    return nodes, rels


# --------------------------------------------------------------------------- Cypher text


def quote_identifier(name: str) -> str:
    """Backtick-quoted Cypher identifier (backticks doubled), safe for any property name or header."""
    return "`" + name.replace("`", "``") + "`"


def cypher_string(text: str) -> str:
    """Single-quoted Cypher string literal; only for text this module generates (file names, delimiter)."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'")
    return "'" + "".join(ch if ch.isprintable() else f"\\u{ord(ch):04X}" for ch in escaped) + "'"


def constraint_name(label: str) -> str:
    return f"kg_{label.lower()}_id"


def constraint_statement(label: str) -> str:
    """Neo4j 5 uniqueness constraint on ``id`` (also the index MERGE and MATCH use)."""
    return (f"CREATE CONSTRAINT {quote_identifier(constraint_name(label))} IF NOT EXISTS "
            f"FOR (n:{quote_identifier(label)}) REQUIRE n.id IS UNIQUE")


def csv_value_expression(header: str, kind: str, array_delimiter: str) -> str:
    """Cypher expression turning a LOAD CSV field (a string or null) into the typed property value."""
    field_ref = f"row.{quote_identifier(header)}"
    if kind in ARRAY_KINDS:
        return f"split({field_ref}, {cypher_string(array_delimiter)})"
    return {
        "date": f"date({field_ref})",
        "int": f"toInteger({field_ref})",
        "long": f"toInteger({field_ref})",
        "double": f"toFloat({field_ref})",
        "boolean": f"toBoolean({field_ref})",
    }.get(kind, field_ref)


def _set_clause(variable: str, columns: tuple[Column, ...], array_delimiter: str) -> str:
    if not columns:
        return ""
    assignments = ",\n      ".join(
        f"{variable}.{quote_identifier(c.name)} = {csv_value_expression(c.header, c.kind, array_delimiter)}"
        for c in columns)
    return f"\n  SET {assignments}"


def load_csv_nodes_statement(table: NodeTable, array_delimiter: str, url_prefix: str = "file:///") -> str:
    return (f"LOAD CSV WITH HEADERS FROM {cypher_string(url_prefix + table.file_name)} AS row\n"
            f"CALL (row) {{\n"
            f"  MERGE (n:{quote_identifier(table.label)} {{id: row.{quote_identifier(table.id_header)}}})"
            f"{_set_clause('n', table.columns, array_delimiter)}\n"
            f"}} IN TRANSACTIONS OF {BATCH_ROWS} ROWS")


def load_csv_rels_statement(table: RelTable, array_delimiter: str, url_prefix: str = "file:///") -> str:
    return (f"LOAD CSV WITH HEADERS FROM {cypher_string(url_prefix + table.file_name)} AS row\n"
            f"CALL (row) {{\n"
            f"  MATCH (a:{quote_identifier(table.start_label)} {{id: row.{quote_identifier(table.start_header)}}})\n"
            f"  MATCH (b:{quote_identifier(table.end_label)} {{id: row.{quote_identifier(table.end_header)}}})\n"
            f"  MERGE (a)-[r:{quote_identifier(table.type)}]->(b)"
            f"{_set_clause('r', table.columns, array_delimiter)}\n"
            f"}} IN TRANSACTIONS OF {BATCH_ROWS} ROWS")


def import_cypher(nodes: list[NodeTable], rels: list[RelTable], array_delimiter: str) -> str:
    """The whole ``import.cypher``: constraints, then nodes, then relationships; safe to run again."""
    parts = [
        "// kg -> Neo4j 5.23+ / 2025.x: load the CSV files of this directory into a running server.",
        "// 1. Copy nodes_*.csv and rels_*.csv into the server's import directory (server.directories.import).",
        "// 2. cypher-shell -a neo4j://HOST:7687 -u neo4j -p PASSWORD -d neo4j -f import.cypher",
        "// Every load uses MERGE on id, so running this file again changes nothing.",
        "// CALL { ... } IN TRANSACTIONS needs an implicit transaction: cypher-shell does that; in Neo4j Browser",
        "// prefix each LOAD CSV statement with :auto.",
        "",
        "",
    ]
    statements = [constraint_statement(t.label) for t in nodes]
    statements += [load_csv_nodes_statement(t, array_delimiter) for t in nodes if t.size]
    statements += [load_csv_rels_statement(t, array_delimiter) for t in rels if t.size]
    return "\n".join(parts) + ";\n\n".join(statements) + ";\n"


_SHELL_SAFE = re.compile(r"^[A-Za-z0-9_.,=+:/@-]+$")


def shell_quote(text: str) -> str:
    """POSIX shell word for ``text`` (bare when nothing in it is special to the shell)."""
    if _SHELL_SAFE.match(text):
        return text
    return "'" + text.replace("'", "'\"'\"'") + "'"


def admin_array_delimiter(array_delimiter: str) -> str:
    """neo4j-admin spelling: a printable character as is, a control character as ``U+XXXX``."""
    return array_delimiter if array_delimiter.isprintable() else f"U+{ord(array_delimiter):04X}"


def import_command(nodes: list[NodeTable], rels: list[RelTable], array_delimiter: str) -> list[str]:
    """Arguments of ``neo4j-admin database import full`` for the non-empty files (database name appended)."""
    args = ["database", "import", "full", "--id-type=string",
            f"--array-delimiter={admin_array_delimiter(array_delimiter)}", "--multiline-fields=true"]
    args += [f"--nodes={t.file_name}" for t in nodes if t.size]
    args += [f"--relationships={t.file_name}" for t in rels if t.size]
    return args


def import_sh(nodes: list[NodeTable], rels: list[RelTable], array_delimiter: str) -> str:
    lines = [
        "#!/bin/sh",
        "# Offline bulk import of this directory into a new, empty Neo4j 5 / 2025.x database.",
        "# Usage: sh import.sh [DATABASE] [extra neo4j-admin options, e.g. --overwrite-destination=true]",
        "# Stop the DBMS first (or import a database that does not exist yet, then CREATE DATABASE it).",
        "# NEO4J_ADMIN may name the binary, e.g. NEO4J_ADMIN=$NEO4J_HOME/bin/neo4j-admin.",
        "# Afterwards, with the database started: cypher-shell -d DATABASE -f constraints.cypher",
        "# (the import tool creates no constraints; kg neo4j push and import.cypher need them to be fast).",
        "set -eu",
        'cd "$(dirname "$0")"',
        'DATABASE="${1:-neo4j}"',
        "[ $# -gt 0 ] && shift",
        '"${NEO4J_ADMIN:-neo4j-admin}" \\',
    ]
    args = import_command(nodes, rels, array_delimiter)
    lines += [f"  {shell_quote(a)} \\" for a in args]
    lines += ['  "$@" "$DATABASE"', ""]
    return "\n".join(lines)


def legacy_quote_risks(nodes: list[NodeTable], rels: list[RelTable]) -> int:
    """Values LOAD CSV misreads under its default ``dbms.import.csv.legacy_quote_escaping=true``.

    In that mode a backslash before a quote inside a quoted field is read as an escaped quote, so a value
    ending in ``\\`` (and quoted) or containing ``\\"`` breaks the row. neo4j-admin (legacy quoting off by
    default) and ``kg neo4j push`` are unaffected.
    """
    count = 0
    for table in [*nodes, *rels]:
        for row in table.rows:
            for value in row["props"].values():
                if isinstance(value, str):
                    count += "\\" in value and ('\\"' in value or value.endswith("\\"))
                elif isinstance(value, list):
                    count += sum(1 for t in value if "\\" in t and ('\\"' in t or t.endswith("\\")))
    return count


def readme_text(summary: dict[str, Any]) -> str:
    lines = [
        "kg Neo4j export",
        "",
        "Offline (new database, fastest):  sh import.sh neo4j, start Neo4j, then",
        "                                   cypher-shell -u neo4j -p PASSWORD -f constraints.cypher",
        "Running server:                    copy *.csv into the server's import directory, then",
        "                                   cypher-shell -u neo4j -p PASSWORD -f import.cypher",
        "Running server, no file access:    kg neo4j push OUT --uri neo4j://HOST:7687 --user neo4j",
        "                                   (password from --password or NEO4J_PASSWORD)",
        "",
        f"Array delimiter: {admin_array_delimiter(summary['array_delimiter'])}",
        "Node ids (property id) are the RDF IRIs of the Turtle export.",
        "",
        "Nodes:",
        *(f"  {label}: {n}" for label, n in summary["nodes"].items()),
        "Relationships:",
        *(f"  {rel}: {n}" for rel, n in summary["relationships"].items()),
    ]
    if summary["legacy_quote_risk"]:
        lines += ["", f"{summary['legacy_quote_risk']} values contain a backslash before a quote or at the end:",
                  "LOAD CSV reads them correctly only with dbms.import.csv.legacy_quote_escaping=false;",
                  "import.sh and kg neo4j push are not affected."]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- writing


def _write_csv(path: Path, rows: Iterable[list[str]]) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerows(rows)


def _write_text(path: Path, text: str) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def count_by(tables: Iterable[NodeTable | RelTable], key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in tables:
        name = getattr(table, key)
        counts[name] = counts.get(name, 0) + table.size
    return counts


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by the finished ``staging`` directory: readers see the old set or the new one."""
    if target.exists():
        retired = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(target, retired)
        os.replace(staging, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, target)


def _group_array_delimiter(groups: Iterable[NodeGroup | RelGroup]) -> str:
    """``choose_array_delimiter`` from the attributes themselves, before any table's rows are built."""
    for _, columns, members in groups:
        arrays = [c.name for c in columns if c.kind in ARRAY_KINDS]
        for *_, record in members:
            for name in arrays:
                if any(DEFAULT_ARRAY_DELIMITER in item for item in convert(record.get(name), "string[]") or ()):
                    return FALLBACK_ARRAY_DELIMITER
    return DEFAULT_ARRAY_DELIMITER


def write_neo4j(graph: nx.MultiDiGraph, out_dir: str | os.PathLike[str]) -> dict[str, Any]:
    """Write the Neo4j files into ``out_dir`` (``OUT/neo4j``) and return a summary (files, counts, command).

    One table's rows exist at a time: each is built, written and let go, so memory does not grow with the
    whole graph twice over. The files are written into a hidden sibling directory which then replaces
    ``out_dir`` as a whole, so a failed run leaves the previous export untouched and never a mix of old and
    new files.
    """
    node_groups, rel_groups = _node_groups(graph, True), _rel_groups(graph, True)
    array_delimiter = _group_array_delimiter([*node_groups, *rel_groups])
    target = Path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    nodes: list[NodeTable] = []
    rels: list[RelTable] = []
    risks = 0
    try:
        for node_group in node_groups:
            table = _node_table(node_group)
            _write_csv(staging / table.file_name, node_csv_rows(table, array_delimiter))
            risks += legacy_quote_risks([table], [])
            nodes.append(NodeTable(table.label, table.columns, row_count=table.size))
        for rel_group in rel_groups:
            table = _rel_table(rel_group)
            _write_csv(staging / table.file_name, rel_csv_rows(table, array_delimiter))
            risks += legacy_quote_risks([], [table])
            rels.append(RelTable(table.type, table.start_label, table.end_label, table.columns,
                                 row_count=table.size))
        summary: dict[str, Any] = {
            "dir": str(target),
            "nodes": count_by(nodes, "label"),
            "relationships": count_by(rels, "type"),
            "array_delimiter": array_delimiter,
            "legacy_quote_risk": risks,
            "import_command": "neo4j-admin " + " ".join(import_command(nodes, rels, array_delimiter)) + " neo4j",
        }
        manifest = {
            "format": FORMAT_VERSION,
            "array_delimiter": array_delimiter,
            "node_files": [t.file_name for t in nodes],
            "relationship_files": [t.file_name for t in rels],
            "nodes": summary["nodes"],
            "relationships": summary["relationships"],
        }
        _write_text(staging / "import.cypher", import_cypher(nodes, rels, array_delimiter))
        _write_text(staging / "import.sh", import_sh(nodes, rels, array_delimiter))
        _write_text(staging / "constraints.cypher", "".join(f"{constraint_statement(t.label)};\n" for t in nodes))
        (staging / "import.sh").chmod(0o755)
        _write_text(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        _write_text(staging / "README.txt", readme_text(summary))
        staging.chmod(0o755)  # mkdtemp makes 0700
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    summary["files"] = sorted(p.name for p in target.iterdir())
    return summary
