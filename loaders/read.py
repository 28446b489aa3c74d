"""Finding input files and reading them as text (encoding detection, HTML stripped)."""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from capgraph.errors import InputError
from capgraph.graph.ids import document_id
from capgraph.graph.model import Document, Skipped

from .normalise import first_meaningful_line, normalise_text

SUFFIXES = (".txt", ".md", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
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


def collect_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Files and folders (searched recursively) → the readable article files, sorted."""
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"no such file or folder: {given}")
        if path.is_dir():
            inside = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
            if not inside:
                raise InputError(f"no readable file (.txt, .md, .html, .htm) in folder: {given}")
            found.update(inside)
        else:
            found.add(path)
    return sorted(found)


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


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else GB18030; None when neither decodes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


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
    raw = decode(data)
    if raw is None:
        return Skipped(str(path), "not UTF-8 or GB18030 text")
    if path.suffix.lower() in _HTML_SUFFIXES:
        raw = html_to_text(raw)
    text = normalise_text(raw)
    if not text:
        return Skipped(str(path), "no text after removing markup and page furniture")
    return Document(id=document_id(text), path=str(path), title=first_meaningful_line(text), text=text)
