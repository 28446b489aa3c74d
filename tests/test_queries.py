"""Saved query packs on a small hand-made graph whose exact answers are known.

The graph is written with the real writer into the real embedded FalkorDB (and, for some
queries, into the Neo4j store over Bolt). Exact rows are asserted here; the sample-article
graph is tested in test_queries_corpus.py.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from capgraph.errors import InputError, StoreError
from capgraph.graph.embedded import ServerAddress
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.ids import entity_id
from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node
from capgraph.graph.neo4j_store import Neo4jStore
from capgraph.graph.store import GraphPath, GraphStore, display
from capgraph.graph.writer import GraphWriter
from capgraph.queries.packs import PARAM_TYPES, find_query, load_packs, parse_query
from capgraph.queries.runner import bind_params, run_saved_query, write_clause

PACKS = ("funds", "money", "policy", "actors", "provenance", "quality")

# --- the hand-made graph -------------------------------------------------------------------

DOC_A = Document("art-handmade-a", "corpus/a.txt", "国家创业投资引导基金启动", "（正文）")
DOC_B = Document("art-handmade-b", "corpus/b.txt", "上海GPU四小龙上市", "（正文）")

# label, name, aliases, properties
ENTITIES: list[tuple[str, str, list[str], dict[str, Any]]] = [
    ("Institution", "国务院办公厅", ["国办"], {"kind": "government"}),
    ("Institution", "国家发展改革委", ["发改委"], {"kind": "government"}),
    ("Institution", "国家发改委", ["发改委"], {"kind": "government"}),  # duplicate: shares an alias
    ("Institution", "中投公司", [], {"kind": "investor"}),
    ("Institution", "中金资本", [], {"kind": "investor"}),
    ("Institution", "中金启元", [], {"kind": "investor"}),
    ("Institution", "深创投", ["深圳市创新投资集团"], {"kind": "investor"}),
    ("Institution", "浦东创投", ["浦东创投集团"], {"kind": "investor"}),
    ("Institution", "浦发集团", [], {"kind": "investor"}),
    ("Institution", "上海国投", [], {"kind": "investor"}),
    ("Institution", "上海国际集团", [], {"kind": "investor"}),
    ("Institution", "崂山科创集团", ["青岛崂山科技创新发展集团有限公司"], {"kind": "investor"}),
    ("Institution", "中信基金", [], {"kind": "investor"}),
    ("Institution", "青岛银行", [], {"kind": "financial"}),
    ("Institution", "青岛银行股份有限公司", [], {"kind": "financial"}),  # duplicate: contains a name
    ("Institution", "中国科学技术发展战略研究院", [], {"kind": "research"}),
    ("Fund", "国家创业投资引导基金", ["引导基金"], {"amount_cny": 1.0e11}),
    ("Fund", "京津冀创业投资引导基金", [], {"amount_cny": 5.0e10}),
    ("Fund", "长三角创业投资引导基金", [], {"amount_cny": 5.0e10}),
    ("Fund", "粤港澳大湾区创业投资引导基金", ["大湾区基金"], {"amount_cny": 5.0e10}),
    ("Fund", "大湾区种子子基金", [], {"amount_cny": 1.0e9}),
    ("Fund", "引领区基金", [], {}),
    ("Fund", "中信医疗产业基金", [], {"amount_cny": 2.0e9}),
    ("Fund", "中金科创基金", [], {}),
    ("Company", "沐曦股份", [], {}),
    ("Company", "壁仞科技", [], {}),
    ("Company", "燧原科技", [], {}),
    ("Company", "英矽智能", [], {}),
    ("Company", "逐际动力", [], {}),
    ("Policy", "促进创业投资高质量发展的若干政策措施", [], {}),
    ("Policy", "人工智能+制造专项行动实施意见", [], {}),
    ("Policy", "集成电路产业发展规划", [], {}),
    ("Person", "张俊芳", [], {}),
    ("Person", "张春光", [], {}),
    ("Sector", "人工智能", [], {}),
    ("Sector", "集成电路", [], {}),
    ("Sector", "低空经济", [], {}),  # orphan: no relationship
    ("Place", "青岛", [], {}),
    ("Place", "上海", [], {}),
]
LABEL_OF = {name: label for label, name, _, _ in ENTITIES}

# type, source, target, properties, confidence; evidence is one sentence per article listed
EDGES_A: list[tuple[str, str, str, dict[str, Any], float]] = [
    ("ESTABLISHED", "国家创业投资引导基金", "京津冀创业投资引导基金", {}, 0.9),
    ("ESTABLISHED", "国家创业投资引导基金", "长三角创业投资引导基金", {}, 0.9),
    ("ESTABLISHED", "国家创业投资引导基金", "粤港澳大湾区创业投资引导基金", {}, 0.9),
    ("INVESTED_IN", "粤港澳大湾区创业投资引导基金", "大湾区种子子基金", {}, 0.9),
    ("INVESTED_IN", "大湾区种子子基金", "逐际动力", {}, 0.9),
    ("MANAGES", "中金资本", "京津冀创业投资引导基金", {}, 0.9),
    ("MANAGES", "深创投", "粤港澳大湾区创业投资引导基金", {}, 0.9),
    ("SUBSIDIARY_OF", "中金资本", "中投公司", {}, 0.9),
    ("SUBSIDIARY_OF", "中金启元", "中金资本", {}, 0.9),
    ("ESTABLISHED", "中金启元", "中金科创基金", {}, 0.9),
    ("ISSUED", "国务院办公厅", "促进创业投资高质量发展的若干政策措施", {}, 0.9),
    ("ISSUED", "国家发展改革委", "人工智能+制造专项行动实施意见", {}, 0.9),
    ("ISSUED", "国家发展改革委", "集成电路产业发展规划", {}, 0.9),
    ("FOCUSES_ON", "集成电路产业发展规划", "集成电路", {}, 0.9),
    ("AFFILIATED_WITH", "张俊芳", "中国科学技术发展战略研究院", {"title": "研究员"}, 0.9),
]
EDGES_B: list[tuple[str, str, str, dict[str, Any], float]] = [
    ("MANAGES", "深创投", "粤港澳大湾区创业投资引导基金", {}, 0.9),  # stated in both articles
    ("ESTABLISHED", "浦东创投", "引领区基金", {}, 0.9),
    ("INVESTED_IN", "引领区基金", "沐曦股份", {}, 0.9),
    ("INVESTED_IN", "浦东创投", "英矽智能", {}, 0.9),
    ("INVESTED_IN", "浦发集团", "英矽智能", {}, 0.9),
    ("INVESTED_IN", "上海国投", "壁仞科技", {}, 0.9),
    ("INVESTED_IN", "上海国投", "燧原科技", {}, 0.9),
    ("INVESTED_IN", "上海国际集团", "燧原科技", {}, 0.5),
    ("ESTABLISHED", "崂山科创集团", "中信医疗产业基金", {}, 0.9),
    ("AFFILIATED_WITH", "张春光", "青岛银行", {"title": "副行长"}, 0.9),
    ("LOCATED_IN", "崂山科创集团", "青岛", {}, 0.9),
    ("LOCATED_IN", "青岛银行", "青岛", {}, 0.9),
    ("LOCATED_IN", "浦东创投", "上海", {}, 0.9),
]
UNBACKED_EDGE = ("ESTABLISHED", "中信基金", "中信医疗产业基金")  # written with no evidence at all


def _id(name: str) -> str:
    return entity_id(LABEL_OF[name], name)


def _extraction(document: Document, edges: list[tuple[str, str, str, dict[str, Any], float]]) -> Extraction:
    """Every entity is mentioned by both articles except the orphans' own article split below."""
    nodes = [
        Node(entity_id(label, name), label, name, [name, *aliases], dict(props), [document.id])
        for label, name, aliases, props in ENTITIES
        if document is DOC_A or name not in {"低空经济", "国家发改委"}  # these two: article A only
    ]
    written = []
    for number, (rel_type, source, target, props, confidence) in enumerate(edges):
        sentence = f"{source}{rel_type}{target}。"
        start = number * 100
        evidence = [Evidence(document.id, sentence, start, start + len(sentence))]
        written.append(Edge(rel_type, _id(source), _id(target), dict(props), evidence, confidence))
    return Extraction(document, nodes, written)


def write_handmade(store: GraphStore) -> None:
    writer = GraphWriter(store)
    writer.ensure_indexes()
    writer.write(_extraction(DOC_A, EDGES_A))
    second = _extraction(DOC_B, EDGES_B)
    rel_type, source, target = UNBACKED_EDGE
    second.edges.append(Edge(rel_type, _id(source), _id(target), {}, [], 0.8))
    writer.write(second)


@pytest.fixture(scope="module")
def handmade(falkor_server: ServerAddress) -> Iterator[FalkorStore]:
    """The hand-made graph in its own graph on the session's FalkorDB, written once per module."""
    store = FalkorStore(falkor_server, f"queries_handmade_{os.getpid()}")
    store.delete_graph()
    store = FalkorStore(falkor_server, f"queries_handmade_{os.getpid()}")
    write_handmade(store)
    try:
        yield store
    finally:
        store.delete_graph()
        store.close()


def run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_saved_query(store, find_query(name), {key: str(value) for key, value in params.items()}).records()


def column(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [row[key] for row in rows]


# --- the packs themselves ------------------------------------------------------------------


def test_at_least_20_queries_in_the_six_packs() -> None:
    queries = load_packs()
    assert len(queries) >= 20
    assert {query.pack for query in queries.values()} == set(PACKS)
    for query in queries.values():
        assert query.title and query.description and query.returns, query.name
        assert all(param.type in PARAM_TYPES and param.description for param in query.params), query.name
        assert write_clause(query.cypher) is None, query.name
        # Values go in as parameters: no string literal other than label and type names.
        assert "=~" not in query.cypher and "EXISTS {" not in query.cypher.upper(), query.name


def test_every_query_declares_the_columns_it_returns(handmade: FalkorStore) -> None:
    """Each query runs on FalkorDB with sample parameters, and its columns are the header's `returns`."""
    samples = {"string": "a.txt", "int": "2", "float": "0.8", "bool": "true", "list": "x"}
    entity_samples = {
        "Fund": "引导基金",
        "Institution": "深创投",
        "Company": "沐曦股份",
        "Sector": "集成电路",
        "Place": "青岛",
    }
    overrides = {"quality/orphans": {"label": "Sector"}, "actors/institutions-by-kind": {"kind": "investor"}}
    for name, query in load_packs().items():
        raw = {
            param.name: entity_samples[(*param.labels, "Fund")[0]] if param.type == "entity" else samples[param.type]
            for param in query.params
            if param.required
        }
        raw.update(overrides.get(name, {}))
        result = run_saved_query(handmade, query, raw)
        assert result.columns == query.returns, name


def test_header_parsing() -> None:
    text = (
        "// title: T\n// description: one\n// description: two\n"
        "// param: who: entity — someone\n// param: n: int = 5 — how many\n// param: k: string = null\n"
        "// returns: a, b\nMATCH (n:Entity {id: $who}) RETURN n.name AS a, $n AS b, $k AS c\n"
    )
    query = parse_query("p/q", text)
    assert (query.title, query.description, query.returns) == ("T", "one two", ["a", "b"])
    assert [(p.name, p.type, p.default, p.required, p.description) for p in query.params] == [
        ("who", "entity", None, True, "someone"),
        ("n", "int", "5", False, "how many"),
        ("k", "string", "null", False, ""),
    ]
    assert query.cypher.startswith("MATCH")
    assert bind_params(query, {"who": "深创投"}) == {"who": "深创投", "n": 5, "k": None}
    with pytest.raises(InputError, match=r"uses \$x without"):
        parse_query("p/q", "// title: T\nMATCH (n) WHERE n.id = $x RETURN n")
    with pytest.raises(InputError, match="not one of"):
        parse_query("p/q", "// title: T\n// param: x: date\nRETURN $x")
    with pytest.raises(InputError, match="not an entity label"):
        parse_query("p/q", "// title: T\n// param: x: entity(Fnd)\nRETURN $x")
    labelled = parse_query("p/q", "// title: T\n// param: x: entity(Fund|Company) — one\nRETURN $x")
    assert labelled.params[0].labels == ("Fund", "Company") and labelled.params[0].type_text == "entity(Fund|Company)"


def test_bind_params_types_and_errors() -> None:
    query = find_query("money/reach")
    bound = bind_params(query, {"from": "深创投", "max_depth": "2"})
    assert bound == {"from": "深创投", "max_depth": 2, "limit": 100}  # limit: its default
    assert bind_params(query, {"from": "深创投"})["max_depth"] == 4
    with pytest.raises(InputError, match="needs --param from="):
        bind_params(query, {})
    with pytest.raises(InputError, match="must be a whole number"):
        bind_params(query, {"from": "x", "max_depth": "deep"})
    with pytest.raises(InputError, match="has no parameter 'depth'"):
        bind_params(query, {"from": "x", "depth": "2"})


def test_write_clause_detection() -> None:
    assert write_clause("MATCH (n) SET n.x = 1") == "SET"
    assert write_clause("MATCH (n) DETACH DELETE n") == "DETACH"
    assert write_clause("CREATE (n:X)") == "CREATE"
    assert write_clause("CALL db.idx.fulltext.createNodeIndex('X', 'name')") is not None
    assert write_clause("MATCH (n {set: 1}) WHERE n.name = 'CREATE' RETURN n.merge // DELETE") is None
    assert write_clause("MATCH (n:Entity) RETURN n.name AS created") is None


# --- every query's answers on the hand-made graph ------------------------------------------


def test_funds_hierarchy(handmade: FalkorStore) -> None:
    rows = run(handmade, "funds/hierarchy", fund="引导基金")  # an alias of the national fund
    assert [(row["fund"], row["depth"], row["parent"]) for row in rows] == [
        ("京津冀创业投资引导基金", 1, "国家创业投资引导基金"),
        ("粤港澳大湾区创业投资引导基金", 1, "国家创业投资引导基金"),
        ("长三角创业投资引导基金", 1, "国家创业投资引导基金"),
        ("大湾区种子子基金", 2, "粤港澳大湾区创业投资引导基金"),
    ]
    assert isinstance(rows[-1]["path"], GraphPath) and len(rows[-1]["path"].nodes) == 3
    assert len(run(handmade, "funds/hierarchy", fund="国家创业投资引导基金", max_depth=1)) == 3


def test_funds_managers_and_managed_by(handmade: FalkorStore) -> None:
    rows = run(handmade, "funds/managers", fund="京津冀创业投资引导基金")
    assert [(row["manager"], row["kind"], row["parent"]) for row in rows] == [("中金资本", "investor", "中投公司")]
    assert rows[0]["evidence"] == "中金资本MANAGES京津冀创业投资引导基金。"
    with pytest.raises(InputError, match=r"no Fund named '深创投' in the graph \(found only 深创投 \(Institution\)\)"):
        run(handmade, "funds/managers", fund="深创投")  # an entity of the wrong label is not taken
    rows = run(handmade, "funds/managed-by", manager="深圳市创新投资集团")
    assert column(rows, "fund") == ["粤港澳大湾区创业投资引导基金"]


def test_funds_by_size(handmade: FalkorStore) -> None:
    rows = run(handmade, "funds/by-size")
    assert column(rows, "fund") == [
        "国家创业投资引导基金",
        "京津冀创业投资引导基金",
        "粤港澳大湾区创业投资引导基金",
        "长三角创业投资引导基金",
        "中信医疗产业基金",
        "大湾区种子子基金",
    ]
    assert rows[0]["amount_cny"] == 1.0e11 and rows[1]["managers"] == ["中金资本"]
    assert column(run(handmade, "funds/by-size", min_cny=5e10, limit=2), "fund") == [
        "国家创业投资引导基金",
        "京津冀创业投资引导基金",
    ]


def test_funds_established_by_and_co_founders(handmade: FalkorStore) -> None:
    rows = run(handmade, "funds/established-by", institution="中投公司")
    assert [(row["fund"], row["established_by"], row["via_subsidiary"]) for row in rows] == [
        ("中金科创基金", "中金启元", True)
    ]
    rows = run(handmade, "funds/established-by", institution="浦东创投")
    assert [(row["fund"], row["via_subsidiary"]) for row in rows] == [("引领区基金", False)]
    rows = run(handmade, "funds/co-founders")
    assert [(row["fund"], row["founder_a"], row["founder_b"]) for row in rows] == [
        ("中信医疗产业基金", "中信基金", "崂山科创集团")  # the names in order
    ]
    assert run(handmade, "funds/co-founders", fund="国家创业投资引导基金") == []


def test_co_founders_of_a_fund_with_many_founders(falkor_server: ServerAddress) -> None:
    """Every pair once, in order, and `limit` takes the first ones: also where it cuts inside a fund."""
    store = FalkorStore(falkor_server, f"queries_founders_{os.getpid()}")
    try:
        founders = [f"创始机构{number:02d}" for number in range(12)]
        document = Document("art-founders", "corpus/founders.txt", "多家机构共同设立基金", "（正文）")
        funds = ["甲基金", "乙基金"]
        nodes = [
            Node(entity_id("Institution", name), "Institution", name, [name], {}, [document.id]) for name in founders
        ]
        nodes += [Node(entity_id("Fund", name), "Fund", name, [name], {}, [document.id]) for name in funds]
        edges = [  # 甲基金: all twelve founders (66 pairs); 乙基金: the last three (3 pairs)
            Edge("ESTABLISHED", entity_id("Institution", name), entity_id("Fund", fund), {}, [], 0.9)
            for fund, members in (("甲基金", founders[::-1]), ("乙基金", founders[-3:]))
            for name in members
        ]
        writer = GraphWriter(store)
        writer.ensure_indexes()
        writer.write(Extraction(document, nodes, edges))
        every = sorted(
            [("甲基金", a, b) for i, a in enumerate(founders) for b in founders[i + 1 :]]
            + [("乙基金", a, b) for i, a in enumerate(founders[-3:]) for b in founders[-3:][i + 1 :]]
        )
        for limit in (1, 11, 12, 40, 66, 67, 1000):
            rows = run(store, "funds/co-founders", limit=limit)
            assert [(row["fund"], row["founder_a"], row["founder_b"]) for row in rows] == every[:limit], limit
        rows = run(store, "funds/co-founders", fund="乙基金")
        assert [(row["founder_a"], row["founder_b"]) for row in rows] == [pair[1:] for pair in every[-3:]]
    finally:
        store.delete_graph()
        store.close()


def test_money_reach(handmade: FalkorStore) -> None:
    rows = run(handmade, "money/reach", **{"from": "国家创业投资引导基金"})
    assert [(row["reaches"], row["label"], row["depth"]) for row in rows] == [
        ("京津冀创业投资引导基金", "Fund", 1),
        ("粤港澳大湾区创业投资引导基金", "Fund", 1),
        ("长三角创业投资引导基金", "Fund", 1),
        ("大湾区种子子基金", "Fund", 2),
        ("逐际动力", "Company", 3),
    ]
    assert rows[-1]["via"] == ["粤港澳大湾区创业投资引导基金", "大湾区种子子基金"]
    assert rows[-1]["path"] == [  # names and relationship types, in the direction the money goes
        "国家创业投资引导基金",
        "-ESTABLISHED->",
        "粤港澳大湾区创业投资引导基金",
        "-INVESTED_IN->",
        "大湾区种子子基金",
        "-INVESTED_IN->",
        "逐际动力",
    ]
    # The cap keeps the first rows in order; the depth bound cuts longer paths.
    assert [row["reaches"] for row in run(handmade, "money/reach", **{"from": "国家创业投资引导基金", "limit": 2})] == [
        "京津冀创业投资引导基金",
        "粤港澳大湾区创业投资引导基金",
    ]
    shallow = run(handmade, "money/reach", **{"from": "国家创业投资引导基金", "max_depth": 2})
    assert [row["depth"] for row in shallow] == [1, 1, 1, 2]
    assert run(handmade, "money/reach", **{"from": _id("国家创业投资引导基金"), "max_depth": 2}) == shallow  # by id
    rows = run(handmade, "money/reach", **{"from": "浦东创投集团"})
    assert [(row["reaches"], row["depth"], row["via"]) for row in rows] == [
        ("引领区基金", 1, []),
        ("英矽智能", 1, []),
        ("沐曦股份", 2, ["引领区基金"]),
    ]


def test_a_path_of_names_reads_as_a_path_in_a_table(handmade: FalkorStore) -> None:
    [row] = run(handmade, "money/reach", **{"from": "浦东创投", "max_depth": 1, "limit": 1})
    assert display(row["path"]) == "浦东创投 -ESTABLISHED-> 引领区基金"
    assert display(["中金资本", "<-SUBSIDIARY_OF-", "中金启元"]) == "中金资本 <-SUBSIDIARY_OF- 中金启元"
    assert display(["中金资本", "中金启元", "中投公司"]) == "中金资本, 中金启元, 中投公司"  # names only: a list


def test_money_investors(handmade: FalkorStore) -> None:
    rows = run(handmade, "money/top-investors", limit=3)
    assert (rows[0]["investor"], rows[0]["investees"], sorted(rows[0]["names"])) == (
        "上海国投",
        2,
        ["壁仞科技", "燧原科技"],
    )
    assert len(rows) == 3 and all(row["investees"] == 1 for row in rows[1:])
    rows = run(handmade, "money/co-investors")
    assert sorted(
        (frozenset((row["investor_a"], row["investor_b"])), tuple(row["investees"])) for row in rows
    ) == sorted(
        [(frozenset(("上海国投", "上海国际集团")), ("燧原科技",)), (frozenset(("浦东创投", "浦发集团")), ("英矽智能",))]
    )
    assert run(handmade, "money/co-investors", min_shared=2) == []
    rows = run(handmade, "money/investors-of", company="沐曦股份")
    assert [(row["investor"], row["depth"], row["via"]) for row in rows] == [
        ("引领区基金", 1, []),
        ("浦东创投", 2, ["引领区基金"]),
    ]


def test_policy_pack(handmade: FalkorStore) -> None:
    rows = run(handmade, "policy/by-issuer", issuer="发改委")  # the shared alias picks the shorter name
    assert column(rows, "policy") == []  # 国家发改委 issued nothing: it is the duplicate
    rows = run(handmade, "policy/by-issuer", issuer="国家发展改革委")
    assert column(rows, "policy") == ["人工智能+制造专项行动实施意见", "集成电路产业发展规划"]
    assert len(run(handmade, "policy/by-issuer")) == 3
    rows = run(handmade, "policy/issuers-ranked")
    assert [(row["issuer"], row["kind"], row["policies"]) for row in rows] == [
        ("国家发展改革委", "government", 2),
        ("国务院办公厅", "government", 1),
    ]
    rows = run(handmade, "policy/article-cites", article="a.txt")
    policies = {row["name"]: row["issued_by"] for row in rows if row["label"] == "Policy"}
    assert policies == {
        "促进创业投资高质量发展的若干政策措施": ["国务院办公厅"],
        "人工智能+制造专项行动实施意见": ["国家发展改革委"],
        "集成电路产业发展规划": ["国家发展改革委"],
    }
    assert sum(row["label"] == "Institution" for row in rows) == 16
    assert [(row["policy"], row["how"]) for row in run(handmade, "policy/by-sector", sector="集成电路")] == [
        ("集成电路产业发展规划", "focus")
    ]
    assert [(row["policy"], row["how"]) for row in run(handmade, "policy/by-sector", sector="人工智能")] == [
        ("人工智能+制造专项行动实施意见", "title")
    ]


def test_actors_neighbourhood_and_connection(handmade: FalkorStore) -> None:
    rows = run(handmade, "actors/neighbourhood", entity="中金资本")
    assert sorted(column(rows, "neighbour")) == sorted(["中投公司", "中金启元", "京津冀创业投资引导基金"])
    assert set(column(rows, "distance")) == {1}
    paths = {row["neighbour"]: row["path"] for row in rows}  # names and relationship types, with direction
    assert paths["中投公司"] == ["中金资本", "-SUBSIDIARY_OF->", "中投公司"]
    assert paths["中金启元"] == ["中金资本", "<-SUBSIDIARY_OF-", "中金启元"]
    rows = run(handmade, "actors/neighbourhood", entity="中金资本", hops=2)
    assert [row["neighbour"] for row in rows if row["distance"] == 2] == ["中金科创基金", "国家创业投资引导基金"]
    paths = {row["neighbour"]: row["path"] for row in rows}
    assert paths["国家创业投资引导基金"] == [
        "中金资本",
        "-MANAGES->",
        "京津冀创业投资引导基金",
        "<-ESTABLISHED-",
        "国家创业投资引导基金",
    ]
    assert paths["中金科创基金"] == ["中金资本", "<-SUBSIDIARY_OF-", "中金启元", "-ESTABLISHED->", "中金科创基金"]
    # Each neighbour once, at its shortest distance: 国家创业投资引导基金 is 2 away from 京津冀…, never 3.
    rows = run(handmade, "actors/neighbourhood", entity="京津冀创业投资引导基金", hops=2)
    assert [(row["neighbour"], row["distance"]) for row in rows] == [
        ("国家创业投资引导基金", 1),
        ("中金资本", 1),
        ("粤港澳大湾区创业投资引导基金", 2),
        ("长三角创业投资引导基金", 2),
        ("中投公司", 2),
        ("中金启元", 2),
    ]
    # The cap: one neighbour at distance 1, and distance 2 only through that one.
    capped = run(handmade, "actors/neighbourhood", entity="京津冀创业投资引导基金", hops=2, limit=1)
    assert [row["distance"] for row in capped] == [1, 2]
    assert capped[1]["path"][2] == capped[0]["neighbour"]
    rows = run(handmade, "actors/connection", **{"from": "中金资本", "to": "深创投"})
    assert [(row["steps"], row["names"]) for row in rows] == [
        (4, ["中金资本", "京津冀创业投资引导基金", "国家创业投资引导基金", "粤港澳大湾区创业投资引导基金", "深创投"])
    ]
    assert rows[0]["path"] == [  # each relationship in the direction it goes
        "中金资本",
        "-MANAGES->",
        "京津冀创业投资引导基金",
        "<-ESTABLISHED-",
        "国家创业投资引导基金",
        "-ESTABLISHED->",
        "粤港澳大湾区创业投资引导基金",
        "<-MANAGES-",
        "深创投",
    ]
    # The search starts from the end with fewer relationships (深创投 here); the path still runs from `from`.
    back = run(handmade, "actors/connection", **{"from": "深创投", "to": "中金资本"})
    assert [row["path"] for row in back] == [
        [
            "深创投",
            "-MANAGES->",
            "粤港澳大湾区创业投资引导基金",
            "<-ESTABLISHED-",
            "国家创业投资引导基金",
            "-ESTABLISHED->",
            "京津冀创业投资引导基金",
            "<-MANAGES-",
            "中金资本",
        ]
    ]
    assert run(handmade, "actors/connection", **{"from": "中金资本", "to": "低空经济"}) == []


def test_actors_kinds_ownership_people_places(handmade: FalkorStore) -> None:
    rows = run(handmade, "actors/institutions-by-kind", kind="government")
    assert [(row["institution"], row["relationships"]) for row in rows] == [
        ("国家发展改革委", 2),
        ("国务院办公厅", 1),
        ("国家发改委", 0),
    ]
    assert len(run(handmade, "actors/institutions-by-kind")) == 16
    expected_tree = [("中投公司", None, 0), ("中金资本", "中投公司", 1), ("中金启元", "中金资本", 2)]
    for member in ("中金启元", "中投公司"):
        rows = run(handmade, "actors/ownership-tree", entity=member)
        assert [(row["member"], row["parent"], row["depth"]) for row in rows] == expected_tree
        assert set(column(rows, "root")) == {"中投公司"}
    rows = run(handmade, "actors/people")
    assert [(row["person"], row["organisation"], row["title"]) for row in rows] == [
        ("张俊芳", "中国科学技术发展战略研究院", "研究员"),
        ("张春光", "青岛银行", "副行长"),
    ]
    assert column(run(handmade, "actors/people", organisation="青岛银行"), "person") == ["张春光"]
    rows = run(handmade, "actors/in-place", place="青岛")
    assert [(row["label"], row["name"]) for row in rows] == [
        ("Institution", "崂山科创集团"),
        ("Institution", "青岛银行"),
    ]


def test_provenance_pack(handmade: FalkorStore) -> None:
    rows = run(handmade, "provenance/evidence", a="粤港澳大湾区创业投资引导基金", b="深创投")
    assert [(row["source"], row["type"], row["target"], row["article"]) for row in rows] == [
        ("深创投", "MANAGES", "粤港澳大湾区创业投资引导基金", "上海GPU四小龙上市"),
        ("深创投", "MANAGES", "粤港澳大湾区创业投资引导基金", "国家创业投资引导基金启动"),
    ]
    sentence = "深创投MANAGES粤港澳大湾区创业投资引导基金。"
    assert all(row["sentence"] == sentence and row["end"] - row["start"] == len(sentence) for row in rows)
    rows = run(handmade, "provenance/mentions", entity="深创投")
    assert [(row["article"], row["facts"]) for row in rows] == [
        ("上海GPU四小龙上市", 1),
        ("国家创业投资引导基金启动", 1),
    ]
    assert len(run(handmade, "provenance/mentions", entity="低空经济")) == 1
    rows = run(handmade, "provenance/single-source", limit=1000)
    assert len(rows) == len(EDGES_A) + len(EDGES_B) - 2  # not the edge in both articles, not the unbacked one
    assert ("深创投", "MANAGES") not in {(row["source"], row["type"]) for row in rows}
    assert len(run(handmade, "provenance/single-source", type="ISSUED")) == 3
    rows = run(handmade, "provenance/article-facts", article="b.txt")
    assert len(rows) == len(EDGES_B)
    assert (rows[0]["source"], rows[0]["type"], rows[0]["start"]) == ("深创投", "MANAGES", 0)


def test_quality_pack(handmade: FalkorStore) -> None:
    rows = run(handmade, "quality/orphans")
    assert [(row["label"], row["name"]) for row in rows] == [
        ("Institution", "国家发改委"),
        ("Institution", "青岛银行股份有限公司"),
        ("Sector", "人工智能"),  # policies name it in their titles, but no relationship points at it
        ("Sector", "低空经济"),
    ]
    assert column(run(handmade, "quality/orphans", label="Sector"), "name") == ["人工智能", "低空经济"]
    rows = run(handmade, "quality/duplicates")
    found = {(frozenset((row["name_a"], row["name_b"])), row["reason"]) for row in rows}
    assert found == {
        (frozenset(("青岛银行", "青岛银行股份有限公司")), "name contains name"),
        (frozenset(("国家发展改革委", "国家发改委")), "shared alias"),
    }
    rows = run(handmade, "quality/edges-without-evidence")
    assert [(row["source"], row["type"], row["target"]) for row in rows] == [
        ("中信基金", "ESTABLISHED", "中信医疗产业基金")
    ]
    rows = run(handmade, "quality/low-confidence")
    assert [(row["source"], row["target"], row["confidence"]) for row in rows] == [("上海国际集团", "燧原科技", 0.5)]


# --- read-only: a saved query that writes is refused ---------------------------------------

WRITING_QUERY = (
    "// title: Sneaky\n// description: tries to write\n// returns: n\nMATCH (n:Entity) SET n.flag = true RETURN n\n"
)


def _writing_pack(root: Path) -> Path:
    pack = root / "mine"
    pack.mkdir(parents=True)
    (pack / "sneaky.cypher").write_text(WRITING_QUERY, encoding="utf-8")
    (pack / "funds-count.cypher").write_text(
        "// title: Funds\n// description: how many funds\n// returns: funds\nMATCH (f:Fund) RETURN count(f) AS funds\n",
        encoding="utf-8",
    )
    return root


def test_a_writing_saved_query_is_refused(handmade: FalkorStore, tmp_path: Path) -> None:
    query = find_query("mine/sneaky", [_writing_pack(tmp_path)])
    with pytest.raises(StoreError, match="refused: saved queries run read-only"):
        run_saved_query(handmade, query, {})
    # The database refuses too: FalkorDB's read-only command does not run a write.
    with pytest.raises(StoreError, match="refused"):
        handmade.query(query.cypher, write=False)
    assert handmade.query("MATCH (n:Entity) WHERE n.flag = true RETURN count(n)").scalar() == 0


# --- the same queries over the Neo4j store (the real neo4j driver, over Bolt) --------------

NEO4J_CHECKS: list[tuple[str, dict[str, str]]] = [
    ("money/reach", {"from": "国家创业投资引导基金"}),
    ("actors/neighbourhood", {"entity": "中金资本", "hops": "2"}),
    ("actors/connection", {"from": "中金资本", "to": "深创投"}),
    ("funds/co-founders", {}),
    ("funds/hierarchy", {"fund": "引导基金"}),
    ("funds/managers", {"fund": "京津冀创业投资引导基金"}),
    ("money/co-investors", {}),
    ("actors/ownership-tree", {"entity": "中金启元"}),
    ("provenance/evidence", {"a": "深创投", "b": "粤港澳大湾区创业投资引导基金"}),
    ("quality/duplicates", {}),
    ("policy/issuers-ranked", {}),
]


def _comparable(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows with paths as their node names: element ids differ between the two stores."""

    def plain(value: Any) -> Any:
        if isinstance(value, GraphPath):
            return [node.properties.get("name") for node in value.nodes]
        return value

    return [[plain(value) for value in row] for row in rows]


def test_queries_on_the_neo4j_store(
    handmade: FalkorStore, neo4j_store: Neo4jStore, bolt_server: ServerAddress, tmp_path: Path
) -> None:
    # Written through FalkorDB's own protocol into the graph its Bolt endpoint serves ("falkordb"):
    # the experimental Bolt endpoint drops the connection on the writer's statement for this many
    # nodes (seen with ~40 nodes in one statement). The queries below are read through Bolt.
    with FalkorStore(bolt_server, "falkordb") as writer_store:
        write_handmade(writer_store)
    for name, params in NEO4J_CHECKS:
        query = find_query(name)
        over_bolt = run_saved_query(neo4j_store, query, params)
        embedded = run_saved_query(handmade, query, params)
        assert over_bolt.columns == embedded.columns, name
        assert over_bolt.rows and _comparable(over_bolt.rows) == _comparable(embedded.rows), name
    # FalkorDB's Bolt endpoint does not enforce the READ access mode (a real Neo4j does), so the
    # runner's own check is what refuses a writing saved query there.
    with pytest.raises(StoreError, match="refused"):
        run_saved_query(neo4j_store, find_query("mine/sneaky", [_writing_pack(tmp_path)]), {})
    assert neo4j_store.query("MATCH (n:Entity) WHERE n.flag = true RETURN count(n)").scalar() == 0


# --- the CLI -------------------------------------------------------------------------------


def _cli(runner: CliRunner, *args: str) -> Any:
    from capgraph.cli import app  # imported here: the CLI is not needed by the tests above

    return runner.invoke(app, list(args))


def test_cli_list_and_show(runner: CliRunner) -> None:
    listed = _cli(runner, "query", "list")
    assert listed.exit_code == 0, listed.output
    for name in ("money/reach", "funds/hierarchy", "quality/duplicates", "provenance/evidence"):
        assert name in listed.output
    shown = _cli(runner, "query", "show", "money/reach")
    assert shown.exit_code == 0, shown.output
    assert "Follow the money" in shown.output and "max_depth" in shown.output and "MATCH" in shown.output


def test_cli_run_formats(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    with FalkorStore.embedded(data_dir) as store:
        write_handmade(store)
    table = _cli(runner, "query", "run", "money/reach", "--param", "from=国家创业投资引导基金")
    assert table.exit_code == 0, table.output
    assert "逐际动力" in table.output and "5 rows" in table.output
    as_json = _cli(
        runner, "query", "run", "money/reach", "-p", "from=浦东创投", "-p", "max_depth=1", "--format", "json"
    )
    assert as_json.exit_code == 0, as_json.output
    records = json.loads(as_json.stdout)
    assert [record["reaches"] for record in records] == ["引领区基金", "英矽智能"]
    assert records[0]["path"] == ["浦东创投", "-ESTABLISHED->", "引领区基金"]
    out = tmp_path / "managers.csv"
    as_csv = _cli(runner, "query", "run", "funds/managers", "-p", "fund=京津冀创业投资引导基金", "--out", str(out))
    assert as_csv.exit_code == 0, as_csv.output
    assert out.read_text(encoding="utf-8").splitlines()[:2] == [
        "manager,kind,parent,evidence",
        "中金资本,investor,中投公司,中金资本MANAGES京津冀创业投资引导基金。",
    ]
    user_pack = _cli(runner, "query", "run", "mine/funds-count", "--pack-dir", str(_writing_pack(tmp_path / "p")))
    assert user_pack.exit_code == 0 and "8" in user_pack.output


ERROR_CASES: list[tuple[list[str], str]] = [
    (["query", "run", "money/nowhere"], "no saved query named 'money/nowhere'"),
    (["query", "run", "reach"], "did you mean money/reach"),
    (["query", "show", "funds/none"], "no saved query named"),
    (["query", "run", "money/reach"], "needs --param from="),
    (["query", "run", "money/reach", "-p", "from=深创投", "-p", "max_depth=deep"], "must be a whole number"),
    (["query", "run", "money/reach", "-p", "from=深创投", "-p", "depth=2"], "has no parameter 'depth'"),
    (["query", "run", "money/reach", "-p", "from"], "--param takes name=value"),
    (
        ["query", "run", "money/reach", "-p", "from=没有这个机构"],
        "no Institution or Fund or Company named '没有这个机构'",
    ),
]


@pytest.mark.parametrize(("args", "message"), ERROR_CASES, ids=[message for _, message in ERROR_CASES])
def test_cli_errors_are_one_line(runner: CliRunner, data_dir: Path, args: list[str], message: str) -> None:
    result = _cli(runner, *args)
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_cli_refuses_a_writing_user_query(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    result = _cli(runner, "query", "run", "mine/sneaky", "--pack-dir", str(_writing_pack(tmp_path)))
    assert result.exit_code != 0
    assert "writes to the graph (SET); refused" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not data_dir.exists()  # refused before any database was started
