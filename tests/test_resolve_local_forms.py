"""Short and full forms of one local body in an article are one node (sentences written for this test)."""

from __future__ import annotations

from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.read import Document, document_id
from capgraph.loaders.resolve import abbreviates


def _aliases(text: str) -> dict[str, list[str]]:
    extraction = extract_document(Document(document_id(text), "t.txt", text.split("\n")[0], text))
    return {node.name: node.aliases for node in extraction.nodes}


def test_a_level_word_short_form_joins_the_one_full_name_of_that_level() -> None:
    text = "江西省科学技术厅、江西省发展和改革委员会联合印发通知。省科技厅有关负责人表示,省发改委将安排资金。"
    nodes = _aliases(text)
    assert "省科技厅" in nodes["江西省科学技术厅"]
    assert "省发改委" in nodes["江西省发展和改革委员会"]


def test_two_provinces_leave_the_short_form_alone() -> None:
    text = "江西省科学技术厅与湖南省科学技术厅签署协议。省科技厅有关负责人出席。"
    nodes = _aliases(text)
    assert "省科技厅" not in nodes["江西省科学技术厅"] and "省科技厅" not in nodes["湖南省科学技术厅"]


def test_one_banks_branch_in_one_place_under_two_forms_is_one_node() -> None:
    text = "中国工商银行江西省分行近日设立科技支行。工行江西分行行长梅雪介绍,该行将加大投入。"
    nodes = _aliases(text)
    branch = next(aliases for name, aliases in nodes.items() if "江西" in name and name.endswith("分行"))
    assert {"中国工商银行江西省分行", "工行江西分行"} <= set(branch)


def test_a_place_before_a_two_character_abbreviation_names_the_places_own_platform() -> None:
    text = (
        "临川市国有资本投资运营集团有限公司(以下简称“临川国投”)是市属国有资本投资公司。"
        "临川国投董事长赵刚表示,将与国投、上海国投合作。"
    )
    nodes = _aliases(text)
    assert "临川国投" in nodes["临川市国有资本投资运营集团有限公司"]
    assert "临川国投" not in nodes["国家开发投资集团有限公司"]


def test_one_place_one_body_under_its_full_and_short_name() -> None:
    text = "福清市科学技术局发布通知。福清市科技局相关负责人介绍了政策。"
    nodes = _aliases(text)
    body = next(aliases for name, aliases in nodes.items() if name.startswith("福清市科"))
    assert {"福清市科学技术局", "福清市科技局"} <= set(body)


def test_a_family_of_funds_is_the_family_head() -> None:
    from capgraph.graph.model import Mention
    from capgraph.loaders.entities import SentenceIndex
    from capgraph.loaders.resolve import resolve
    from capgraph.loaders.sentences import split_sentences

    text = "临川投资集团有限公司(以下简称临川投资)成立多年。临川投资系基金投资的河山科技已上市。"
    sentences = split_sentences(text)
    index = SentenceIndex(sentences)

    def mention(name: str, label: str, source: str) -> Mention:
        start = text.index(name, text.index("。") if name.startswith("临川投资系") else 0)
        return Mention(name, label, start, start + len(name), index.at(start), {}, source)

    mentions = [
        mention("临川投资集团有限公司", "Institution", "suffixes"),
        mention("临川投资系基金", "Fund", "funds"),
        mention("河山科技", "Company", "shortnames"),
    ]
    entities, _, _ = resolve(text, mentions, index)
    group = next(e for e in entities if "临川投资集团有限公司" in e.names)
    assert "临川投资系基金" in group.names and group.label == "Institution"
    assert group.name == "临川投资集团有限公司"
    assert not any(e.label == "Fund" for e in entities)


def test_a_branch_named_by_its_level_joins_the_one_branch_of_that_level() -> None:
    text = "中国工商银行江西省分行与江西省科学技术厅签约。仪式主会场设在工商银行省分行,各市设分会场。"
    nodes = _aliases(text)
    branch = next(aliases for name, aliases in nodes.items() if name.endswith("分行"))
    assert "工商银行省分行" in branch
    assert sum(1 for name in nodes if name.endswith("分行")) == 1


def test_a_short_form_before_a_kind_word_describes_and_names_nothing() -> None:
    from capgraph.loaders.entities import SentenceIndex, find_mentions
    from capgraph.loaders.resolve import resolve
    from capgraph.loaders.sentences import split_sentences

    text = "青松集团宣布组建青松智行科技有限公司。青松智行科技品牌旗下车型将于明年上市。青松智行科技表示将加大投入。"
    sentences = split_sentences(text)
    index = SentenceIndex(sentences)
    _, mentions, _ = resolve(text, find_mentions(text, sentences), index)
    short = [m.start for m in mentions if m.text == "青松智行科技"]
    assert text.rindex("青松智行科技") in short  # used as a name
    assert text.index("青松智行科技品牌") not in short  # a kind of brand


def test_a_funds_short_form_is_the_fund_even_with_its_sponsors_name_inside() -> None:
    text = (
        "近日,河山汽车科技有限公司完成A轮融资,投资方为青松集团旗下的北京青松智造股权投资基金合伙企业(有限合伙)。"
        "青松智造股权基金由青松集团牵头成立于2021年,此前还投资了白桦电子。"
    )
    nodes = _aliases(text)
    fund = next(aliases for name, aliases in nodes.items() if name.startswith("北京青松智造"))
    assert "青松智造股权基金" in fund
    assert not any(name.startswith("青松智造股权基金") and name not in fund for name in nodes)


def test_an_abbreviation_of_word_initials_is_the_full_name() -> None:
    assert abbreviates("青创投", "青州市创新投资集团")
    assert abbreviates("蓝投集团", "蓝田市城市建设投资集团")
    # word for word is no abbreviation: two names sharing words may be two actors
    assert not abbreviates("中国银行", "中国工商银行")
    assert not abbreviates("科创基金", "科创成长基金")
    nodes = _aliases(
        "青州市创新投资集团今日与白桦科技签署协议。青创投领投了白桦科技的B轮融资。青创投相关负责人表示看好该领域。"
    )
    assert "青创投" in nodes["青州市创新投资集团"] and "青创投" not in nodes


def test_an_abbreviation_two_full_names_could_stand_for_stays_apart() -> None:
    nodes = _aliases("青州市创新投资集团与青州市产业投资集团共同出资。青投集团表示将继续支持本地企业。")
    assert "青投集团" not in nodes["青州市创新投资集团"] and "青投集团" not in nodes["青州市产业投资集团"]
