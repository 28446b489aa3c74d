"""The organisation an article is about (its focus), for the words and people that leave it unnamed.

A group's or company's own news writes its officers as 集团董事长A, 集团公司党委委员、副总经理B, 总经理C代表
集团作汇报 — the organisation is the one the article is about, named in its title or lead (or, when the lead
itself says only 集团, the one it goes on to name), not whichever organisation stands nearest: a group
visited, another city's group in the same sentence. The focus is the first actor of the lead:

- the title line and the first sentences are read in order; governments and their bodies (市委, 区政府,
  国资委, 管委会) are passed over (an official visiting a group is the group's news), and so are outlets
  (X讯, 来源:X);
- the first organisation left is the focus (A集团党委书记B带队赴C调研: A, not C);
- a bare 集团/公司 opening an officer's title first (集团董事长A带队赴C学习) stands for the organisation of
  that kind the article names most often, not one the lead names itself (C is the host, not the visitor).
"""

from __future__ import annotations

import re
import weakref
from functools import cache

from capgraph.graph.model import Mention

from .lexicon import lexicon, one_of, words
from .relations import ORG, Context, Found
from .resolve import Entity, abbreviates

_LEAD_SENTENCES = 3
_LEAD_CHARACTERS = 400
_SEEN: weakref.WeakKeyDictionary[Context, Mention | None] = weakref.WeakKeyDictionary()


@cache
def _officer_after() -> re.Pattern[str]:
    """What follows a bare 集团/公司 that opens an officer's title: (a unit and) a title (集团党委书记,
    公司财务部总经理)."""
    units = one_of("relations", "org_units")
    titles = one_of("relations", "titles")
    return re.compile(rf"(?:的)?(?:{units}|[^\s,,;;。:：、]{{1,6}}?部)?(?:{titles})")


@cache
def _bare_words() -> re.Pattern[str]:
    """The bare words an organisation's own news writes for itself (集团公司, 集团, 本公司…)."""
    return re.compile(one_of("relations", "focus_references"))


def reference_suffixes(word: str) -> tuple[str, ...]:
    """What a name a reference word stands for must contain (集团 → 集团, 该行 → 行); empty: any name."""
    table = lexicon("relations").get("reference_names", {}) or {}
    return tuple(str(s) for s in table.get(word, []) or [])


def officer_reference(text: str, start: int, end: int) -> bool:
    """Whether the word text[start:end] (集团, 公司) opens an officer's title: 集团董事长A, 公司党委书记B."""
    return text[start:end] in words("relations", "focus_references") and bool(_officer_after().match(text, end))


@cache
def _government_endings() -> tuple[str, ...]:
    return (
        *words("relations", "government_suffixes"),
        *words("relations", "government_names"),
        *words("relations", "government_body_endings"),
    )


def government(entity: Entity) -> bool:
    """A government or one of its bodies (某市委, 区政府, 某局, 管委会): an official's, never a group's own."""
    return entity.label == "Institution" and any(name.endswith(_government_endings()) for name in entity.names)


# What surrounds an outlet or a data source: X(ID:…), 【X】, X从多方获悉, 文 | X, 据X报道/显示.
# (新华社某地某日电; a masthead alone on its line, or with a date: X 2024-01-01)
_OUTLET_AFTER = re.compile(
    r"[》」]?\s*(?:[((]ID|[】\]]|(?:从[^,,。\n]{0,6})?获悉|报道|显示|统计|数据|记者|[((][^()()]{0,8}记者"
    r"|[^,,。\n]{0,8}?\d{1,2}月\d{1,2}日电)"
)
_LINE_END = re.compile(r"[》」]?(?:\s+\d{4}[-年./]|[ \u3000]*(?:\n|$))")
_OUTLET_BEFORE = re.compile(r"(?:(?:文|图文|作者|编辑)\s*[|｜丨/:：]|【|据)\s*$")


def _outlet(ctx: Context, mention: Mention) -> bool:
    """X讯, X记者, 来源:X, 转自:X, 文 | X, 【X】, X(ID:…), 据X报道 — the outlet that reports or the source
    the facts come from, not the organisation reported on."""
    if ctx.text.startswith(words("relations", "dateline_marks"), mention.end):
        return True
    if _OUTLET_AFTER.match(ctx.text, mention.end):
        return True
    before = ctx.text[max(0, mention.start - 8) : mention.start].removesuffix("《").removesuffix("「")
    if _LINE_END.match(ctx.text, mention.end) and (not before or before.endswith("\n")):
        return True  # alone on its line: a masthead, not a name in a sentence
    if _OUTLET_BEFORE.search(before):
        return True
    return before.rstrip(" \u3000:：").endswith(words("relations", "byline_sources"))


def focus_organisation(ctx: Context) -> Mention | None:
    """A mention of the organisation the article is about (see the module's note), or None."""
    if ctx not in _SEEN:
        _SEEN[ctx] = _find_focus(ctx)
    return _SEEN[ctx]


# (rel14) A dateline opening a line of the lead: X讯 / X网讯 (X the one who publishes the article).
_DATELINE_LINE = re.compile(r"(?:^|\n)[ \u3000]*([^\s,,。;;:：、()()《》“”\"]{2,12}?)(?:讯|网讯)[ \u3000]")


def house_publisher(ctx: Context) -> str | None:
    """An organisation's own news says who publishes it in a dateline (X讯) that is no outlet's (no 报, 网,
    社…): its 集团公司/本公司 and its officers' bare titles are that publisher's, not another group named in
    it. The publisher's name, or None (no dateline, or a newspaper's or a site's)."""
    match = _DATELINE_LINE.search(ctx.text, 0, _LEAD_CHARACTERS)
    if match is None:
        return None
    name = match.group(1)
    if name.endswith(words("media", "endings")) or name in words("media", "not_outlets"):
        return None
    return name


def _find_focus(ctx: Context) -> Mention | None:
    publisher = house_publisher(ctx)
    if publisher is not None:
        # house news: the publisher is the focus (when the article names it), else no one named is
        return next((m for m in ctx.mentions if publisher in ctx.entity(m).names), None)
    bare = _bare_words()
    # an outlet once (X讯, 据X报道) is the outlet wherever it is named
    outlets = {id(ctx.entity(m)) for m in ctx.mentions if ctx.entity(m).label in ORG and _outlet(ctx, m)}
    for sentence in ctx.sentences[:_LEAD_SENTENCES]:
        if sentence.start > _LEAD_CHARACTERS:
            break
        named = [
            m
            for m in ctx.in_sentence(sentence.index, ORG)
            if not government(ctx.entity(m)) and id(ctx.entity(m)) not in outlets
        ]
        taken = [(m.start, m.end) for m in ctx.in_sentence(sentence.index)]
        opening = next(
            (
                match
                for match in bare.finditer(ctx.text, sentence.start, sentence.end)
                if not any(s < match.end() and match.start() < e for s, e in taken)
                and officer_reference(ctx.text, match.start(), match.end())
            ),
            None,
        )
        if opening is not None and (not named or opening.start() < named[0].start):
            return _named_elsewhere(ctx, sentence.index, opening.group(0), outlets)
        if named:
            return named[0]
    return None


def _named_elsewhere(ctx: Context, lead: int, word: str, outlets: set[int]) -> Mention | None:
    """The organisation a lead's bare word stands for: of those the word may name (集团: a group), the one
    the article names most often, leaving out those its lead sentence names (and their short forms)."""
    inside = reference_suffixes(word)
    in_lead = [ctx.entity(m) for m in ctx.in_sentence(lead, ORG)]
    count: dict[int, int] = {}
    first: dict[int, Mention] = {}
    for mention in ctx.mentions:
        entity = ctx.entity(mention)
        if entity.label not in ORG or government(entity) or id(entity) in outlets:
            continue
        if inside and not any(w in n for n in entity.names for w in inside):
            continue
        if any(_same_actor(entity, other) for other in in_lead):
            continue
        count[id(entity)] = count.get(id(entity), 0) + 1
        first.setdefault(id(entity), mention)
    if not count:
        return None
    best = max(count, key=lambda key: (count[key], -first[key].start))
    return first[best]


def _same_actor(entity: Entity, other: Entity) -> bool:
    """One name of each is the other's short form: 创元集团 of 苏州创元投资发展(集团)有限公司 (its distinctive
    part written inside the full name), 深创投 of 深圳市创新投资集团."""
    if entity is other:
        return True
    endings = words("relations", "legal_forms")
    for name in entity.names:
        for full in other.names:
            short, long = sorted((name, full), key=len)
            core = short
            for ending in endings:
                core = core.removesuffix(ending)
            if (len(core) >= 2 and core in long) or abbreviates(short, long):
                return True
    return False


@cache
def _title_chain() -> re.Pattern[str]:
    titles = one_of("relations", "titles")
    return re.compile(rf"\s*(?:{titles})(?:(?:、|兼)(?:{titles}))*(?:——|—|\s)*")


def officers_of_focus(ctx: Context) -> list[Found]:
    """会上,总经理A代表集团作汇报 / 。董事长B表示: an officer's title opening its clause with no organisation
    written is the focus organisation's, in a sentence (and after one) that names no other organisation than it,
    governments (an official's visit) and outlets; a host's people, in a sentence about the host, keep to the
    host."""
    focus = focus_organisation(ctx)
    if focus is None:
        return []
    own = ctx.entity(focus)
    officer = set(words("relations", "officer_titles"))
    out = []
    for sentence in ctx.sentences:
        people = [p for p in ctx.in_sentence(sentence.index, ("Person",)) if p.properties.get("title") in officer]
        if not people:
            continue
        named = ctx.in_sentence(sentence.index, ORG)
        around = named + ctx.in_sentence(sentence.index - 1, ORG)
        if any(ctx.entity(m) is not own and not government(ctx.entity(m)) and not _outlet(ctx, m) for m in around):
            continue
        for person in people:
            if any(ctx.entity(m) is not own and m.end <= person.start for m in named):
                continue  # 区国资委主任A: a body of its own before the title
            opening = max(ctx.text.rfind(mark, sentence.start, person.start) for mark in _CLAUSE_MARKS)
            if _title_chain().fullmatch(ctx.text, max(opening + 1, sentence.start), person.start):
                title = str(person.properties["title"])
                out.append(Found("AFFILIATED_WITH", ctx.entity(person), own, sentence, 0.6, {"title": title}))
    return out


_CLAUSE_MARKS = (",", ";", ":", "：", "。", "、", "\n")
