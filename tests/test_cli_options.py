"""Every advertised option value does what it says: formats, --write's report, amounts, --version, help."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer import completion as typer_completion
from typer.main import get_command

from capgraph.cli import app

CREATE = "CREATE (:Entity:Fund {id: 'fund-x', name: '某某产业基金', aliases: ['某某产业基金'], amount_cny: 1.2e10})"


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a group (typer may bring its own copy of click)
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def test_cypher_write_says_what_changed(runner, data_dir: Path) -> None:
    created = runner.invoke(app, ["cypher", CREATE, "--write"])
    assert created.exit_code == 0, created.output
    assert "changed: nodes created: 1" in created.output and "properties set: 4" in created.output
    again = runner.invoke(app, ["cypher", "MATCH (f:Fund {id: 'fund-x'}) SET f.checked = true", "--write"])
    assert "changed: properties set: 1" in again.output
    as_json = runner.invoke(
        app, ["cypher", "MATCH (f:Fund) SET f.checked = true RETURN f.name AS n", "--write", "--format", "json"]
    )
    assert json.loads(as_json.stdout) == [{"n": "某某产业基金"}]  # the report went to stderr
    nothing = runner.invoke(app, ["cypher", "MATCH (f:Fund {id: 'none'}) DELETE f", "--write"])
    assert "changed nothing" in nothing.output
    deleted = runner.invoke(app, ["cypher", "MATCH (f:Fund) DETACH DELETE f", "--write"])
    assert "nodes deleted: 1" in deleted.output


def test_amounts_read_as_yi_in_tables_and_stay_numbers_in_data(runner, data_dir: Path) -> None:
    runner.invoke(app, ["cypher", CREATE, "--write"])
    statement = "MATCH (f:Fund) RETURN f.name AS fund, f.amount_cny AS amount_cny"
    table = runner.invoke(app, ["cypher", statement])
    assert "120亿元" in table.output and "12000000000" not in table.output
    assert json.loads(runner.invoke(app, ["cypher", statement, "--format", "json"]).stdout)[0]["amount_cny"] == 1.2e10
    assert "12000000000" in runner.invoke(app, ["cypher", statement, "--format", "csv"]).stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_stats_formats(runner, data_dir: Path, fmt: str) -> None:
    runner.invoke(app, ["cypher", CREATE, "--write"])
    result = runner.invoke(app, ["stats", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)["labels"]["Fund"] == 1
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert rows[0] == ["kind", "name", "count"] and ["label", "Fund", "1"] in rows
    else:
        assert "Nodes per label" in result.output and "Fund" in result.output


def test_every_command_has_help_that_reads_well(runner) -> None:
    commands = _commands(get_command(app))  # type: ignore[arg-type]
    assert {("query", "run"), ("db", "clear"), ("serve",), ("eval",)} <= set(commands)
    for path in commands:
        result = runner.invoke(app, [*path, "--help"], terminal_width=200)
        assert result.exit_code == 0, (path, result.output)
        text = result.output
        assert "Usage:" in text, path
        # no type placeholders from an old typer, and no help text eaten as rich markup
        assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])>|\{\w+\}", text, re.IGNORECASE), (path, text)
    ingest = runner.invoke(app, ["ingest", "--help"], terminal_width=200).output
    assert "Article files" in ingest  # an argument's own help is shown


def test_data_dir_default_is_shown(runner) -> None:
    text = runner.invoke(app, ["stats", "--help"], terminal_width=200).output
    assert "(default: ./.capgraph)" in text


def test_version_and_python_m(runner) -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"capgraph {version('capgraph')}"
    module = subprocess.run([sys.executable, "-m", "capgraph", "--version"], capture_output=True, text=True, timeout=60)
    assert module.returncode == 0 and module.stdout.strip() == result.output.strip()


def test_shell_completion_is_offered(runner, monkeypatch: pytest.MonkeyPatch) -> None:
    # The shell is detected from the process's ancestors (shellingham), which a job started in the
    # background does not have: say it is bash, as a user's terminal would.
    monkeypatch.setattr(typer_completion, "_get_shell_name", lambda: "bash")
    result = runner.invoke(app, ["--show-completion"])
    assert result.exit_code == 0, result.output
    assert "_CAPGRAPH_COMPLETE" in result.output
    assert "--install-completion" in runner.invoke(app, ["--help"]).output


FIXTURE = Path(__file__).parent / "fixtures" / "articles" / "angel_fund.txt"


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_extract_formats(runner, fmt: str) -> None:
    result = runner.invoke(app, ["extract", str(FIXTURE), "--format", fmt], terminal_width=200)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["documents"][0]["title"] == "合肥设立规模50亿元的天使母基金" and data["nodes"] and data["edges"]
    else:
        assert "合肥设立规模50亿元的天使母基金" in result.output and "MANAGES" in result.output


def test_eval_show_lists_misses(runner) -> None:
    result = runner.invoke(app, ["eval", "--show"])
    assert result.exit_code == 0, result.output
    assert "== 000_" in result.output and "relation_f1=" in result.output


@pytest.mark.parametrize("which", ["store", "neo4j_store"])
def test_both_stores_report_what_a_write_changed(request, which: str) -> None:
    store = request.getfixturevalue(which)
    created = store.query("CREATE (:Entity:Fund {id: 'fund-y', name: '某某母基金'})", write=True)
    # FalkorDB counts a new node's label set once; Neo4j (here FalkorDB's Bolt endpoint) each label
    labels = 1 if which == "store" else 2
    assert created.changes == {"nodes_created": 1, "properties_set": 2, "labels_added": labels}
    assert store.query("MATCH (n:Fund) RETURN n.name").changes == {}  # a read reports nothing
    assert store.query("MATCH (n:Fund) DETACH DELETE n", write=True).changes == {"nodes_deleted": 1}


def test_the_cli_loads_without_unix_only_modules() -> None:
    """The CLI imports nothing Unix-only at load (Windows has no fcntl); the lock is filelock's."""
    import subprocess
    import sys

    probe = "import sys; sys.modules['fcntl'] = None; from capgraph.cli import app; print(app.info.name or 'capgraph')"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
