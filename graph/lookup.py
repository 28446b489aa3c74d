"""Find an entity by what a user types: its id, its name, or any of its aliases."""

from __future__ import annotations

from capgraph.errors import InputError

from .ids import canonical_key
from .name_key import name_key
from .store import GraphNode, GraphStore

# What the user typed is compared both as typed and in the forms names are stored under
# (graph/name_key.py): a name with spaces or quotes (马 鸣, “某某”行动方案) is found however it is typed.
# An id first (an index lookup: tools and links pass ids); then exact name or alias; then the stored
# name key; then names that contain what was typed.
FIND_BY_ID = "MATCH (n:Entity {id: $raw}) RETURN n"
FIND_EXACT = (
    "MATCH (n:Entity) WHERE n.name IN [$raw, $name] OR $raw IN n.aliases OR $name IN n.aliases "
    "RETURN n ORDER BY size(n.name) LIMIT 5"
)
FIND_BY_KEY = "MATCH (n:Entity) WHERE n.name_key = $key OR $key IN n.alias_keys RETURN n ORDER BY size(n.name) LIMIT 5"
FIND_CONTAINING = (
    "MATCH (n:Entity) WHERE n.name CONTAINS $raw OR n.name CONTAINS $name OR n.name_key CONTAINS $name "
    "RETURN n ORDER BY size(n.name) LIMIT 5"
)
_FINDS = (FIND_BY_ID, FIND_EXACT, FIND_BY_KEY, FIND_CONTAINING)


def _lookup_params(name: str) -> dict[str, str]:
    typed = canonical_key(name)
    if not typed:
        raise InputError("an entity name is empty")
    return {"raw": name.strip(), "name": typed, "key": name_key(name)}


def find_entities(store: GraphStore, name: str) -> list[GraphNode]:
    params = _lookup_params(name)
    for cypher in _FINDS:
        nodes = [value for value in store.query(cypher, params).column(0) if isinstance(value, GraphNode)]
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
    params = _lookup_params(name)
    for cypher in _FINDS:
        found = store.query(cypher, params).column(0)
        nodes = list({node.id: node for node in found if isinstance(node, GraphNode)}.values())
        if len(nodes) == 1:
            return nodes[0]
        if nodes:
            listed = "; ".join(f"{node.properties.get('name')} ({node.label}, {node.id})" for node in nodes)
            more = " …" if len(nodes) >= 5 else ""
            raise InputError(f"{name!r} could mean several entities: {listed}{more}; give a full name or an id")
    raise InputError(f"no entity named {name!r} in the graph")
