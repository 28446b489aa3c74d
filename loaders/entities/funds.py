"""Proposer: named funds (a fund suffix whose modifier says which fund it is)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import ahocorasick

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector, known_actors, known_prefix, strip_places
from ..lexicon import lexicon, words
from ..names import counted_before, has_brand_context, is_generic, mask_quoted, name_start, starts_with_junk
from ..ner import has_function_words, made_of_common_words, naming_part
from .amounts import parse_amount
from .candidate import make_mention as _mention


@cache
def _fund_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in lexicon("funds")["suffixes"]:
        automaton.add_word(str(suffix), str(suffix))
    automaton.make_automaton()
    return automaton


_SIGNS = re.compile(r"[^,，。;；\n]{0,16}?(?:签约|签署|签订|协议|合作)")


def _sponsored(core: str) -> bool:
    """A known actor's name, then at least two more characters that are not only fund-type words."""
    sponsor = known_prefix(core)
    rest = core[len(sponsor) :]
    return bool(sponsor) and len(rest) >= 2 and not is_generic(rest) and not is_place(rest) and len(core) <= 12


@cache
def _people_titles() -> tuple[str, ...]:
    return tuple(words("persons", "titles"))


@cache
def _known_brands() -> frozenset[str]:
    """The opening two to four characters of every known actor's name (中信 of 中信证券)."""
    return frozenset(name[:length] for name in known_actors() for length in range(2, min(4, len(name)) + 1))


def _names_which(rest: str, core: str) -> bool:
    """海峡 of 海峡基础设施: what is left of a fund's name after its type words says which fund — not a
    level (省级), a verb (建设) or a generic word."""
    from ..ner import word_classes

    return (
        len(rest) >= 2
        and not is_generic(rest)
        and not any(d in core for d in _DESCRIPTIVE)
        and not all(pos in ("v", "vn", "vd") for pos in word_classes(rest))
    )


def _says_which(rest: str, core: str) -> bool:
    """What is left of a fund's modifier (no place before it) after its type words says which fund: not a
    clause's verb after ordinary words, before the fund it takes as object (遴选子基金, 执行母子基金), not a
    count or a measure (多层次, 些百亿, 构建N个), not a sector after a level or ownership word (国资半导体)."""
    from ..ner import made_of_frequent_nouns, tagged_words

    tagged = tagged_words(rest)
    *before, (_, last) = tagged
    # (a verb alone stays: 启航 is often a brand)
    if last in ("v", "vd") and before and all(len(w) == 1 or made_of_frequent_nouns(w) for w, _ in before):
        return False
    if any(pos in ("m", "q") for _, pos in tagged):
        return False
    return not (is_sector(rest) and any(d in core for d in _DESCRIPTIVE))


def _brand_then_field(core: str) -> bool:
    """某某星医疗健康: a word the word model reads as a proper name (not a place), then ordinary words."""
    from ..ner import tagged_words

    (first, pos), *rest = tagged_words(core)
    return (
        pos in ("nr", "nrfg", "nrt", "nz")
        and len(first) >= 2
        and len(core) - len(first) >= 2
        and not is_place(first)
        and made_of_common_words(core[len(first) :])
    )


def _strip_words(core: str, vocabulary: Iterable[str]) -> str:
    # longest first; ties by text, not by the run's hash order
    ordered = sorted(set(vocabulary), key=lambda word: (-len(word), word))
    changed = True
    while core and changed:
        changed = False
        for word in ordered:
            if core.startswith(word):
                core, changed = core[len(word) :], True
                break
            if core.endswith(word):
                core, changed = core[: -len(word)], True
                break
    return core


_QUANTITY = re.compile(
    r"[\d一二三四五六七八九十百千万亿]+(?:亿|万)?元|元级|\d|一批|(?:[一二三四五六七八九十两几数多首各单每]|若干)只"
    r"|^[只个家批支亿万年月日]|[二三四五六七八九十百]大"  # 十大…子基金: a rank describes a kind
)
# 以下简称“某某基金”: the short form the text declares for a fund named before, not a fund house
_DECLARED_SHORT_FORM = re.compile(r"简称[:：]?[“\"]([^“”\"]{2,12}基金)[”\"]")
_RANKING_NUMBER = re.compile(r"\d+(?![\d号期])")
_QUOTED_ONLY = re.compile(r"[“\"][^“”\"]{2,8}[”\"]")
_FUND_THEN_ITS_MANAGEMENT = re.compile(r"管理(?:人|工作|职责|事务|服务)")
_PHASE = re.compile(r"[一二三四五六七八九十]期(?![\u4e00-\u9fff]{0,2}(?:规模|工程|项目))")
_SET_UP_BEFORE = re.compile(r"(?:成立|设立|发起|组建)了?$")
_MANAGER_WORDS = ("管理", "管理咨询", "咨询")
_DESCRIPTIVE = ("市级", "省级", "区级", "国有", "国资", "各类", "相关", "科技类", "地方")


# 某某母基金(二期), 某某发展基金(某省有限合伙贰号): a phase or a numbered vehicle in brackets after a fund's
# name (with the place and partnership form of that vehicle) is part of the name
_BRACKETED_SERIES = re.compile(
    r"\(([\u4e00-\u9fff]{2,3}?(?:省|市)?)?(?:有限合伙)?[\d一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}[号期]\)"
)


def _bracketed_series_end(text: str, end: int) -> int:
    series = _BRACKETED_SERIES.match(text, end)
    if series is None or series.group(1) and not is_place(series.group(1)):
        return end
    return series.end()


def _placed_bare_fund(text: str, start: int, end: int, core: str) -> list[Mention]:
    """管理某某市制造业转型升级基金: a place, then words that say which fund (four characters or more, no
    descriptive level such as 市级), before bare 基金 — a named fund, without the verbs before the place.
    A level alone (省…基金, 市…基金) stands for the article's own place."""
    named = naming_part(core)
    place = strip_places(named)
    if place == named and len(named) >= 5 and named[0] in "省市" and not is_place(named[:2]):
        place = named[1:]
    if place == named or len(place) < 4 or any(d in named for d in _DESCRIPTIVE) or is_generic(place):
        return []
    start += len(core) - len(named)
    return [_mention(text, start, end, "Fund", "fund", why="a place and which fund")]


def find_funds(text: str, known_ends: set[int]) -> list[Mention]:
    """Named funds: a fund suffix whose modifier says which fund (not 政府引导基金, 产投基金)."""
    data = lexicon("funds")
    type_words = [str(w) for w in data["type_words"]]
    registered = {str(w) for w in data.get("registered_suffixes", [])}
    strict_types = [w for w in type_words if w not in ("科创", "科技", "绿色", "发展", "创新", "成长")]
    declared = set(_DECLARED_SHORT_FORM.findall(text))
    longest_at: dict[int, str] = {}
    for end_index, suffix in _fund_automaton().iter(text):
        if len(suffix) > len(longest_at.get(end_index, "")):
            longest_at[end_index] = suffix
    found = []
    for end_index, suffix in sorted(longest_at.items()):
        end = end_index + 1
        if (
            end < len(text)
            and text[end] in "管公会群业"
            and not _FUND_THEN_ITS_MANAGEMENT.match(text, end)
            or end in known_ends
            or _RANKING_NUMBER.match(text, end)  # 中国母基金100指数: a ranking's name (not 某某基金1号)
        ):
            # 基金管理有限公司, 基金公司, 基金群 (a fund followed by 管理人 or 管理工作 is still the fund)
            continue
        start = name_start(text, end - len(suffix))
        core = text[start : end - len(suffix)]
        if suffix in registered and core.endswith(_MANAGER_WORDS):
            continue  # 某某投资管理合伙企业(有限合伙): a manager in partnership form (organisations' suffixes)
        if "基金" in core and suffix not in registered:
            # 某省混改基金首支子基金某某壹号产业投资基金: the name starts after the fund before it
            start += core.rindex("基金") + 2
            core = text[start : end - len(suffix)]
        elif "基金" in core and not _strip_words(core[: core.index("基金")], type_words):
            # 产业投资基金某某股权投资基金合伙企业(有限合伙): a kind of fund glued before the registered name
            start += core.index("基金") + 2
            core = text[start : end - len(suffix)]
        if suffix != data["bare_suffix"]:
            # 本周多支母基金, 开始公开征集参股子基金: the name starts after a count or a clause's verb
            named = naming_part(mask_quoted(core), frozenset(type_words))
            start += len(core) - len(named)
            core = core[len(core) - len(named) :]
            if counted_before(text, start) and (not core or made_of_common_words(core)):
                continue  # 三支区域子基金: a count before ordinary words describes funds
            if suffix == "子基金" and _QUOTED_ONLY.fullmatch(core):
                continue  # 分设“硬科技”子基金: a sub-fund's theme in quotes says what kind, not which
        name = text[start:end]
        sized = bool(re.search(r"规模[约达为]?[\d.]+\s*(?:万亿|亿|万)?元的?$", text[max(0, start - 16) : start]))
        if (
            not core
            or core.endswith("系")  # 某某系基金: the funds of a group, no one fund
            or len(core) > 22
            or starts_with_junk(name)
            or _QUANTITY.search(core)
            or "基金" in core
            and suffix not in registered
            or is_sector(core)
            and not sized
            or has_function_words(mask_quoted(core))
        ):
            continue  # …原则上不低于母基金: adverbs and prepositions make a clause, not a fund's name
        if suffix == data["bare_suffix"]:
            # 中信基金, 华夏基金: a brand with bare 基金 is a fund management company
            rest = _strip_words(core, type_words)
            if (
                rest == core
                and name not in declared
                and 2 <= len(core) <= 4
                and not is_place(core)
                and not is_generic(core)
                and not made_of_common_words(core)
                and has_brand_context(text, start, end)
            ):
                # a known financial group's brand + 基金 (中信基金), one with its people's titles after it
                # (某某基金董事总经理) or one that signs (与某某基金签约) is a fund house; any other brand + 基金
                # (某某资产基金等机构联投) is a fund that invests
                if core in _known_brands() or text.startswith(_people_titles(), end) or _SIGNS.match(text, end):
                    found.append(_mention(text, start, end, "Institution", "org", kind="investor"))
                else:
                    found.append(_mention(text, start, end, "Fund", "fund", why="a brand's fund"))
            elif sized and rest != core and len(rest) >= 2 and not is_generic(rest):
                # 规模15亿元的省混改基金: a sized fund whose short name says which one (混改)
                found.append(
                    _mention(text, start, end, "Fund", "fund", **(parse_amount(text[start - 16 : start]) or {}))
                )
            elif _sponsored(core) and has_brand_context(text, start, end):
                # 某集团某某生命科学基金 in a list of investors: a fund named after the group that sponsors it
                found.append(_mention(text, start, end, "Fund", "fund", why="a known sponsor's fund"))
            elif rest != core and _names_which(rest, core) and _SET_UP_BEFORE.search(text, max(0, start - 5), start):
                # 发起成立某某基础设施基金: a name word and the fund's type after a verb of setting it up
                found.append(_mention(text, start, end, "Fund", "fund", why="a fund set up"))
            elif _brand_then_field(core) and (has_brand_context(text, start, end) or text.endswith("——", 0, start)):
                # 子基金——某某星医疗健康基金: a brand word, then its field, in a list or an appositive
                found.append(_mention(text, start, end, "Fund", "fund", why="a brand's field fund"))
            else:
                found += _placed_bare_fund(text, start, end, core)
            continue
        place = strip_places(core)
        typed_part = core[len(core) - len(place) :] if place != core else core
        rest = _strip_words(place + suffix[:-2], type_words)
        if place != core and not rest:
            # 京津冀创业投资引导基金 is named; 青岛市级政府引导基金, 青岛产投基金 describe
            if any(d in core for d in _DESCRIPTIVE) or len(typed_part + suffix[:-2]) < 3:
                continue
        elif not rest and not (sized and _strip_words(core, strict_types)):
            continue
        elif len(rest) == 1 and not is_place(rest):
            continue  # 设子基金, 上母基金: one character left over is a verb or a particle, not a name
        if place == core and rest and suffix not in registered and not _says_which(rest, core):
            continue  # 遴选子基金, 些百亿母基金, 国资半导体产业基金: a clause or a kind, not which fund
        properties = parse_amount(text[max(0, start - 16) : start]) if sized else None
        phase = _PHASE.match(text, end)
        end = phase.end() if phase else end  # 某某产业投资基金二期: the phase is part of the name
        end = _bracketed_series_end(text, end)
        found.append(_mention(text, start, end, "Fund", "fund", **(properties or {})))
    return found
