"""Trigger words are read once per document and dealt out to sentences: the same words as reading each
sentence alone, also where a word of the vocabulary runs over a sentence's end."""

from __future__ import annotations

from capgraph.loaders.relations import Context, _triggers
from capgraph.loaders.sentences import split_sentences

TEXT = "甲乙科技宣布完成新一轮融资。丙丁资本领投,戊己基金跟投。庚辛公司表示将继续投资。完成。投资人未披露金额。"


def _alone(vocabulary: tuple[str, ...]) -> list[list[tuple[int, int, str]]]:
    return [_triggers(sentence, vocabulary) for sentence in split_sentences(TEXT)]


def _dealt(vocabulary: tuple[str, ...]) -> list[list[tuple[int, int, str]]]:
    sentences = split_sentences(TEXT)
    ctx = Context(TEXT, sentences, [], lambda mention: None)  # type: ignore[arg-type,return-value]
    return [_triggers(sentence, vocabulary, ctx) for sentence in sentences]


def test_the_same_triggers_as_each_sentence_alone() -> None:
    vocabulary = ("领投", "跟投", "投资", "完成", "融资")
    assert _dealt(vocabulary) == _alone(vocabulary)
    assert [word for found in _dealt(vocabulary) for _s, _e, word in found].count("投资") == 2


def test_a_word_over_a_sentence_end_leaves_the_shorter_word_inside() -> None:
    vocabulary = ("融资。丙丁", "完成。投资", "融资", "投资", "完成")  # longest first, as the lexicon gives them
    assert _dealt(vocabulary) == _alone(vocabulary)
    assert any(word == "融资" for found in _dealt(vocabulary) for _s, _e, word in found)
