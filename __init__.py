"""capgraph: a knowledge graph of China's patient capital and tech finance, from Chinese articles."""

from __future__ import annotations

__version__ = "0.1.0"
