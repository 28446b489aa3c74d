"""What the explorer page asks of the graph, as JSON-ready data: the library under the web app.

Every read goes through `GraphStore.query(..., write=False)` and saved queries through
`queries.runner.run_saved_query` (the read-only path of `capgraph query run`). Bad input is an
`InputError` with one line for the page.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from capgraph.errors import InputError
from capgraph.graph.amounts import yi
from capgraph.graph.export import ExportFormat, export_subgraph
from capgraph.graph.schema import ENTITY, RELATIONSHIP_TYPES, check_type
from capgraph.graph.store import GraphNode, GraphPath, GraphRelationship, GraphStore, QueryResult, display
from capgraph.graph.subgraph import (
    MAX_HOPS,
    Subgraph,
    SubgraphNode,
    SubgraphRelationship,
    named_entities_subgraph,
    nodes_with_relationships,
    query_result_subgraph,
)
from capgraph.queries.packs import SavedQuery, find_query, load_packs
from capgraph.queries.runner import run_saved_query
from capgraph.viz.page import (
    DEFAULT_MAX_NODES,
    ViewOptions,
    edge_id,
    legend_entries,
    most_connected,
    vis_elements,
    vis_options,
)
from capgraph.viz.style import LABEL_STYLES

from .index import Entry, GraphIndex

MONEY_TYPES: tuple[str, ...] = ("INVESTED_IN", "ESTABLISHED", "MANAGES")
EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv")
_MEDIA_TYPES = {"graphml": "application/xml", "gexf": "application/xml", "json": "application/json"}

_RELATIONSHIP = "MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target}) WHERE type(r) = $type RETURN r"
_ARTICLE = "MATCH (a:Article {id: $id}) RETURN a.id, a.title, a.date, a.source, a.url, a.text, a.path"
_ARTICLE_META = "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id, a.title, a.date, a.source, a.url"
_MONEY_EDGES = (
    "MATCH (s:Entity)-[r]->(t:Entity) WHERE type(r) IN $types "
    "RETURN s.id AS source, r AS rel, t.id AS target LIMIT $limit"
)
# Node properties the page never needs whole: a hub's `articles` holds every article that mentions it.
_BULKY = ("articles",)


@dataclass(frozen=True, slots=True)
class ExportFile:
    content: bytes
    filename: str
    media_type: str


class Explorer:
    """The explorer over one open store. Thread-safe as far as the store is (the app serialises calls)."""

    def __init__(self, store: GraphStore, pack_dirs: Sequence[Path] = (), *, neighbour_limit: int = 100) -> None:
        self.store = store
        self.pack_dirs = list(pack_dirs)
        self.neighbour_limit = neighbour_limit
        self.queries: dict[str, SavedQuery] = load_packs(self.pack_dirs)
        self.index = GraphIndex(store)

    # --- the page's frame ----------------------------------------------------------------
    def page_data(self) -> dict[str, Any]:
        labels, types = legend_entries(dict.fromkeys(LABEL_STYLES, 0), dict.fromkeys(RELATIONSHIP_TYPES, 0))
        return {
            "title": "capgraph explorer",
            "description": getattr(self.store, "description", "the graph"),
            "focus": None,
            "sizeBy": "degree",
            "colourBy": "label",
            "labels": labels,
            "types": types,
            "colourLegend": [],
            "shown": {"nodes": 0, "relationships": 0},
            "omitted": {"nodes": 0, "relationships": 0, "labels": {}, "limit": 0},
            "articles": {},
            "entities": len(self.index.entries),
            "moneyTypes": list(MONEY_TYPES),
            "exportFormats": list(EXPORT_FORMATS),
            "neighbourLimit": self.neighbour_limit,
        }

    def vis_options(self) -> dict[str, Any]:
        return vis_options(big=False)

    # --- search ----------------------------------------------------------------------------
    def search(self, typed: str, limit: int = 12) -> list[dict[str, Any]]:
        return [suggestion.to_json() for suggestion in self.index.suggest(typed, limit)]

    def resolve(self, typed: str) -> Entry:
        """The entity meant: an id, or a name or alias that names exactly one; else one line saying why."""
        typed = (typed or "").strip()
        if not typed:
            raise InputError("say which entity (a name, an alias or an id)")
        matches = self.index.matches(typed)
        if not matches:
            suggestions = self.index.suggest(typed, limit=5)
            hint = f"; did you mean {', '.join(s.entry.name for s in suggestions)}?" if suggestions else ""
            raise InputError(f"no entity named {typed!r} in the graph{hint}")
        if len(matches) > 1:
            listed = "; ".join(f"{m.name} ({m.label}, id {m.id})" for m in matches)
            raise InputError(f"{typed!r} names {len(matches)} entities: {listed} — choose one")
        return matches[0]

    # --- views -----------------------------------------------------------------------------
    def neighbourhood(self, typed: str, hops: int = 1, *, money: bool = False) -> dict[str, Any]:
        """The entity and what lies within `hops` relationships (of the money types only, for the money view)."""
        if not 1 <= hops <= MAX_HOPS:
            raise InputError(f"hops must be between 1 and {MAX_HOPS}, got {hops}")
        centre = self.resolve(typed)
        types = list(MONEY_TYPES if money else RELATIONSHIP_TYPES)
        seen = {centre.id}
        frontier = [centre.id]
        capped = False
        for _ in range(hops):
            found: set[str] = set()
            for node_id in frontier:
                links, total = self.index.neighbours(node_id, set(types), self.neighbour_limit)
                capped = capped or total > len(links)
                found.update(link.other(node_id) for link in links)
            frontier = sorted(found - seen)
            seen.update(frontier)
            if not frontier or len(seen) > 10 * self.neighbour_limit:
                capped = capped or bool(frontier)
                break
        subgraph = nodes_with_relationships(self.store, seen)
        subgraph = self._only_types(subgraph, types)
        kind = "money around" if money else f"{hops} hop{'s' if hops != 1 else ''} around"
        subgraph.description = f"{kind} {centre.name}"
        subgraph.focus = centre.id
        view = self.view(subgraph, money=money)
        view["capped"] = capped
        return view

    def money(self, typed: str | None = None, hops: int = 2, limit: int = 1500) -> dict[str, Any]:
        """Who funds whom: around one entity, or the whole money graph (the first `limit` relationships)."""
        if typed:
            return self.neighbourhood(typed, hops, money=True)
        result = self.store.query(_MONEY_EDGES, {"types": list(MONEY_TYPES), "limit": limit})
        ids = {str(source) for source, _, target in result.rows} | {str(target) for _, _, target in result.rows}
        subgraph = self._only_types(nodes_with_relationships(self.store, ids), list(MONEY_TYPES))
        subgraph.description = "who funds whom"
        view = self.view(subgraph, money=True)
        view["capped"] = len(result.rows) >= limit
        view["note"] = f"Showing the first {limit} money relationships: pick an entity to see its own."
        return view

    def expand(self, node_id: str, rel_type: str | None = None, have: Iterable[str] = ()) -> dict[str, Any]:
        """One hop out of a node on the page: at most `neighbour_limit` neighbours, the most connected first.

        Answered from the in-memory skeleton (names, labels, small properties, relationships): no round
        trip. The relationships come with their number of evidence sentences; the page asks for the
        sentences (`evidence`) when it shows them. `have`: the ids already on the page, so the
        relationships between them and the new neighbours come too.
        """
        centre = self.index.entries.get(node_id)
        if centre is None:
            raise InputError(f"no entity with id {node_id!r} in the graph")
        types = {self._type(rel_type)} if rel_type else set(RELATIONSHIP_TYPES)
        links, total = self.index.neighbours(node_id, types, self.neighbour_limit)
        subgraph = Subgraph(description=f"around {centre.name}", focus=node_id)
        fresh = [centre.id] + [link.other(node_id) for link in links]
        for entity_id in fresh:
            entry = self.index.entries.get(entity_id)
            if entry is not None:
                subgraph.add_node(_skeleton_node(entry))
        counts: dict[tuple[str, str, str], int] = {}
        on_page = set(have) | set(fresh)
        extra = [  # the new neighbours' relationships with what is already on the page
            link
            for entity_id in fresh[1:]
            for link in self.index.links.get(entity_id, ())
            if link.other(entity_id) in on_page
        ]
        for link in [*links, *extra]:
            for end in (link.source, link.target):
                if end not in subgraph.nodes and end in self.index.entries:
                    subgraph.add_node(_skeleton_node(self.index.entries[end]))
            subgraph.add_relationship(SubgraphRelationship(link.type, link.source, link.target, dict(link.properties)))
            counts[link.key] = link.evidence
        view = self.view(subgraph, evidence_counts=counts)
        view["capped"] = total > len(links)
        view["total"] = total
        return view

    def view(
        self, subgraph: Subgraph, *, money: bool = False, evidence_counts: dict[tuple[str, str, str], int] | None = None
    ) -> dict[str, Any]:
        """A subgraph as the page draws it: vis nodes and edges, and the cited articles' titles, dates and sources."""
        for node in subgraph.nodes.values():
            for key in _BULKY:
                node.properties.pop(key, None)
            entry = self.index.entries.get(node.id)
            if entry is not None:  # counted from MENTIONS when the index was built
                node.properties["article_count"] = entry.articles
            amount = yi(node.properties.get("amount_cny"))
            if amount:
                node.properties["amount (亿元)"] = amount
        edge_labels: dict[tuple[str, str, str], str] = {}
        for rel in subgraph.relationships.values():
            amount = yi(rel.properties.get("amount_cny"))
            if amount:
                rel.properties["amount (亿元)"] = amount
                if money:
                    edge_labels[rel.key] = f"{rel.type} {amount}"
        degrees = {node_id: self.index.degree(node_id) for node_id in subgraph.nodes}
        nodes, edges = vis_elements(subgraph, ViewOptions(), degrees=degrees, edge_labels=edge_labels)
        for edge in edges:  # how many sentences there are: the page fetches them when it has fewer
            edge["cgEvidenceCount"] = (evidence_counts or {}).get(
                (edge["cgType"], edge["from"], edge["to"]), len(edge["cgEvidence"])
            )
        cited = (
            {item.article for rel in subgraph.relationships.values() for item in rel.evidence}
            if evidence_counts is None
            else set()  # the skeleton has no evidence: the page asks for it
        )
        return {
            "description": subgraph.description,
            "focus": subgraph.focus,
            "nodes": nodes,
            "edges": edges,
            "articles": self.article_meta(cited),
        }

    @staticmethod
    def _only_types(subgraph: Subgraph, types: list[str]) -> Subgraph:
        keep = set(types)
        subgraph.relationships = {key: rel for key, rel in subgraph.relationships.items() if rel.type in keep}
        return subgraph

    @staticmethod
    def _type(rel_type: str) -> str:
        try:
            return check_type(rel_type)
        except ValueError:
            raise InputError(f"{rel_type!r} is not a relationship type ({', '.join(RELATIONSHIP_TYPES)})") from None

    # --- evidence and articles -----------------------------------------------------------------
    def article_meta(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted(set(ids))
        meta: dict[str, dict[str, Any]] = {}
        for start in range(0, len(wanted), 500):
            rows = self.store.query(_ARTICLE_META, {"ids": wanted[start : start + 500]}).rows
            for article_id, title, date, source, url in rows:
                meta[str(article_id)] = {"title": title or article_id, "date": date, "source": source, "url": url}
        return meta

    def evidence(self, rel_type: str, source: str, target: str) -> dict[str, Any]:
        """Every sentence stating one relationship, with its article's title, date and source."""
        result = self.store.query(_RELATIONSHIP, {"type": self._type(rel_type), "source": source, "target": target})
        rel = result.scalar()
        if not isinstance(rel, GraphRelationship):
            raise InputError(f"no {rel_type} relationship from {source!r} to {target!r}")
        items = SubgraphRelationship(rel.type, source, target, dict(rel.properties)).evidence
        meta = self.article_meta(item.article for item in items)
        return {
            "id": edge_id(rel_type, source, target),
            "evidence": [
                {"article": item.article, "sentence": item.sentence, "start": item.start, "end": item.end}
                | meta.get(item.article, {"title": item.article})
                for item in items
            ],
        }

    def article(self, article_id: str) -> dict[str, Any]:
        row = self.store.query(_ARTICLE, {"id": article_id}).rows
        if not row:
            raise InputError(f"no article with id {article_id!r} in the graph")
        found, title, date, source, url, text, path = row[0]
        return {
            "id": found,
            "title": title or found,
            "date": date,
            "source": source,
            "url": url,
            "path": path,
            "text": text,  # None for articles ingested before the text was stored
        }

    # --- saved queries -------------------------------------------------------------------------
    def query_list(self) -> list[dict[str, Any]]:
        return [
            {
                "name": query.name,
                "pack": query.pack,
                "title": query.title,
                "description": query.description,
                "returns": query.returns,
                "params": [
                    {
                        "name": param.name,
                        "type": param.type,
                        "typeText": param.type_text,
                        "labels": list(param.labels),
                        "required": param.required,
                        "default": param.default,
                        "description": param.description,
                    }
                    for param in query.params
                ],
            }
            for query in self.queries.values()
        ]

    def run_query(self, name: str, raw_params: dict[str, str]) -> dict[str, Any]:
        """Run a saved query read-only: a graph when it returns nodes, relationships or paths or names
        entities, else a table."""
        query = self.queries.get(name) or find_query(name, self.pack_dirs)
        # An empty field means "the default", as leaving out --param does.
        params = {key: value for key, value in raw_params.items() if not (value == "" and query.param(key))}
        for param in query.params:  # an ambiguous name is not silently taken as one of its entities
            value = params.get(param.name)
            if param.type == "entity" and value:
                fitting = [e for e in self.index.matches(value) if not param.labels or e.label in param.labels]
                if len(fitting) > 1:
                    listed = "; ".join(f"{e.name} ({e.label}, id {e.id})" for e in fitting)
                    raise InputError(f"{param.name}: {value!r} names {len(fitting)} entities: {listed} — choose one")
        result = run_saved_query(self.store, query, params)
        table = _table(result)
        description = f"query {query.title}"
        # Nodes, relationships or paths are drawn; so is a table of names (paths given as names
        # included), as the entities it names, as `capgraph viz --query` draws it.
        subgraph = (
            query_result_subgraph(self.store, result, description=description)
            if _has_graph_values(result)
            else named_entities_subgraph(self.store, query, params, result, description=description)
        )
        if subgraph is not None:
            shown = most_connected(subgraph, DEFAULT_MAX_NODES)  # as `capgraph viz` cuts a big selection
            view = self.view(shown)
            view["capped"] = len(shown.nodes) < len(subgraph.nodes)
            view["note"] = f"Showing the {len(shown.nodes)} most connected of the result's {len(subgraph.nodes)} nodes."
            view["kind"] = "graph"
            view["table"] = table
            return view
        return {"kind": "table", "description": description, "table": table}

    # --- export ----------------------------------------------------------------------------------
    def export(self, fmt: str, node_ids: Sequence[str], edges: Sequence[Sequence[str]]) -> ExportFile:
        """The nodes and relationships on screen, written by the `capgraph export` writers."""
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"export format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
        if not node_ids:
            raise InputError("nothing to export: the view is empty")
        wanted = {tuple(str(part) for part in edge) for edge in edges if len(edge) == 3}
        subgraph = nodes_with_relationships(self.store, [str(node_id) for node_id in node_ids])
        subgraph.relationships = {key: rel for key, rel in subgraph.relationships.items() if key in wanted}
        subgraph.description = "the explorer's view"
        with tempfile.TemporaryDirectory(prefix="capgraph-export-") as folder:
            out = Path(folder) / f"capgraph-view{ExportFormat(fmt).suffix or '-csv'}"
            written = export_subgraph(subgraph, ExportFormat(fmt), out)
            if fmt == "csv":
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                    for path in written:
                        archive.write(path, f"capgraph-view-csv/{path.name}")
                return ExportFile(buffer.getvalue(), "capgraph-view-csv.zip", "application/zip")
            return ExportFile(out.read_bytes(), out.name, _MEDIA_TYPES[fmt])


def _skeleton_node(entry: Entry) -> SubgraphNode:
    properties: dict[str, Any] = {"id": entry.id, "name": entry.name, "aliases": list(entry.aliases)}
    properties.update(entry.properties)
    return SubgraphNode(entry.id, entry.label, entry.name, ("Entity", entry.label), properties)


def _graph_value(value: Any) -> bool:
    if isinstance(value, GraphNode | GraphRelationship | GraphPath):
        return not (isinstance(value, GraphNode) and ENTITY not in value.labels and value.label != "Article")
    if isinstance(value, list | tuple):
        return any(_graph_value(item) for item in value)
    return False


def _has_graph_values(result: QueryResult) -> bool:
    return any(_graph_value(value) for row in result.rows for value in row)


def _table(result: QueryResult, limit: int = 500) -> dict[str, Any]:
    return {
        "columns": result.columns,
        "rows": [[display(value) for value in row] for row in result.rows[:limit]],
        "total": len(result.rows),
    }
