"""The entity stage: proposers → one typer → one selector.

Each proposer (a module here) reads the text and emits candidate spans with their evidence; the
typer (typing.py) decides each candidate's label and Institution kind; the selector (select.py)
keeps the best non-overlapping set. A proposer can be switched off alone: `disabled=` below, or the
setting CAPGRAPH_PROPOSERS_OFF=model,lists.

    find_mentions(text, sentences) -> list[Mention]      what the pipeline calls
    propose(text) -> list[Candidate]                     every proposer's candidates, with evidence
    propose_typed(text) -> list[Candidate]               the same after the typer
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cached_property

from capgraph.graph.model import Mention, Sentence

from ..lexicon import words
from ..ner import NameSpan, tagger
from .amounts import parse_amount
from .brands import find_brands
from .candidate import RANK, Candidate, SentenceIndex
from .funds import find_funds
from .investors import find_investors
from .known import find_known
from .listed import find_listed_companies
from .lists import find_co_listed, find_list_items
from .media import find_media
from .model import find_model_names
from .persons import find_persons
from .platforms import find_quoted_platforms
from .policies import find_policies
from .related import find_related_names
from .select import select_mentions
from .shortnames import find_weak_companies
from .suffixes import find_organisations
from .typing import type_candidate

__all__ = [
    "RANK",
    "PROPOSERS",
    "Candidate",
    "SentenceIndex",
    "find_mentions",
    "parse_amount",
    "propose",
    "propose_typed",
    "select_mentions",
]


@dataclass
class Proposal:
    """What proposers share while reading one text: the gazetteer's name ends, the model's spans,
    and the candidates proposed so far (lists decide with them)."""

    text: str
    candidates: list[Mention] = field(default_factory=list)

    @cached_property
    def known_ends(self) -> set[int]:
        return {m.end for m in self.candidates if m.source == "gazetteer"}

    @cached_property
    def model_spans(self) -> list[NameSpan]:
        return tagger().tag(self.text)


# In order: gazetteer first (others step back where it knows a name), lists last (they see the rest).
PROPOSERS: dict[str, Callable[[Proposal], list[Mention]]] = {
    "gazetteer": lambda p: find_known(p.text),
    "suffixes": lambda p: find_organisations(p.text, p.known_ends),
    "funds": lambda p: find_funds(p.text, p.known_ends),
    "policies": lambda p: find_policies(p.text, p.known_ends),
    "shortnames": lambda p: find_weak_companies(p.text, p.known_ends),
    "platforms": lambda p: find_quoted_platforms(p.text),
    "listed": lambda p: find_listed_companies(p.text, p.known_ends),
    "media": lambda p: find_media(p.text, p.known_ends),
    "investors": lambda p: find_investors(p.text, p.known_ends),
    "related": lambda p: find_related_names(p.text, p.known_ends),
    "persons": lambda p: find_persons(p.text, p.model_spans),
    "model": lambda p: find_model_names(p.text, [s for s in p.model_spans if s.tag in tagger().trusted]),
    "brands": lambda p: find_brands(p.text, p.candidates),
    "lists": lambda p: find_list_items(p.text, p.candidates),
    "colisted": lambda p: find_co_listed(p.text, p.candidates),
}


def disabled_by_setting() -> set[str]:
    return {n.strip() for n in os.environ.get("CAPGRAPH_PROPOSERS_OFF", "").split(",") if n.strip()}


def propose(text: str, disabled: Collection[str] | None = None) -> list[Candidate]:
    off = disabled_by_setting() if disabled is None else set(disabled)
    proposal = Proposal(text)
    candidates: list[Candidate] = []
    for name, proposer in PROPOSERS.items():
        if name in off:
            continue
        for mention in proposer(proposal):
            why = str(mention.properties.pop("why", "") or "")
            candidates.append(Candidate(mention, name, why))
            proposal.candidates.append(mention)
    return candidates


def propose_typed(text: str, disabled: Collection[str] | None = None) -> list[Candidate]:
    """Every candidate with the label and kind the typer gave it (what `eval --show` reports)."""
    candidates = propose(text, disabled)
    for candidate in candidates:
        type_candidate(candidate)
    return candidates


def find_mentions(text: str, sentences: list[Sentence], disabled: Collection[str] | None = None) -> list[Mention]:
    selected = select_mentions([c.mention for c in propose_typed(text, disabled)])
    index = SentenceIndex(sentences)
    for mention in selected:
        mention.sentence = index.at(mention.start)
    join_registered_forms(selected)
    return selected


def join_registered_forms(mentions: list[Mention]) -> None:
    """某某投资集团 and 某某投资集团有限公司 in one text: the name without its registered form is the same
    actor (its canonical is the registered name, or what that name resolves to)."""
    registered: dict[str, dict[str, Mention]] = {}  # by the first three characters (a short form's are the same)
    for m in mentions:
        if m.label in ("Institution", "Company"):
            registered.setdefault(m.text[:3], {})[m.text] = m
    for mention in mentions:
        if mention.label not in ("Institution", "Company") or "canonical" in mention.properties:
            continue
        candidates = registered.get(mention.text[:3], {})
        fuller = next((m for name, m in candidates.items() if _registered_form_of(mention.text, name)), None)
        if fuller is not None:
            mention.properties["canonical"] = fuller.properties.get("canonical", fuller.text)
            mention.label = fuller.label


_REGISTERED_TAIL = re.compile(
    r"(?:投资|控股|集团|股份|发展)*(?:有限责任公司|股份有限公司|集团有限公司|有限公司|集团公司)?"
)


def _registered_form_of(short: str, name: str) -> bool:
    """某某投资集团 → 某某投资集团有限公司, 山东某某 → 山东某某投资控股集团有限公司: the longer name adds only
    business words and a registered form to the shorter one (not 某某音乐娱乐集团: other words name another)."""
    return (
        len(short) >= 3
        and len(name) > len(short)
        and name.startswith(short)
        and _REGISTERED_TAIL.fullmatch(name, len(short)) is not None
        and any(name.endswith(e) for e in words("organisations", "registered_suffixes"))
    )
