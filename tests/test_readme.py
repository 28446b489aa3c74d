"""Every `capgraph` command the README shows runs on the sample graph and shows something useful.

The ```bash blocks of README.md are read, and each `capgraph …` line is run as written
(through the CLI, in a scratch folder with the repository's data/ beside it and an empty
data directory), in the order the README gives them. Left out, and said why:
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from capgraph.cli import app

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"

# Lines not run here, and why (each is covered elsewhere or needs what a test machine lacks).
NOT_RUN = {
    "--neo4j-uri": "needs a Neo4j server (the Neo4j path is tested in test_cli.py over FalkorDB's Bolt port)",
    "capgraph serve": "runs until Ctrl-C (tested in test_serve_cli.py and test_serve_browser.py)",
}
NEEDS_NEO4J_BLOCK = "NEO4J_URI="  # a block that sets up Neo4j first: every line of it needs Neo4j
DESTRUCTIVE = ("capgraph db clear",)  # run last, when the other examples are done
EMPTY_SIGNS = ("0 rows", "returned no", "nothing selected", "no selected node", " 0 nodes", "changed nothing")


def readme_commands() -> list[str]:
    lines: list[str] = []
    for block in re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        if NEEDS_NEO4J_BLOCK in block:
            continue
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("capgraph ") and not any(marker in line for marker in NOT_RUN):
                lines.append(line)
    return sorted(lines, key=lambda line: line.startswith(DESTRUCTIVE))  # stable: README order otherwise


def test_the_readme_shows_commands_to_run() -> None:
    commands = readme_commands()
    assert len(commands) >= 25
    assert commands[0] == "capgraph ingest data/corpus"  # the quickstart's, first
    assert commands[-1].startswith(DESTRUCTIVE)


def _useful(line: str, args: list[str], output: str, stdout: str, cwd: Path) -> None:
    for sign in EMPTY_SIGNS:
        assert sign not in output, f"{line}\n→ {output}"
    assert stdout.strip() and stdout.strip() != "[]", f"{line} printed nothing useful:\n{output}"
    if "--format" in args and args[args.index("--format") + 1] == "json" and "--out" not in args:
        assert json.loads(stdout), line
    if "--out" in args:
        out = cwd / args[args.index("--out") + 1]
        assert out.exists(), line
        size = sum(p.stat().st_size for p in out.rglob("*")) if out.is_dir() else out.stat().st_size
        assert size > 100, f"{line}: {out} is nearly empty"
    for count in re.findall(r"(\d+) (?:nodes|rows|relationships)\b", output):
        assert int(count) > 0, f"{line}\n→ {output}"


def test_every_readme_example_runs_and_shows_something(
    runner: CliRunner, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "clone"
    work.mkdir()
    (work / "data").symlink_to(REPO / "data")
    monkeypatch.chdir(work)
    monkeypatch.setenv("BROWSER", "false")  # --open: no browser on a test machine; the command says so
    ran = []
    for line in readme_commands():
        args = shlex.split(line, comments=True)[1:]
        result = runner.invoke(app, args, terminal_width=160)
        assert result.exit_code == 0, f"{line}\n→ exit {result.exit_code}: {result.output}"
        _useful(line, args, result.output, result.stdout, work)
        ran.append(line)
    assert any(line.startswith(DESTRUCTIVE) for line in ran)
    assert "deleted" in result.output and "deleted 0 " not in result.output
