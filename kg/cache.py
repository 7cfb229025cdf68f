"""An on-disk extraction cache, so a rebuild only extracts inputs it has not seen with this extractor.

Entries are keyed by a hash of everything that can change an input's extraction: the input's text and
container metadata (path, JSONL record, dates, URL, title, paper), the ``--date`` default, and the extractor
version — a hash of the extractor's code and lexicon files, so editing a lexicon or the extractor
invalidates every entry without anyone having to remember to clear the cache.

The store is one SQLite file in WAL mode: many readers and one writer at a time, safe when several
``kg build`` processes share a cache directory. Values are zlib-compressed pickles of
``list[ArticleExtraction]`` (plain dataclasses); an entry that no longer unpickles (the model changed) is a miss.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import pickle
import sqlite3
import time
import zlib
from datetime import date
from pathlib import Path

from kg.model import ArticleExtraction, SourceText

CACHE_FILE = "extractions.sqlite3"

# The extractor is kg/pipeline.py and every kg module it imports, directly or not (found by reading the
# imports, so a module the extractor starts using is covered without editing a list here), plus the lexicon
# files and the jieba release whose dictionary the lexicon reads. resolve/assemble run after the cache and stay
# out: changing them must not throw away cached extractions.
EXTRACTOR_ENTRY = "pipeline.py"
LEXICON_DIR = "lexicons"
EXTRACTOR_DEPENDENCIES = ("jieba",)

_COMMIT_EVERY_PUTS = 200
_COMMIT_EVERY_SECONDS = 2.0
_BUSY_TIMEOUT_SECONDS = 60.0


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """Version of the installed ``kg`` package's extractor (computed once per process)."""
    return version_of(Path(__file__).resolve().parent)


def version_of(package: Path) -> str:
    """Hash of the extractor code, lexicon files and dependency releases for the package directory ``package``."""
    digest = hashlib.sha256()
    files = extractor_modules(package)
    lexicons = package / LEXICON_DIR
    if lexicons.is_dir():
        files += sorted(p for p in lexicons.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for distribution in EXTRACTOR_DEPENDENCIES:
        digest.update(f"{distribution}=={_release(distribution)}\0".encode())
    return digest.hexdigest()[:16]


def extractor_modules(package: Path) -> list[Path]:
    """kg/pipeline.py and the kg modules it imports, transitively, in a stable order."""
    seen: set[Path] = set()
    todo = [package / EXTRACTOR_ENTRY]
    while todo:
        module = todo.pop()
        if module in seen or not module.is_file():
            continue
        seen.add(module)
        todo.extend(_imported_kg_modules(module, package))
    return sorted(seen)


def _imported_kg_modules(module: Path, package: Path) -> list[Path]:
    names: list[str] = []
    for node in ast.walk(ast.parse(module.read_bytes())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "kg" if node.level else (node.module or "")
            if node.level and node.module:
                base = f"kg.{node.module}"
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]  # from kg import segment
    paths = []
    for name in names:
        parts = name.split(".")
        if parts[0] != "kg" or len(parts) < 2:
            continue
        candidate = package.joinpath(*parts[1:])
        paths += [p for p in (candidate.with_suffix(".py"), candidate / "__init__.py") if p.is_file()]
    return paths


def _release(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def cache_key(source: SourceText, default_date: date | None, version: str | None = None) -> str:
    """Key of one input: same text, container metadata, default date and extractor give the same key."""
    header = json.dumps([version or extractor_version(), _iso(default_date), source.path, source.record,
                         _iso(source.date), source.url, source.title, source.source], ensure_ascii=False)
    digest = hashlib.sha256(header.encode())
    digest.update(b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ExtractionCache:
    """get/put of an input's extractions by ``cache_key``; counts hits and misses for the build summary."""

    def __init__(self, cache_dir: str | Path) -> None:
        self.path = Path(cache_dir) / CACHE_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0
        self._pending_puts = 0
        self._last_commit = time.monotonic()
        self._db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
        self._setup("PRAGMA journal_mode=WAL")
        self._setup("PRAGMA synchronous=NORMAL")
        self._setup("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def _setup(self, statement: str) -> None:
        """Run a setup statement, waiting while another process opens the same cache: switching to WAL takes a lock
        that SQLite's busy timeout does not wait for, so two builds starting together retry instead of failing."""
        deadline = time.monotonic() + _BUSY_TIMEOUT_SECONDS
        while True:
            try:
                self._db.execute(statement)
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def get(self, key: str) -> list[ArticleExtraction] | None:
        """The cached extractions for ``key``, or None (counted as a miss) when absent or unreadable."""
        row = self._db.execute("SELECT value FROM extraction WHERE key = ?", (key,)).fetchone()
        value = _decode(row[0]) if row else None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, extractions: list[ArticleExtraction]) -> None:
        """Store ``extractions``; writes are batched into transactions and committed every few seconds."""
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
        blob = zlib.compress(pickle.dumps(extractions, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._db.execute("INSERT OR REPLACE INTO extraction (key, value) VALUES (?, ?)", (key, blob))
        self._pending_puts += 1
        if (self._pending_puts >= _COMMIT_EVERY_PUTS
                or time.monotonic() - self._last_commit >= _COMMIT_EVERY_SECONDS):
            self.flush()

    def flush(self) -> None:
        """Commit pending puts so other processes (and a crash-restarted build) see them."""
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending_puts = 0
        self._last_commit = time.monotonic()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]

    def close(self) -> None:
        self.flush()
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _decode(blob: bytes) -> list[ArticleExtraction] | None:
    try:
        value = pickle.loads(zlib.decompress(blob))
    except Exception:  # noqa: BLE001 - a stale or damaged entry is just a miss
        return None
    return value if isinstance(value, list) else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
