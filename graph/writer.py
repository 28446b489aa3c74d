"""Write one article's extraction to a store: idempotent, and all or nothing.

An article is one transaction: on Neo4j an explicit transaction over its statements, on
FalkorDB the statements chained into one query (a single query is FalkorDB's unit of
atomicity). A failure or an interrupted ingest leaves nothing of that article
half-written, and the next ingest writes it whole.
Everything is MERGEd on stable ids and lists are merged without duplicates, so writing
the same article twice leaves the same graph.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from capgraph import __version__

from .model import Document, Edge, Extraction, Node
from .schema import ALL_LABELS, ENTITY, check_label, check_type
from .store import GraphStore, Statement

# Appends the items of `new` that `old` lacks (null-safe); used for aliases and articles.
_MERGE_LIST = "reduce(acc = coalesce({old}, []), item IN {new} | CASE WHEN item IN acc THEN acc ELSE acc + item END)"

_EVIDENCE_FIELDS = ("keys", "articles", "sentences", "starts", "ends")


def index_statements(labels: tuple[str, ...] = (*ALL_LABELS, ENTITY)) -> list[str]:
    """One index on `id` for every label (Neo4j syntax; FalkorDB accepts the same form)."""
    return [f"CREATE INDEX FOR (n:{check_label(label)}) ON (n.id)" for label in labels]


def _node_row(node: Node) -> dict[str, Any]:
    properties = {key: value for key, value in node.properties.items() if value is not None}
    aliases = list(dict.fromkeys([node.name, *node.aliases]))
    return {"id": node.id, "name": node.name, "aliases": aliases, "props": properties}


def _article_row(document: Document) -> dict[str, Any]:
    """What the explorer shows beside an article's title: its date, source and URL (None when unknown)."""
    return {"date": document.date, "source": document.source, "url": document.url}


# Characters of article text per statement: FalkorDB's Bolt endpoint drops messages of a few KB.
TEXT_CHUNK = 500


def _article_text_statements(document: Document, doc: dict[str, Any]) -> list[Statement]:
    """The article's text (evidence offsets point into it) on its node, written in pieces."""
    text = document.text
    parts = [text[start : start + TEXT_CHUNK] for start in range(0, len(text), TEXT_CHUNK)] or [""]
    return [
        (
            f"MATCH (a:Article {{id: $doc.id}})\nSET a.text = {'a.text + ' if index else ''}$text_{index}",
            {"doc": doc, f"text_{index}": part},
        )
        for index, part in enumerate(parts)
    ]


def _edge_row(edge: Edge) -> dict[str, Any]:
    evidence = list({item.key: item for item in edge.evidence}.values())
    properties = {key: value for key, value in edge.properties.items() if value is not None}
    return {
        "source": edge.source,
        "target": edge.target,
        "props": properties,
        "confidence": float(edge.confidence),
        "keys": [item.key for item in evidence],
        "articles": [item.document for item in evidence],
        "sentences": [item.sentence for item in evidence],
        "starts": [item.start for item in evidence],
        "ends": [item.end for item in evidence],
    }


# Rows per UNWIND: keeps each statement's parameters small (FalkorDB's Bolt endpoint crashes on
# large messages) without changing what is written.
BATCH_ROWS = 20


def _batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def article_statements(extraction: Extraction, batch_rows: int = BATCH_ROWS) -> list[Statement]:
    """The statements that write one article, in order; run them as one transaction.

    Each statement stands alone (Neo4j runs them in one explicit transaction); `combine`
    chains them into one statement for FalkorDB, where a single query is the transaction.
    """
    document = extraction.document
    doc = {"id": document.id, "title": document.title, "path": document.path, "chars": len(document.text)}
    statements: list[Statement] = [
        *forget_article_statements(document.id),
        (
            "MERGE (a:Article {id: $doc.id})\n"
            "SET a.title = $doc.title, a.path = $doc.path, a.chars = $doc.chars, a.name = $doc.title,\n"
            "    a.date = $article.date, a.source = $article.source, a.url = $article.url",
            {"doc": doc, "article": _article_row(document)},
        ),
        *_article_text_statements(document, doc),
    ]

    nodes_by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in extraction.nodes:
        nodes_by_label[check_label(node.label)].append(_node_row(node))
    for label in sorted(nodes_by_label):
        for index, batch in enumerate(_batches(nodes_by_label[label], batch_rows)):
            key = f"nodes_{label}_{index}"
            cypher = "\n".join(
                [
                    "MATCH (a:Article {id: $doc.id})",
                    f"UNWIND ${key} AS row",
                    f"MERGE (x:{ENTITY}:{label} {{id: row.id}})",
                    # one actor met under several forms keeps its longest (registered) name
                    "SET x += row.props,",
                    "    x.name = CASE WHEN x.name IS NULL OR size(row.name) > size(x.name) THEN row.name"
                    " ELSE x.name END,",
                    "    x.aliases = " + _MERGE_LIST.format(old="x.aliases", new="row.aliases") + ",",
                    "    x.articles = " + _MERGE_LIST.format(old="x.articles", new="[$doc.id]"),
                    "MERGE (a)-[:MENTIONS]->(x)",
                ]
            )
            statements.append((cypher, {"doc": doc, key: batch}))

    edges_by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in extraction.edges:
        edges_by_type[check_type(edge.type)].append(_edge_row(edge))
    fresh = "[i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN coalesce(r.evidence_keys, [])]"
    for rel_type in sorted(edges_by_type):
        for index, batch in enumerate(_batches(edges_by_type[rel_type], batch_rows)):
            key = f"edges_{rel_type}_{index}"
            cypher = "\n".join(
                [
                    f"UNWIND ${key} AS row",
                    f"MATCH (s:{ENTITY} {{id: row.source}})",
                    f"MATCH (t:{ENTITY} {{id: row.target}})",
                    f"MERGE (s)-[r:{rel_type}]->(t)",
                    f"WITH r, row, {fresh} AS fresh",
                    "SET r += row.props,",
                    "    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence"
                    " THEN row.confidence ELSE r.confidence END,",
                    ",\n".join(
                        f"    r.evidence_{field} = coalesce(r.evidence_{field}, []) + [i IN fresh | row.{field}[i]]"
                        for field in _EVIDENCE_FIELDS
                    ),
                ]
            )
            statements.append((cypher, {key: batch}))

    # Last: mark the article as written by this version.
    statements.append(
        (
            "MATCH (a:Article {id: $doc.id})\nSET a.capgraph_version = $version\nRETURN a.id AS article",
            {"doc": doc, "version": __version__},
        )
    )
    return statements


def forget_article_statements(document_id: str) -> list[Statement]:
    """Take back what an earlier ingest of this article wrote, before writing it again.

    So a re-ingest after the extractor changed leaves no stale fact: the article's evidence
    leaves every relationship (a relationship with none left goes), its id leaves every
    entity's `articles` (an entity no article mentions any more goes), its MENTIONS go.
    The article's relationships all start at entities it mentions, so those are the ones to visit.
    """
    params = {"doc": {"id": document_id}}
    keep = "[i IN range(0, size(r.evidence_keys) - 1) WHERE r.evidence_articles[i] <> $doc.id]"
    evidence = ",\n".join(f"    r.evidence_{field} = [i IN keep | r.evidence_{field}[i]]" for field in _EVIDENCE_FIELDS)
    # Each time: what is left with nothing is deleted first, then the rest is updated. FalkorDB
    # silently dropped a single statement that SET a list and then filtered on the new list.
    relationships = (
        "MATCH (a:Article {id: $doc.id})-[:MENTIONS]->(x:Entity)\n"
        "MATCH (x)-[r]->(:Entity)\n"
        "WHERE $doc.id IN r.evidence_articles\n"
        f"WITH DISTINCT r, {keep} AS keep\n"
    )
    return [
        (relationships + "WHERE size(keep) = 0\nDELETE r", params),
        (relationships + f"SET\n{evidence}", params),
        (
            "MATCH (a:Article {id: $doc.id})-[:MENTIONS]->(x:Entity)\n"
            "WHERE size([item IN x.articles WHERE item <> $doc.id]) = 0\n"
            "DETACH DELETE x",
            params,
        ),
        (
            "MATCH (a:Article {id: $doc.id})-[m:MENTIONS]->(x:Entity)\n"
            "SET x.articles = [item IN x.articles WHERE item <> $doc.id]\n"
            "DELETE m",
            params,
        ),
    ]


def combine(statements: list[Statement]) -> Statement:
    """Chain statements into one; `WITH count(*)` always yields one row, so every part runs."""
    params: dict[str, Any] = {}
    for _, part in statements:
        params.update(part)
    return "\nWITH count(*) AS _\n".join(cypher for cypher, _ in statements), params


def article_statement(extraction: Extraction) -> Statement:
    """One article as a single statement (what the FalkorDB store runs)."""
    return combine(article_statements(extraction))


class GraphWriter:
    """Writes extractions to a store, one atomic statement per article."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def ensure_indexes(self) -> None:
        existing = self.store.existing_indexes()
        for label, statement in zip((*ALL_LABELS, ENTITY), index_statements(), strict=True):
            if label not in existing:
                self.store.query(statement, write=True)

    def write(self, extraction: Extraction) -> None:
        self.store.write_atomic(article_statements(extraction))
