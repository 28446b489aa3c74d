"""A subgraph as a networkx graph, and the formats networkx writes: GraphML, GEXF, node-link JSON.

Node attributes: `label` (the name, which Gephi and yEd show), `name`, `capgraph_label`
(Fund, Institution …), `labels` and every stored property; edge attributes: `type`,
`label` (the type again, for display) and every stored property, evidence included.
GraphML and GEXF cannot hold lists, so lists there are JSON text (`["a", "b"]`).
"""

from __future__ import annotations

import json
from datetime import date
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


_GEXF_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
)


def write_gexf(subgraph: Subgraph, path: Path) -> None:
    """GEXF 1.2 as networkx writes it, but line by line: no XML tree of the whole graph in memory.

    GEXF reserves `label` and `id` as the node's own, and `label` and `type` as the edge's; the
    rest are attributes, the relationship type also as `networkx_key` (what networkx reads back).
    """
    graph = to_networkx(subgraph, scalars_only=True)
    attributes: dict[tuple[str, str], tuple[str, str]] = {}  # (node|edge, name) -> (id, GEXF type)

    def declare(domain: str, data: dict[str, Any]) -> None:
        for name, value in data.items():
            if (domain, name) not in attributes:
                attributes[(domain, name)] = (str(len(attributes)), _GRAPHML_TYPES.get(type(value), "string"))

    def node_data(data: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in data.items() if key not in ("id", "label")}

    def edge_data(key: str, data: dict[str, Any]) -> dict[str, Any]:
        return {**{name: value for name, value in data.items() if name not in ("label", "type")}, "networkx_key": key}

    for _, data in graph.nodes(data=True):
        declare("node", node_data(data))
    for _, _, key, data in graph.edges(keys=True, data=True):
        declare("edge", edge_data(key, data))

    def values(domain: str, data: dict[str, Any]) -> str:
        lines = "".join(
            f'          <attvalue for="{attributes[(domain, name)][0]}" value={quoteattr(_gexf_value(value))} />\n'
            for name, value in data.items()
        )
        return f"        <attvalues>\n{lines}        </attvalues>\n" if lines else ""

    with path.open("w", encoding="utf-8") as out:
        out.write(_GEXF_HEADER)
        out.write(f'  <meta lastmodifieddate="{date.today().isoformat()}">\n')
        out.write("    <creator>capgraph</creator>\n  </meta>\n")
        out.write('  <graph defaultedgetype="directed" mode="static" name="">\n')
        for domain in ("edge", "node"):
            declared = [(key, kind, name) for (where, name), (key, kind) in attributes.items() if where == domain]
            if declared:
                out.write(f'    <attributes mode="static" class="{domain}">\n')
                for key, kind, name in declared:
                    out.write(f'      <attribute id="{key}" title={quoteattr(name)} type="{kind}" />\n')
                out.write("    </attributes>\n")
        out.write("    <nodes>\n")
        for node, data in graph.nodes(data=True):
            node_id, label = str(data.get("id", node)), str(data.get("label", node))
            out.write(f"      <node id={quoteattr(node_id)} label={quoteattr(label)}>\n")
            out.write(values("node", node_data(data)) + "      </node>\n")
        out.write("    </nodes>\n    <edges>\n")
        for index, (source, target, key, data) in enumerate(graph.edges(keys=True, data=True)):
            out.write(
                f'      <edge source={quoteattr(str(source))} target={quoteattr(str(target))} id="{index}" '
                f"label={quoteattr(str(data.get('label', key)))} type={quoteattr(str(data.get('type', key)))}>\n"
            )
            out.write(values("edge", edge_data(key, data)) + "      </edge>\n")
        out.write("    </edges>\n  </graph>\n</gexf>\n")


def _gexf_value(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def node_link(subgraph: Subgraph) -> dict[str, Any]:
    return nx.node_link_data(to_networkx(subgraph), edges="links")


def write_node_link_json(subgraph: Subgraph, path: Path) -> None:
    # json.dump writes as it encodes: the document is never one string in memory.
    with path.open("w", encoding="utf-8") as handle:
        json.dump(node_link(subgraph), handle, ensure_ascii=False, indent=2, default=str)
