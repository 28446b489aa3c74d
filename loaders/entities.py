"""Finding entity mentions: gazetteer automaton, organisation/fund/policy shapes, lists, persons.

Every finder returns Mentions with offsets into Document.text; `select_mentions` keeps the best
non-overlapping set (longer first, then by how reliable the finder is).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache

import ahocorasick

from capgraph.graph.model import Mention, Sentence

from .gazetteer import (
    actor_automaton,
    is_place,
    is_sector,
    known_actors,
    leading_place,
    org_suffix_table,
    starts_with_government_prefix,
    strip_places,
)
from .lexicon import lexicon, words
from .names import (
    department_cut,
    has_brand_context,
    is_generic,
    is_name_char,
    name_start,
    sector_description,
    starts_with_junk,
)
from .persons import find_persons

# How much each finder is trusted when two mentions overlap with the same length.
RANK = {"gazetteer": 6, "alias": 6, "person": 5, "policy": 5, "fund": 4, "org": 4, "quoted": 3, "list": 2}
CJK_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")


class SentenceIndex:
    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def _mention(text: str, start: int, end: int, label: str, source: str, **properties: object) -> Mention:
    return Mention(
        text=text[start:end],
        label=label,
        start=start,
        end=end,
        sentence=-1,
        properties={k: v for k, v in properties.items() if v is not None},
        source=source,
    )


# --- gazetteer -------------------------------------------------------------------------------------


def find_known(text: str) -> list[Mention]:
    found = []
    for end_index, (surface, known) in actor_automaton().iter(text):
        start = end_index - len(surface) + 1
        found.append(
            _mention(text, start, end_index + 1, known.label, "gazetteer", kind=known.kind, canonical=known.canonical)
        )
    return found


# --- organisations by suffix ----------------------------------------------------------------------


@cache
def _suffix_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in org_suffix_table():
        automaton.add_word(suffix, suffix)
    automaton.make_automaton()
    return automaton


def classify_org(name: str, suffix_label: str, suffix_kind: str | None) -> tuple[str, str | None]:
    """Label and kind from words inside the name, else from the suffix."""
    for keyword, label, kind in lexicon("organisations")["kind_keywords"]:
        if keyword in name:
            return label, kind
    if suffix_label == "Institution":
        return "Institution", suffix_kind or "other"
    return "Company", None


def find_organisations(text: str, known_ends: set[int]) -> list[Mention]:
    """Names ending in an organisation suffix; `known_ends` are end offsets of gazetteer mentions."""
    table = org_suffix_table()
    data = lexicon("organisations")
    generic = words("organisations", "generic_modifiers")
    not_names = set(data.get("not_names", []))
    blockers = set(data.get("single_suffix_blockers", []))
    all_blockers = set(data.get("suffix_blockers", []))
    known = known_actors()
    longest_at: dict[int, str] = {}
    for end_index, suffix in _suffix_automaton().iter(text):
        if len(suffix) > len(longest_at.get(end_index, "")):
            longest_at[end_index] = suffix
    found = []
    for end_index, suffix in sorted(longest_at.items()):
        end = end_index + 1
        info = table[suffix]
        if len(suffix) == 1 and text[end : end + 1] in blockers or text[end : end + 1] in all_blockers:
            continue
        if suffix.endswith("园") and text[end : end + 1] == "区":  # 产业园区 is a kind of place, not a name
            continue
        if suffix == "控股" and text[end : end + 1] == "的" and text[max(0, end - 4) : end - 2] in ("集团", "公司"):
            continue  # X集团控股的Y: 控股 is the verb, X集团 the parent
        suffix_start = end - len(suffix)
        start = name_start(text, suffix_start, soft_cross=info.get("kind") == "research")
        name = text[start:end]
        core = name[: -len(suffix)]
        if len(core) < 2 or is_generic(core) or is_sector(name) or starts_with_junk(name) or core.endswith("子"):
            continue
        if any(name.endswith(w) for w in not_names) or not leading_place(name) and sector_description(core):
            continue
        strength = info.get("strength")
        if strength == "placed":
            place = leading_place(name)
            if not (place or starts_with_government_prefix(name)):
                continue
            bare = strip_places(core)
            if bare and is_generic(bare):
                continue
        if strength == "bank" and not (leading_place(name) or starts_with_government_prefix(name)):
            strength = "brand"
        if strength == "brand":
            # 海尔资本, 中金资本, or a parent's unit (海信集团亿洋创业); not 耐心资本 or 放宽银行资本
            parent = next((k for k in known if core.startswith(k) and 2 <= len(k) < len(core)), "")
            brand = core[len(parent) :]
            if (
                not 2 <= len(brand) <= 4
                or is_place(brand)
                or any(brand.endswith(g) for g in generic)
                or any(brand.endswith(x) for x in table)
                or not (parent or has_brand_context(text, start, end))
            ):
                continue
        if end in known_ends and not leading_place(name):
            continue  # the gazetteer knows this name; a longer span here is a verb or a particle
        cut = department_cut(name)
        end = start + len(cut)
        label, kind = classify_org(cut, info["label"], info.get("kind"))
        found.append(_mention(text, start, end, label, "org", kind=kind))
    return found


# --- funds ----------------------------------------------------------------------------------------


@cache
def _fund_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in lexicon("funds")["suffixes"]:
        automaton.add_word(str(suffix), str(suffix))
    automaton.make_automaton()
    return automaton


_SIZE_BEFORE = re.compile(r"(?:规模(?:约|达|为)?)?([\d.]+)\s*(万亿|亿|万|千万)?(元|美元|欧元|港元)(?:规模)?的?$")
_AMOUNT = re.compile(
    r"(?:规模|总规模|首期规模|目标规模)?(?:约|达|为|超过|超)?"
    r"([\d.]+)\s*(万亿|千亿|百亿|亿|千万|百万|万)?(元|美元|欧元|港元|人民币)"
)
_UNIT = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, None: 1.0, "": 1.0}


def parse_amount(fragment: str) -> dict[str, object] | None:
    """规模25亿元 → {amount_cny: 2.5e9, amount_text: '25亿元', currency: 'CNY'}; 3000万美元 keeps USD."""
    match = _AMOUNT.search(fragment)
    if not match:
        return None
    try:
        value = float(match.group(1)) * _UNIT[match.group(2)]
    except ValueError:
        return None
    currency = {"美元": "USD", "欧元": "EUR", "港元": "HKD"}.get(match.group(3), "CNY")
    amount_text = match.group(0)
    properties: dict[str, object] = {"amount_text": amount_text, "currency": currency}
    if currency == "CNY":
        properties["amount_cny"] = value
    else:
        properties["amount"] = value
    return properties


def _strip_words(core: str, vocabulary: Iterable[str]) -> str:
    ordered = sorted(set(vocabulary), key=len, reverse=True)
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


_QUANTITY = re.compile(r"[\d一二三四五六七八九十百千万亿]+(?:亿|万)?元|元级|\d|一批|一只|多只|各只|基金|^[只个家批支]")
_DESCRIPTIVE = ("政府", "市级", "省级", "区级", "国有", "国资", "各类", "相关", "科技类", "地方")


def find_funds(text: str, known_ends: set[int]) -> list[Mention]:
    """Named funds: a fund suffix whose modifier says which fund (not 政府引导基金, 产投基金)."""
    data = lexicon("funds")
    type_words = [str(w) for w in data["type_words"]]
    strict_types = [w for w in type_words if w not in ("科创", "科技", "绿色", "发展", "创新", "成长")]
    longest_at: dict[int, str] = {}
    for end_index, suffix in _fund_automaton().iter(text):
        if len(suffix) > len(longest_at.get(end_index, "")):
            longest_at[end_index] = suffix
    found = []
    for end_index, suffix in sorted(longest_at.items()):
        end = end_index + 1
        if end < len(text) and text[end] in "管公会群业" or end in known_ends:  # 基金管理…, 基金公司, 基金群
            continue
        start = name_start(text, end - len(suffix))
        name = text[start:end]
        core = name[: -len(suffix)]
        sized = bool(re.search(r"规模[约达为]?[\d.]+\s*(?:万亿|亿|万)?元的?$", text[max(0, start - 16) : start]))
        if (
            not core
            or len(core) > 16
            or starts_with_junk(name)
            or _QUANTITY.search(core)
            or is_sector(core)
            and not sized
        ):
            continue
        if suffix == data["bare_suffix"]:
            # 中信基金, 华夏基金: a brand with bare 基金 is a fund management company
            rest = _strip_words(core, type_words)
            if (
                rest == core
                and 2 <= len(core) <= 4
                and not is_place(core)
                and not is_generic(core)
                and has_brand_context(text, start, end)
            ):
                found.append(_mention(text, start, end, "Institution", "org", kind="investor"))
            continue
        place = strip_places(core)
        typed_part = core[len(core) - len(place) :] if place != core else core
        rest = _strip_words(place + suffix[:-2], type_words)
        if place != core and not rest:
            # 京津冀创业投资引导基金 is named; 青岛市级政府引导基金, 青岛产投基金 describe
            if any(d in core for d in _DESCRIPTIVE) or len(typed_part + suffix[:-2]) < 4:
                continue
        elif not rest and not (sized and _strip_words(core, strict_types)):
            continue
        properties = parse_amount(text[max(0, start - 16) : start]) if sized else None
        found.append(_mention(text, start, end, "Fund", "fund", **(properties or {})))
    return found


# --- policies -------------------------------------------------------------------------------------

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,30})[”\"]")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[【(]\d{4}[〕\]】)]\s*\d+\s*号")


def _doc_number_after(text: str, end: int) -> str | None:
    match = _DOC_NUMBER.search(text, end, min(len(text), end + 30))
    return match.group(0) if match else None


def find_policies(text: str, known_ends: set[int]) -> list[Mention]:
    data = lexicon("policies")
    found = []
    for match in _TITLE.finditer(text):
        title = match.group(1).strip()
        if len(title) < 4 or any(title.endswith(e) for e in data["publication_endings"]):
            continue
        found.append(
            _mention(
                text, match.start(1), match.end(1), "Policy", "policy", doc_number=_doc_number_after(text, match.end())
            )
        )
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        follower = text[match.end() : match.end() + 6]
        named_like_policy = any(inner.endswith(e) for e in data["quoted_endings"])
        followed = any(follower.startswith(f) for f in data["quoted_followers"])
        if not (named_like_policy or followed) or inner.isdigit() or is_sector(inner) or len(inner) < 3:
            continue
        if named_like_policy and not followed and re.fullmatch(r"[\d一二三四五六七八九十]+\S?", inner):
            continue
        found.append(_mention(text, match.start(1), match.end(1), "Policy", "quoted"))
    automaton = _policy_automaton()
    longest_at: dict[int, str] = {}
    for end_index, suffix in automaton.iter(text):
        if len(suffix) > len(longest_at.get(end_index, "")):
            longest_at[end_index] = suffix
    for end_index, suffix in sorted(longest_at.items()):
        end = end_index + 1
        if end in known_ends:
            continue
        start = name_start(text, end - len(suffix), soft=False, limit=30)
        name = text[start:end]
        if name == suffix or len(name) - len(suffix) < 2 or len(name) >= 28:
            continue
        specific = len(name) >= int(data["min_unbracketed_length"]) or re.search(r"[\d一二三四五六七八九十百]", name)
        if specific:
            found.append(_mention(text, start, end, "Policy", "policy"))
    return found


@cache
def _policy_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in lexicon("policies")["suffixes"]:
        automaton.add_word(str(suffix), str(suffix))
    automaton.make_automaton()
    return automaton


# --- quoted platforms (“青融通”, “链万企”供需对接平台) -------------------------------------------------

_QUOTED_PLATFORM = re.compile(
    r"平台\s*[—-]*\s*[“\"]([^“”\"\n]{2,12})[”\"]"
    r"|[“\"]([^“”\"\n]{2,12})[”\"][^,。;、“]{0,8}?平台"
)


def find_quoted_platforms(text: str) -> list[Mention]:
    found = []
    for match in _QUOTED_PLATFORM.finditer(text):
        group = 1 if match.group(1) else 2
        inner = match.group(group)
        if is_sector(inner) or not all(is_name_char(ch) for ch in inner):
            continue
        found.append(_mention(text, match.start(group), match.end(group), "Institution", "quoted", kind="platform"))
    return found


# --- lists closed by 等 … 企业 ------------------------------------------------------------------------


@cache
def _list_tail() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(lexicon("lists")["class_nouns"], key=len, reverse=True))
    return re.compile(
        rf"(?:等|及相关|及其他|以及)[^,。;:、“”()]{{0,24}}?({nouns})"
        rf"|(?<=[\u4e00-\u9fff])\d+(?:余|多)?(?:家|个)(?=[^,。;]{{0,12}}?({nouns}))"
    )


def _ends_like_org(item: str) -> bool:
    return any(item.endswith(s) and len(s) >= 2 for s in org_suffix_table())


def find_list_items(text: str, taken: list[Mention]) -> list[Mention]:
    """Items of 'A、B和C等N家企业' lists; each item is typed by its own shape, else by the class noun."""
    data = lexicon("lists")
    nouns: dict[str, str] = data["class_nouns"]
    max_len = int(data["max_item_length"])
    openers = words("lists", "openers")
    known_ends = {m.end for m in taken if m.source == "gazetteer"}
    verbs = words("organisations", "leading_junk")
    found = []
    for tail in _list_tail().finditer(text):
        noun = tail.group(1) or tail.group(2)
        label = nouns[noun]
        if noun == "项目" and not re.search(r"\d|一批", tail.group(0)):
            continue  # 等项目准入标准: 项目 modifies what follows, the items are not projects
        seg_start = tail.start()
        while seg_start > 0 and text[seg_start - 1] not in ",。;:!?()“”《》\n,等":
            seg_start -= 1
        segment = text[seg_start : tail.start()]
        if "、" not in segment and not re.search(r"[和及]", segment):
            continue
        pieces = _split_list(segment)
        if len(pieces) < 2:
            continue
        offset = seg_start
        for index, piece in enumerate(pieces):
            at = text.find(piece, offset, tail.start())
            if at == -1:
                continue
            offset = at + len(piece)
            start, end = at, at + len(piece)
            if index == 0:
                start = name_start(text, end, limit=max_len + 4)
                for opener in openers:
                    if text.startswith(opener, start) and end - start > len(opener) + 1:
                        start += len(opener)
                        break
            item = text[start:end]
            if item[:1].isdigit() or _needs_place(item) and not leading_place(item) or end in known_ends:
                continue
            if any(item.endswith(n) for n in nouns):
                continue  # 省级专精特新企业: an item ending in the class noun describes, it does not name
            if any(item.endswith(str(f)) for f in lexicon("funds")["suffixes"]) or _ends_like_org(item):
                continue  # the shape finders decided about this one
            if not (2 <= len(item) <= max_len) or is_place(item) or is_sector(item) or is_generic(item):
                continue
            if not all(is_name_char(ch) for ch in item) or any(item.startswith(v) for v in verbs):
                continue
            found.append(_mention(text, start, end, label, "list", kind="other" if label == "Institution" else None))
    return found


def _needs_place(item: str) -> bool:
    """Items ending like 研发平台 or 中心 are descriptions unless a place names them."""
    table = org_suffix_table()
    return item.endswith("平台") or any(item.endswith(s) and v.get("strength") == "placed" for s, v in table.items())


def _split_list(segment: str) -> list[str]:
    pieces = [p for p in segment.split("、") if p]
    if not pieces:
        return []
    last = pieces[-1]
    # the last item may be joined by 和/及 (A、B和C); only split where both sides look like names
    joined = re.split(r"[和及]", last)
    if len(joined) == 2 and all(len(p) >= 2 for p in joined):
        pieces[-1:] = joined
    return pieces


# --- companies by their short-name endings ------------------------------------------------------------


@cache
def _weak_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(re.escape(w) for w in words("companies", "weak_suffixes")) + ")$")


@cache
def _before_title_re() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in words("persons", "titles"))
    return re.compile(rf"(?:^|(?<=[,、:;(\s]))([\u4e00-\u9fffA-Za-z]{{2,6}}?)(?={titles})")


def find_weak_companies(text: str, known_ends: set[int]) -> list[Mention]:
    """东华软件高级副总裁…: a short company name right before a title; 海济医药、国数科技: a list of them."""
    found = []
    weak = _weak_suffix_re()
    for match in _before_title_re().finditer(text):
        name = match.group(1)
        if (
            weak.search(name)
            and len(weak.sub("", name)) >= 2
            and not is_sector(name)
            and not is_generic(name)
            and match.end(1) not in known_ends
            and not starts_with_junk(name)
        ):
            found.append(_mention(text, match.start(1), match.end(1), "Company", "list"))
    for clause in re.finditer(r"[^,。;:!?()“”\n]+", text):
        pieces = clause.group(0).split("、")
        if len(pieces) < 2:
            continue
        offset = clause.start()
        spans = []
        for piece in pieces:
            spans.append((offset, offset + len(piece)))
            offset += len(piece) + 1
        first_start, first_end = spans[0]
        spans[0] = (name_start(text, first_end, limit=10), first_end)
        last_start, last_end = spans[-1]
        match = re.match(r"[\u4e00-\u9fff]{2,8}?(?:" + weak.pattern[3:-2] + ")", text[last_start:last_end])
        spans[-1] = (last_start, last_start + match.end()) if match else spans[-1]
        items = [text[a:b] for a, b in spans]
        if all(
            2 <= len(i) <= 8
            and weak.search(i)
            and len(weak.sub("", i)) >= 2
            and not is_sector(i)
            and not is_generic(i)
            and not starts_with_junk(i)
            for i in items
        ):
            found += [_mention(text, a, b, "Company", "list") for a, b in spans if b not in known_ends]
    return found


# --- selection ------------------------------------------------------------------------------------


def select_mentions(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest span wins, ties go to the more reliable finder."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -RANK.get(m.source, 0), m.start, m.label))
    taken: list[tuple[int, int]] = []
    kept: list[Mention] = []
    for mention in ordered:
        if any(mention.start < end and start < mention.end for start, end in taken):
            continue
        taken.append((mention.start, mention.end))
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.end))


def find_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    known = find_known(text)
    known_ends = {m.end for m in known}
    candidates = known + find_organisations(text, known_ends) + find_funds(text, known_ends)
    candidates += find_policies(text, known_ends)
    candidates += find_weak_companies(text, known_ends)
    candidates += find_quoted_platforms(text)
    candidates += find_persons(text)
    candidates += find_list_items(text, candidates)
    selected = select_mentions(candidates)
    index = SentenceIndex(sentences)
    for mention in selected:
        mention.sentence = index.at(mention.start)
    return selected


def place_before(text: str, start: int) -> str:
    """A place name written right before `start` (青岛 + 崂山科创集团)."""
    window = text[max(0, start - 8) : start]
    for cut in range(len(window)):
        candidate = window[cut:]
        if leading_place(candidate + "X") == candidate or is_place(candidate):
            return candidate
    return ""
