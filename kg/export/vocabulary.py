"""The RDF vocabulary of the export as plain strings: namespaces, prefixes and the IRIs the writer uses.

Kept apart from the writer and free of rdflib, so ``kg query`` (which only needs the prefixes) starts
without importing rdflib or networkx.
"""

from __future__ import annotations

from kg.iri import ONTOLOGY, RESOURCE
from kg.model import NODE_TYPES

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
DCTERMS = "http://purl.org/dc/terms/"

VOCABULARY_PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "org": ORG,
    "prov": PROV,
    "schema": SCHEMA,
    "foaf": FOAF,
    "dcterms": DCTERMS,
}
QUALIFIED_KINDS = ("Participation", "Reference", "Tenure", "Assertion")
RESOURCE_PREFIXES: dict[str, str] = {
    kind.lower(): f"{RESOURCE}{kind.lower()}/" for kind in (*NODE_TYPES, *QUALIFIED_KINDS, "Derivation")
}
PREFIXES: dict[str, str] = {**VOCABULARY_PREFIXES, **RESOURCE_PREFIXES}


def turtle_prefix_lines(prefixes: dict[str, str] = PREFIXES) -> str:
    """The ``@prefix`` lines that open every Turtle file kg writes."""
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items())


def kg(local: str) -> str:
    return ONTOLOGY + local


class V:
    """The IRIs the export writes."""

    type = RDF + "type"
    subject, predicate, object = RDF + "subject", RDF + "predicate", RDF + "object"
    label, alt_label, pref_label = RDFS + "label", SKOS + "altLabel", SKOS + "prefLabel"
    xsd_date, xsd_integer, xsd_string, xsd_boolean = XSD + "date", XSD + "integer", XSD + "string", XSD + "boolean"
    was_derived_from, qualified_derivation = PROV + "wasDerivedFrom", PROV + "qualifiedDerivation"
    prov_entity, derivation = PROV + "entity", PROV + "Derivation"
    dc_date = DCTERMS + "date"
    org_holds, org_member, org_organization, membership = (
        ORG + "holds", ORG + "member", ORG + "organization", ORG + "Membership")
    attendee, author, start_date, date_published, headline, url = (
        SCHEMA + "attendee", SCHEMA + "author", SCHEMA + "startDate", SCHEMA + "datePublished",
        SCHEMA + "headline", SCHEMA + "url")


# standard classes every node of a kg: type also gets, so FOAF/ORG/SKOS/schema.org queries work unreasoned
STANDARD_TYPES: dict[str, tuple[str, ...]] = {
    "Official": (FOAF + "Person", SCHEMA + "Person"),
    "Reporter": (FOAF + "Person", SCHEMA + "Person"),
    "Body": (ORG + "Organization",),
    "Meeting": (SCHEMA + "Event",),
    "Slogan": (SKOS + "Concept",),
    "Post": (ORG + "Post",),
    "Article": (SCHEMA + "NewsArticle", PROV + "Entity"),
    "Document": (SCHEMA + "CreativeWork",),
}
# relation name -> shortcut predicate; relations not listed map to kg:<relation>
RELATION_PREDICATES: dict[str, str] = {
    "chaired": kg("chaired"),
    "attended": kg("attended"),
    "referenced": kg("referenced"),
    "holds": kg("holds"),
    "postIn": ORG + "postIn",
    "organizedBy": SCHEMA + "organizer",
    "reportedIn": kg("reportedIn"),
    "wrote": kg("wrote"),
}
QUALIFIED_CLASS: dict[str, str] = {
    "chaired": "Participation",
    "attended": "Participation",
    "referenced": "Reference",
    "holds": "Tenure",
}
# optional tenure attributes of a holds edge (kg.model) -> (predicate on the kg:Tenure node, literal kind)
TENURE_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("first_seen", kg("firstSeen"), "date"),
    ("last_seen", kg("lastSeen"), "date"),
    ("start", kg("start"), "date"),
    ("end", kg("end"), "date"),
    ("start_basis", kg("startBasis"), "string"),
    ("end_basis", kg("endBasis"), "string"),
    ("past", kg("pastOnly"), "boolean"),
)
