"""Articles in traditional characters: read through a simplified copy, reported in their own characters,
and one node per actor whichever script an article uses. Every text here is written for this test; the
company and person names are invented."""

from __future__ import annotations

from pathlib import Path

from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.ids import document_id
from capgraph.graph.model import Document, Extraction
from capgraph.ingest import ingest
from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.script import in_original, simplified

TRADITIONAL = (
    "星河微電子完成5億元B輪融資\n\n"
    "星河微電子科技(蘇州)有限公司今日宣布完成5億元B輪融資,本輪融資由深圳市創新投資集團有限公司領投,"
    "國家開發銀行跟投。星河微電子董事長張明表示,資金將用於晶片研發。"
)


def extract(text: str) -> Extraction:
    return extract_document(Document(document_id(text), "test.txt", "测试", text))


def test_the_simplified_copy_keeps_length_and_leaves_simplified_text_alone(corpus_dir: Path) -> None:
    assert simplified("國家開發銀行領投") == "国家开发银行领投"
    assert len(simplified(TRADITIONAL)) == len(TRADITIONAL)
    # characters simplified text uses too stay as they are (著名, 乾隆, 於 as a surname)
    assert simplified("著名投资人於先生谈乾隆年间") == "著名投资人於先生谈乾隆年间"
    for article in sorted(corpus_dir.glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        assert simplified(text) == text, article.name


def test_characters_simplified_text_uses_too_are_read_in_a_traditional_text() -> None:
    # 於, 夥, 徵 are words of their own in simplified text, but 于, 伙, 征 in a traditional one
    traditional = "關於設立青松創業投資合夥企業(有限合夥)的公告:該基金位於蘇州,徵信良好。"
    assert simplified(traditional) == "关于设立青松创业投资合伙企业(有限合伙)的公告:该基金位于苏州,征信良好。"
    # one traditional name quoted in a simplified text does not make it a traditional text
    quoted = (
        "於先生说,滙豐银行与本市多家机构合作,其中包括青松资本、远山投资和白桦基金等机构。"
        "双方将围绕科技型中小企业的融资需求,在信贷投放、股权投资、债券承销和跨境结算等方面开展合作,"
        "并共同设立规模为二十亿元的产业投资基金,重点投向集成电路、生物医药和新能源等领域。"
    )
    assert simplified(quoted) == quoted.replace("滙豐", "汇丰")  # 於 stays: a surname here
    # a name alone (an id key, an alias) is read the same way
    assert simplified("青松合夥企業") == "青松合伙企业"


def test_a_fund_partnership_in_traditional_characters_is_found_as_in_simplified() -> None:
    text = "青松創業投資合夥企業(有限合夥)完成設立,規模10億元。遠山資本管理有限公司擔任該基金的管理人。"
    traditional = extract(text)
    twin = extract(simplified(text))
    assert [(n.label, simplified(n.name)) for n in traditional.nodes] == [(n.label, n.name) for n in twin.nodes]
    assert ("Fund", "青松創業投資合夥企業(有限合夥)") in {(n.label, n.name) for n in traditional.nodes}
    assert [e.type for e in traditional.edges if e.type == "MANAGES"] == ["MANAGES"]


def test_a_name_found_in_the_copy_is_given_in_the_original_characters() -> None:
    original = "本輪由國家開發銀行領投"
    assert in_original("国家开发银行", simplified(original), original) == "國家開發銀行"
    assert in_original("某某合成名", simplified(original), original) == "某某合成名"  # composed: as it is


def test_a_traditional_article_gives_the_facts_of_its_simplified_twin_in_its_own_characters() -> None:
    traditional = extract(TRADITIONAL)
    twin = extract(simplified(TRADITIONAL))
    assert [(n.id, n.label) for n in traditional.nodes] == [(n.id, n.label) for n in twin.nodes]
    assert [(e.type, e.source, e.target) for e in traditional.edges] == [
        (e.type, e.source, e.target) for e in twin.edges
    ]
    names = {n.label: n.name for n in traditional.nodes if n.label in ("Company", "Person")}
    assert names == {"Company": "星河微電子科技(蘇州)有限公司", "Person": "張明"}
    bank = next(n for n in traditional.nodes if "國家開發銀行" in n.aliases)
    assert "国家开发银行" in bank.aliases  # found by a reader typing either script
    investors = {e.source for e in traditional.edges if e.type == "INVESTED_IN"}
    assert bank.id in investors and len(investors) == 2
    for edge in traditional.edges:
        for evidence in edge.evidence:
            assert evidence.sentence == TRADITIONAL[evidence.start : evidence.end]


def test_one_actor_one_node_whichever_script_an_article_uses(store: FalkorStore, tmp_path: Path) -> None:
    (tmp_path / "traditional.txt").write_text(TRADITIONAL, encoding="utf-8")
    (tmp_path / "simplified.txt").write_text(
        "国家开发银行与星河微电子签署合作协议。星河微电子董事长张明出席。", encoding="utf-8"
    )
    ingest([tmp_path], store)
    rows = store.query(
        "MATCH (n:Institution) WHERE n.name_key CONTAINS $key "
        "OPTIONAL MATCH (a:Article)-[:MENTIONS]->(n) RETURN n.name, count(a)",
        {"key": "国家开发银行"},
    ).rows
    assert len(rows) == 1 and rows[0][1] == 2
    persons = store.query("MATCH (p:Person) RETURN p.name").column(0)
    assert len(persons) == 1 and persons[0] in ("張明", "张明")
