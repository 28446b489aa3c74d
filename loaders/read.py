"""Finding input files and reading them as text (encoding detection, HTML stripped)."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from capgraph.errors import InputError
from capgraph.graph.ids import document_id
from capgraph.graph.model import Document, Skipped

from .metadata import ArticleMetadata, html_metadata_and_text, text_metadata
from .normalise import first_meaningful_line, normalise_text

SUFFIXES = (".txt", ".md", ".html", ".htm")
FOLDER_SUFFIXES = (".txt", ".html", ".htm")  # .md only when named explicitly
_HTML_SUFFIXES = (".html", ".htm")
# Control characters other than tab and line ends: never text, and a NUL breaks the database's strings.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "header",
    "footer",
    "title",
    "td",
    "blockquote",
    "pre",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


def _stat_given(given: str | Path) -> Path:
    """The given path, checked to exist; a path that cannot be looked at is one clear line."""
    path = Path(given)
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"no such file or folder: {given}") from None
    except OSError as error:
        raise InputError(f"cannot read {given}: {error.strerror or error}") from None
    except ValueError:  # a NUL in the path
        raise InputError(f"not a usable path: {given!r}") from None
    return path


def _files_under(folder: Path, unreadable: list[Skipped] | None = None) -> list[Path]:
    """Every file under `folder`; sub-folders that cannot be listed go to `unreadable`, with why."""

    def note(error: OSError) -> None:
        if unreadable is not None:
            why = error.strerror or str(error)
            reason = f"folder not read ({why}): its files were left out"
            unreadable.append(Skipped(str(error.filename or folder), reason))

    return [Path(root, name) for root, _dirs, names in os.walk(folder, onerror=note) for name in names]


def collect_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Files and folders (searched recursively) → the article files, sorted.

    In a folder only .txt, .html and .htm files are articles: a folder's .md files are mostly
    READMEs and notes, so a Markdown article is taken only when it is named itself.
    """
    found: set[Path] = set()
    for given in paths:
        path = _stat_given(given)
        if path.is_dir():
            inside = [p for p in _files_under(path) if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file()]
            if not inside:
                raise InputError(f"no article file (.txt, .html, .htm) in folder: {given}")
            found.update(inside)
        else:
            found.add(path)
    return sorted(found)


def files_left_out(paths: Sequence[str | Path]) -> list[Skipped]:
    """What `collect_inputs` does not take inside the given folders, and why: .md files, and
    sub-folders that cannot be read."""
    left: set[Path] = set()
    unreadable: list[Skipped] = []
    for given in paths:
        path = Path(given)
        with contextlib.suppress(OSError, ValueError):
            if path.is_dir():
                left.update(p for p in _files_under(path, unreadable) if p.suffix.lower() == ".md" and p.is_file())
    reason = "Markdown in a folder is not taken as an article (name the file itself to ingest it)"
    return [*unreadable, *(Skipped(str(p), reason) for p in sorted(left))]


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Encodings that are subsets of a wider one: decode with the wider one (a GB2312 page often uses GBK characters).
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


def _cjk_or_ascii(text: str) -> bool:
    """Chinese articles decode to text with Chinese characters (or plain ASCII); mojibake has neither."""
    return text.isascii() or any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(_WIDER.get(name, name)).name
    except LookupError:
        return None


def decode(data: bytes, *, html: bool = False) -> str | None:
    """The text of `data`: UTF-8 (BOM or not), else a web page's declared charset, else detected
    (charset-normalizer: GBK/GB18030, Big5 and the rest); None when nothing gives Chinese or plain text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data) if html else None
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return text if _cjk_or_ascii(text) else None


def read_document(path: Path) -> Document | Skipped:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot read: {error.strerror or error}")
    if not data.strip():
        return Skipped(str(path), "empty file")
    if b"\x00" in data[:8192]:
        return Skipped(str(path), "binary file (NUL bytes)")
    is_html = path.suffix.lower() in _HTML_SUFFIXES
    raw = decode(data, html=is_html)
    if raw is None:
        return Skipped(str(path), "undecodable: not UTF-8, and no Chinese text in any encoding tried")
    raw = _CONTROL.sub("", raw)
    meta = ArticleMetadata()
    if is_html:
        main_text, meta = html_metadata_and_text(raw)
        raw = main_text if main_text else html_to_text(raw)
    text, stated = text_metadata(normalise_text(raw))
    meta.fill_from(stated)
    if not text:
        return Skipped(str(path), "no text after removing markup and page furniture")
    return Document(
        id=document_id(text),
        path=str(path),
        title=meta.title or first_meaningful_line(text),
        text=text,
        date=meta.date,
        source=meta.source,
        url=meta.url,
    )
