"""Selections → Subgraph: whole graph, neighbourhood, query results; on FalkorDB and over Bolt."""

from __future__ import annotations

import pytest
from test_viz_support import (
    AROUND_FUND_2,
    ARTICLE_TITLES,
    EDGE_COUNT,
    FUND,
    FUND_ALIAS,
    HOSTILE_NAME,
    HOSTILE_SENTENCE,
    NODE_COUNT,
    REGIONAL,
    RELATIONS,
    build_sample_graph,
    eid,
)

from capgraph.errors import InputError
from capgraph.graph.subgraph import neighbourhood, nodes_with_relationships, query_result_subgraph, whole_graph


@pytest.fixture
def sample_store(store):
    return build_sample_graph(store)


def test_whole_graph_leaves_out_articles_by_default(sample_store):
    sub = whole_graph(sample_store)
    assert len(sub.nodes) == NODE_COUNT
    assert len(sub.relationships) == EDGE_COUNT
    assert "Article" not in sub.label_counts()
    assert set(sub.article_titles.values()) == set(ARTICLE_TITLES)


def test_whole_graph_with_articles(sample_store):
    sub = whole_graph(sample_store, include_articles=True)
    assert sub.label_counts()["Article"] == 2
    mentioned = {(article, name) for _, source, target, article, _ in RELATIONS for name in (source, target)}
    assert sub.type_counts()["MENTIONS"] == len(mentioned)
    assert len(sub.nodes) == NODE_COUNT + 2


def test_neighbourhood_by_alias_two_hops(sample_store):
    sub = neighbourhood(sample_store, FUND_ALIAS, hops=2)
    assert {node.name for node in sub.nodes.values()} == AROUND_FUND_2
    assert sub.focus == eid(FUND)
    assert "国家创业投资引导基金" in sub.description
    # Induced: every relationship among the selected nodes, none leaving it.
    assert sub.type_counts() == {"ESTABLISHED": 2, "INVESTED_IN": 1, "MANAGES": 2}
    hostile = next(rel for rel in sub.relationships.values() if rel.target == eid(HOSTILE_NAME))
    [evidence] = hostile.evidence
    assert evidence.sentence == HOSTILE_SENTENCE
    assert sub.article_titles[evidence.article] == ARTICLE_TITLES[1]


def test_neighbourhood_one_hop_and_bad_input(sample_store):
    sub = neighbourhood(sample_store, FUND, hops=1)
    assert {node.name for node in sub.nodes.values()} == {FUND, *REGIONAL}
    with pytest.raises(InputError, match="no entity"):
        neighbourhood(sample_store, "不存在的机构", hops=1)
    with pytest.raises(InputError, match="hops"):
        neighbourhood(sample_store, FUND, hops=0)


def test_neighbourhood_with_articles_does_not_walk_through_them(sample_store):
    sub = neighbourhood(sample_store, "浦东创投", hops=2, include_articles=True)
    entities = {node.name for node in sub.nodes.values() if node.label != "Article"}
    assert entities == {"浦东创投", "沐曦股份"}
    assert sub.label_counts()["Article"] == 1


def test_query_result_nodes_relationships_and_paths(sample_store):
    paths = sample_store.query("MATCH p = (:Fund {name: $name})-[:ESTABLISHED]->(:Fund) RETURN p", {"name": FUND})
    sub = query_result_subgraph(sample_store, paths, description="paths")
    assert {node.name for node in sub.nodes.values()} == {FUND, *REGIONAL}
    assert len(sub.relationships) == 2

    # Bare relationships: their end nodes are fetched; then the relationships among them.
    rels = sample_store.query("MATCH (:Institution)-[r:MANAGES]->(:Fund) RETURN r")
    sub = query_result_subgraph(sample_store, rels)
    assert sub.type_counts() == {"MANAGES": 2}
    assert len(sub.nodes) == 4

    scalars = sample_store.query("MATCH (n:Fund) RETURN n.name")
    with pytest.raises(InputError, match="no nodes"):
        query_result_subgraph(sample_store, scalars, description="query names")


def test_nodes_with_relationships_is_induced(sample_store):
    sub = nodes_with_relationships(sample_store, [eid(FUND), eid(REGIONAL[0]), eid("深圳")])
    assert len(sub.nodes) == 3
    assert sub.type_counts() == {"ESTABLISHED": 1}


def test_same_selections_over_bolt(neo4j_store):
    build_sample_graph(neo4j_store, bolt_safe=True)
    assert len(whole_graph(neo4j_store).nodes) == NODE_COUNT - 1
    sub = neighbourhood(neo4j_store, FUND_ALIAS, hops=2)
    assert {node.name for node in sub.nodes.values()} == AROUND_FUND_2 - {HOSTILE_NAME}
    rels = neo4j_store.query("MATCH (:Institution)-[r:MANAGES]->(:Fund) RETURN r")
    assert len(query_result_subgraph(neo4j_store, rels).nodes) == 4
