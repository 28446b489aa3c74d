"""Registered names → the key two articles share for one actor, so that cross-article mentions of the same
organisation under different forms get the same node id.

    深圳市拓荆科技有限公司, 拓荆科技股份有限公司, 拓荆科技     → 拓荆科技
    沐曦集成电路(上海)股份有限公司                            → 沐曦集成电路
    深圳市创新投资集团有限公司, 深圳创新投资集团              → 深圳创新投资集团 (the place stays: the rest describes)
    某某基金合伙企业(有限合伙)                                → 某某基金
    a gazetteer alias (深创投)                                → the key of its canonical name

Applied with care: a country is part of a name (中国银行 stays 中国银行, never 银行); only a legal ending
is dropped, never a phase (大基金二期 and 大基金三期 stay apart) or a trade word (拓荆科技 and 拓荆键科 stay
apart); a leading place is dropped only from a business name whose rest is a brand plus a trade word.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from capgraph.graph.ids import canonical_key

from .gazetteer import Known, canonical_place, countries, is_place, is_sector, known_actors, leading_place
from .lexicon import words
from .names import is_generic

_ACTORS = ("Institution", "Company", "Fund")
_BRACKETED_PLACE = re.compile(r"\(([\u4e00-\u9fff]{2,6})\)")


@cache
def _trade_words() -> tuple[str, ...]:
    return words("registered", "trade_words")


def _without_legal_ending(name: str) -> tuple[str, bool]:
    for ending in words("registered", "legal_endings"):
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            return name[: -len(ending)], True
    return name, False


def _without_bracketed_places(name: str) -> str:
    """沐曦集成电路(上海)股份有限公司 → 沐曦集成电路股份有限公司: the seat in brackets is no part of the name."""
    return _BRACKETED_PLACE.sub(lambda m: "" if is_place(m.group(1)) else m.group(0), name)


def leading_places(name: str) -> tuple[list[str], str]:
    """青岛市崂山区科创集团 → ([青岛, 崂山区], 科创集团); a country is no leading place here (中国银行)."""
    found: list[str] = []
    rest = name
    while True:
        surface = leading_place(rest)
        canonical = canonical_place(surface) if surface else ""
        if not canonical or canonical in countries() or surface in countries():
            return found, rest
        found.append(canonical)
        rest = rest[len(surface) :]


def _is_brand(rest: str) -> bool:
    """拓荆科技, 镭测创芯科技: a distinctive core followed by a trade word (not 创新投资集团, not 啤酒)."""
    trade = next((w for w in _trade_words() if rest.endswith(w) and len(rest) > len(w)), "")
    if not trade:
        return False
    core = rest[: -len(trade)]
    return (
        len(core) >= 2
        and not is_generic(core)
        and not is_place(core)
        and not is_sector(core)
        and not leading_place(core + "X")
    )


@lru_cache(maxsize=1 << 16)
def known_actor_of(name: str) -> Known | None:
    """The gazetteer actor a registered name stands for: 中国工商银行股份有限公司 → 中国工商银行,
    北京字节跳动科技有限公司 → 字节跳动 (its legal ending, seat, place and trade word dropped in turn),
    深圳市创新投资集团 → 深圳市创新投资集团有限公司 (the same registered-name key)."""
    key = canonical_key(name)
    table = known_actors()
    if key in table:
        return table[key]
    stripped, _ = _without_legal_ending(_without_bracketed_places(key))
    if stripped in table:
        return table[stripped]
    by_key = next(
        (
            k
            for label in _ACTORS
            if (k := _known_by_key().get((label, _plain_key(key, label))) or _known_by_key().get((label, _placed(key))))
        ),
        None,
    )
    if by_key is not None:
        return by_key
    places, rest = leading_places(stripped)
    descriptive = words("registered", "descriptive_trade_words")
    forms = [rest] + [rest[: -len(w)] for w in descriptive if rest.endswith(w) and len(rest) > len(w)]
    found = next((table[f] for f in forms if f in table and len(f) >= 2), None)
    if found is not None and places and found.kind == "government":
        return None  # 深圳市发改委 is the city's commission, not the national one
    if found is not None and places and len(rest) <= 2 and rest != found.canonical:
        return None  # 某市国投: a place and a two-character abbreviation name the place's own platform
    return found


@cache
def _known_by_key() -> dict[tuple[str, str], Known]:
    """(label, registered-name key of the canonical name) → the gazetteer actor."""
    table: dict[tuple[str, str], Known] = {}
    for known in known_actors().values():
        key = canonical_key(known.canonical)
        plain, placed = _plain_key(key, known.label), _placed(key)
        # a known actor named with its place (某省某某投资集团有限公司) is found only with that place: without it
        # the rest may be what any place's platform is called (科创集团, 产业发展集团, 电气集团)
        table.setdefault((known.label, placed if plain != placed else plain), known)
    return table


def _placed(key: str) -> str:
    """A name's key with its legal ending and seat dropped and its leading places kept (canonical)."""
    key, _ = _without_legal_ending(_without_bracketed_places(key))
    places, rest = leading_places(key)
    return "".join(places) + rest if places else key


def _plain_key(key: str, label: str) -> str:
    """A name's key from its own letters: legal ending and seat dropped, places canonical or, before a
    brand, dropped."""
    key, registered = _without_legal_ending(_without_bracketed_places(key))
    places, rest = leading_places(key)
    if places and (label == "Company" or registered) and _is_brand(rest):
        return rest
    return "".join(places) + rest if places else key


@lru_cache(maxsize=1 << 16)
def registered_key(name: str, label: str) -> str:
    """The key of an actor's name that its other forms share (see the module doc); other labels keep
    the plain canonical key, so their ids do not change."""
    key = canonical_key(name)
    if label not in _ACTORS:
        return key
    known = known_actor_of(key)
    if known is not None and known.label == label:
        return _plain_key(canonical_key(known.canonical), label)
    key = _plain_key(key, label)
    return _brand_of(key) if label == "Company" else key


def _brand_of(name: str) -> str:
    """星河微芯科技 → 星河微芯: a business's brand without a descriptive trade word, when it is a brand."""
    for word in words("registered", "descriptive_trade_words"):
        if name.endswith(word) and _is_brand(name) and not leading_place(name[: -len(word)] + "X"):
            return name[: -len(word)]
    return name


__all__ = ["known_actor_of", "leading_places", "registered_key"]
