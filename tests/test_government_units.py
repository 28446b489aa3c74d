"""A government body's own units named right after it: its general office (办公厅/办公室) and a department
named by nouns and 司/局 — the unit is the actor that issues or speaks."""

from __future__ import annotations

import pytest

from capgraph.loaders.entities import find_mentions
from capgraph.loaders.pipeline import extract_document
from capgraph.loaders.read import read_document
from capgraph.loaders.sentences import split_sentences


def institutions(text: str) -> list[str]:
    return [m.text for m in find_mentions(text, split_sentences(text)) if m.label == "Institution"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("财政部办公厅日前发布通知,部署下一阶段工作。", "财政部办公厅"),
        ("工业和信息化部规划司有关负责人介绍了试点情况。", "工业和信息化部规划司"),
        ("会上,中国人民银行货币政策司司长李明远作了发言。", "中国人民银行货币政策司"),
        ("国家发展改革委创新驱动发展中心与多家银行座谈。", "国家发展改革委"),  # 中心 is no department ending
    ],
)
def test_a_unit_written_after_its_body(text: str, unit: str) -> None:
    assert unit in institutions(text)


@pytest.mark.parametrize(
    "text",
    [
        "科技部局长座谈会在京召开。",  # the ending alone: a word, no named unit
        "财政部下属的一家事业单位发布了报告。",  # words between are no department's name
        "商务部召开新闻发布会。",
    ],
)
def test_no_unit_without_a_named_department(text: str) -> None:
    assert not any(len(name) > 4 and name.endswith(("司", "局", "办公厅")) for name in institutions(text))


def test_another_known_body_after_a_partner_word_is_no_department() -> None:
    found = institutions("中国人民银行会同国家外汇管理局印发通知。")
    assert "中国人民银行" in found and "国家外汇管理局" in found
    assert not any(name.startswith("中国人民银行") and name != "中国人民银行" for name in found)


def test_offices_that_issue_together_each_issue_the_document(tmp_path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "三部门联合印发方案\n近日,科技部办公厅、财政部办公厅、商务部办公厅联合印发《关于推进某某园区建设的实施方案》。",
        encoding="utf-8",
    )
    extraction = extract_document(read_document(path))
    names = {n.id: n.name for n in extraction.nodes}
    issuers = {names[e.source] for e in extraction.edges if e.type == "ISSUED"}
    assert issuers == {"科技部办公厅", "财政部办公厅", "商务部办公厅"}
