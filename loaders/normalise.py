"""Text normalisation: Unicode, web furniture, whitespace, and lines the source broke apart.

Everything downstream (offsets, evidence) points into the text this stage returns.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .lexicon import lexicon

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
_SENTENCE_END = "。！？!?;；:：”’」』)）】…"
_HEADLINE_GAP = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_LONG_LINE = 40  # a line this long without a sentence end was broken by the source (a page break)
# A space beside a clause mark in Chinese text says nothing (、 张三、 李四 in a repost) and
# splits names and constructions apart.
_SPACE_BY_MARK = re.compile(
    r"(?<=[、。])\s+|(?<=[\u4e00-\u9fff”)][,;:!?])\s+|(?<=[,;:!?])\s+(?=[\u4e00-\u9fff“])"
    r"|(?<=[\u4e00-\u9fff])\s+(?=[、,;:。!?])"
)
# Hard-wrapped text (a PDF's or an e-mail's lines): most lines break at one width.
_WRAP_MIN_LINES = 4
_WRAP_SHARE = 0.5
_WRAP_MIN_WIDTH = 16
_WRAP_END = "。！？!?…"  # at the wrap width only these end a paragraph; a bracket or a colon falls there by chance


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def strip_furniture(lines: list[str]) -> list[str]:
    data = lexicon("furniture")
    cuts: list[str] = data.get("cut", [])
    prefixes: list[str] = data.get("line_prefix", [])
    exact = set(data.get("line_exact", []))
    out: list[str] = []
    for line in lines:
        for cut in cuts:
            if cut in line:
                line = line.replace(cut, "")
        for prefix in prefixes:
            at = line.find(prefix)
            if at != -1:
                line = line[:at]
        if line.strip() in exact:
            line = ""
        out.append(line)
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at: the line length most long lines share (one less
    counts too, where a wide character did not fit; a line may also run longer, where NFKC spelt
    out a mark: … as ...); None if it was not wrapped."""
    lengths = Counter(len(line) for line in lines if len(line) >= _WRAP_MIN_WIDTH)
    if not lengths:
        return None
    width, _ = max(lengths.items(), key=lambda item: (item[1] + lengths.get(item[0] - 1, 0), item[0]))
    at_width = lengths[width] + lengths.get(width - 1, 0)
    if at_width >= _WRAP_MIN_LINES and at_width >= _WRAP_SHARE * lengths.total():
        return width
    return None


def rejoin_broken_lines(lines: list[str]) -> list[str]:
    """Join text the source split one character per line, mid-sentence at a page break, or at a
    fixed width (hard-wrapped text).

    `lines` has no blank lines; a run of one-character lines is glued to the line before and after.
    """
    wrapped_at = wrap_width(lines)
    out: list[str] = []
    glue_next = False
    for line in lines:
        single = len(line) == 1
        if out and (glue_next or single):
            out[-1] += line
        else:
            out.append(line)
        last = out[-1]
        # glue the following line when this one is a lone character or a long line cut mid-sentence
        glue_next = single or (
            len(last) >= _LONG_LINE
            and _is_cjk(last[-1])
            and last[-1] not in _SENTENCE_END
            and not _HEADLINE_GAP.search(last)  # 某某完成融资 新产线开工: a headline's clauses set apart by a space
        )
        if wrapped_at is not None and len(line) >= wrapped_at - 1 and line[-1] not in _WRAP_END:
            glue_next = True  # a line that ran to the wrap width and did not end a sentence
    return out


def normalise_text(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACE_BY_MARK.sub("", _SPACES.sub(" ", line)).strip() for line in text.split("\n")]
    lines = [line.strip() for line in strip_furniture(lines)]
    kept = rejoin_broken_lines([line for line in lines if line])
    return "\n\n".join(kept)


def first_meaningful_line(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if sum(1 for ch in line if _is_cjk(ch) or ch.isalpha()) >= 4:
            return line[:200]
    return ""
