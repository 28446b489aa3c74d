"""Suggestions as you type: every entity's name and aliases, in memory, found by character bigrams.

Built with one read-only query when the explorer starts (the embedded store is locked by the
server while it runs, so nothing else writes to it); a Neo4j graph may change under it, so the
index is rebuilt when the entity count changes (checked at most every `recheck_seconds`).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from capgraph.graph.ids import canonical_key
from capgraph.graph.store import GraphStore

_ENTITIES = (
    "MATCH (n:Entity) OPTIONAL MATCH (n)-[r]-(:Entity) "
    "RETURN n.id, n.name, n.aliases, labels(n), count(r) ORDER BY n.id"
)
_COUNT = "MATCH (n:Entity) RETURN count(n)"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    degree: int  # relationships to other entities (MENTIONS not counted)


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


class NameIndex:
    def __init__(self, store: GraphStore, *, recheck_seconds: float = 30.0) -> None:
        self._store = store
        self._recheck_seconds = recheck_seconds
        self._lock = threading.Lock()
        self._checked = 0.0
        self._count = -1
        self.entries: dict[str, Entry] = {}
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
            count = int(self._store.query(_COUNT).scalar() or 0)
            if not force and count == self._count:
                return
            self._build()
            self._count = count

    def _build(self) -> None:
        entries: dict[str, Entry] = {}
        for node_id, name, aliases, labels, degree in self._store.query(_ENTITIES).rows:
            label = next((lab for lab in labels or [] if lab != "Entity"), "Entity")
            surfaces = tuple(dict.fromkeys(str(a) for a in [name, *(aliases or [])] if a))
            entries[str(node_id)] = Entry(str(node_id), str(name or node_id), label, surfaces, int(degree or 0))
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
        self.entries, self._surfaces, self._by_gram, self._by_char = entries, surfaces, dict(by_gram), dict(by_char)

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
