"""Proposer: platforms named in quotes (“某某通”平台, 平台“某某通”), and organisations named in quotes right
after the kind of organisation they are (生物制药公司“某某”, 医院管理机构“某某”)."""

from __future__ import annotations

import re

from capgraph.graph.model import Mention

from ..gazetteer import is_sector
from ..names import is_name_char
from ..ner import made_of_common_words
from .candidate import make_mention as _mention

_QUOTED_PLATFORM = re.compile(
    r"平台\s*[—-]*\s*[“\"]([^“”\"\n]{2,12})[”\"]"
    # “某某”系列产品和…平台: a product series, or a second noun joined by 和, is not the platform
    r"|[“\"]([^“”\"\n]{2,12})[”\"](?!系列)[^,。;、“和及与]{0,8}?平台"
)


# 的生物制药公司“某某”: a kind noun closing a description, then the name in quotes (three characters or
# more: two in quotes after 企业 are mostly a word set off, 陪伴企业“长跑”)
_KIND_THEN_QUOTED = re.compile(r"(?:公司|企业|机构|品牌|厂商|独角兽)\s*[“\"]([\u4e00-\u9fffA-Za-z0-9·&]{3,12})[”\"]")


def find_quoted_platforms(text: str) -> list[Mention]:
    found = []
    for match in _QUOTED_PLATFORM.finditer(text):
        group = 1 if match.group(1) else 2
        inner = match.group(group)
        if is_sector(inner) or not all(is_name_char(ch) for ch in inner):
            continue
        found.append(_mention(text, match.start(group), match.end(group), "Institution", "quoted", kind="platform"))
    for match in _KIND_THEN_QUOTED.finditer(text):
        # 企业“碳效码”, 机构“借力”: ordinary words in quotes are a term or a verb set off, not a name;
        # 企业“0到1”: figures joined by one word are a stage or a range (a name has two letters at least)
        inner = match.group(1)
        letters = sum(1 for ch in inner if not ch.isdigit())
        if letters >= 2 and not is_sector(inner) and not made_of_common_words(inner):
            found.append(_mention(text, match.start(1), match.end(1), "ORG", "quoted", why="named after its kind"))
    return found
