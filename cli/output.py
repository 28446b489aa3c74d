"""Printing query results as a table, JSON or CSV (to stdout or a file)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rich.table import Table

from capgraph.errors import InputError
from capgraph.graph.amounts import yi
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


def _cell(column: str, value: Any) -> str:
    """A table cell: amounts in yuan read as 亿元 (JSON and CSV keep the number)."""
    if "amount" in column.lower():
        as_yi = yi(value)
        if as_yi is not None:
            return as_yi
    return display(value)


def result_table(result: QueryResult, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold", justify="right" if "amount" in column.lower() else "left")
    for row in result.rows:
        table.add_row(*(_cell(column, value) for column, value in zip(result.columns, row, strict=True)))
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
