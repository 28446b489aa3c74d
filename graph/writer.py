"""Write articles' extractions to a store: idempotent, and all or nothing per transaction.

A batch of articles is one transaction: on Neo4j an explicit transaction over its statements,
on FalkorDB the statements chained into one query (a single query is FalkorDB's unit of
atomicity). If a batch fails, its articles are written again one at a time, so a failure or
an interrupted ingest leaves no article half-written, and the next ingest writes it whole.

Writing an article first takes back what an earlier ingest of it wrote, then MERGEs nodes and
relationships on stable ids, so writing the same articles twice leaves the same graph.

Why it stays fast as the graph grows: the statement text is the same for every batch (every
label and type is always present, with an empty list when unused), so FalkorDB plans it once;
every MATCH and MERGE goes through an index on `id`; the article's MENTIONS are CREATEd (the
take-back step removed any earlier ones); no property grows with the articles that mention an
entity (the MENTIONS say which they are), since rewriting a hub's list of thousands of article
ids on every write made each write slower than the last.

The same statements keep the summaries the audit queries read (graph/summaries.py): a new
relationship adds itself to its ends' counts and a deleted one takes itself back, counted per
entity so each entity is written once per statement; relationships count their evidence and
source articles; MENTIONS carry the article's facts about the entity.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from typing import Any

from capgraph import __version__
from capgraph.errors import StoreError, StoreLostError

from .model import Document, Edge, Extraction, Node
from .name_key import alias_keys, name_key
from .schema import ALL_LABELS, ARTICLE, ENTITY, ENTITY_LABELS, RELATIONSHIP_TYPES, check_label, check_type
from .store import GraphStore, Statement
from .summaries import LOW_CONFIDENCE, ensure_summary_indexes

_EVIDENCE_FIELDS = ("keys", "articles", "sentences", "starts", "ends")

# Articles per transaction and rows per statement when the store does not say (see GraphWriter).
DEFAULT_BATCH_ARTICLES = 1
DEFAULT_CHUNK_ROWS: int | None = None


def _appended(property_: str, new: str) -> str:
    """The list property with the items of `new` it lacks appended (null-safe, order kept)."""
    old = f"coalesce({property_}, [])"
    return f"{old} + [item IN {new} WHERE NOT item IN {old}]"


def index_statements(labels: tuple[str, ...] = (*ALL_LABELS, ENTITY)) -> list[str]:
    """One index on `id` for every label (Neo4j syntax; FalkorDB accepts the same form)."""
    return [f"CREATE INDEX FOR (n:{check_label(label)}) ON (n.id)" for label in labels]


NAME_KEY_INDEX = f"CREATE INDEX FOR (n:{ENTITY}) ON (n.name_key)"
# Which Articles were read from a path (superseded_articles looks them up for each batch).
ARTICLE_PATH_INDEX = f"CREATE INDEX FOR (n:{ARTICLE}) ON (n.path)"


# Characters of article text per statement when statements are chunked (Neo4j): FalkorDB's Bolt
# endpoint, which the tests use for that path, drops messages of a few KB.
TEXT_CHUNK = 500


def article_properties(document: Document, *, with_text: bool = True) -> dict[str, Any]:
    """The Article node's properties (add one here to store it); unknown metadata is left out.

    The text is what evidence offsets point into: the explorer shows an article at its sentence.
    """
    properties: dict[str, Any] = {
        "title": document.title,
        "path": document.path,
        "chars": len(document.text),
        "name": document.title,
        "date": document.date,
        "source": document.source,
        "url": document.url,
    }
    if with_text:
        properties["text"] = document.text
    return {key: value for key, value in properties.items() if value is not None}


def _article_text_statements(documents: Sequence[Document]) -> list[Statement]:
    """The articles' texts in pieces of TEXT_CHUNK characters, for stores that want small messages."""
    statements: list[Statement] = []
    for number, document in enumerate(documents):
        text = document.text
        for index, start in enumerate(range(0, max(len(text), 1), TEXT_CHUNK)):
            key = f"text_{number}_{index}"
            statements.append(
                (
                    f"MATCH (a:{ARTICLE} {{id: $article_{number}}})\nSET a.text = {'a.text + ' if index else ''}${key}",
                    {f"article_{number}": document.id, key: text[start : start + TEXT_CHUNK]},
                )
            )
    return statements


class BatchRows:
    """The rows of a batch of articles, merged as writing the articles one after another would.

    A node or relationship seen in several articles of the batch is one row: later properties
    win, lists (aliases, articles, evidence) are unions in order, confidence is the highest.
    """

    def __init__(self, *, with_text: bool = True) -> None:
        self.with_text = with_text  # False: the texts are written apart, in pieces
        self.articles: list[dict[str, Any]] = []
        self.nodes: dict[str, dict[str, dict[str, Any]]] = {label: {} for label in ENTITY_LABELS}
        self.mentions: list[dict[str, str]] = []
        self.edges: dict[str, dict[tuple[str, str], dict[str, Any]]] = {t: {} for t in RELATIONSHIP_TYPES}

    def add(self, extraction: Extraction) -> None:
        document = extraction.document
        self.articles.append({"id": document.id, "props": article_properties(document, with_text=self.with_text)})
        facts = _facts_per_entity(extraction)
        mentioned: set[str] = set()
        for node in extraction.nodes:
            self._add_node(node)
            if node.id not in mentioned:
                mentioned.add(node.id)
                self.mentions.append({"article": document.id, "entity": node.id, "facts": facts.get(node.id, 0)})
        for edge in extraction.edges:
            self._add_edge(edge)

    def _add_node(self, node: Node) -> None:
        rows = self.nodes[check_label(node.label)]
        properties = {key: value for key, value in node.properties.items() if value is not None}
        aliases = list(dict.fromkeys([node.name, *node.aliases]))
        row = rows.get(node.id)
        if row is None:
            rows[node.id] = {
                "id": node.id,
                "name": node.name,
                "name_key": name_key(node.name),
                "aliases": aliases,
                "alias_keys": alias_keys(aliases),
                "props": properties,
            }
            return
        if len(node.name) > len(row["name"]):  # one actor met under several forms keeps its longest name
            row["name"], row["name_key"] = node.name, name_key(node.name)
        row["props"].update(properties)
        for field, items in (("aliases", aliases), ("alias_keys", alias_keys(aliases))):
            row[field] = list(dict.fromkeys([*row[field], *items]))

    def _add_edge(self, edge: Edge) -> None:
        rows = self.edges[check_type(edge.type)]
        properties = {key: value for key, value in edge.properties.items() if value is not None}
        row = rows.get((edge.source, edge.target))
        if row is None:
            row = rows[(edge.source, edge.target)] = {
                "source": edge.source,
                "target": edge.target,
                "props": {},
                "confidence": float(edge.confidence),
                **{field: [] for field in _EVIDENCE_FIELDS},
            }
        row["props"].update(properties)
        row["confidence"] = max(row["confidence"], float(edge.confidence))
        for item in edge.evidence:
            if item.key in row["keys"]:
                continue
            for field, value in zip(
                _EVIDENCE_FIELDS, (item.key, item.document, item.sentence, item.start, item.end), strict=True
            ):
                row[field].append(value)

    @property
    def article_ids(self) -> list[str]:
        return [article["id"] for article in self.articles]

    def edge_rows(self, rel_type: str) -> list[dict[str, Any]]:
        """The rows of one relationship type, each with how many distinct articles its evidence names."""
        return [{**row, "sources": len(set(row["articles"]))} for row in self.edges[rel_type].values()]

    def name_keys(self) -> list[dict[str, str]]:
        """Every (label, key) the batch's entities carry: a key another entity shares marks both (`dup`)."""
        return [
            {"label": label, "key": key}
            for label, rows in self.nodes.items()
            for key in dict.fromkeys(key for row in rows.values() for key in row["alias_keys"])
        ]


def _facts_per_entity(extraction: Extraction) -> dict[str, int]:
    """How many of the article's facts (distinct relationships) involve each entity (MENTIONS.facts)."""
    counts: dict[str, int] = {}
    for _type, source, target in {(edge.type, edge.source, edge.target) for edge in extraction.edges}:
        for entity in {source, target}:
            counts[entity] = counts.get(entity, 0) + 1
    return counts


def _chunks(rows: list[dict[str, Any]], size: int | None) -> Iterator[list[dict[str, Any]]]:
    if size is None:
        yield rows  # the whole list, even empty: the statement text stays the same
        return
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def batch_statements(
    extractions: Sequence[Extraction], chunk_rows: int | None = DEFAULT_CHUNK_ROWS, superseded: Sequence[str] = ()
) -> list[Statement]:
    """The statements that write a batch of articles, in order; run them as one transaction.

    With `chunk_rows` None (FalkorDB) every statement is present, with all its rows, so the
    chained text is the same for every batch. With a number (Neo4j over Bolt, where large
    messages hurt), each statement runs once per chunk of at most that many rows, and statements
    without rows are left out. `superseded`: earlier Articles these replace (`superseded_articles`),
    taken back and deleted.
    """
    rows = BatchRows(with_text=chunk_rows is None)
    for extraction in extractions:
        rows.add(extraction)
    ids = rows.article_ids
    statements: list[Statement] = [
        *forget_articles_statements([*ids, *superseded]),
        (
            f"UNWIND $superseded AS doc_id\nMATCH (a:{ARTICLE} {{id: doc_id}})\nDETACH DELETE a",
            {"superseded": list(superseded)},
        ),
        (
            f"UNWIND $articles AS doc\nMERGE (a:{ARTICLE} {{id: doc.id}})\nSET a += doc.props",
            {"articles": rows.articles},
        ),
    ]
    if chunk_rows is not None:
        statements += _article_text_statements([extraction.document for extraction in extractions])

    def add(cypher: str, key: str, items: list[dict[str, Any]], **params: Any) -> None:
        for chunk in _chunks(items, chunk_rows):
            statements.append((cypher, {key: chunk, **params}))

    for label in ENTITY_LABELS:
        key = f"nodes_{label}"
        cypher = "\n".join(
            [
                f"UNWIND ${key} AS row",
                f"MERGE (x:{ENTITY}:{label} {{id: row.id}})",
                # summaries (graph/summaries.py), set once: the relationships below count themselves in
                "ON CREATE SET x.degree = 0, x.orphan = 1, x.invested_count = 0",
                "SET x += row.props,",
                # one actor met under several forms keeps its longest (registered) name
                "    x.name_key = CASE WHEN x.name IS NULL OR size(row.name) > size(x.name)"
                " THEN row.name_key ELSE x.name_key END,",
                "    x.name = CASE WHEN x.name IS NULL OR size(row.name) > size(x.name) THEN row.name ELSE x.name END,",
                "    x.aliases = " + _appended("x.aliases", "row.aliases") + ",",
                "    x.alias_keys = " + _appended("x.alias_keys", "row.alias_keys"),
            ]
        )
        add(cypher, key, list(rows.nodes[label].values()))
    add(
        # Entities of one label sharing a key are suspected duplicates (quality/duplicates reads
        # the mark instead of grouping every entity); one index lookup per key of the batch.
        "UNWIND $name_keys AS k\n"
        "WITH k.label AS label, k.key AS key\n"  # a map's field in the WHERE: FalkorDB scanned every entity
        f"MATCH (e:{ENTITY})\n"
        "WHERE key IN e.alias_keys AND label IN labels(e)\n"
        "WITH label, key, collect(e) AS members\n"
        "WHERE size(members) > 1\n"
        "UNWIND members AS e\n"
        "WITH DISTINCT e\n"
        "SET e.dup = 1",
        "name_keys",
        rows.name_keys(),
    )
    add(
        "UNWIND $mentions AS m\n"
        f"MATCH (a:{ARTICLE} {{id: m.article}})\n"
        f"MATCH (x:{ENTITY} {{id: m.entity}})\n"
        # SET, not CREATE's own map: after a failed query, FalkorDB's reused plan left that map out.
        "CREATE (a)-[mention:MENTIONS]->(x)\n"
        "SET mention.facts = m.facts",
        "mentions",
        rows.mentions,
    )
    for rel_type in RELATIONSHIP_TYPES:
        key = f"edges_{rel_type}"
        cypher = "\n".join(
            [
                f"UNWIND ${key} AS row",
                f"MATCH (s:{ENTITY} {{id: row.source}})",
                f"MATCH (t:{ENTITY} {{id: row.target}})",
                f"MERGE (s)-[r:{rel_type}]->(t)",
                # a relationship written by this capgraph always has evidence_count: none, it is new
                "WITH s, t, r, row, r.evidence_count IS NULL AS new,",
                "     CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence"
                " THEN row.confidence ELSE r.confidence END AS confidence,",
                "     coalesce(r.evidence_count, 0) + size(row.keys) AS pieces",
                "SET r += row.props,",
                "    r.confidence = confidence,",
                # the marks (graph/summaries.py)
                "    r.no_evidence = CASE WHEN pieces = 0 THEN 1 ELSE null END,",
                "    r.low_confidence = CASE WHEN confidence < $low_confidence THEN confidence ELSE null END,",
                # The take-back step removed these articles' evidence, so it is all new here.
                ",\n".join(
                    f"    r.evidence_{field} = coalesce(r.evidence_{field}, []) + row.{field}"
                    for field in _EVIDENCE_FIELDS
                )
                + ",",
                "    r.evidence_count = pieces,",
                "    r.source_count = coalesce(r.source_count, 0) + row.sources",
                _count_ends(rel_type, "+", counted="CASE WHEN new THEN 1 ELSE 0 END"),
            ]
        )
        add(cypher, key, rows.edge_rows(rel_type), low_confidence=LOW_CONFIDENCE)

    # Last: mark the articles as written by this version.
    statements.append(
        (
            f"UNWIND $articles AS doc\nMATCH (a:{ARTICLE} {{id: doc.id}})\n"
            "SET a.capgraph_version = $version\nRETURN count(a) AS articles",
            {"articles": rows.articles, "version": __version__},
        )
    )
    return statements


def article_statements(
    extraction: Extraction, chunk_rows: int | None = DEFAULT_CHUNK_ROWS, superseded: Sequence[str] = ()
) -> list[Statement]:
    """The statements that write one article."""
    return batch_statements([extraction], chunk_rows, superseded)


# An Article read before from the same path is the same article read again (after an edit, or a
# reader that changed: its id, a hash of the text, changed with it) when their texts are at least
# this alike; below it, the file now holds another article (a feed saved under one name each day),
# and the earlier one stays.
SAME_ARTICLE_RATIO = 0.8


def same_article(earlier: str, now: str) -> bool:
    matcher = difflib.SequenceMatcher(None, earlier, now, autojunk=False)
    return matcher.quick_ratio() >= SAME_ARTICLE_RATIO and matcher.ratio() >= SAME_ARTICLE_RATIO


def superseded_articles(store: GraphStore, extractions: Sequence[Extraction]) -> dict[str, str]:
    """Articles in the graph that these replace: read from the same path, under another id, with a
    text nearly the same (`same_article`). Article id → path."""
    documents = {extraction.document.path: extraction.document for extraction in extractions}
    result = store.query(
        f"UNWIND $paths AS path\nMATCH (a:{ARTICLE} {{path: path}})\n"
        "WHERE NOT a.id IN $ids\nRETURN a.id, a.path, a.text",
        {"paths": list(documents), "ids": [document.id for document in documents.values()]},
    )
    return {
        str(article_id): str(path)
        for article_id, path, text in result.rows
        if same_article(str(text or ""), documents[str(path)].text)
    }


def forget_articles_statements(document_ids: list[str]) -> list[Statement]:
    """Take back what an earlier ingest of these articles wrote, before writing them again.

    So a re-ingest after the extractor changed leaves no stale fact: the articles' evidence
    leaves every relationship (a relationship with none left goes), their MENTIONS go (an
    entity no other article mentions goes).
    An article's relationships all start at entities it mentions, so those are the ones to
    visit; an article not yet in the graph costs one index lookup.
    """
    params = {"forget": document_ids}
    keep = "[i IN range(0, size(r.evidence_keys) - 1) WHERE NOT r.evidence_articles[i] IN $forget]"
    evidence = ",\n".join(f"    r.evidence_{field} = [i IN keep | r.evidence_{field}[i]]" for field in _EVIDENCE_FIELDS)
    mentioned = f"UNWIND $forget AS doc_id\nMATCH (a:{ARTICLE} {{id: doc_id}})-[m:MENTIONS]->(x:{ENTITY})\n"
    # Each time: what is left with nothing is deleted first, then the rest is updated. FalkorDB
    # silently dropped a single statement that SET a list and then filtered on the new list.
    relationships = (
        mentioned + f"MATCH (x)-[r]->(:{ENTITY})\n"
        "WHERE any(doc IN r.evidence_articles WHERE doc IN $forget)\n"
        f"WITH DISTINCT r, {keep} AS keep\n"
    )
    return [
        (
            relationships + "WHERE size(keep) = 0\n"
            "WITH r, startNode(r) AS s, endNode(r) AS t, type(r) AS rel_type\n"
            "DELETE r\n" + _count_ends("rel_type", "-"),
            params,
        ),
        (
            relationships + "WITH r, keep, size([doc IN $forget WHERE doc IN r.evidence_articles]) AS gone\n"
            f"SET\n{evidence},\n"
            "    r.evidence_count = size(keep), r.source_count = coalesce(r.source_count, 0) - gone",
            params,
        ),
        (
            mentioned + "WITH DISTINCT x\n"
            f"OPTIONAL MATCH (x)<-[:MENTIONS]-(other:{ARTICLE})\n"
            "WHERE NOT other.id IN $forget\n"
            "WITH x, count(other) AS others\n"
            "WHERE others = 0\n"
            "DETACH DELETE x",
            params,
        ),
        (mentioned + "DELETE m", params),
    ]


def _count_ends(rel_type: str, sign: str, counted: str = "1") -> str:
    """Cypher that adds (+) or takes (-) the relationships s→t of the rows to or from their ends'
    `degree`, and INVESTED_IN ones to or from the source's `invested_count`. `rel_type`: a type's
    name, or a variable holding one; `counted`: 1, or 0 for a row whose relationship does not count.

    Counted per entity first, so each entity is SET once; no row is filtered out before that,
    because FalkorDB moved such a filter above an earlier SET and dropped that SET's rows.
    """
    if rel_type in RELATIONSHIP_TYPES:
        invested = "true" if rel_type == "INVESTED_IN" else "false"
    else:
        invested = f"{rel_type} = 'INVESTED_IN'"
    return (
        f"WITH s, t, {counted} AS counted, {invested} AS invested\n"
        "UNWIND [[s, counted, CASE WHEN invested THEN counted ELSE 0 END], [t, counted, 0]] AS end\n"
        # sum() of integers is a float on FalkorDB
        "WITH end[0] AS e, toInteger(sum(end[1])) AS relationships, toInteger(sum(end[2])) AS investees\n"
        "WHERE relationships > 0\n"
        f"WITH e, coalesce(e.degree, 0) {sign} relationships AS degree,"
        f" coalesce(e.invested_count, 0) {sign} investees AS investees\n"
        "SET e.degree = degree, e.invested_count = investees, e.orphan = CASE WHEN degree = 0 THEN 1 ELSE null END"
    )


def forget_article_statements(document_id: str) -> list[Statement]:
    return forget_articles_statements([document_id])


def combine(statements: list[Statement]) -> Statement:
    """Chain statements into one; `WITH count(*)` always yields one row, so every part runs."""
    params: dict[str, Any] = {}
    for _, part in statements:
        params.update(part)
    return "\nWITH count(*) AS _\n".join(cypher for cypher, _ in statements), params


def article_statement(extraction: Extraction) -> Statement:
    """One article as a single statement (what the FalkorDB store runs)."""
    return combine(article_statements(extraction))


class GraphWriter:
    """Writes extractions to a store in batches, one atomic transaction per batch.

    The store says how it likes its writes: `write_batch_articles` articles per transaction and
    at most `write_chunk_rows` rows per statement (None: no limit).
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.batch_articles = int(getattr(store, "write_batch_articles", DEFAULT_BATCH_ARTICLES))
        self.chunk_rows: int | None = getattr(store, "write_chunk_rows", DEFAULT_CHUNK_ROWS)

    def ensure_indexes(self) -> None:
        existing = self.store.existing_indexes()
        for label, statement in zip((*ALL_LABELS, ENTITY), index_statements(), strict=True):
            if label not in existing:
                self.store.query(statement, write=True)
        if ENTITY not in self.store.existing_indexes("name_key"):
            self.store.query(NAME_KEY_INDEX, write=True)
        if ARTICLE not in self.store.existing_indexes("path"):
            self.store.query(ARTICLE_PATH_INDEX, write=True)
        ensure_summary_indexes(self.store)

    def write(self, extraction: Extraction) -> None:
        superseded = superseded_articles(self.store, [extraction])
        self.store.write_atomic(article_statements(extraction, self.chunk_rows, list(superseded)))
        self._record([extraction], superseded)

    def _record(self, extractions: Sequence[Extraction], superseded: dict[str, str]) -> None:
        """Tell a store that keeps a record of written articles (graph/ledger.py) that these committed,
        and that the superseded ones are gone."""
        record = getattr(self.store, "record_articles", None)
        if record is not None:
            record([(extraction.document.id, extraction.document.path) for extraction in extractions])
        forget = getattr(self.store, "record_removed", None)
        if forget is not None and superseded:
            forget(list(superseded.items()))

    def write_batch(self, extractions: Sequence[Extraction]) -> list[tuple[Extraction, StoreError]]:
        """Write several articles as one transaction; if that fails, one at a time.

        So a bad article fails alone and the good ones are written: returns the articles that
        could not be written, each with its error. A lost connection is raised (nothing more can be written).
        """
        if not extractions:
            return []
        if len(extractions) > 1:
            try:
                superseded = superseded_articles(self.store, extractions)
                self.store.write_atomic(batch_statements(extractions, self.chunk_rows, list(superseded)))
                self._record(extractions, superseded)
                return []
            except StoreLostError:
                raise
            except StoreError:
                pass
        failed: list[tuple[Extraction, StoreError]] = []
        for extraction in extractions:
            try:
                self.write(extraction)
            except StoreLostError:
                raise
            except StoreError as error:
                failed.append((extraction, error))
        return failed
