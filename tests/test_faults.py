"""Faults and bad input: one bad article never stops an ingest, and no traceback reaches the user."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from capgraph.cli import app
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.model import Document, Extraction, Skipped
from capgraph.graph.writer import GraphWriter
from capgraph.ingest import extract_file
from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.read import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _article(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_control_characters_anywhere_are_removed(tmp_path: Path) -> None:
    text = _article("angel_fund.txt")
    padding = "某市科技金融工作持续推进。\n" * 800  # over 8 KB before the NUL
    path = tmp_path / "late_nul.txt"
    path.write_bytes((padding + text.replace("。", "。\x00\x07\x1b", 1)).encode("utf-8"))
    document = read_document(path)
    assert isinstance(document, Document)
    assert not any(ch in document.text for ch in "\x00\x07\x1b")
    assert text.splitlines()[0] in document.text


def test_a_failure_inside_one_article_skips_that_article_alone(tmp_path: Path) -> None:
    skipped = extract_file(tmp_path / "bad\x00name.txt")  # the path itself cannot be opened
    assert isinstance(skipped, Skipped) and "bad" in skipped.path and skipped.reason


def test_an_article_the_store_refuses_fails_alone_and_the_batch_is_written(store: FalkorStore, tmp_path: Path) -> None:
    good = [read_document(FIXTURES / name) for name in ("angel_fund.txt", "fund_partners.txt")]
    assert all(isinstance(doc, Document) for doc in good)
    bad_text = good[0].text + "\x00尾"  # NUL reaches the database only if the reader is bypassed
    bad = Document(id="bad-article", path="bad.txt", title="bad", text=bad_text)
    extractions: list[Extraction] = [extract_document(good[0]), extract_document(bad), extract_document(good[1])]
    failed = GraphWriter(store).write_batch(extractions)
    assert [extraction.document.path for extraction, _error in failed] == ["bad.txt"]
    titles = {row[0] for row in store.query("MATCH (a:Article) RETURN a.path").rows}
    assert titles == {str(FIXTURES / "angel_fund.txt"), str(FIXTURES / "fund_partners.txt")}


def test_a_nul_late_in_a_file_does_not_stop_the_ingest(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    padding = "某市科技金融工作持续推进。\n" * 800
    late_nul = padding + "某某资本\x00管理基金。\n" + _article("angel_fund.txt")
    (folder / "a_late_nul.txt").write_bytes(late_nul.encode())
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "c_good.txt").write_text(_article("fund_partners.txt"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "b_binary.txt" in result.output and "binary" in result.output
    assert "Traceback" not in result.output
    shown = runner.invoke(app, ["cypher", "MATCH (a:Article) RETURN a.path ORDER BY a.path", "--format", "csv"])
    paths = [Path(line).name for line in shown.stdout.strip().splitlines()[1:]]
    assert paths == ["a_late_nul.txt", "c_good.txt"]
