"""The Neo4j store, through the official `neo4j` driver (a local server, Docker, Aura, a cluster)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node as Neo4jNode
from neo4j.graph import Path as Neo4jPath
from neo4j.graph import Relationship as Neo4jRelationship

from capgraph.errors import StoreError

from .store import (
    READ_ONLY_REFUSAL,
    ClosingStore,
    GraphNode,
    GraphPath,
    GraphRelationship,
    QueryResult,
    Statement,
    check_params,
)
from .summaries import refresh_summaries, summaries_missing


def _element_id(value: Any) -> str:
    return str(getattr(value, "element_id", None) or getattr(value, "id", ""))


def _node(value: Neo4jNode) -> GraphNode:
    return GraphNode(tuple(sorted(value.labels)), dict(value), _element_id(value))


def _relationship(value: Neo4jRelationship) -> GraphRelationship:
    start = _element_id(value.start_node) if value.start_node is not None else ""
    end = _element_id(value.end_node) if value.end_node is not None else ""
    return GraphRelationship(value.type, start, end, dict(value), _element_id(value))


def _plain(value: Any) -> Any:
    if isinstance(value, Neo4jNode):
        return _node(value)
    if isinstance(value, Neo4jRelationship):
        return _relationship(value)
    if isinstance(value, Neo4jPath):
        return GraphPath(tuple(_node(n) for n in value.nodes), tuple(_relationship(r) for r in value.relationships))
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class Neo4jStore(ClosingStore):
    # Writes: one article per transaction, at most 4 rows per statement (FalkorDB's Bolt
    # endpoint, which the tests use, crashes on messages over ~4 KB: 8 rows of a relationship
    # type with long sentences, with the summaries' upkeep in the statement, went over; Neo4j
    # does not mind).
    write_batch_articles = 1
    write_chunk_rows: int | None = 4

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        self.uri = uri
        self.database = database or None
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError, ValueError) as error:
            raise StoreError(f"cannot reach Neo4j at {uri}: {_message(error)}") from None
        self.ensure_summaries()

    def ensure_summaries(self) -> bool:
        """Compute the write-time summaries once for a graph written before they existed (Neo4j has no
        place for a version mark: an entity without `degree` says so). Returns whether it had to."""
        if not summaries_missing(self):
            return False
        self.refresh_summaries()
        return True

    def refresh_summaries(self) -> None:
        refresh_summaries(self)

    @property
    def description(self) -> str:
        return f"Neo4j at {self.uri}" + (f" (database {self.database!r})" if self.database else "")

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        check_params(params or {})

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(cypher, dict(params or {}))
            columns = list(result.keys())
            rows = [[_plain(value) for value in record.values()] for record in result]
            return QueryResult(columns, rows, QueryResult.changes_of(result.consume().counters) if write else {})

        access = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        with self._errors(), self._driver.session(database=self.database, default_access_mode=access) as session:
            return session.execute_write(work) if write else session.execute_read(work)

    def write_atomic(self, statements: list[Statement]) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(cypher, params).consume()

        with self._errors(), self._driver.session(database=self.database, default_access_mode=neo4j.WRITE_ACCESS) as s:
            s.execute_write(work)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """The driver's errors as one line for the user."""
        try:
            yield
        except neo4j_errors.Neo4jError as error:
            code = str(error.code or "")
            if "AccessMode" in code or "WriteOnReadOnly" in code:
                raise StoreError(READ_ONLY_REFUSAL) from None
            raise StoreError(f"Cypher error: {_message(error)}") from None
        except (neo4j_errors.DriverError, OSError) as error:
            raise StoreError(f"lost the connection to Neo4j at {self.uri}: {_message(error)}") from None

    def existing_indexes(self, property_: str = "id") -> set[str]:
        """Labels that have an index on `property_` (SHOW INDEXES on Neo4j; db.indexes() where that is missing)."""
        try:
            result = self.query("SHOW INDEXES YIELD labelsOrTypes, properties RETURN labelsOrTypes, properties")
            return {str(lab) for labels, props in result.rows if property_ in (props or []) for lab in labels or []}
        except StoreError:
            result = self.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
            return {str(label) for label, properties in result.rows if property_ in (properties or [])}

    def close(self) -> None:
        self._driver.close()


def _message(error: BaseException) -> str:
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())
