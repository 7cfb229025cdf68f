"""Run the per-input extraction over many inputs: in-process, on a local process pool, or on a Dask cluster.

``run_extraction`` is a streaming map of ``kg.pipeline.extract_source`` with three promises:

* output order is input order, whatever the engine and number of jobs, so a build is byte-identical
  at ``--jobs 1`` and ``--jobs 8``;
* only a bounded window of inputs is read ahead and in flight, so the engine never holds the corpus text;
* inputs whose extraction is in the cache are never sent to a worker.

Inputs are grouped into small batches (at most 32 inputs or 256,000 characters) so inter-process traffic is
per batch, not per article. An input whose extraction raises becomes an ``InputProblem`` naming it, so one
odd article does not end a many-hour build; the same happens at every ``jobs`` setting.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from kg.cache import ExtractionCache, cache_key, extractor_version
from kg.model import ArticleExtraction, InputProblem, SourceText

ENGINES = ("local", "dask")

BATCH_MAX_INPUTS = 32
BATCH_MAX_CHARS = 256_000
BATCHES_IN_FLIGHT_PER_WORKER = 3
DASK_WORKER_WAIT_SECONDS = 60

# What one input turned into: its extractions, or the text of the error its extraction raised.
Outcome = list[ArticleExtraction] | str


class _Future(Protocol):
    def result(self) -> Any: ...


Submit = Callable[[list[SourceText], "date | None"], _Future]


@dataclass
class ExtractionStats:
    """Counters for the end-of-build summary; filled in while ``run_extraction`` is consumed."""

    jobs: int = 1
    engine: str = "local"
    sources: int = 0
    articles: int = 0
    chars: int = 0
    text_bytes: int = 0
    skipped: int = 0  # fatal InputProblems, including inputs whose extraction raised
    cache_hits: int = 0
    cache_misses: int = 0
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None

    @property
    def seconds(self) -> float:
        return (self.finished or time.perf_counter()) - self.started

    def summary(self) -> str:
        """One line: how much was extracted, how fast, and how much came from the cache."""
        seconds = max(self.seconds, 1e-9)
        megabytes = self.text_bytes / 1e6
        line = (f"extracted {self.articles:,} articles from {self.sources:,} inputs ({megabytes:,.1f} MB) "
                f"in {seconds:,.1f} s: {self.articles / seconds:,.0f} articles/s, {megabytes / seconds:,.2f} MB/s "
                f"[{self.engine}, {self.jobs} job{'s' if self.jobs != 1 else ''}]")
        if self.cache_hits or self.cache_misses:
            line += f"; cache: {self.cache_hits:,} hits, {self.cache_misses:,} misses"
        if self.skipped:
            line += f"; {self.skipped:,} input{'s' if self.skipped != 1 else ''} skipped"
        return line


def run_extraction(sources: Iterable[SourceText | InputProblem], *, default_date: date | None = None,
                   jobs: int | None = None, engine: str = "local", scheduler: str | None = None,
                   cache_dir: Path | None = None, progress: bool = False,
                   stats: ExtractionStats | None = None) -> Iterator[ArticleExtraction | InputProblem]:
    """Extract every SourceText (InputProblems pass through), yielding results in input order.

    ``jobs``: worker processes (None: all cores; 1: in this process, no pool). ``engine="dask"`` sends
    batches to the Dask scheduler at ``scheduler`` (``tcp://host:8786``), or to a throwaway LocalCluster of
    ``jobs`` processes when None. ``cache_dir`` enables the extraction cache; ``progress`` shows a tqdm bar
    and prints the summary at the end. Pass ``stats`` to read the counters afterwards.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler address needs engine='dask'")
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise ValueError(f"jobs must be at least 1, not {workers}")
    stats = stats if stats is not None else ExtractionStats()
    stats.jobs, stats.engine = workers, engine
    stats.started = time.perf_counter()
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    bar = _ProgressBar(stats) if progress else None
    if engine == "dask":
        outcomes = _dask_outcomes(sources, default_date, workers, scheduler, cache, stats)
    elif workers == 1:
        outcomes = _serial_outcomes(sources, default_date, cache)
    else:
        outcomes = _pool_outcomes(sources, default_date, workers, cache)
    try:
        for item, outcome in outcomes:
            yield from _account(item, outcome, stats, bar)
    finally:
        outcomes.close()  # a consumer that stops early still shuts the pool or cluster down
        stats.finished = time.perf_counter()
        if cache is not None:
            stats.cache_hits, stats.cache_misses = cache.hits, cache.misses
            cache.close()
        if bar is not None:
            bar.close()


def extract_batch(sources: list[SourceText], default_date: date | None) -> tuple[str, list[Outcome]]:
    """Worker side: extract each input of a batch; returns this worker's extractor version with the outcomes.

    The version travels back so the client can refuse results from cluster workers running other code.
    """
    return extractor_version(), [_extract_one(source, default_date) for source in sources]


def _extract_one(source: SourceText, default_date: date | None) -> Outcome:
    from kg.pipeline import extract_source

    try:
        return extract_source(source, default_date)
    except Exception as exc:  # noqa: BLE001 - reported as an InputProblem naming the input
        return f"extraction failed: {type(exc).__name__}: {exc}"


# --- engines: each yields (input, outcome) in input order; outcome None for an InputProblem ---

Pair = tuple[SourceText | InputProblem, Outcome | None]


def _serial_outcomes(sources: Iterable[SourceText | InputProblem], default_date: date | None,
                     cache: ExtractionCache | None) -> Iterator[Pair]:
    for item in sources:
        if isinstance(item, InputProblem):
            yield item, None
            continue
        key, outcome = _lookup(cache, item, default_date)
        if outcome is None:
            outcome = _extract_one(item, default_date)
            _store(cache, key, outcome)
        yield item, outcome


def _pool_outcomes(sources: Iterable[SourceText | InputProblem], default_date: date | None, workers: int,
                   cache: ExtractionCache | None) -> Iterator[Pair]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                             initializer=_init_worker) as pool:
        try:
            yield from _windowed(sources, default_date, cache, lambda batch, day: pool.submit(
                extract_batch, batch, day), workers * BATCHES_IN_FLIGHT_PER_WORKER)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _dask_outcomes(sources: Iterable[SourceText | InputProblem], default_date: date | None, workers: int,
                   scheduler: str | None, cache: ExtractionCache | None, stats: ExtractionStats) -> Iterator[Pair]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("engine='dask' needs Dask: pip install 'kg-yaowen[dask]'") from exc

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        _wait_for_a_worker(client, scheduler)
        threads = max(1, sum(client.nthreads().values()))
        stats.jobs = threads  # the cluster's worker threads, whatever --jobs said
        yield from _windowed(sources, default_date, cache, lambda batch, day: client.submit(
            extract_batch, batch, day, pure=False), threads * BATCHES_IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _wait_for_a_worker(client: Any, scheduler: str | None) -> None:
    """Fail with a clear message instead of waiting forever on a scheduler that has no workers."""
    try:
        client.wait_for_workers(1, timeout=DASK_WORKER_WAIT_SECONDS)
    except TimeoutError as exc:
        raise RuntimeError(f"no Dask worker joined {scheduler or 'the local cluster'} within "
                           f"{DASK_WORKER_WAIT_SECONDS} s; start some with: dask worker {scheduler}") from exc


@dataclass
class _Batch:
    """Consecutive inputs in order; those needing extraction go to one worker call together."""

    items: list[SourceText | InputProblem] = field(default_factory=list)
    outcomes: list[Outcome | None] = field(default_factory=list)  # None: pending (or an InputProblem)
    pending: list[int] = field(default_factory=list)  # positions sent to the worker
    keys: list[str | None] = field(default_factory=list)
    chars: int = 0
    future: _Future | None = None

    def full(self) -> bool:
        return len(self.items) >= BATCH_MAX_INPUTS or self.chars >= BATCH_MAX_CHARS


def _windowed(sources: Iterable[SourceText | InputProblem], default_date: date | None,
              cache: ExtractionCache | None, submit: Submit, max_in_flight: int) -> Iterator[Pair]:
    """Batch inputs, submit cache misses, and yield results in order with at most ``max_in_flight`` batches."""
    window: deque[_Batch] = deque()
    batch = _Batch()
    for item in sources:
        _add(batch, item, default_date, cache)
        if batch.full():
            window.append(_launch(batch, default_date, submit))
            batch = _Batch()
            while len(window) >= max_in_flight:
                yield from _finish(window.popleft(), cache)
    if batch.items:
        window.append(_launch(batch, default_date, submit))
    while window:
        yield from _finish(window.popleft(), cache)


def _add(batch: _Batch, item: SourceText | InputProblem, default_date: date | None,
         cache: ExtractionCache | None) -> None:
    key, outcome = (None, None) if isinstance(item, InputProblem) else _lookup(cache, item, default_date)
    if isinstance(item, SourceText) and outcome is None:
        batch.pending.append(len(batch.items))
        batch.chars += len(item.text)
    batch.items.append(item)
    batch.outcomes.append(outcome)
    batch.keys.append(key)


def _launch(batch: _Batch, default_date: date | None, submit: Submit) -> _Batch:
    if batch.pending:
        batch.future = submit([batch.items[i] for i in batch.pending], default_date)  # type: ignore[misc]
    return batch


def _finish(batch: _Batch, cache: ExtractionCache | None) -> Iterator[Pair]:
    if batch.future is not None:
        version, outcomes = batch.future.result()
        if version != extractor_version():
            raise RuntimeError(f"a worker runs extractor version {version}, this client {extractor_version()}: "
                               "install the same kg-yaowen on the client and every worker")
        for position, outcome in zip(batch.pending, outcomes, strict=True):
            batch.outcomes[position] = outcome
            _store(cache, batch.keys[position], outcome)
    yield from zip(batch.items, batch.outcomes, strict=True)


# --- cache, accounting, progress ---

def _lookup(cache: ExtractionCache | None, source: SourceText,
            default_date: date | None) -> tuple[str | None, Outcome | None]:
    if cache is None:
        return None, None
    key = cache_key(source, default_date)
    return key, cache.get(key)


def _store(cache: ExtractionCache | None, key: str | None, outcome: Outcome) -> None:
    if cache is not None and key is not None and isinstance(outcome, list):
        cache.put(key, outcome)


def _account(item: SourceText | InputProblem, outcome: Outcome | None, stats: ExtractionStats,
             bar: _ProgressBar | None) -> Iterator[ArticleExtraction | InputProblem]:
    if isinstance(item, InputProblem):
        stats.skipped += int(item.fatal)
        yield item
        return
    stats.sources += 1
    stats.chars += len(item.text)
    size = len(item.text.encode("utf-8", "surrogatepass"))
    stats.text_bytes += size
    if isinstance(outcome, str):
        stats.skipped += 1
        yield InputProblem(item.path, outcome, line=item.record)
    else:
        stats.articles += len(outcome or [])
        yield from outcome or []
    if bar is not None:
        bar.advance(size)


class _ProgressBar:
    """A tqdm bar counting megabytes of text, with articles and articles/s alongside."""

    def __init__(self, stats: ExtractionStats) -> None:
        from tqdm import tqdm

        self.stats = stats
        self.bar = tqdm(desc="extracting", unit="B", unit_scale=True, unit_divisor=1000, file=sys.stderr,
                        mininterval=0.5, dynamic_ncols=True)

    def advance(self, size: int) -> None:
        self.bar.set_postfix_str(f"{self.stats.articles:,} articles", refresh=False)
        self.bar.update(size)

    def close(self) -> None:
        self.bar.set_postfix_str(f"{self.stats.articles:,} articles", refresh=False)
        self.bar.close()
        print(self.stats.summary(), file=sys.stderr)


def _pool_context() -> Any:
    """forkserver where available: workers start from a clean single-threaded process (plain fork would copy
    whatever threads and locks the caller holds), spawn elsewhere. No forkserver preload: on Python 3.11
    the preload ignores the caller's sys.path and could import a different ``kg`` than the caller's."""
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _init_worker() -> None:
    """Ctrl-C goes to the whole process group: let only the parent handle it, so it can shut the pool down.

    The lexicons and jieba's dictionary, loaded once, are then frozen out of the cycle collector's view: they
    live as long as the worker, and every full collection would otherwise rescan them.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from kg.pipeline import warm_up

    warm_up()
    gc.freeze()
