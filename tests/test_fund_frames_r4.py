"""Fund and investment frames of round 4, each on sentences written for these tests (invented names): the
passive founding frame with a descriptor of the founders, managers named by commission or by role after a
clause, holdings named as such, a list of contributors completing a capital increase, round clauses opening
with the round's name, a group written right before its unit, the copula subsidiary frame, signatories of a
fund's partnership agreement and a clause of means before a bank's subject."""

from __future__ import annotations

import pytest

from tests.test_constructions import facts


def _of(found: set[tuple[str, str, str]], rtype: str, target: str) -> set[str]:
    return {source for kind, source, end in found if kind == rtype and end == target}


# --- the passive founding frame: founders described before the verb, the fund the copula's subject ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Fund:青松科创基金]是根据[Institution:市政府]的部署,由[Company:甲江集团]、[Company:乙山控股]、"
        "[Institution:丙水信托]等国有基石投资人共同发起设立的市场化母基金平台,目标规模100亿元。",
        "[Fund:青松科创基金]由[Company:甲江集团]、[Company:乙山控股]和[Institution:丙水信托]等多家投资机构联合发起设立,"
        "首期规模30亿元。",
        "2025年,由[Company:甲江集团]、[Company:乙山控股]以及[Institution:丙水信托]等出资人共同出资设立的"
        "[Fund:青松科创基金]正式运作。",
    ],
)
def test_founders_described_as_investors_found_and_fund(marked: str) -> None:
    found = facts(marked)
    founders = {"甲江集团", "乙山控股", "丙水信托"}
    assert _of(found, "ESTABLISHED", "青松科创基金") == founders
    assert _of(found, "INVESTED_IN", "青松科创基金") == founders


def test_founders_described_as_units_found_only() -> None:
    found = facts(
        "[Fund:白桦引导基金]是由[Institution:市财政局]、[Company:丁城发展集团]等单位共同发起成立的政策性基金。"
    )
    assert _of(found, "ESTABLISHED", "白桦引导基金") == {"市财政局", "丁城发展集团"}
    assert _of(found, "INVESTED_IN", "白桦引导基金") == set()


@pytest.mark.parametrize("verb", ["实缴出资设立", "认缴出资设立"])
def test_paid_in_contribution_founds_and_funds(verb: str) -> None:
    found = facts(f"[Fund:红枫天使基金]由[Company:红枫投资管理有限公司]{verb},首期规模5亿元。")
    assert ("ESTABLISHED", "红枫投资管理有限公司", "红枫天使基金") in found
    assert ("INVESTED_IN", "红枫投资管理有限公司", "红枫天使基金") in found


# --- managers: commissioned in a stated manner, or named by role after a clause about them ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Fund:云杉天使基金]是由[Company:云杉创投集团]出资设立,委托[Institution:云杉基金管理有限公司]"
        "(以下简称“管理公司”)按“政府引导、市场运作、防范风险”的原则运行的基金。",
        "[Fund:云杉天使基金]委托[Institution:云杉基金管理有限公司]按照市场化方式进行管理。",
        "[Fund:云杉天使基金]交由[Institution:云杉基金管理有限公司]依照专业化、市场化的要求运作。",
    ],
)
def test_commissioned_manager_in_a_stated_manner(marked: str) -> None:
    assert ("MANAGES", "云杉基金管理有限公司", "云杉天使基金") in facts(marked)


@pytest.mark.parametrize(
    "marked",
    [
        "[Institution:柳河集团]下属[Institution:柳河私募基金管理有限公司]是全省首家国有独资基金管理公司,作为[Fund:柳河产业基金]"
        "管理人,负责基金的日常运作。",
        "[Institution:柳河私募基金管理有限公司]成立于2019年,担任[Fund:柳河产业基金]的基金管理人。",
        "[Institution:柳河私募基金管理有限公司]系市属国企,主要作为[Fund:柳河产业基金]的管理机构开展投资。",
    ],
)
def test_manager_named_by_role_after_a_clause_about_it(marked: str) -> None:
    assert ("MANAGES", "柳河私募基金管理有限公司", "柳河产业基金") in facts(marked)


def test_a_role_after_another_partys_clause_is_not_theirs() -> None:
    found = facts(
        "[Institution:柳河集团]与[Institution:石桥资本]签约,作为[Fund:柳河产业基金]管理人的[Institution:北岸基金]出席。"
    )
    assert not {f for f in found if f[0] == "MANAGES" and f[1] in ("柳河集团", "石桥资本")}


# --- holdings named as such in a signing ---


@pytest.mark.parametrize(
    "marked",
    [
        "仪式上,[Fund:松江引导基金]分别与投资项目[Company:甲芯科技有限公司]、[Company:乙能材料有限公司]以及"
        "战略合作机构代表[Institution:丙投集团]签订了合作协议。",
        "[Fund:松江引导基金]与被投企业[Company:甲芯科技有限公司]和[Company:乙能材料有限公司]现场签约。",
        "会上,[Fund:松江引导基金]同已投项目:[Company:甲芯科技有限公司]、[Company:乙能材料有限公司]签署投资协议。",
    ],
)
def test_items_named_as_the_funds_holdings(marked: str) -> None:
    found = facts(marked)
    assert _of(found, "INVESTED_IN", "甲芯科技有限公司") == {"松江引导基金"}
    assert _of(found, "INVESTED_IN", "乙能材料有限公司") == {"松江引导基金"}
    assert not _of(found, "INVESTED_IN", "丙投集团")


# --- a list of contributors completing a capital increase; X控制的F ---


def test_contributors_complete_a_capital_increase() -> None:
    found = facts(
        "近日,[Company:明川微]、[Fund:芯火二期](全称[Fund:芯火产业投资基金二期股份有限公司],简称“芯火二期”)和"
        "[Institution:海湾集团]控制的专项基金[Fund:海湾创新基金合伙企业(有限合伙)](简称“海湾创新基金”)合计出资"
        "12亿元完成对[Company:明川光电]二期增资。其中,[Company:明川微]出资7亿元、[Fund:芯火二期]出资3亿元、"
        "[Fund:海湾创新基金合伙企业(有限合伙)]出资2亿元。"
    )
    assert _of(found, "INVESTED_IN", "明川光电") == {"明川微", "芯火二期", "海湾集团", "海湾创新基金合伙企业(有限合伙)"}
    assert ("SUBSIDIARY_OF", "海湾创新基金合伙企业(有限合伙)", "海湾集团") in found
    # the contributors put money into the company, not into one another
    assert not _of(found, "INVESTED_IN", "芯火二期")
    assert not _of(found, "INVESTED_IN", "海湾创新基金合伙企业(有限合伙)")


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:北石股份]与[Company:南木资本]共同出资5亿元完成了对[Company:东湖半导体]的增资。",
        "[Company:北石股份]、[Company:南木资本]已完成对[Company:东湖半导体]的战略投资。",
        "[Company:北石股份]及[Company:南木资本]累计出资3亿元,完成向[Company:东湖半导体]注资。",
    ],
)
def test_list_subjects_complete_an_investment(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "东湖半导体") == {"北石股份", "南木资本"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Institution:星港集团]控制的[Company:星港置业]今年开工三个项目。",
        "[Institution:星港集团]实际控制的投资平台[Company:星港置业]参与了竞拍。",
        "由[Institution:星港集团]控制的基金[Fund:星港一号基金]完成备案。",
    ],
)
def test_controlled_unit_is_a_subsidiary(marked: str) -> None:
    found = facts(marked)
    assert {f for f in found if f[0] == "SUBSIDIARY_OF"} <= {
        ("SUBSIDIARY_OF", "星港置业", "星港集团"),
        ("SUBSIDIARY_OF", "星港一号基金", "星港集团"),
    }
    assert len({f for f in found if f[0] == "SUBSIDIARY_OF"}) == 1


# --- round clauses opening with the round's own name; a group written before its unit ---


def test_round_clauses_named_by_their_round() -> None:
    found = facts(
        "5月8日,[Company:蓝海智能科技有限公司]宣布连续完成天使+轮和Pre-A轮8000万元融资。其中,天使+轮由"
        "[Institution:东岳集团][Institution:东岳创新资本]领投,而Pre-A轮由[Institution:北斗创投]、[Institution:南星资本]"
        "联合领投,[Fund:西山天使基金]、[Institution:中原金控]跟投。"
    )
    assert _of(found, "INVESTED_IN", "蓝海智能科技有限公司") == {
        "东岳集团",
        "东岳创新资本",
        "北斗创投",
        "南星资本",
        "西山天使基金",
        "中原金控",
    }
    assert ("SUBSIDIARY_OF", "东岳创新资本", "东岳集团") in found
    assert not {f for f in found if f[0] == "SUBSIDIARY_OF" and f[1] != "东岳创新资本"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:白杨生物]完成A轮融资,B+轮由[Institution:青龙资本]独家投资,新一轮由[Institution:朱雀创投]领投。",
        "[Company:白杨生物]近日完成两轮融资。种子轮由[Institution:青龙资本]领投;A轮由[Institution:朱雀创投]跟投。",
        "[Company:白杨生物]宣布完成B轮融资,本轮由[Institution:青龙资本]领投,另外[Institution:朱雀创投]持续加码。",
    ],
)
def test_round_named_clauses_credit_the_company_in_focus(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "白杨生物") == {"青龙资本", "朱雀创投"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:黄河科技]完成B轮融资,由[Institution:华岳控股][Institution:华岳投资]领投,[Institution:秦川资本]跟投。",
        "[Company:黄河科技]完成新一轮融资。本轮融资由[Institution:华岳控股][Institution:华岳投资]和[Institution:秦川资本]"
        "共同投资。",
    ],
)
def test_a_group_written_before_its_investing_unit(marked: str) -> None:
    found = facts(marked)
    assert {"华岳控股", "华岳投资", "秦川资本"} <= _of(found, "INVESTED_IN", "黄河科技")
    assert ("SUBSIDIARY_OF", "华岳投资", "华岳控股") in found


def test_a_group_joined_to_another_by_a_word_owns_nothing() -> None:
    found = facts("[Company:黄河科技]完成B轮融资,由[Institution:华岳控股]与[Institution:华岳投资]联合领投。")
    assert not {f for f in found if f[0] == "SUBSIDIARY_OF"}


def test_a_unit_after_its_group_founds_it_alone() -> None:
    found = facts("[Fund:渭水基金]由[Institution:华岳控股][Institution:华岳投资]、[Institution:秦川资本]共同出资设立。")
    assert _of(found, "ESTABLISHED", "渭水基金") == {"华岳投资", "秦川资本"}
    assert _of(found, "INVESTED_IN", "渭水基金") == {"华岳控股", "华岳投资", "秦川资本"}


# --- the copula subsidiary frame ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:峨江钢铁]是当地土生土长的老企业,也是[Institution:蜀能集团]布局先进材料产业的核心子企业,双方合作良好。",
        "[Company:峨江钢铁]是[Institution:蜀能集团]的境外子公司。",
        "[Company:峨江钢铁]成立于1965年,目前为[Institution:蜀能集团]在西南地区的重要二级子企业。",
    ],
)
def test_copula_subsidiary_frame(marked: str) -> None:
    assert ("SUBSIDIARY_OF", "峨江钢铁", "蜀能集团") in facts(marked)


def test_a_copula_after_a_partner_clause_takes_the_name_before_it() -> None:
    found = facts("[Company:甲乙科技]与[Company:丙丁电子]签约,[Company:丙丁电子]是[Institution:戊己集团]的全资子公司。")
    assert {f for f in found if f[0] == "SUBSIDIARY_OF"} == {("SUBSIDIARY_OF", "丙丁电子", "戊己集团")}


# --- signatories of a fund's partnership agreement ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Fund:巴蜀科创基金]签约仪式在成都举行。[Institution:社保基金会]副理事长[Person:李四]与[Company:建元投资]、"
        "[Company:蜀科集团]签署合伙协议,首期规模100亿元。",
        "[Institution:社保基金会]、[Company:建元投资]和[Company:蜀科集团]正式签署[Fund:巴蜀科创基金]有限合伙协议。",
        "[Fund:巴蜀科创基金]揭牌。[Institution:社保基金会]同[Company:建元投资]、[Company:蜀科集团]签订了基金合伙协议。",
    ],
)
def test_signatories_of_the_partnership_agreement(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "巴蜀科创基金") == {"社保基金会", "建元投资", "蜀科集团"}


def test_the_general_partner_signing_is_no_contributor() -> None:
    found = facts(
        "[Company:科远半导体]作为有限合伙人与私募基金管理人暨普通合伙人[Company:龙川投资管理企业(有限合伙)]及其他"
        "有限合伙人拟签署《[Fund:龙川创业投资合伙企业(有限合伙)]合伙协议》。"
    )
    assert "龙川投资管理企业(有限合伙)" not in _of(found, "INVESTED_IN", "龙川创业投资合伙企业(有限合伙)")


# --- a clause of means opening the sentence: the bank after it set the branch up ---


@pytest.mark.parametrize(
    "opening",
    [
        "通过加入园区信用体系、设立[Institution:东湖科技支行],",
        "依托总行政策和园区资源设立[Institution:东湖科技支行],",
        "为了服务科创企业、设立[Institution:东湖科技支行]后,",
    ],
)
def test_a_clause_of_means_has_its_subject_after_it(opening: str) -> None:
    found = facts(
        f"[Institution:江城银行]与园区签约。{opening}[Institution:江城银行湖滨分行]立足服务园区,支持中小企业融资。"
    )
    assert ("ESTABLISHED", "江城银行湖滨分行", "东湖科技支行") in found
    assert ("SUBSIDIARY_OF", "东湖科技支行", "江城银行湖滨分行") in found
    assert ("ESTABLISHED", "江城银行", "东湖科技支行") not in found


# --- a round's investor named by its role; a contributor founding with partners; a ratio of contributions ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:星云科技]完成A轮融资。领投方[Institution:甲资本]合伙人[Person:张三]表示,看好公司前景。",
        "[Company:星云科技]宣布完成数千万元天使轮融资,本轮领投机构[Institution:甲资本]长期关注机器人赛道。",
        "[Company:星云科技]近日完成B轮融资。谈及此次投资,跟投方之一[Institution:甲资本]认为行业空间广阔。",
    ],
)
def test_a_rounds_investor_named_by_its_role(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "星云科技") == {"甲资本"}


def test_a_role_word_without_a_round_in_sight_credits_nothing() -> None:
    found = facts("会上,领投方[Institution:甲资本]介绍了公司的投资策略。")
    assert not {f for f in found if f[0] == "INVESTED_IN"}


@pytest.mark.parametrize(
    "marked",
    [
        "[Institution:甲集团]出资10亿元与[Institution:乙集团]共同设立[Fund:长河基金]。",
        "[Institution:甲集团]拟认缴出资8亿元,联合[Institution:乙集团]发起设立[Fund:长河基金]。",
        "[Institution:甲集团]出资3亿元,同[Institution:乙集团]合作成立[Fund:长河基金]。",
    ],
)
def test_a_contributor_founds_with_partners(marked: str) -> None:
    found = facts(marked)
    assert _of(found, "ESTABLISHED", "长河基金") == {"甲集团", "乙集团"}
    assert "甲集团" in _of(found, "INVESTED_IN", "长河基金")
    assert not _of(found, "INVESTED_IN", "乙集团")  # a partner is no investee


@pytest.mark.parametrize("ratio", ["按6:4比例", "按照7:3的出资比例", "以1:1比例"])
def test_founders_contributing_in_a_ratio(ratio: str) -> None:
    found = facts(
        f"[Fund:长河基金]由[Institution:甲集团]与[Institution:乙集团]{ratio}出资设立,委托[Institution:甲资本]管理。"
    )
    assert _of(found, "ESTABLISHED", "长河基金") == {"甲集团", "乙集团"}
    assert _of(found, "INVESTED_IN", "长河基金") == {"甲集团", "乙集团"}
    assert ("MANAGES", "甲资本", "长河基金") in found


def test_a_signatory_before_the_list_is_not_the_fund() -> None:
    found = facts("[Fund:巴蜀基金]会秘书长[Person:王五]与[Company:建元投资]、[Company:蜀科集团]签署合伙协议。")
    assert not _of(found, "INVESTED_IN", "巴蜀基金")
