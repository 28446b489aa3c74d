"""Entity precision of ent14, on sentences written for these tests (invented names; no gold or news text):
fields taken for coined companies, clause words glued to a name, and fund names that say no fund."""

from __future__ import annotations

import pytest
from entity_support import mentions

from capgraph.loaders.ner import after_opening_verb, made_of_frequent_nouns


def _all(text: str) -> dict[str, str]:
    return {m.text: m.label for m in mentions(text)}


# --- frequent ordinary words before a company ending name a field, not a brand -------------------


def test_frequent_nouns_come_from_the_generated_file() -> None:
    assert made_of_frequent_nouns("汽车")
    assert made_of_frequent_nouns("先进基础")
    assert not made_of_frequent_nouns("澜钛")  # an unknown word is a brand's


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("澜钛科技、汽车电子等板块本月均有上涨。", "汽车电子"),
        ("工业机器人总经理一职并不存在,这里说的是行业。", "工业机器人"),
        ("先进材料、关键材料等方向获得支持。", "先进材料"),
    ],
)
def test_a_field_before_a_company_ending_is_no_company(mode: str, text: str, field: str) -> None:
    assert field not in _all(text)


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("澜钛科技完成数亿元A轮融资。", "澜钛科技"),
        ("由蔚楠医药领投,本轮资金将用于研发。", "蔚楠医药"),
        ("峻屹机器人宣布完成新一轮融资。", "峻屹机器人"),
    ],
)
def test_a_coined_brand_before_a_company_ending_stays(mode: str, text: str, brand: str) -> None:
    assert _all(text).get(brand) == "Company"


@pytest.mark.parametrize(
    "text",
    [
        "该公司专注自平衡机器人的研发,产品已量产。",
        "该厂生产的自平衡机器人、峻屹科技等产品参展。",
    ],
)
def test_an_adjective_after_a_preposition_or_adverb_names_a_kind(mode: str, text: str) -> None:
    assert not any(name.endswith("机器人") for name in _all(text))


def test_a_verb_opening_a_span_stands_outside_it() -> None:
    assert after_opening_verb("包含澜钛") == "澜钛"
    assert after_opening_verb("比如医疗") == "医疗"
    assert after_opening_verb("澜钛") == ""


# --- a description before 公司/集团 says what kind of company ---------------------------------------


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("一家人工智能芯片研发公司近日获得融资。", "人工智能芯片研发公司"),
        ("这家沉浸式VR音频公司成立于去年。", "沉浸式VR音频公司"),
        ("一家新能源汽车制造公司落户园区。", "新能源汽车制造公司"),
    ],
)
def test_a_description_before_company_is_no_name(mode: str, text: str, described: str) -> None:
    assert described not in _all(text)


@pytest.mark.parametrize(
    ("text", "name", "longer"),
    [
        ("本次重组包含澜钛控股在内的多家企业。", "澜钛控股", "包含澜钛控股"),
        ("峻屹化工立足蔚楠集团的产业基础扩大产能。", "蔚楠集团", "峻屹化工立足蔚楠集团"),
        ("成员单位中,涵盖汀芷控股在内共三家。", "汀芷控股", "涵盖汀芷控股"),
    ],
)
def test_clause_words_before_a_name_stay_outside_it(mode: str, text: str, name: str, longer: str) -> None:
    found = _all(text)
    assert longer not in found
    assert name in found


# --- list items: a person or a title ends an organisation; aspects are no organisations -----------


@pytest.mark.parametrize(
    "text",
    [
        "战略规划、经营业绩、人才队伍建设等方面取得进展。",
        "技术创新、主业布局、管理提升等工作稳步推进。",
        "公司治理、风险防控、品牌建设等方面持续加强。",
    ],
)
def test_aspects_of_work_in_a_list_are_no_organisations(mode: str, text: str) -> None:
    assert not {n for n, label in _all(text).items() if label in ("Company", "Institution")}


# --- round subjects and names after relation nouns -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "澜钛科技成立于2019年,次年6月拿到天使轮融资。",
        "峻屹医药创办后,同年3月获得数千万元A轮融资。",
        "蔚楠机器人起步较晚,2022年5月完成Pre-A轮融资。",
    ],
)
def test_a_date_before_a_round_is_no_company(mode: str, text: str) -> None:
    assert not any(any(ch.isdigit() for ch in name) for name in _all(text))


def test_a_clause_after_a_relation_noun_is_no_company(mode: str) -> None:
    found = _all("澜钛科技子公司负责人针对上半年工作作了汇报。")
    assert not any("针对" in name for name in found)


# --- funds: the modifier must say which fund --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "该市将在全国范围内遴选子基金管理人。",
        "近期各地密集披露子基金招募信息。",
        "力争构建N个子基金,形成基金群。",
        "多层次投资基金体系逐步完善。",
        "已有一些百亿母基金完成设立。",
        "多地设立国资半导体产业基金。",
        "一只半导体国资母基金正在筹备。",
    ],
)
def test_a_fund_modifier_that_says_no_fund_names_none(mode: str, text: str) -> None:
    assert not {n for n, label in _all(text).items() if label == "Fund"}


@pytest.mark.parametrize(
    ("text", "fund"),
    [
        ("澜钛资本发起设立澜钛长汀孵化母基金。", "澜钛长汀孵化母基金"),
        ("国家集成电路产业投资基金参与本轮增资。", "国家集成电路产业投资基金"),
        ("蔚楠点评产业基金参与了此次投资。", "蔚楠点评产业基金"),
    ],
)
def test_a_fund_that_says_which_stays(mode: str, text: str, fund: str) -> None:
    assert _all(text).get(fund) == "Fund"
