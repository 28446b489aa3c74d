"""The selector: one non-overlapping set of mentions out of every proposer's candidates."""

from __future__ import annotations

from capgraph.graph.model import Mention

from .candidate import RANK


def select_mentions(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest span wins, ties go to the more reliable source."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -RANK.get(m.source, 0), m.start, m.label))
    taken: list[tuple[int, int]] = []
    kept: list[Mention] = []
    for mention in ordered:
        if any(mention.start < end and start < mention.end for start, end in taken):
            continue
        taken.append((mention.start, mention.end))
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.end))
