"""`capgraph viz`, `export` and `analyze` through the CLI, on the embedded store of a data directory."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from test_viz_support import AROUND_FUND_2, EDGE_COUNT, FUND, FUND_ALIAS, NODE_COUNT, REGIONAL, build_sample_graph

from capgraph.cli import app
from capgraph.graph.open import open_store
from capgraph.settings import StoreSettings


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """The hand-made graph in the CLI's data directory."""
    with open_store(StoreSettings.from_env(data_dir=data_dir)) as store:
        build_sample_graph(store)
    return data_dir


def _page_nodes(html: str) -> list[dict]:
    start = html.index('id="capgraph-nodes">') + len('id="capgraph-nodes">')
    return json.loads(html[start : html.index("</script>", start)])


def test_viz_around_an_alias(runner, filled, tmp_path):
    out = tmp_path / "fund.html"
    result = runner.invoke(app, ["viz", "--around", FUND_ALIAS, "--hops", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(AROUND_FUND_2)} nodes" in result.output
    html = out.read_text(encoding="utf-8")
    assert {node["cgName"] for node in _page_nodes(html)} == AROUND_FUND_2
    assert "<script>alert" not in html  # the hostile name travels escaped
    assert "http://" not in html.split("<script>", 1)[0] and "https://cdn" not in html


def test_viz_default_name_and_cut(runner, filled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["viz", "--max-nodes", "4"])
    assert result.exit_code == 0, result.output
    assert f"left out {NODE_COUNT - 4}" in result.output
    assert len(_page_nodes((tmp_path / "capgraph-graph.html").read_text(encoding="utf-8"))) == 4


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "cypher", "ttl", "jsonld"])
def test_export_formats(runner, filled, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{NODE_COUNT} nodes, {EDGE_COUNT} relationships" in result.output
    if fmt == "graphml":
        graph = nx.read_graphml(out)
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (NODE_COUNT, EDGE_COUNT)


def test_export_csv_folder_and_stdout(runner, filled, tmp_path):
    result = runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "csv"), "--around", FUND])
    assert result.exit_code == 0, result.output
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(AROUND_FUND_2) + 1  # a header, then a node a row
    printed = runner.invoke(app, ["export", "-f", "cypher", "-o", "-", "--around", FUND, "--hops", "1"])
    assert printed.exit_code == 0
    assert printed.stdout.count("MERGE (n:") == 3


def test_analyze_table_json_and_write_back(runner, filled, tmp_path):
    table = runner.invoke(app, ["analyze", "--top", "3"])
    assert table.exit_code == 0, table.output
    assert "Communities" in table.output and "pagerank" in table.output
    every_type = ["--exclude-types", "MENTIONS", "--include-isolated"]
    as_json = runner.invoke(app, ["analyze", "--format", "json", "--write-back", *every_type])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout.split("\nwrote the measures")[0])
    assert data["nodes"] == NODE_COUNT and len(data["top"]["pagerank"]) == 10
    out = tmp_path / "by-community.html"
    page = runner.invoke(app, ["viz", "--size-by", "pagerank", "--colour-by", "community", "--out", str(out)])
    assert page.exit_code == 0 and "no selected node has" not in page.output
    assert all("pagerank" in node["cgProps"] for node in _page_nodes(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "args, message",
    [
        (["viz", "--around", "不存在的机构"], "no entity named"),
        (["viz", "--around", FUND, "--query", "funds/managers"], "not both"),
        (["viz", "--param", "a=b"], "--param goes with --query"),
        (["viz", "--around", FUND, "--hops", "9"], "--hops must be between"),
        (["export", "-f", "gexf", "-o", "-"], "needs a file"),
        (["analyze", "--format", "csv"], "'csv' is not one of"),
        (["analyze", "--types", "OWNS"], "'OWNS' is not a relationship type"),
        (["viz", "--labels", "Bank"], "'Bank' is not a label"),
        (["viz", "--query", "no/such-query"], "no/such-query"),
    ],
)
def test_bad_input_is_one_line(runner, filled, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_hostile_name_in_cypher_export_is_escaped(runner, filled):
    printed = runner.invoke(app, ["export", "-f", "cypher", "-o", "-"])
    line = next(line for line in printed.stdout.splitlines() if "alert" in line and line.startswith("MERGE"))
    assert "'<script>alert(\"x\")</script>科技'" in line and line.endswith(";")


def test_viz_and_export_a_saved_query(runner, filled, tmp_path):
    out = tmp_path / "hierarchy.html"
    result = runner.invoke(
        app, ["viz", "--query", "funds/hierarchy", "--param", f"fund={FUND_ALIAS}", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert {node["cgName"] for node in _page_nodes(out.read_text(encoding="utf-8"))} == {FUND, *REGIONAL}
    printed = runner.invoke(
        app, ["export", "-f", "json", "-o", "-", "--query", "funds/hierarchy", "-p", f"fund={FUND}"]
    )
    assert printed.exit_code == 0, printed.output
    data = json.loads(printed.stdout)
    assert len(data["nodes"]) == 3 and len(data["links"]) == 2
    names = runner.invoke(app, ["viz", "--query", "funds/by-size", "--out", str(tmp_path / "names.html")])
    assert names.exit_code == 0 and "the entities its rows name" in names.output  # a table of names is drawn
    named = {node["cgName"] for node in _page_nodes((tmp_path / "names.html").read_text(encoding="utf-8"))}
    assert named == {FUND}  # the only fund with a known size
    # 深创投 manages a fund but invests in nothing: no rows
    nothing = runner.invoke(app, ["viz", "--query", "money/reach", "-p", "from=深创投"])
    assert nothing.exit_code != 0 and "no nodes, relationships or paths" in nothing.output


def test_analyze_measures_the_actor_relationships_by_default(runner, filled):
    default = runner.invoke(app, ["analyze", "--format", "json"])
    assert default.exit_code == 0, default.output
    data = json.loads(default.stdout)
    assert data["nodes"] == NODE_COUNT - 1  # 深圳 has only LOCATED_IN: left out
    assert data["relationships"] == EDGE_COUNT - 1
    with_places = json.loads(
        runner.invoke(app, ["analyze", "--format", "json", "--types", "LOCATED_IN", "--include-isolated"]).stdout
    )
    assert (with_places["nodes"], with_places["relationships"]) == (NODE_COUNT, 1)
    only_places = json.loads(runner.invoke(app, ["analyze", "--format", "json", "--types", "located_in"]).stdout)
    assert (only_places["nodes"], only_places["relationships"]) == (2, 1)
    table = runner.invoke(app, ["analyze", "--top", "2"])
    assert "relationships measured: ISSUED" in table.output and "--include-isolated keeps them" in table.output


@pytest.mark.parametrize("command", ["viz", "export", "analyze"])
def test_types_labels_and_isolated_narrow_every_command(runner, filled, tmp_path, command):
    out = tmp_path / "x.json"
    extra = {"viz": ["--out", str(tmp_path / "x.html")], "export": ["-f", "json", "--out", str(out)], "analyze": []}
    args = [command, "--types", "MANAGES,ESTABLISHED", "--labels", "Fund", "--labels", "Institution", "--no-isolated"]
    result = runner.invoke(app, [*args, *extra[command]])
    assert result.exit_code == 0, result.output
    expected = f"{len(REGIONAL) + 3} nodes"  # the fund, its two regional funds, their two managers
    if command == "export":
        graph = json.loads(out.read_text(encoding="utf-8"))
        assert len(graph["nodes"]) == len(REGIONAL) + 3 and len(graph["links"]) == 4
        assert "Article nodes and MENTIONS are left out (--include-articles adds them)" in result.output
    assert expected in result.output
    excluded = runner.invoke(app, [command, "--exclude-types", "INVESTED_IN,LOCATED_IN", *extra[command]])
    assert excluded.exit_code == 0, excluded.output


@pytest.mark.parametrize("fmt", ["neo4j-csv", "csv"])
def test_neo4j_csv_export_says_what_it_wrote(runner, filled, tmp_path, fmt):
    folder = tmp_path / "for-neo4j"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(folder)])
    assert result.exit_code == 0, result.output
    assert f"wrote the folder {folder}/" in result.output
    assert f"nodes.csv: {NODE_COUNT} nodes" in result.output
    assert f"relationships.csv: {EDGE_COUNT} relationships" in result.output
    assert "import.txt: the neo4j-admin import command" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["import.txt", "nodes.csv", "relationships.csv"]
    (tmp_path / "a-file").write_text("x")
    refused = runner.invoke(app, ["export", "--format", fmt, "--out", str(tmp_path / "a-file")])
    assert refused.exit_code == 2 and "writes a folder" in refused.output


def test_an_ambiguous_name_lists_the_candidates(runner, filled, tmp_path):
    ambiguous = runner.invoke(app, ["viz", "--around", "引导基金", "--out", str(tmp_path / "a.html")])
    assert ambiguous.exit_code == 2
    assert "could mean several entities" in ambiguous.output
    assert REGIONAL[0] in ambiguous.output and FUND in ambiguous.output
    assert not (tmp_path / "a.html").exists()
    exact = runner.invoke(app, ["viz", "--around", FUND, "--out", str(tmp_path / "b.html")])
    assert exact.exit_code == 0, exact.output  # an exact name is taken though longer names contain it
    alias = runner.invoke(app, ["viz", "--around", FUND_ALIAS, "--out", str(tmp_path / "c.html")])
    assert alias.exit_code == 0, alias.output
    one = runner.invoke(app, ["viz", "--around", "沐曦", "--out", str(tmp_path / "d.html")])
    assert one.exit_code == 0 and "around 沐曦股份" in one.output  # the only name containing it


def test_open_without_a_browser_says_where_the_page_is(runner, filled, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER", "false")  # a "browser" that fails to start
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["viz", "--around", FUND, "--out", str(out), "--open"])
    assert result.exit_code == 0, result.output
    assert "no web browser could be started" in result.output
    assert str(out.resolve()) in result.output.replace("\n", "")


@pytest.mark.parametrize("colour_option", ["--colour-by", "--color-by"])
def test_viz_title_size_and_colour_options(runner, filled, tmp_path, colour_option):
    out = tmp_path / "styled.html"
    args = ["viz", "--title", "某某视图", "--size-by", "amount_cny", colour_option, "kind", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "no selected node has" not in result.output
    html = out.read_text(encoding="utf-8")
    assert "某某视图" in html and '"colourBy": "kind"' in html.replace('"colourBy":"kind"', '"colourBy": "kind"')
    unknown = runner.invoke(app, ["viz", colour_option, "no_such_property", "--out", str(out)])
    assert unknown.exit_code == 0 and "no selected node has that property" in unknown.output
