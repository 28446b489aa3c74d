"""A subgraph as a networkx graph, and the formats networkx writes: GraphML, GEXF, node-link JSON.

Node attributes: `label` (the name, which Gephi and yEd show), `name`, `capgraph_label`
(Fund, Institution …), `labels` and every stored property; edge attributes: `type`,
`label` (the type again, for display) and every stored property, evidence included.
GraphML and GEXF cannot hold lists, so lists there are JSON text (`["a", "b"]`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from .subgraph import Subgraph


def to_networkx(subgraph: Subgraph, *, scalars_only: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by node id; edge keys are the relationship types."""
    graph = nx.MultiDiGraph(description=subgraph.description)
    for node_id, node in subgraph.nodes.items():
        attributes = dict(node.properties)
        attributes.update(
            label=node.name, name=node.name, capgraph_label=node.label, labels=";".join(node.labels), id=node_id
        )
        graph.add_node(node_id, **attributes)
    for rel in subgraph.relationships.values():
        graph.add_edge(rel.source, rel.target, key=rel.type, **{**rel.properties, "type": rel.type, "label": rel.type})
    if scalars_only:
        _make_scalar(graph)
    return graph


def _make_scalar(graph: nx.MultiDiGraph) -> None:
    """Lists and maps become JSON text; a key seen with several value types gets one type for all."""
    for items in (
        [data for _, data in graph.nodes(data=True)],
        [data for _, _, data in graph.edges(data=True)],
    ):
        for data in items:
            for key, value in list(data.items()):
                if value is None:
                    del data[key]
                elif isinstance(value, list | tuple | dict):
                    data[key] = json.dumps(value, ensure_ascii=False)
        kinds: dict[str, set[type]] = {}
        for data in items:
            for key, value in data.items():
                kinds.setdefault(key, set()).add(type(value))
        for key, types in kinds.items():
            if len(types) < 2:
                continue
            target = float if types <= {int, float} else str
            for data in items:
                if key in data:
                    data[key] = target(data[key])


def write_graphml(subgraph: Subgraph, path: Path) -> None:
    graph = to_networkx(subgraph, scalars_only=True)
    graph.graph.clear()  # graph-level attributes: GraphML would need them typed; the description is in the file name
    nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True)


def write_gexf(subgraph: Subgraph, path: Path) -> None:
    graph = to_networkx(subgraph, scalars_only=True)
    graph.graph.clear()
    # GEXF reserves `label` and `id` as the node's own; the rest are attributes.
    nx.write_gexf(graph, path, encoding="utf-8", prettyprint=True)


def node_link(subgraph: Subgraph) -> dict[str, Any]:
    return nx.node_link_data(to_networkx(subgraph), edges="links")


def write_node_link_json(subgraph: Subgraph, path: Path) -> None:
    path.write_text(json.dumps(node_link(subgraph), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
