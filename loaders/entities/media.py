"""Proposer: news outlets — the source line (来源:某某日报), 《某某报》, and a publication name where an
outlet's words follow it (某某网讯, 某某财经(ID:…), 某某客户端 2025-01-01)."""

from __future__ import annotations

import re
from functools import cache

from capgraph.graph.model import Mention

from ..gazetteer import org_suffix_table
from ..lexicon import lexicon, one_of, words
from ..names import is_name_char
from ..prefilter import finditer
from .candidate import make_mention

_SOURCE = re.compile(r"(?:^|(?<=\s))(?:来源|来源于|稿源)\s*[:：]\s*([^\s,,。;:：]{2,16})", re.M)
_TITLE = re.compile(r"《([^《》\n]{2,16})》")
_DATELINE = re.compile(
    r"(?:^|(?<=[\s(（]))([\u4e00-\u9fff]{2,8}?(?:社|报|网|台))[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日(?:电|讯)", re.M
)
# 某某经纬3月5日电: a dispatch's date and 电/讯 after a name that opens the line name the outlet
_DISPATCH = re.compile(r"(?:^|(?<=[\s(（]))([\u4e00-\u9fffA-Za-z]{2,8})\d{1,2}月\d{1,2}日(?:电|讯)", re.M)
_LINE_HEAD = re.compile(r"^([^\s\d]{2,16})\s+(?:(?:发布)?时间\s*[:：]\s*)?\d{4}-\d{1,2}-\d{1,2}", re.M)
# 【某某网】(记者 某某) / 【某某财经】讯: a bracketed head before a reporter or 讯 is the outlet
_BRACKET_HEAD = re.compile(r"【([\u4e00-\u9fffA-Za-z·]{2,12})】\s*(?=[(（]?\s*(?:记者|讯|通讯员|编者按))")
# 【某某网 某某栏目】导读: a bracketed head opening a line, the outlet before its column's name
_LINE_BRACKET_HEAD = re.compile(r"^【([\u4e00-\u9fffA-Za-z·]{2,12})(?:\s[^】\n]{1,12})?】", re.M)
# 据某某报道 / 据某某消息: whoever is cited as reporting is an outlet, whatever its name ends in
_CITED = re.compile(r"据([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:报道|消息称|消息|援引|披露)")
# 某某(ID:abc123): a public account's name, whatever it ends in
_ACCOUNT = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fffA-Za-z0-9·]))([\u4e00-\u9fffA-Za-z·][\u4e00-\u9fffA-Za-z0-9·]{1,11})\s*[(（]"
    r"(?:ID|微信号|微信ID|公众号)\s*[:：]"
)
# 文 | 某某PEdaily, 来源 | 某某财经: an outlet after the pipe when it ends like one or carries a Latin brand
_PIPE = re.compile(r"(?:^|(?<=\s))(?:文|来源|出品)\s*[|｜丨]\s*([\u4e00-\u9fffA-Za-z·]{2,16})", re.M)
# 本文为某某原创: who says the article is its own is the outlet
_ORIGINAL = re.compile(r"本文(?:为|系|是|由)([\u4e00-\u9fffA-Za-z0-9·]{2,10}?)(?:原创|独家|首发)")


# 某某获悉, opening a paragraph: who learnt the news is the outlet that reports it (投资界获悉, 某某氪获悉)
_LEARNT = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fffA-Za-z0-9]{2,5})获悉", re.M)
# …正文结束。(某某报) at a paragraph's end: the outlet credited for the article
_CREDIT = re.compile(r"[。!?！？][(（]([\u4e00-\u9fff]{1,8}(?:报|网|社|台|新闻|财经))[)）](?=[ \t]*(?:【|\n|$))", re.M)


@cache
def _named_outlet() -> re.Pattern[str]:
    endings = one_of("media", "endings")
    after = one_of("media", "context_after")
    # the name opens its clause (or follows 据/自); six characters at most before its ending
    opens = r"(?:^|(?<=[^\u4e00-\u9fffA-Za-z·])|(?<=[据自]))"
    return re.compile(rf"{opens}([\u4e00-\u9fffA-Za-z·]{{1,6}}(?:{endings}))(?={after})")


def _is_outlet(name: str) -> bool:
    return any(name.endswith(e) for e in words("media", "endings")) and len(name) > 2


def find_media(text: str, known_ends: set[int]) -> list[Mention]:
    found = []
    seen: set[int] = set()

    def add(start: int, end: int, why: str) -> None:
        if text[start:end] in words("media", "not_outlets"):
            return
        if (
            (end not in known_ends or why == "account id")  # 据某某红杉(ID:…): the account, not the exchange
            and start not in seen
            and all(is_name_char(ch) or ch.isdigit() for ch in text[start:end])
        ):
            seen.add(start)
            name = text[start:end]
            if why == "account id" and any(name.endswith(x) and len(name) > len(x) for x in org_suffix_table()):
                # 某某资本(ID:…): an organisation's own account; the typer reads its name
                found.append(make_mention(text, start, end, "ORG", "context", why=why))
                return
            found.append(make_mention(text, start, end, "Institution", "context", kind="other", why=why))

    for match in finditer(_SOURCE, text):
        add(match.start(1), match.end(1), "source line")
    for match in finditer(_TITLE, text):
        if any(match.group(1).endswith(e) for e in lexicon("media")["newspaper_endings"]):
            add(match.start(1), match.end(1), "newspaper title")
    datelines = set()
    for match in finditer(_DATELINE, text):
        add(match.start(1), match.end(1), "dateline")  # 某某社北京3月5日电
        datelines.add(match.start(1))  # a known outlet adds nothing here, and its city stays out below
    for match in finditer(_DISPATCH, text):
        if match.start(1) not in datelines:
            add(match.start(1), match.end(1), "dispatch")  # after the datelines: 某某社北京… keeps its outlet
    for match in finditer(_BRACKET_HEAD, text):
        add(match.start(1), match.end(1), "bracketed head")
    for match in finditer(_LINE_BRACKET_HEAD, text):
        if _is_outlet(match.group(1)):
            add(match.start(1), match.end(1), "bracketed head")
    for match in finditer(_CITED, text):
        name = match.group(1)
        if name not in words("media", "not_cited_outlets") and not name.isdigit():
            add(match.start(1), match.end(1), "cited as reporting")
    for match in finditer(_ACCOUNT, text):
        # 关注某某资本微信公众号(ID:…): the account's name without the verb and the word for an account
        name = match.group(1)
        head = next((v for v in words("media", "account_verbs") if name.startswith(v)), "")
        tail = next((w for w in words("media", "account_words") if name.endswith(w)), "")
        if len(name) - len(head) - len(tail) >= 2:
            add(match.start(1) + len(head), match.end(1) - len(tail), "account id")
    for match in finditer(_ORIGINAL, text):
        add(match.start(1), match.end(1), "original article")
    for match in finditer(_CREDIT, text):
        add(match.start(1), match.end(1), "closing credit")
    for match in finditer(_LEARNT, text):
        if match.group(1) not in words("media", "not_outlets") and match.group(1) not in words(
            "companies", "not_brand_names"
        ):
            add(match.start(1), match.end(1), "learnt at a paragraph's start")
    for match in finditer(_PIPE, text):
        name = match.group(1)
        if _is_outlet(name) or re.search(r"[\u4e00-\u9fff][A-Za-z]{2,}$", name):
            add(match.start(1), match.end(1), "outlet after pipe")
    for match in finditer(_LINE_HEAD, text):
        if _is_outlet(match.group(1)):
            add(match.start(1), match.end(1), "outlet before date")
    for match in finditer(_named_outlet(), text):
        start = match.start(1)
        if text[start] in "据自" and match.end(1) - start > 3:
            start += 1  # 据某某网讯: 据 reports, it does not name
        add(start, match.end(1), "outlet words after")
    return found
