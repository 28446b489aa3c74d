"""The `capgraph` command: the typer app with every command module registered."""

from __future__ import annotations

import sys

from .app import app, err_console

# Importing a command module registers its commands on `app`.
from . import extract, graph_commands, query_commands, serve_command, viz_commands  # noqa: E402,F401  isort: skip


def run() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        err_console.print("[red]interrupted[/]")
        sys.exit(130)


__all__ = ["app", "run"]
