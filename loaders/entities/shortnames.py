"""Proposer: companies by their short-name endings (某某软件 before a title, 、-lists of 某某科技)."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import is_sector
from ..lexicon import words
from ..names import is_generic, name_start, starts_with_junk
from .candidate import make_mention as _mention


@cache
def _weak_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(re.escape(w) for w in words("companies", "weak_suffixes")) + ")$")


@cache
def _before_title_re() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in words("persons", "titles"))
    return re.compile(rf"(?:^|(?<=[,、:;(\s]))([\u4e00-\u9fffA-Za-z]{{2,6}}?)(?={titles})")


def find_weak_companies(text: str, known_ends: set[int]) -> list[Mention]:
    """东华软件高级副总裁…: a short company name right before a title; 海济医药、国数科技: a list of them."""
    found = []
    weak = _weak_suffix_re()
    for match in _before_title_re().finditer(text):
        name = match.group(1)
        if (
            weak.search(name)
            and len(weak.sub("", name)) >= 2
            and not is_sector(name)
            and not is_generic(name)
            and match.end(1) not in known_ends
            and not starts_with_junk(name)
        ):
            found.append(_mention(text, match.start(1), match.end(1), "Company", "list"))
    for clause in re.finditer(r"[^,。;:!?()“”\n]+", text):
        pieces = clause.group(0).split("、")
        if len(pieces) < 2:
            continue
        offset = clause.start()
        spans = []
        for piece in pieces:
            spans.append((offset, offset + len(piece)))
            offset += len(piece) + 1
        first_start, first_end = spans[0]
        spans[0] = (name_start(text, first_end, limit=10), first_end)
        last_start, last_end = spans[-1]
        match = re.match(r"[\u4e00-\u9fff]{2,8}?(?:" + weak.pattern[3:-2] + ")", text[last_start:last_end])
        spans[-1] = (last_start, last_start + match.end()) if match else spans[-1]
        items = [text[a:b] for a, b in spans]
        if all(
            2 <= len(i) <= 8
            and weak.search(i)
            and len(weak.sub("", i)) >= 2
            and not is_sector(i)
            and not is_generic(i)
            and not starts_with_junk(i)
            for i in items
        ):
            found += [_mention(text, a, b, "Company", "list") for a, b in spans if b not in known_ends]
    return found
