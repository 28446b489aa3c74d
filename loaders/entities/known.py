"""Proposer: every surface form of a gazetteer actor (data/gazetteer/actors.yaml)."""

from __future__ import annotations

from capgraph.graph.model import Mention

from ..gazetteer import actor_automaton
from .candidate import make_mention as _mention


def find_known(text: str) -> list[Mention]:
    found = []
    for end_index, (surface, known) in actor_automaton().iter(text):
        start = end_index - len(surface) + 1
        found.append(
            _mention(text, start, end_index + 1, known.label, "gazetteer", kind=known.kind, canonical=known.canonical)
        )
    return found
