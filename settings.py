"""Where the graph lives: the embedded FalkorDB's data directory, or a Neo4j server."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(".capgraph")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    data_dir: Path = DEFAULT_DATA_DIR
    graph: str = "capgraph"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str | None = None
    wait_seconds: float = 60.0  # how long to wait for another command using the same data directory

    @classmethod
    def from_env(cls, **overrides: object) -> StoreSettings:
        """Options given on the command line win over the environment, which wins over defaults."""
        env = os.environ
        values: dict[str, object] = {
            "data_dir": Path(env.get("CAPGRAPH_DATA_DIR", str(DEFAULT_DATA_DIR))),
            "graph": env.get("CAPGRAPH_GRAPH", "capgraph"),
            "neo4j_uri": env.get("NEO4J_URI") or None,
            "neo4j_user": env.get("NEO4J_USERNAME", env.get("NEO4J_USER", "neo4j")),
            "neo4j_password": env.get("NEO4J_PASSWORD", ""),
            "neo4j_database": env.get("NEO4J_DATABASE") or None,
            "wait_seconds": _seconds(env.get("CAPGRAPH_LOCK_WAIT"), default=60.0),
        }
        values.update({key: value for key, value in overrides.items() if value is not None})
        if not isinstance(values["data_dir"], Path):
            values["data_dir"] = Path(str(values["data_dir"]))
        return cls(**values)  # type: ignore[arg-type]

    @property
    def uses_neo4j(self) -> bool:
        return bool(self.neo4j_uri)


def _seconds(text: str | None, default: float) -> float:
    try:
        return max(0.0, float(text)) if text else default
    except ValueError:
        return default
