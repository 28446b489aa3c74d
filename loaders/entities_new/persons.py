"""Persons: author bylines (◎张俊芳 张明喜, 王 辉 迟皓冰, 来源:… 唐婧) and titled names (董事长吴松华)."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from .lexicon import lexicon, words


@cache
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = lexicon("persons")
    return frozenset(str(data["surnames"])), tuple(data["compound_surnames"])


def looks_like_name(token: str) -> bool:
    single, compound = _surnames()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", token):
        return False
    if any(token.startswith(c) for c in compound):
        return 3 <= len(token) <= 4
    return token[0] in single and len(token) <= 3


def _person(text: str, start: int, end: int, **properties: object) -> Mention:
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
_SOURCE_LINE = re.compile(r"^(?:来源|来源于|稿源)\s*[:：]")
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


def find_persons(text: str) -> list[Mention]:
    found: list[Mention] = []
    for line in _LINE.finditer(text):
        content = line.group(0)
        if _SOURCE_LINE.match(content):
            # 来源:21世纪经济报道 唐婧 2025-12-23 — the outlet first, then the reporters
            tokens = list(re.finditer(r"\S+", _DATE.sub(" ", content.split(":", 1)[-1])))
            offset = line.start() + content.index(":") + 1 if ":" in content else line.start()
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
    found += _titled(text)
    found += _authors_in_notes(text)
    return found


@cache
def _title_re() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in words("persons", "titles"))
    return re.compile(rf"({titles})([\u4e00-\u9fff]{{2,4}})")


def _name_at(text: str, start: int) -> int | None:
    """End of a person's name starting at `start`, judged by what follows it."""
    after = words("persons", "after_name")
    for length in (3, 2):
        end = start + length
        token = text[start:end]
        if not looks_like_name(token):
            continue
        following = text[end : end + 4]
        if not following or following[0] in ',,。:：、;)( \n“"' or any(following.startswith(w) for w in after):
            return end
    return None


def _titled(text: str) -> list[Mention]:
    found = []
    for match in _title_re().finditer(text):
        end = _name_at(text, match.start(2))
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
