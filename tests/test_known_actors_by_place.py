"""A known actor registered with its place is found only with that place: without it, the rest of its
name may be what any place's platform is called (某市产业发展集团, 某市建设投资集团, 某某电气集团)."""

from __future__ import annotations

import pytest

from capgraph.loaders.registered import known_actor_of


@pytest.mark.parametrize(
    "name",
    [
        "上海电气集团股份有限公司",  # not 哈尔滨电气集团
        "合肥市产业发展集团有限公司",  # not 无锡产业发展集团
        "山西建设投资集团有限公司",  # not 河北建设投资集团
        "合肥市包河区科创集团",
    ],
)
def test_another_place_names_another_actor(name: str) -> None:
    known = known_actor_of(name)
    assert known is None or known.canonical.startswith(name[:2])


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("无锡产业发展集团有限公司", "无锡产业发展集团有限公司"),
        ("河北建设投资集团有限责任公司", "河北建设投资集团有限责任公司"),
        ("北京字节跳动科技有限公司", "字节跳动"),  # a brand registered with a seat is still the brand
        ("中国工商银行股份有限公司", "中国工商银行"),
    ],
)
def test_the_same_actor_with_or_without_its_legal_form(name: str, canonical: str) -> None:
    known = known_actor_of(name)
    assert known is not None and known.canonical == canonical
