"""Faults and bad input: one bad article never stops an ingest, and no traceback reaches the user."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from capgraph.cli import app
from capgraph.cli.interrupt import ctrl_c_noted
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.model import Document, Extraction, Skipped
from capgraph.graph.writer import GraphWriter
from capgraph.ingest import extract_file, ingest
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


# -- no traceback: each bad input is one line and a non-zero exit -----------------------------------


def _one_line_error(result: Result) -> str:
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    return lines[0]


def test_a_parameter_name_with_a_backtick_is_refused(runner: CliRunner, data_dir: Path) -> None:
    line = _one_line_error(runner.invoke(app, ["cypher", "RETURN 1 AS one", "--param", "x`=1"]))
    assert "backtick" in line


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
def test_nan_and_infinite_parameters_are_one_clear_line(runner: CliRunner, data_dir: Path, value: str) -> None:
    line = _one_line_error(runner.invoke(app, ["cypher", "RETURN $x AS x", "--param", f"x={value}"]))
    assert "'x'" in line and "finite number" in line


def test_a_data_dir_with_quotes_and_backslashes_works(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / 'a "quoted" \\ back\\slashed dir'
    monkeypatch.setenv("CAPGRAPH_DATA_DIR", str(data))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert runner.invoke(app, ["ingest", str(FIXTURES / "angel_fund.txt")]).exit_code == 0
    shown = runner.invoke(app, ["cypher", "MATCH (a:Article) RETURN count(a) AS n", "--format", "csv"])
    assert shown.stdout.split() == ["n", "1"]
    assert (data / "falkordb.log").exists()


def test_a_data_dir_that_is_a_file_or_cannot_be_locked_is_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    monkeypatch.setenv("CAPGRAPH_DATA_DIR", str(a_file))
    assert "is a file" in _one_line_error(runner.invoke(app, ["stats"]))
    # The lock file cannot be opened for writing (as in a read-only folder, which root does not feel).
    locked = tmp_path / "data"
    (locked / "capgraph.lock").mkdir(parents=True)
    monkeypatch.setenv("CAPGRAPH_DATA_DIR", str(locked))
    assert "cannot lock the data directory" in _one_line_error(runner.invoke(app, ["stats"]))


def test_a_file_that_cannot_be_looked_at_is_one_line(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    too_long = tmp_path / ("x" * 300 + ".txt")  # stat fails with an error other than "no such file"
    assert "cannot read" in _one_line_error(runner.invoke(app, ["ingest", str(too_long)]))


def _without_file_mode_override() -> list[str]:
    """The command prefix that makes file modes bind: root ignores them, so root runs the command
    without the capabilities that override them (setpriv); anyone else runs it as is."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}"]


def _capgraph(prefix: list[str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAPGRAPH_DATA_DIR": str(data), "COLUMNS": "400"}
    env.pop("NEO4J_URI", None)
    command = [*prefix, sys.executable, "-m", "capgraph", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def _one_line_failure(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_permission_faults_are_one_line_or_a_warning(tmp_path: Path) -> None:
    prefix = _without_file_mode_override()
    home = tmp_path
    try:
        articles = home / "articles"
        hidden = articles / "hidden"
        hidden.mkdir(parents=True)
        (articles / "a.txt").write_text(_article("angel_fund.txt"), encoding="utf-8")
        (hidden / "b.txt").write_text(_article("fund_partners.txt"), encoding="utf-8")
        hidden.chmod(0o000)
        data = home / "data"
        # A file inside an unreadable folder, given directly.
        line = _one_line_failure(_capgraph(prefix, data, "ingest", str(hidden / "b.txt")))
        assert "cannot read" in line and "b.txt" in line
        # An unreadable sub-folder: the rest is ingested, the folder is named in the warnings and summary.
        done = _capgraph(prefix, data, "ingest", str(articles))
        assert done.returncode == 0, done.stderr
        assert "hidden" in done.stderr and "Permission denied" in done.stderr
        assert "hidden" in done.stdout  # the summary's Skipped table
        # A read-only data directory.
        data.chmod(0o500)
        line = _one_line_failure(_capgraph(prefix, data, "stats"))
        assert str(data) in line and "Permission denied" in line
    finally:
        for folder in (home / "articles" / "hidden", home / "data"):
            with contextlib.suppress(OSError):
                folder.chmod(0o755)


# -- names with spaces or quotes can be looked up ----------------------------------------------------

SPACED_PERSON = "林 一帆"
QUOTED_POLICY = "“智能+制造”专项行动方案"


def _write_names(store: FalkorStore) -> None:
    from capgraph.graph.ids import entity_id
    from capgraph.graph.model import Edge, Evidence, Node

    text = f"{SPACED_PERSON}主持制定了{QUOTED_POLICY}。"
    document = Document(id="art-names", path="names.txt", title="names", text=text)
    person = Node(entity_id("Person", SPACED_PERSON), "Person", SPACED_PERSON, [SPACED_PERSON])
    policy = Node(entity_id("Policy", QUOTED_POLICY), "Policy", QUOTED_POLICY, [QUOTED_POLICY])
    fund = Node(entity_id("Fund", "某某产业基金"), "Fund", "某某产业基金", ["某某产业基金"])
    evidence = [Evidence(document.id, text, 0, len(text))]
    edge = Edge("FOCUSES_ON", fund.id, policy.id, evidence=evidence)
    GraphWriter(store).write(Extraction(document, [person, policy, fund], [edge]))


@pytest.mark.parametrize(
    "typed",
    [SPACED_PERSON, "林一帆", " 林  一帆 ", QUOTED_POLICY, '"智能+制造"专项行动方案', "智能+制造专项行动方案"],
)
def test_names_with_spaces_or_quotes_are_found_however_typed(store: FalkorStore, typed: str) -> None:
    from capgraph.graph.lookup import find_entity, the_entity

    _write_names(store)
    expected = SPACED_PERSON if "林" in typed else QUOTED_POLICY
    assert the_entity(store, typed).properties["name"] == expected
    assert find_entity(store, typed).properties["name"] == expected


def test_around_and_entity_parameters_take_a_quoted_name(store: FalkorStore) -> None:
    from capgraph.graph.subgraph import neighbourhood
    from capgraph.queries.packs import find_query
    from capgraph.queries.runner import run_saved_query

    _write_names(store)
    around = neighbourhood(store, QUOTED_POLICY, 1)
    assert {node.name for node in around.nodes.values()} == {QUOTED_POLICY, "某某产业基金"}
    result = run_saved_query(store, find_query("actors/neighbourhood"), {"entity": QUOTED_POLICY})
    assert "某某产业基金" in result.column(0)


# -- the read-only check refuses writes, not words --------------------------------------------------

WRITES = [
    "MATCH (n) SET n.x = 1",
    "MATCH (n) SET n:Flagged",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DELETE n",
    "CREATE (n:X)",
    "CREATE p = (a)-[:R]->(b)",
    "MERGE (n:X {id: 1})",
    "MATCH (n) REMOVE n.x",
    "MATCH (n) WITH collect(n) AS ns FOREACH (x IN ns | SET x.y = 1)",
    "CALL { CREATE (n:X) } RETURN 1",
    "CREATE INDEX FOR (n:X) ON (n.id)",
    "DROP INDEX ON :X(id)",
    "MATCH (n) RETURN n; CREATE (m:X)",
    "MATCH (n) RETURN n /* a comment */ CREATE (m:X)",
    "MATCH (n) WITH n AS create CREATE (m:X)",
    "CALL db.idx.fulltext.createNodeIndex('X', 'name')",
    "LOAD CSV FROM 'file:///x' AS row RETURN row",
]
READS = [
    "MATCH (n:Entity) RETURN n.name AS create",
    "MATCH (n:Entity) RETURN n.name AS `delete`, n.id AS merge",
    "MATCH (n:Entity) WITH n.name AS set RETURN set ORDER BY set",
    "MATCH (n:Entity) WITH n AS create RETURN create.name, create.id",
    "MATCH (n {set: 1, delete: 2}) WHERE n.remove = 'CREATE (x)' RETURN n.merge // DELETE n",
    "MATCH (n:Entity) WITH n.name AS drop WHERE drop = 'x' OR drop <> 'y' RETURN drop",
    "MATCH (n:Entity) WITH count(n) AS create RETURN create + 1, create * 2, [create]",
    "MATCH (n:Entity) RETURN n.name AS created, $create AS p",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_writes_are_refused(cypher: str) -> None:
    from capgraph.queries.runner import write_clause

    assert write_clause(cypher) is not None


@pytest.mark.parametrize("cypher", READS)
def test_a_keyword_as_a_name_is_not_a_write(cypher: str) -> None:
    from capgraph.queries.runner import write_clause

    assert write_clause(cypher) is None


def test_a_saved_query_returning_as_create_runs(store: FalkorStore, tmp_path: Path) -> None:
    from capgraph.queries.packs import load_packs
    from capgraph.queries.runner import run_saved_query

    _write_names(store)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "aliased.cypher").write_text(
        "// title: Names aliased like keywords\n// returns: create\nMATCH (n:Person) RETURN n.name AS create\n",
        encoding="utf-8",
    )
    query = next(q for name, q in load_packs([tmp_path]).items() if name.endswith("aliased"))
    assert run_saved_query(store, query, {}).rows == [[SPACED_PERSON]]


# -- the data directory is private -----------------------------------------------------------------


def test_the_data_dir_and_its_files_are_private(runner: CliRunner, data_dir: Path) -> None:
    import stat

    def modes() -> dict[str, int]:
        found = {".": stat.S_IMODE(data_dir.stat().st_mode)}
        for path in data_dir.rglob("*"):
            found[str(path.relative_to(data_dir))] = stat.S_IMODE(path.stat().st_mode)
        return found

    assert runner.invoke(app, ["ingest", str(FIXTURES / "angel_fund.txt")]).exit_code == 0
    found = modes()
    assert any(name.endswith(".aof") for name in found) and "falkordb.log" in found
    assert any(name.endswith(".rdb") for name in found)  # the snapshot preamble of the compacted file
    for name, mode in found.items():
        assert mode == (0o700 if (data_dir / name).is_dir() else 0o600), (name, oct(mode))
    # What an earlier version left readable to others is tightened at the next start.
    data_dir.chmod(0o755)
    (data_dir / "falkordb.log").chmod(0o644)
    assert runner.invoke(app, ["stats"]).exit_code == 0
    assert set(modes().values()) <= {0o700, 0o600}


# -- pathological input: sentences are capped, normal sentences untouched ----------------------------


def test_a_run_without_sentence_ends_is_cut_into_capped_sentences() -> None:
    from capgraph.loaders.sentences import MAX_SENTENCE, split_sentences

    clause = "某某市科技创新投资基金投资了某某科技有限公司，"
    long_run = clause * (3 * MAX_SENTENCE // len(clause))
    pieces = split_sentences(long_run)
    assert len(pieces) >= 3 and all(len(piece.text) <= MAX_SENTENCE for piece in pieces)
    assert all(piece.text.endswith("，") for piece in pieces)  # cut after a clause mark
    assert "".join(piece.text for piece in pieces) == long_run  # nothing lost, offsets still point in
    assert all(long_run[piece.start : piece.end] == piece.text for piece in pieces)
    no_marks = "某" * (2 * MAX_SENTENCE + 7)
    assert [len(piece.text) for piece in split_sentences(no_marks)] == [MAX_SENTENCE, MAX_SENTENCE, 7]
    normal = "某某基金投资了某某公司。某某公司设立于某市，主营芯片！"
    expected = ["某某基金投资了某某公司。", "某某公司设立于某市，主营芯片！"]
    assert [piece.text for piece in split_sentences(normal)] == expected


# -- a damaged data directory is never silent ---------------------------------------------------------


def _ingest_uncompacted(data_dir: Path, corpus_dir: Path) -> list[Path]:
    """Ingest the sample articles one transaction each and stop without compacting: an increment
    file holds them after the snapshot, as after a crash or a kill."""
    files = sorted(corpus_dir.glob("*.txt"))
    store = FalkorStore.embedded(data_dir)
    with store:
        store.compact_on_close = False
        writer = GraphWriter(store)
        writer.ensure_indexes()
        for path in files:
            document = read_document(path)
            assert isinstance(document, Document)
            writer.write(extract_document(document))
    return files


def _increment(data_dir: Path) -> Path:
    (increment,) = (data_dir / "appendonlydir").glob("*.incr.aof")
    assert increment.stat().st_size > 0
    return increment


def _articles(runner: CliRunner) -> int:
    shown = runner.invoke(app, ["cypher", "MATCH (a:Article) RETURN count(a) AS n", "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    return int(shown.stdout.split()[1])


def test_a_truncated_append_only_file_stops_commands_and_repair_keeps_what_came_before(
    runner: CliRunner, data_dir: Path, corpus_dir: Path
) -> None:
    files = _ingest_uncompacted(data_dir, corpus_dir)
    increment = _increment(data_dir)
    with increment.open("r+b") as handle:
        handle.truncate(increment.stat().st_size * 2 // 3)
    line = _one_line_error(runner.invoke(app, ["stats"]))
    assert "damaged" in line and "db repair" in line
    checked = runner.invoke(app, ["db", "check"])
    assert checked.exit_code == 1 and "damaged" in checked.output
    repaired = runner.invoke(app, ["db", "repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "cut at the last whole record" in repaired.output and "damaged files are kept" in repaired.output
    lost = [path for path in files if str(path) in repaired.output]
    assert 0 < len(lost) < len(files)
    assert _articles(runner) == len(files) - len(lost)  # everything before the damage is there
    assert runner.invoke(app, ["db", "check"]).exit_code == 0
    assert runner.invoke(app, ["ingest", *map(str, lost)]).exit_code == 0
    assert _articles(runner) == len(files)
    assert "ok:" in runner.invoke(app, ["db", "check"]).output


def test_garbage_in_the_middle_is_a_missing_article_named_not_silence(
    runner: CliRunner, data_dir: Path, corpus_dir: Path
) -> None:
    files = _ingest_uncompacted(data_dir, corpus_dir)
    increment = _increment(data_dir)
    data = increment.read_bytes()
    # Garbage over the Cypher of the command that writes the fourth article (its parameters, the
    # path among them, come first): the server fails that command when loading.
    at = data.index(b"UNWIND", data.index(files[3].name.encode()))
    increment.write_bytes(data[:at] + b"GARBAGE!!" + data[at + 9 :])
    line = _one_line_error(runner.invoke(app, ["stats"]))
    assert "1 of 5 articles written are missing" in line
    checked = runner.invoke(app, ["db", "check"])
    assert checked.exit_code == 1 and files[3].name in checked.output
    repaired = runner.invoke(app, ["db", "repair"])
    assert repaired.exit_code == 0 and files[3].name in repaired.output
    assert _articles(runner) == 4
    assert runner.invoke(app, ["ingest", str(files[3])]).exit_code == 0
    assert _articles(runner) == 5 and runner.invoke(app, ["db", "check"]).exit_code == 0


def test_a_missing_manifest_is_said_and_rebuilt(runner: CliRunner, data_dir: Path, corpus_dir: Path) -> None:
    files = _ingest_uncompacted(data_dir, corpus_dir)
    (data_dir / "appendonlydir" / "appendonly.aof.manifest").unlink()
    assert "manifest" in _one_line_error(runner.invoke(app, ["stats"]))
    assert runner.invoke(app, ["db", "check"]).exit_code == 1
    repaired = runner.invoke(app, ["db", "repair"])
    assert repaired.exit_code == 0 and "rebuilt the missing manifest" in repaired.output
    assert _articles(runner) == len(files)


def test_a_data_dir_without_a_record_of_written_articles_starts_one(
    runner: CliRunner, data_dir: Path, corpus_dir: Path
) -> None:
    files = _ingest_uncompacted(data_dir, corpus_dir)
    (data_dir / "capgraph.articles.tsv").unlink()  # as an earlier capgraph left it
    checked = runner.invoke(app, ["db", "check"])
    assert checked.exit_code == 0 and "no record" in checked.output
    assert _articles(runner) == len(files)  # any command starts the record
    assert "ok: 5 articles" in runner.invoke(app, ["db", "check"]).output
    assert runner.invoke(app, ["db", "clear", "--yes"]).exit_code == 0
    assert "ok: 0 articles" in runner.invoke(app, ["db", "check"]).output


def test_articles_deleted_by_the_users_own_write_are_not_taken_for_damage(
    runner: CliRunner, data_dir: Path, corpus_dir: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(corpus_dir), "--workers", "1"]).exit_code == 0
    deleted = runner.invoke(app, ["cypher", "--write", "MATCH (a:Article) WITH a LIMIT 2 DETACH DELETE a"])
    assert deleted.exit_code == 0, deleted.output
    checked = runner.invoke(app, ["db", "check"])
    assert checked.exit_code == 0 and "ok: 3 articles" in checked.output


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the lost interrupt, on purpose
def test_ctrl_c_lost_in_a_finaliser_still_stops_the_ingest(store: FalkorStore) -> None:
    # The cause of an ingest that ran on after Ctrl-C: a KeyboardInterrupt raised while the garbage
    # collector runs a finaliser is printed as "ignored" and lost. The noted event is not.
    class SignalledWhileCollected:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):  # the handler runs between these bytecodes, inside the finaliser
                pass

    with ctrl_c_noted() as pressed:
        SignalledWhileCollected()  # collected at once: the interrupt is raised inside __del__, and lost
        assert pressed.is_set()
        with pytest.raises(KeyboardInterrupt):
            ingest([FIXTURES / "angel_fund.txt", FIXTURES / "fund_partners.txt"], store, workers=1, stop=pressed)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert store.query("MATCH (a:Article) RETURN count(a)").rows == [[0]]
    ingest([FIXTURES / "angel_fund.txt", FIXTURES / "fund_partners.txt"], store, workers=1)
    assert store.query("MATCH (a:Article) RETURN count(a)").rows == [[2]]
