"""Proposer: every surface form of a gazetteer actor (data/gazetteer/actors.yaml)."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import actor_automaton, is_place
from ..lexicon import words
from ..names import has_brand_context, is_name_char
from ..ner import tagged_words
from .candidate import make_mention as _mention


def find_known(text: str) -> list[Mention]:
    found = []
    for end_index, (surface, known) in actor_automaton().iter(text):
        start = end_index - len(surface) + 1
        if len(surface) == 2 and known.kind == "investor" and _place_before(text, start):
            continue  # 宁夏国投, 某市国投: a place's own state capital group, not the national one
        found.append(
            _mention(text, start, end_index + 1, known.label, "gazetteer", kind=known.kind, canonical=known.canonical)
        )
        if known.label in ("Institution", "Company"):
            found += _units_after(text, start, end_index + 1)
        if known.kind == "government":
            found += _government_unit_after(text, start, end_index + 1)
        level = _level_before(text, start) if known.kind == "government" else ""
        if level:
            # 省国资委, 某某市发改委: that level's own body, not the national one the gazetteer knows
            found.append(_mention(text, start - len(level), end_index + 1, known.label, "gazetteer", kind=known.kind))
    return found + _sponsors_funds(text, found)


def _place_before(text: str, start: int) -> bool:
    return any(is_place(text[start - n : start]) for n in (2, 3, 4) if start >= n)


def _sponsors_funds(text: str, found: list[Mention]) -> list[Mention]:
    """某某创投国家某某引导基金: a known fund written right after a known investor is that investor's own
    fund, named with it (the investor's name is part of the fund's name)."""
    investors = {
        m.end: m for m in found if m.label in ("Institution", "Company") and m.properties.get("kind") == "investor"
    }
    return [
        _mention(text, investors[fund.start].start, fund.end, "Fund", "fund", why="a known investor's known fund")
        for fund in found
        if fund.label == "Fund" and fund.start in investors
    ]


_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,5}?部(?![门分委长])")


def _units_after(text: str, start: int, end: int) -> list[Mention]:
    """某某矿业, 某某战略发展部 right after a known group's name, with a title or a list around it: the
    group's operating company or department, named on its own (the group's name alone is another actor)."""
    found = []
    industry = next((w for w in words("companies", "subsidiary_industries") if text.startswith(w, end)), "")
    if industry and has_brand_context(text, start, end + len(industry)):
        found.append(_mention(text, start, end + len(industry), "Company", "org", why="a group's industry company"))
    department = _DEPARTMENT.match(text, end)
    if department and text.startswith(_people_titles(), department.end()):
        found.append(_mention(text, start, department.end(), "Institution", "org", kind="other", why="department"))
    return found


def _government_unit_after(text: str, start: int, end: int) -> list[Mention]:
    """某某部办公厅, 某某委某某司: a government body's general office, or a department named by nouns and a
    department's ending (司, 局) written right after the body's name, is that unit — the actor that issues
    or speaks, named on its own (the body alone is another actor)."""
    office = next((w for w in words("organisations", "government_offices") if text.startswith(w, end)), "")
    if office:
        return [_mention(text, start, end + len(office), "Institution", "org", kind="government", why="office")]
    endings = words("organisations", "government_unit_endings")
    window = text[end : end + 12]
    if not any(e in window for e in endings):
        return []  # most bodies are named without a unit: no segmenting then
    classes = frozenset(words("organisations", "unit_word_classes"))
    length = 0
    for word, tag in tagged_words(window):
        if word in endings or (len(word) > 1 and word.endswith(endings) and (tag in classes or tag == "nt")):
            if length == 0 and word in endings:
                return []  # the ending alone (某某部局长): a title or a word, not a named unit
            unit_end = end + length + len(word)
            if any(True for _ in actor_automaton().iter(text[end:unit_end])):
                return []  # 某行会同某某总局: another known body, not a department of this one
            return [_mention(text, start, unit_end, "Institution", "org", kind="government", why="department")]
        if tag not in classes or not all(is_name_char(ch) for ch in word):
            return []
        length += len(word)
    return []


@cache
def _people_titles() -> tuple[str, ...]:
    return tuple(words("persons", "titles"))


def _level_before(text: str, start: int) -> str:
    """省/市/区/县 right before a name, alone (省国资委) or closing a place's name (某某市国资委)."""
    level = text[start - 1 : start] if start else ""
    if level not in ("省", "市", "区", "县"):
        return ""
    for length in (3, 2):  # 某某市 + a body: the place is part of the name
        place = text[start - 1 - length : start]
        opens = text[start - 2 - length : start - 1 - length]
        opens_clause = not opens or not is_name_char(opens) or opens in _single_boundaries()
        named_place = all(is_name_char(ch) and ch not in _single_boundaries() for ch in place[:-1])
        if len(place) == length + 1 and is_place(place) and opens_clause and named_place:
            return place
    before = text[start - 2 : start - 1] if start >= 2 else ""
    return level if not before or not is_name_char(before) or before in _single_boundaries() else ""


@cache
def _single_boundaries() -> frozenset[str]:
    return frozenset(w for w in words("organisations", "left_boundaries") if len(w) == 1)
