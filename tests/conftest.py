"""Fixtures: real FalkorDB servers (no mocks), the sample corpus, and the CLI runner."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import capgraph
from capgraph.graph.embedded import EmbeddedFalkorDB, ServerAddress, free_bolt_port
from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.neo4j_store import Neo4jStore

PACKAGE_DIR = Path(capgraph.__file__).parent
CORPUS = PACKAGE_DIR / "data" / "corpus"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"

_graph_names = itertools.count()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def falkor_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerAddress]:
    """One real embedded FalkorDB for the session (append-only persistence on, as in production)."""
    with EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb")) as server:
        assert server.address is not None
        yield server.address


@pytest.fixture
def store(falkor_server: ServerAddress) -> Iterator[FalkorStore]:
    """A fresh, empty graph on the session's server."""
    graph = f"test_{os.getpid()}_{next(_graph_names)}"
    falkor = FalkorStore(falkor_server, graph)
    try:
        yield falkor
    finally:
        falkor.delete_graph()
        falkor.close()


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerAddress]:
    """A FalkorDB speaking Bolt, for the Neo4j code path through the real `neo4j` driver.

    Persistence is off: FalkorDB's experimental Bolt support crashes on writes with AOF on.
    Its Bolt endpoint serves the graph named "falkordb".
    """
    with EmbeddedFalkorDB(tmp_path_factory.mktemp("bolt"), bolt_port=free_bolt_port(), persist=False) as server:
        assert server.address is not None
        yield server.address


@pytest.fixture
def neo4j_store(bolt_server: ServerAddress) -> Iterator[Neo4jStore]:
    uri = f"bolt://127.0.0.1:{bolt_server.bolt_port}"
    neo = Neo4jStore(uri, "falkordb", bolt_server.password)
    neo.query("MATCH (n) DETACH DELETE n", write=True)
    try:
        yield neo
    finally:
        neo.close()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory for CLI runs, set through the environment as a user would."""
    path = tmp_path / "capgraph-data"
    monkeypatch.setenv("CAPGRAPH_DATA_DIR", str(path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
