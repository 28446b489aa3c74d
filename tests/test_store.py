"""The stores and the writer against real databases: FalkorDB, and Neo4j's driver over Bolt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from capgraph.errors import BusyError, StoreError
from capgraph.graph.embedded import EmbeddedFalkorDB
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.ids import document_id, entity_id
from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node
from capgraph.graph.stats import graph_stats
from capgraph.graph.store import GraphNode, GraphPath, GraphStore
from capgraph.graph.writer import GraphWriter, article_statement
from capgraph.ingest import ingest


def small_extraction(
    text: str = "国务院办公厅印发《促进创业投资高质量发展的若干政策措施》。", path: str | None = None
) -> Extraction:
    doc = Document(document_id(text), path or f"{document_id(text)}.txt", "样例", text)
    issuer = Node(
        entity_id("Institution", "国务院办公厅"),
        "Institution",
        "国务院办公厅",
        ["国办"],
        {"kind": "government"},
        [doc.id],
    )
    policy = Node(
        entity_id("Policy", "促进创业投资高质量发展的若干政策措施"),
        "Policy",
        "促进创业投资高质量发展的若干政策措施",
        [],
        {},
        [doc.id],
    )
    evidence = Evidence(doc.id, text, 0, len(text))
    edge = Edge("ISSUED", issuer.id, policy.id, {}, [evidence], 0.9)
    return Extraction(doc, [issuer, policy], [edge])


def counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    stats = graph_stats(store)
    return stats.labels, stats.types


def exercise_writer(store: GraphStore) -> None:
    writer = GraphWriter(store)
    writer.ensure_indexes()
    extraction = small_extraction()
    writer.write(extraction)
    first = counts(store)
    assert first == ({"Article": 1, "Institution": 1, "Policy": 1}, {"ISSUED": 1, "MENTIONS": 2})

    writer.ensure_indexes()
    writer.write(extraction)  # idempotent: same graph, no duplicated evidence or aliases
    assert counts(store) == first
    row = store.query(
        "MATCH (i:Institution)-[r:ISSUED]->(p:Policy) "
        "RETURN i.name, i.aliases, i.kind, p.name, r.evidence_sentences, r.evidence_articles, r.confidence"
    ).rows
    assert row == [
        [
            "国务院办公厅",
            ["国务院办公厅", "国办"],
            "government",
            "促进创业投资高质量发展的若干政策措施",
            [extraction.document.text],
            [extraction.document.id],
            0.9,
        ]
    ]

    # The same fact from a second article keeps both pieces of evidence and both articles.
    other = small_extraction("2024年6月,国务院办公厅印发《促进创业投资高质量发展的若干政策措施》。")
    writer.write(other)
    labels, types = counts(store)
    assert labels["Article"] == 2 and labels["Institution"] == 1 and types["ISSUED"] == 1
    evidence = store.query("MATCH ()-[r:ISSUED]->() RETURN r.evidence_articles").scalar()
    assert sorted(evidence) == sorted([extraction.document.id, other.document.id])
    articles = store.query("MATCH (a:Article)-[:MENTIONS]->(:Institution) RETURN collect(a.id)").scalar()
    assert sorted(articles) == sorted([extraction.document.id, other.document.id])


def test_writer_is_idempotent_and_merges_evidence_on_falkordb(store: FalkorStore) -> None:
    exercise_writer(store)


def test_writer_over_neo4j_driver_and_bolt(neo4j_store: GraphStore) -> None:
    exercise_writer(neo4j_store)
    paths = neo4j_store.query("MATCH p = (:Institution)-[:ISSUED]->(:Policy) RETURN p").rows
    assert len(paths) == 1 and isinstance(paths[0][0], GraphPath)
    assert [node.properties["name"] for node in paths[0][0].nodes][0] == "国务院办公厅"


def test_an_article_is_written_whole_or_not_at_all(store: FalkorStore) -> None:
    extraction = small_extraction()
    # An edge whose target does not exist plus a property the database refuses (a map) must fail
    # the whole statement: the nodes written before it in the same statement are rolled back.
    extraction.edges[0].properties["bad"] = {"nested": "map"}
    with pytest.raises(StoreError):
        GraphWriter(store).write(extraction)
    assert store.query("MATCH (n) RETURN count(n)").scalar() == 0


def test_read_only_queries_refuse_writes(store: FalkorStore) -> None:
    with pytest.raises(StoreError, match="refused"):
        store.query("CREATE (:Institution {id: 'x'})")
    assert store.query("MATCH (n) RETURN count(n)").scalar() == 0


def test_query_values_are_plain(store: FalkorStore) -> None:
    GraphWriter(store).write(small_extraction())
    node = store.query("MATCH (n:Institution) RETURN n").scalar()
    assert isinstance(node, GraphNode)
    assert node.label == "Institution" and node.properties["name"] == "国务院办公厅"


def test_statement_passes_text_as_parameters() -> None:
    extraction = small_extraction()
    extraction.nodes[0].name = "X'}) DETACH DELETE n //"
    cypher, params = article_statement(extraction)
    assert "X'})" not in cypher and "国务院" not in cypher
    assert params["nodes_Institution"][0]["name"] == "X'}) DETACH DELETE n //"


def test_embedded_server_persists_and_stops(tmp_path: Path) -> None:
    with FalkorStore.embedded(tmp_path) as falkor:
        GraphWriter(falkor).write(small_extraction())
        pid = falkor._server._process.pid  # type: ignore[union-attr]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with FalkorStore.embedded(tmp_path) as falkor:
        assert falkor.query("MATCH (n:Institution) RETURN n.name").scalar() == "国务院办公厅"


def test_a_second_command_on_the_same_data_dir_waits_then_refuses(tmp_path: Path) -> None:
    with EmbeddedFalkorDB(tmp_path), pytest.raises(BusyError, match="in use by another capgraph command"):
        EmbeddedFalkorDB(tmp_path, wait_seconds=0.5).start()
    # Released when the first one ends.
    with EmbeddedFalkorDB(tmp_path, wait_seconds=0.5) as again:
        assert again.address is not None


def test_server_listens_on_loopback_with_a_password(tmp_path: Path) -> None:
    import redis

    with EmbeddedFalkorDB(tmp_path) as server:
        address = server.address
        assert address is not None and address.host == "127.0.0.1"
        with pytest.raises(redis.exceptions.AuthenticationError):
            redis.Redis(host="127.0.0.1", port=address.port).ping()
        assert "bind 127.0.0.1" in (tmp_path / "falkordb.conf").read_text()


def test_rewriting_an_article_forgets_what_it_no_longer_says(store: FalkorStore) -> None:
    writer = GraphWriter(store)
    old = small_extraction()
    other = small_extraction("2024年6月,国务院办公厅印发《促进创业投资高质量发展的若干政策措施》。")
    writer.write(old)
    writer.write(other)

    # The same article read by a newer extractor: the policy is gone, a fund appears instead.
    fund = Node(entity_id("Fund", "国家创业投资引导基金"), "Fund", "国家创业投资引导基金", [], {}, [old.document.id])
    issuer = old.nodes[0]
    evidence = Evidence(old.document.id, old.document.text, 0, len(old.document.text))
    newer = Extraction(old.document, [issuer, fund], [Edge("ESTABLISHED", issuer.id, fund.id, {}, [evidence])])
    writer.write(newer)
    writer.write(newer)

    labels, types = counts(store)
    # The policy stays (the other article still says it) with only the other article's evidence.
    assert labels == {"Article": 2, "Institution": 1, "Policy": 1, "Fund": 1}
    assert types == {"ISSUED": 1, "ESTABLISHED": 1, "MENTIONS": 4}
    issued = store.query("MATCH ()-[r:ISSUED]->() RETURN r.evidence_articles, r.evidence_keys").rows
    assert issued == [[[other.document.id], [f"{other.document.id}:0:{len(other.document.text)}"]]]
    policy_articles = store.query("MATCH (a:Article)-[:MENTIONS]->(:Policy) RETURN collect(a.id)").scalar()
    assert policy_articles == [other.document.id]

    # Once no article says it, it is gone.
    writer.write(Extraction(other.document, [issuer], []))
    labels, types = counts(store)
    assert "Policy" not in labels and "ISSUED" not in types


ROUND = (
    "星河微芯完成B轮融资\n\n"
    "星河微芯科技有限公司今日宣布完成5亿元B轮融资,本轮融资由远山资本领投,白桦创投跟投。"
    "星河微芯成立于2019年,专注于车规级芯片的研发,产品已进入多家整车厂的供应链。"
    "本轮资金将主要用于新产线建设和海外市场拓展。"
)


def test_a_file_read_again_replaces_its_earlier_reading_and_a_new_article_at_its_path_does_not(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "round.txt"
    article.write_text(ROUND, encoding="utf-8")
    data = tmp_path / "data"
    with FalkorStore.embedded(data) as store:
        ingest([folder], store)
    # The file edited (the follower corrected): its id changes with its text, and it is the same article.
    article.write_text(ROUND.replace("白桦创投跟投", "青松资本跟投"), encoding="utf-8")
    with FalkorStore.embedded(data) as store:  # opening checks the record of written articles
        ingest([folder], store)
        assert store.query("MATCH (a:Article) RETURN count(a)").scalar() == 1
        investors = store.query("MATCH (i)-[:INVESTED_IN]->(:Company) RETURN i.name ORDER BY i.name").column(0)
        assert investors == ["远山资本", "青松资本"]
        assert store.query("MATCH (i:Institution {name: '白桦创投'}) RETURN count(i)").scalar() == 0
    # Another article saved under the same name (a feed's daily file): the earlier one stays.
    article.write_text("白桦创投宣布完成对丙午医药的A轮投资,金额为1亿元。丙午医药专注于创新药研发。", encoding="utf-8")
    with FalkorStore.embedded(data) as store:
        ingest([folder], store)
        assert store.query("MATCH (a:Article) RETURN count(a)").scalar() == 2
    with FalkorStore.embedded(data) as store:
        assert len(store.articles_present()) == 2


def _graph_content(store: GraphStore) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties, as sorted text: two graphs compare equal."""
    nodes = store.query("MATCH (n) RETURN labels(n), properties(n)").rows
    relationships = store.query("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)").rows
    return sorted(repr(sorted_row(row)) for row in nodes), sorted(repr(sorted_row(row)) for row in relationships)


def sorted_row(row: list) -> list:
    return [sorted(value.items()) if isinstance(value, dict) else value for value in row]


def test_restart_gives_the_same_graph_from_a_compacted_file(tmp_path: Path, corpus_dir: Path) -> None:

    data_dir = tmp_path / "data"
    with FalkorStore.embedded(data_dir) as falkor:
        ingest(sorted(corpus_dir.glob("*.txt"))[:2], falkor, workers=1)
        before = _graph_content(falkor)
    # The command that wrote compacted the append-only file: a snapshot and nothing after it.
    files = {path.name: path.stat().st_size for path in (data_dir / "appendonlydir").iterdir()}
    assert any(name.endswith(".base.rdb") for name in files)
    assert all(size == 0 for name, size in files.items() if name.endswith(".incr.aof"))
    with FalkorStore.embedded(data_dir) as falkor:
        assert _graph_content(falkor) == before
        # More writes after the snapshot, then a server that dies without compacting: the
        # snapshot plus the appended writes give the graph back.
        ingest(sorted(corpus_dir.glob("*.txt"))[2:3], falkor, workers=1)
        after = _graph_content(falkor)
        server = falkor._server
        assert server is not None and server._process is not None
        server._process.kill()
        server._process.wait()
    with FalkorStore.embedded(data_dir) as falkor:
        assert _graph_content(falkor) == after


def test_parallel_extraction_writes_the_same_graph(store: FalkorStore, falkor_server, corpus_dir: Path) -> None:

    files = sorted(corpus_dir.glob("*.txt"))
    seen: list[str] = []
    report = ingest(files, store, workers=2, on_article=lambda path, result: seen.append(path.name))
    assert seen == [path.name for path in files]  # per-file callbacks, in input order
    assert len(report.articles) == len(files)
    serial = FalkorStore(falkor_server, f"serial_{os.getpid()}")
    try:
        ingest(files, serial, workers=1)
        assert _graph_content(serial) == _graph_content(store)
    finally:
        serial.delete_graph()
        serial.close()
