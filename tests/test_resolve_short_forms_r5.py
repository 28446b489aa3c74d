"""Conventional short forms of groups, research institutes and place-prefixed funds (sentences and names
invented for this test)."""

from __future__ import annotations

from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.read import Document, document_id


def _nodes(text: str) -> dict[str, tuple[str, list[str]]]:
    extraction = extract_document(Document(document_id(text), "t.txt", text.split("\n")[0], text))
    return {node.name: (node.label, node.aliases) for node in extraction.nodes}


def _owner(nodes: dict[str, tuple[str, list[str]]], alias: str) -> list[str]:
    return [name for name, (_, aliases) in nodes.items() if alias in aliases]


def test_a_group_with_bracketed_group_word_is_its_brand_and_group() -> None:
    text = "8月5日,考察团赴临江恒岳投资发展(集团)有限公司学习。在恒岳集团总部,该公司董事长介绍了情况。"
    nodes = _nodes(text)
    assert _owner(nodes, "恒岳集团") == ["临江恒岳投资发展(集团)有限公司"]


def test_a_group_named_without_brackets_is_its_brand_and_group() -> None:
    text = "青川宏远建设投资集团有限公司今年新增投资三十亿元。宏远集团表示,将继续支持本地产业。"
    nodes = _nodes(text)
    assert _owner(nodes, "宏远集团") == ["青川宏远建设投资集团有限公司"]


def test_a_group_short_form_named_first_joins_the_full_name_later() -> None:
    text = "据了解,澜石集团与多家银行签约。澜石实业发展(集团)股份有限公司成立于2001年,总部位于南岭市。"
    nodes = _nodes(text)
    assert _owner(nodes, "澜石集团") == ["澜石实业发展(集团)股份有限公司"]


def test_two_groups_with_other_brands_stay_apart() -> None:
    text = "临江恒岳投资发展(集团)有限公司与明川集团签署合作协议。"
    nodes = _nodes(text)
    assert "明川集团" not in nodes.get("临江恒岳投资发展(集团)有限公司", ("", []))[1]


def test_an_academy_name_before_a_units_short_form_names_the_unit() -> None:
    text = "该项目由中科院声学材料所牵头,团队负责人王明介绍了最新进展。"
    nodes = _nodes(text)
    assert "中科院声学材料所" in nodes
    assert "中国科学院" not in nodes


def test_an_academy_unit_short_form_after_a_place_is_the_unit() -> None:
    text = "近日,东江银行与中国科学院南湖精细化工研究所签署合作协议。南湖精化所所长陈立出席仪式。"
    nodes = _nodes(text)
    assert _owner(nodes, "南湖精化所") == ["中国科学院南湖精细化工研究所"]


def test_an_institutes_short_form_with_the_academys_short_name_joins_its_full_name() -> None:
    text = "中国科学院海洋光学研究所与星辰科技合作。双方表示,中科院海洋光学所将提供技术支持。"
    nodes = _nodes(text)
    assert _owner(nodes, "中科院海洋光学所") == ["中国科学院海洋光学研究所"]


def test_an_academys_own_words_after_its_name_stay_the_academy() -> None:
    text = "中科院所属企业近日完成融资。中科院有关负责人表示,将继续支持成果转化。"
    nodes = _nodes(text)
    assert "中国科学院" in nodes
    assert not any(name.startswith("中科院") and name.endswith("所") for name in nodes)


def test_a_fund_of_a_zone_is_not_the_citys_fund_of_that_kind() -> None:
    text = (
        "合肥天使投资引导基金(有限合伙)(以下简称“天使基金”)今年投资项目二十个。"
        "此外,合肥高新区天使基金与天使基金共同投资了星岩科技。"
    )
    nodes = _nodes(text)
    assert "合肥高新区天使基金" not in nodes["合肥天使投资引导基金(有限合伙)"][1]
    assert "合肥高新区天使基金" in nodes


def test_a_fund_of_another_district_stays_apart_in_another_phrasing() -> None:
    text = "由芜湖经开区产业基金领投,芜湖市产业投资基金(简称“产业基金”)跟投,星岩科技完成新一轮融资。"
    nodes = _nodes(text)
    assert _owner(nodes, "芜湖经开区产业基金") != _owner(nodes, "产业基金")


def test_the_same_place_written_shorter_keeps_one_actor() -> None:
    text = "合肥市包河区科创集团(以下简称“科创集团”)近日增资。包河区科创集团表示,将设立新基金。"
    nodes = _nodes(text)
    assert _owner(nodes, "包河区科创集团") == _owner(nodes, "科创集团") == ["合肥市包河区科创集团"]


def test_a_guidance_fund_goes_on_as_its_fund_of_funds() -> None:
    text = "宁川天使投资引导基金已完成设立。宁川天使母基金首期规模十亿元,由市国资平台出资。"
    nodes = _nodes(text)
    assert _owner(nodes, "宁川天使母基金") == ["宁川天使投资引导基金"]


def test_a_fund_of_funds_named_first_joins_its_guidance_fund_later() -> None:
    text = "记者获悉,南岭科创母基金已投资五只子基金。南岭科创投资引导基金由市财政出资设立。"
    nodes = _nodes(text)
    assert _owner(nodes, "南岭科创母基金") == ["南岭科创投资引导基金"]


def test_two_guidance_funds_keep_their_own_funds_of_funds() -> None:
    text = "宁川天使投资引导基金与宁川产业投资引导基金同时设立。宁川产业母基金规模更大。"
    nodes = _nodes(text)
    assert _owner(nodes, "宁川产业母基金") == ["宁川产业投资引导基金"]
    assert "宁川产业母基金" not in nodes.get("宁川天使投资引导基金", ("", []))[1]


def test_an_academy_before_a_conjunction_stays_the_academy() -> None:
    text = "中科院和多所高校共建实验室,中科院有关负责人出席。"
    nodes = _nodes(text)
    assert "中国科学院" in nodes
