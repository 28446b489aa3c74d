"""The plain data types that pass between the pipeline's stages.

read → normalise → sentences → entities → relations → resolve → write.
Each stage takes and returns these dataclasses, so a stage can be swapped
without touching the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Document:
    """One source article, after reading and normalising."""

    id: str  # stable: derived from the normalised text (graph.ids.document_id)
    path: str
    title: str
    text: str  # normalised text; every offset below points into it
    # Known for some sources only (a feed, a page's metadata); shown beside the evidence.
    date: str | None = None  # publication date, ISO 8601 (YYYY-MM-DD) when known
    source: str | None = None  # the publisher, e.g. a newspaper or ministry
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # character offsets in Document.text, end exclusive
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: the article, the sentence and its offsets."""

    document: str  # Document.id
    sentence: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Identity of a piece of evidence, used to merge evidence idempotently."""
        return f"{self.document}:{self.start}:{self.end}"


@dataclass(slots=True)
class Mention:
    """A surface form found in the text, before resolution to an entity."""

    text: str
    label: str  # one of graph.schema.ENTITY_LABELS
    start: int  # offsets in Document.text
    end: int
    sentence: int  # Sentence.index
    properties: dict[str, Any] = field(default_factory=dict)  # e.g. kind, amount_cny
    source: str = ""  # which rule or gazetteer found it (for debugging and confidence)


@dataclass(slots=True)
class Node:
    """A resolved entity: one per real-world thing."""

    id: str  # stable: graph.ids.entity_id(label, name)
    label: str
    name: str  # canonical name
    aliases: list[str] = field(default_factory=list)  # every surface form, the name included
    properties: dict[str, Any] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)  # Document.id of the articles it was seen in


@dataclass(slots=True)
class Edge:
    type: str  # one of graph.schema.RELATIONSHIP_TYPES
    source: str  # Node.id
    target: str  # Node.id
    properties: dict[str, Any] = field(default_factory=dict)  # amounts, dates, title …
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document: the unit the writer writes atomically."""

    document: Document
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def node(self, node_id: str) -> Node | None:
        for node in self.nodes:
            if node.id == node_id:
                return node
        return None


@dataclass(slots=True)
class Skipped:
    """An input file that was not ingested, and why (one line for the user)."""

    path: str
    reason: str
