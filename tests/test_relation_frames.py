"""Relation frames for ESTABLISHED, SUBSIDIARY_OF, MANAGES, ISSUED and AFFILIATED_WITH on sentences written for
these tests (invented names, phrased unlike any evaluation article): each frame is held to several wordings."""

from __future__ import annotations

import pytest
from test_constructions import facts

from capgraph.graph.model import Mention
from capgraph.loaders.relations import Context, find_relations
from capgraph.loaders.resolve import Entity
from capgraph.loaders.sentences import split_sentences

# --- a bank's own unit set up ----------------------------------------------------------------------


def test_bank_sets_up_units_named_after_a_descriptor() -> None:
    found = facts(
        "[Institution:青州农商银行]的科技金融起步较早。早在2010年,我们就成立了全省第一个服务初创企业的总行一级部门"
        "——[Institution:科创企业金融服务中心],并在2013年设立全省首家科技专营支行——[Institution:东湖科技支行]。"
    )
    for unit in ("科创企业金融服务中心", "东湖科技支行"):
        assert ("ESTABLISHED", "青州农商银行", unit) in found
        assert ("SUBSIDIARY_OF", unit, "青州农商银行") in found


def test_bank_in_focus_opens_a_branch_in_a_place() -> None:
    found = facts(
        "[Institution:甲银行乙省分行]行长张三介绍,该行打造三级网络:在[Place:丙市高新区]成立[Institution:“硬核”支行],"
        "重点支持新能源。"
    )
    assert {
        ("ESTABLISHED", "甲银行乙省分行", "“硬核”支行"),
        ("SUBSIDIARY_OF", "“硬核”支行", "甲银行乙省分行"),
    } <= found


def test_unit_named_after_its_bank_opens() -> None:
    found = facts(
        "[Institution:甲银行乙省分行科技金融中心]正式揭牌成立。[Institution:甲银行乙省分行]副行长李四宣读文件。"
    )
    assert ("ESTABLISHED", "甲银行乙省分行", "甲银行乙省分行科技金融中心") in found


def test_a_unit_opened_by_another_actor_is_not_the_banks() -> None:
    found = facts(
        "[Institution:北山银行]与[Institution:甲市政府]签约,[Institution:甲市政府]将在高新区成立[Institution:科创服务中心]。"
        "[Institution:南湖银行]成立于1998年。[Institution:南湖银行城东支行]成立以来放贷10亿元。"
    )
    assert not {f for f in found if f[1:] in {("北山银行", "科创服务中心"), ("科创服务中心", "北山银行")}}
    assert ("ESTABLISHED", "南湖银行", "南湖银行城东支行") not in found


# --- founders: nouns, appositives, the fund in focus -------------------------------------------------


def test_founders_named_after_a_descriptor_and_a_dash() -> None:
    for marked in (
        "[Fund:丁城母基金]的发起单位是两地国有创投公司——[Company:甲创业投资有限公司]与[Company:乙创新投资有限公司]。",
        "[Fund:丁城母基金]的发起单位是[Company:两地国有创投公司]——[Company:甲创业投资有限公司]与[Company:乙创新投资有限公司]。",
        "据悉,[Fund:丁城母基金]的发起人为:[Company:甲创业投资有限公司]和[Company:乙创新投资有限公司]。",
    ):
        found = facts(marked)
        assert {
            ("ESTABLISHED", "甲创业投资有限公司", "丁城母基金"),
            ("ESTABLISHED", "乙创新投资有限公司", "丁城母基金"),
        } <= found, marked
        assert not {f for f in found if f[0] == "ESTABLISHED" and f[1] == "丁城母基金"}, marked


def test_main_initiator_of_the_fund_in_focus() -> None:
    found = facts(
        "[Fund:乙调基金]总规模100亿元,分两期募集。其中一期规模50亿元,[Company:甲控股]作为主发起人出资10亿元,"
        "[Company:丙银行]出资20亿元。[Company:甲基金管理有限公司]负责管理。"
    )
    assert {("ESTABLISHED", "甲控股", "乙调基金"), ("INVESTED_IN", "甲控股", "乙调基金")} <= found
    assert not {f for f in found if f[2] == "甲基金管理有限公司"}  # 其中 is no pronoun for the last name


def test_founded_with_no_founder_named_is_no_subjects() -> None:
    found = facts("前有[Company:甲芯科技]融资超10亿,还有同一时期成立的[Company:乙芯半导体]一年内完成四轮融资。")
    assert not {f for f in found if f[0] == "ESTABLISHED"}
    found = facts(
        "与[Institution:甲市国资委]等单位合作成立[Fund:丙城科创母基金]。[Company:乙投资集团]同时设立[Fund:丁基金]。"
    )
    assert ("ESTABLISHED", "甲市国资委", "丙城科创母基金") in found


# --- subsidiaries: modifiers, descriptor lists, 所属 -----------------------------------------------


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:甲东方资产管理有限公司]是[Company:甲集团]第一家京外二级企业。",
        "[Company:甲东方资产管理有限公司]为[Company:甲集团]在华东地区的全资子公司。",
        "[Company:甲集团]宣布,旗下核心子品牌、二手车交易平台[Company:甲东方资产管理有限公司]已完成B轮融资。",
        "[Company:甲集团]所属的资产管理公司[Company:甲东方资产管理有限公司]负责运营。",
    ],
)
def test_a_unit_of_its_parent(marked: str) -> None:
    assert ("SUBSIDIARY_OF", "甲东方资产管理有限公司", "甲集团") in facts(marked)


def test_no_unit_where_the_words_say_otherwise() -> None:
    found = facts(
        "[Company:好车]所属行业的龙头企业[Company:大车]上市。[Company:好车]是[Company:甲城集团]投资的第一家企业。"
        "[Company:小车]是[Company:甲城集团]的重要合作企业。"
    )
    assert not {f for f in found if f[0] == "SUBSIDIARY_OF"}


# --- affiliations: sources, bylines, departments ----------------------------------------------------


def test_a_data_source_is_no_company_of_the_person() -> None:
    found = facts(
        "[Company:青芯微电子]完成8亿元融资。据[Company:天眼查]信息显示,公司创始人、董事长兼CEO[Person:赵远]曾在外企任职。"
    )
    assert ("AFFILIATED_WITH", "赵远", "青芯微电子") in found
    assert ("AFFILIATED_WITH", "赵远", "天眼查") not in found


def test_byline_credits_and_a_closing_credit() -> None:
    found = facts("[Company:甲科技]完成融资。\n作者 | [Person:惜言]\n来源:[Institution:甲道]")
    assert ("AFFILIATED_WITH", "惜言", "甲道") in found
    found = facts("本次活动将在多地举办。([Institution:中国某网]) 【编辑:[Person:刘二]】")
    assert ("AFFILIATED_WITH", "刘二", "中国某网") in found


def test_a_reposting_sites_editor_is_not_the_sources() -> None:
    found = facts("来源:[Institution:某证券报] [Person:刘一]\n正文。\n(责任编辑:[Person:魏二])")
    assert ("AFFILIATED_WITH", "刘一", "某证券报") in found
    assert ("AFFILIATED_WITH", "魏二", "某证券报") not in found


def test_a_numbered_department_between_company_and_title() -> None:
    found = facts("[Company:甲华科投资股份有限公司]投资三部总经理[Person:熊一]长期关注机器人。")
    assert ("AFFILIATED_WITH", "熊一", "甲华科投资股份有限公司") in found


# --- managers named by their role -------------------------------------------------------------------


def test_manager_named_by_its_role_before_the_fund() -> None:
    found = facts(
        "公司全资子公司[Company:甲半导体有限公司]作为有限合伙人与私募基金管理人暨普通合伙人"
        "[Institution:丙东投资管理企业(有限合伙)]及其他有限合伙人拟签署《[Fund:丙创创业投资合伙企业(有限合伙)]合伙协议》。"
    )
    assert ("MANAGES", "丙东投资管理企业(有限合伙)", "丙创创业投资合伙企业(有限合伙)") in found
    found = facts("[Company:甲半导体有限公司]拟与基金管理人[Institution:丙东资本]共同投资设立[Fund:丙创二号基金]。")
    assert ("MANAGES", "丙东资本", "丙创二号基金") in found


def test_the_funds_manager_in_apposition() -> None:
    found = facts("[Fund:丙创二号基金]的基金管理人[Institution:丙东资本]还管理着[Fund:丙创一号基金]。")
    assert {("MANAGES", "丙东资本", "丙创二号基金"), ("MANAGES", "丙东资本", "丙创一号基金")} <= found


def test_a_general_partner_alone_manages_no_fund_by_apposition() -> None:
    found = facts("[Institution:甲合伙企业]的普通合伙人[Institution:丁资本]与[Fund:戊基金]签署协议。")
    assert not {f for f in found if f[0] == "MANAGES"}


# --- one frame for a founding in the passive (由…设立) ----------------------------------------------


@pytest.mark.parametrize(
    ("marked", "founders"),
    [
        ("[Fund:北南科创基金]成立于2021年,是由[Company:北岭集团]发起设立的市场化母基金。", {"北岭集团"}),
        ("[Fund:北南科创基金]规模5亿元。该基金由[Company:北岭集团]独家发起设立。", {"北岭集团"}),
        (
            "[Fund:北南科创基金]由[Company:北岭集团]牵头,联合[Institution:南湖银行]等共同设立。",
            {"北岭集团", "南湖银行"},
        ),
        (
            "由[Institution:甲市国资委]、[Company:乙投资集团]共同发起设立的[Fund:北南科创基金]今日揭牌。",
            {"甲市国资委", "乙投资集团"},
        ),
        ("2020年,由[Institution:甲市国资委]牵头设立[Fund:北南科创基金]。", {"甲市国资委"}),
        (
            "[Fund:北南科创基金]是由[Institution:甲市国资委]与[Company:乙投资集团]联合发起的,规模10亿元。",
            {"甲市国资委", "乙投资集团"},
        ),
    ],
)
def test_founded_by_in_the_passive(marked: str, founders: set[str]) -> None:
    found = facts(marked)
    assert {("ESTABLISHED", f, "北南科创基金") for f in founders} <= found
    assert not {f for f in found if f[0] == "ESTABLISHED" and f[1] == "北南科创基金"}  # never reversed


def test_founders_that_put_money_in_invest_too() -> None:
    found = facts("[Fund:北南科创基金]由[Institution:甲市国资委]以及[Company:乙投资集团]等社会出资人共同出资设立。")
    assert {("ESTABLISHED", "乙投资集团", "北南科创基金"), ("INVESTED_IN", "乙投资集团", "北南科创基金")} <= found


def test_no_founding_frame_across_other_verbs() -> None:
    found = facts(
        "[Fund:北南科创基金]由[Institution:甲市国资委]管理,[Company:乙投资集团]负责运营。"
        "[Person:张三]由[Company:乙投资集团]推荐,成立专班。"
    )
    assert not {f for f in found if f[0] == "ESTABLISHED"}


def test_an_initiator_taking_part_in_the_founding() -> None:
    for marked in (
        "[Company:北岭集团]作为发起人之一,参与设立[Fund:北南科创基金]。",
        "[Company:北岭集团]作为主发起人牵头组建[Fund:北南科创基金]。",
    ):
        assert ("ESTABLISHED", "北岭集团", "北南科创基金") in facts(marked), marked


def test_a_company_founded_by_people_and_by_a_group() -> None:
    found = facts("[Company:青芯微电子]成立于2019年,由[Person:赵远]创立。")
    assert ("AFFILIATED_WITH", "赵远", "青芯微电子") in found
    found = facts("由[Person:赵远]和[Person:钱七]联合创办的芯片企业[Company:青芯微电子]完成融资。")
    assert {("AFFILIATED_WITH", "赵远", "青芯微电子"), ("AFFILIATED_WITH", "钱七", "青芯微电子")} <= found
    found = facts("[Company:青芯微电子]由[Company:北岭集团]创立。")
    assert ("ESTABLISHED", "北岭集团", "青芯微电子") in found


def test_wholly_held_and_a_unit_opening_the_sentence() -> None:
    found = facts("[Company:北岭集团]持有[Company:北岭创投有限公司]100%股权。")
    assert ("SUBSIDIARY_OF", "北岭创投有限公司", "北岭集团") in found
    found = facts("[Company:北岭集团]持有[Company:北岭创投有限公司]51%股权。")
    assert ("SUBSIDIARY_OF", "北岭创投有限公司", "北岭集团") not in found
    found = facts("作为[Company:北岭集团]旗下的投资平台,[Company:北岭创投有限公司]已管理基金规模超百亿元。")
    assert ("SUBSIDIARY_OF", "北岭创投有限公司", "北岭集团") in found


def test_a_manager_in_its_role_runs_the_fund() -> None:
    found = facts("[Institution:北岭创投]作为GP和管理人,负责[Fund:北南科创基金]的投资运作。")
    assert ("MANAGES", "北岭创投", "北南科创基金") in found
    found = facts("[Institution:北岭创投]作为有限合伙人,负责[Fund:北南科创基金]的出资。")
    assert ("MANAGES", "北岭创投", "北南科创基金") not in found


def test_a_branch_named_after_its_banks_known_short_form() -> None:
    found = facts("[Institution:中国工商银行]分支机构(深圳为[Institution:工行南山科技园支行])获批。")
    assert ("SUBSIDIARY_OF", "工行南山科技园支行", "中国工商银行") in found
    found = facts("[Institution:中国建设银行]与[Institution:建行甲省分行]合作。")
    assert ("SUBSIDIARY_OF", "建行甲省分行", "中国建设银行") in found


def test_the_branches_of_a_bank_in_general_are_no_unit() -> None:
    found = facts("[Institution:中国邮政储蓄银行]将推动[Institution:中国邮政储蓄银行分支行]加大投放。")
    assert not {f for f in found if f[0] == "SUBSIDIARY_OF"}


def test_people_holding_posts_of_one_organisation() -> None:
    found = facts("[Person:甲一]、[Person:乙二]分别担任[Company:北岭投资集团]董事长、总经理。")
    assert {("AFFILIATED_WITH", "甲一", "北岭投资集团"), ("AFFILIATED_WITH", "乙二", "北岭投资集团")} <= found


def test_a_titled_person_after_a_verb_is_another_partys() -> None:
    """The title-driven rule: 甲道访谈了某公司创始人A — A is not 甲道's (the company between is no name here)."""
    text = "近期,甲道访谈了青芯CASBOT创始人张三,以下为对话精华。北岭集团董事长李四出席。"
    sentences = split_sentences(text)

    def mention(name: str, label: str, **properties: str) -> Mention:
        start = text.index(name)
        index = next(s.index for s in sentences if s.start <= start < s.end)
        return Mention(name, label, start, start + len(name), index, dict(properties))

    mentions = [
        mention("甲道", "Institution"),
        mention("张三", "Person", title="创始人"),
        mention("北岭集团", "Company"),
        mention("李四", "Person", title="董事长"),
    ]
    entities = {m.text: Entity(m.label, None, [m.text]) for m in mentions}
    ctx = Context(text, sentences, mentions, lambda m: entities[m.text])
    found = {(f.type, f.source.name, f.target.name) for f in find_relations(ctx, list(entities.values()))}
    assert ("AFFILIATED_WITH", "张三", "甲道") not in found
    assert ("AFFILIATED_WITH", "李四", "北岭集团") in found


def test_a_backer_is_no_founder_and_no_bank_owns_anothers_centre() -> None:
    found = facts("[Company:甲科技公司]在[Institution:甲银行]支持下成立[Institution:甲科技研发中心]。")
    assert ("ESTABLISHED", "甲科技公司", "甲科技研发中心") in found
    assert not {f for f in found if "甲银行" in f[1:]}


def test_founding_frame_with_amounts_and_a_clause_between() -> None:
    found = facts("[Fund:北南科创基金]由[Institution:北岭创投]管理,由[Company:北岭集团]出资设立。")
    assert {("ESTABLISHED", "北岭集团", "北南科创基金"), ("INVESTED_IN", "北岭集团", "北南科创基金")} <= found
    assert ("ESTABLISHED", "北岭集团", "北岭创投") not in found
    found = facts("[Fund:北南科创基金]由[Company:北岭集团]、[Institution:南湖银行]共同出资50亿元发起设立。")
    assert {("ESTABLISHED", "北岭集团", "北南科创基金"), ("ESTABLISHED", "南湖银行", "北南科创基金")} <= found


def test_a_founder_opening_the_sentence_after_the_company() -> None:
    found = facts("[Company:青芯微电子]成立于2018年,总部位于深圳。创始人兼CEO、董事长 [Person:赵远]毕业于清华大学。")
    assert ("AFFILIATED_WITH", "赵远", "青芯微电子") in found
    found = facts("[Company:青芯微电子]完成新一轮融资。[Person:赵远]是公司创始人。")
    assert ("AFFILIATED_WITH", "赵远", "青芯微电子") in found
    # no company, or two, in the sentence before: no one's founder
    found = facts(
        "2024年释出了新品。创始人[Person:张三]认为,产业会先垂直后泛化。[Company:宇航科技]也在布局。"
        "[Company:青芯微电子]与[Company:宇航科技]展开合作。CEO[Person:赵远]表示看好。"
    )
    assert not {f for f in found if f[0] == "AFFILIATED_WITH"}


def test_titles_joined_by_ji_belong_to_the_person_after_them() -> None:
    found = facts(
        "会上,[Person:许一],[Institution:甲中国资本]合伙人及首席财务官[Person:陈二],[Institution:乙投资]合伙人[Person:花三]展开讨论。"
    )
    assert ("AFFILIATED_WITH", "许一", "甲中国资本") not in found
    assert {("AFFILIATED_WITH", "陈二", "甲中国资本"), ("AFFILIATED_WITH", "花三", "乙投资")} <= found


def test_a_dateline_is_no_part_of_the_sentence_it_opens() -> None:
    found = facts(
        "[Institution:新华社]上海10月24日电(记者 [Person:王五])23日,[Company:北岭控股集团有限公司](简称“北岭集团”)"
        "在沪成立[Company:上海北岭投资],并发起设立[Fund:北岭混改基金],基金总规模达300亿元。"
    )
    assert {
        ("ESTABLISHED", "北岭控股集团有限公司", "上海北岭投资"),
        ("ESTABLISHED", "北岭控股集团有限公司", "北岭混改基金"),
        ("AFFILIATED_WITH", "王五", "新华社"),
    } <= found
