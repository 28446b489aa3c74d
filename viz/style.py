"""How each label and relationship type looks: colour and shape, shared by the page and its legend."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelStyle:
    colour: str
    shape: str  # a vis-network shape that draws its label underneath (so size by value works)
    symbol: str  # the same shape as a character, for the legend


LABEL_STYLES: dict[str, LabelStyle] = {
    "Institution": LabelStyle("#4e79a7", "dot", "●"),
    "Company": LabelStyle("#f28e2b", "square", "■"),
    "Fund": LabelStyle("#59a14f", "diamond", "◆"),
    "Policy": LabelStyle("#b07aa1", "triangle", "▲"),
    "Person": LabelStyle("#e15759", "star", "★"),
    "Place": LabelStyle("#9c755f", "triangleDown", "▼"),
    "Sector": LabelStyle("#76b7b2", "hexagon", "⬢"),
    "Article": LabelStyle("#9d9d9d", "box", "▭"),
}
OTHER_LABEL = LabelStyle("#bab0ac", "dot", "●")

TYPE_COLOURS: dict[str, str] = {
    "ISSUED": "#b07aa1",
    "MANAGES": "#59a14f",
    "INVESTED_IN": "#f28e2b",
    "ESTABLISHED": "#4e79a7",
    "SUBSIDIARY_OF": "#7f7f7f",
    "AFFILIATED_WITH": "#e15759",
    "PARTNERED_WITH": "#edc948",
    "LOCATED_IN": "#9c755f",
    "FOCUSES_ON": "#76b7b2",
    "MENTIONS": "#d3d3d3",
}
OTHER_TYPE_COLOUR = "#999999"

# Colours for a categorical property such as `community` (Tableau 20, then repeated).
PALETTE: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
)  # fmt: skip


def label_style(label: str) -> LabelStyle:
    return LABEL_STYLES.get(label, OTHER_LABEL)


def type_colour(rel_type: str) -> str:
    return TYPE_COLOURS.get(rel_type, OTHER_TYPE_COLOUR)
