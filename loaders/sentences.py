"""Sentence splitting with offsets into the document text."""

from __future__ import annotations

import re

from capgraph.graph.model import Sentence

# A sentence runs to 。！？!?; (with any closing quotes) or to the end of a paragraph line.
_SENTENCE = re.compile(r"[^。！？!?;\n]+(?:[。！？!?;]+[”’」』\")]*)?|[。！？!?;]+")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
