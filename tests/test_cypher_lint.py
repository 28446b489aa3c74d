"""Every Cypher statement capgraph has, parsed by Neo4j's own parser.

There is no Neo4j server here, so validity for Neo4j is proven with Neo4j's Cypher parser and
semantic analysis, the npm package @neo4j-cypher/language-support (its `lintCypherQuery`), run
by tools/cypher-lint/lint.mjs with the machine's Node.js. Set it up with
`cd tools/cypher-lint && npm ci` (CI does). Locally the tests skip, with the reason, when node
or the package is missing; under CI=true they fail instead.

What fails: diagnostics of severity Error, i.e. anything Neo4j would refuse to run: syntax
errors, and semantic errors such as an undefined variable or a parameter that the statement
uses but is not given (each statement is linted with the parameters it is run with). For the
saved queries, whose labels and types must be the schema's, a warning that a label or type is
unknown (a typo) fails too. Other warnings (deprecations, FalkorDB-only procedures such as
db.indexes() that Neo4j's linter does not know) are printed, not failures.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import capgraph
from capgraph.graph.lookup import find_entities
from capgraph.graph.neo4j_store import Neo4jStore
from capgraph.graph.schema import ALL_LABELS, ALL_RELATIONSHIP_TYPES, ENTITY
from capgraph.graph.stats import clear_graph, graph_stats
from capgraph.graph.store import QueryResult
from capgraph.graph.writer import combine
from capgraph.queries.packs import load_packs

REPO = Path(capgraph.__file__).resolve().parent
LINT_DIR = REPO / "tools" / "cypher-lint"
LINT_SCRIPT = LINT_DIR / "lint.mjs"
LINT_PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
CORPUS = REPO / "data" / "corpus"
SCHEMA = {"labels": [*ALL_LABELS, ENTITY], "relationshipTypes": list(ALL_RELATIONSHIP_TYPES)}
SAMPLE_VALUES = {"entity": "ins-0000", "string": "x", "int": 1, "float": 1.0, "bool": True, "list": ["x"]}


@dataclass(frozen=True, slots=True)
class Statement:
    name: str
    cypher: str
    parameters: dict[str, Any]


class RecordingStore:
    """A GraphStore that answers nothing and keeps every statement it is sent."""

    description = "recording store (lint)"

    def __init__(self) -> None:
        self.statements: list[Statement] = []

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        self.statements.append(Statement(f"#{len(self.statements)}", cypher, dict(params or {})))
        return QueryResult(["n"], [])

    def write_atomic(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        # Both forms are sent in practice: each statement (Neo4j) and their chain (FalkorDB).
        for cypher, params in [*statements, combine(statements)]:
            self.query(cypher, params, write=True)

    def existing_indexes(self, property_: str = "id") -> set[str]:
        return set()

    def close(self) -> None:
        pass

    def __enter__(self) -> RecordingStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _recorded(name: str, run: Callable[[RecordingStore], object]) -> list[Statement]:
    store = RecordingStore()
    run(store)
    return [Statement(f"{name} {item.name}", item.cypher, item.parameters) for item in store.statements]


def ingest_statements() -> list[Statement]:
    """What an ingest of a sample article sends: the index statements and the article's write."""
    from capgraph.ingest import ingest

    return _recorded("ingest 004", lambda store: ingest([sorted(CORPUS.glob("004_*.txt"))[0]], store))


def stats_statements() -> list[Statement]:
    return _recorded("stats", lambda store: (graph_stats(store), clear_graph(store)))


def lookup_statements() -> list[Statement]:
    return _recorded("lookup", lambda store: find_entities(store, "深创投"))


def neo4j_store_statements() -> list[Statement]:
    """The Neo4j store's own statements (its index listing), sent to a recording stand-in."""
    return _recorded("neo4j store", lambda store: Neo4jStore.existing_indexes(store))  # type: ignore[arg-type]


def writer_statements() -> list[Statement]:
    """The writer on an extraction with every label and every relationship type (all its branches)."""
    from capgraph.graph.ids import entity_id
    from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node
    from capgraph.graph.schema import ENDPOINTS, ENTITY_LABELS, RELATIONSHIP_TYPES
    from capgraph.graph.writer import GraphWriter

    document = Document("art-lint", "lint.txt", "lint", "甲投资乙。")
    nodes = [Node(entity_id(label, label), label, label, [label], {}, [document.id]) for label in ENTITY_LABELS]
    evidence = [Evidence(document.id, "甲投资乙。", 0, 5)]
    edges = [
        Edge(
            rel_type,
            entity_id(min(ENDPOINTS[rel_type][0]), min(ENDPOINTS[rel_type][0])),
            entity_id(min(ENDPOINTS[rel_type][1]), min(ENDPOINTS[rel_type][1])),
            {},
            evidence,
        )
        for rel_type in RELATIONSHIP_TYPES
    ]
    extraction = Extraction(document, nodes, edges)
    return _recorded(
        "writer", lambda store: (GraphWriter(store).ensure_indexes(), GraphWriter(store).write(extraction))
    )


def summaries_statements() -> list[Statement]:
    """Computing the write-time summaries from the graph (older graphs, `db repair`, `cypher --write`),
    and the Neo4j store's check for them."""
    from capgraph.graph.summaries import refresh_summaries, summaries_missing

    return _recorded("summaries", lambda store: (refresh_summaries(store), summaries_missing(store)))


# Every source of Cypher that capgraph emits itself. HOOK for other modules: append a function
# returning list[Statement] (e.g. the export module's Cypher script, one Statement per statement
# with the parameters it is run with) and the test below lints it too.
EMITTED_STATEMENT_SOURCES: list[Callable[[], list[Statement]]] = [
    ingest_statements,
    writer_statements,
    stats_statements,
    lookup_statements,
    neo4j_store_statements,
    summaries_statements,
]


def saved_query_statements() -> list[Statement]:
    return [
        Statement(name, query.cypher, {param.name: SAMPLE_VALUES[param.type] for param in query.params})
        for name, query in load_packs().items()
    ]


def _linter_missing() -> str | None:
    if shutil.which("node") is None:
        return "node (Node.js) is not installed"
    if not LINT_PACKAGE.is_file():
        return f"@neo4j-cypher/language-support is not installed: run `cd {LINT_DIR} && npm ci`"
    return None


def lint(statements: list[Statement]) -> list[dict[str, Any]]:
    missing = _linter_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Cypher linter is required in CI: {missing}")
        pytest.skip(f"Neo4j Cypher linter unavailable: {missing}")
    payload = {
        "statements": [{"name": s.name, "cypher": s.cypher, "parameters": s.parameters} for s in statements],
        "schema": SCHEMA,
    }
    done = subprocess.run(
        ["node", str(LINT_SCRIPT)],
        input=json.dumps(payload, ensure_ascii=False, default=str),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), f"lint.mjs failed: {done.stderr}"
    return json.loads(done.stdout)


def _problems(report: list[dict[str, Any]], statements: list[Statement], *, unknown_names_fail: bool) -> list[str]:
    by_name = {statement.name: statement for statement in statements}
    problems = []
    for item in report:
        failing = list(item["errors"])
        if unknown_names_fail:
            failing += [w for w in item["warnings"] if "is not present in the database" in w["message"]]
        for diagnostic in failing:
            line = by_name[item["name"]].cypher.splitlines()[diagnostic["line"] - 1]
            problems.append(f"{item['name']} line {diagnostic['line']}: {diagnostic['message']}\n    {line}")
        for warning in item["warnings"]:
            print(f"warning: {item['name']}: {warning['message']}")
    return problems


def test_saved_queries_parse_with_neo4j_parser() -> None:
    statements = saved_query_statements()
    assert len(statements) >= 20
    problems = _problems(lint(statements), statements, unknown_names_fail=True)
    assert not problems, "\n".join(problems)


def test_emitted_statements_parse_with_neo4j_parser() -> None:
    statements = [statement for source in EMITTED_STATEMENT_SOURCES for statement in source()]
    emitted = "\n".join(statement.cypher for statement in statements)
    # The sources really cover the writer, the indexes, stats and lookup.
    for expected in ("MERGE (a:Article {id: doc.id})", "CREATE INDEX FOR (n:Fund) ON (n.id)", "labels(n)", "$name"):
        assert expected in emitted
    problems = _problems(lint(statements), statements, unknown_names_fail=False)
    assert not problems, "\n".join(problems)


def test_the_linter_reports_errors() -> None:
    """The check is not vacuous: a syntax error, an undefined variable and a missing parameter are caught."""
    bad = [
        Statement("syntax", "MATCH (n) RETRN n", {}),
        Statement("variable", "MATCH (n) RETURN m", {}),
        Statement("parameter", "MATCH (n) WHERE n.id = $id RETURN n", {}),
        Statement("typo", "MATCH (n:Fnd) RETURN n", {}),
    ]
    report = lint(bad)
    assert [bool(item["errors"]) for item in report] == [True, True, True, False]
    assert _problems(report[3:], bad, unknown_names_fail=True)  # a label typo fails saved queries
