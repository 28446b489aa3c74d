"""Open the store the settings ask for: Neo4j when a URI is given, the embedded FalkorDB otherwise."""

from __future__ import annotations

from capgraph.settings import StoreSettings

from .falkor_store import FalkorStore
from .neo4j_store import Neo4jStore
from .store import GraphStore


def open_store(settings: StoreSettings) -> GraphStore:
    """The caller closes it (use it as a context manager); closing stops an embedded server."""
    if settings.neo4j_uri:
        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database)
    return FalkorStore.embedded(settings.data_dir, settings.graph, wait_seconds=settings.wait_seconds)
