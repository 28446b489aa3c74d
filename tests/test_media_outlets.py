"""News outlets: the newsroom words between an outlet's name and 记者, and the reference list of outlets."""

from __future__ import annotations

import pytest

from capgraph.loaders.entities import find_mentions
from capgraph.loaders.sentences import split_sentences


def institutions(text: str) -> set[str]:
    return {m.text for m in find_mentions(text, split_sentences(text)) if m.label == "Institution"}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("北岭晨报融媒体记者 王小川\n本市一家芯片企业完成新一轮融资。", "北岭晨报"),
        ("东江财经全媒体记者 李青禾 报道:某市引导基金近日完成设立。", "东江财经全媒体"),
        ("据南屏商报特约记者了解,该基金首期规模为10亿元。", "南屏商报"),
    ],
)
def test_an_outlet_before_its_newsroom_words_and_a_reporter(text: str, outlet: str) -> None:
    assert outlet in institutions(text)


def test_newsroom_words_alone_name_no_outlet() -> None:
    found = institutions("融媒体记者 王小川\n全媒体记者获悉,本市一家芯片企业完成新一轮融资。")
    assert not any(name.endswith(("融媒体", "全媒体")) for name in found)


@pytest.mark.parametrize("outlet", ["红星新闻", "机器之心", "湖南日报", "科创板日报"])
def test_well_known_outlets_are_known_wherever_they_are_named(outlet: str) -> None:
    text = f"{outlet}注意到,多家机构参与了这轮融资。"
    assert outlet in institutions(text)
