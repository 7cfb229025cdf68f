"""Run independent export tasks side by side in processes forked from the one holding the graph.

The exports only read the finished graph and each writes its own files, so they parallelise without
shipping the graph anywhere: worker processes are forked once the graph is built and see it through
copy-on-write memory. This process and ``jobs - 1`` forked workers take tasks in list order from a
shared counter (so put long tasks and those others wait for first) and report each task's result and
time; background tasks run in threads of this process meanwhile. Which process runs a task never
changes what it writes, so the output is the same at any ``jobs``.

Tasks run one after another in this process when ``jobs`` is 1. No worker is forked when the platform
has no ``fork`` or other threads are running (a Jupyter kernel, a Dask client): forking a multi-threaded
process can copy a lock some thread holds and hang the child.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENIGN_THREADS = frozenset({"tqdm_monitor"})  # tqdm's progress-bar monitor: holds no lock an export takes
POLL_SECONDS = 0.02


class ExportFailed(RuntimeError):
    """A task failed in a worker process and its exception could not be sent back as it was."""


class DependencyFailed(ExportFailed):
    """A task stopped waiting for files because the task that writes them failed."""


@dataclass(frozen=True)
class Task:
    """One export: ``run()`` writes its files and returns something small (a count, a summary).

    A ``background`` task is for native code that releases the GIL (the Oxigraph bulk loader): with
    ``jobs`` > 1 it starts at once in a thread of this process, beside everything else, and takes one of
    the ``jobs`` cores; with ``jobs`` = 1 it runs inline in list order. So it may wait (``wait_for_files``)
    for files of tasks listed before it, as they appear.
    """

    name: str
    run: Callable[[], Any]
    background: bool = False


@dataclass(frozen=True)
class Outcome:
    name: str
    value: Any
    seconds: float  # wall time of the task
    cpu_seconds: float  # CPU time of the process running it (native threads included) while it ran; of its own
    # thread only while a background task ran in the same process (whose native helper threads go uncounted)
    worker: int  # 0: this process, 1…: forked workers


def fork_is_safe() -> bool:
    """True where fork exists and no other thread (that could hold a lock) is running."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and t.name not in BENIGN_THREADS]
    return not others


def processes_for(jobs: int, tasks: int, background: int = 0) -> int:
    """How many processes run_tasks uses for ``tasks`` foreground tasks: each background task takes a core. (Not
    so makes the exports faster, 23 s to 18 s on 2012-2019 at --jobs 2, but a second process touching the whole
    graph took the build's memory from 650 MB to 990 MB, over the 700 MB it is held to.)"""
    if jobs <= 1 or tasks <= 1 or not fork_is_safe():
        return 1
    return max(1, min(jobs - background, tasks))


def run_tasks(tasks: Sequence[Task], jobs: int) -> dict[str, Outcome]:
    """Run every task (see the module docstring); the first failure is raised once all processes stopped."""
    names = [task.name for task in tasks]
    if len(set(names)) != len(names):
        raise ValueError(f"task names must be unique: {names}")
    foreground = [task for task in tasks if not task.background]
    background = [task for task in tasks if task.background]
    if jobs <= 1 or not foreground:
        return {task.name: _run(task, 0) for task in tasks}
    processes = processes_for(jobs, len(foreground), len(background))
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    failed = context.Event()
    _FAILED.append(failed)
    workers = []
    threads: list[tuple[threading.Thread, list[tuple]]] = []
    outcomes: dict[str, Outcome] = {}
    errors: list[BaseException] = []
    try:
        for number in range(1, processes):  # fork before starting any thread
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_worker_main, args=(foreground, counter, failed, sender, number),
                                      name=f"kg-export-{number}", daemon=True)
            process.start()
            sender.close()
            workers.append((process, receiver))
        for task in background:
            messages: list[tuple] = []
            thread = threading.Thread(target=_run_in_thread, args=(task, failed, messages),
                                      name=f"kg-export-{task.name}")
            thread.start()
            threads.append((thread, messages))
        clock = time.thread_time if threads else time.process_time
        for message in _take_tasks(foreground, counter, failed, 0, clock):
            _collect(message, outcomes, errors)
        for process, receiver in workers:
            for message in _receive(receiver, process):
                _collect(message, outcomes, errors)
            process.join()
    except BaseException:
        failed.set()
        for process, _ in workers:
            process.terminate()
            process.join()
        raise
    finally:
        for thread, messages in threads:
            thread.join()
            for message in messages:
                _collect(message, outcomes, errors)
        _FAILED.remove(failed)
    if errors:  # the cause first, not the tasks that gave up waiting for it
        raise sorted(errors, key=lambda error: isinstance(error, DependencyFailed))[0]
    missing = [name for name in names if name not in outcomes]
    if missing:
        raise ExportFailed(f"exports did not finish: {', '.join(missing)}")
    return {name: outcomes[name] for name in names}


_FAILED: list[Any] = []  # the failure flag of the running run_tasks, for wait_for_files


def wait_for_files(paths: Iterable[Path], timeout: float | None = None) -> None:
    """Block until every path exists (written by another task, renamed into place when complete).

    Raises DependencyFailed when another task of the same run failed, so a dependent task never waits
    forever, and TimeoutError after ``timeout`` seconds when one is given.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    for path in paths:
        while not path.exists():
            if _FAILED and _FAILED[-1].is_set():
                raise DependencyFailed(f"gave up waiting for {path}: another export failed")
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"{path} did not appear within {timeout} s")
            time.sleep(POLL_SECONDS)


def _run(task: Task, worker: int, clock: Callable[[], float] = time.process_time) -> Outcome:
    """Run one task; ``clock`` is the process's CPU clock, or the thread's while a background task shares it."""
    started, cpu_started = time.perf_counter(), clock()
    value = task.run()
    return Outcome(task.name, value, time.perf_counter() - started, clock() - cpu_started, worker)


def _take_tasks(tasks: Sequence[Task], counter: Any, failed: Any, worker: int,
                clock: Callable[[], float] = time.process_time) -> Iterator[tuple]:
    """Run the next untaken task until none is left; yields ("done", outcome) or ("error", name, exception)."""
    while not failed.is_set():
        with counter.get_lock():
            index = counter.value
            counter.value += 1
        if index >= len(tasks):
            return
        try:
            yield "done", _run(tasks[index], worker, clock)
        except Exception as exc:  # noqa: BLE001 - sent to the parent, which raises it
            failed.set()
            yield "error", tasks[index].name, exc
            return


BACKGROUND_NICENESS = 10  # a background thread's CPU priority below the foreground tasks (Linux: per thread)


def _run_in_thread(task: Task, failed: Any, messages: list[tuple]) -> None:
    yield_to_foreground()
    started, cpu_started = time.perf_counter(), time.thread_time()
    try:
        value = task.run()
    except Exception as exc:  # noqa: BLE001 - handed to run_tasks, which raises it
        failed.set()
        messages.append(("error", task.name, exc))
        return
    messages.append(("done", Outcome(task.name, value, time.perf_counter() - started,
                                     time.thread_time() - cpu_started, 0)))


def yield_to_foreground() -> None:
    """Lower the calling thread's CPU priority, where the platform sets it per thread (Linux).

    A background task (the Oxigraph bulk loader) then takes the cores the foreground exports leave idle, not a
    share of theirs; the threads it starts inherit the priority. The foreground exports are the stage's critical
    path: on 2012-2019 at --jobs 2 the store competed with them for 18 s, then the last exports ran alone on one
    core for 12 s. Nothing changes where the priority cannot be set (another platform, a sandbox that forbids it).
    """
    # only Linux takes a thread id for PRIO_PROCESS; elsewhere the same call would renice a process of that number
    if not sys.platform.startswith("linux") or threading.current_thread() is threading.main_thread():
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), BACKGROUND_NICENESS))
    except OSError:
        pass


def _worker_main(tasks: Sequence[Task], counter: Any, failed: Any, sender: Any, worker: int) -> None:
    code = 1
    try:
        for message in _take_tasks(tasks, counter, failed, worker):
            sender.send_bytes(_dumps(message))
        code = 0
    finally:
        sender.close()
        os._exit(code)  # no atexit handlers, no flushing of buffers inherited from the parent


def _dumps(message: tuple) -> bytes:
    try:
        return pickle.dumps(message)
    except Exception:  # noqa: BLE001 - an exception (or result) that does not pickle travels as text
        if message[0] == "error":
            text = "".join(traceback.format_exception(message[2]))
            return pickle.dumps(("error", message[1], ExportFailed(f"export {message[1]!r} failed:\n{text}")))
        raise


def _receive(receiver: Any, process: Any) -> Iterable[tuple]:
    while True:
        try:
            yield pickle.loads(receiver.recv_bytes())
        except EOFError:
            process.join()
            if process.exitcode != 0:
                yield "error", process.name, ExportFailed(f"export worker {process.name} died "
                                                          f"(exit code {process.exitcode})")
            return


def _collect(message: tuple, outcomes: dict[str, Outcome], errors: list[BaseException]) -> None:
    if message[0] == "done":
        outcomes[message[1].name] = message[1]
    else:
        errors.append(message[2])
