"""Place and Sector nodes, with LOCATED_IN and FOCUSES_ON edges; every edge carries its sentence.

    LOCATED_IN  an organisation or fund whose name starts with a place (青岛市经济发展研究院 → 青岛),
                a branch named after its place (中国银行安徽省分行 → 安徽), 'X位于/落户/总部位于Y';
                a district written inside its city (青岛市崂山区 → 崂山区 LOCATED_IN 青岛)
    FOCUSES_ON  'X聚焦/投向/重点投资/专注于 A、B等领域' in one clause, X a fund, an organisation or a policy

Places and sectors are kept out of the mentions the other relation rules see, so lists and
subjects there are read as before; a place or sector becomes a node only when an edge needs it.
"""

from __future__ import annotations

import re

from capgraph.graph.model import Mention, Sentence

from .gazetteer import canonical_place, countries, is_sector, leading_place, sector_automaton
from .lexicon import words
from .relations import Context, Found, _triggers
from .resolve import Entity

_ACTORS = ("Institution", "Company", "Fund")
_CLAUSE = re.compile(r"[,,;;:：。!?]")


def _place_chain(text: str) -> list[tuple[str, str]]:
    """The places a text starts with, as (canonical, surface): 青岛市崂山区… → [(青岛, 青岛市), (崂山区, 崂山区)]."""
    chain: list[tuple[str, str]] = []
    at = 0
    while True:
        surface = leading_place(text[at:] + "X") if at < len(text) else ""
        if not surface:
            return chain
        canonical = canonical_place(surface)
        if not canonical or canonical in countries():
            return chain
        at += len(surface)
        chain.append((canonical, surface))


class _Nodes:
    def __init__(self) -> None:
        self.places: dict[str, Entity] = {}
        self.sectors: dict[str, Entity] = {}

    def place(self, name: str, surface: str) -> Entity:
        entity = self.places.setdefault(name, Entity("Place", None, [name], canonical=name))
        if surface not in entity.names:
            entity.names.append(surface)
        return entity

    def sector(self, name: str) -> Entity:
        return self.sectors.setdefault(name, Entity("Sector", None, [name], canonical=name))


def _located_by_name(ctx: Context, nodes: _Nodes) -> list[Found]:
    out: list[Found] = []
    branch = words("relations", "branch_suffixes")
    for mention in ctx.mentions:
        entity = ctx.entity(mention)
        if entity.label not in _ACTORS:
            continue
        sentence = ctx.sentences[mention.sentence]
        chain = _place_chain(mention.text)
        if not chain and mention.text.endswith(branch):
            # 中国银行安徽省分行, 浦发银行深圳分行: the place right before the branch word
            stem = next(mention.text[: -len(b)] for b in branch if mention.text.endswith(b))
            for cut in range(max(1, len(stem) - 6), len(stem) - 1):
                found = _place_chain(stem[cut:])
                if found and "".join(f[1] for f in found) == stem[cut:]:
                    chain = found
                    break
        if not chain:
            continue
        previous: Entity | None = None
        for canonical, surface in chain:
            place = nodes.place(canonical, surface)
            if previous is not None:
                out.append(Found("LOCATED_IN", place, previous, sentence, 0.8))
            previous = place
        out.append(Found("LOCATED_IN", entity, previous, sentence, 0.8))  # type: ignore[arg-type]
    return out


def _located_by_verb(ctx: Context, nodes: _Nodes) -> list[Found]:
    out: list[Found] = []
    for sentence in ctx.sentences:
        for start, end, _ in _triggers(sentence, words("relations", "located"), ctx):
            chain = _place_chain(ctx.text[end : min(sentence.end, end + 20)])
            if not chain:
                continue
            subjects = [
                m
                for m in ctx.in_sentence(sentence.index, _ACTORS)
                if m.end <= start and start - m.end <= 3 and not _CLAUSE.search(ctx.text[m.end : start])
            ]
            if not subjects:
                continue
            previous: Entity | None = None
            for canonical, surface in chain:
                place = nodes.place(canonical, surface)
                if previous is not None:
                    out.append(Found("LOCATED_IN", place, previous, sentence, 0.75))
                previous = place
            out.append(Found("LOCATED_IN", ctx.entity(subjects[-1]), previous, sentence, 0.75))  # type: ignore
    return out


def _sector_mentions(ctx: Context, sentence: Sentence) -> list[tuple[int, int, str]]:
    """Sector words in a sentence, longest at each end, outside the names of other entities."""
    taken = [(m.start, m.end) for m in ctx.in_sentence(sentence.index)]
    found: list[tuple[int, int, str]] = []
    for end_index, sector in sector_automaton().iter(sentence.text):
        start, end = sentence.start + end_index - len(sector) + 1, sentence.start + end_index + 1
        if any(start < e and s < end for s, e in taken):
            continue
        found = [f for f in found if not (start <= f[0] and f[1] <= end)]
        if any(f[0] <= start and end <= f[1] for f in found):
            continue
        found.append((start, end, sector))
    return sorted(found)


def _focuses(ctx: Context, nodes: _Nodes) -> list[Found]:
    out: list[Found] = []
    labels = (*_ACTORS, "Policy")
    for sentence in ctx.sentences:
        triggers = _triggers(sentence, words("relations", "focuses"), ctx)
        if not triggers:
            continue
        sectors = _sector_mentions(ctx, sentence)
        for start, end, _ in triggers:
            clause_end = _CLAUSE.search(ctx.text, end, sentence.end)
            stop = clause_end.start() if clause_end else sentence.end
            targets = [s for s in sectors if end <= s[0] and s[1] <= stop]
            if not targets or targets[0][0] - end > 12:
                continue
            clause_start = start
            while clause_start > sentence.start and not _CLAUSE.match(ctx.text[clause_start - 1]):
                clause_start -= 1
            actors = [m for m in ctx.in_sentence(sentence.index, labels) if clause_start <= m.start and m.end <= start]
            if not actors:
                continue
            actor = actors[-1]
            between = ctx.text[actor.end : start]
            if re.search(r"[对向为与和]", between) and len(between) > 6:
                continue  # the actor is the object of another verb here
            for _s, _e, sector in targets:
                out.append(Found("FOCUSES_ON", ctx.entity(actor), nodes.sector(sector), sentence, 0.75))
    return out


def find_places_and_sectors(ctx: Context) -> tuple[list[Entity], list[Found]]:
    nodes = _Nodes()
    found = _located_by_name(ctx, nodes) + _located_by_verb(ctx, nodes) + _focuses(ctx, nodes)
    found = [f for f in found if f.source is not f.target]
    used = {id(f.target) for f in found} | {id(f.source) for f in found}
    entities = [e for e in (*nodes.places.values(), *nodes.sectors.values()) if id(e) in used]
    return entities, found


__all__ = ["find_places_and_sectors", "is_sector", "Mention"]
