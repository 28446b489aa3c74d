"""The summaries kept at write time (graph/summaries.py) against a recount from the graph itself.

Every path that writes or takes back facts keeps them: a batch, a re-ingest of the same article,
a re-ingest that says less, a batch that failed and was written again one article at a time, the
Neo4j path, a graph written before the summaries existed, and `db repair`. All names are invented.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from capgraph.cli import app
from capgraph.graph.embedded import ServerAddress
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.ids import document_id, entity_id
from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node
from capgraph.graph.repair import repair_data_dir
from capgraph.graph.store import GraphStore
from capgraph.graph.summaries import refresh_statements
from capgraph.graph.writer import GraphWriter
from capgraph.queries.packs import find_query
from capgraph.queries.runner import run_saved_query

Fact = tuple[str, tuple[str, str], tuple[str, str]]  # type, (label, name) of source and of target


def article(title: str, facts: list[Fact], extra: list[tuple[str, str]] = (), confidence: float = 0.9) -> Extraction:
    """An article stating `facts` (with this confidence), one sentence each, and mentioning `extra` entities besides."""
    sentences = [f"{source[1]}与{target[1]}:{rel_type}。" for rel_type, source, target in facts]
    text = title + "。" + "".join(sentences) + "".join(f"{name}。" for _label, name in extra)
    doc = Document(document_id(text), f"{title}.txt", title, text)
    nodes: dict[str, Node] = {}
    for label, name in [end for _type, source, target in facts for end in (source, target)] + list(extra):
        node_id = entity_id(label, name)
        nodes.setdefault(node_id, Node(node_id, label, name, [name], {}, [doc.id]))
    edges = []
    offset = len(title) + 1
    for (rel_type, source, target), sentence in zip(facts, sentences, strict=True):
        evidence = Evidence(doc.id, sentence, offset, offset + len(sentence))
        offset += len(sentence)
        edges.append(Edge(rel_type, entity_id(*source), entity_id(*target), {}, [evidence], confidence))
    return Extraction(doc, list(nodes.values()), edges)


FUND = ("Fund", "青禾成长基金")
MANAGER = ("Institution", "远山资本")
ALPHA = ("Company", "甲辰科技股份有限公司")
ALPHA_SHORT = ("Company", "甲辰科技")
BETA = ("Company", "乙巳材料")
GAMMA = ("Company", "丙午医药")
SECTOR = ("Sector", "新材料")
LONELY = ("Company", "丁未物流")

FIRST = article(
    "第一篇",
    [
        ("MANAGES", MANAGER, FUND),
        ("INVESTED_IN", FUND, ALPHA),
        ("INVESTED_IN", FUND, BETA),
        ("FOCUSES_ON", BETA, SECTOR),
    ],
    extra=[LONELY],
)
SECOND = article("第二篇", [("INVESTED_IN", FUND, BETA), ("INVESTED_IN", FUND, GAMMA), ("MANAGES", MANAGER, FUND)])
THIRD = article("第三篇", [("INVESTED_IN", FUND, ALPHA_SHORT)], confidence=0.6)


def summaries(store: GraphStore) -> dict[str, Any]:
    """Every summary in the graph, by stable ids."""
    entities = store.query("MATCH (e:Entity) RETURN e.id, e.degree, e.invested_count, e.dup, e.orphan").rows
    relationships = store.query(
        "MATCH (s:Entity)-[r]->(t:Entity)\n"
        "RETURN type(r), s.id, t.id, r.evidence_count, r.source_count, r.no_evidence, r.low_confidence"
    ).rows
    mentions = store.query("MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id, e.id, m.facts").rows
    return {
        "entities": {row[0]: (row[1], row[2]) for row in entities},
        "orphans": {row[0] for row in entities if row[4] == 1},
        "dup": {row[0] for row in entities if row[3] == 1},
        "relationships": {tuple(row[:3]): tuple(row[3:5]) for row in relationships},
        "marks": {tuple(row[:3]): tuple(row[5:]) for row in relationships if row[5:] != [None, None]},
        "mentions": {tuple(row[:2]): row[2] for row in mentions},
    }


def recounted(store: GraphStore) -> dict[str, Any]:
    """The summaries as computed from the graph itself (what the writer's must equal)."""
    kept = summaries(store)
    store.write_atomic(refresh_statements())
    fresh = summaries(store)
    # A `dup` mark may outlive the entity that shared its key (the query checks the groups again):
    # the writer's marks include the recount's.
    assert fresh["dup"] <= kept["dup"]
    kept["dup"] = fresh["dup"]
    assert kept == fresh
    return fresh


def writer_for(store: GraphStore) -> GraphWriter:
    writer = GraphWriter(store)
    writer.ensure_indexes()
    return writer


def run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_saved_query(store, find_query(name), {key: str(value) for key, value in params.items()}).records()


def test_a_batch_keeps_every_summary(store: FalkorStore) -> None:
    assert writer_for(store).write_batch([FIRST, SECOND, THIRD]) == []
    found = recounted(store)
    fund, manager = entity_id(*FUND), entity_id(*MANAGER)
    # the fund: managed, and invested in 甲辰科技股份有限公司, 乙巳材料, 丙午医药, 甲辰科技
    assert found["entities"][fund] == (5, 4)
    assert found["entities"][manager] == (1, 0)
    assert found["entities"][entity_id(*LONELY)] == (0, 0)
    assert found["orphans"] == {entity_id(*LONELY)}
    assert found["relationships"][("MANAGES", manager, fund)] == (2, 2)
    assert found["relationships"][("INVESTED_IN", fund, entity_id(*GAMMA))] == (1, 1)
    assert found["mentions"][(FIRST.document.id, fund)] == 3
    assert found["mentions"][(FIRST.document.id, entity_id(*LONELY))] == 0
    assert found["dup"] == {entity_id(*ALPHA), entity_id(*ALPHA_SHORT)}


def test_articles_one_at_a_time_and_again_count_once(store: FalkorStore) -> None:
    writer = writer_for(store)
    for extraction in (FIRST, SECOND, THIRD):
        writer.write(extraction)
    once = recounted(store)
    writer.write(SECOND)  # the same article again
    assert writer.write_batch([FIRST, THIRD]) == []  # and again in a batch
    assert recounted(store) == once
    assert once["relationships"][("INVESTED_IN", entity_id(*FUND), entity_id(*BETA))] == (2, 2)


def test_an_article_that_now_says_less_takes_its_counts_back(store: FalkorStore) -> None:
    writer = writer_for(store)
    assert writer.write_batch([FIRST, SECOND, THIRD]) == []
    shorter = article("第二篇", [("MANAGES", MANAGER, FUND)])
    shorter.document = SECOND.document  # the same article, read again by an extractor that finds less
    for edge in shorter.edges:
        edge.evidence = [Evidence(SECOND.document.id, e.sentence, e.start, e.end) for e in edge.evidence]
    writer.write(shorter)
    found = recounted(store)
    fund = entity_id(*FUND)
    assert found["entities"][fund] == (4, 3)  # 丙午医药 went with its only article; 乙巳材料 stays
    assert entity_id(*GAMMA) not in found["entities"]
    assert found["relationships"][("INVESTED_IN", fund, entity_id(*BETA))] == (1, 1)
    # Re-ingested without 甲辰科技: the stale mark on its twin finds no pair.
    third_without = article("第三篇", [("INVESTED_IN", FUND, BETA)])
    third_without.document = THIRD.document
    for edge in third_without.edges:
        edge.evidence = [Evidence(THIRD.document.id, e.sentence, e.start, e.end) for e in edge.evidence]
    writer.write(third_without)
    recounted(store)
    assert run(store, "quality/duplicates") == []


def test_a_failed_batch_written_again_one_at_a_time_keeps_them(store: FalkorStore) -> None:
    bad = article("坏的一篇", [("INVESTED_IN", FUND, GAMMA)])
    bad.edges[0].properties["bad"] = {"nested": "map"}  # a value the database refuses
    failed = writer_for(store).write_batch([FIRST, bad, SECOND])
    assert [extraction.document.title for extraction, _error in failed] == ["坏的一篇"]
    found = recounted(store)
    assert found["entities"][entity_id(*FUND)] == (4, 3)
    assert (bad.document.id, entity_id(*FUND)) not in found["mentions"]


def test_the_audit_queries_read_the_summaries(store: FalkorStore) -> None:
    assert writer_for(store).write_batch([FIRST, SECOND, THIRD]) == []
    fund, manager = entity_id(*FUND), entity_id(*MANAGER)
    # a fact nothing backs (written by hand): only edges-without-evidence shows it
    store.query(
        "MATCH (a:Entity {id: $a}) MATCH (b:Entity {id: $b}) CREATE (a)-[:PARTNERED_WITH]->(b)",
        {"a": manager, "b": entity_id(*GAMMA)},
        write=True,
    )
    store.refresh_summaries()  # what `capgraph cypher --write` does after a user's own write
    orphans = run(store, "quality/orphans")
    assert [(row["label"], row["name"], row["articles"]) for row in orphans] == [("Company", "丁未物流", 1)]
    assert run(store, "quality/orphans", label="Fund") == []
    top = run(store, "money/top-investors", limit=1)
    assert [(row["investor"], row["investees"], sorted(row["names"])) for row in top] == [
        ("青禾成长基金", 4, sorted(["甲辰科技股份有限公司", "甲辰科技", "乙巳材料", "丙午医药"]))
    ]
    institutions = run(store, "actors/institutions-by-kind")
    assert [(row["institution"], row["relationships"]) for row in institutions] == [("远山资本", 2)]
    single = run(store, "provenance/single-source")
    assert len(single) == 4 and {row["type"] for row in single} == {"INVESTED_IN", "FOCUSES_ON"}
    assert [row["target"] for row in run(store, "provenance/single-source", type="FOCUSES_ON")] == ["新材料"]
    unbacked = run(store, "quality/edges-without-evidence")
    assert [(row["source"], row["type"], row["target"]) for row in unbacked] == [
        ("远山资本", "PARTNERED_WITH", "丙午医药")
    ]
    doubtful = run(store, "quality/low-confidence")
    assert [(row["source"], row["target"], row["confidence"]) for row in doubtful] == [
        ("青禾成长基金", "甲辰科技", 0.6)
    ]
    assert run(store, "quality/low-confidence", below=0.5) == []
    mentions = run(store, "provenance/mentions", entity=fund)
    assert [(row["article"], row["facts"]) for row in mentions] == [("第一篇", 3), ("第二篇", 3), ("第三篇", 1)]
    pairs = run(store, "quality/duplicates")
    assert [(row["name_a"], row["name_b"]) for row in pairs] in (
        [("甲辰科技", "甲辰科技股份有限公司")],
        [("甲辰科技股份有限公司", "甲辰科技")],
    )
    assert pairs[0]["reason"] == "name contains name"


def _strip_summaries(store: GraphStore) -> None:
    """What a graph written before the summaries existed looks like."""
    store.query("MATCH (e:Entity) REMOVE e.degree, e.orphan, e.invested_count, e.dup", write=True)
    store.query(
        "MATCH ()-[r]->() REMOVE r.evidence_count, r.source_count, r.no_evidence, r.low_confidence, r.facts",
        write=True,
    )


def test_a_graph_written_before_the_summaries_gets_them_once_when_opened(falkor_server: ServerAddress) -> None:
    graph = f"summaries_old_{os.getpid()}"
    store = FalkorStore(falkor_server, graph)
    try:
        assert writer_for(store).write_batch([FIRST, SECOND, THIRD]) == []
        expected = summaries(store)
        _strip_summaries(store)
        store._db.connection.delete(store._summaries_key)  # noqa: SLF001 — as an older capgraph left it
        # and the index an older capgraph kept on every relationship (FalkorDB builds it again on each load)
        store.query("CREATE INDEX FOR ()-[r:INVESTED_IN]-() ON (r.confidence)", write=True)
        assert run(store, "quality/orphans") == []  # unmarked: the query alone cannot know
        reopened = FalkorStore(falkor_server, graph)
        try:
            assert summaries(reopened) == expected
            assert [row["name"] for row in run(reopened, "quality/orphans")] == ["丁未物流"]
            assert reopened.ensure_summaries() is False  # once only
            assert reopened.existing_indexes("confidence") == set()
            assert "INVESTED_IN" in reopened.existing_indexes("low_confidence")
        finally:
            reopened.close()
    finally:
        store.delete_graph()
        store.close()


def test_repair_computes_them_again(tmp_path: Path) -> None:
    with FalkorStore.embedded(tmp_path) as store:
        assert writer_for(store).write_batch([FIRST, SECOND]) == []
        expected = summaries(store)
        _strip_summaries(store)
    report = repair_data_dir(tmp_path, "capgraph")
    assert report.articles == 2 and not report.lost
    with FalkorStore.embedded(tmp_path) as store:
        assert summaries(store) == expected
        # after a restart too: the lookups go through indexes the server rebuilt when it loaded the graph
        assert [row["name"] for row in run(store, "quality/orphans")] == ["丁未物流"]
        assert [row["investor"] for row in run(store, "money/top-investors")] == ["青禾成长基金"]
        assert len(run(store, "provenance/single-source")) == 3  # FIRST and SECOND only


def test_the_neo4j_path_keeps_them(neo4j_store: GraphStore) -> None:
    writer = writer_for(neo4j_store)
    for extraction in (FIRST, SECOND, THIRD, SECOND):
        writer.write(extraction)
    found = recounted(neo4j_store)
    assert found["entities"][entity_id(*FUND)] == (5, 4)
    assert found["relationships"][("MANAGES", entity_id(*MANAGER), entity_id(*FUND))] == (2, 2)


def test_a_users_own_write_through_the_cli_refreshes_them(runner: CliRunner, data_dir: Path) -> None:
    with FalkorStore.embedded(data_dir) as store:
        assert writer_for(store).write_batch([FIRST]) == []

    def orphans() -> list[str]:
        done = runner.invoke(app, ["query", "run", "quality/orphans", "--format", "json"])
        assert done.exit_code == 0, done.output
        return [row["name"] for row in json.loads(done.stdout)]

    assert orphans() == ["丁未物流"]
    statement = "MATCH (a:Entity {id: $a}) MATCH (b:Entity {id: $b}) CREATE (a)-[:LOCATED_IN]->(b)"
    params = ["--param", f"a={entity_id(*LONELY)}", "--param", f"b={entity_id(*MANAGER)}"]
    assert runner.invoke(app, ["cypher", statement, *params, "--write"]).exit_code == 0
    assert orphans() == []
