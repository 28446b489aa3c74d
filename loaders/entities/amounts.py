"""Amounts of money in a fragment of text (规模25亿元, 三千万元, 1.5亿美元), numerals read by cn2an."""

from __future__ import annotations

import re

import cn2an

_NUMERAL = r"[\d.]+|[零〇一二两三四五六七八九十百千]+"
_AMOUNT = re.compile(
    r"(?:规模|总规模|首期规模|目标规模)?(?:约|达|为|超过|超)?"
    rf"((?:{_NUMERAL})\s*(?:万亿|千亿|百亿|亿|千万|百万|万)?)(元|美元|欧元|港元|人民币)"
)
_CURRENCY = {"美元": "USD", "欧元": "EUR", "港元": "HKD"}


def parse_amount(fragment: str) -> dict[str, object] | None:
    """规模25亿元 → {amount_cny: 2.5e9, amount_text: '25亿元', currency: 'CNY'}; 3000万美元 keeps USD."""
    match = _AMOUNT.search(fragment)
    if not match:
        return None
    try:
        value = float(cn2an.cn2an(match.group(1).replace(" ", ""), "smart"))
    except ValueError:
        return None
    currency = _CURRENCY.get(match.group(2), "CNY")
    properties: dict[str, object] = {"amount_text": match.group(0), "currency": currency}
    properties["amount_cny" if currency == "CNY" else "amount"] = value
    return properties
