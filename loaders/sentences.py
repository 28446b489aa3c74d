"""Sentence splitting with offsets into the document text."""

from __future__ import annotations

import re

from capgraph.graph.model import Sentence

# A sentence runs to 。！？!?; (with any closing quotes) or to the end of a paragraph line.
_SENTENCE = re.compile(r"[^。！？!?;\n]+(?:[。！？!?;]+[”’」』\")]*)?|[。！？!?;]+")

# Longest sentence passed on (characters). The later stages compare the mentions of a sentence
# with each other, so their time grows with the square of its length: a run without sentence
# ends (a page of text with its punctuation lost, a 3 MB line) is cut into pieces no longer than
# this, at a clause mark when there is one, and extraction stays linear in the input. Real
# sentences are far shorter (the longest in the sample and news corpora: under 500).
MAX_SENTENCE = 1000
_CLAUSE_MARKS = "，,、：:；）) "


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into spans of at most MAX_SENTENCE characters, after a clause mark if possible."""
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS) + 1
        cut = cut if cut > start else limit
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        for start, end in _pieces(text, *match.span()):
            while start < end and text[start] in " \t":
                start += 1
            while end > start and text[end - 1] in " \t":
                end -= 1
            if end > start:
                sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
