"""Commands that build and inspect the graph: ingest, stats, cypher, db."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from capgraph.errors import InputError
from capgraph.graph.model import Skipped
from capgraph.graph.open import open_store
from capgraph.graph.repair import check_data_dir, repair_data_dir
from capgraph.graph.stats import GraphStats, clear_graph, graph_stats
from capgraph.graph.store import QueryResult
from capgraph.ingest import ArticleReport, IngestReport, ingest
from capgraph.loaders import ner
from capgraph.loaders.read import files_left_out
from capgraph.settings import StoreSettings

from .app import app, console, err_console, warn
from .interrupt import ctrl_c_noted
from .options import NerOption, OutputFormat, parse_params, store_options
from .output import emit, render

db_app = typer.Typer(help="Look after the database: where it is, what is in it, empty it.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command("ingest")
@store_options
def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Article files (.txt, .html, .htm; .md when named) or folders of them (a folder's .md are left out).",
            show_default=False,
        ),
    ],
    settings: StoreSettings,
    name_model: NerOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Extraction processes (default: one per core); 1 extracts in the command's own process.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read articles, extract entities and relationships, and write them to the graph.

    Extraction runs on every core; one writer writes. Writing is idempotent (ingesting the
    same articles again changes nothing) and atomic per article. Unreadable files are skipped
    with a warning and listed at the end.
    """
    if name_model:
        ner.set_mode(name_model.value)
    left_out = files_left_out(paths)
    for item in left_out:
        warn(f"left out {item.path}: {item.reason}")
    with open_store(settings) as store, ctrl_c_noted() as stop:
        with Progress(
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=None)

            def started(total: int) -> None:
                progress.update(task, total=total)

            def done(path: Path, result: ArticleReport | Skipped) -> None:
                if isinstance(result, Skipped):
                    warn(f"skipped {result.path}: {result.reason}")
                progress.update(task, advance=1, description=path.name)

            report = ingest(paths, store, workers=workers, on_start=started, on_article=done, stop=stop)
        stats = graph_stats(store)
    _print_ingest_report(report, stats, left_out)


def _print_ingest_report(report: IngestReport, stats: GraphStats, left_out: list[Skipped]) -> None:
    articles = Table(title="Articles ingested", title_justify="left")
    articles.add_column("article")
    articles.add_column("title", overflow="fold")
    articles.add_column("nodes", justify="right")
    articles.add_column("relationships", justify="right")
    for item in report.articles:
        articles.add_row(Path(item.path).name, item.title, str(sum(item.nodes.values())), str(sum(item.edges.values())))
    console.print(articles)
    if report.skipped or left_out:
        skipped = Table(title="Skipped", title_justify="left")
        skipped.add_column("file")
        skipped.add_column("why")
        for item in [*report.skipped, *left_out]:
            skipped.add_row(item.path, item.reason)
        console.print(skipped)
    _print_stats(stats)


def _print_stats(stats: GraphStats) -> None:
    console.print(f"[bold]store:[/] {stats.store}", highlight=False)
    both = Table.grid(padding=(0, 4))
    labels = _count_table("Nodes per label", "label", stats.labels)
    types = _count_table("Relationships per type", "type", stats.types)
    both.add_row(labels, types)
    console.print(both)


def _count_table(title: str, key: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column("count", justify="right")
    for name, count in sorted(counts.items()):
        table.add_row(name, str(count))
    table.add_row("[bold]total[/]", f"[bold]{sum(counts.values())}[/]")
    return table


@app.command("stats")
@store_options
def stats_command(
    settings: StoreSettings,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="table, json, or csv (kind,name,count rows).")
    ] = OutputFormat.table,
) -> None:
    """Count nodes per label and relationships per type, and say which store is in use."""
    with open_store(settings) as store:
        stats = graph_stats(store)
    if fmt is OutputFormat.table:
        console.print(f"[bold]articles:[/] {stats.articles}", highlight=False)
        _print_stats(stats)
    elif fmt is OutputFormat.csv:
        rows = [["label", name, count] for name, count in sorted(stats.labels.items())]
        rows += [["type", name, count] for name, count in sorted(stats.types.items())]
        print(render(QueryResult(["kind", "name", "count"], rows), OutputFormat.csv), end="")
    else:
        print(
            json.dumps(
                {"store": stats.store, "articles": stats.articles, "labels": stats.labels, "types": stats.types},
                ensure_ascii=False,
                indent=2,
            )
        )


@app.command("cypher")
@store_options
def cypher_command(
    statement: Annotated[str, typer.Argument(help="The Cypher statement.", show_default=False)],
    settings: StoreSettings,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="A query parameter as name=value (repeatable).")
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the statement to change the graph.")] = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")] = OutputFormat.table,
    out: Annotated[Path | None, typer.Option("--out", help="Write the result to this file.")] = None,
) -> None:
    """Run a Cypher statement: read-only unless --write; values go in as parameters ($name)."""
    params = parse_params(param)
    with open_store(settings) as store:
        result = store.query(statement, params, write=write)
        resync = getattr(store, "resync_record", None)
        if write and resync is not None:
            resync()  # the statement may have added or deleted articles
        refresh = getattr(store, "refresh_summaries", None)
        if write and result.changes and refresh is not None:
            refresh()  # the audit queries read summaries the statement may have made stale
    if not write or result.columns:
        emit(result, fmt, out)
    if write:
        # stderr when the result goes to stdout as data, so JSON and CSV stay clean
        changed = ", ".join(f"{name.replace('_', ' ')}: {count}" for name, count in result.changes.items())
        to = console if fmt is OutputFormat.table or out is not None else err_console
        to.print(f"changed: {changed}" if changed else "changed nothing", highlight=False, soft_wrap=True)


@db_app.command("info")
@store_options
def db_info_command(settings: StoreSettings) -> None:
    """Which database is in use, where its data is, and how much is in it."""
    with open_store(settings) as store:
        stats = graph_stats(store)
    console.print(f"[bold]store:[/] {stats.store}", highlight=False)
    if not settings.uses_neo4j:
        size = sum(path.stat().st_size for path in settings.data_dir.rglob("*") if path.is_file())
        console.print(f"[bold]data directory:[/] {settings.data_dir.resolve()} ({size / 1024:.0f} KiB)")
    console.print(
        f"[bold]articles:[/] {stats.articles}  [bold]nodes:[/] {stats.nodes}  "
        f"[bold]relationships:[/] {stats.relationships}",
        highlight=False,
    )


@db_app.command("clear")
@store_options
def db_clear_command(
    settings: StoreSettings,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete every node and relationship in the graph."""
    if not yes:
        typer.confirm("Delete the whole graph?", abort=True, err=True)
    with open_store(settings) as store:
        removed = clear_graph(store)
        resync = getattr(store, "resync_record", None)
        if resync is not None:
            resync()  # nothing is written now: nothing to miss
    console.print(f"deleted {removed} nodes and their relationships")


def _embedded_only(settings: StoreSettings, command: str) -> None:
    if settings.uses_neo4j:
        raise InputError(f"`capgraph db {command}` looks after the embedded database's data directory, not Neo4j")


@db_app.command("check")
@store_options
def db_check_command(settings: StoreSettings) -> None:
    """Say whether the data directory is whole: the server loads it and every article written is there.

    Changes nothing. Exit status 1 when it is damaged (then `capgraph db repair`).
    """
    _embedded_only(settings, "check")
    state = check_data_dir(settings.data_dir, settings.graph, settings.wait_seconds)
    console.print(state.summary, highlight=False, soft_wrap=True)
    for article_id, path in sorted(state.missing.items(), key=lambda item: item[1]):
        console.print(f"  missing: {path or article_id}", highlight=False, soft_wrap=True)
    if not state.ok:
        raise typer.Exit(1)


@db_app.command("repair")
@store_options
def db_repair_command(settings: StoreSettings) -> None:
    """Keep everything before the damage in a damaged data directory, and list the articles lost.

    A copy of the damaged files is kept beside them. Ingest the listed files again to restore them.
    """
    _embedded_only(settings, "repair")
    report = repair_data_dir(settings.data_dir, settings.graph, settings.wait_seconds)
    for action in report.actions:
        console.print(action, highlight=False, soft_wrap=True)
    if report.kept_copy:
        console.print(f"the damaged files are kept in {report.kept_copy}", highlight=False, soft_wrap=True)
    console.print(f"the graph holds {report.articles} articles", highlight=False)
    if report.lost:
        console.print(f"{len(report.lost)} articles were lost; ingest them again to restore them:", highlight=False)
        for article_id, path in sorted(report.lost.items(), key=lambda item: item[1]):
            console.print(f"  {path or article_id}", highlight=False, soft_wrap=True)
    elif not report.actions:
        console.print("nothing to repair: no article recorded as written is missing", highlight=False)
