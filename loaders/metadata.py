"""An article's own metadata: title, publication date, source (outlet) and URL.

Web pages state them in <title>, <meta> tags and the canonical link (read by trafilatura);
text files in lines such as `来源:新华社`, `发布时间:2024-09-30`, a date near the top, a byline
(`新华社记者 某某`) or a URL line. The field names are data (data/article_metadata.yaml).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from .lexicon import DATA_DIR

_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})(?!\d)\s*日?")
_URL = re.compile(r"https?://[^\s<>\"'，。）)]+")
_SENTENCE_PUNCTUATION = re.compile(r"[。！？!?；;，,]")
# "title_site", "title - site", "title | site": a short last part is the site's name.
_SITE_SUFFIX = re.compile(r"^(.+?)\s*(?:_|\s[-|—–]\s|[｜|])\s*([^_|｜]{2,20})$")
_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?")


@dataclass(slots=True)
class ArticleMetadata:
    title: str | None = None
    date: str | None = None  # ISO 8601, YYYY-MM-DD
    source: str | None = None
    url: str | None = None

    def fill_from(self, other: ArticleMetadata) -> None:
        """Keep what is known; take the rest from `other`."""
        self.title = self.title or other.title
        self.date = self.date or other.date
        self.source = self.source or other.source
        self.url = self.url or other.url


@cache
def _fields() -> dict[str, Any]:
    with (DATA_DIR / "article_metadata.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


@cache
def _field_pattern() -> re.Pattern[str]:
    """`label:` for any known label, longest first so 发布时间 wins over 时间."""
    data = _fields()
    kinds = ("source_labels", "date_labels", "people_labels", "other_labels", "url_labels")
    labels = [label for kind in kinds for label in data[kind]]
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:^|\s|【|\[)({alternatives})\s*[:：]\s*")


def parse_date(text: str) -> str | None:
    """The first real calendar date in `text` as YYYY-MM-DD (2024年9月30日, 2024-09-30, 2024/9/30, 2024.09.30)."""
    for match in _DATE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _split_fields(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A line's text before its first `label:` and its (label, value) pairs; None when it has none."""
    matches = list(_field_pattern().finditer(line))
    if not matches:
        return None
    pairs = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        value = line[match.end() : following.start() if following else len(line)].strip(" 【】[]|丨")
        pairs.append((match.group(1), value))
    return line[: matches[0].start()].strip(" 【】[]|丨"), pairs


def _is_date_value(value: str) -> bool:
    """A value that is a date (and maybe a time) and nothing else."""
    match = _DATE.match(value)
    rest = value[match.end() :].strip() if match else ""
    return bool(match) and (not rest or bool(_TIME.fullmatch(rest)))


def _short_name(text: str) -> bool:
    """An outlet's name: short and not prose."""
    return 0 < len(text) <= 30 and not _SENTENCE_PUNCTUATION.search(text)


def read_line(line: str, meta: ArticleMetadata) -> bool:
    """Take what a line says about the article into `meta`; True when the line is only metadata."""
    data = _fields()
    stripped = line.strip()
    if _URL.fullmatch(stripped):
        meta.url = meta.url or stripped
        return True
    if _is_date_value(stripped):
        meta.date = meta.date or parse_date(stripped)
        return True
    split = _split_fields(stripped)
    if split is None:
        _read_byline(stripped, meta)
        if meta.date is None and _short_name(stripped):  # a dateline, not a sentence that names a date
            meta.date = parse_date(stripped)
        return False
    before, pairs = split
    only_metadata = _short_name(before) or not before
    if _is_date_value(before):
        meta.date = meta.date or parse_date(before)  # 2023-03-15 08:20 来源:某某日报: the date leads the fields
        before = ""
    for label, value in pairs:
        if label in data["source_labels"]:
            if _short_name(value):
                meta.source = meta.source or value
            only_metadata = False  # the outlet stays in the text: it is an actor of the article (and its reporters')
        elif label in data["date_labels"]:
            date = parse_date(value)
            if date:
                meta.date = meta.date or date
            only_metadata = only_metadata and (_is_date_value(value) or not value)
        elif label in data["people_labels"]:
            only_metadata = False  # names of people stay in the text, for the extraction
        elif label in data["url_labels"]:
            url = _URL.search(value)
            if url:
                meta.url = meta.url or url.group(0)
        elif len(value) > 40 or _SENTENCE_PUNCTUATION.search(value):
            only_metadata = False
    if only_metadata and before and meta.source is None:
        meta.source = before  # "某某政务网 发布日期: 2026-01-19": the site's name leads the line
        return False  # and stays in the text, as a 来源 line does
    return only_metadata


def _read_byline(line: str, meta: ArticleMetadata) -> None:
    """`新华社记者 某某` names the outlet before the reporter."""
    data = _fields()
    if meta.source or len(line) > 40:
        return
    for word in data["byline_words"]:
        at = line.find(word)
        outlet = line[:at].strip(" ◎") if at > 0 else ""
        if outlet and _short_name(outlet) and outlet not in data["self_references"]:
            meta.source = outlet
            return


def text_metadata(text: str) -> tuple[str, ArticleMetadata]:
    """The metadata stated in the first lines of a normalised text, and the text without its metadata-only lines."""
    meta = ArticleMetadata()
    lines = text.split("\n\n")
    head = int(_fields().get("head_lines", 12))
    kept = [line for index, line in enumerate(lines) if index >= head or not read_line(line, meta)]
    return "\n\n".join(kept), meta


def html_metadata_and_text(html: str) -> tuple[str | None, ArticleMetadata]:
    """A page's main text (None when no main text was found) and its metadata, by trafilatura (offline)."""
    import trafilatura  # imported here: it takes a moment, and only web pages need it

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    if found is None:
        return None, ArticleMetadata()
    title, site = split_site_name(_clean(getattr(found, "title", None)) or "")
    meta = ArticleMetadata(
        title=title or None,
        date=parse_date(getattr(found, "date", None) or ""),
        source=_clean(getattr(found, "sitename", None)) or site,
        url=_clean(getattr(found, "url", None)),
    )
    return getattr(found, "text", None) or None, meta


def split_site_name(title: str) -> tuple[str, str | None]:
    """`某市设立母基金_某市人民政府网` → the article's title and the site's name (pages title themselves so)."""
    match = _SITE_SUFFIX.match(title)
    if match and len(match.group(2)) < len(match.group(1)):
        return match.group(1).strip(), match.group(2).strip()
    return title, None


def _clean(value: Any) -> str | None:
    text = str(value).strip() if value else ""
    return text or None
