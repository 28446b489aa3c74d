"""Stable ids: the same entity gets the same id on every run and every machine."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from capgraph.loaders.script import simplified

_PREFIX = {
    "Institution": "ins",
    "Company": "com",
    "Fund": "fun",
    "Policy": "pol",
    "Person": "per",
    "Place": "pla",
    "Sector": "sec",
    "Article": "art",
}


def canonical_key(name: str) -> str:
    """The form two names must share to be the same name (NFKC, simplified characters, no spaces, no 《》)."""
    text = simplified(unicodedata.normalize("NFKC", name))
    return "".join(ch for ch in text if not ch.isspace() and ch not in "《》〈〉“”\"'‘’「」『』")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)  # a pure function asked again for every edge of an entity; bounded, memory stays flat
def entity_id(label: str, name: str) -> str:
    """The id of an entity from its label and name. Extraction passes an actor's registered-name key
    (loaders/registered.py: 深圳市X科技有限公司 and X科技 give one key) so articles that name one actor
    differently meet in one node; any other caller may pass a plain name."""
    return f"{_PREFIX[label]}-{_digest(label + '|' + canonical_key(name))}"


def document_id(text: str) -> str:
    """An article is identified by its normalised text, so re-reading it from another path is a no-op."""
    return f"art-{_digest(text)}"
