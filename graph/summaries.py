"""Summaries kept at write time, so whole-graph audits read an index instead of walking relationships.

On FalkorDB, visiting every relationship between entities costs 20–35× a scan of the entity
names, so the audit queries (quality/*, provenance/single-source and mentions,
actors/institutions-by-kind, money/top-investors) read these instead:

- on every entity: `degree` (relationships with other entities, MENTIONS not counted),
  `orphan` = 1 when that is 0, `invested_count` (outgoing INVESTED_IN, one per investee), `dup`
  = 1 when one of its `alias_keys` is shared by another entity of its label; all indexed. (Why
  `orphan` and not `degree = 0`: FalkorDB 4.16 drops the node-index entries of the value 0 when
  it loads a saved graph, so a lookup of 0 finds nothing after a restart; 1 is kept.)
- on every relationship between entities: `evidence_count` (pieces of evidence) and
  `source_count` (distinct articles among them); and two marks that only the few relationships an
  audit looks for carry, indexed per relationship type: `no_evidence` = 1 (none left, a hand-made
  fact) and `low_confidence` (the confidence, when it is below LOW_CONFIDENCE). Marks, not indexes
  on properties every relationship has: FalkorDB builds its indexes again whenever it loads a
  saved graph, and indexes on `confidence`, `evidence_count` and `source_count` of every
  relationship took the greater part of a command's startup on a big graph;
- on every MENTIONS: `facts`, how many of the article's facts involve the entity.

The writer (graph/writer.py) keeps them as it writes and takes back articles; `refresh_statements`
computes them all from the graph, for a graph written before they existed (done once when the
store opens it), after `db repair`, and after a user's own write.
"""

from __future__ import annotations

from .schema import ENTITY, RELATIONSHIP_TYPES, check_type
from .store import GraphStore, Statement

# Raise when a summary is added or its meaning changes: graphs marked with an older one are refreshed.
SUMMARIES_VERSION = 3

# Entity properties the summaries look up by (alias_keys: which entities share a key, at write time).
ENTITY_INDEXED = ("orphan", "invested_count", "dup", "alias_keys")
RELATIONSHIP_SUMMARIES = ("evidence_count", "source_count")
# Relationship marks, indexed (set only where an audit will look).
RELATIONSHIP_MARKS = ("no_evidence", "low_confidence")
# A fact the extractor was less sure of than this is marked (quality/low-confidence's default).
LOW_CONFIDENCE = 0.7
# Indexes an older capgraph made on every relationship; dropped where the store rebuilds indexes on load.
OBSOLETE_RELATIONSHIP_INDEXES = ("confidence", "evidence_count", "source_count")


def summary_index_statements(entity_indexed: set[str], indexed_by_property: dict[str, set[str]]) -> list[str]:
    """The indexes the summaries need that are not there yet (Neo4j syntax; FalkorDB accepts it).

    `entity_indexed`: entity summaries with an index on Entity; `indexed_by_property`: for each
    relationship mark, the types that have an index on it.
    """
    statements = [
        f"CREATE INDEX FOR (n:{ENTITY}) ON (n.{prop})" for prop in ENTITY_INDEXED if prop not in entity_indexed
    ]
    for prop in RELATIONSHIP_MARKS:
        indexed = indexed_by_property.get(prop, set())
        statements += [
            f"CREATE INDEX FOR ()-[r:{check_type(rel_type)}]-() ON (r.{prop})"
            for rel_type in RELATIONSHIP_TYPES
            if rel_type not in indexed
        ]
    return statements


def ensure_summary_indexes(store: GraphStore) -> None:
    entity_indexed = {prop for prop in ENTITY_INDEXED if ENTITY in store.existing_indexes(prop)}
    by_property = {prop: store.existing_indexes(prop) for prop in RELATIONSHIP_MARKS}
    for statement in summary_index_statements(entity_indexed, by_property):
        store.query(statement, write=True)
    drop_index = getattr(store, "drop_relationship_index", None)
    if drop_index is not None:  # a store that builds its indexes again on every load (FalkorDB)
        for prop in OBSOLETE_RELATIONSHIP_INDEXES:
            for rel_type in sorted(store.existing_indexes(prop) & set(RELATIONSHIP_TYPES)):
                drop_index(rel_type, prop)


# What an entity's specific label is (every entity also carries `Entity`).
SPECIFIC_LABEL = f"[label IN labels(e) WHERE label <> '{ENTITY}'][0]"


def refresh_statements() -> list[Statement]:
    """Statements that compute every summary from the graph itself; run them as one transaction."""
    between = f"MATCH (s:{ENTITY})-[r]->(t:{ENTITY})\n"
    return [
        (f"MATCH (e:{ENTITY})\nSET e.degree = 0, e.orphan = 1, e.invested_count = 0, e.dup = null", {}),
        (
            f"MATCH (e:{ENTITY})-[r]-(:{ENTITY})\nWITH e, count(r) AS degree\nSET e.degree = degree, e.orphan = null",
            {},
        ),
        (
            f"MATCH (e:{ENTITY})-[r:INVESTED_IN]->(:{ENTITY})\nWITH e, count(r) AS investees\n"
            "SET e.invested_count = investees",
            {},
        ),
        (
            f"MATCH (e:{ENTITY})\nUNWIND coalesce(e.alias_keys, [e.name_key]) AS key\n"
            f"WITH {SPECIFIC_LABEL} AS label, key, collect(e) AS members\n"
            "WHERE size(members) > 1\nUNWIND members AS e\nWITH DISTINCT e\nSET e.dup = 1",
            {},
        ),
        (
            between + "WITH r, size(coalesce(r.evidence_keys, [])) AS pieces\n"
            "SET r.evidence_count = pieces, r.source_count = 0,\n"
            "    r.no_evidence = CASE WHEN pieces = 0 THEN 1 ELSE null END,\n"
            "    r.low_confidence = CASE WHEN r.confidence < $low_confidence THEN r.confidence ELSE null END",
            {"low_confidence": LOW_CONFIDENCE},
        ),
        (
            between + "UNWIND coalesce(r.evidence_articles, []) AS doc\n"
            "WITH r, count(DISTINCT doc) AS sources\nSET r.source_count = sources",
            {},
        ),
        ("MATCH (:Article)-[m:MENTIONS]->()\nSET m.facts = 0", {}),
        (
            # From the relationships' evidence, not from each mention (a hub's mentions × its
            # relationships would be millions of pairs); each article's counts are then set on its
            # own mentions (matched from the article: from a hub, FalkorDB walked all of its).
            between + "UNWIND coalesce(r.evidence_articles, []) AS doc\n"
            "WITH DISTINCT r, s, t, doc\nUNWIND [s.id, t.id] AS entity\n"
            "WITH doc, entity, count(DISTINCT r) AS facts\n"
            "WITH doc, collect(entity) AS entities, collect(facts) AS counts\n"
            f"MATCH (a:Article {{id: doc}})-[m:MENTIONS]->(e:{ENTITY})\n"
            "WITH m, counts, [i IN range(0, size(entities) - 1) WHERE entities[i] = e.id] AS at\n"
            "WHERE size(at) > 0\nSET m.facts = counts[at[0]]",
            {},
        ),
    ]


def refresh_summaries(store: GraphStore) -> None:
    """Compute every summary from the graph (all or nothing), with the indexes they need."""
    ensure_summary_indexes(store)
    store.write_atomic(refresh_statements())


def summaries_missing(store: GraphStore) -> bool:
    """Whether the graph holds entities or relationships written before the summaries (or the
    relationship marks) existed: scans, each stopping at the first find; for stores that have
    nowhere to keep a version mark."""
    if store.query(f"MATCH (e:{ENTITY}) WHERE e.degree IS NULL RETURN e.id LIMIT 1").rows:
        return True
    unmarked = store.query(
        f"MATCH (:{ENTITY})-[r]->(:{ENTITY})\n"
        "WHERE (r.confidence < $low_confidence AND r.low_confidence IS NULL)"
        " OR (r.evidence_count = 0 AND r.no_evidence IS NULL)\n"
        "RETURN type(r) LIMIT 1",
        {"low_confidence": LOW_CONFIDENCE},
    )
    return unmarked.rows != []
