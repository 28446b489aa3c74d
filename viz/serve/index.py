"""The graph's skeleton in memory: names and aliases (for suggestions), labels, degrees, adjacency.

Suggestions as you type and one-hop expansions are answered from here, without a round trip:
every entity's id, name, aliases, label and a few small properties, and every relationship's
ends, type and small properties — never the evidence or the article text, which the explorer
reads from the store when they are asked for. Built with two read-only queries when the
explorer starts. The embedded store is locked by the server while it runs, so nothing else
writes to it; a Neo4j graph may change under it, so the index is rebuilt when the numbers of
entities or relationships change (checked at most every `recheck_seconds`).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from capgraph.graph.ids import canonical_key
from capgraph.graph.schema import RELATIONSHIP_TYPES
from capgraph.graph.store import GraphStore

# Small properties kept in memory and shown on the page; anything else is read on demand.
NODE_FIELDS: tuple[str, ...] = ("kind", "amount_cny", "amount_text", "currency", "pagerank", "community")
EDGE_FIELDS: tuple[str, ...] = ("confidence", "amount_cny", "amount_text", "currency", "date", "title", "round")
# The articles that mention an entity are its MENTIONS (entities keep no list of them).
_ENTITIES = (
    "MATCH (n:Entity) OPTIONAL MATCH (a:Article)-[:MENTIONS]->(n) "
    "WITH n, count(a) AS articles RETURN n.id, n.name, n.aliases, labels(n), articles, "
    + ", ".join(f"n.{field}" for field in NODE_FIELDS)
)
_RELATIONSHIPS = (
    "MATCH (s:Entity)-[r]->(t:Entity) WHERE type(r) IN $types "
    "RETURN s.id, type(r), t.id, size(coalesce(r.evidence_keys, [])), "
    + ", ".join(f"r.{field}" for field in EDGE_FIELDS)
)
_COUNTS = "MATCH (n:Entity) WITH count(n) AS entities MATCH (:Entity)-[r]->(:Entity) RETURN entities, count(r)"


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    articles: int  # how many articles mention it
    properties: dict[str, Any]  # the NODE_FIELDS it has
    degree: int = 0  # relationships to other entities (MENTIONS not counted)


@dataclass(frozen=True, slots=True)
class Link:
    """A relationship in the skeleton: its key (type, source id, target id), small properties, evidence count."""

    type: str
    source: str
    target: str
    properties: dict[str, Any]
    evidence: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)

    def other(self, node_id: str) -> str:
        return self.target if self.source == node_id else self.source


@dataclass(frozen=True, slots=True)
class Suggestion:
    entry: Entry
    matched: str  # the name or alias that matched what was typed

    def to_json(self) -> dict[str, object]:
        entry = self.entry
        return {
            "id": entry.id,
            "name": entry.name,
            "label": entry.label,
            "degree": entry.degree,
            "matched": self.matched,
        }


def _grams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}


class GraphIndex:
    def __init__(self, store: GraphStore, *, recheck_seconds: float = 30.0) -> None:
        self._store = store
        self._recheck_seconds = recheck_seconds
        self._lock = threading.Lock()
        self._checked = 0.0
        self._counts: tuple[int, int] = (-1, -1)
        self.entries: dict[str, Entry] = {}
        self.links: dict[str, list[Link]] = {}  # by entity id: its relationships, most connected neighbour first
        self._surfaces: list[tuple[str, str, Entry]] = []  # (folded surface, surface, entry)
        self._by_gram: dict[str, list[int]] = {}
        self._by_char: dict[str, list[int]] = {}
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> None:
        with self._lock:
            now = time.monotonic()
            if not force and now - self._checked < self._recheck_seconds:
                return
            self._checked = now
            row = self._store.query(_COUNTS).rows
            counts = (int(row[0][0]), int(row[0][1])) if row else (0, 0)
            if not force and counts == self._counts:
                return
            self._build()
            self._counts = counts

    def _build(self) -> None:
        entries: dict[str, Entry] = {}
        for node_id, name, aliases, labels, articles, *values in self._store.query(_ENTITIES).rows:
            label = next((lab for lab in labels or [] if lab != "Entity"), "Entity")
            surfaces = tuple(dict.fromkeys(str(a) for a in [name, *(aliases or [])] if a))
            properties = {key: value for key, value in zip(NODE_FIELDS, values, strict=True) if value is not None}
            entries[str(node_id)] = Entry(
                str(node_id), str(name or node_id), label, surfaces, int(articles), properties
            )
        links: dict[str, list[Link]] = defaultdict(list)
        result = self._store.query(_RELATIONSHIPS, {"types": list(RELATIONSHIP_TYPES)})
        for source, rel_type, target, evidence, *values in result.rows:
            properties = {key: value for key, value in zip(EDGE_FIELDS, values, strict=True) if value is not None}
            link = Link(str(rel_type), str(source), str(target), properties, int(evidence))
            for end in {link.source, link.target}:
                links[end].append(link)
                if end in entries:
                    entries[end].degree += 1
        for node_id, own in links.items():
            own.sort(key=lambda link, me=node_id: (-self._degree_of(entries, link.other(me)), link.key))
        surfaces: list[tuple[str, str, Entry]] = []
        by_gram: dict[str, list[int]] = defaultdict(list)
        by_char: dict[str, list[int]] = defaultdict(list)
        for entry in entries.values():
            for surface in entry.aliases or (entry.name,):
                folded = canonical_key(surface).casefold()
                index = len(surfaces)
                surfaces.append((folded, surface, entry))
                for gram in _grams(folded):
                    by_gram[gram].append(index)
                for char in set(folded):
                    by_char[char].append(index)
        self.entries, self.links = entries, dict(links)
        self._surfaces, self._by_gram, self._by_char = surfaces, dict(by_gram), dict(by_char)

    @staticmethod
    def _degree_of(entries: dict[str, Entry], node_id: str) -> int:
        entry = entries.get(node_id)
        return entry.degree if entry else 0

    def neighbours(self, node_id: str, types: set[str], limit: int) -> tuple[list[Link], int]:
        """Up to `limit` relationships of a node, of these types, most connected neighbour first; and their number."""
        self.refresh()
        own = [link for link in self.links.get(node_id, ()) if link.type in types]
        return own[:limit], len(own)

    def degree(self, node_id: str) -> int:
        entry = self.entries.get(node_id)
        return entry.degree if entry else 0

    def suggest(self, typed: str, limit: int = 12) -> list[Suggestion]:
        """Entities whose name or an alias contains what was typed: exact, then prefix, then the most connected.

        One suggestion per entity; two entities with the same name are both listed.
        """
        self.refresh()
        folded = canonical_key(typed).casefold()
        if not folded:
            return []
        index = self._by_char if len(folded) == 1 else self._by_gram
        grams = _grams(folded)
        candidates: set[int] | None = None
        for gram in sorted(grams, key=lambda g: len(index.get(g, ()))):
            found = index.get(gram)
            if not found:
                return []
            candidates = set(found) if candidates is None else candidates.intersection(found)
            if not candidates:
                return []
        best: dict[str, tuple[tuple[int, int, int, str], Suggestion]] = {}
        for position in candidates or ():
            surface_folded, surface, entry = self._surfaces[position]
            if folded not in surface_folded:
                continue
            rank = 0 if surface_folded == folded else 1 if surface_folded.startswith(folded) else 2
            key = (rank, -entry.degree, len(surface), entry.id)
            if entry.id not in best or key < best[entry.id][0]:
                best[entry.id] = (key, Suggestion(entry, surface))
        return [suggestion for _, suggestion in sorted(best.values(), key=lambda item: item[0])[:limit]]

    def matches(self, typed: str) -> list[Entry]:
        """The entities an exact id, name or alias means (several when the name is ambiguous)."""
        self.refresh()
        if typed in self.entries:
            return [self.entries[typed]]
        folded = canonical_key(typed).casefold()
        exact = {
            s.entry.id: s.entry
            for s in self.suggest(typed, limit=1000)
            if canonical_key(s.matched).casefold() == folded
        }
        return sorted(exact.values(), key=lambda entry: (-entry.degree, entry.id))
