"""Entity shapes that fail on unseen articles (issue 8), each on sentences written for these tests
(invented names; no gold or news text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from capgraph.graph.model import Mention
from capgraph.loaders.entities import find_mentions
from capgraph.loaders.pipeline import extract_document, read_document
from capgraph.loaders.sentences import split_sentences


def mentions(text: str) -> list[Mention]:
    return find_mentions(text, split_sentences(text))


def named(text: str, label: str) -> set[str]:
    return {m.text for m in mentions(text) if m.label == label}


@pytest.fixture(params=["off", "rjieba"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CAPGRAPH_NER", request.param)
    return request.param


# --- persons ----------------------------------------------------------------------------------------


def test_civil_service_ranks_and_spokespersons_are_titles(mode: str) -> None:
    text = (
        "某省财政厅党组副书记、一级巡视员邵明川,市发改委副巡视员柳青岩出席。"
        "市金融局新闻发言人邹立新表示,将加快设立母基金。"
    )
    assert {"邵明川", "柳青岩", "邹立新"} <= named(text, "Person")


def test_a_titled_name_then_a_verb_of_signing(mode: str) -> None:
    text = "某某银行江州分行副行长卢志远签约,双方代表见证。"
    assert "卢志远" in named(text, "Person")


def test_a_name_before_its_title(mode: str) -> None:
    text = "市政府韩立新副市长听取汇报,常务副市长出席会议,全市副市长名单公布,集团党委书记主持。"
    persons = named(text, "Person")
    assert "韩立新" in persons
    assert not persons & {"常务", "全市", "党委", "府韩立新"}


def test_more_byline_roles_and_a_name_spaced_for_layout(mode: str) -> None:
    text = "正文第一句。\n(图文/潘一舟 编审/萧若 编辑:方 远)\n"
    found = {m.text: m for m in mentions(text) if m.label == "Person"}
    assert {"潘一舟", "萧若", "方 远"} <= set(found)
    assert found["方 远"].properties["canonical"] == "方远"


def test_the_outlet_and_reporter_of_a_source_line_are_extracted(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "某市设立天使投资母基金\n2024-09-30 10:52:00 来源:江城晨报 作者:岳明涛\n某市人民政府设立天使投资母基金。\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    names = {(n.label, n.name) for n in extract_document(doc).nodes}
    assert ("Institution", "江城晨报") in names and ("Person", "岳明涛") in names
