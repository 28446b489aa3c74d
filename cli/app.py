"""The typer application and what every command shares (console, options, error handling).

The CLI is thin: each command parses its options and calls the library.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperGroup

from capgraph.errors import CapgraphError

# Results go to stdout; progress, warnings and errors to stderr, so `--format json` output stays clean.
console = Console()
err_console = Console(stderr=True)


def fail(message: str, exit_code: int = 1) -> typer.Exit:
    err_console.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(exit_code)


class CapgraphGroup(TyperGroup):
    """Turns capgraph's errors into one line and a non-zero exit, for the script and CliRunner alike."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except CapgraphError as error:
            raise fail(str(error), error.exit_code) from None


app = typer.Typer(
    cls=CapgraphGroup,
    name="capgraph",
    help="Build, query, view and export a knowledge graph of China's patient capital and tech finance "
    "from Chinese news and policy articles.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("capgraph")
        except PackageNotFoundError:  # run from a source tree that was not installed
            number = "unknown"
        console.print(f"capgraph {number}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print capgraph's version and exit."),
    ] = False,
) -> None:
    """Build, query, view and export a knowledge graph of China's patient capital and tech finance
    from Chinese news and policy articles."""
