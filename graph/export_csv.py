"""CSV in the `neo4j-admin database import` header format, and a loader for it.

`nodes.csv`: `id:ID`, `:LABEL` (e.g. `Entity;Fund`), then one column per property with its
type (`aliases:string[]`, `amount_cny:double` …). `relationships.csv`: `:START_ID`,
`:END_ID`, `:TYPE`, then the properties (`evidence_sentences:string[]` …). Arrays are
joined by the array delimiter, `;` — unless some array item holds a `;`, then the first
of `|`, `¦`, U+001F that none holds; `import.txt` beside the files gives the exact
neo4j-admin command line, with `--array-delimiter` when it is not `;`.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .store import GraphStore
from .subgraph import Subgraph

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
COMMAND_FILE = "import.txt"
_DELIMITERS = (";", "|", "¦", "\x1f")
_BATCH = 500


def _scalar_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _column_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each property's neo4j-admin type; mixed numbers become double, anything else mixed string."""
    seen: dict[str, set[str]] = {}
    arrays: set[str] = set()
    for properties in rows:
        for key, value in properties.items():
            if value is None or isinstance(value, dict):
                continue
            if isinstance(value, list | tuple):
                arrays.add(key)
                kinds = {_scalar_type(item) for item in value if item is not None}
            else:
                kinds = {_scalar_type(value)}
            seen.setdefault(key, set()).update(kinds)
    types = {}
    for key in sorted(seen):
        kinds = seen[key]
        if len(kinds) == 1:
            kind = next(iter(kinds))
        elif kinds <= {"long", "double"}:
            kind = "double"
        else:
            kind = "string"
        types[key] = kind + ("[]" if key in arrays else "")
    return types


def _array_items(subgraph: Subgraph) -> Iterator[str]:
    for holder in [*subgraph.nodes.values(), *subgraph.relationships.values()]:
        for value in holder.properties.values():
            if isinstance(value, list | tuple):
                yield from (str(item) for item in value)


def array_delimiter(subgraph: Subgraph) -> str:
    items = list(_array_items(subgraph))
    for delimiter in _DELIMITERS:
        if not any(delimiter in item for item in items):
            return delimiter
    raise ValueError("every array delimiter capgraph knows occurs in the data; CSV cannot hold these arrays")


def _cell(value: Any, kind: str, delimiter: str) -> str:
    if value is None or isinstance(value, dict):
        return ""
    if kind.endswith("[]"):
        items = value if isinstance(value, list | tuple) else [value]
        return delimiter.join(_cell(item, kind[:-2], delimiter) for item in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return str(value)


def write_import_csv(subgraph: Subgraph, folder: Path) -> list[Path]:
    """Write nodes.csv, relationships.csv and import.txt into `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    delimiter = array_delimiter(subgraph)
    node_types = _column_types(
        {k: v for k, v in node.properties.items() if k != "id"} for node in subgraph.nodes.values()
    )
    rel_types = _column_types(rel.properties for rel in subgraph.relationships.values())
    nodes_path, rels_path, command_path = folder / NODES_FILE, folder / RELATIONSHIPS_FILE, folder / COMMAND_FILE
    with nodes_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id:ID", ":LABEL", *(f"{key}:{kind}" for key, kind in node_types.items())])
        for node in subgraph.nodes.values():
            cells = [_cell(node.properties.get(key), kind, delimiter) for key, kind in node_types.items()]
            writer.writerow([node.id, ";".join(node.labels), *cells])
    with rels_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", *(f"{key}:{kind}" for key, kind in rel_types.items())])
        for rel in subgraph.relationships.values():
            cells = [_cell(rel.properties.get(key), kind, delimiter) for key, kind in rel_types.items()]
            writer.writerow([rel.source, rel.target, rel.type, *cells])
    option = "" if delimiter == ";" else f" --array-delimiter={'U+001F' if delimiter == chr(31) else delimiter}"
    command_path.write_text(
        f"neo4j-admin database import full neo4j --nodes={NODES_FILE} --relationships={RELATIONSHIPS_FILE}"
        f" --multiline-fields=true{option}\n",
        encoding="utf-8",
    )
    return [nodes_path, rels_path, command_path]


# --- reading it back (tests, and `capgraph`'s own round trip) ---------------------------------


def _parse(cell: str, kind: str, delimiter: str) -> Any:
    if kind.endswith("[]"):
        return [] if cell == "" else [_parse(item, kind[:-2], delimiter) for item in cell.split(delimiter)]
    if cell == "":
        return None
    if kind == "long":
        return int(cell)
    if kind == "double":
        return float(cell)
    if kind == "boolean":
        return cell == "true"
    return cell


def _header(column: str) -> tuple[str, str]:
    name, _, kind = column.partition(":")
    return name, kind or "string"


def read_import_csv(folder: Path, delimiter: str = ";") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes as {id, labels, properties} and relationships as {source, target, type, properties}."""
    nodes, relationships = [], []
    with (folder / NODES_FILE).open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = [_header(column) for column in next(rows)]
        for row in rows:
            record: dict[str, Any] = {"properties": {}}
            for (name, kind), cell in zip(header, row, strict=True):
                if kind == "ID":
                    record["id"] = cell
                    record["properties"][name or "id"] = cell
                elif kind == "LABEL":
                    record["labels"] = [label for label in cell.split(";") if label]
                elif (value := _parse(cell, kind, delimiter)) is not None:
                    record["properties"][name] = value
            nodes.append(record)
    with (folder / RELATIONSHIPS_FILE).open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = [_header(column) for column in next(rows)]
        for row in rows:
            record = {"properties": {}}
            for (name, kind), cell in zip(header, row, strict=True):
                if kind in {"START_ID", "END_ID", "TYPE"}:
                    record[{"START_ID": "source", "END_ID": "target", "TYPE": "type"}[kind]] = cell
                elif (value := _parse(cell, kind, delimiter)) is not None:
                    record["properties"][name] = value
            relationships.append(record)
    return nodes, relationships


def load_import_csv(store: GraphStore, folder: Path, delimiter: str = ";") -> tuple[int, int]:
    """Load nodes.csv and relationships.csv into a store (MERGE by id); returns (nodes, relationships)."""
    from .export_cypher import cypher_name

    nodes, relationships = read_import_csv(folder, delimiter)
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node in nodes:
        by_labels.setdefault(tuple(node["labels"]), []).append({"id": node["id"], "props": node["properties"]})
    for labels, rows in by_labels.items():
        pattern = "".join(":" + cypher_name(label) for label in labels)
        for start in range(0, len(rows), _BATCH):
            store.query(
                f"UNWIND $rows AS row MERGE (n{pattern} {{id: row.id}}) SET n += row.props",
                {"rows": rows[start : start + _BATCH]},
                write=True,
            )
    # Match the ends by their label too, so the id index is used rather than a scan.
    label_of = {node["id"]: next((lab for lab in node["labels"] if lab != "Entity"), "") for node in nodes}
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for rel in relationships:
        key = (rel["type"], label_of.get(rel["source"], ""), label_of.get(rel["target"], ""))
        groups.setdefault(key, []).append(
            {"source": rel["source"], "target": rel["target"], "props": rel["properties"]}
        )
    for (rel_type, source_label, target_label), rows in groups.items():
        source = ":" + cypher_name(source_label) if source_label else ""
        target = ":" + cypher_name(target_label) if target_label else ""
        for start in range(0, len(rows), _BATCH):
            store.query(
                f"UNWIND $rows AS row MATCH (s{source} {{id: row.source}}) MATCH (t{target} {{id: row.target}}) "
                f"MERGE (s)-[r:{cypher_name(rel_type)}]->(t) SET r += row.props",
                {"rows": rows[start : start + _BATCH]},
                write=True,
            )
    return len(nodes), len(relationships)
