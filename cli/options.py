"""Options shared by the commands that use a store, declared once.

`@store_options` adds --data-dir and the --neo4j-* options (with their environment
variables) to a command and hands it a ready `StoreSettings` as its `settings` argument.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from capgraph.errors import InputError
from capgraph.settings import StoreSettings

_PANEL = "Where the graph lives"

_STORE_PARAMETERS = [
    inspect.Parameter(
        "data_dir",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            Path | None,
            typer.Option(
                "--data-dir",
                envvar="CAPGRAPH_DATA_DIR",
                help="Data directory of the embedded FalkorDB (default: ./.capgraph).",
                rich_help_panel=_PANEL,
                show_default=False,
            ),
        ],
    ),
    inspect.Parameter(
        "neo4j_uri",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option(
                "--neo4j-uri",
                envvar="NEO4J_URI",
                help="Use Neo4j at this URI (bolt://, neo4j://, neo4j+s://) instead of the embedded FalkorDB.",
                rich_help_panel=_PANEL,
            ),
        ],
    ),
    inspect.Parameter(
        "neo4j_user",
        inspect.Parameter.KEYWORD_ONLY,
        default="neo4j",
        annotation=Annotated[
            str, typer.Option("--neo4j-user", envvar="NEO4J_USERNAME", help="Neo4j user.", rich_help_panel=_PANEL)
        ],
    ),
    inspect.Parameter(
        "neo4j_password",
        inspect.Parameter.KEYWORD_ONLY,
        default="",
        annotation=Annotated[
            str,
            typer.Option(
                "--neo4j-password",
                envvar="NEO4J_PASSWORD",
                help="Neo4j password (prefer the environment variable).",
                rich_help_panel=_PANEL,
                show_default=False,
            ),
        ],
    ),
    inspect.Parameter(
        "neo4j_database",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option(
                "--neo4j-database", envvar="NEO4J_DATABASE", help="Neo4j database name.", rich_help_panel=_PANEL
            ),
        ],
    ),
]
_STORE_NAMES = [parameter.name for parameter in _STORE_PARAMETERS]

F = TypeVar("F", bound=Callable[..., Any])


def store_options(command: F) -> F:
    # eval_str: command modules use `from __future__ import annotations`, and typer needs real types.
    signature = inspect.signature(command, eval_str=True)
    own = [parameter for name, parameter in signature.parameters.items() if name != "settings"]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        store_values = {name: kwargs.pop(name, None) for name in _STORE_NAMES}
        kwargs["settings"] = StoreSettings.from_env(**store_values)
        return command(*args, **kwargs)

    parameters = [*own, *_STORE_PARAMETERS]
    wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    return wrapper  # type: ignore[return-value]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def split_params(pairs: list[str] | None) -> dict[str, str]:
    """`--param name=value` pairs as text (a saved query's header gives each its type)."""
    raw: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param takes name=value, got {pair!r}")
        if "`" in key:
            raise InputError(f"--param {key.strip()!r}: a parameter name cannot contain a backtick")
        raw[key.strip()] = value
    return raw


def parse_params(pairs: list[str] | None) -> dict[str, Any]:
    """`--param k=v` pairs for ad-hoc Cypher: numbers and true/false/null as such, the rest text."""
    return {key: _literal(value) for key, value in split_params(pairs).items()}


def _literal(raw: str) -> Any:
    lowered = raw.strip().lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    if lowered == "null":
        return None
    for convert in (int, float):
        try:
            return convert(raw)
        except ValueError:
            pass
    return raw


class NameModel(StrEnum):
    hybrid = "hybrid"
    lac = "lac"
    rjieba = "rjieba"
    off = "off"


# The statistical name model of the entity stage (loaders/ner.py); the option sets it for the process.
NerOption = Annotated[
    NameModel | None,
    typer.Option(
        "--ner",
        envvar="CAPGRAPH_NER",
        help="Name model: hybrid (default: LAC where the person rules look), lac (LAC everywhere: most "
        "accurate, slowest), rjieba (fastest), off (rules only).",
        show_default=False,
    ),
]
