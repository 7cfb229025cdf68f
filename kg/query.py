"""SPARQL over an exported graph with pyoxigraph: a Turtle file or an Oxigraph store directory.

Oxigraph answers the ready-made questions orders of magnitude faster than rdflib's own engine, and
an on-disk store (``kg.store.build_store``) opens instantly however big the graph is. The kg
prefixes (kg:, org:, prov:, schema:, skos:, rdfs:, xsd:, foaf:, dcterms:, …) are predeclared, so a
query may use them without PREFIX lines.
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
from pathlib import Path

import pyoxigraph as ox

from kg.export.vocabulary import PREFIXES

FORMATS = ("table", "csv", "json")
STORE_MARKER = "CURRENT"  # RocksDB writes this file in every Oxigraph store directory
TABLE_CELL_WIDTH = 80
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


def resolve_source(source: str | os.PathLike[str]) -> Path:
    """What to query for ``source``: a store directory or an RDF file; a build directory (``kg build -o OUT``)
    means its store when it has one, else its graph.ttl."""
    path = Path(source)
    if path.is_dir() and not (path / STORE_MARKER).is_file():
        if (path / "store" / STORE_MARKER).is_file():
            return path / "store"
        if (path / "graph.ttl").is_file():
            return path / "graph.ttl"
        raise ValueError(f"{path} is not an Oxigraph store, nor a kg build directory (no store/, no graph.ttl)")
    return path


def open_store(source: str | os.PathLike[str]) -> ox.Store:
    """A read-only on-disk store for a store or build directory, else an in-memory store loaded from the RDF file."""
    path = resolve_source(source)
    if path.is_dir():
        try:
            return ox.Store.read_only(str(path))
        except OSError as err:
            raise ValueError(f"{path} is not an Oxigraph store directory: {err}") from err
    if not path.is_file():
        raise ValueError(f"no such graph file or store directory: {path}")
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF file type {path.suffix!r} (expected one of {', '.join(RDF_FORMATS)})")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise ValueError(f"{path} is not valid {fmt.name}: {err}") from err
    return store


def execute(store: ox.Store, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run ``sparql`` with the kg prefixes predeclared; a malformed query raises ValueError."""
    try:
        return store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as err:
        raise ValueError(f"invalid SPARQL query: {err}") from err


def run_query(source: str | os.PathLike[str], sparql: str, fmt: str = "table") -> str:
    """Answer ``sparql`` on a Turtle file or store directory, as a text table, CSV or SPARQL JSON results."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (expected one of {', '.join(FORMATS)})")
    results = execute(open_store(source), sparql)
    if isinstance(results, ox.QueryTriples):
        return ox.serialize(results, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
    if isinstance(results, ox.QueryBoolean):
        return json.dumps({"head": {}, "boolean": bool(results)}) + "\n" if fmt == "json" else f"{bool(results)}\n"
    if fmt == "table":
        return format_table(results)
    results_format = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.JSON
    return results.serialize(format=results_format).decode()


# --------------------------------------------------------------------------- readable table


def display_width(text: str) -> int:
    """Terminal columns: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _truncate(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        used += display_width(ch)
        if used > width - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def compact_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """A cell: prefixed name for IRIs, bare lexical form for literals, empty for unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return " ".join(term.value.split())  # one line per row: newlines and tabs become spaces


def format_table(solutions: ox.QuerySolutions) -> str:
    """Aligned columns with a header rule and a row count; long cells cut at TABLE_CELL_WIDTH."""
    names = [variable.value for variable in solutions.variables]
    rows = [[_truncate(compact_term(solution[name]), TABLE_CELL_WIDTH) for name in names] for solution in solutions]
    widths = [max([display_width(name)] + [display_width(row[i]) for row in rows]) for i, name in enumerate(names)]
    out = io.StringIO()
    out.write("  ".join(_pad(name, w) for name, w in zip(names, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n")
    return out.getvalue()
