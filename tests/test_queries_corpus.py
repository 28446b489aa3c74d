"""Saved queries on the graph of the five sample articles (data/corpus), on the embedded FalkorDB.

The extraction keeps improving, so these tests assert facts the articles state plainly and that
are already extracted, with "at least" where the extractor may add more. Names are compared
through the graph's own lookup (any alias), so a better canonical name does not break them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from capgraph.graph.embedded import ServerAddress
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.lookup import find_entity
from capgraph.ingest import ingest
from capgraph.loaders.pipeline import read_document
from capgraph.queries.packs import find_query, load_packs
from capgraph.queries.runner import run_saved_query

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def corpus_store(falkor_server: ServerAddress) -> Iterator[FalkorStore]:
    store = FalkorStore(falkor_server, f"queries_corpus_{os.getpid()}")
    store.delete_graph()
    store = FalkorStore(falkor_server, f"queries_corpus_{os.getpid()}")
    report = ingest(sorted(CORPUS.glob("*.txt")), store)
    assert len(report.articles) == 5
    try:
        yield store
    finally:
        store.delete_graph()
        store.close()


def run(store: FalkorStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_saved_query(store, find_query(name), {key: str(value) for key, value in params.items()}).records()


def name_of(store: FalkorStore, alias: str) -> str:
    """The canonical name the graph has for what an article calls `alias`."""
    return str(find_entity(store, alias).properties["name"])


def test_every_saved_query_runs_on_the_sample_graph(corpus_store: FalkorStore) -> None:
    samples = {
        "Fund": "京津冀创业投资引导基金",
        "Institution": "深创投",
        "Company": "青岛镭测创芯科技有限公司",
        "Sector": None,
        "Place": None,
    }
    ran = 0
    for name, query in load_packs().items():
        raw: dict[str, str] = {}
        for param in query.params:
            if param.type == "entity" and param.required:
                sample = samples[(*param.labels, "Institution")[0]]
                if sample is None:
                    break  # no entity of that label is extracted yet
                raw[param.name] = sample
            elif param.required:
                raw[param.name] = "004_cce9e686e333222e.txt"
        else:
            result = run_saved_query(corpus_store, query, raw)
            assert result.columns == query.returns, name
            ran += 1
    assert ran >= 20


def test_who_manages_the_three_regional_funds(corpus_store: FalkorStore) -> None:
    # 004: 京津冀创业投资引导基金,由中投公司下属中金资本作为管理团队 (and 国投创合, 深创投 for the other two).
    for fund, manager in [
        ("京津冀创业投资引导基金", "中金资本"),
        ("长三角创业投资引导基金", "国投创合"),
        ("粤港澳大湾区创业投资引导基金", "深创投"),
    ]:
        rows = run(corpus_store, "funds/managers", fund=fund)
        assert name_of(corpus_store, manager) in [row["manager"] for row in rows], fund
        assert all(fund in row["evidence"] for row in rows)
    rows = run(corpus_store, "funds/managers", fund="京津冀创业投资引导基金")
    assert rows[0]["parent"] == name_of(corpus_store, "中投公司")
    rows = run(corpus_store, "funds/managed-by", manager="深创投")
    assert "粤港澳大湾区创业投资引导基金" in [row["fund"] for row in rows]


def test_evidence_points_at_the_sentence_in_the_article(corpus_store: FalkorStore) -> None:
    rows = run(corpus_store, "provenance/evidence", a="深创投", b="粤港澳大湾区创业投资引导基金")
    assert rows and rows[0]["type"] == "MANAGES"
    article = read_document(CORPUS / "004_cce9e686e333222e.txt")
    assert rows[0]["article"] == article.title
    assert article.text[rows[0]["start"] : rows[0]["end"]] == rows[0]["sentence"]
    assert "由深创投作为管理团队" in rows[0]["sentence"]
    facts = run(corpus_store, "provenance/article-facts", article="004_cce9e686e333222e.txt")
    assert len(facts) >= 3 and {"MANAGES"} <= {row["type"] for row in facts}


def test_money_reach_from_a_venture_arm(corpus_store: FalkorStore) -> None:
    # 002: 巨峰科创 invested in 青岛镭测创芯科技有限公司, 靖帆新材, 罗博科技, 海华生物 …
    rows = run(corpus_store, "money/reach", **{"from": "青岛巨峰科技创业投资有限公司"})
    reached = {row["reaches"] for row in rows if row["depth"] == 1}
    assert {
        name_of(corpus_store, name) for name in ("青岛镭测创芯科技有限公司", "靖帆新材", "罗博科技", "海华生物")
    } <= reached
    assert all(row["path"][0] == rows[0]["path"][0] and row["path"][-1] == row["reaches"] for row in rows)
    investors = run(corpus_store, "money/investors-of", company="青岛镭测创芯科技有限公司")
    assert name_of(corpus_store, "青岛巨峰科技创业投资有限公司") in [row["investor"] for row in investors]
    top = {row["investor"]: row["investees"] for row in run(corpus_store, "money/top-investors")}
    assert top[name_of(corpus_store, "青岛巨峰科技创业投资有限公司")] >= 4


def test_money_reach_from_the_national_fund(corpus_store: FalkorStore) -> None:
    rows = run(corpus_store, "money/reach", **{"from": "国家创业投资引导基金"})
    regional = {"京津冀创业投资引导基金", "长三角创业投资引导基金", "粤港澳大湾区创业投资引导基金"}
    assert regional <= {row["reaches"] for row in rows}


def test_laoshan_group_tree_and_funds(corpus_store: FalkorStore) -> None:
    # 002: 旗下青岛高科产业发展有限公司、青岛巨峰科技创业投资有限公司和青岛微电子创新中心有限公司3家全资子公司
    group = name_of(corpus_store, "崂山科创集团")
    rows = run(corpus_store, "actors/ownership-tree", entity="青岛巨峰科技创业投资有限公司")
    assert {row["root"] for row in rows} == {group}
    children = {row["member"] for row in rows if row["parent"] == group}
    assert {"青岛高科产业发展有限公司", "青岛巨峰科技创业投资有限公司", "青岛微电子创新中心有限公司"} <= children
    # … 与中信基金、市级创业投资引导基金管理中心、朗咸控股集团等单位合作成立了10亿元的中信医疗产业基金
    rows = run(corpus_store, "funds/established-by", institution="崂山科创集团")
    assert "中信医疗产业基金" in [row["fund"] for row in rows]
    pairs = {frozenset((row["founder_a"], row["founder_b"])) for row in run(corpus_store, "funds/co-founders")}
    assert frozenset((group, name_of(corpus_store, "中信基金"))) in pairs


def test_funds_by_size(corpus_store: FalkorStore) -> None:
    sizes = {row["fund"]: row["amount_cny"] for row in run(corpus_store, "funds/by-size")}
    assert sizes.get("科创母基金") == 1.2e10  # 000: 规模120亿元的科创母基金
    amounts = list(sizes.values())
    assert amounts == sorted(amounts, reverse=True)


def test_policies_and_issuers(corpus_store: FalkorStore) -> None:
    # 000: 国务院办公厅发布的《促进创业投资高质量发展的若干政策措施》
    rows = run(corpus_store, "policy/by-issuer", issuer="国务院办公厅")
    assert "促进创业投资高质量发展的若干政策措施" in [row["policy"] for row in rows]
    ranked = {row["issuer"]: row["policies"] for row in run(corpus_store, "policy/issuers-ranked")}
    assert ranked.get("国务院办公厅", 0) >= 1 and ranked.get(name_of(corpus_store, "青岛金融监管局"), 0) >= 1
    # 004: 青岛金融监管局印发2026年1号文件《青岛市银行业保险业金融“五篇大文章”高质量发展行动方案》
    cited = run(corpus_store, "policy/article-cites", article="004_cce9e686e333222e.txt")
    issued_by = {row["name"]: row["issued_by"] for row in cited if row["label"] == "Policy"}
    assert issued_by["青岛市银行业保险业金融“五篇大文章”高质量发展行动方案"] == [
        name_of(corpus_store, "青岛金融监管局")
    ]


def test_people_and_kinds(corpus_store: FalkorStore) -> None:
    # 001: (作者张俊芳、张明喜均系中国科学技术发展战略研究院研究员); 004: 东方富海董事长陈玮
    people = {(row["person"], row["organisation"], row["title"]) for row in run(corpus_store, "actors/people")}
    assert {
        ("张俊芳", "中国科学技术发展战略研究院", "研究员"),
        ("张明喜", "中国科学技术发展战略研究院", "研究员"),
        ("陈玮", name_of(corpus_store, "东方富海"), "董事长"),
    } <= people
    government = [row["institution"] for row in run(corpus_store, "actors/institutions-by-kind", kind="government")]
    assert "国务院办公厅" in government
    neighbours = {row["neighbour"] for row in run(corpus_store, "actors/neighbourhood", entity="中金资本")}
    assert {"京津冀创业投资引导基金", name_of(corpus_store, "中投公司")} <= neighbours
    rows = run(corpus_store, "actors/connection", **{"from": "国投创合", "to": "长三角创业投资引导基金"})
    assert rows and rows[0]["steps"] == 1


def test_provenance_and_quality_invariants(corpus_store: FalkorStore) -> None:
    mentioned_in = {
        row["path"].rsplit("/", 1)[-1][:3] for row in run(corpus_store, "provenance/mentions", entity="深创投")
    }
    assert {"000", "004"} <= mentioned_in  # 000 lists 深创投 among investors; 004 names it as a manager
    assert run(corpus_store, "quality/edges-without-evidence") == []  # every extracted fact has evidence
    single = run(corpus_store, "provenance/single-source", limit=10000)
    assert single and all(row["article"] and row["sentence"] for row in single)
    for row in run(corpus_store, "quality/orphans"):
        entity = find_entity(corpus_store, row["id"])
        linked = corpus_store.query("MATCH (e:Entity {id: $id})-[r]-(:Entity) RETURN count(r)", {"id": entity.id})
        assert linked.scalar() == 0, row
    for row in run(corpus_store, "quality/duplicates"):
        a, b = row["name_a"], row["name_b"]
        assert a in b or b in a or row["shared_aliases"] or row["reason"] == "same name without its legal form", row
