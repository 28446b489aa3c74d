"""Every export format, read back: the same node and edge counts as the source selection."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import PROV, SKOS
from test_viz_support import (
    AROUND_FUND_2,
    EDGE_COUNT,
    FUND,
    FUND_ALIAS,
    HOSTILE_ALIAS,
    HOSTILE_NAME,
    HOSTILE_SENTENCE,
    NODE_COUNT,
    build_sample_graph,
    eid,
)

from capgraph.graph.export import ExportFormat, export_subgraph
from capgraph.graph.export_csv import load_import_csv, read_import_csv
from capgraph.graph.export_cypher import (
    cypher_literal,
    cypher_name,
    cypher_script,
    cypher_script_statements,
    cypher_string,
    load_cypher_script,
    script_statements,
)
from capgraph.graph.export_rdf import CG, rdf_counts
from capgraph.graph.subgraph import Subgraph, SubgraphNode, SubgraphRelationship, neighbourhood, whole_graph

HOSTILE_TEXTS = [
    "it's",
    'say "hi"',
    "back\\slash",
    "trailing\\",
    "new\nline",
    "cr\rtab\tend",
    "<script>alert('x')</script>",
    "\\'; MATCH (n) DETACH DELETE n; //",
    "中文；全角",
    "bell\x07form\x0cfeed\bback",
    "line\u2028sep",
]


@pytest.fixture
def sample_store(store):
    return build_sample_graph(store)


@pytest.fixture
def sample(sample_store) -> Subgraph:
    return whole_graph(sample_store)


def _counts(store) -> tuple[int, int]:
    return (
        store.query("MATCH (n) RETURN count(n)").scalar(),
        store.query("MATCH ()-[r]->() RETURN count(r)").scalar(),
    )


# --- Cypher literals -------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_cypher_string_round_trips_through_falkordb(store, text):
    assert store.query(f"RETURN {cypher_string(text)} AS x").scalar() == text


def test_cypher_literals_and_names():
    assert cypher_string("it's") == "'it\\'s'"
    assert cypher_string("a\\b") == "'a\\\\b'"
    assert cypher_string("x\ny") == "'x\\ny'"
    assert "\n" not in cypher_literal(["a\nb", 1, 2.5, True, None])
    assert cypher_literal(["a", 1, 2.5, True]) == "['a', 1, 2.5, true]"
    assert cypher_name("amount_cny") == "amount_cny"
    assert cypher_name("weird key") == "`weird key`"
    with pytest.raises(ValueError):
        cypher_name("bad`name")
    with pytest.raises(ValueError):
        cypher_literal(float("nan"))


def test_cypher_script_rebuilds_the_subgraph(sample, store, falkor_server):
    script = cypher_script(sample)
    statements = cypher_script_statements(sample)
    assert script_statements(script) == statements
    assert len(statements) == NODE_COUNT + EDGE_COUNT
    assert all("\n" not in statement for statement in statements)

    from capgraph.graph.falkor_store import FalkorStore

    fresh = FalkorStore(falkor_server, "export_cypher_target")
    try:
        load_cypher_script(fresh, script)
        load_cypher_script(fresh, script)  # MERGE by id: twice is the same as once
        assert _counts(fresh) == (NODE_COUNT, EDGE_COUNT)
        back = whole_graph(fresh)
        hostile = back.nodes[eid(HOSTILE_NAME)]
        assert hostile.name == HOSTILE_NAME and HOSTILE_ALIAS in hostile.aliases
        rel = next(r for r in back.relationships.values() if r.target == eid(HOSTILE_NAME))
        assert rel.evidence[0].sentence == HOSTILE_SENTENCE
        assert rel.properties["confidence"] == pytest.approx(0.9)
        assert back.nodes[eid(FUND)].properties["amount_cny"] == pytest.approx(1.0e11)
    finally:
        fresh.delete_graph()
        fresh.close()


def test_cypher_script_of_arbitrary_text(store):
    sub = Subgraph()
    for index, text in enumerate(HOSTILE_TEXTS):
        sub.add_node(
            SubgraphNode(f"n{index}", "Company", text, ("Entity", "Company"), {"id": f"n{index}", "name": text})
        )
    sub.add_relationship(SubgraphRelationship("INVESTED_IN", "n0", "n1", {"evidence_sentences": HOSTILE_TEXTS}))
    load_cypher_script(store, cypher_script(sub))
    names = {row[0] for row in store.query("MATCH (n:Company) RETURN n.name").rows}
    assert names == set(HOSTILE_TEXTS)
    assert store.query("MATCH ()-[r]->() RETURN r.evidence_sentences").scalar() == HOSTILE_TEXTS


# --- networkx formats ---------------------------------------------------------------------------


def test_graphml_round_trip(sample, tmp_path):
    path = tmp_path / "g.graphml"
    export_subgraph(sample, ExportFormat.graphml, path)
    graph = nx.read_graphml(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (NODE_COUNT, EDGE_COUNT)
    fund = graph.nodes[eid(FUND)]
    assert fund["label"] == FUND and fund["capgraph_label"] == "Fund"
    assert FUND_ALIAS in json.loads(fund["aliases"])
    assert graph.nodes[eid(HOSTILE_NAME)]["name"] == HOSTILE_NAME


def test_gexf_round_trip(sample, tmp_path):
    path = tmp_path / "g.gexf"
    export_subgraph(sample, ExportFormat.gexf, path)
    graph = nx.read_gexf(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (NODE_COUNT, EDGE_COUNT)
    assert graph.nodes[eid(HOSTILE_NAME)]["label"] == HOSTILE_NAME


def test_node_link_json_round_trip(sample, tmp_path):
    path = tmp_path / "g.json"
    export_subgraph(sample, ExportFormat.json, path)
    graph = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (NODE_COUNT, EDGE_COUNT)
    assert FUND_ALIAS in graph.nodes[eid(FUND)]["aliases"]


# --- CSV for neo4j-admin --------------------------------------------------------------------------


def test_csv_round_trip(sample, tmp_path, falkor_server):
    folder = tmp_path / "csv"
    export_subgraph(sample, ExportFormat.csv, folder)
    header = (folder / "nodes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID,:LABEL,") and "aliases:string[]" in header and "amount_cny:double" in header
    rel_header = (folder / "relationships.csv").read_text(encoding="utf-8").splitlines()[0]
    assert rel_header.startswith(":START_ID,:END_ID,:TYPE,") and "evidence_starts:long[]" in rel_header
    assert "neo4j-admin database import" in (folder / "import.txt").read_text(encoding="utf-8")

    nodes, relationships = read_import_csv(folder)
    assert (len(nodes), len(relationships)) == (NODE_COUNT, EDGE_COUNT)

    from capgraph.graph.falkor_store import FalkorStore

    fresh = FalkorStore(falkor_server, "export_csv_target")
    try:
        assert load_import_csv(fresh, folder) == (NODE_COUNT, EDGE_COUNT)
        assert _counts(fresh) == (NODE_COUNT, EDGE_COUNT)
        back = whole_graph(fresh)
        assert HOSTILE_ALIAS in back.nodes[eid(HOSTILE_NAME)].aliases
        rel = next(r for r in back.relationships.values() if r.target == eid(HOSTILE_NAME))
        assert rel.evidence[0].sentence == HOSTILE_SENTENCE
        assert back.nodes[eid(FUND)].properties["amount_cny"] == pytest.approx(1.0e11)
    finally:
        fresh.delete_graph()
        fresh.close()


def test_csv_picks_another_array_delimiter_when_items_hold_semicolons(tmp_path):
    sub = Subgraph()
    sub.add_node(SubgraphNode("a", "Company", "A", ("Entity", "Company"), {"id": "a", "aliases": ["x;y", "z"]}))
    export_subgraph(sub, ExportFormat.csv, tmp_path)
    assert "--array-delimiter=|" in (tmp_path / "import.txt").read_text(encoding="utf-8")
    nodes, _ = read_import_csv(tmp_path, delimiter="|")
    assert nodes[0]["properties"]["aliases"] == ["x;y", "z"]


# --- RDF -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [ExportFormat.ttl, ExportFormat.jsonld])
def test_rdf_round_trip(sample, tmp_path, fmt):
    path = tmp_path / f"g{fmt.suffix}"
    export_subgraph(sample, fmt, path)
    graph = Graph().parse(path, format="turtle" if fmt is ExportFormat.ttl else "json-ld")
    assert rdf_counts(graph) == (NODE_COUNT, EDGE_COUNT)
    fund = next(graph.subjects(CG.id, Literal(eid(FUND))))
    assert (fund, RDF.type, CG.Fund) in graph
    assert Literal(FUND_ALIAS, lang="zh") in set(graph.objects(fund, SKOS.altLabel))
    assert len(set(graph.subjects(None, CG.Fund))) == 3
    assert len(list(graph.triples((None, CG.manages, None)))) == 2
    sentences = {str(s) for s in graph.objects(None, CG.sentence)}
    assert HOSTILE_SENTENCE in sentences
    derivations = set(graph.subjects(RDF.type, PROV.Derivation))
    assert len(derivations) == EDGE_COUNT


def test_neighbourhood_export_has_the_selection_counts(sample_store, tmp_path):
    sub = neighbourhood(sample_store, FUND, hops=2)
    assert len(sub.nodes) == len(AROUND_FUND_2)
    export_subgraph(sub, ExportFormat.graphml, tmp_path / "n.graphml")
    graph = nx.read_graphml(tmp_path / "n.graphml")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(sub.nodes), len(sub.relationships))


def test_cypher_script_rebuilds_over_bolt(sample, neo4j_store):
    """The same script through the real neo4j driver (FalkorDB's Bolt endpoint).

    Without the hostile company: that endpoint refuses its text (see test_viz_support).
    """
    keep = [node_id for node_id in sample.nodes if node_id != eid(HOSTILE_NAME)]
    part = sample.restricted_to(keep)
    load_cypher_script(neo4j_store, cypher_script(part))
    assert _counts(neo4j_store) == (len(part.nodes), len(part.relationships))
    back = whole_graph(neo4j_store)
    assert FUND_ALIAS in back.nodes[eid(FUND)].aliases


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_whole_graph_rdf_written_in_parts_has_every_triple(sample_store, tmp_path, fmt):
    from capgraph.graph.export_rdf import to_rdf
    from capgraph.graph.export_stream import whole_graph_parts, write_json_ld, write_turtle

    path = tmp_path / f"graph.{fmt}"
    with path.open("w", encoding="utf-8") as handle:
        write = write_turtle if fmt == "ttl" else write_json_ld
        counts = write(whole_graph_parts(sample_store, part_nodes=3), handle)  # many parts
    streamed = Graph().parse(path, format="turtle" if fmt == "ttl" else "json-ld")
    whole = to_rdf(whole_graph(sample_store))
    assert set(streamed) == set(whole)
    assert counts == (NODE_COUNT, EDGE_COUNT) and rdf_counts(streamed) == (NODE_COUNT, EDGE_COUNT)


def test_whole_graph_cypher_script_written_in_parts_has_every_statement(sample_store, tmp_path, falkor_server):
    from capgraph.graph.export_stream import export_whole_graph_cypher
    from capgraph.graph.falkor_store import FalkorStore

    path = tmp_path / "graph.cypher"
    counts = export_whole_graph_cypher(sample_store, path)
    text = path.read_text(encoding="utf-8")
    assert counts == (NODE_COUNT, EDGE_COUNT)
    assert f"// {NODE_COUNT} nodes, {EDGE_COUNT} relationships;" in text
    # the same statements as the script of the whole graph read at once, nodes before relationships
    assert sorted(script_statements(text)) == sorted(cypher_script_statements(whole_graph(sample_store)))
    kinds = [statement.startswith("MERGE") for statement in script_statements(text)]
    assert kinds == sorted(kinds, reverse=True)
    fresh = FalkorStore(falkor_server, "export_cypher_streamed")
    try:
        load_cypher_script(fresh, text)
        assert _counts(fresh) == (NODE_COUNT, EDGE_COUNT)
    finally:
        fresh.delete_graph()
        fresh.close()
