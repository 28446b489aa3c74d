"""The Cypher that views, exports and analytics emit, parsed by Neo4j's own parser.

Uses the linter harness of test_cypher_lint.py (Node.js + @neo4j-cypher/language-support): the
selection queries, the analytics write-back, the CSV loader, and every statement of an exported
Cypher script (a graph with hostile text, so the escaping is linted too).
"""

from __future__ import annotations

from pathlib import Path

from test_cypher_lint import RecordingStore, Statement, _problems, _recorded, lint
from test_viz_support import HOSTILE_ALIAS, HOSTILE_NAME, HOSTILE_SENTENCE

from capgraph.graph.analytics import analyse, write_back
from capgraph.graph.export_csv import load_import_csv, write_import_csv
from capgraph.graph.export_cypher import cypher_script_statements
from capgraph.graph.store import GraphNode, GraphPath, GraphRelationship, QueryResult
from capgraph.graph.subgraph import (
    Subgraph,
    SubgraphNode,
    SubgraphRelationship,
    neighbourhood,
    query_result_subgraph,
    whole_graph,
)


def hostile_subgraph() -> Subgraph:
    sub = Subgraph()
    for node_id, label, name in (("fun-a", "Fund", "基金"), ("com-b", "Company", HOSTILE_NAME)):
        properties = {"id": node_id, "name": name, "aliases": [name, HOSTILE_ALIAS], "amount_cny": 1.5e9, "n": 3}
        sub.add_node(SubgraphNode(node_id, label, name, ("Entity", label), properties))
    evidence = {
        "evidence_keys": ["art-1:0:9"],
        "evidence_articles": ["art-1"],
        "evidence_sentences": [HOSTILE_SENTENCE],
        "evidence_starts": [0],
        "evidence_ends": [9],
        "confidence": 0.8,
        "flag": True,
    }
    sub.add_relationship(SubgraphRelationship("INVESTED_IN", "fun-a", "com-b", evidence))
    return sub


def export_statements() -> list[Statement]:
    return [
        Statement(f"script #{i}", cypher, {}) for i, cypher in enumerate(cypher_script_statements(hostile_subgraph()))
    ]


FUND_NODE = GraphNode(("Entity", "Fund"), {"id": "fun-a", "name": "基金"}, "1")
ARTICLE_NODE = GraphNode(("Article",), {"id": "art-1", "title": "文章"}, "2")
EVIDENCED = GraphRelationship("MANAGES", "1", "1", {"evidence_articles": ["art-1"], "evidence_sentences": ["句"]})


class AnsweringStore(RecordingStore):
    """Records statements and answers with a node, an article and a relationship, so every branch runs."""

    def query(self, cypher, params=None, *, write=False):
        super().query(cypher, params, write=write)
        if "RETURN n" in cypher:
            return QueryResult(["n"], [[ARTICLE_NODE if "Article" in cypher else FUND_NODE]])
        if "AS rel" in cypher:
            return QueryResult(["source", "rel", "target"], [["fun-a", EVIDENCED, "fun-a"]])
        return QueryResult(["n"], [])


def selection_statements() -> list[Statement]:
    store = AnsweringStore()
    neighbourhood(store, "基金", hops=2, include_articles=True)  # type: ignore[arg-type]
    whole_graph(store, include_articles=True)  # type: ignore[arg-type]
    loose = GraphRelationship("MANAGES", "4:x:7", "node_9", {})
    result = QueryResult(["p", "r"], [[GraphPath((FUND_NODE,), ()), loose]])
    query_result_subgraph(store, result)  # type: ignore[arg-type]
    statements = [Statement(f"selection #{i}", s.cypher, s.parameters) for i, s in enumerate(store.statements)]
    assert {"MENTIONS", "AS rel", "a.title", "elementId", "id(n)"} <= {
        word for word in ("MENTIONS", "AS rel", "a.title", "elementId", "id(n)") for s in statements if word in s.cypher
    }
    return statements


def analytics_and_csv_statements(folder: Path) -> list[Statement]:
    sub = hostile_subgraph()
    write_import_csv(sub, folder)
    statements = _recorded("write-back", lambda store: write_back(store, analyse(sub)))
    statements += _recorded("csv loader", lambda store: load_import_csv(store, folder))
    return statements


def test_emitted_cypher_parses_with_neo4j_parser(tmp_path):
    statements = export_statements() + selection_statements() + analytics_and_csv_statements(tmp_path)
    assert len(statements) >= 10
    problems = _problems(lint(statements), statements, unknown_names_fail=True)
    assert not problems, "\n".join(problems)
