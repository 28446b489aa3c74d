"""The field's constructions on whole articles written for these tests (tests/fixtures/articles/, not gold).

Each article is a short, realistic piece of this field's news; the facts below are what an analyst reads in
it, written by hand. They guard the general rules (financing rounds, 由X管理, 出资设立, 子公司, 战略合作协议),
not any one sentence of the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from capgraph.graph.model import Extraction
from capgraph.loaders.pipeline import extract_document, read_document

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

# article → (entities as (label, name, kind or None), relations as (type, source, target))
EXPECTED: dict[str, tuple[list[tuple[str, str, str | None]], list[tuple[str, str, str]]]] = {
    "financing_round.txt": (
        [
            ("Company", "苏州星芯半导体科技有限公司", None),
            ("Company", "杭州云脉智能科技有限公司", None),
            ("Company", "北京启元生物医药有限公司", None),
            ("Institution", "红杉中国", "investor"),
            ("Institution", "元禾原点", "investor"),
            ("Institution", "君联资本", "investor"),
            ("Institution", "深创投", "investor"),
            ("Institution", "中金资本", "investor"),
            ("Person", "王振宇", None),
        ],
        [
            ("INVESTED_IN", "红杉中国", "星芯半导体"),
            ("INVESTED_IN", "元禾原点", "星芯半导体"),
            ("INVESTED_IN", "君联资本", "星芯半导体"),
            ("INVESTED_IN", "深创投", "星芯半导体"),
            ("INVESTED_IN", "高瓴创投", "杭州云脉智能科技有限公司"),
            ("INVESTED_IN", "中金资本", "北京启元生物医药有限公司"),
            ("INVESTED_IN", "国投创合", "成都天穹航天科技有限公司"),
            ("INVESTED_IN", "达晨财智", "成都天穹航天科技有限公司"),
            ("INVESTED_IN", "同创伟业", "成都天穹航天科技有限公司"),
            ("INVESTED_IN", "湖北高投", "武汉光谷芯测科技有限公司"),
            ("INVESTED_IN", "松禾资本", "武汉光谷芯测科技有限公司"),
            ("AFFILIATED_WITH", "王振宇", "星芯半导体"),
        ],
    ),
    "angel_fund.txt": (
        [
            ("Fund", "合肥市天使投资母基金", None),
            ("Fund", "合肥科创成长基金", None),
            ("Policy", "合肥市天使投资基金管理办法", None),
            ("Institution", "合肥市人民政府办公室", "government"),
            ("Institution", "合肥市创新投资集团有限公司", "investor"),
            ("Institution", "合肥市产业投资控股(集团)有限公司", "investor"),
            ("Institution", "合肥市国有资本运营有限公司", "investor"),
            ("Institution", "国元股权投资有限公司", "investor"),
            ("Person", "李晓峰", None),
        ],
        [
            ("ISSUED", "合肥市人民政府办公室", "合肥市天使投资基金管理办法"),
            ("MANAGES", "合肥创投", "合肥市天使投资母基金"),
            ("ESTABLISHED", "合肥市产业投资控股(集团)有限公司", "合肥市天使投资母基金"),
            ("SUBSIDIARY_OF", "合肥创投", "合肥市产业投资控股(集团)有限公司"),
            ("ESTABLISHED", "合肥市国有资本运营有限公司", "合肥科创成长基金"),
            ("INVESTED_IN", "合肥市国有资本运营有限公司", "合肥科创成长基金"),
            ("MANAGES", "国元股权投资有限公司", "合肥科创成长基金"),
            ("AFFILIATED_WITH", "李晓峰", "合肥创投"),
            ("SUBSIDIARY_OF", "合肥兴泰融资担保有限公司", "合肥市产业投资控股(集团)有限公司"),
        ],
    ),
    "bank_measures.txt": (
        [
            ("Institution", "中国银行上海市分行", "financial"),
            ("Institution", "中国银行上海张江支行", "financial"),
            ("Institution", "招商银行上海分行", "financial"),
            ("Institution", "上海科技创新投资集团有限公司", "investor"),
            ("Institution", "上海浦东科技创新投资有限公司", "investor"),
            ("Institution", "上海创业接力投资管理有限公司", "investor"),
            ("Person", "陈立军", None),
        ],
        [
            ("PARTNERED_WITH", "中国银行上海市分行", "上海科创集团"),
            ("PARTNERED_WITH", "招商银行上海分行", "上海浦东科技创新投资有限公司"),
            ("AFFILIATED_WITH", "陈立军", "中国银行上海市分行"),
            ("SUBSIDIARY_OF", "上海创业接力投资管理有限公司", "上海科创集团"),
        ],
    ),
    "ministry_policy.txt": (
        [
            ("Institution", "工业和信息化部", "government"),
            ("Institution", "财政部", "government"),
            ("Policy", "关于加快推动制造业数字化转型的实施意见", None),
            ("Company", "常州云帆智能装备有限公司", None),
            ("Institution", "国家开发银行江苏省分行", "financial"),
            ("Institution", "中国工商银行江苏省分行", "financial"),
        ],
        [
            ("ISSUED", "工业和信息化部", "关于加快推动制造业数字化转型的实施意见"),
            ("ISSUED", "财政部", "关于加快推动制造业数字化转型的实施意见"),
            ("INVESTED_IN", "常州国光控股集团有限公司", "常州云帆智能装备有限公司"),
            ("SUBSIDIARY_OF", "常州云帆智能装备有限公司", "常州国光控股集团有限公司"),
        ],
    ),
}

# Facts the articles do not state: a bank financing a capital increase is no investor in the company;
# a parent is not its subsidiary's branch; partners listed after 与 are not partners of each other.
NOT_EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "ministry_policy.txt": [
        ("INVESTED_IN", "中国工商银行江苏省分行", "常州云帆智能装备有限公司"),
        ("SUBSIDIARY_OF", "常州国光控股集团有限公司", "国家开发银行江苏省分行"),
    ],
    "financing_round.txt": [
        ("INVESTED_IN", "红杉中国", "杭州云脉智能科技有限公司"),
        ("INVESTED_IN", "国投创合", "武汉光谷芯测科技有限公司"),
    ],
}


def _extract(name: str) -> Extraction:
    doc = read_document(ARTICLES / name)
    assert not hasattr(doc, "reason"), doc
    return extract_document(doc)  # type: ignore[arg-type]


def _node(ex: Extraction, name: str):
    found = [n for n in ex.nodes if name in n.aliases]
    assert found, f"{name} not found in {sorted(n.name for n in ex.nodes)}"
    return found[0]


def _has(ex: Extraction, rel_type: str, source: str, target: str) -> bool:
    s, t = _node(ex, source).id, _node(ex, target).id
    return any(
        e.type == rel_type and (e.source, e.target) in {(s, t), (t, s) if rel_type == "PARTNERED_WITH" else (s, t)}
        for e in ex.edges
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_entities_of_article(name: str) -> None:
    ex = _extract(name)
    for label, entity, kind in EXPECTED[name][0]:
        node = _node(ex, entity)
        assert node.label == label, (entity, node.label)
        if kind is not None:
            assert node.properties.get("kind") == kind, (entity, node.properties)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_relations_of_article(name: str) -> None:
    ex = _extract(name)
    missing = [fact for fact in EXPECTED[name][1] if not _has(ex, *fact)]
    assert not missing, missing
    spurious = [fact for fact in NOT_EXPECTED.get(name, []) if _has(ex, *fact)]
    assert not spurious, spurious


def test_every_relation_has_evidence_in_its_article() -> None:
    for name in EXPECTED:
        ex = _extract(name)
        for edge in ex.edges:
            if edge.type == "MENTIONS":
                continue
            for evidence in edge.evidence:
                assert ex.document.text[evidence.start : evidence.end] == evidence.sentence


def test_contribution_and_first_close_amounts_are_parsed() -> None:
    ex = _extract("angel_fund.txt")
    fund = _node(ex, "合肥科创成长基金").id
    invested = [e for e in ex.edges if e.type == "INVESTED_IN" and e.target == fund]
    assert invested and invested[0].properties.get("amount_cny") == 1e9
    mother = _node(ex, "合肥市天使投资母基金").id
    established = [e for e in ex.edges if e.type == "ESTABLISHED" and e.target == mother]
    assert established and established[0].properties.get("amount_cny") == 2e9
