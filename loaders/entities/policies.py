"""Proposer: policy titles in 《》, quoted programme names, and unbracketed titles ending like a policy."""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector
from ..lexicon import lexicon, one_of
from ..names import name_start
from ..ner import made_of_common_words, tagged_words
from .candidate import make_mention as _mention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,30})[”\"]")
_DURATION = re.compile(r"[\d一二三四五六七八九十两]+年")
_PERIOD = re.compile(r"[(（](?:\d{4}\s*[-—–~至]\s*\d{4}年?|\d{4}年?|试行|暂行|修订|修订版|征求意见稿)[)）]")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[【(]\d{4}[〕\]】)]\s*\d+\s*号")


def _doc_number_after(text: str, end: int) -> str | None:
    match = _DOC_NUMBER.search(text, end, min(len(text), end + 30))
    return match.group(0) if match else None


def _place_before(text: str, start: int) -> int:
    """The length of the place words written right before `start` (部署了某市“…”: 某市, not 了某市)."""
    length = 0
    for word, tag in reversed(tagged_words(text[max(0, start - 8) : start])):
        if tag != "ns" or not is_place(word):
            break
        length += len(word)
    return length


def find_policies(text: str, known_ends: set[int]) -> list[Mention]:
    data = lexicon("policies")
    found = []
    for match in _TITLE.finditer(text):
        title = match.group(1).strip()
        if len(title) < 4 or any(
            title.endswith(e)
            for e in data["publication_endings"] + data["agreement_endings"] + data["research_endings"]
        ):
            continue  # 《某某日报》 is an outlet, 《战略合作协议》 an agreement between parties
        found.append(
            _mention(
                text, match.start(1), match.end(1), "Policy", "policy", doc_number=_doc_number_after(text, match.end())
            )
        )
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        follower = text[match.end() : match.end() + 6]
        named_like_policy = inner.endswith(tuple(data["quoted_endings"]))
        followed = follower.startswith(tuple(data["quoted_followers"]))
        classed = follower.startswith(tuple(data["quoted_class_followers"]))
        if not (named_like_policy or followed or classed) or inner.isdigit() or is_sector(inner):
            continue
        if len(inner) < (2 if followed else 3):  # “双城”规划: two quoted characters with their head noun
            continue
        if named_like_policy and not (followed or classed) and re.fullmatch(r"[\d一二三四五六七八九十]+\S?", inner):
            continue
        if not followed:
            found.append(_mention(text, match.start(1), match.end(1), "Policy", "quoted"))
            continue
        # “某某”规划, 某市“某某”行动: the programme is named by the quoted words with its head noun, and the
        # place it belongs to when one is written right before
        follower_word = max((w for w in data["quoted_followers"] if follower.startswith(w)), key=len)
        start = match.start()
        found.append(
            _mention(text, start - _place_before(text, start), match.end() + len(follower_word), "Policy", "quoted")
        )
    automaton = _policy_automaton()
    longest_at: dict[int, str] = {}
    for end_index, suffix in automaton.iter(text):
        if len(suffix) > len(longest_at.get(end_index, "")):
            longest_at[end_index] = suffix
    for end_index, suffix in sorted(longest_at.items()):
        end = end_index + 1
        if end in known_ends or text[end - len(suffix) - 1 : end - len(suffix)] in ("”", '"'):
            continue  # (“某某”专项行动: the quoted name with its head, above)
        start = name_start(text, end - len(suffix), soft=False, limit=30)
        name = text[start:end]
        if (
            name == suffix
            or len(name) - len(suffix) < 2
            or len(name) >= 28
            or _DURATION.fullmatch(name[: -len(suffix)])
        ):
            continue  # 三年发展规划: a plan for so many years, not a named one
        if made_of_common_words(name[: -len(suffix)].replace("及", "").replace("和", "")):
            continue  # 功能定位及产业发展规划, 园区高质量发展专项行动: ordinary words say what kind of plan, not which
        period = _PERIOD.match(text, end)
        end = period.end() if period else end  # 某市发展规划(2020-2022年): the period is part of the title
        specific = len(name) >= int(data["min_unbracketed_length"]) or re.search(r"[\d一二三四五六七八九十百]", name)
        if specific:
            found.append(_mention(text, start, end, "Policy", "policy"))
    found += _about_titles(text)
    found += _title_lines(text)
    found += _documents_issued_by_notices(text, found)
    _short_titles_of_full_ones(found)
    return found


@cache
def _issued_inside_re() -> re.Pattern[str]:
    kinds, verbs = one_of("policies", "about_endings"), one_of("policies", "issuing_verbs")
    # 关于印发《X》的通知 / 关于印发X的通知: X is the document the notice issues
    return re.compile(rf"关于(?:{verbs})《?([^《》]{{4,60}}?)》?的(?:{kinds})$")


def _documents_issued_by_notices(text: str, titles: list[Mention]) -> list[Mention]:
    """某某关于印发X的通知: X, the document the notice issues, is a policy of its own (the selector keeps it
    inside the notice's title)."""
    found = []
    for title in titles:
        match = _issued_inside_re().search(title.text)
        if match:
            start = title.start + match.start(1)
            found.append(
                _mention(text, start, start + len(match.group(1)), "Policy", "policy", why="issued by a notice")
            )
    return found


def _short_titles_of_full_ones(policies: list[Mention]) -> None:
    """《指导意见》 after 《某某关于…的指导意见》: a short title that ends a full one in the same text is
    that document, named short."""
    for short in policies:
        fuller = [p.text for p in policies if len(p.text) > len(short.text) + 2 and p.text.endswith(short.text)]
        if fuller and "canonical" not in short.properties:
            short.properties["canonical"] = max(fuller, key=len)


@cache
def _policy_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in lexicon("policies")["suffixes"]:
        automaton.add_word(str(suffix), str(suffix))
    automaton.make_automaton()
    return automaton


@cache
def _about_re() -> re.Pattern[str]:
    kinds, verbs = one_of("policies", "about_endings"), one_of("policies", "issuing_verbs")
    return re.compile(rf"(?:{verbs})了?(关于[^,，。;；:：《》“”\n]{{4,40}}?的(?:{kinds}))")


def _about_titles(text: str) -> list[Mention]:
    """印发关于…的通知 / 出台关于…的若干措施: a title without marks, opened by 关于 after a verb of issuing."""
    return [
        _mention(text, m.start(1), m.end(1), "Policy", "policy", why="关于…的 title")
        for m in _about_re().finditer(text)
    ]


@cache
def _title_line_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds = one_of("policies", "about_endings")
    # the issued document may stand in 《》 inside the title (关于印发《某某方案》的通知)
    title = rf"([^,，。;；:：《》\n]{{0,40}}关于[^,，。;；:：\n]{{4,60}}?的(?:{kinds}))"
    # on a line of its own, or opening the text (the reader may join the title to the next line)
    return re.compile(rf"^[ \t]*{title}[ \t]*$", re.M), re.compile(rf"\A\s*{title}")


@cache
def _kind_after_re() -> re.Pattern[str]:
    kinds = one_of("policies", "about_endings")
    return re.compile(rf"的(?:{kinds})")


def _nested_end(text: str, end: int) -> int:
    """关于印发…的意见的通知: the notice's title runs on over the document it issues."""
    while (more := _kind_after_re().match(text, end)) is not None:
        end = more.end()
    return end


def _title_lines(text: str) -> list[Mention]:
    """A line that is a notice's title alone (某某厅 某某银行关于…的通知): the line, issuers and all."""
    verbs = lexicon("policies")["issuing_verbs"]
    spans = {
        (m.start(1), _nested_end(text, m.end(1)))
        for pattern in _title_line_res()
        for m in pattern.finditer(text)
        if not any(v in m.group(1).split("关于")[0] for v in verbs)  # 某厅印发关于…: a sentence, not a title
    }
    return [_mention(text, a, b, "Policy", "policy", why="title line") for a, b in sorted(spans)]
