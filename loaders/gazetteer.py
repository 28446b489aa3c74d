"""The gazetteer (data/gazetteer) as Aho-Corasick automata, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from .lexicon import gazetteer, lexicon, words


@dataclass(frozen=True, slots=True)
class Known:
    """A gazetteer entry as found under one of its surface forms."""

    canonical: str
    label: str
    kind: str | None
    aliases: tuple[str, ...]


@cache
def known_actors() -> dict[str, Known]:
    """Every surface form of every gazetteer actor → the actor."""
    table: dict[str, Known] = {}
    for section, entries in gazetteer("actors").items():
        label, _, kind = str(section).partition("/")
        for names in entries:
            names = [str(n) for n in names]
            known = Known(names[0], label, kind or None, tuple(names))
            for name in names:
                table.setdefault(name, known)
    return table


@cache
def actor_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, known in known_actors().items():
        automaton.add_word(surface, (surface, known))
    automaton.make_automaton()
    return automaton


@cache
def places() -> frozenset[str]:
    data = gazetteer("places")
    return frozenset(str(p) for group in data.values() for p in group)


@cache
def place_aliases() -> dict[str, str]:
    return {str(k): str(v) for k, v in (gazetteer("places").get("aliases") or {}).items()}


@cache
def countries() -> frozenset[str]:
    return frozenset(str(p) for p in gazetteer("places").get("countries", []))


def canonical_place(surface: str) -> str:
    """青岛市 → 青岛, 大湾区 → 粤港澳大湾区, 崂山 → 崂山区; '' when the surface is no known place."""
    known = places()
    if surface in place_aliases():
        return place_aliases()[surface]
    if surface in known:
        return surface
    if surface[-1:] in ("省", "市") and surface[:-1] in known:
        return place_aliases().get(surface[:-1], surface[:-1])
    if surface[-1:] in ("区", "县") and surface[:-1] in known:
        return surface
    return ""


@cache
def sectors() -> frozenset[str]:
    return frozenset(str(s) for s in gazetteer("sectors"))


@cache
def place_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for place in places():
        automaton.add_word(place, place)
    automaton.make_automaton()
    return automaton


@cache
def sector_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for sector in sectors():
        automaton.add_word(sector, sector)
    automaton.make_automaton()
    return automaton


@cache
def _leading_place_re() -> re.Pattern[str]:
    names = "|".join(re.escape(p) for p in sorted(places(), key=len, reverse=True))
    # a known place, optionally with its administrative unit (青岛市, 山东省)
    return re.compile(rf"^(?:{names})(?:省|市|区|县)?")


def leading_place(name: str) -> str:
    """The place a name starts with ('' when none): 青岛市崂山区… → 青岛市."""
    match = _leading_place_re().match(name)
    if not match or match.end() >= len(name):
        return ""
    place = match.group(0)
    if place[-1] in "省市区县" and name[len(place) : len(place) + 1] == "级":
        place = place[:-1]  # 青岛市级政府引导基金: 市级 describes, the place is 青岛
    if place not in places() and any(place.endswith(w) for w in _not_place_endings()):
        return ""
    return place


@cache
def _not_place_endings() -> tuple[str, ...]:
    return tuple(lexicon("organisations").get("not_place_endings", []))


def strip_places(name: str) -> str:
    """A name without the places it starts with: 青岛市崂山区国有资产发展中心 → 国有资产发展中心."""
    while True:
        place = leading_place(name)
        if not place:
            return name
        name = name[len(place) :]


def starts_with_government_prefix(name: str) -> bool:
    if leading_place(name):
        return True
    return any(name.startswith(p) for p in words("organisations", "government_prefixes"))


def is_sector(name: str) -> bool:
    return name in sectors()


def is_place(name: str) -> bool:
    if name in places():
        return True
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:省|市|区|县)", name)) and not any(
        name.endswith(w) for w in _not_place_endings()
    )


@cache
def org_suffix_table() -> dict[str, dict[str, str]]:
    return {str(k): v for k, v in lexicon("organisations")["suffixes"].items()}
