"""Analytics on the hand-made graph: exact, deterministic answers; write-back for the views."""

from __future__ import annotations

import networkx as nx
import pytest
from test_viz_support import FUND, NODE_COUNT, REGIONAL, build_sample_graph, eid

from capgraph.graph.analytics import analyse, weighted_pagerank, write_back
from capgraph.graph.subgraph import whole_graph
from capgraph.viz.page import ViewOptions, render_page


@pytest.fixture
def sample_store(store):
    return build_sample_graph(store)


def test_measures_communities_components(sample_store):
    analysis = analyse(whole_graph(sample_store))
    assert len(analysis.nodes) == NODE_COUNT
    # Components: the fund family (7 with 深圳), 国务院办公厅+policy, 浦东创投+沐曦, 张俊芳+研究院.
    assert [len(ids) for ids in analysis.components] == [7, 2, 2, 2]
    assert analysis.top("degree", 1)[0].name in {REGIONAL[0], REGIONAL[1]}
    assert analysis.top("betweenness", 1)[0].name in {FUND, *REGIONAL}
    assert sum(score.pagerank for score in analysis.nodes.values()) == pytest.approx(1.0)
    # Every community lies inside one component, and the numbering covers them all.
    for ids in analysis.communities:
        assert len({analysis.nodes[i].component for i in ids}) == 1
    assert sorted({s.community for s in analysis.nodes.values()}) == list(range(len(analysis.communities)))
    # Bridges join different communities, and count the relationships between them.
    for bridge in analysis.bridges:
        a, b = bridge.communities
        assert a < b and bridge.relationships >= 1 and bridge.examples


def test_deterministic(sample_store):
    first, second = analyse(whole_graph(sample_store)), analyse(whole_graph(sample_store))
    assert first.communities == second.communities
    assert first.to_json() == second.to_json()


def test_write_back_then_size_and_colour_by(sample_store):
    analysis = analyse(whole_graph(sample_store))
    assert write_back(sample_store, analysis) == NODE_COUNT
    row = sample_store.query(
        "MATCH (n:Fund {id: $id}) RETURN n.pagerank, n.community, n.degree, n.component", {"id": eid(FUND)}
    ).rows[0]
    score = analysis.nodes[eid(FUND)]
    assert row == [pytest.approx(score.pagerank), score.community, score.degree, score.component]
    html, summary = render_page(whole_graph(sample_store), ViewOptions(size_by="pagerank", colour_by="community"))
    assert summary.nodes == NODE_COUNT
    assert '"colourBy":"community"' in html and '"sizeBy":"pagerank"' in html


def test_pagerank_matches_networkx_definition():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    graph = nx.gnp_random_graph(40, 0.08, seed=3, directed=True)
    for a, b in graph.edges:
        graph.edges[a, b]["weight"] = 1 + (a + b) % 3
    graph.add_node(99)  # an isolated, dangling node
    ours = weighted_pagerank(graph)
    theirs = _pagerank_python(graph, weight="weight", tol=1e-12, max_iter=500)
    assert ours == pytest.approx(theirs, abs=1e-8)


def test_big_graphs_get_sampled_betweenness_and_say_so(sample_store, monkeypatch):
    import capgraph.graph.analytics as analytics

    exact = analyse(whole_graph(sample_store))
    assert exact.betweenness_method == "exact" and exact.to_json()["betweenness"] == "exact"
    monkeypatch.setattr(analytics, "EXACT_BETWEENNESS_LIMIT", 1)  # the sample graph counts as big
    sampled = analyse(whole_graph(sample_store))
    assert sampled.betweenness_method.startswith("sampled:") and "seed 42" in sampled.betweenness_method
    assert analyse(whole_graph(sample_store)).nodes == sampled.nodes  # fixed seed: the same answer again
