"""`capgraph query list|show|run`: the saved Cypher query packs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.syntax import Syntax
from rich.table import Table

from capgraph.graph.open import open_store
from capgraph.queries.packs import SavedQuery, find_query, load_packs
from capgraph.queries.runner import bind_params, check_read_only, run_saved_query
from capgraph.settings import StoreSettings

from .app import app, console
from .options import OutputFormat, split_params, store_options
from .output import emit

query_app = typer.Typer(
    help="Saved Cypher queries an analyst asks, in packs (funds, money, policy, actors, provenance, quality).",
    no_args_is_help=True,
)
app.add_typer(query_app, name="query")

PackDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--pack-dir",
        help="A folder of your own query packs (pack folders of .cypher files, or one pack folder); repeatable.",
        show_default=False,
    ),
]
QueryName = Annotated[str, typer.Argument(help="The query, as pack/query (e.g. money/reach).", show_default=False)]


def _signature(query: SavedQuery) -> str:
    """Parameters in one short line: `from: entity, max_depth: int = 4`."""
    parts = []
    for param in query.params:
        default = "" if param.required else f" = {param.default}"
        parts.append(f"{param.name}: {param.type_text}{default}")
    return ", ".join(parts)


@query_app.command("list")
def list_command(pack_dir: PackDirs = None) -> None:
    """List the packs and their queries, with what each one answers."""
    queries = load_packs(pack_dir or [])
    table = Table(title="Saved queries", title_justify="left", show_lines=False)
    table.add_column("query", no_wrap=True, style="bold")
    table.add_column("title")
    table.add_column("parameters")
    table.add_column("description", overflow="fold")
    previous_pack = ""
    for query in queries.values():
        if previous_pack and query.pack != previous_pack:
            table.add_section()
        previous_pack = query.pack
        table.add_row(query.name, query.title, _signature(query), query.description)
    packs = {query.pack for query in queries.values()}
    table.caption = f"{len(queries)} queries in {len(packs)} packs · capgraph query show NAME · capgraph query run NAME"
    console.print(table)


@query_app.command("show")
def show_command(name: QueryName, pack_dir: PackDirs = None) -> None:
    """Show a saved query: what it answers, its parameters, the columns it returns, and its Cypher."""
    query = find_query(name, pack_dir or [])
    console.print(f"[bold]{query.name}[/] — {query.title}", highlight=False)
    console.print(query.description, highlight=False)
    if query.params:
        params = Table(title="Parameters (--param name=value)", title_justify="left")
        for heading in ("name", "type", "default", "description"):
            params.add_column(heading)
        for param in query.params:
            params.add_row(
                param.name, param.type_text, "(required)" if param.required else str(param.default), param.description
            )
        console.print(params)
    console.print(f"[bold]returns:[/] {', '.join(query.returns)}", highlight=False)
    console.print(f"[bold]file:[/] {query.path}", highlight=False)
    console.print(Syntax(query.cypher, "cypher", word_wrap=True))


@query_app.command("run")
@store_options
def run_command(
    name: QueryName,
    settings: StoreSettings,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as name=value (repeatable); see 'capgraph query show NAME'."),
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
    out: Annotated[Path | None, typer.Option("--out", help="Write the result to this file.")] = None,
    pack_dir: PackDirs = None,
) -> None:
    """Run a saved query, read-only. Entity parameters accept an id, a name or any alias.

    Example: capgraph query run money/reach --param from=国家创业投资引导基金
    """
    query = find_query(name, pack_dir or [])
    raw = split_params(param)
    check_read_only(query)  # refuse, and check the parameters, before starting a database
    bind_params(query, raw)
    with open_store(settings) as store:
        result = run_saved_query(store, query, raw)
    emit(result, fmt, out, title=query.title)
