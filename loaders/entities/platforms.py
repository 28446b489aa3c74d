"""Proposer: platforms named in quotes (“某某通”平台, 平台“某某通”)."""

from __future__ import annotations

import re

from capgraph.graph.model import Mention

from ..gazetteer import is_sector
from ..names import is_name_char
from .candidate import make_mention as _mention

_QUOTED_PLATFORM = re.compile(
    r"平台\s*[—-]*\s*[“\"]([^“”\"\n]{2,12})[”\"]"
    # “某某”系列产品和…平台: a product series, or a second noun joined by 和, is not the platform
    r"|[“\"]([^“”\"\n]{2,12})[”\"](?!系列)[^,。;、“和及与]{0,8}?平台"
)


def find_quoted_platforms(text: str) -> list[Mention]:
    found = []
    for match in _QUOTED_PLATFORM.finditer(text):
        group = 1 if match.group(1) else 2
        inner = match.group(group)
        if is_sector(inner) or not all(is_name_char(ch) for ch in inner):
            continue
        found.append(_mention(text, match.start(group), match.end(group), "Institution", "quoted", kind="platform"))
    return found
