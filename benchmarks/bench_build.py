"""Benchmark ``kg.build`` on a generated corpus against ``jieba.posseg.lcut`` alone, side by side.

Run by hand (not in CI):

    python benchmarks/bench_build.py                      # 10,000 articles, jobs 1 and 2, full baseline
    python benchmarks/bench_build.py --articles 2000 --profile 1000

Every measurement runs in a fresh subprocess, so import costs, caches and peak memory don't leak from one
row into the next. Peak memory is the largest sampled sum of RSS over the measuring process and all its
descendants (psutil; pool workers included), next to getrusage's ``ru_maxrss`` of the main process.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.util
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmark the checkout this file lives in, installed or not
TARGET_SPEEDUP_PER_CORE = 10.0
TARGET_SECONDS_10K_ON_2_CORES = 60.0
TARGET_PEAK_MB = 1000.0


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", HERE / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --- measurements, each run in its own process ---

class ProcessTreeMonitor:
    """Samples this process and its descendants every 0.1 s: the peak of their summed RSS and each
    descendant's CPU time (pool workers are the forkserver's children, so getrusage would miss them).
    CPU seconds are what make rows comparable on a machine shared with other work. Needs psutil."""

    def __init__(self) -> None:
        self.available = False
        self.peak_rss_bytes = 0
        self.child_cpu: dict[int, float] = {}
        self.sampler_cpu = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> ProcessTreeMonitor:
        try:
            import psutil
        except ImportError:
            return self
        self.available = True
        me = psutil.Process()

        def sample() -> None:
            while not self._stop.wait(0.1):
                total = me.memory_info().rss
                for child in me.children(recursive=True):
                    try:
                        with child.oneshot():
                            total += child.memory_info().rss
                            times = child.cpu_times()
                            self.child_cpu[child.pid] = times.user + times.system
                    except psutil.Error:
                        continue
                self.peak_rss_bytes = max(self.peak_rss_bytes, total)
            self.sampler_cpu = time.thread_time()

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def measure_build(corpus: Path, jobs: int, cache_dir: Path | None) -> dict:
    import kg
    from kg.cache import extractor_version

    started = time.perf_counter()
    result = kg.build([corpus], jobs=jobs, cache_dir=cache_dir)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": result.articles, "bytes": result.stats.get("bytes"),
            "extract_seconds": result.stats.get("seconds"), "cache_hits": result.stats.get("cache_hits"),
            "cache_misses": result.stats.get("cache_misses"), "nodes": result.graph.number_of_nodes(),
            "edges": result.graph.number_of_edges(), "problems": sum(p.fatal for p in result.problems),
            "extractor_version": extractor_version()}


def measure_extraction(corpus: Path) -> dict:
    """Read + extract only (no resolve/assemble), in this process: the per-core cost of the extractor."""
    from kg.engine import ExtractionStats, run_extraction
    from kg.model import ArticleExtraction
    from kg.read import iter_sources

    stats = ExtractionStats()
    started = time.perf_counter()
    articles = sum(isinstance(r, ArticleExtraction) for r in run_extraction(iter_sources([corpus]), jobs=1,
                                                                           stats=stats))
    return {"seconds": time.perf_counter() - started, "articles": articles, "bytes": stats.text_bytes}


def measure_command(corpus: Path, jobs: int, out: Path) -> dict:
    """The ``kg build`` command with every output (Turtle, JSON, Neo4j, HTML, report), as a user runs it."""
    from contextlib import redirect_stdout

    from kg.cli import main as kg_main

    printed = io.StringIO()
    started = time.perf_counter()
    with redirect_stdout(printed):
        code = kg_main(["build", str(corpus), "-o", str(out), "--jobs", str(jobs), "--no-cache", "-q"])
    seconds = time.perf_counter() - started
    stages = next((line.split("time:", 1)[1].strip() for line in printed.getvalue().splitlines()
                   if line.strip().startswith("time:")), "")
    return {"seconds": seconds, "exit": code, "stages": stages}


def corpus_texts(corpus: Path, limit_bytes: int | None = None) -> list[str]:
    from kg.model import SourceText
    from kg.read import iter_sources

    texts: list[str] = []
    total = 0
    for item in iter_sources([corpus]):
        if isinstance(item, SourceText):
            texts.append(item.text)
            total += len(item.text.encode())
            if limit_bytes is not None and total >= limit_bytes:
                break
    return texts


def measure_baseline(corpus: Path, limit_bytes: int | None) -> dict:
    """jieba.posseg.lcut over the same input texts kg.build reads, in one process (dictionary load untimed)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = corpus_texts(corpus, limit_bytes)
    started, cpu_started = time.perf_counter(), time.process_time()
    tokens = sum(len(jieba.posseg.lcut(text)) for text in texts)
    return {"seconds": time.perf_counter() - started, "timed_cpu_seconds": time.process_time() - cpu_started,
            "bytes": sum(len(t.encode()) for t in texts), "tokens": tokens, "inputs": len(texts)}


def run_measurement(args: argparse.Namespace) -> None:
    """Child side: run one measurement and print one JSON line with its numbers, CPU time and memory peak."""
    import kg.api  # noqa: F401 - imports are not part of any measurement
    import kg.engine  # noqa: F401

    corpus = Path(args.corpus)
    # A run in one process needs no sampler: getrusage has its CPU and peak memory, and a thread waking ten
    # times a second to sample costs the measured process about 10% (it takes the GIL each time).
    one_process = args.measure in ("extract", "baseline") or args.jobs == 1
    with contextlib.nullcontext(ProcessTreeMonitor()) if one_process else ProcessTreeMonitor() as tree:
        cpu_started = time.process_time()
        if args.measure == "build":
            numbers = measure_build(corpus, args.jobs, Path(args.cache_dir) if args.cache_dir else None)
        elif args.measure == "command":
            numbers = measure_command(corpus, args.jobs, Path(args.out))
        elif args.measure == "extract":
            numbers = measure_extraction(corpus)
        else:
            numbers = measure_baseline(corpus, args.baseline_bytes)
        main_cpu = time.process_time() - cpu_started
    if tree.available:
        main_cpu -= tree.sampler_cpu
        numbers["peak_tree_mb"] = tree.peak_rss_bytes / 1e6
        numbers["worker_cpu_seconds"] = sum(tree.child_cpu.values())
    numbers["main_cpu_seconds"] = numbers.pop("timed_cpu_seconds", main_cpu)
    numbers["maxrss_main_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    if one_process:
        numbers["peak_tree_mb"] = numbers["maxrss_main_mb"]
    print(json.dumps(numbers))


def in_subprocess(*options: str) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err}")
    return json.loads(out.strip().splitlines()[-1])


# --- profile ---

def profile_extraction(corpus: Path, n_articles: int, top: int = 25) -> str:
    """cProfile of the in-process extraction of the first ``n_articles`` articles: where the time goes."""
    from kg.model import SourceText
    from kg.pipeline import extract_source
    from kg.read import iter_sources

    sources: list[SourceText] = []
    for item in iter_sources([corpus]):
        if isinstance(item, SourceText):
            sources.append(item)
            if sum(source.text.count("本报讯") for source in sources) >= n_articles:
                break
    extract_source(sources[0])  # load lexicons and jieba outside the profile
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    extracted = sum(len(extract_source(source)) for source in sources)
    profiler.disable()
    seconds = time.perf_counter() - started
    out = io.StringIO()
    out.write(f"profile: {extracted:,} articles extracted in {seconds:.2f} s under cProfile "
              f"({extracted / seconds:,.0f} articles/s with profiling overhead)\n")
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# --- report ---

@contextmanager
def step(label: str):
    print(f"... {label}", file=sys.stderr, flush=True)
    yield


def cpu_seconds(row: dict) -> float:
    return row["main_cpu_seconds"] + row.get("worker_cpu_seconds", 0.0)


def idle_estimate(row: dict) -> float:
    """Wall time on idle cores, at most: the main process's serial CPU plus the workers' CPU shared by the jobs."""
    return row["main_cpu_seconds"] + row.get("worker_cpu_seconds", 0.0) / row.get("jobs", 1)


def table(rows: list[tuple[str, dict]], baseline_mb_per_cpu_s: float) -> str:
    header = (f"{'run':<30} {'wall s':>7} {'main CPU':>8} {'wkr CPU':>7} {'idle-est s':>10} {'articles/s':>10} "
              f"{'MB/s':>5} {'MB/CPU-s':>8} {'x posseg':>8} {'peak MB':>7}")
    lines = [header, "-" * len(header)]
    for label, row in rows:
        megabytes = row["bytes"] / 1e6
        per_cpu = megabytes / cpu_seconds(row)
        articles = f"{row['articles'] / row['seconds']:,.0f}" if row.get("articles") else "-"
        peak = f"{row['peak_tree_mb']:,.0f}" if row.get("peak_tree_mb") is not None else "n/a"
        lines.append(f"{label:<30} {row['seconds']:>7.1f} {row['main_cpu_seconds']:>8.1f} "
                     f"{row.get('worker_cpu_seconds', 0.0):>7.1f} {idle_estimate(row):>10.1f} {articles:>10} "
                     f"{megabytes / row['seconds']:>5.2f} {per_cpu:>8.3f} {per_cpu / baseline_mb_per_cpu_s:>8.1f} "
                     f"{peak:>7}")
    return "\n".join(lines)


def verdicts(rows: dict[str, dict], baseline_mb_per_cpu_s: float, n_articles: int,
             extraction: dict | None = None) -> list[str]:
    one, two = rows["kg build --jobs 1"], rows["kg build --jobs 2"]
    speedup = one["bytes"] / 1e6 / cpu_seconds(one) / baseline_mb_per_cpu_s
    lines = []
    if extraction is not None:  # the wording: end-to-end extraction, read -> extract, per core
        extract_speedup = extraction["bytes"] / 1e6 / cpu_seconds(extraction) / baseline_mb_per_cpu_s
        lines.append(_verdict(f"end-to-end extraction per core (read -> extract, 1 process) vs jieba.posseg.lcut: "
                              f"{extract_speedup:.1f}x", extract_speedup >= TARGET_SPEEDUP_PER_CORE,
                              f">= {TARGET_SPEEDUP_PER_CORE:.0f}x"))
    scale = 10_000 / max(n_articles, 1)
    peak = max(r.get("peak_tree_mb") or r["maxrss_main_mb"] for r in rows.values())
    return [
        *lines,
        _verdict(f"whole kg.build per core, with resolve + assemble (MB per CPU-second) vs jieba.posseg.lcut: "
                 f"{speedup:.1f}x", speedup >= TARGET_SPEEDUP_PER_CORE, f">= {TARGET_SPEEDUP_PER_CORE:.0f}x"),
        _verdict(f"10,000 articles at --jobs 2: {two['seconds'] * scale:.1f} s wall on this machine, "
                 f"{idle_estimate(two) * scale:.1f} s estimated on 2 idle cores",
                 idle_estimate(two) * scale < TARGET_SECONDS_10K_ON_2_CORES,
                 f"< {TARGET_SECONDS_10K_ON_2_CORES:.0f} s"),
        _verdict(f"peak memory (RSS summed over all processes): {peak:,.0f} MB", peak < TARGET_PEAK_MB,
                 f"< {TARGET_PEAK_MB:,.0f} MB"),
        f"scaling 1 -> 2 jobs: {one['seconds'] / two['seconds']:.2f}x wall, "
        f"{idle_estimate(one) / idle_estimate(two):.2f}x idle estimate",
    ]


def _verdict(text: str, ok: bool, target: str) -> str:
    return f"[{'met' if ok else 'MISSED'}] {text} (target {target})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="use this directory instead of generating one")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--baseline-mb", type=float, default=None,
                        help="run the jieba.posseg baseline on only the first N MB (a rate; default all text)")
    parser.add_argument("--no-cache-run", action="store_true", help="skip the cold/warm --cache-dir rows")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile extraction of N articles")
    parser.add_argument("--_measure", dest="measure", choices=("build", "extract", "baseline", "command"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--_out", dest="out", help=argparse.SUPPRESS)
    parser.add_argument("--_cache-dir", dest="cache_dir", help=argparse.SUPPRESS)
    parser.add_argument("--_baseline-bytes", dest="baseline_bytes", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        args.corpus = str(args.corpus)
        args.jobs = args.jobs[0]
        run_measurement(args)
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        corpus = args.corpus or Path(scratch) / "corpus"
        if args.corpus is None:
            with step(f"generating {args.articles:,} articles"):
                counts = load_generator().write_corpus(corpus, args.articles, args.seed)
            print(f"corpus: {counts['articles']:,} articles, {counts['files']:,} issue files, "
                  f"{counts['bytes'] / 1e6:.1f} MB", flush=True)
        report(args, corpus, Path(scratch))


def report(args: argparse.Namespace, corpus: Path, scratch: Path) -> None:
    load_before = os.getloadavg()[0]
    rows: dict[str, dict] = {}
    for jobs in args.jobs:
        with step(f"kg build --jobs {jobs}"):
            rows[f"kg build --jobs {jobs}"] = {**in_subprocess("--corpus", str(corpus), "--jobs", str(jobs),
                                                               "--_measure", "build"), "jobs": jobs}
    if not args.no_cache_run:
        jobs = max(args.jobs)
        for label in ("cold cache", "warm cache"):
            with step(f"kg build --jobs {jobs} with a {label}"):
                rows[f"kg build -j{jobs} {label}"] = {**in_subprocess(
                    "--corpus", str(corpus), "--jobs", str(jobs), "--_measure", "build",
                    "--_cache-dir", str(scratch / "cache")), "jobs": jobs}
    jobs = max(args.jobs)
    with step(f"the kg build command, all outputs, --jobs {jobs}"):
        command = {**in_subprocess("--corpus", str(corpus), "--jobs", str(jobs), "--_measure", "command",
                                   "--_out", str(scratch / "out")), "jobs": jobs}
        command["bytes"] = rows[f"kg build --jobs {jobs}"]["bytes"]
        command["articles"] = rows[f"kg build --jobs {jobs}"]["articles"]
    with step("read + extract only, in one process"):
        extraction = in_subprocess("--corpus", str(corpus), "--_measure", "extract")
    baseline_options = ["--corpus", str(corpus), "--_measure", "baseline"]
    if args.baseline_mb:
        baseline_options += ["--_baseline-bytes", str(int(args.baseline_mb * 1e6))]
    with step("jieba.posseg.lcut baseline"):
        baseline = in_subprocess(*baseline_options)
    baseline_per_cpu = baseline["bytes"] / 1e6 / cpu_seconds(baseline)
    ordered = [("jieba.posseg.lcut (baseline)", baseline), *rows.items(), ("read + extract only, 1 process",
                                                                           extraction),
               (f"kg build command -j{jobs}, all out", command)]
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average "
          f"{load_before:.1f} before / {os.getloadavg()[0]:.1f} after; baseline on {baseline['bytes'] / 1e6:.1f} MB "
          f"({baseline['inputs']:,} inputs)\n")
    print(table(ordered, baseline_per_cpu))
    print("\nmain/wkr CPU = CPU seconds of the main process / of all worker processes; idle-est s = main CPU + "
          "worker CPU / jobs (wall time on idle cores, at most);\nMB/CPU-s = text per CPU-second, all processes; "
          "x posseg = that relative to the baseline's (the per-core comparison).")
    first = rows[f"kg build --jobs {args.jobs[0]}"]
    print(f"graph: {first['nodes']:,} nodes, {first['edges']:,} edges, {first['articles']:,} article nodes; "
          f"extraction stage {first['extract_seconds']:.1f} s of {first['seconds']:.1f} s at --jobs {args.jobs[0]}")
    print(f"kg build command --jobs {jobs}, all outputs: exit {command['exit']}; {command['stages']}")
    versions = {row["extractor_version"] for row in rows.values()}
    if len(versions) > 1:
        print(f"WARNING: the extractor changed during the benchmark ({', '.join(sorted(versions))}); re-run it")
    for label, row in rows.items():
        if row.get("cache_hits") is not None:
            print(f"{label}: cache {row['cache_hits']:,} hits, {row['cache_misses']:,} misses")
    if {"kg build --jobs 1", "kg build --jobs 2"} <= rows.keys():
        print()
        print("\n".join(verdicts(rows, baseline_per_cpu, args.articles, extraction)))
    if args.profile:
        print()
        print(profile_extraction(corpus, args.profile))


if __name__ == "__main__":
    main()
