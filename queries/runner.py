"""Run a saved query: typed parameters, entity names resolved to ids, always read-only.

Public API (also used by `capgraph viz --query` and `capgraph export --query`):
`bind_params(query, raw)`, `run_saved_query(store, query, raw_params)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from capgraph.errors import InputError, StoreError
from capgraph.graph.lookup import find_entities
from capgraph.graph.store import GraphNode, GraphStore, QueryResult

from .packs import QueryParam, SavedQuery, code_only

_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}

# Clauses and procedures that change a graph. Saved queries run read-only in the database too
# (FalkorDB's GRAPH.RO_QUERY, a READ transaction on Neo4j); this check refuses them before they
# are sent, with one clear line, also where a Bolt server does not enforce the read access mode.
_WRITE_CLAUSE = re.compile(
    r"(?<![\w.:$])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b(?!\s*:)"
    r"|\bCALL\s+[\w.]*?(create|drop|delete|merge|set|remove|clear)\w*\s*\(",
    re.IGNORECASE,
)


# A write keyword used as a name, not a clause: an alias (`AS create`), or a word followed by what
# no clause is (an operator, a comma, a closing bracket, the end, or a keyword that ends an expression).
_ALIASED = re.compile(r"\bAS\s*$", re.IGNORECASE)
_AFTER_A_NAME = re.compile(
    r"\s*(?:[=<>,.)\]}+\-*/%^|]|$|\b(?:AS|ORDER|LIMIT|SKIP|UNION|RETURN|IN|AND|OR|XOR|IS|ASC|DESC)\b)",
    re.IGNORECASE,
)


def write_clause(cypher: str) -> str | None:
    """The first clause of `cypher` that would write to the graph, or None for a read-only statement."""
    code = code_only(cypher)
    for match in _WRITE_CLAUSE.finditer(code):
        is_call = match.group(1) is None
        if not is_call and (_ALIASED.search(code, 0, match.start()) or _AFTER_A_NAME.match(code, match.end())):
            continue
        return " ".join(match.group(0).split()).rstrip("(")
    return None


def _to_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(text)


def _to_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "entity": str,
    "int": int,
    "float": float,
    "bool": _to_bool,
    "list": _to_list,
}
_TYPE_WORDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "list": "a comma-separated list"}


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def convert(param: QueryParam, raw: Any, query_name: str) -> Any:
    """One parameter's value as its declared type; an InputError (one line) if it does not fit."""
    if raw is None:
        return None
    if param.type == "list" and isinstance(raw, list | tuple):
        return [str(item) for item in raw]
    if isinstance(raw, bool) and param.type == "bool":
        return raw
    text = str(raw)
    try:
        return _CONVERTERS[param.type](text)
    except ValueError:
        wanted = _TYPE_WORDS.get(param.type, param.type)
        raise InputError(f"parameter {param.name!r} of {query_name} must be {wanted}, got {text!r}") from None


def bind_params(query: SavedQuery, raw: Mapping[str, Any]) -> dict[str, Any]:
    """`--param name=value` text → the query's parameters, typed, with defaults applied.

    Entity parameters stay as typed here (a name or alias); `run_saved_query` resolves them.
    """
    unknown = [name for name in raw if query.param(name) is None]
    if unknown:
        declared = ", ".join(param.name for param in query.params) or "none"
        raise InputError(f"{query.name} has no parameter {unknown[0]!r} (its parameters: {declared})")
    bound: dict[str, Any] = {}
    for param in query.params:
        if param.name in raw:
            bound[param.name] = convert(param, raw[param.name], query.name)
        elif param.required:
            raise InputError(f"{query.name} needs --param {param.name}=… ({param.type}: {param.description})")
        elif param.default is None or param.default.lower() == "null":
            bound[param.name] = None
        else:
            bound[param.name] = convert(param, _unquote(param.default), query.name)
    return bound


def resolve_entity(store: GraphStore, param: QueryParam, name: str) -> GraphNode:
    """The entity an entity parameter names (id, name or any alias), of the labels it asks for."""
    found = find_entities(store, name)
    fitting = [node for node in found if not param.labels or node.label in param.labels]
    if fitting:
        return fitting[0]
    wanted = " or ".join(param.labels) if param.labels else "entity"
    described = ", ".join(f"{node.properties.get('name', node.id)} ({node.label})" for node in found)
    others = f" (found only {described})" if found else ""
    raise InputError(f"no {wanted} named {name!r} in the graph{others}")


def resolve_entities(store: GraphStore, query: SavedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """Entity parameters (a name or any alias) replaced by the entity's `id`."""
    resolved = dict(params)
    for param in query.params:
        if param.type == "entity" and resolved.get(param.name) is not None:
            resolved[param.name] = resolve_entity(store, param, str(resolved[param.name])).id
    return resolved


def check_read_only(query: SavedQuery) -> None:
    """A StoreError (one line) if the saved query would write to the graph."""
    clause = write_clause(query.cypher)
    if clause is not None:
        raise StoreError(
            f"saved query {query.name} writes to the graph ({clause}); refused: saved queries run read-only"
        )


def run_saved_query(store: GraphStore, query: SavedQuery, raw_params: Mapping[str, Any]) -> QueryResult:
    """Bind, resolve and run a saved query read-only; a query that writes is refused."""
    check_read_only(query)
    params = resolve_entities(store, query, bind_params(query, raw_params))
    return store.query(query.cypher, params, write=False)
