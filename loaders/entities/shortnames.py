"""Proposer: companies by their short-name endings (某某软件 before a title, 、-lists of 某某科技)."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector
from ..lexicon import one_of, words
from ..names import has_brand_context, is_field_term, is_generic, is_name_char, name_start, starts_with_junk
from ..ner import after_opening_verb, has_function_words, made_of_frequent_nouns
from ..prefilter import finditer
from .candidate import make_mention as _mention


@cache
def _weak_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + one_of("companies", "weak_suffixes") + ")$")


@cache
def _weak_item_re() -> re.Pattern[str]:
    """A list's last item: a short name up to its first weak suffix (某某科技 of 某某科技等)."""
    return re.compile(r"[\u4e00-\u9fff]{2,8}?(?:" + _weak_suffix_re().pattern[3:-2] + ")")


@cache
def _before_title_re() -> re.Pattern[str]:
    titles = one_of("persons", "titles")
    return re.compile(rf"(?:^|(?<=[,、:;(\s]))([\u4e00-\u9fffA-Za-z]{{2,6}}?)(?={titles})")


_CLAUSE = re.compile(r"[^,。;:!?()“”\n]+")


def find_weak_companies(text: str, known_ends: set[int]) -> list[Mention]:
    """东华软件高级副总裁…: a short company name right before a title; 海济医药、国数科技: a list of them."""
    found = []
    weak = _weak_suffix_re()
    for match in finditer(_before_title_re(), text):
        name = match.group(1)
        if (
            weak.search(name)
            and len(weak.sub("", name)) >= 2
            and not is_sector(name)
            and not is_generic(name)
            and match.end(1) not in known_ends
            and not starts_with_junk(name)
            and not _names_a_field(weak.sub("", name))  # 工业机器人总经理: a field before the title
        ):
            found.append(_mention(text, match.start(1), match.end(1), "Company", "list"))
    for clause in _CLAUSE.finditer(text):
        pieces = clause.group(0).split("、")
        if len(pieces) < 2:
            continue
        if any(not 2 <= len(piece) <= 8 or not weak.search(piece) for piece in pieces[1:-1]):
            continue  # speed13: a middle item that fails the test below fails it whatever the ends are
        offset = clause.start()
        spans = []
        for piece in pieces:
            spans.append((offset, offset + len(piece)))
            offset += len(piece) + 1
        first_start, first_end = spans[0]
        last_start, last_end = spans[-1]
        match = _weak_item_re().match(text[last_start:last_end])
        spans[-1] = (last_start, last_start + match.end()) if match else spans[-1]
        if not 2 <= spans[-1][1] - spans[-1][0] <= 8 or not weak.search(text[spans[-1][0] : spans[-1][1]]):
            continue  # speed13: the last item fails the test below: the first one's start is not looked for
        spans[0] = (name_start(text, first_end, limit=10), first_end)
        items = [text[a:b] for a, b in spans]
        if all(
            2 <= len(i) <= 8
            and weak.search(i)
            and len(weak.sub("", i)) >= 2
            and not is_sector(i)
            and not is_generic(i)
            and not starts_with_junk(i)
            # 先进材料、关键材料: frequent ordinary words before the ending name a field, not a brand
            and not _names_a_field(weak.sub("", i))
            for i in items
        ):
            found += [_mention(text, a, b, "Company", "list") for a, b in spans if b not in known_ends]
    found += _brands_in_context(text, known_ends)
    found += _brands_after_their_kind(text, known_ends)
    found += _latin_brands(text, known_ends)
    found += _quoted_after_kind(text, known_ends)
    found += _latin_organisations(text)
    found += _round_subjects(text, known_ends)
    found += [
        _mention(text, m.start(1), m.end(1), "Company", "context", why="an app's name")
        for m in finditer(_APP, text)
        if m.end(1) not in known_ends
    ]
    found += [
        _mention(text, m.start(1), m.end(1), "Company", "context", why="a brand of digits and characters")
        for m in finditer(_DIGIT_BRAND, text)
        if m.end(1) not in known_ends
    ]
    return found


# 58同城宣布, 360集团旗下: a name of digits then characters opening a clause, before an actor's word (not a
# date, an amount or a count: 2023年初, 11日, 5亿元)
_DIGIT_BRAND = re.compile(
    r"(?:^|(?<=[,，。;；:：\s“]))(\d{2,4}(?![年月日时亿万元号家个名只位周天期次届度岁%])[\u4e00-\u9fff]{2,3})"
    r"(?=宣布|表示|发布|旗下|公告|官方|称|正式|今日|近日)"
)


# 某某查APP显示: an app quoted as a source of data is its company's product, named like the company
_APP = re.compile(r"(?:^|(?<=[^\u4e00-\u9fffA-Za-z]))([\u4e00-\u9fff]{2,5}(?:APP|App|app))(?=显示|数据|信息|资料|查询)")


def _alternation(key: str) -> str:
    return one_of("companies", key)


@cache
def _after_kind_re() -> re.Pattern[str]:
    # a descriptor (not a registered ending: 有限公司宣布), the kind noun, the brand, the actor's word
    return re.compile(
        rf"(?!有限|股份|责任|集团)[\u4e00-\u9fff]{{2}}(?:{_alternation('kind_nouns_before_brand')})"
        rf"([\u4e00-\u9fffA-Za-z]{{2,6}}?)(?={_alternation('actor_words_after_brand')})"
    )


def _plausible_brand(name: str, verb_shaped: bool = False) -> bool:
    """A brand-shaped span that may name a company; `verb_shaped` lets one the word model reads as a verb
    pass (where the construction says it is the company: the subject of a round)."""
    return (
        name not in words("companies", "not_brand_names")
        and not any(name.startswith(w) for w in words("companies", "actor_words_after_brand"))
        and (
            verb_shaped
            or not _is_verb(
                name
            )  # the word model takes many brands for verbs: with a company ending (某拓汽车) it stays
            or _weak_suffix_re().search(name) is not None
            and len(_weak_suffix_re().sub("", name)) >= 2
        )
        and _opens_as_name(name)
        and not (is_place(name) or is_generic(name) or is_sector(name) or starts_with_junk(name))
    )


def _opens_as_name(word: str) -> bool:
    """天天果园 may open with a time word; 今年, 该, 多家 … (a time alone, a pronoun, a count) do not name."""
    import rjieba

    tagged = rjieba.tag(word)
    first = tagged[0][1]
    counted = re.search(r"[\d一二两三四五六七八九十几数多]+[家个只所批位名]", word)
    return not (counted or first in ("r", "m", "d", "p", "c", "u") or first == "t" and len(tagged) == 1)


def _verbs_only(word: str) -> bool:
    """探索推进: two verbs or more and nothing else (a one-word "verb" is often a brand: 启航)."""
    from ..ner import word_classes

    classes = word_classes(word)
    return len(classes) >= 2 and all(pos in ("v", "vd", "vi") for pos in classes)


def _describes_an_act(word: str) -> bool:
    """顺利, 累计, 先后: a manner adverb or a word of counting before a verb, not a name."""
    from ..ner import word_classes

    return (
        word_classes(word)[0] in ("ad", "d")
        or word in words("companies", "round_subject_not_names")
        or any(w in word for w in words("companies", "acts_not_in_brands"))
    )


def _is_verb(word: str) -> bool:
    """宣布, 上市申请: a phrase opening with a verb or naming an act is what a company does, not its name."""
    import rjieba

    return rjieba.tag(word)[0][1] in ("v", "vd", "vi", "vn") or any(
        w in word for w in words("companies", "acts_not_in_brands")
    )


def _brands_after_their_kind(text: str, known_ends: set[int]) -> list[Mention]:
    """生鲜电商某某园今日宣布, 创新药公司某某生物拟上市: a brand named by the kind of company before it."""
    found = []
    for match in finditer(_after_kind_re(), text):
        if match.end(1) not in known_ends and _plausible_brand(match.group(1)):
            found.append(_mention(text, match.start(1), match.end(1), "Company", "context", why="brand after its kind"))
    return found


# 企业“长跑”, 机构“出海”: after these a quoted word is a slogan or a figure of speech, not a name
_TOO_GENERIC_BEFORE_QUOTES = ("公司", "企业", "机构", "品牌", "龙头", "巨头", "大厂", "独角兽", "新势力")


@cache
def _quoted_after_kind_re() -> re.Pattern[str]:
    # 电池生产商“某某新能源”, 一家叫“某某”的企业: a quoted name right after its kind of company
    kinds = "|".join(
        re.escape(w) for w in words("companies", "descriptor_nouns") if w not in _TOO_GENERIC_BEFORE_QUOTES
    )
    return re.compile(rf"(?:{kinds}|叫|名为|名叫)[“\"]([\u4e00-\u9fffA-Za-z0-9·]{{2,10}})[”\"]")


def _quoted_after_kind(text: str, known_ends: set[int]) -> list[Mention]:
    from ..ner import made_of_common_words

    found = []
    for match in finditer(_quoted_after_kind_re(), text):
        name = match.group(1)
        if match.end(1) in known_ends or made_of_common_words(name) or not _plausible_brand(name):
            continue  # 企业“走出去”, 企业“小巨人”: a quoted word or slogan, not a name
        found.append(_mention(text, match.start(1), match.end(1), "Company", "context", why="quoted after its kind"))
    return found


@cache
def _round_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The verb of a round (found first: a plain alternation is fast to scan for), and what follows it."""
    verbs = _alternation("round_subject_verbs")
    ends = _alternation("round_subject_ends")
    return re.compile(f"(?:{verbs})"), re.compile(rf"了?([^,，。;；\n]{{0,16}}?(?:{ends}))")


_ROUND_NAME_OPENS = ",，。;；:：“”丨|｜—― \n"  # what stands before the subject: a clause's or a headline's start


def _round_subjects(text: str, known_ends: set[int]) -> list[Mention]:
    """某某完成数亿元A轮融资, 某某获5亿元B轮投资: whoever completes or gets a round is a company (the
    name opens its clause, two to eight characters)."""
    verb_re, tail_re = _round_res()
    adverbs = words("companies", "round_subject_adverbs")
    ends = []
    for verb in verb_re.finditer(text):
        tail = tail_re.match(text, verb.end())
        if tail is None or not re.search(r"轮|元|战略", tail.group(1)):
            continue  # 缩短企业获得贷款的时间: no round, no amount — a clause about financing
        end = verb.start()
        stepped = True
        while stepped:  # 某某近日宣布完成, 某某(Some Robotics)宣布完成: the words between the name and the verb
            stepped = False
            for adverb in adverbs:
                if text.endswith(adverb, 0, end) and end - len(adverb) > 0:
                    end -= len(adverb)
                    stepped = True
                    break
            bracket = _BRACKET_BEFORE.search(text, max(0, end - 40), end)
            if bracket is not None and bracket.start() > 0:
                end = bracket.start()  # the name's other (Latin) form in brackets
                stepped = True
        ends.append(end)
    # 某某A轮融资10亿元, 某某B+轮突破…: a round's label right after the name that opens the clause
    # (no verb-shaped name here: 刷新A轮融资纪录 is a clause's verb, not a subject)
    not_names = (*words("companies", "round_subject_verbs"), *adverbs, "的", "其", "新一", "上一", "下一")
    labelled = [
        m.start()
        for m in finditer(_ROUND_LABEL_AFTER, text)  # speed13: searched near 轮 only (the same matches)
        if "融资" in text[m.end() : m.end() + 12]
        and not text.endswith(not_names, 0, m.start())
        and not verb_re.search(_clause_before(text, m.start()))  # 某某获5亿元B轮融资: the verb's subject
    ]
    return _subjects_ending_at(text, ends, known_ends, True) + _subjects_ending_at(text, labelled, known_ends, False)


_DATE = re.compile(r"\d{1,4}\s*[年月日]")
_BRACKET_BEFORE = re.compile(r"[(（][^()（）,，。]{1,30}[)）]$")
_ROUND_LABEL_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:本次|此次|这次|本轮)?(?:Pre-)?(?:[A-F]\+{0,2}\d?|天使\+?|种子|战略)轮"
)
# 两年前, 三个月后, 此前: a time phrase opening the clause stands before the subject
_TIME_BEFORE = re.compile(r"(?:[\d一二两三四五六七八九十几半]+(?:年|个月|天|周)(?:前|后|以来)|此前|之前|如今|当时)")


def _clause_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 13 and text[start - 1] not in _ROUND_NAME_OPENS:
        start -= 1
    return text[start:end]


def _subjects_ending_at(text: str, ends: list[int], known_ends: set[int], verb_shaped: bool) -> list[Mention]:
    """The names that open their clause and end at these offsets (a round's subject); `verb_shaped` lets
    a name the word model reads as a verb pass."""
    found = []
    for end in ends:
        start = end - len(_clause_before(text, end))
        if start > 0 and text[start - 1] not in _ROUND_NAME_OPENS:
            continue  # the clause runs on before it: not a subject that opens it
        times = [m.end() for m in _TIME_BEFORE.finditer(text, start, end) if end - m.end() >= 2]
        if times:
            start = times[-1]  # “回顾两年前某某完成…: the subject after the time phrase
        if end - start > 8:
            continue
        name = text[start:end]
        for opener in words("companies", "round_subject_adverbs"):
            if name.startswith(opener) and len(name) - len(opener) >= 2:
                name, start = name[len(opener) :], start + len(opener)  # 近日某某完成…: the time word opens
                break
        if len(name) < 2 or not all(is_name_char(ch) or ch.isdigit() for ch in name) or end in known_ends:
            continue
        if name.isdigit() or not _plausible_brand(name, verb_shaped) or has_function_words(name):
            continue
        if _DATE.search(name):
            continue  # 次年6月拿到: a date opens the clause (its subject named before), no name holds one
        if _describes_an_act(name) or name.startswith(tuple(words("companies", "round_subject_not_names"))):
            continue  # 顺利完成, 累计获得: how or how much, not who
        found.append(_mention(text, start, end, "ORG", "context", why="round subject"))
    return found


@cache
def _latin_org_re() -> re.Pattern[str]:
    endings = sorted((*words("companies", "latin_investor_words"), *words("companies", "latin_group_words")), key=len)
    ending = "|".join(re.escape(w) for w in reversed(endings))
    forms = "|".join(re.escape(w) for w in sorted(words("companies", "latin_legal_forms"), key=len, reverse=True))
    # one to three capitalised words (or an acronym), then the organisation word: ABC Capital, Red Peak Ventures;
    # then maybe a legal form (Some Holdings A/S)
    return re.compile(
        rf"(?<![A-Za-z0-9])((?:[A-Z][A-Za-z0-9&.]*\s){{1,3}}(?:{ending})(?:\s(?:{forms})(?![A-Za-z0-9/]))?)(?![A-Za-z0-9])"
    )


@cache
def _round_role_re() -> re.Pattern[str]:
    return re.compile(rf"[^。;；\n]{{0,40}}?(?:{one_of('lists', 'investor_roles_after')})")


def _latin_organisations(text: str) -> list[Mention]:
    """某某 Capital 跟投: a Latinised name with an organisation word; an investor's word makes an investor."""
    found = []
    for match in finditer(_latin_org_re(), text):
        name = match.group(1)
        if (
            name.split()[0] in words("companies", "latin_not_names")
            or match.start(1) > 0
            and text[match.start(1) - 1] in "(（"
        ):
            continue  # 某某控股(Some Holdings Limited): the English form of the name before it, no second actor
        # a group among a round's investors (某某 Holdings、某某资本跟投) is an investor too
        investing = _round_role_re().match(text, match.end(1)) is not None
        if name.endswith(tuple(words("companies", "latin_investor_words"))) or investing:
            found.append(
                _mention(
                    text, match.start(1), match.end(1), "Institution", "org", kind="investor", why="Latin investor"
                )
            )
        else:
            found.append(_mention(text, match.start(1), match.end(1), "Company", "org", why="Latin group"))
    return found


@cache
def _latin_re() -> re.Pattern[str]:
    # a capitalised word or CamelCase (Erasca, DeepRoute), then an actor's word or a list's joint
    return re.compile(
        rf"(?<![A-Za-z0-9])([A-Z][a-z]+(?:[A-Z][a-z]+)*|[a-z]+(?:[A-Z][a-z]+)+)(?![A-Za-z0-9])"
        rf"\s?(?={_alternation('actor_words_after_brand')})"
    )


def _latin_brands(text: str, known_ends: set[int]) -> list[Mention]:
    """Erasca 获得B轮投资: a Latin-script brand where a company's verb or a list follows it."""
    found = []
    for match in finditer(_latin_re(), text):
        name = match.group(1)
        if match.end(1) not in known_ends and len(name) >= 3 and name not in words("companies", "latin_not_names"):
            found.append(_mention(text, match.start(1), match.end(1), "Company", "context", why="Latin brand"))
    return found


@cache
def _weak_anywhere_re() -> re.Pattern[str]:
    return re.compile(one_of("companies", "context_suffixes"))


def _adjective_only(core: str) -> bool:
    """自平衡, 全自动: an adjective after a preposition or an adverb describes the thing."""
    from ..ner import tagged_words

    tagged = tagged_words(core)
    return (
        len(tagged) >= 2  # 至纯: one word the model reads as an adjective is often a brand
        and tagged[-1][1] == "a"
        and len(tagged[-1][0]) >= 2  # 至|纯: a one-character adjective after a preposition is a brand's
        and all(pos in ("a", "p", "d", "ad", "b") for _, pos in tagged)
    )


def _names_a_field(core: str) -> bool:
    """工业, 先进基础, 自平衡: frequent ordinary words or an adjective before a company ending say what kind."""
    return made_of_frequent_nouns(core) or _adjective_only(core)


def _opens_clause(text: str, at: int) -> bool:
    """A clause or a line opens at `at`: what stands before it is no name character."""
    return at == 0 or not is_name_char(text[at - 1])


def _brands_in_context(text: str, known_ends: set[int]) -> list[Mention]:
    """某某科技完成融资, 由某某医药领投, 某某智能参股公司: a short brand (two to four characters) with a
    company ending, where an actor's verb or a list stands right after or before it."""
    found = []
    for match in finditer(_weak_anywhere_re(), text):
        end = match.end()
        if end in known_ends or end < len(text) and is_name_char(text[end]) and not has_brand_context(text, end, end):
            continue
        start = name_start(text, match.start(), limit=6)
        if match.start() - start < 2 and start > 0 and text[start - 1] in "和与及":
            start = name_start(text, start - 1, limit=6)  # 某和科技: 和 inside a short brand
        if match.start() - start < 2 and start > 0 and _opens_clause(text, start - 1):
            start -= 1  # 至某科技 opening its clause: a boundary word (至, 以, 获) that opens a name is its own
        core = text[start : match.start()]
        rest = after_opening_verb(core)
        if rest:
            # 比如|某某科技, 包含|某某医药: a verb or a conjunction opening the span stands before the name
            start, core = match.start() - len(rest), rest
        if _names_a_field(core):
            continue  # 汽车电子, 环保科技, 自平衡机器人: frequent ordinary words or an adjective name a field
        name = text[start:end]
        if not 2 <= len(core) <= 4 or not all(is_name_char(ch) for ch in name):
            continue
        if any(name.endswith(w) for w in words("companies", "not_brands")):
            continue
        if is_place(core) or is_generic(core) or is_sector(core) or is_sector(name) or starts_with_junk(name):
            continue
        if is_field_term(name):
            continue  # 第三代半导体: a generation of a field, no brand
        if _verbs_only(core):
            continue  # 探索推进科技成果转化: verbs before 科技 make a clause
        if has_brand_context(text, start, end):
            found.append(_mention(text, start, end, "Company", "context", why="brand + company ending in context"))
    return found
