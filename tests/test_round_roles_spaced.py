"""A round's roles written with a space instead of a comma (A、B领投 C跟投): the names after the space are
co-investors of the round's company, never companies the lead investors invested in."""

from __future__ import annotations

import pytest

from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.read import read_document


def investments(tmp_path, text: str) -> set[tuple[str, str]]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(read_document(path))
    names = {n.id: n.name for n in extraction.nodes}
    return {(names[e.source], names[e.target]) for e in extraction.edges if e.type == "INVESTED_IN"}


@pytest.mark.parametrize(
    "text",
    [
        "星云智能完成A轮融资\n星云智能近日完成A轮融资。本轮融资由IDG资本、经纬创投领投 君联资本跟投。",
        "星云智能完成A轮融资\n星云智能近日完成A轮融资,由IDG资本、经纬创投联合领投\u3000君联资本跟投。",
    ],
)
def test_co_investors_after_a_space(tmp_path, text: str) -> None:
    found = investments(tmp_path, text)
    investors = {source for source, target in found if target == "星云智能"}
    assert {"IDG资本", "君联资本"} <= investors
    assert not {(s, t) for s, t in found if t == "君联资本"}
