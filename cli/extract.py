"""`capgraph extract` and `capgraph eval`: extraction to the contract JSON, and its score on gold files."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

import capgraph
from capgraph.errors import InputError
from capgraph.graph.model import Extraction, Skipped
from capgraph.loaders import ner
from capgraph.loaders.entities import propose_typed
from capgraph.loaders.pipeline import extract_document, iter_extractions, read_document, to_contract_json
from capgraph.loaders.score import aggregate, attribute, score_one
from capgraph.loaders.script import simplified

from .app import app, console, warn
from .options import NerOption


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _extractions(paths: list[Path]) -> list[Extraction]:
    done: list[Extraction] = []
    for item in iter_extractions(paths):
        if isinstance(item, Skipped):
            warn(f"skipped {item.path}: {item.reason}")
        else:
            done.append(item)
    return done


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html, .htm).")],
    output: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: the extraction contract on stdout; jsonl: the contract of one article per line, "
            "written as each is extracted (memory stays flat for any number of articles); "
            "table: a summary for people.",
        ),
    ] = OutputFormat.json,
    name_model: NerOption = None,
) -> None:
    """Extract entities and relationships from articles (no database involved)."""
    if name_model:
        ner.set_mode(name_model.value)
    if output is OutputFormat.jsonl:
        for item in iter_extractions(paths):
            if isinstance(item, Skipped):
                warn(f"skipped {item.path}: {item.reason}")
                continue
            sys.stdout.write(json.dumps(to_contract_json([item]), ensure_ascii=False) + "\n")
        return
    extractions = _extractions(paths)
    if output is OutputFormat.json:
        sys.stdout.write(json.dumps(to_contract_json(extractions), ensure_ascii=False, indent=1) + "\n")
        return
    for extraction in extractions:
        names = {n.id: n for n in extraction.nodes}
        doc = extraction.document
        stated = " · ".join(part for part in (doc.date, doc.source, doc.url) if part)
        table = Table(title=f"{doc.title} ({doc.path})" + (f"\n{stated}" if stated else ""), show_lines=False)
        for column in ("type", "source", "target", "confidence", "evidence"):
            table.add_column(column, overflow="fold")
        for edge in extraction.edges:
            table.add_row(
                edge.type,
                names[edge.source].name,
                names[edge.target].name,
                f"{edge.confidence:.2f}",
                edge.evidence[0].sentence[:60] if edge.evidence else "",
            )
        console.print(table)
        counts: dict[str, int] = {}
        for node in extraction.nodes:
            counts[node.label] = counts.get(node.label, 0) + 1
        console.print("  ".join(f"{label}: {count}" for label, count in sorted(counts.items())))


def default_corpus() -> Path:
    return Path(capgraph.__file__).parent / "data" / "corpus"


def default_gold() -> Path:
    """Gold annotations of the sample articles 000–002 of data/corpus, shipped with capgraph."""
    return Path(capgraph.__file__).parent / "data" / "gold"


def evaluate(gold_dir: Path, corpus_dir: Path | None = None, attribute_names: bool = False) -> tuple[dict, list[dict]]:
    """Extract each gold file's article and score it; returns (summary, per-document results)."""
    if not gold_dir.is_dir():
        raise InputError(f"no such gold folder: {gold_dir}")
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise InputError(f"no gold files (*.json) in {gold_dir}")
    corpus = corpus_dir or default_corpus()
    results = []
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = corpus / str(gold.get("doc", ""))
        if not gold.get("doc") or not article.is_file():
            raise InputError(f"article {gold.get('doc')!r} of {gold_file.name} not found in {corpus}")
        doc = read_document(article)
        if isinstance(doc, Skipped):
            raise InputError(f"article {article} could not be read: {doc.reason}")
        prediction = to_contract_json([extract_document(doc)])
        result = score_one(gold, prediction)
        result["doc"] = gold_file.name
        if attribute_names:
            attribute(result, propose_typed(simplified(doc.text)))
        results.append(result)
    return aggregate(results), results


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="Folder of gold annotation files (*.json) (default: the package's data/gold)."),
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Folder of the articles (default: the package's data/corpus).")
    ] = None,
    show: Annotated[bool, typer.Option("--show", help="List missed and spurious entities and relations.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    name_model: NerOption = None,
) -> None:
    """Score extraction against gold annotations (precision, recall, F1 per label and relationship type)."""
    if name_model:
        ner.set_mode(name_model.value)
    summary, results = evaluate(gold or default_gold(), corpus, attribute_names=show)
    if as_json:
        summary["documents"] = results
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        return
    if show:
        for result in results:
            print(f"== {result['doc']}")
            for key in ("missed_entities", "spurious_entities", "missed_relations", "spurious_relations"):
                if result[key]:
                    print(f"  {key}: " + "; ".join(result[key]))
    line = "{:<22} P={precision:.3f} R={recall:.3f} F1={f1:.3f}  (tp={tp} pred={pred} gold={gold})"
    for key in ("entities_typed", "entities_untyped", "relations"):
        print(line.format(key, **summary[key]))
    for label, scores in summary["by_label"].items():
        print(line.format("  " + label, **scores))
    for rel_type, scores in summary["by_type"].items():
        print(line.format("  " + rel_type, **scores))
    print(f"entity_f1={summary['entities_typed']['f1']:.3f} relation_f1={summary['relations']['f1']:.3f}")
