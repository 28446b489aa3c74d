"""The relation stage alone: relation P/R/F1 when the entities are given (the gold entities as mentions).

    .venv/bin/python bench/relations_alone.py --gold ../shared/gold-news --corpus ../shared/news [--show]

`capgraph eval` scores the whole pipeline, so a relation missed because an end entity was not found and
one missed although both ends were there look alike. Here every occurrence of a gold entity's name or
alias in the article becomes a mention with the gold label (longest first, no overlaps), and only
loaders/relations.find_relations runs on them: what is left missing is the relation stage's own doing.
An article in traditional characters is read, with its gold, through the simplified copy the pipeline reads
(loaders/script.py).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from capgraph.graph.model import Mention
from capgraph.loaders.relations import Context, find_relations
from capgraph.loaders.resolve import Entity
from capgraph.loaders.score import SCORED_TYPES, norm, prf
from capgraph.loaders.script import simplified
from capgraph.loaders.sentences import split_sentences


def gold_context(text: str, gold: dict) -> tuple[Context, list[Entity], dict[str, str]]:
    sentences = split_sentences(text)
    named: list[tuple[str, Entity]] = []
    canonical: dict[str, str] = {}
    for item in gold.get("entities", []):
        names = {item["name"], *(item.get("aliases") or [])} - {""}
        entity = Entity(item["type"], None, [item["name"], *sorted(names - {item["name"]})])
        named += [(name, entity) for name in names]
        canonical.update({norm(name): norm(item["name"]) for name in names})
    taken: list[tuple[int, int]] = []
    pairs: list[tuple[Mention, Entity]] = []
    for name, entity in sorted(named, key=lambda pair: -len(pair[0])):
        for found in re.finditer(re.escape(name), text):
            if any(found.start() < e and s < found.end() for s, e in taken):
                continue
            taken.append((found.start(), found.end()))
            index = next(s.index for s in sentences if s.start <= found.start() < s.end)
            pairs.append((Mention(name, entity.label, found.start(), found.end(), index), entity))
    pairs.sort(key=lambda pair: pair[0].start)
    entity_of = {id(mention): entity for mention, entity in pairs}
    ctx = Context(text, sentences, [m for m, _ in pairs], lambda m: entity_of[id(m)])
    return ctx, list({id(e): e for _, e in pairs}.values()), canonical


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "corpus")
    parser.add_argument(
        "--show",
        action="store_true",
        help="list missed and spurious relations per article (with the rules that found them)",
    )
    args = parser.parse_args()
    totals = {t: [0, 0, 0] for t in sorted(SCORED_TYPES)}
    for gold_file in sorted(args.gold.glob("*.json")):
        gold = json.loads(simplified(gold_file.read_text(encoding="utf-8")))
        text = simplified((args.corpus / gold["doc"]).read_text(encoding="utf-8"))
        ctx, entities, canonical = gold_context(text, gold)
        rules: dict[tuple[str, str, str], set[str]] = {}
        for f in find_relations(ctx, entities):
            if f.type in SCORED_TYPES:
                rules.setdefault((f.type, norm(f.source.names[0]), norm(f.target.names[0])), set()).add(f.rule)
        predicted = set(rules)
        expected = {
            (
                r["type"],
                canonical.get(norm(r["head"]), norm(r["head"])),
                canonical.get(norm(r["tail"]), norm(r["tail"])),
            )
            for r in gold.get("relations", [])
            if r.get("type") in SCORED_TYPES
        }
        for rtype, counts in totals.items():
            counts[0] += len({x for x in predicted & expected if x[0] == rtype})
            counts[1] += len({x for x in predicted if x[0] == rtype})
            counts[2] += len({x for x in expected if x[0] == rtype})
        if args.show:
            for fact in sorted(expected - predicted):
                print(f"{gold_file.name}  missed    {fact[0]}({fact[1]} -> {fact[2]})")
            for fact in sorted(predicted - expected):
                by = ", ".join(sorted(rules[fact]))
                print(f"{gold_file.name}  spurious  {fact[0]}({fact[1]} -> {fact[2]})  by {by}")
    overall = prf(*(sum(c[i] for c in totals.values()) for i in range(3)))
    p, r, f = overall["precision"], overall["recall"], overall["f1"]
    print(f"relations (gold entities given)  P={p:.3f} R={r:.3f} F1={f:.3f}")
    for rtype, counts in totals.items():
        score = prf(*counts)
        print(f"  {rtype:16} P={score['precision']:.3f} R={score['recall']:.3f} F1={score['f1']:.3f}  {tuple(counts)}")


if __name__ == "__main__":
    main()
