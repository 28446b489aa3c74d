"""The extraction pipeline: read → normalise → sentences → entities → relations → resolve, composed.

collect_inputs(paths)      files and folders → article files, sorted
read_document(path)        → Document | Skipped
extract_document(doc)      → Extraction (nodes, edges with evidence)
iter_extractions(paths)    one article at a time, so memory stays flat as input grows
to_contract_json(...)      the JSON of SCHEMA.md's "extraction output"
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node, Skipped

from .entities import SentenceIndex, find_mentions
from .places import find_places_and_sectors
from .read import collect_inputs, read_document
from .relations import Context, find_relations
from .resolve import resolve, to_node
from .script import in_original, simplified
from .sentences import split_sentences

__all__ = ["collect_inputs", "read_document", "extract_document", "iter_extractions", "to_contract_json"]


def extract_document(doc: Document) -> Extraction:
    reading = simplified(doc.text)
    if reading == doc.text:
        return _extract(doc)
    # an article in traditional characters: read its simplified copy, report in its own characters
    return _in_original(_extract(dataclasses.replace(doc, text=reading)), doc)


def _in_original(extraction: Extraction, doc: Document) -> Extraction:
    reading = extraction.document.text

    def original(value: object) -> object:
        return in_original(value, reading, doc.text) if isinstance(value, str) else value

    for node in extraction.nodes:
        node.name = in_original(node.name, reading, doc.text)
        # the simplified forms stay aliases: a reader looks the actor up in either script
        node.aliases = list(dict.fromkeys([*map(original, node.aliases), *node.aliases]))  # type: ignore[list-item]
        node.properties = {name: original(value) for name, value in node.properties.items()}
    for edge in extraction.edges:
        edge.evidence = [
            dataclasses.replace(e, sentence=in_original(e.sentence, reading, doc.text)) for e in edge.evidence
        ]
        edge.properties = {name: original(value) for name, value in edge.properties.items()}
    return dataclasses.replace(extraction, document=doc)


def _extract(doc: Document) -> Extraction:
    sentences = split_sentences(doc.text)
    index = SentenceIndex(sentences)
    mentions = find_mentions(doc.text, sentences)
    entities, all_mentions, entity_by_mention = resolve(doc.text, mentions, index)
    context = Context(doc.text, sentences, all_mentions, lambda m: entity_by_mention[id(m)])
    found = find_relations(context, entities)
    places, placed = find_places_and_sectors(context)
    found += placed

    nodes = [to_node(entity, doc.id) for entity in (*entities, *places)]
    edges: dict[tuple[str, str, str], Edge] = {}
    for fact in found:
        key = (fact.type, fact.source.id, fact.target.id)
        evidence = Evidence(doc.id, fact.sentence.text, fact.sentence.start, fact.sentence.end)
        edge = edges.get(key)
        if edge is None:
            edges[key] = Edge(
                fact.type, fact.source.id, fact.target.id, dict(fact.properties), [evidence], fact.confidence
            )
            continue
        if evidence.key not in {e.key for e in edge.evidence}:
            edge.evidence.append(evidence)
        edge.confidence = max(edge.confidence, fact.confidence)
        for name, value in fact.properties.items():
            edge.properties.setdefault(name, value)
    ordered = sorted(edges.values(), key=lambda e: (e.type, e.source, e.target))
    return Extraction(document=doc, nodes=sorted(nodes, key=lambda n: n.id), edges=ordered)


def iter_extractions(paths: Sequence[str | Path]) -> Iterator[Extraction | Skipped]:
    for path in collect_inputs(paths):
        doc = read_document(path)
        yield doc if isinstance(doc, Skipped) else extract_document(doc)


def _merge_node(into: Node, other: Node) -> None:
    if len(other.name) > len(into.name):
        into.name = other.name  # one actor under several forms keeps its longest (registered) name, as the writer
    for alias in other.aliases:
        if alias not in into.aliases:
            into.aliases.append(alias)
    for name, value in other.properties.items():
        into.properties.setdefault(name, value)
    for document in other.documents:
        if document not in into.documents:
            into.documents.append(document)


def to_contract_json(extractions: Iterable[Extraction]) -> dict[str, Any]:
    """SCHEMA.md's extraction output; nodes merged by id and edges by (type, source, target)."""
    documents: list[dict[str, Any]] = []
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    for extraction in extractions:
        doc = extraction.document
        stated = {"date": doc.date, "source": doc.source, "url": doc.url}  # what the article says of itself
        documents.append({"id": doc.id, "path": doc.path, "title": doc.title, **{k: v for k, v in stated.items() if v}})
        for node in extraction.nodes:
            if node.id in nodes:
                _merge_node(nodes[node.id], node)
            else:
                nodes[node.id] = Node(
                    node.id, node.label, node.name, list(node.aliases), dict(node.properties), list(node.documents)
                )
        for edge in extraction.edges:
            key = (edge.type, edge.source, edge.target)
            if key not in edges:
                edges[key] = Edge(
                    edge.type, edge.source, edge.target, dict(edge.properties), list(edge.evidence), edge.confidence
                )
                continue
            merged = edges[key]
            known = {e.key for e in merged.evidence}
            merged.evidence += [e for e in edge.evidence if e.key not in known]
            merged.confidence = max(merged.confidence, edge.confidence)
            for name, value in edge.properties.items():
                merged.properties.setdefault(name, value)
    return {
        "documents": documents,
        "nodes": [
            {
                "id": n.id,
                "label": n.label,
                "name": n.name,
                "aliases": n.aliases,
                "properties": n.properties,
                "documents": n.documents,
            }
            for n in sorted(nodes.values(), key=lambda n: n.id)
        ],
        "edges": [
            {
                "type": e.type,
                "source": e.source,
                "target": e.target,
                "properties": e.properties,
                "confidence": e.confidence,
                "evidence": [
                    {"document": v.document, "sentence": v.sentence, "start": v.start, "end": v.end} for v in e.evidence
                ],
            }
            for e in sorted(edges.values(), key=lambda e: (e.type, e.source, e.target))
        ],
    }
