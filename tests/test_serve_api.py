"""`capgraph serve`'s API through an HTTP client, against a real FalkorDB holding the sample graph."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import pytest
from serve_support import build_dated_sample_graph
from starlette.testclient import TestClient
from test_viz_support import (
    FUND,
    FUND_ALIAS,
    HOSTILE_NAME,
    HOSTILE_SENTENCE,
    REGIONAL,
    eid,
)

from capgraph.viz.serve.app import create_app, local_host
from capgraph.viz.serve.explorer import Explorer, yi

LOCAL = "http://127.0.0.1:8765"


@pytest.fixture
def explorer(store) -> Explorer:
    build_dated_sample_graph(store)
    return Explorer(store)


@pytest.fixture
def client(explorer) -> TestClient:
    return TestClient(create_app(explorer), base_url=LOCAL, raise_server_exceptions=False)


def test_foreign_host_is_refused(client):
    assert client.get("/api/search", params={"q": "基金"}).status_code == 200
    for host in ("evil.example", "evil.example:8765", "127.0.0.1.evil.example", "localhost.evil:80", ""):
        response = client.get("/api/search", params={"q": "基金"}, headers={"Host": host})
        assert response.status_code == 400, host
        assert "localhost" in response.json()["error"]
    assert client.get("/", headers={"Host": "localhost:9999"}).status_code == 200


def test_local_host_header_forms():
    assert all(local_host(h) for h in ("127.0.0.1", "127.0.0.1:80", "localhost", "LOCALHOST:1", "[::1]:8765"))
    assert not any(local_host(h) for h in ("127.0.0.2", "localhost:x", "[::2]:1", "example.com", "127.0.0.1:80:1"))


def test_page_is_served_with_its_script_inlined(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert "vis.Network" in html and "capgraphServe" in html
    assert 'src="http' not in html and 'href="http' not in html  # nothing remote
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_search_suggests_names_and_aliases_with_label_and_degree(client):
    suggestions = client.get("/api/search", params={"q": "引导基金"}).json()["suggestions"]
    names = [s["name"] for s in suggestions]
    assert set(names) == {FUND, *REGIONAL}
    fund = next(s for s in suggestions if s["name"] == FUND)
    assert fund["label"] == "Fund" and fund["degree"] == 2 and fund["id"] == eid(FUND)
    # An alias finds its entity, and says which alias matched.
    by_alias = client.get("/api/search", params={"q": "创投引导"}).json()["suggestions"]
    assert [(s["name"], s["matched"]) for s in by_alias] == [(FUND, FUND_ALIAS)]
    assert client.get("/api/search", params={"q": "不存在的名字"}).json()["suggestions"] == []
    # The most connected first among equally good matches.
    degrees = [s["degree"] for s in client.get("/api/search", params={"q": "创"}).json()["suggestions"]]
    assert degrees == sorted(degrees, reverse=True)


def test_focus_view_and_money_view(client):
    view = client.get("/api/focus", params={"name": FUND_ALIAS, "hops": 2}).json()
    names = {node["cgName"] for node in view["nodes"]}
    assert names == {FUND, *REGIONAL, "上海科创投", "深创投", HOSTILE_NAME}
    assert view["focus"] == eid(FUND)
    edge = next(e for e in view["edges"] if e["cgType"] == "MANAGES" and e["from"] == eid("上海科创投"))
    assert edge["id"] == f"MANAGES|{eid('上海科创投')}|{eid(REGIONAL[0])}"
    assert edge["cgEvidence"][0][1] == "上海科创投管理长三角创业投资引导基金。"
    article = edge["cgEvidence"][0][0]
    assert view["articles"][article] == {
        "title": "引导基金的一年",
        "date": "2025-01-15",
        "source": "新华社",
        "url": "https://example.org/news/1",
    }
    fund = next(node for node in view["nodes"] if node["id"] == eid(FUND))
    assert fund["cgProps"]["amount (亿元)"] == "1000亿元"
    assert "articles" not in fund["cgProps"] and fund["cgProps"]["article_count"] == 1

    money = client.get("/api/money").json()
    assert {e["cgType"] for e in money["edges"]} == {"INVESTED_IN", "ESTABLISHED", "MANAGES"}
    assert len(money["edges"]) == 6
    assert "深圳" not in {node["cgName"] for node in money["nodes"]}  # LOCATED_IN is not money


def test_expand_adds_one_hop_optionally_of_one_type(client):
    shenzhen = client.post("/api/expand", json={"id": eid("深创投")}).json()
    assert {node["cgName"] for node in shenzhen["nodes"]} == {"深创投", REGIONAL[1], "深圳"}
    only = client.post("/api/expand", json={"id": eid("深创投"), "type": "LOCATED_IN"}).json()
    assert {node["cgName"] for node in only["nodes"]} == {"深创投", "深圳"}
    assert [e["cgType"] for e in only["edges"]] == ["LOCATED_IN"]
    # From the in-memory skeleton: how many sentences, not the sentences (the page asks /api/evidence).
    assert only["edges"][0]["cgEvidence"] == [] and only["edges"][0]["cgEvidenceCount"] == 1
    # Relationships between the new neighbours and what is already on the page come too.
    fund = client.post("/api/expand", json={"id": eid(FUND), "type": "ESTABLISHED", "have": [eid("深创投")]}).json()
    keys = {(e["cgType"], e["from"], e["to"]) for e in fund["edges"]}
    assert ("MANAGES", eid("深创投"), eid(REGIONAL[1])) in keys
    assert {node["cgName"] for node in fund["nodes"]} == {FUND, *REGIONAL, "深创投"}


def test_evidence_and_article_text_with_offsets(client):
    rel = client.get(
        "/api/evidence", params={"type": "INVESTED_IN", "source": eid(REGIONAL[0]), "target": eid(HOSTILE_NAME)}
    ).json()
    [item] = rel["evidence"]
    assert item["sentence"] == HOSTILE_SENTENCE
    article = client.get(f"/api/article/{item['article']}").json()
    assert article["text"][item["start"] : item["end"]] == HOSTILE_SENTENCE
    assert article["title"] == 'A "title" with <b>markup</b>'  # as data, escaped by the page


def test_saved_queries_listed_and_run_as_graph_or_table(client):
    queries = {q["name"]: q for q in client.get("/api/queries").json()["queries"]}
    managers = queries["funds/managers"]
    assert managers["description"] and managers["params"][0]["type"] == "entity"
    graph = client.get("/api/query", params={"name": "money/reach", "p.from": FUND_ALIAS}).json()
    assert graph["kind"] == "graph"
    assert {node["cgName"] for node in graph["nodes"]} >= {FUND, *REGIONAL, HOSTILE_NAME}
    table = client.get("/api/query", params={"name": "funds/managers", "p.fund": REGIONAL[1]}).json()
    assert table["kind"] in {"graph", "table"}
    assert "深创投" in str(table["table"]["rows"])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"name": "money/reach", "p.from": "没有这个机构"}, "没有这个机构"),
        ({"name": "money/reach", "p.from": FUND, "p.max_depth": "three"}, "whole number"),
        ({"name": "money/nothing"}, "no saved query"),
        ({"name": "money/reach"}, "needs"),
    ],
)
def test_bad_query_requests_get_one_line(client, params, message):
    response = client.get("/api/query", params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert message in error and "Traceback" not in error


def test_bad_requests_get_one_line(client):
    cases = [
        client.get("/api/focus", params={"name": "没有这个机构"}),
        client.get("/api/focus", params={"name": FUND, "hops": "x"}),
        client.get("/api/focus", params={"name": FUND, "hops": 9}),
        client.post("/api/expand", json={"id": "nope"}),
        client.post("/api/expand", json={"id": eid(FUND), "type": "LIKES"}),
        client.post("/api/expand", content=b'{"id": 1}', headers={"content-type": "text/plain"}),
        client.get("/api/article/art-nothing"),
        client.post("/api/export", json={"format": "pdf", "nodes": [eid(FUND)], "edges": []}),
    ]
    for response in cases:
        assert response.status_code == 400, response.text
        assert response.json()["error"]
    assert client.get("/api/nothing").status_code == 404
    assert client.delete("/api/search").status_code == 405  # nothing writes


def test_ambiguous_name_lists_every_match(store):
    from capgraph.graph.ids import entity_id
    from capgraph.graph.model import Document, Extraction, Node
    from capgraph.graph.writer import GraphWriter

    document = Document(id="art-amb", path="/tmp/amb.txt", title="同名", text="华远同名。")
    nodes = [Node(entity_id(label, "华远"), label, "华远", ["华远"], {}, ["art-amb"]) for label in ("Company", "Fund")]
    GraphWriter(store).write(Extraction(document, nodes, []))
    client = TestClient(create_app(Explorer(store)), base_url=LOCAL)
    assert sorted(s["label"] for s in client.get("/api/search", params={"q": "华远"}).json()["suggestions"]) == [
        "Company",
        "Fund",
    ]
    response = client.get("/api/focus", params={"name": "华远"})
    assert response.status_code == 400
    assert "2 entities" in response.json()["error"] and "Company" in response.json()["error"]
    by_id = client.get("/api/focus", params={"name": entity_id("Fund", "华远")}).json()
    assert by_id["focus"] == entity_id("Fund", "华远")
    # A saved query's entity parameter too: every match listed, none taken silently; the id is exact.
    response = client.get("/api/query", params={"name": "money/reach", "p.from": "华远"})
    assert response.status_code == 400 and "2 entities" in response.json()["error"]
    exact = client.get("/api/query", params={"name": "money/reach", "p.from": entity_id("Fund", "华远")})
    assert exact.status_code == 200


def test_export_of_the_view_uses_the_export_writers(client):
    view = client.get("/api/focus", params={"name": FUND, "hops": 1}).json()
    nodes = [node["id"] for node in view["nodes"]]
    edges = [[e["cgType"], e["from"], e["to"]] for e in view["edges"]][:1]
    graphml = client.post("/api/export", json={"format": "graphml", "nodes": nodes, "edges": edges})
    assert graphml.status_code == 200
    assert "attachment" in graphml.headers["content-disposition"]
    root = ElementTree.fromstring(graphml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == len(nodes) == 3
    assert len(root.findall(".//g:edge", ns)) == 1  # what is on screen, not all the relationships among them
    for fmt in ("gexf", "json"):
        assert FUND in client.post("/api/export", json={"format": fmt, "nodes": nodes, "edges": edges}).text
    csv = client.post("/api/export", json={"format": "csv", "nodes": nodes, "edges": edges})
    with zipfile.ZipFile(io.BytesIO(csv.content)) as archive:
        names = archive.namelist()
        assert "capgraph-view-csv/nodes.csv" in names
        assert FUND in archive.read("capgraph-view-csv/nodes.csv").decode("utf-8")


def test_amounts_in_yi():
    assert yi(1.0e11) == "1000亿元"
    assert yi(1.5e8) == "1.5亿元"
    assert yi(12_345_678) == "0.1235亿元"
    assert yi("n/a") is None and yi(None) is None and yi(True) is None


def test_the_explorer_over_the_neo4j_driver(neo4j_store):
    """The same API on the Neo4j code path (the real neo4j driver, over FalkorDB's Bolt endpoint)."""
    from test_viz_support import build_sample_graph

    build_sample_graph(neo4j_store, bolt_safe=True)
    client = TestClient(create_app(Explorer(neo4j_store)), base_url=LOCAL)
    suggestions = client.get("/api/search", params={"q": "创投引导"}).json()["suggestions"]
    assert [s["name"] for s in suggestions] == [FUND]
    view = client.get("/api/focus", params={"name": FUND, "hops": 1}).json()
    assert {node["cgName"] for node in view["nodes"]} == {FUND, *REGIONAL}
    expanded = client.post("/api/expand", json={"id": eid("深创投")}).json()
    assert {node["cgName"] for node in expanded["nodes"]} == {"深创投", REGIONAL[1], "深圳"}
    evidence = client.get(
        "/api/evidence", params={"type": "LOCATED_IN", "source": eid("深创投"), "target": eid("深圳")}
    ).json()
    assert evidence["evidence"][0]["sentence"] == "深创投总部位于深圳。"
    table = client.get("/api/query", params={"name": "funds/managers", "p.fund": REGIONAL[1]}).json()
    assert "深创投" in str(table["table"]["rows"])


def test_ingested_articles_keep_their_text_and_the_offsets_point_into_it(store, corpus_dir):
    """On the sample articles: every evidence sentence is found at its offsets in its article's stored text."""
    from capgraph.ingest import ingest

    ingest([corpus_dir], store)
    explorer = Explorer(store)
    rows = store.query(
        "MATCH ()-[r]->() WHERE r.evidence_keys IS NOT NULL RETURN type(r), startNode(r).id, endNode(r).id LIMIT 40"
    ).rows
    assert len(rows) >= 20
    texts: dict[str, str] = {}
    for rel_type, source, target in rows:
        for item in explorer.evidence(rel_type, source, target)["evidence"]:
            if item["article"] not in texts:
                texts[item["article"]] = explorer.article(item["article"])["text"]
            assert texts[item["article"]][item["start"] : item["end"]] == item["sentence"]
    assert all(len(text) > 500 for text in texts.values())  # whole articles, written in pieces


def test_the_explorers_statements_parse_with_neo4j_parser():
    """Every statement the explorer sends is valid Neo4j Cypher (Neo4j's own parser, as test_cypher_lint)."""
    import contextlib

    from test_cypher_lint import RecordingStore, Statement, _problems, lint

    from capgraph.errors import CapgraphError

    store = RecordingStore()
    explorer = Explorer(store)  # type: ignore[arg-type]  # the index's queries
    for call in (
        lambda: explorer.evidence("MANAGES", "ins-a", "fun-b"),
        lambda: explorer.article("art-x"),
        lambda: explorer.article_meta(["art-x"]),
        lambda: explorer.money(),
    ):
        with contextlib.suppress(CapgraphError):
            call()
    statements = [Statement(f"explorer #{i}", s.cypher, s.parameters) for i, s in enumerate(store.statements)]
    emitted = "\n".join(statement.cypher for statement in statements)
    for expected in (
        "MATCH (n:Entity) OPTIONAL MATCH (a:Article)-[:MENTIONS]->(n)",
        "MATCH (a:Article {id: $id})",
        "$types",
    ):
        assert expected in emitted
    problems = _problems(lint(statements), statements, unknown_names_fail=True)
    assert not problems, "\n".join(problems)
