"""Relations from constructions: patterns over a sentence's typed mentions (data/lexicon/relations.yaml).

A sentence is rewritten as a *shape*: every mention becomes one placeholder character standing for its
label, quotes are dropped, the rest of the text stays. A construction is a regular expression over that
shape written with a few macros, so one pattern holds for every sentence of that form, whatever the names:

    {name:LABELS}    one mention of those labels (ORG, INV, Institution|Fund, …), a (即“X”) aside after it absorbed
    {name:LABELS+}   a list of them: A、B和C(等)(N家)(机构), an item may be X旗下基金 (X's own fund: X) or
                     X旗下F (both), a list of investors may hold individuals and names the entity stage
                     missed (A、某某合伙企业、张三等12名投资人: only the named organisations are filled in)
    {name:LABELS~}   a list of titled names: A、总经理B、党委副书记C (each item after the first opens with a
                     title or follows the one before it with 、 alone (副总经理A、B), so a list never runs into the
                     next organisation's people: A、某市委书记B stops; nor into a head of government's:
                     A、副市长B stops)
    {name:LABELS%}   a list of heads of government: 区长A、常务副区长B
    {name:LABELS@}   a mention or a reference word: a demonstrative (该基金, 该行) stands for the last fitting
                     name, a bare noun (集团, 基金) for the article's most-named one — before an officer's title
                     (集团董事长A) for the organisation the article is about (loaders/focus.py); when the slot is left
                     out of the match, the sentence's subject fills it, else the article's most-named name
    <key>            the words of a list of relations.yaml (longest first)
    …                a gap of a few characters inside one clause, no name in it
    ^                the start of a clause (not inside [^…])

Each construction says which relations it emits, as "TYPE source target" over its slot names. Some
ends are computed: `round` is the company a financing round in the sentence is about (X完成B轮融资, or
the company in focus), `outlet` the one outlet the article names (来源:X, X讯), `title` the document the
article is (a notice or opinion named in its first line), `government` the 政府 of the place a
(?P<seat>…)(?P<level>区) pair names (某区区长A → 某区政府, when the article names that body), `party` its
party committee (区委书记A → 某区委), `ahead` the funds named
next, as many as the pattern's (?P<count>) says (设立3支母基金 …), `listed` the organisations of the next
list introduced after the match (由5家企业共同出资设立。股东分别是:A、B、C), at most (?P<count>) of them.
A fourth word `each` pairs a list
with a list one to one (分别与A、B、C … 设立三支基金). A construction may say `ends: {slot: word_list}`:
that slot takes only names ending in one of those words (a branch: 支行, 分行, 分公司), and `excludes: {slot:
word_list}`: none containing one of those (a descriptive 科技特色支行 is a kind of branch, not one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import product
from operator import itemgetter

import ahocorasick

from capgraph.graph.model import Mention, Sentence

from .entities import parse_amount
from .focus import focus_organisation, house_publisher, officer_reference, reference_suffixes
from .lexicon import lexicon, one_of, words
from .prefilter import all_required_strings, automaton_of, finditer, required_strings
from .relations import Context, Found, _count, _units_for_owners

# One private-use character per label: what a mention looks like in a sentence's shape.
PLACEHOLDER = {
    "Institution": "\ue001",
    "Company": "\ue002",
    "Fund": "\ue003",
    "Person": "\ue004",
    "Policy": "\ue005",
    "Place": "\ue007",
}
OTHER = "\ue006"
LABEL_SETS = {
    "ORG": ("Institution", "Company"),
    "INV": ("Institution", "Company", "Fund"),
    "ANY": tuple(PLACEHOLDER),
}
_ANY_NAME = "\ue001-\ue007"
_BREAKS = ",,;;。:：!?！？"
_QUOTES = set("“”\"'‘’「」『』《》")
_UNQUOTED = re.compile("[^" + re.escape("".join(sorted(_QUOTES))) + "]+")
_GAP = rf"[^{_BREAKS}{_ANY_NAME}]{{0,12}}?"
_CLAUSE_START = rf"(?:^|(?<=[{_BREAKS}]))"
# An aside may hold a comma (X(全称Y,简称Z)): only a sentence's or clause list's end stops it.
_ASIDE = r"(?:[((][^()()。;;:：!?！？]{1,40}[))])?"
_JOINER = r"(?:、|和|与|及|以及|及其|,以及)"
# A list's closing words: A、B等(等)(多家/3家)(知名)(投资)机构, A等8部门, A、B等众多头部产业合作伙伴 — a count,
# a few qualifiers and a noun for the whole list (relations.yaml: list_tail_qualifiers, list_tail_nouns).
_LIST_COUNT = (
    r"(?:(?:\d+|[一二两三四五六七八九十多数几]+)(?:家|个|只|支|位|名|方|(?=部门|部委|单位))"
    r"|众多|诸多|一批|一众|多位|多名)"
)


@cache
def _list_tail() -> str:
    qualifiers = one_of("relations", "list_tail_qualifiers")
    nouns = one_of("relations", "list_tail_nouns")
    return rf"(?:等等|等)?{_LIST_COUNT}?(?:{qualifiers}){{0,3}}(?:{nouns})?"


# A list item may be a name's own fund or vehicle (X旗下基金, X旗下的产业基金, X管理的基金, X及其关联方,
# X或其关联方/指定实体): it stands for X.
_ITEM_VEHICLE = (
    r"(?:(?:旗下|管理|关联|控股|控制)(?:的)?[^、,,;;。和及与\ue001-\ue007]{0,6}?(?:基金|平台|机构|主体)"
    r"|[及或]其(?:关联方|关联基金|旗下基金|管理的基金|指定实体)(?:[/或](?:关联方|指定实体|指定主体))?)?"
)
# A list may run past an item the entity stage did not name (A、某某资本、B): up to two such items, each a short
# run of plain text between list joiners; it gives no relation, the named items on both sides do.
_UNNAMED_ITEM = rf"(?:[ \u3000]*[^{_BREAKS}{_ANY_NAME}、和与及等()()\s]{{2,20}}{_ASIDE}{_JOINER}){{0,2}}"
# …or end with a few (A和战略合作伙伴某某共同增持; A、B、 张三、李四等12名投资人): the named items keep their part.
_UNNAMED_LAST = rf"(?:{_JOINER}[ \u3000]*[^{_BREAKS}{_ANY_NAME}、和与及等()()\s]{{2,10}}?){{0,4}}"
# A name the entity stage cut before its Latin tail (某某VGC, 某某AI): the tail stays with the list item.
_LATIN_TAIL = r"(?:[A-Za-z][A-Za-z0-9]{0,5})?"
_SLOT = re.compile(r"\{(\w+):([\w|]+)([+@~%]?)\}")
_CARET = re.compile(r"(?<!\[)\^")  # a clause start; [^…] stays a negated class
# A "name" that is a count (三支母基金, 首批3只基金): text, not a name, for the constructions.
_COUNTED = re.compile(
    r"^(?:本周|上周|本月|今年|近期|近日|此次|本次|其中)?(?:首批|第[一二三四五六七八九十]批|这|该|上述)?"
    r"(?:\d+|[一二两三四五六七八九十多数几]+)[支只个家]"
)
_NUMERALS = set("0123456789一二两三四五六七八九十")
_COUNT_BEFORE = re.compile(r"[\d一二两三四五六七八九十多数几][支只个家](?:以|左右)?$")
_FOCUS_WINDOW = 1500  # characters back that a reference or an elided name may reach (a few sentences)
_WORDS = re.compile(r"(?<!\?P)<(\w+)>")  # not a named group (?P<count>)


@dataclass(frozen=True)
class Slot:
    name: str
    labels: tuple[str, ...]
    reference: bool  # may be a reference word, or absent and filled by the name in focus


@dataclass(frozen=True)
class Construction:
    name: str
    regex: re.Pattern[str]
    slots: dict[str, Slot]
    emits: tuple[tuple[str, ...], ...]  # (type, source, target[, "each"])
    confidence: float
    named: frozenset[str]  # labels its name-only slots take: a sentence with none of them cannot match
    ends: dict[str, tuple[str, ...]]  # slot → the words its names must end with (none: any name)
    excludes: dict[str, tuple[str, ...]]  # slot → words its names may not contain


@dataclass
class Shape:
    """A sentence as placeholders and text; `owner[i]` is the mention behind placeholder i, `offset[i]`
    the document offset of character i."""

    text: str
    owner: list[Mention | None]
    offset: list[int]


def _is_count(ctx: Context, mention: Mention) -> bool:
    """三支母基金, or 支母基金 right after 3, or 上母基金 right after 2只以: a count of things the entity stage
    took for a name."""
    if _COUNTED.match(mention.text):
        return True
    if mention.text[:1] in "支只个家" and ctx.text[mention.start - 1 : mention.start] in _NUMERALS:
        return True
    if not _COUNT_BEFORE.search(ctx.text, max(0, mention.start - 4), mention.start):
        return False
    # 下设一支某某创新子基金: a name of its own after the count (a distinctive part before its kind noun)
    kinds = [k for k in words("relations", "counted_fund_nouns") if mention.text.endswith(k)]
    return not kinds or len(mention.text) - len(kinds[0]) < 3


def shape_of(ctx: Context, sentence: Sentence) -> Shape:
    chars: list[str] = []
    owner: list[Mention | None] = []
    offset: list[int] = []
    mentions = sorted(ctx.in_sentence(sentence.index), key=lambda m: (m.start, -(m.end - m.start)))
    at = sentence.start
    queue = iter(mentions)
    upcoming = next(queue, None)
    while at < sentence.end:
        while upcoming is not None and upcoming.start < at:
            upcoming = next(queue, None)  # nested or overlapping: the first, longest one stands
        if upcoming is not None and upcoming.start == at and _is_count(ctx, upcoming):
            upcoming = next(queue, None)  # 三支母基金 is a count of funds, not a name: it stays text
            continue
        if upcoming is not None and upcoming.start == at:
            chars.append(PLACEHOLDER.get(ctx.entity(upcoming).label, OTHER))
            owner.append(upcoming)
            offset.append(at)
            at = upcoming.end
            continue
        # plain text up to the next name, quotes dropped: copied a run at a time
        stop = sentence.end if upcoming is None else min(sentence.end, upcoming.start)
        for piece in _UNQUOTED.finditer(ctx.text, at, stop):
            chars.append(piece.group(0))
            owner.extend([None] * (piece.end() - piece.start()))
            offset.extend(range(piece.start(), piece.end()))
        at = stop
    return Shape("".join(chars), owner, offset)


def _labels(spec: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in spec.split("|"):
        out += LABEL_SETS.get(part, (part,))
    return tuple(out)


@cache
def _references(labels: tuple[str, ...]) -> list[str]:
    table = lexicon("relations").get("references", {}) or {}
    found: set[str] = set()
    for label in labels:
        found.update(str(w) for w in table.get(label, []) or [])
    return sorted(found, key=len, reverse=True)


def _reference_regex(word: str) -> str:
    """A reference word as a regex; a bare noun (基金, 公司) not where it ends a compound (子基金, 母公司)
    or begins one (基金管理人)."""
    compounds = (lexicon("relations").get("reference_not_after", {}) or {}).get(word) or []
    guard = "(?<![" + "".join(re.escape(str(c)) for c in compounds) + "])" if compounds else ""
    heads = (lexicon("relations").get("reference_not_before", {}) or {}).get(word) or []
    tail = "(?!" + "|".join(re.escape(str(h)) for h in heads) + ")" if heads else ""
    return guard + re.escape(word) + tail


@cache
def _item_role() -> str:
    """What a list item may say it is before its name: a role word, or a short kind phrase (芯片研发商, 电池企业)."""
    roles = one_of("relations", "list_item_roles")
    kinds = one_of("relations", "item_kind_nouns")
    return rf"(?:{roles}|[^{_BREAKS}{_ANY_NAME}、和与及等()()\s]{{0,10}}?(?:{kinds}))?"


def compile_pattern(pattern: str) -> tuple[re.Pattern[str], dict[str, Slot]]:
    slots: dict[str, Slot] = {}

    def slot(match: re.Match[str]) -> str:
        name, spec, mode = match.group(1), match.group(2), match.group(3)
        labels = _labels(spec)
        slots[name] = Slot(name, labels, mode == "@")
        one = "[" + "".join(PLACEHOLDER[label] for label in labels) + "]" + _ASIDE
        if mode == "+":
            item = one.removesuffix(_ASIDE) + _LATIN_TAIL + _ASIDE + _ITEM_VEHICLE
            if set(labels) & {"Institution", "Company"}:
                # X集团Y资本: an owner written right before its unit is one item (both filled: X through Y)
                owner = "[" + PLACEHOLDER["Institution"] + PLACEHOLDER["Company"] + "]"
                item = f"(?:{owner}(?={one.removesuffix(_ASIDE)}))?{item}"
            if "Fund" in labels:
                # X旗下(的)(产业基金)F: an owner and its named vehicle are one item (both filled: X through F)
                fund = PLACEHOLDER["Fund"] + _ASIDE
                item = rf"{item}(?:(?:旗下|下属|管理|控制)的?[^{_BREAKS}{_ANY_NAME}、和与及]{{0,6}}?{fund})?"
            joiner = _JOINER
            if "Policy" in labels:
                # titles one after another (《A》《B》, the quotes dropped) are a list with no joiner
                joiner = rf"(?:{_JOINER}|(?={PLACEHOLDER['Policy']}))"
            if labels == ("Person",):
                joiner = rf"(?:{_JOINER}|[ \u3000]+)"  # a byline's names: 记者 张三 李四
            later = item
            if "Company" in labels and "Person" not in labels:
                # investors listed with individuals among them (A、B、 张三、李四等12名投资人): a person is an item
                # of the list that gives no relation of this slot (only organisations are filled in)
                later = rf"(?:{item}|{PLACEHOLDER['Person']})"
                joiner = rf"{joiner}[ \u3000]*"
            # an item may say what it is first: its role (A和战略合作伙伴B) or its kind (锂电池材料商A、芯片公司B)
            items = f"{_item_role()}{item}(?:{joiner}{_UNNAMED_ITEM}{_item_role()}{later})*"
            return f"(?P<{name}>{items}{_UNNAMED_LAST}{_list_tail()})"
        if mode and mode in "~%":
            # a head of government further on (…董事长A、副市长B) is another body's: the list stops there;
            # a list of heads of government (区长A、常务副区长B, mode %) goes on with heads only
            heads = set(words("relations", "government_heads"))
            allowed = [w for w in words("relations", "titles") if (w in heads) == (mode == "%")]
            titles = "(?:" + "|".join(re.escape(w) for w in allowed) + ")"
            titled = rf"{titles}(?:(?:、|兼|和){titles})*(?:——|—|:|:|\s)?"
            # 董事长A,总经理B; 副总经理A、B: a name right after a titled one (、) shares its title
            return f"(?P<{name}>{one}(?:(?:{_JOINER}|[,,]){titled}{one}|、{one})*)"
        if mode == "@":
            alternatives = [one] + [_reference_regex(w) for w in _references(labels)]
            return f"(?P<{name}>{'|'.join(alternatives)})"
        return f"(?P<{name}>{one})"

    body = _CARET.sub(_CLAUSE_START.replace("\\", "\\\\"), pattern)
    body = _WORDS.sub(lambda m: "(?:" + one_of("relations", m.group(1)) + ")", body)
    body = _SLOT.sub(slot, body.replace("…", _GAP))  # after the word lists: a slot's (?P<name>) is no <list>
    return re.compile(body), slots


@cache
def constructions() -> tuple[Construction, ...]:
    out = []
    for item in lexicon("relations").get("constructions", []) or []:
        regex, slots = compile_pattern(str(item["pattern"]))
        emits = tuple(tuple(str(e).split()) for e in item["emit"])
        for _type, source, target, *_mode in emits:
            for end in (source, target):
                if end in _COMPUTED_ENDS and end in slots:
                    raise ValueError(f"construction {item['name']}: slot {end!r} is the name of a computed end")
                if end not in _COMPUTED_ENDS and end not in slots:
                    raise ValueError(f"construction {item['name']}: emits from unknown slot {end!r}")
        for counted in ("ahead", "listed"):
            if any(counted in emit for emit in emits) and "count" not in regex.groupindex:
                raise ValueError(f"construction {item['name']}: `{counted}` needs a (?P<count>…) group")
        named = frozenset(label for slot in slots.values() if not slot.reference for label in slot.labels)
        named = named or frozenset(label for slot in slots.values() for label in slot.labels)
        confidence = float(item.get("confidence", 0.8))
        ends = {str(slot): words("relations", str(key)) for slot, key in (item.get("ends") or {}).items()}
        excludes = {str(slot): words("relations", str(key)) for slot, key in (item.get("excludes") or {}).items()}
        out.append(Construction(str(item["name"]), regex, slots, emits, confidence, named, ends, excludes))
    return tuple(out)


@cache
def _construction_automaton() -> tuple[ahocorasick.Automaton | None, frozenset[int]]:
    """One automaton of every construction's required strings (value: the constructions needing it), and
    the constructions that need none (always tried)."""
    unfiltered: set[int] = set()
    needing: dict[str, list[int]] = {}
    for number, construction in enumerate(constructions()):
        strings = required_strings(construction.regex)
        if not strings:
            unfiltered.add(number)
            continue
        for string in strings:
            needing.setdefault(string, []).append(number)
    if not needing:
        return None, frozenset(unfiltered)
    return automaton_of({string: tuple(numbers) for string, numbers in needing.items()}), frozenset(unfiltered)


def _possible_constructions(shape_text: str) -> set[int]:
    """The constructions (by number) that can match a shape: those whose required strings it contains."""
    automaton, unfiltered = _construction_automaton()
    possible = set(unfiltered)
    if automaton is not None:
        for _end, numbers in automaton.iter(shape_text):
            possible.update(numbers)
    every, needs = _construction_requirements()
    if possible and every is not None:
        # speed13 — every string set a construction needs, not only the one indexed: most candidates lack one
        present = set(map(itemgetter(1), every.iter(shape_text)))
        possible = {n for n in possible if not any(map(present.isdisjoint, needs[n]))}
    return possible


@cache
def _construction_requirements() -> tuple[ahocorasick.Automaton | None, tuple[tuple[frozenset[str], ...], ...]]:
    needs = tuple(all_required_strings(construction.regex) for construction in constructions())
    strings = {string for sets in needs for need in sets for string in need}
    return (automaton_of({string: string for string in strings}) if strings else None), needs


def _fill(
    ctx: Context, chain: Chain, shape: Shape, match: re.Match[str], slot: Slot, sentence: Sentence
) -> list[Mention]:
    """The mentions a slot matched: its placeholders, or the name a reference word (or its absence) stands for."""
    start, end = match.span(slot.name)
    if start >= 0:
        found = [m for m in _outside_asides(shape, start, end) if ctx.entity(m).label in slot.labels]
        if found or not slot.reference:
            return found
        word = match.group(slot.name)
        labels = tuple(label for label in slot.labels if word in _references((label,)))
        return _refers_to(ctx, chain, shape.offset[start], word, labels)
    if not slot.reference:
        return []
    # left out: the sentence's own subject (its first fitting name before the match, not a speaker's
    # organisation), else the name in focus
    at = shape.offset[match.start()]
    datelines = words("relations", "dateline_marks")
    # names and resolved references (这笔基金…) of the sentence before the match, a dateline (X讯) aside
    subject = [
        m
        for end, m in chain
        if sentence.start < end <= at
        and ctx.entity(m).label in slot.labels
        and not (m.sentence == sentence.index and ctx.text.startswith(datelines, m.end))
    ]
    actors = [m for m in subject if not _in_speech_frame(ctx, m)]
    if "Fund" in slot.labels and _unnamed_fund_before(ctx, sentence, at):
        # F(a partnership no list knows),管理机构为X: X manages F, not a fund a word in F's name refers to
        named = {id(m) for m in ctx.in_sentence(sentence.index)}
        return [m for m in actors if id(m) in named][:1]
    return actors[:1] or _salient_before(ctx, chain, sentence.start, slot.labels)


def _unnamed_fund_before(ctx: Context, sentence: Sentence, at: int) -> bool:
    """The sentence, before `at`, writes a fund's registered form (…合伙企业(有限合伙)) that is no mention."""
    text = ctx.text[sentence.start : at]
    for mention in ctx.in_sentence(sentence.index):
        if mention.end <= at:
            text = text.replace(mention.text, "")
    return any(mark in text for mark in words("relations", "registered_fund_marks"))


_SPEECH_FRAME = re.compile(r"[^,,;;。:：]*(?:介绍|表示|指出|透露|强调|认为|称|说|获悉|了解到|显示)\s*[,,:：]")


_SOURCE_AFTER = re.compile(r"[^,,;;。:：\n]{0,8}?(?:显示|表明|查询到|统计)")


def _source_frame(ctx: Context, mention: Mention) -> bool:
    """据X信息显示, 据X统计: X is where the text has its data from (a data service, a registry), no actor of the
    sentence — 据某数据平台显示,公司创始人A…: 公司 is the article's company, not the platform. (从X获悉 is not
    one: an informant is often the very organisation the news is about.)"""
    if ctx.text[mention.start - 1 : mention.start] not in ("据", "从", "经"):
        return False  # most names: one character tells
    return bool(_SOURCE_AFTER.match(ctx.text, mention.end))


def _in_speech_frame(ctx: Context, mention: Mention) -> bool:
    """会上,X局长Y介绍,F由Z管理,已投资A / X从某平台获悉,…: X only introduces the speaker or the source, it is
    no subject of what follows."""
    return bool(_SPEECH_FRAME.match(ctx.text, mention.end))


def _salient_before(
    ctx: Context, chain: Chain, offset: int, labels: tuple[str, ...], inside: tuple[str, ...] = ()
) -> list[Mention]:
    """The name an elliptical clause is about: of those labels, the one named most often (references
    included) in the text before `offset`, the latest on a tie — an article's own fund, not the last
    fund it happened to mention."""
    count: dict[int, int] = {}
    latest: dict[int, tuple[int, Mention]] = {}
    for end, mention in chain:
        if end > offset:
            break
        if offset - end > _FOCUS_WINDOW:
            continue
        entity = ctx.entity(mention)
        if entity.label not in labels or _source_frame(ctx, mention):
            continue  # 据某平台显示: where the facts come from is no name the article is about
        if not inside or any(w in n for n in entity.names for w in inside):
            count[id(entity)] = count.get(id(entity), 0) + 1
            latest[id(entity)] = (end, mention)
    if not count:
        return []
    best = max(count, key=lambda key: (count[key], latest[key][0]))
    return [latest[best][1]]


def _outside_asides(shape: Shape, start: int, end: int) -> list[Mention]:
    """The mentions of shape[start:end] outside brackets: X(即Y) is X, X(Z旗下) is not Z."""
    found: list[Mention] = []
    depth = 0
    for index in range(start, end):
        if shape.text[index] in "((":
            depth += 1
        elif shape.text[index] in "))" and depth:
            depth -= 1
        mention = shape.owner[index]
        if mention is not None and depth == 0:
            found.append(mention)
    return found


def _named_before(
    ctx: Context, chain: Chain, offset: int, labels: tuple[str, ...], inside: tuple[str, ...]
) -> list[Mention]:
    """The last name before `offset` (within a few sentences) of those labels, whose names contain one of
    `inside` when given (集团 stands for a group, 该行 for a bank); a reference word met on the way counts
    as the name it stands for, so 该基金 after 三期基金 is still that fund."""
    for end, mention in reversed(chain):
        if end > offset or offset - end > _FOCUS_WINDOW:
            continue
        entity = ctx.entity(mention)
        if entity.label in labels and (not inside or any(w in n for n in entity.names for w in inside)):
            return [mention]
    return []


Chain = list[tuple[int, Mention]]
_COMPUTED_ENDS = ("round", "ahead", "listed", "outlet", "title", "government", "party")


@cache
def _reference_words() -> tuple[dict[str, tuple[str, ...]], re.Pattern[str] | None]:
    """Every reference word → the labels it may stand for, and one regex of them all (longest first)."""
    table = lexicon("relations").get("references", {}) or {}
    by_word: dict[str, tuple[str, ...]] = {}
    for label, listed in table.items():
        for word in listed or []:
            by_word[str(word)] = (*by_word.get(str(word), ()), str(label))
    if not by_word:
        return by_word, None
    return by_word, re.compile("|".join(_reference_regex(w) for w in sorted(by_word, key=len, reverse=True)))


def _inside_a_name(ctx: Context) -> Callable[[int, int], bool]:
    """Whether a span overlaps a mention of the document, by a per-character map built once."""
    taken = [(m.start, m.end) for m in ctx.mentions]

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    if any(s >= e for s, e in taken):  # an empty mention overlaps what strictly surrounds it: ask each one
        return overlaps
    covered = bytearray(len(ctx.text) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    return lambda start, end: any(covered[start:end]) if start < end else overlaps(start, end)


def focus_chain(ctx: Context) -> Chain:
    """(end offset, mention) of every name and every resolved reference word of the document, in order."""
    chain = sorted(((m.end, m) for m in ctx.mentions if not _is_count(ctx, m)), key=lambda pair: pair[0])
    by_word, pattern = _reference_words()
    if pattern is not None:
        inside = _inside_a_name(ctx)
        for match in finditer(pattern, ctx.text):  # speed13: searched near the reference words only
            if "Fund" not in by_word[match.group(0)]:
                continue  # only funds are followed through references: 公司/其 are too common to chain
            if inside(match.start(), match.end()):
                continue  # inside a name (投资基金 in a fund's name) it is no reference
            for mention in _refers_to(ctx, chain, match.start(), match.group(0), ("Fund",)):
                bisect.insort(chain, (match.end(), mention), key=lambda pair: pair[0])
    return chain


def _refers_to(ctx: Context, chain: Chain, offset: int, word: str, labels: tuple[str, ...]) -> list[Mention]:
    """What a reference word at `offset` stands for: a bare noun (集团, 基金) the article's most-named name,
    a pronoun (其) the nearest fitting name, a demonstrative (该基金, 该行) the name in focus — its own
    sentence's subject, else the subject of a sentence just before, else the last fitting name."""
    inside = reference_suffixes(word)
    starts = [s.start for s in ctx.sentences]
    index = max(0, bisect.bisect_right(starts, offset) - 1)
    if word in words("relations", "salient_references"):
        # 其中,F目标规模50亿元,…基金规模…: a bare 基金 after its sentence's own fund stands for that fund;
        # X公告,公司出资…: a bare 公司 after its sentence's own company for that company
        own = [
            m
            for end, m in chain
            if ctx.sentences[index].start < end <= offset
            and _fits(ctx, m, labels, inside)
            and not _source_frame(ctx, m)
        ]
        if not own and officer_reference(ctx.text, offset, offset + len(word)):
            # 集团董事长A with no group named before it in the sentence: the organisation the article is about
            focus = focus_organisation(ctx)
            if focus is not None and _fits(ctx, focus, labels, inside):
                return [focus]
            if house_publisher(ctx) is not None:
                return []  # (rel14) house news (X讯) the article does not name X in: no other group instead
        found = own[:1] or _salient_before(ctx, chain, offset, labels, inside)
        if not found and word in words("relations", "forward_references"):
            # 集团公司董事长A … (the group named only later): the article's group, named in the sentences after
            found = _salient_before(ctx, chain, offset + _FOCUS_WINDOW, labels, inside)
        return found
    if word in words("relations", "nearest_references"):
        return _named_before(ctx, chain, offset, labels, inside)
    for back in range(4):
        if index - back < 0:
            break
        sentence = ctx.sentences[index - back]
        for end, mention in chain:
            if end > min(offset, sentence.end):
                break
            # 某媒体从某平台获悉,X发生变更,该公司…: who reports it is not what 该公司 stands for
            if end > sentence.start and _fits(ctx, mention, labels, inside) and not _in_speech_frame(ctx, mention):
                return [mention]
    return _named_before(ctx, chain, offset, labels, inside)


def _fits(ctx: Context, mention: Mention, labels: tuple[str, ...], inside: tuple[str, ...]) -> bool:
    entity = ctx.entity(mention)
    return entity.label in labels and (not inside or any(w in n for n in entity.names for w in inside))


def _round_company(ctx: Context, sentence: Sentence, at: int) -> list[Mention]:
    """The company a round is about (X完成B轮融资,由A领投; X完成由A领投的B轮融资; …。本轮由A领投)."""
    # this sentence or the text just before it (领投方:A;跟投方:B — a list split over short sentences)
    before = ctx.text[max(0, sentence.start - 120) : sentence.start]
    if sentence.index > 0:
        before = ctx.sentences[sentence.index - 1].text + before
    if not any(w in sentence.text or w in before for w in words("relations", "round_words")):
        return []  # A领投了多个项目: no round in sight, no company to give it
    company = ctx.round_company(sentence, at)
    return [company] if company else []


def _end(
    ctx: Context,
    shape: Shape,
    sentence: Sentence,
    match: re.Match[str],
    filled: dict[str, list[Mention]],
    name: str,
    start: int,
    end: int,
) -> list[Mention]:
    if name == "round":
        return _round_company(ctx, sentence, start)
    if name == "ahead":
        return _funds_ahead(ctx, sentence, end, _count(match.group("count")))
    if name == "listed":
        return _listed_ahead(ctx, sentence, end, _count(match.group("count")))
    if name == "outlet":
        return _document_outlet(ctx)
    if name == "title":
        return _document_title(ctx)
    if name == "government":
        return _government_of(ctx, shape, match, words("relations", "government_names"))
    if name == "party":
        return _government_of(ctx, shape, match, ("委",))
    return filled[name]


def _government_of(ctx: Context, shape: Shape, match: re.Match[str], bodies: tuple[str, ...]) -> list[Mention]:
    """某区区长A / 某区委书记A: the article's organisation named that place (or its tail: 在会上朝阳区 → 朝阳区)
    + 政府 (委 for a party secretary); with no place written (区委书记A), the one such body of that level
    (区) the article names."""
    first, last = match.span("seat")
    seat = ""
    if last > first:
        closing = shape.owner[last - 1]  # the seat may end in a place name (a placeholder standing for it)
        seat = ctx.text[shape.offset[first] : shape.offset[last - 1]] + (
            closing.text if closing is not None else shape.text[last - 1]
        )
    level = match.group("level")
    seat = seat.removesuffix("委")  # 某市委副书记、市长A: the committee's place is the government's
    place = seat if seat.endswith(level) else seat + level  # 朝阳区 + 区长 → 朝阳区; 某某 + 市长 → 某某市
    wanted = {place[i:] + body for i in range(len(place)) for body in bodies}
    fallback: dict[int, Mention] = {}
    for mention in ctx.mentions:
        entity = ctx.entity(mention)
        if entity.label != "Institution":
            continue
        if wanted & set(entity.names):
            return [mention]
        joint = any("委" in n and "政府" in n for n in entity.names)  # 某区委区政府: two bodies written as one
        if not joint and any(
            n.endswith(level + body) and len(n) > len(level + body) for n in entity.names for body in bodies
        ):
            fallback.setdefault(id(entity), mention)
    return list(fallback.values()) if len(fallback) == 1 else []


def _document_title(ctx: Context) -> list[Mention]:
    """The document an article is — a notice, opinion or measures named alone on its first line
    (关于…的通知 / 甲、乙关于…的通知) — for the issuers its body names (A、B决定…,现将有关事项通知如下)."""
    if not any(mark in ctx.text for mark in words("relations", "notice_marks")):
        return []  # a report about a notice, not the notice: its sentences' 决定 issue nothing
    first_line = ctx.text.lstrip().split("\n", 1)[0]
    offset = ctx.text.find(first_line)
    for mention in ctx.mentions:
        inside = offset <= mention.start and mention.end <= offset + len(first_line)
        if not inside or ctx.entity(mention).label != "Policy":
            continue
        # the whole line, or a title (…关于…的通知) opening it with the addressees run on after it
        if len(mention.text) >= len(first_line.strip()) - 2 or (mention.start == offset and "关于" in mention.text):
            return [mention]
    return []


def _forwarded_document(ctx: Context) -> list[Mention]:
    """各有关单位:现将《X》印发给你们,请遵照执行: a notice with no title line forwards the one document named
    in its forwarding sentence — that document is what its signatories issue."""
    for sentence in ctx.sentences:
        if any(mark in sentence.text for mark in words("relations", "forwarding_marks")):
            documents = {id(ctx.entity(m)): m for m in ctx.in_sentence(sentence.index, ("Policy",))}
            return list(documents.values()) if len(documents) == 1 else []
    return []


_SIGNATURE_FILLER = re.compile(r"[\s、,,]*")


def _signatories(ctx: Context) -> list[Found]:
    """A notice signed at its foot — a line of nothing but institutions' names (甲市人民政府 乙银行甲分行) after
    its closing words (请认真贯彻执行) — is issued by each of them (jointly signed notices)."""
    title = _document_title(ctx) or _forwarded_document(ctx)
    if not title:
        return []
    marks = [ctx.text.find(mark) for mark in words("relations", "notice_marks") if mark in ctx.text]
    closing = min(marks)
    out: list[Found] = []
    line_start = ctx.text.find("\n", closing)
    while 0 <= line_start < closing + 400:
        line_end = ctx.text.find("\n", line_start + 1)
        line_end = len(ctx.text) if line_end < 0 else line_end
        names = [m for m in ctx.mentions if line_start <= m.start and m.end <= line_end]
        rest = ctx.text[line_start:line_end]
        for mention in sorted(names, key=lambda m: m.start - m.end):
            rest = rest.replace(mention.text, "")
        if names and _SIGNATURE_FILLER.fullmatch(rest):
            if all(ctx.entity(m).label == "Institution" for m in names):
                sentence, notice = ctx.sentences[names[0].sentence], ctx.entity(title[0])
                for signer in names:
                    out.append(Found("ISSUED", ctx.entity(signer), notice, sentence, 0.7, {}, "signatories"))
            break
        if rest.strip():
            break  # the first line of text after the closing words is no signature: none
        line_start = line_end
    return out


def _ending_in(ctx: Context, mentions: list[Mention], endings: tuple[str, ...]) -> list[Mention]:
    return [m for m in mentions if any(n.endswith(endings) for n in ctx.entity(m).names)]


# X讯, X消息, X(ID:xxx)7月28日消息, 【X】(记者 …)讯: a dateline after the outlet's name.
_DATELINE = re.compile(
    r"[】》」]?\s*(?:[((][^()()\n]{0,30}[))])?\s*(?:[\u4e00-\u9fff]{2,4}(?=\d))?(?:\d{1,2}月\d{1,2}日)?\s*(?:讯|消息|电)"
)


def _document_outlet(ctx: Context) -> list[Mention]:
    """The outlet an article comes from — an organisation right after 来源:/合作媒体: or right before 讯 —
    when the article names exactly one (a compilation of several sources has none)."""
    sources = one_of("relations", "byline_sources")
    found: dict[int, Mention] = {}
    for mention in ctx.mentions:
        if ctx.entity(mention).label not in LABEL_SETS["ORG"]:
            continue
        before = ctx.text[max(0, mention.start - 12) : mention.start]
        if (
            re.search(rf"(?:{sources})\s*[:：]\s*$", before)
            or _DATELINE.match(ctx.text, mention.end)
            or _closing_credit(ctx, mention)
        ):
            found.setdefault(id(ctx.entity(mention)), mention)
    return list(found.values()) if len(found) == 1 else []


_CREDIT_AFTER = re.compile(r"[))]\s*(?:【|\[|$|\n)")


def _closing_credit(ctx: Context, mention: Mention) -> bool:
    """…做好科技金融大文章。(某某网) 【编辑:Y】: an organisation alone in brackets closing a paragraph is the
    outlet the text comes from."""
    if ctx.text[mention.start - 1 : mention.start] not in ("(", "（"):
        return False
    before = ctx.text[max(0, mention.start - 3) : mention.start - 1].rstrip(" \u3000")
    return (not before or before[-1] in "。!?！？\n") and bool(_CREDIT_AFTER.match(ctx.text, mention.end))


def _funds_ahead(ctx: Context, sentence: Sentence, after: int, wanted: int) -> list[Mention]:
    """设立3支母基金 …。这三只母基金中,A和B…,C…: the next `wanted` distinct funds named after `after`,
    in this sentence or the two after it; none unless that many are named."""
    found: list[Mention] = []
    seen: set[int] = set()
    for mention in ctx.mentions:
        if mention.start < after or mention.sentence > sentence.index + 2:
            continue
        entity = ctx.entity(mention)
        if entity.label == "Fund" and id(entity) not in seen and not _is_count(ctx, mention):
            seen.add(id(entity))
            found.append(mention)
        if len(found) == wanted:
            return found
    return []


@cache
def _introduced_list() -> re.Pattern[str]:
    """A list of organisations after the words that introduce one (分别是:A、B / 包括A、B和C)."""
    regex, _slots = compile_pattern("(?:<list_introducers>)[:：]?{items:INV+}")
    return regex


def _listed_ahead(ctx: Context, sentence: Sentence, after: int, wanted: int) -> list[Mention]:
    """由5家企业共同出资设立。…股东分别是:A、B、C: the names of the first introduced list of two or more
    after `after`, in this sentence or the two after it, at most `wanted` of them (the count the text gave)."""
    regex = _introduced_list()
    for index in range(sentence.index, min(len(ctx.sentences), sentence.index + 3)):
        shape = shape_of(ctx, ctx.sentences[index])
        begin = bisect.bisect_left(shape.offset, after) if index == sentence.index else 0
        for match in regex.finditer(shape.text, begin):
            at = shape.offset[match.start()]
            if index != sentence.index and not any(
                w in ctx.text[max(0, at - 20) : at] for w in words("relations", "founder_list_nouns")
            ):
                continue  # a later sentence's list is the founders' only when it says so (股东分别是, 出资方包括)
            start, end = match.span("items")
            items = [m for m in _outside_asides(shape, start, end) if ctx.entity(m).label in LABEL_SETS["INV"]]
            distinct = list({id(ctx.entity(m)): m for m in items}.values())
            if len(distinct) >= 2:
                return distinct[:wanted]
    return []


def _each(ctx: Context, sources: list[Mention], targets: list[Mention]) -> list[tuple[Mention, Mention]]:
    """分别: each source with its own target — the one sharing a distinctive part of its name (华岳资本 →
    湖州华岳产业基金), and the last one left with the last one left; nothing when the counts differ."""
    if len(sources) != len(targets) or not sources:
        return []
    generic = set(words("relations", "generic_name_parts"))

    def parts(mention: Mention) -> set[str]:
        name = ctx.entity(mention).name
        return {name[i : i + 2] for i in range(len(name) - 1)} - generic

    pairs: list[tuple[Mention, Mention]] = []
    left_sources, left_targets = list(sources), list(targets)
    for source in sources:
        shared = [(len(parts(source) & parts(t)), t) for t in left_targets]
        best = max(shared, key=lambda pair: pair[0], default=(0, None))
        if best[1] is not None and best[0] > 0 and sum(1 for n, _ in shared if n == best[0]) == 1:
            pairs.append((source, best[1]))
            left_sources.remove(source)
            left_targets.remove(best[1])
    if len(left_sources) == 1:
        pairs.append((left_sources[0], left_targets[0]))
    return pairs


_VEHICLE_ASIDE = re.compile(r"\s*[((]")
_ASIDE_CLOSE = re.compile(r"[))]")


def _vehicle_owner(ctx: Context, mention: Mention) -> Mention | None:
    """F(Y旗下基金), F(Y产业基金): an aside right after an investor naming it the vehicle of Y — Y invests
    through it (a parent credited with its vehicle's investments)."""
    opening = _VEHICLE_ASIDE.match(ctx.text, mention.end)
    if opening is None:
        return None
    closing = _ASIDE_CLOSE.search(ctx.text, opening.end(), opening.end() + 24)
    if closing is None:
        return None
    inside = [
        m
        for m in ctx.in_sentence(mention.sentence, LABEL_SETS["ORG"])
        if opening.end() <= m.start and m.end <= closing.start()
    ]
    if not inside or inside[0].start != opening.end():
        return None
    rest = ctx.text[inside[0].end : closing.start()]
    return inside[0] if _vehicle_words().fullmatch(rest) else None


@cache
def _vehicle_words() -> re.Pattern[str]:
    nouns = one_of("relations", "vehicle_nouns")
    return re.compile(rf"(?:旗下|下属|的)?(?:的)?[^,,;;。()()]{{0,6}}?(?:{nouns})")


@cache
def _founded_by_regex() -> re.Pattern[str]:
    """由 + founders + a founding verb, over a sentence's shape: the founders a list of names with only the words
    that join founders between them (、和与及, 联合, 牵头, 共同, 出资, 等N家机构, a comma: 由A牵头,联合B等共同设立)."""
    names = "[" + "".join(PLACEHOLDER[label] for label in LABEL_SETS["INV"]) + "]" + _ASIDE
    fillers = one_of("relations", "founding_fillers")
    group = rf"等(?:[^{_BREAKS}{_ANY_NAME}]{{0,10}}?(?:{one_of('relations', 'founder_group_nouns')}))?"
    count = r"[\d一二两三四五六七八九十]+(?:家|方|个|位)"
    role = rf"作为[^{_BREAKS}{_ANY_NAME}]{{0,8}}?(?:人|方)"
    amount = r"(?:约|共|合计|总计)?[\d.一二两三四五六七八九十百千]+(?:万|亿|千万|百万)?(?:元|美元)(?:人民币)?"
    ratio = r"(?:按|以|按照)[\d.:：一二三四五六七八九十%比]{1,12}?(?:的)?(?:出资)?比例"  # 按6:4比例出资设立
    filler = rf"(?:{_JOINER}|[,,\s]|{fillers}|{group}|{count}|{role}|{amount}|{ratio})"
    verbs = one_of("relations", "founding_verbs")
    return re.compile(
        rf"由(?P<founders>{filler}*{names}(?:{filler}|{names})*?)(?P<verb>{verbs})(?!人|方|单位|机构|主体)(?P<attr>的)?"
    )


def founded_by(ctx: Context, chain: Chain, shape: Shape, sentence: Sentence) -> list[Found]:
    """One frame for a founding told in the passive — F由A、B(共同)发起设立 / 由A、B共同发起设立的F / F由A牵头,联合B等
    共同设立 / F是由A与B联合发起的: the founders are the names between 由 and the verb, the founded one the name
    after 的, else the name (or reference: 该基金由…) the clause before 由 is about. A founder that puts money in
    (出资设立, 实缴出资设立) or is described as an investor (A、B等国有基石投资人共同发起设立) invests in it too."""
    out: list[Found] = []
    for match in _founded_by_regex().finditer(shape.text):
        founders = _outside_asides(shape, *match.span("founders"))
        if "分别" in match.group("founders"):
            continue  # A、B分别设立: each its own (constructions pair them)
        wording = match.group("founders") + match.group("verb")
        funded = any(w in wording for w in words("relations", "founder_investor_words"))
        for child in _founded_child(ctx, chain, shape, match):
            for founder in founders:
                if ctx.entity(founder) is ctx.entity(child):
                    continue
                types = ("ESTABLISHED", "INVESTED_IN") if funded else ("ESTABLISHED",)
                if (
                    _owner_of_next_fund(ctx, founder, founders)
                    or _owner_of_next_unit(ctx, founder, founders)
                    or founder not in _units_for_owners(founders)
                ):
                    types = ("INVESTED_IN",) if funded else ()  # X旗下F: F founds it, X invests through F
                for rtype in types:
                    out.append(Found(rtype, ctx.entity(founder), ctx.entity(child), sentence, 0.7, {}, "founded_by"))
    return out


def _founded_child(ctx: Context, chain: Chain, shape: Shape, match: re.Match[str]) -> list[Mention]:
    """What a 由…设立 frame founded: the name right after its 的 (由A设立的(市场化母基金)F), else the name or
    reference word the text before 由 ends its clause chain with (F(成立于2020年,)(是)由…), else the name right
    after the verb when nothing stands before 由 (2020年,由A牵头设立F)."""
    labels = LABEL_SETS["INV"]
    end = match.end()
    after = (
        re.match(rf"[^{_BREAKS}{_ANY_NAME}]{{0,12}}?(?=[{_ANY_NAME}])", shape.text[end:])
        if match.group("attr")
        else None
    )
    if after is not None:
        owner = shape.owner[end + after.end()]
        if owner is not None and ctx.entity(owner).label in labels:
            return [owner]
    start = match.start()
    before = re.search(rf"(?P<name>[{_ANY_NAME}]{_ASIDE})?(?P<gap>[^;;。{_ANY_NAME}]{{0,30}})$", shape.text[:start])
    if before is not None and not before.group("name") and before.start("gap") == 0:
        # rel13 — 该基金总规模30亿元,由A发起: the sentence opens with a reference word, the founded one
        by_word, pattern = _reference_words()
        opening = pattern.match(before.group("gap")) if pattern is not None else None
        if opening is not None and opening.start() == 0 and opening.group(0) in by_word:
            return _refers_to(ctx, chain, shape.offset[0], opening.group(0), by_word[opening.group(0)])
    if before is not None and before.group("name"):
        owner = shape.owner[before.start("name")]
        if re.search(f"[{_BREAKS}]", before.group("gap")):
            # F由A管理,由B出资设立 / F成立于2020年,是由B发起设立的: a clause between — the sentence's subject
            owner = next((m for m in shape.owner if m is not None), owner)
        if owner is not None and ctx.entity(owner).label in labels:
            return [owner]
        return []  # 某人由A…: not a founding of one of these
    words_before = shape.text[max(0, start - 6) : start]
    by_word, pattern = _reference_words()
    if pattern is not None:
        for found in pattern.finditer(words_before):
            if found.end() == len(words_before):
                word = found.group(0)
                return _refers_to(ctx, chain, shape.offset[start - len(word)], word, by_word[word])
    if before is not None and not any(shape.owner[i] for i in range(start)):
        right = re.match(r"(?:了)?(?=[" + _ANY_NAME + "])", shape.text[end:])
        if right is not None:
            owner = shape.owner[end + right.end()]
            if owner is not None and ctx.entity(owner).label in labels:
                return [owner]
    return []


_OWNED_FUND = re.compile(r"(?:旗下|下属|管理|控制)的?")


def _owner_of_next_fund(ctx: Context, mention: Mention, listed: list[Mention]) -> bool:
    """X旗下F in a list: X invests through F (it is credited with F's investments), but founds or runs
    nothing itself — F does."""
    joint = _OWNED_FUND.match(ctx.text, mention.end)
    return joint is not None and any(
        ctx.entity(m).label == "Fund" and 0 <= m.start - joint.end() <= 6 for m in listed if m is not mention
    )


_OWNED_UNIT = re.compile(r"(?:旗下|下属)的?")


def _owner_of_next_unit(ctx: Context, mention: Mention, listed: list[Mention]) -> bool:
    """rel13 — 由A与X旗下Y联合发起: the unit Y named right after its owner founds; X founds nothing itself."""
    joint = _OWNED_UNIT.match(ctx.text, mention.end)
    return joint is not None and any(m.start == joint.end() for m in listed if m is not mention)


# What a unit written right after its group's name (X集团Y资本) does itself, not its group.
_UNIT_ACTS = ("ESTABLISHED", "MANAGES", "SUBSIDIARY_OF")


def _contributor_here(ctx: Context, sentence: Sentence, target: Mention) -> bool:
    """A出资7.5亿元、B出资3.5亿元: a fund named in this sentence as one contributor is not what the others put
    their money into (the fund in focus, left out, is someone else)."""
    entity = ctx.entity(target)
    return any(
        ctx.entity(m) is entity and re.match(r"(?:各|分别|合计|共)?(?:认缴|实缴)?出资", ctx.text[m.end : m.end + 6])
        for m in ctx.in_sentence(sentence.index)
    )


def construction_relations(ctx: Context) -> list[Found]:
    out: list[Found] = _signatories(ctx)
    chain = focus_chain(ctx)
    for sentence in ctx.sentences:
        present = {ctx.entity(m).label for m in ctx.in_sentence(sentence.index)}
        if not present:
            continue  # every construction needs a name of its own sentence
        shape = shape_of(ctx, sentence)
        if "由" in sentence.text:
            out += founded_by(ctx, chain, shape, sentence)
        every = constructions()
        for number in sorted(_possible_constructions(shape.text)):
            construction = every[number]
            if not present & construction.named:
                continue
            for match in construction.regex.finditer(shape.text):
                if match.end() == match.start():
                    continue
                filled = {
                    name: _fill(ctx, chain, shape, match, slot, sentence) for name, slot in construction.slots.items()
                }
                for name in filled:
                    filled[name] = [m for m in filled[name] if not _source_frame(ctx, m)]
                for name, endings in construction.ends.items():
                    filled[name] = _ending_in(ctx, filled[name], endings)
                for name, excluded in construction.excludes.items():
                    filled[name] = [m for m in filled[name] if not any(w in ctx.entity(m).name for w in excluded)]
                start = shape.offset[match.start()]
                end = shape.offset[match.end() - 1] + 1
                properties = dict(parse_amount(ctx.text[start : sentence.end]) or {})
                for rtype, source_name, target_name, *mode in construction.emits:
                    sources = _end(ctx, shape, sentence, match, filled, source_name, start, end)
                    if rtype == "INVESTED_IN":
                        sources += [o for s in sources if (o := _vehicle_owner(ctx, s)) is not None]
                    else:
                        sources = [s for s in sources if not _owner_of_next_fund(ctx, s, sources)]
                        if rtype in _UNIT_ACTS:
                            sources = _units_for_owners(sources)
                    targets = _end(ctx, shape, sentence, match, filled, target_name, start, end)
                    if rtype in _UNIT_ACTS or rtype == "INVESTED_IN":
                        targets = _units_for_owners(targets)
                    if rtype == "INVESTED_IN" and target_name in match.re.groupindex and match.start(target_name) < 0:
                        targets = [t for t in targets if not _contributor_here(ctx, sentence, t)]
                    pairs = _each(ctx, sources, targets) if mode == ["each"] else product(sources, targets)
                    for source, target in pairs:
                        if ctx.entity(source) is ctx.entity(target):
                            continue
                        out.append(
                            Found(
                                rtype,
                                ctx.entity(source),
                                ctx.entity(target),
                                sentence,
                                construction.confidence,
                                dict(properties) if rtype in ("INVESTED_IN", "ESTABLISHED") else {},
                                construction.name,
                            )
                        )
    return out
