"""The typer: one place that decides a candidate's label and Institution kind.

From the gazetteer (a known actor keeps its label and kind), the words inside the name
(organisations.yaml kind_keywords), the suffix it ends in (organisations.yaml suffixes) and the
short-name endings of operating companies (companies.yaml weak_suffixes).
"""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import Known, known_actors, org_suffix_table
from ..lexicon import lexicon, words
from .candidate import Candidate

ORG_LABELS = ("Institution", "Company")
_PLACE_AFTER = re.compile(r"\([\u4e00-\u9fff]{2,3}\)$")


def classify_org(name: str, suffix_label: str, suffix_kind: str | None) -> tuple[str, str | None]:
    """Label and kind from words inside the name, else from the suffix."""
    plain = re.sub(r"\((集团|控股)\)", r"\1", name)  # 某某发展(集团)有限公司 reads as 某某发展集团
    for keyword, label, kind in lexicon("organisations")["kind_keywords"]:
        if keyword in plain:
            return label, kind
    if suffix_label == "Institution":
        return "Institution", suffix_kind or "other"
    return "Company", None


@cache
def _suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(org_suffix_table(), key=len, reverse=True))


def type_organisation(name: str) -> tuple[str, str | None]:
    """Label and kind of an organisation name: the gazetteer's, else from the words inside and the suffix."""
    known = known_actors().get(name)
    if known is not None:
        return known.label, known.kind
    name = _PLACE_AFTER.sub("", name)  # 某某资本(天津) reads as 某某资本
    table = org_suffix_table()
    suffix = next((s for s in _suffixes_longest_first() if name.endswith(s) and len(name) > len(s)), "")
    if suffix:
        return classify_org(name, table[suffix]["label"], table[suffix].get("kind"))
    if any(name.endswith(w) and len(name) > len(w) for w in words("organisations", "investor_short_endings")):
        return classify_org(name, "Institution", "investor")  # 某某投资: a group's investment arm
    return classify_org(name, "Company", None)


def is_company_short_name(name: str) -> bool:
    return any(name.endswith(w) and len(name) > len(w) for w in words("companies", "weak_suffixes"))


def _group_of_known(mention: Mention) -> Known | None:
    """某行集团, 某某集团: a known actor's short name and 集团 is that actor's group — the actor itself."""
    if mention.label not in (*ORG_LABELS, "ORG"):
        return None
    for ending in ("集团公司", "集团"):
        known = known_actors().get(mention.text[: -len(ending)]) if mention.text.endswith(ending) else None
        if known is not None and known.label in ORG_LABELS:
            mention.properties["canonical"] = known.canonical
            if mention.label == "ORG":
                mention.label = known.label
            return known
    return None


def type_candidate(candidate: Candidate) -> Mention:
    """The candidate's mention with its final label and kind."""
    mention = candidate.mention
    known = known_actors().get(mention.text) or _group_of_known(mention)
    if mention.label in ORG_LABELS and known is not None and known.label in ORG_LABELS:
        mention.label = known.label
        if known.kind:
            mention.properties["kind"] = known.kind
    elif mention.label == "ORG":
        mention.label, kind = type_organisation(mention.text)
        if mention.label == "Company" and candidate.why == "investor role" and not is_company_short_name(mention.text):
            mention.label, kind = "Institution", "investor"  # a brand that invests, no company ending: an investor
        if kind:
            mention.properties["kind"] = kind
    if mention.label == "Institution":
        mention.properties.setdefault("kind", "other")
    else:
        mention.properties.pop("kind", None)
    return mention
