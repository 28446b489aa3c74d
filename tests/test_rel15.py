"""rel15: general relation constructions, on sentences written for these tests (invented names).

Names are marked [Label:name]; each construction is phrased at least three ways with different names, and
a sentence of a similar shape that must not give the relation.
"""

from __future__ import annotations

from test_rel14 import facts, of_type

# --- ISSUED: drafting or compiling a document (研究起草, 编制, 制作) ---------------------------------------


def test_drafting_a_document_issues_it() -> None:
    found = of_type(
        facts(
            "据悉,[Institution:青州市科技局]、[Institution:青州市财政局]研究起草了《[Policy:青州市天使基金管理办法]》。"
        ),
        "ISSUED",
    )
    assert found >= {("青州市科技局", "青州市天使基金管理办法"), ("青州市财政局", "青州市天使基金管理办法")}
    found = of_type(
        facts("[Institution:江川县发改委]近日编制《[Policy:江川县数字经济发展规划]》,征求各方意见。"), "ISSUED"
    )
    assert ("江川县发改委", "江川县数字经济发展规划") in found
    found = of_type(
        facts("[Institution:白鹭银行海城分行]制作了《[Policy:海城市科技贷款案例汇编]》,面向企业开展宣讲。"), "ISSUED"
    )
    assert ("白鹭银行海城分行", "海城市科技贷款案例汇编") in found


def test_reading_a_document_does_not_issue_it() -> None:
    found = of_type(facts("[Institution:南岭区商务局]组织学习了《[Policy:南岭区招商引资办法]》,并开展讨论。"), "ISSUED")
    assert ("南岭区商务局", "南岭区招商引资办法") not in found


# --- ISSUED: the issuer in an earlier clause joining a partner (X牵头…,联合Y印发《Z》) ------------------------


def test_issuer_joining_a_partner_in_a_later_clause() -> None:
    found = of_type(
        facts(
            "为夯实基础,[Institution:松原银行丙市分行]牵头建立协作机制,联合[Institution:丙市市场监管局]"
            "印发《[Policy:关于开展质押融资的通知]》,明确分工。"
        ),
        "ISSUED",
    )
    assert found >= {
        ("松原银行丙市分行", "关于开展质押融资的通知"),
        ("丙市市场监管局", "关于开展质押融资的通知"),
    }
    found = of_type(
        facts(
            "[Institution:北川县财政局]梳理了现有政策,会同[Institution:北川县科技局]出台《[Policy:北川县科技贷款贴息办法]》。"
        ),
        "ISSUED",
    )
    assert ("北川县财政局", "北川县科技贷款贴息办法") in found
    found = of_type(
        facts(
            "[Institution:东湖区人社局]广泛调研,携手[Institution:东湖区工信局]发布了《[Policy:东湖区人才引进十条]》。"
        ),
        "ISSUED",
    )
    assert ("东湖区人社局", "东湖区人才引进十条") in found


def test_a_partner_of_another_sentence_part_issues_nothing() -> None:
    # the first body only attends; the issuing clause is the partner's own act, written without 联合
    found = of_type(
        facts("[Institution:西岭市金融局]出席会议,[Institution:西岭市税务局]印发了《[Policy:西岭市纳税服务指引]》。"),
        "ISSUED",
    )
    assert ("西岭市金融局", "西岭市纳税服务指引") not in found


# --- ISSUED: launching a programme (X启动/推出Y) ---------------------------------------------------------


def test_launching_a_programme_issues_it() -> None:
    found = of_type(
        facts("[Institution:国家某某监管局]于2025年3月启动[Policy:知识产权金融生态试点],多地入选。"), "ISSUED"
    )
    assert ("国家某某监管局", "知识产权金融生态试点") in found
    found = of_type(facts("[Institution:青阳市人民政府]正式推出《[Policy:青阳市科创券实施方案]》。"), "ISSUED")
    assert ("青阳市人民政府", "青阳市科创券实施方案") in found
    found = of_type(facts("[Institution:云岭省科技厅]近日启动实施[Policy:云岭省揭榜挂帅专项行动]。"), "ISSUED")
    assert ("云岭省科技厅", "云岭省揭榜挂帅专项行动") in found


def test_a_programme_started_by_a_company_under_it_is_not_issued_by_the_body() -> None:
    found = of_type(facts("根据[Institution:云岭省科技厅]要求,[Company:云岭智造有限公司]启动了新产线建设。"), "ISSUED")
    assert not found


# --- ESTABLISHED: the issuers of a document setting up the fund it provides for ---------------------------


def test_issuers_set_up_the_fund_of_their_document() -> None:
    found = of_type(
        facts(
            "据悉,[Institution:青州市科技局]、[Institution:青州市财政局]研究起草了《[Policy:青州市天使基金管理办法]》,"
            "设立[Fund:青州市天使母基金],目标规模100亿元。"
        ),
        "ESTABLISHED",
    )
    assert found >= {("青州市科技局", "青州市天使母基金"), ("青州市财政局", "青州市天使母基金")}
    found = of_type(
        facts(
            "[Institution:河岸市人民政府]印发《[Policy:河岸市产业基金管理办法]》,决定设立[Fund:河岸市产业引导基金]。"
        ),
        "ESTABLISHED",
    )
    assert ("河岸市人民政府", "河岸市产业引导基金") in found
    found = of_type(
        facts("[Institution:松江区金融办]出台了《[Policy:松江区科创基金实施方案]》,同时组建[Fund:松江区科创母基金]。"),
        "ESTABLISHED",
    )
    assert ("松江区金融办", "松江区科创母基金") in found


def test_a_document_read_before_a_fund_is_set_up_founds_nothing() -> None:
    found = of_type(
        facts(
            "[Institution:河岸市发改委]解读了《[Policy:河岸市产业基金管理办法]》,设立[Fund:河岸市产业引导基金]的工作随后启动。"
        ),
        "ESTABLISHED",
    )
    assert ("河岸市发改委", "河岸市产业引导基金") not in found


# --- SUBSIDIARY_OF: a group's platform for capital (X是Y的投资运营平台) ------------------------------------


def test_a_capital_platform_of_a_group_is_its_unit() -> None:
    found = of_type(
        facts("[Institution:远山资本]是[Company:远山集团]唯一的运营管理平台,管理资产超过百亿元。"), "SUBSIDIARY_OF"
    )
    assert ("远山资本", "远山集团") in found
    found = of_type(
        facts("[Institution:金桥产投]作为[Company:金桥控股集团]的资本投资运营平台,聚焦新能源。"), "SUBSIDIARY_OF"
    )
    assert ("金桥产投", "金桥控股集团") in found
    found = of_type(
        facts("作为[Company:海岳集团]旗下的产业投资平台,[Institution:海岳创投]已投资30家企业。"), "SUBSIDIARY_OF"
    )
    assert ("海岳创投", "海岳集团") in found


def test_a_platform_for_cooperation_is_no_unit() -> None:
    found = of_type(facts("[Institution:远山资本]是[Company:长河集团]的合作平台之一,双方共同投资。"), "SUBSIDIARY_OF")
    assert not found


# --- SUBSIDIARY_OF: an owner and its unit as one item of a list ----------------------------------------------


def test_owner_and_unit_are_one_list_item() -> None:
    found = of_type(
        facts(
            "参与本轮投资的包括[Institution:甲木资本]、[Institution:某大学基金会]旗下[Institution:荷叶资产]、"
            "[Institution:乙木资本]等投资方。"
        ),
        "SUBSIDIARY_OF",
    )
    assert ("荷叶资产", "某大学基金会") in found
    assert ("乙木资本", "某大学基金会") not in found
    found = of_type(
        facts(
            "投资方有[Institution:丙火创投]、[Company:丁火集团]旗下[Institution:丁火资本]和[Institution:戊土基金管理公司]。"
        ),
        "SUBSIDIARY_OF",
    )
    assert ("丁火资本", "丁火集团") in found
    assert ("戊土基金管理公司", "丁火集团") not in found
    # an owner opening the sentence still has all the units listed after 旗下
    found = of_type(
        facts("[Company:庚金集团]旗下[Company:庚金一号公司]、[Company:庚金二号公司]两家企业均已上市。"), "SUBSIDIARY_OF"
    )
    assert found >= {("庚金一号公司", "庚金集团"), ("庚金二号公司", "庚金集团")}


# --- SUBSIDIARY_OF: departments of a congress or a central bank, of a party committee -----------------------


def test_departments_named_after_their_body() -> None:
    found = of_type(
        facts("[Institution:某省人大常委会]副主任王某一行调研,[Institution:某省人大常委会办公厅]秘书张某陪同。"),
        "SUBSIDIARY_OF",
    )
    assert ("某省人大常委会办公厅", "某省人大常委会") in found
    found = of_type(
        facts("[Institution:中央某银行调查统计司]负责人说,[Institution:中央某银行]出台了两项措施。"), "SUBSIDIARY_OF"
    )
    assert ("中央某银行调查统计司", "中央某银行") in found
    found = of_type(facts("[Institution:市委]常委、[Institution:市委政法委]书记李某出席。"), "SUBSIDIARY_OF")
    assert ("市委政法委", "市委") in found


def test_a_school_named_after_a_congress_is_no_department() -> None:
    found = of_type(facts("[Institution:某省人大常委会]与[Institution:某省人大常委会党校]举行座谈。"), "SUBSIDIARY_OF")
    assert ("某省人大常委会党校", "某省人大常委会") not in found


# --- ESTABLISHED: completing a fund's setting up --------------------------------------------------------------


def test_completing_a_funds_setting_up_founds_it() -> None:
    found = of_type(
        facts("9月28日,[Institution:青松资本]宣布完成总规模40亿元的[Fund:青松成长基金(贰号)]的募集和设立。"),
        "ESTABLISHED",
    )
    assert ("青松资本", "青松成长基金(贰号)") in found
    found = of_type(facts("[Institution:白桦投资]近日顺利完成[Fund:白桦硬科技创业投资基金]的设立。"), "ESTABLISHED")
    assert ("白桦投资", "白桦硬科技创业投资基金") in found
    found = of_type(
        facts("[Company:红杉树集团]已完成了[Fund:红杉树产业并购基金]的组建,首期规模10亿元。"), "ESTABLISHED"
    )
    assert ("红杉树集团", "红杉树产业并购基金") in found


def test_completing_an_investment_in_a_fund_founds_nothing() -> None:
    found = of_type(facts("[Institution:青松资本]宣布完成对[Fund:白桦成长基金]的投资,金额2亿元。"), "ESTABLISHED")
    assert not found


# --- ESTABLISHED: a founder described before its name (由区属国企X发起设立) ----------------------------------------


def test_described_founder_sets_up_the_fund_in_focus() -> None:
    found = of_type(
        facts("[Fund:丁市百亿母基金]正式亮相。由丁市区属国企[Company:丁市城投集团有限公司]发起设立,投资期限为10年。"),
        "ESTABLISHED",
    )
    assert ("丁市城投集团有限公司", "丁市百亿母基金") in found
    found = of_type(
        facts("[Fund:北港科创基金]规模20亿元,由市属平台公司[Company:北港产业投资有限公司]出资设立。"), "ESTABLISHED"
    )
    assert ("北港产业投资有限公司", "北港科创基金") in found
    found = of_type(
        facts("[Fund:南湖产业基金]揭牌。由省属龙头企业[Company:南湖控股集团]牵头设立,重点投资新材料。"), "ESTABLISHED"
    )
    assert ("南湖控股集团", "南湖产业基金") in found


def test_a_described_company_that_only_manages_founds_nothing() -> None:
    found = of_type(
        facts("[Fund:丁市百亿母基金]正式亮相。由丁市区属国企[Company:丁市城投集团有限公司]负责管理,投资期限为10年。"),
        "ESTABLISHED",
    )
    assert not found


# --- AFFILIATED_WITH: past and present jobs --------------------------------------------------------------------


def test_working_at_an_organisation() -> None:
    found = of_type(facts("[Person:王小明]曾任职于[Company:星海科技],负责算法研发。"), "AFFILIATED_WITH")
    assert ("王小明", "星海科技") in found
    found = of_type(facts("[Person:赵一鸣]毕业后就职于[Institution:青禾证券]研究所。"), "AFFILIATED_WITH")
    assert ("赵一鸣", "青禾证券") in found
    found = of_type(facts("2019年,[Person:钱多多]加入[Company:云帆机器人],担任技术负责人。"), "AFFILIATED_WITH")
    assert ("钱多多", "云帆机器人") in found


def test_held_a_post_before() -> None:
    found = of_type(facts("[Person:李四海]曾任[Company:东方电机]总经理。"), "AFFILIATED_WITH")
    assert ("李四海", "东方电机") in found
    found = of_type(facts("[Person:周五岳]历任[Institution:北辰银行]副行长、行长。"), "AFFILIATED_WITH")
    assert ("周五岳", "北辰银行") in found
    found = of_type(facts("[Person:吴六顺]曾担任[Company:南风汽车]的董事长。"), "AFFILIATED_WITH")
    assert ("吴六顺", "南风汽车") in found


def test_visiting_an_organisation_is_no_job() -> None:
    found = of_type(facts("[Person:王小明]曾走访[Company:星海科技],了解研发进展。"), "AFFILIATED_WITH")
    assert not found


# --- MANAGES: a manager named by its role nouns, a 管理公司 among them ----------------------------------------


def test_manager_holds_roles() -> None:
    found = of_type(facts("[Institution:青州资本]是[Fund:青州科创基金]的管理公司。"), "MANAGES")
    assert ("青州资本", "青州科创基金") in found
    found = of_type(facts("[Institution:白石投资]作为[Fund:白石硬科技基金]的基金管理公司,负责投资决策。"), "MANAGES")
    assert ("白石投资", "白石硬科技基金") in found
    found = of_type(
        facts("[Fund:南江成长基金]已完成备案,[Institution:南江创投]为该基金的普通合伙人兼基金管理人。"), "MANAGES"
    )
    assert ("南江创投", "南江成长基金") in found


def test_a_shareholder_of_the_management_company_manages_nothing() -> None:
    found = of_type(facts("[Institution:青州资本]是[Fund:青州科创基金]管理公司的股东。"), "MANAGES")
    assert not found


# --- MANAGES: the manager taking charge in a clause after the fund's description ----------------------------


def test_manager_takes_charge_after_the_fund() -> None:
    found = of_type(facts("[Fund:青州科创基金]总规模10亿元,[Institution:青州资本]受托管理。"), "MANAGES")
    assert ("青州资本", "青州科创基金") in found
    found = of_type(facts("[Fund:东岭天使基金]首期5亿元,[Institution:东岭创投]负责运营管理。"), "MANAGES")
    assert ("东岭创投", "东岭天使基金") in found
    found = of_type(facts("[Fund:西山母基金]重点投向芯片,[Institution:西山资本]负责日常管理。"), "MANAGES")
    assert ("西山资本", "西山母基金") in found


def test_a_company_managing_its_own_risk_manages_no_fund() -> None:
    found = of_type(facts("[Fund:青州科创基金]总规模10亿元,[Company:青州制造]负责管理风险。"), "MANAGES")
    assert not found


# --- MANAGES: a fund's partners listed, the manager's role in brackets ---------------------------------------


def test_partner_with_role_in_brackets() -> None:
    found = of_type(
        facts("[Fund:青州科创基金]的合伙人为[Institution:青州资本](普通合伙人)、[Company:甲木公司](有限合伙人)。"),
        "MANAGES",
    )
    assert ("青州资本", "青州科创基金") in found
    found = of_type(
        facts(
            "[Fund:北塘产业基金]的出资人包括[Company:乙木公司](有限合伙人)、[Institution:北塘资本](执行事务合伙人)。"
        ),
        "MANAGES",
    )
    assert ("北塘资本", "北塘产业基金") in found
    found = of_type(
        facts("[Fund:云杉一号基金]的合伙人有[Institution:云杉私募](GP)和[Company:丙木公司](LP)。"), "MANAGES"
    )
    assert ("云杉私募", "云杉一号基金") in found


def test_a_limited_partner_in_brackets_manages_nothing() -> None:
    found = of_type(
        facts("[Fund:青州科创基金]的合伙人为[Company:甲木公司](有限合伙人)、[Institution:丁木资本](有限合伙人)。"),
        "MANAGES",
    )
    assert not found
