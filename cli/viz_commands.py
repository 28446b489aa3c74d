"""`capgraph viz`, `capgraph export`, `capgraph analyze`: look at, export and measure a selection.

Every command takes the same selection: the whole graph (default), `--around NAME --hops N`,
or `--query NAME --param k=v`. Articles and MENTIONS are left out unless --include-articles.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from capgraph.errors import InputError
from capgraph.graph.analytics import Analysis, analyse, write_back
from capgraph.graph.export import ExportFormat, export_subgraph, export_text
from capgraph.graph.export_stream import export_whole_graph_cypher, export_whole_graph_rdf, whole_graph_in_parts
from capgraph.graph.open import open_store
from capgraph.graph.store import GraphStore
from capgraph.graph.subgraph import ACTOR_TYPES, Subgraph, narrowed, neighbourhood, saved_query_subgraph
from capgraph.settings import StoreSettings
from capgraph.viz.browser import open_in_browser
from capgraph.viz.page import DEFAULT_MAX_NODES, ViewOptions, write_page

from .app import app, console, warn
from .options import split_params, store_options

_SELECTION = "What to take from the graph"

Around = Annotated[
    str | None,
    typer.Option("--around", help="Centre on this entity (id, name or any alias).", rich_help_panel=_SELECTION),
]
Hops = Annotated[
    int, typer.Option("--hops", help="With --around: how many relationships out (1–6).", rich_help_panel=_SELECTION)
]
QueryName = Annotated[
    str | None,
    typer.Option(
        "--query",
        help="A saved query (pack/name, see 'capgraph query list'): what it returns.",
        rich_help_panel=_SELECTION,
    ),
]
QueryParams = Annotated[
    list[str] | None,
    typer.Option(
        "--param", "-p", help="With --query: a parameter as name=value (repeatable).", rich_help_panel=_SELECTION
    ),
]
PackDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--pack-dir", help="With --query: a folder of your own query packs (repeatable).", rich_help_panel=_SELECTION
    ),
]
IncludeArticles = Annotated[
    bool,
    typer.Option(
        "--include-articles",
        help="Also the Article nodes that mention the selected entities, with their MENTIONS.",
        rich_help_panel=_SELECTION,
    ),
]
Types = Annotated[
    list[str] | None,
    typer.Option(
        "--types",
        help="Only relationships of these types (repeatable or comma-separated, e.g. INVESTED_IN,MANAGES).",
        rich_help_panel=_SELECTION,
        show_default=False,
    ),
]
ExcludeTypes = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude-types",
        help="Leave out relationships of these types (e.g. LOCATED_IN,FOCUSES_ON).",
        rich_help_panel=_SELECTION,
        show_default=False,
    ),
]
Labels = Annotated[
    list[str] | None,
    typer.Option(
        "--labels",
        help="Only nodes with these labels (e.g. Institution,Fund).",
        rich_help_panel=_SELECTION,
        show_default=False,
    ),
]


IncludeIsolated = Annotated[
    bool,
    typer.Option(
        "--include-isolated/--no-isolated",
        help="Keep nodes that have no relationship in the selection (or leave them out).",
        rich_help_panel=_SELECTION,
    ),
]


@dataclass(slots=True)
class Selection:
    around: str | None = None
    hops: int = 2
    query: str | None = None
    params: list[str] | None = None
    pack_dirs: list[Path] | None = None
    include_articles: bool = False
    types: list[str] | None = None
    exclude_types: list[str] | None = None
    labels: list[str] | None = None
    include_isolated: bool = True

    def check(self) -> None:
        """Refuse a bad combination before a database is started."""
        self.narrow(Subgraph())  # checks the label and type names
        if self.around and self.query:
            raise InputError("choose one of --around and --query, not both")
        if self.params and not self.query:
            raise InputError("--param goes with --query")
        if self.query:
            from capgraph.queries.packs import find_query

            find_query(self.query, self.pack_dirs or [])
        self.raw_params()

    def raw_params(self) -> dict[str, str]:
        return split_params(self.params)

    def take(self, store: GraphStore) -> Subgraph:
        if self.around:
            taken = neighbourhood(store, self.around, self.hops, include_articles=self.include_articles)
        elif self.query:
            taken = saved_query_subgraph(
                store,
                self.query,
                self.raw_params(),
                extra_dirs=self.pack_dirs or [],
                include_articles=self.include_articles,
            )
        else:  # read in parts, so memory stays bounded on a big graph
            taken = whole_graph_in_parts(store, include_articles=self.include_articles)
        return self.narrow(taken)

    def narrow(self, subgraph: Subgraph) -> Subgraph:
        return narrowed(
            subgraph,
            types=self.types,
            exclude_types=self.exclude_types or (),
            labels=self.labels,
            include_isolated=self.include_isolated,
        )

    def left_out(self) -> str:
        """What the selection leaves out, and the option that brings it back (one line)."""
        notes = []
        if not self.include_articles:
            notes.append("Article nodes and MENTIONS are left out (--include-articles adds them)")
        if not self.include_isolated:
            notes.append("nodes without a relationship are left out (--include-isolated keeps them)")
        return "; ".join(notes)

    def slug(self) -> str:
        """A short file-name part naming the selection."""
        if self.around:
            return f"around-{_slug(self.around)}-{self.hops}"
        if self.query:
            return f"query-{_slug(self.query)}"
        return "graph"


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text).strip("-")[:60] or "selection"


def _selected(settings: StoreSettings, selection: Selection) -> Subgraph:
    selection.check()
    with open_store(settings) as store:
        subgraph = selection.take(store)
    if not subgraph.nodes:
        warn(f"{subgraph.description}: nothing selected (is the graph empty? try 'capgraph ingest' first)")
    return subgraph


@app.command("viz")
@store_options
def viz_command(
    settings: StoreSettings,
    around: Around = None,
    hops: Hops = 2,
    query: QueryName = None,
    param: QueryParams = None,
    pack_dir: PackDirs = None,
    include_articles: IncludeArticles = False,
    types: Types = None,
    exclude_types: ExcludeTypes = None,
    labels: Labels = None,
    include_isolated: IncludeIsolated = True,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The HTML file (default: capgraph-<selection>.html).")
    ] = None,
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", help="Above this many nodes, keep the most connected ones.", min=1)
    ] = DEFAULT_MAX_NODES,
    size_by: Annotated[
        str, typer.Option("--size-by", help="Node size: degree, or a numeric property such as pagerank.")
    ] = "degree",
    colour_by: Annotated[
        str, typer.Option("--colour-by", "--color-by", help="Node colour: label, or a property such as community.")
    ] = "label",
    title: Annotated[str | None, typer.Option("--title", help="The page's title.")] = None,
) -> None:
    """Draw a selection as an interactive HTML page that works offline.

    Each label has its colour and shape (legend on the page; untick to filter); arrows carry
    the relationship type; hover or click shows properties and evidence (article and sentence);
    a search box finds a node by name or alias.

    Example: capgraph viz --around 国家创业投资引导基金 --hops 2 --out fund.html
    """
    selection = Selection(
        around, hops, query, param, pack_dir, include_articles, types, exclude_types, labels, include_isolated
    )
    subgraph = _selected(settings, selection)
    for option, value in (("--size-by", size_by), ("--colour-by", colour_by)):
        if value not in {"degree", "label"} and not any(value in n.properties for n in subgraph.nodes.values()):
            warn(f"{option} {value}: no selected node has that property (run 'capgraph analyze --write-back' first?)")
    path = out or Path(f"capgraph-{selection.slug()}.html")
    try:
        summary = write_page(
            subgraph, path, ViewOptions(max_nodes=max_nodes, size_by=size_by, colour_by=colour_by, title=title)
        )
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None
    note = f"; left out {summary.omitted_nodes} less connected nodes" if summary.omitted_nodes else ""
    console.print(
        f"wrote {path}: {subgraph.description}, {summary.nodes} nodes, {summary.relationships} relationships{note}",
        highlight=False,
        soft_wrap=True,
    )
    if open_page:
        _open_in_browser(path)


def _open_in_browser(path: Path) -> None:
    """Open a page in the user's browser; when none can be started, say so and where the page is."""
    if not open_in_browser(path.resolve().as_uri()):
        warn(f"no web browser could be started here; open this file yourself: {path.resolve()}")


@app.command("export")
@store_options
def export_command(
    settings: StoreSettings,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="graphml, gexf, json (networkx node-link), neo4j-csv (a folder for neo4j-admin import; "
            "csv is another name for it), cypher, ttl, jsonld.",
        ),
    ],
    around: Around = None,
    hops: Hops = 2,
    query: QueryName = None,
    param: QueryParams = None,
    pack_dir: PackDirs = None,
    include_articles: IncludeArticles = False,
    types: Types = None,
    exclude_types: ExcludeTypes = None,
    labels: Labels = None,
    include_isolated: IncludeIsolated = True,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (a folder for neo4j-csv); '-' prints cypher, ttl, jsonld or json "
            "(default: capgraph-<selection>.<format>).",
        ),
    ] = None,
) -> None:
    """Export a selection as GraphML, GEXF, JSON, CSV, a Cypher script or RDF.

    GraphML and GEXF open in yEd and Gephi; json is networkx node-link; neo4j-csv is a folder
    for neo4j-admin database import (nodes.csv, relationships.csv, and import.txt with the
    command); cypher rebuilds the selection in Neo4j or FalkorDB (MERGE by id); ttl and jsonld
    are RDF with PROV-O evidence. Article nodes and MENTIONS are left out unless
    --include-articles (each relationship keeps its evidence either way).
    """
    selection = Selection(
        around, hops, query, param, pack_dir, include_articles, types, exclude_types, labels, include_isolated
    )
    to_stdout = out is not None and str(out) == "-"
    narrowed_at_all = bool(types or exclude_types or labels) or not include_isolated
    streamed = (
        around is None
        and query is None
        and not narrowed_at_all
        and fmt in (ExportFormat.ttl, ExportFormat.jsonld, ExportFormat.cypher)
    )
    if streamed and not to_stdout:
        # The whole graph as RDF or a Cypher script: written while it is read, so memory does not grow with the graph.
        selection.check()
        path = out or Path(f"capgraph-{selection.slug()}{fmt.suffix}")
        with open_store(settings) as store:
            try:
                if fmt is ExportFormat.cypher:
                    nodes, relationships = export_whole_graph_cypher(store, path, include_articles=include_articles)
                else:
                    nodes, relationships = export_whole_graph_rdf(
                        store, fmt.value, path, include_articles=include_articles
                    )
            except OSError as error:
                raise InputError(f"cannot write {path}: {error.strerror}") from None
        console.print(
            f"wrote {path}: the whole graph, {nodes} nodes, {relationships} relationships",
            highlight=False,
            soft_wrap=True,
        )
        if selection.left_out():
            console.print(f"note: {selection.left_out()}", highlight=False, soft_wrap=True)
        return
    subgraph = _selected(settings, selection)
    if to_stdout:
        text = export_text(subgraph, fmt)
        if text is None and fmt is ExportFormat.json:
            from capgraph.graph.export_networkx import node_link

            text = json.dumps(node_link(subgraph), ensure_ascii=False, indent=2, default=str)
        if text is None:
            raise InputError(f"--out - prints cypher, ttl, jsonld or json; {fmt.value} needs a file")
        print(text, end="" if text.endswith("\n") else "\n")
        return
    path = out or Path(f"capgraph-{selection.slug()}{fmt.suffix or '-csv'}")
    if fmt.is_folder and path.exists() and not path.is_dir():
        raise InputError(f"{fmt.value} writes a folder (nodes.csv, relationships.csv, import.txt); {path} is a file")
    try:
        written = export_subgraph(subgraph, fmt, path)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None
    counts = f"{len(subgraph.nodes)} nodes, {len(subgraph.relationships)} relationships"
    if fmt.is_folder:
        console.print(f"wrote the folder {path}/ ({subgraph.description}, {counts}):", highlight=False, soft_wrap=True)
        for file, what in zip(
            written,
            (
                f"{len(subgraph.nodes)} nodes",
                f"{len(subgraph.relationships)} relationships",
                "the neo4j-admin import command",
            ),
            strict=False,
        ):
            console.print(f"  {file.name}: {what}", highlight=False, soft_wrap=True)
    else:
        console.print(
            f"wrote {', '.join(str(p) for p in written)}: {subgraph.description}, {counts}",
            highlight=False,
            soft_wrap=True,
        )
    if selection.left_out():
        console.print(f"note: {selection.left_out()}", highlight=False, soft_wrap=True)


class AnalysisFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("analyze")
@store_options
def analyze_command(
    settings: StoreSettings,
    around: Around = None,
    hops: Hops = 2,
    query: QueryName = None,
    param: QueryParams = None,
    pack_dir: PackDirs = None,
    include_articles: IncludeArticles = False,
    types: Annotated[
        list[str] | None,
        typer.Option(
            "--types",
            help="Only relationships of these types (default: the actor relationships, "
            + ", ".join(ACTOR_TYPES)
            + "; repeatable or comma-separated).",
            rich_help_panel=_SELECTION,
            show_default=False,
        ),
    ] = None,
    exclude_types: ExcludeTypes = None,
    labels: Labels = None,
    include_isolated: IncludeIsolated = False,
    top: Annotated[int, typer.Option("--top", "-k", help="How many nodes to list per measure.", min=1)] = 10,
    fmt: Annotated[AnalysisFormat, typer.Option("--format", help="table or json.")] = AnalysisFormat.table,
    write: Annotated[
        bool,
        typer.Option(
            "--write-back",
            help="Store degree, pagerank, betweenness, community and component as node properties "
            "(then: capgraph viz --size-by pagerank --colour-by community).",
        ),
    ] = False,
) -> None:
    """Measure a selection: centralities, communities, components and bridges.

    Degree, PageRank and betweenness (top k), Louvain communities (fixed seed), connected
    components, and the relationships that bridge communities. By default on the actor
    relationships only (LOCATED_IN and FOCUSES_ON, mostly read from names, would put a city
    or a sector at the centre of everything) and without nodes that have no relationship.
    """
    if not types and not exclude_types:
        types = list(ACTOR_TYPES)
    selection = Selection(
        around, hops, query, param, pack_dir, include_articles, types, exclude_types, labels, include_isolated
    )
    selection.check()
    with open_store(settings) as store:
        subgraph = selection.take(store)
        analysis = analyse(subgraph)
        written = write_back(store, analysis) if write else 0
    if fmt is AnalysisFormat.json:
        print(json.dumps(analysis.to_json(top), ensure_ascii=False, indent=2))
    else:
        _print_analysis(analysis, top)
    if write:
        console.print(f"wrote the measures to {written} nodes", highlight=False)
    if fmt is AnalysisFormat.table:
        types_used = ", ".join(selection.types or []) or "every type but " + ", ".join(selection.exclude_types or [])
        console.print(f"relationships measured: {types_used}; {selection.left_out()}", highlight=False)


def _print_analysis(analysis: Analysis, k: int) -> None:
    console.print(
        f"[bold]{analysis.description}[/]: {len(analysis.nodes)} nodes, {analysis.relationships} relationships, "
        f"{len(analysis.communities)} communities, {len(analysis.components)} connected components",
        highlight=False,
    )
    ranked = Table(title=f"Top {k}", title_justify="left")
    ranked.add_column("#", justify="right")
    for measure in ("degree", "pagerank", "betweenness"):
        ranked.add_column(measure, overflow="fold")
    columns = [analysis.top(measure, k) for measure in ("degree", "pagerank", "betweenness")]
    for rank in range(max((len(column) for column in columns), default=0)):
        cells = []
        for measure, column in zip(("degree", "pagerank", "betweenness"), columns, strict=True):
            score = column[rank]
            value = getattr(score, measure)
            cells.append(f"{score.name} ({value if measure == 'degree' else f'{value:.3f}'})")
        ranked.add_row(str(rank + 1), *cells)
    console.print(ranked)
    console.print(f"[bold]betweenness:[/] {analysis.betweenness_method}", highlight=False)

    communities = Table(title="Communities (Louvain)", title_justify="left")
    for column in ("community", "size", "most connected members"):
        communities.add_column(column, overflow="fold")
    for index, ids in enumerate(analysis.communities[:k]):
        members = sorted((analysis.nodes[i] for i in ids), key=lambda s: (-s.degree, s.name))[:5]
        communities.add_row(str(index), str(len(ids)), ", ".join(s.name for s in members))
    if len(analysis.communities) > k:
        communities.caption = f"and {len(analysis.communities) - k} smaller communities"
    console.print(communities)

    bridges = Table(title="Bridges between communities", title_justify="left")
    for column in ("communities", "relationships", "for example"):
        bridges.add_column(column, overflow="fold")
    for bridge in analysis.bridges[:k]:
        a, b = bridge.communities
        bridges.add_row(f"{a} – {b}", str(bridge.relationships), "; ".join(bridge.examples))
    console.print(bridges)
    sizes = [len(ids) for ids in analysis.components]
    shown = ", ".join(str(size) for size in sizes[:k]) + (" …" if len(sizes) > k else "")
    console.print(f"[bold]component sizes:[/] {shown}", highlight=False)
