"""The key two entity names share when they may name one thing (quality/duplicates).

Computed at write time and stored on every entity (`name_key`, indexed; `alias_keys` for every
alias), so finding suspected duplicates is one grouping over the entities, not a comparison of
every pair: the canonical form of the name (graph.ids.canonical_key) with its legal-form ending
(股份有限公司, 有限公司, 集团 …, data/lexicon/legal_forms.yaml) stripped.
"""

from __future__ import annotations

from capgraph.loaders.lexicon import strip_endings, words

from .ids import canonical_key


def name_key(name: str) -> str:
    return strip_endings(canonical_key(name), words("legal_forms", "endings"))


def alias_keys(names: list[str]) -> list[str]:
    return list(dict.fromkeys(name_key(name) for name in names))
