"""A subgraph as RDF (rdflib): Turtle and JSON-LD, with a small vocabulary and PROV-O evidence.

Vocabulary (namespace `https://capgraph.dev/ns#`, prefix `cg:`), declared in every export:
- a class per label (`cg:Fund`, `cg:Institution` … subclasses of `cg:Entity`; `cg:Article`
  a subclass of `prov:Entity`);
- an object property per relationship type, in lowerCamelCase (`INVESTED_IN` → `cg:investedIn`);
- datatype properties for the stored properties (`cg:id`, `cg:kind`, `cg:amount_cny` …).
Entities live under `https://capgraph.dev/id/`: `rdfs:label` is the name `@zh`, every other
alias a `skos:altLabel @zh`, and `prov:wasDerivedFrom` the articles they were seen in.
Each relationship is the direct triple plus a reified `rdf:Statement` (also a `prov:Entity`)
carrying its confidence, `prov:wasDerivedFrom` each article, and one `prov:qualifiedDerivation`
per piece of evidence with the article (`prov:entity`), the sentence (`cg:sentence @zh`)
and its offsets.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from .schema import ARTICLE, ENTITY_LABELS, RELATIONSHIP_TYPES
from .subgraph import EVIDENCE_PROPERTIES, Subgraph, SubgraphNode, SubgraphRelationship

CG = Namespace("https://capgraph.dev/ns#")
CGID = Namespace("https://capgraph.dev/id/")
LANGUAGE = "zh"
_SKIP_NODE_PROPERTIES = {"id", "name", "aliases", "articles", "title"}
JSONLD_CONTEXT = {
    "cg": str(CG),
    "cgid": str(CGID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


def property_name(rel_type: str) -> str:
    """INVESTED_IN → investedIn."""
    first, *rest = rel_type.lower().split("_")
    return first + "".join(word.capitalize() for word in rest)


def relationship_property(rel_type: str) -> URIRef:
    return CG[property_name(rel_type)]


def entity_iri(node_id: str) -> URIRef:
    return CGID[quote(node_id, safe="-_.~")]


def statement_iri(rel: SubgraphRelationship) -> URIRef:
    digest = hashlib.sha1(f"{rel.type}|{rel.source}|{rel.target}".encode()).hexdigest()[:16]
    return CGID[f"rel-{digest}"]


def _literal(value: Any, *, text_language: str | None = None) -> Literal | None:
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double) if math.isfinite(value) else None
    return Literal(str(value), lang=text_language)


def _bind(graph: Graph) -> None:
    for prefix, namespace in JSONLD_CONTEXT.items():
        graph.bind(prefix, namespace)


def add_vocabulary(graph: Graph, labels: set[str], types: set[str]) -> None:
    graph.add((CG.Entity, RDF.type, OWL.Class))
    graph.add((CG.Entity, RDFS.label, Literal("Entity", lang="en")))
    for label in sorted(set(ENTITY_LABELS) | (labels - {ARTICLE})):
        graph.add((CG[label], RDF.type, OWL.Class))
        graph.add((CG[label], RDFS.subClassOf, CG.Entity))
        graph.add((CG[label], RDFS.label, Literal(label, lang="en")))
    graph.add((CG[ARTICLE], RDF.type, OWL.Class))
    graph.add((CG[ARTICLE], RDFS.subClassOf, PROV.Entity))
    for rel_type in sorted(set(RELATIONSHIP_TYPES) | types):
        prop = relationship_property(rel_type)
        graph.add((prop, RDF.type, OWL.ObjectProperty))
        graph.add((prop, RDFS.label, Literal(rel_type, lang="en")))
    for name, range_ in (("sentence", RDFS.Literal), ("start", XSD.integer), ("end", XSD.integer)):
        graph.add((CG[name], RDF.type, OWL.DatatypeProperty))
        graph.add((CG[name], RDFS.range, range_))


def _add_node(graph: Graph, node: SubgraphNode) -> None:
    iri = entity_iri(node.id)
    graph.add((iri, RDF.type, CG[quote(node.label, safe="")]))
    if node.label == ARTICLE:
        graph.add((iri, RDF.type, PROV.Entity))
        graph.add((iri, DCTERMS.title, Literal(node.name, lang=LANGUAGE)))
    graph.add((iri, CG.id, Literal(node.id)))
    graph.add((iri, RDFS.label, Literal(node.name, lang=LANGUAGE)))
    for alias in node.aliases:
        if alias != node.name:
            graph.add((iri, SKOS.altLabel, Literal(alias, lang=LANGUAGE)))
    for article in node.properties.get("articles") or []:
        graph.add((iri, PROV.wasDerivedFrom, entity_iri(str(article))))
    for key, value in sorted(node.properties.items()):
        if key in _SKIP_NODE_PROPERTIES:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            literal = _literal(item)
            if literal is not None:
                graph.add((iri, CG[quote(key, safe="")], literal))


def _add_relationship(graph: Graph, rel: SubgraphRelationship) -> None:
    source, target, prop = entity_iri(rel.source), entity_iri(rel.target), relationship_property(rel.type)
    graph.add((source, prop, target))
    statement = statement_iri(rel)
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.type, PROV.Entity))
    graph.add((statement, RDF.subject, source))
    graph.add((statement, RDF.predicate, prop))
    graph.add((statement, RDF.object, target))
    for key, value in sorted(rel.properties.items()):
        if key in EVIDENCE_PROPERTIES:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            literal = _literal(item)
            if literal is not None:
                graph.add((statement, CG[quote(key, safe="")], literal))
    for index, item in enumerate(rel.evidence):
        article = entity_iri(item.article)
        derivation = URIRef(f"{statement}-evidence-{index}")
        graph.add((statement, PROV.wasDerivedFrom, article))
        graph.add((statement, PROV.qualifiedDerivation, derivation))
        graph.add((derivation, RDF.type, PROV.Derivation))
        graph.add((derivation, PROV.entity, article))
        graph.add((derivation, CG.sentence, Literal(item.sentence, lang=LANGUAGE)))
        if item.start is not None:
            graph.add((derivation, CG.start, Literal(item.start, datatype=XSD.integer)))
        if item.end is not None:
            graph.add((derivation, CG.end, Literal(item.end, datatype=XSD.integer)))


def to_rdf(subgraph: Subgraph) -> Graph:
    graph = Graph()
    _bind(graph)
    add_vocabulary(graph, set(subgraph.label_counts()), set(subgraph.type_counts()))
    for node in subgraph.nodes.values():
        _add_node(graph, node)
    # Articles cited as evidence but not selected: a title, no class of their own (they are not nodes here).
    for article, title in sorted(subgraph.article_titles.items()):
        if article not in subgraph.nodes:
            graph.add((entity_iri(article), RDF.type, PROV.Entity))
            graph.add((entity_iri(article), DCTERMS.title, Literal(title, lang=LANGUAGE)))
            details = subgraph.article_details.get(article, {})
            if "date" in details:
                graph.add((entity_iri(article), DCTERMS.date, Literal(details["date"], datatype=XSD.date)))
            if "source" in details:
                graph.add((entity_iri(article), DCTERMS.publisher, Literal(details["source"], lang=LANGUAGE)))
            if "url" in details:
                graph.add((entity_iri(article), DCTERMS.source, URIRef(details["url"])))
    for rel in subgraph.relationships.values():
        _add_relationship(graph, rel)
    return graph


def turtle(subgraph: Subgraph) -> str:
    return to_rdf(subgraph).serialize(format="turtle")


def json_ld(subgraph: Subgraph) -> str:
    return to_rdf(subgraph).serialize(format="json-ld", context=JSONLD_CONTEXT, indent=2, ensure_ascii=False)


def rdf_counts(graph: Graph) -> tuple[int, int]:
    """(nodes, relationships) in an exported graph: subjects with a `cg:id`, and reified statements."""
    nodes = len(set(graph.subjects(CG.id, None)))
    relationships = len(set(graph.subjects(RDF.type, RDF.Statement)))
    return nodes, relationships
