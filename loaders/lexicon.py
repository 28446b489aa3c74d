"""Domain knowledge kept as data (data/lexicon, data/gazetteer), loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"


@cache
def lexicon(name: str) -> dict[str, Any]:
    """One YAML file of data/lexicon/ (e.g. lexicon("furniture")), parsed once."""
    with (LEXICON_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


@cache
def gazetteer(name: str) -> Any:
    with (GAZETTEER_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


@cache
def words(name: str, key: str) -> tuple[str, ...]:
    """A list of words from a lexicon file, longest first (so alternations prefer the longest)."""
    return tuple(sorted({str(w) for w in lexicon(name).get(key, []) or []}, key=lambda w: (-len(w), w)))


@cache
def one_of(name: str, key: str) -> str:
    """The words of a lexicon list as the body of a regex alternation (escaped, longest first), for
    building a larger pattern; wrap it in (?:…) where it sits beside other parts."""
    return "|".join(re.escape(w) for w in words(name, key))


@cache
def alternation(name: str, key: str, anchor: str = "") -> re.Pattern[str]:
    """The words of a lexicon list as one compiled regex, longest first ('^' or '$' anchors it)."""
    body = one_of(name, key)
    if anchor == "^":
        return re.compile(f"^(?:{body})")
    if anchor == "$":
        return re.compile(f"(?:{body})$")
    return re.compile(body)


def strip_endings(text: str, endings: Iterable[str]) -> str:
    """Take endings off `text` while one of them (tried in order) ends it and leaves something before it."""
    endings = tuple(endings)
    stripped = True
    while stripped:
        stripped = False
        for ending in endings:
            if text.endswith(ending) and len(text) > len(ending):
                text = text[: -len(ending)]
                stripped = True
                break
    return text
