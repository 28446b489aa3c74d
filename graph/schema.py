"""The graph schema as code (docs/schema.md describes it in words)."""

from __future__ import annotations

# Every entity node carries the extra label `Entity`, so writers can MATCH any
# entity by id through one index, whatever its specific label.
ENTITY = "Entity"
ARTICLE = "Article"

ENTITY_LABELS: tuple[str, ...] = (
    "Institution",
    "Company",
    "Fund",
    "Policy",
    "Person",
    "Place",
    "Sector",
)
ALL_LABELS: tuple[str, ...] = (*ENTITY_LABELS, ARTICLE)

INSTITUTION_KINDS: tuple[str, ...] = (
    "government",
    "financial",
    "investor",
    "research",
    "platform",
    "association",
    "other",
)

MENTIONS = "MENTIONS"
RELATIONSHIP_TYPES: tuple[str, ...] = (
    "ISSUED",
    "MANAGES",
    "INVESTED_IN",
    "ESTABLISHED",
    "SUBSIDIARY_OF",
    "AFFILIATED_WITH",
    "PARTNERED_WITH",
    "LOCATED_IN",
    "FOCUSES_ON",
)
ALL_RELATIONSHIP_TYPES: tuple[str, ...] = (*RELATIONSHIP_TYPES, MENTIONS)

# Allowed (source labels, target labels) per relationship type.
ENDPOINTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "ISSUED": (frozenset({"Institution"}), frozenset({"Policy"})),
    "MANAGES": (frozenset({"Institution"}), frozenset({"Fund"})),
    "INVESTED_IN": (
        frozenset({"Institution", "Fund", "Company"}),
        frozenset({"Company", "Fund", "Institution"}),
    ),
    "ESTABLISHED": (
        frozenset({"Institution", "Fund", "Company"}),
        frozenset({"Fund", "Institution", "Company"}),
    ),
    "SUBSIDIARY_OF": (
        frozenset({"Institution", "Company", "Fund"}),
        frozenset({"Institution", "Company"}),
    ),
    "AFFILIATED_WITH": (frozenset({"Person"}), frozenset({"Institution", "Company"})),
    "PARTNERED_WITH": (
        frozenset({"Institution", "Company", "Fund"}),
        frozenset({"Institution", "Company", "Fund"}),
    ),
    "LOCATED_IN": (frozenset(ENTITY_LABELS) - {"Place"}, frozenset({"Place"})),
    "FOCUSES_ON": (frozenset({"Fund", "Institution", "Company", "Policy"}), frozenset({"Sector"})),
}

SYMMETRIC_TYPES: frozenset[str] = frozenset({"PARTNERED_WITH"})


def endpoints_allowed(rel_type: str, source_label: str, target_label: str) -> bool:
    sources, targets = ENDPOINTS[rel_type]
    return source_label in sources and target_label in targets


def check_label(label: str) -> str:
    """Labels and types are pasted into Cypher (they cannot be parameters): only schema names pass."""
    if label not in ALL_LABELS and label != ENTITY:
        raise ValueError(f"not a capgraph label: {label!r}")
    return label


def check_type(rel_type: str) -> str:
    if rel_type not in ALL_RELATIONSHIP_TYPES:
        raise ValueError(f"not a capgraph relationship type: {rel_type!r}")
    return rel_type
