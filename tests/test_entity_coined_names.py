"""Coined names nobody knows (issue 8, round 3): a word the dictionary does not know is a company's name
where only an organisation can stand. Sentences written for these tests, with invented names."""

from __future__ import annotations

from capgraph.loaders.entities import find_mentions
from capgraph.loaders.entities.brands import is_coined
from capgraph.loaders.sentences import split_sentences


def companies(text: str) -> set[str]:
    return {m.text for m in find_mentions(text, split_sentences(text)) if m.label == "Company"}


def test_a_coined_word_is_one_the_dictionary_does_not_know() -> None:
    assert is_coined("澜鼎") and is_coined("昱汐")
    assert not any(is_coined(w) for w in ("制造", "双方", "公开", "跟投", "做大做强", "北京"))


def test_a_coined_word_before_an_organisations_act() -> None:
    text = "10月8日,澜鼎发布公告,称拟出售部分资产。据昱汐数据显示,今年储能融资明显回暖。"
    assert {"澜鼎", "昱汐"} <= companies(text)
    # an ordinary word there names nothing
    assert not companies("10月8日,双方发布公告,称合作顺利。据公开资料显示,该行业增长较快。")


def test_coined_items_of_a_list_of_companies() -> None:
    text = "该研究院已与澜鼎、昱汐、沣栩等头部企业签署合作协议。"
    assert {"澜鼎", "昱汐", "沣栩"} <= companies(text)
    text = "由某省国资委推动,岚峤集团、蔚屿集团、沣栩共同出资组建了一家新公司。"
    assert "沣栩" in companies(text)
    # a list of activities or fields stays no list of companies
    assert not companies("该园区重点发展设计、制造、封装等企业服务。") & {"设计", "制造"}


def test_a_coined_name_right_after_its_kind_in_a_list() -> None:
    text = "该基金还投了固态电池材料商昱汐、工业软件开发商澜鼎科技以及光刻胶生产商沣栩半导体等公司。"
    assert {"昱汐", "澜鼎科技", "沣栩半导体"} <= companies(text)


def test_a_listed_name_opening_with_a_conjunction_character() -> None:
    text = "首批签约的有岚峤电子(600001)、和栩(300002)等企业。"
    assert "和栩" in companies(text)


def test_coined_names_joined_before_a_joint_act() -> None:
    text = "该平台由澜鼎和昱汐共同搭建。上个月,沣栩才刚刚和岚峤联手投了一家电池企业。"
    assert {"澜鼎", "昱汐", "岚峤"} <= companies(text)


def test_a_coined_name_that_announces_is_a_company_unless_it_may_be_a_person() -> None:
    assert "澜鼎" in companies("3月5日,澜鼎宣布,其储能业务完成分拆。")
    assert not companies("3月5日,柳昱宣布,将卸任董事长。")


def test_a_coined_investor_after_a_joining_word() -> None:
    text = "当日,某市高新区管委会与澜鼎投资达成合作意向,由昱汐资本领投。"
    found = {m.text: m for m in find_mentions(text, split_sentences(text))}
    assert found["澜鼎投资"].label == "Institution" and found["昱汐资本"].label == "Institution"


def test_two_lists_of_companies_in_one_clause() -> None:
    text = "在储能赛道,以澜鼎、昱汐为代表的老牌企业与沣栩、岚峤等新兴势力正在同台竞争。"
    assert {"澜鼎", "昱汐", "沣栩", "岚峤"} <= companies(text)


def test_a_quoted_coined_name_after_its_kind() -> None:
    text = "工业机器人公司“澜鼎”完成数亿元B轮融资。另一家叫“昱汐”的企业也在本月获投。"
    assert {"澜鼎", "昱汐"} <= companies(text)
    # a quoted coinage after a plain 企业 with no act after it is a thing of the enterprises, no company
    assert not companies("该市推出企业“碳账码”,用于评价能耗。")


def test_a_coined_source_or_organiser() -> None:
    text = "今年以来,澜鼎显示,储能融资明显回暖。该基金由昱汐联合多家银行发起。"
    assert {"澜鼎", "昱汐"} <= companies(text)


def test_a_registered_name_with_a_conjunction_character_inside() -> None:
    text = "该基金的管理人为岚和股权投资管理有限公司,托管行为某银行。"
    found = {m.text: m.label for m in find_mentions(text, split_sentences(text))}
    assert found.get("岚和股权投资管理有限公司") == "Institution"


def test_a_coined_funder_between_got_and_the_amount() -> None:
    assert "澜鼎" in companies("去年获得澜鼎2亿元B轮投资的储能企业昱汐科技今日再获融资。")
    assert not companies("该企业获得3亿元B轮融资。")
