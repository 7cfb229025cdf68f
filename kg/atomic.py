"""Atomic writes: readers see the old output or the new one, never half of one nor a mix of both.

``atomic_open`` / ``write_text`` replace one file; ``atomic_dir`` builds a whole output directory
beside the target and swaps it in at the end. A build that fails or is killed part-way leaves the
old output untouched, and running the same command again finishes the job (stale temporary files
of dead runs are cleaned up on the way).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import glob
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

MANIFEST = ".kg-output"  # marks a directory as written by atomic_dir (so swapping it away loses nothing)
_TMP_MARK = ".tmp-"
_OLD_MARK = ".old-"


class OutputDirError(ValueError):
    """The output directory holds files kg did not write: replacing it would delete them."""


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and move it into place only on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale_files(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, _default_mode(0o666))  # mkstemp makes 0600; a plain open() would honour the umask
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _clean_stale_files(target: Path) -> None:
    """Remove temporary files that killed runs left beside ``target`` (their process id is in the name)."""
    prefix = f".{target.name}."
    for candidate in target.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = _pid_in_name(candidate.name, prefix, separator=".")
        if pid is not None and not _alive(pid) and candidate.is_file():
            with contextlib.suppress(OSError):
                candidate.unlink()


def write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike[str], *, keep: Iterable[str] = (),
               own_names: Iterable[str] = ()) -> Iterator[Path]:
    """Yield an empty temporary directory beside ``path``; on success it replaces ``path`` whole.

    Write every output file into the yielded directory. If the block raises (or the process dies),
    ``path`` keeps its old contents and the temporary directory is removed (or, after a kill, removed
    by the next run). Entries named in ``keep`` (e.g. ".cache") are moved from the old directory into
    the new one unless the block wrote them itself. Refuses up front to replace an existing directory
    holding anything but its own earlier output (marked by a manifest) or entries named in
    ``own_names``/``keep``, so pointing the output at a folder of your own never deletes anything.
    """
    target = Path(path).absolute()
    keep = tuple(keep)
    check_replaceable(target, own_names=(*own_names, *keep))
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}{_TMP_MARK}{os.getpid()}-", dir=target.parent))
    try:
        os.chmod(building, _default_mode(0o777))
        yield building
        (building / MANIFEST).write_text("written by kg; the whole directory is replaced on each build\n")
        _fsync_tree(building)  # before moving kept entries in: they are old, and may be many files
        for name in keep:
            if (target / name).exists() and not (building / name).exists():
                os.rename(target / name, building / name)
        _swap_in(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def check_replaceable(target: Path, own_names: Iterable[str] = ()) -> None:
    """Raise OutputDirError unless ``target`` is missing, empty, an earlier output (it has the manifest)
    or holds only entries named in ``own_names``."""
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputDirError(f"{target}: exists and is not a directory")
    if (target / MANIFEST).exists():
        return
    foreign = sorted(entry.name for entry in target.iterdir() if entry.name not in set(own_names))
    if foreign:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise OutputDirError(f"{target}: not empty and not written by kg ({shown}); "
                             "choose a new or empty output directory")


def clean_stale(target: Path) -> list[Path]:
    """Remove temporary build and backup directories left beside ``target`` by runs that died.

    A name carries its run's process id; directories of runs still alive are left alone. A run that
    died between moving the old output aside and moving the new one in left only the backup: it is
    put back. Returns what was removed.
    """
    removed = []
    if not target.parent.is_dir():
        return removed
    for mark in (_OLD_MARK, _TMP_MARK):
        for candidate in sorted(target.parent.glob(f"{glob.escape(f'.{target.name}{mark}')}*")):
            pid = _pid_in_name(candidate.name, f".{target.name}{mark}")
            if not candidate.is_dir() or pid is None or _alive(pid):
                continue
            if mark == _OLD_MARK and not target.exists():  # died between the two renames: restore
                os.rename(candidate, target)
                continue
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def _swap_in(building: Path, target: Path) -> None:
    """Put ``building`` at ``target``: one atomic exchange where the kernel offers it, else two renames."""
    if target.exists() and _exchange(building, target):
        _fsync_dir(target.parent)
        shutil.rmtree(building, ignore_errors=True)  # now holds the old contents
        return
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}{_OLD_MARK}{os.getpid()}-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
        os.rename(building, target)
        _fsync_dir(target.parent)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(building, target)
        _fsync_dir(target.parent)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _pid_in_name(name: str, prefix: str, separator: str = "-") -> int | None:
    digits = name[len(prefix):].split(separator, 1)[0]
    return int(digits) if digits.isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _default_mode(full: int) -> int:
    umask = os.umask(0)
    os.umask(umask)
    return full & ~umask


def _fsync_tree(root: Path) -> None:
    for folder, _, files in os.walk(root):
        for name in files:
            with open(os.path.join(folder, name), "rb") as handle:
                os.fsync(handle.fileno())
        _fsync_dir(Path(folder))


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable: fsync the directory that holds it (a no-op where unsupported)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
