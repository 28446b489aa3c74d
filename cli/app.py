"""The typer application and what every command shares (console, options, error handling).

The CLI is thin: each command parses its options and calls the library.
"""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="capgraph",
    help="Build, query, view and export a knowledge graph of China's patient capital and tech finance "
    "from Chinese news and policy articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

# Results go to stdout; progress, warnings and errors to stderr, so `--format json` output stays clean.
console = Console()
err_console = Console(stderr=True)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)
