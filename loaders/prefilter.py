"""Skipping texts a regex cannot match: the strings one of which every match needs, read off the regex.

    required_strings(regex) -> frozenset[str] | None    None: nothing is known (always run the regex)
    finditer(regex, text)                               regex.finditer(text), or nothing at once when
                                                        the text lacks every required string

Python's re has no literal prefilter for patterns that open with a class or a lookbehind, so it tries
every position; a substring or Aho-Corasick scan for the strings a match must contain is much faster
and the answer is the same: a text without them has no match.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parser
from collections.abc import Iterator
from functools import cache

import ahocorasick

Strings = frozenset[str] | None
_MAX_CLASS = 64  # a character class of more literals than this tells too little to be worth checking
_MAX_PLAIN = 8  # up to this many required strings are looked for one by one; more through an automaton
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def _best(options: list[frozenset[str]]) -> Strings:
    """Of several requirements that all hold, the most selective: longest shortest word, then fewest words."""
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def _required(parsed: sre_parser.SubPattern | list) -> Strings:
    """Strings one of which the text of every match of a parsed regex contains (with what its positive
    lookarounds see: they too must be in the text)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in parsed:
        if op is sre_constants.LITERAL:
            run += chr(arg)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        found: Strings = None
        if op is sre_constants.SUBPATTERN and not arg[1] and not arg[2]:
            found = _required(arg[3])
        elif op is sre_constants.ATOMIC_GROUP:
            found = _required(arg)
        elif op is sre_constants.ASSERT:
            found = _required(arg[1])
        elif op is sre_constants.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS:
            if arg[0] >= 1:
                found = _required(arg[2])
        elif op is sre_constants.IN and len(arg) <= _MAX_CLASS and all(o is sre_constants.LITERAL for o, _ in arg):
            found = frozenset(chr(code) for _, code in arg)
        if found:
            options.append(found)
    if run:
        options.append(frozenset([run]))
    return _best(options)


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
    return strings, automaton_of(dict.fromkeys(strings, True))


def may_match(regex: re.Pattern[str], text: str) -> bool:
    """False only when the text lacks every string a match of the regex needs."""
    strings, automaton = _check(regex)
    if strings is None:
        return True
    if automaton is None:
        return any(string in text for string in strings)
    return next(automaton.iter(text), None) is not None


def finditer(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """regex.finditer(text), skipping at once a text that cannot hold a match."""
    return regex.finditer(text) if may_match(regex, text) else iter(())
