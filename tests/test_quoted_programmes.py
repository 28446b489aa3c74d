"""A programme named by quoted words and a head noun (“某某”规划, “某某”倡议, 某市“某某”行动) is one Policy
named with its head; words that only class it (“某某”等政策工具) are not part of its name."""

from __future__ import annotations

import pytest

from capgraph.loaders.entities import find_mentions
from capgraph.loaders.sentences import split_sentences


def policies(text: str) -> list[str]:
    return [m.text for m in find_mentions(text, split_sentences(text)) if m.label == "Policy"]


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("全市各部门正在编制“十六五”规划,科技金融是重点。", "“十六五”规划"),
        ("两地企业积极参与“丝路通”倡议下的项目合作。", "“丝路通”倡议"),
        ("会议部署了南川市“双创”行动的下一步工作。", "南川市“双创”行动"),
        ("银行推出“科融贷”专项行动,支持科技型企业。", "“科融贷”专项行动"),
    ],
)
def test_quoted_words_with_a_programme_head(text: str, policy: str) -> None:
    assert policy in policies(text)


def test_words_that_class_a_programme_stay_out_of_its_name() -> None:
    found = policies("该区推广“科创积分制”等政策工具,引导资金投向早期项目。")
    assert found == ["科创积分制"]


@pytest.mark.parametrize(
    "text",
    [
        "企业负责人说,“双城”建设给园区带来了机遇。",  # no programme head after the quote
        "这次“双城”联动带来了新的机遇。",
    ],
)
def test_quoted_words_without_a_programme_head_are_no_policy(text: str) -> None:
    assert not [p for p in policies(text) if "双城" in p or "一次" in p]
