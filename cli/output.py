"""Printing query results as a table, JSON or CSV (to stdout or a file)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rich.table import Table

from capgraph.errors import InputError
from capgraph.graph.store import QueryResult, display, jsonable

from .app import console
from .options import OutputFormat


def render(result: QueryResult, fmt: OutputFormat) -> str:
    """JSON and CSV as text; the table format is printed by `emit` with rich."""
    if fmt is OutputFormat.json:
        return json.dumps([jsonable(record) for record in result.records()], ensure_ascii=False, indent=2)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([display(value) for value in row])
    return buffer.getvalue()


def result_table(result: QueryResult, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(display(value) for value in row))
    table.caption = f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    return table


def emit(result: QueryResult, fmt: OutputFormat, out: Path | None = None, title: str | None = None) -> None:
    if out is not None:
        text = render(result, OutputFormat.csv if fmt is OutputFormat.table else fmt)
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot write {out}: {error.strerror}") from None
        console.print(f"wrote {len(result.rows)} rows to {out}", highlight=False)
    elif fmt is OutputFormat.table:
        console.print(result_table(result, title))
    else:
        # Plain print: rich would wrap long JSON lines and break them.
        print(render(result, fmt), end="" if fmt is OutputFormat.csv else "\n")
