"""What proposers hand on: a Mention plus its evidence (which proposer, why), and how far each is trusted."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from capgraph.graph.model import Mention, Sentence

# How much each Mention.source is trusted when two spans overlap with the same length (and in resolve).
RANK = {
    "gazetteer": 6,
    "alias": 6,
    "person": 5,
    "policy": 5,
    "fund": 4,
    "org": 4,
    "quoted": 3,
    "model": 3,
    "context": 3,
    "list": 2,
}


@dataclass(slots=True)
class Candidate:
    """A proposed span: the mention (label as proposed) and its evidence."""

    mention: Mention
    proposer: str  # the proposer module that produced it
    why: str = ""  # the rule or context that fired, for `capgraph eval --show`


class SentenceIndex:
    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def make_mention(text: str, start: int, end: int, label: str, source: str, **properties: object) -> Mention:
    return Mention(
        text=text[start:end],
        label=label,
        start=start,
        end=end,
        sentence=-1,
        properties={k: v for k, v in properties.items() if v is not None},
        source=source,
    )
