"""Extraction speed against jieba.lcut on the same text, and memory as the input grows.

    .venv/bin/python bench/extract_speed.py [--mb 3] [--rounds 3] [--ner rjieba|lac|hybrid|off]

The sample articles (data/corpus) are repeated to about --mb megabytes of UTF-8 text. Both jieba.lcut
and capgraph's extraction (read → … → resolve, no database) run on the same articles in this process,
in alternating rounds; the ratio capgraph MB/s ÷ jieba MB/s, each from its fastest round of CPU time
(the machine is shared: wall time swings with the neighbours' load, CPU time much less), must be ≥ 0.5
in the default mode (issue 8; --ner picks the name model; every model runs on one thread).
Memory: peak traced allocation while extracting article by article at 1× and 4× the input — flat means
extraction does not accumulate.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from capgraph.graph.model import Document
from capgraph.loaders import ner
from capgraph.loaders.pipeline import extract_document, read_document

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def sample_documents() -> list[Document]:
    docs = [read_document(p) for p in sorted(CORPUS.glob("*.txt"))]
    return [d for d in docs if isinstance(d, Document)]


def repeated(docs: list[Document], megabytes: float) -> list[Document]:
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    copies = max(1, round(megabytes * 1e6 / size))
    return [d for _ in range(copies) for d in docs]


def megabytes(docs: list[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in docs) / 1e6


def time_jieba(docs: list[Document]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # dictionary loading is start-up, not throughput
    start = time.process_time()
    for doc in docs:
        jieba.lcut(doc.text)
    return time.process_time() - start


def time_capgraph(docs: list[Document]) -> float:
    extract_document(docs[0])  # loading the lexicon, the automata and the model is start-up
    start = time.process_time()
    for doc in docs:
        extract_document(doc)
    return time.process_time() - start


def peak_memory(docs: list[Document]) -> int:
    tracemalloc.start()
    for doc in docs:
        extract_document(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of text to process (default 3)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds (default 3)")
    parser.add_argument(
        "--ner", choices=ner.MODES, default=ner.DEFAULT_MODE, help=f"name model (default {ner.DEFAULT_MODE})"
    )
    args = parser.parse_args()
    ner.set_mode(args.ner)
    print(f"name model: {args.ner}")
    base = sample_documents()
    docs = repeated(base, args.mb)
    size = megabytes(docs)
    jieba_seconds = capgraph_seconds = float("inf")
    for _ in range(max(1, args.rounds)):
        jieba_seconds = min(jieba_seconds, time_jieba(docs))
        capgraph_seconds = min(capgraph_seconds, time_capgraph(docs))
    jieba_rate, capgraph_rate = size / jieba_seconds, size / capgraph_seconds
    print(f"input: {size:.2f} MB ({len(docs)} articles)")
    print(f"jieba.lcut:          {jieba_rate:.3f} MB/s ({jieba_seconds:.2f} s CPU, best of {args.rounds})")
    print(f"capgraph extraction: {capgraph_rate:.3f} MB/s ({capgraph_seconds:.2f} s CPU, best of {args.rounds})")
    print(f"ratio capgraph/jieba = {capgraph_rate / jieba_rate:.2f} (target >= 0.5 in the default mode)")
    one = repeated(base, 0.25)
    four = one * 4
    peak_one, peak_four = peak_memory(one), peak_memory(four)
    print(
        f"peak traced memory: {peak_one / 1e6:.1f} MB at {megabytes(one):.2f} MB input, "
        f"{peak_four / 1e6:.1f} MB at {megabytes(four):.2f} MB input (growth x{peak_four / peak_one:.2f})"
    )


if __name__ == "__main__":
    main()
