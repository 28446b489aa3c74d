"""Shared by the explorer's tests: the sample graph with article dates and sources, and the app over it."""

from __future__ import annotations

from test_viz_support import ARTICLE_TITLES, _extraction

from capgraph.graph.store import GraphStore
from capgraph.graph.writer import GraphWriter

ARTICLE_DATES = ("2025-01-15", None)
ARTICLE_SOURCES = ("新华社", None)
ARTICLE_URLS = ("https://example.org/news/1", None)


def build_dated_sample_graph(store: GraphStore) -> GraphStore:
    """The views' sample graph (test_viz_support), its first article with a date, a source and a URL."""
    writer = GraphWriter(store)
    writer.ensure_indexes()
    for index in range(len(ARTICLE_TITLES)):
        extraction = _extraction(index)
        extraction.document.date = ARTICLE_DATES[index]
        extraction.document.source = ARTICLE_SOURCES[index]
        extraction.document.url = ARTICLE_URLS[index]
        writer.write(extraction)
    return store
