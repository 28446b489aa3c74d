"""The gazetteer (data/gazetteer) as Aho-Corasick automata, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

from .lexicon import GAZETTEER_DIR, gazetteer, lexicon, words

_UNITS = "省市区县"


@dataclass(frozen=True, slots=True)
class Known:
    """A gazetteer entry as found under one of its surface forms. `parent` (工银投资 → 中国工商银行) serves
    resolution and typing; no relation is written from it, relations must be stated in the text."""

    canonical: str
    label: str
    kind: str | None
    aliases: tuple[str, ...]
    parent: str | None = None


def actor_files() -> list[Path]:
    """data/gazetteer/actors-*.yaml, one file per category of actor (government, financial, funds …)."""
    return sorted(GAZETTEER_DIR.glob("actors-*.yaml"))


@cache
def actor_entries() -> tuple[Known, ...]:
    """Every actor of every actors-*.yaml; an entry is [canonical, alias …] or {names: [...], parent: X}."""
    entries: list[Known] = []
    for path in actor_files():
        for section, items in gazetteer(path.stem).items():
            label, _, kind = str(section).partition("/")
            for item in items:
                names = item["names"] if isinstance(item, dict) else item
                parent = item.get("parent") if isinstance(item, dict) else None
                names = _with_short_forms(tuple(str(n) for n in names))
                entries.append(Known(names[0], label, kind or None, names, str(parent) if parent else None))
    return tuple(entries)


def _with_short_forms(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names and their usual short forms (某某农村商业银行 → 某某农商行: alias-words.yaml)."""
    short_forms: dict[str, list[str]] = gazetteer("alias-words").get("name_short_forms", {})
    derived = [
        name.replace(long, short)
        for name in names
        for long, shorts in short_forms.items()
        if long in name
        for short in shorts
    ]
    return tuple(dict.fromkeys((*names, *derived)))


@cache
def known_actors() -> dict[str, Known]:
    """Every surface form of every gazetteer actor → the actor."""
    table: dict[str, Known] = {}
    for known in actor_entries():
        for name in known.aliases:
            table.setdefault(name, known)
    return table


@cache
def _known_order() -> dict[str, int]:
    return {name: number for number, name in enumerate(known_actors())}


def known_prefix(core: str) -> str:
    """The first surface form (in the gazetteer's order) that `core` starts with and goes on after, of two
    characters or more; '' when none."""
    order = _known_order()
    forms = [core[:length] for length in range(2, len(core)) if core[:length] in order]
    return min(forms, key=order.__getitem__, default="")


@cache
def alias_boundaries() -> dict[str, frozenset[str]]:
    """Two-character aliases → the characters that, right before them, make them part of another word
    (alias-boundaries.tsv, generated from jieba's dictionary by tools/gen_reference_data.py)."""
    table: dict[str, frozenset[str]] = {}
    for line in (GAZETTEER_DIR / "alias-boundaries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            alias, before = line.split("\t")
            table[alias] = frozenset(before)
    return table


@cache
def _words_after() -> frozenset[str]:
    return frozenset(str(w) for w in gazetteer("alias-words").get("words_after", []))


@cache
def _sector_words_after() -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = gazetteer("alias-words").get("sector_words_after", {})
    return tuple((str(word), tuple(str(u) for u in unless)) for word, unless in table.items())


def _runs_into_a_sector_word(text: str, end: int, surface: str) -> bool:
    """湖北银行 in 湖北银行业金融机构: the name's last word goes on into a sector word (银行业), unless the next
    characters make another word (宁波银行业绩 is the bank's results)."""
    return any(
        surface.endswith(word[:-1])
        and text.startswith(word[-1], end)
        and not any(text.startswith(u, end) for u in unless)
        for word, unless in _sector_words_after()
    )


def inside_another_word(text: str, start: int, surface: str) -> bool:
    """国投 in 中国投资者, 中行 in 其中行业, 京东 in 北京东路, 财政部 in 财政部门, 湖北银行 in 湖北银行业: the
    alias is part of another word, not a mention of the actor."""
    before = alias_boundaries().get(surface)
    if before and start > 0 and text[start - 1] in before:
        return True
    end = start + len(surface)
    return (
        text[end - 1 : end + 1] in _words_after()
        or _runs_into_a_sector_word(text, end, surface)
        or len(surface) == 2
        and _starts_inside_a_word(text, start, end)
    )


def _starts_inside_a_word(text: str, start: int, end: int) -> bool:
    """人行 in 机器人行业: a word of the word model runs across a two-character alias's start and ends inside
    it (a longer word than the two-character ones alias-boundaries.tsv lists)."""
    from .ner import words_of

    if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return False
    window_start = max(0, start - 4)
    offset = window_start
    for word in words_of(text[window_start : end + 2]):
        if offset < start < offset + len(word) < end and len(word) >= 3:  # not 韩国三星: that word holds it
            return True
        offset += len(word)
    return False


@cache
def actor_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, known in known_actors().items():
        automaton.add_word(surface, (surface, known))
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division of China (divisions.tsv): its canonical name and every surface form."""

    adcode: str
    level: str  # province | prefecture | county
    canonical: str
    forms: tuple[str, ...]


@cache
def divisions() -> tuple[Division, ...]:
    """China's provinces, prefectures and counties, generated from cpca by tools/gen_reference_data.py."""
    rows = []
    for line in (GAZETTEER_DIR / "divisions.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        adcode, level, canonical, forms = line.split("\t")
        rows.append(Division(adcode, level, canonical, tuple(forms.split(","))))
    return tuple(rows)


@cache
def place_aliases() -> dict[str, str]:
    """Every surface form of a place that is not its canonical name → the canonical name (深圳市 → 深圳)."""
    table: dict[str, str] = {}
    for division in divisions():
        for form in division.forms[1:]:
            table.setdefault(form, division.canonical)
    for surface, canonical in (gazetteer("places").get("aliases") or {}).items():
        table[str(surface)] = str(canonical)
    return table


@cache
def places() -> frozenset[str]:
    """Every surface form of every place: the divisions and the hand list of what they lack."""
    hand = gazetteer("places")
    names = {str(p) for key in ("countries", "regions", "zones") for p in hand.get(key, [])}
    names |= {form for division in divisions() for form in division.forms}
    return frozenset(names | set(place_aliases()))


@cache
def countries() -> frozenset[str]:
    return frozenset(str(p) for p in gazetteer("places").get("countries", []))


def canonical_place(surface: str) -> str:
    """深圳市 → 深圳, 广东省 → 广东, 浦东 → 浦东新区, 大湾区 → 粤港澳大湾区; '' when the surface is no known place."""
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
def _longest_place() -> int:
    return max(len(p) for p in places())


@lru_cache(maxsize=1 << 16)
def leading_place(name: str) -> str:
    """The place a name starts with ('' when none): 青岛市崂山区… → 青岛市."""
    place = ""
    for length in range(min(_longest_place(), len(name) - 1), 0, -1):
        if name[:length] in places():
            place = name[:length]
            break
    if not place:
        return ""
    if place[-1] not in _UNITS and name[len(place) : len(place) + 1] in _UNITS and len(name) > len(place) + 1:
        place += name[len(place)]  # a known place with its administrative unit (崂山 + 区)
    if place[-1] in _UNITS and name[len(place) : len(place) + 1] == "级":
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
