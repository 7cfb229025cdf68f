"""Graph -> RDF: the kg: vocabulary (ontology/kg.ttl) with qualified, sourced statements.

Every edge becomes a plain "shortcut" triple (``?official kg:chaired ?meeting``) for simple queries
plus a qualified node (kg:Participation / kg:Reference / kg:Tenure / kg:Assertion) that says which
statement it qualifies (``rdf:subject``/``rdf:predicate``/``rdf:object``), how it was written
(kg:role, kg:order; for tenures kg:firstSeen/kg:lastSeen, kg:start/kg:end with their basis, kg:pastOnly)
and where it was read (kg:evidence sentence, prov:wasDerivedFrom article, one prov:Derivation per
(article, sentence) pair).

Why it is fast (1.5 million triples in about a second): the writer renders Turtle text straight from
networkx's dicts. Each node's IRI is rendered once per export; a subject's (predicate, object) pairs are
pairs of finished strings, deduplicated and sorted by C code (``sorted(set(...))``) and joined into one
``predicate object`` line per triple (``str.join``), so no Python code runs per triple beyond building
its pair. Literals go through pyoxigraph's escaping only when they hold a character that needs it.

Subjects come out in a fixed order (nodes sorted by IRI, each followed by the qualified nodes of its
out-edges and their derivations), so the same graph always gives byte-identical output, and any
contiguous range of nodes can be written by another process and the parts concatenated
(``split_nodes`` / ``write_turtle_part``). ``iter_triples`` and ``graph_to_rdf`` read the rendered
text back (pyoxigraph's parser), so they hand out exactly the triples the file holds.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.atomic import atomic_open
from kg.export.vocabulary import (
    PREFIXES,
    QUALIFIED_CLASS,
    QUALIFIED_KINDS,
    RELATION_PREDICATES,
    RESOURCE_PREFIXES,
    STANDARD_TYPES,
    TENURE_ATTRIBUTES,
    VOCABULARY_PREFIXES,
    V,
    kg,
    turtle_prefix_lines,
)
from kg.iri import ONTOLOGY, RESOURCE

__all__ = [
    "KG", "ORG", "PREFIXES", "QUALIFIED_KINDS", "RESOURCE_PREFIXES", "SCHEMA", "VOCABULARY_PREFIXES", "V",
    "checked_iri", "clean_text", "graph_to_rdf", "iter_triples", "kg", "predicate_for", "qualified_iri",
    "safe_iri", "split_nodes", "turtle_prefix_lines", "write_ntriples", "write_turtle", "write_turtle_part",
]

KG = Namespace(ONTOLOGY)
ORG = Namespace(VOCABULARY_PREFIXES["org"])
SCHEMA = Namespace(VOCABULARY_PREFIXES["schema"])

Triple = tuple[Node, Node, Node]
Pair = tuple[str, str]  # (predicate, object) as Turtle text

_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\\ud800-\udfff\ufffe\uffff]')
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SAFE_LOCAL = re.compile(rf"[A-Za-z0-9_{_CJK}][A-Za-z0-9_\-{_CJK}]*")
_CACHE_SIZE = 1 << 15  # bounded: rendering memory must not grow with the graph
_WRITE_BATCH = 1 << 20  # characters of Turtle gathered before one write call
_LINE = " ;\n    "  # between the predicate-object lines of one subject


# --------------------------------------------------------------------------- terms


def safe_iri(value: str) -> str:
    """Percent-encode the characters an IRI may not contain; valid IRIs come back unchanged."""
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), value)


@lru_cache(maxsize=_CACHE_SIZE)
def checked_iri(value: str) -> str:
    """``value`` as a valid absolute IRI (unsafe characters percent-encoded), else ValueError."""
    iri = safe_iri(value)
    try:
        ox.NamedNode(iri)
    except ValueError as err:
        raise ValueError(f"not an absolute IRI: {value!r} ({err})") from err
    return iri


def clean_text(text: str) -> str:
    """Text any RDF parser accepts: lone surrogates (undecodable input bytes) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def qualified_iri(source: str, relation: str, target: str) -> URIRef:
    """The qualified node of edge (source, relation, target): same edge, same IRI, everywhere."""
    return URIRef(f"{RESOURCE}{QUALIFIED_CLASS.get(relation, 'Assertion').lower()}/"
                  f"{_digest(source, relation, target)}")


def predicate_for(relation: str) -> str:
    return RELATION_PREDICATES.get(relation) or checked_iri(kg(relation))


_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()}


def turtle_iri(iri: str) -> str:
    """A valid IRI as Turtle: a prefixed name where the local part is plainly safe, else ``<iri>``."""
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    prefix = _PREFIX_OF.get(iri[:cut])
    if prefix is not None and _SAFE_LOCAL.fullmatch(iri, cut):
        return f"{prefix}:{iri[cut:]}"
    return f"<{iri}>"


def turtle_string(text: str) -> str:
    """A quoted string literal (no tag): pyoxigraph's escaping only for text that needs any."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return str(ox.Literal(clean_text(text)))


def _zh(text: str) -> str:
    return turtle_string(text) + "@zh"


def _iso(value: object) -> str | None:
    """The ISO form of a date, datetime or ISO string; None when there is no valid date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def _url(value: object) -> str | None:
    """An http(s) URL as a valid IRI, or None when it is not one."""
    if not isinstance(value, str) or not value.lower().startswith(("http://", "https://")):
        return None
    try:
        return checked_iri(value)
    except ValueError:
        return None


class P:
    """Predicates and classes as Turtle text."""

    label, alt_label, pref_label = turtle_iri(V.label), turtle_iri(V.alt_label), turtle_iri(V.pref_label)
    subject, predicate, object = turtle_iri(V.subject), turtle_iri(V.predicate), turtle_iri(V.object)
    date, start_date, kind, reported_in = (turtle_iri(kg("date")), turtle_iri(V.start_date), turtle_iri(kg("kind")),
                                           turtle_iri(kg("reportedIn")))
    source, record, date_published, headline = (turtle_iri(kg("source")), turtle_iri(kg("record")),
                                                turtle_iri(V.date_published), turtle_iri(V.headline))
    paper, url, reporter_name = turtle_iri(kg("paper")), turtle_iri(V.url), turtle_iri(kg("reporterName"))
    title, first_seen, mention_count = turtle_iri(kg("title")), turtle_iri(kg("firstSeen")), turtle_iri(
        kg("mentionCount"))
    org_holds, attendee, author = turtle_iri(V.org_holds), turtle_iri(V.attendee), turtle_iri(V.author)
    role, order = turtle_iri(kg("role")), turtle_iri(kg("order"))
    member, organization = turtle_iri(V.org_member), turtle_iri(V.org_organization)
    qualified_derivation, was_derived_from = turtle_iri(V.qualified_derivation), turtle_iri(V.was_derived_from)
    evidence, prov_entity, dc_date = turtle_iri(kg("evidence")), turtle_iri(V.prov_entity), turtle_iri(V.dc_date)
    xsd_date, xsd_boolean = turtle_iri(V.xsd_date), turtle_iri(V.xsd_boolean)
    derivation_head = "\n    a " + turtle_iri(V.derivation) + " ;\n    "


_TENURE = tuple((attr, turtle_iri(predicate), kind) for attr, predicate, kind in TENURE_ATTRIBUTES)


def _class_line(node_type: str, extra: Sequence[str] = ()) -> tuple[str, int]:
    """The ``a`` line of a subject (its kg: class first, then the standard classes by IRI), and its length."""
    own = checked_iri(kg(node_type))
    classes = (own, *sorted(set(extra) - {own}))
    return ", ".join(turtle_iri(iri) for iri in classes), len(classes)


_QUALIFIED_CLASS_LINES = {kind: _class_line(kind, (V.membership,) if kind == "Tenure" else ())
                          for kind in QUALIFIED_KINDS}


# --------------------------------------------------------------------------- graph -> Turtle text


def _block(subject: str, classes: str, pairs: Iterable[Pair]) -> str:
    """One subject: its classes on the ``a`` line, then one ``predicate object`` line per triple."""
    body = _LINE.join(map(" ".join, pairs))
    if body:
        return f"{subject}\n    a {classes} ;\n    {body} .\n\n"
    return f"{subject}\n    a {classes} .\n\n"


class TurtleRenderer:
    """Renders the subjects of one graph as Turtle blocks; IRIs and dates are rendered once per export."""

    def __init__(self, graph: nx.MultiDiGraph):
        self._nodes = graph._node
        self._succ = graph._succ
        self._pred = graph._pred
        self._iris: dict[str, str] = {}
        self._dates: dict[object, str | None] = {}
        self._classes: dict[str, tuple[str, int]] = {}
        self._predicates: dict[str, str] = {}

    # ------------------------------------------------------------------ terms

    def iri(self, value: str) -> str:
        term = self._iris.get(value)
        if term is None:
            term = self._iris[value] = turtle_iri(checked_iri(value))
        return term

    def date(self, value: object) -> str | None:
        """``"YYYY-MM-DD"^^xsd:date`` for a valid date, else None."""
        try:
            return self._dates[value]
        except KeyError:
            iso = _iso(value)
            term = self._dates[value] = f'"{iso}"^^{P.xsd_date}' if iso else None
            return term
        except TypeError:  # unhashable, so never a date
            return None

    def predicate(self, relation: str) -> str:
        term = self._predicates.get(relation)
        if term is None:
            term = self._predicates[relation] = turtle_iri(predicate_for(relation))
        return term

    def classes(self, node_type: str) -> tuple[str, int]:
        """The ``a`` line of a node type and how many classes it names."""
        line = self._classes.get(node_type)
        if line is None:
            line = self._classes[node_type] = _class_line(node_type, STANDARD_TYPES.get(node_type, ()))
        return line

    # ------------------------------------------------------------------ subjects

    def blocks(self, nodes: Iterable[str]) -> Iterator[tuple[str, int]]:
        """(Turtle text, triple count) of each node's block, its qualified nodes and their derivations."""
        iri = self.iri
        for node in nodes:
            data = self._nodes[node]
            node_type = data.get("type")
            if not node_type:
                raise ValueError(f"node {node!r} has no 'type' attribute")
            subject = iri(node)
            pairs = self._attribute_pairs(data, node_type)
            edges = []
            for target, relations in self._succ[node].items():
                target_term = iri(target)
                for relation, edge in relations.items():
                    pairs.append((self.predicate(relation), target_term))
                    if relation == "holds":
                        pairs.append((P.org_holds, target_term))
                    edges.append((relation, target, target_term, edge))
            for source, relations in self._pred[node].items():
                for relation in relations:
                    if relation == "chaired" or relation == "attended":
                        pairs.append((P.attendee, iri(source)))
                    elif relation == "wrote":
                        pairs.append((P.author, iri(source)))
            classes, n_classes = self.classes(node_type)
            pairs = sorted(set(pairs))
            yield _block(subject, classes, pairs), len(pairs) + n_classes
            edges.sort(key=lambda edge: (edge[0], edge[1]))
            for relation, target, target_term, edge in edges:
                yield from self._edge_blocks(node, subject, relation, target, target_term, edge)

    def _attribute_pairs(self, data: dict, node_type: str) -> list[Pair]:
        """Labels and the per-type node attributes of the graph contract (see kg.model)."""
        pairs: list[Pair] = []
        label = data.get("label")
        if label:
            text = _zh(label)
            pairs.append((P.label, text))
            if node_type == "Slogan":
                pairs.append((P.pref_label, text))
        for alias in data.get("aliases") or ():
            if alias and alias != label:
                pairs.append((P.alt_label, _zh(alias)))
        if node_type == "Meeting":
            when = self.date(data.get("date"))
            if when is not None:
                pairs += ((P.date, when), (P.start_date, when))
            if data.get("kind"):
                pairs.append((P.kind, _zh(data["kind"])))
            if data.get("article"):
                pairs.append((P.reported_in, self.iri(data["article"])))
        elif node_type == "Article":
            if data.get("source"):
                pairs.append((P.source, turtle_string(str(data["source"]))))
            if data.get("record") is not None:
                pairs.append((P.record, str(int(data["record"]))))
            published = self.date(data.get("pub_date"))
            if published is not None:
                pairs.append((P.date_published, published))
            if data.get("headline"):
                pairs.append((P.headline, _zh(data["headline"])))
            if data.get("paper"):
                pairs.append((P.paper, _zh(data["paper"])))
            url = _url(data.get("url")) or _url(data.get("source"))
            if url is not None:
                pairs.append((P.url, turtle_iri(url)))
            pairs += [(P.reporter_name, _zh(name)) for name in data.get("reporters") or () if name]
        elif node_type == "Post":
            if data.get("title"):
                pairs.append((P.title, _zh(data["title"])))
        elif node_type == "Slogan":
            first = self.date(data.get("first_seen"))
            if first is not None:
                pairs.append((P.first_seen, first))
            if data.get("count") is not None:
                pairs.append((P.mention_count, str(int(data["count"]))))
        return pairs

    def _edge_blocks(self, source: str, source_term: str, relation: str, target: str, target_term: str,
                     data: dict) -> Iterator[tuple[str, int]]:
        """The qualified node of one edge, then its prov:Derivation nodes (sorted by IRI)."""
        kind = QUALIFIED_CLASS.get(relation, "Assertion")
        digest = _digest(source, relation, target)
        node = f"{RESOURCE}{kind.lower()}/{digest}"
        pairs: list[Pair] = [(P.subject, source_term), (P.predicate, self.predicate(relation)),
                             (P.object, target_term)]
        if kind == "Participation":
            if data.get("role"):
                pairs.append((P.role, _zh(data["role"])))
            if data.get("order") is not None:
                pairs.append((P.order, str(int(data["order"]))))
        elif kind == "Tenure":
            pairs.append((P.member, source_term))
            pairs += [(P.organization, self.iri(body)) for body, relations in self._succ[target].items()
                      if "postIn" in relations]
            pairs += self._tenure_pairs(data)
        derivations: dict[str, set[Pair]] = {}
        for item in data.get("evidence") or ():
            article = item.get("article") or ""
            sentence = item.get("sentence") or ""
            if not (article or sentence):
                continue
            derivation = f"derivation:{_digest(node, article, sentence)}"
            derived = derivations.get(derivation)
            if derived is None:
                derived = derivations[derivation] = set()
            pairs.append((P.qualified_derivation, derivation))
            when = self.date(item.get("date"))
            if when is not None:
                derived.add((P.dc_date, when))
            if article:
                article_term = self.iri(article)
                pairs.append((P.was_derived_from, article_term))
                derived.add((P.prov_entity, article_term))
            if sentence:
                evidence = _zh(sentence)
                pairs.append((P.evidence, evidence))
                derived.add((P.evidence, evidence))
        classes, n_classes = _QUALIFIED_CLASS_LINES[kind]
        pairs = sorted(set(pairs))
        yield _block(f"{kind.lower()}:{digest}", classes, pairs), len(pairs) + n_classes
        for derivation in sorted(derivations):
            derived = sorted(derivations[derivation])
            yield f"{derivation}{P.derivation_head}{_LINE.join(map(' '.join, derived))} .\n\n", len(derived) + 1

    def _tenure_pairs(self, data: dict) -> list[Pair]:
        """firstSeen/lastSeen, and start/end with their basis and pastOnly where the edge has them."""
        pairs: list[Pair] = []
        for attr, predicate, kind in _TENURE:
            value = data.get(attr)
            if value is None or value == "":
                continue
            if kind == "date":
                term = self.date(value)
                if term is not None:
                    pairs.append((predicate, term))
            elif kind == "boolean":
                pairs.append((predicate, "true" if value else "false"))
            else:
                pairs.append((predicate, turtle_string(str(value))))
        return pairs


def _write_blocks(handle: IO[str], blocks: Iterable[tuple[str, int]]) -> int:
    count, batch, size = 0, [], 0
    for text, triples in blocks:
        batch.append(text)
        size += len(text)
        count += triples
        if size >= _WRITE_BATCH:
            handle.write("".join(batch))
            batch, size = [], 0
    handle.write("".join(batch))
    return count


def split_nodes(graph: nx.MultiDiGraph, parts: int) -> list[list[str]]:
    """The sorted nodes cut into ``parts`` contiguous ranges of about equal work (triples to write).

    Written one after another, the ranges give exactly the file ``write_turtle`` writes.
    """
    nodes = sorted(graph.nodes)
    succ = graph._succ
    weights = [8 + sum(6 + 4 * len(edge.get("evidence") or ()) for relations in succ[node].values()
                       for edge in relations.values()) for node in nodes]
    total = sum(weights)
    ranges: list[list[str]] = []
    start, done = 0, 0
    for index, weight in enumerate(weights):
        done += weight
        if len(ranges) < parts - 1 and done >= total * (len(ranges) + 1) / parts:
            ranges.append(nodes[start:index + 1])
            start = index + 1
    ranges.append(nodes[start:])
    return ranges


def write_turtle_part(graph: nx.MultiDiGraph, nodes: Iterable[str], path: str | os.PathLike[str], *,
                      header: bool) -> int:
    """Write the blocks of ``nodes`` (a range from ``split_nodes``) to ``path``; the first part has the prefixes."""
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            if header:
                handle.write(turtle_prefix_lines() + "\n")
            return _write_blocks(handle, TurtleRenderer(graph).blocks(nodes))
    finally:
        checked_iri.cache_clear()


def concatenate(parts: Sequence[str | os.PathLike[str]], path: str | os.PathLike[str], *,
                strip_headers: bool = False) -> None:
    """Join part files into ``path`` (atomically). ``strip_headers``: every part after the first opens with
    the prefix lines (so each is a Turtle file of its own), which are left out."""
    header = (turtle_prefix_lines() + "\n").encode()
    with atomic_open(path, "wb") as out:
        for index, part in enumerate(parts):
            with open(part, "rb") as handle:
                if strip_headers and index > 0 and handle.read(len(header)) != header:
                    raise ValueError(f"{part}: not a Turtle part written by kg (no prefix lines)")
                shutil.copyfileobj(handle, out, 1 << 22)


def write_turtle(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> int:
    """Write the export to ``path`` as Turtle (atomically); returns the number of triples written."""
    try:
        with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(turtle_prefix_lines() + "\n")
            return _write_blocks(handle, TurtleRenderer(graph).blocks(sorted(graph.nodes)))
    finally:
        checked_iri.cache_clear()


def turtle_text(graph: nx.MultiDiGraph) -> str:
    """The whole export as one Turtle string (small graphs: tests, notebooks)."""
    try:
        return turtle_prefix_lines() + "\n" + "".join(text for text, _ in
                                                      TurtleRenderer(graph).blocks(sorted(graph.nodes)))
    finally:
        checked_iri.cache_clear()


def write_ntriples(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> int:
    """Write the export to ``path`` as N-Triples (one self-contained line per triple)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        turtle = Path(scratch) / "graph.ttl"
        count = write_turtle(graph, turtle)
        with atomic_open(target, "wb") as handle:
            ox.serialize(ox.parse(path=turtle, format=ox.RdfFormat.TURTLE), handle, ox.RdfFormat.N_TRIPLES)
    return count


# --------------------------------------------------------------------------- rdflib views


def _to_rdflib(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == V.xsd_string else URIRef(datatype))


def iter_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the export as rdflib terms, in file order."""
    for quad in ox.parse(turtle_text(graph), format=ox.RdfFormat.TURTLE):
        yield _to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object)


def graph_to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The export as an in-memory rdflib Graph with the kg prefixes bound (for notebooks)."""
    rdf = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for triple in iter_triples(graph):
        rdf.add(triple)
    return rdf
