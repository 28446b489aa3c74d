"""Proposer: persons — bylines (◎某某 某某, 记者 / 某某, 编辑:某某, 来源:… 某某), titled names (董事长某某),
author notes (作者某某、某某均系…), and the name model's PER spans where a title or a byline role stands."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..lexicon import lexicon, one_of, words
from ..ner import NameSpan, made_of_common_words, word_classes


@cache
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = lexicon("persons")
    return frozenset(str(data["surnames"])), tuple(data["compound_surnames"])


_NAME_SHAPED = re.compile(r"[\u4e00-\u9fff]{2,4}")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def looks_like_name(token: str) -> bool:
    single, compound = _surnames()
    if not _NAME_SHAPED.fullmatch(token):
        return False
    if token.startswith(compound):
        return 3 <= len(token) <= 4
    return token[0] in single and len(token) <= 3


def _person(text: str, start: int, end: int, **properties: object) -> Mention:
    if " " in text[start:end]:
        properties["canonical"] = text[start:end].replace(" ", "")  # 王 辉 spaced for layout is 王辉
    return Mention(
        text=text[start:end],
        label="Person",
        start=start,
        end=end,
        sentence=-1,
        properties={k: v for k, v in properties.items() if v is not None},
        source="person",
    )


_LINE = re.compile(r"[^\n]+")
_SOURCE_LINE = re.compile(r"(?:^|\s)(?:来源|来源于|稿源)\s*[:：]")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年")


def _byline_tokens(line: str) -> list[tuple[int, int]] | None:
    """Offsets (in line) of the names of a byline, or None when the line is not one."""
    body = line
    for marker in lexicon("persons")["byline_markers"]:
        body = body.replace(marker, " " * len(marker))
    body = body.replace("(", " ").replace(")", " ")
    if len(body.strip()) > 24 or not body.strip():
        return None
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", body)]
    names: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        token = body[start:end]
        if len(token) == 1 and index + 1 < len(spans):
            # 王 辉: a two-character name spaced out for layout
            nstart, nend = spans[index + 1]
            if nend - nstart == 1 and looks_like_name(token + body[nstart:nend]):
                names.append((start, nend))
                index += 2
                continue
            return None
        if not looks_like_name(token):
            return None
        names.append((start, end))
        index += 1
    if len(names) == 1 and names[0][1] - names[0][0] == 2 and "◎" not in line and "(" not in line:
        return None  # a lone two-character line is too often a heading
    return names


def find_persons(text: str, model_spans: list[NameSpan] = ()) -> list[Mention]:  # type: ignore[assignment]
    found: list[Mention] = []
    model_names = {(s.start, s.end) for s in model_spans if s.tag == "PER"}
    model_starts = frozenset(start for start, _ in model_names)
    for line in _LINE.finditer(text):
        content = line.group(0)
        source = _SOURCE_LINE.search(content)
        if source:
            # 来源:某某日报 某某 2025-12-23 — the outlet first, then the reporters
            offset = line.start() + source.end()
            tokens = list(re.finditer(r"\S+", _DATE.sub(" ", content[source.end() :])))
            for token in tokens[1:]:
                if looks_like_name(token.group(0)):
                    found.append(_person(text, offset + token.start(), offset + token.end(), role="reporter"))
            continue
        spans = _byline_tokens(content)
        if spans:
            for start, end in spans:
                found.append(
                    _person(text, line.start() + start, line.start() + end, role="author", byline=line.start())
                )
    found += _titled(text, model_names, model_starts)
    found += _authors_in_notes(text)
    found += _byline_roles(text)
    found += _speakers(text, model_names)
    found += _after_nicknames(text, model_names, model_starts)
    found += _before_titles(text)
    found += _list_mates(text, model_names)
    found += _standalone(text)
    return found


_NOT_NAME_CLASSES = frozenset(("ns", "nt", "nz", "j", "t", "m", "r", "d", "p", "c", "f", "s"))


def _could_be_name(token: str, signed: bool = False) -> bool:
    """A known surname opens it, and the word model reads it as no place, organisation, abbreviation,
    time or function word (上海, 石化, 周边), nor as ordinary words — except for three characters in a
    signature's brackets, where the model takes rare given names for verbs or nouns."""
    from ..gazetteer import is_place

    if not looks_like_name(token) or token in words("persons", "not_names") or is_place(token):
        return False
    if _NOT_NAME_CLASSES.intersection(word_classes(token)):
        return False
    return signed and len(token) == 3 or not made_of_common_words(token)


@cache
def _standalone_re() -> re.Pattern[str]:
    # …。”(某某) closing a paragraph: the writer's signature; 。某某等人 / 、某某等人: a name before 等人
    before = _CLAUSE_OPENS + "".join(words("persons", "before_names"))
    return re.compile(
        r"[(（]([\u4e00-\u9fff]{2,4})[)）][”\"]?[ \t]*$"
        rf"|(?:^|(?<=[{before}]))([\u4e00-\u9fff]{{2,3}})等人",
        re.M,
    )


def _standalone(text: str) -> list[Mention]:
    """A name with no title and no verb the model knows: alone in brackets at a paragraph's end (the
    author's signature), or right before 等人 where a clause or list item opens — where it
    could be a name."""
    found = []
    for match in _standalone_re().finditer(text):
        group = 1 if match.group(1) else 2
        if _could_be_name(match.group(group), signed=group == 1):
            role = "author" if group == 1 else None
            found.append(_person(text, match.start(group), match.end(group), role=role))
    return found


_NAME_LIST = re.compile(r"[\u4e00-\u9fff]{2,}(?:\s*、\s*[\u4e00-\u9fff]{2,})+")


def _list_mates(text: str, model_names: set[tuple[int, int]]) -> list[Mention]:
    """某甲、某乙、某丙参加: in a 、-list whose items the name model reads as persons (two or more, at least
    half), the other name-shaped items are persons too (the model misses rare given names)."""
    found: list[Mention] = []
    if len(model_names) < 2:
        return found
    clauses = {_clause_around(text, start) for start, _ in model_names}
    for clause_start, clause_end in sorted(clauses):
        found += _mates_in(text, clause_start, clause_end, model_names)
    return found


def _clause_around(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, at) for c in ",，。;；:：\n") + 1
    ends = [e for e in (text.find(c, at) for c in ",，。;；:：\n") if e != -1]
    return start, min(ends, default=len(text))


def _mates_in(text: str, clause_start: int, clause_end: int, model_names: set[tuple[int, int]]) -> list[Mention]:
    found = []
    for run in _NAME_LIST.finditer(text, clause_start, clause_end):
        items = [(m.start(), m.end()) for m in re.finditer(r"[\u4e00-\u9fff]+", run.group(0))]
        items = [(run.start() + a, run.start() + b) for a, b in items]
        spans: list[tuple[int, int] | None] = []
        for index, (start, end) in enumerate(items):
            if index == 0:  # the first item may carry the words before the list (领导某甲)
                spans.append(next(((a, b) for a, b in model_names if b == end and a >= start), None))
                continue
            if index == len(items) - 1:  # the last may run on into the verb (某丙参加)
                end = next((start + n for n in (3, 2) if name_follows(text, start + n)), end)
            spans.append((start, end))
        modelled = [span for span in spans if span in model_names]
        if len(modelled) < 2 or 2 * len(modelled) < len(spans):
            continue
        for span in spans:
            if span and span not in model_names and looks_like_name(text[span[0] : span[1]]):
                found.append(_person(text, *span))
    return found


@cache
def _title_after_re() -> re.Pattern[str]:
    titles = one_of("persons", "titles_after_name")
    return re.compile(rf"(?:{titles})")


@cache
def _unit_suffixes() -> tuple[str, ...]:
    """Organisation endings of two or more characters (分行, 公司, 研究院): no given name ends in one."""
    from ..gazetteer import org_suffix_table

    return tuple(s for s in org_suffix_table() if len(s) >= 2)


def _reads_as_name(token: str) -> bool:
    """A token the word model reads as a person's name, or as pieces that are not all ordinary words
    (石某飞 → 石 + 某飞); not one known word of another class (党委, 全市, 高管)."""
    if not looks_like_name(token):
        return False
    classes = word_classes(token)
    if any(pos.startswith("nr") for pos in classes):
        return True
    return len(classes) > 1 and not made_of_common_words(token)


_CLAUSE_OPENS = "。,，;；!?！？:：、 \n“"


def _before_titles(text: str) -> list[Mention]:
    """某某副州长强调, 某某董事长介绍: a name right before a title, when a known surname opens it and the
    word model reads it as a name (全市副市长, 常务副市长, 党委书记 name no one)."""
    found = []
    for match in _title_after_re().finditer(text):
        end = match.start()
        if text[end - 1 : end] in ("副", "务"):
            continue  # 市长 inside 副市长 / 常务副市长 is not a title of its own
        if text[end - 1 : end] in _LEVELS:
            continue  # 某州市副市长: a place and its level before the title, no name
        if text.endswith(_unit_suffixes(), max(0, end - 4), end):
            continue  # 某银行大连分行行长: the title of the unit named right before it, no name
        three, two = text[max(0, end - 3) : end], text[max(0, end - 2) : end]
        if len(three) == 3 and word_classes(three) in (("nr",), ("nrfg",), ("nrt",)) and looks_like_name(three):
            found.append(_person(text, end - 3, end, title=match.group(0)))  # 王某生董事长: one name word
        elif len(three) == 3 and looks_like_name(three) and (end == 3 or text[end - 4] in _CLAUSE_OPENS):
            # 。李某毅董事长: a clause opens with the name, so its first character is no word of its own
            found.append(_person(text, end - 3, end, title=match.group(0)))
        elif len(two) == 2 and _reads_as_name(two):
            found.append(_person(text, end - 2, end, title=match.group(0)))  # 府某华副州长 → 某华
        elif len(three) == 3 and _reads_as_name(three) and not looks_like_name(two):
            found.append(_person(text, end - 3, end, title=match.group(0)))  # 石某飞副市长: the model splits it
    return found


@cache
def _nickname_re() -> re.Pattern[str]:
    endings = one_of("persons", "nickname_endings")
    # a nickname of two or more characters ending like one (某某君, 某哥), right before the real name
    return re.compile(rf"[\u4e00-\u9fff](?:{endings})(?=([\u4e00-\u9fff]{{2,3}}))")


def _after_nicknames(text: str, model_names: set[tuple[int, int]], model_starts: frozenset[int]) -> list[Mention]:
    """up主某某君张三, 人称某哥的李四: the real name after a nickname, where what follows closes it."""
    found = []
    for match in _nickname_re().finditer(text):
        end = _name_at(text, match.start(1), model_names, model_starts)
        if end is not None:
            found.append(_person(text, match.start(1), end))
    return found


@cache
def _speaker_re() -> re.Pattern[str]:
    verbs = one_of("persons", "speech_verbs")
    return re.compile(rf"(?:^|(?<=[,，。;；:：、\s“”]))([\u4e00-\u9fff]{{2,3}})(?:{verbs})", re.M)


def _speakers(text: str, model_names: set[tuple[int, int]]) -> list[Mention]:
    """某某表示 / 某某指出 with no title: a person when a known surname opens the words and the name model
    starts a person there (jieba-rs often tags the surname alone), or the word model reads them as a name
    (in every mode: segmentation ships in the wheel)."""
    found = []
    model_starts = {start for start, _ in model_names}
    for match in _speaker_re().finditer(text):
        name = match.group(1)
        if looks_like_name(name) and (match.start(1) in model_starts or _reads_as_name(name)):
            if name[-1] in _TITLE_ENDINGS:
                continue  # 李市长强调, 王总表示: a surname and a title, no name
            found.append(_person(text, match.start(1), match.end(1)))
    for match in _attending_re().finditer(text):
        group = 1 if match.group(1) else 2
        offset = match.start(group)
        for token in match.group(group).split("、"):
            if looks_like_name(token) and _reads_as_name(token) and token[-1] not in _TITLE_ENDINGS:
                found.append(_person(text, offset, offset + len(token)))
            offset += len(token) + 1
    return found


_TITLE_ENDINGS = "长总记任理席授士师"
_LEVELS = "省市县区州镇乡"


@cache
def _attending_re() -> re.Pattern[str]:
    # 据某某介绍 (a speaker cited), 某某、某某等出席 (names listed before a verb of attending)
    verbs = one_of("persons", "attending_verbs")
    return re.compile(
        rf"(?:(?<=据)([\u4e00-\u9fff]{{2,3}})(?=介绍|透露|表示|称|说)"
        rf"|(?:^|(?<=[,，。;；:：\s]))((?:[\u4e00-\u9fff]{{2,3}}、)+[\u4e00-\u9fff]{{2,3}})等?(?:{verbs}))",
        re.M,
    )


@cache
def _role_re() -> re.Pattern[str]:
    roles = one_of("persons", "byline_roles")
    # the role opens the line, follows a non-name character (□, ◎, a bracket) or an outlet (某某报记者)
    before = r"(?:^|(?<![\u4e00-\u9fffA-Za-z0-9])|(?<=[报社网台道经]))"  # (…财经记者: a business outlet's)
    # …or a word that closes a byline line (记者某某报道, 记者某某发自北京)
    closers = one_of("persons", "byline_closers")
    after = rf"(?=$|[\s),，;；。|)）、】\]]|{closers})"
    # the name: two to four characters, or a two-character name spaced out for layout (编辑:王 辉);
    # the shortest that a delimiter or closer follows (记者某某报道 must not take 报道)
    name = r"[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff])|[\u4e00-\u9fff]{2,4}?"
    # 丨 (a CJK stroke) stands for the pipe in many bylines (作者丨某某)
    return re.compile(rf"{before}({roles})(\s*[:：/／|｜丨]?\s*)({name}){after}", re.M)


def _byline_roles(text: str) -> list[Mention]:
    """记者 / 某某, 编辑:某某, (责任编辑:某某): a byline role word, then a name up to a delimiter.

    The role marks the position, so the name needs no known surname (pen names too)."""
    found = []
    for match in _role_re().finditer(text):
        name = match.group(3).replace(" ", "")
        separated = bool(match.group(2).strip())
        if name in words("persons", "not_names") or not match.group(2) and not looks_like_name(name):
            continue  # 记者注意到: with nothing between role and word, the word must read as a name
        if len(name) >= 4 and any(name.endswith(e) and len(e) >= 2 for e in words("media", "endings")):
            continue  # 文|某某财经: the outlet that wrote it, not a person
        if len(match.group(1)) == 1 and not separated and not (match.group(2) and looks_like_name(name)):
            continue  # 文 | 某某 and 图/某某 with their mark; 文 某某 with a space only where a surname opens it
        role = lexicon("persons")["byline_roles"][match.group(1)]
        found.append(_person(text, match.start(3), match.end(3), role=role))
        # 通讯员 某某 某某某 某某: more names after the first, each set off by a space, on the same line
        at = match.end(3)
        while (more := _NEXT_BYLINE_NAME.match(text, at)) and looks_like_name(more.group(1)):
            found.append(_person(text, more.start(1), more.end(1), role=role))
            at = more.end(1)
    return found


_NEXT_BYLINE_NAME = re.compile(r"[ \t\u3000]+([\u4e00-\u9fff]{2,4})(?=$|[ \t\u3000),，;；。、)）】\]])", re.M)


@cache
def _title_re() -> re.Pattern[str]:
    titles = one_of("persons", "titles")
    # the name in a lookahead: 创始人兼董事长某某 must not let 兼董事长 pass for the founder's name
    # 创始人——某某: a dash may stand between the title and the name
    return re.compile(rf"({titles})(?:——|—|--)?(?=([\u4e00-\u9fff]{{2,4}}))")


def name_follows(text: str, end: int) -> bool:
    """What follows `end` closes a name: punctuation, the text's end, or a word that follows names."""
    following = text[end : end + 8]
    return not following or following[0] in ',,。:：、;)( \n“"' or following.startswith(words("persons", "after_name"))


def _name_at(text: str, start: int, model_names: set[tuple[int, int]], model_starts: frozenset[int]) -> int | None:
    """End of a person's name starting at `start`, judged by what follows it (or by the name model:
    a person span it starts there, even when it took the rare surname alone)."""
    model_start = start in model_starts
    if text[start + 2 : start + 3] in words("persons", "prepositions_after_name") and looks_like_name(
        text[start : start + 2]
    ):
        return start + 2  # 行长某某向记者介绍: the preposition opens the verb phrase, it ends the name
    following = text[start + 2 : start + 10]
    if looks_like_name(text[start : start + 2]) and any(
        len(w) >= 2 and following.startswith(w) for w in words("persons", "after_name")
    ):
        return start + 2  # 总经理某某作报告: a known two-character word after two characters ends the name
    for length in (3, 2):
        if (start, start + length) in model_names and looks_like_name(text[start : start + length]):
            return start + length  # a title, a known surname and the model's whole name: whatever follows
        end = start + length
        if model_start and _HAN.fullmatch(text[start:end]) and name_follows(text, end):
            return end
        if looks_like_name(text[start:end]) and name_follows(text, end):
            return end
    return None


def _titled(text: str, model_names: set[tuple[int, int]], model_starts: frozenset[int]) -> list[Mention]:
    found = []
    for match in _title_re().finditer(text):
        end = _name_at(text, match.start(2), model_names, model_starts)
        if end is not None:
            found.append(_person(text, match.start(2), end, title=match.group(1)))
    return found


_NOTE = re.compile(r"作者((?:[\u4e00-\u9fff]{2,4}[、,])*[\u4e00-\u9fff]{2,4})(?:均|都)?系")


def _authors_in_notes(text: str) -> list[Mention]:
    """(作者张俊芳、张明喜均系…): the names inside an author note."""
    found = []
    for match in _NOTE.finditer(text):
        offset = match.start(1)
        for token in re.finditer(r"[^、,]+", match.group(1)):
            name = token.group(0)
            for cut in (name, name[:-1]):  # 张明喜均 → 张明喜 when 均 was swallowed
                if looks_like_name(cut):
                    found.append(
                        _person(text, offset + token.start(), offset + token.start() + len(cut), role="author")
                    )
                    break
    return found
