"""Round investors and fund contributors of release 13, each on sentences written for these tests (invented
names): a company completing its investors' investment, an earlier round told in a 继…后 clause, an investor
named with its other deals (除了A还投资了B), the round's participants with the noun left out, a fund founded by
one party and joined by others, the copula frame naming a fund's founders, a company putting money into setting
up a fund, a partner committing capital after its role, and a passive founding whose fund is a reference word
opening the sentence, a group's named unit among the founders."""

from __future__ import annotations

import pytest

from tests.test_constructions import facts


def _of(found: set[tuple[str, str, str]], rtype: str, target: str) -> set[str]:
    return {source for kind, source, end in found if kind == rtype and end == target}


# --- X(刚)完成A、B等机构(的)战略投资 ---


@pytest.mark.parametrize(
    ("marked", "company", "investors"),
    [
        (
            "在此之前,[Company:青禾机器人]刚完成[Institution:甲山资本]、[Fund:乙河产业基金]、[Institution:丙石创投]"
            "等多家机构战略投资。",
            "青禾机器人",
            {"甲山资本", "乙河产业基金", "丙石创投"},
        ),
        (
            "[Company:蓝鲸智能]近日完成了[Institution:北辰创投]和[Institution:南岭资本]的联合投资,金额未披露。",
            "蓝鲸智能",
            {"北辰创投", "南岭资本"},
        ),
        (
            "上月,[Company:白鹭科技]已完成[Institution:东岳投资]、[Company:西峰控股]增资,估值翻倍。",
            "白鹭科技",
            {"东岳投资", "西峰控股"},
        ),
    ],
)
def test_company_completes_its_investors_investment(marked: str, company: str, investors: set[str]) -> None:
    assert _of(facts(marked), "INVESTED_IN", company) == investors


def test_completing_an_investment_in_another_is_no_investor_of_the_subject() -> None:
    found = facts("[Company:青禾机器人]完成对[Company:蓝鲸智能]的战略投资。")
    assert _of(found, "INVESTED_IN", "青禾机器人") == set()
    assert _of(found, "INVESTED_IN", "蓝鲸智能") == {"青禾机器人"}


# --- 继获A、B入股后,X再获… ---


@pytest.mark.parametrize(
    ("marked", "company", "investors"),
    [
        (
            "继去年获[Institution:甲山资本]、[Institution:丙石创投]入股后,[Company:青禾机器人]近日再获B轮融资。",
            "青禾机器人",
            {"甲山资本", "丙石创投"},
        ),
        (
            "在获得[Institution:北辰创投]和[Fund:南岭天使基金]的投资后,[Company:蓝鲸智能]又完成了A轮融资。",
            "蓝鲸智能",
            {"北辰创投", "南岭天使基金"},
        ),
        (
            "继2023年获[Company:西峰控股]战略投资后,[Company:白鹭科技]本月再获数亿元融资。",
            "白鹭科技",
            {"西峰控股"},
        ),
    ],
)
def test_earlier_investors_in_a_ji_hou_clause(marked: str, company: str, investors: set[str]) -> None:
    assert investors <= _of(facts(marked), "INVESTED_IN", company)


def test_an_earlier_round_of_another_sort_gives_no_investor() -> None:
    found = facts("继去年与[Institution:甲山资本]签约后,[Company:青禾机器人]近日再获B轮融资。")
    assert _of(found, "INVESTED_IN", "青禾机器人") == set()


# --- X除了A还投资了B、C ---


@pytest.mark.parametrize(
    ("marked", "investor", "investees", "other"),
    [
        (
            "[Institution:甲山资本]在机器人领域,除了[Company:青禾机器人]还投资了[Company:蓝鲸智能]、[Company:白鹭科技]"
            "等企业。",
            "甲山资本",
            {"青禾机器人", "蓝鲸智能", "白鹭科技"},
            "青禾机器人",
        ),
        (
            "[Institution:北辰创投]除[Company:云雀医疗]之外,也投资了[Company:松果生物]。",
            "北辰创投",
            {"云雀医疗", "松果生物"},
            "云雀医疗",
        ),
        (
            "[Fund:南岭产业基金]除了[Company:星河半导体]以外,还先后投资了[Company:晨光材料]和[Company:远山芯片]。",
            "南岭产业基金",
            {"星河半导体", "晨光材料", "远山芯片"},
            "星河半导体",
        ),
    ],
)
def test_investor_named_with_its_other_deals(marked: str, investor: str, investees: set[str], other: str) -> None:
    found = facts(marked)
    assert {end for kind, source, end in found if kind == "INVESTED_IN" and source == investor} == investees
    assert not any(kind == "INVESTED_IN" and source == other for kind, source, _ in found)


def test_an_exception_opening_the_sentence_is_no_investee_of_the_subject() -> None:
    found = facts("除了[Company:青禾机器人]以外,[Institution:甲山资本]也投资了[Company:蓝鲸智能]。")
    assert ("INVESTED_IN", "甲山资本", "蓝鲸智能") in found
    assert ("INVESTED_IN", "甲山资本", "青禾机器人") not in found
    assert ("INVESTED_IN", "青禾机器人", "蓝鲸智能") not in found


# --- 参与本轮投资的包括A、B ---


@pytest.mark.parametrize(
    "closing",
    [
        "参与本轮投资的包括[Institution:甲山资本]、[Institution:丙石创投]等投资方。",
        "参与此次融资的还有[Institution:甲山资本]和[Institution:丙石创投]。",
        "参投本轮的有[Institution:甲山资本]、[Institution:丙石创投]。",
    ],
)
def test_round_participants_with_the_noun_left_out(closing: str) -> None:
    found = facts("[Company:青禾机器人]宣布完成B轮融资。" + closing)
    assert _of(found, "INVESTED_IN", "青禾机器人") == {"甲山资本", "丙石创投"}


def test_participants_of_something_else_are_no_round_investors() -> None:
    found = facts(
        "[Company:青禾机器人]宣布完成B轮融资。参与本次论坛的包括[Institution:甲山资本]、[Institution:丙石创投]。"
    )
    assert _of(found, "INVESTED_IN", "青禾机器人") == set()


# --- F由X发起,Y参与 ---


@pytest.mark.parametrize(
    ("marked", "founder", "joiners"),
    [
        (
            "此次成立的[Fund:青禾产业基金]由[Institution:甲山资本]发起,[Fund:乙河产业基金]参与。",
            "甲山资本",
            {"乙河产业基金"},
        ),
        (
            "[Fund:青禾产业基金]由[Institution:北辰集团]牵头发起,[Institution:南岭资本]、[Company:西峰控股]共同参与出资。",
            "北辰集团",
            {"南岭资本", "西峰控股"},
        ),
        (
            "[Fund:青禾产业基金]由[Institution:东岳投资]发起设立,[Fund:云雀引导基金]参与认缴,首期规模5亿元。",
            "东岳投资",
            {"云雀引导基金"},
        ),
    ],
)
def test_fund_founded_by_one_and_joined_by_others(marked: str, founder: str, joiners: set[str]) -> None:
    found = facts(marked)
    assert founder in _of(found, "ESTABLISHED", "青禾产业基金")
    assert joiners <= _of(found, "INVESTED_IN", "青禾产业基金")
    assert not joiners & _of(found, "ESTABLISHED", "青禾产业基金")


def test_joining_a_meeting_is_no_contribution() -> None:
    found = facts("[Fund:青禾产业基金]由[Institution:甲山资本]发起,[Institution:乙河资本]参与讨论。")
    assert "乙河资本" not in _of(found, "INVESTED_IN", "青禾产业基金")


# --- F(…,)是X联合Y、Z发起的产业基金 ---


@pytest.mark.parametrize(
    ("marked", "founders"),
    [
        (
            "[Fund:青禾产业基金]成立于2020年,是[Institution:青禾大学]联合[Institution:甲山集团]、[Company:乙河控股]"
            "发起的产业投资基金。",
            {"青禾大学", "甲山集团", "乙河控股"},
        ),
        (
            "[Fund:北辰母基金]是由[Institution:北辰市财政局]与[Company:北辰城投集团]共同设立的政府引导基金。",
            {"北辰市财政局", "北辰城投集团"},
        ),
        (
            "[Fund:南岭科创基金]系[Institution:南岭资本]携手[Institution:东岳投资]发起设立的市场化基金。",
            {"南岭资本", "东岳投资"},
        ),
    ],
)
def test_copula_names_the_funds_founders(marked: str, founders: set[str]) -> None:
    found = facts(marked)
    child = next(end for kind, _, end in found if kind == "ESTABLISHED")
    assert _of(found, "ESTABLISHED", child) == founders


def test_copula_naming_a_funds_managers_founds_nothing() -> None:
    found = facts("[Fund:青禾产业基金]成立于2020年,是[Institution:甲山资本]管理的产业投资基金。")
    assert _of(found, "ESTABLISHED", "青禾产业基金") == set()


# --- X出资N万元参与设立F ---


@pytest.mark.parametrize(
    ("marked", "company"),
    [
        ("[Company:青禾光学]公告,公司出资2000万元参与设立[Fund:青禾产业基金]。", "青禾光学"),
        ("[Company:蓝鲸智能]拟以自有资金出资5000万元参与发起设立[Fund:青禾产业基金]。", "蓝鲸智能"),
        ("[Company:白鹭科技]认缴出资1亿元参与设立[Fund:青禾产业基金],占基金总规模的10%。", "白鹭科技"),
    ],
)
def test_company_puts_money_into_setting_up_a_fund(marked: str, company: str) -> None:
    found = facts(marked)
    assert ("INVESTED_IN", company, "青禾产业基金") in found
    assert ("ESTABLISHED", company, "青禾产业基金") in found


def test_setting_up_a_fund_without_money_is_no_contribution() -> None:
    found = facts("[Company:青禾光学]公告,公司参与设立[Fund:青禾产业基金]的议案获通过。")
    assert ("INVESTED_IN", "青禾光学", "青禾产业基金") not in found


# --- a partner commits capital after its role ---


@pytest.mark.parametrize(
    ("sentence", "partner"),
    [
        ("[Institution:甲山资本]作为执行事务合伙人,不仅认缴1亿元,还负责基金运作。", "甲山资本"),
        ("[Company:青禾光学]作为有限合伙人以自有资金认缴1500万元。", "青禾光学"),
        ("[Institution:南岭资本]作为普通合伙人,认缴出资2000万元。", "南岭资本"),
    ],
)
def test_partner_commits_after_its_role(sentence: str, partner: str) -> None:
    found = facts("[Fund:青禾产业基金]总规模10亿元。" + sentence)
    assert ("INVESTED_IN", partner, "青禾产业基金") in found


def test_partner_role_without_a_commitment_invests_nothing() -> None:
    found = facts("[Fund:青禾产业基金]总规模10亿元。[Institution:甲山资本]作为执行事务合伙人,负责基金运作。")
    assert ("INVESTED_IN", "甲山资本", "青禾产业基金") not in found


# --- 该基金…,由A与X旗下Y联合发起 ---


@pytest.mark.parametrize(
    ("marked", "founders", "owner"),
    [
        (
            "[Fund:青禾产业基金]近日签约。该基金总规模30亿元,由[Institution:甲山集团]与[Institution:乙河证券]旗下"
            "[Institution:乙河资本]联合发起,首期10亿元。",
            {"甲山集团", "乙河资本"},
            "乙河证券",
        ),
        (
            "[Fund:北辰母基金]正式备案。该基金规模50亿元,由[Company:北辰城投集团]和[Company:东岳控股]下属"
            "[Institution:东岳创投]共同发起设立。",
            {"北辰城投集团", "东岳创投"},
            "东岳控股",
        ),
        (
            "[Fund:南岭科创基金]揭牌。该基金首期10亿元,由[Institution:南岭资本]、[Institution:西峰证券]旗下的"
            "[Institution:西峰投资]发起。",
            {"南岭资本", "西峰投资"},
            "西峰证券",
        ),
    ],
)
def test_passive_founding_of_a_referred_fund_with_a_groups_unit(marked: str, founders: set[str], owner: str) -> None:
    found = facts(marked)
    child = next(end for kind, _, end in found if kind == "ESTABLISHED")
    assert child in {"青禾产业基金", "北辰母基金", "南岭科创基金"}
    assert _of(found, "ESTABLISHED", child) == founders
    assert owner not in _of(found, "ESTABLISHED", child)


def test_a_sentence_opening_with_a_plain_word_founds_no_referred_fund() -> None:
    found = facts("[Fund:青禾产业基金]近日签约。今年以来,由[Institution:甲山集团]发起的活动不断。")
    assert _of(found, "ESTABLISHED", "青禾产业基金") == set()


# --- 由A、B共同认缴 ---


@pytest.mark.parametrize(
    ("marked", "fund", "contributors"),
    [
        (
            "[Fund:青禾产业基金]由[Institution:甲山集团]、[Company:乙河控股]和[Institution:丙石信托]共同认缴。",
            "青禾产业基金",
            {"甲山集团", "乙河控股", "丙石信托"},
        ),
        (
            "[Fund:北辰母基金]首期20亿元,由[Fund:北辰引导基金]及[Company:北辰城投集团]认缴。",
            "北辰母基金",
            {"北辰引导基金", "北辰城投集团"},
        ),
        (
            "[Fund:南岭科创基金]由[Institution:南岭资本]与[Institution:东岳投资]分别实缴,规模5亿元。",
            "南岭科创基金",
            {"南岭资本", "东岳投资"},
        ),
    ],
)
def test_fund_committed_by_its_contributors(marked: str, fund: str, contributors: set[str]) -> None:
    assert contributors <= _of(facts(marked), "INVESTED_IN", fund)


def test_a_commitment_that_founds_is_no_bare_contribution() -> None:
    found = facts("[Fund:青禾产业基金]由[Institution:甲山集团]认缴设立。")
    assert ("ESTABLISHED", "甲山集团", "青禾产业基金") in found
    assert ("INVESTED_IN", "甲山集团", "青禾产业基金") not in found


# --- contributors listed with the manager among them, by its role ---


@pytest.mark.parametrize(
    ("marked", "fund", "manager", "partners"),
    [
        (
            "[Fund:青禾产业基金]的出资人包括普通合伙人[Institution:丙石资本],以及有限合伙人[Institution:甲山集团]、"
            "[Company:乙河控股]。",
            "青禾产业基金",
            "丙石资本",
            {"甲山集团", "乙河控股"},
        ),
        (
            "[Fund:青禾产业基金]的有限合伙人包括[Institution:甲山集团]、[Company:乙河控股]及基金管理人[Institution:丙石资本]。",
            "青禾产业基金",
            "丙石资本",
            {"甲山集团", "乙河控股"},
        ),
        (
            "[Fund:北辰母基金]出资人为[Institution:北辰城投集团]、[Fund:北辰引导基金],以及基金管理人暨普通合伙人"
            "[Institution:北辰基金管理有限公司]。",
            "北辰母基金",
            "北辰基金管理有限公司",
            {"北辰城投集团", "北辰引导基金"},
        ),
    ],
)
def test_contributors_with_the_manager_by_role(marked: str, fund: str, manager: str, partners: set[str]) -> None:
    found = facts(marked)
    assert _of(found, "MANAGES", fund) == {manager}
    assert _of(found, "INVESTED_IN", fund) == partners | {manager}


def test_another_manager_mentioned_after_the_contributors_runs_nothing() -> None:
    found = facts(
        "[Fund:青禾产业基金]的出资人为[Institution:甲山集团]和[Company:乙河控股],其他基金管理人[Institution:丙石资本]仍在考察。"
    )
    assert _of(found, "MANAGES", "青禾产业基金") == set()
    assert "丙石资本" not in _of(found, "INVESTED_IN", "青禾产业基金")


# --- Y的投资方X: an investor in apposition after its investee's role noun ---


@pytest.mark.parametrize(
    ("marked", "investor", "company"),
    [
        ("[Company:青禾机器人]的投资方[Institution:甲山资本]还投资了[Company:蓝鲸智能]。", "甲山资本", "青禾机器人"),
        ("据悉,[Company:蓝鲸智能]的老股东[Fund:北辰产业基金]本轮继续加码。", "北辰产业基金", "蓝鲸智能"),
        ("[Company:白鹭科技]的天使投资人之一[Institution:南岭资本]表示看好赛道。", "南岭资本", "白鹭科技"),
    ],
)
def test_investor_in_apposition(marked: str, investor: str, company: str) -> None:
    found = facts(marked)
    assert ("INVESTED_IN", investor, company) in found
    assert ("INVESTED_IN", company, investor) not in found


def test_a_customer_in_apposition_is_no_investor() -> None:
    found = facts("[Company:青禾机器人]的客户[Company:蓝鲸智能]表示满意。")
    assert not any(kind == "INVESTED_IN" for kind, _, _ in found)


# --- …,成为后者/其(最重要的)天使投资人之一: the clause chain's subject ---


@pytest.mark.parametrize(
    ("marked", "investor", "company"),
    [
        (
            "2019年,[Institution:甲山创投]在[Company:青禾机器人]成立初期便介入,成为后者最重要的天使投资人之一。",
            "甲山创投",
            "青禾机器人",
        ),
        ("[Fund:北辰产业基金]早在2019年就投资了[Company:蓝鲸智能],成为后者的第二大股东。", "北辰产业基金", "蓝鲸智能"),
        ("[Institution:南岭资本]去年参与了[Company:白鹭科技]的增资,成为其战略投资者。", "南岭资本", "白鹭科技"),
    ],
)
def test_subject_becomes_investor_of_the_latter(marked: str, investor: str, company: str) -> None:
    assert ("INVESTED_IN", investor, company) in facts(marked)


def test_becoming_the_latters_partner_is_no_investment() -> None:
    found = facts("[Institution:甲山创投]与[Company:青禾机器人]签署合作协议,成为后者的战略合作伙伴。")
    assert ("INVESTED_IN", "甲山创投", "青禾机器人") not in found


# --- Y是…,X出资设立的(国有)企业 ---


@pytest.mark.parametrize(
    ("marked", "founder", "child"),
    [
        (
            "[Company:青禾科教集团]是在本市加快建设科创中心的背景下,由[Institution:市委]、[Institution:市政府]批准同意,"
            "[Institution:市国资委]出资设立的市属国有企业。",
            "市国资委",
            "青禾科教集团",
        ),
        ("[Fund:北辰母基金]系[Institution:北辰市财政局]全额出资设立的政府投资基金。", "北辰市财政局", "北辰母基金"),
        ("[Company:南岭城投]为[Institution:南岭区政府]出资组建的国有独资公司。", "南岭区政府", "南岭城投"),
    ],
)
def test_copula_subject_funded_and_set_up_by(marked: str, founder: str, child: str) -> None:
    found = facts(marked)
    assert _of(found, "ESTABLISHED", child) == {founder}
    assert founder in _of(found, "INVESTED_IN", child)


def test_approval_alone_founds_nothing() -> None:
    found = facts("[Company:南岭城投]为[Institution:南岭区政府]批准设立的国有独资公司。")
    assert _of(found, "ESTABLISHED", "南岭城投") == set()
    assert _of(found, "INVESTED_IN", "南岭城投") == set()


# --- (公司)拟联合A、B等多家机构,共同设立F ---


@pytest.mark.parametrize(
    ("marked", "founders"),
    [
        (
            "[Company:青禾光学]公告称,公司拟联合[Institution:甲山投资管理有限公司]、[Institution:乙河基金会]等多家机构"
            "及个人投资者,共同设立[Fund:青禾创投基金]。",
            {"青禾光学", "甲山投资管理有限公司", "乙河基金会"},
        ),
        (
            "[Company:北辰药业]携手[Institution:北辰资本]、[Fund:北辰引导基金]共同发起设立[Fund:青禾创投基金]。",
            {"北辰药业", "北辰资本", "北辰引导基金"},
        ),
        (
            "[Company:南岭电子]将联合[Institution:南岭创投],合作设立[Fund:青禾创投基金],规模5亿元。",
            {"南岭电子", "南岭创投"},
        ),
    ],
)
def test_company_joins_partners_to_set_up_a_fund(marked: str, founders: set[str]) -> None:
    assert _of(facts(marked), "ESTABLISHED", "青禾创投基金") == founders


def test_joining_partners_for_an_event_founds_no_fund() -> None:
    found = facts("[Company:青禾光学]联合[Institution:甲山资本]举办路演,并推介[Fund:青禾创投基金]。")
    assert _of(found, "ESTABLISHED", "青禾创投基金") == set()


# --- 基金普通合伙人M为专业投资管理机构: the manager in apposition after its role ---


@pytest.mark.parametrize(
    "clause",
    [
        "公告显示,基金普通合伙人[Institution:甲山投资管理有限公司]为专业投资管理机构。",
        "该基金的执行事务合伙人[Institution:甲山投资管理有限公司]成立于2015年。",
        "基金管理人[Institution:甲山投资管理有限公司]系国有控股的私募机构。",
    ],
)
def test_manager_in_apposition_after_its_role(clause: str) -> None:
    found = facts("[Fund:青禾创投基金]目标规模3亿元。" + clause)
    assert _of(found, "MANAGES", "青禾创投基金") == {"甲山投资管理有限公司"}


def test_a_role_holder_doing_something_else_manages_nothing_here() -> None:
    found = facts("[Fund:青禾创投基金]目标规模3亿元。另一只基金的普通合伙人[Institution:甲山资本]与其签约。")
    assert _of(found, "MANAGES", "青禾创投基金") == set()


# --- F获得A、B的出资 / A、B等机构参与出资 / 出资方涵盖A、B ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Fund:青禾产业基金]获得[Institution:甲山集团]、[Company:乙河控股]的出资。",
        "[Fund:青禾产业基金]完成首次关账,[Institution:甲山集团]、[Company:乙河控股]等机构参与出资。",
        "[Fund:青禾产业基金]完成募集,出资方涵盖[Institution:甲山集团]、[Company:乙河控股]等。",
        "[Fund:青禾产业基金]首期规模5亿元。[Institution:甲山集团]和[Company:乙河控股]参与了该基金的认缴。",
    ],
)
def test_fund_contributions_received_or_joined(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "青禾产业基金") == {"甲山集团", "乙河控股"}


def test_support_received_is_no_contribution() -> None:
    found = facts("[Fund:青禾产业基金]获得[Institution:甲山集团]的支持。")
    assert _of(found, "INVESTED_IN", "青禾产业基金") == set()


def test_joining_to_set_up_another_fund_is_no_contribution_to_the_fund_in_focus() -> None:
    found = facts("[Fund:青禾产业基金]首期规模5亿元。[Institution:甲山集团]参与出资设立了[Fund:北辰子基金]。")
    assert _of(found, "INVESTED_IN", "青禾产业基金") == set()


# --- 资方为A和B: the short word for a round's investors ---


@pytest.mark.parametrize(
    "closing",
    [
        ",资方为[Institution:甲山资本]和[Institution:乙河资本]。",
        ",本轮资方包括[Institution:甲山资本]、[Institution:乙河资本]等。",
        "。据悉,资方还有[Institution:甲山资本]、[Institution:乙河资本]。",
    ],
)
def test_round_backers_named_by_the_short_word(closing: str) -> None:
    found = facts("[Company:青禾机器人]完成B轮融资" + closing)
    assert _of(found, "INVESTED_IN", "青禾机器人") == {"甲山资本", "乙河资本"}


def test_the_party_raising_is_no_backer() -> None:
    found = facts("[Institution:甲山资本]完成B轮融资的尽调,融资方为[Company:青禾机器人]。")
    assert not any(kind == "INVESTED_IN" and source == "青禾机器人" for kind, source, _ in found)


# --- a company's list of investors naming them ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:青禾机器人]的股东名单中出现了[Institution:甲山资本]、[Institution:乙河资本]的身影。",
        "[Company:青禾机器人]的投资方名单中还有[Institution:甲山资本]、[Institution:乙河资本]。",
        "[Company:青禾机器人]的股东中有[Institution:甲山资本]、[Institution:乙河资本]等知名机构。",
        "天眼查显示,[Institution:甲山资本]、[Institution:乙河资本]已出现在[Company:青禾机器人]的股东名单中。",
        "[Institution:甲山资本]与[Institution:乙河资本]均位列[Company:青禾机器人]的投资方名单。",
    ],
)
def test_investors_on_a_companys_list(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "青禾机器人") == {"甲山资本", "乙河资本"}


def test_a_customer_list_names_no_investor() -> None:
    found = facts("[Institution:甲山资本]、[Institution:乙河资本]出现在[Company:青禾机器人]的客户名单中。")
    assert _of(found, "INVESTED_IN", "青禾机器人") == set()


# --- 由X发起、Y参与(设立)的F: attributive ---


@pytest.mark.parametrize(
    ("marked", "founder", "joiners"),
    [
        (
            "由[Institution:甲山资本]发起、[Fund:乙河产业基金]参与设立的[Fund:青禾产业基金]正式落地。",
            "甲山资本",
            {"乙河产业基金"},
        ),
        (
            "[Institution:甲山资本]牵头发起,[Fund:乙河产业基金]、[Company:丙石控股]共同参与出资的[Fund:青禾产业基金]正式落地。",
            "甲山资本",
            {"乙河产业基金", "丙石控股"},
        ),
        (
            "由[Institution:北辰集团]发起,[Institution:南岭资本]参与的市场化[Fund:青禾产业基金]首期规模2亿元。",
            "北辰集团",
            {"南岭资本"},
        ),
    ],
)
def test_founded_then_joined_attributive(marked: str, founder: str, joiners: set[str]) -> None:
    found = facts(marked)
    assert founder in _of(found, "ESTABLISHED", "青禾产业基金")
    assert _of(found, "INVESTED_IN", "青禾产业基金") == joiners
    assert not any(kind == "ESTABLISHED" and end in joiners for kind, _, end in found)


def test_an_event_founded_and_joined_gives_the_fund_nothing() -> None:
    found = facts("由[Institution:甲山资本]发起、[Institution:乙河资本]参与的论坛在[Fund:青禾产业基金]举行。")
    assert not any(end == "青禾产业基金" for _, _, end in found)


# --- round investors: 均有参与, 由A和B共同出资 ---


@pytest.mark.parametrize(
    "marked",
    [
        "[Company:青禾机器人]宣布完成B轮融资。投资机构方面,[Institution:甲山资本]、[Institution:乙河资本]均有参与。",
        "[Company:青禾机器人]宣布完成B轮融资,由[Institution:甲山资本]和[Institution:乙河资本]共同出资。",
        "[Company:青禾机器人]完成新一轮融资,本轮由[Institution:甲山资本]、[Institution:乙河资本]联合注资。",
    ],
)
def test_round_investors_joining_or_funding(marked: str) -> None:
    assert _of(facts(marked), "INVESTED_IN", "青禾机器人") == {"甲山资本", "乙河资本"}


def test_a_fund_set_up_by_a_backer_is_what_the_backer_founded_not_the_company() -> None:
    found = facts("[Company:青禾机器人]完成B轮融资,由[Institution:甲山资本]出资设立的[Fund:青禾基金]参投。")
    assert _of(found, "ESTABLISHED", "青禾机器人") == set()
    assert ("ESTABLISHED", "甲山资本", "青禾基金") in found
    assert ("INVESTED_IN", "青禾基金", "青禾机器人") in found
