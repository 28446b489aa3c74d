"""A selection of the graph as plain data: what views, exports and analytics work on.

Three selections: the whole graph, the neighbourhood of an entity, or what a saved query
returns. Each becomes a `Subgraph` of plain dataclasses, independent of the database.

By default the provenance layer (`Article` nodes and `MENTIONS` edges) is left out: it
would tie every entity of an article to every other and drown the picture. The evidence
stays on each relationship (article titles and sentences). `include_articles=True`
brings the articles that mention the selected entities back in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from capgraph.errors import InputError

from .lookup import the_entity
from .schema import ALL_LABELS, ALL_RELATIONSHIP_TYPES, ARTICLE, ENTITY, MENTIONS, RELATIONSHIP_TYPES
from .store import GraphNode, GraphPath, GraphRelationship, GraphStore, QueryResult

# Relationship properties that hold the evidence lists (see graph.writer).
EVIDENCE_PROPERTIES = ("evidence_keys", "evidence_articles", "evidence_sentences", "evidence_starts", "evidence_ends")
MAX_HOPS = 6
_NUMERIC_ELEMENT_ID = re.compile(r"(?:node_)?(\d+)")
_ID_BATCH = 500


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    article: str  # Article id
    sentence: str
    start: int | None
    end: int | None


@dataclass(slots=True)
class SubgraphNode:
    id: str
    label: str  # the specific label (Fund, Institution, Article …)
    name: str
    labels: tuple[str, ...]  # every label, e.g. ("Entity", "Fund")
    properties: dict[str, Any] = field(default_factory=dict)  # all stored properties, id and name included

    @property
    def aliases(self) -> list[str]:
        return [str(alias) for alias in self.properties.get("aliases") or []]


@dataclass(slots=True)
class SubgraphRelationship:
    type: str
    source: str  # SubgraphNode.id
    target: str
    properties: dict[str, Any] = field(default_factory=dict)  # all stored properties, evidence lists included

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)

    @property
    def evidence(self) -> list[EvidenceItem]:
        props = self.properties
        articles = list(props.get("evidence_articles") or [])
        sentences = list(props.get("evidence_sentences") or [])
        starts = list(props.get("evidence_starts") or [])
        ends = list(props.get("evidence_ends") or [])
        return [
            EvidenceItem(
                str(article),
                str(sentences[i]) if i < len(sentences) else "",
                int(starts[i]) if i < len(starts) and starts[i] is not None else None,
                int(ends[i]) if i < len(ends) and ends[i] is not None else None,
            )
            for i, article in enumerate(articles)
        ]


@dataclass(slots=True)
class Subgraph:
    nodes: dict[str, SubgraphNode] = field(default_factory=dict)  # by id
    relationships: dict[tuple[str, str, str], SubgraphRelationship] = field(default_factory=dict)  # by key
    article_titles: dict[str, str] = field(default_factory=dict)  # Article id -> title, for the evidence
    # Article id -> what the article states of itself: date, source, url (only those known)
    article_details: dict[str, dict[str, str]] = field(default_factory=dict)
    description: str = "the whole graph"  # what was selected, in words
    focus: str | None = None  # id of the entity a neighbourhood is centred on

    def add_node(self, node: SubgraphNode) -> None:
        self.nodes.setdefault(node.id, node)

    def add_relationship(self, rel: SubgraphRelationship) -> None:
        if rel.source in self.nodes and rel.target in self.nodes:
            self.relationships.setdefault(rel.key, rel)

    def degree(self) -> dict[str, int]:
        degrees = dict.fromkeys(self.nodes, 0)
        for rel in self.relationships.values():
            degrees[rel.source] += 1
            degrees[rel.target] += 1
        return degrees

    def restricted_to(self, node_ids: Iterable[str]) -> Subgraph:
        """The induced subgraph on some of the nodes (used to cut big graphs down)."""
        keep = set(node_ids)
        part = Subgraph(article_titles=dict(self.article_titles), description=self.description, focus=self.focus)
        part.article_details = dict(self.article_details)
        for node_id, node in self.nodes.items():
            if node_id in keep:
                part.nodes[node_id] = node
        for rel in self.relationships.values():
            part.add_relationship(rel)
        return part

    def label_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node in self.nodes.values():
            counts[node.label] = counts.get(node.label, 0) + 1
        return dict(sorted(counts.items()))

    def type_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for rel in self.relationships.values():
            counts[rel.type] = counts.get(rel.type, 0) + 1
        return dict(sorted(counts.items()))


def subgraph_node(node: GraphNode) -> SubgraphNode:
    properties = dict(node.properties)
    name = properties.get("name") or properties.get("title") or node.id
    return SubgraphNode(id=node.id, label=node.label, name=str(name), labels=tuple(node.labels), properties=properties)


# --- narrowing a selection by label and relationship type -------------------------------

# The relationships between actors: who issues, manages, invests, sets up, owns, works with whom.
# LOCATED_IN and FOCUSES_ON tie actors to places and sectors, mostly inferred from names:
# in centralities and communities they would make a city or a sector the centre of everything.
ACTOR_TYPES: tuple[str, ...] = tuple(t for t in RELATIONSHIP_TYPES if t not in {"LOCATED_IN", "FOCUSES_ON"})


def check_names(given: Iterable[str], allowed: Iterable[str], what: str) -> list[str]:
    """`given` (any case) as schema names; an InputError naming the allowed ones otherwise."""
    by_upper = {name.upper(): name for name in allowed}
    names = []
    for name in given:
        for part in str(name).split(","):
            if not part.strip():
                continue
            found = by_upper.get(part.strip().upper())
            if found is None:
                raise InputError(f"{part.strip()!r} is not a {what}; one of: {', '.join(by_upper.values())}")
            names.append(found)
    return names


def narrowed(
    subgraph: Subgraph,
    *,
    types: Iterable[str] | None = None,
    exclude_types: Iterable[str] = (),
    labels: Iterable[str] | None = None,
    include_isolated: bool = True,
) -> Subgraph:
    """Only relationships of `types` (not of `exclude_types`), nodes with one of `labels`,
    and, unless `include_isolated`, no node left without a relationship."""
    keep_types = set(check_names(types, ALL_RELATIONSHIP_TYPES, "relationship type")) if types else None
    drop_types = set(check_names(exclude_types, ALL_RELATIONSHIP_TYPES, "relationship type"))
    keep_labels = set(check_names(labels, ALL_LABELS, "label")) if labels else None
    part = Subgraph(article_titles=dict(subgraph.article_titles), description=subgraph.description)
    part.article_details = dict(subgraph.article_details)
    part.focus = subgraph.focus
    for node_id, node in subgraph.nodes.items():
        if keep_labels is None or node.label in keep_labels or node_id == subgraph.focus:
            part.nodes[node_id] = node
    for rel in subgraph.relationships.values():
        if (keep_types is None or rel.type in keep_types) and rel.type not in drop_types:
            part.add_relationship(rel)
    if not include_isolated:
        connected = {end for rel in part.relationships.values() for end in (rel.source, rel.target)}
        part.nodes = {node_id: node for node_id, node in part.nodes.items() if node_id in connected}
    return part


# --- selections ---------------------------------------------------------------------------

# One query per label, so each uses its id index (a label disjunction would scan every node).
_ENTITIES_BY_ID = "MATCH (n:Entity) WHERE n.id IN $ids RETURN n"
_ARTICLES_BY_ID = "MATCH (n:Article) WHERE n.id IN $ids RETURN n"
_RELS_FROM_ENTITIES = (
    "MATCH (s:Entity)-[r]->(t:Entity) WHERE s.id IN $ids AND type(r) IN $types "
    "RETURN s.id AS source, r AS rel, t.id AS target"
)
_MENTIONS_FROM_ARTICLES = (
    "MATCH (s:Article)-[r:MENTIONS]->(t:Entity) WHERE s.id IN $ids RETURN s.id AS source, r AS rel, t.id AS target"
)
_MENTIONING_ARTICLES = "MATCH (a:Article)-[:MENTIONS]->(n:Entity) WHERE n.id IN $ids RETURN DISTINCT a.id"
_ENTITY_IDS_BY_NAME = "MATCH (n:Entity) WHERE n.name IN $names RETURN n.id"
_ARTICLE_TITLES = "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id, a.title, a.date, a.source, a.url"
_NEIGHBOURS = "MATCH (n:Entity)-[r]-(m:Entity) WHERE n.id IN $ids AND type(r) IN $types RETURN DISTINCT m.id"


def _batches(ids: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in ids:
        batch.append(item)
        if len(batch) >= _ID_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _relationship_types(include_articles: bool) -> list[str]:
    return [*RELATIONSHIP_TYPES, MENTIONS] if include_articles else list(RELATIONSHIP_TYPES)


def whole_graph(store: GraphStore, *, include_articles: bool = False) -> Subgraph:
    """Every entity (and, if asked, every article) with the relationships among them."""
    labels = "n:Entity OR n:Article" if include_articles else "n:Entity"
    subgraph = Subgraph(description="the whole graph")
    for value in store.query(f"MATCH (n) WHERE {labels} RETURN n").column(0):
        if isinstance(value, GraphNode):
            subgraph.add_node(subgraph_node(value))
    result = store.query(
        "MATCH (s)-[r]->(t) WHERE type(r) IN $types RETURN s.id AS source, r AS rel, t.id AS target",
        {"types": _relationship_types(include_articles)},
    )
    _add_relationship_rows(subgraph, result)
    _add_article_titles(store, subgraph)
    return subgraph


def neighbourhood(store: GraphStore, name: str, hops: int = 1, *, include_articles: bool = False) -> Subgraph:
    """The entity called `name` (any alias) and everything within `hops` relationships of it.

    The walk follows the schema's relationships only, never MENTIONS: two entities named in
    the same article are not neighbours for that. Hop by hop, so it stays linear in the
    size of the neighbourhood (no path enumeration) and runs the same on both databases.
    """
    if not 1 <= hops <= MAX_HOPS:
        raise InputError(f"--hops must be between 1 and {MAX_HOPS}, got {hops}")
    centre = the_entity(store, name)
    seen = {centre.id}
    frontier = [centre.id]
    for _ in range(hops):
        found: set[str] = set()
        for batch in _batches(frontier):
            found.update(
                str(v) for v in store.query(_NEIGHBOURS, {"ids": batch, "types": list(RELATIONSHIP_TYPES)}).column(0)
            )
        frontier = sorted(found - seen)
        seen.update(frontier)
        if not frontier:
            break
    subgraph = nodes_with_relationships(store, seen, include_articles=include_articles)
    subgraph.description = f"{hops} hop{'s' if hops != 1 else ''} around {centre.properties.get('name', name)}"
    subgraph.focus = centre.id
    return subgraph


def nodes_with_relationships(store: GraphStore, ids: Iterable[str], *, include_articles: bool = False) -> Subgraph:
    """The nodes with these ids and every relationship among them (the induced subgraph)."""
    wanted = sorted(set(ids))
    lookups = [(_ENTITIES_BY_ID, wanted)]
    if include_articles:  # the articles mentioning the selection, and any article selected itself
        articles: set[str] = {node_id for node_id in wanted if node_id.startswith("art-")}
        for batch in _batches(wanted):
            articles.update(str(v) for v in store.query(_MENTIONING_ARTICLES, {"ids": batch}).column(0))
        lookups.append((_ARTICLES_BY_ID, sorted(articles)))
    subgraph = Subgraph()
    for cypher, node_ids in lookups:
        for batch in _batches(node_ids):
            for value in store.query(cypher, {"ids": batch}).column(0):
                if isinstance(value, GraphNode):
                    subgraph.add_node(subgraph_node(value))
    _fetch_relationships_among(store, subgraph, include_articles)
    _add_article_titles(store, subgraph)
    return subgraph


def query_result_subgraph(
    store: GraphStore, result: QueryResult, *, include_articles: bool = False, description: str = "a query"
) -> Subgraph:
    """The nodes, relationships and paths a query returned, completed with the relationships among those nodes."""
    nodes: dict[str, GraphNode] = {}
    relationships: list[GraphRelationship] = []
    for value in _graph_values(result.rows):
        if isinstance(value, GraphNode):
            nodes.setdefault(value.element_id or value.id, value)
        else:
            relationships.append(value)
    # A relationship returned without its nodes: fetch its end nodes by the database's own id.
    missing = {end for rel in relationships for end in (rel.start, rel.end) if end and end not in nodes}
    if missing:
        nodes.update(_nodes_by_element_id(store, missing))
    ids = {node.id for node in nodes.values() if include_articles or ARTICLE not in node.labels}
    if not ids:
        raise InputError(f"{description} returned no nodes, relationships or paths to show")
    subgraph = nodes_with_relationships(store, ids, include_articles=include_articles)
    subgraph.description = description
    return subgraph


def saved_query_subgraph(
    store: GraphStore,
    name: str,
    raw_params: Mapping[str, str] | None = None,
    *,
    extra_dirs: Iterable[Any] = (),
    include_articles: bool = False,
) -> Subgraph:
    """What the saved query `name` returns (see capgraph.queries), as a subgraph."""
    try:
        from capgraph.queries.packs import find_query
        from capgraph.queries.runner import run_saved_query
    except ImportError as error:  # the query packs are optional for views and exports
        raise InputError(f"saved queries are not available: {error}") from None
    query = find_query(name, list(extra_dirs))
    result = run_saved_query(store, query, dict(raw_params or {}))
    if not returns_graph_values(result):
        named = named_entities_subgraph(
            store, query, dict(raw_params or {}), result, include_articles=include_articles, description=f"query {name}"
        )
        if named is not None:
            return named
    return query_result_subgraph(store, result, include_articles=include_articles, description=f"query {name}")


def returns_graph_values(result: QueryResult) -> bool:
    """Whether a result holds nodes, relationships or paths (not only names and numbers)."""
    return any(True for _ in _graph_values(result.rows))


def named_entities_subgraph(
    store: GraphStore,
    query: Any,
    raw_params: Mapping[str, str],
    result: QueryResult,
    *,
    include_articles: bool = False,
    description: str = "a query",
) -> Subgraph | None:
    """A table of names as a subgraph: the entities its rows name (paths given as names included),
    with the ones its parameters name; None when the rows name no entity."""
    named = _named_entities(store, query, dict(raw_params), result)
    if not named:
        return None
    subgraph = nodes_with_relationships(store, named, include_articles=include_articles)
    subgraph.description = f"{description} (the entities its rows name)"
    return subgraph


def _named_entities(store: GraphStore, query: Any, raw_params: dict[str, str], result: QueryResult) -> set[str]:
    """Ids of the entities a result names by their name, and of the entities given as parameters."""
    from capgraph.queries.runner import bind_params, resolve_entities

    texts = sorted({value for value in _texts(result.rows)})
    found: set[str] = set()
    for batch in _batches(texts):
        found.update(str(v) for v in store.query(_ENTITY_IDS_BY_NAME, {"names": batch}).column(0))
    if found:
        params = resolve_entities(store, query, bind_params(query, raw_params))
        found.update(str(params[p.name]) for p in query.params if p.type == "entity" and params.get(p.name))
    return found


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _graph_values(value: Any) -> Iterator[GraphNode | GraphRelationship]:
    if isinstance(value, GraphNode | GraphRelationship):
        yield value
    elif isinstance(value, GraphPath):
        yield from value.nodes
        yield from value.relationships
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _graph_values(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _graph_values(item)


def _nodes_by_element_id(store: GraphStore, element_ids: set[str]) -> dict[str, GraphNode]:
    # FalkorDB's internal ids are integers for id() ("7", or "node_7" over its Bolt endpoint);
    # Neo4j 5's are strings such as "4:…:12", for elementId().
    matches = {e: _NUMERIC_ELEMENT_ID.fullmatch(e) for e in element_ids}
    numeric = sorted(int(m.group(1)) for m in matches.values() if m)
    textual = sorted(e for e, m in matches.items() if not m)
    found: list[Any] = []
    if numeric:
        found += store.query("MATCH (n) WHERE id(n) IN $ids RETURN n", {"ids": numeric}).column(0)
    if textual:
        found += store.query("MATCH (n) WHERE elementId(n) IN $ids RETURN n", {"ids": textual}).column(0)
    return {node.element_id: node for node in found if isinstance(node, GraphNode)}


def _fetch_relationships_among(store: GraphStore, subgraph: Subgraph, include_articles: bool) -> None:
    """Relationships leaving the selected nodes; those landing outside the selection are dropped."""
    entity_ids = [node_id for node_id, node in subgraph.nodes.items() if ENTITY in node.labels]
    article_ids = [node_id for node_id, node in subgraph.nodes.items() if node.label == ARTICLE]
    for batch in _batches(entity_ids):
        _add_relationship_rows(
            subgraph, store.query(_RELS_FROM_ENTITIES, {"ids": batch, "types": list(RELATIONSHIP_TYPES)})
        )
    if include_articles:
        for batch in _batches(article_ids):
            _add_relationship_rows(subgraph, store.query(_MENTIONS_FROM_ARTICLES, {"ids": batch}))


def _add_relationship_rows(subgraph: Subgraph, result: QueryResult) -> None:
    for source, rel, target in result.rows:
        if isinstance(rel, GraphRelationship) and source is not None and target is not None:
            subgraph.add_relationship(SubgraphRelationship(rel.type, str(source), str(target), dict(rel.properties)))


def _add_article_titles(store: GraphStore, subgraph: Subgraph) -> None:
    """Titles of the articles cited as evidence (and of Article nodes in the selection)."""
    cited = {item.article for rel in subgraph.relationships.values() for item in rel.evidence}
    cited.update(node.id for node in subgraph.nodes.values() if node.label == ARTICLE)
    for batch in _batches(sorted(cited)):
        for article_id, title, date, source, url in store.query(_ARTICLE_TITLES, {"ids": batch}).rows:
            subgraph.article_titles[str(article_id)] = str(title or article_id)
            stated = {"date": date, "source": source, "url": url}
            subgraph.article_details[str(article_id)] = {key: str(value) for key, value in stated.items() if value}


__all__ = [
    "ACTOR_TYPES",
    "ENTITY",
    "EVIDENCE_PROPERTIES",
    "EvidenceItem",
    "Subgraph",
    "SubgraphNode",
    "SubgraphRelationship",
    "neighbourhood",
    "named_entities_subgraph",
    "narrowed",
    "nodes_with_relationships",
    "query_result_subgraph",
    "returns_graph_values",
    "saved_query_subgraph",
    "whole_graph",
]
