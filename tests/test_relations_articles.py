"""Relations on whole hand-written articles through the full pipeline (tests/fixtures/articles, invented names):
a fund set up by partners 分别 (each partner its own fund), a state capital group's fund with its LPs,
manager and subsidiaries. Only relations are checked here; test_extract_general.py checks entities too."""

from __future__ import annotations

from pathlib import Path

import pytest

from capgraph.graph.model import Extraction
from capgraph.loaders.pipeline import extract_document, read_document

ARTICLES = Path(__file__).parent / "fixtures" / "articles"

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "fund_partners.txt": [
        ("ESTABLISHED", "湖州市产业投资引导基金", "湖州华岳产业基金"),
        ("ESTABLISHED", "湖州市产业投资引导基金", "湖州科创孵化母基金"),
        ("ESTABLISHED", "湖州市产业投资引导基金", "湖州东麓新兴产业基金"),
        ("INVESTED_IN", "湖州市产业投资引导基金", "湖州东麓新兴产业基金"),
        ("ESTABLISHED", "华岳资本管理有限公司", "湖州华岳产业基金"),
        ("ESTABLISHED", "东麓投资有限公司", "湖州东麓新兴产业基金"),
        ("ESTABLISHED", "湖州市财政局", "湖州市产业投资引导基金"),
        ("INVESTED_IN", "湖州市财政局", "湖州市产业投资引导基金"),
        ("MANAGES", "湖州市产业投资集团有限公司", "湖州市产业投资引导基金"),
        ("AFFILIATED_WITH", "宋启明", "湖州市产业投资集团有限公司"),
    ],
    "state_capital_group.txt": [
        ("MANAGES", "南江海岳股权投资管理有限公司", "南江市创新风险投资合伙企业(有限合伙)"),
        ("INVESTED_IN", "南江科技产业化集团有限公司", "南江市创新风险投资合伙企业(有限合伙)"),
        ("INVESTED_IN", "南江市鼎元投资合伙企业(有限合伙)", "南江市创新风险投资合伙企业(有限合伙)"),
        ("INVESTED_IN", "南江海岳股权投资管理有限公司", "南江市创新风险投资合伙企业(有限合伙)"),
        ("SUBSIDIARY_OF", "南江科技产业化集团有限公司", "南江科技集团有限公司"),
        ("SUBSIDIARY_OF", "南江海岳股权投资管理有限公司", "南江科技集团有限公司"),
        ("AFFILIATED_WITH", "许青山", "南江科技集团有限公司"),
    ],
}

NOT_EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    # 分别: each partner set up its own fund, not every fund
    "fund_partners.txt": [("ESTABLISHED", "华岳资本管理有限公司", "湖州东麓新兴产业基金")],
    "state_capital_group.txt": [("SUBSIDIARY_OF", "南江科技集团有限公司", "南江海岳股权投资管理有限公司")],
}


def _extract(name: str) -> Extraction:
    doc = read_document(ARTICLES / name)
    assert not hasattr(doc, "reason"), doc
    return extract_document(doc)  # type: ignore[arg-type]


def _has(ex: Extraction, rel_type: str, source: str, target: str) -> bool:
    names = {n.id: {n.name, *n.aliases} for n in ex.nodes}
    return any(
        e.type == rel_type and source in names.get(e.source, ()) and target in names.get(e.target, ()) for e in ex.edges
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_relations_of_article(name: str) -> None:
    ex = _extract(name)
    missing = [fact for fact in EXPECTED[name] if not _has(ex, *fact)]
    assert not missing, missing
    spurious = [fact for fact in NOT_EXPECTED.get(name, []) if _has(ex, *fact)]
    assert not spurious, spurious
