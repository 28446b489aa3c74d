"""Relation constructions on sentences written for these tests (invented names), one test per construction.

Names are marked in the text as [Label:name], so these tests hold the relation stage to its own job:
given the typed mentions, the relations a reader sees — whatever the entity stage finds on its own.
"""

from __future__ import annotations

import pytest
from relation_support import MARK, facts

from capgraph.graph.model import Mention
from capgraph.loaders.constructions import compile_pattern, constructions
from capgraph.loaders.relations import Context, find_relations
from capgraph.loaders.resolve import Entity
from capgraph.loaders.sentences import split_sentences


def test_every_construction_compiles_and_emits_known_slots() -> None:
    assert len(constructions()) >= 15
    regex, slots = compile_pattern("{a:ORG+}领投")
    assert set(slots) == {"a"} and regex.search("\ue001、\ue002和\ue001领投")


# --- MANAGES ---------------------------------------------------------------------------------------


def test_general_partner_named_after_the_fund() -> None:
    found = facts("近日,[Fund:东岭智造创业投资基金]完成备案,执行事务合伙人为[Institution:东岭资本管理有限公司]。")
    assert ("MANAGES", "东岭资本管理有限公司", "东岭智造创业投资基金") in found


def test_manager_takes_the_role_of_the_fund_in_focus() -> None:
    found = facts(
        "[Fund:南湖种子基金]首期规模10亿元。[Institution:南湖创投集团]担任该基金管理人,负责项目投资与投后管理。"
    )
    assert ("MANAGES", "南湖创投集团", "南湖种子基金") in found


def test_manager_of_a_named_fund() -> None:
    found = facts("[Institution:青禾资本]担任执行事务合伙人的[Fund:青禾一号股权投资合伙企业(有限合伙)]认缴出资3亿元。")
    assert ("MANAGES", "青禾资本", "青禾一号股权投资合伙企业(有限合伙)") in found


def test_fund_managed_by() -> None:
    found = facts("[Fund:西江产业引导基金]由[Institution:西江金融控股有限公司]受托管理。")
    assert ("MANAGES", "西江金融控股有限公司", "西江产业引导基金") in found


def test_manager_and_the_funds_it_manages() -> None:
    found = facts("[Institution:北辰投资]旗下管理的[Fund:北辰成长基金]、[Fund:北辰并购基金]均已投资完毕。")
    assert {("MANAGES", "北辰投资", "北辰成长基金"), ("MANAGES", "北辰投资", "北辰并购基金")} <= found


def test_manager_mainly_manages_and_has_invested() -> None:
    found = facts(
        "其中,[Institution:北岸科创投资有限公司]主要负责管理[Fund:北岸市科技母基金],目前已投资[Company:北岸量子科技]等30余家企业。"
    )
    assert ("MANAGES", "北岸科创投资有限公司", "北岸市科技母基金") in found
    assert ("INVESTED_IN", "北岸科创投资有限公司", "北岸量子科技") in found


# --- INVESTED_IN -----------------------------------------------------------------------------------


def test_limited_partners_named_after_you() -> None:
    found = facts(
        "[Fund:云岭科创基金]总规模20亿元,由[Institution:云岭国资公司]、[Company:云岭电子股份有限公司]"
        "及[Institution:云岭城投集团]共同出资。"
    )
    for investor in ("云岭国资公司", "云岭电子股份有限公司", "云岭城投集团"):
        assert ("INVESTED_IN", investor, "云岭科创基金") in found


def test_founding_capital_is_no_lp_commitment() -> None:
    found = facts("[Fund:松江未来基金]由[Institution:松江国投]出资设立。")
    assert ("ESTABLISHED", "松江国投", "松江未来基金") in found


def test_lp_commitments_into_the_fund_in_focus() -> None:
    found = facts(
        "[Fund:海湾新材料母基金]近日完成扩募。其中,[Institution:海湾产业集团]认缴12亿元;"
        "[Institution:海湾区财政局]认缴出资金额由2亿元增加至5亿元。"
    )
    assert ("INVESTED_IN", "海湾产业集团", "海湾新材料母基金") in found
    assert ("INVESTED_IN", "海湾区财政局", "海湾新材料母基金") in found


def test_capital_that_founds_a_company_is_no_lp_commitment() -> None:
    found = facts(
        "[Fund:北海成长基金]今年投资了多家企业。[Company:北海港务集团]出资5亿元设立[Company:北海物流科技有限公司]。"
    )
    assert ("ESTABLISHED", "北海港务集团", "北海物流科技有限公司") in found
    assert ("INVESTED_IN", "北海港务集团", "北海成长基金") not in found


def test_contributors_listed() -> None:
    found = facts("[Fund:长桥天使基金]的出资方主要是[Institution:长桥科创集团]和[Institution:长桥高新区管委会]。")
    assert ("INVESTED_IN", "长桥科创集团", "长桥天使基金") in found
    assert ("INVESTED_IN", "长桥高新区管委会", "长桥天使基金") in found


def test_round_lead_follow_and_old_shareholders() -> None:
    found = facts(
        "近日,[Company:星澜光电]完成数亿元B轮融资,由[Institution:远山资本]领投,[Institution:启明湾创投]、"
        "[Company:青松科技]跟投,[Institution:禾丰资本]、[Institution:蓝海投资]等老股东亦持续加码。"
    )
    for investor in ("远山资本", "启明湾创投", "青松科技", "禾丰资本", "蓝海投资"):
        assert ("INVESTED_IN", investor, "星澜光电") in found


def test_investors_of_a_company_point_at_it() -> None:
    found = facts("[Company:甲岸科技]的投资方包括[Institution:乙岸资本]、[Institution:丙岸创投]。")
    assert ("INVESTED_IN", "乙岸资本", "甲岸科技") in found
    assert ("INVESTED_IN", "丙岸创投", "甲岸科技") in found
    assert ("INVESTED_IN", "甲岸科技", "乙岸资本") not in found  # 投资方 is a noun here, not the verb


def test_lead_then_followers_joined_by_a_list_mark() -> None:
    found = facts(
        "[Company:星河动力]完成C轮融资,本轮融资由[Institution:甲河资本]领投、[Institution:乙河创投]、"
        "[Institution:丙河基金]跟投。"
    )
    for investor in ("甲河资本", "乙河创投", "丙河基金"):
        assert ("INVESTED_IN", investor, "星河动力") in found
    assert ("INVESTED_IN", "甲河资本", "乙河创投") not in found


def test_sole_investor_of_the_round_named_in_the_next_sentence() -> None:
    found = facts("[Company:蓝鲸智能]近日完成5000万元天使轮融资。[Institution:甲鲸创投]为本轮独家投资方。")
    assert ("INVESTED_IN", "甲鲸创投", "蓝鲸智能") in found


def test_other_investors_such_as() -> None:
    found = facts(
        "[Company:禾润医疗]本次C轮融资由[Institution:松柏资本]领投,其他投资者有[Institution:白鹭基金]、"
        "[Institution:赤城资本]等,现有股东[Institution:明德创投]也参与其中。"
    )
    for investor in ("松柏资本", "白鹭基金", "赤城资本", "明德创投"):
        assert ("INVESTED_IN", investor, "禾润医疗") in found


def test_investments_with_the_investor_elided_or_referred_to() -> None:
    found = facts(
        "[Fund:甲湾天使基金]成立于2022年。据悉,该基金已投资了[Company:乙湾科技]、[Company:丙湾医疗]等企业。"
        "[Institution:丁湾资本]管理规模超过100亿元,投资了[Company:戊湾芯片]。"
    )
    assert ("INVESTED_IN", "甲湾天使基金", "乙湾科技") in found
    assert ("INVESTED_IN", "甲湾天使基金", "丙湾医疗") in found
    assert ("INVESTED_IN", "丁湾资本", "戊湾芯片") in found


def test_participation_in_a_round_and_no_round_without_one() -> None:
    found = facts("[Company:北辰光电]完成新一轮融资,[Institution:甲辰资本]、[Institution:乙辰创投]等机构参与其中。")
    assert ("INVESTED_IN", "甲辰资本", "北辰光电") in found
    assert ("INVESTED_IN", "乙辰创投", "北辰光电") in found
    found = facts("[Company:南辰电子]发布新品。[Institution:丙辰资本]今年领投了多个项目。")
    assert not any(t == "INVESTED_IN" for t, _, _ in found)


def test_a_stake_is_an_investment_not_a_parent() -> None:
    found = facts("[Company:华川药业]参股公司[Company:新禾生物]完成新一轮融资。")
    assert ("INVESTED_IN", "华川药业", "新禾生物") in found
    assert not any(t == "SUBSIDIARY_OF" for t, _, _ in found)


def test_investing_through_a_fund() -> None:
    found = facts("[Institution:江城产投]通过旗下[Fund:江城智能制造基金]投资了[Company:江城精密机械有限公司]。")
    assert ("INVESTED_IN", "江城智能制造基金", "江城精密机械有限公司") in found
    assert ("INVESTED_IN", "江城产投", "江城精密机械有限公司") in found


def test_receives_investment_points_from_the_investor() -> None:
    found = facts("[Company:瀚海芯片]获得[Institution:丰年资本]的战略投资。")
    assert ("INVESTED_IN", "丰年资本", "瀚海芯片") in found
    assert ("INVESTED_IN", "瀚海芯片", "丰年资本") not in found


# --- ESTABLISHED -----------------------------------------------------------------------------------


def test_founders_of_a_list() -> None:
    found = facts(
        "由[Institution:北湖国资委]倡导,[Company:北湖交通集团]、[Company:北湖能源集团]和[Company:北湖文旅集团]"
        "共同出资组建的[Company:北湖科创发展有限公司]正式揭牌。"
    )
    for founder in ("北湖交通集团", "北湖能源集团", "北湖文旅集团"):
        assert ("ESTABLISHED", founder, "北湖科创发展有限公司") in found


def test_lead_founder_with_partners() -> None:
    found = facts(
        "[Institution:东川资本]联合[Institution:东川银行]、[Company:东川重工]共同发起设立[Fund:东川先进制造基金]。"
    )
    for founder in ("东川资本", "东川银行", "东川重工"):
        assert ("ESTABLISHED", founder, "东川先进制造基金") in found


# --- SUBSIDIARY_OF ---------------------------------------------------------------------------------


def test_parent_then_subsidiary_noun() -> None:
    found = facts("[Company:南星控股集团有限公司]全资子公司[Company:南星新能源有限公司]签约落地。")
    assert ("SUBSIDIARY_OF", "南星新能源有限公司", "南星控股集团有限公司") in found


def test_group_reference_stands_for_the_last_group() -> None:
    found = facts("[Institution:西岭发展集团]今年加大投入。集团孙公司[Company:西岭创投有限公司]担任管理人。")
    assert ("SUBSIDIARY_OF", "西岭创投有限公司", "西岭发展集团") in found


def test_a_referred_child_is_a_subsidiary() -> None:
    found = facts(
        "母基金的管理人为[Institution:山城股权投资基金管理有限公司],该公司系[Institution:山城产业投资集团有限公司]控股子公司。"
    )
    assert ("SUBSIDIARY_OF", "山城股权投资基金管理有限公司", "山城产业投资集团有限公司") in found


def test_listed_children_and_a_parent_that_sets_them_up() -> None:
    found = facts(
        "[Company:西原建设有限公司]、[Company:西原能源有限公司]等3家企业均为[Company:西原控股集团]全资子公司。"
        "[Institution:东原国资集团]下设[Company:东原资本]和[Company:东原担保]。"
    )
    assert ("SUBSIDIARY_OF", "西原建设有限公司", "西原控股集团") in found
    assert ("SUBSIDIARY_OF", "西原能源有限公司", "西原控股集团") in found
    assert ("SUBSIDIARY_OF", "东原资本", "东原国资集团") in found
    assert ("SUBSIDIARY_OF", "东原担保", "东原国资集团") in found


def test_a_name_in_a_bracket_aside_is_not_a_slot_filler() -> None:
    found = facts("[Company:南溪科技]([Company:南溪控股集团]旗下企业)参股公司[Company:南溪芯片]完成融资。")
    assert ("INVESTED_IN", "南溪科技", "南溪芯片") in found
    assert ("INVESTED_IN", "南溪控股集团", "南溪芯片") not in found


def test_held_by_and_a_subsidiary_founding_with_a_partner_after_its_owner() -> None:
    found = facts(
        "[Company:南州科技集团]由[Institution:南州市国资委]100%控股。"
        "[Institution:东山银行]旗下[Institution:东山投资]与[Institution:南州国资]共同发起设立[Fund:南州股权投资基金]。"
    )
    assert ("SUBSIDIARY_OF", "南州科技集团", "南州市国资委") in found
    assert ("SUBSIDIARY_OF", "东山投资", "东山银行") in found
    assert ("ESTABLISHED", "东山投资", "南州股权投资基金") in found
    assert ("ESTABLISHED", "南州国资", "南州股权投资基金") in found
    assert ("SUBSIDIARY_OF", "南州国资", "东山银行") not in found  # a partner, not a second child
    assert ("ESTABLISHED", "东山银行", "南州股权投资基金") not in found  # the owner is no founder here


def test_child_is_a_subsidiary_after_a_comma() -> None:
    found = facts(
        "作为主要出资人的[Company:中岳科技服务集团],是[Company:中岳控股集团]全资子公司。"
        "[Company:中岳资本管理有限公司](简称中岳资本)是由[Company:中岳投资有限公司]100%控股的子公司。"
    )
    assert ("SUBSIDIARY_OF", "中岳科技服务集团", "中岳控股集团") in found
    assert ("SUBSIDIARY_OF", "中岳资本管理有限公司", "中岳投资有限公司") in found


# --- AFFILIATED_WITH -------------------------------------------------------------------------------


def test_organisation_titles_person() -> None:
    found = facts("[Company:远帆科技集团]党委书记、董事长[Person:周明远]出席会议。")
    assert ("AFFILIATED_WITH", "周明远", "远帆科技集团") in found


def test_person_then_organisation_and_title() -> None:
    found = facts(
        "[Person:林若溪]([Institution:南屿创投]合伙人)表示,硬科技仍是重点。[Person:高志成]任[Company:北屿半导体]总经理。"
    )
    assert ("AFFILIATED_WITH", "林若溪", "南屿创投") in found
    assert ("AFFILIATED_WITH", "高志成", "北屿半导体") in found


def test_appointment_to_a_title() -> None:
    found = facts("[Person:郑远帆]同志任[Company:南海投资控股集团有限公司]党委书记。")
    assert ("AFFILIATED_WITH", "郑远帆", "南海投资控股集团有限公司") in found


def test_earlier_post_and_academic_title() -> None:
    found = facts(
        "[Company:甲岭集团]董事长[Person:王立山]此前曾任[Company:乙岭集团]总经理。[Person:李青禾]是[Institution:丙岭大学]教授。"
    )
    assert ("AFFILIATED_WITH", "王立山", "乙岭集团") in found
    assert ("AFFILIATED_WITH", "李青禾", "丙岭大学") in found


def test_byline_source_and_author() -> None:
    found = facts("来源:[Institution:东海商报]  作者:[Person:沈一舟]\n正文从这里开始。")
    assert ("AFFILIATED_WITH", "沈一舟", "东海商报") in found


def test_outlet_reporter() -> None:
    found = facts("[Institution:北方金融时报]记者[Person:韩晓]报道,多家银行加大科技贷款投放。")
    assert ("AFFILIATED_WITH", "韩晓", "北方金融时报") in found


def test_fund_invests_toward_named_projects() -> None:
    found = facts(
        "[Fund:青川储能产业基金]设立以来运行平稳。基金已对[Company:青川光伏电站]、[Company:青川风电]两个项目累计投资3亿元。"
    )
    assert ("INVESTED_IN", "青川储能产业基金", "青川光伏电站") in found
    assert ("INVESTED_IN", "青川储能产业基金", "青川风电") in found


def test_receives_investment_from_a_counted_list() -> None:
    found = facts("[Company:星河微电子]曾先后获得[Company:甲科技]、[Company:乙通讯]两大巨头战略投资。")
    assert ("INVESTED_IN", "甲科技", "星河微电子") in found
    assert ("INVESTED_IN", "乙通讯", "星河微电子") in found


def test_fund_is_founded_and_funded_by() -> None:
    found = facts("[Fund:南岸产业引导基金]是[Institution:南岸区财政局]出资50亿元发起设立的引导基金。")
    assert ("ESTABLISHED", "南岸区财政局", "南岸产业引导基金") in found
    assert ("INVESTED_IN", "南岸区财政局", "南岸产业引导基金") in found


def test_fund_is_set_up_by() -> None:
    found = facts("[Fund:北坡天使基金]是由[Institution:北坡科创集团]牵头设立的。")
    assert ("ESTABLISHED", "北坡科创集团", "北坡天使基金") in found


def test_two_founders_with_partners() -> None:
    found = facts("[Company:甲储能]和[Company:乙电池]与[Institution:丙资本]共同成立[Fund:丁储电池产业基金],规模4亿元。")
    for founder in ("甲储能", "乙电池", "丙资本"):
        assert ("ESTABLISHED", founder, "丁储电池产业基金") in found


def test_partners_each_set_up_one_of_the_counted_funds() -> None:
    found = facts(
        "6月1日,[Fund:东江产业基金]分别同[Company:华鼎国际资本有限公司]、[Institution:北方理工研究院]、"
        "[Company:金桥投资有限公司]达成合作,将联合出资组建3支母基金。它们是[Fund:东江华鼎产业基金]、"
        "[Fund:东江孵化母基金]与[Fund:东江金桥产业基金]。"
    )
    for fund in ("东江华鼎产业基金", "东江孵化母基金", "东江金桥产业基金"):
        assert ("ESTABLISHED", "东江产业基金", fund) in found
        assert ("INVESTED_IN", "东江产业基金", fund) in found
    assert ("ESTABLISHED", "华鼎国际资本有限公司", "东江华鼎产业基金") in found
    assert ("ESTABLISHED", "金桥投资有限公司", "东江金桥产业基金") in found
    assert ("ESTABLISHED", "北方理工研究院", "东江孵化母基金") in found  # the one left
    assert ("ESTABLISHED", "华鼎国际资本有限公司", "东江金桥产业基金") not in found


def test_manager_runs_the_fund() -> None:
    found = facts("[Fund:南屏创新基金]规模8亿元,[Institution:南屏资本管理有限公司]负责基金的日常管理。")
    assert ("MANAGES", "南屏资本管理有限公司", "南屏创新基金") in found


def test_receives_a_round_with_amount_between() -> None:
    found = facts("[Company:云桥机器人]获[Institution:山海资本]数千万元天使轮融资。")
    assert ("INVESTED_IN", "山海资本", "云桥机器人") in found


def test_receives_investment_with_the_company_elided() -> None:
    found = facts(
        "[Company:远望传感]成立五年来已完成4轮融资,此前还先后获得[Company:甲电器]、[Company:乙汽车]战略投资。"
    )
    assert ("INVESTED_IN", "甲电器", "远望传感") in found
    assert ("INVESTED_IN", "乙汽车", "远望传感") in found


def test_set_up_by_after_a_comma() -> None:
    found = facts(
        "[Fund:西岭天使基金]成立于2023年,由[Institution:西岭科创集团]和[Institution:西岭区财政局]共同发起设立。"
    )
    assert ("ESTABLISHED", "西岭科创集团", "西岭天使基金") in found
    assert ("ESTABLISHED", "西岭区财政局", "西岭天使基金") in found


def test_shares_held_and_controlling_shareholder_of_its_object() -> None:
    found = facts("[Company:东林控股]持有[Company:东林电子]51%股权,为其控股股东。")
    assert ("INVESTED_IN", "东林控股", "东林电子") in found
    assert ("SUBSIDIARY_OF", "东林电子", "东林控股") in found


def test_controlling_shareholder() -> None:
    found = facts(
        "[Company:东麓控股集团]是[Company:东麓新材料股份有限公司]的控股股东。"
        "[Company:北麓科技有限公司]的控股股东为[Institution:北麓国资公司]。"
    )
    assert ("SUBSIDIARY_OF", "东麓新材料股份有限公司", "东麓控股集团") in found
    assert ("SUBSIDIARY_OF", "北麓科技有限公司", "北麓国资公司") in found


def test_participants_of_the_round_in_the_next_sentence() -> None:
    found = facts(
        "[Company:丙川机器人]近日完成数亿元B轮融资。[Institution:甲川创投]、[Institution:乙川资本]等机构参与了本轮投资。"
    )
    assert ("INVESTED_IN", "甲川创投", "丙川机器人") in found
    assert ("INVESTED_IN", "乙川资本", "丙川机器人") in found


def test_set_up_with_an_amount_by_the_parent_named_before() -> None:
    found = facts(
        "[Institution:东岳金融资产投资有限公司]是[Institution:东岳银行]的全资子公司,"
        "由[Institution:东岳银行]出资100亿元设立。"
    )
    assert ("ESTABLISHED", "东岳银行", "东岳金融资产投资有限公司") in found
    assert ("SUBSIDIARY_OF", "东岳金融资产投资有限公司", "东岳银行") in found


def test_holds_a_stake_through_a_managed_fund() -> None:
    found = facts(
        "[Company:云帆智造]成立于2021年,[Institution:中星创投]通过其管理的[Fund:西安中星创业投资基金]持股8%。"
    )
    assert ("INVESTED_IN", "西安中星创业投资基金", "云帆智造") in found
    assert ("INVESTED_IN", "中星创投", "云帆智造") in found


def test_entrusted_management() -> None:
    found = facts("[Fund:江城天使引导基金]首期规模10亿元。该基金委托[Institution:江城创新投资集团有限公司]管理。")
    assert ("MANAGES", "江城创新投资集团有限公司", "江城天使引导基金") in found


def test_a_subsidiary_founding_with_a_partner() -> None:
    found = facts(
        "此前,[Institution:东方银行]全资子公司[Institution:东方金融资产投资有限公司]已与"
        "[Institution:江城产业投资集团]合作设立[Fund:江城科创股权投资基金]。"
    )
    assert ("ESTABLISHED", "东方金融资产投资有限公司", "江城科创股权投资基金") in found
    assert ("ESTABLISHED", "江城产业投资集团", "江城科创股权投资基金") in found
    assert ("SUBSIDIARY_OF", "东方金融资产投资有限公司", "东方银行") in found


def test_the_mother_fund_and_partners_each_setting_up_a_fund() -> None:
    found = facts(
        "[Fund:山城转型升级母基金]总规模50亿元。今年以来,母基金已与[Institution:北辰创投]、[Institution:中金资本]"
        "分别合作设立[Fund:山城北辰创投新能源基金]和[Fund:山城中金高端装备基金]。"
    )
    assert ("ESTABLISHED", "山城转型升级母基金", "山城北辰创投新能源基金") in found
    assert ("ESTABLISHED", "山城转型升级母基金", "山城中金高端装备基金") in found
    assert ("ESTABLISHED", "北辰创投", "山城北辰创投新能源基金") in found
    assert ("ESTABLISHED", "中金资本", "山城中金高端装备基金") in found
    assert ("ESTABLISHED", "北辰创投", "山城中金高端装备基金") not in found


def test_a_referred_subject_founds_with_a_partner() -> None:
    found = facts(
        "[Company:北湖科创投资有限公司]去年成立。该公司已与[Institution:北湖银行]合作设立[Fund:北湖科技成长基金]。"
    )
    assert ("ESTABLISHED", "北湖科创投资有限公司", "北湖科技成长基金") in found
    assert ("ESTABLISHED", "北湖银行", "北湖科技成长基金") in found


def test_a_count_taken_for_a_name_stays_a_count() -> None:
    found = facts(
        "[Fund:西江产业基金]与[Institution:甲江资本有限公司]、[Institution:乙江投资有限公司]分别签署协议,"
        "将共同出资设立2[Institution:支母基金]。两支母基金为[Fund:西江甲江产业基金]和[Fund:西江乙江产业基金]。"
    )
    assert ("ESTABLISHED", "西江产业基金", "西江甲江产业基金") in found
    assert ("ESTABLISHED", "甲江资本有限公司", "西江甲江产业基金") in found
    assert ("ESTABLISHED", "乙江投资有限公司", "西江乙江产业基金") in found


# --- references and focus --------------------------------------------------------------------------


def test_a_demonstrative_follows_the_last_fund_through_earlier_references() -> None:
    found = facts(
        "[Fund:东港集成电路基金三期]近日扩募,[Fund:东港先导基金]新增为合伙人。三期基金出资额增至60亿元。"
        "据悉,该基金现由[Institution:东港国资公司]、[Institution:东港基金管理有限公司]共同出资。"
    )
    assert ("INVESTED_IN", "东港国资公司", "东港集成电路基金三期") in found
    assert ("INVESTED_IN", "东港国资公司", "东港先导基金") not in found


def test_an_elliptical_lp_line_goes_to_the_article_fund_not_the_last_fund_named() -> None:
    found = facts(
        "[Fund:西湾科创母基金]完成首关。[Fund:西湾科创母基金]规模30亿元。"
        "其中,[Fund:西湾先导基金]认缴10亿元;[Institution:西湾城投]认缴5亿元。"
    )
    assert ("INVESTED_IN", "西湾先导基金", "西湾科创母基金") in found
    assert ("INVESTED_IN", "西湾城投", "西湾科创母基金") in found
    assert ("INVESTED_IN", "西湾城投", "西湾先导基金") not in found


def test_a_demonstrative_is_the_subject_of_the_sentence_before() -> None:
    found = facts(
        "[Institution:江城创新投资集团有限公司]是[Institution:江城国有资本运营集团]的全资子公司。"
        "该公司总经理[Person:黄一鸣]介绍了引导基金的运作。"
    )
    assert ("AFFILIATED_WITH", "黄一鸣", "江城创新投资集团有限公司") in found


def test_a_compound_ending_in_a_reference_noun_is_no_reference() -> None:
    found = facts(
        "[Fund:江城天使引导基金]将合作设立若干子基金。目前,首支子基金[Fund:江城光谷天使基金]已完成设立,"
        "[Fund:江城天使引导基金]认缴出资1亿元,[Institution:光谷创投管理有限公司]担任基金管理人。"
    )
    assert ("INVESTED_IN", "江城天使引导基金", "江城光谷天使基金") in found
    assert ("MANAGES", "光谷创投管理有限公司", "江城光谷天使基金") in found
    assert ("MANAGES", "光谷创投管理有限公司", "江城天使引导基金") not in found


def test_a_bare_group_stands_for_the_article_group() -> None:
    found = facts(
        "[Institution:北江控股集团]发布年报。[Institution:北江控股集团]旗下企业众多。"
        "[Company:北江建设集团]业绩增长。集团孙公司[Company:北江创投有限公司]担任管理人。"
    )
    assert ("SUBSIDIARY_OF", "北江创投有限公司", "北江控股集团") in found


def test_a_dateline_is_not_the_sentence_subject() -> None:
    found = facts("[Institution:东方财经网]讯 [Company:南山药业]发布公告,称孙公司[Company:南山医疗]获得新一轮融资。")
    assert ("SUBSIDIARY_OF", "南山医疗", "南山药业") in found
    assert ("SUBSIDIARY_OF", "南山医疗", "东方财经网") not in found


# --- names inside names ----------------------------------------------------------------------------


def test_department_and_government_unit_inside_their_parent() -> None:
    found = facts(
        "[Institution:华信银行]发布公告。[Institution:华信银行总行科技金融部]总经理出席。"
        "[Institution:工业部]召开会议,[Institution:工业部创新中心]介绍情况。"
    )
    assert ("SUBSIDIARY_OF", "华信银行总行科技金融部", "华信银行") in found
    assert ("SUBSIDIARY_OF", "工业部创新中心", "工业部") in found


# --- more AFFILIATED_WITH --------------------------------------------------------------------------


def test_title_chain_over_two_organisations() -> None:
    found = facts("[Company:东华数据]高级副总裁、[Company:东华云科技有限公司]董事长[Person:钱立新]介绍说。")
    assert ("AFFILIATED_WITH", "钱立新", "东华数据") in found
    assert ("AFFILIATED_WITH", "钱立新", "东华云科技有限公司") in found


def test_organisation_then_comma_title_person() -> None:
    found = facts("在[Company:北岭激光科技有限公司],董事长[Person:赵启明]介绍了新产线。")
    assert ("AFFILIATED_WITH", "赵启明", "北岭激光科技有限公司") in found


def test_authors_are_staff_of() -> None:
    found = facts("(作者[Person:孙一凡]、[Person:李秋]均系[Institution:南方科技政策研究院]研究员)")
    assert ("AFFILIATED_WITH", "孙一凡", "南方科技政策研究院") in found
    assert ("AFFILIATED_WITH", "李秋", "南方科技政策研究院") in found


def test_a_name_line_is_a_byline_its_unit_note_serves() -> None:
    found = facts(
        "科技金融的新路径\n\n[Person:周一鸣] [Person:吴若水]\n\n正文第一段。\n(作者单位:[Institution:东海经济研究院])"
    )
    assert ("AFFILIATED_WITH", "周一鸣", "东海经济研究院") in found
    assert ("AFFILIATED_WITH", "吴若水", "东海经济研究院") in found


def test_a_bare_group_before_titles_is_the_article_group() -> None:
    found = facts("[Company:中原产业投资集团有限公司]召开年度大会,集团党委书记、董事长[Person:陈立言]出席。")
    assert ("AFFILIATED_WITH", "陈立言", "中原产业投资集团有限公司") in found


def test_a_unit_between_organisation_and_title() -> None:
    found = facts("[Institution:北原证券]研究所所长[Person:孙望舒]认为,市场将回暖。")
    assert ("AFFILIATED_WITH", "孙望舒", "北原证券") in found


def test_two_titled_persons_of_one_organisation() -> None:
    found = facts("[Company:南港证券]总经理[Person:方志远]和副总经理[Person:郑晓岚]出席签约仪式。")
    assert ("AFFILIATED_WITH", "方志远", "南港证券") in found
    assert ("AFFILIATED_WITH", "郑晓岚", "南港证券") in found


def test_outlet_reporter_with_a_space() -> None:
    found = facts("[Institution:西部经济日报]讯(记者 [Person:杜若])近日,多家银行发布科技金融新举措。")
    assert ("AFFILIATED_WITH", "杜若", "西部经济日报") in found


def test_reporters_belong_to_the_one_outlet_of_the_article() -> None:
    found = facts(
        "2026年03月02日 09:30 来源:[Institution:南方证券报]\n"
        "本报记者 [Person:周明轩]\n正文第一段,多家机构发布报告。\n([Person:钱若兰] 报道)"
    )
    assert ("AFFILIATED_WITH", "周明轩", "南方证券报") in found
    assert ("AFFILIATED_WITH", "钱若兰", "南方证券报") in found


def test_no_outlet_when_an_article_compiles_several_sources() -> None:
    found = facts("来源:[Institution:甲日报]\n第一篇。\n来源:[Institution:乙晚报]\n第二篇,记者[Person:孙一]报道。")
    assert not any(t == "AFFILIATED_WITH" and s == "孙一" for t, s, _ in found)


# --- ISSUED ----------------------------------------------------------------------------------------


def test_document_issued_by_in_the_passive() -> None:
    found = facts(
        "[Policy:关于支持科技型企业融资的若干措施]由[Institution:东州市财政局]、[Institution:东州市科技局]联合印发。"
    )
    assert ("ISSUED", "东州市财政局", "关于支持科技型企业融资的若干措施") in found
    assert ("ISSUED", "东州市科技局", "关于支持科技型企业融资的若干措施") in found


# --- precision -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "marked",
    [
        # two clauses, no construction joining the names
        "[Institution:甲山资本]今年募资顺利,[Company:乙水科技]收入翻番。",
        # a manager word that is no role of the fund's manager
        "[Institution:丙川银行]加强风险管理,[Fund:丁原基金]规模扩大。",
    ],
)
def test_names_in_separate_clauses_are_not_linked(marked: str) -> None:
    assert not facts(marked)


# --- general families: lists, titled people, notices, fund tiers, branches ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "[Company:青峦智能]宣布完成8亿元B轮融资,本轮由[Institution:远川资本]领投,其他投资者包括[Institution:甲木创投]、"
        "[Institution:乙水资本]和[Fund:丙火成长基金]等机构。",
        "[Company:青峦智能]完成新一轮融资,[Institution:远川资本]领投,参投方为[Institution:甲木创投]、[Institution:乙水资本]"
        "及[Fund:丙火成长基金]。",
        "[Company:青峦智能]完成数亿元融资,[Institution:远川资本]领投,跟投方包括[Institution:甲木创投]、[Institution:乙水资本]"
        "以及[Fund:丙火成长基金]等3家机构。",
        "[Company:青峦智能]近日完成C轮融资,由[Institution:远川资本]领投,本轮投资方还有[Institution:甲木创投]、"
        "[Institution:乙水资本]、[Fund:丙火成长基金]。",
    ],
)
def test_investor_lists_after_a_list_noun(sentence: str) -> None:
    found = facts(sentence)
    for investor in ("远川资本", "甲木创投", "乙水资本", "丙火成长基金"):
        assert ("INVESTED_IN", investor, "青峦智能") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Company:云梯机器人]完成新一轮融资——[Company:北辰科技]领投,另有多家产业方及老股东跟投,包括[Company:甲电气]、"
        "[Institution:乙资本]、[Institution:丙创投]等等。",
        "[Company:云梯机器人]完成新一轮融资,[Company:北辰科技]领投,[Company:甲电气]、[Institution:乙资本]等多家投资机构跟投,"
        "老股东[Institution:丙创投]旗下基金、[Institution:丁投资]等机构继续加码。",
    ],
)
def test_followers_named_after_their_role_or_with_a_count(sentence: str) -> None:
    found = facts(sentence)
    for investor in ("北辰科技", "甲电气", "乙资本", "丙创投"):
        assert ("INVESTED_IN", investor, "云梯机器人") in found


def test_round_by_a_vehicle_the_investor_formed() -> None:
    found = facts(
        "[Company:鲜果坊]今日宣布获得2亿元C轮融资,由[Institution:东港高科]联合社会资本组建的专项基金进行投资。"
        "另据了解,[Company:西林物流公司]为其提供配送服务。"
    )
    assert ("INVESTED_IN", "东港高科", "鲜果坊") in found
    assert not any(f[0] == "INVESTED_IN" and f[2] == "西林物流公司" for f in found)


def test_shareholders_and_strategic_investors() -> None:
    found = facts(
        "[Institution:南江国投]正式成为[Company:南江芯材]第一大股东。[Company:北林医疗]引入[Institution:北林产投]作为战略投资者。"
        "[Institution:东岸资本]近日完成对[Company:东岸新能]的战略投资。"
    )
    assert ("INVESTED_IN", "南江国投", "南江芯材") in found
    assert ("INVESTED_IN", "北林产投", "北林医疗") in found
    assert ("INVESTED_IN", "东岸资本", "东岸新能") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Fund:国家乙类引导基金](简称“乙类基金”)的区域子基金,即[Fund:华东丙类引导基金]开始征集参股子基金。",
        "规模20亿元的[Fund:某省混改基金]首支子基金[Fund:某省壹号产业投资基金]完成备案。",
        "[Fund:某省壹号产业投资基金]是[Fund:某省混改基金]的专项子基金。",
    ],
)
def test_a_sub_fund_is_invested_in_by_its_parent(sentence: str) -> None:
    found = facts(sentence)
    assert {f for f in found if f[0] == "INVESTED_IN"} in (
        {("INVESTED_IN", "国家乙类引导基金", "华东丙类引导基金")},
        {("INVESTED_IN", "某省混改基金", "某省壹号产业投资基金")},
    )


def test_a_fund_held_by_its_sole_shareholder() -> None:
    found = facts(
        "企查查显示,[Fund:某国家级引导基金]成立于2024年,注册资本为500亿,由[Institution:某部]持股100%,认缴出资额为500亿。"
    )
    assert ("INVESTED_IN", "某部", "某国家级引导基金") in found


def test_founders_that_are_contributors() -> None:
    found = facts(
        "[Fund:淮河壹号基金]完成备案。基金由[Institution:某省资本集团]联合[Institution:某市政府]、[Institution:某研究院]"
        "等所属出资人共同发起设立。"
    )
    for founder in ("某省资本集团", "某市政府", "某研究院"):
        assert ("ESTABLISHED", founder, "淮河壹号基金") in found
        assert ("INVESTED_IN", founder, "淮河壹号基金") in found


def test_founders_with_partners_without_contributions() -> None:
    found = facts("[Fund:西岭种子基金]由[Institution:西岭科创集团]联合[Institution:西岭大学]共同发起设立。")
    assert ("ESTABLISHED", "西岭科创集团", "西岭种子基金") in found
    assert ("ESTABLISHED", "西岭大学", "西岭种子基金") in found
    assert not any(f[0] == "INVESTED_IN" for f in found)


# --- MANAGES: a GP role shared by two names no manager -------------------------------------------------


def test_two_general_partners_manage_nothing_the_manager_does() -> None:
    found = facts(
        "[Fund:远湾母基金]规模100亿元。其中,[Fund:近湾子基金]目标规模50亿元,由[Institution:甲湾创投]担任管理人,"
        "[Institution:甲湾创投]和[Institution:乙湾资本]共同作为基金普通合伙人。"
    )
    assert ("MANAGES", "甲湾创投", "近湾子基金") in found
    assert not any(f[0] == "MANAGES" and f[1] == "乙湾资本" for f in found)
    assert not any(f[0] == "MANAGES" and f[2] == "远湾母基金" for f in found)


def test_a_sole_general_partner_manages() -> None:
    found = facts("[Fund:北溪创投基金]的执行事务合伙人为[Institution:北溪资本管理有限公司]。")
    assert ("MANAGES", "北溪资本管理有限公司", "北溪创投基金") in found


# --- AFFILIATED_WITH: titled lists, heads of government, reporters ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "org", "people"),
    [
        (
            "[Institution:北城资本集团]召开会议。集团董事长[Person:甲一]、总经理[Person:乙二]、党委副书记[Person:丙三]、"
            "副总经理[Person:丁四]及相关人员参加。",
            "北城资本集团",
            ("甲一", "乙二", "丙三", "丁四"),
        ),
        ("[Institution:某省国资委]总会计师、党委委员[Person:戊五]到会指导。", "某省国资委", ("戊五",)),
        ("[Company:星河智造]创始人兼CEO[Person:己六]表示,公司将扩产。", "星河智造", ("己六",)),
        ("[Company:星河智造]创始人——[Person:己六]曾任工程师。", "星河智造", ("己六",)),
    ],
)
def test_people_titled_after_one_organisation(sentence: str, org: str, people: tuple[str, ...]) -> None:
    found = facts(sentence)
    for person in people:
        assert ("AFFILIATED_WITH", person, org) in found


def test_a_person_does_not_take_the_next_persons_organisation() -> None:
    found = facts(
        "[Institution:某省委]常委、副省长[Person:庚七],[Institution:某市委]书记[Person:辛八],某省政府相关部门负责同志出席。"
    )
    assert ("AFFILIATED_WITH", "庚七", "某省委") in found
    assert ("AFFILIATED_WITH", "辛八", "某市委") in found
    assert ("AFFILIATED_WITH", "庚七", "某市委") not in found


def test_heads_of_a_district_belong_to_its_government() -> None:
    found = facts(
        "3月1日,东湖区区长[Person:壬九]、常务副区长[Person:癸十]一行到[Institution:东湖资本集团]调研。"
        "座谈会上,双方感谢[Institution:东湖区政府]的支持。"
    )
    assert ("AFFILIATED_WITH", "壬九", "东湖区政府") in found
    assert ("AFFILIATED_WITH", "癸十", "东湖区政府") in found
    assert not any(f[1] == "壬九" and f[2] == "东湖资本集团" for f in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "【[Institution:某某财经网]】(记者 [Person:林小白])某公司今日宣布完成融资。",
        "《[Institution:某某证券报]》(上海,记者 [Person:林小白])讯,本周医药行业投融资事件包括:",
        "[Institution:某某日报]记者[Person:林小白]报道,某公司今日宣布完成融资。",
    ],
)
def test_reporter_after_the_outlet(sentence: str) -> None:
    outlet = next(m.group(2) for m in MARK.finditer(sentence) if m.group(1) == "Institution")
    assert ("AFFILIATED_WITH", "林小白", outlet) in facts(sentence)


# --- ISSUED: issuers in a notice's title and body ------------------------------------------------------


def test_issuers_named_in_the_title_before_guanyu() -> None:
    found = facts(
        "[Policy:某省科学技术厅 某银行某省分行关于开展专项金融服务的通知]\n\n各市科技局:\n\n"
        "根据[Policy:某省人民政府关于促进经济平稳发展的意见],[Institution:某省科学技术厅]联合[Institution:某银行某省分行]开展专项服务。"
        "[Institution:某省人民政府]此前作出部署。"
    )
    assert ("ISSUED", "某省科学技术厅", "某省科学技术厅 某银行某省分行关于开展专项金融服务的通知") in found
    assert ("ISSUED", "某银行某省分行", "某省科学技术厅 某银行某省分行关于开展专项金融服务的通知") in found
    assert ("ISSUED", "某省人民政府", "某省人民政府关于促进经济平稳发展的意见") in found


def test_a_title_with_more_than_names_before_guanyu_names_no_issuer() -> None:
    found = facts("[Policy:某省近期关于促进发展的意见]\n\n[Institution:某省]表示支持。")
    assert not any(f[0] == "ISSUED" for f in found)


@pytest.mark.parametrize("verb", ["决定开展遴选工作。现将事项通知如下", "经研究决定,开展专项行动。特此通知"])
def test_issuers_that_decide_in_a_notice(verb: str) -> None:
    found = facts(
        "[Policy:关于组织申报第五批合作银行的通知]\n\n有关银行:\n\n为推进业务,根据有关规定,"
        f"[Institution:省科技厅]、[Institution:省财政厅]、[Institution:某金融监管局]{verb}。"
    )
    for issuer in ("省科技厅", "省财政厅", "某金融监管局"):
        assert ("ISSUED", issuer, "关于组织申报第五批合作银行的通知") in found


def test_issuer_issues_a_named_document() -> None:
    found = facts("[Institution:某市发展改革委]、[Institution:某市财政局]联合印发[Policy:某市创业投资发展若干措施]。")
    assert ("ISSUED", "某市发展改革委", "某市创业投资发展若干措施") in found
    assert ("ISSUED", "某市财政局", "某市创业投资发展若干措施") in found


# --- a branch a bank sets up ---------------------------------------------------------------------------


def test_a_bank_sets_up_a_branch() -> None:
    found = facts(
        "[Institution:某银行某省分行]科创贷款余额突破百亿元。该行打造三级服务网络:在某高新区设立专项服务中心,"
        "在另一园区成立[Institution:“绿能”支行],重点支持新能源产业。"
    )
    assert ("ESTABLISHED", "某银行某省分行", "“绿能”支行") in found
    assert ("SUBSIDIARY_OF", "“绿能”支行", "某银行某省分行") in found


def test_a_generic_phrase_after_a_bank_is_no_unit() -> None:
    found = facts("各市科技局,[Institution:某银行某省分行管辖各分支行]:\n[Institution:某银行某省分行]将加大支持。")
    assert not any(f[0] == "SUBSIDIARY_OF" for f in found)


def test_a_list_runs_past_an_unnamed_item() -> None:
    found = facts(
        "[Company:远帆生物]宣布完成10亿元A轮融资,由[Institution:甲玉资本]领投,其他投资者包括[Institution:乙海资本]、"
        "丙谷创新资本、[Institution:丁通资本]等机构。"
    )
    assert ("INVESTED_IN", "乙海资本", "远帆生物") in found
    assert ("INVESTED_IN", "丁通资本", "远帆生物") in found


def test_a_kind_of_branch_is_no_branch_set_up() -> None:
    found = facts("[Institution:某银行某市分行]持续发力。该行在全市设立[Institution:科技金融特色支行],服务科创企业。")
    assert not any(f[0] in ("ESTABLISHED", "SUBSIDIARY_OF") for f in found)


def test_a_company_named_before_an_unrelated_round_takes_no_investment() -> None:
    found = facts(
        "曾获得[Company:乙商城]1亿元D轮投资的生鲜平台如今再度扩张。[Company:丙物流]是一家冷链公司。"
        "本轮由[Institution:丁资本]领投。"
    )
    assert not any(f[0] == "INVESTED_IN" and f[1] == "丁资本" for f in found)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "2019年获得[Company:南岭电商]2亿元C轮投资的生鲜平台[Company:北果园]今日宣布新一轮融资。",
            ("INVESTED_IN", "南岭电商", "北果园"),
        ),
        ("[Institution:东岳资本]此前投资的[Company:东岳芯片]已上市。", ("INVESTED_IN", "东岳资本", "东岳芯片")),
        ("[Institution:西岳产投]拟以5亿元认购[Company:西岳新材]新增股份。", ("INVESTED_IN", "西岳产投", "西岳新材")),
        ("[Institution:中岳创投]是[Company:中岳医疗]的早期股东。", ("INVESTED_IN", "中岳创投", "中岳医疗")),
        ("[Company:北岳储能]的A轮投资方为[Institution:北岳资本]。", ("INVESTED_IN", "北岳资本", "北岳储能")),
        ("[Fund:南山成长基金]的发起人为[Institution:南山国资]。", ("ESTABLISHED", "南山国资", "南山成长基金")),
        (
            "[Institution:北山集团]出资5亿元成立全资子公司[Company:北山科技有限公司]。",
            ("SUBSIDIARY_OF", "北山科技有限公司", "北山集团"),
        ),
        ("[Company:西山物流公司]隶属于[Institution:西山交通集团]。", ("SUBSIDIARY_OF", "西山物流公司", "西山交通集团")),
        (
            "根据[Institution:某省财政厅]印发的[Policy:某省政府投资基金管理办法],基金按市场化运作。",
            ("ISSUED", "某省财政厅", "某省政府投资基金管理办法"),
        ),
        ("[Institution:东湾资本]是[Fund:东湾一号基金]的基金管理人。", ("MANAGES", "东湾资本", "东湾一号基金")),
    ],
)
def test_more_ways_to_state_a_relation(sentence: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(sentence)


def test_a_chain_of_titled_people_gives_each_only_its_own_organisation() -> None:
    found = facts(
        "[Institution:某部某中心]党委书记[Person:甲甲]、[Institution:某银行总行某业务部]总经理[Person:乙乙]、"
        "[Institution:某市科技局]副局长[Person:丙丙]、[Institution:某银行某市分行]副行长[Person:丁丁]出席仪式。"
    )
    pairs = {(f[1], f[2]) for f in found if f[0] == "AFFILIATED_WITH"}
    assert pairs == {
        ("甲甲", "某部某中心"),
        ("乙乙", "某银行总行某业务部"),
        ("丙丙", "某市科技局"),
        ("丁丁", "某银行某市分行"),
    }


def test_a_report_about_a_notice_is_not_the_notice() -> None:
    found = facts("[Policy:关于开展专项行动的通知]\n\n记者获悉,[Institution:某市科技局]决定开展专项行动。")
    assert not any(f[0] == "ISSUED" for f in found)


def test_no_reporter_across_a_clause() -> None:
    found = facts("据[Institution:某某科技公司]介绍,记者[Person:周小明]了解到该项目进展顺利。")
    assert not any(f[0] == "AFFILIATED_WITH" for f in found)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("[Institution:东川国投]是[Fund:东川天使基金]的基石出资人。", ("INVESTED_IN", "东川国投", "东川天使基金")),
        ("[Institution:西川保险]作为[Fund:西川成长基金]的有限合伙人。", ("INVESTED_IN", "西川保险", "西川成长基金")),
        (
            "[Company:南川智能](南川集团全资子公司)与[Company:北川电子]签约。".replace(
                "南川集团", "[Institution:南川集团]"
            ),
            ("SUBSIDIARY_OF", "南川智能", "南川集团"),
        ),
    ],
)
def test_limited_partners_and_subsidiaries_in_asides(sentence: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "[Company:甲星科技]完成B轮融资,[Institution:乙星资本]领投,老股东[Institution:丙星创投]超额认购。",
            ("INVESTED_IN", "丙星创投", "甲星科技"),
        ),
        ("据悉,[Institution:丁星资本]是[Company:甲星科技]的第一大机构股东。", ("INVESTED_IN", "丁星资本", "甲星科技")),
        ("[Company:甲星科技]引入[Institution:戊星国投]等战略投资者。", ("INVESTED_IN", "戊星国投", "甲星科技")),
        ("[Institution:己星资本]近日宣布完成对[Company:甲星科技]的投资。", ("INVESTED_IN", "己星资本", "甲星科技")),
        (
            "[Company:甲星科技]已于近日完成由[Institution:庚星资本]领投的C轮融资。",
            ("INVESTED_IN", "庚星资本", "甲星科技"),
        ),
        (
            "[Institution:辛星国资]拟出资3亿元参与设立[Fund:辛星未来产业基金]。",
            ("INVESTED_IN", "辛星国资", "辛星未来产业基金"),
        ),
        (
            "[Institution:某部]会同[Institution:某局]制定了[Policy:某某资金管理办法]。",
            ("ISSUED", "某局", "某某资金管理办法"),
        ),
        (
            "根据[Institution:某部][Policy:政府投资基金暂行管理办法],基金实行市场化运作。",
            ("ISSUED", "某部", "政府投资基金暂行管理办法"),
        ),
    ],
)
def test_round_fund_and_policy_variants(sentence: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(sentence)


def test_bank_credit_is_no_investment() -> None:
    found = facts("[Company:壬星制造]获得[Institution:某银行某分行]5亿元融资支持,用于扩大产能。")
    assert not any(f[0] == "INVESTED_IN" for f in found)


def test_a_park_bringing_in_a_company_is_no_investment() -> None:
    found = facts("[Institution:某高新区管委会]今年引入[Company:癸星电子]等企业落户。")
    assert not any(f[0] == "INVESTED_IN" for f in found)


def test_a_round_belongs_to_the_company_whose_statement_it_follows() -> None:
    found = facts(
        "[Company:北林生物](Northwood Bio Holdings)已完成C轮融资。资料显示,该公司专注细胞治疗。"
        "[Company:北林生物]的C轮融资由[Institution:甲松资本]领投,其它投资者如[Institution:乙松基金]等。"
    )
    assert ("INVESTED_IN", "甲松资本", "北林生物") in found
    assert ("INVESTED_IN", "乙松基金", "北林生物") in found


def test_a_round_stated_for_an_unnamed_company_goes_to_no_other_company() -> None:
    found = facts(
        "此前[Company:丙松物流]曾完成A轮融资。》》一级市场\n某某医疗宣布完成超10亿元E轮融资。本轮投资由[Institution:丁松资本]领投。"
    )
    assert not any(f[0] == "INVESTED_IN" for f in found)


@pytest.mark.parametrize(
    ("sentence", "facts_expected"),
    [
        (
            "[Fund:东岭天使基金]正式成立,由[Institution:东岭创投]发起设立并受托管理。",
            {("MANAGES", "东岭创投", "东岭天使基金"), ("ESTABLISHED", "东岭创投", "东岭天使基金")},
        ),
        (
            "[Institution:西岭资本]发起设立并管理的[Fund:西岭成长基金]完成首关。",
            {("MANAGES", "西岭资本", "西岭成长基金"), ("ESTABLISHED", "西岭资本", "西岭成长基金")},
        ),
        (
            "[Fund:南岭引导基金]出资2亿元参股[Fund:南岭生物医药基金]。",
            {("INVESTED_IN", "南岭引导基金", "南岭生物医药基金")},
        ),
        ("[Fund:北岭基金]已完成备案,由[Institution:北岭国资]发起。", {("ESTABLISHED", "北岭国资", "北岭基金")}),
        (
            "[Institution:中岭创投]投资合伙人[Person:林中岭]表示看好该赛道。",
            {("AFFILIATED_WITH", "林中岭", "中岭创投")},
        ),
    ],
)
def test_fund_set_up_managed_and_committed(sentence: str, facts_expected: set[tuple[str, str, str]]) -> None:
    assert facts_expected <= facts(sentence)


def test_a_unit_of_a_referred_group_is_no_child_of_another_clauses_names() -> None:
    found = facts(
        "基金由[Institution:某省资本集团]联合[Institution:某市政府]等出资人共同发起设立,集团所属[Institution:某投资公司]"
        "全资子公司[Institution:某基金管理有限公司]担任管理人。"
    )
    assert ("SUBSIDIARY_OF", "某投资公司", "某市政府") not in found
    assert ("SUBSIDIARY_OF", "某基金管理有限公司", "某投资公司") in found


def test_a_head_of_government_in_a_list_is_not_the_companys() -> None:
    found = facts("[Company:某某电子]董事长[Person:甲丁]、副市长[Person:乙丁]共同为新工厂揭牌。")
    assert ("AFFILIATED_WITH", "甲丁", "某某电子") in found
    assert ("AFFILIATED_WITH", "乙丁", "某某电子") not in found


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("[Person:甲戊]当选[Institution:某某控股集团]董事长。", ("AFFILIATED_WITH", "甲戊", "某某控股集团")),
        (
            "[Institution:某某资本集团]近日任命[Person:乙戊]为集团总经理。",
            ("AFFILIATED_WITH", "乙戊", "某某资本集团"),
        ),
        (
            "[Company:某某水务公司]正式成为[Institution:某某城投集团]的全资子公司。",
            ("SUBSIDIARY_OF", "某某水务公司", "某某城投集团"),
        ),
        (
            "市国资委将[Company:某某港务公司]100%股权无偿划转至[Institution:某某国有资本运营集团]。",
            ("SUBSIDIARY_OF", "某某港务公司", "某某国有资本运营集团"),
        ),
        (
            "[Institution:甲方资本]、[Institution:乙方国投]、[Company:丙方科技]三方共同出资设立[Fund:某某产业基金]。",
            ("ESTABLISHED", "丙方科技", "某某产业基金"),
        ),
    ],
)
def test_state_capital_and_partner_variants(sentence: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(sentence)


def test_reporter_of_an_outlet_with_an_id_dateline() -> None:
    found = facts("[Institution:某某投资网](ID:mouinvest)7月28日消息,某园区基金开始招募管理人。(记者 [Person:韩小北])")
    assert ("AFFILIATED_WITH", "韩小北", "某某投资网") in found


def test_a_speakers_organisation_is_no_subject_of_what_follows() -> None:
    found = facts(
        "会上,[Institution:某市金融局]局长[Person:吴十]介绍,[Fund:某市天使基金]由[Institution:某市创投集团]管理,"
        "已投资[Company:某芯科技]。"
    )
    assert ("INVESTED_IN", "某市天使基金", "某芯科技") in found
    assert ("INVESTED_IN", "某市金融局", "某芯科技") not in found


def test_a_company_that_brings_in_an_investor_after_other_news() -> None:
    found = facts(
        "[Company:某新能源]获得[Institution:某农商行]授信10亿元,并引入[Institution:某产业投资公司]作为战略投资者。"
    )
    assert ("INVESTED_IN", "某产业投资公司", "某新能源") in found
    assert not any(f[1] == "某农商行" for f in found)


def test_a_company_title_with_the_company_left_out() -> None:
    found = facts("[Company:云帆科技]成立于2018年,创始人兼CEO[Person:钱一]毕业于某大学。")
    assert ("AFFILIATED_WITH", "钱一", "云帆科技") in found


def test_a_reporter_is_no_staff_of_the_company_in_focus() -> None:
    found = facts("[Company:云帆科技]完成融资。记者[Person:孙小二]从公司获悉,新工厂将于年内投产。")
    assert not any(f[0] == "AFFILIATED_WITH" and f[2] == "云帆科技" for f in found)


def test_investment_received_with_the_company_left_out() -> None:
    found = facts("[Company:甲科]成立于2019年,曾获得[Institution:乙资]、[Institution:丙投]等机构投资。")
    assert ("INVESTED_IN", "乙资", "甲科") in found
    assert ("INVESTED_IN", "丙投", "甲科") in found


def test_a_fund_count_split_by_the_entity_stage_is_no_fund() -> None:
    found = facts(
        "本周有[Fund:某省科创母基金]发布动态,其中两省均有2只以[Fund:上母基金]设立。基金管理人为[Institution:某某金融集团]。"
    )
    assert ("MANAGES", "某某金融集团", "上母基金") not in found


def test_a_bare_fund_noun_after_its_sentences_fund() -> None:
    found = facts(
        "[Fund:远岭母基金]规模100亿元。[Fund:远岭母基金]已设立三支区域基金。其中,[Fund:近岭区域基金]目标规模30亿元,"
        "存续期10年,[Institution:近岭资本]担任基金的管理人。"
    )
    assert ("MANAGES", "近岭资本", "近岭区域基金") in found
    assert ("MANAGES", "近岭资本", "远岭母基金") not in found


def test_list_items_that_are_a_names_own_vehicle() -> None:
    found = facts(
        "[Company:某某医疗]完成E轮融资,投资方包括[Institution:甲资本]管理的基金、[Institution:乙创投]及其关联方、"
        "[Institution:丙投资]旗下的产业基金等。"
    )
    for investor in ("甲资本", "乙创投", "丙投资"):
        assert ("INVESTED_IN", investor, "某某医疗") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "经公开遴选,[Institution:青峰资本]被确定为[Fund:青峰科创母基金]的管理机构。",
        "[Institution:青峰资本]中标[Fund:青峰科创母基金]管理机构遴选。",
        "[Fund:青峰科创母基金]启动招募,[Institution:青峰资本]最终成为该基金的管理人。",
    ],
)
def test_a_manager_selected_for_a_fund(sentence: str) -> None:
    assert ("MANAGES", "青峰资本", "青峰科创母基金") in facts(sentence)


def test_a_placement_taken_up() -> None:
    found = facts("[Institution:某国资基金]、[Fund:某产业基金]参与[Company:某某光电]本次定增。")
    assert ("INVESTED_IN", "某国资基金", "某某光电") in found
    assert ("INVESTED_IN", "某产业基金", "某某光电") in found


def test_party_secretary_and_head_with_the_place_left_out() -> None:
    found = facts(
        "[Institution:东湖区委]、[Institution:东湖区政府]高度重视。区委书记[Person:甲壬]走访企业,区长[Person:乙壬]陪同。"
    )
    assert ("AFFILIATED_WITH", "甲壬", "东湖区委") in found
    assert ("AFFILIATED_WITH", "乙壬", "东湖区政府") in found


def test_a_provincial_standing_member_and_vice_governor_is_the_party_committees() -> None:
    found = facts("[Institution:某省委]常委、副省长[Person:丙壬]出席。[Institution:某省政府]相关部门参加。")
    assert ("AFFILIATED_WITH", "丙壬", "某省委") in found
    assert ("AFFILIATED_WITH", "丙壬", "某省政府") not in found


def test_a_joint_party_and_government_name_is_no_government() -> None:
    found = facts("感谢[Institution:西湖区委区政府]的支持。西湖区区长[Person:丁壬]出席。")
    assert not any(f[1] == "丁壬" for f in found)
    found = facts("[Institution:西湖区政府]召开会议,西湖区区长[Person:丁壬]出席。")
    assert ("AFFILIATED_WITH", "丁壬", "西湖区政府") in found


# --- issue 8: shapes of unseen articles (investors through their own units, sub-funds, managers) -------


def test_a_group_joins_a_round_through_its_own_investment_unit() -> None:
    found = facts(
        "[Company:河山科技]完成2亿元B轮融资,[Company:青松集团]通过旗下投资公司[Institution:青松创投],参与了本轮融资。"
    )
    assert ("INVESTED_IN", "青松集团", "河山科技") in found
    assert ("INVESTED_IN", "青松创投", "河山科技") in found
    assert ("SUBSIDIARY_OF", "青松创投", "青松集团") in found
    assert ("INVESTED_IN", "青松集团", "青松创投") not in found  # 投资公司 is a noun, no investment


def test_a_group_joins_a_named_round_through_its_unit() -> None:
    found = facts("[Company:青松集团]通过旗下[Institution:青松创投],参与了储能企业[Company:河山科技]的A+轮融资。")
    assert ("INVESTED_IN", "青松集团", "河山科技") in found
    assert ("INVESTED_IN", "青松创投", "河山科技") in found


def test_a_group_invests_through_its_unit() -> None:
    found = facts("[Company:青松集团]通过旗下[Institution:青松创投]投资了[Company:河山科技]。")
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "青松创投", "河山科技")} <= found
    assert ("SUBSIDIARY_OF", "青松创投", "青松集团") in found


def test_investors_joining_hands() -> None:
    found = facts("[Company:青松集团]和[Company:白桦电子]联手,投了[Company:河山科技]。")
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "白桦电子", "河山科技")} <= found


@pytest.mark.parametrize("verb", ["增持", "加码", "入股"])
def test_a_company_receives_more_from_its_investors(verb: str) -> None:
    found = facts(f"[Company:河山科技]获[Company:青松集团]、[Institution:白桦资本]{verb}。")
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "白桦资本", "河山科技")} <= found


def test_a_round_raised_by_investors_adding_to_their_stake() -> None:
    found = facts("[Company:河山科技]宣布完成A轮融资,本轮融资由[Company:青松集团]和[Company:白桦电子]共同增持。")
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "白桦电子", "河山科技")} <= found


def test_investors_on_the_list_of_a_round() -> None:
    found = facts("[Company:河山科技]进行了B轮融资,[Company:白桦科技]、[Fund:青松产业基金]均出现在了投资名单上。")
    assert {("INVESTED_IN", "白桦科技", "河山科技"), ("INVESTED_IN", "青松产业基金", "河山科技")} <= found


def test_first_sub_fund_of_two_parent_funds() -> None:
    found = facts("[Fund:河山天使基金]作为[Fund:青松母基金]、[Fund:白桦母基金]旗下首只子基金,将发挥引领作用。")
    assert {("INVESTED_IN", "青松母基金", "河山天使基金"), ("INVESTED_IN", "白桦母基金", "河山天使基金")} <= found
    found = facts("[Fund:青松母基金]旗下首只子基金[Fund:河山天使基金]完成备案。")
    assert ("INVESTED_IN", "青松母基金", "河山天使基金") in found
    found = facts("[Fund:青松母基金]新设子基金[Fund:河山天使基金]签约落地。")
    assert ("INVESTED_IN", "青松母基金", "河山天使基金") in found


def test_a_fund_funded_and_set_up_then_entrusted_to_a_manager() -> None:
    found = facts(
        "[Fund:青松母基金](以下简称“母基金”)是由[Institution:青松投资有限公司]出资设立,"
        "委托[Institution:青松基金管理有限公司]按市场化方式运营。"
    )
    assert ("ESTABLISHED", "青松投资有限公司", "青松母基金") in found
    assert ("INVESTED_IN", "青松投资有限公司", "青松母基金") in found
    assert ("MANAGES", "青松基金管理有限公司", "青松母基金") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Fund:河山天使基金]由[Institution:青松基金管理有限公司]负责运营。",
        "[Institution:青松基金管理有限公司]承担[Fund:河山天使基金]的管理工作。",
        "[Fund:河山天使基金]首期规模5亿元。[Institution:青松基金管理有限公司]承担日常管理工作。",
    ],
)
def test_a_manager_runs_or_takes_on_the_work_of_a_fund(sentence: str) -> None:
    assert ("MANAGES", "青松基金管理有限公司", "河山天使基金") in facts(sentence)


def test_a_unit_named_with_what_it_is_after_its_parent() -> None:
    found = facts("[Company:青松集团]旗下智能汽车品牌[Company:河山智行]宣布完成融资。")
    assert ("SUBSIDIARY_OF", "河山智行", "青松集团") in found
    found = facts("其中,[Institution:河山投资]是[Company:青松集团]旗下的投资公司。")
    assert ("SUBSIDIARY_OF", "河山投资", "青松集团") in found


def test_a_company_merged_into_a_group_later_in_its_sentence() -> None:
    found = facts(
        "[Institution:青松高新投资公司](以下简称青松高新)成立于1990年,前身为某某办公室,"
        "2010年12月,按照要求,整体并入[Institution:青松投资集团]。"
    )
    assert ("SUBSIDIARY_OF", "青松高新投资公司", "青松投资集团") in found


def test_a_descriptor_with_a_verb_after_the_parent_is_no_unit() -> None:
    found = facts("[Company:青松集团]旗下基金投资的科技公司[Company:河山科技]已上市。")
    assert ("SUBSIDIARY_OF", "河山科技", "青松集团") not in found


def test_a_listing_venue_is_no_investee() -> None:
    found = facts(
        "[Company:青松集团]旗下基金投资企业——[Company:河山科技]成功在[Institution:临川证券交易所]上市。"
        "[Company:白桦电子]登陆[Institution:临川证券交易所]科创板。"
    )
    assert ("INVESTED_IN", "青松集团", "河山科技") in found
    assert not any(f[0] == "INVESTED_IN" and f[2] == "临川证券交易所" for f in found)


def test_a_title_followed_by_the_next_persons_titles_is_that_persons() -> None:
    found = facts(
        "[Institution:某省科技厅]党组书记、厅长[Person:甲癸],[Institution:河山银行某省分行]党委书记、行长[Person:乙癸]致辞。"
    )
    assert ("AFFILIATED_WITH", "甲癸", "某省科技厅") in found
    assert ("AFFILIATED_WITH", "乙癸", "河山银行某省分行") in found
    assert ("AFFILIATED_WITH", "甲癸", "河山银行某省分行") not in found
    found = facts("[Person:丙癸],[Institution:河山银行]董事长,出席论坛。")
    assert ("AFFILIATED_WITH", "丙癸", "河山银行") in found


def test_a_partner_named_with_its_role_in_a_list_of_investors() -> None:
    found = facts(
        "[Company:河山科技]宣布完成A轮融资,本轮融资由[Company:青松集团]和战略合作伙伴[Company:白桦汽车]共同增持。"
    )
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "白桦汽车", "河山科技")} <= found


def test_a_jointly_signed_notice_and_the_document_it_releases() -> None:
    found = facts(
        "[Policy:临川市科技局关于印发临川市科技金融行动方案的通知]各区政府,市政府有关部门:\n\n"
        "现将《[Policy:临川市科技金融行动方案]》印发你们,请认真贯彻执行。\n\n"
        "[Institution:临川市人民政府] [Institution:临川市科技局]\n\n[Policy:临川市科技金融行动方案]\n\n一、总体要求。"
    )
    notice = "临川市科技局关于印发临川市科技金融行动方案的通知"
    for issuer in ("临川市人民政府", "临川市科技局"):
        assert ("ISSUED", issuer, notice) in found
        assert ("ISSUED", issuer, "临川市科技金融行动方案") in found


def test_a_report_about_a_notice_has_no_signatories() -> None:
    found = facts(
        "[Policy:临川市科技金融行动方案]近日发布。\n\n"
        "[Institution:临川市人民政府] [Institution:临川市科技局]\n\n记者 王某"
    )
    assert not any(f[0] == "ISSUED" for f in found)


def test_a_parents_named_fund_in_a_round_credits_both() -> None:
    found = facts("[Company:河山科技]完成2亿元B轮融资,本轮融资由[Institution:青松资本]旗下[Fund:青松成长基金]领投。")
    assert {("INVESTED_IN", "青松资本", "河山科技"), ("INVESTED_IN", "青松成长基金", "河山科技")} <= found
    found = facts("[Company:青松集团]旗下产业基金[Fund:青松成长基金]投资了[Company:河山科技]。")
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "青松成长基金", "河山科技")} <= found


def test_sub_funds_listed_after_a_count() -> None:
    found = facts("[Fund:青松母基金]已参股子基金12支,包括[Fund:青松成长基金]、[Fund:白桦天使基金]等。")
    assert {("INVESTED_IN", "青松母基金", "青松成长基金"), ("INVESTED_IN", "青松母基金", "白桦天使基金")} <= found


def test_officers_listed_with_commas() -> None:
    found = facts("[Institution:青松国投集团]董事长[Person:张三],总经理[Person:李四]出席。")
    assert {("AFFILIATED_WITH", "张三", "青松国投集团"), ("AFFILIATED_WITH", "李四", "青松国投集团")} <= found
    found = facts("[Institution:青松国投集团]董事长[Person:张三],[Institution:白桦银行]行长[Person:李四]出席。")
    assert ("AFFILIATED_WITH", "李四", "青松国投集团") not in found


def test_control_and_transfer_of_a_holding() -> None:
    assert ("SUBSIDIARY_OF", "青松资本", "青松国投集团") in facts(
        "[Institution:青松国投集团]控股[Institution:青松资本]。"
    )
    found = facts(
        "[Institution:青松市国资委]将其持有的[Institution:青松资本]100%股权无偿划转至[Institution:青松国投集团]。"
    )
    assert ("SUBSIDIARY_OF", "青松资本", "青松国投集团") in found
    found = facts("[Institution:青松国投集团]控股股东为[Institution:青松市国资委]。")
    assert ("SUBSIDIARY_OF", "青松市国资委", "青松国投集团") not in found


def test_largest_shareholder_and_a_document_drafted_under_a_lead() -> None:
    assert ("INVESTED_IN", "青松资本", "河山科技") in facts("[Company:河山科技]的第一大股东为[Institution:青松资本]。")
    found = facts("《[Policy:青松市科技金融十条]》由[Institution:青松市金融局]牵头制定。")
    assert ("ISSUED", "青松市金融局", "青松市科技金融十条") in found


def test_investors_named_as_a_parents_fund() -> None:
    found = facts("[Company:河山科技]完成A轮融资,投资方为[Company:青松集团]旗下产业投资基金[Fund:青松智造基金]。")
    assert {("INVESTED_IN", "青松集团", "河山科技"), ("INVESTED_IN", "青松智造基金", "河山科技")} <= found


def test_investees_each_given_their_kind_after_a_place_phrase() -> None:
    found = facts(
        "除了本次投资的[Company:追风汽车],[Fund:青松智造基金]在汽车产业链上还投资了锂离子电池材料商[Company:法莱]、"
        "汽车电阻制造商[Company:鼎微]以及汽车电子芯片研发商[Company:鸿芯]等企业。"
    )
    assert {("INVESTED_IN", "青松智造基金", c) for c in ("法莱", "鼎微", "鸿芯")} <= found


def test_two_investors_joining_hands_on_a_company_called_so() -> None:
    found = facts(
        "就在4天前,[Company:青松集团]才刚刚和[Company:白桦电子]联手,投了一家叫“[Company:卫星新能源]”的电池企业。"
    )
    assert {("INVESTED_IN", "青松集团", "卫星新能源"), ("INVESTED_IN", "白桦电子", "卫星新能源")} <= found


def test_the_company_in_focus_commits_to_a_named_fund() -> None:
    found = facts("[Company:河山科技]公告,公司出资1.5亿元参与投资[Fund:青松光电创业投资合伙企业(有限合伙)]。")
    assert ("INVESTED_IN", "河山科技", "青松光电创业投资合伙企业(有限合伙)") in found


def test_counted_new_sub_funds_named_in_the_next_sentence() -> None:
    found = facts(
        "[Fund:青松中小企业发展基金]两支新设子基金近日签约落地,认缴规模合计50亿。官方公告显示分别为:"
        "[Fund:青松发展基金一号],管理机构为[Institution:青松资本];[Fund:青松发展基金二号],管理机构为[Institution:白桦资本]。"
    )
    assert ("INVESTED_IN", "青松中小企业发展基金", "青松发展基金一号") in found
    assert ("INVESTED_IN", "青松中小企业发展基金", "青松发展基金二号") in found
    assert ("MANAGES", "青松资本", "青松发展基金一号") in found
    assert ("MANAGES", "白桦资本", "青松发展基金二号") in found


@pytest.mark.parametrize(
    ("sentence", "person", "org"),
    [
        ("2月25日,[Institution:某州政府][Person:黄某]副州长在会议室听取汇报。", "黄某", "某州政府"),
        ("[Institution:某省地方金融监督管理局]副局长、新闻发言人[Person:张某]表示。", "张某", "某省地方金融监督管理局"),
        ("[Institution:某市科技局]副巡视员[Person:石某]出席。", "石某", "某市科技局"),
        ("[Institution:某某基金管理有限公司]党支部书记、董事长[Person:吴某]主持会议。", "吴某", "某某基金管理有限公司"),
    ],
)
def test_more_titles_and_a_title_after_the_name(sentence: str, person: str, org: str) -> None:
    assert ("AFFILIATED_WITH", person, org) in facts(sentence)


def test_titles_one_after_another_and_issued_down() -> None:
    found = facts("[Institution:青松市科技局]印发《[Policy:青松市科技金融十条]》《[Policy:青松市创投十条]》。")
    assert {("ISSUED", "青松市科技局", "青松市科技金融十条"), ("ISSUED", "青松市科技局", "青松市创投十条")} <= found
    found = facts("[Institution:青松市科技局]、[Institution:青松市财政局]联合下发《[Policy:青松市科技金融十条]》。")
    assert ("ISSUED", "青松市财政局", "青松市科技金融十条") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Institution:青松国投集团]作为有限合伙人参与[Fund:青松成长基金]。",
        "[Institution:青松国投集团]作为LP出资2亿元参与[Fund:青松成长基金]。",
    ],
)
def test_joining_a_fund_as_a_limited_partner(sentence: str) -> None:
    assert ("INVESTED_IN", "青松国投集团", "青松成长基金") in facts(sentence)


def test_contributions_then_a_joint_founding() -> None:
    found = facts(
        "[Institution:青松市财政局]出资10亿元,[Institution:青松国投集团]出资5亿元,共同设立[Fund:青松成长基金]。"
    )
    for founder in ("青松市财政局", "青松国投集团"):
        assert ("INVESTED_IN", founder, "青松成长基金") in found
        assert ("ESTABLISHED", founder, "青松成长基金") in found


def test_the_group_referred_to_and_its_unit_and_a_sole_investor() -> None:
    found = facts(
        "据[Institution:青松国投集团]董事长[Person:张三]介绍,集团旗下[Institution:青松资本]管理基金规模超百亿元。"
    )
    assert ("SUBSIDIARY_OF", "青松资本", "青松国投集团") in found
    found = facts("[Company:河山科技]近日完成Pre-A轮融资,[Institution:青松资本]为独家投资方。")
    assert ("INVESTED_IN", "青松资本", "河山科技") in found


def test_both_parties_found_and_a_share_of_control() -> None:
    found = facts(
        "[Institution:青松市政府]与[Institution:白桦集团]签约,双方将共同设立规模50亿元的[Fund:青松白桦产业基金]。"
    )
    assert {("ESTABLISHED", "青松市政府", "青松白桦产业基金"), ("ESTABLISHED", "白桦集团", "青松白桦产业基金")} <= found
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in facts("[Institution:青松集团]100%控股[Institution:青松资本]。")


def test_an_adviser_of_the_round_is_no_investor() -> None:
    found = facts(
        "[Company:河山科技]完成B轮融资,[Institution:青松证券]担任本轮独家财务顾问,[Institution:白桦资本]领投。"
    )
    assert ("INVESTED_IN", "白桦资本", "河山科技") in found
    assert ("INVESTED_IN", "青松证券", "河山科技") not in found


def test_a_bare_company_noun_after_its_sentences_own_company() -> None:
    found = facts(
        "[Company:白桦汽车]与[Company:松柏电子]签署备忘录。[Company:白桦汽车]将增资。"
        "[Company:河山科技]公告,公司出资1.5亿元参与投资[Fund:青松光电创业投资合伙企业(有限合伙)]。"
    )
    assert ("INVESTED_IN", "河山科技", "青松光电创业投资合伙企业(有限合伙)") in found
    assert ("INVESTED_IN", "白桦汽车", "青松光电创业投资合伙企业(有限合伙)") not in found


def test_a_fund_set_up_under_a_lead_with_its_date() -> None:
    found = facts("[Fund:小河智造股权基金]由[Company:小河科技]牵头成立于2021年9月,注册资本63.30亿元。")
    assert ("ESTABLISHED", "小河科技", "小河智造股权基金") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Fund:青松成长基金]的日常管理由[Institution:青松资本]负责。",
        "[Institution:青松资本]负责[Fund:青松成长基金]的募集、投资、管理与退出。",
        "[Institution:青松资本]受[Institution:青松市财政局]委托,管理[Fund:青松成长基金]。",
        "[Fund:青松成长基金]由[Institution:青松资本]负责日常运营。",
        "[Fund:青松成长基金]的基金管理人、执行事务合伙人均为[Institution:青松资本]。",
    ],
)
def test_more_ways_of_naming_a_manager(sentence: str) -> None:
    found = facts(sentence)
    assert ("MANAGES", "青松资本", "青松成长基金") in found
    assert not any(f[0] == "MANAGES" and f[1] == "青松市财政局" for f in found)


def test_issuers_closed_by_a_count_of_departments() -> None:
    found = facts("[Institution:青松部]等8部门近日联合发布《[Policy:科技金融行动方案]》。")
    assert ("ISSUED", "青松部", "科技金融行动方案") in found


def test_byline_names_apart_and_a_text_credit() -> None:
    found = facts("来源:[Institution:青松日报] | 记者 [Person:张三] [Person:李四]\n河山科技完成融资。")
    assert {("AFFILIATED_WITH", "张三", "青松日报"), ("AFFILIATED_WITH", "李四", "青松日报")} <= found
    found = facts("文 | [Person:张三] 来源:[Institution:青松财经]\n河山科技完成融资。")
    assert ("AFFILIATED_WITH", "张三", "青松财经") in found


def test_a_listed_company_puts_its_own_money_into_a_fund() -> None:
    fund = "青松光电创业投资合伙企业(有限合伙)"
    found = facts(f"[Company:河山科技]公告,公司拟以自有资金5000万元参与投资设立[Fund:{fund}]。")
    assert {("INVESTED_IN", "河山科技", fund), ("ESTABLISHED", "河山科技", fund)} <= found
    found = facts(f"[Company:河山科技]拟使用自有资金1亿元认购[Fund:{fund}]份额。")
    assert ("INVESTED_IN", "河山科技", fund) in found and ("ESTABLISHED", "河山科技", fund) not in found


def test_an_investor_named_anothers_vehicle_in_an_aside_credits_the_owner() -> None:
    found = facts("[Company:河山科技]完成B轮融资,由[Fund:青松成长基金]([Institution:青松资本]旗下基金)领投。")
    assert {("INVESTED_IN", "青松成长基金", "河山科技"), ("INVESTED_IN", "青松资本", "河山科技")} <= found
    found = facts("[Company:河山科技]完成B轮融资,由[Institution:白桦资本]([Institution:青松资本]的合作伙伴)领投。")
    assert ("INVESTED_IN", "青松资本", "河山科技") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Institution:青松集团]持股100%的[Institution:青松资本]成立于2015年。",
        "[Institution:青松集团]实际控制的[Institution:青松资本]成立于2015年。",
        "[Institution:青松资本]系[Institution:青松集团]全资控股的国有企业。",
    ],
)
def test_wholly_held_and_controlled_units(sentence: str) -> None:
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in facts(sentence)


def test_a_lead_named_by_its_role_and_a_list_of_investors_named_so() -> None:
    found = facts("[Company:河山科技]完成A轮融资,[Institution:青松资本]作为领投方,[Institution:白桦资本]跟投。")
    assert {("INVESTED_IN", "青松资本", "河山科技"), ("INVESTED_IN", "白桦资本", "河山科技")} <= found
    found = facts("[Company:河山科技]完成A轮融资,投资方名单包括[Institution:青松资本]、[Institution:白桦资本]。")
    assert {("INVESTED_IN", "青松资本", "河山科技"), ("INVESTED_IN", "白桦资本", "河山科技")} <= found
    found = facts("[Institution:青松集团]认购[Fund:青松成长基金]份额。")
    assert ("INVESTED_IN", "青松集团", "青松成长基金") in found


def test_a_manager_of_a_partnership_no_list_knows_is_not_given_another_fund() -> None:
    found = facts(
        "[Fund:青松中小企业发展基金]新设两支子基金。公告显示分别为:青松一号创业投资合伙企业(有限合伙),"
        "注册地某地,管理机构为[Institution:青松资本]。"
    )
    assert ("MANAGES", "青松资本", "青松中小企业发展基金") not in found
    found = facts("[Fund:青松成长基金]完成备案。基金管理人为[Institution:青松资本]。")
    assert ("MANAGES", "青松资本", "青松成长基金") in found


def test_only_an_institution_is_a_listing_venue() -> None:
    from capgraph.loaders.relations import _listing_venue

    sentence = split_sentences("青松资本在河山科技上市前入股,白桦电子在临川证券交易所上市。")[0]
    assert not _listing_venue(Entity("Company", None, ["河山科技"]), sentence)
    assert _listing_venue(Entity("Institution", None, ["临川证券交易所"]), sentence)


def test_an_investment_before_a_listing() -> None:
    found = facts("[Institution:青松资本]早在[Company:河山科技]科创板上市前就已入股。")
    assert ("INVESTED_IN", "青松资本", "河山科技") in found


def test_a_party_deputy_who_is_also_the_head_of_government() -> None:
    found = facts("[Institution:白桦市委]副书记、市长[Person:乙某]致辞。[Institution:白桦市政府]相关部门参加。")
    assert {("AFFILIATED_WITH", "乙某", "白桦市委"), ("AFFILIATED_WITH", "乙某", "白桦市政府")} <= found


def test_a_portfolio_told_with_touchu() -> None:
    found = facts("[Institution:青松资本]成立十年来,先后投出了[Company:河山科技]、[Company:白桦电子]等独角兽。")
    assert {("INVESTED_IN", "青松资本", "河山科技"), ("INVESTED_IN", "青松资本", "白桦电子")} <= found


def test_a_list_ending_in_a_name_no_list_knows_keeps_the_named_ones() -> None:
    found = facts("[Company:河山科技]宣布完成A轮融资,本轮融资由[Company:青松集团]和战略合作伙伴白桦汽车共同增持。")
    assert ("INVESTED_IN", "青松集团", "河山科技") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "[Institution:青松资本]是[Institution:青松集团]的二级子企业。",
        "[Institution:青松集团]控股上市公司[Institution:青松资本]发布公告。",
        "[Institution:青松集团]权属企业[Institution:青松资本]表示。",
    ],
)
def test_a_groups_own_enterprises_named_so(sentence: str) -> None:
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in facts(sentence)


def test_a_unit_in_apposition_and_no_reversed_parent() -> None:
    found = facts("[Institution:青松资本],[Institution:青松集团]旗下专业投资平台,成立于2015年。")
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in found
    found = facts("[Institution:青松资本]——[Institution:青松集团]全资子公司,负责基金管理。")
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in found
    assert ("SUBSIDIARY_OF", "青松集团", "青松资本") not in found
    found = facts("[Institution:青松资本],[Institution:青松集团]的合作伙伴,成立于2015年。")
    assert not any(f[0] == "SUBSIDIARY_OF" for f in found)


def test_founders_who_set_up_a_company() -> None:
    assert ("AFFILIATED_WITH", "王五", "河山科技") in facts("[Person:王五]于2018年在深圳创办了[Company:河山科技]。")
    found = facts("[Person:王五]和[Person:赵六]共同创立[Company:河山科技]。")
    assert {("AFFILIATED_WITH", "王五", "河山科技"), ("AFFILIATED_WITH", "赵六", "河山科技")} <= found


# --- founders counted, then listed; initiators of a fund --------------------------------------------


def test_counted_founders_written_out_in_the_next_sentence() -> None:
    found = facts(
        "[Company:云岭产业集团有限公司]由4家本地企业共同出资设立。注册资本为20亿元,股东分别是:"
        "[Company:青松集团]、[Company:白桦科技]、[Institution:东岭资本]以及[Company:南湖电器]。"
    )
    founders = {"青松集团", "白桦科技", "东岭资本", "南湖电器"}
    assert {("ESTABLISHED", f, "云岭产业集团有限公司") for f in founders} <= found
    assert {("INVESTED_IN", f, "云岭产业集团有限公司") for f in founders} <= found


def test_counted_founders_take_no_more_names_than_the_count() -> None:
    found = facts(
        "[Company:云岭产业集团]由2家企业共同出资组建,股东包括[Company:青松集团]和[Company:白桦科技]。"
        "合作方包括[Company:南湖电器]、[Company:北辰物流]。"
    )
    assert ("ESTABLISHED", "白桦科技", "云岭产业集团") in found
    assert not any(f[1] in ("南湖电器", "北辰物流") for f in found)


def test_initiators_of_the_fund_just_set_up() -> None:
    found = facts(
        "某省宣布设立[Fund:云岭开放发展基金],[Institution:云岭市政府]和[Institution:云岭发展控股有限公司]"
        "作为初始主发起人,各出资10亿元。"
    )
    for founder in ("云岭市政府", "云岭发展控股有限公司"):
        assert ("ESTABLISHED", founder, "云岭开放发展基金") in found
        assert ("INVESTED_IN", founder, "云岭开放发展基金") in found


def test_set_up_with_money_paid_through_a_budget() -> None:
    found = facts(
        "本办法所称[Fund:南湖引导基金],是指由[Institution:南湖新区管理委员会]通过财政预算资金出资设立的投资基金。"
    )
    assert ("ESTABLISHED", "南湖新区管理委员会", "南湖引导基金") in found
    assert ("INVESTED_IN", "南湖新区管理委员会", "南湖引导基金") in found


def test_names_sharing_one_title_and_the_group_referred_to() -> None:
    found = facts("[Institution:青松投资集团]副总经理[Person:王五]、[Person:赵六]及相关人员参加座谈。")
    assert {("AFFILIATED_WITH", "王五", "青松投资集团"), ("AFFILIATED_WITH", "赵六", "青松投资集团")} <= found
    found = facts("[Institution:青松投资集团]董事长[Person:王五]、[Institution:白桦资本]总经理[Person:赵六]出席。")
    assert ("AFFILIATED_WITH", "赵六", "青松投资集团") not in found
    found = facts(
        "[Institution:青松控股集团]召开年度会议。会上,集团公司党委书记、董事长[Person:王五]作报告,"
        "集团公司总会计师[Person:赵六]主持会议。"
    )
    assert {("AFFILIATED_WITH", "王五", "青松控股集团"), ("AFFILIATED_WITH", "赵六", "青松控股集团")} <= found


def test_a_banks_centre_named_after_it_belongs_to_the_nearest_unit() -> None:
    found = facts(
        "[Institution:青松银行]在某市召开会议,[Institution:青松银行东海省分行]宣布成立"
        "[Institution:青松银行东海省分行科技金融中心]。"
    )
    assert ("SUBSIDIARY_OF", "青松银行东海省分行科技金融中心", "青松银行东海省分行") in found
    assert ("SUBSIDIARY_OF", "青松银行东海省分行科技金融中心", "青松银行") not in found
    assert ("SUBSIDIARY_OF", "青松银行东海省分行", "青松银行") in found
    found = facts("[Institution:白桦银行]与某市签约。[Institution:白桦银行科技金融创新中心]当日挂牌。")
    assert ("SUBSIDIARY_OF", "白桦银行科技金融创新中心", "白桦银行") in found


def test_a_companys_notice_of_subscribing_to_a_fund() -> None:
    found = facts("[Company:青松股份]:关于认购[Fund:东岭协同产业基金]份额的公告。")
    assert ("INVESTED_IN", "青松股份", "东岭协同产业基金") in found
    found = facts("[Company:白桦股份有限公司]关于参与认购[Fund:南湖成长股权投资基金合伙企业(有限合伙)]基金份额的公告")
    assert ("INVESTED_IN", "白桦股份有限公司", "南湖成长股权投资基金合伙企业(有限合伙)") in found


def test_a_notice_without_a_title_line_forwards_the_document_its_signatory_issues() -> None:
    found = facts(
        "各有关单位:\n《[Policy:临川市天使投资引导基金管理办法]》已经主任办公会议审议通过,现印发给你们,请遵照执行。\n"
        "[Institution:临川高新区管理委员会]\n2024年3月1日\n[Policy:临川市天使投资引导基金管理办法]\n第一条 为规范管理。"
    )
    assert ("ISSUED", "临川高新区管理委员会", "临川市天使投资引导基金管理办法") in found


def test_a_contribution_then_the_fund_it_sets_up() -> None:
    found = facts(
        "某省将设立[Fund:云岭绿色产业发展基金]。新基金采用母子基金架构,[Institution:云岭省政府]出资50亿元,"
        "同时募集社会资本200亿元,设立母基金。"
    )
    assert ("ESTABLISHED", "云岭省政府", "云岭绿色产业发展基金") in found
    assert ("INVESTED_IN", "云岭省政府", "云岭绿色产业发展基金") in found


def test_a_registry_change_adds_an_investor() -> None:
    found = facts(
        "[Institution:东岭财经]从某平台获悉,近日,[Company:河山微电子有限公司]发生工商变更,"
        "该公司股东新增[Fund:青松长江产业基金合伙企业(有限合伙)]。"
    )
    assert ("INVESTED_IN", "青松长江产业基金合伙企业(有限合伙)", "河山微电子有限公司") in found
    assert not any(f[2] == "东岭财经" for f in found)
    found = facts("[Company:河山科技]的投资人新增[Institution:青松资本]和[Institution:白桦创投]。")
    assert {("INVESTED_IN", "青松资本", "河山科技"), ("INVESTED_IN", "白桦创投", "河山科技")} <= found


def test_a_head_of_government_at_an_opening_is_no_staff_of_what_opens() -> None:
    text = "青松银行科技金融中心在某市正式挂牌成立,副省长王五、青松银行副行长赵六共同揭牌。"
    sentences = split_sentences(text)

    def mention(name: str, label: str, title: str | None = None) -> Mention:
        start = text.rindex(name)  # the bank alone is its second writing
        return Mention(name, label, start, start + len(name), 0, {"title": title} if title else {})

    mentions = [
        Mention("青松银行科技金融中心", "Institution", 0, 10, 0),
        mention("王五", "Person", "副省长"),
        mention("青松银行", "Institution"),
        mention("赵六", "Person", "副行长"),
    ]
    entities = {m.text: Entity(m.label, None, [m.text]) for m in mentions}
    ctx = Context(text, sentences, mentions, lambda m: entities[m.text])
    found = {(f.type, f.source.name, f.target.name) for f in find_relations(ctx, list(entities.values()))}
    assert ("AFFILIATED_WITH", "王五", "青松银行科技金融中心") not in found
    assert ("AFFILIATED_WITH", "赵六", "青松银行") in found


def test_registry_and_list_shapes_of_new_investors() -> None:
    found = facts("[Company:河山芯片科技]的工商信息也发生了变更,新增了[Company:青松科技]为股东。")
    assert ("INVESTED_IN", "青松科技", "河山芯片科技") in found
    found = facts(
        "近期,[Company:河山芯片科技有限公司]进行了B轮融资,[Company:青松科技](某集团关联公司)、"
        "[Institution:青松龙珠]均出现在了投资名单上。"
    )
    assert {
        ("INVESTED_IN", "青松科技", "河山芯片科技有限公司"),
        ("INVESTED_IN", "青松龙珠", "河山芯片科技有限公司"),
    } <= found


def test_the_company_of_a_notice_pays_into_a_fund() -> None:
    found = facts(
        "[Company:青松科技]公告,公司出资1.5亿元参与投资[Fund:东岭光电创业投资合伙企业(有限合伙)],主要投向光电子。"
    )
    assert ("INVESTED_IN", "青松科技", "东岭光电创业投资合伙企业(有限合伙)") in found


def test_an_investor_in_its_role_joins_a_companys_round() -> None:
    found = facts("[Institution:青松资本]作为领投方参与了[Company:河山科技]的B轮融资。")
    assert ("INVESTED_IN", "青松资本", "河山科技") in found
    found = facts("[Institution:青松资本]以老股东身份继续参与[Company:河山科技]本轮融资。")
    assert ("INVESTED_IN", "青松资本", "河山科技") in found


def test_issued_jointly_with_another_body() -> None:
    found = facts("《[Policy:某省科技金融十条]》由[Institution:某省科技厅]会同[Institution:某省财政厅]制定。")
    assert {("ISSUED", "某省科技厅", "某省科技金融十条"), ("ISSUED", "某省财政厅", "某省科技金融十条")} <= found


def test_a_subsidiary_introduced_by_its_role() -> None:
    found = facts("作为[Institution:青松集团]的全资子公司,[Institution:青松资本]负责基金投资。")
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in found


def test_subscribers_of_a_funds_first_close() -> None:
    found = facts("[Fund:南湖硬科技基金]已完成首关,[Institution:青松资本]、[Institution:白桦创投]等机构参与认购。")
    assert {("INVESTED_IN", "青松资本", "南湖硬科技基金"), ("INVESTED_IN", "白桦创投", "南湖硬科技基金")} <= found


def test_an_officer_acting_for_the_head_of_the_same_organisation() -> None:
    found = facts("受[Person:王五]董事长委托,[Institution:青松集团]副总经理[Person:赵六]会见了来访客人。")
    assert {("AFFILIATED_WITH", "王五", "青松集团"), ("AFFILIATED_WITH", "赵六", "青松集团")} <= found


def test_an_investment_department_is_no_investment() -> None:
    found = facts(
        "[Company:河山机器人]完成新一轮融资。[Institution:青松投资股份有限公司]投资三部总经理[Person:王五]长期关注机器人。"
    )
    assert ("INVESTED_IN", "青松投资股份有限公司", "河山机器人") not in found
    found = facts("[Company:河山机器人]完成新一轮融资。[Institution:青松资本]投资,[Institution:白桦创投]跟投。")
    assert ("INVESTED_IN", "青松资本", "河山机器人") in found


def test_a_groups_business_segment_named_as_its_unit() -> None:
    found = facts("新能源企业[Company:青松集团]旗下光伏板块[Company:青松光伏科技]近期完成A轮融资。")
    assert ("SUBSIDIARY_OF", "青松光伏科技", "青松集团") in found


def test_contributors_with_shares_and_joint_founders_with_amounts() -> None:
    found = facts("[Fund:南湖产业基金]总规模10亿元,由[Institution:青松资本]出资60%、[Institution:白桦创投]出资40%。")
    assert {("INVESTED_IN", "青松资本", "南湖产业基金"), ("INVESTED_IN", "白桦创投", "南湖产业基金")} <= found
    assert ("INVESTED_IN", "青松资本", "白桦创投") not in found
    found = facts("[Institution:青松资本]、[Institution:白桦创投]分别出资6亿元和4亿元,共同设立[Fund:南湖产业基金]。")
    for founder in ("青松资本", "白桦创投"):
        assert ("ESTABLISHED", founder, "南湖产业基金") in found
        assert ("INVESTED_IN", founder, "南湖产业基金") in found


def test_joint_managers_and_a_lead_founder_that_manages() -> None:
    found = facts("[Fund:南湖产业基金]由[Institution:青松资本]和[Institution:白桦创投]共同管理。")
    assert {("MANAGES", "青松资本", "南湖产业基金"), ("MANAGES", "白桦创投", "南湖产业基金")} <= found
    found = facts("[Institution:青松资本]牵头设立并管理[Fund:南湖产业基金]。")
    assert ("MANAGES", "青松资本", "南湖产业基金") in found


def test_a_limited_partner_subscribes_and_a_contributor_sets_up() -> None:
    found = facts("[Institution:青松资本]将作为有限合伙人认缴[Fund:南湖天使基金]份额2亿元。")
    assert ("INVESTED_IN", "青松资本", "南湖天使基金") in found
    found = facts("[Institution:某市科技局]作为出资人代表,出资2亿元参与设立[Fund:南湖天使基金]。")
    assert ("ESTABLISHED", "某市科技局", "南湖天使基金") in found
    assert ("INVESTED_IN", "某市科技局", "南湖天使基金") in found


def test_the_group_company_named_only_later() -> None:
    found = facts(
        "4月1日,集团公司党委书记、董事长[Person:王五]会见了来访客人。会上,客人希望加强与[Institution:青松控股集团]的合作。"
    )
    assert ("AFFILIATED_WITH", "王五", "青松控股集团") in found


def test_investors_that_co_invest_in_a_round() -> None:
    found = facts(
        "[Company:河山机器人]完成超亿元天使轮融资,由[Institution:青松创投]、[Institution:白桦创合]以及"
        "[Fund:东岭资产基金]等多家机构联投。"
    )
    investors = ("青松创投", "白桦创合", "东岭资产基金")
    assert {("INVESTED_IN", investor, "河山机器人") for investor in investors} <= found


def test_a_party_or_its_affiliates_takes_a_share_of_the_fund() -> None:
    found = facts(
        "本次合作基金名称拟定为[Fund:东岭碳中和产业投资基金],基金总规模不超过100亿元,"
        "其中[Company:青松能科]或其关联方/指定实体出资约占基金总规模的51%。"
    )
    assert ("INVESTED_IN", "青松能科", "东岭碳中和产业投资基金") in found


def test_title_shapes_and_no_title_borrowed_from_the_next_person() -> None:
    found = facts("[Institution:某省国资委]副主任[Person:王五],[Institution:青松集团]董事长[Person:赵六]等出席。")
    assert ("AFFILIATED_WITH", "王五", "青松集团") not in found
    assert ("AFFILIATED_WITH", "赵六", "青松集团") in found
    assert ("AFFILIATED_WITH", "王五", "青松集团") in facts("[Person:王五]自2020年起担任[Institution:青松集团]总经理。")
    assert ("AFFILIATED_WITH", "王五", "青松集团") in facts("[Institution:青松集团]有关负责人[Person:王五]介绍。")
    assert ("AFFILIATED_WITH", "王五", "青松集团") in facts("[Institution:青松集团]新任董事长[Person:王五]。")


def test_a_groups_second_tier_enterprise() -> None:
    found = facts("[Institution:青松资本]为[Institution:青松集团]二级企业。")
    assert ("SUBSIDIARY_OF", "青松资本", "青松集团") in found


def test_shareholders_of_a_company_just_set_up() -> None:
    found = facts(
        "[Institution:云岭产业投资集团]近日挂牌成立,注册资本10亿元,股东包括[Company:青松集团]、"
        "[Company:白桦科技]和[Institution:东岭资本]。"
    )
    for founder in ("青松集团", "白桦科技", "东岭资本"):
        assert ("ESTABLISHED", founder, "云岭产业投资集团") in found
        assert ("INVESTED_IN", founder, "云岭产业投资集团") in found
    found = facts("[Company:河山科技]成立于2015年,主营芯片设计。[Company:河山科技]的股东包括[Company:青松集团]。")
    assert ("ESTABLISHED", "青松集团", "河山科技") not in found
    found = facts("[Company:河山科技]成立于2015年,股东包括[Company:青松集团]和[Company:白桦科技]。")
    assert not any(f[0] == "ESTABLISHED" for f in found)


def test_investment_received_from_named_investors() -> None:
    found = facts("[Company:河山科技]获得来自[Institution:青松资本]和[Institution:白桦创投]的数千万元投资。")
    assert {("INVESTED_IN", "青松资本", "河山科技"), ("INVESTED_IN", "白桦创投", "河山科技")} <= found


def test_a_later_list_of_partners_is_no_list_of_founders() -> None:
    found = facts(
        "[Company:云岭产业集团]由3家企业共同出资设立。集团的合作伙伴包括[Company:青松集团]、[Company:白桦科技]。"
    )
    assert not any(f[0] == "ESTABLISHED" for f in found)


def test_initiators_of_nothing_named_found_nothing() -> None:
    found = facts("[Company:河山科技]发展迅速。[Institution:青松资本]作为发起人之一,签署了行业倡议。")
    assert not any(f[0] == "ESTABLISHED" for f in found)


def test_a_fund_receives_a_contribution() -> None:
    found = facts("[Fund:青松南湖天使基金]获[Fund:南湖科创母基金]出资2亿元。")
    assert ("INVESTED_IN", "南湖科创母基金", "青松南湖天使基金") in found
