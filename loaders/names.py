"""Where a name starts, and whether a span is a name or a description (general rules, data-driven)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .gazetteer import is_place, is_sector, known_actors, leading_place
from .lexicon import alternation, lexicon, one_of, words

MAX_NAME = 24  # characters a name may run to the left of its suffix
# Brackets that registered names carry inside them: 控股(集团)有限公司, 华为技术(深圳)有限公司.
_NAME_PARENTHESIS = re.compile(r"\((集团|控股|中国|[\u4e00-\u9fff]{2,3}(?:省|市)?)\)$")


# a run of is_name_char characters up to where a search is told to end (its endpos)
_NAME_RUN_TO_END = re.compile(r"[\u4e00-\u9fffA-Za-z·&]+\Z")
_QUOTED_PART = re.compile(r"[“\"'‘][\u4e00-\u9fffA-Za-z]{2,8}[”\"'’]$")


_QUOTED_ANYWHERE = re.compile(r"[“\"'‘][\u4e00-\u9fffA-Za-z]{2,8}[”\"'’]")


_PLACE_IN_BRACKETS = re.compile(r"\(([\u4e00-\u9fff]{2,3}(?:省|市|区|县)?)\)")


def mask_quoted(phrase: str) -> str:
    """The phrase with each quoted word, and each place in brackets inside it, as Latin letters of the
    same length: the word model then reads it as one opaque name part (专精特新 is no adverb inside
    某省“专精特新”母基金; the bracket of 某省专精特新(某市)母基金 does not end the name)."""
    masked = _QUOTED_ANYWHERE.sub(lambda m: "Q" * len(m.group(0)), phrase)
    if "(" not in masked:
        return masked
    return _PLACE_IN_BRACKETS.sub(lambda m: "Q" * len(m.group(0)) if is_place(m.group(1)) else m.group(0), masked)


def is_name_char(ch: str) -> bool:
    """Characters a name is walked over with (digits stop it: 3家全资子公司 is not a name)."""
    return "\u4e00" <= ch <= "\u9fff" or ch.isascii() and ch.isalpha() or ch in "·&"


@cache
def _alternation(file: str, key: str, crossed: tuple[str, ...] = ()) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words(file, key) if w not in crossed))


def name_start(
    text: str,
    end: int,
    boundaries: tuple[str, str] = ("organisations", "left_boundaries"),
    soft: bool = True,
    limit: int = MAX_NAME,
    soft_cross: bool = False,
    crossed: tuple[str, ...] = (),
) -> int:
    """The start of the name whose suffix begins at `end`.

    Walk left over name characters, then start after the last boundary word in that window.
    With `soft_cross`, a soft boundary (与/和/及) is crossed when what follows it is too short to be a
    name on its own (国家发展与战略研究院); with `soft` False it is no boundary at all (policy titles);
    `crossed` boundary words are walked over (an association's member words: 某省科技企业孵化器协会).
    """
    low = max(0, end - limit)
    start = end
    while start > low:
        run = _NAME_RUN_TO_END.search(text, low, start)
        if run is not None:
            start = run.start()  # walked left over name characters in one step
            continue
        quoted = _QUOTED_PART.search(text, max(low, start - 10), start)
        if quoted is not None and quoted.start() > low:
            start = quoted.start()  # 某省“专精特新”(某市)母基金, “硬科技”支行: a quoted word inside the name
            continue
        inner = _NAME_PARENTHESIS.search(text[max(low, start - 8) : start])
        if (
            inner is None
            or start - len(inner.group(0)) <= low
            or not (
                is_name_char(text[start - len(inner.group(0)) - 1]) or text[start - len(inner.group(0)) - 1] in "”\"'’"
            )
        ):
            break
        if inner.group(1) not in ("集团", "控股", "中国") and not is_place(inner.group(1)):
            break
        start -= len(inner.group(0))  # 产业投资控股(集团)有限公司: a bracket inside a registered name
    window_start = start
    pattern = _alternation(*boundaries, crossed) if soft else _hard_boundaries()
    softs = _soft_boundaries() if soft else frozenset()
    last = None
    for match in pattern.finditer(text, window_start, end):
        if not _inside_name_word(text, match.start(), match.end(), window_start, end):
            last = match
    if last is not None:
        start = last.end()
        if (
            soft_cross
            and last.group(0) in softs
            and 1 <= end - start <= 2
            and text[start] not in "省市区县"
            and not is_place(text[start:end])  # 某银行和浙江大学: a place after 和 opens a second name
        ):
            # 国家发展和改革委员会 crosses 和; 某省委和省政府 does not (a second body, named by its level)
            before = None
            for match in pattern.finditer(text, window_start, last.start()):
                before = match
            start = before.end() if before is not None else window_start
    return strip_leading_junk(text, start, end)


@cache
def _exceptions_containing(boundary: str) -> tuple[str, ...]:
    """The boundary exceptions a boundary word can be inside (only those can cover it), in list order."""
    return tuple(w for w in words("organisations", "boundary_exceptions") if boundary in w)


def _inside_name_word(text: str, start: int, end: int, low: int, high: int) -> bool:
    """A boundary character inside a word names use (使 in 天使, 之 in 之江) is no boundary."""
    for word in _exceptions_containing(text[start:end]):
        at = text.find(word, max(low, start - len(word) + 1), min(high, end + len(word) - 1))
        if at != -1 and at <= start and end <= at + len(word):
            return True
    return False


@cache
def _soft_boundaries() -> frozenset[str]:
    return frozenset(words("organisations", "soft_boundaries"))


@cache
def _hard_boundaries() -> re.Pattern[str]:
    """Boundaries without 与/和/及, for titles that contain them (城市更新和城市建设三年攻坚行动)."""
    softs = set(words("organisations", "soft_boundaries"))
    return re.compile("|".join(re.escape(w) for w in words("organisations", "left_boundaries") if w not in softs))


@cache
def _junk_start() -> re.Pattern[str]:
    junk = [w for w in words("organisations", "leading_junk") if len(w) >= 2]
    return re.compile("^(?:" + "|".join(re.escape(w) for w in junk) + ")")


def starts_with_junk(name: str) -> bool:
    """A candidate that still opens with a verb or a description is a phrase, not a name (实现资本)."""
    return _junk_start().match(name) is not None


# 一家很大的冷链物流公司, 三支区域子基金, 各分支行: a count or a determiner, maybe with a modifier closed
# by 的, right before a name-shaped span makes it a description of a kind of thing.
_COUNTED_BEFORE = re.compile(
    r"(?:(?:[\d一二两三四五六七八九十百几数多首每单]|若干)[家个所支只批项]|[各该本每]"
    r"|[二三四五六七八九十百]大|少数|多数|部分|第[一二三四五六七八九十百]+条)(?:[\u4e00-\u9fff]{1,6}的)?$"
)


def counted_before(text: str, start: int) -> bool:
    """True when a count or a determiner (一家, 两个, 各, 该) opens the noun phrase the span ends."""
    return _COUNTED_BEFORE.search(text, max(0, start - 10), start) is not None


def distributive_before(text: str, start: int) -> bool:
    """各高新区管委会, 每家银行, 该基金: every one of a kind, or the one just named — not a name here."""
    return start > 0 and text[start - 1] in "各每该"


_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十两几数多]+)?(?:余|多)?[家个只所批位名座]")


@cache
def _brand_context_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = lexicon("organisations")
    # an actor's words after it, or a title of its people (某某资本创始合伙人某某)
    following = sorted({*map(str, data["brand_context_after"]), *words("persons", "titles")}, key=len, reverse=True)
    after = "|".join(re.escape(w) for w in following)
    before = "|".join(re.escape(str(w)) for w in data["brand_context_before"])
    return re.compile(f"(?:{after})"), re.compile(f"(?:{before})$")


def has_brand_context(text: str, start: int, end: int) -> bool:
    """A brand-shaped name names an actor when a list or an actor's verb or title surrounds it."""
    after, before = _brand_context_res()
    return bool(after.match(text, end, end + 8) or before.search(text[max(0, start - 4) : start]))


def strip_leading_junk(text: str, start: int, end: int) -> int:
    junk = alternation("organisations", "leading_junk")
    changed = True
    while changed:
        changed = False
        match = junk.match(text, start, end)
        if match and end - match.end() > 1:
            start = match.end()
            changed = True
        while start < end and (text[start].isdigit() or text[start] in "·-"):
            start += 1
            changed = True
        # 3家…, 五家…, 一批…: a count and its measure word open a description
        count = _COUNT.match(text, start, end)
        if count and end - count.end() >= 2:
            start = count.end()
            changed = True
    return start


@cache
def _generic_res(extra: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    vocabulary = sorted(set(words("organisations", "generic_modifiers")) | set(extra), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in vocabulary)
    return re.compile(f"^(?:{body})+"), re.compile(f"(?:{body})+$")


@lru_cache(maxsize=1 << 14)  # several proposers ask about the same span; bounded, memory stays flat
def is_generic(core: str, extra: tuple[str, ...] = ()) -> bool:
    """True when the modifier is made only of descriptive words (商业银行, 国有资本, 科技支行)."""
    leading, trailing = _generic_res(extra)
    rest = trailing.sub("", leading.sub("", core))
    return not rest or is_sector(core)


def sector_description(core: str) -> bool:
    """人工智能产业链 (公司): a field followed only by descriptive words names nothing."""
    stripped = strip_leading_sector(core)
    return stripped != core and bool(stripped) and is_generic(stripped)


def strip_leading_sector(core: str) -> str:
    for length in range(min(len(core) - 1, 8), 1, -1):
        if is_sector(core[:length]):
            return core[length:]
    return core


@cache
def _descriptor_re() -> re.Pattern[str]:
    nouns = one_of("companies", "descriptor_nouns")
    return re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{nouns})(?=[\u4e00-\u9fffA-Za-z]{{2}})")


def after_descriptor(name: str) -> int:
    """Where the name starts inside a span that opens with a description of the company (锂电池材料商某某,
    芯片设计公司某某科技 → the offset of 某某); 0 when nothing describes it."""
    from .ner import word_classes

    cut = 0
    for match in _descriptor_re().finditer(name):
        # the words before the noun describe: ordinary words and terms (锂离子, 集成电路 are nz), no
        # place, person or organisation word (中核华兴公司正式揭牌 names 中核华兴)
        if all(pos in _DESCRIBING_CLASSES for pos in word_classes(name[: match.start() + 2])):
            cut = match.end()
    return cut


_DESCRIBING_CLASSES = ("n", "vn", "v", "a", "an", "b", "l", "ng", "vg", "ag", "nz", "j", "f")


def department_cut(name: str) -> str:
    """An organisation's department is not an entity: 某研究院信用建设推进部 → 某研究院."""
    data = lexicon("organisations")
    for parent in data["parent_suffixes_for_departments"]:
        at = name.find(parent)
        if at == -1:
            continue
        tail = name[at + len(parent) :]
        if tail and len(tail) <= 10 and any(tail.endswith(d) for d in data["department_suffixes"]):
            return name[: at + len(parent)]
    return name


# Word classes that open a clause, not a name: preposition, adverb, pronoun, particle (a conjunction only
# at the span's start: 国家发展和改革委员会 holds one).
_OPENING_CLASSES = frozenset({"p", "d", "r", "u", "ud", "uj", "ul", "uv", "uz", "ug"})
# a pronoun opens with one of these (这家, 其中, 所有); the word model reads some coined names as pronouns
_PRONOUN_OPENERS = frozenset("这那其该本此各每我你他她它哪谁所")
# what a verb may stand right before when it opens a clause: a place, a brand, an abbreviation, a Latin word
_PROPER_CLASSES = frozenset({"j", "nz", "ns", "nt", "nr", "nrt", "nrfg", "eng"})
_QUANTITY = re.compile(r"[多些少]$")  # 很多, 一些, 不少: a quantity opens a description
_LEVEL_BODY = ("省", "市", "区", "县")  # 指出|区政府: the level's own body after a verb


def clause_opening_end(text: str, start: int, suffix_start: int) -> int:
    """Where a name starts once the words that open a clause before it are left out (有很多值得某某集团,
    到访某某集团, 指出区政府), read by the word model over the span and the two characters before it: the
    words up to the last preposition, adverb, pronoun or quantity (when none of them names anything), then
    the verbs after it (or up to a verb right before a place, a brand or an abbreviation); a verb the
    start cuts in two (到|访); a verb right before a place, a brand, an
    abbreviation or a level's own body. When a clause leaves less than two characters before the suffix
    (某赛道一定能出大公司), the span names nothing: the suffix's start is returned."""
    from .ner import tagged_words

    if suffix_start - start <= 2:
        return start  # two characters: nothing to leave out and keep a name
    if leading_place(text[start:suffix_start]):
        return start  # a place opens the name: no clause before it (and no word model to run)
    low = max(0, start - 2)
    tagged = tagged_words(text[low:suffix_start])
    ends = []
    at = low
    for word, _ in tagged:
        at += len(word)
        ends.append(at)
    first = next((i for i, end in enumerate(ends) if end > start), len(tagged))
    begins = [ends[i] - len(tagged[i][0]) for i in range(len(tagged))]
    # the last opening word, when what comes before it in the span holds no name word
    opened = -1
    for index in range(first, len(tagged)):
        word, pos = tagged[index]
        if pos in _PROPER_CLASSES:
            break
        if pos == "r" and word[0] not in _PRONOUN_OPENERS:
            break
        follows = tagged[index + 1][1] if index + 1 < len(tagged) else ""
        if (
            pos in _OPENING_CLASSES
            or pos == "m"
            and _QUANTITY.search(word)
            or pos == "c"
            and index == first
            or pos == "v"
            and follows in _PROPER_CLASSES
            and word not in known_actors()  # 专程来访|某某集团
        ):
            opened = index
    index = opened + 1 if opened >= 0 else first
    while index < len(tagged):
        word, pos = tagged[index]
        rest = text[ends[index] : suffix_start]
        follows = tagged[index + 1][1] if index + 1 < len(tagged) else ""
        cuts_verb = begins[index] < start and ends[index] - start == 1
        opens = opened >= 0 or cuts_verb or follows in _PROPER_CLASSES or rest in _LEVEL_BODY
        if pos != "v" or word in known_actors() or not opens:
            break
        index += 1
    cut = ends[index - 1] if index > first else start
    rest = text[cut:suffix_start]
    if opened >= 0 and len(rest) < 2 and rest not in _LEVEL_BODY:
        return suffix_start
    return cut if len(rest) >= 2 or rest in _LEVEL_BODY else start


_GROUP_ENDINGS = ("集团", "控股", "集团公司")


def after_known_group(text: str, start: int, end: int) -> int:
    """某某集团某某资本: a known group's whole name, then an investing unit with a name of its own (no
    place, no descriptive word) — two names written together; the unit's starts after the group's (the
    group is the gazetteer's mention). For investors' names only: 某某集团财务公司 stays one name."""
    known = known_actors()
    for length in range(min(12, end - start - 2), 2, -1):
        group = text[start : start + length]
        if group in known and group.endswith(_GROUP_ENDINGS):
            rest = text[start + length : end]
            return start if is_generic(rest) or leading_place(rest) or is_place(rest) else start + length
    return start


# what opens a field term before its field: an acronym or code (AI, 5G), a generation (第三代)
_FIELD_OPENING = re.compile(r"^(?:[A-Za-z0-9]{1,4}|第[一二三四五六七八九十]代)")


def is_field_term(item: str) -> bool:
    """AI芯片, 第三代半导体, 智慧医疗: a field (sectors.yaml) after an acronym, a generation or descriptive
    words — a technology or industry term, whatever list or clause it stands in."""
    rest = _FIELD_OPENING.sub("", item)
    for length in range(len(rest), 1, -1):
        if is_sector(rest[-length:]):
            modifier = rest[:-length]
            return not modifier or is_generic(modifier)
    return False
