"""The whole graph exported (RDF, a Cypher script) while it is read, in parts, so memory stays flat as the graph grows.

`whole_graph_parts` reads the graph a batch of nodes at a time: each part holds those nodes, the
relationships leaving them (to any selected node) and the titles of the articles they cite.
Turtle is written part after part (Turtle allows a prefix to be declared again); JSON-LD is one
document whose `@graph` takes each part's objects as they come (objects with the same `@id` in
several parts are one node to a JSON-LD processor). A Cypher script needs every node before the
relationships that join them: its nodes come from one reading in parts, its relationships from a second.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from .export_cypher import node_statement, relationship_statement, script_header
from .export_rdf import JSONLD_CONTEXT, add_vocabulary, to_rdf
from .schema import ALL_LABELS, ARTICLE, ENTITY, RELATIONSHIP_TYPES
from .store import GraphNode, GraphRelationship, GraphStore
from .subgraph import (
    Subgraph,
    SubgraphNode,
    SubgraphRelationship,
    _add_article_titles,
    _relationship_types,
    subgraph_node,
)

PART_NODES = 100
_IDS = "MATCH (n:{label}) RETURN n.id"
_NODES = "MATCH (n:{label}) WHERE n.id IN $ids RETURN n"
_RELATIONSHIPS = (
    "MATCH (s:{label})-[r]->(t) WHERE s.id IN $ids AND type(r) IN $types "
    "RETURN s.id AS source, r AS rel, t.id AS target"
)


def whole_graph_parts(
    store: GraphStore, *, include_articles: bool = False, part_nodes: int = PART_NODES
) -> Iterator[Subgraph]:
    """The whole graph (entities, and articles if asked) as a sequence of small subgraphs."""
    labels = [ENTITY, ARTICLE] if include_articles else [ENTITY]
    selected: set[str] = set()
    for label in labels:
        selected.update(str(value) for value in store.query(_IDS.format(label=label)).column(0))
    types = _relationship_types(include_articles)
    for label in labels:
        ids = sorted(str(value) for value in store.query(_IDS.format(label=label)).column(0))
        for start in range(0, len(ids), part_nodes):
            batch = ids[start : start + part_nodes]
            part = Subgraph(description="the whole graph")
            for value in store.query(_NODES.format(label=label), {"ids": batch}).column(0):
                if isinstance(value, GraphNode):
                    part.add_node(subgraph_node(value))
            result = store.query(_RELATIONSHIPS.format(label=label), {"ids": batch, "types": types})
            for source, rel, target in result.rows:
                if isinstance(rel, GraphRelationship) and str(target) in selected:
                    relationship = SubgraphRelationship(rel.type, str(source), str(target), dict(rel.properties))
                    part.relationships[relationship.key] = relationship  # its target may be in another part
            _add_article_titles(store, part)
            yield part


def whole_graph_in_parts(store: GraphStore, *, include_articles: bool = False) -> Subgraph:
    """The whole graph as one subgraph, read in parts: no single result holds every relationship."""
    whole = Subgraph(description="the whole graph")
    for part in whole_graph_parts(store, include_articles=include_articles):
        whole.nodes.update(part.nodes)
        whole.relationships.update(part.relationships)
        whole.article_titles.update(part.article_titles)
        whole.article_details.update(part.article_details)
    return whole


def _vocabulary() -> Graph:
    graph = Graph()
    for prefix, namespace in JSONLD_CONTEXT.items():
        graph.bind(prefix, namespace)
    add_vocabulary(graph, set(ALL_LABELS), set(RELATIONSHIP_TYPES))
    return graph


def _part_graph(part: Subgraph, titled: set[str]) -> Graph:
    # An article cited by several parts gets its title once.
    part.article_titles = {key: value for key, value in part.article_titles.items() if key not in titled}
    titled.update(part.article_titles)
    graph = to_rdf(part)
    return graph - _vocabulary()  # the vocabulary is written once, at the start


def write_turtle(parts: Iterator[Subgraph], handle: TextIO) -> tuple[int, int]:
    handle.write(_vocabulary().serialize(format="turtle"))
    return _write_parts(parts, lambda graph: handle.write("\n" + graph.serialize(format="turtle")))


def write_json_ld(parts: Iterator[Subgraph], handle: TextIO) -> tuple[int, int]:
    handle.write('{\n"@context": ' + json.dumps(JSONLD_CONTEXT, ensure_ascii=False) + ',\n"@graph": [\n')
    first = True

    def write(graph: Graph) -> None:
        nonlocal first
        document = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT, ensure_ascii=False))
        items = document.get("@graph", [document]) if isinstance(document, dict) else document
        for item in items:
            if isinstance(item, dict):
                item.pop("@context", None)
            handle.write(("" if first else ",\n") + json.dumps(item, ensure_ascii=False))
            first = False

    write(_vocabulary())
    counts = _write_parts(parts, write)
    handle.write("\n]\n}\n")
    return counts


def _write_parts(parts: Iterator[Subgraph], write: object) -> tuple[int, int]:
    nodes = relationships = 0
    titled: set[str] = set()
    for part in parts:
        nodes += len(part.nodes)
        relationships += len(part.relationships)
        write(_part_graph(part, titled))  # type: ignore[operator]
    return nodes, relationships


def export_whole_graph_rdf(
    store: GraphStore, fmt: str, out: Path, *, include_articles: bool = False
) -> tuple[int, int]:
    """Write the whole graph as Turtle ("ttl") or JSON-LD ("jsonld") to `out`; (nodes, relationships) written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    parts = whole_graph_parts(store, include_articles=include_articles)
    with out.open("w", encoding="utf-8") as handle:
        return write_turtle(parts, handle) if fmt == "ttl" else write_json_ld(parts, handle)


def export_whole_graph_cypher(store: GraphStore, out: Path, *, include_articles: bool = False) -> tuple[int, int]:
    """Write the whole graph as a Cypher script to `out`; (nodes, relationships) written. Only each
    node's id and labels are kept between the two readings."""
    out.parent.mkdir(parents=True, exist_ok=True)
    kept: dict[str, SubgraphNode] = {}
    body = out.with_name(out.name + ".part")
    relationships = 0
    with body.open("w", encoding="utf-8") as handle:
        for part in whole_graph_parts(store, include_articles=include_articles):
            for node in part.nodes.values():
                handle.write(node_statement(node) + ";\n")
                kept[node.id] = SubgraphNode(node.id, node.label, "", node.labels)
        for part in whole_graph_parts(store, include_articles=include_articles):
            for rel in part.relationships.values():
                if rel.source not in kept or rel.target not in kept:
                    continue  # an end written to the graph after the first reading (another client's write)
                handle.write(relationship_statement(rel, kept[rel.source], kept[rel.target]) + ";\n")
                relationships += 1
    # The header says how many: written first, then the statements copied after it.
    with out.open("w", encoding="utf-8") as handle, body.open(encoding="utf-8") as statements:
        handle.write("\n".join(script_header("the whole graph", len(kept), relationships)) + "\n")
        shutil.copyfileobj(statements, handle)
    body.unlink()
    return len(kept), relationships
