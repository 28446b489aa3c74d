"""Ingest: read articles, extract, and write them to a store, one atomic article at a time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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


def ingest(
    paths: Sequence[str | Path],
    store: GraphStore,
    *,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[Path, ArticleReport | Skipped], None] | None = None,
) -> IngestReport:
    """Ingest files and folders; unreadable files are skipped and reported, not fatal."""
    files = collect_inputs(paths)
    if on_start:
        on_start(len(files))
    writer = GraphWriter(store)
    writer.ensure_indexes()
    report = IngestReport()
    for path in files:
        result = ingest_file(path, writer)
        if isinstance(result, Skipped):
            report.skipped.append(result)
        else:
            report.articles.append(result)
        if on_article:
            on_article(path, result)
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
