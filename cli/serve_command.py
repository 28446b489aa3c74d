"""`capgraph serve`: explore the graph in the browser (search, expand, evidence, saved queries, export)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from capgraph.graph.open import open_store
from capgraph.queries.packs import load_packs
from capgraph.settings import StoreSettings

from .app import app, console
from .options import store_options


@app.command("serve")
@store_options
def serve_command(
    settings: StoreSettings,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0: any free port).", min=0, max=65535)] = 8765,
    open_page: Annotated[bool, typer.Option("--open", help="Open the explorer in the web browser.")] = False,
    pack_dir: Annotated[
        list[Path] | None,
        typer.Option("--pack-dir", help="A folder of your own query packs, shown on the page too (repeatable)."),
    ] = None,
) -> None:
    """Explore the graph in the browser: a local, read-only web page on 127.0.0.1.

    Search by name or alias, double-click to expand, read the evidence in its
    article, run the saved queries, export what you see, share the view's URL.
    The embedded database is held open (its data directory locked) while it
    serves; Ctrl-C stops it.

    Example: capgraph serve --open
    """
    from capgraph.viz.serve.run import bind, serve

    load_packs(pack_dir or [])  # a bad pack folder is one line, before a database is started
    bind(port).close()  # a taken port too
    with open_store(settings) as store:
        console.print(f"serving {store.description}", highlight=False)
        serve(
            store,
            port=port,
            pack_dirs=pack_dir or [],
            open_browser=open_page,
            on_ready=lambda url: console.print(f"capgraph explorer at {url} (Ctrl-C to stop)", highlight=False),
        )
    console.print("stopped; the database is closed", highlight=False)
