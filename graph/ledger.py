"""What capgraph knows it wrote: the articles of each committed batch, kept beside the data.

The embedded database persists in an append-only file; a damaged file can load without the
articles after the damage and no error (redis keeps what it could read). So after every batch
the writer commits, its articles' ids and paths are appended here; on opening, the articles the
graph holds are compared with this record, and a shortfall is reported instead of going unseen.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from capgraph.errors import StoreError

LEDGER_SUFFIX = ".articles.tsv"
REMOVED = "-"  # before an id: the article was deleted (a later reading of its file replaced it)


class ArticleLedger:
    """An append-only record of the articles written to one graph: one `id<TAB>path` line each."""

    def __init__(self, data_dir: Path, graph: str) -> None:
        self.path = Path(data_dir) / f"{graph}{LEDGER_SUFFIX}"

    def exists(self) -> bool:
        return self.path.is_file()

    def record(self, articles: Iterable[tuple[str, str]]) -> None:
        lines = "".join(f"{_field(article_id)}\t{_field(path)}\n" for article_id, path in articles)
        if not lines:
            return
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(lines)
        except OSError as error:
            raise StoreError(f"cannot record the written articles in {self.path}: {error.strerror}") from None

    def remove(self, articles: Iterable[tuple[str, str]]) -> None:
        """Note articles (id, path) deleted from the graph: a line `-id<TAB>path` each."""
        self.record((REMOVED + article_id, path) for article_id, path in articles)

    def read(self) -> dict[str, str]:
        """Article id → the path it was read from (the latest), for every article recorded and not removed."""
        written: dict[str, str] = {}
        with contextlib.suppress(FileNotFoundError), self.path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                article_id, tab, path = line.rstrip("\n").partition("\t")
                if not tab:
                    continue  # a line cut short by a crash is left out
                if article_id.startswith("art-"):
                    written[article_id] = path
                elif article_id.startswith(REMOVED + "art-"):
                    written.pop(article_id.removeprefix(REMOVED), None)
        return written

    def replace(self, articles: dict[str, str]) -> None:
        """Start the record afresh with exactly these articles (after a repair or a clear)."""
        temporary = self.path.with_suffix(".tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.writelines(f"{_field(key)}\t{_field(path)}\n" for key, path in sorted(articles.items()))
            os.replace(temporary, self.path)
        except OSError as error:
            raise StoreError(f"cannot rewrite the record of written articles {self.path}: {error.strerror}") from None


def _field(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")
