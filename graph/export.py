"""Write a subgraph in one of the export formats (the `capgraph export` command's library side)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from .export_csv import write_import_csv
from .export_cypher import cypher_script
from .export_networkx import write_gexf, write_graphml, write_node_link_json
from .export_rdf import json_ld, turtle
from .subgraph import Subgraph


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    neo4j_csv = "neo4j-csv"  # a folder of CSV files for neo4j-admin database import
    csv = "csv"  # the same as neo4j-csv (its first name)
    cypher = "cypher"
    ttl = "ttl"
    jsonld = "jsonld"

    @property
    def suffix(self) -> str:
        """File suffix; CSV is a folder (nodes.csv and relationships.csv), so it has none."""
        suffixes = {
            "json": ".json",
            "cypher": ".cypher",
            "ttl": ".ttl",
            "jsonld": ".jsonld",
            "csv": "",
            "neo4j-csv": "",
        }
        return suffixes.get(self.value, f".{self.value}")

    @property
    def is_folder(self) -> bool:
        return self in (ExportFormat.csv, ExportFormat.neo4j_csv)


def export_text(subgraph: Subgraph, fmt: ExportFormat) -> str | None:
    """The export as text for the formats that are one text file (None for the others)."""
    if fmt is ExportFormat.cypher:
        return cypher_script(subgraph)
    if fmt is ExportFormat.ttl:
        return turtle(subgraph)
    if fmt is ExportFormat.jsonld:
        return json_ld(subgraph)
    return None


def export_subgraph(subgraph: Subgraph, fmt: ExportFormat, out: Path) -> list[Path]:
    """Write the export to `out` (a folder for CSV); returns the files written."""
    if fmt.is_folder:
        return write_import_csv(subgraph, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = export_text(subgraph, fmt)
    if text is not None:
        out.write_text(text, encoding="utf-8")
    elif fmt is ExportFormat.graphml:
        write_graphml(subgraph, out)
    elif fmt is ExportFormat.gexf:
        write_gexf(subgraph, out)
    else:
        write_node_link_json(subgraph, out)
    return [out]
