"""A Cypher script that rebuilds a subgraph in Neo4j or FalkorDB: MERGE by id, one statement a line.

A script has no parameters, so every value is written as a literal; `cypher_string`
escapes text so that quotes, backslashes, newlines or markup from an article stay data.
Only the escapes both databases read are used (\\\\ \\' \\n \\r \\t \\b \\f; FalkorDB does not
read \\uXXXX): other control characters are kept as they are, except NUL, which is dropped.
Each statement sits on one line and ends with `;`, so cypher-shell, `load_cypher_script`
and a line-by-line reader all split it the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from capgraph import __version__

from .store import GraphStore
from .subgraph import Subgraph, SubgraphNode, SubgraphRelationship

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f", "\x00": ""}
_TO_ESCAPE = re.compile("[\\\\'\n\r\t\b\f\x00]")


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal holding exactly `text` (NUL aside)."""
    return "'" + _TO_ESCAPE.sub(lambda match: _ESCAPES[match.group(0)], text) + "'"


def cypher_name(name: str) -> str:
    """A label, relationship type or property key: as is when plain, else in backticks."""
    if _IDENTIFIER.fullmatch(name):
        return name
    if "`" in name or not name:
        raise ValueError(f"cannot write {name!r} as a Cypher name")  # FalkorDB reads no escaped backtick
    return f"`{name}`"


def cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(item) for item in value) + "]"
    return cypher_string(str(value))


def _settable(properties: dict[str, Any], skip: Iterable[str] = ()) -> list[tuple[str, Any]]:
    """Properties a database can store: no nulls, no maps, no non-finite numbers."""
    skipped = set(skip)
    items = []
    for key, value in sorted(properties.items()):
        if key in skipped or value is None or isinstance(value, dict):
            continue
        if isinstance(value, float) and not math.isfinite(value):
            continue
        items.append((key, value))
    return items


def _set_clause(variable: str, items: list[tuple[str, Any]]) -> str:
    if not items:
        return ""
    return " SET " + ", ".join(f"{variable}.{cypher_name(key)} = {cypher_literal(value)}" for key, value in items)


def _node_pattern(variable: str, node: SubgraphNode, *, all_labels: bool) -> str:
    labels = node.labels if all_labels else (node.label,)
    return f"({variable}{''.join(':' + cypher_name(label) for label in labels)} {{id: {cypher_string(node.id)}}})"


def node_statement(node: SubgraphNode) -> str:
    """The statement (without `;`) that rebuilds one node: MERGE by id with every label, SET the rest."""
    return (
        f"MERGE {_node_pattern('n', node, all_labels=True)}{_set_clause('n', _settable(node.properties, skip=('id',)))}"
    )


def relationship_statement(rel: SubgraphRelationship, source: SubgraphNode, target: SubgraphNode) -> str:
    """The statement (without `;`) that rebuilds one relationship between two nodes already written."""
    return (
        f"MATCH {_node_pattern('s', source, all_labels=False)} "
        f"MATCH {_node_pattern('t', target, all_labels=False)} "
        f"MERGE (s)-[r:{cypher_name(rel.type)}]->(t){_set_clause('r', _settable(rel.properties))}"
    )


def cypher_script_statements(subgraph: Subgraph) -> list[str]:
    """The statements (without the closing `;`) that rebuild the subgraph: nodes first, then relationships."""
    statements = [node_statement(node) for node in subgraph.nodes.values()]
    for rel in subgraph.relationships.values():
        statements.append(relationship_statement(rel, subgraph.nodes[rel.source], subgraph.nodes[rel.target]))
    return statements


def script_header(description: str, nodes: int, relationships: int) -> list[str]:
    return [
        f"// capgraph {__version__}: {description.replace(chr(10), ' ')}",
        f"// {nodes} nodes, {relationships} relationships; MERGE by id, safe to run twice.",
        "// Runs on Neo4j (cypher-shell -f FILE) and FalkorDB. For speed, index :Entity(id) and each label's id first.",
    ]


def cypher_script(subgraph: Subgraph) -> str:
    header = script_header(subgraph.description, len(subgraph.nodes), len(subgraph.relationships))
    return "\n".join([*header, *(statement + ";" for statement in cypher_script_statements(subgraph))]) + "\n"


def script_statements(text: str) -> list[str]:
    """The statements of a script written by `cypher_script` (one a line, comments skipped)."""
    statements = []
    for line in text.split("\n"):  # not splitlines(): U+2028 and friends may sit inside a literal
        line = line.strip()
        if line and not line.startswith("//"):
            statements.append(line.removesuffix(";"))
    return statements


def load_cypher_script(store: GraphStore, text: str) -> int:
    """Run a capgraph Cypher script against a store; returns the number of statements run."""
    statements = script_statements(text)
    for statement in statements:
        store.query(statement, write=True)
    return len(statements)
