"""Proposer: items of lists closed by 等 … <class noun> (A、B和C等企业), typed by their noun."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import is_place, is_sector, leading_place, org_suffix_table
from ..lexicon import lexicon, one_of, words
from ..names import after_descriptor, is_field_term, is_generic, is_name_char, name_start
from ..ner import after_opening_verb, made_of_frequent_nouns, reads_as_description, tagged_words
from .candidate import make_mention as _mention
from .investors import is_role_word


@cache
def _list_tail() -> re.Pattern[str]:
    nouns = one_of("lists", "class_nouns")
    return re.compile(
        rf"(?:等|及相关|及其他|以及(?=[^,。;:、“”()等]{{0,24}}?(?:{nouns})))[^,。;:、“”()]{{0,24}}?({nouns})"
        # 某某、某某这2家企业: the demonstrative before the count is in no item
        rf"|(?<=[\u4e00-\u9fff])[这那]?(?:\d+|[两二三四五六七八九十]+)(?:余|多)?(?:家|个)(?=[^,。;]{{0,12}}?({nouns}))"
        # A与B、C同为某某企业: the items share the class the predicate gives them
        # (the noun closes the clause: 均为公司提供服务 gives no class)
        rf"|(?:{one_of('lists', 'peer_predicates')})[^,。;:、“”()]{{0,24}}?({nouns})(?=[,，。;；!?！？\n]|$)"
    )


@cache
def _org_endings() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Organisation suffixes of two characters or more, those that need a place, and fund suffixes."""
    table = org_suffix_table()
    return (
        tuple(s for s in table if len(s) >= 2),
        tuple(s for s, v in table.items() if v.get("strength") == "placed"),
        tuple(str(f) for f in lexicon("funds")["suffixes"]),
    )


def _ends_like_org(item: str) -> bool:
    return item.endswith(_org_endings()[0])


def _suffix_names_nothing(item: str) -> bool:
    """产业资本, 该公司: the part before the suffix is no name (empty, generic, a place alone)."""
    suffix = next(s for s in sorted(_org_endings()[0], key=len, reverse=True) if item.endswith(s))
    core = item[: -len(suffix)]
    return not core or is_generic(core) or is_place(core) or is_sector(core)


def find_list_items(text: str, taken: list[Mention]) -> list[Mention]:
    """Items of 'A、B和C等N家企业' lists; each item is typed by its own shape, else by the class noun."""
    data = lexicon("lists")
    nouns: dict[str, str] = data["class_nouns"]
    max_len = int(data["max_item_length"])
    openers = words("lists", "openers")
    known_ends = {m.end for m in taken if m.source == "gazetteer"}
    verbs = words("organisations", "leading_junk")
    found = []
    for tail in _list_tail().finditer(text):
        noun = tail.group(1) or tail.group(2) or tail.group(3)
        peers = bool(tail.group(3))
        label = nouns[noun]
        if noun == "项目" and not re.search(r"\d|一批|[两二三四五六七八九十]+个", tail.group(0)):
            continue  # 等项目准入标准: 项目 modifies what follows, the items are not projects
        seg_start = tail.start()
        while seg_start > 0 and text[seg_start - 1] not in ",。;:!?()“”《》\n,等":
            seg_start -= 1
        exemplars = text.rfind("为代表的", seg_start, tail.start())
        seg_start = seg_start if exemplars == -1 else exemplars + 4  # 以A、B为代表的…与C、D等: a list before
        segment = text[seg_start : tail.start()]
        if "、" not in segment and not re.search(r"[和及]" if not peers else r"[和及与]", segment):
            continue
        pieces = _split_list(segment, peers)
        if len(pieces) < 2:
            continue
        offset = seg_start
        items: list[Mention] = []
        fields = False  # 芯片设计、制造、封测等环节: one item that is a field makes the list a list of fields
        for index, piece in enumerate(pieces):
            at = text.find(piece, offset, tail.start())
            if at == -1:
                continue
            offset = at + len(piece)
            start, end = at, at + len(piece)
            if index == 0:
                start = name_start(text, end, limit=max_len + 4)
                for opener in openers:
                    if text.startswith(opener, start) and end - start > len(opener) + 1:
                        start += len(opener)
                        break
            start += after_descriptor(text[start:end])  # 锂电池材料商某某: the name after its description
            if index == 0:
                start += _after_aspect(text[start:end])  # 背后站着某某、…: the predicate before the list
                start = end - len(after_opening_verb(text[start:end]) or text[start:end])  # 集聚|某某、…
            item = text[start:end]
            if item[:1].isdigit() or _needs_place(item) and not leading_place(item) or end in known_ends:
                continue
            if item.endswith(tuple(nouns)):
                continue  # 省级专精特新企业: an item ending in the class noun describes, it does not name
            if item.endswith(_org_endings()[2]) or _ends_like_org(item):
                continue  # the shape finders decided about this one
            if (
                is_sector(item)
                or is_generic(item)
                or reads_as_description(item)
                or _is_activity(item)
                or _is_category(item)
                or is_field_term(item)
                or _names_an_aspect(item)
            ):
                fields = True  # 信用不足、时间短等问题, 设计、制造等环节, 专精特新、瞪羚等企业: the items describe
                continue
            if _made_of_places(item):
                fields = True  # 某省某市、某市及某区等14个地方: the items are places
                continue
            if _names_a_person(item, start, end, taken):
                continue  # 公司创始人、董事长兼CEO某某…: titles and a person, no organisation
            if not (2 <= len(item) <= max_len) or is_place(item) or is_role_word(item):
                continue
            if not all(is_name_char(ch) for ch in item) or item.startswith(verbs):
                continue
            items.append(_mention(text, start, end, label, "list", kind="other" if label == "Institution" else None))
        if not fields:
            found += items
    return found


def _is_category(item: str) -> bool:
    """专精特新, 瞪羚, “小巨人”: a designation of enterprises (lists.yaml enterprise_categories)."""
    return item.strip('“”"') in words("lists", "enterprise_categories")


def _made_of_places(item: str) -> bool:
    """河北某市, 某市及天津某区: places only (a province before its city, places joined by 及/和)."""
    for part in re.split(r"[及和与]", item):
        rest = part
        while rest and not is_place(rest):
            place = leading_place(rest)
            if not place:
                return False
            rest = rest[len(place) :]
    return True


def _names_a_person(item: str, start: int, end: int, taken: list[Mention]) -> bool:
    """An item ending in a person's title, or holding a person's name."""
    if item.endswith(tuple(words("persons", "titles"))):
        return True
    return any(m.label == "Person" and start <= m.start and m.end <= end for m in taken)


def _is_activity(item: str) -> bool:
    """制造, 封测: a bare verb or a verbal noun is an activity, not a name."""
    import rjieba

    tagged = rjieba.tag(item)
    return len(tagged) == 1 and tagged[0][1] in ("v", "vn")


def _needs_place(item: str) -> bool:
    """Items ending like 研发平台 or 中心 are descriptions unless a place names them."""
    return item.endswith("平台") or item.endswith(_org_endings()[1])


def _split_list(segment: str, peers: bool = False) -> list[str]:
    pieces = [p for p in segment.split("、") if p]
    if not pieces:
        return []
    if peers:  # A与B、C同为…: the first item joined to the list by 与
        first = pieces[0].split("与")
        if len(first) == 2 and all(len(p) >= 2 for p in first):
            pieces[:1] = first
    last = pieces[-1]
    # the last item may be joined by 和/及 (A、B和C); only split where both sides look like names
    joined = re.split(r"以及|[和及]", last)
    if len(joined) == 2 and all(len(p) >= 2 for p in joined):
        pieces[-1:] = joined
    return pieces


_CLAUSE = re.compile(r"[^,。;:!?()“”\n]+")
_STOCK_CODE = re.compile(r"[(（](?:\d{6}|\d{4,5}\.HK)(?:\.S[HZ])?[)）]")
_LAST_JOINED = re.compile(r"以及|及|和|与")
_ORG_LABELS = ("Institution", "Company", "ORG")


_NAMING_CLASSES = frozenset(("nr", "nrt", "nrfg", "nz", "x", "ns"))


def _coined_peers(text: str, spans: list[tuple[int, int]], labels: set[str], known: set[tuple[int, int]]) -> bool:
    """旷某、云某、某某深瞳均上市: a list whose known items are all companies, its other items short coined
    names (two to four characters the word model reads as a name or an unknown word, no place, no
    dictionary noun) — peers of the companies, fewer than half of them known."""
    if labels != {"Company"}:
        return False
    for start, end in set(spans) - known:
        item = text[start:end]
        if not 2 <= len(item) <= 4 or not _HAN_ONLY.fullmatch(item) or not _reads_as_coined(item):
            return False
    return bool(known)


def _reads_as_coined(item: str) -> bool:
    return not is_place(item) and bool(_NAMING_CLASSES.intersection(pos for _, pos in tagged_words(item)))


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


_ASPECT_PARTICLES = frozenset(("uz", "ul", "ug"))  # 着, 了, 过


def _after_aspect(run: str) -> int:
    """Where the words after the last aspect particle (站着, 投资了, 见过) start in the word model's reading,
    when two or more characters follow it: a verb so marked ends a predicate, no name runs over it; else 0."""
    at, cut = 0, 0
    for word, pos in tagged_words(run):
        at += len(word)
        if pos in _ASPECT_PARTICLES:
            cut = at
    return cut if len(run) - cut >= 2 else 0


def _adverb_after_item(run: str) -> int:
    """Where the predicate after a list's last item opens with an adverb (均, 都, 已, 纷纷) in the word
    model's reading of the run, when two or more characters stand before it; else 0."""
    at = 0
    for word, pos in tagged_words(run):
        if pos == "d":
            return at if at >= 2 else 0
        at += len(word)
    return 0


@cache
def _title_re() -> re.Pattern[str]:
    return re.compile("(?:" + one_of("persons", "titles") + ")")


def _is_title(item: str) -> bool:
    """党委副书记, 总经理: a title (with the body it belongs to), not an organisation."""
    found = _title_re().search(item)
    return found is not None and found.end() == len(item)


def _names_an_aspect(item: str) -> bool:
    """战略规划, 经营业绩, 人才队伍建设: frequent ordinary words only name an aspect of the work, unless a
    company ending closes them (大陆汽车: a brand word before 汽车 may be frequent too)."""
    return (
        made_of_frequent_nouns(item)
        and len(tagged_words(item)) >= 2  # 理想: one word may be a brand's
        and not _ends_like_org(item)  # 人才发展集团: an organisation's ending names a body
        and not any(item.endswith(w) for w in words("companies", "weak_suffixes"))
    )


def _before_person_or_title(text: str, start: int, end: int, persons: list[Mention]) -> int:
    """某某交投张某: a person's name (or a title) inside a listed item ends the organisation's name there."""
    for person in persons:
        if start + 2 <= person.start < end and person.end <= end:
            end = person.start
    if end - start < 5:
        return end  # no room for a name of two characters and a person's of three
    surnames = str(lexicon("persons")["surnames"])
    at = start
    for word, pos in tagged_words(text[start:end]):
        # a three-character name the word model reads as a person's, a known surname opening it
        if pos == "nr" and len(word) == 3 and word[0] in surnames and at - start >= 2 and at + 3 == end:
            end = at
            break
        at += len(word)
    title = _title_re().search(text, start + 2, end)
    return title.start() if title else end


def _lists_things(text: str, end: int) -> bool:
    after = text[end : end + 8]
    return after.startswith("等") and any(noun in after for noun in words("lists", "thing_class_nouns"))


def _mixed_script(item: str) -> bool:
    return any(ch.isascii() for ch in item) and not item.isascii()


def find_co_listed(text: str, taken: list[Mention]) -> list[Mention]:
    """华为、某某、OPPO等品牌: in a 、-list whose other items are already organisations of one label, the
    remaining short items are organisations of that label too."""
    at = {(m.start, m.end): m.label for m in taken if m.label in _ORG_LABELS}
    surfaces = {m.text: m.label for m in taken if m.label in _ORG_LABELS}  # named so elsewhere in the text
    ends = {m.end for m in taken}
    starts_at_end: dict[int, list[int]] = {}  # speed13: the org spans by end and by start, looked up per clause
    ends_at_start: dict[int, list[int]] = {}
    for a, b in at:
        starts_at_end.setdefault(b, []).append(a)
        ends_at_start.setdefault(a, []).append(b)
    openers = words("lists", "openers")
    found = []
    # 某某电器(603861)、某某科技(600728): a stock code after an item is no break in the list
    masked = _STOCK_CODE.sub(lambda m: " " * len(m.group(0)), text)
    organiser_verbs = words("lists", "organiser_verbs")
    persons = [m for m in taken if m.label == "Person"]
    for clause in _CLAUSE.finditer(masked):
        pieces = clause.group(0).split("、")
        if len(pieces) < 3:
            continue
        spans, offset = [], clause.start()
        for piece in pieces:
            spans.append((offset, offset + len(piece.rstrip())))
            offset += len(piece) + 1
        organised = ""
        if text.endswith(organiser_verbs, 0, spans[-1][1]):  # speed13: one C test before the word-by-word look
            organised = next((v for v in organiser_verbs if text.endswith(v, 0, spans[-1][1])), "")
        if organised:  # 由A、B、C主办: the verb closes the last item
            spans[-1] = (spans[-1][0], spans[-1][1] - len(organised))
        joined = _LAST_JOINED.search(text, spans[-1][0], spans[-1][1])
        if (
            joined
            and joined.start() - spans[-1][0] >= 2
            and spans[-1][1] - joined.end() >= 2
            and not any(a < joined.start() < b for a, b in at)  # 国家发展和改革委员会: 和 inside a name
        ):
            # …、A以及B: the last two items joined by a conjunction
            spans[-1:] = [(spans[-1][0], joined.start()), (joined.end(), spans[-1][1])]
        first_end = spans[0][1]
        known_first = [a for a in starts_at_end.get(first_end, ()) if a >= clause.start()]
        first_start = min(known_first) if known_first else name_start(text, first_end, limit=10)
        opener = next(
            (o for o in openers if text.startswith(o, first_start) and first_end - first_start > len(o) + 1), ""
        )
        spans[0] = (first_start + len(opener), first_end)
        spans = [(a + after_descriptor(text[a:b]), b) for a, b in spans]
        last_start, last_end = spans[-1]
        known_last = [b for b in ends_at_start.get(last_start, ()) if b <= last_end]
        if known_last:  # 由A、B、某某创投管理: the last item is the organisation named there, before the verb
            last_end = max(known_last)
        adverb = _adverb_after_item(text[last_start:last_end])
        if adverb:  # A、B、C均已上市: an adverb opens the predicate, so the last item ends before it
            last_end = last_start + adverb
        cut = re.match(r"[\u4e00-\u9fffA-Za-z·]{2,8}?(?=等|$)", text[last_start:last_end])
        if not cut:
            continue
        if (
            not adverb
            and last_start + cut.end() == last_end
            and (len(cut.group(0)) > 4 or _mixed_script(cut.group(0)))
            and not _ends_like_org(cut.group(0))
            and not organised
        ):
            continue  # the clause runs on after the last item: where it ends is unknown (an org suffix ends it)
        spans[-1] = (last_start, last_start + cut.end())
        if _lists_things(text, spans[-1][1]):
            continue  # 华为、小米、手机等产品线: a list of things, its unknown items no organisations
        # an ORG span (not typed yet) agrees with any label; the typer decides it later
        labels = {at.get(s) or surfaces.get(text[s[0] : s[1]]) for s in spans} - {None}
        labels = labels - {"ORG"} or labels
        known_spans = {s for s in spans if s in at or text[s[0] : s[1]] in surfaces}
        known = len(known_spans)
        if (
            not labels
            or known * 2 < len(spans)
            and not organised
            and not _coined_peers(text, spans, labels, known_spans)
        ):
            continue
        # companies and institutions listed together (阿里巴巴、红杉中国、某某投资): the typer reads each
        # remaining item's own shape
        label = labels.pop() if len(labels) == 1 else "ORG"
        for start, end in spans:
            end = _before_person_or_title(text, start, end, persons)  # 某某交投|张某: a person ends the name
            item = text[start:end]
            if (
                (start, end) in at
                or item in surfaces
                or not 2 <= len(item) <= 8
                or not all(is_name_char(ch) for ch in item)
            ):
                continue
            if end in ends or is_place(item) or is_sector(item) or is_generic(item):
                continue  # a candidate ends here (者如某某基金)
            if _ends_like_org(item) and (known * 3 < len(spans) * 2 or _suffix_names_nothing(item)):
                continue  # a suffix rule has judged this name; only a list mostly of known names overrules it
            if any(item.startswith(v) for v in words("organisations", "leading_junk")) or reads_as_description(item):
                continue
            if _names_an_aspect(item) or is_role_word(item) or _is_title(item):
                continue  # 战略规划, 主业布局: aspects; 党委副书记: a title alone is no organisation
            found.append(_mention(text, start, end, label, "list", why="listed with organisations"))
    return found
