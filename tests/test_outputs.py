"""The outputs of kg build written side by side: same bytes at any --jobs, failures surface, the store by default."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import cli
from kg.export import outputs
from kg.export.html import load_graph_json
from kg.export.parallel import Task, run_tasks, wait_for_files
from kg.export.turtle import split_nodes, write_turtle_part
from kg.query import resolve_source, run_query
from kg.store import _kg_turtle_chunks, build_store, build_store_from_parts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


# --------------------------------------------------------------------------- kg.export.parallel


def _writer(path: Path, text: str, pause: float = 0.0) -> Task:
    def run() -> tuple[int, int]:
        time.sleep(pause)
        path.write_text(text, encoding="utf-8")
        return len(text), os.getpid()
    return Task(path.name, run)


def test_every_task_runs_once_and_reports_its_result(tmp_path: Path) -> None:
    tasks = [_writer(tmp_path / f"f{i}", "x" * i, pause=0.05) for i in range(6)]
    done = run_tasks(tasks, 1)
    assert list(done) == [task.name for task in tasks]
    assert [done[task.name].value for task in tasks] == [(i, os.getpid()) for i in range(6)]
    assert all((tmp_path / f"f{i}").read_text() == "x" * i for i in range(6))


def test_tasks_spread_over_forked_workers_and_report_in_list_order(tmp_path: Path) -> None:
    printed = _in_fresh_process("""
def writer(i):
    def run():
        time.sleep(0.3)  # long enough for the workers to start and take their share
        (tmp / f"f{i}").write_text("x" * i)
        return i, os.getpid()
    return Task(f"f{i}", run)
done = run_tasks([writer(i) for i in range(6)], jobs=3)
print(list(done) == [f"f{i}" for i in range(6)], [o.value[0] for o in done.values()],
      len({o.value[1] for o in done.values()}) > 1, {o.worker for o in done.values()} <= {0, 1, 2})
""", tmp_path)
    assert printed.strip() == "True [0, 1, 2, 3, 4, 5] True True"
    assert all((tmp_path / f"f{i}").read_text() == "x" * i for i in range(6))


def _in_fresh_process(code: str, tmp_path: Path) -> str:
    """Run ``code`` in a new interpreter: forking needs a process with no other threads, and by now this one
    may have some (Dask clients, servers of other tests), which makes run_tasks stay in one process."""
    script = tmp_path / "scenario.py"
    script.write_text("import os, sys, time\nfrom pathlib import Path\n"
                      "from kg.export.parallel import ExportFailed, Task, run_tasks, wait_for_files\n"
                      f"tmp = Path({str(tmp_path)!r})\n" + code, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    return run.stdout


# Each scenario makes this process wait until a worker has taken the twin task, so the twin surely runs there.
TWINS = """
parent = os.getpid()
def twin(then):
    def run():
        if os.getpid() == parent:
            wait_for_files([tmp / "taken"], timeout=60)
            return
        (tmp / "taken").touch()
        then()
    return run
"""


def test_an_error_in_a_worker_is_raised_with_its_own_type_and_message(tmp_path: Path) -> None:
    printed = _in_fresh_process(TWINS + """
def fail():
    raise ValueError("node 'x' has no 'type' attribute")
try:
    run_tasks([Task("a", twin(fail)), Task("b", twin(fail))], jobs=2)
except ValueError as error:
    print("raised", error)
""", tmp_path)
    assert printed.strip() == "raised node 'x' has no 'type' attribute"


def test_a_worker_that_dies_is_reported_not_waited_for(tmp_path: Path) -> None:
    printed = _in_fresh_process(TWINS + """
try:
    run_tasks([Task("a", twin(lambda: os._exit(3))), Task("b", twin(lambda: os._exit(3)))], jobs=2)
except ExportFailed as error:
    print(error)
""", tmp_path)
    assert "died (exit code 3)" in printed


def test_background_tasks_start_at_once_beside_the_workers(tmp_path: Path) -> None:
    """Two background tasks wait for a file a later task writes: in two processes taking tasks in list
    order that would hang; as threads started at once, they see it appear."""
    printed = _in_fresh_process("""
def waits():
    wait_for_files([tmp / "last"], timeout=60)
    return "saw last"
def write(name):
    def run():
        time.sleep(0.1)
        (tmp / name).write_text(name)
    return run
done = run_tasks([Task("first", waits, background=True), Task("second", waits, background=True),
                  Task("other", write("other")), Task("last", write("last"))], jobs=2)
print(done["first"].value, done["second"].value, done["first"].worker)
""", tmp_path)
    assert printed.strip() == "saw last saw last 0"


def test_in_one_process_a_background_task_runs_inline_in_order(tmp_path: Path) -> None:
    done = run_tasks([_writer(tmp_path / "first", "1"),
                      Task("after", lambda: wait_for_files([tmp_path / "first"], timeout=20) or "ok", background=True)],
                     jobs=1)
    assert done["after"].value == "ok" and done["after"].worker == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread CPU priority is a Linux feature")
def test_a_background_task_and_the_threads_it_starts_yield_the_cpu_to_the_foreground(tmp_path: Path) -> None:
    """The store loads at a lower CPU priority than the Python exports beside it (which are the stage's critical
    path), threads it starts included; the foreground, and a background task run inline at jobs 1, keep theirs."""
    printed = _in_fresh_process("""
import os, threading
def priority():
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
def in_child_thread():
    seen = []
    thread = threading.Thread(target=lambda: seen.append(priority()))
    thread.start(); thread.join()
    return priority(), seen[0]
before = priority()
done = run_tasks([Task("store", in_child_thread, background=True), Task("json", priority), Task("neo4j", priority)],
                 jobs=2)
inline = run_tasks([Task("store", in_child_thread, background=True)], jobs=1)
print((before, done["store"].value, done["json"].value, done["neo4j"].value, inline["store"].value, priority()))
""", tmp_path)
    before, (store, store_thread), json_priority, neo4j_priority, inline, after = ast.literal_eval(printed)
    assert store == max(before, 10) and store_thread == store  # (a runner already niced past 10 stays so)
    assert json_priority == neo4j_priority == before == after == inline[0] == inline[1]


def test_task_names_must_be_unique(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unique"):
        run_tasks([_writer(tmp_path / "a", ""), _writer(tmp_path / "a", "")], jobs=1)


# --------------------------------------------------------------------------- kg build's outputs


def _build(out: Path, *options: str, hash_seed: str = "0") -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "-o", str(out), "-q", "--no-cache",
                          *options], capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return run.stdout


def _files(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and path.relative_to(out).parts[0] not in ("store", ".cache")}


def test_every_output_is_byte_identical_at_any_jobs_and_hash_seed(tmp_path: Path) -> None:
    out = tmp_path / "out"  # the same directory both times: graph.html names it
    dump = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    one = _build(out, "--jobs", "1", "--store", str(out / "store"), hash_seed="1")
    first, first_store = _files(out), sorted(run_query(out / "store", dump).splitlines())
    two = _build(out, "--jobs", "3", "--store", str(out / "store"), hash_seed="2")
    second, second_store = _files(out), sorted(run_query(out / "store", dump).splitlines())
    assert "outputs:" in one and "side by side" not in one
    assert "(2 processes side by side, the store loading beside them)" in two  # the store takes one of 3 jobs
    assert {"graph.ttl", "graph.json", "report.md", "graph.html", "explore.sqlite", "neo4j/manifest.json"} <= set(first)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert first_store == second_store and len(first_store) > 1000
    assert not list(out.glob(".graph.ttl.part*"))  # the parts were joined and removed


def test_jobs_2_without_a_store_writes_in_two_processes(tmp_path: Path) -> None:
    assert "(2 processes side by side)" in _build(tmp_path / "out", "--jobs", "2", "--no-store")
    with_store = _build(tmp_path / "out", "--jobs", "2", "--store", str(tmp_path / "out" / "store"))
    assert "(the store loading beside the others)" in with_store


def test_small_graph_gets_no_store_unless_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-html", "--no-neo4j"]) == 0
    assert not (out / "store").exists()
    assert resolve_source(out) == out / "graph.ttl"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--store", str(out / "store")]) == 0
    assert resolve_source(out) == out / "store"
    assert "store       " in capsys.readouterr().out


def test_big_graph_gets_a_store_that_kg_query_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(outputs, "STORE_MIN_TRIPLES", 1000)  # the seeds' 6,800 triples count as big here
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-html", "--no-neo4j"]) == 0
    capsys.readouterr()
    query = (ROOT / "ontology" / "queries" / "chaired_most.rq").read_text(encoding="utf-8")
    from_file = run_query(out / "graph.ttl", query)
    (out / "graph.ttl").rename(tmp_path / "aside.ttl")  # only the store is left to answer from
    assert cli.main(["query", str(out), "--file", str(ROOT / "ontology" / "queries" / "chaired_most.rq")]) == 0
    assert capsys.readouterr().out.rstrip() == from_file.rstrip()
    (tmp_path / "aside.ttl").rename(out / "graph.ttl")
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-store"]) == 0
    assert not (out / "store").exists()  # the rebuild replaced the whole directory, old store included


def test_store_outside_the_output_is_checked_before_any_work(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--store", str(precious)]) == 2
    assert "not an Oxigraph store" in capsys.readouterr().err
    assert not out.exists() and (precious / "thesis.txt").read_text(encoding="utf-8") == "keep me"
    elsewhere = tmp_path / "stores" / "seeds"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "2", "--no-html", "--store",
                     str(elsewhere)]) == 0
    assert run_query(elsewhere, "ASK { ?s a kg:Official }") == "True\n"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "--store", str(elsewhere), "--no-store"]) == 2


# --------------------------------------------------------------------------- the store


def test_kg_turtle_loads_in_chunks_of_whole_blocks(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(out, "--jobs", "1", "--no-html", "--no-neo4j")
    ttl = out / "graph.ttl"
    chunks = list(_kg_turtle_chunks(ttl, chunk_bytes=20_000))
    assert len(chunks) > 10
    triples = {quad.triple for chunk in chunks for quad in ox.parse(chunk, format=ox.RdfFormat.TURTLE)}
    assert triples == {quad.triple for quad in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)}
    assert build_store(ttl, tmp_path / "store") == len(triples)
    foreign = tmp_path / "foreign.ttl"
    shutil.copy(ttl, foreign)
    foreign.write_text("# written by hand\n" + foreign.read_text(encoding="utf-8"), encoding="utf-8")
    assert _kg_turtle_chunks(foreign) is None  # not kg's own layout: loaded whole
    assert build_store(foreign, tmp_path / "store2") == len(triples)


def test_store_from_parts_is_the_same_with_one_loader_or_several(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(out, "--jobs", "1", "--no-html", "--no-neo4j")
    graph = load_graph_json(out / "graph.json")
    ranges = split_nodes(graph, 3)
    parts = [tmp_path / f"part{i}.ttl" for i in range(3)]
    for nodes, part in zip(ranges, parts, strict=True):
        write_turtle_part(graph, nodes, part, header=True)
    expected = {quad.triple for quad in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    dump = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    for loaders in (1, 2, 3):
        store = tmp_path / f"store{loaders}"
        assert build_store_from_parts(parts, store, loaders=loaders) == len(expected)
        loaded = {quad.triple for quad in ox.parse(run_query(store, dump), format=ox.RdfFormat.TURTLE)}
        assert loaded == expected
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(parts[1].read_bytes() + b"<https://example.org/x> <https://example.org/p> .\n\n")
    with pytest.raises(ValueError, match="not valid"):
        build_store_from_parts([parts[0], broken, parts[2]], tmp_path / "store-broken", loaders=2)
    assert not (tmp_path / "store-broken").exists()
