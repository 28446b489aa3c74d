"""Saved Cypher queries: one `.cypher` file a query, grouped in packs by folder.

A file starts with a header of `//` comment lines, then the Cypher statement:

    // title: Who manages a fund
    // description: The institutions that manage a fund (its management team),
    // description: with the sentence that says so.
    // param: fund: entity — the fund, by id, name or any alias
    // param: limit: int = 50 — at most this many rows
    // returns: manager, kind, fund, evidence
    MATCH (m:Institution)-[r:MANAGES]->(f:Fund {id: $fund}) ...

Header keys: `title` (one line), `description` (repeatable; lines are joined), `param`
(one per parameter), `returns` (comma-separated column names). A `param` line is
`NAME: TYPE [= DEFAULT] [— DESCRIPTION]` (`--` or ` - ` also separate the description).
A parameter without a default is required; `= null` makes it optional with no value.
Types: string, int, float, bool, list (comma-separated text), and entity (a name or alias
that the runner resolves to the entity's `id` before the query runs); `entity(Fund)` or
`entity(Institution|Fund)` only accepts entities with one of those labels.

The query is called `PACK/FILE-STEM`, e.g. `funds/managers`. Packs shipped with capgraph
live beside this module; `extra_dirs` add the user's own (a folder of pack folders, or a
pack folder itself); a user's query with the same name replaces the shipped one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from capgraph.errors import InputError
from capgraph.graph.schema import ENTITY_LABELS

PACKS_DIR = Path(__file__).resolve().parent
PARAM_TYPES: tuple[str, ...] = ("string", "int", "float", "bool", "list", "entity")

# String literals, backquoted names and comments: blanked out before looking at a statement's words.
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
_PARAMETER_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_HEADER_LINE = re.compile(r"^//\s*(?P<key>[a-z_]+)\s*:\s?(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z]+)(?:\((?P<labels>[A-Za-z|]+)\))?"
    r"(?:\s*=\s*(?P<default>.*?))?"
    r"(?:\s+(?:—|--|-)\s+(?P<description>.*))?$"
)


@dataclass(frozen=True, slots=True)
class QueryParam:
    name: str
    type: str  # one of PARAM_TYPES
    default: str | None = None  # as written in the header (text); converted by the runner
    required: bool = True
    description: str = ""
    labels: tuple[str, ...] = ()  # for `entity(Fund|Institution)`: the labels the entity must have

    @property
    def type_text(self) -> str:
        """The type as written in the header, e.g. `entity(Fund)`."""
        return f"{self.type}({'|'.join(self.labels)})" if self.labels else self.type


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str  # "pack/query"
    title: str
    description: str
    params: list[QueryParam] = field(default_factory=list)
    returns: list[str] = field(default_factory=list)
    cypher: str = ""
    path: Path = Path()

    @property
    def pack(self) -> str:
        return self.name.split("/", 1)[0]

    def param(self, name: str) -> QueryParam | None:
        return next((param for param in self.params if param.name == name), None)


def parse_query(name: str, text: str, path: Path = Path()) -> SavedQuery:
    """Parse one query file's text; an InputError names the file and the line at fault."""
    title = ""
    description: list[str] = []
    params: list[QueryParam] = []
    returns: list[str] = []
    body: list[str] = []
    in_header = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = _HEADER_LINE.match(stripped) if in_header else None
        if header:
            key, value = header["key"], header["value"].strip()
            if key == "title":
                title = value
            elif key == "description":
                description.append(value)
            elif key == "param":
                params.append(_parse_param(value, f"{path}:{number}"))
            elif key == "returns":
                returns = [column.strip() for column in value.split(",") if column.strip()]
            else:
                raise InputError(f"{path}:{number}: unknown header key {key!r} in saved query {name}")
            continue
        if in_header and (not stripped or stripped.startswith("//")):
            continue  # blank lines and free comments in the header
        in_header = False
        body.append(line)
    cypher = "\n".join(body).strip()
    if not cypher:
        raise InputError(f"{path}: saved query {name} has no Cypher statement")
    if not title:
        raise InputError(f"{path}: saved query {name} has no '// title:' line")
    names = [param.name for param in params]
    if len(set(names)) != len(names):
        raise InputError(f"{path}: saved query {name} declares a parameter twice")
    undeclared = sorted(set(parameters_used(cypher)) - set(names))
    if undeclared:
        raise InputError(f"{path}: saved query {name} uses ${undeclared[0]} without a '// param:' line for it")
    return SavedQuery(name, title, " ".join(description), params, returns, cypher, path)


def code_only(cypher: str) -> str:
    """The statement with string literals, backquoted names and comments blanked out."""
    return _LITERALS.sub(lambda match: " " * len(match.group(0)), cypher)


def parameters_used(cypher: str) -> list[str]:
    """The `$name` parameters a statement refers to, in order of first use."""
    return list(dict.fromkeys(_PARAMETER_USE.findall(code_only(cypher))))


def _parse_param(text: str, where: str) -> QueryParam:
    match = _PARAM.match(text)
    if not match:
        raise InputError(f"{where}: a param line is 'name: type [= default] — description', got {text!r}")
    param_type = match["type"]
    if param_type not in PARAM_TYPES:
        raise InputError(f"{where}: parameter type {param_type!r} is not one of {', '.join(PARAM_TYPES)}")
    labels = tuple(match["labels"].split("|")) if match["labels"] else ()
    if labels and param_type != "entity":
        raise InputError(f"{where}: only entity parameters take labels, as in entity(Fund)")
    unknown = [label for label in labels if label not in ENTITY_LABELS]
    if unknown:
        raise InputError(f"{where}: {unknown[0]!r} is not an entity label ({', '.join(ENTITY_LABELS)})")
    default = match["default"]
    return QueryParam(
        name=match["name"],
        type=param_type,
        default=default.strip() if default is not None else None,
        required=default is None,
        description=(match["description"] or "").strip(),
        labels=labels,
    )


def _pack_dirs(root: Path) -> list[Path]:
    """The pack folders under `root`; `root` itself when it holds .cypher files directly."""
    if any(root.glob("*.cypher")):
        return [root]
    return sorted(child for child in root.iterdir() if child.is_dir() and any(child.glob("*.cypher")))


def load_packs(extra_dirs: Sequence[Path] = ()) -> dict[str, SavedQuery]:
    """Every saved query by name: capgraph's packs, then the user's (which may replace them)."""
    queries: dict[str, SavedQuery] = {}
    for root in [PACKS_DIR, *extra_dirs]:
        root = Path(root)
        if not root.is_dir():
            raise InputError(f"query pack folder not found: {root}")
        for pack_dir in _pack_dirs(root):
            for path in sorted(pack_dir.glob("*.cypher")):
                name = f"{pack_dir.name}/{path.stem}"
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as error:
                    raise InputError(f"cannot read saved query {path}: {error}") from None
                queries[name] = parse_query(name, text, path)
    return dict(sorted(queries.items()))


def find_query(name: str, extra_dirs: Sequence[Path] = ()) -> SavedQuery:
    """The saved query called `name` ("pack/query"); an InputError (one line) if there is none."""
    queries = load_packs(extra_dirs)
    if name in queries:
        return queries[name]
    stem = name.rsplit("/", 1)[-1]
    close = [known for known in queries if known.split("/", 1)[1] == stem]
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'capgraph query list'"
    raise InputError(f"no saved query named {name!r}{hint}")
