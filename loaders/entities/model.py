"""Proposer: the statistical name model's PER and ORG spans (loaders/ner.py), filtered to name shapes.

The model proposes; the typer decides the label of an ORG span. A span is dropped when it is a place,
a field, a description or a fragment the rules know better (a count, a verb at its edge).
"""

from __future__ import annotations

import re

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector, org_suffix_table
from ..lexicon import words
from ..names import has_brand_context, is_generic, starts_with_junk
from ..ner import NameSpan
from .candidate import make_mention
from .persons import looks_like_name, name_follows

_ORG_SHAPE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·&()]+")
_TRAILING_COUNT = re.compile(r"(?:[两一二三四五六七八九十\d]+[家个只]|系|等)$")


def person_span_ok(text: str, start: int, end: int) -> bool:
    """A model PER span that reads as a Chinese name: a surname, two to four characters, a boundary after."""
    token = text[start:end]
    if not looks_like_name(token) or any(token.endswith(w) for w in words("persons", "not_name_endings")):
        return False
    return name_follows(text, end)


def _has_suffix(name: str) -> bool:
    return any(name.endswith(s) for s in org_suffix_table())


def find_model_names(text: str, spans: list[NameSpan]) -> list[Mention]:
    found = []
    for span in spans:
        if span.tag == "PER":
            if person_span_ok(text, span.start, span.end):
                found.append(make_mention(text, span.start, span.end, "Person", "model", why="model PER"))
            continue
        if span.tag != "ORG":
            continue
        end = span.start + len(_TRAILING_COUNT.sub("", text[span.start : span.end]))
        name = text[span.start : end]
        if not _ORG_SHAPE.fullmatch(name) or is_place(name) or is_sector(name) or is_generic(name):
            continue
        if starts_with_junk(name) or len(name) < 2 or _has_suffix(name):
            continue  # a name with an organisation suffix is the suffix rules' to judge (places, levels, departments)
        if any(name.endswith(g) for g in words("organisations", "generic_modifiers")):
            continue
        if any(
            w in name
            for w in (*words("organisations", "not_names"), *words("organisations", "kind_nouns"))
            if len(w) >= 3
        ):
            continue  # 某某药业参股公司某某: two names joined by a relation noun
        # a brand is a name only where an actor's verb or a list surrounds it (or it is Latin: OPPO)
        if not name.isascii() and not has_brand_context(text, span.start, end):
            continue
        found.append(make_mention(text, span.start, end, "ORG", "model", why="model ORG"))
    return found
