"""Proposer: organisation names ending in a registered or institutional suffix (…有限公司, …研究院)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import ahocorasick

from capgraph.graph.model import Mention

from ..gazetteer import (
    is_place,
    is_sector,
    known_actors,
    known_prefix,
    leading_place,
    org_suffix_table,
    starts_with_government_prefix,
    strip_places,
)
from ..lexicon import lexicon, one_of, words
from ..names import (
    after_descriptor,
    after_known_group,
    clause_opening_end,
    counted_before,
    department_cut,
    distributive_before,
    has_brand_context,
    is_generic,
    is_name_char,
    name_start,
    sector_description,
    starts_with_junk,
)
from ..ner import after_opening_verb, made_of_common_words, naming_part, tagged_words, word_classes, words_of
from .candidate import make_mention as _mention

_COUNTED = re.compile(r"(?:[\d一二两三四五六七八九十百几数多]+|若干)[家只个所批支地]")  # 两地: places counted


def _counted_before(text: str, start: int, core: str) -> bool:
    """3支母基金管理公司: a measure word right after a number opens a description."""
    return (
        core[:1] in "只个家批支所"
        and start > 0
        and (text[start - 1].isdigit() or text[start - 1] in "一二两三四五六七八九十几")
    )


def _stands_alone(text: str, end: int) -> bool:
    """深圳资本、 or 深圳资本与: nothing follows that would make it 深圳资本市场."""
    return end >= len(text) or not is_name_char(text[end]) or text[end] in "与和及等"


_PLACE_AFTER = re.compile(r"\(([\u4e00-\u9fff]{2,3})\)")
_LEADING_UNIT = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?:省|市)")


def _place_shaped(core: str) -> bool:
    """某某省科学技术 (厅): a province or city the place list may not know, shaped as one."""
    unit = _LEADING_UNIT.match(core)
    return bool(unit) and len(core) > unit.end() and is_place(unit.group(0))


def _party_body_cut(name: str) -> str:
    """省国资委党委 → 省国资委: a party body inside an organisation is that organisation."""
    for body in words("organisations", "party_bodies"):
        if not name.endswith(body):
            continue
        parent = name[: -len(body)]
        ends_like_org = any(parent.endswith(s) for s in org_suffix_table()) or parent.endswith(
            tuple(words("companies", "subsidiary_industries"))  # 某某矿业党委
        )
        if len(parent) >= 3 and ends_like_org:
            return parent
    return name


_PLACE_UNIT = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:省|市|区|县)")


def _after_clause_words(text: str, start: int, suffix_start: int) -> int:
    """包含|某某控股, 某某化工立足|某某集团: a verb opening the span, or an adverb, a preposition or a
    conjunction inside it (the segmenter's classes), is the clause's; the name starts after it."""
    core = text[start:suffix_start]
    rest = after_opening_verb(core)
    if rest and not known_prefix(core):  # 建行苏州分行: a known actor's short form the model reads as a verb
        start, core = suffix_start - len(rest), rest
    at = 0
    for word, pos in tagged_words(core):
        at += len(word)
        if pos in ("d", "p", "c") and len(word) >= 2 and at >= 3 and len(core) - at >= 2:
            return start + at
    return start


def _describes_a_company(core: str) -> bool:
    """新能源汽车, 人工智能芯片研发, 沉浸式AI音频: ordinary words (a field's acronym, an adjective in 式, an
    abbreviated activity such as 研发 closing three words or more) say what kind of company, not which."""
    tagged = tagged_words(core)
    return all(
        pos in _COMMON_CLASSES
        or pos in ("k", "eng")
        and _ACRONYM.fullmatch(word)
        or pos == "k"
        and word == "式"
        or pos == "j"
        and index == len(tagged) - 1 >= 2
        for index, (word, pos) in enumerate(tagged)
    )


_COMMON_CLASSES = frozenset(("n", "vn", "v", "a", "an", "b", "l", "ng", "vg", "ag"))


def _made_of_places(core: str) -> bool:
    """临川市东湖区 (政府), 东湖区 (委): a modifier made only of administrative units names a government."""
    units = _PLACE_UNIT.findall(core)
    return bool(units) and "".join(units) == core and all(is_place(u) for u in units)


_LATIN_OPENING = re.compile(r"[A-Za-z][A-Za-z&]{2,}(?=[\u4e00-\u9fff])")
_ACRONYM = re.compile(r"\b[A-Z]{2,3}\b|(?<![A-Za-z])[A-Z]{2,3}(?![A-Za-z])")  # AI, IT, VR: words of a field
_LEVEL_WORDS = r"(?:自治区|直辖市|计划单列市|自治州|省|市|县|区|州|盟)"
_EVERY_LISTED = re.compile(rf"各{_LEVEL_WORDS}(?:[、,，]{_LEVEL_WORDS})*[、,，]$")
_BODY_THEN_VERB = ("会同", "会议", "会商", "会签")
_PARTY_TITLES = ("书记", "副书记", "委员", "常委")
_EVERY_LEVEL = re.compile(r"各[省市区县州]{1,3}$|各[省市区县州]{1,3}(?=[省市区县州])")
_OWNED_BY_LEVEL = re.compile(r"[\u4e00-\u9fff]{0,4}?[省市区县]属")  # 某市属, 省属: owned by that level
# 区属国企, 市属国有企业, 省属企业: an ownership and a kind of company that describe the name after them
_OWNED_DESCRIPTOR = re.compile(r"[省市区县]属(?:国有企业|国有公司|国企|企业|公司)")
_LONE_CHARACTER_LEVEL = re.compile(r"[\u4e00-\u9fff][省市区]")  # no district has a one-character name either


def _pronoun_then_common_words(core: str) -> bool:
    """有些创业, 这些科技: a pronoun opens the modifier and ordinary words follow it."""
    first, pos = tagged_words(core)[0]
    return pos == "r" and len(core) > len(first) and made_of_common_words(core[len(first) :])


# A party committee and a government written together (某区委区政府, 市委市政府): two bodies of one place.
_PAIRED_BODIES = re.compile(r"([\u4e00-\u9fff]{0,6}?)(省|市|区|县)委(\2(?:人民)?政府)")


def _second_body(text: str, start: int, end: int, place: str, suffix: str) -> Mention:
    mention = _mention(text, start, end, "ORG", "org", why=f"suffix {suffix} after a party committee")
    mention.text = place + mention.text
    return mention


def _known_unit_start(text: str, start: int, suffix_start: int, known: dict[str, object]) -> int | None:
    """某部火炬中心: a known body's name (over 和 inside it), then two to four characters that name its
    unit before the suffix — the unit's name starts where the known body's does."""
    for unit in range(2, 5):
        at = suffix_start - unit
        unit_words = text[at:suffix_start]
        if at <= 0 or is_generic(unit_words) or is_place(unit_words) or not all(is_name_char(c) for c in unit_words):
            continue
        for length in range(12, 1, -1):
            if at - length >= max(0, start - 8) and text[at - length : at] in known:
                return at - length
    return None


def _brand_and_business(text: str, start: int, end: int, core: str) -> bool:
    """某某投资集团, 某某资本公司 with an actor's title or list around it: a two-character word the word
    model has no name for, then a business word — a brand the model reads as an ordinary word."""
    parts = words_of(core)
    return (
        len(parts) == 2
        and len(parts[0]) == 2
        and parts[1] in words("organisations", "brand_business_words")
        and not is_generic(parts[0])
        and word_classes(parts[0])[0] in ("n", "vn", "v", "nr", "nz", "ns")  # not 一流, 大型 (describing)
        and not is_sector(parts[0])
        and has_brand_context(text, start, end)
    )


def _describes(modifier: str) -> bool:
    """一些, 设置, 港股生物: a modifier of a kind of company made of a count or of ordinary words."""
    return is_generic(modifier) or made_of_common_words(modifier) or not naming_part(modifier)


def _after_another_body(text: str, start: int, suffix_start: int, end: int, known: dict[str, object]) -> int:
    """某省科学技术厅中国银行某省分行: a known actor right after a whole organisation name (one ending in
    an organisation suffix) starts a second name; the first is its own (two issuers written together)."""
    table = org_suffix_table()
    for at in range(start + 3, suffix_start):
        if not any(text[at : at + length] in known for length in range(2, min(12, end - at) + 1)):
            continue
        before = text[start:at]
        if any(before.endswith(x) and len(before) > len(x) + 1 for x in table):
            return at
    return start


def _known_after_description(text: str, start: int, suffix_start: int, known: dict[str, object]) -> int:
    """投资项目某某科技股份有限公司: ordinary nouns (项目, 企业) right before a known actor's name (of three
    characters or more) describe it; the name starts at the known one."""
    for at in range(start + 2, suffix_start - 2):
        if any(text[at : at + length] in known for length in range(3, min(12, suffix_start - at) + 1)):
            return at if made_of_common_words(text[start:at]) else start
    return start


def _opens_with_known_body(core: str, known: dict[str, Any]) -> bool:
    """某部火炬高技术产业开发 (中心): a known government body's unit, named after it."""
    parent = known_prefix(core)
    return bool(parent) and len(core) - len(parent) >= 2 and known[parent].kind == "government"


def _known_across_conjunction(text: str, start: int, suffix_start: int, known: dict[str, object]) -> int:
    """工业和信息化部火炬…中心: a conjunction inside a known body's name, the unit's name after it — the
    name starts where the known body's does."""
    if start < 2 or text[start - 1] not in "和与及":
        return start
    for length in range(12, 2, -1):
        for at in range(max(0, start - length + 1), start - 1):
            if at + length <= suffix_start and text[at : at + length] in known and at + length > start:
                return at
    return start


@cache
def _suffix_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in org_suffix_table():
        automaton.add_word(suffix, suffix)
    automaton.make_automaton()
    return automaton


# 省政府办公厅转发, 县政府统筹: a level word and 政府 with no place named is that level's government (the
# article's place); inside a longer name (某某省政府) the selector keeps the longer one.
_LEVEL_GOVERNMENT = re.compile(r"[省市州区县旗盟](?:人民)?政府(?!采购|投资|引导|性|部门|机关|工作|官员|债)")


@cache
def _level_office() -> re.Pattern[str]:
    fields = one_of("organisations", "office_fields")
    # 办法, 办理, 办公, 办事, 办学: 办 opening another word
    return re.compile(rf"(?<![\u4e00-\u9fff])[省市州区县](?:{fields})办(?![法理公事学好成])")


def _level_governments(text: str) -> list[Mention]:
    offices = [
        _mention(text, m.start(), m.end(), "Institution", "org", kind="government", why="level office")
        for m in _level_office().finditer(text)
    ]
    return (
        offices
        + [
            _mention(text, m.start(), m.end(), "Institution", "org", kind="government", why="level government")
            for m in _LEVEL_GOVERNMENT.finditer(text)
            # 各市政府, 区(市)县政府: governments in general
            if not (m.start() > 0 and text[m.start() - 1] in "各地本该全)")
            and not _EVERY_LEVEL.search(text, max(0, m.start() - 4), m.start() + 1)  # 各区县政府
            and text[max(0, m.start() - 2) : m.start()] not in ("直辖", "单列")  # 直辖市人民政府: all of them
            and not _LEADERSHIP_PAIR_BEFORE.search(text, max(0, m.start() - 2), m.start())
        ]
        + _level_bodies(text)
    )


# 市委市政府, 区委区政府 written as one word: the level's leadership in general (with a mark between them,
# 省委、省政府, each body is named on its own)
_LEADERSHIP_PAIR_BEFORE = re.compile(r"([省市州区县])委$")
_LEADERSHIP_PAIR = re.compile(r"([省市州区县])委\1(?:人民)?政府")
_LEVELS = "省市区县"
# 全省, 我市, 各区, 该县: a level word that points at every place or at no named body
_LEVEL_NOT_OWN = "全本我各该每两三四五六七八九十多外"


@cache
def _level_body_re() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {str(body): kind for kind, bodies in lexicon("organisations")["level_bodies"].items() for body in bodies}
    body = "|".join(re.escape(b) for b in sorted(kinds, key=len, reverse=True))
    after = one_of("organisations", "level_body_not_before")
    return re.compile(rf"[{_LEVELS}](?:{body})(?!{after})"), kinds


def place_before(text: str, at: int, low: int = 0) -> int | None:
    """Where a known place written right before offset `at` starts (四川|省, 宜宾|市), else None."""
    from ..gazetteer import places

    known = places()
    for start in range(max(low, at - 6), at):
        if text[start:at] in known or text[start : at + 1] in known:
            return start
    return None


def _level_bodies(text: str) -> list[Mention]:
    """省科协, 市委党校, 省人大常委会办公厅: the level character and a body's short form name the body of
    the article's own place (with a known place before it, the body of that place: 某某省人大常委会)."""
    pattern, kinds = _level_body_re()
    found = []
    for match in pattern.finditer(text):
        start = match.start()
        if start > 0 and (text[start - 1] in _LEVEL_NOT_OWN or text[start - 1 : start + 1] in _not_place_words()):
            continue  # 全省科协, 城市财政: a word that ends in the level character, not the level
        if _LEADERSHIP_PAIR.match(text, start) or _LEADERSHIP_PAIR_BEFORE.search(text, max(0, start - 2), start):
            continue  # 市委市政府: the leadership in general
        placed = place_before(text, start)
        start = placed if placed is not None else start
        body = match.group(0)[1:]
        kind = kinds[body]
        found.append(_mention(text, start, match.end(), "Institution", "org", kind=kind, why="level body"))
    return found


def _level_body_start(text: str, start: int, end: int) -> int:
    """肩负省委, 拜访市财政局: a span that ends in a level character and a body's short form, with no known
    place before that character, starts at the level character (the words before it are the clause's)."""
    pattern = _level_body_re()[0]
    for at in range(start + 1, end - 1):
        if text[at] in _LEVELS and pattern.fullmatch(text, at, end):
            if text[at - 1] in _LEVELS or place_before(text, at, start) is not None:
                return start  # 某某县区委, 四川省委: the place's own body, one name
            return at
    return start


@cache
def _not_place_words() -> frozenset[str]:
    return frozenset(words("organisations", "not_place_endings"))


def find_organisations(text: str, known_ends: set[int]) -> list[Mention]:
    """Names ending in an organisation suffix; `known_ends` are end offsets of gazetteer mentions."""
    table = org_suffix_table()
    data = lexicon("organisations")
    generic = words("organisations", "generic_modifiers")
    not_names = set(data.get("not_names", []))
    blockers = set(data.get("single_suffix_blockers", []))
    all_blockers = set(data.get("suffix_blockers", []))
    known = known_actors()
    not_name_endings = tuple(not_names)
    kind_nouns = words("organisations", "kind_nouns")
    suffixes = tuple(table)
    descriptors = set(words("companies", "descriptor_nouns"))
    plain_company_words = ("公司", "集团", "集团公司")
    longest_at: dict[int, str] = {}
    for end_index, suffix in _suffix_automaton().iter(text):
        if len(suffix) > len(longest_at.get(end_index, "")):
            longest_at[end_index] = suffix
    found = []
    for end_index, suffix in sorted(longest_at.items()):
        end = end_index + 1
        info = table[suffix]
        if (
            len(suffix) == 1
            and text[end : end + 1] in blockers
            and not text.startswith(_BODY_THEN_VERB, end)  # 市财政局会同…: the body, then what it does
            or text[end : end + 1] in all_blockers
        ):
            continue
        if suffix.endswith("园") and text[end : end + 1] == "区":  # 产业园区 is a kind of place, not a name
            continue
        if suffix == "控股" and text[end : end + 1] == "的" and text[max(0, end - 4) : end - 2] in ("集团", "公司"):
            continue  # X集团控股的Y: 控股 is the verb, X集团 the parent
        suffix_start = end - len(suffix)
        kind = info.get("kind")
        # associations are named after their members (某省科技企业孵化器协会): member words are no boundary
        registered = suffix in words("organisations", "registered_suffixes")
        crossed = words("organisations", "member_words") if kind == "association" else ()
        start = name_start(
            text, suffix_start, soft_cross=kind in ("research", "government", "association"), crossed=crossed
        )
        if registered and made_of_common_words(text[start:suffix_start]):
            # 某省属企业改革发展基金管理有限公司: a registered name has a distinctive word; when the part
            # after 企业/机构 has none, that member word is inside the name
            start = name_start(text, suffix_start, crossed=words("organisations", "member_words"))
        start = _after_another_body(text, start, suffix_start, end, known)
        start = _known_across_conjunction(text, start, suffix_start, known)
        start = clause_opening_end(text, start, suffix_start)
        start = _known_after_description(text, start, suffix_start, known)
        if info.get("strength") == "brand":
            start = after_known_group(text, start, suffix_start)
        start = _level_body_start(text, start, end)
        if kind not in ("government", "research", "association") and not registered:
            start = _after_clause_words(text, start, suffix_start)
        name = text[start:end]
        core = name[: -len(suffix)]
        if _COUNTED.search(core) or core.endswith("级") or _counted_before(text, start, core):
            continue  # 两家公司, 三个中心, 市级政府: a count or a level describes, it does not name
        if len(core) < 2 or is_generic(core) or is_sector(name) or starts_with_junk(name) or core.endswith("子"):
            continue
        if _EVERY_LEVEL.search(text, max(0, start - 4), start + 2) or _EVERY_LISTED.search(
            text, max(0, start - 24), start
        ):
            continue  # 各区县人民政府, 各省、自治区、直辖市人民政府: every government of those levels, no named one
        if name.endswith(not_name_endings) or (
            name.endswith(kind_nouns)
            and any(name.endswith(w) and _describes(name[: -len(w)]) for w in kind_nouns)
            and not _brand_and_business(text, start, end, core)
        ):
            continue  # 头部, 上市公司 name nothing; 设立投资公司 is a kind of company, 国控投资公司 one named
        if not leading_place(name) and sector_description(core):
            continue
        descriptor = _OWNED_DESCRIPTOR.search(core)
        owner_rest = core[descriptor.end() :] if descriptor else ""
        if len(owner_rest) >= 4 and (leading_place(owner_rest) or not made_of_common_words(owner_rest)):
            # 某区区属国企某某控股集团有限公司: who owns it and what kind it is, glued before the name (not
            # 某省属企业改革发展基金管理有限公司, where ordinary words follow: the member word is inside the name)
            start += descriptor.end()
            name, core = text[start:end], text[start:suffix_start]
        owned = _OWNED_BY_LEVEL.match(core)
        if owned and is_generic(core[owned.end() :]):
            continue  # 某市属国有资本投资公司: a kind of company the city owns, no name
        if (
            suffix in descriptors
            and end < len(text)
            and (is_name_char(text[end]) or text[end] in '“"')
            and made_of_common_words(_ACRONYM.sub("", core) or core)
            and not _brand_and_business(text, start, end, core)
        ):
            continue  # 芯片设计公司某某科技, AI芯片公司某某: a description of the company whose name follows
        if (
            suffix in plain_company_words
            and _describes_a_company(core)
            and len(words_of(core)) >= 2  # 深担集团: one word may abbreviate a name (深圳担保)
            and not leading_place(name)
            and not starts_with_government_prefix(name)
            and name[0] not in "省市州区县"  # 省交通集团: the province's own group, named by its level
            and not _brand_and_business(text, start, end, core)
        ):
            continue  # 新能源汽车公司, 一流股权投资集团: ordinary words before 公司/集团 say what kind, not which

        if not naming_part(core):
            continue  # 另外公司: a conjunction, a count or a pronoun before the suffix — no name
        if _pronoun_then_common_words(core):
            continue  # 有些创业公司, 这些科技公司: a kind of company
        if _LONE_CHARACTER_LEVEL.fullmatch(core):
            continue  # 经市政府同意: no province or city has a one-character name; the character is the
            # clause's word (the level's own body is found on its own)
        if not registered and (
            distributive_before(text, start) or counted_before(text, start) and made_of_common_words(core)
        ):
            continue  # 一家很大的冷链物流公司, 各分支行: a count before ordinary words names a kind of thing
        strength = info.get("strength")
        if strength == "placed":
            place = leading_place(name)
            unit_start = _known_unit_start(text, start, suffix_start, known)
            if unit_start is not None:
                start, name, core = unit_start, text[unit_start:end], text[unit_start:suffix_start]
            if not (
                place
                or starts_with_government_prefix(name)
                or _made_of_places(core)
                or _place_shaped(core)
                or unit_start is not None
                or _opens_with_known_body(core, known)
            ):
                continue
            after_place = name[len(place) :]
            if place and word_classes(after_place)[:1] in (("v",), ("d",)):
                continue  # 某市加快建设…中心: a place, then a clause's verb — a plan, not a body
            bare = strip_places(core)
            if bare and is_generic(bare) and info.get("kind") != "government":
                continue  # 青岛市科技服务平台 describes; 某市科技创新委员会 is the city's body for that field
        if strength == "bank" and not (leading_place(name) or starts_with_government_prefix(name)):
            strength = "brand"
        if strength == "brand" and after_descriptor(name):
            # 股权基金管理公司某某创投: the brand after the description of its kind
            start += after_descriptor(name)
            name, core = text[start:end], text[start:suffix_start]
        if strength == "brand":
            # 海尔资本, 中金资本, or a parent's unit (海信集团亿洋创业); not 耐心资本 or 放宽银行资本
            parent = known_prefix(core)
            brand = core[len(parent) :]
            latin = _LATIN_OPENING.match(brand)
            if latin and 2 <= len(brand) - latin.end() <= 4:
                brand = brand[latin.end() :]  # 某Latin砺思资本: a Latin word, then the brand's characters
            if (
                not 2 <= len(brand) <= 4
                or is_place(brand)
                and not (len(suffix) >= 2 and _stands_alone(text, end) and has_brand_context(text, start, end))
                or brand.endswith(generic)
                or brand.endswith(suffixes)
                or not (parent or has_brand_context(text, start, end))
            ):
                continue
        if end in known_ends and not leading_place(name):
            continue  # the gazetteer knows this name; a longer span here is a verb or a particle
        paired = _PAIRED_BODIES.match(name)
        pair_ahead = suffix == "委" and _PAIRED_BODIES.match(text, start, min(len(text), start + len(name) + 8))
        if paired and len(paired.group(1)) < 2 or pair_ahead and len(pair_ahead.group(1)) < 2:
            continue  # 市委市政府, 经区委区政府: the leadership in general (no place has a one-character name)
        if paired:
            # 朝阳区委区政府 → 朝阳区委 (its own candidate) and 朝阳区政府, named with the shared place
            second = start + paired.start(3)
            found.append(_second_body(text, second, end, paired.group(1), suffix))
            continue
        cut = _party_body_cut(department_cut(name))
        body = next((b for b in words("organisations", "party_bodies") if cut.endswith(b)), "")
        if body and len(cut) - len(body) >= 3 and text.startswith(_PARTY_TITLES, end):
            cut = cut[: -len(body)]  # 某某运营党委书记: the party title of the body's own organisation
        end = start + len(cut)
        placed = _PLACE_AFTER.match(text, end)
        if placed and cut == name and not registered and is_place(placed.group(1)):
            end = placed.end()  # 某某资本(天津): the city of a group's local company, in brackets after it
        # the typer decides label and kind (from the gazetteer, the words inside, the suffix)
        found.append(_mention(text, start, end, "ORG", "org", why=f"suffix {suffix}"))
    return found + _level_governments(text)
