"""Atomic outputs: a failed or killed write leaves the old output whole, and running again finishes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg import atomic
from kg.atomic import OutputDirError, atomic_dir, atomic_open, clean_stale, write_text


def dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def run_and_kill(code: str) -> None:
    """Run ``code`` in a child that ends itself with SIGKILL part-way (no cleanup runs)."""
    script = textwrap.dedent(code) + "\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent, timeout=60)
    assert result.returncode == -9


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name not in keep)


# ------------------------------------------------------------------------------------------ files


def test_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    write_text(target, "old\n")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write("half of the new")
        raise RuntimeError("extractor crashed")
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path, {"graph.ttl"}) == []


def test_killed_write_keeps_the_old_file_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    write_text(target, "old\n")
    run_and_kill(f"""
        from kg.atomic import atomic_open
        manager = atomic_open({str(target)!r})  # kept referenced: collecting it would run the cleanup
        handle = manager.__enter__()
        handle.write("half of the new")
        handle.flush()
    """)
    assert target.read_text() == "old\n"
    assert len(leftovers(tmp_path, {"graph.ttl"})) == 1  # the dead run's temporary file
    write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert leftovers(tmp_path, {"graph.ttl"}) == []


def test_written_file_honours_the_umask_like_open_does(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "graph.ttl", "x")
        with atomic_open(tmp_path / "graph.bin", "wb") as handle:
            handle.write(b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "graph.bin").read_bytes() == b"x"


def test_another_live_runs_temporary_file_is_left_alone(tmp_path: Path) -> None:
    live = tmp_path / f".graph.ttl.{os.getppid()}.abc.tmp"
    dead = tmp_path / f".graph.ttl.{dead_pid()}.abc.tmp"
    live.write_text("busy")
    dead.write_text("stale")
    write_text(tmp_path / "graph.ttl", "x")
    assert live.exists() and not dead.exists()


# ------------------------------------------------------------------------------------ directories


def build(target: Path, files: dict[str, str]) -> None:
    with atomic_dir(target) as building:
        for name, text in files.items():
            (building / name).parent.mkdir(parents=True, exist_ok=True)
            (building / name).write_text(text)


def contents(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != atomic.MANIFEST}


def test_new_build_replaces_the_whole_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(out, {"graph.ttl": "old", "neo4j/nodes.csv": "old"})
    build(out, {"graph.ttl": "new", "graph.html": "new"})
    assert contents(out) == {"graph.ttl": "new", "graph.html": "new"}  # no stale neo4j/ from the old run
    assert leftovers(tmp_path, {"out"}) == []


def test_failed_build_keeps_every_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(out, {"graph.ttl": "old", "graph.html": "old"})
    with pytest.raises(ValueError), atomic_dir(out) as building:
        (building / "graph.ttl").write_text("new")
        raise ValueError("html export failed")
    assert contents(out) == {"graph.ttl": "old", "graph.html": "old"}
    assert leftovers(tmp_path, {"out"}) == []


def test_swap_without_the_exchange_syscall(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    build(out, {"graph.ttl": "old"})
    build(out, {"graph.ttl": "new"})
    assert contents(out) == {"graph.ttl": "new"}
    assert leftovers(tmp_path, {"out"}) == []


def test_killed_build_keeps_the_old_directory_and_rerun_completes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(out, {"graph.ttl": "old", "graph.html": "old"})
    run_and_kill(f"""
        from kg.atomic import atomic_dir
        manager = atomic_dir({str(out)!r})
        building = manager.__enter__()
        (building / "graph.ttl").write_text("new")
    """)
    assert contents(out) == {"graph.ttl": "old", "graph.html": "old"}
    assert len(leftovers(tmp_path, {"out"})) == 1
    build(out, {"graph.ttl": "new", "graph.html": "new"})
    assert contents(out) == {"graph.ttl": "new", "graph.html": "new"}
    assert leftovers(tmp_path, {"out"}) == []


def test_death_between_the_two_renames_is_repaired(tmp_path: Path) -> None:
    out = tmp_path / "out"
    backup = tmp_path / f".out.old-{dead_pid()}-xyz"
    backup.mkdir()
    (backup / "graph.ttl").write_text("old")
    (backup / atomic.MANIFEST).write_text("")
    assert clean_stale(out) == []
    assert contents(out) == {"graph.ttl": "old"}
    assert leftovers(tmp_path, {"out"}) == []


def test_refuses_to_replace_a_folder_kg_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.docx").write_text("precious")
    with pytest.raises(OutputDirError, match=r"not empty and not written by kg \(chapter1.docx\)"), \
            atomic_dir(mine):
        pytest.fail("the body must not run")
    assert (mine / "chapter1.docx").read_text() == "precious"


def test_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    build(out, {"graph.ttl": "new"})
    assert contents(out) == {"graph.ttl": "new"}


def test_output_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputDirError, match="exists and is not a directory"), atomic_dir(tmp_path / "out"):
        pass


def test_kept_entries_move_into_the_new_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(out, {"graph.ttl": "old"})
    (out / ".cache").mkdir()
    (out / ".cache" / "a.pickle").write_text("cached")
    with atomic_dir(out, keep=[".cache"]) as building:
        (building / "graph.ttl").write_text("new")
    assert contents(out) == {"graph.ttl": "new", ".cache/a.pickle": "cached"}


def test_output_of_an_older_kg_without_manifest_is_replaceable_by_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old")
    (out / ".cache").mkdir()
    with atomic_dir(out, keep=[".cache"], own_names=["graph.ttl", "graph.html"]) as building:
        (building / "graph.html").write_text("new")
    assert contents(out) == {"graph.html": "new"}
    assert (out / ".cache").is_dir()
    (out / atomic.MANIFEST).unlink()
    (out / "notes.docx").write_text("mine")
    with pytest.raises(OutputDirError, match=r"\(notes.docx\)"), \
            atomic_dir(out, keep=[".cache"], own_names=["graph.html"]):
        pass
