"""A subgraph as one self-contained interactive HTML page (pyvis / vis-network).

The page works offline: vis-network's script and CSS are inlined from pyvis's own copy, and
the page's template asks no other host for anything (no CDN, no web fonts). Text from the
articles is data: it travels as JSON inside a `<script type="application/json">` block
(with `<`, `>` and `&` escaped) and the page's script puts it in the DOM with
`textContent`, never as markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from pyvis.network import Network

from capgraph.graph.subgraph import EVIDENCE_PROPERTIES, Subgraph, SubgraphNode

from .style import LABEL_STYLES, PALETTE, label_style, type_colour

DEFAULT_MAX_NODES = 1500
_TEMPLATES = Path(__file__).parent / "templates"
_PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"
_LABEL_CHARS = 18  # longer names are shortened on the canvas; the tooltip has them whole


@dataclass(slots=True)
class ViewOptions:
    max_nodes: int = DEFAULT_MAX_NODES
    size_by: str = "degree"  # "degree" or a numeric node property, e.g. pagerank
    colour_by: str = "label"  # "label" or a node property, e.g. community
    title: str | None = None


@dataclass(slots=True)
class PageSummary:
    nodes: int  # shown
    relationships: int
    omitted_nodes: int = 0
    omitted_relationships: int = 0
    omitted_labels: dict[str, int] = field(default_factory=dict)


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML <script> block: no `</script>`, no `<!--`, no line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def most_connected(subgraph: Subgraph, limit: int) -> Subgraph:
    """At most `limit` nodes: the most connected ones (ties by id, so the cut is stable); the focus is kept."""
    if len(subgraph.nodes) <= limit:
        return subgraph
    degree = subgraph.degree()
    ranked = sorted(subgraph.nodes, key=lambda node_id: (-degree[node_id], node_id))
    keep = ranked[:limit]
    if subgraph.focus in subgraph.nodes and subgraph.focus not in keep:
        keep = [subgraph.focus, *keep[: limit - 1]]
    return subgraph.restricted_to(keep)


def render_page(subgraph: Subgraph, options: ViewOptions | None = None) -> tuple[str, PageSummary]:
    """The HTML of the page and what it shows."""
    options = options or ViewOptions()
    if options.max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    shown = most_connected(subgraph, options.max_nodes)
    summary = _summary(subgraph, shown)
    vis_nodes, vis_edges = vis_elements(shown, options)
    page_data = _page_data(subgraph, shown, summary, options)
    html = page_html(vis_nodes, vis_edges, page_data, vis_options(len(shown.nodes) > 300))
    return html, summary


def page_html(
    vis_nodes: list[dict[str, Any]],
    vis_edges: list[dict[str, Any]],
    page_data: dict[str, Any],
    options: dict[str, Any],
    *,
    serve: bool = False,
) -> str:
    """The page: the static one, or with `serve` the explorer's (same template, same script, more panels)."""
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(_TEMPLATES), jinja2.FileSystemLoader(_PYVIS_TEMPLATES)]),
        autoescape=True,
    )
    return environment.get_template("page.html").render(
        title=page_data["title"],
        serve=serve,
        nodes_json=script_json(vis_nodes),
        edges_json=script_json(vis_edges),
        page_json=script_json(page_data),
        options_json=script_json(options),
    )


def write_page(subgraph: Subgraph, path: Path, options: ViewOptions | None = None) -> PageSummary:
    html, summary = render_page(subgraph, options)
    path.write_text(html, encoding="utf-8")
    return summary


def _summary(full: Subgraph, shown: Subgraph) -> PageSummary:
    left_out: dict[str, int] = {}
    for node_id, node in full.nodes.items():
        if node_id not in shown.nodes:
            left_out[node.label] = left_out.get(node.label, 0) + 1
    return PageSummary(
        nodes=len(shown.nodes),
        relationships=len(shown.relationships),
        omitted_nodes=len(full.nodes) - len(shown.nodes),
        omitted_relationships=len(full.relationships) - len(shown.relationships),
        omitted_labels=dict(sorted(left_out.items())),
    )


def _short(name: str) -> str:
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1] + "…"


def _size_values(subgraph: Subgraph, size_by: str) -> dict[str, float]:
    if size_by == "degree":
        return {node_id: float(value) for node_id, value in subgraph.degree().items()}
    values: dict[str, float] = {}
    for node_id, node in subgraph.nodes.items():
        raw = node.properties.get(size_by)
        values[node_id] = float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else 0.0
    return values


def _colour_values(subgraph: Subgraph, colour_by: str) -> dict[str, str]:
    """Node colour: by label, or by a categorical property (e.g. community) from a fixed palette."""
    if colour_by == "label":
        return {node_id: label_style(node.label).colour for node_id, node in subgraph.nodes.items()}
    values = sorted({str(node.properties.get(colour_by)) for node in subgraph.nodes.values()}, key=_natural)
    colours = {value: PALETTE[i % len(PALETTE)] for i, value in enumerate(values)}
    colours["None"] = "#dddddd"  # nodes without the property
    return {node_id: colours[str(node.properties.get(colour_by))] for node_id, node in subgraph.nodes.items()}


def _natural(value: str) -> tuple[int, float, str]:
    try:
        return (0, float(value), value)
    except ValueError:
        return (1, 0.0, value)


def _node_properties(node: SubgraphNode) -> dict[str, Any]:
    return {key: value for key, value in sorted(node.properties.items()) if key not in {"name"}}


def edge_id(rel_type: str, source: str, target: str) -> str:
    """A relationship's id on the page: the same wherever and whenever it is drawn."""
    return f"{rel_type}|{source}|{target}"


def vis_elements(
    subgraph: Subgraph,
    options: ViewOptions | None = None,
    *,
    degrees: dict[str, int] | None = None,
    edge_labels: dict[tuple[str, str, str], str] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The vis-network nodes and edges of a subgraph, styled by pyvis.

    `degrees`: relationship counts to show and size by (the explorer passes the whole graph's);
    `edge_labels`: a label other than the type for some relationships (the money view's amounts).
    """
    network = _network(subgraph, options or ViewOptions(), degrees or {}, edge_labels or {})
    return network.nodes, network.edges


def _network(
    subgraph: Subgraph,
    options: ViewOptions,
    degrees: dict[str, int],
    edge_labels: dict[tuple[str, str, str], str],
) -> Network:
    network = Network(directed=True, cdn_resources="in_line")
    degree = subgraph.degree() | {key: value for key, value in degrees.items() if key in subgraph.nodes}
    sizes = (
        {key: float(value) for key, value in degree.items()}
        if options.size_by == "degree"
        else _size_values(subgraph, options.size_by)
    )
    colours = _colour_values(subgraph, options.colour_by)
    for node_id, node in subgraph.nodes.items():
        style = label_style(node.label)
        focus: dict[str, Any] = {}
        if node_id == subgraph.focus:  # the entity a neighbourhood is centred on: a thick dark border
            focus = {"borderWidth": 4, "color": {"border": "#222222", "background": colours[node_id]}}
        network.add_node(
            node_id,
            label=_short(node.name),
            shape=style.shape,
            value=sizes[node_id],
            cgName=node.name,
            cgLabel=node.label,
            cgDegree=degree[node_id],
            cgProps=_node_properties(node),
            **({"color": colours[node_id]} | focus),
        )
    for rel in subgraph.relationships.values():
        colour = type_colour(rel.type)
        network.add_edge(
            rel.source,
            rel.target,
            id=edge_id(rel.type, rel.source, rel.target),
            label=edge_labels.get(rel.key, rel.type),
            arrows="to",
            color={"color": colour, "highlight": colour, "hover": colour},
            cgType=rel.type,
            cgProps={k: v for k, v in sorted(rel.properties.items()) if k not in EVIDENCE_PROPERTIES},
            cgEvidence=[[item.article, item.sentence, item.start, item.end] for item in rel.evidence],
        )
    return network


def legend_entries(
    label_counts: dict[str, int], type_counts: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The legend's labels (known ones in their fixed order) and relationship types, with colours and counts."""
    labels = [
        {"label": label, "colour": style.colour, "symbol": style.symbol, "count": label_counts[label]}
        for label, style in LABEL_STYLES.items()
        if label in label_counts
    ]
    labels += [
        {"label": label, "colour": label_style(label).colour, "symbol": label_style(label).symbol, "count": count}
        for label, count in label_counts.items()
        if label not in LABEL_STYLES
    ]
    types = [{"type": t, "colour": type_colour(t), "count": c} for t, c in type_counts.items()]
    return labels, types


def _page_data(full: Subgraph, shown: Subgraph, summary: PageSummary, options: ViewOptions) -> dict[str, Any]:
    labels, types = legend_entries(shown.label_counts(), shown.type_counts())
    colour_legend: list[dict[str, str]] = []
    if options.colour_by != "label":
        colours = _colour_values(shown, options.colour_by)
        seen: dict[str, str] = {}
        for node_id, node in shown.nodes.items():
            seen.setdefault(str(node.properties.get(options.colour_by)), colours[node_id])
        colour_legend = [{"value": value, "colour": seen[value]} for value in sorted(seen, key=_natural)][:40]
    cited = {item.article for rel in shown.relationships.values() for item in rel.evidence}
    articles = {
        key: {"title": title, **full.article_details.get(key, {})}
        for key, title in full.article_titles.items()
        if key in cited or key in shown.nodes
    }
    return {
        "title": options.title or f"capgraph: {full.description}",
        "description": full.description,
        "focus": shown.focus if shown.focus in shown.nodes else None,
        "sizeBy": options.size_by,
        "colourBy": options.colour_by,
        "labels": labels,
        "types": types,
        "colourLegend": colour_legend,
        "shown": {"nodes": summary.nodes, "relationships": summary.relationships},
        "omitted": {
            "nodes": summary.omitted_nodes,
            "relationships": summary.omitted_relationships,
            "labels": summary.omitted_labels,
            "limit": options.max_nodes,
        },
        "articles": articles,
    }


def vis_options(big: bool) -> dict[str, Any]:
    """Physics settles the layout, then the page switches it off (see page.js) so nothing keeps moving.

    The random seed is fixed, so the same view is laid out the same way every time.
    """
    return {
        "layout": {"randomSeed": 7, "improvedLayout": not big},
        "nodes": {
            "scaling": {"min": 8, "max": 40, "label": {"enabled": False}},
            "font": {"size": 14, "face": "sans-serif"},
        },
        "edges": {
            "font": {"size": 10, "align": "middle", "face": "sans-serif", "color": "#555555"},
            "smooth": False if big else {"type": "dynamic"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "width": 1.2,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 120, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 400 if big else 250, "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": False},
    }
