"""Pathological input: one huge line without sentence ends costs about what normal text of its size does.

    .venv/bin/python bench/pathological.py [--mb 3] [--uncapped]

Normal text: the package's sample articles repeated to the size asked (UTF-8 megabytes). The
pathological text: the same characters with every sentence end, comma and line break removed, so
the whole input is one line with no punctuation. Both are extracted in this process, one after
the other; the line is the ratio of their times (target ≤ 2). `--uncapped` also runs the line
with the sentence cap lifted (loaders/sentences.MAX_SENTENCE), which is how it ran before: slow.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import capgraph
from capgraph.graph.ids import document_id
from capgraph.graph.model import Document
from capgraph.loaders import sentences
from capgraph.loaders.pipeline import extract_document

CORPUS = Path(capgraph.__file__).parent / "data" / "corpus"
_PUNCTUATION = re.compile(r"[。！？!?;；，,、：:“”（）()\s]")


def texts(megabytes: float) -> tuple[str, str]:
    sample = "\n\n".join(path.read_text(encoding="utf-8").strip() for path in sorted(CORPUS.glob("*.txt")))
    chars = int(megabytes * 1_000_000 / 3)  # Chinese text: three UTF-8 bytes a character
    normal = (sample + "\n\n") * (chars // len(sample) + 1)
    line = _PUNCTUATION.sub("", normal)
    return normal[:chars], line[:chars]


def extract_seconds(text: str) -> float:
    document = Document(id=document_id(text), path="bench", title="bench", text=text)
    started = time.perf_counter()
    extract_document(document)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="size of each text in UTF-8 megabytes")
    parser.add_argument("--uncapped", action="store_true", help="also time the line without the sentence cap")
    args = parser.parse_args()
    normal, line = texts(args.mb)
    extract_seconds(normal[:5000])  # load the lexicons and name model outside the timings
    normal_s = extract_seconds(normal)
    line_s = extract_seconds(line)
    print(f"{args.mb:g} MB each: normal text {normal_s:.2f} s, one line without punctuation {line_s:.2f} s")
    if args.uncapped:
        capped, sentences.MAX_SENTENCE = sentences.MAX_SENTENCE, len(line) + 1
        try:
            uncapped_s = extract_seconds(line)
        finally:
            sentences.MAX_SENTENCE = capped
        print(f"  the line without the sentence cap: {uncapped_s:.2f} s ({uncapped_s / normal_s:.1f}× normal)")
    print(f"ratio line/normal = {line_s / normal_s:.2f} (target ≤ 2)")


if __name__ == "__main__":
    main()
