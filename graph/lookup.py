"""Find an entity by what a user types: its id, its name, or any of its aliases."""

from __future__ import annotations

from capgraph.errors import InputError

from .ids import canonical_key
from .store import GraphNode, GraphStore

# Exact id, name or alias first; then names that contain what was typed (shortest first).
FIND_EXACT = (
    "MATCH (n:Entity) WHERE n.id = $name OR n.name = $name OR $name IN n.aliases RETURN n ORDER BY size(n.name) LIMIT 5"
)
FIND_CONTAINING = "MATCH (n:Entity) WHERE n.name CONTAINS $name RETURN n ORDER BY size(n.name) LIMIT 5"


def find_entities(store: GraphStore, name: str) -> list[GraphNode]:
    typed = canonical_key(name)
    if not typed:
        raise InputError("an entity name is empty")
    for cypher in (FIND_EXACT, FIND_CONTAINING):
        nodes = [value for value in store.query(cypher, {"name": typed}).column(0) if isinstance(value, GraphNode)]
        if nodes:
            return nodes
    return []


def find_entity(store: GraphStore, name: str) -> GraphNode:
    """The one entity meant by `name`; an InputError (one line) if there is none."""
    nodes = find_entities(store, name)
    if not nodes:
        raise InputError(f"no entity named {name!r} in the graph")
    return nodes[0]


def the_entity(store: GraphStore, name: str) -> GraphNode:
    """The one entity `name` means: its exact id, name or alias, or the only name containing it.

    Several candidates are an InputError listing them (the user picks one), never a silent choice.
    """
    typed = canonical_key(name)
    if not typed:
        raise InputError("an entity name is empty")
    for cypher in (FIND_EXACT, FIND_CONTAINING):
        found = store.query(cypher, {"name": typed}).column(0)
        nodes = list({node.id: node for node in found if isinstance(node, GraphNode)}.values())
        if len(nodes) == 1:
            return nodes[0]
        if nodes:
            listed = "; ".join(f"{node.properties.get('name')} ({node.label}, {node.id})" for node in nodes)
            more = " …" if len(nodes) >= 5 else ""
            raise InputError(f"{name!r} could mean several entities: {listed}{more}; give a full name or an id")
    raise InputError(f"no entity named {name!r} in the graph")
