"""Regression guard: extraction scores on the project's gold (data/gold) stay at or above issue 3's targets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from capgraph.errors import InputError

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"  # shipped with the project
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "kgscore.py"  # the reference scorer, when beside
ENTITY_F1_TARGET = 0.90
RELATION_F1_TARGET = 0.75


def _evaluate():
    from capgraph.cli.extract import evaluate  # the CLI module; imported late so a CLI issue fails only here

    return evaluate(GOLD)


def test_gold_scores_meet_targets() -> None:
    summary, results = _evaluate()
    assert len(results) == len(list(GOLD.glob("*.json")))
    assert summary["entities_typed"]["f1"] >= ENTITY_F1_TARGET
    assert summary["relations"]["f1"] >= RELATION_F1_TARGET


@pytest.mark.skipif(not SCORER.is_file(), reason="the reference scorer (../shared/tools/kgscore.py) is not beside")
def test_vendored_scorer_agrees_with_the_shared_scorer(tmp_path: Path) -> None:
    from capgraph.loaders.pipeline import extract_document, read_document, to_contract_json

    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus"
    for gold_file in GOLD.glob("*.json"):
        doc = read_document(corpus / json.loads(gold_file.read_text(encoding="utf-8"))["doc"])
        prediction = to_contract_json([extract_document(doc)])
        (tmp_path / gold_file.name).write_text(json.dumps(prediction, ensure_ascii=False), encoding="utf-8")
    shared = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary, _ = _evaluate()
    theirs = json.loads(shared.stdout)
    for key in ("entities_typed", "entities_untyped", "relations"):
        assert theirs[key] == summary[key]


def test_missing_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    from capgraph.cli.extract import evaluate

    with pytest.raises(InputError, match="no such gold folder"):
        evaluate(tmp_path / "nope")


def test_gold_article_not_found_is_an_input_error(tmp_path: Path) -> None:
    from capgraph.cli.extract import evaluate

    (tmp_path / "x.json").write_text(
        json.dumps({"doc": "missing.txt", "entities": [], "relations": []}), encoding="utf-8"
    )
    with pytest.raises(InputError, match="not found"):
        evaluate(tmp_path, tmp_path)


def test_eval_show_names_proposers_and_the_name_model_option(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    monkeypatch.setenv("CAPGRAPH_NER", "rjieba")  # --ner sets it for the process; restored after the test

    from capgraph.cli import app

    result = CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--show", "--ner", "off"])
    assert result.exit_code == 0, result.output
    assert "entity_f1=" in result.output
    spurious = [line for line in result.output.splitlines() if "spurious_entities" in line]
    assert spurious and all("←" in line for line in spurious)
    bad = CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--ner", "bert"])
    assert bad.exit_code != 0


def test_eval_command_defaults_to_the_shipped_gold(runner) -> None:
    from capgraph.cli import app

    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 0, result.output
    assert "entity_f1=" in result.output
    explicit = runner.invoke(app, ["eval", "--gold", str(GOLD), "--json"])
    assert json.loads(explicit.stdout)["relations"]["f1"] >= RELATION_F1_TARGET
