"""One interface, two real databases: the embedded FalkorDB and Neo4j.

Query results come back as plain Python values: nodes, relationships and paths from
either driver are turned into the small dataclasses below, so callers never see a
driver's own types.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from capgraph.errors import InputError


@dataclass(frozen=True, slots=True)
class GraphNode:
    labels: tuple[str, ...]
    properties: dict[str, Any]
    element_id: str = ""  # the database's own id, only meaningful within one result

    @property
    def id(self) -> str:
        """capgraph's stable id (the `id` property), or the database's id as a fallback."""
        return str(self.properties.get("id", self.element_id))

    @property
    def label(self) -> str:
        """The specific label (not the shared `Entity` one)."""
        return next((lab for lab in self.labels if lab != "Entity"), self.labels[0] if self.labels else "")


@dataclass(frozen=True, slots=True)
class GraphRelationship:
    type: str
    start: str  # element id of the start node
    end: str  # element id of the end node
    properties: dict[str, Any]
    element_id: str = ""


@dataclass(frozen=True, slots=True)
class GraphPath:
    nodes: tuple[GraphNode, ...]
    relationships: tuple[GraphRelationship, ...]


Statement = tuple[str, dict[str, Any]]  # Cypher text and its parameters


def check_params(params: Mapping[str, Any]) -> None:
    """Refuse, in one line, parameters no Cypher database takes: a name with a backtick (it cannot
    be escaped in FalkorDB's parameter header) and NaN or infinite numbers (Cypher has no literal for them)."""

    def values(value: Any) -> Iterator[Any]:
        if isinstance(value, Mapping):
            for item in value.values():
                yield from values(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from values(item)
        else:
            yield value

    for name, value in params.items():
        if "`" in str(name):
            raise InputError(f"parameter name {name!r} contains a backtick, which a parameter name cannot hold")
        if any(isinstance(item, float) and not math.isfinite(item) for item in values(value)):
            raise InputError(f"parameter {name!r} is not a finite number (Cypher cannot take NaN or infinity)")


# What a write changed, by the counter names FalkorDB's and Neo4j's drivers share.
CHANGE_COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "properties_removed",
    "labels_added",
    "labels_removed",
)


@dataclass(slots=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    changes: dict[str, int] = field(default_factory=dict)  # the non-zero CHANGE_COUNTERS of a write

    @staticmethod
    def changes_of(counters: Any) -> dict[str, int]:
        """The non-zero change counters of a driver's statistics object."""
        found = {name: int(getattr(counters, name, 0) or 0) for name in CHANGE_COUNTERS}
        return {name: count for name, count in found.items() if count}

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, index: int = 0) -> list[Any]:
        return [row[index] for row in self.rows]

    def scalar(self) -> Any:
        return self.rows[0][0] if self.rows and self.rows[0] else None


READ_ONLY_REFUSAL = "this query writes to the graph; it was refused because it was run read-only (use --write)"


class ClosingStore:
    """What the stores share as context managers: leaving the block closes the store."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@runtime_checkable
class GraphStore(Protocol):
    """What capgraph needs of a graph database."""

    @property
    def description(self) -> str:
        """One line for the user: which database, where."""
        ...

    def query(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> QueryResult:
        """Run one statement, atomically. Read-only unless `write`: the database refuses a write then."""
        ...

    def write_atomic(self, statements: list[Statement]) -> None:
        """Run write statements as one transaction: all of them take effect, or none."""
        ...

    def existing_indexes(self, property_: str = "id") -> set[str]:
        """Labels that have an index on this property."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def jsonable(value: Any) -> Any:
    """A query value as JSON-ready data (nodes, relationships and paths as maps)."""
    if isinstance(value, GraphNode):
        return {"labels": list(value.labels), "properties": jsonable(value.properties)}
    if isinstance(value, GraphRelationship):
        return {"type": value.type, "properties": jsonable(value.properties)}
    if isinstance(value, GraphPath):
        return {
            "nodes": [jsonable(node) for node in value.nodes],
            "relationships": [jsonable(rel) for rel in value.relationships],
        }
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# A path a query returns as names: name, relationship step, name, … where a step is `-TYPE->` or
# `<-TYPE-` (actors/neighbourhood, actors/connection, money/reach).
_STEP = re.compile(r"<-[A-Za-z_][A-Za-z0-9_]*-|-[A-Za-z_][A-Za-z0-9_]*->")


def is_named_path(value: Any) -> bool:
    """Whether a value is a path given as names and relationship steps."""
    return (
        isinstance(value, list | tuple)
        and len(value) >= 3
        and len(value) % 2 == 1
        and all(isinstance(item, str) for item in value)
        and all(_STEP.fullmatch(step) for step in value[1::2])
    )


def display(value: Any) -> str:
    """A query value as short text for a table cell."""
    if is_named_path(value):
        return " ".join(value)
    if isinstance(value, GraphNode):
        return f"({value.label} {value.properties.get('name', value.id)})"
    if isinstance(value, GraphRelationship):
        return f"[:{value.type}]"
    if isinstance(value, GraphPath):
        parts = [display(value.nodes[0])] if value.nodes else []
        for previous, rel, node in zip(value.nodes, value.relationships, value.nodes[1:], strict=False):
            forward = rel.start == previous.element_id
            parts += [f"-{display(rel)}->" if forward else f"<-{display(rel)}-", display(node)]
        return "".join(parts)
    if isinstance(value, list | tuple):
        return ", ".join(display(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value)
