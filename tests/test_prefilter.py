"""The regex prefilter skips only texts a regex cannot match: the same matches with or without it."""

from __future__ import annotations

import re

import pytest

from capgraph.loaders.constructions import constructions
from capgraph.loaders.prefilter import finditer, may_match, required_strings


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
