"""An on-disk Oxigraph store beside the Turtle export, so SPARQL answers at once on big graphs.

Loading a graph.ttl of 1.5 million triples into memory takes about 4 s for every query; opening a store
takes milliseconds. The store is bulk-loaded into a temporary directory next to the target and swapped
in only when complete, so a failed or interrupted build leaves the previous store usable.

kg's own Turtle (``kg.export.turtle``) is loaded in chunks of whole subject blocks (its literals never
hold a raw line break, so a blank line always ends a block): Oxigraph's bulk loader keeps everything it
is given in memory (1.3 GB for 1.5 million triples at once, about 100 MB in 2 MB chunks) and takes the
same time either way. Any other RDF file is loaded whole.
"""

from __future__ import annotations

import gc
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.export.vocabulary import turtle_prefix_lines
from kg.query import RDF_FORMATS, STORE_MARKER

# Turtle per bulk load. Smaller chunks cost no measurable CPU and bound the loader's memory: about 100 MB in all
# for 2 MB chunks, 125 MB for 4 MB and 210 MB for 8 MB on the 2012-2019 graph.
CHUNK_BYTES = 2 << 20


def is_store(path: Path) -> bool:
    return (path / STORE_MARKER).is_file()


def _kg_turtle_chunks(path: Path, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes] | None:
    """Chunks of whole blocks, each led by the prefix lines, when ``path`` is Turtle written by kg; else None."""
    header = (turtle_prefix_lines() + "\n").encode()
    with open(path, "rb") as handle:
        if handle.read(len(header)) != header:
            return None

    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as handle:
            handle.seek(len(header))
            rest = b""
            while block := handle.read(chunk_bytes):
                data = rest + block
                cut = data.rfind(b"\n\n")
                if cut < 0:
                    rest = data
                    continue
                rest = data[cut + 2:]
                yield header + data[:cut + 2]
            if rest.strip():
                yield header + rest

    return chunks()


def _load(rdf_path: Path, store_dir: Path) -> int:
    fmt = RDF_FORMATS.get(rdf_path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF file type {rdf_path.suffix!r} (expected one of {', '.join(RDF_FORMATS)})")
    store = ox.Store(str(store_dir))
    try:
        chunks = _kg_turtle_chunks(rdf_path) if fmt == ox.RdfFormat.TURTLE else None
        if chunks is None:
            store.bulk_load(path=str(rdf_path), format=fmt)
        else:
            for chunk in chunks:
                store.bulk_load(chunk, format=fmt)
        store.optimize()  # one compaction of the bulk-loaded files: queries then run about twice as fast
        store.flush()
        return len(store)
    except SyntaxError as err:
        raise ValueError(f"{rdf_path} is not valid {fmt.name}: {err}") from err
    finally:
        del store
        gc.collect()  # the store closes its RocksDB handles only when collected


def build_store_from_parts(parts: Sequence[Path], store_dir: str | os.PathLike[str], *,
                           wait: Callable[[list[Path]], None] | None = None, loaders: int = 1) -> int:
    """A new store at ``store_dir`` from kg Turtle part files (``kg.export.outputs``), loaded in order.

    ``wait([part])`` is called before each part is read, so loading can start while later parts are
    still being written. ``loaders`` threads bulk-load chunks side by side (Oxigraph's bulk loads into one
    store run in parallel and give the same store).
    Returns the number of triples.
    """
    target = Path(store_dir)
    check_store_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    store = ox.Store(str(staging))
    try:
        try:
            chunks = _part_chunks(parts, wait, CHUNK_BYTES)
            if loaders <= 1:
                for part, chunk in chunks:
                    _bulk_load(store, part, chunk)
            else:
                _load_side_by_side(store, chunks, loaders)
            store.optimize()  # one compaction of the bulk-loaded files: queries then run about twice as fast
            store.flush()
            count = len(store)
        finally:
            del store
            gc.collect()  # the store closes its RocksDB handles only when collected
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def _part_chunks(parts: Sequence[Path], wait: Callable[[list[Path]], None] | None,
                 chunk_bytes: int) -> Iterator[tuple[Path, bytes]]:
    for part in parts:
        if wait is not None:
            wait([part])
        chunks = _kg_turtle_chunks(part, chunk_bytes)
        if chunks is None:
            raise ValueError(f"{part}: not Turtle written by kg")
        for chunk in chunks:
            yield part, chunk


def _bulk_load(store: ox.Store, part: Path, chunk: bytes) -> None:
    try:
        store.bulk_load(chunk, format=ox.RdfFormat.TURTLE)
    except SyntaxError as err:
        raise ValueError(f"{part} is not valid Turtle: {err}") from err


def _load_side_by_side(store: ox.Store, chunks: Iterator[tuple[Path, bytes]], loaders: int) -> None:
    """Bulk-load ``chunks`` from ``loaders`` threads; the first error stops the feeding and is raised."""
    waiting: queue.Queue[tuple[Path, bytes] | None] = queue.Queue(maxsize=loaders)
    errors: list[BaseException] = []

    def load() -> None:
        while (item := waiting.get()) is not None:
            if not errors:
                try:
                    _bulk_load(store, *item)
                except BaseException as error:  # noqa: BLE001 - raised by the feeding thread below
                    errors.append(error)

    threads = [threading.Thread(target=load, name=f"kg-store-loader-{n}") for n in range(loaders)]
    for thread in threads:
        thread.start()
    try:
        for item in chunks:
            if errors:
                break
            waiting.put(item)
    finally:
        for _ in threads:
            waiting.put(None)
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]


def build_store(ttl_path: str | os.PathLike[str], store_dir: str | os.PathLike[str]) -> int:
    """Bulk-load the RDF file into an Oxigraph store at ``store_dir``, replacing any previous one.

    Returns the number of triples in the new store. Refuses to replace a directory that is not an
    Oxigraph store, so a mistyped path cannot delete unrelated files.
    """
    source, target = Path(ttl_path), Path(store_dir)
    if not source.is_file():
        raise ValueError(f"no such RDF file: {source}")
    check_store_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        count = _load(source, staging)
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def check_store_target(target: Path) -> None:
    """ValueError unless ``target`` is missing, an empty directory or an Oxigraph store (safe to replace)."""
    if target.exists() and not (target.is_dir() and (is_store(target) or not any(target.iterdir()))):
        raise ValueError(f"{target} exists and is not an Oxigraph store; not replacing it")


def _swap(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; an existing ``target`` is retired first and restored on failure."""
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(retired)
    try:
        new.rename(target)
    except BaseException:
        if retired.exists():
            retired.rename(target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
