"""Entity shapes of ent13, on sentences written for these tests (invented names; no gold or news text):
a level character and a body's short form (省科协), fund names with a bracket inside or after them,
left edges glued to a suffix-found name, and coined spans that are fields, not companies."""

from __future__ import annotations

import pytest
from entity_support import mentions, named

# --- 省/市/区/县 + a body's short form is that level's body ---------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("青禾集团一行赴省科协座谈,双方就成果转化交换意见。", "省科协"),
        ("会上,市侨联主席柏知远介绍了海外联络工作。", "市侨联"),
        ("本次培训班由县委党校承办,学员共四十人。", "县委党校"),
        ("区财政局会同青禾控股制定了补贴细则。", "区财政局"),
        ("省人大常委会办公厅秘书卞雨萌参加调研。", "省人大常委会办公厅"),
        ("市工商联副主席臧晓出席了签约仪式。", "市工商联"),
    ],
)
def test_a_level_and_a_body_short_form_name_the_body(mode: str, text: str, body: str) -> None:
    found = {m.text: m for m in mentions(text)}
    assert body in found
    assert found[body].label == "Institution"


@pytest.mark.parametrize(
    ("text", "body", "longer"),
    [
        ("青禾公司肩负省委、省政府赋予的任务。", "省委", "肩负省委"),
        ("他多次拜访市科协,争取支持。", "市科协", "拜访市科协"),
        ("青禾科技立足县财政局的贴息政策扩大生产。", "县财政局", "立足县财政局"),
    ],
)
def test_a_verb_before_the_level_character_is_not_part_of_the_body(
    mode: str, text: str, body: str, longer: str
) -> None:
    institutions = named(text, "Institution")
    assert body in institutions
    assert longer not in institutions


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("四川省人大常委会副主任柏知远出席会议。", "四川省人大常委会"),
        ("湄潭县科协组织专家下乡服务。", "湄潭县科协"),
        ("宜宾市财政局牵头设立了产业基金。", "宜宾市财政局"),
    ],
)
def test_a_known_place_before_the_level_keeps_the_whole_name(mode: str, text: str, name: str) -> None:
    institutions = named(text, "Institution")
    assert name in institutions
    assert not any(i != name and name.endswith(i) for i in institutions)


@pytest.mark.parametrize(
    "text",
    [
        "全省科协系统共举办活动三百场。",  # every body of the province's system, none named
        "省财政资金将优先支持青禾项目。",  # 财政资金: money, not the body
        "城市财政收入增长较快。",  # 城市: no level character
        "市委市政府高度重视科技金融工作。",  # the leadership in general
    ],
)
def test_no_level_body_where_the_words_say_something_else(mode: str, text: str) -> None:
    institutions = named(text, "Institution")
    assert not institutions & {"省科协", "省财政", "市财政", "市委", "市政府"}


# --- a place in brackets inside a fund's name, a phase or a numbered vehicle in brackets after it -----


@pytest.mark.parametrize(
    "name",
    [
        "湖南省专精特新(株洲)母基金",
        "江西省智能制造(赣州)产业基金",
        "福建省新材料(泉州)母基金",
    ],
)
def test_a_place_in_brackets_inside_a_fund_name_belongs_to_it(mode: str, name: str) -> None:
    text = f"青禾资本联合设立{name},规模20亿元。"
    assert name in named(text, "Fund")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("本次出资设立湖南省科创母基金(二期),规模30亿元。", "湖南省科创母基金(二期)"),
        ("青禾资本管理的中小企业发展基金(湖南有限合伙叁号)完成备案。", "中小企业发展基金(湖南有限合伙叁号)"),
        ("臧晓介绍,青禾产业投资基金(三期)已完成首关。", "青禾产业投资基金(三期)"),
    ],
)
def test_a_phase_or_vehicle_in_brackets_after_a_fund_belongs_to_it(mode: str, text: str, name: str) -> None:
    assert name in named(text, "Fund")


def test_a_bracket_that_is_no_series_stays_outside_the_fund(mode: str) -> None:
    text = "青禾资本出资设立湖南省科创母基金(规模30亿元),投向新材料。"
    funds = named(text, "Fund")
    assert "湖南省科创母基金" in funds
    assert not any("(" in f for f in funds)


# --- an ownership descriptor glued before a registered name is not part of it ----------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("由高新区区属国企青禾城建投资集团有限公司出资。", "青禾城建投资集团有限公司"),
        ("龙湾区属国企温州青禾产业资本投资有限公司担任管理人。", "温州青禾产业资本投资有限公司"),
        ("省属企业湘禾控股集团有限公司参与投资。", "湘禾控股集团有限公司"),
    ],
)
def test_an_ownership_descriptor_before_a_registered_name_is_cut(mode: str, text: str, name: str) -> None:
    found = {m.text: m.label for m in mentions(text)}
    assert name in found
    assert found[name] in ("Institution", "Company")
    assert not any(n != name and n.endswith(name) for n in found)


def test_a_city_owned_kind_of_company_is_still_no_name(mode: str) -> None:
    text = "青禾市属国有资本投资公司将出资。"
    assert not named(text, "Institution") | named(text, "Company")


# --- a pledge signed between parties is an agreement, not a policy ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "青禾集团与各子公司签订《安全生产责任书》。",
        "湘禾控股与下属企业签署《经营目标责任书》。",
        "各单位负责人签署《廉洁从业承诺书》。",
    ],
)
def test_a_signed_pledge_is_no_policy(mode: str, text: str) -> None:
    assert not named(text, "Policy")


def test_a_plan_in_title_marks_is_still_a_policy(mode: str) -> None:
    assert "科技金融发展行动方案" in named("省政府印发《科技金融发展行动方案》。", "Policy")
