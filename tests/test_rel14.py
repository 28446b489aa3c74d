"""rel14: general relation constructions, on sentences written for these tests (invented names).

Names are marked [Label:name]; each construction is phrased at least three ways with different names, and
a sentence of a similar shape that must not give the relation.
"""

from __future__ import annotations

from relation_support import facts


def of_type(found: set[tuple[str, str, str]], kind: str) -> set[tuple[str, str]]:
    return {(source, target) for rtype, source, target in found if rtype == kind}


# --- SUBSIDIARY_OF: X(系)旗下有A、B以及C -------------------------------------------------------------


def test_units_listed_after_an_opener_and_a_verb_of_having() -> None:
    found = of_type(
        facts(
            "[Company:青禾科技]系旗下目前还有[Fund:青禾远山产业基金]、[Institution:云杉资本]以及"
            "[Institution:青禾私募基金管理有限公司]三个投资平台,在新能源领域布局较多。"
        ),
        "SUBSIDIARY_OF",
    )
    assert found >= {
        ("青禾远山产业基金", "青禾科技"),
        ("云杉资本", "青禾科技"),
        ("青禾私募基金管理有限公司", "青禾科技"),
    }
    found = of_type(
        facts("[Institution:北辰控股集团]旗下拥有[Company:北辰置业]和[Institution:北辰创投]两家企业。"), "SUBSIDIARY_OF"
    )
    assert found >= {("北辰置业", "北辰控股集团"), ("北辰创投", "北辰控股集团")}
    found = of_type(
        facts("据介绍,[Company:蓝湾电子]旗下包括[Company:蓝湾光电]、[Company:蓝湾半导体]等子品牌。"), "SUBSIDIARY_OF"
    )
    assert found >= {("蓝湾光电", "蓝湾电子"), ("蓝湾半导体", "蓝湾电子")}


def test_an_investment_by_a_unit_is_no_list_of_units() -> None:
    found = facts("[Company:青禾科技]旗下基金投资了[Company:远图智能]、[Company:岩心材料]等企业。")
    assert not of_type(found, "SUBSIDIARY_OF")


# --- SUBSIDIARY_OF: 作为X子公司的Y ------------------------------------------------------------------


def test_as_its_unit_in_an_attributive() -> None:
    found = of_type(
        facts("作为[Institution:江岸集团]全资子公司的[Institution:江岸资本],近年来投资了多家企业。"), "SUBSIDIARY_OF"
    )
    assert ("江岸资本", "江岸集团") in found
    found = of_type(
        facts("作为[Company:星河电气]旗下投资平台的[Institution:星河远航投资]已完成备案。"), "SUBSIDIARY_OF"
    )
    assert ("星河远航投资", "星河电气") in found
    found = of_type(facts("作为[Institution:东岳金控]的子公司的[Company:东岳保理]表示将扩大业务。"), "SUBSIDIARY_OF")
    assert ("东岳保理", "东岳金控") in found


def test_as_a_partner_is_no_unit() -> None:
    found = facts("作为[Institution:江岸集团]战略合作伙伴的[Institution:山海资本],参与了本次签约。")
    assert not of_type(found, "SUBSIDIARY_OF")


# --- SUBSIDIARY_OF: X的Y (Y an investment arm) ------------------------------------------------------


def test_possessive_investment_arm() -> None:
    found = of_type(facts("本轮融资由[Institution:华庭大学]的[Institution:华庭创投]领投。"), "SUBSIDIARY_OF")
    assert ("华庭创投", "华庭大学") in found
    found = of_type(facts("[Company:远帆集团]的[Institution:远帆资本]此前已参与两轮投资。"), "SUBSIDIARY_OF")
    assert ("远帆资本", "远帆集团") in found
    found = of_type(
        facts("记者获悉,[Institution:东陵研究院]的[Institution:东陵产业投资]也在股东之列。"), "SUBSIDIARY_OF"
    )
    assert ("东陵产业投资", "东陵研究院") in found
    found = of_type(facts("[Institution:南江银行]的[Institution:南江金控]与多家机构达成合作。"), "SUBSIDIARY_OF")
    assert ("南江金控", "南江银行") in found


def test_possessive_of_an_investee_or_a_shared_owner_is_no_arm() -> None:
    found = facts("[Institution:远帆资本]投资[Company:河图科技]的[Institution:河图创投]。")
    assert ("SUBSIDIARY_OF", "河图创投", "河图科技") not in found
    found = facts("[Company:远帆集团]与[Company:河图科技]的[Institution:合璧资本]共同出资。")
    assert ("SUBSIDIARY_OF", "合璧资本", "河图科技") not in found
    found = facts("[Institution:某市政府]的[Institution:某市城投]负责建设。")
    assert not of_type(found, "SUBSIDIARY_OF")


# --- AFFILIATED_WITH: officials in a list -----------------------------------------------------------


def test_deputy_secretary_and_head_with_the_place_left_out() -> None:
    found = of_type(
        facts(
            "[Institution:青川市人民政府]与[Company:江岸集团]签约。"
            "[Institution:青川市委]书记[Person:王远],市委副书记、市长[Person:李沐阳]出席签约仪式。"
        ),
        "AFFILIATED_WITH",
    )
    assert ("李沐阳", "青川市人民政府") in found
    found = of_type(
        facts(
            "[Institution:云岭县政府]召开座谈会。[Institution:云岭县委]书记[Person:赵恒],县委副书记、县长[Person:孙怀远]参加。"
        ),
        "AFFILIATED_WITH",
    )
    assert ("孙怀远", "云岭县政府") in found
    found = of_type(
        facts("会见[Institution:安平区人民政府]代表团时,区委副书记、区长 [Person:周启明]介绍了投资环境。"),
        "AFFILIATED_WITH",
    )
    assert ("周启明", "安平区人民政府") in found


def test_deputy_secretary_alone_is_no_head_of_government() -> None:
    found = facts(
        "[Institution:青川市人民政府]与[Company:江岸集团]签约。市委副书记、秘书长[Person:李沐阳]出席签约仪式。"
    )
    assert ("AFFILIATED_WITH", "李沐阳", "青川市人民政府") not in found


def test_secretary_and_clerk_posts_after_their_office() -> None:
    found = of_type(facts("[Institution:省政协办公厅]秘书[Person:周岚]陪同调研。"), "AFFILIATED_WITH")
    assert ("周岚", "省政协办公厅") in found
    found = of_type(facts("[Institution:市发展改革委]一级主任科员[Person:钱多多]参加会议。"), "AFFILIATED_WITH")
    assert ("钱多多", "市发展改革委") in found
    found = of_type(facts("座谈会由[Institution:区财政局]二级主任科员[Person:冯晓]主持。"), "AFFILIATED_WITH")
    assert ("冯晓", "区财政局") in found


def test_a_person_after_an_unrelated_word_is_no_officer() -> None:
    found = facts("[Institution:省政协办公厅]致信感谢志愿者[Person:周岚]。")
    assert not of_type(found, "AFFILIATED_WITH")


# --- AFFILIATED_WITH: bylines -----------------------------------------------------------------------


def test_a_correspondent_is_not_the_outlets() -> None:
    found = of_type(
        facts("[Institution:江城晚报]讯 记者[Person:张小川]、通讯员[Person:李达]报道:新基金落地。"), "AFFILIATED_WITH"
    )
    assert ("张小川", "江城晚报") in found and ("李达", "江城晚报") not in found
    found = of_type(
        facts("[Institution:山城网]讯(记者 [Person:王一鸣] 通讯员 [Person:赵甲])近日,一支基金完成备案。"),
        "AFFILIATED_WITH",
    )
    assert ("王一鸣", "山城网") in found and ("赵甲", "山城网") not in found
    found = of_type(facts("[Institution:海滨日报]讯 通讯员[Person:钱乙]报道:本市首支天使基金设立。"), "AFFILIATED_WITH")
    assert ("钱乙", "海滨日报") not in found


# --- AFFILIATED_WITH: house news (X讯) ------------------------------------------------------------


def test_house_news_officers_are_not_the_visitors() -> None:
    found = of_type(
        facts(
            "[Institution:远山投资集团]与集团公司举行座谈会\n"
            "石湖投讯 近日,[Institution:远山投资集团]考察团来访。"
            "集团公司董事长[Person:白一帆],总经理[Person:韩立]陪同考察。"
        ),
        "AFFILIATED_WITH",
    )
    assert not {("白一帆", "远山投资集团"), ("韩立", "远山投资集团")} & found
    found = of_type(
        facts(
            "[Institution:江岸城投集团]讯 5月8日,[Company:北斗资本集团]一行到访。"
            "集团公司董事长[Person:马骁]主持座谈,[Company:北斗资本集团]副总裁[Person:程鹏]介绍了情况。"
        ),
        "AFFILIATED_WITH",
    )
    assert ("马骁", "江岸城投集团") in found and ("马骁", "北斗资本集团") not in found
    assert ("程鹏", "北斗资本集团") in found
    found = of_type(
        facts(
            "[Company:青禾集团]讯 [Institution:东岭控股集团]调研组来访,"
            "集团董事长[Person:邓远]、副总经理[Person:邱石]参加座谈。"
        ),
        "AFFILIATED_WITH",
    )
    assert {("邓远", "青禾集团"), ("邱石", "青禾集团")} <= found
    assert ("邓远", "东岭控股集团") not in found


def test_a_newspapers_dateline_is_no_house_news() -> None:
    found = of_type(
        facts(
            "[Institution:远山投资集团]举行年中工作会\n"
            "江城日报讯 近日,[Institution:远山投资集团]召开会议,集团公司董事长[Person:白一帆]出席。"
        ),
        "AFFILIATED_WITH",
    )
    assert ("白一帆", "远山投资集团") in found


# --- AFFILIATED_WITH: a deputy of a congress --------------------------------------------------------


def test_a_deputy_or_member_is_the_congresss() -> None:
    found = of_type(
        facts("[Institution:全国人大]代表、[Institution:星城产业集团]董事长[Person:石磊]表示。"), "AFFILIATED_WITH"
    )
    assert {("石磊", "全国人大"), ("石磊", "星城产业集团")} <= found
    found = of_type(facts("[Institution:省政协]委员[Person:林晚秋]建议加大投入。"), "AFFILIATED_WITH")
    assert ("林晚秋", "省政协") in found
    found = of_type(facts("会上,[Institution:市人大]代表 [Person:高远]就基金管理提出问题。"), "AFFILIATED_WITH")
    assert ("高远", "市人大") in found


def test_a_companys_representative_is_no_deputy() -> None:
    found = of_type(
        facts("[Institution:省人大]代表团到访[Company:星城产业集团],[Person:石磊]介绍了情况。"), "AFFILIATED_WITH"
    )
    assert ("石磊", "省人大") not in found
    found = of_type(facts("[Institution:省人大]常委会会议听取了[Person:林晚秋]的报告。"), "AFFILIATED_WITH")
    assert ("林晚秋", "省人大") not in found


# --- AFFILIATED_WITH: chief officers written in Latin letters ----------------------------------------


def test_chief_marketing_and_information_officers() -> None:
    found = of_type(facts("为此,某杂志专访了[Company:声谷智能]CMO[Person:罗晓]。"), "AFFILIATED_WITH")
    assert ("罗晓", "声谷智能") in found
    found = of_type(facts("[Company:云帆数据]CIO[Person:葛明]介绍了系统建设情况。"), "AFFILIATED_WITH")
    assert ("葛明", "云帆数据") in found
    found = of_type(facts("[Person:卓然]([Company:橙光科技]CMO)表示,公司将加大投入。"), "AFFILIATED_WITH")
    assert ("卓然", "橙光科技") in found


def test_a_latin_word_that_is_no_title() -> None:
    found = of_type(facts("[Company:声谷智能]发布MCU芯片,[Person:罗晓]到场体验。"), "AFFILIATED_WITH")
    assert ("罗晓", "声谷智能") not in found


# --- SUBSIDIARY_OF: Y(X产业基金) ---------------------------------------------------------------------


def test_unit_in_an_aside() -> None:
    found = of_type(facts("[Institution:云岫投资]([Company:云岫科技]产业基金)出现在投资名单上。"), "SUBSIDIARY_OF")
    assert ("云岫投资", "云岫科技") in found
    found = of_type(facts("本轮由[Institution:北极星资本]([Company:极光汽车]旗下投资平台)领投。"), "SUBSIDIARY_OF")
    assert ("北极星资本", "极光汽车") in found
    found = of_type(facts("[Company:禾木创投]([Institution:禾木集团]的战投部门)参与跟投。"), "SUBSIDIARY_OF")
    assert ("禾木创投", "禾木集团") in found


def test_an_aside_naming_an_investee_is_no_unit() -> None:
    found = facts("[Institution:北极星资本]([Company:极光汽车]投资方)领投。")
    assert not of_type(found, "SUBSIDIARY_OF")
