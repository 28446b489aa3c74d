"""Bylines: several names after one role, each set off by a space; an outlet's newsroom words before 记者."""

from __future__ import annotations

import pytest

from capgraph.loaders.entities import find_mentions
from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.read import read_document
from capgraph.loaders.sentences import split_sentences


def persons(text: str) -> list[str]:
    return [m.text for m in find_mentions(text, split_sentences(text)) if m.label == "Person"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("通讯员 李青 王晓川 赵一鸣\n本市一家芯片企业完成融资。", ["李青", "王晓川", "赵一鸣"]),
        ("记者 周末 陈思远\n某某基金近日完成设立。", ["周末", "陈思远"]),
        ("本报记者 孙立 刘婉清 北京报道\n某某基金近日完成设立。", ["孙立", "刘婉清"]),
    ],
)
def test_every_name_after_a_byline_role(text: str, names: list[str]) -> None:
    assert set(names) <= set(persons(text))


def test_a_place_after_the_names_is_no_name() -> None:
    assert "深圳" not in persons("记者 王强 深圳报道\n某某基金近日完成设立。")


@pytest.mark.parametrize(
    ("text", "reporter", "outlet"),
    [
        ("(北岭晨报融媒体记者 王小川)\n本市一家芯片企业完成新一轮融资。", "王小川", "北岭晨报"),
        ("东江财经全媒体记者李青禾 深圳报道\n某市引导基金近日完成设立。", "李青禾", "东江财经全媒体"),
    ],
)
def test_a_reporter_of_a_named_outlet(tmp_path, text: str, reporter: str, outlet: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("标题\n" + text, encoding="utf-8")
    extraction = extract_document(read_document(path))
    names = {n.id: n.name for n in extraction.nodes}
    affiliated = {(names[e.source], names[e.target]) for e in extraction.edges if e.type == "AFFILIATED_WITH"}
    assert (reporter, outlet) in affiliated
