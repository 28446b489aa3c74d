"""Ingest: read articles, extract them on every core, and write them to a store in atomic batches.

Extraction runs in `workers` processes (one per core by default) and comes back in input order;
one writer (this process) writes the articles in batches of the store's size, each batch one
transaction, and reports each file once its batch is written.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from capgraph.graph.embedded import die_with_parent
from capgraph.graph.model import Document, Extraction, Skipped
from capgraph.graph.store import GraphStore
from capgraph.graph.writer import GraphWriter
from capgraph.loaders.pipeline import collect_inputs, extract_document, read_document


@dataclass(slots=True)
class ArticleReport:
    path: str
    document: str
    title: str
    nodes: Counter[str] = field(default_factory=Counter)  # per label
    edges: Counter[str] = field(default_factory=Counter)  # per type

    @classmethod
    def of(cls, extraction: Extraction) -> ArticleReport:
        doc = extraction.document
        return cls(
            path=doc.path,
            document=doc.id,
            title=doc.title,
            nodes=Counter(node.label for node in extraction.nodes),
            edges=Counter(edge.type for edge in extraction.edges),
        )


@dataclass(slots=True)
class IngestReport:
    articles: list[ArticleReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def default_workers() -> int:
    """Every core this process may use."""
    with contextlib.suppress(AttributeError):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def extract_file(path: Path) -> Extraction | Skipped:
    """Read and extract one file (what a worker process runs); any failure skips this file alone."""
    try:
        document = read_document(path)
        return document if isinstance(document, Skipped) else extract_document(document)
    except Exception as error:  # one bad article must not stop the ingest; it is reported, not hidden
        return Skipped(str(path), f"extraction failed: {type(error).__name__}: {error}")


def _extract_files(paths: list[Path]) -> list[Extraction | Skipped]:
    return [extract_file(path) for path in paths]


# Files per task sent to a worker, and tasks in flight per worker: enough to keep every core
# busy, few enough that memory stays bounded when the writer is slower than extraction.
_FILES_PER_TASK = 4
_TASKS_PER_WORKER = 4


def extract_files(paths: Sequence[Path], workers: int = 1) -> Iterator[tuple[Path, Extraction | Skipped]]:
    """Each file with its extraction, in input order; in `workers` processes when more than one."""
    workers = max(1, min(workers, len(paths)))
    if workers == 1:
        for path in paths:
            yield path, extract_file(path)
        return
    tasks = [list(paths[start : start + _FILES_PER_TASK]) for start in range(0, len(paths), _FILES_PER_TASK)]
    methods = multiprocessing.get_all_start_methods()
    # fork: workers inherit the loaded lexicons instead of loading them again.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Frozen objects are left alone by the collector: forked workers then do not write to (and
    # so copy) the pages of the lexicons and models they inherit when they collect garbage.
    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=die_with_parent)
    pending: deque[tuple[list[Path], Future[list[Extraction | Skipped]]]] = deque()
    finished = False
    try:
        queued = iter(tasks)
        for task in queued:
            pending.append((task, pool.submit(_extract_files, task)))
            if len(pending) >= workers * _TASKS_PER_WORKER:
                break
        while pending:
            task, future = pending.popleft()
            results = future.result()
            following = next(queued, None)
            if following is not None:
                pending.append((following, pool.submit(_extract_files, following)))
            yield from zip(task, results, strict=True)
        finished = True
    finally:
        for _task, future in pending:
            future.cancel()
        if not finished:
            # Stopped early (Ctrl-C, a lost store, the caller done): nothing more is wanted from the
            # workers, so they are stopped rather than waited for (an interrupted pool could hang).
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=finished, cancel_futures=True)
        gc.unfreeze()


def ingest(
    paths: Sequence[str | Path],
    store: GraphStore,
    *,
    workers: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[Path, ArticleReport | Skipped], None] | None = None,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Ingest files and folders; unreadable files are skipped and reported, not fatal.

    `workers`: extraction processes (None: one per core; 1: extract in this process).
    `stop`: once set, the ingest raises KeyboardInterrupt before the next article (what is written
    stays written; the next ingest completes it).
    """
    files = collect_inputs(paths)
    if on_start:
        on_start(len(files))
    writer = GraphWriter(store)
    writer.ensure_indexes()
    report = IngestReport()
    waiting: list[tuple[Path, Extraction | Skipped]] = []

    def flush() -> None:
        failed = writer.write_batch([result for _path, result in waiting if isinstance(result, Extraction)])
        not_written = {id(extraction): error for extraction, error in failed}
        for path, result in waiting:
            if id(result) in not_written:
                result = Skipped(str(path), f"could not be written: {not_written[id(result)]}")
            done = result if isinstance(result, Skipped) else ArticleReport.of(result)
            if isinstance(done, Skipped):
                report.skipped.append(done)
            else:
                report.articles.append(done)
            if on_article:
                on_article(path, done)
        waiting.clear()

    for path, result in extract_files(files, default_workers() if workers is None else workers):
        if stop is not None and stop.is_set():
            raise KeyboardInterrupt
        waiting.append((path, result))
        if sum(isinstance(item, Extraction) for _path, item in waiting) >= writer.batch_articles:
            flush()
    flush()
    return report


def ingest_file(path: Path, writer: GraphWriter) -> ArticleReport | Skipped:
    document = read_document(path)
    if isinstance(document, Skipped):
        return document
    return ingest_document(document, writer)


def ingest_document(document: Document, writer: GraphWriter) -> ArticleReport:
    extraction = extract_document(document)
    writer.write(extraction)
    return ArticleReport.of(extraction)
