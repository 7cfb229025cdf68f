"""A read-only SPARQL 1.1 Protocol endpoint over a build's graph, for ``kg serve`` (``/sparql``).

The store is ``OUT/store`` (an on-disk Oxigraph store, opened read-only: instant) when the build left one, else
``OUT/graph.ttl`` loaded into memory in a background thread when the server starts (queries wait for it). Queries
come as ``GET ?query=``, ``POST`` form (``query=``) or ``POST application/sparql-query``; results are chosen by the
``Accept`` header: SPARQL JSON (default), XML, CSV or TSV for SELECT and ASK; Turtle (default), N-Triples, RDF/XML,
JSON-LD or N-Quads for CONSTRUCT and DESCRIBE. Updates are refused: the endpoint only reads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.export.turtle import PREFIXES

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
LOAD_WAIT_SECONDS = 600


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


class SparqlEndpoint:
    """Answers SPARQL queries over one build's store; thread-safe, read-only."""

    def __init__(self, out_dir: str | Path):
        out = Path(out_dir)
        self.store_dir = out / "store"
        self.turtle = out / "graph.ttl"
        self._store: ox.Store | None = None
        self._error: str | None = None
        self._loaded = threading.Event()
        self.load_seconds: float | None = None
        if (self.store_dir / "CURRENT").is_file():
            self.source = str(self.store_dir)
            self._open(lambda: ox.Store.read_only(str(self.store_dir)))
        elif self.turtle.is_file():
            self.source = str(self.turtle)
            threading.Thread(target=self._open, args=(self._load_turtle,), name="kg-sparql-load", daemon=True).start()
        else:
            self.source = None
            self._error = f"{out}: neither store/ nor graph.ttl; run kg build first"
            self._loaded.set()

    def _load_turtle(self) -> ox.Store:
        store = ox.Store()
        store.bulk_load(path=str(self.turtle), format=ox.RdfFormat.TURTLE)
        return store

    def _open(self, opener: Callable[[], ox.Store]) -> None:
        started = time.perf_counter()
        try:
            self._store = opener()
        except (OSError, SyntaxError, ValueError) as err:
            self._error = f"cannot open {self.source}: {err}"
        finally:
            self.load_seconds = time.perf_counter() - started
            self._loaded.set()

    @property
    def ready(self) -> bool:
        return self._loaded.is_set() and self._store is not None

    def wait(self, timeout: float = LOAD_WAIT_SECONDS) -> bool:
        return self._loaded.wait(timeout) and self._store is not None

    def answer(self, query: str, accept: str | None, *, default_graphs: Sequence[str] = (),
               named_graphs: Sequence[str] = ()) -> Answer:
        """Run ``query`` and serialise the result in the best type ``accept`` allows."""
        if not self.wait():
            return _text(503, self._error or "the graph is still loading; try again")
        try:
            result = self._store.query(
                query, prefixes=PREFIXES,
                default_graph=[ox.NamedNode(g) for g in default_graphs] or None,
                named_graphs=[ox.NamedNode(g) for g in named_graphs] or None)
        except SyntaxError as err:
            return _text(400, f"invalid SPARQL query: {err}")
        except ValueError as err:
            return _text(400, f"bad request: {err}")
        except OSError as err:
            return _text(500, f"store error: {err}")
        if isinstance(result, ox.QueryTriples):
            media, fmt = negotiate(accept, GRAPH_TYPES, "text/turtle")
            if fmt is None:
                return _text(406, "acceptable types for CONSTRUCT/DESCRIBE: " + ", ".join(GRAPH_TYPES))
            return Answer(200, _with_charset(media), result.serialize(format=fmt))
        media, fmt = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        if fmt is None:
            return _text(406, "acceptable types for SELECT/ASK: " + ", ".join(RESULT_TYPES))
        return Answer(200, _with_charset(media), result.serialize(format=fmt))


def negotiate(accept: str | None, offered: dict, default: str) -> tuple[str | None, object]:
    """The offered (media type, format) the Accept header prefers; the default for none or */*."""
    if not accept or not accept.strip():
        return default, offered[default]
    choices = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for parameter in fields[1:]:
            if parameter.startswith("q="):
                try:
                    quality = float(parameter[2:])
                except ValueError:
                    quality = 0.0
        choices.append((-quality, position, media))
    for negative_quality, _, media in sorted(choices):
        if negative_quality >= 0:
            break
        if media in offered:
            return media, offered[media]
        if media in ("*/*", "application/*") or (media == "text/*" and default.startswith("text/")):
            return default, offered[default]
        if media == "text/*":
            text_type = next((m for m in offered if m.startswith("text/")), None)
            if text_type:
                return text_type, offered[text_type]
    return None, None


def _with_charset(media: str) -> str:
    if media in ("application/sparql-results+xml", "application/xml", "application/rdf+xml"):
        return media
    return f"{media}; charset=utf-8"


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode())
