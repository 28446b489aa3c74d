"""INVESTED_IN on financing rounds and fund portfolios written in shapes beyond the single-verb ones:
lists with descriptors, colon lists with individuals among them, lists introduced after a round's
attracting verb, sub-funds and direct projects of a fund in focus (sentences written for these tests,
invented names)."""

from __future__ import annotations

from tests.test_constructions import facts


def _investors(found: set[tuple[str, str, str]], target: str) -> set[str]:
    return {source for rtype, source, end in found if rtype == "INVESTED_IN" and end == target}


def test_followers_with_a_descriptor_between_etc_and_the_verb() -> None:
    found = facts(
        "近日,[Company:青岚芯片科技有限公司]宣布完成5亿元A轮融资,由[Institution:远山资本]、[Institution:白鹭创投]"
        "联合领投,[Company:星河电子]、[Institution:北辰资本]等多家知名产业投资伙伴跟投,其他投资人还包括"
        "[Institution:南坡创投]、[Institution:松涛资本]等。"
    )
    expected = {"远山资本", "白鹭创投", "星河电子", "北辰资本", "南坡创投", "松涛资本"}
    assert _investors(found, "青岚芯片科技有限公司") == expected


def test_colon_list_with_individuals_among_the_investors() -> None:
    found = facts(
        "[Company:木棉出行]此前公告,本次[Company:木棉出行]完成的B2轮融资,共募集资金3亿元,投资方包括:"
        "[Company:海川股份]、[Fund:嘉禾一号股权投资合伙企业(有限合伙)]、 [Person:赵一鸣]、[Person:钱二]、"
        "[Institution:东湖投资管理合伙企业]等9名投资人。"
    )
    assert _investors(found, "木棉出行") == {"海川股份", "嘉禾一号股权投资合伙企业(有限合伙)", "东湖投资管理合伙企业"}


def test_list_after_the_round_attracts_investors() -> None:
    found = facts(
        "3月1日,[Company:云雀机器人]宣布完成3亿元B轮融资。本轮融资吸引了互联网巨头、头部美元基金以及多家地方"
        "国资平台,包括[Company:甲乙网络]、[Institution:丙丁资本]及[Institution:戊己创投]等。"
    )
    assert _investors(found, "云雀机器人") == {"甲乙网络", "丙丁资本", "戊己创投"}


def test_earlier_round_investors_join_again() -> None:
    found = facts(
        "5月8日,[Company:青柚科技]宣布完成2亿元C轮融资。[Company:青柚科技]上一轮投资方[Institution:远澜资本]、"
        "[Company:海象网络]继续参与投资。"
    )
    assert _investors(found, "青柚科技") == {"远澜资本", "海象网络"}


def test_amount_between_investor_and_joining_a_named_round() -> None:
    found = facts("[Company:金桥股份]公告称,[Company:金桥股份]以自有资金2亿元参与了[Company:蓝鲸出行]的B3轮融资。")
    assert ("INVESTED_IN", "金桥股份", "蓝鲸出行") in found


def test_planned_sub_funds_of_the_fund_in_focus() -> None:
    found = facts(
        "会上,[Institution:某某基金公司]汇报了[Fund:省产业引导基金]已投资的[Fund:江东创新基金]情况,以及拟设立的"
        "[Fund:江北医药产业基金]、[Fund:江南文旅基金]和[Fund:江西农业发展基金]等子基金推进情况。"
    )
    assert _investors(found, "江北医药产业基金") == {"省产业引导基金"}
    assert _investors(found, "江南文旅基金") == {"省产业引导基金"}
    assert _investors(found, "江西农业发展基金") == {"省产业引导基金"}
    assert _investors(found, "江东创新基金") == {"省产业引导基金"}


def test_parent_fund_sets_up_a_named_sub_fund() -> None:
    found = facts("[Fund:滨海创新投资基金]采取母子基金架构,母基金下设一支[Fund:滨海科创子基金],重点投向早期项目。")
    assert ("INVESTED_IN", "滨海创新投资基金", "滨海科创子基金") in found


def test_sub_fund_and_direct_projects_after_a_dash() -> None:
    found = facts(
        "[Institution:甲市创投有限公司]与[Institution:乙市风投有限公司]完成了[Fund:甲乙科创母基金]、子基金——"
        "[Fund:丙丁医疗基金]及首批母基金直投项目——[Company:戊己科技股份有限公司]、[Company:庚辛航空有限公司]的签约。"
    )
    assert _investors(found, "丙丁医疗基金") == {"甲乙科创母基金"}
    assert _investors(found, "戊己科技股份有限公司") == {"甲乙科创母基金"}
    assert _investors(found, "庚辛航空有限公司") == {"甲乙科创母基金"}


def test_registry_change_names_a_new_outward_investment() -> None:
    found = facts(
        "6月2日消息,[Fund:湖东智造产业基金合伙企业(有限合伙)]新增对外投资,新增投资企业为[Company:北京远航新材料有限公司],"
        "投资比例2%。"
    )
    assert ("INVESTED_IN", "湖东智造产业基金合伙企业(有限合伙)", "北京远航新材料有限公司") in found


def test_among_them_is_no_reference_to_the_fund() -> None:
    found = facts(
        "[Fund:华岭结构调整基金]总规模800亿元,由[Institution:华岭基金管理有限公司]管理。其中一期规模300亿元,"
        "[Company:华岭集团]作为主发起人出资100亿元,[Company:北岸银行]出资150亿元。"
    )
    assert ("INVESTED_IN", "华岭集团", "华岭基金管理有限公司") not in found
    assert ("INVESTED_IN", "华岭集团", "华岭结构调整基金") in found


def test_list_runs_past_unnamed_partnerships_and_a_cut_latin_tail() -> None:
    found = facts(
        "[Company:白杨储能]完成的A2轮融资,投资方包括:[Company:青石集团]、宁波某某投资管理合伙企业(有限合伙)、"
        "[Fund:嘉善一号股权投资合伙企业(有限合伙)]、 孙三、 李四、周五等10名投资人。本轮由[Institution:远望资本]、"
        "[Institution:鼎新]VGC(成长基金)联合领投。"
    )
    assert _investors(found, "白杨储能") == {"青石集团", "嘉善一号股权投资合伙企业(有限合伙)", "远望资本", "鼎新"}


def test_sibling_fund_is_no_parent_of_planned_sub_funds() -> None:
    found = facts(
        "负责人汇报了已投资的[Fund:东坡创新发展基金]情况,以及拟设立的[Fund:北坡农业基金]和[Fund:南坡文旅基金]等子基金推进情况。"
    )
    assert not _investors(found, "北坡农业基金") and not _investors(found, "南坡文旅基金")


def test_participants_of_the_round_named_after_a_relative_clause() -> None:
    found = facts(
        "[Company:蓝鲸科技]完成1亿元A轮融资。参与本轮投资的机构还有[Institution:甲一资本]、[Institution:乙二创投]"
        "和[Institution:丙三资本]。"
    )
    assert _investors(found, "蓝鲸科技") == {"甲一资本", "乙二创投", "丙三资本"}


def test_contributors_of_a_round_just_stated() -> None:
    found = facts("[Company:赤松医疗]完成新一轮融资,出资方为[Institution:远帆资本]、[Fund:近岸成长基金]。")
    assert _investors(found, "赤松医疗") == {"远帆资本", "近岸成长基金"}


def test_investors_joining_the_round_without_a_role_word() -> None:
    found = facts(
        "[Company:赤松医疗]宣布完成3亿元C轮融资,新股东[Institution:远帆资本]、[Institution:近岸创投]加入,"
        "老股东[Institution:高崖资本]继续追加。[Institution:北湾资本]、[Institution:南湾资本]也共同参与。"
    )
    assert _investors(found, "赤松医疗") == {"远帆资本", "近岸创投", "高崖资本", "北湾资本", "南湾资本"}


def test_lead_investor_with_partners_completes_the_investment() -> None:
    found = facts(
        "[Institution:甲一资本]作为领投方,携手[Institution:乙二创投]、[Institution:丙三资本]完成了对"
        "[Company:蓝鲸科技]的投资。"
    )
    assert _investors(found, "蓝鲸科技") == {"甲一资本", "乙二创投", "丙三资本"}


def test_owner_and_its_named_fund_in_an_investor_list() -> None:
    found = facts(
        "[Company:蓝鲸科技]宣布完成3亿元C轮融资。本轮投资方包括[Institution:甲一资本]旗下[Fund:甲一成长基金]、"
        "[Institution:乙二创投]。"
    )
    assert _investors(found, "蓝鲸科技") == {"甲一资本", "甲一成长基金", "乙二创投"}


def test_fund_directs_money_to_named_companies() -> None:
    found = facts("[Fund:江河创投基金]已投向了[Company:甲一科技]、[Company:乙二医药]、[Company:丙三材料]三家企业。")
    assert ("INVESTED_IN", "江河创投基金", "乙二医药") in found


def test_bystanders_of_another_round_keep_their_own_investors() -> None:
    found = facts(
        "[Company:蓝鲸科技]完成B轮融资,由[Institution:甲一资本]领投。同期,与其同赛道的[Company:白鲨科技]也完成了"
        "A轮融资,投资方为[Institution:乙二创投]。"
    )
    assert _investors(found, "蓝鲸科技") == {"甲一资本"}
    assert _investors(found, "白鲨科技") == {"乙二创投"}


def test_holdings_listed_after_a_count_of_projects() -> None:
    found = facts("截至目前,[Fund:江北科创基金]累计投资项目30个,包括[Company:甲一科技]、[Company:乙二医药]等。")
    assert _investors(found, "甲一科技") == {"江北科创基金"} and _investors(found, "乙二医药") == {"江北科创基金"}


def test_completed_investment_in_a_list_of_companies() -> None:
    found = facts("[Fund:江北科创基金]已完成对[Company:甲一科技]、[Company:乙二医药]等5家企业的投资。")
    assert _investors(found, "甲一科技") == {"江北科创基金"} and _investors(found, "乙二医药") == {"江北科创基金"}


def test_round_statement_far_from_the_company_that_opens_the_sentence() -> None:
    found = facts(
        "[Company:蓝鲸科技]近日在北京召开媒体沟通会,正式宣布完成数亿元B轮融资,本轮由[Institution:甲一资本]领投。"
    )
    assert _investors(found, "蓝鲸科技") == {"甲一资本"}


def test_round_company_named_inside_the_lead_investors_statement() -> None:
    found = facts("[Institution:甲一资本]宣布领投[Company:蓝鲸科技]数亿元B轮融资,[Institution:乙二创投]跟投。")
    assert _investors(found, "蓝鲸科技") == {"甲一资本", "乙二创投"}


def test_statement_of_a_company_after_another_name_gives_no_round_company() -> None:
    found = facts("[Company:蓝鲸科技]的合作伙伴[Company:白鲨网络]近日宣布完成A轮融资,[Institution:甲一资本]领投。")
    assert "蓝鲸科技" not in {target for rtype, _, target in found if rtype == "INVESTED_IN"}


def test_round_far_below_its_lead_statement_is_the_lead_companys() -> None:
    filler = "公司产品覆盖储能、电源管理与工业控制等多个领域,已服务数百家下游厂商。" * 40
    found = facts(
        f"[Company:蓝鲸科技]宣布完成5亿元B轮融资。{filler}公司客户包括[Company:白鲨电器]等。本轮融资由[Institution:甲一资本]领投。"
    )
    assert _investors(found, "蓝鲸科技") == {"甲一资本"}
    assert not _investors(found, "白鲨电器")


def test_fund_of_funds_invests_in_a_mixed_list_of_funds_and_companies() -> None:
    found = facts(
        "[Fund:江北母基金]规模50亿元。目前,母基金已投向[Fund:甲一创业基金]、[Fund:乙二产业基金]及[Company:丙三科技]。"
        "[Fund:江北母基金]已累计出资10亿元,参股[Fund:丁四天使基金]、[Fund:戊五成长基金]。"
    )
    for child in ("甲一创业基金", "乙二产业基金", "丙三科技", "丁四天使基金", "戊五成长基金"):
        assert _investors(found, child) == {"江北母基金"}


def test_owner_credited_with_its_subsidiarys_fund_commitment() -> None:
    found = facts(
        "[Company:东湖股份有限公司]全资子公司[Company:东湖半导体有限公司]拟作为有限合伙人认缴出资980万元,参与投资"
        "[Fund:苏州远帆创业投资合伙企业(有限合伙)]。"
    )
    assert _investors(found, "苏州远帆创业投资合伙企业(有限合伙)") == {"东湖半导体有限公司", "东湖股份有限公司"}


def test_a_groups_venture_arm_keeps_its_stakes_in_companies() -> None:
    found = facts(
        "[Institution:西岭创投有限公司]是[Institution:西岭科创集团]的全资子公司。[Institution:西岭创投有限公司]"
        "已投资[Company:甲一科技]、[Company:乙二医药]等企业。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投有限公司"}


def test_bare_guidance_fund_stands_for_the_articles_guidance_fund() -> None:
    found = facts(
        "[Institution:南川国投集团]负责人调研[Fund:南川市政府产业引导基金]运营情况。负责人汇报了产业引导基金已投资的"
        "[Fund:南川凤鸣创新基金]、[Company:南川仪表]直投项目情况,以及拟设立的[Fund:南川农业发展基金]和"
        "[Fund:南川文旅产业基金]等子基金推进情况。"
    )
    for child in ("南川凤鸣创新基金", "南川仪表", "南川农业发展基金", "南川文旅产业基金"):
        assert _investors(found, child) == {"南川市政府产业引导基金"}


def test_bare_guidance_fund_without_a_named_one_stands_for_nothing() -> None:
    found = facts("[Fund:北川创新基金]成立。产业引导基金已投资的[Company:北川仪表]进展良好。")
    assert not _investors(found, "北川仪表")


def test_fund_contributions_in_other_phrasings() -> None:
    found = facts(
        "[Fund:南江科创母基金]获得[Institution:南江国投集团]5亿元出资。[Institution:南江产投]作为基石投资人,认缴"
        "[Fund:南江科创母基金]10亿元。[Fund:南江科创母基金]的LP阵容包括[Company:南江银行]、[Company:南江高速]等。"
    )
    assert _investors(found, "南江科创母基金") == {"南江国投集团", "南江产投", "南江银行", "南江高速"}


def test_subject_of_a_contribution_clause_invests_with_its_partner() -> None:
    found = facts(
        "[Institution:西岭国投集团]出资3亿元,与[Company:乙二集团]共同投资[Company:甲一科技]。"
        "[Institution:东岭国资]参与[Company:丙三重工]混改,持股30%。"
    )
    assert _investors(found, "甲一科技") == {"西岭国投集团", "乙二集团"}
    assert _investors(found, "丙三重工") == {"东岭国资"}


def test_registry_change_names_new_shareholders() -> None:
    found = facts(
        "天眼查显示,[Company:甲一科技]近日发生工商变更,注册资本由1000万元增至1200万元,新增股东[Institution:西岭创投]、"
        "[Fund:东岭成长基金]。企查查信息显示,[Company:乙二医药]于近日发生工商变更,[Institution:北岭资本]新进成为股东。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投", "东岭成长基金"}
    assert _investors(found, "乙二医药") == {"北岭资本"}


def test_lead_and_follow_lists_split_over_short_sentences() -> None:
    found = facts(
        "[Company:甲一科技]完成A轮融资。领投方:[Institution:西岭创投];跟投方:[Fund:东岭成长基金]、[Institution:北岭资本]。"
        "[Institution:南岭资本]是[Company:甲一科技]天使轮的领投方。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投", "东岭成长基金", "北岭资本", "南岭资本"}


def test_round_draws_its_investors_in_other_phrasings() -> None:
    found = facts(
        "[Company:甲一科技]完成A轮融资,吸引了[Institution:西岭创投]、[Fund:东岭成长基金]等机构参与。"
        "本次融资汇聚了[Institution:北岭资本]等多家知名机构。这轮融资得到了多家机构的支持:[Institution:南岭资本]、"
        "[Company:中岭集团]。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投", "东岭成长基金", "北岭资本", "南岭资本", "中岭集团"}


def test_a_round_drawing_attention_or_a_partners_technology_names_no_investor() -> None:
    found = facts(
        "[Company:甲一科技]完成A轮融资。本轮融资吸引了行业广泛关注,资金将用于引进[Company:白鲨电器]的生产技术。"
    )
    assert not _investors(found, "甲一科技")


def test_owner_of_a_listed_fund_invests_but_founds_nothing_itself() -> None:
    found = facts(
        "[Fund:南州股权投资基金]由[Institution:东山银行]旗下[Fund:东山成长基金]、[Institution:南州国资]共同出资设立。"
    )
    assert _investors(found, "南州股权投资基金") == {"东山银行", "东山成长基金", "南州国资"}
    assert ("ESTABLISHED", "东山银行", "南州股权投资基金") not in found
    assert ("ESTABLISHED", "东山成长基金", "南州股权投资基金") in found


def test_new_investor_of_a_fund_in_a_registry_change() -> None:
    found = facts(
        "[Institution:西岭资本管理有限公司]管理的[Fund:西岭成长基金]完成工商变更,该基金新增投资人[Company:东岭集团]。"
    )
    assert _investors(found, "西岭成长基金") == {"东岭集团"}
    assert not _investors(found, "西岭资本管理有限公司")


def test_investors_named_before_the_round_statement_of_their_sentence() -> None:
    found = facts(
        "由[Institution:西岭创投]领投、[Fund:东岭成长基金]跟投,[Company:甲一科技]今日宣布完成5亿元B轮融资。"
        "[Company:乙二医药]近日获得由[Institution:北岭资本]领投,[Institution:南岭资本]跟投的数亿元A轮融资。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投", "东岭成长基金"}
    assert _investors(found, "乙二医药") == {"北岭资本", "南岭资本"}


def test_a_peers_round_before_the_statement_is_not_the_statements() -> None:
    found = facts("[Institution:西岭创投]曾领投[Company:丙三网络]的A轮融资,[Company:甲一科技]今日宣布完成B轮融资。")
    assert not _investors(found, "甲一科技")


def test_a_sentence_about_the_round_names_its_investors_in_any_phrasing() -> None:
    found = facts(
        "[Company:甲一科技]完成A轮融资,本轮的投资人中,既有[Institution:西岭创投]这样的老牌机构,也有"
        "[Fund:东岭成长基金]等新锐基金。本轮融资由[Institution:北岭资本]领投,[Institution:东岭证券]担任独家财务顾问。"
        "本轮投资人包括产业方[Company:白鲨电器],其下游客户[Company:黑鲨汽车]也表示关注。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投", "东岭成长基金", "北岭资本", "白鲨电器"}


def test_banks_lending_to_the_round_company_are_no_investors() -> None:
    found = facts(
        "[Company:甲一科技]完成A轮融资。本轮融资由[Institution:西岭创投]领投,[Institution:北岭资本]等跟投,并由"
        "[Company:东岭银行]、[Company:南岭银行]等银行组团授信20亿元。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投", "北岭资本"}


def test_partners_investing_to_found_a_fund() -> None:
    found = facts(
        "[Company:东岭集团]拟与[Institution:西岭资本]等共同投资设立[Fund:东湖创新创业投资合伙企业(有限合伙)]。"
    )
    assert _investors(found, "东湖创新创业投资合伙企业(有限合伙)") == {"东岭集团", "西岭资本"}


def test_limited_partners_listed_after_a_colon() -> None:
    found = facts(
        "基金名称:[Fund:东湖成长基金]\n基金规模:5亿元\n有限合伙人:[Company:东岭集团]、[Institution:南岭国资]\n"
        "普通合伙人:[Institution:西岭资本]"
    )
    assert _investors(found, "东湖成长基金") == {"东岭集团", "南岭国资"}


def test_earlier_investees_of_a_rounds_investor_are_not_its_co_investors() -> None:
    found = facts(
        "[Company:甲一科技]完成A轮融资。本轮融资由[Institution:西岭创投]领投,[Institution:西岭创投]此前还投资过"
        "[Company:丙三网络]、[Company:丁四医疗]。"
    )
    assert _investors(found, "甲一科技") == {"西岭创投"}
    assert _investors(found, "丙三网络") == {"西岭创投"}


def test_contributing_institutions_of_a_round_but_not_its_financed_party() -> None:
    found = facts("[Company:甲一科技]完成B轮融资,出资机构包括[Institution:西岭创投]和[Fund:东岭成长基金]。")
    assert _investors(found, "甲一科技") == {"西岭创投", "东岭成长基金"}
    found = facts("[Company:甲一科技]完成B轮融资,融资方为[Company:乙二控股]。")
    assert not _investors(found, "甲一科技")
