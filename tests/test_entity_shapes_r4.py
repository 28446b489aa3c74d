"""Entity shapes of round 4 (issue 8): boundaries and typing as general rules, each on sentences written
for these tests (invented names; no gold or news text). The default name model (hybrid LAC)."""

from __future__ import annotations

import pytest

from capgraph.graph.model import Mention
from capgraph.loaders.entities import find_mentions
from capgraph.loaders.ner import tagged_words
from capgraph.loaders.sentences import split_sentences


@pytest.fixture(autouse=True)
def hybrid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")


def mentions(text: str) -> list[Mention]:
    return find_mentions(text, split_sentences(text))


def named(text: str, label: str) -> set[str]:
    return {m.text for m in mentions(text) if m.label == label}


# --- a branch named after a city the word model reads as another class -----------------------------


def test_a_city_the_dictionary_reads_as_an_adverb_is_a_place_word() -> None:
    assert ("大连", "ns") in tagged_words("某银行大连分行")


@pytest.mark.parametrize(
    ("text", "branch"),
    [
        ("甲乙银行大连分行行长陈一鸣出席签约仪式。", "甲乙银行大连分行"),
        ("会上，丙丁银行大同支行与当地园区签署协议。", "丙丁银行大同支行"),
        ("据戊己银行大连分行副行长赵小川介绍，该行已放款3亿元。", "戊己银行大连分行"),
    ],
)
def test_a_branch_named_after_such_a_city_is_one_institution_and_no_person(text: str, branch: str) -> None:
    found = {m.text: m.label for m in mentions(text)}
    assert found.get(branch) == "Institution"
    assert not any(label == "Person" and name.endswith(("分行", "支行")) for name, label in found.items())
