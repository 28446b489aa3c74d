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
from xml.sax.saxutils import escape, quoteattr

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


_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GRAPHML_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def _graphml_value(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else escape(str(value))


def write_graphml(subgraph: Subgraph, path: Path) -> None:
    """GraphML as networkx writes it, but line by line: no XML tree of the whole graph in memory.

    Graph-level attributes are left out (GraphML would need them typed; the description is in
    the file name).
    """
    graph = to_networkx(subgraph, scalars_only=True)
    keys: dict[tuple[str, str], tuple[str, str]] = {}  # (node|edge, attribute) -> (key id, GraphML type)
    for domain, items in (
        ("node", (data for _, data in graph.nodes(data=True))),
        ("edge", (data for _, _, data in graph.edges(data=True))),
    ):
        for data in items:
            for name, value in data.items():
                if (domain, name) not in keys:
                    keys[(domain, name)] = (f"d{len(keys)}", _GRAPHML_TYPES.get(type(value), "string"))

    def data_lines(domain: str, data: dict[str, Any]) -> str:
        return "".join(
            f'      <data key="{keys[(domain, name)][0]}">{_graphml_value(value)}</data>\n'
            for name, value in data.items()
        )

    with path.open("w", encoding="utf-8") as out:
        out.write(_GRAPHML_HEADER)
        for (domain, name), (key, kind) in keys.items():
            out.write(f'  <key id="{key}" for="{domain}" attr.name={quoteattr(name)} attr.type="{kind}" />\n')
        out.write('  <graph edgedefault="directed">\n')
        for node, data in graph.nodes(data=True):
            out.write(f"    <node id={quoteattr(str(node))}>\n{data_lines('node', data)}    </node>\n")
        for source, target, key, data in graph.edges(keys=True, data=True):
            out.write(
                f"    <edge source={quoteattr(str(source))} target={quoteattr(str(target))} id={quoteattr(str(key))}>\n"
                f"{data_lines('edge', data)}    </edge>\n"
            )
        out.write("  </graph>\n</graphml>\n")


def write_gexf(subgraph: Subgraph, path: Path) -> None:
    graph = to_networkx(subgraph, scalars_only=True)
    graph.graph.clear()
    # GEXF reserves `label` and `id` as the node's own; the rest are attributes.
    nx.write_gexf(graph, path, encoding="utf-8", prettyprint=True)


def node_link(subgraph: Subgraph) -> dict[str, Any]:
    return nx.node_link_data(to_networkx(subgraph), edges="links")


def write_node_link_json(subgraph: Subgraph, path: Path) -> None:
    # json.dump writes as it encodes: the document is never one string in memory.
    with path.open("w", encoding="utf-8") as handle:
        json.dump(node_link(subgraph), handle, ensure_ascii=False, indent=2, default=str)
