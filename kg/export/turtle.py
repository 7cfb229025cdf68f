"""Graph -> RDF: the kg: vocabulary (ontology/kg.ttl) with qualified, sourced statements.

Every edge becomes a plain "shortcut" triple (``?official kg:chaired ?meeting``) for simple queries
plus a qualified node (kg:Participation / kg:Reference / kg:Tenure / kg:Assertion) that says which
statement it qualifies (``rdf:subject``/``rdf:predicate``/``rdf:object``), how it was written
(kg:role, kg:order, kg:firstSeen/kg:lastSeen) and where it was read (kg:evidence sentence,
prov:wasDerivedFrom article, one prov:Derivation per (article, sentence) pair).

Triples come out grouped by subject in a fixed order, so the Turtle writer streams: it never holds
a second copy of the graph, and the same graph always gives byte-identical output.

Terms are escaped by pyoxigraph's N-Triples term syntax (valid Turtle) rather than rdflib's
``Term.n3()``: rdflib 7.6 writes ``'a\\n\\\\"'`` as an unterminated long string and emits
prefixed names ending in ``.``, both of which no parser accepts.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter
from typing import IO

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS
from rdflib.term import Node

from kg.atomic import atomic_open
from kg.iri import ONTOLOGY, RESOURCE
from kg.model import NODE_TYPES

KG = Namespace(ONTOLOGY)
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

VOCABULARY_PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
}
QUALIFIED_KINDS = ("Participation", "Reference", "Tenure", "Assertion")
RESOURCE_PREFIXES: dict[str, str] = {
    kind.lower(): f"{RESOURCE}{kind.lower()}/" for kind in (*NODE_TYPES, *QUALIFIED_KINDS, "Derivation")
}
PREFIXES: dict[str, str] = {**VOCABULARY_PREFIXES, **RESOURCE_PREFIXES}

# standard classes every node of a kg: type also gets, so FOAF/ORG/SKOS/schema.org queries work unreasoned
STANDARD_TYPES: dict[str, tuple[URIRef, ...]] = {
    "Official": (FOAF.Person, SCHEMA.Person),
    "Reporter": (FOAF.Person, SCHEMA.Person),
    "Body": (ORG.Organization,),
    "Meeting": (SCHEMA.Event,),
    "Slogan": (SKOS.Concept,),
    "Post": (ORG.Post,),
    "Article": (SCHEMA.NewsArticle, PROV.Entity),
    "Document": (SCHEMA.CreativeWork,),
}
# relation name -> shortcut predicate; relations not listed map to kg:<relation>
RELATION_PREDICATES: dict[str, URIRef] = {
    "chaired": KG.chaired,
    "attended": KG.attended,
    "referenced": KG.referenced,
    "holds": KG.holds,
    "postIn": ORG.postIn,
    "organizedBy": SCHEMA.organizer,
    "reportedIn": KG.reportedIn,
    "wrote": KG.wrote,
}
QUALIFIED_CLASS: dict[str, str] = {
    "chaired": "Participation",
    "attended": "Participation",
    "referenced": "Reference",
    "holds": "Tenure",
}

Triple = tuple[Node, Node, Node]
PredicateObjects = list[tuple[Node, Node]]
Block = tuple[URIRef, PredicateObjects]

_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SAFE_LOCAL = re.compile(rf"[A-Za-z0-9_{_CJK}][A-Za-z0-9_\-{_CJK}]*")


# --------------------------------------------------------------------------- terms


def safe_iri(value: str) -> str:
    """Percent-encode the characters an IRI may not contain; valid IRIs come back unchanged."""
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), value)


def _iri(value: str) -> URIRef:
    iri = safe_iri(value)
    try:
        ox.NamedNode(iri)
    except ValueError as err:
        raise ValueError(f"not an absolute IRI: {value!r} ({err})") from err
    return URIRef(iri)


def _url(value: object) -> URIRef | None:
    """An http(s) URL as an IRI, or None when it is not one."""
    if not isinstance(value, str) or not value.lower().startswith(("http://", "https://")):
        return None
    try:
        return _iri(value)
    except ValueError:
        return None


def clean_text(text: str) -> str:
    """Text any RDF parser accepts: lone surrogates (undecodable input bytes) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _zh(text: str) -> Literal:
    return Literal(clean_text(text), lang="zh")


def _plain(text: str) -> Literal:
    return Literal(clean_text(text))


def _integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def _iso_date(value: object) -> Literal | None:
    """An xsd:date literal for a date, datetime or ISO string; None when there is no valid date."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, str):
        try:
            return Literal(date.fromisoformat(value[:10]).isoformat(), datatype=XSD.date)
        except ValueError:
            return None
    return None


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def qualified_iri(source: str, relation: str, target: str) -> URIRef:
    """The qualified node of edge (source, relation, target): same edge, same IRI, everywhere."""
    kind = QUALIFIED_CLASS.get(relation, "Assertion").lower()
    return URIRef(f"{RESOURCE}{kind}/{_digest(source, relation, target)}")


def predicate_for(relation: str) -> URIRef:
    return RELATION_PREDICATES.get(relation) or _iri(ONTOLOGY + relation)


# --------------------------------------------------------------------------- graph -> triples


def _node_type(graph: nx.MultiDiGraph, node: str) -> str:
    node_type = graph.nodes[node].get("type")
    if not node_type:
        raise ValueError(f"node {node!r} has no 'type' attribute")
    return node_type


def _label_triples(data: dict) -> PredicateObjects:
    label = data.get("label")
    out: PredicateObjects = []
    if label:
        out.append((RDFS.label, _zh(label)))
    out += [(SKOS.altLabel, _zh(alias)) for alias in data.get("aliases") or () if alias and alias != label]
    if label and data.get("type") == "Slogan":
        out.append((SKOS.prefLabel, _zh(label)))
    return out


def _attribute_triples(data: dict) -> PredicateObjects:
    """Per-type node attributes of the graph contract (see kg.model)."""
    node_type = data.get("type")
    out: PredicateObjects = []
    if node_type == "Meeting":
        when = _iso_date(data.get("date"))
        if when is not None:
            out += [(KG.date, when), (SCHEMA.startDate, when)]
        if data.get("kind"):
            out.append((KG.kind, _zh(data["kind"])))
        if data.get("article"):
            out.append((KG.reportedIn, _iri(data["article"])))
    elif node_type == "Article":
        if data.get("source"):
            out.append((KG.source, _plain(str(data["source"]))))
        if data.get("record") is not None:
            out.append((KG.record, _integer(data["record"])))
        published = _iso_date(data.get("pub_date"))
        if published is not None:
            out.append((SCHEMA.datePublished, published))
        if data.get("headline"):
            out.append((SCHEMA.headline, _zh(data["headline"])))
        if data.get("paper"):
            out.append((KG.paper, _zh(data["paper"])))
        url = _url(data.get("url")) or _url(data.get("source"))
        if url is not None:
            out.append((SCHEMA.url, url))
        out += [(KG.reporterName, _zh(name)) for name in data.get("reporters") or () if name]
    elif node_type == "Post":
        if data.get("title"):
            out.append((KG.title, _zh(data["title"])))
    elif node_type == "Slogan":
        first = _iso_date(data.get("first_seen"))
        if first is not None:
            out.append((KG.firstSeen, first))
        if data.get("count") is not None:
            out.append((KG.mentionCount, _integer(data["count"])))
    return out


def _edge_shortcuts(graph: nx.MultiDiGraph, node: str) -> PredicateObjects:
    """Out-edges as plain triples, plus the standard inverses whose subject is ``node``."""
    out: PredicateObjects = []
    for _, target, relation in graph.out_edges(node, keys=True):
        out.append((predicate_for(relation), _iri(target)))
        if relation == "holds":
            out.append((ORG.holds, _iri(target)))
    for source, _, relation in graph.in_edges(node, keys=True):
        if relation in ("chaired", "attended"):
            out.append((SCHEMA.attendee, _iri(source)))
        elif relation == "wrote":
            out.append((SCHEMA.author, _iri(source)))
    return out


def _node_block(graph: nx.MultiDiGraph, node: str) -> Block:
    data = graph.nodes[node]
    node_type = _node_type(graph, node)
    types = [(RDF.type, KG[node_type])] + [(RDF.type, cls) for cls in STANDARD_TYPES.get(node_type, ())]
    return _iri(node), types + _label_triples(data) + _attribute_triples(data) + _edge_shortcuts(graph, node)


def _evidence_items(data: dict) -> list[tuple[str, str, Literal | None]]:
    """(article, sentence, date) for each evidence entry that names an article or a sentence."""
    items = []
    for item in data.get("evidence") or ():
        article = item.get("article") or ""
        sentence = item.get("sentence") or ""
        if article or sentence:
            items.append((article, sentence, _iso_date(item.get("date"))))
    return items


def _edge_blocks(graph: nx.MultiDiGraph, source: str, target: str, relation: str, data: dict) -> list[Block]:
    """The qualified node of one edge and its prov:Derivation nodes."""
    node = qualified_iri(source, relation, target)
    kind = QUALIFIED_CLASS.get(relation, "Assertion")
    props: PredicateObjects = [
        (RDF.type, KG[kind]),
        (RDF.subject, _iri(source)),
        (RDF.predicate, predicate_for(relation)),
        (RDF.object, _iri(target)),
    ]
    if kind == "Participation":
        if data.get("role"):
            props.append((KG.role, _zh(data["role"])))
        if data.get("order") is not None:
            props.append((KG.order, _integer(data["order"])))
    elif kind == "Tenure":
        props += [(RDF.type, ORG.Membership), (ORG.member, _iri(source))]
        props += [(ORG.organization, _iri(body)) for _, body, rel in graph.out_edges(target, keys=True)
                  if rel == "postIn"]
        for attr, predicate in (("first_seen", KG.firstSeen), ("last_seen", KG.lastSeen)):
            when = _iso_date(data.get(attr))
            if when is not None:
                props.append((predicate, when))
    blocks: list[Block] = [(node, props)]
    for article, sentence, when in _evidence_items(data):
        derivation = URIRef(f"{RESOURCE}derivation/{_digest(str(node), article, sentence)}")
        props.append((PROV.qualifiedDerivation, derivation))
        derived: PredicateObjects = [(RDF.type, PROV.Derivation)]
        if article:
            props.append((PROV.wasDerivedFrom, _iri(article)))
            derived.append((PROV.entity, _iri(article)))
        if sentence:
            props.append((KG.evidence, _zh(sentence)))
            derived.append((KG.evidence, _zh(sentence)))
        if when is not None:
            derived.append((DCTERMS.date, when))
        blocks.append((derivation, derived))
    return blocks


def _sort_key(pair: tuple[Node, Node]) -> tuple:
    """rdf:type first (kg: classes before standard ones), then by predicate and object."""
    predicate, obj = pair
    is_type = predicate == RDF.type
    return (not is_type, is_type and not str(obj).startswith(ONTOLOGY), str(predicate), str(obj),
            getattr(obj, "language", None) or "", str(getattr(obj, "datatype", None) or ""))


def _normalised(block: Block) -> Block:
    subject, pairs = block
    return subject, sorted(set(pairs), key=_sort_key)


def iter_blocks(graph: nx.MultiDiGraph) -> Iterator[Block]:
    """(subject, sorted (predicate, object) pairs) for every subject, in a fixed order.

    Each node is followed by the qualified nodes of its out-edges, so only one node's triples are
    ever held at once.
    """
    for node in sorted(graph.nodes):
        yield _normalised(_node_block(graph, node))
        edges = sorted(graph.out_edges(node, keys=True, data=True), key=lambda e: (e[2], e[1]))
        for _, target, relation, data in edges:
            for block in _edge_blocks(graph, node, target, relation, data):
                yield _normalised(block)


def iter_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the export as rdflib terms, in a deterministic order."""
    for subject, pairs in iter_blocks(graph):
        for predicate, obj in pairs:
            yield subject, predicate, obj


def graph_to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The export as an in-memory rdflib Graph with the kg prefixes bound (for notebooks)."""
    rdf = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for triple in iter_triples(graph):
        rdf.add(triple)
    return rdf


# --------------------------------------------------------------------------- writers


class TermWriter:
    """Turtle / N-Triples text for rdflib terms; prefixed names only where the local part is plainly safe."""

    def __init__(self, prefixes: dict[str, str]):
        self._prefix_of = {namespace: prefix for prefix, namespace in prefixes.items()}

    def iri(self, term: URIRef, *, compact: bool = True) -> str:
        iri = str(term)
        if compact:
            cut = max(iri.rfind("#"), iri.rfind("/")) + 1
            prefix = self._prefix_of.get(iri[:cut])
            if prefix is not None and _SAFE_LOCAL.fullmatch(iri[cut:]):
                return f"{prefix}:{iri[cut:]}"
        return str(ox.NamedNode(iri))

    def literal(self, term: Literal, *, compact: bool = True) -> str:
        text = str(ox.Literal(clean_text(str(term))))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^{self.iri(term.datatype, compact=compact)}"
        return text

    def term(self, term: Node, *, compact: bool = True) -> str:
        if isinstance(term, URIRef):
            return self.iri(term, compact=compact)
        if isinstance(term, Literal):
            return self.literal(term, compact=compact)
        raise TypeError(f"cannot write {type(term).__name__} {term!r}")


def turtle_prefix_lines(prefixes: dict[str, str] = PREFIXES) -> str:
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items())


def _turtle_block(writer: TermWriter, subject: URIRef, pairs: PredicateObjects) -> str:
    """One subject with its predicate lists: ``s\n    p o1, o2 ;\n    q o3 .``"""
    statements = []
    for predicate, group in groupby(pairs, key=itemgetter(0)):
        verb = "a" if predicate == RDF.type else writer.iri(predicate)
        statements.append(f"    {verb} " + ", ".join(writer.term(obj) for _, obj in group))
    return f"{writer.iri(subject)}\n" + " ;\n".join(statements) + " .\n\n"


def _write_blocks(handle: IO[str], blocks: Iterable[Block]) -> int:
    writer = TermWriter(PREFIXES)
    handle.write(turtle_prefix_lines())
    handle.write("\n")
    count = 0
    for subject, pairs in blocks:
        if pairs:
            handle.write(_turtle_block(writer, subject, pairs))
            count += len(pairs)
    return count


def write_turtle(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> int:
    """Stream the export to ``path`` as Turtle (atomically); returns the number of triples written."""
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        return _write_blocks(handle, iter_blocks(graph))


def write_ntriples(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> int:
    """Stream the export to ``path`` as N-Triples (one self-contained line per triple)."""
    writer = TermWriter({})
    count = 0
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        for subject, predicate, obj in iter_triples(graph):
            handle.write(f"{writer.iri(subject, compact=False)} {writer.iri(predicate, compact=False)} "
                         f"{writer.term(obj, compact=False)} .\n")
            count += 1
    return count
