"""The CLI end to end, through typer's runner and as a real process, on a real embedded FalkorDB."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from capgraph.cli import app
from capgraph.graph.embedded import CONFIG_NAME, EmbeddedFalkorDB, ServerAddress
from capgraph.graph.ledger import LEDGER_SUFFIX

SCHEMA_LABELS = {"Institution", "Company", "Fund", "Policy", "Person"}
SCHEMA_TYPES = {"ISSUED", "MANAGES", "INVESTED_IN"}


def servers_using(data_dir: Path) -> list[int]:
    """Pids of redis-server processes started with this data directory's config file."""
    config = str((data_dir / CONFIG_NAME).resolve())
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "redis-server" in cmdline and config in cmdline:
            pids.append(int(proc.name))
    return pids


def stats(runner: CliRunner) -> dict:
    result = runner.invoke(app, ["stats", "--format", "json"])
    assert result.exit_code == 0, (result.output, repr(result.exception))
    return json.loads(result.stdout)


def assert_one_line_error(result, fragment: str) -> None:
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, result.output
    assert any(fragment in line for line in lines), result.stderr
    assert "Traceback" not in result.output


def test_ingest_samples_then_again_changes_nothing(runner: CliRunner, data_dir: Path, corpus_dir: Path) -> None:
    result = runner.invoke(app, ["ingest", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    assert "Nodes per label" in result.stdout and "Relationships per type" in result.stdout
    assert "000_cd4ab90ccf84ecc1.txt" in result.stdout  # the per-article table
    first = stats(runner)
    assert first["articles"] == 5
    assert set(first["labels"]) >= SCHEMA_LABELS, first["labels"]
    assert set(first["types"]) >= SCHEMA_TYPES, first["types"]
    assert "FalkorDB (embedded" in first["store"]

    again = runner.invoke(app, ["ingest", str(corpus_dir)])
    assert again.exit_code == 0, again.output
    assert stats(runner) == first
    assert servers_using(data_dir) == []

    count = runner.invoke(app, ["cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json"])
    assert count.exit_code == 0
    assert json.loads(count.stdout) == [{"n": sum(first["labels"].values())}]

    # Every relationship but MENTIONS has evidence pointing at an article that exists.
    orphan = runner.invoke(
        app,
        [
            "cypher",
            "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' AND size(coalesce(r.evidence_sentences, [])) = 0 "
            "RETURN count(r) AS n",
            "--format",
            "json",
        ],
    )
    assert json.loads(orphan.stdout) == [{"n": 0}]


def test_cypher_params_formats_and_write_guard(runner: CliRunner, data_dir: Path) -> None:
    refused = runner.invoke(
        app, ["cypher", "CREATE (:Institution {id: $id, name: $name})", "-p", "id=x", "-p", "name=甲"]
    )
    assert_one_line_error(refused, "refused")

    written = runner.invoke(
        app, ["cypher", "CREATE (:Institution {id: $id, name: $name})", "-p", "id=x", "-p", "name=甲", "--write"]
    )
    assert written.exit_code == 0, written.output

    as_csv = runner.invoke(
        app, ["cypher", "MATCH (n:Institution {id: $id}) RETURN n.name AS name", "-p", "id=x", "--format", "csv"]
    )
    assert as_csv.stdout.splitlines() == ["name", "甲"]
    table = runner.invoke(app, ["cypher", "MATCH (n:Institution) RETURN n.name AS name"])
    assert "甲" in table.stdout and "1 row" in table.stdout


def test_error_paths_are_one_line(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    assert_one_line_error(runner.invoke(app, ["ingest", str(tmp_path / "missing.txt")]), "no such file or folder")

    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    (empty_folder / "notes.bin").write_bytes(b"\x00\x01")
    assert_one_line_error(runner.invoke(app, ["ingest", str(empty_folder)]), str(empty_folder))

    assert_one_line_error(runner.invoke(app, ["cypher", "MATCH (n RETURN n"]), "Cypher error")
    assert_one_line_error(runner.invoke(app, ["cypher", "RETURN 1", "-p", "novalue"]), "name=value")

    bad_option = runner.invoke(app, ["stats", "--no-such-option"])
    assert bad_option.exit_code == 2 and "No such option" in bad_option.output

    unreachable = runner.invoke(app, ["stats", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", "x"])
    assert_one_line_error(unreachable, "cannot reach Neo4j at bolt://127.0.0.1:1")
    assert servers_using(data_dir) == []


def test_unreadable_files_are_skipped_and_listed(
    runner: CliRunner, data_dir: Path, tmp_path: Path, corpus_dir: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(corpus_dir / "001_a725a1633d20dd26.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert "Skipped" in result.stdout
    assert stats(runner)["articles"] == 1


def test_db_info_and_clear(runner: CliRunner, data_dir: Path, corpus_dir: Path) -> None:
    runner.invoke(app, ["ingest", str(corpus_dir / "001_a725a1633d20dd26.txt")])
    info = runner.invoke(app, ["db", "info"])
    assert info.exit_code == 0 and "articles: 1" in info.stdout and str(data_dir.resolve()) in info.stdout
    cleared = runner.invoke(app, ["db", "clear", "--yes"])
    assert cleared.exit_code == 0 and "deleted" in cleared.stdout
    assert stats(runner)["articles"] == 0


def test_neo4j_store_through_the_cli(
    runner: CliRunner, bolt_server: ServerAddress, bolt_ready: Callable[[], None], corpus_dir: Path
) -> None:
    neo4j = [
        "--neo4j-uri",
        f"bolt://127.0.0.1:{bolt_server.bolt_port}",
        "--neo4j-user",
        "falkordb",
        "--neo4j-password",
        bolt_server.password,
    ]
    bolt_ready()
    assert runner.invoke(app, ["db", "clear", "--yes", *neo4j]).exit_code == 0
    bolt_ready()
    result = runner.invoke(app, ["ingest", str(corpus_dir / "000_cd4ab90ccf84ecc1.txt"), *neo4j])
    assert result.exit_code == 0, result.output
    bolt_ready()
    out = runner.invoke(app, ["stats", "--format", "json", *neo4j])
    counts = json.loads(out.stdout)
    assert counts["store"].startswith("Neo4j at bolt://")
    assert counts["articles"] == 1 and counts["labels"]["Policy"] >= 1


def test_a_second_command_waits_then_refuses(runner: CliRunner, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("CAPGRAPH_LOCK_WAIT", "0.5")
    with EmbeddedFalkorDB(data_dir):
        assert_one_line_error(runner.invoke(app, ["stats"]), "in use by another capgraph command")
    assert runner.invoke(app, ["stats"]).exit_code == 0


def _capgraph(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from capgraph.cli import run; run()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


# SIGINT once ran on past the stop in full-suite runs: the interrupt had been raised inside a
# finaliser and lost (see test_faults); the ingest now also checks the noted Ctrl-C per article.
@pytest.mark.parametrize("stop_signal", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_ingest_is_completed_by_the_next(
    tmp_path: Path, corpus_dir: Path, stop_signal: signal.Signals
) -> None:
    # Many distinct articles: the ingest is stopped once its first batch (500) is recorded, with
    # 500 more still to extract and write, so the stop lands mid-ingest, not in its start or its exit.
    folder = tmp_path / "many"
    folder.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus_dir.glob("*.txt"))]
    copies = 200
    for copy in range(copies):
        for index, text in enumerate(texts):
            (folder / f"{copy:02d}_{index}.txt").write_text(f"第{copy}版\n\n{text}", encoding="utf-8")
    env = {**os.environ, "CAPGRAPH_DATA_DIR": str(tmp_path / "interrupted")}
    clean_env = {**os.environ, "CAPGRAPH_DATA_DIR": str(tmp_path / "clean")}

    process = _capgraph("ingest", str(folder), env=env)
    record = tmp_path / "interrupted" / f"capgraph{LEDGER_SUFFIX}"
    deadline = time.monotonic() + 120
    while not (record.exists() and record.stat().st_size) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be interrupted"
    process.send_signal(stop_signal)
    process.wait(timeout=60)
    assert process.returncode != 0
    deadline = time.monotonic() + 10
    while servers_using(tmp_path / "interrupted") and time.monotonic() < deadline:
        time.sleep(0.1)  # with SIGKILL the kernel's parent-death signal stops the server
    assert servers_using(tmp_path / "interrupted") == []

    assert 0 <= _stats(env)["articles"] < copies * len(texts)

    for run_env in (env, clean_env):
        finish = _capgraph("ingest", str(folder), env=run_env)
        _, err = finish.communicate(timeout=600)
        assert finish.returncode == 0, err.decode()
    interrupted_then_completed, clean = _stats(env), _stats(clean_env)
    assert interrupted_then_completed == clean
    assert clean["articles"] == copies * len(texts)


def _stats(env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", "from capgraph.cli import run; run()", "stats", "--format", "json"],
        env=env,
        capture_output=True,
        check=True,
    )
    return {key: value for key, value in json.loads(out.stdout).items() if key != "store"}


def test_extract_jsonl_streams_one_article_per_line(runner: CliRunner, corpus_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus_dir), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(list(corpus_dir.glob("*.txt")))
    whole = json.loads(runner.invoke(app, ["extract", str(corpus_dir), "--format", "json"]).stdout)
    assert [line["documents"][0]["id"] for line in lines] == [doc["id"] for doc in whole["documents"]]
    assert all(line["nodes"] and line["edges"] for line in lines)
    assert {node["id"] for line in lines for node in line["nodes"]} == {node["id"] for node in whole["nodes"]}
