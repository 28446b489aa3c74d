"""Extraction of the field's constructions, on small synthetic sentences (not taken from the gold set)."""

from __future__ import annotations

from capgraph.graph.ids import document_id
from capgraph.graph.model import Document, Extraction
from capgraph.graph.schema import endpoints_allowed
from capgraph.loaders.entities import parse_amount
from capgraph.loaders.pipeline import extract_document, to_contract_json


def extract(text: str) -> Extraction:
    return extract_document(Document(document_id(text), "test.txt", text.split("\n")[0], text))


def node(extraction: Extraction, name: str):
    found = [n for n in extraction.nodes if name in n.aliases]
    assert found, f"{name} not found in {[n.name for n in extraction.nodes]}"
    return found[0]


def has_edge(extraction: Extraction, rel_type: str, source: str, target: str) -> bool:
    s, t = node(extraction, source).id, node(extraction, target).id
    return any(e.type == rel_type and e.source == s and e.target == t for e in extraction.edges)


def test_policy_issued_with_document_number() -> None:
    ex = extract("2025年3月,浙江省人民政府办公厅印发《关于加快发展创业投资的实施意见》(浙政办发〔2025〕12号)。")
    policy = node(ex, "关于加快发展创业投资的实施意见")
    assert policy.label == "Policy"
    assert policy.properties["doc_number"] == "浙政办发〔2025〕12号"
    assert has_edge(ex, "ISSUED", "浙江省人民政府办公厅", "关于加快发展创业投资的实施意见")
    assert node(ex, "浙江省人民政府办公厅").properties["kind"] == "government"


def test_manager_named_as_management_team_and_its_parent() -> None:
    ex = extract("华东创业投资引导基金,由国投集团下属国投创合作为管理团队。")
    assert node(ex, "华东创业投资引导基金").label == "Fund"
    assert has_edge(ex, "MANAGES", "国投创合", "华东创业投资引导基金")
    assert has_edge(ex, "SUBSIDIARY_OF", "国投创合", "国投集团")


def test_declared_short_form_and_titled_person() -> None:
    ex = extract("杭州星河科技有限公司(以下简称星河科技)是一家初创企业。日前,星河科技董事长李明远表示,公司将扩产。")
    company = node(ex, "杭州星河科技有限公司")
    assert company.label == "Company"
    assert "星河科技" in company.aliases
    person = node(ex, "李明远")
    assert person.label == "Person"
    edges = [e for e in ex.edges if e.type == "AFFILIATED_WITH" and e.source == person.id]
    assert edges and edges[0].target == company.id and edges[0].properties["title"] == "董事长"


def test_english_name_in_brackets_is_an_alias() -> None:
    ex = extract("云图智能科技有限公司(CloudMap)宣布完成新一轮融资。")
    assert "CloudMap" in node(ex, "云图智能科技有限公司").aliases


def test_fund_established_by_each_partner_with_size() -> None:
    ex = extract(
        "深创投与杭州市创业投资引导基金管理中心、杭州东方控股集团等单位合作成立了规模5亿元的杭州未来产业基金。"
    )
    fund = node(ex, "杭州未来产业基金")
    assert fund.label == "Fund"
    assert fund.properties["amount_cny"] == 5e8
    for founder in ("深创投", "杭州市创业投资引导基金管理中心", "杭州东方控股集团"):
        assert has_edge(ex, "ESTABLISHED", founder, "杭州未来产业基金"), founder


def test_indirect_investment_through_a_fund() -> None:
    ex = extract("华芯资本通过长江芯片产业基金间接参投了上海微核科技有限公司。")
    assert has_edge(ex, "INVESTED_IN", "华芯资本", "上海微核科技有限公司")
    assert has_edge(ex, "INVESTED_IN", "长江芯片产业基金", "上海微核科技有限公司")


def test_units_under_a_group() -> None:
    ex = extract("东方集团旗下东方证券、东方信托和东方资本均已开业。")
    for child in ("东方证券", "东方信托", "东方资本"):
        assert has_edge(ex, "SUBSIDIARY_OF", child, "东方集团"), child


def test_branch_is_subsidiary_of_a_parent_named_on_its_own() -> None:
    ex = extract("中国银行江苏省分行副行长王建国介绍,中国银行将加大科技贷款投放。")
    assert has_edge(ex, "SUBSIDIARY_OF", "中国银行江苏省分行", "中国银行")
    assert has_edge(ex, "AFFILIATED_WITH", "王建国", "中国银行江苏省分行")


def test_byline_authors_and_their_unit() -> None:
    ex = extract("发展耐心资本的几点思考\n\n◎张三丰 李四光\n\n正文第一段。\n\n(作者单位:浙江省发展规划研究院)")
    for author in ("张三丰", "李四光"):
        assert node(ex, author).label == "Person"
        assert has_edge(ex, "AFFILIATED_WITH", author, "浙江省发展规划研究院")


def test_list_of_companies_closed_by_a_class_noun() -> None:
    ex = extract("基金重点投向了飞云科技、蓝鲸智能、星火医药等一批科技企业。")
    for company in ("飞云科技", "蓝鲸智能", "星火医药"):
        assert node(ex, company).label == "Company"


def test_generic_descriptions_are_not_entities() -> None:
    ex = extract("要更好发挥政府引导基金作用,引导社会资本和商业银行加大对科技型企业的支持。")
    assert not [n for n in ex.nodes if n.label in ("Fund", "Institution", "Company")]


def test_amounts_keep_currency() -> None:
    assert parse_amount("规模25亿元")["amount_cny"] == 2.5e9
    assert parse_amount("5000万元")["amount_cny"] == 5e7
    usd = parse_amount("3000万美元")
    assert usd["currency"] == "USD" and usd["amount"] == 3e7 and "amount_cny" not in usd


def test_edges_respect_schema_and_carry_evidence() -> None:
    text = "东方集团旗下东方证券已开业。华东创业投资引导基金,由国投集团下属国投创合作为管理团队。"
    ex = extract(text)
    labels = {n.id: n.label for n in ex.nodes}
    assert ex.edges
    for edge in ex.edges:
        assert endpoints_allowed(edge.type, labels[edge.source], labels[edge.target])
        for evidence in edge.evidence:
            assert text[evidence.start : evidence.end] == evidence.sentence
        assert 0 < edge.confidence <= 1


def test_extraction_is_deterministic_and_merges_across_documents() -> None:
    one = "深创投投资了上海微核科技有限公司。"
    two = "深圳市创新投资集团有限公司领投上海微核科技有限公司。"
    first = to_contract_json([extract(one), extract(two)])
    again = to_contract_json([extract(one), extract(two)])
    assert first == again
    investor = [n for n in first["nodes"] if n["name"] == "深圳市创新投资集团有限公司"]
    assert len(investor) == 1 and len(investor[0]["documents"]) == 2
    edge = [e for e in first["edges"] if e["type"] == "INVESTED_IN"]
    assert len(edge) == 1 and len(edge[0]["evidence"]) == 2


def test_counted_regional_funds_set_up_under_a_parent_fund() -> None:
    ex = extract("5月8日,华东科技创新引导基金启动,苏南创业投资引导基金、皖江创业投资引导基金两只区域基金设立运行。")
    for child in ("苏南创业投资引导基金", "皖江创业投资引导基金"):
        assert node(ex, child).label == "Fund"
        assert has_edge(ex, "ESTABLISHED", "华东科技创新引导基金", child), child


def test_fund_in_company_form_and_funds_referred_to_by_count() -> None:
    ex = extract(
        "西部创新引导基金采用公司制运作模式,设立“西部创新引导基金有限公司”,存续期15年。"
        "成渝创业投资引导基金、关中创业投资引导基金和北部湾创业投资引导基金均已完成注册。"
        "在区域基金层面,引导基金公司通过参股方式,在西部地区发起设立首批三只区域基金。"
    )
    fund = node(ex, "西部创新引导基金")
    assert fund.label == "Fund" and fund.name == "西部创新引导基金"
    assert "西部创新引导基金有限公司" in fund.aliases
    assert "引导基金公司" not in fund.aliases  # an anaphor points at the fund, it does not name it
    for child in ("成渝创业投资引导基金", "关中创业投资引导基金", "北部湾创业投资引导基金"):
        assert has_edge(ex, "ESTABLISHED", "西部创新引导基金", child), child


def test_count_that_does_not_match_a_list_links_nothing() -> None:
    ex = extract(
        "成渝创业投资引导基金、关中创业投资引导基金和北部湾创业投资引导基金均已完成注册。"
        "西部投资集团通过参股方式,发起设立首批两只区域基金。"
    )
    assert not [e for e in ex.edges if e.type == "ESTABLISHED"]


def test_fund_manager_company_is_not_the_fund() -> None:
    ex = extract("南山天使引导基金由南山天使引导基金管理有限公司作为管理人。")
    fund, manager = node(ex, "南山天使引导基金"), node(ex, "南山天使引导基金管理有限公司")
    assert fund.id != manager.id and fund.label == "Fund" and manager.label == "Institution"
    assert has_edge(ex, "MANAGES", "南山天使引导基金管理有限公司", "南山天使引导基金")


def test_founder_then_a_list_of_funds() -> None:
    ex = extract("东湖投资集团发起设立东湖种子基金、东湖天使基金和东湖并购基金。")
    for child in ("东湖种子基金", "东湖天使基金", "东湖并购基金"):
        assert has_edge(ex, "ESTABLISHED", "东湖投资集团", child), child


def test_fund_focuses_on_the_sectors_of_its_clause() -> None:
    ex = extract("华东科创基金聚焦人工智能、集成电路等领域的早期项目,同时关注新能源汽车市场。")
    assert node(ex, "人工智能").label == "Sector"
    assert has_edge(ex, "FOCUSES_ON", "华东科创基金", "人工智能")
    assert has_edge(ex, "FOCUSES_ON", "华东科创基金", "集成电路")
    assert not any(n.name == "新能源汽车" for n in ex.nodes)  # named, but nothing focuses on it


def test_sector_inside_a_name_is_no_focus() -> None:
    ex = extract("北辰资本专注于北辰人工智能产业基金的募集。")
    assert not [e for e in ex.edges if e.type == "FOCUSES_ON"]


def test_located_in_by_name_by_branch_and_by_verb() -> None:
    ex = extract("星河科技有限公司位于杭州市余杭区。中国银行江苏省分行与苏州市科技创新研究院签约。")
    assert has_edge(ex, "LOCATED_IN", "星河科技有限公司", "余杭区")
    assert has_edge(ex, "LOCATED_IN", "余杭区", "杭州")
    assert node(ex, "杭州").label == "Place" and "杭州市" in node(ex, "杭州").aliases
    assert has_edge(ex, "LOCATED_IN", "中国银行江苏省分行", "江苏")
    assert has_edge(ex, "LOCATED_IN", "苏州市科技创新研究院", "苏州")
    assert not any(n.name == "中国" for n in ex.nodes)  # 中国银行 is a brand, not a place
    for edge in ex.edges:
        assert edge.evidence and edge.evidence[0].sentence


def test_company_name_right_before_a_long_title() -> None:
    ex = extract("日前,蓝海软件高级副总裁、星云数据董事长赵文博表示,公司将加大研发。")
    assert node(ex, "蓝海软件").label == "Company"
    assert has_edge(ex, "AFFILIATED_WITH", "赵文博", "星云数据")


def test_descriptions_of_a_field_or_a_class_are_no_names() -> None:
    ex = extract(
        "目前已有8家人工智能产业链公司上市,拥有多家国家级及省级专精特新企业以及2家上市公司。"
        "要强化信贷、股权投资、融资担保等机构合作,市天使基金对单个企业给予支持,并拓宽基金退出渠道。"
    )
    assert not [n for n in ex.nodes if n.label in ("Fund", "Institution", "Company")], [n.name for n in ex.nodes]


def test_holding_group_is_an_investor_and_bare_aliases_need_a_name() -> None:
    ex = extract("江城控股集团与上海证券交易所签署合作协议。")
    assert node(ex, "江城控股集团").properties["kind"] == "investor"
    assert "证券交易所" not in node(ex, "上海证券交易所").aliases
