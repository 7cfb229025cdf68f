"""ontology/kg.ttl covers the export, ontology/shapes.ttl accepts good exports and rejects broken ones."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, PROV, SKOS
from test_turtle import district_graph, nasty_graph

import kg
from kg.analyse.tenures import infer_tenures
from kg.export.turtle import KG, ORG, SCHEMA, VOCABULARY_PREFIXES, graph_to_rdf, qualified_iri, write_turtle
from kg.iri import mint

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
SH = Namespace("http://www.w3.org/ns/shacl#")

CORE_CLASSES = ("Official", "Reporter", "Body", "Meeting", "Slogan", "Post", "Article", "Document")
CORE_PROPERTIES = ("chaired", "attended", "referenced", "holds", "date")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


@pytest.fixture(scope="module")
def seeds_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.ttl"
    write_turtle(kg.build([ROOT / "seeds"]).graph, path)
    return path


@pytest.fixture(scope="module")
def seeds_rdf(seeds_ttl: Path) -> Graph:
    return Graph().parse(seeds_ttl)


def used_terms(rdf: Graph) -> set[URIRef]:
    """Every predicate and class the export uses."""
    return set(rdf.predicates()) | {o for o in rdf.objects(None, RDF.type) if isinstance(o, URIRef)}


def tenured_district():
    """The district graph as kg.build leaves it: tenure starts and ends inferred; one post written as former."""
    graph = district_graph()
    for official, _, key, data in graph.edges(keys=True, data=True):
        if key == "holds" and graph.nodes[official]["label"] == "沈燕俊":
            data["past"] = True
    infer_tenures(graph)
    return graph


def conforms(data: Graph, shapes: Graph, ontology: Graph | None = None) -> tuple[bool, Graph]:
    """pyshacl as documented: ``pyshacl -s ontology/shapes.ttl -e ontology/kg.ttl graph.ttl`` (ontology mixed in)."""
    ok, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return ok, report


# --------------------------------------------------------------------------- the ontology


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES])
def test_ontology_files_parse_with_both_parsers(path: Path) -> None:
    assert len(Graph().parse(path)) == len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))


def test_core_terms_are_declared(ontology: Graph) -> None:
    for name in CORE_CLASSES:
        assert (KG[name], RDF.type, OWL.Class) in ontology
    for name in CORE_PROPERTIES:
        assert set(ontology.objects(KG[name], RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert (KG.chaired, RDFS.subPropertyOf, KG.attended) in ontology


def test_alignment_with_standard_vocabularies(ontology: Graph) -> None:
    for triple in [
        (KG.Official, RDFS.subClassOf, FOAF.Person),
        (KG.Official, RDFS.subClassOf, SCHEMA.Person),
        (KG.Body, RDFS.subClassOf, ORG.Organization),
        (KG.Post, RDFS.subClassOf, ORG.Post),
        (KG.Tenure, RDFS.subClassOf, ORG.Membership),
        (KG.Meeting, RDFS.subClassOf, SCHEMA.Event),
        (KG.Slogan, RDFS.subClassOf, SKOS.Concept),
        (KG.Article, RDFS.subClassOf, PROV.Entity),
        (KG.holds, RDFS.subPropertyOf, ORG.holds),
        (KG.attended, OWL.inverseOf, SCHEMA.attendee),
        (KG.date, RDFS.subPropertyOf, SCHEMA.startDate),
    ]:
        assert triple in ontology, triple


@pytest.mark.parametrize("source", ["district", "seeds"])
def test_every_term_the_export_uses_is_declared_with_bilingual_label_and_definition(
        ontology: Graph, seeds_rdf: Graph, source: str) -> None:
    rdf = graph_to_rdf(district_graph()) if source == "district" else seeds_rdf
    terms = used_terms(rdf)
    assert {KG.Participation, KG.Tenure, KG.evidence, PROV.wasDerivedFrom} <= terms
    for term in terms:
        assert (term, RDF.type, None) in ontology, f"{term} is used by the export but not declared in kg.ttl"
        if term.startswith(str(KG)):
            for prop in (RDFS.label, SKOS.definition):
                languages = {o.language for o in ontology.objects(term, prop)}
                assert {"zh", "en"} <= languages, f"{term} lacks a zh or en {prop}"


def test_unknown_relations_get_a_kg_predicate_in_a_declared_namespace() -> None:
    rdf = graph_to_rdf(nasty_graph())
    assert (None, KG.mentionedWith, None) in rdf


# --------------------------------------------------------------------------- what neosemantics (n10s) needs


@pytest.mark.parametrize("source", ["district", "seeds"])
def test_export_suits_neosemantics(seeds_rdf: Graph, source: str) -> None:
    """No blank nodes, only datatypes n10s maps natively, every vocabulary namespace has a declared prefix."""
    rdf = graph_to_rdf(tenured_district()) if source == "district" else seeds_rdf
    namespaces = set(VOCABULARY_PREFIXES.values())
    for subject, predicate, obj in rdf:
        assert isinstance(subject, URIRef) and isinstance(predicate, URIRef)
        assert isinstance(obj, URIRef | Literal)
        if isinstance(obj, Literal):
            assert obj.language == "zh" or obj.datatype in (None, XSD.date, XSD.integer, XSD.boolean), obj
    for term in used_terms(rdf):
        assert any(term.startswith(ns) and "/" not in term[len(ns):] for ns in namespaces), term


# --------------------------------------------------------------------------- SHACL


@pytest.mark.parametrize("with_ontology", [True, False])
def test_district_export_conforms_to_shapes(shapes: Graph, ontology: Graph, with_ontology: bool) -> None:
    loaded = ontology if with_ontology else None
    ok, report = conforms(graph_to_rdf(district_graph()), shapes, loaded)
    assert ok, report.serialize(format="turtle")
    rdf = graph_to_rdf(tenured_district())
    ok, report = conforms(rdf, shapes, loaded)
    assert ok, report.serialize(format="turtle")
    assert (JIN_TENURE, KG.end, Literal("2026-03-25", datatype=XSD.date)) in rdf
    assert (JIN_TENURE, KG.endBasis, Literal("inferred")) in rdf
    shen = qualified_iri(str(SHEN), "holds", mint("Post", "区委书记"))
    assert (shen, KG.pastOnly, Literal(True)) in rdf and (shen, KG.start, None) not in rdf


def test_seeds_export_conforms_with_the_ontology_loaded_as_documented(seeds_ttl: Path) -> None:
    """The command the docs give, run as a user runs it: the ontology's own @en labels must not trip the shapes."""
    run = subprocess.run([sys.executable, "-m", "pyshacl", "-s", str(SHAPES), "-e", str(ONTOLOGY), str(seeds_ttl)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "Conforms: True" in run.stdout, run.stdout[:3000]


SHEN = URIRef(mint("Official", "沈燕俊"))
REPORTER = URIRef(mint("Reporter", "郁佳炜"))
MEETING = URIRef(mint("Meeting", "区委审计委员会会议"))
OTHER_MEETING = URIRef(mint("Meeting", "区政府党组会议"))
TENURE = qualified_iri(str(SHEN), "holds", mint("Post", "区委书记"))
PARTICIPATION = qualified_iri(str(SHEN), "chaired", str(MEETING))
JIN_TENURE = qualified_iri(mint("Official", "金志强"), "holds", mint("Post", "区政协主席"))


def _drop_label(rdf: Graph) -> None:
    rdf.remove((MEETING, RDFS.label, None))


def _untyped_date(rdf: Graph) -> None:
    rdf.remove((MEETING, KG.date, None))
    rdf.add((MEETING, KG.date, Literal("2026-03-27")))


def _reporter_as_official(rdf: Graph) -> None:
    rdf.add((REPORTER, RDF.type, KG.Official))


def _reporter_attends(rdf: Graph) -> None:
    rdf.add((REPORTER, KG.attended, MEETING))


def _meeting_chairs_meeting(rdf: Graph) -> None:
    rdf.add((MEETING, KG.chaired, OTHER_MEETING))


def _unsourced_participation(rdf: Graph) -> None:
    rdf.remove((PARTICIPATION, PROV.wasDerivedFrom, None))


def _shortcut_without_statement(rdf: Graph) -> None:
    rdf.add((SHEN, KG.chaired, OTHER_MEETING))


def _tenure_ends_before_it_starts(rdf: Graph) -> None:
    rdf.remove((TENURE, KG.lastSeen, None))
    rdf.add((TENURE, KG.lastSeen, Literal("2025-01-01", datatype=XSD.date)))


def _tenure_start_after_end(rdf: Graph) -> None:
    rdf.remove((JIN_TENURE, KG.start, None))
    rdf.add((JIN_TENURE, KG.start, Literal("2026-04-01", datatype=XSD.date)))


def _unknown_basis(rdf: Graph) -> None:
    rdf.remove((JIN_TENURE, KG.endBasis, None))
    rdf.add((JIN_TENURE, KG.endBasis, Literal("guessed")))


def _label_without_language(rdf: Graph) -> None:
    rdf.add((SHEN, RDFS.label, Literal("沈燕俊")))


def _past_only_not_boolean(rdf: Graph) -> None:
    rdf.add((TENURE, KG.pastOnly, Literal("yes")))


# mutation -> (focus node, constraint component expected in the report)
BROKEN: dict[str, tuple[Callable[[Graph], None], URIRef, URIRef]] = {
    "meeting without label": (_drop_label, MEETING, SH.MinCountConstraintComponent),
    "date not xsd:date": (_untyped_date, MEETING, SH.DatatypeConstraintComponent),
    "reporter typed Official": (_reporter_as_official, REPORTER, SH.NotConstraintComponent),
    "reporter attends": (_reporter_attends, REPORTER, SH.OrConstraintComponent),
    "meeting chairs a meeting": (_meeting_chairs_meeting, MEETING, SH.OrConstraintComponent),
    "participation without source": (_unsourced_participation, PARTICIPATION, SH.MinCountConstraintComponent),
    "shortcut without qualified node": (_shortcut_without_statement, SHEN, SH.SPARQLConstraintComponent),
    "tenure ends before it starts": (_tenure_ends_before_it_starts, TENURE, SH.LessThanOrEqualsConstraintComponent),
    "label without language": (_label_without_language, SHEN, SH.DatatypeConstraintComponent),
    "tenure starts after its end": (_tenure_start_after_end, JIN_TENURE, SH.LessThanOrEqualsConstraintComponent),
    "tenure end of unknown basis": (_unknown_basis, JIN_TENURE, SH.InConstraintComponent),
    "pastOnly not a boolean": (_past_only_not_boolean, TENURE, SH.DatatypeConstraintComponent),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_shapes_reject_broken_exports(shapes: Graph, ontology: Graph, case: str) -> None:
    mutate, focus, component = BROKEN[case]
    rdf = graph_to_rdf(tenured_district())
    mutate(rdf)
    ok, report = conforms(rdf, shapes, ontology)
    assert not ok
    found = {(r.value(result, SH.focusNode), r.value(result, SH.sourceConstraintComponent))
             for r in (report,) for result in report.subjects(RDF.type, SH.ValidationResult)}
    assert (focus, component) in found, found
