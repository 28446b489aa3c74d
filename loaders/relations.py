"""Relationships from trigger words and the constructions this field writes in.

Each rule looks at one sentence (sometimes the sentences before it, for the subject in focus),
and every edge carries that sentence as evidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from capgraph.graph.model import Mention, Sentence
from capgraph.graph.schema import endpoints_allowed

from .entities import parse_amount
from .gazetteer import known_actors
from .lexicon import alternation, lexicon, one_of, words
from .prefilter import finditer
from .resolve import Entity

ORG = ("Institution", "Company")
_CLAUSE_BREAK = re.compile(r"[,,;;:：。!?]")
_DATE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日")
# A round statement: (X今日宣布)完成…融资, 获…轮融资 — its company is named right before it.
_ASIDE = re.compile(r"[((][^()()]*[))]")
_ROUND_STATEMENT = re.compile(r"(?:完成|宣布|获得|获|迎来|再获|新获|拿到|斩获|启动|开启)[^,,;;。]{0,24}?(?:融资|轮)")
# A company receiving or completing a round written with its investors first (Y获得由A领投…的B轮融资).
_RECEIVES_ROUND = re.compile(r"(?:近日|日前|已|已经|正式|今日|宣布|再次)*(?:获得|完成|迎来)(?:了)?由")
_JOINERS = re.compile(r"^(?:、|和|与|及|以及|,|通过|会同|联合|携手|等|等单位|等机构|等企业|\s)*$")


@dataclass
class Found:
    type: str
    source: Entity
    target: Entity
    sentence: Sentence
    confidence: float
    properties: dict[str, object] = field(default_factory=dict)
    rule: str = ""  # the rule or construction that found it (for `bench/relations_alone.py --show`)


class Context:
    """The mentions of one document, with their entities and sentences, for the rules to query."""

    def __init__(
        self, text: str, sentences: list[Sentence], mentions: list[Mention], entity_of: Callable[[Mention], Entity]
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.mentions = mentions
        self.entity = entity_of
        self.by_sentence: dict[int, list[Mention]] = {}
        # a trigger vocabulary's words in each sentence (see _triggers), read once per vocabulary
        self.vocabulary_hits: dict[int, tuple[tuple[str, ...], dict[int, list[re.Match[str]]], set[int]]] = {}
        for mention in mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)

    def in_sentence(self, index: int, labels: tuple[str, ...] | None = None) -> list[Mention]:
        found = self.by_sentence.get(index, [])
        if labels is None:
            return list(found)
        return [m for m in found if self.entity(m).label in labels]

    def topic_before(
        self, offset: int, labels: tuple[str, ...] = ORG, kind: str | None = None, within: int = 4000
    ) -> Mention | None:
        """The last organisation mentioned before `offset`: the subject an elliptical sentence is about."""
        for mention in reversed(self.mentions):
            if mention.end <= offset and offset - mention.end <= within:
                entity = self.entity(mention)
                if entity.label in labels and (kind is None or entity.kind == kind):
                    return mention
        return None

    def round_company(self, sentence: Sentence, at: int, within: int = 1500) -> Mention | None:
        """The company a financing round is about: that of the latest round statement (X今日宣布完成…融资,
        X(英文名)已完成C轮融资) starting before `at` in this sentence; else one before 融资 in it (X的C轮融资由A
        领投); else one receiving a round its investors are written into (Y获得由A领投…的融资); else that of the
        statement after `at` in this sentence (由A领投,X宣布完成…); else that of a statement a few lines back,
        else that of the article's first statement. A statement whose company is no name the article knows
        gives none: the round is not another company's."""
        here = [m for m in _ROUND_STATEMENT.finditer(self.text, sentence.start, sentence.end) if m.start() < at]
        if here:
            return self._statement_company(here[-1], sentence)
        named = [m for m in self.in_sentence(sentence.index, ("Company",)) if "融资" in self.text[m.end : at]]
        if named:
            return named[-1]
        receiving = [
            m
            for m in self.in_sentence(sentence.index, ("Company",))
            if m.end <= at and _RECEIVES_ROUND.match(self.text, m.end)
        ]
        if receiving:
            return receiving[-1]  # Y近日获得由A领投,B跟投的B轮融资: the round is Y's, whatever came before
        later = list(_ROUND_STATEMENT.finditer(self.text, at, sentence.end))
        if later:
            # 由A领投、B跟投,X今日宣布完成B轮融资: the statement after the investors, when no other company
            # stands between them (A领投了Y的A轮融资,X完成B轮融资: A's round is Y's)
            company = self._statement_company(later[0], sentence)
            between = [m for m in self.in_sentence(sentence.index, ("Company",)) if at <= m.start < later[0].start()]
            if company is not None and all(m is company for m in between):
                return company
        back = list(_ROUND_STATEMENT.finditer(self.text, max(0, sentence.start - within), sentence.start))
        if back:
            return self._statement_company(back[-1], self._sentence_at(back[-1].start()))
        # far from any statement: the round the article opened with (its title or lead), not whichever company
        # the text before happened to name last (a customer, a peer)
        lead = _ROUND_STATEMENT.search(self.text, 0, sentence.start)
        if lead is not None:
            return self._statement_company(lead, self._sentence_at(lead.start()))
        return self.topic_before(sentence.start, ("Company",), within=400)

    def _sentence_at(self, offset: int) -> Sentence:
        starts = [s.start for s in self.sentences]
        return self.sentences[max(0, bisect.bisect_right(starts, offset) - 1)]

    def _statement_company(self, statement: re.Match[str], sentence: Sentence) -> Mention | None:
        """The company a round statement is about: named right before it; else named inside it (A宣布领投X的B轮
        融资: X); else the company its sentence opens with when nothing named stands between (X近日召开发布会,
        宣布完成…融资)."""
        named = self._named_right_before(statement.start())
        if named is not None:
            return named
        roles = words("relations", "round_roles")
        inside = [
            m
            for m in self.in_sentence(sentence.index, ("Company",))
            if statement.start() <= m.start
            and m.end <= statement.end()
            and any(w in self.text[statement.start() : m.start] for w in roles)  # 宣布领投X, not 获得X…投资
        ]
        if inside:
            return inside[0]
        before = [m for m in self.in_sentence(sentence.index) if m.end <= statement.start()]
        opening = self.text[sentence.start : before[0].start] if before else ""
        if (
            len(before) == 1
            and self.entity(before[0]).label == "Company"
            and len(opening) <= 12
            and not _CLAUSE_BREAK.search(re.sub(r"[,,]\s*$", "", opening))  # 据悉,X…: a frame, not a clause
        ):
            return before[0]
        return None

    def _named_right_before(self, offset: int) -> Mention | None:
        """The company named just before `offset` (a few characters, an aside in brackets aside), if any."""
        for mention in reversed(self.mentions):
            if mention.end > offset:
                continue
            between = _ASIDE.sub("", self.text[mention.end : offset])
            if len(between) > 12 or "。" in between or "\n" in between or self.entity(mention).label != "Company":
                return None  # too far, or another name stands between: the statement is not about a company
            return mention
        return None

    def group_before(self, index: int, position: int, labels: tuple[str, ...], gap: int = 8) -> list[Mention]:
        """Mentions ending just before `position` in the sentence, joined as a list (A、B和C, X通过F)."""
        group: list[Mention] = []
        edge = position
        for mention in reversed(self.in_sentence(index)):
            if mention.end > edge:
                continue
            between = self.text[mention.end : edge]
            if _unclosed(between):
                # X(Z旗下企业)参股…: Z is inside an aside; the name before the bracket is the one
                opening = max(self.text.rfind("(", 0, mention.start), self.text.rfind("（", 0, mention.start))
                if opening >= 0:
                    edge = opening
                continue
            if self.entity(mention).label in labels and (len(between) <= gap and not _CLAUSE_BREAK.search(between)):
                if group and not _JOINERS.match(between):
                    break
                group.append(mention)
                edge = mention.start
            elif mention.end <= edge:
                break
        return list(reversed(group))

    def group_after(self, index: int, position: int, labels: tuple[str, ...], gap: int = 24) -> list[Mention]:
        group: list[Mention] = []
        edge = position
        for mention in self.in_sentence(index):
            if mention.start < edge:
                continue
            between = self.text[edge : mention.start]
            if group and not _JOINERS.match(between):
                break
            if not group and (len(between) > gap or _CLAUSE_BREAK.search(between)):
                break
            if self.entity(mention).label in labels:
                group.append(mention)
                edge = mention.end
            elif group:
                break
        return group


def _unclosed(text: str) -> bool:
    """A closing bracket with no opening one: the text starts inside an aside."""
    return text.count(")") + text.count("）") > text.count("(") + text.count("（")


def _triggers(
    sentence: Sentence, vocabulary: tuple[str, ...], ctx: Context | None = None
) -> list[tuple[int, int, str]]:
    """Non-overlapping trigger occurrences (document offsets), longest words first; a word inside a
    name (投资 in 高瓴投资) is no trigger."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] | None = None
    if ctx is None:
        matches: list[re.Match[str]] = list(_vocabulary_re(vocabulary).finditer(sentence.text))
        offset = sentence.start
    else:
        matches, offset = _hits_in(ctx, vocabulary, sentence), 0
    for match in matches:
        if taken is None:  # most sentences hold no trigger: their names are looked at only when one does
            taken = [(m.start, m.end) for m in ctx.in_sentence(sentence.index)] if ctx is not None else []
        start, end = offset + match.start(), offset + match.end()
        if any(start < e and s < end for s, e in taken):
            continue
        found.append((start, end, match.group(0)))
    return found


def _hits_in(ctx: Context, vocabulary: tuple[str, ...], sentence: Sentence) -> list[re.Match[str]]:
    """The vocabulary's words in a sentence (document offsets), as if the sentence alone were searched: the
    document is searched once per vocabulary and its words dealt out to their sentences; a sentence a word
    runs into or out of is searched alone (there a shorter word may stand)."""
    known = ctx.vocabulary_hits.get(id(vocabulary))
    if known is None or known[0] is not vocabulary:
        inside: dict[int, list[re.Match[str]]] = {}
        alone: set[int] = set()
        starts = [s.start for s in ctx.sentences]
        for match in _vocabulary_re(vocabulary).finditer(ctx.text):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and match.end() <= ctx.sentences[index].end:
                inside.setdefault(index, []).append(match)
            else:
                alone.update(range(max(index, 0), bisect.bisect_left(starts, match.end())))
        known = (vocabulary, inside, alone)
        ctx.vocabulary_hits[id(vocabulary)] = known
    _vocabulary, inside, alone = known
    own = 0 <= sentence.index < len(ctx.sentences) and ctx.sentences[sentence.index] is sentence
    if sentence.index in alone or not own:
        return list(_vocabulary_re(vocabulary).finditer(ctx.text, sentence.start, sentence.end))
    return inside.get(sentence.index, [])


# vocabulary tuples by identity (the lexicon hands out one tuple per list): hashing a long tuple on every
# sentence cost more than matching; the tuple is kept in the value, so its id cannot be reused
_VOCABULARY_RES: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def _vocabulary_re(vocabulary: tuple[str, ...]) -> re.Pattern[str]:
    known = _VOCABULARY_RES.get(id(vocabulary))
    if known is not None and known[0] is vocabulary:
        return known[1]
    regex = _compiled_vocabulary(vocabulary)
    _VOCABULARY_RES[id(vocabulary)] = (vocabulary, regex)
    return regex


@cache
def _compiled_vocabulary(vocabulary: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(vocabulary, key=len, reverse=True)))


def _date(sentence: Sentence) -> dict[str, object]:
    match = _DATE.search(sentence.text)
    return {"date": match.group(0)} if match else {}


def issued(ctx: Context) -> list[Found]:
    out = []
    for sentence in ctx.sentences:
        policies = ctx.in_sentence(sentence.index, ("Policy",))
        if not policies:
            continue
        for start, end, _ in _triggers(sentence, words("relations", "issued"), ctx):
            after = [p for p in policies if 0 <= p.start - end <= 16]
            if not after:
                continue
            issuers = ctx.group_before(sentence.index, start, ("Institution",), gap=6)
            for issuer in issuers:
                out.append(Found("ISSUED", ctx.entity(issuer), ctx.entity(after[0]), sentence, 0.9, _date(sentence)))
    return out


def manages(ctx: Context) -> list[Found]:
    out = []
    for sentence in ctx.sentences:
        funds = ctx.in_sentence(sentence.index, ("Fund",))
        if not funds:
            continue
        for start, _end, _ in _triggers(sentence, words("relations", "manages"), ctx):
            managers = ctx.group_before(sentence.index, start, ("Institution",), gap=4)
            if not managers:
                continue
            manager = managers[-1]
            fund = min(funds, key=lambda f: abs(f.start - manager.start))
            after = manager.start < fund.start
            between = ctx.text[manager.end : fund.start] if after else ctx.text[fund.end : manager.start]
            if _CLAUSE_BREAK.search(between) and not (fund.start < manager.start and "由" in between):
                continue  # X加强风险管理,F规模扩大: the fund is another clause's subject (F,由X管理 is one)
            out.append(Found("MANAGES", ctx.entity(manager), ctx.entity(fund), sentence, 0.85))
    return out


def subsidiaries(ctx: Context) -> list[Found]:
    out = []
    for sentence in ctx.sentences:
        for start, end, word in _triggers(sentence, words("relations", "subsidiary"), ctx):
            children = _before_partner(
                ctx, ctx.group_after(sentence.index, end, ("Institution", "Company", "Fund"), gap=2)
            )
            parents = ctx.group_before(sentence.index, start, ORG, gap=3)
            confidence = 0.85
            copula = None
            if not children and "子公司" in word and parents:
                # Y是X(的)全资子公司: the child before the copula
                copula = alternation("relations", "copulas", "$").search(
                    ctx.text[max(sentence.start, parents[0].start - 4) : parents[0].start]
                )
                if copula:
                    at = parents[0].start - len(copula.group(0))
                    children = ctx.group_before(sentence.index, at, ("Institution", "Company", "Fund"), gap=3)
            if not children and "子公司" in word and not copula:
                # A、B和C 3家全资子公司: the children are listed before the word (a count between, no verb)
                children = ctx.group_before(sentence.index, start, ("Institution", "Company"), gap=8)
                between = ctx.text[children[-1].end : start] if children else ""
                if children and not _COUNTED_LIST.match(between):
                    children = []
                elif len(children) == 1 and not re.search(r"[\d一二两三四五六七八九十]", between):
                    children = []  # Y——X全资子公司: one name right before the word is the parent, no list
                parents = []
                opener = re.search(r"(旗下|下属)", ctx.text[sentence.start : start])
                if opener:
                    parents = ctx.group_before(sentence.index, sentence.start + opener.start(), ORG, gap=3)
            if children and not parents:
                # 旗下Y with no parent named: its clause's subject; a clause opening with the word: the
                # sentence's subject, else the organisation in focus; 集团所属Y after another clause's names
                # is no child of those names
                clause_start = _clause_start(ctx.text, sentence, start)
                before = [m for m in ctx.in_sentence(sentence.index, ORG) if m.end <= min(start, children[0].start)]
                subject = [m for m in before if clause_start <= m.start]
                topic = subject[0] if subject else None
                if topic is None and not ctx.text[clause_start:start].strip():
                    topic = before[0] if before else ctx.topic_before(sentence.start, within=600)
                parents = [topic] if topic else []
                confidence = 0.6
            # rel15: A、X旗下Y、B: an owner and its unit are one item of a longer list, B is the next item
            listed = parents and ctx.text[max(sentence.start, parents[-1].start - 1) : parents[-1].start] == "、"
            if listed and children:
                children = children[:1]
            for parent in parents[-1:]:
                for child in children:
                    out.append(Found("SUBSIDIARY_OF", ctx.entity(child), ctx.entity(parent), sentence, confidence))
    return out


_COUNTED_LIST = re.compile(r"^(?:等)?\s*(?:\d+|[一二两三四五六七八九十]+)?\s*(?:家|个)?(?:全资|控股)?$")


def _before_partner(ctx: Context, listed: list[Mention]) -> list[Mention]:
    """旗下A与B共同设立…: the list ends where a partner joins (与, 联合), B is no child."""
    for at in range(1, len(listed)):
        if re.search(r"与|同|联合|携手|会同", ctx.text[listed[at - 1].end : listed[at].start]):
            return listed[:at]
    return listed


def established(ctx: Context) -> list[Found]:
    out = []
    for sentence in ctx.sentences:
        for start, end, _ in _triggers(sentence, words("relations", "established"), ctx):
            if alternation("relations", "founder_nouns").match(ctx.text, start):
                continue  # 发起单位是A与B, 设立方: a noun naming the founders, not the act (constructions read it)
            targets = [
                m
                for m in ctx.in_sentence(sentence.index, ("Fund", "Institution", "Company"))
                if 0 <= m.start - end <= 20 and not _CLAUSE_BREAK.search(ctx.text[end : m.start])
            ]
            if targets and ctx.text[end : targets[0].start] == "、":
                targets = []  # rel13 — 由A发起、B参与设立的F: a name after 、 is the next party, not the founded
            confidence = 0.85
            if targets:
                # X发起设立A、B和C: every fund of the list
                listed = ctx.group_after(sentence.index, targets[0].start, ("Fund", "Institution", "Company"), gap=0)
                targets = [t for t in listed if ctx.entity(t).label == ctx.entity(targets[0]).label] or targets[:1]
            else:
                # X发起设立首批三只区域基金: the last list of that many named funds
                targets = _counted_funds(ctx, sentence, end)
                confidence = 0.7
            if not targets:
                out += _established_by(ctx, sentence, start)
                continue
            target = targets[0]
            clause_start = _clause_start(ctx.text, sentence, start)
            clause = ctx.text[clause_start:start]
            founders = ctx.group_before(sentence.index, start, ("Institution", "Company", "Fund"), gap=12)
            founders = [f for f in _units_for_owners(founders) if f.start >= clause_start and not _supporter(ctx, f)]
            partners = re.match(r"^(?:\S{0,12}?)(与|同|联合|携手)", clause)
            if partners and not any(
                0 <= m.start - clause_start - partners.end() <= 2 for m in ctx.in_sentence(sentence.index)
            ):
                partners = None  # 同一时期成立的Y: 同 is no "together with" when no partner is named after it
            if partners and "分别" in clause[partners.end() :]:
                continue  # X与A、B分别设立F1和F2: each partner its own fund (constructions pair them)
            if partners:
                # X与A、B等单位合作成立F: the partners and the subject X (or the one in focus)
                first = clause_start + partners.end()
                # the list right before 与 (X旗下Y与Z…: Y, not its owner X)
                subject = [
                    m
                    for m in ctx.group_before(sentence.index, clause_start + partners.start(1), ORG, gap=2)
                    if m.start >= clause_start
                ]
                referred = any(w in clause[: partners.start(1)] for w in _reference_words())
                if not subject and not referred:
                    # 与A、B等单位合作成立F with no subject: the organisation in focus
                    topic = ctx.topic_before(first, within=1500)
                    subject = [topic] if topic else []
                    confidence = 0.6
                founders = subject + [f for f in founders if f.start >= first]
            if not founders and ctx.text.startswith("的", end):
                continue  # 还有同一时期成立的Y: a founding told of Y with no founder, not the sentence subject's
            if not founders:
                subject = _sentence_subject(ctx, sentence, start)
                founders = [subject] if subject else []
                confidence = min(confidence, 0.7)
            properties = parse_amount(ctx.text[end : target.start]) if target.start >= end else None
            for founder in founders:
                for child in targets:
                    if founder is child or ctx.entity(founder) is ctx.entity(child):
                        continue
                    out.append(
                        Found(
                            "ESTABLISHED",
                            ctx.entity(founder),
                            ctx.entity(child),
                            sentence,
                            confidence,
                            {**(properties or {}), **_date(sentence)},
                        )
                    )
        out += _counted_passive(ctx, sentence)
    return out


_SUPPORT = re.compile(r"(?:的)?(?:大力|积极|全力)?(?:支持|指导|推动|见证|协调|帮助|推荐|牵线)(?:下|之下)")


def _units_for_owners(listed: list[Mention]) -> list[Mention]:
    """由X集团Y资本发起设立: a group written right before its unit (no word between) acts through it — the unit
    is the founder."""
    return [m for m in listed if not any(other.start == m.end for other in listed if other is not m)]


def _supporter(ctx: Context, mention: Mention) -> bool:
    """在X(的)支持下成立Y: X backs the founding, the founder is the sentence's subject."""
    return ctx.text[mention.start - 1 : mention.start] == "在" and bool(_SUPPORT.match(ctx.text, mention.end))


@cache
def _reference_words() -> tuple[str, ...]:
    """Words standing for a name (该基金, 母基金, 该公司): a subject the constructions resolve."""
    table = lexicon("relations").get("references", {}) or {}
    return tuple({str(w) for listed in table.values() for w in listed or [] if len(str(w)) > 1})


def _established_by(ctx: Context, sentence: Sentence, start: int) -> list[Found]:
    """F由X(、Y)(共同)出资设立: the founders after 由, the fund or company before it."""
    founders = ctx.group_before(sentence.index, start, ("Institution", "Company", "Fund"), gap=6)
    if not founders or ctx.text[founders[0].start - 1 : founders[0].start] != "由":
        return []
    founders = _units_for_owners(founders)
    children = ctx.group_before(sentence.index, founders[0].start - 1, ("Fund", "Institution", "Company"), gap=4)
    out = []
    for child in children[-1:]:
        for founder in founders:
            if ctx.entity(founder) is not ctx.entity(child):
                props = {**(parse_amount(ctx.text[start : sentence.end]) or {}), **_date(sentence)}
                out.append(Found("ESTABLISHED", ctx.entity(founder), ctx.entity(child), sentence, 0.8, props))
    return out


_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@cache
def _counted_re() -> re.Pattern[str]:
    nouns = one_of("relations", "counted_fund_nouns")
    return re.compile(rf"(?:首批|第一批|第二批|新一批|新)?(\d+|[一二两三四五六七八九十])只({nouns})")


def _count(token: str) -> int:
    return int(token) if token.isdigit() else _NUMERALS.get(token, 0)


def _fund_lists_before(ctx: Context, position: int, within: int = 3000) -> list[list[Mention]]:
    """Lists of two or more named funds (A、B和C) ending before `position`, nearest last."""
    lists: list[list[Mention]] = []
    current: list[Mention] = []
    for mention in ctx.mentions:
        if mention.end > position or position - mention.end > within or ctx.entity(mention).label != "Fund":
            continue
        if (
            current
            and mention.sentence == current[-1].sentence
            and _JOINERS.match(ctx.text[current[-1].end : mention.start])
            and ctx.entity(mention) is not ctx.entity(current[-1])
        ):
            current.append(mention)
            continue
        if len(current) >= 2:
            lists.append(current)
        current = [mention]
    if len(current) >= 2:
        lists.append(current)
    return lists


def _counted_funds(ctx: Context, sentence: Sentence, end: int) -> list[Mention]:
    """设立首批三只区域基金 (no name after the verb): the nearest earlier list of exactly that many funds."""
    match = _counted_re().match(ctx.text, end, sentence.end)
    if not match or _count(match.group(1)) < 2:
        return []
    wanted = _count(match.group(1))
    for group in reversed(_fund_lists_before(ctx, end)):
        if len(group) == wanted:
            return group
    return []


def _counted_passive(ctx: Context, sentence: Sentence) -> list[Found]:
    """F启动,A、B、C三只区域基金设立运行: funds counted as a lower tier (区域基金, 子基金) and set up, with
    no founder named, belong to the fund the sentence is about (a Fund before the list, in an earlier clause)."""
    out = []
    sub_nouns = set(words("relations", "sub_fund_nouns"))
    passive = words("relations", "passive_established")
    for match in finditer(_counted_re(), sentence.text):  # speed13: none at once in a sentence without 只
        if match.group(2) not in sub_nouns:
            continue
        at = sentence.start + match.start()
        after = ctx.text[sentence.start + match.end() : sentence.end]
        if not any(re.match(rf"(?:已|均已|均|正式|同步|同时)?{re.escape(p)}", after) for p in passive):
            continue
        children = ctx.group_before(sentence.index, at, ("Fund",), gap=2)
        if len(children) != _count(match.group(1)):
            continue
        clause_start = _clause_start(ctx.text, sentence, children[0].start)
        parents = [m for m in ctx.in_sentence(sentence.index, ("Fund",)) if m.end <= clause_start]
        if not parents:
            continue
        parent = parents[-1]
        for child in children:
            if ctx.entity(child) is not ctx.entity(parent):
                out.append(Found("ESTABLISHED", ctx.entity(parent), ctx.entity(child), sentence, 0.6, _date(sentence)))
    return out


def _sentence_subject(ctx: Context, sentence: Sentence, before: int) -> Mention | None:
    """The actor a sentence opens with (after a time or a 在…层面 adverbial): 引导基金公司通过…,在…,发起设立…"""
    # 某社某地10月24日电(记者 A)23日,X在沪成立Y: the dateline's outlet and reporter are no part of the sentence
    dateline = _DATELINE_OPENING.match(ctx.text, sentence.start, before)
    begin = dateline.end() if dateline else sentence.start
    candidates = [
        m
        for m in ctx.in_sentence(sentence.index, ("Institution", "Company", "Fund"))
        if begin <= m.start and m.end <= before
    ]
    if not candidates:
        return None
    first = candidates[0]
    opener = ctx.text[begin : first.start]
    if opener and not re.fullmatch(r"(?:[^,,;;。]{0,14}[,,])?(?:近日|日前|目前|此外|同时|随后)?[,,]?", opener):
        return None
    rest = re.sub(r"^[((][^()()]*[))]", "", ctx.text[first.end : before])  # X(简称“Y”)在…: the aside aside
    persons = [p for p in ctx.in_sentence(sentence.index, ("Person",)) if p.start >= begin]
    if persons or not re.match(_SUBJECT_FOLLOWERS, rest):
        return None  # a speaker's organisation (X局长Y介绍,…), a modifier (X的) or a list head: not the actor
    return first


_DATELINE_OPENING = re.compile(r"[^。,,\n]{2,30}?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[((][^()()\n]{0,30}[))])?")
_SUBJECT_FOLLOWERS = (
    r"(?:通过|将|已|还|则|在|于|也|又|再|正式|拟|计划|共|先后|分别|依托|围绕|按照|采取|采用|以"
    r"|近日|日前|,|,)"
)


def _clause_start(text: str, sentence: Sentence, position: int) -> int:
    for at in range(position - 1, sentence.start - 1, -1):
        if text[at] in ",,;;:：":
            return at + 1
    return sentence.start


def invested(ctx: Context) -> list[Found]:
    out = []
    for sentence in ctx.sentences:
        for start, end, word in _triggers(sentence, words("relations", "invested"), ctx):
            if alternation("relations", "investment_nouns", "^").match(ctx.text[end:]):
                continue  # 投资方包括…, 投资机构, 投资规模: a noun, not the verb
            investors, investees = _toward(ctx, sentence, start, end)
            confidence = 0.85
            if not investees:
                if ctx.text[end : end + 1] in ("、", ",", ",", " ", "\u3000"):
                    # A领投、B、C跟投 (or a space after 领投): the names after are co-investors, not the company
                    investees = []
                else:
                    investees = ctx.group_after(sentence.index, end, ("Company", "Fund", "Institution"), gap=14)
                    if investees and ctx.text[end : investees[0].start].endswith("、"):
                        investees = []  # A出资60%、B出资40%: a name after 、 is the next contributor, not the investee
                    if investees and _PARTNER_BEFORE.search(ctx.text, end, investees[0].start):
                        investees = []  # A出资10亿元与B共同设立F: B is a partner, not an investee
                investors = ctx.group_before(sentence.index, start, ("Institution", "Fund", "Company"), gap=10)
                first = investors[0].start if investors else 0
                if investors and _BESIDES.search(ctx.text, max(sentence.start, first - 3), first):
                    investors = []  # X除了A还投资了B: A is another of X's investees, not B's investor
            if not investees and investors and word in words("relations", "round_roles"):
                investees = _round_target(ctx, sentence, investors[0], start, word)
                confidence = 0.7
            if not investees:
                continue
            for investor in investors:
                for investee in investees:
                    if investor is not investee:
                        out.append(
                            Found(
                                "INVESTED_IN",
                                ctx.entity(investor),
                                ctx.entity(investee),
                                sentence,
                                confidence,
                                {**(parse_amount(sentence.text) or {}), **_date(sentence)},
                            )
                        )
        # X完成B轮融资,投资方包括A、B和C: the listed investors, the company the round is about
        for start, end, _ in _triggers(sentence, words("relations", "investor_lists"), ctx):
            investors = ctx.group_after(sentence.index, end, ("Institution", "Fund", "Company"), gap=2)
            if not investors:
                continue
            for investee in _round_target(ctx, sentence, investors[0], start, ""):
                for investor in investors:
                    if ctx.entity(investor) is not ctx.entity(investee):
                        out.append(Found("INVESTED_IN", ctx.entity(investor), ctx.entity(investee), sentence, 0.7))
        # 直投项目34个,重点支持A、B等企业: the investor in focus, the companies listed
        for _start, end, _ in _triggers(sentence, words("relations", "portfolio"), ctx):
            investees = [m for m in ctx.in_sentence(sentence.index, ("Company",)) if m.start >= end]
            topic = ctx.topic_before(sentence.start, ("Institution",), kind="investor", within=800)
            if topic is None:
                continue
            for investee in investees:
                out.append(Found("INVESTED_IN", ctx.entity(topic), ctx.entity(investee), sentence, 0.6))
    return out


INVESTABLE = ("Company", "Fund", "Institution")
_PARTNER_BEFORE = re.compile(r"(?:与|同|联合|携手|会同)$")
_BESIDES = re.compile(r"除(?:了)?$")  # 除了A还…: A named as an exception, not the subject
_VERB_AS_NOUN = re.compile(r"(?:扩股)?(?:项目|计划|需求|方案|提供|给予|配套)")


def _toward(ctx: Context, sentence: Sentence, start: int, end: int) -> tuple[list[Mention], list[Mention]]:
    """X向/对Y增资(注资, 投资): the investee between the preposition and the verb, the investor before it."""
    if _VERB_AS_NOUN.match(ctx.text, end):
        return [], []  # X对Y增资扩股项目提供融资: the verb names a project someone else finances
    targets = ctx.group_before(sentence.index, start, INVESTABLE, gap=4)
    if not targets:
        return [], []
    before = ctx.text[max(sentence.start, targets[0].start - 3) : targets[0].start]
    match = alternation("relations", "toward", "$").search(before)
    if not match:
        return [], []
    at = targets[0].start - len(match.group(0))
    investors = ctx.group_before(sentence.index, at, INVESTABLE, gap=8)
    return (investors, targets) if investors else ([], [])


def _round_target(ctx: Context, sentence: Sentence, first: Mention, start: int, word: str) -> list[Mention]:
    """The company a round's investors put money into: X获得A(的)投资; X完成B轮融资,由A领投; 本轮融资由A领投."""
    before = ctx.text[max(sentence.start, first.start - 4) : first.start]
    receives = alternation("relations", "receives", "$").search(before)
    if receives and first.start < start:
        at = first.start - len(receives.group(0))
        while at > sentence.start and ctx.text[at - 1] in "曾已还也再":
            at -= 1
        return ctx.group_before(sentence.index, at, ("Company", "Institution"), gap=2)[-1:]
    if word == "投资" and not before.endswith("由"):
        return []  # X累计投资超百亿元: no round named
    if not any(w in sentence.text for w in words("relations", "round_words")):
        return []  # (由A领投、B跟投,X宣布完成B轮融资: the round may be named after its investors)
    company = ctx.round_company(sentence, min(first.start, start))
    return [company] if company else []


def affiliations(ctx: Context) -> list[Found]:
    out = []
    titles = words("persons", "titles")
    heads = set(words("relations", "government_heads"))
    for sentence in ctx.sentences:
        for person in ctx.in_sentence(sentence.index, ("Person",)):
            title = person.properties.get("title")
            if not title:
                continue
            orgs = ctx.in_sentence(sentence.index, ORG)
            before = [o for o in orgs if o.end <= person.start]
            people = [p.start for p in ctx.in_sentence(sentence.index, ("Person",)) if p is not person]
            chosen: list[Mention] = []
            # ORG1高级副总裁、ORG2董事长NAME: every organisation followed by a title in the chain — within one
            # enumeration item (X副主任A、Y副行长B: X is A's, not B's)
            edge = person.start
            for org in reversed(before):
                between = ctx.text[org.end : edge]
                if any(org.end <= at < edge for at in people):
                    break
                if any(between.startswith(t) for t in titles) and len(between) <= 8:
                    chosen.append(org)
                    edge = org.start
                    continue
                # a head of government (副省长A) near an organisation of another kind is its guest, not its own
                guest = title in heads and not any(n.endswith("政府") for n in ctx.entity(org).names)
                # X访谈了Y公司创始人A / X与Y公司董事长A: a verb or a partner between — A is another party's
                other = alternation("relations", "affiliation_breaks").search(between)
                if not chosen and person.start - org.end <= 16 and not guest and not other:
                    chosen.append(org)
                break
            for org in chosen:
                out.append(
                    Found("AFFILIATED_WITH", ctx.entity(person), ctx.entity(org), sentence, 0.85, {"title": title})
                )
    out += _author_notes(ctx)
    out += founders_after_company(ctx)
    return out


def founders_after_company(ctx: Context) -> list[Found]:
    """X成立于2018年,总部位于深圳。创始人兼CEO A毕业于…: a sentence opening with a founder's or chief officer's
    title and a name belongs to the one company the sentence before names (none, or several: no one's)."""
    opening = alternation("relations", "founder_titles", "^")
    more = re.compile(rf"(?:(?:、|兼|和)(?:{one_of('relations', 'titles')}))*\s*(?:——|—)?")
    out = []
    for sentence in ctx.sentences[1:]:
        title = opening.match(sentence.text)
        people = ctx.in_sentence(sentence.index, ("Person",))
        if title is None or not people or ctx.in_sentence(sentence.index, ORG):
            continue
        if not more.fullmatch(ctx.text, sentence.start + title.end(), people[0].start):
            continue
        before = {id(ctx.entity(m)): ctx.entity(m) for m in ctx.in_sentence(sentence.index - 1, ("Company",))}
        if len(before) == 1:
            (company,) = before.values()
            out.append(
                Found("AFFILIATED_WITH", ctx.entity(people[0]), company, sentence, 0.6, {}, "founders_after_company")
            )
    return out


_UNIT_NOTE = re.compile(r"\(\s*作者(单位)?\s*[:：]?([^()]*)\)")


def _author_notes(ctx: Context) -> list[Found]:
    """(作者单位:X), (作者张三、李四均系X研究员), (作者系X研究员、Y主任): authors → their organisations."""
    out = []
    claimed: set[int] = set()
    byline_of = _byline_authors(ctx)
    authors = [mention for mention, _ in byline_of.values()]
    for match in _UNIT_NOTE.finditer(ctx.text):
        orgs = [
            m for m in ctx.mentions if match.start() <= m.start and m.end <= match.end() and ctx.entity(m).label in ORG
        ]
        if not orgs:
            continue
        named = [m for m in authors if match.start() <= m.start < match.end()]
        if not named:
            bylines = sorted(
                {
                    byline_of[id(m)][1]
                    for m in authors
                    if m.end <= match.start() and byline_of[id(m)][1] is not None and id(m) not in claimed
                },
                key=lambda b: int(b),  # type: ignore[call-overload]
            )
            if not bylines:
                continue
            named = [m for m in authors if byline_of[id(m)][1] == bylines[-1]]
        title_match = re.search("|".join(words("persons", "titles")), match.group(2))
        properties = {"title": title_match.group(0)} if title_match else {}
        sentence = next(s for s in ctx.sentences if s.start <= match.start() < s.end or s.start >= match.start())
        for person in named:
            claimed.add(id(person))
            for org in orgs:
                out.append(
                    Found("AFFILIATED_WITH", ctx.entity(person), ctx.entity(org), sentence, 0.9, dict(properties))
                )
        line = byline_of[id(named[0])][1]
        for other in authors:
            if line is not None and byline_of[id(other)][1] == line:
                claimed.add(id(other))
    return out


_BYLINE_FILLER = re.compile(r"[\s◎·•、,,/|]*")


def _byline_authors(ctx: Context) -> dict[int, tuple[Mention, object]]:
    """Authors by id: persons the entity stage marked so, and persons on a line of their own (王某 李某, ◎张某),
    each with its byline (where that line starts) so that one note (作者单位:…) serves its whole line."""
    authors: dict[int, tuple[Mention, object]] = {}
    for mention in ctx.mentions:
        if ctx.entity(mention).label != "Person":
            continue
        if mention.properties.get("role") == "author":
            authors[id(mention)] = (mention, mention.properties.get("byline"))
            continue
        line_start = ctx.text.rfind("\n", 0, mention.start) + 1
        line_end = ctx.text.find("\n", mention.end)
        line_end = len(ctx.text) if line_end < 0 else line_end
        rest = ctx.text[line_start:line_end]
        for other in ctx.in_sentence(mention.sentence, ("Person",)):
            if line_start <= other.start and other.end <= line_end:
                rest = rest.replace(other.text, "")
        if _BYLINE_FILLER.fullmatch(rest):
            authors[id(mention)] = (mention, line_start)
    return authors


def partnered(ctx: Context) -> list[Found]:
    """A与B签署战略合作协议, A携手B(、C): every pair of the parties."""
    out = []
    labels = ("Institution", "Company", "Fund")
    for sentence in ctx.sentences:
        for start, end, word in _triggers(sentence, words("relations", "partnered"), ctx):
            before = ctx.group_before(sentence.index, start, labels, gap=6)
            if word == "携手":
                after = ctx.group_after(sentence.index, end, labels, gap=2)
                pairs = [(a, b) for a in before[-1:] for b in after]
            elif before and re.search(r"(?:与|同|和)$", ctx.text[sentence.start : before[0].start]):
                # X已与A、B等企业签订: the subject with each of the list, not the list among itself
                at = before[0].start - 1
                while at > sentence.start and ctx.text[at - 1] in "已均还也先后分别":
                    at -= 1
                subject = ctx.group_before(sentence.index, at, labels, gap=2)[-1:]
                pairs = [(a, b) for a in subject for b in before]
            else:
                pairs = [(before[0], b) for b in before[1:]]
            for a, b in pairs:
                if ctx.entity(a) is not ctx.entity(b):
                    out.append(Found("PARTNERED_WITH", ctx.entity(a), ctx.entity(b), sentence, 0.75, _date(sentence)))
    return out


def name_parents(ctx: Context, entities: list[Entity]) -> list[Found]:
    """A unit named after its parent: 海信集团亿洋创业 → 海信集团 (a group or company name, then the unit's
    own name), a branch 中国银行安徽省分行 → 中国银行, a department X银行总行科技金融部 → X银行, a bank's centre
    X银行某分行科技金融中心 → X银行某分行, a ministry's centre 某部某中心 → 某部; only when the parent is also
    named on its own, and only the nearest (longest) parent so named."""
    out = []
    branch = words("relations", "branch_suffixes")
    departments = words("relations", "department_suffixes")
    bank, bank_units = words("relations", "bank_endings"), words("relations", "bank_unit_suffixes")
    legal = re.compile("(?:" + one_of("relations", "legal_forms") + ")+")
    government, government_units = words("relations", "government_suffixes"), words("relations", "government_units")
    ministry_parents = words("relations", "department_parent_endings")
    ministry_units = words("relations", "ministry_units")
    alone = {id(ctx.entity(m)) for m in ctx.mentions}
    parents = [e for e in entities if e.label in ORG and id(e) in alone]
    # which parents (by position) go by each name: a mention looks only at those its text starts with
    named: dict[str, set[int]] = {}
    forms = [_known_forms(parent) for parent in parents]
    for number, names in enumerate(forms):
        for name in names:
            named.setdefault(name, set()).add(number)
    for mention in ctx.mentions:
        child = ctx.entity(mention)
        if child.label not in ORG:
            continue
        text = mention.text
        starting = set().union(*(named.get(text[:length], ()) for length in range(len(text) - 1)))
        # a unit of a unit (X银行Y分行Z中心) belongs to the nearest one named: the longest name it starts with
        longest = max((len(n) for number in starting for n in forms[number] if text.startswith(n)), default=0)
        for number in sorted(starting):
            parent = parents[number]
            if not any(len(n) == longest and text.startswith(n) for n in forms[number]):
                continue
            if parent is child:
                continue
            for name in forms[number]:
                rest = mention.text[len(name) :]
                if not mention.text.startswith(name) or len(rest) < 2 or rest in child.names:
                    continue
                if rest.startswith(words("relations", "generic_unit_marks")):
                    continue  # X分行管辖各分支行: a phrase about its units, no unit of its own
                if legal.fullmatch(rest):
                    continue  # X集团 / X集团有限公司: one organisation written short and in full
                is_branch = any(rest.endswith(b) for b in branch)
                is_unit = name.endswith(("集团", "公司", "控股")) and not any(rest.endswith(b) for b in ("中心",))
                is_unit = is_unit or (name.endswith(bank) and rest.endswith(bank_units))  # X银行科技金融中心
                is_department = rest.endswith(departments) or (
                    name.endswith(government) and rest.endswith(government_units)
                )
                # rel15: a congress's or a central bank's departments (某常委会办公厅, 某银行某司), not a company in it
                is_department = is_department or (
                    name.endswith(ministry_parents) and rest.endswith(ministry_units) and not rest.endswith("公司")
                )
                if is_branch or is_unit or is_department:
                    out.append(Found("SUBSIDIARY_OF", child, parent, ctx.sentences[mention.sentence], 0.7))
                    break
    return out


@cache
def _unit_opening() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words setting a unit up, before its name (成立了首家科技支行——X支行) and after it (X中心揭牌成立)."""
    verbs = one_of("relations", "unit_opening_verbs")
    # between the verb and the name: 了, a short modifier (首家, 全省首家) or a descriptor ending in a dash
    # or colon (总行一级部门——X中心); no clause break, no other name
    before = re.compile(rf"(?:{verbs})了?(?:[^,,;;。:：、的]{{0,6}}|[^,,;;。:：]{{0,30}}?(?:——|—|:|:))$")
    after = re.compile(rf"(?:正式|今日|近日|日前|顺利)?(?:{verbs})(?!于|以来|至今|之初|时|后)")
    return before, after


def units_set_up(ctx: Context) -> list[Found]:
    """A bank's own unit coming into being — (该行/我们)在某地设立(首家科技专营支行——)X支行, X银行Y中心揭牌成立:
    the bank sets it up and the unit is the bank's. The bank is the one the unit's name starts with, else the
    bank the text was about right before (the last named one ending in 银行/分行: a 支行 or 中心 is opened by a
    bank, not by the city or the park it stands in)."""
    units = words("relations", "branch_suffixes") + words("relations", "bank_unit_suffixes")
    owners = words("relations", "unit_owner_endings")
    descriptive = words("relations", "descriptive_unit_words")
    before, after = _unit_opening()
    out = []
    for sentence in ctx.sentences:
        for child in ctx.in_sentence(sentence.index, ("Institution",)):
            unit = ctx.entity(child)
            if not unit.name.endswith(units) or any(w in unit.name for w in descriptive):
                continue
            # the words since the clause start or the last name before the unit (在某地设立X支行: after the place)
            since = max(
                [_clause_start(ctx.text, sentence, child.start)]
                + [m.end for m in ctx.in_sentence(sentence.index) if m.end <= child.start]
            )
            if not before.search(ctx.text[since : child.start]) and not after.match(ctx.text, child.end):
                continue
            parent = _unit_owner(ctx, child, owners, units)
            if parent is None or parent is unit:
                continue
            out.append(Found("ESTABLISHED", parent, unit, sentence, 0.7, _date(sentence)))
            out.append(Found("SUBSIDIARY_OF", unit, parent, sentence, 0.7))
    return out


def _unit_owner(ctx: Context, child: Mention, owners: tuple[str, ...], units: tuple[str, ...]) -> Entity | None:
    """The organisation a unit belongs to: the one its name starts with (the longest such name), else the last
    bank named before it within a few sentences — unless its own sentence names an actor before it that is no
    bank (nor a unit of one)."""
    unit = ctx.entity(child)
    prefixed = [
        (len(name), ctx.entity(m))
        for m in ctx.mentions
        if ctx.entity(m).label in ORG and ctx.entity(m) is not unit
        for name in ctx.entity(m).names
        if unit.name.startswith(name) and len(name) < len(unit.name)
    ]
    if prefixed:
        return max(prefixed, key=lambda pair: pair[0])[1]
    actors = [
        m
        for m in ctx.in_sentence(child.sentence, ORG)
        if m.end <= child.start and not ctx.entity(m).name.endswith(owners + units)
    ]
    if actors:
        return None  # 某市政府将在高新区成立X中心, 某公司在X银行支持下成立研发中心: an actor other than a bank
    sentence = ctx.sentences[child.sentence]
    if alternation("relations", "preposed_openers", "^").match(sentence.text):
        # 通过加入某体系、设立X支行,Y分行立足…: a clause of means opening the sentence has its subject after it
        after = [m for m in ctx.in_sentence(child.sentence, ORG) if m.start >= child.end]
        if after and ctx.text[after[0].start - 1] in ",," and ctx.entity(after[0]).name.endswith(owners):
            return ctx.entity(after[0])
    for mention in reversed(ctx.mentions):
        if mention.end > child.start or child.start - mention.end > 1500:
            continue
        entity = ctx.entity(mention)
        if entity.label == "Institution" and entity is not unit and entity.name.endswith(owners):
            return entity
    return None


def _known_forms(entity: Entity) -> list[str]:
    """An organisation's names and the short forms the reference data knows it by (中国工商银行: 工行): a unit
    may be named after either (工行某支行)."""
    forms = list(entity.names)
    for name in entity.names:
        known = known_actors().get(name)
        if known is not None and known.label == entity.label:
            forms += [alias for alias in known.aliases if len(alias) >= 2 and alias not in forms]
    return forms


def issuers_in_titles(ctx: Context, entities: list[Entity]) -> list[Found]:
    """A document whose title names its issuers before 关于 (甲厅 乙银行关于…的通知, 《某省人民政府关于…的意见》):
    each issuer, when the part before 关于 is nothing but names the article knows as institutions."""
    institutions = sorted(
        {name: entity for entity in entities if entity.label == "Institution" for name in entity.names}.items(),
        key=lambda pair: -len(pair[0]),
    )
    first_sentence: dict[int, Sentence] = {}
    for mention in ctx.mentions:
        first_sentence.setdefault(id(ctx.entity(mention)), ctx.sentences[mention.sentence])
    out = []
    for policy in entities:
        if policy.label != "Policy" or id(policy) not in first_sentence:
            continue
        for title in policy.names:
            head = title.split("关于", 1)[0] if "关于" in title[2:] else ""
            issuers = _names_spelling(head, institutions)
            for issuer in issuers:
                out.append(Found("ISSUED", issuer, policy, first_sentence[id(policy)], 0.8))
            if issuers:
                break
    return out


_RELEASES = re.compile(r"关于(?:联合)?(?:印发|发布|颁布)[《“\"]?(.+?)[》”\"]?的(?:通知|通告|公告)$")


def _issued_with_notice(found: list[Found], entities: list[Entity]) -> list[Found]:
    """关于印发《X》的通知: whoever issues the notice issues X with it (both documents, every signatory)."""
    policies = {name: entity for entity in entities if entity.label == "Policy" for name in entity.names}
    out = []
    for fact in found:
        if fact.type != "ISSUED":
            continue
        for title in fact.target.names:
            match = _RELEASES.search(title)
            released = policies.get(match.group(1)) if match else None
            if released is not None and released is not fact.target:
                out.append(Found("ISSUED", fact.source, released, fact.sentence, min(fact.confidence, 0.75)))
                break
    return out


_NAME_SEPARATORS = " \u3000、,,和与及"


def _names_spelling(text: str, names: list[tuple[str, Entity]]) -> list[Entity]:
    """The entities whose names, one after another (spaces, 、 or 和 between), make up all of `text`; none else."""
    found: list[Entity] = []
    at = 0
    while at < len(text):
        if text[at] in _NAME_SEPARATORS:
            at += 1
            continue
        match = next(((name, entity) for name, entity in names if text.startswith(name, at)), None)
        if match is None:
            return []
        found.append(match[1])
        at += len(match[0])
    return found


# An investing verb that has taken its object (投资过, 投资了, 入股了): the names after it are investees.
_INVESTED_OBJECT = re.compile(r"(?:投资|投|领投|参投|入股|注资|增持|押注)(?:了|过)")


@cache
def _round_opener() -> re.Pattern[str]:
    """A clause opening with the round itself: 本轮融资…, 本轮的投资人…, 本次投资…, 本轮由…"""
    return re.compile(rf"(?:^|[,,;;])(?:{one_of('relations', 'round_subjects')})(?:融资|投资|的投资|由)")


def round_sentence_investors(ctx: Context) -> list[Found]:
    """A sentence about the round itself that names its investors (本轮的投资人中,既有A这样的老牌机构,也有B等
    新锐基金): every organisation or fund it names is an investor of the round's company, except in a clause
    giving another part (X担任财务顾问, 与Y合作, 用于…, Z的客户)."""
    out = []
    opener = _round_opener()
    investor_words = words("relations", "round_investor_words")
    other_parts = words("relations", "round_other_parts")
    for sentence in ctx.sentences:
        opening = opener.search(sentence.text)  # the clause about the round, and what follows it
        if opening is None or not any(w in sentence.text[opening.start() :] for w in investor_words):
            continue
        at = sentence.start + opening.end()
        named = [m for m in ctx.in_sentence(sentence.index, ("Institution", "Company", "Fund")) if m.start >= at]
        if not named:
            continue
        company = ctx.round_company(sentence, at)
        if company is None:
            continue
        for mention in named:
            clause_start = _clause_start(ctx.text, sentence, mention.start)
            clause_end = _CLAUSE_BREAK.search(ctx.text, mention.end, sentence.end)
            clause = ctx.text[clause_start : clause_end.start() if clause_end else sentence.end]
            if any(w in clause for w in other_parts) or ctx.entity(mention) is ctx.entity(company):
                continue
            if _INVESTED_OBJECT.search(ctx.text, clause_start, mention.start):
                continue  # 本轮由A领投,A曾投资过C、D: C and D are A's earlier investees, not this round's investors
            out.append(Found("INVESTED_IN", ctx.entity(mention), ctx.entity(company), sentence, 0.6))
    return out


RULES: tuple[Callable[[Context], list[Found]], ...] = (
    issued,
    manages,
    subsidiaries,
    established,
    invested,
    round_sentence_investors,
    affiliations,
    partnered,
)


def _named(found: list[Found], rule: str) -> list[Found]:
    for fact in found:
        fact.rule = fact.rule or rule
    return found


def find_relations(ctx: Context, entities: list[Entity]) -> list[Found]:
    from .constructions import construction_relations  # it builds on this module's Context and Found
    from .focus import officers_of_focus

    found: list[Found] = []
    for rule in RULES:
        found += _named(rule(ctx), rule.__name__)
    found += construction_relations(ctx)
    found += _named(officers_of_focus(ctx), "officers_of_focus")
    found += _named(name_parents(ctx, entities), "name_parents")
    found += _named(units_set_up(ctx), "units_set_up")
    found += _named(issuers_in_titles(ctx, entities), "issuers_in_titles")
    found += _named(_issued_with_notice(found, entities), "issued_with_notice")
    found += _named(_owners_of_investing_units(found), "owners_of_investing_units")
    return [
        f
        for f in found
        if f.source is not f.target
        and endpoints_allowed(f.type, f.source.label, f.target.label)
        and not (f.type == "INVESTED_IN" and _listing_venue(f.target, f.sentence))
    ]


def _owners_of_investing_units(found: list[Found]) -> list[Found]:
    """X的全资子公司Y认缴F: a company commits to a fund through its own unit — the owner is credited with the
    commitment (a listed company's notice of its subsidiary joining a fund). A unit's stakes in companies stay
    its own: a group's venture arm is an investor in its own right."""
    owners: dict[int, list[Entity]] = {}
    for fact in found:
        if fact.type == "SUBSIDIARY_OF" and fact.source.label in ORG:
            owners.setdefault(id(fact.source), []).append(fact.target)
    out = []
    for fact in found:
        if fact.type != "INVESTED_IN" or fact.target.label != "Fund":
            continue
        for owner in owners.get(id(fact.source), []):
            if owner is not fact.target:
                out.append(Found("INVESTED_IN", owner, fact.target, fact.sentence, min(fact.confidence, 0.6)))
    return out


def _listing_venue(entity: Entity, sentence: Sentence) -> bool:
    """X登陆上交所科创板, X在港交所上市: the exchange is where a company lists, not a company anyone invests in
    (a company is no venue: A在Y上市前入股 is an investment in Y)."""
    if entity.label != "Institution":
        return False
    entries = alternation("relations", "listing_entries", "$")
    places = alternation("relations", "listing_places", "$")
    listed = alternation("relations", "listing_words")
    text = sentence.text
    for name in entity.names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            after = _CLAUSE_BREAK.split(text[end : end + 10], 1)[0]
            if entries.search(text, max(0, at - 3), at) or (
                places.search(text, max(0, at - 1), at) and listed.search(after)
            ):
                return True
            at = text.find(name, end)
    return False


__all__ = ["Context", "Found", "find_relations", "lexicon"]
