"""The FalkorDB store: the embedded server by default, or a FalkorDB the user already runs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import falkordb
import redis
from falkordb.edge import Edge as FalkorEdge
from falkordb.node import Node as FalkorNode
from falkordb.path import Path as FalkorPath

from capgraph.errors import StoreError

from .embedded import EmbeddedFalkorDB, ServerAddress
from .schema import ENTITY
from .store import READ_ONLY_REFUSAL, ClosingStore, GraphNode, GraphPath, GraphRelationship, QueryResult, Statement
from .writer import combine

DEFAULT_GRAPH = "capgraph"


def _node(value: FalkorNode) -> GraphNode:
    labels = value.labels or ([value.label] if getattr(value, "label", None) else [])
    return GraphNode(tuple(labels), dict(value.properties), str(value.id))


def _relationship(value: FalkorEdge) -> GraphRelationship:
    start = value.src_node.id if isinstance(value.src_node, FalkorNode) else value.src_node
    end = value.dest_node.id if isinstance(value.dest_node, FalkorNode) else value.dest_node
    return GraphRelationship(value.relation, str(start), str(end), dict(value.properties), str(value.id))


def _plain(value: Any) -> Any:
    if isinstance(value, FalkorNode):
        return _node(value)
    if isinstance(value, FalkorEdge):
        return _relationship(value)
    if isinstance(value, FalkorPath):
        return GraphPath(tuple(_node(n) for n in value.nodes()), tuple(_relationship(e) for e in value.edges()))
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class FalkorStore(ClosingStore):
    """A graph in a FalkorDB server, reached with the official `falkordb` client."""

    # Writes: many articles per query (a query is FalkorDB's transaction), unchunked rows. Each
    # query has a cost that grows with the graph, so larger batches keep the per-article cost
    # flatter (CPU per 500 articles, last ÷ first of 5,000: 100 per query 1.56, 200 1.28, 500 1.15).
    write_batch_articles = 500
    write_chunk_rows: int | None = None

    def __init__(
        self,
        address: ServerAddress,
        graph: str = DEFAULT_GRAPH,
        *,
        server: EmbeddedFalkorDB | None = None,
        timeout_ms: int | None = None,
    ) -> None:
        self._server = server
        self.address = address
        self.graph_name = graph
        self.timeout_ms = timeout_ms
        try:
            self._db = falkordb.FalkorDB(host=address.host, port=address.port, password=address.password)
            self._graph = self._db.select_graph(graph)
            if not self._db.connection.exists(graph):
                # A graph exists once it has something; its id index makes it exist, so that
                # reading a new graph answers "nothing" rather than an error.
                self._graph.create_node_range_index(ENTITY, "id")
        except redis.exceptions.RedisError as error:
            raise StoreError(f"cannot reach FalkorDB at {address.host}:{address.port}: {error}") from None

    @classmethod
    def embedded(cls, data_dir: Path, graph: str = DEFAULT_GRAPH, *, wait_seconds: float = 60.0) -> FalkorStore:
        server = EmbeddedFalkorDB(data_dir, wait_seconds=wait_seconds)
        address = server.start()
        try:
            return cls(address, graph, server=server)
        except BaseException:
            server.stop()
            raise

    @property
    def description(self) -> str:
        if self._server is not None:
            return f"FalkorDB (embedded, data in {self._server.data_dir}, graph {self.graph_name!r})"
        return f"FalkorDB at {self.address.host}:{self.address.port} (graph {self.graph_name!r})"

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        run = self._graph.query if write else self._graph.ro_query
        try:
            result = run(cypher, dict(params or {}), timeout=self.timeout_ms)
        except redis.exceptions.ResponseError as error:
            raise StoreError(_explain(str(error))) from None
        except redis.exceptions.RedisError as error:
            raise StoreError(f"lost the connection to FalkorDB: {error}") from None
        columns = [str(column[1]) if isinstance(column, list | tuple) else str(column) for column in result.header]
        rows = [[_plain(value) for value in row] for row in result.result_set]
        return QueryResult(columns, rows, QueryResult.changes_of(result) if write else {})

    def write_atomic(self, statements: list[Statement]) -> None:
        # FalkorDB has no multi-query transactions: one query is atomic, so chain them into one.
        cypher, params = combine(statements)
        self.query(cypher, params, write=True)

    def delete_graph(self) -> None:
        try:
            self._graph.delete()
        except redis.exceptions.ResponseError as error:
            if "empty key" not in str(error):  # FalkorDB's answer about a graph that is not there
                raise StoreError(_explain(str(error))) from None

    def existing_indexes(self, property_: str = "id") -> set[str]:
        """Labels that have an index on `property_`."""
        result = self.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        return {str(label) for label, properties in result.rows if property_ in (properties or [])}

    def close(self) -> None:
        try:
            self._db.connection.close()
        finally:
            if self._server is not None:
                self._server.stop()
                self._server = None


def _explain(message: str) -> str:
    if "is to be executed only on read-only queries" in message:
        return READ_ONLY_REFUSAL
    return f"Cypher error: {message.strip()}"
