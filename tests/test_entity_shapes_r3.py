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


# --- organisations listed with organisations --------------------------------------------------------


def test_companies_and_investors_listed_together_type_each_item_by_its_shape() -> None:
    text = "本轮其他参投方包括腾讯、红杉中国、北汽投资、深创投、君联资本等。"
    found = {m.text: m.label for m in mentions(text)}
    assert found["北汽投资"] == "Institution"  # a group's investment arm
    assert found["腾讯"] == "Company"


def test_a_list_mostly_of_known_investors_overrules_the_suffix_rules() -> None:
    text = "其他投资人还包括甲乙资本、启明创投、Z资本、丙丁资本、深创投、大有可为创投等。"
    assert {"Z资本", "大有可为创投"} <= named(text, "Institution")


def test_generic_items_in_a_list_stay_out() -> None:
    text = "华为、腾讯、某些资本、产业资本等参与。"
    found = {m.text for m in mentions(text)}
    assert not found & {"某些资本", "产业资本"}


# --- the company of a round -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("3月5日,星河智驾(Galaxy Drive)宣布完成5亿元B轮融资。", "星河智驾"),
        ("去年年底,云杉数智A+轮融资超8亿元,创下行业纪录。", "云杉数智"),
        ("“回顾三年前蓝鲸芯能完成天使轮融资,团队只有五个人。", "蓝鲸芯能"),
        ("公告称,北辰量子本次B2轮融资主要用于研发。", "北辰量子"),
    ],
)
def test_the_subject_of_a_round_is_a_company(text: str, company: str) -> None:
    assert company in named(text, "Company")


def test_a_verb_before_a_round_label_names_no_company() -> None:
    text = "该笔交易刷新A轮融资纪录。"
    assert not named(text, "Company")


# --- registered names ---------------------------------------------------------------------------------


def test_a_fund_manager_registered_as_a_partnership_is_an_investor_institution() -> None:
    text = (
        "本轮投资方包括:星火集团、宁波江北众乐投资管理合伙企业、嘉兴远山一号股权投资合伙企业(有限合伙)等。"
        "苏州青石东方投资管理企业(有限合伙)担任普通合伙人。"
    )
    found = {m.text: m for m in mentions(text)}
    for name in ("宁波江北众乐投资管理合伙企业", "苏州青石东方投资管理企业(有限合伙)"):
        assert found[name].label == "Institution"
        assert found[name].properties["kind"] == "investor"
    assert found["嘉兴远山一号股权投资合伙企业(有限合伙)"].label == "Fund"
