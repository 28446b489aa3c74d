"""Skipping texts a regex cannot match: the strings one of which every match needs, read off the regex.

    required_strings(regex) -> frozenset[str] | None    None: nothing is known (always run the regex)
    finditer(regex, text)                               regex.finditer(text), or nothing at once when
                                                        the text lacks every required string; near
                                                        them only, when they are few and a match is short

Python's re has no literal prefilter for patterns that open with a class or a lookbehind, so it tries
every position; a substring or Aho-Corasick scan for the strings a match must contain is much faster
and the answer is the same: a text without them has no match.
"""

from __future__ import annotations

import re
import re._compiler as sre_compiler
import re._constants as sre_constants
import re._parser as sre_parser
from collections.abc import Iterator
from functools import cache

import ahocorasick

Strings = frozenset[str] | None
_MAX_CLASS = 64  # a character class of more literals than this tells too little to be worth checking
_MAX_PLAIN = 8  # up to this many required strings are looked for one by one; more through an automaton
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_UNBOUNDED = sre_constants.MAXREPEAT
_MAX_REACH = 64  # a match that may read further than this from its start is searched in the whole text
_WINDOWED_SHARE = 0.5  # windows covering more of the text than this save nothing: the whole text is searched


def _best(options: list[frozenset[str]]) -> Strings:
    """Of several requirements that all hold, the most selective: longest shortest word, then fewest words."""
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _required(parsed: sre_parser.SubPattern | list) -> Strings:
    """Strings one of which the text of every match of a parsed regex contains (with what its positive
    lookarounds see: they too must be in the text): the most selective of its requirements."""
    return _best(_all_required(parsed))


def _all_required(parsed: sre_parser.SubPattern | list) -> list[frozenset[str]]:
    """Every requirement of a parsed regex, read into the groups, lookaheads and repeats a match goes
    through: the text of every match holds one string of each set (all at once)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in parsed:
        if op is sre_constants.LITERAL:
            run += chr(arg)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        if op is sre_constants.SUBPATTERN and not arg[1] and not arg[2]:
            options += _all_required(arg[3])
        elif op is sre_constants.ATOMIC_GROUP:
            options += _all_required(arg)
        elif op is sre_constants.ASSERT:
            options += _all_required(arg[1])
        elif op in _REPEATS and arg[0] >= 1:
            options += _all_required(arg[2])
        elif op is sre_constants.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            if all(b is not None for b in branches):
                options.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op is sre_constants.IN and len(arg) <= _MAX_CLASS and all(o is sre_constants.LITERAL for o, _ in arg):
            options.append(frozenset(chr(code) for _, code in arg))
    if run:
        options.append(frozenset([run]))
    return options


@cache
def all_required_strings(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of strings the text of every match of the regex holds one of each of; none when nothing is known."""
    if regex.flags & re.IGNORECASE:
        return ()
    return tuple(dict.fromkeys(_all_required(sre_parser.parse(regex.pattern, regex.flags & ~re.UNICODE))))


@cache
def required_strings(regex: re.Pattern[str]) -> Strings:
    """Strings one of which every text the regex matches in contains; None when nothing is known."""
    if regex.flags & re.IGNORECASE:
        return None
    return _required(sre_parser.parse(regex.pattern, regex.flags & ~re.UNICODE)) or None


def automaton_of(strings: dict[str, object]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for string, value in strings.items():
        automaton.add_word(string, value)
    automaton.make_automaton()
    return automaton


@cache
def _check(regex: re.Pattern[str]) -> tuple[Strings, ahocorasick.Automaton | None]:
    strings = required_strings(regex)
    if strings is None or len(strings) <= _MAX_PLAIN:
        return strings, None
    return strings, automaton_of({string: string for string in strings})


@cache
def _also(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """speed13 — the regex's other short requirements (all_required_strings), each also needed in a text."""
    strings = required_strings(regex)
    return tuple(need for need in all_required_strings(regex) if need != strings and len(need) <= _MAX_PLAIN)


def may_match(regex: re.Pattern[str], text: str) -> bool:
    """False only when the text lacks every string a match of the regex needs."""
    strings, automaton = _check(regex)
    if strings is None:
        return True
    if automaton is None:
        if not any(string in text for string in strings):
            return False
    elif next(automaton.iter(text), None) is None:
        return False
    return all(any(string in text for string in need) for need in _also(regex))


def _extent(parsed: sre_parser.SubPattern | list) -> tuple[int, int, int]:
    """(most characters a match consumes, furthest a match reads ahead of its start — what a lookahead
    sees included —, furthest a lookbehind reads back); _UNBOUNDED where nothing bounds them."""
    consumed = reach = back = 0
    for op, arg in parsed:
        width = reach_here = 0
        if op is sre_constants.ASSERT or op is sre_constants.ASSERT_NOT:
            direction, sub = arg
            sub_consumed, sub_reach, sub_back = _extent(sub)
            if direction < 0:
                back = max(back, sub_consumed, sub_back)  # it ends where it stands: it reads back its width
                reach_here = max(0, sub_reach - sub_consumed)
            else:
                reach_here, back = sub_reach, max(back, sub_back)
        elif op is sre_constants.SUBPATTERN:
            width, reach_here, sub_back = _extent(arg[3])
            back = max(back, sub_back)
        elif op is sre_constants.ATOMIC_GROUP:
            width, reach_here, sub_back = _extent(arg)
            back = max(back, sub_back)
        elif op is sre_constants.BRANCH:
            extents = [_extent(branch) for branch in arg[1]]
            width = max(e[0] for e in extents)
            reach_here = max(e[1] for e in extents)
            back = max(back, *(e[2] for e in extents))
        elif op in _REPEATS:
            low, high, sub = arg
            sub_consumed, sub_reach, sub_back = _extent(sub)
            if high >= _UNBOUNDED:
                return _UNBOUNDED, _UNBOUNDED, _UNBOUNDED
            width = high * sub_consumed
            reach_here = max(0, high - 1) * sub_consumed + sub_reach
            back = max(back, sub_back)
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS, sre_constants.GROUPREF_IGNORE):
            return _UNBOUNDED, _UNBOUNDED, _UNBOUNDED  # what a group matched: not known from the pattern
        elif op is sre_constants.AT:
            back = max(back, 1)  # \b and a line start look at the character before
        else:
            width = reach_here = 1  # one character: a literal, a class, any
        reach = max(reach, consumed + reach_here)
        consumed += width
        if consumed >= _UNBOUNDED:
            return _UNBOUNDED, _UNBOUNDED, _UNBOUNDED
    return consumed, max(reach, consumed), back


def _engine_skips(parsed: sre_parser.SubPattern, flags: int) -> bool:
    """Whether re itself skips the positions where no match starts: the pattern is anchored, or opens with
    a literal or one of some literal characters (a class of every Chinese character skips nothing)."""
    if parsed.data and parsed.data[0][0] is sre_constants.AT:
        return True
    prefix, _skip, _all = sre_compiler._get_literal_prefix(parsed, flags)
    if prefix:
        return True
    charset = sre_compiler._get_charset_prefix(parsed, flags)
    return charset is not None and all(o is sre_constants.LITERAL for o, _ in charset)


@cache
def _window(regex: re.Pattern[str]) -> tuple[int, int] | None:
    """(reach ahead, reach back) of every match of a regex that re tries at every position, whose matches
    are short and never empty and whose required strings are known: a match starting at s holds one of
    them within [s − back, s + ahead). None for any other regex."""
    if required_strings(regex) is None or regex.flags & re.IGNORECASE:
        return None
    parsed = sre_parser.parse(regex.pattern, regex.flags & ~re.UNICODE)
    low, _high = parsed.getwidth()
    _consumed, ahead, back = _extent(parsed)
    if low == 0 or ahead > _MAX_REACH or back > _MAX_REACH or _engine_skips(parsed, regex.flags):
        return None
    return ahead, back


def _hits(regex: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each required string in the text, in order of their ends."""
    strings, automaton = _check(regex)
    assert strings is not None
    if automaton is not None:
        return ((end + 1 - len(string), end + 1) for end, string in automaton.iter(text))
    found = []
    for string in strings:
        at = text.find(string)
        while at != -1:
            found.append((at, at + len(string)))
            at = text.find(string, at + 1)
    return iter(sorted(found, key=lambda hit: hit[1]))


def _windows(regex: re.Pattern[str], text: str, ahead: int, back: int) -> list[tuple[int, int]] | None:
    """The ranges of start positions (first, last) where a match may start: near a required string; None
    when they cover too much of the text to be worth it."""
    budget = _WINDOWED_SHARE * len(text)
    ranges: list[tuple[int, int]] = []
    for start, end in _hits(regex, text):
        first, last = max(0, end - ahead), start + back
        if ranges and first <= ranges[-1][1] + 1:
            if last > ranges[-1][1]:
                budget -= last - ranges[-1][1]
                ranges[-1] = (min(ranges[-1][0], first), last)
            elif first < ranges[-1][0]:
                ranges[-1] = (first, ranges[-1][1])
        else:
            budget -= last - first + 1
            ranges.append((first, last))
        if budget < 0:
            return None
    return ranges


def _windowed(regex: re.Pattern[str], text: str, ranges: list[tuple[int, int]], ahead: int) -> Iterator[re.Match[str]]:
    """regex.finditer(text) where matches may start only in `ranges`: each range is searched with the text cut
    two characters past what its last start can read (so $ and lookaheads see what they see in the whole
    text), and a match found past the range's last start is dropped (the cut may have made it)."""
    position = 0
    for first, last in ranges:
        start = max(first, position)
        while start <= last:
            match = regex.search(text, start, min(len(text), last + ahead + 2))
            if match is None or match.start() > last:
                break
            yield match
            start = position = match.end()  # a match is never empty here


def finditer(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """regex.finditer(text), skipping at once a text that cannot hold a match, and, for a regex whose
    matches are short, the stretches of text far from every string a match needs (the same matches)."""
    window = _window(regex)
    if window is None:
        return regex.finditer(text) if may_match(regex, text) else iter(())
    ranges = _windows(regex, text, *window)  # none where the text lacks every required string
    return regex.finditer(text) if ranges is None else _windowed(regex, text, ranges, window[0])
