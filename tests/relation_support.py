"""Shared by the relation-stage tests: the relations found in a text whose names are marked [Label:name]."""

from __future__ import annotations

import re

from capgraph.graph.model import Mention
from capgraph.loaders.relations import Context, find_relations
from capgraph.loaders.resolve import Entity
from capgraph.loaders.sentences import split_sentences

MARK = re.compile(r"\[(\w+):([^\]]+)\]")


def facts(marked: str) -> set[tuple[str, str, str]]:
    """Relations found in `marked` (names written [Label:name]); one entity per distinct name."""
    text, spans, cursor = "", [], 0
    for match in MARK.finditer(marked):
        text += marked[cursor : match.start()]
        start = len(text)
        text += match.group(2)
        spans.append((match.group(1), match.group(2), start, len(text)))
        cursor = match.end()
    text += marked[cursor:]
    sentences = split_sentences(text)
    entities: dict[str, Entity] = {}
    mentions = []
    for label, name, start, end in spans:
        index = next(s.index for s in sentences if s.start <= start < s.end)
        mentions.append(Mention(name, label, start, end, index))
        entities.setdefault(name, Entity(label, None, [name]))
    ctx = Context(text, sentences, mentions, lambda m: entities[m.text])
    return {(f.type, f.source.name, f.target.name) for f in find_relations(ctx, list(entities.values()))}
