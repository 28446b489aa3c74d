"""Does extraction hold when an article's surface changes but its facts do not?

    .venv/bin/python bench/robustness.py --gold ../shared/gold-news --corpus ../shared/news [--only names,spaces]

Each variant rewrites every article of a gold set (and its gold, where names change) and scores it with
`capgraph eval`'s own scorer beside the unchanged set. A rule that only fits the phrasing or the names of
the articles it was written against loses here; a general one does not:

- `traditional`: the article and its gold in traditional characters (OpenCC's s2t; the `refdata` extra);
- `spaces`: a space after every clause mark (、 , ; :), as reposts often have;
- `wrap`: every paragraph hard-wrapped at 38 characters, as text copied from a PDF is;
- `ascii`: full-width punctuation written half-width;
- `names`: every company, investor and person the gold names (without aliases, not inside another name)
  renamed with invented names of the same shape (a company or investor keeps its kind ending: 科技, 集团,
  有限公司, 资本, 创投 …), so a name the gazetteer happens to know counts for nothing.

Writes nothing to the project; the variants live in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from capgraph.cli.extract import evaluate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import GIVEN, SURNAMES, SYLLABLES  # noqa: E402

Gold = dict[str, Any]
Variant = Callable[[str, Gold, random.Random], tuple[str, Gold]]

# Kind endings a renamed company keeps (longest first), so the new name has the old one's shape.
COMPANY_ENDINGS = sorted(
    ["股份有限公司", "有限责任公司", "有限公司", "集团", "科技", "智能", "生物", "医药", "电子", "半导体",
     "机器人", "新能源", "动力", "技术", "微电子", "材料", "汽车", "能源"],
    key=len, reverse=True,
)  # fmt: skip
INVESTOR_ENDINGS = sorted(
    ["资本", "创投", "投资", "投资管理有限公司", "股权投资管理有限公司", "创业投资有限公司", "私募基金管理有限公司",
     "投资有限公司", "基金管理有限公司", "资产管理有限公司"],
    key=len, reverse=True,
)  # fmt: skip
WRAP_WIDTH = 38


def spaces(text: str, gold: Gold, rng: random.Random) -> tuple[str, Gold]:
    return re.sub(r"([、,，;；:：])", r"\1 ", text), gold


def wrap(text: str, gold: Gold, rng: random.Random) -> tuple[str, Gold]:
    lines = [para[i : i + WRAP_WIDTH] for para in text.split("\n") for i in range(0, max(len(para), 1), WRAP_WIDTH)]
    return "\n".join(lines), gold


def ascii_marks(text: str, gold: Gold, rng: random.Random) -> tuple[str, Gold]:
    return text.translate(
        str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})
    ), gold


def traditional(text: str, gold: Gold, rng: random.Random) -> tuple[str, Gold]:
    import opencc  # the refdata extra

    convert = opencc.OpenCC("s2t").convert

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, str):
            return value if key in ("doc", "type") else convert(value)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        return value

    return convert(text), walk(gold)


def _invented(name: str, label: str, rng: random.Random) -> str:
    if label == "Person":
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2 if len(name) >= 3 else 1))
    core, bracket = re.match(r"^(.*?)(\(.*\)|（.*）)?$", name).groups()  # type: ignore[union-attr]
    brand = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
    for ending in (*INVESTOR_ENDINGS, *COMPANY_ENDINGS):
        if core.endswith(ending) and len(core) > len(ending):
            return brand + ending + (bracket or "")
    return brand + (bracket or "")


def _renamable(entity: Gold) -> bool:
    """Companies and persons; and investors, whose names end in an investor's kind (资本, 创投 …)."""
    if entity["type"] in ("Company", "Person"):
        return True
    return entity["type"] == "Institution" and any(entity["name"].endswith(end) for end in INVESTOR_ENDINGS)


def names(text: str, gold: Gold, rng: random.Random) -> tuple[str, Gold]:
    every = [name for e in gold["entities"] for name in [e["name"], *e.get("aliases", [])]]
    renamed: dict[str, str] = {}
    for entity in gold["entities"]:
        name = entity["name"]
        if not _renamable(entity) or entity.get("aliases") or name not in text:
            continue
        if any(name != other and name in other for other in every):
            continue  # a part of another name: renaming it would change that one too
        new = _invented(name, entity["type"], rng)
        if new not in text and new not in renamed.values():
            renamed[name] = new
    for old in sorted(renamed, key=len, reverse=True):
        text = text.replace(old, renamed[old])
    gold = json.loads(json.dumps(gold))
    for entity in gold["entities"]:
        entity["name"] = renamed.get(entity["name"], entity["name"])
    for relation in gold["relations"]:
        for key, value in relation.items():
            if key != "type" and isinstance(value, str):
                relation[key] = renamed.get(value, value)
    return text, gold


VARIANTS: dict[str, Variant] = {
    "traditional": traditional,
    "spaces": spaces,
    "wrap": wrap,
    "ascii": ascii_marks,
    "names": names,
}


def write_variant(variant: Variant, gold_dir: Path, corpus: Path, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    (out / "gold").mkdir(parents=True)
    (out / "news").mkdir()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (corpus / gold["doc"]).read_text(encoding="utf-8")
        text, gold = variant(text, gold, rng)
        (out / "gold" / gold_file.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        (out / "news" / gold["doc"]).write_text(text, encoding="utf-8")


def f1s(summary: dict[str, Any]) -> tuple[float, float]:
    """Typed entity F1 and relation F1, as `capgraph eval` prints them."""
    return summary["entities_typed"]["f1"], summary["relations"]["f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--only", default=",".join(VARIANTS), help="variants, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    base = f1s(evaluate(args.gold, args.corpus)[0])
    print(f"{'unchanged':12s} entity F1 {base[0]:.3f}  relation F1 {base[1]:.3f}")
    with tempfile.TemporaryDirectory(prefix="capgraph-robust-") as work:
        for name in args.only.split(","):
            out = Path(work) / name
            try:
                write_variant(VARIANTS[name], args.gold, args.corpus, out, args.seed)
            except ImportError as error:
                print(f"{name:12s} skipped: {error}")
                continue
            varied = f1s(evaluate(out / "gold", out / "news")[0])
            print(
                f"{name:12s} entity F1 {varied[0]:.3f}  relation F1 {varied[1]:.3f}"
                f"  ({varied[0] - base[0]:+.3f} / {varied[1] - base[1]:+.3f})"
            )


if __name__ == "__main__":
    main()
