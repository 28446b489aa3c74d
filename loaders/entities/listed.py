"""Proposer: listed companies named with their stock code (某某医药(600123), 某某科技(688001.SH))."""

from __future__ import annotations

import re

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector
from ..names import is_generic, is_name_char, name_start, starts_with_junk
from .candidate import make_mention

_CODE = re.compile(
    r"\(\s*(?:股票代码|证券代码|代码)?[:：]?\s*(?:\d{6}(?:\.(?:SH|SZ|BJ))?|\d{4,5}\.HK|[A-Z]{1,5}\.(?:US|O|N))\s*\)"
)


def find_listed_companies(text: str, known_ends: set[int]) -> list[Mention]:
    found = []
    for code in _CODE.finditer(text):
        end = code.start()
        if end in known_ends or not end or not is_name_char(text[end - 1]):
            continue
        start = name_start(text, end, limit=16)
        name = text[start:end]
        if len(name) < 2 or is_place(name) or is_sector(name) or is_generic(name) or starts_with_junk(name):
            continue
        found.append(make_mention(text, start, end, "ORG", "context", why="stock code"))
    return found
