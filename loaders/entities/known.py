"""Proposer: every surface form of a gazetteer actor (data/gazetteer/actors.yaml)."""

from __future__ import annotations

from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import actor_automaton
from ..lexicon import words
from ..names import is_name_char
from .candidate import make_mention as _mention


def find_known(text: str) -> list[Mention]:
    found = []
    for end_index, (surface, known) in actor_automaton().iter(text):
        start = end_index - len(surface) + 1
        found.append(
            _mention(text, start, end_index + 1, known.label, "gazetteer", kind=known.kind, canonical=known.canonical)
        )
        level = _level_before(text, start)
        if level and known.kind == "government":
            # 省国资委, 市发改委: that level's own body, not the national one the gazetteer knows
            found.append(_mention(text, start - len(level), end_index + 1, known.label, "gazetteer", kind=known.kind))
    return found


def _level_before(text: str, start: int) -> str:
    """省/市/区/县 standing alone right before a name (not the end of a longer word such as 城市)."""
    level = text[start - 1 : start] if start else ""
    if level not in ("省", "市", "区", "县"):
        return ""
    before = text[start - 2 : start - 1] if start >= 2 else ""
    return level if not before or not is_name_char(before) or before in _single_boundaries() else ""


@cache
def _single_boundaries() -> frozenset[str]:
    return frozenset(w for w in words("organisations", "left_boundaries") if len(w) == 1)
