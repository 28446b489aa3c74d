"""The regex prefilter skips only texts a regex cannot match: the same matches with or without it."""

from __future__ import annotations

import re

import pytest

from capgraph.loaders.constructions import constructions
from capgraph.loaders.prefilter import _window, finditer, may_match, required_strings


def test_required_strings_of_common_shapes() -> None:
    assert required_strings(re.compile(r"(?:^|(?<=\s))(?:来源|稿源)\s*[:：]")) == frozenset({"来源", "稿源"})
    assert required_strings(re.compile(r"[\u4e00-\u9fff]{2,4}(?=公司|集团)")) == frozenset({"公司", "集团"})
    assert required_strings(re.compile(r"a?b*")) is None  # a match may be empty: nothing is required
    assert required_strings(re.compile(r"基金", re.IGNORECASE)) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:^|(?<=[,，]))([\u4e00-\u9fff]{2,6}?)(?=董事长|总经理)",
        r"据([\u4e00-\u9fff]{2,8}?)(?:报道|消息)",
        r"(?:甲|乙)+丙?|丁{2}",
        r"[一二三]家(?:公司)?",
    ],
)
@pytest.mark.parametrize(
    "text",
    ["某某科技董事长张三表示", "据某某日报报道,甲乙", "丁丁与丙", "三家公司", "没有任何匹配的句子", ""],
)
def test_the_same_matches_with_the_prefilter(pattern: str, text: str) -> None:
    regex = re.compile(pattern)
    assert [m.span() for m in finditer(regex, text)] == [m.span() for m in regex.finditer(text)]


def test_every_construction_has_required_strings_its_matches_contain() -> None:
    for construction in constructions():
        strings = required_strings(construction.regex)
        assert strings, construction.name
        assert not may_match(construction.regex, "")


WINDOWED = [
    r"(?:^|(?<=[,，。]))([\u4e00-\u9fff]{2,6}?)(?=董事长|总经理)",  # a lookbehind opens it: re tries every position
    r"[\u4e00-\u9fff]{2,5}?部(?![门分委长])",  # a negative lookahead at the end
    r"[^,，。\n]{0,8}?(?:显示|表明)$",  # $ right where a window is cut
    r"(?<=[\u4e00-\u9fff])(?:本次|此次)?[A-C]轮",
]


@pytest.mark.parametrize("pattern", WINDOWED)
def test_windowed_search_finds_the_same_matches(pattern: str) -> None:
    regex = re.compile(pattern)
    assert _window(regex) is not None, "short matches and a required string: searched near them only"
    filler = "今天天气很好大家都来了" * 12  # far from every required string: skipped
    text = (
        f"{filler}甲乙科技董事长王五说,{filler}。丙丁总经理到场,某某部门、某某部发文,"
        f"数据显示\n{filler}数据表明,本轮融资由甲乙领投,此次B轮,A轮完成,丙丁公司董事长"
    )
    for end in range(len(text) - 40, len(text) + 1):  # every cut of the tail: $ and lookaheads at the text's end
        assert [(m.span(), m.groups()) for m in finditer(regex, text[:end])] == [
            (m.span(), m.groups()) for m in regex.finditer(text[:end])
        ]


def test_no_window_where_re_skips_itself_or_a_match_is_long() -> None:
    assert _window(re.compile(r"董事长|总经理")) is None  # opens with a literal: re skips on its own
    assert _window(re.compile(r"^[\u4e00-\u9fff]{2,4}公司")) is None  # anchored
    assert _window(re.compile(r"[\u4e00-\u9fff]+公司")) is None  # a match of any length
    assert _window(re.compile(r"[\u4e00-\u9fff]{2,80}公司")) is None  # longer than a window is worth
    assert _window(re.compile(r"(\w{2})\1公司")) is None  # a back reference
