"""The Turtle writer before the fast one (main when the export branch was merged), kept as a test oracle.

tests/test_turtle.py checks that kg.export.turtle writes exactly the triples this one does, on hand-built graphs,
the seeds and a real-corpus slice. Do not change the mapping here: it is the reference.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import IO, NamedTuple

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


class V:
    """The IRIs the export writes, as plain strings (rdflib's Namespace attribute lookup is slow)."""

    type = str(RDF.type)
    subject, predicate, object = str(RDF.subject), str(RDF.predicate), str(RDF.object)
    label, alt_label, pref_label = str(RDFS.label), str(SKOS.altLabel), str(SKOS.prefLabel)
    xsd_date, xsd_integer, xsd_string = str(XSD.date), str(XSD.integer), str(XSD.string)
    was_derived_from, qualified_derivation = str(PROV.wasDerivedFrom), str(PROV.qualifiedDerivation)
    prov_entity, derivation = str(PROV.entity), str(PROV.Derivation)
    dc_date = str(DCTERMS.date)
    org_holds, org_member, org_organization, membership = (
        str(ORG.holds), str(ORG.member), str(ORG.organization), str(ORG.Membership))
    attendee, author, start_date, date_published, headline, url = (
        str(SCHEMA.attendee), str(SCHEMA.author), str(SCHEMA.startDate), str(SCHEMA.datePublished),
        str(SCHEMA.headline), str(SCHEMA.url))


def kg(local: str) -> str:
    return ONTOLOGY + local


# standard classes every node of a kg: type also gets, so FOAF/ORG/SKOS/schema.org queries work unreasoned
STANDARD_TYPES: dict[str, tuple[str, ...]] = {
    "Official": (str(FOAF.Person), str(SCHEMA.Person)),
    "Reporter": (str(FOAF.Person), str(SCHEMA.Person)),
    "Body": (str(ORG.Organization),),
    "Meeting": (str(SCHEMA.Event),),
    "Slogan": (str(SKOS.Concept),),
    "Post": (str(ORG.Post),),
    "Article": (str(SCHEMA.NewsArticle), str(PROV.Entity)),
    "Document": (str(SCHEMA.CreativeWork),),
}
# relation name -> shortcut predicate; relations not listed map to kg:<relation>
RELATION_PREDICATES: dict[str, str] = {
    "chaired": kg("chaired"),
    "attended": kg("attended"),
    "referenced": kg("referenced"),
    "holds": kg("holds"),
    "postIn": str(ORG.postIn),
    "organizedBy": str(SCHEMA.organizer),
    "reportedIn": kg("reportedIn"),
    "wrote": kg("wrote"),
}
QUALIFIED_CLASS: dict[str, str] = {
    "chaired": "Participation",
    "attended": "Participation",
    "referenced": "Reference",
    "holds": "Tenure",
}


class Lit(NamedTuple):
    """A literal: lexical value, language tag or datatype IRI (neither means xsd:string)."""

    value: str
    lang: str | None = None
    datatype: str | None = None


Term = str | Lit  # an IRI (plain str) or a literal
PredicateObjects = list[tuple[str, Term]]
Block = tuple[str, PredicateObjects]
Triple = tuple[Node, Node, Node]

_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SAFE_LOCAL = re.compile(rf"[A-Za-z0-9_{_CJK}][A-Za-z0-9_\-{_CJK}]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_CACHE_SIZE = 1 << 15  # bounded: rendering memory must not grow with the graph


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


def _url(value: object) -> str | None:
    """An http(s) URL as an IRI, or None when it is not one."""
    if not isinstance(value, str) or not value.lower().startswith(("http://", "https://")):
        return None
    try:
        return checked_iri(value)
    except ValueError:
        return None


def clean_text(text: str) -> str:
    """Text any RDF parser accepts: lone surrogates (undecodable input bytes) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _zh(text: str) -> Lit:
    return Lit(clean_text(text), "zh")


def _integer(value: int) -> Lit:
    return Lit(str(int(value)), None, V.xsd_integer)


def _iso_date(value: object) -> Lit | None:
    """An xsd:date literal for a date, datetime or ISO string; None when there is no valid date."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Lit(value.isoformat(), None, V.xsd_date)
    if isinstance(value, str):
        try:
            return Lit(date.fromisoformat(value[:10]).isoformat(), None, V.xsd_date)
        except ValueError:
            return None
    return None


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def qualified_iri(source: str, relation: str, target: str) -> URIRef:
    """The qualified node of edge (source, relation, target): same edge, same IRI, everywhere."""
    return URIRef(_qualified(source, relation, target))


def _qualified(source: str, relation: str, target: str) -> str:
    kind = QUALIFIED_CLASS.get(relation, "Assertion").lower()
    return f"{RESOURCE}{kind}/{_digest(source, relation, target)}"


def predicate_for(relation: str) -> str:
    return RELATION_PREDICATES.get(relation) or checked_iri(kg(relation))


def to_rdflib(term: Term) -> URIRef | Literal:
    if isinstance(term, Lit):
        if term.lang:
            return Literal(term.value, lang=term.lang)
        return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)
    return URIRef(term)


# --------------------------------------------------------------------------- graph -> triples


def _label_triples(data: dict) -> PredicateObjects:
    label = data.get("label")
    out: PredicateObjects = []
    if label:
        out.append((V.label, _zh(label)))
    out += [(V.alt_label, _zh(alias)) for alias in data.get("aliases") or () if alias and alias != label]
    if label and data.get("type") == "Slogan":
        out.append((V.pref_label, _zh(label)))
    return out


def _attribute_triples(data: dict) -> PredicateObjects:
    """Per-type node attributes of the graph contract (see kg.model)."""
    node_type = data.get("type")
    out: PredicateObjects = []
    if node_type == "Meeting":
        when = _iso_date(data.get("date"))
        if when is not None:
            out += [(kg("date"), when), (V.start_date, when)]
        if data.get("kind"):
            out.append((kg("kind"), _zh(data["kind"])))
        if data.get("article"):
            out.append((kg("reportedIn"), checked_iri(data["article"])))
    elif node_type == "Article":
        if data.get("source"):
            out.append((kg("source"), Lit(clean_text(str(data["source"])))))
        if data.get("record") is not None:
            out.append((kg("record"), _integer(data["record"])))
        published = _iso_date(data.get("pub_date"))
        if published is not None:
            out.append((V.date_published, published))
        if data.get("headline"):
            out.append((V.headline, _zh(data["headline"])))
        if data.get("paper"):
            out.append((kg("paper"), _zh(data["paper"])))
        url = _url(data.get("url")) or _url(data.get("source"))
        if url is not None:
            out.append((V.url, url))
        out += [(kg("reporterName"), _zh(name)) for name in data.get("reporters") or () if name]
    elif node_type == "Post":
        if data.get("title"):
            out.append((kg("title"), _zh(data["title"])))
    elif node_type == "Slogan":
        first = _iso_date(data.get("first_seen"))
        if first is not None:
            out.append((kg("firstSeen"), first))
        if data.get("count") is not None:
            out.append((kg("mentionCount"), _integer(data["count"])))
    return out


def _edge_shortcuts(graph: nx.MultiDiGraph, node: str) -> PredicateObjects:
    """Out-edges as plain triples, plus the standard inverses whose subject is ``node``."""
    out: PredicateObjects = []
    for _, target, relation in graph.out_edges(node, keys=True):
        out.append((predicate_for(relation), checked_iri(target)))
        if relation == "holds":
            out.append((V.org_holds, checked_iri(target)))
    for source, _, relation in graph.in_edges(node, keys=True):
        if relation in ("chaired", "attended"):
            out.append((V.attendee, checked_iri(source)))
        elif relation == "wrote":
            out.append((V.author, checked_iri(source)))
    return out


def _node_block(graph: nx.MultiDiGraph, node: str) -> Block:
    data = graph.nodes[node]
    node_type = data.get("type")
    if not node_type:
        raise ValueError(f"node {node!r} has no 'type' attribute")
    types: PredicateObjects = [(V.type, kg(node_type))]
    types += [(V.type, cls) for cls in STANDARD_TYPES.get(node_type, ())]
    return checked_iri(node), types + _label_triples(data) + _attribute_triples(data) + _edge_shortcuts(graph, node)


def _evidence_items(data: dict) -> list[tuple[str, str, Lit | None]]:
    """(article, sentence, date) for each evidence entry that names an article or a sentence."""
    items = []
    for item in data.get("evidence") or ():
        article = item.get("article") or ""
        sentence = item.get("sentence") or ""
        if article or sentence:
            items.append((article, sentence, _iso_date(item.get("date"))))
    return items


def _edge_blocks(graph: nx.MultiDiGraph, source: str, target: str, relation: str, data: dict) -> list[Block]:
    """The qualified node of one edge (pairs unsorted), then its prov:Derivation nodes (already in order)."""
    node = _qualified(source, relation, target)
    kind = QUALIFIED_CLASS.get(relation, "Assertion")
    props: PredicateObjects = [
        (V.type, kg(kind)),
        (V.subject, checked_iri(source)),
        (V.predicate, predicate_for(relation)),
        (V.object, checked_iri(target)),
    ]
    if kind == "Participation":
        if data.get("role"):
            props.append((kg("role"), _zh(data["role"])))
        if data.get("order") is not None:
            props.append((kg("order"), _integer(data["order"])))
    elif kind == "Tenure":
        props += [(V.type, V.membership), (V.org_member, checked_iri(source))]
        props += [(V.org_organization, checked_iri(body)) for _, body, rel in graph.out_edges(target, keys=True)
                  if rel == "postIn"]
        for attr, predicate in (("first_seen", kg("firstSeen")), ("last_seen", kg("lastSeen")),
                                ("start", kg("start")), ("end", kg("end"))):
            when = _iso_date(data.get(attr))
            if when is not None:
                props.append((predicate, when))
        for attr, predicate in (("start_basis", kg("startBasis")), ("end_basis", kg("endBasis"))):
            if data.get(attr):
                props.append((predicate, Lit(str(data[attr]))))
        if data.get("past") is not None:
            props.append((kg("pastOnly"), Lit("true" if data["past"] else "false", None, str(XSD.boolean))))
    blocks: list[Block] = [(node, props)]
    for article, sentence, when in _evidence_items(data):
        derivation = f"{RESOURCE}derivation/{_digest(node, article, sentence)}"
        props.append((V.qualified_derivation, derivation))
        # built in _sort_key order (type, then dcterms:date < prov:entity < kg:evidence), so it needs no sorting
        derived: PredicateObjects = [(V.type, V.derivation)]
        if when is not None:
            derived.append((V.dc_date, when))
        if article:
            props.append((V.was_derived_from, checked_iri(article)))
            derived.append((V.prov_entity, checked_iri(article)))
        if sentence:
            props.append((kg("evidence"), _zh(sentence)))
            derived.append((kg("evidence"), _zh(sentence)))
        blocks.append((derivation, derived))
    return blocks


def _sort_key(pair: tuple[str, Term]) -> tuple:
    """rdf:type first (kg: classes before standard ones), then by predicate, IRIs before literals."""
    predicate, obj = pair
    if isinstance(obj, Lit):
        return (True, False, predicate, 1, obj.value, obj.lang or "", obj.datatype or "")
    is_type = predicate == V.type
    return (not is_type, is_type and not obj.startswith(ONTOLOGY), predicate, 0, obj, "", "")


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
            qualified, *derivations = _edge_blocks(graph, node, target, relation, data)
            yield _normalised(qualified)
            yield from derivations


def iter_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the export as rdflib terms, in a deterministic order."""
    for subject, pairs in iter_blocks(graph):
        subject_term = URIRef(subject)
        for predicate, obj in pairs:
            yield subject_term, URIRef(predicate), to_rdflib(obj)


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
    """Turtle or N-Triples text for terms; prefixed names only where the local part is plainly safe."""

    def __init__(self, prefixes: dict[str, str], *, turtle: bool = True):
        self._prefix_of = {namespace: prefix for prefix, namespace in prefixes.items()}
        self._turtle = turtle  # N-Triples has neither prefixed names nor bare integers
        self.iri = lru_cache(maxsize=_CACHE_SIZE)(self._iri)
        self.literal = lru_cache(maxsize=_CACHE_SIZE)(self._literal)
        # one cache in front of both: a hit then costs no Python call at all (1.5 million terms per 10,000 articles)
        self.term = lru_cache(maxsize=_CACHE_SIZE)(self._term)

    def _iri(self, iri: str) -> str:
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        prefix = self._prefix_of.get(iri[:cut])
        if prefix is not None and _SAFE_LOCAL.fullmatch(iri[cut:]):
            return f"{prefix}:{iri[cut:]}"
        return str(ox.NamedNode(iri))

    def _literal(self, term: Lit) -> str:
        if self._turtle and term.datatype == V.xsd_integer and _INTEGER.fullmatch(term.value):
            return term.value
        text = str(ox.Literal(clean_text(term.value)))
        if term.lang:
            return f"{text}@{term.lang}"
        if term.datatype and term.datatype != V.xsd_string:
            return f"{text}^^{self.iri(term.datatype)}"
        return text

    def _term(self, term: Term) -> str:
        return self.literal(term) if isinstance(term, Lit) else self.iri(term)


def turtle_prefix_lines(prefixes: dict[str, str] = PREFIXES) -> str:
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items())


def _turtle_block(writer: TermWriter, subject: str, pairs: PredicateObjects) -> str:
    """One subject, then a line per predicate and per object; its classes share the ``a`` line."""
    term = writer.term
    parts = [term(subject), "\n"]
    previous = None
    for predicate, obj in pairs:  # sorted: a predicate's objects are adjacent
        if predicate == previous:
            parts.append(", " if predicate == V.type else ",\n        ")
        else:
            if previous is not None:
                parts.append(" ;\n")
            parts.append("    a " if predicate == V.type else f"    {term(predicate)} ")
            previous = predicate
        parts.append(term(obj))
    parts.append(" .\n\n")
    return "".join(parts)


def _write_turtle_blocks(handle: IO[str], blocks: Iterable[Block]) -> int:
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
    try:
        with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
            return _write_turtle_blocks(handle, iter_blocks(graph))
    finally:
        checked_iri.cache_clear()


def write_ntriples(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> int:
    """Stream the export to ``path`` as N-Triples (one self-contained line per triple)."""
    writer = TermWriter({}, turtle=False)
    count = 0
    try:
        with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
            for subject, pairs in iter_blocks(graph):
                head = f"{writer.iri(subject)} "
                for predicate, obj in pairs:
                    handle.write(f"{head}{writer.iri(predicate)} {writer.term(obj)} .\n")
                    count += 1
    finally:
        checked_iri.cache_clear()
    return count
