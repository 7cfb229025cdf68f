"""Every output of ``kg build``, written side by side: Turtle, graph.json, report, Neo4j files, page, store.

``write_outputs`` plans one task per output, with the Turtle cut into node ranges that are written apart
(each part a Turtle file of its own) and joined, and runs them with ``kg.export.parallel`` (forked workers
that share the graph). The Oxigraph store loads each part as soon as it is written, in background threads,
since its bulk loader is native code that releases the GIL. Each file is the same whichever process writes
it and however many there are, so outputs stay byte-identical at any ``jobs``.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.export.parallel import Outcome, Task, processes_for, run_tasks, wait_for_files

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

# Below this many triples kg query reads graph.ttl into memory in under a second, so no store is needed.
STORE_MIN_TRIPLES = 300_000
STAGES = ("turtle", "json", "report", "neo4j", "explore", "html", "store")  # the order the summary lists them in
# every name write_outputs may create in its directory (the store's name is an option)
OUTPUT_NAMES = ("graph.ttl", "graph.json", "report.md", "neo4j", "explore.sqlite", "graph.html")
# The store loads with this many threads at most (--jobs permitting): on 2 cores, two loaders finish the 2012-2019
# store in about half the time once the other outputs are done.
STORE_LOADERS = 2
# Turtle is written in node ranges of about this many triples (at least one per process).
PART_TRIPLES = 250_000


@dataclass
class OutputOptions:
    """Which outputs to write. ``store``: True, False, or None for "when the graph is big"."""

    neo4j: bool = True
    html: bool = True
    title: str = "kg"  # of the explorer index and page
    html_max_pages: int | None = 2000
    html_out_dir: Path | None = None  # the build directory the page names in its kg serve hint
    store: bool | None = None
    store_name: str = "store"


@dataclass
class WrittenOutputs:
    """What write_outputs wrote (names relative to the directory) and how long each task took."""

    triples: int
    names: dict[str, str]
    html_pages: int | None
    store_triples: int | None
    outcomes: dict[str, Outcome]
    seconds: float
    processes: int
    beside: list[str] = field(default_factory=list)  # outputs written by threads beside the processes
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stage_cpu_seconds: dict[str, float] = field(default_factory=dict)


def estimated_triples(graph: nx.MultiDiGraph) -> int:
    """About how many triples the Turtle export of ``graph`` holds (1.58 million for the 1.50 of 2012-2019)."""
    evidence = sum(len(data.get("evidence") or ()) for _, _, data in graph.edges(data=True))
    return 8 * graph.number_of_nodes() + 8 * graph.number_of_edges() + 7 * evidence


def write_outputs(result: KnowledgeGraph, directory: str | os.PathLike[str], *, jobs: int = 1,
                  options: OutputOptions | None = None) -> WrittenOutputs:
    """Write every output of ``result`` into ``directory`` using up to ``jobs`` processes."""
    from kg.explore import build_index
    from kg.export.graph_json import save_graph_json
    from kg.export.html import write_html
    from kg.export.turtle import concatenate, split_nodes, write_turtle_part
    from kg.report import write_report

    options = options or OutputOptions()
    folder = Path(directory)
    graph = result.graph
    estimate = estimated_triples(graph)
    want_store = options.store if options.store is not None else estimate >= STORE_MIN_TRIPLES
    n_parts = max(processes_for(jobs, 8), math.ceil(estimate / PART_TRIPLES))  # at least one per process
    ranges = split_nodes(graph, n_parts)
    parts = [folder / f".graph.ttl.part{index:03d}" for index in range(len(ranges))]
    names = {"turtle": "graph.ttl", "graph json": "graph.json", "report": "report.md", "explorer": "explore.sqlite"}

    def part_task(index: int) -> Task:
        def run() -> int:
            staging = parts[index].with_name(parts[index].name + ".tmp")
            count = write_turtle_part(graph, ranges[index], staging, header=True)
            staging.rename(parts[index])  # complete: the join and the store may read it
            return count
        return Task(f"turtle part {index + 1}", run)

    def join() -> None:
        wait_for_files(parts)
        concatenate(parts, folder / "graph.ttl", strip_headers=True)

    tasks = [part_task(index) for index in range(len(parts))]
    tasks.append(Task("turtle join", join))
    if want_store:
        from kg.store import build_store_from_parts

        # a background task: beside workers it starts at once and loads each part as soon as it is written
        loaders = min(jobs, STORE_LOADERS)
        tasks.append(Task("store", lambda: build_store_from_parts(parts, folder / options.store_name,
                                                                  wait=wait_for_files, loaders=loaders),
                          background=True))
        names["store"] = options.store_name
    if options.neo4j:
        from kg.export.neo4j import write_neo4j

        tasks.append(Task("neo4j", lambda: write_neo4j(graph, folder / "neo4j")))
        names["neo4j"] = "neo4j"
    index = folder / "explore.sqlite"  # renamed into place when complete, so the page may wait for it
    tasks.append(Task("explore", lambda: build_index(graph, index, title=options.title)))
    tasks.append(Task("json", lambda: save_graph_json(graph, folder / "graph.json")))
    tasks.append(Task("report", lambda: write_report(result, folder / "report.md")))
    if options.html:  # last: it waits for the explorer's index, and a worker waiting does nothing else
        def html() -> dict:
            wait_for_files([index])
            return write_html(graph, folder / "graph.html", title=options.title, max_pages=options.html_max_pages,
                              index=index, out_dir=options.html_out_dir or folder)
        tasks.append(Task("html", html))
        names["html"] = "graph.html"

    started = time.perf_counter()
    try:
        outcomes = run_tasks(tasks, jobs)
    finally:
        for part in parts:
            part.unlink(missing_ok=True)
            part.with_name(part.name + ".tmp").unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    stage_seconds: dict[str, float] = {}
    stage_cpu: dict[str, float] = {}
    for name in sorted(outcomes, key=lambda name: STAGES.index(name.split(" ")[0])):
        stage, outcome = name.split(" ")[0], outcomes[name]
        stage_seconds[stage] = stage_seconds.get(stage, 0.0) + outcome.seconds
        stage_cpu[stage] = stage_cpu.get(stage, 0.0) + outcome.cpu_seconds
    html = outcomes["html"].value if "html" in outcomes else None
    return WrittenOutputs(
        triples=sum(outcomes[task.name].value for task in tasks[:len(parts)]),
        names={key: names[key] for key in ("turtle", "graph json", "report", "neo4j", "explorer", "html", "store")
               if key in names},
        html_pages=html["pages"] if html else None,
        store_triples=outcomes["store"].value if "store" in outcomes else None,
        outcomes=outcomes, seconds=seconds,
        processes=processes_for(jobs, sum(not task.background for task in tasks), sum(t.background for t in tasks)),
        beside=[task.name for task in tasks if task.background and jobs > 1],
        stage_seconds=stage_seconds, stage_cpu_seconds=stage_cpu)

