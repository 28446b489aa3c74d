"""Generate the reference data that comes from packages rather than from hand lists:

    data/gazetteer/divisions.tsv         China's administrative divisions, from the `cpca` package
    data/gazetteer/alias-boundaries.tsv  where a two-character actor alias is part of another word, from
                                         jieba's dictionary (国投 in 中国投资者, 京东 in 北京东路)
    data/gazetteer/traditional.tsv       traditional characters and the simplified character each is read
                                         as, from OpenCC's tables (`opencc-python-reimplemented`), and
                                         traditional-in-context.tsv, those read so only in a traditional text
    data/gazetteer/common-nouns.tsv      frequent ordinary nouns and adjectives (汽车, 工业, 先进), from jieba's
                                         dictionary: a coined name made only of them is a field, not a brand

    .venv/bin/pip install -e '.[refdata]' && .venv/bin/python tools/gen_reference_data.py

Why a generated file and not cpca at run time: cpca loads its table through pkg_resources when it is
imported and needs pandas, which would cost every extraction start-up a large import for one CSV.
The table changes rarely; regenerating it is one command, and the file records where it came from.

Each division gets the surface forms articles use for it:
  provinces   广东省 → 广东, 广西壮族自治区 → 广西, 香港特别行政区 → 香港         canonical: the short form
  prefectures 深圳市 → 深圳, 延边朝鲜族自治州 → 延边, 阿克苏地区 → 阿克苏           canonical: the short form
  counties    浦东新区 → 浦东, 崂山区 → 崂山, 昆山市 → 昆山                   canonical: 区/县 keep the full name
A short form of a prefecture or county is left out (the full name stays) when it would be wrong
more often than right:
  - it is a short form of a higher level already (河北区 → 河北 is the province);
  - jieba's dictionary knows it as a common word with a non-place tag (合作市 → 合作, 东方市 → 东方,
    和平区 → 和平, 光明区 → 光明): a place there would swallow ordinary words (this also drops a few
    real short forms jieba mis-tags, such as 常熟; their full names stay places), or places.yaml lists it
    among the words jieba tags as places that articles use as ordinary words (新建, 商城, 太平);
  - a well-known actor's name starts with it (兴业县 → 兴业 of 兴业银行, 平安区 → 平安 of 平安银行):
    the brand, not the place.

A two-character alias of a gazetteer actor (国投, 中行, 京东) is often the tail of one word and the head of
the next: 中国|投资者, 其中|行业, 北京|东路. For each such alias the file lists the characters that, put
before its first character, make a common word (jieba count >= BOUNDARY_WORD_FREQUENCY); a mention of the
alias right after one of them is no mention of the actor.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import re
from pathlib import Path

from capgraph.loaders.lexicon import strip_endings

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "data" / "gazetteer"
BOUNDARY_WORD_FREQUENCY = 500
# a word jieba counts so often, as a plain noun or adjective, is a field or a description (汽车, 工业, 先进),
# not a brand: rarer nouns are often brands (小米 396, 银河 346) and stay out
COMMON_NOUN_FREQUENCY = 1000
COMMON_NOUN_CLASSES = frozenset({"n", "vn", "an", "a", "b", "j"})
# jieba dictionary counts from which a word it knows, not as a place, is "common": a plain word (n, v, a …)
# at 100; one tagged as some other proper name (nr, nz: jieba mis-tags many towns so) only at 300
COMMON_WORD_FREQUENCY = 100
COMMON_NAME_FREQUENCY = 300
_SKIP = re.compile(r"市辖区|直辖县级行政区划|^县$|群岛|岛礁")
_UNIT = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|矿区|省|市|区|县|盟|旗)$")


def _cpca_file(name: str) -> Path:
    dist = importlib.metadata.distribution("cpca")
    return Path(str(dist.locate_file(f"cpca/resources/{name}")))


def _nations() -> list[str]:
    names = [line.strip() for line in _cpca_file("56_nations.csv").read_text(encoding="utf-8").splitlines()]
    forms = {n for n in names if n} | {n[:-1] for n in names if n.endswith("族") and len(n) > 2}
    return sorted(forms, key=len, reverse=True)


def _level(adcode: str) -> str:
    code = adcode[:6]
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def short_form(name: str, nations: list[str]) -> str:
    """广西壮族自治区 → 广西, 黔东南苗族侗族自治州 → 黔东南, 浦东新区 → 浦东, 崂山区 → 崂山."""
    unit = _UNIT.search(name)
    if not unit:
        return name
    core = name[: unit.start()]
    if unit.group(1).startswith("自治"):
        core = strip_endings(core, nations)
    return core


def _jieba_words() -> dict[str, tuple[int, str]]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    table: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            table[parts[0]] = (int(parts[1]), parts[2])
    return table


def gazetteer(name: str) -> dict:
    from capgraph.loaders.lexicon import gazetteer as load

    return load(name)


def _actor_names() -> list[str]:
    from capgraph.loaders.gazetteer import known_actors

    return list(known_actors())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the folder to write to (default: the project's)")
    out = parser.parse_args().out
    common = _jieba_words()
    actors = _actor_names()
    write_divisions(out / "divisions.tsv", common, actors)
    write_alias_boundaries(out / "alias-boundaries.tsv", common, actors)
    write_traditional(out / "traditional.tsv")
    write_common_nouns(out / "common-nouns.tsv", common)


def write_common_nouns(out: Path, common: dict[str, tuple[int, str]]) -> None:
    nouns = sorted(
        w
        for w, (count, tag) in common.items()
        if 2 <= len(w) <= 4 and count >= COMMON_NOUN_FREQUENCY and tag in COMMON_NOUN_CLASSES
    )
    header = [
        "# Frequent ordinary nouns, verbal nouns, adjectives and abbreviations (汽车, 工业, 先进, 环保): a coined",
        "# company name whose words are all here (汽车电子, 先进材料) names a field, not a brand.",
        f"# Source: jieba's dictionary (jieba {importlib.metadata.version('jieba')}), two to four characters,",
        f"# counted >= {COMMON_NOUN_FREQUENCY}, classes {' '.join(sorted(COMMON_NOUN_CLASSES))}.",
        "# Generated by tools/gen_reference_data.py — do not edit by hand; rerun the script instead.",
    ]
    out.write_text("\n".join(header + nouns) + "\n", encoding="utf-8")
    print(f"{out}: {len(nouns)} common nouns")


def _opencc_table(name: str) -> dict[str, list[str]]:
    dist = importlib.metadata.distribution("opencc-python-reimplemented")
    path = Path(str(dist.locate_file(f"opencc/dictionary/{name}")))
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            key, values = line.split("\t", 1)
            table[key] = values.split()
    return table


def write_traditional(out: Path) -> None:
    """One simplified character per traditional one, so a text keeps its length and offsets.

    A character that simplified text uses too (乾 of 乾隆, 著 of 著名: both a key of OpenCC's
    simplified→traditional table or a form of its own simplification) is left out: reading it would
    change simplified articles, which must come through untouched."""
    to_simplified = _opencc_table("TSCharacters.txt")
    simplified_chars = set(_opencc_table("STCharacters.txt"))
    lines: list[str] = []
    in_context: list[str] = []  # read so only in a text written in traditional characters
    for traditional, forms in sorted(to_simplified.items()):
        first = forms[0]
        if len(traditional) != 1 or len(first) != 1 or first == traditional:
            continue
        if traditional in forms or traditional in simplified_chars:
            if first != traditional:
                in_context.append(f"{traditional}\t{first}")
            continue
        lines.append(f"{traditional}\t{first}")
    header = [
        "# Traditional characters and the simplified character each is read as (one for one, so offsets hold).",
        f"# Source: opencc-python-reimplemented {importlib.metadata.version('opencc-python-reimplemented')}"
        " (PyPI, Apache-2.0), opencc/dictionary/TSCharacters.txt; characters simplified text uses too are left out.",
        "# Generated by tools/gen_reference_data.py — do not edit by hand; rerun the script instead.",
        "# traditional\tsimplified",
    ]
    out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} traditional characters")
    context_out = out.with_name("traditional-in-context.tsv")
    context_header = [
        "# Characters simplified text uses too (於 of a surname, 乾 of 乾隆), read as their simplified form only",
        "# in a text written in traditional characters (關於, 合夥, 乾淨); one for one, so offsets hold.",
        header[1].replace("characters simplified text uses too are left out", "the ones left out of traditional.tsv"),
        header[2],
        header[3],
    ]
    context_out.write_text("\n".join(context_header + in_context) + "\n", encoding="utf-8")
    print(f"{context_out}: {len(in_context)} characters read in context")


def write_alias_boundaries(out: Path, common: dict[str, tuple[int, str]], actors: list[str]) -> None:
    words = [w for w, (count, _) in common.items() if len(w) == 2 and count >= BOUNDARY_WORD_FREQUENCY]
    lines = []
    for alias in sorted(a for a in actors if len(a) == 2):
        before = sorted({w[0] for w in words if w[1] == alias[0] and w != alias})
        if before:
            lines.append(f"{alias}\t{''.join(before)}")
    header = [
        "# Two-character actor aliases and the characters that, written right before them, make the alias the",
        "# tail of another word (中|国投资者 → 国投 is no actor there). Source: jieba's dictionary (jieba "
        f"{importlib.metadata.version('jieba')}), words counted >= {BOUNDARY_WORD_FREQUENCY}.",
        "# Generated by tools/gen_reference_data.py — do not edit by hand; rerun the script instead.",
        "# alias\tcharacters before it that end another word",
    ]
    out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} aliases with word boundaries")


def write_divisions(out: Path, common: dict[str, tuple[int, str]], actors: list[str]) -> None:
    nations = _nations()
    not_short = set(gazetteer("places").get("not_short_forms", []))
    with _cpca_file("adcodes.csv").open(encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["adcode"])
    taken: dict[str, str] = {}  # short form → the canonical name it stands for
    lines: list[str] = []
    dropped: list[str] = []
    for level in ("province", "prefecture", "county"):
        for row in rows:
            name, adcode = row["name"], row["adcode"][:6]
            if _level(adcode) != level or _SKIP.search(name):
                continue
            short = short_form(name, nations)
            short_ok = len(short) >= 2 and short != name
            if short_ok and level != "province":
                count, tag = common.get(short, (0, "ns"))
                keeps_full = level == "county" and not name.endswith("市")
                if short in taken:
                    # 河北区 → 河北 is the province; five 鼓楼区 share one short form and one canonical name
                    short_ok = taken[short] == (name if keeps_full else short)
                elif level == "county":
                    # a word jieba knows, not as a place (合作, 东方), or a well-known actor's brand (兴业银行)
                    limit = COMMON_NAME_FREQUENCY if tag.startswith(("nr", "nz")) else COMMON_WORD_FREQUENCY
                    common_word = not tag.startswith("ns") and count >= limit or short in not_short
                    short_ok = not common_word and not any(a.startswith(short) and a != short for a in actors)
                if not short_ok:
                    dropped.append(f"{name}→{short}")
            keeps_full = level == "county" and not name.endswith("市")
            canonical = name if keeps_full or not short_ok else short
            forms = [canonical] + [f for f in (name, short if short_ok else "") if f and f != canonical]
            if short_ok:
                taken.setdefault(short, canonical)
            lines.append("\t".join((adcode, level, canonical, ",".join(forms))))
    header = [
        "# China's administrative divisions (province, prefecture, county) with the short forms articles use.",
        f"# Source: cpca {importlib.metadata.version('cpca')} (PyPI, MIT), cpca/resources/adcodes.csv.",
        "# Generated by tools/gen_reference_data.py — do not edit by hand; rerun the script instead.",
        f"# Short forms left out as common words, higher-level names or actor brands: {len(dropped)}.",
        "# adcode\tlevel\tcanonical\tsurface forms (canonical first)",
    ]
    out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} divisions; short forms left out: {' '.join(dropped)}")


if __name__ == "__main__":
    main()
