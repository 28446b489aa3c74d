"""Counts that summarise a graph: nodes per label, relationships per type, articles."""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import ENTITY
from .store import GraphStore


@dataclass(slots=True)
class GraphStats:
    store: str
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)

    @property
    def nodes(self) -> int:
        return sum(self.labels.values())

    @property
    def relationships(self) -> int:
        return sum(self.types.values())

    @property
    def articles(self) -> int:
        return self.labels.get("Article", 0)


def graph_stats(store: GraphStore) -> GraphStats:
    labels = store.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
    types = store.query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
    return GraphStats(
        store=store.description,
        labels={str(label): int(n) for label, n in labels.rows if label != ENTITY},
        types={str(rel_type): int(n) for rel_type, n in types.rows},
    )


def clear_graph(store: GraphStore) -> int:
    """Delete every node and relationship; returns how many nodes there were."""
    before = store.query("MATCH (n) RETURN count(n) AS n").scalar() or 0
    store.query("MATCH (n) DETACH DELETE n", write=True)
    return int(before)
