"""Shared by the entity-stage tests: the mentions the stage finds in a text, and their names by label."""

from __future__ import annotations

from capgraph.graph.model import Mention
from capgraph.loaders.entities import find_mentions
from capgraph.loaders.sentences import split_sentences


def mentions(text: str, disabled: tuple[str, ...] = ()) -> list[Mention]:
    return find_mentions(text, split_sentences(text), disabled=disabled)


def named(text: str, label: str, disabled: tuple[str, ...] = ()) -> set[str]:
    return {m.text for m in mentions(text, disabled) if m.label == label}
