"""The selector: one non-overlapping set of mentions out of every proposer's candidates."""

from __future__ import annotations

from capgraph.graph.model import Mention

from .candidate import RANK


def select_mentions(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest span wins, ties go to the more reliable source."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -RANK.get(m.source, 0), m.start, m.label))
    kept = _non_overlapping(ordered)
    kept += _issuers_inside_titles(mentions, kept)
    kept += _documents_inside_notices(mentions, kept)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _non_overlapping(ordered: list[Mention]) -> list[Mention]:
    """Each mention in turn unless it overlaps one kept before it."""
    kept: list[Mention] = []
    if any(m.start >= m.end for m in ordered):  # an empty span overlaps what strictly surrounds it: compare pairs
        taken: list[tuple[int, int]] = []
        for mention in ordered:
            if any(mention.start < end and start < mention.end for start, end in taken):
                continue
            taken.append((mention.start, mention.end))
            kept.append(mention)
        return kept
    covered = bytearray(max((m.end for m in ordered), default=0) + 1)  # characters of the kept mentions
    for mention in ordered:
        if covered.find(1, mention.start, mention.end) != -1:
            continue
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        kept.append(mention)
    return kept


def _issuers_inside_titles(mentions: list[Mention], kept: list[Mention]) -> list[Mention]:
    """《某省人民政府关于…的意见》: the issuers before 关于 are entities of their own inside the title."""
    zones = [(m.start, m.start + m.text.index("关于")) for m in kept if m.label == "Policy" and "关于" in m.text]
    if not zones:
        return []
    kept_ids = {id(m) for m in kept}
    inside: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -RANK.get(m.source, 0), m.start))
    for mention in ordered:
        if mention.label not in ("Institution", "Company") or id(mention) in kept_ids:
            continue
        if not any(a <= mention.start and mention.end <= b for a, b in zones):
            continue
        if any(mention.start < o.end and o.start < mention.end for o in inside):
            continue
        inside.append(mention)
    return inside


def _documents_inside_notices(mentions: list[Mention], kept: list[Mention]) -> list[Mention]:
    """某某关于印发X的通知: the document X the notice issues is a policy of its own inside its title."""
    issued_from = [
        (m.start + m.text.index("关于印发") + 4, m.end) for m in kept if m.label == "Policy" and "关于印发" in m.text
    ]
    inside = [
        m
        for m in sorted(mentions, key=lambda m: m.start - m.end)
        if m.label == "Policy" and any(start <= m.start and m.end < end for start, end in issued_from)
    ]
    return [m for i, m in enumerate(inside) if not any(m.start < o.end and o.start < m.end for o in inside[:i])]
