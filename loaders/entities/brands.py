"""Proposer: coined names nobody knows, by their context (某拓发布公告, A、B、C等企业, 研发商某远、…).

A coined word is one the word dictionary does not know: jieba-rs without its new-word model splits it into
single characters (光拓 → 光 拓), while an ordinary word (制造, 双方, 公开) stays whole. Such a word alone
names nothing; where only an organisation can stand (before 发布公告/旗下/数据显示, as an item of a list
of companies, right after its kind of company) it is a company's name.
"""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector
from ..lexicon import one_of, words
from ..names import after_descriptor, is_generic, is_name_char, starts_with_junk
from ..prefilter import finditer
from .candidate import make_mention

_MAX_CORE = 4  # characters of a coined brand (two to four)


@cache
def is_coined(word: str) -> bool:
    """光拓, 远中: two to four Chinese characters the word dictionary knows no part of longer than one
    character, and no place or field."""
    import rjieba

    return (
        2 <= len(word) <= _MAX_CORE
        and all("\u4e00" <= ch <= "\u9fff" for ch in word)
        and all(len(w) == 1 for w in rjieba.cut(word, False))
        and not _reads_as_phrase(rjieba.tag(word))
        and word not in words("brands", "actor_after")
        and not (is_place(word) or is_sector(word) or is_generic(word) or starts_with_junk(word))
    )


def _reads_as_phrase(tagged: list[tuple[str, str]]) -> bool:
    """做大做强, 跟投: the new-word model reads several words with a verb, preposition or adverb among them."""
    return len(tagged) > 1 and any(pos[:1] in ("v", "p", "d", "c", "u") for _, pos in tagged)


@cache
def _weak_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + one_of("companies", "weak_suffixes") + ")$")


def is_brand(name: str) -> bool:
    """A coined word, alone or with a company's short ending (某远科技, 某鼎半导体)."""
    core = _weak_suffix_re().sub("", name)
    return is_coined(core) and (core == name or len(name) - len(core) >= 2)


def find_brands(text: str, taken: list[Mention]) -> list[Mention]:
    covered = {(m.start, m.end) for m in taken}
    spans = {
        *_actors(text),
        *_listed(text),
        *_after_kind(text),
        *_coded(text),
        *_joined(text),
        *_announcing(text),
        *_quoted(text),
        *_funders(text),
        *_said_to_be_units(text),
    }
    found_joined = [
        make_mention(text, start, end, "ORG", "context", why="registered name with 和/与/及 inside")
        for start, end in _registered_with_conjunction(text)
        if (start, end) not in covered
    ]
    found = [
        make_mention(text, start, end, "Company", "context", why=why)
        for start, end, why in sorted(spans)
        if (start, end) not in covered and not _overlaps(start, end, taken)
    ]
    found += found_joined
    found += [
        make_mention(text, start, end, "Institution", "context", kind="investor", why="coined investor")
        for start, end in _investors(text)
        if (start, end) not in covered and not _overlaps(start, end, taken)
    ]
    return found


# A name these proposers found stands (a person, a known or suffixed name around the span)
_FIRM_SOURCES = ("gazetteer", "alias", "person", "org", "fund", "policy")


def _overlaps(start: int, end: int, taken: list[Mention]) -> bool:
    """A span that overlaps a person or a firmly found name (a looser context reading yields to it)."""
    return any(
        m.start < end
        and start < m.end
        and (m.start, m.end) != (start, end)
        and (m.label == "Person" or m.source in _FIRM_SOURCES)
        for m in taken
    )


@cache
def _actor_re() -> re.Pattern[str]:
    # the word opens its clause, or follows a word naming a source or an organiser (该基金由某某联合…)
    sources = "".join(f"|(?<={re.escape(w)})" for w in words("brands", "source_before"))
    return re.compile(
        rf"(?:(?<![\u4e00-\u9fffA-Za-z0-9])(?!{one_of('brands', 'source_before')}){sources})"
        rf"([\u4e00-\u9fff]{{2,{_MAX_CORE}}}?)(?={one_of('brands', 'actor_after')})"
    )


def _actors(text: str) -> list[tuple[int, int, str]]:
    """某拓发布公告, 据某远数据显示, 某航旗下: a coined word opening its clause, then what only an
    organisation does or has."""
    return [
        (m.start(1), m.end(1), "coined name before an organisation's act")
        for m in finditer(_actor_re(), text)
        if is_coined(m.group(1))
    ]


_CLAUSE = re.compile(r"[^,，。;；:：!！?？()（）“”\n]+")
_LAST_JOINED = re.compile(r"以及|及|和|与")


@cache
def _closer_re() -> re.Pattern[str]:
    nouns = one_of("brands", "company_nouns")
    return re.compile(rf"(?:等|为代表的)(?:[\u4e00-\u9fff]{{0,4}}?)(?:{nouns})|(?:{one_of('brands', 'joint_after')})")


def _listed(text: str) -> list[tuple[int, int, str]]:
    """A、B、C等知名企业, A集团、B集团、C共同出资: items of a list of companies (closed by 等 and a noun of
    companies, or by a joint act) that are coined names, alone or after their kind (材料商某远)."""
    found = []
    closer = _closer_re()
    for clause in _CLAUSE.finditer(text):
        body = clause.group(0)
        if "、" not in body:
            continue
        begin = 0  # 以A、B为代表的老玩家与C、D等新锐势力: a list starts after the one before it closes
        for close in closer.finditer(body):
            pieces = body[begin : close.start()].split("、")
            offset = clause.start() + begin
            begin = close.end()
            if len(pieces) < 2:
                continue
            spans = []
            for piece in pieces:
                spans.append((offset, offset + len(piece)))
                offset += len(piece) + 1
            last_start, last_end = spans[-1]
            joined = list(_LAST_JOINED.finditer(text, last_start, last_end))
            if joined and joined[-1].start() - last_start >= 2:
                spans[-1:] = [(last_start, joined[-1].start()), (joined[-1].end(), last_end)]
            categories = words("lists", "enterprise_categories")
            if any(text[a:b].strip('“”"').endswith(categories) for a, b in spans):
                continue  # 专精特新、瞪羚等企业: designations of enterprises, not enterprises
            for start, end in spans:
                start += after_descriptor(text[start:end])
                start = _coined_tail(text, start, end)
                if start is not None:
                    found.append((start, end, "coined name in a list of companies"))
    return found


_OPENING_WORDS = "与和及在由对向以即据"


def _coined_tail(text: str, start: int, end: int) -> int | None:
    """Where the item's brand starts: the whole item, or (the list's first item, which runs on to the
    left) its last two to six characters after a boundary such as 与/和/在."""
    item = text[start:end]
    if item[:1] in _OPENING_WORDS and is_brand(item[1:]):
        return start + 1  # 与某拓、…: the preposition before the list is no part of its first name
    if is_brand(item):
        return start
    for length in range(min(6, len(item) - 1), 1, -1):
        opens = not is_name_char(item[-length - 1]) or item[-length - 1] in _OPENING_WORDS
        if opens and is_brand(item[-length:]):
            return end - length
    return None


@cache
def _after_kind_re() -> re.Pattern[str]:
    nouns = one_of("companies", "descriptor_nouns")
    return re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{nouns})([\u4e00-\u9fff]{{2,8}}?)(?=、|以及|等|,|，|。|;|；)")


def _after_kind(text: str) -> list[tuple[int, int, str]]:
    """碳化硅器件研发商某鼎半导体、…: a coined brand right after the kind of company it is, closed by a list
    mark or the clause's end."""
    found = []
    for match in finditer(_after_kind_re(), text):
        cut = after_descriptor(text[match.start() : match.end(1)])
        if cut and match.start() + cut == match.start(1) and is_brand(match.group(1)):
            found.append((match.start(1), match.end(1), "coined name after its kind"))
    return found


_CODED = re.compile(r"(?:^|(?<=[,，。;；:：、\s(（“]))([和与及][\u4e00-\u9fff]{1,5})(?=[(（]\d{6}(?:\.S[HZ])?[)）])")


def _coded(text: str) -> list[tuple[int, int, str]]:
    """、和某(300000): a listed company's name that opens with a character that is also a conjunction (the
    name's start stops there elsewhere); the whole piece between a mark and its stock code is the name."""
    return [(m.start(1), m.end(1), "name with a stock code") for m in finditer(_CODED, text)]


@cache
def _joined_re() -> re.Pattern[str]:
    roles = one_of("brands", "partner_roles")
    first = rf"(?:(?:^|(?<=[由与和,，。;；:：\s]))([\u4e00-\u9fff]{{2,{_MAX_CORE}}}))?"
    return re.compile(
        rf"{first}(?:和|与)(?:{roles})?([\u4e00-\u9fff]{{2,{_MAX_CORE}}}?)(?={one_of('brands', 'joint_acts')})"
    )


def _joined(text: str) -> list[tuple[int, int, str]]:
    """由某鼎和战略合作伙伴某远共同增持, 才和某远联手: names joined by 和/与 before a joint act."""
    found = []
    for match in finditer(_joined_re(), text):
        for group in (1, 2):
            if match.group(group) and is_coined(match.group(group)):
                found.append((match.start(group), match.end(group), "coined name in a joint act"))
    return found


@cache
def _announcing_re() -> re.Pattern[str]:
    acts = one_of("brands", "announce_after")
    return re.compile(rf"(?:^|(?<=[,，。;；:：!！?？\s“”|丨]))([\u4e00-\u9fff]{{2,{_MAX_CORE}}})(?=(?:{acts})[,，:：])")


def _announcing(text: str) -> list[tuple[int, int, str]]:
    """9月1日,某鼎宣布, …: a coined word opening its clause that announces — a company, unless it opens with
    a surname (then it may be a person the person finder did not know)."""
    surnames = words("persons", "surnames")  # one character each
    return [
        (m.start(1), m.end(1), "coined name that announces")
        for m in finditer(_announcing_re(), text)
        if is_coined(m.group(1)) and m.group(1)[0] not in surnames
    ]


@cache
def _investor_re() -> re.Pattern[str]:
    endings = one_of("brands", "investor_endings")
    return re.compile(
        # 由/与/及 open no brand: after a comma they are the joining word (,由某远资本领投)
        rf"(?:^|(?<=[由与和及、,，。;；:：\s“]))((?![由与及])[\u4e00-\u9fff]{{2,{_MAX_CORE}}}?(?:{endings}))"
        rf"(?![\u4e00-\u9fff]{{0,2}}(?:有限|管理|合伙|基金|集团|公司))"
    )


def _investors(text: str) -> list[tuple[int, int]]:
    """与某帆投资达成…, 由某远资本领投: a coined word with an investor's ending after a joining word."""
    ending = re.compile(f"(?:{one_of('brands', 'investor_endings')})$")
    return [(m.start(1), m.end(1)) for m in finditer(_investor_re(), text) if is_coined(ending.sub("", m.group(1)))]


@cache
def _quoted_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    plain = words("brands", "quoted_after_plain_kind")
    kinds = "|".join(
        re.escape(w)
        for w in (*words("brands", "quoted_after"), *words("companies", "descriptor_nouns"))
        if w not in plain
    )
    name = r"[“\"]([\u4e00-\u9fff]{2,8})[”\"]"
    return (
        re.compile(rf"(?:{kinds}){name}"),
        re.compile(
            rf"(?<=[\u4e00-\u9fff]{{2}})(?:{one_of('brands', 'quoted_after_plain_kind')}){name}"
            rf"(?=\s?(?:{one_of('brands', 'quoted_then_act')}))"
        ),
    )


def _quoted(text: str) -> list[tuple[int, int, str]]:
    """电池研发商“某远”, 生物制药公司“某远”完成…, 一家叫“某鼎新能源”的企业: a quoted coined name after its kind
    or its naming."""
    return [
        (m.start(1), m.end(1), "quoted coined name")
        for pattern in _quoted_res()
        for m in finditer(pattern, text)
        if is_brand(m.group(1))
    ]


_CONJOINED_REGISTERED = re.compile(
    r"([\u4e00-\u9fff])[和与及]([\u4e00-\u9fff]{0,12}?)(?:有限责任公司|股份有限公司|有限公司)"
)


def _registered_with_conjunction(text: str) -> list[tuple[int, int]]:
    """管理机构为沃和投资管理有限公司: one character before 和/与/及 names nothing alone, and business words
    alone after it name nothing either — the conjunction's character is inside one registered name."""
    from ..names import name_start

    found = []
    for match in finditer(_CONJOINED_REGISTERED, text):
        joint = match.start(1) + 1
        if name_start(text, joint, limit=6) == match.start(1) and (not match.group(2) or is_generic(match.group(2))):
            found.append((match.start(1), match.end()))
    return found


_FUNDER = re.compile(
    r"(?:(?<=获得)|(?<=获投))([\u4e00-\u9fff]{2,4}?)(?=\d+(?:\.\d+)?(?:亿|万)(?:美元|元|人民币|港元)?[^,，。;；]{0,8}?(?:投资|融资))"
)


def _funders(text: str) -> list[tuple[int, int, str]]:
    """获得某远1亿美元D轮投资: a coined name between 获得 and the amount of a round is who put the money in."""
    return [
        (m.start(1), m.end(1), "coined funder of a round") for m in finditer(_FUNDER, text) if is_coined(m.group(1))
    ]


@cache
def _unit_said_re() -> re.Pattern[str]:
    nouns = one_of("brands", "unit_nouns")
    # the coined word opens its clause; the clause says it is a unit of another (…是某集团的核心子企业)
    return re.compile(
        rf"(?:^|(?<=[,，。;；:：\n“]))([\u4e00-\u9fff]{{2,{_MAX_CORE}}}?)"
        rf"是[^,，。;；\n]{{2,30}}?的[^,，。;；\n的]{{0,8}}?(?:{nouns})"
    )


def _said_to_be_units(text: str) -> list[tuple[int, int, str]]:
    """某远是某某集团的核心子企业, 某拓是本地土生土长的“老字号”企业: a coined word the clause calls a unit
    of another, or an enterprise."""
    return [
        (m.start(1), m.end(1), "coined name said to be a unit")
        for m in finditer(_unit_said_re(), text)
        if is_coined(m.group(1))
    ]
