"""Resolution: mentions → one node per real entity, with every surface form as an alias.

Surface forms are joined when the article declares a short form ((以下简称X), (简称X), an English name
in brackets), when the gazetteer knows them as one actor, when one is the other with its leading
places removed (青岛崂山科创集团 / 崂山科创集团), or when a short form derived from a full name
(中金资本 from 中金资本管理有限公司) is used on its own later in the article — among them a group's
brand and 集团, a research institute's 所 form, a guidance fund's 母基金. A name of another place
(a zone's fund beside the city's) is never joined to what the article shortened a placed name to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from capgraph.graph.ids import canonical_key, entity_id
from capgraph.graph.model import Mention, Node

from .entities import RANK, SentenceIndex
from .gazetteer import (
    canonical_place,
    countries,
    gazetteer,
    inside_another_word,
    is_place,
    is_sector,
    known_actors,
    leading_place,
    org_suffix_table,
    strip_places,
)
from .lexicon import lexicon, words
from .names import is_generic
from .ner import tagged_words
from .registered import known_actor_of, leading_places, registered_key

_DECLARED = re.compile(r"\(\s*(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"《]?([^()“”\"《》,,。]{2,20}?)[”\"》]?\s*\)")
_ENGLISH = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9 .&'-]{1,40})\s*\)")
_ACTOR_LABELS = ("Institution", "Company", "Fund")
LEGAL_ENDINGS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "公司")
TRADE_WORDS = ("科技", "技术", "管理", "投资管理", "资产管理", "信息技术", "信息", "控股", "实业", "发展")


@dataclass
class Entity:
    label: str
    kind: str | None
    names: list[str]
    canonical: str | None = None  # from the gazetteer
    rank: int = 0
    properties: dict[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        return max(self.names, key=lambda n: (len(n), n))

    @property
    def id(self) -> str:
        """Stable across articles: the same actor under its registered and its short name gets one id."""
        return entity_id(self.label, registered_key(self.name, self.label))


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def declared_aliases(text: str, mentions: list[Mention]) -> list[tuple[Mention, str, int]]:
    """(mention, short form, offset of the short form) for 'X(以下简称Y)' and 'X(English)'."""
    by_end = {m.end: m for m in mentions}
    out = []
    for pattern in (_DECLARED, _ENGLISH):
        for match in pattern.finditer(text):
            owner = by_end.get(match.start()) or by_end.get(match.start() - 1)
            if owner is None or owner.label in ("Person", "Place", "Sector"):
                continue
            out.append((owner, match.group(1).strip(), match.start(1)))
    return out


def _fund_short_forms(name: str) -> list[str]:
    """北京某某股权投资基金合伙企业(有限合伙) → 某某股权投资基金, 某某股权基金: the registered ending and the
    leading place dropped, the kind of fund written short (股权投资基金 → 股权基金)."""
    table = lexicon("relations")
    core = name
    for ending in sorted((str(e) for e in table.get("fund_registered_endings", []) or []), key=len, reverse=True):
        if core.endswith(ending):
            core = core[: -len(ending)]
            break
    forms: list[str] = []
    for base in dict.fromkeys([core, strip_places(core)]):
        forms.append(base)
        for kind, short in (table.get("fund_short_kinds", {}) or {}).items():
            head = base[: -len(str(kind))]
            if base.endswith(str(kind)) and len(head) >= 2 and not is_place(head) and not is_generic(head):
                forms.append(head + str(short))
    return [f for f in dict.fromkeys(forms) if f != name and len(f) >= 5 and not is_generic(f)]


def short_forms(name: str, label: str) -> list[str]:
    """Forms an article may shorten a full organisation name to (places and legal endings dropped)."""
    if label == "Fund":
        return _fund_short_forms(name)
    if label not in ("Institution", "Company"):
        return []
    forms: list[str] = _institute_forms(name) if label == "Institution" else []
    bases = [name, strip_places(name)]
    for base in bases:
        for ending in LEGAL_ENDINGS:
            if base.endswith(ending) and len(base) > len(ending) + 1:
                core = base[: -len(ending)]
                forms.append(core)
                forms.extend(_group_forms(core, ending))
                for trade in TRADE_WORDS:
                    if core.endswith(trade) and len(core) - len(trade) >= 2:
                        forms.append(core[: -len(trade)])
                break
        forms.append(base)
    generic_ok = [
        f
        for f in dict.fromkeys(forms)
        if f != name
        and len(f) >= 3
        and not is_place(f)
        and not is_sector(f)
        and not is_generic(f)
        and f not in _suffix_words()
    ]
    return generic_ok


def _institute_forms(name: str) -> list[str]:
    """中国科学院某地化学物理研究所 → 某地化学物理所, 某地化物所, 中科院某地化物所 …: a research institute's short
    forms (its ending written short, its field's words cut to their first characters, its parent academy
    by its short name or left out)."""
    table = lexicon("organisations").get("institute_endings", {}) or {}
    ending = next((str(e) for e in table if name.endswith(str(e)) and len(name) > len(str(e)) + 1), "")
    if not ending:
        return []
    stem, short_ending = name[: -len(ending)], str(table[ending])
    known = known_actors()
    parent = next((stem[:cut] for cut in range(len(stem) - 2, 1, -1) if stem[:cut] in known), "")
    heads = [""]
    if parent:
        heads += [parent, *known[parent].aliases, known[parent].canonical]
    rest = stem[len(parent) :]
    # each two-character morpheme of the field cut to its first character (精细化工 → 精化, 化学 物理 → 化物)
    morphemes = [
        part
        for word, _ in tagged_words(rest)
        for part in ([word] if is_place(word) or len(word) != 4 else [word[:2], word[2:]])
    ]
    cut = "".join(m if is_place(m) or len(m) < 2 else m[0] for m in morphemes)
    bodies = [rest] + ([cut] if sum(len(m) >= 2 and not is_place(m) for m in morphemes) >= 2 else [])
    forms = [head + body + end for head in dict.fromkeys(heads) for body in bodies for end in (ending, short_ending)]
    return [f for f in dict.fromkeys(forms) if f != name and len(f) - len(short_ending) >= 2 and not is_place(f[:-1])]


def _group_forms(core: str, ending: str) -> list[str]:
    """某某投资发展(集团) or 某某投资发展集团 (before its legal ending) → 某某投资发展集团, 某某投资集团, 某某集团:
    a group is called by its brand and 集团, the business words after the brand dropped one by one."""
    group = str(lexicon("registered").get("group_word", "集团"))
    if ending.startswith(group):  # 集团有限公司 was cut as one ending
        core += group
    bracketed = f"({group})"
    if core.endswith(bracketed):
        bare = core[: -len(bracketed)]
    elif core.endswith(group):
        bare = core[: -len(group)]
    else:
        return []
    forms = []
    business = words("registered", "group_business_words")
    while len(bare) >= 2:
        forms.append(bare + group)
        word = next((w for w in business if bare.endswith(w) and len(bare) - len(w) >= 2), "")
        if not word:
            break
        bare = bare[: -len(word)]
    return forms


def _other_place(surface: str, shorter: str, surfaces: set[str], union: _Union) -> bool:
    """Whether `shorter` already stands for a name of another place than `surface`'s: 苏州工业园区X and the
    苏州X the article shortened to X are two actors (a zone of the city is another place). A place
    written shorter (青岛崂山X / 崂山X) is the same place: one list of places ends the other."""
    places, _ = leading_places(surface)
    if not places:
        return False
    root = union.find(shorter)
    for other in surfaces:
        if other in (surface, shorter) or union.find(other) != root:
            continue
        theirs, _ = leading_places(other)
        if theirs and theirs != places[-len(theirs) :] and places != theirs[-len(places) :]:
            return True
    return False


def _place_steps(name: str) -> list[str]:
    """青岛崂山科创集团 → [崂山科创集团, 科创集团]: the name with one, two … leading places removed."""
    steps = []
    while True:
        place = leading_place(name)
        if not place:
            return steps
        name = name[len(place) :]
        steps.append(name)


@cache
def _suffix_words() -> frozenset[str]:
    return frozenset(str(s) for s in lexicon("organisations")["suffixes"])


def resolve(
    text: str, mentions: list[Mention], index: SentenceIndex
) -> tuple[list[Entity], list[Mention], dict[int, Entity]]:
    """Group mentions into entities; find later uses of short forms; return entities, all mentions and
    a map from id(mention) to its entity."""
    mentions = [
        m
        for m in _academy_units(text, _local_bodies(text, mentions))
        if m.source != "gazetteer" or not inside_another_word(text, m.start, m.text)
    ]
    union = _Union()
    label_of: dict[str, tuple[int, str, str | None, str | None]] = {}  # surface → (rank, label, kind, canonical)
    surfaces: set[str] = set()

    def note(surface: str, rank: int, label: str, kind: str | None, canonical: str | None) -> None:
        surfaces.add(surface)
        union.find(surface)
        current = label_of.get(surface)
        if current is None or rank > current[0]:
            label_of[surface] = (rank, label, kind, canonical)

    for mention in mentions:
        rank = RANK.get(mention.source, 0)
        known = known_actor_of(mention.text) if mention.label in _ACTOR_LABELS else None
        if known is not None and "canonical" not in mention.properties and known.label in _ACTOR_LABELS:
            # a registered form of a gazetteer actor (招商银行股份有限公司): the gazetteer types it
            mention.label = known.label
            mention.properties["canonical"] = known.canonical
            mention.properties.pop("kind", None)
            if known.kind:
                mention.properties["kind"] = known.kind
            rank = max(rank, RANK["gazetteer"])
        note(
            mention.text,
            rank,
            mention.label,
            mention.properties.get("kind"),  # type: ignore[arg-type]
            mention.properties.get("canonical"),
        )  # type: ignore[arg-type]
        canonical = mention.properties.get("canonical")
        if isinstance(canonical, str):
            note(canonical, rank, mention.label, mention.properties.get("kind"), canonical)  # type: ignore[arg-type]
            union.join(mention.text, canonical)

    extra: list[Mention] = []
    fund_company: dict[str, str] = {}  # 国家X引导基金有限公司 → 国家X引导基金
    for owner, alias, offset in declared_aliases(text, mentions):
        rank, label, kind, canonical = label_of[owner.text]
        note(alias, rank, label, kind, None)
        union.join(owner.text, alias)
        extra.append(
            Mention(alias, owner.label, offset, offset + len(alias), index.at(offset), dict(owner.properties), "alias")
        )

    known_forms: dict[tuple[str, str], list[str]] = {}

    def forms_of(surface: str, label: str) -> list[str]:
        """short_forms, worked out once per surface and label (it is asked again below)."""
        key = (surface, label)
        if key not in known_forms:
            known_forms[key] = short_forms(surface, label)
        return known_forms[key]

    # a surface with its places removed, or shortened to a derived short form, is the same entity as
    # that shorter surface when the article uses it (青岛崂山科创集团 / 崂山科创集团, 中车四方股份公司 / 中车四方股份)
    for surface in sorted(surfaces):
        if label_of[surface][1] not in ("Institution", "Company", "Fund"):
            continue
        for shorter in (*_place_steps(surface), *forms_of(surface, label_of[surface][1])):
            if (
                shorter == surface
                or shorter not in surfaces
                or label_of[shorter][1] not in ("Institution", "Company", "Fund")
            ):
                continue
            known_a, known_b = label_of[surface][3], label_of[shorter][3]
            if known_a and known_b and known_a != known_b:
                continue  # two different gazetteer actors (上海国投 / 国投) stay apart
            if known_b and not known_a and len(shorter) <= 2 and shorter != known_b:
                continue  # 某市国投 is the city's platform; the national 国投 is another actor
            if _other_place(surface, shorter, surfaces, union):
                continue  # 某园区天使基金 is not the 某市天使投资引导基金 the article calls 天使基金
            if label_of[shorter][1] == "Fund" and label_of[surface][1] != "Fund":
                # X有限公司 is fund X in company form (公司制运作); X基金管理有限公司 is its manager, another actor
                if surface[len(shorter) :] not in LEGAL_ENDINGS or not surface.startswith(shorter):
                    continue
                fund_company[surface] = shorter
            union.join(surface, shorter)

    # a local body's short form after its level word (省科技厅) and its full name in the article
    # (某省科学技术厅) are one body, when only one full name of that kind and level is there
    _join_local_short_forms(surfaces, label_of, union)
    _join_branch_forms(surfaces, label_of, union)
    _join_abbreviations(surfaces, label_of, union)

    # forms of one registered name (深圳市X科技有限公司 / X科技股份有限公司 / X科技) are one actor
    by_key: dict[tuple[str, str], str] = {}
    for surface in sorted(surfaces):
        label = label_of[surface][1]
        if label in ("Institution", "Company", "Fund"):
            first = by_key.setdefault((label, registered_key(surface, label)), surface)
            known_a, known_b = label_of[first][3], label_of[surface][3]
            if first != surface and not (known_a and known_b and known_a != known_b):
                union.join(first, surface)

    # short forms of full names, used on their own later in the article
    covered = _covered(mentions + extra, len(text))
    automaton = ahocorasick.Automaton()
    candidates: dict[str, str] = {}
    for surface in sorted(surfaces):
        rank, label, _, _ = label_of[surface]
        for form in forms_of(surface, label):
            candidates.setdefault(form, surface)
    known = known_actors()
    for surface in sorted(surfaces):
        if surface in known:
            for alias in known[surface].aliases:
                candidates.setdefault(alias, surface)
    for surface in sorted(surfaces):
        candidates.setdefault(surface, surface)
    for form in candidates:
        automaton.add_word(form, form)
    # a fund's short form may contain a name the entity stage took on its own (某某 in 某某智造股权基金, the
    # sponsor's name in its fund's): the fund's form is the name there, the inner one gives way
    fund_forms = {
        form for form, owner in candidates.items() if label_of[owner][1] == "Fund" and form != owner and len(form) >= 5
    }
    displaced: set[int] = set()

    def inner(start: int, end: int) -> list[Mention] | None:
        """The mentions inside [start, end) when all that cover it lie inside it, else None."""
        inside = [m for m in mentions if m.start < end and start < m.end]
        if any(m.start < start or m.end > end for m in inside) or any(m.start < end and start < m.end for m in extra):
            return None
        return inside

    def free(start: int, end: int, form: str) -> bool:
        return not any(covered[start:end]) or (form in fund_forms and inner(start, end) is not None)

    if candidates:
        automaton.make_automaton()
        hits = []
        for end_index, form in automaton.iter(text):
            start = end_index - len(form) + 1
            if (
                free(start, end_index + 1, form)
                and not inside_another_word(text, start, form)
                and not (form != candidates[form] and text.startswith(_descriptor_heads(), end_index + 1))
            ):
                hits.append((start, end_index + 1, form))
        # longest first, no overlaps
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        for start, end, form in hits:
            if not free(start, end, form):
                continue
            displaced.update(id(m) for m in inner(start, end) or [])
            owner = candidates[form]
            rank, label, kind, canonical = label_of[owner]
            if form not in surfaces:
                note(form, rank - 1, label, kind, None)
            union.join(owner, form)
            for position in range(start, end):
                covered[position] = True
            extra.append(Mention(form, label, start, end, index.at(start), {"kind": kind} if kind else {}, "alias"))

    _join_families(surfaces, label_of, candidates, union)

    mentions = [m for m in mentions if id(m) not in displaced]
    everything = sorted(mentions + extra, key=lambda m: (m.start, m.end))
    groups: dict[str, list[str]] = {}
    for surface in sorted(surfaces):
        groups.setdefault(union.find(surface), []).append(surface)
    entity_of_root: dict[str, Entity] = {}
    for root, names in sorted(groups.items()):
        best = max(names, key=lambda n: (label_of[n][0], len(n), n))
        if any(n in fund_company for n in names):
            best = max((n for n in names if label_of[n][1] == "Fund"), key=lambda n: (label_of[n][0], len(n), n))
        rank, label, kind, _ = label_of[best]
        canonical = next((label_of[n][3] for n in names if label_of[n][3]), None)
        if canonical is None and any(n in fund_company for n in names):
            canonical = best  # the fund is named by its fund name, its company form is an alias
        entity_of_root[root] = Entity(label, kind, sorted(names, key=lambda n: (-len(n), n)), canonical, rank)
    by_mention: dict[int, Entity] = {}
    for mention in everything:
        entity = entity_of_root[union.find(mention.text)]
        by_mention[id(mention)] = entity
        for key, value in mention.properties.items():
            if key not in ("canonical", "byline", "role", "title", "kind"):
                entity.properties.setdefault(key, value)
    entities = sorted({id(e): e for e in entity_of_root.values()}.values(), key=lambda e: (e.label, e.name))
    anaphors = _fund_company_anaphors(
        text, fund_company, everything, lambda surface: entity_of_root[union.find(surface)], index
    )
    for mention, entity in anaphors:
        by_mention[id(mention)] = entity
    if anaphors:
        everything = sorted(everything + [m for m, _ in anaphors], key=lambda m: (m.start, m.end))
    return entities, everything, by_mention


@cache
def _descriptor_heads() -> tuple[str, ...]:
    """Words after which a short form describes (智能汽车品牌, 新能源产业) rather than names an actor."""
    return tuple(str(w) for w in lexicon("relations").get("descriptor_heads", []) or [])


def _join_families(
    surfaces: set[str],
    label_of: dict[str, tuple[int, str, str | None, str | None]],
    forms: dict[str, str],
    union: _Union,
) -> None:
    """X系基金 (X's family of funds or companies): not an actor of its own but X, when the article names X
    (in full or by a short form of a name it uses); X keeps its own name and label."""
    endings = tuple(str(w) for w in lexicon("relations").get("family_endings", []) or [])
    for surface in sorted(surfaces):
        if label_of[surface][1] not in _ACTOR_LABELS:
            continue
        ending = next((e for e in endings if surface.endswith(e) and len(surface) > len(e) + 1), None)
        if ending is None:
            continue
        head = surface[: -len(ending)]
        owner = head if head in surfaces else forms.get(head)
        if owner is None or owner == surface or label_of[owner][1] not in _ACTOR_LABELS:
            continue
        rank, label, kind, canonical = label_of[owner]
        label_of[surface] = (rank - 1, label, kind, canonical)
        union.join(owner, surface)


_LEVELS = ("自治区", "省", "市", "区", "县", "州")


def _abbreviated(name: str) -> str:
    table = gazetteer("alias-words").get("body_abbreviations", {})
    for long, short in sorted(table.items(), key=lambda kv: -len(kv[0])):
        name = name.replace(str(long), str(short))
    return name


_BRANCH_ENDINGS = ("分行", "支行", "分公司")


def _branch_key(name: str) -> tuple[str, str, str] | None:
    """工行安徽分行 and 中国工商银行安徽省分行 → (中国工商银行, 安徽, 分行): the bank by its gazetteer
    name, the place by its canonical name, and the kind of branch."""
    ending = next((e for e in _BRANCH_ENDINGS if name.endswith(e)), "")
    if not ending:
        return None
    known = known_actors()
    for cut in range(len(name) - len(ending) - 1, 1, -1):
        bank = known.get(name[:cut])
        place = canonical_place(name[cut : -len(ending)])
        if bank is not None and place:
            return bank.canonical, place, ending
    return None


def _join_branch_forms(
    surfaces: set[str], label_of: dict[str, tuple[int, str, str | None, str | None]], union: _Union
) -> None:
    """One bank's branch in one place under two forms (工行某省分行 / 中国工商银行某省分行) is one branch."""
    first: dict[tuple[str, str, str], str] = {}
    for surface in sorted(surfaces):
        key = _branch_key(surface) if label_of[surface][1] == "Institution" else None
        if key is not None:
            union.join(first.setdefault(key, surface), surface)
    # 邮储银行省分行 (the level word for the place): the one branch of that bank and level the article names
    for surface in sorted(surfaces):
        leveled = _level_branch_key(surface) if label_of[surface][1] == "Institution" else None
        if leveled is None:
            continue
        bank, level, ending = leveled
        fitting = {
            full
            for (known_bank, _place, known_ending), full in first.items()
            if known_bank == bank and known_ending == ending and full[: -len(ending)].endswith(level)
        }
        if len(fitting) == 1:
            union.join(fitting.pop(), surface)


def _level_branch_key(name: str) -> tuple[str, str, str] | None:
    """邮储银行省分行 → (中国邮政储蓄银行, 省, 分行): a bank's branch named by the level of its place only."""
    ending = next((e for e in _BRANCH_ENDINGS if name.endswith(e)), "")
    level = name[-len(ending) - 1 : -len(ending)] if ending else ""
    if level not in ("省", "市", "区", "县"):
        return None
    bank = known_actors().get(name[: -len(ending) - 1])
    return (bank.canonical, level, ending) if bank is not None else None


def _join_local_short_forms(
    surfaces: set[str], label_of: dict[str, tuple[int, str, str | None, str | None]], union: _Union
) -> None:
    """省科技厅 and 某某省科学技术厅: the level word stands for the place the full name gives."""
    full_by_key: dict[tuple[str, str], list[str]] = {}
    placed: dict[tuple[str, str], str] = {}
    for surface in sorted(surfaces):
        place = leading_place(surface)
        if label_of[surface][2] == "government" and place and place[-1] in "省市区县":
            full_by_key.setdefault((place[-1], _abbreviated(surface[len(place) :])), []).append(surface)
        if label_of[surface][2] == "government" and place and canonical_place(place):
            # 某市科学技术局 and 某市科技局: one place, one body under its full and its short name
            key = (canonical_place(place), _abbreviated(surface[len(place) :]))
            union.join(placed.setdefault(key, surface), surface)
    for surface in surfaces:
        if label_of[surface][2] != "government" or surface[:1] not in "省市区县" or leading_place(surface):
            continue
        fulls = full_by_key.get((surface[0], _abbreviated(surface[1:])), [])
        if len(fulls) == 1 and not label_of[fulls[0]][3]:
            union.join(fulls[0], surface)


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is a Chinese abbreviation of `full`: it takes, in order, the first character of
    some of full's words (at least one word cut so) and whole words of it, beginning with its first word:
    深创投 of 深圳市创新投资集团, 城投集团 of 某市城市建设投资集团. Word for word (中国银行 in 中国工商银行) is no
    abbreviation: two names that share words may be two actors."""
    if len(short) < 3 or len(short) + 2 > len(full) or short[0] != full[0] or not _in_order(short, full):
        return False
    words = [word for word, _ in tagged_words(full)]
    if len(words) < 3:
        return False

    @cache
    def takes(at: int, word: int, cut: bool) -> bool:
        if at == len(short):
            return cut
        if word == len(words) or (word == 0 and at > 0):
            return False
        current = words[word]
        if word > 0 and takes(at, word + 1, cut):  # a word left out (not the first)
            return True
        if short.startswith(current, at) and takes(at + len(current), word + 1, cut):
            return True
        return len(current) > 1 and short[at] == current[0] and takes(at + 1, word + 1, True)

    return takes(0, 0, False)


def _in_order(short: str, full: str) -> bool:
    """Whether every character of `short` occurs in `full`, in order."""
    rest = iter(full)
    return all(char in rest for char in short)


def _join_abbreviations(
    surfaces: set[str], label_of: dict[str, tuple[int, str, str | None, str | None]], union: _Union
) -> None:
    """An unknown short form and the one full name of its label in the article that it abbreviates
    (`abbreviates`) are one actor; a form two full names could stand for stays apart."""
    labels = ("Institution", "Company", "Fund")
    by_start: dict[tuple[str, str], list[str]] = {}
    for full in sorted(surfaces):
        if label_of[full][1] in labels and len(full) >= 5:
            by_start.setdefault((label_of[full][1], full[0]), []).append(full)
    for short in sorted(surfaces):
        label, known = label_of[short][1], label_of[short][3]
        if label not in labels or known or len(short) < 3:
            continue
        fulls = [
            full
            for full in by_start.get((label, short[0]), [])
            if full != short and union.find(full) != union.find(short) and abbreviates(short, full)
        ]
        if len(fulls) == 1:
            union.join(fulls[0], short)


def _local_prefix(before: str) -> str:
    """The place or level written right before a name (省, 深圳市, 广东省深圳市), longest first; ''."""
    for cut in range(len(before)):
        candidate = before[cut:]
        if candidate in _LEVELS or strip_places(candidate + "X") == "X":
            return candidate
    return ""


def _local_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """省国资委, 深圳市发改委: a national body's short form after a place or a level word names the local
    body of that place, not the national one; the mention takes the prefix and loses the gazetteer's name.
    So does a two-character abbreviation of any actor (某市国投 is the city's platform, not 国投)."""
    taken = _covered(mentions, len(text))
    out: list[Mention] = []
    for mention in mentions:
        local_short = len(mention.text) <= 2 and mention.properties.get("canonical") not in (None, mention.text)
        if mention.source == "gazetteer" and (mention.properties.get("kind") == "government" or local_short):
            prefix = _local_prefix(text[max(0, mention.start - 12) : mention.start])
            start = mention.start - len(prefix)
            if prefix and not any(taken[start : mention.start]) and prefix not in countries():
                properties = {k: v for k, v in mention.properties.items() if k != "canonical"}
                mention = Mention(
                    text[start : mention.end], mention.label, start, mention.end, mention.sentence, properties, "org"
                )
        out.append(mention)
    return out


def _academy_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """中科院某某所: an academy's name followed by nouns and the short ending of an institute (所) names that
    institute, not the academy; the mention takes the unit's whole name and loses the academy's."""
    table = lexicon("organisations")
    shorts = tuple(str(v) for v in (table.get("institute_endings", {}) or {}).values())
    academies = tuple(str(e) for e in table.get("academy_endings", []) or [])
    classes = {str(c) for c in table.get("unit_word_classes", []) or []}
    taken: list[bool] | None = None  # built at the first academy: most articles name none
    out: list[Mention] = []
    for mention in mentions:
        name = str(mention.properties.get("canonical") or mention.text)
        if mention.source == "gazetteer" and mention.label == "Institution" and name.endswith(academies):
            if taken is None:
                taken = _covered(mentions, len(text))
            length = 0
            for word, tag in tagged_words(text[mention.end : mention.end + 12]):
                if any(taken[mention.end + length : mention.end + length + len(word)]):
                    break
                if word in shorts or (word.endswith(shorts) and len(word) > 2 and tag in classes):
                    unit = text[mention.start : mention.end + length + len(word)]
                    properties = {k: v for k, v in mention.properties.items() if k != "canonical"}
                    mention = Mention(
                        unit,
                        "Institution",
                        mention.start,
                        mention.start + len(unit),
                        mention.sentence,
                        properties,
                        "org",
                    )
                    break
                if tag not in classes or is_place(word) and length:
                    break
                length += len(word)
        out.append(mention)
    return out


def _fund_company_anaphors(
    text: str,
    fund_company: dict[str, str],
    mentions: list[Mention],
    entity_of: Callable[[str], Entity],
    index: SentenceIndex,
) -> list[tuple[Mention, Entity]]:
    """引导基金公司 after 设立“国家X引导基金有限公司”: the fund's type head + 公司 refers back to the one fund
    the article set up in company form. The anaphor points at the fund but is no alias of it."""
    heads: dict[str, list[tuple[int, Entity]]] = {}
    fund_suffixes = sorted(
        (str(s) for s in lexicon("funds")["suffixes"] if str(s) != lexicon("funds")["bare_suffix"]),
        key=len,
        reverse=True,
    )
    for company, fund in fund_company.items():
        head = next((s for s in fund_suffixes if fund.endswith(s) and len(fund) > len(s)), None)
        first = text.find(company)
        if head is None or first == -1:
            continue
        entity = entity_of(company)
        if all(e is not entity for _, e in heads.get(head, [])):
            heads.setdefault(head, []).append((first + len(company), entity))
    covered = _covered(mentions, len(text))
    out: list[tuple[Mention, Entity]] = []
    for head, owners in heads.items():
        if len(owners) != 1:
            continue  # two funds in company form with the same head: the reference is ambiguous
        after, entity = owners[0]
        for form in (head + "有限公司", head + "公司"):
            for match in re.finditer(re.escape(form), text[after:]):
                start, end = after + match.start(), after + match.end()
                if any(covered[start:end]):
                    continue
                for position in range(start, end):
                    covered[position] = True
                out.append((Mention(form, "Fund", start, end, index.at(start), {}, "anaphor"), entity))
    return out


def _covered(mentions: Iterable[Mention], length: int) -> list[bool]:
    covered = [False] * length
    for mention in mentions:
        for position in range(mention.start, mention.end):
            covered[position] = True
    return covered


def to_node(entity: Entity, document_id: str) -> Node:
    properties = dict(entity.properties)
    if entity.label == "Institution":
        properties["kind"] = entity.kind or "other"
    names = {entity.name, *entity.names}
    if entity.label in ("Institution", "Company"):
        # the name without its leading place is a form readers use too (崂山区巨峰科技大厦 → 巨峰科技大厦)
        names |= {
            bare
            for n in entity.names
            for bare in [strip_places(n)]
            if bare != n
            and len(bare) >= 4
            and not is_generic(bare)
            and not is_sector(bare)
            and _bare_names_something(n, bare)
        }
    aliases = sorted(names, key=lambda n: (n != entity.name, -len(n), n))
    return Node(
        id=entity.id,
        label=entity.label,
        name=entity.name,
        aliases=aliases,
        properties=properties,
        documents=[document_id],
    )


def _bare_names_something(name: str, bare: str) -> bool:
    """证券交易所, 人民政府办公厅, 银行六安分行 are no names without their place: the place was part of the
    name (a country in 中国银行) or the suffix needs a place (placed and bank suffixes), or what is left
    before the suffix only describes."""
    if any(name.startswith(c) for c in countries()):
        return False
    table = org_suffix_table()
    suffix = max((s for s in table if bare.endswith(s)), key=len, default="")
    if suffix and table[suffix].get("strength") in ("placed", "bank", "brand"):
        return False
    core = bare[: len(bare) - len(suffix)] if suffix else bare
    for ending in LEGAL_ENDINGS:
        if core.endswith(ending):
            core = core[: -len(ending)]
            break
    return bool(core) and not is_generic(core, TRADE_WORDS)


def key_of(name: str) -> str:
    return canonical_key(name)
