"""Entity shapes of round 3 (issue 8): general constructions, each on sentences written for these tests
(invented names; no gold or news text). The default name model (hybrid LAC) unless a test says otherwise."""

from __future__ import annotations

import pytest

from capgraph.graph.model import Mention
from capgraph.loaders.entities import find_mentions
from capgraph.loaders.sentences import split_sentences


@pytest.fixture(autouse=True)
def hybrid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")


def mentions(text: str) -> list[Mention]:
    return find_mentions(text, split_sentences(text))


def named(text: str, label: str) -> set[str]:
    return {m.text for m in mentions(text) if m.label == label}


# --- persons in lists -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("区领导陈一鸣、赵小川、周文博参加调研。", {"陈一鸣", "赵小川", "周文博"}),
        ("本轮出资方包括甲乙科技、 孙立伟、 钱晓东、韦荡等8名投资人。", {"孙立伟", "钱晓东", "韦荡"}),
        ("嘉宾刘海涛、郑雨晴和黄志坚分别作主题发言。", {"刘海涛", "郑雨晴"}),
    ],
)
def test_names_in_a_list_with_no_titles_are_persons(text: str, persons: set[str]) -> None:
    assert persons <= named(text, "Person")


def test_a_list_of_brands_gives_no_persons() -> None:
    text = "华为、腾讯、张江集团等企业参与了本轮投资。"
    assert not named(text, "Person")
