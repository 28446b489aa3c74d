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

from capgraph.errors import DamagedDataError, StoreError, StoreLostError

from .embedded import EmbeddedFalkorDB, ServerAddress
from .ledger import ArticleLedger
from .schema import ENTITY, check_type
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
from .summaries import SUMMARIES_VERSION, refresh_summaries
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
    if value is None or isinstance(value, str | int | float):  # most values: checked first
        return value
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
        summaries: bool = True,
    ) -> None:
        """`summaries`: compute the write-time summaries now if the graph lacks them (graph/summaries.py)."""
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
                self._mark_summaries()  # nothing in it yet: its (no) summaries are right
        except redis.exceptions.RedisError as error:
            raise StoreError(f"cannot reach FalkorDB at {address.host}:{address.port}: {error}") from None
        if summaries:
            self.ensure_summaries()

    @property
    def _summaries_key(self) -> str:
        # A plain key beside the graph, saved with it: which version of the summaries it holds.
        return f"capgraph-summaries:{self.graph_name}"

    def _mark_summaries(self) -> None:
        self._db.connection.set(self._summaries_key, SUMMARIES_VERSION)

    def ensure_summaries(self) -> bool:
        """Compute the write-time summaries once for a graph written before they existed (or with an
        older version of them): the audit queries read them, and would otherwise answer wrong.
        Returns whether it had to."""
        try:
            marked = self._db.connection.get(self._summaries_key)
        except redis.exceptions.RedisError as error:
            raise StoreLostError(f"lost the connection to FalkorDB: {error}") from None
        if marked is not None and int(marked) >= SUMMARIES_VERSION:
            return False
        self.refresh_summaries()
        return True

    def refresh_summaries(self) -> None:
        """Compute every summary from the graph (after `db repair`, or a user's own write)."""
        refresh_summaries(self)
        self._mark_summaries()

    @classmethod
    def embedded(
        cls, data_dir: Path, graph: str = DEFAULT_GRAPH, *, wait_seconds: float = 60.0, verify: bool = True
    ) -> FalkorStore:
        """The graph in the embedded server on `data_dir`; with `verify`, a DamagedDataError (the server
        stopped, its files untouched) if articles recorded as written are missing (graph/ledger.py)."""
        server = EmbeddedFalkorDB(data_dir, wait_seconds=wait_seconds)
        address = server.start()
        try:
            store = cls(address, graph, server=server, summaries=False)
        except BaseException:
            server.stop(compact=False)
            raise
        store.ledger = ArticleLedger(data_dir, graph)
        if verify:
            try:
                store.verify_written()
            except BaseException:
                store.compact_on_close = False
                store.close()
                raise
            try:
                store.ensure_summaries()
            except BaseException:
                store.close()
                raise
        return store

    ledger: ArticleLedger | None = None
    compact_on_close = True  # False once the graph is known to be incomplete: compacting would seal the loss

    def record_articles(self, articles: list[tuple[str, str]]) -> None:
        """Note articles (id, path) whose transaction committed, in the data directory's record."""
        if self.ledger is not None:
            self.ledger.record(articles)

    def record_removed(self, articles: list[tuple[str, str]]) -> None:
        """Note articles (id, path) deleted from the graph in the data directory's record."""
        if self.ledger is not None:
            self.ledger.remove(articles)

    def resync_record(self) -> None:
        """After a user's own write (which may add or delete articles): the record is what the graph holds."""
        if self.ledger is not None:
            self.ledger.replace(self.articles_present())

    def articles_present(self) -> dict[str, str]:
        """Article id → path of every article the graph holds."""
        rows = self.query("MATCH (a:Article) RETURN a.id, a.path").rows
        return {str(article_id): str(path or "") for article_id, path in rows}

    def missing_articles(self) -> dict[str, str] | None:
        """Articles recorded as written that the graph lacks (id → path); None when there is no record."""
        if self.ledger is None or not self.ledger.exists():
            return None
        written = self.ledger.read()
        present = self.query("MATCH (a:Article) RETURN count(a)").scalar() or 0
        if int(present) >= len(written):
            return {}  # every one recorded is there (a crash may leave one written but not yet recorded)
        held = self.articles_present()
        return {article_id: path for article_id, path in written.items() if article_id not in held}

    def verify_written(self) -> None:
        missing = self.missing_articles()
        if missing is None and self.ledger is not None:
            # No record yet (a new data directory, or one an earlier capgraph wrote): start it with
            # what the graph holds, so a later loss is seen.
            self.ledger.replace(self.articles_present())
        if missing:
            assert self.ledger is not None
            raise DamagedDataError(
                f"the data in {self.ledger.path.parent} is damaged: {len(missing)} of {len(self.ledger.read())} "
                "articles written are missing from the graph; run `capgraph db repair` to keep the rest and "
                "list the missing articles (then ingest them again)"
            )

    @property
    def description(self) -> str:
        if self._server is not None:
            return f"FalkorDB (embedded, data in {self._server.data_dir}, graph {self.graph_name!r})"
        return f"FalkorDB at {self.address.host}:{self.address.port} (graph {self.graph_name!r})"

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        check_params(params or {})
        run = self._graph.query if write else self._graph.ro_query
        try:
            result = run(cypher, dict(params or {}), timeout=self.timeout_ms)
        except redis.exceptions.ResponseError as error:
            raise StoreError(_explain(str(error))) from None
        except redis.exceptions.RedisError as error:
            raise StoreLostError(f"lost the connection to FalkorDB: {error}") from None
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

    def drop_relationship_index(self, rel_type: str, property_: str) -> None:
        """Drop an index (graph/summaries.py drops those older capgraphs made on every relationship)."""
        if not property_.isidentifier():
            raise ValueError(f"not a property name: {property_!r}")
        self.query(f"DROP INDEX FOR ()-[r:{check_type(rel_type)}]-() ON (r.{property_})", write=True)

    def existing_indexes(self, property_: str = "id") -> set[str]:
        """Labels that have an index on `property_`."""
        result = self.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        return {str(label) for label, properties in result.rows if property_ in (properties or [])}

    def close(self) -> None:
        try:
            self._db.connection.close()
        finally:
            if self._server is not None:
                self._server.stop(compact=self.compact_on_close)
                self._server = None


def _explain(message: str) -> str:
    if "is to be executed only on read-only queries" in message:
        return READ_ONLY_REFUSAL
    return f"Cypher error: {message.strip()}"
