"""Amounts in yuan as people read them: 亿元 (a hundred million yuan)."""

from __future__ import annotations

from typing import Any

YI = 1e8  # 亿: a hundred million yuan


def yi(amount: Any) -> str | None:
    """An amount in yuan as 亿元 text (e.g. 1.5e9 → "15亿元"), or None when it is not a number."""
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return None
    value = amount / YI
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return f"{text}亿元"
