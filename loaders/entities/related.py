"""Proposer: names right after a relation noun (全资子公司某某科技, 孙公司某某参股公司某某): the noun says a
company follows, whatever its ending."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector
from ..lexicon import one_of
from ..names import is_generic, starts_with_junk
from ..ner import has_function_words
from .candidate import make_mention
from .typing import is_company_short_name


@cache
def _related_re() -> re.Pattern[str]:
    nouns = one_of("companies", "relation_nouns")
    stops = one_of("companies", "after_related_name")
    return re.compile(rf"(?:{nouns})([\u4e00-\u9fffA-Za-z·]{{3,10}}?)(?=($|{nouns}|[,。;:!?()、\s“”]|{stops}))")


def find_related_names(text: str, known_ends: set[int]) -> list[Mention]:
    found = []
    for match in _related_re().finditer(text):
        name = match.group(1)
        if match.end(1) in known_ends or is_place(name) or is_sector(name) or is_generic(name):
            continue
        if starts_with_junk(name) or has_function_words(name):
            continue  # 负责人针对…工作: a preposition or an adverb makes a clause, not a name
        closed_by_name_word = match.group(2) and match.group(2)[0] not in ",。;:!?()、 \n“”"
        if not closed_by_name_word and not (is_company_short_name(name) or name.isascii()):
            continue  # 子公司按照…, : a clause follows the noun, unless the words read as a company
        found.append(make_mention(text, match.start(1), match.end(1), "ORG", "context", why="after a relation noun"))
    return found
