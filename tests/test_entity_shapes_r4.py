"""Entity shapes of round 4 (issue 8): boundaries and typing as general rules, each on sentences written
for these tests (invented names; no gold or news text). The default name model (hybrid LAC)."""

from __future__ import annotations

import pytest
from entity_support import mentions

from capgraph.loaders.ner import tagged_words


@pytest.fixture(autouse=True)
def hybrid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")


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


# --- the left boundary of a suffixed name: words that open a clause stay outside ----------------------


@pytest.mark.parametrize(
    ("text", "name", "not_names"),
    [
        ("双方认为，甲方有很多值得乙丙集团借鉴的做法。", "乙丙集团", {"有很多值得乙丙集团"}),
        ("上周，县长一行到访丁戊集团并座谈。", "丁戊集团", {"访丁戊集团", "到访丁戊集团"}),
        ("他还指出区政府将继续支持园区建设。", "区政府", {"指出区政府"}),
        ("代表团专程来访己庚控股集团，双方交流了经验。", "己庚控股集团", {"来访己庚控股集团"}),
    ],
)
def test_verbs_and_quantities_before_a_suffixed_name_are_left_out(text: str, name: str, not_names: set[str]) -> None:
    found = {m.text for m in mentions(text)}
    assert name in found
    assert not found & not_names


def test_a_clause_before_a_plain_company_word_names_no_company() -> None:
    found = {m.text for m in mentions("他认为，新能源赛道一定能出大公司。")}
    assert not any(name.endswith("公司") for name in found)


def test_a_known_short_form_that_reads_as_a_verb_stays_in_the_branch_name() -> None:
    # 建行 is a verb to the word model and a bank to the gazetteer
    assert "建行苏州分行" in {m.text for m in mentions("今年，建行苏州分行新增科技贷款10亿元。")}


# --- a known group's name written right before its investing unit's name ------------------------------


@pytest.mark.parametrize(
    ("text", "group", "unit"),
    [
        ("天使轮由招商局集团甲乙资本领投，丙丁创投跟投。", "招商局集团", "甲乙资本"),
        ("本轮由海尔集团海尔资本领投。", "海尔集团", "海尔资本"),
        ("华润集团润科资本、戊己资本参与了本轮融资。", "华润集团", "润科资本"),
    ],
)
def test_a_group_and_its_investing_unit_written_together_are_two_names(text: str, group: str, unit: str) -> None:
    found = {m.text for m in mentions(text)}
    assert {group, unit} <= found
    assert group + unit not in found


def test_a_group_and_a_descriptive_unit_stay_one_name() -> None:
    assert "华润集团财务公司" in {m.text for m in mentions("华润集团财务公司为项目提供贷款。")}


# --- investors in a round's list: joining words and Latin names -----------------------------------------


@pytest.mark.parametrize(
    ("text", "investors", "not_names"),
    [
        ("本轮由甲乙资管(Jiayi Asset Management)与Sofina领投，丙丁创投跟投。", {"Sofina", "丙丁创投"}, {"与Sofina"}),
        ("对此，由星河资本、云岭资本联合领投。", {"星河资本", "云岭资本"}, {"由星河资本"}),
        ("Blue Harbor Holdings AG与丁戊资本共同领投。", {"Blue Harbor Holdings AG", "丁戊资本"}, set()),
        ("Northwind Holdings A/S、庚辛创投参与本轮跟投。", {"Northwind Holdings A/S", "庚辛创投"}, set()),
    ],
)
def test_investors_of_a_round_keep_their_names_and_are_institutions(
    text: str, investors: set[str], not_names: set[str]
) -> None:
    found = {m.text: m.label for m in mentions(text)}
    assert all(found.get(name) == "Institution" for name in investors), found
    assert not set(found) & not_names


# --- technology and industry terms are no companies, in a list or alone -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "公司业务覆盖智能安防、智慧医疗、AI芯片等多个领域的独角兽企业。",
        "产品用于5G基站、第三代半导体、新能源汽车等企业的产线。",
        "甲乙公司深耕AI芯片、智慧教育和数字能源等赛道的企业服务。",
    ],
)
def test_field_terms_in_a_list_are_no_companies(text: str) -> None:
    found = {m.text for m in mentions(text)}
    assert not found & {"智慧医疗", "AI芯片", "智能安防", "第三代半导体", "智慧教育", "数字能源"}


def test_a_list_of_companies_beside_a_field_keeps_its_companies() -> None:
    text = "参与者包括甲乙科技、丙丁智能和戊己芯片等企业。"
    assert {"甲乙科技", "丙丁智能"} <= {m.text for m in mentions(text)}


# --- national bodies and the funds they run -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("全国社保基金会副理事长陈一鸣与甲乙投资签署合伙协议。", "全国社保基金会", "Institution"),
        ("全国社保基金投资了丙丁基金。", "全国社保基金", "Fund"),
        ("国家自然科学基金委员会与某省签署联合基金协议。", "国家自然科学基金委员会", "Institution"),
        ("华芯投资管理的国家集成电路产业投资基金二期参与增资。", "国家集成电路产业投资基金二期", "Fund"),
        ("华芯投资管理的国家集成电路产业投资基金二期参与增资。", "华芯投资", "Institution"),
    ],
)
def test_a_national_body_is_an_institution_and_the_fund_it_runs_a_fund(text: str, name: str, label: str) -> None:
    assert {m.text: m.label for m in mentions(text)}.get(name) == label


# --- a preposition of one character before a level's body; nouns before a known name -----------------


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        ("本项目经区政府批准后实施。", {"经区政府"}),
        ("近日，经区委区政府审定同意，两项办法印发实施。", {"经区委", "经区政府"}),
        ("方案经区委研究通过。", {"经区委"}),
    ],
)
def test_a_one_character_word_before_a_district_body_is_no_place(text: str, not_names: set[str]) -> None:
    assert not {m.text for m in mentions(text)} & not_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("基金与投资项目宁德时代新能源科技股份有限公司签约。", "宁德时代新能源科技股份有限公司"),
        ("本次签约企业华为技术有限公司将在园区建设研发中心。", "华为技术有限公司"),
        ("合作伙伴比亚迪股份有限公司出席。", "比亚迪股份有限公司"),
    ],
)
def test_ordinary_nouns_before_a_known_name_stay_out_of_it(text: str, name: str) -> None:
    assert name in {m.text for m in mentions(text)}


@pytest.mark.parametrize(
    "text",
    [
        "甲乙产投成立于2015年，是合肥市属国有资本投资公司。",
        "该平台是省属国有资本运营公司。",
        "丙丁集团作为区属国有投资集团，设立了多支基金。",
    ],
)
def test_a_company_owned_by_a_level_of_government_is_a_kind_not_a_name(text: str) -> None:
    assert not {m.text for m in mentions(text) if "属" in m.text}


# --- a coined name the clause calls a unit of another or an enterprise -----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会上介绍，鑫拓微是甲乙集团旗下的核心子企业。", "鑫拓微"),
        ("他指出，远翼是本地土生土长的“老字号”企业。", "远翼"),
        ("其中，川拓峨是丙丁控股的全资子公司，主营芯片。", "川拓峨"),
    ],
)
def test_a_coined_name_said_to_be_a_unit_or_an_enterprise_is_a_company(text: str, name: str) -> None:
    assert {m.text: m.label for m in mentions(text)}.get(name) == "Company"


def test_an_ordinary_subject_said_to_be_an_enterprise_names_nothing() -> None:
    assert not {m.text for m in mentions("这是一家年轻的企业。")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("近日，鑫拓科技新一轮融资完成首次交割。", "鑫拓科技"),
        ("在远翼智能暂停上市之后，公司调整了业务。", "远翼智能"),
        ("据悉，川拓生物融资10亿元用于扩产。", "川拓生物"),
    ],
)
def test_a_brand_with_a_company_ending_before_its_round_or_listing_is_a_company(text: str, name: str) -> None:
    assert {m.text: m.label for m in mentions(text)}.get(name) == "Company"
