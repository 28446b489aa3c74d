"""Proposer: the investors of a round, named in a list bound to an investor's role (A、B跟投,
A、B等老股东持续加码, 投资方包括A、B和C, 获得A、B战略投资) — brands no suffix marks."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector, known_actors
from ..lexicon import one_of, words
from ..names import after_known_group, is_generic, name_start, starts_with_junk
from .candidate import make_mention

_ITEM = r"(?:(?!等)[\u4e00-\u9fffA-Za-z·&]){2,10}?"  # 等 closes a list, it is in no name
_LIST = rf"{_ITEM}(?:[、和及与]{_ITEM})*"
# a Latin name may hold a space between its words (某某 Capital, Cavenham-like PE names)
_GREEDY_ITEM = r"(?:(?!等)(?:[\u4e00-\u9fffA-Za-z·&]|(?<=[A-Za-z]) (?=[A-Za-z]))){2,16}"
_GREEDY_LIST = rf"{_GREEDY_ITEM}(?:[、和及与]{_GREEDY_ITEM})*"
_COUNT = r"(?:[\d一二两三四五六七八九十]+(?:大|家|个|位)[\u4e00-\u9fff]{0,4})?"


_SHAREHOLDERS = ("老股东", "现有股东", "原股东", "股东")
_ROUND_LABEL_END = re.compile(r"(?:Pre-)?(?:[A-F]\+{0,2}\d?|天使\+?|种子|首|新一|本)轮$")


def _alternation(key: str) -> str:
    return one_of("lists", key)


@cache
def _after_re() -> re.Pattern[str]:
    closers = _alternation("investor_list_closers")
    roles = _alternation("investor_roles_after")
    # 领投方, 跟投人: the role as a noun (某某的领投方) names no investor before it
    return re.compile(rf"(?:^|(?<=[,。;:!?()“”\n由]))({_LIST})((?:{closers})*)({roles})(?![方人])")


@cache
def _closed_re() -> re.Pattern[str]:
    """投资者包括A、某某投资、B等机构。: a list closed by 等机构 or 等等 runs to the close, over 投资 in a name."""
    before = _alternation("investor_roles_before")
    return re.compile(rf"(?:{before})({_GREEDY_LIST})(?:{_alternation('investor_list_ends')})")


@cache
def _opened_re() -> re.Pattern[str]:
    """投资方包括A、B和C。: after an opener that says the list is of investors, the list runs to the clause's end."""
    return re.compile(rf"(?:{_alternation('investor_list_openers')})({_GREEDY_LIST})(?=[。;；,，\n]|$)")


@cache
def _before_re() -> re.Pattern[str]:
    before, end = _alternation("investor_roles_before"), _alternation("investor_items_end")
    return re.compile(rf"(?:{before})({_LIST}?)(?:等[\u4e00-\u9fff]{{0,4}}?)?{_COUNT}(?:{end})")


def _first_start(text: str, start: int, end: int) -> int:
    """The list's first name starts after any 由/获 or shareholder word inside it (本轮融资由某某, 老股东某某),
    and after a joining 与/及 that opens it (某某资管(English name)与某某领投)."""
    if text[start] in "与及" and end - start > 2:
        start += 1
    first_end = start + len(re.split(r"[、和及与]", text[start:end])[0])
    named_from = name_start(text, first_end, limit=first_end - start)
    start = named_from if first_end - named_from >= 2 else start  # 华为: 为 inside a name is no boundary
    for word in words("lists", "investor_roles_before"):
        if text.startswith(word, start) and first_end - start - len(word) >= 2:
            return start + len(word)
    return start


def _pieces(listed: str) -> list[str]:
    """A list's items: 、 separates them; 和/及/与 only joins the last two, and only where both sides are
    names of two characters or more (方正和生 keeps its 和)."""
    pieces = listed.split("、")
    last = re.split(r"以及|[和及与]", pieces[-1], maxsplit=1)
    if len(last) == 2 and all(len(p) >= 2 for p in last) and (len(pieces) > 1 or not re.search("[和及与]", last[1])):
        pieces[-1:] = last
    return pieces


def _items(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    start = _first_start(text, start, end)
    spans, at = [], start
    for piece in _pieces(text[start:end]):
        at = text.index(piece, at)  # after a joiner of one character or two (以及)
        spans.append((at, at + len(piece)))
        at += len(piece)
    label = _ROUND_LABEL_END.search(text, spans[-1][0], spans[-1][1])
    if label and label.start() - spans[-1][0] >= 2:
        spans[-1] = (spans[-1][0], label.start())  # 获A、B天使轮投资: the round's label after the last name
    for a, b in spans:
        item = text[a:b]
        if any(item.endswith(w) for w in (*words("organisations", "not_names"), *words("organisations", "kind_nouns"))):
            return None  # 某某参股公司: a relation noun, the list is no list of names
        if (
            not 2 <= len(item) <= (16 if item.isascii() else 10)
            or "的" in item
            or is_sector(item)
            or is_generic(item)
            or starts_with_junk(item)
        ):
            return None
    # a brand may share a place's name (某山跟投); a list only of places names no investors
    named = [(a, b) for a, b in spans if not is_place(text[a:b])]
    return named or None


def is_role_word(item: str) -> bool:
    """产业方, 老股东, 国企: who invests by kind, not by name."""
    return item in words("lists", "investor_kinds") or any(
        item.endswith(w) for w in words("lists", "investor_role_endings")
    )


@cache
def _leads() -> frozenset[str]:
    return frozenset(words("lists", "investor_lead_roles"))


def find_investors(text: str, known_ends: set[int]) -> list[Mention]:
    found = []
    for pattern in (_after_re(), _before_re(), _closed_re(), _opened_re()):
        for match in pattern.finditer(text):
            spans = _items(text, match.start(1), match.end(1))
            if not spans:
                continue
            if (
                pattern is _after_re()
                and len(spans) == 1
                and not match.group(2)
                and match.group(3) not in _leads()
                and not text.startswith(_SHAREHOLDERS, match.start(1))
            ):
                continue  # 某某加码 alone is a headline's phrase; 某某领投, A、B跟投 or 老股东某某加码 names investors
            for a, b in spans:
                a = after_known_group(text, a, b)  # 某某集团某某资本领投: the group is the gazetteer's
                if b in known_ends or is_role_word(text[a:b]):
                    continue
                if text[a:b].endswith("基金") and text[a:b] not in known_actors():
                    # 某某高灵基金 among a round's investors is the fund that invests (a fund house the
                    # gazetteer knows keeps its label); it ties the funds proposer's span and wins on label
                    found.append(make_mention(text, a, b, "Fund", "fund", why="investor role"))
                    continue
                found.append(make_mention(text, a, b, "ORG", "context", why="investor role"))
    return found
