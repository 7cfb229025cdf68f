"""An on-disk Oxigraph store beside the Turtle export, so SPARQL stays interactive on big graphs.

Loading tens of millions of triples from Turtle takes minutes; opening a store takes milliseconds.
The store is bulk-loaded into a temporary directory next to the target and swapped in only when
complete, so a failed or interrupted build leaves the previous store usable.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.query import RDF_FORMATS

STORE_MARKER = "CURRENT"  # RocksDB writes this file in every Oxigraph store directory


def is_store(path: Path) -> bool:
    return (path / STORE_MARKER).is_file()


def _load(rdf_path: Path, store_dir: Path) -> int:
    fmt = RDF_FORMATS.get(rdf_path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF file type {rdf_path.suffix!r} (expected one of {', '.join(RDF_FORMATS)})")
    store = ox.Store(str(store_dir))
    try:
        store.bulk_load(path=str(rdf_path), format=fmt)
        store.optimize()
        store.flush()
        return len(store)
    except SyntaxError as err:
        raise ValueError(f"{rdf_path} is not valid {fmt.name}: {err}") from err
    finally:
        del store
        gc.collect()  # the store closes its RocksDB handles only when collected


def build_store(ttl_path: str | os.PathLike[str], store_dir: str | os.PathLike[str]) -> int:
    """Bulk-load the RDF file into an Oxigraph store at ``store_dir``, replacing any previous one.

    Returns the number of triples in the new store. Refuses to replace a directory that is not an
    Oxigraph store, so a mistyped path cannot delete unrelated files.
    """
    source, target = Path(ttl_path), Path(store_dir)
    if not source.is_file():
        raise ValueError(f"no such RDF file: {source}")
    if target.exists() and not (target.is_dir() and (is_store(target) or not any(target.iterdir()))):
        raise ValueError(f"{target} exists and is not an Oxigraph store; not replacing it")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        count = _load(source, staging)
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


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
