"""The `kg` command: a thin shell over the library (kg.build and the exporters)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from exc


# Above this many nodes graph.html holds the overview only (a page per node of a national corpus would be hundreds
# of megabytes in one file); kg serve OUT answers every page from OUT/explore.sqlite.
HTML_MAX_NODES = 2000
# kg query reads a Turtle file this big (about 300,000 triples) in more than a second: say a store would be faster
SLOW_TURTLE_BYTES = 20_000_000


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Front-page news as a knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="read newspaper text and write the graph")
    build.add_argument("inputs", nargs="+", help=".txt / .jsonl files or directories")
    build.add_argument("-o", "--out", required=True, help="output directory")
    build.add_argument("--date", type=_date, help="publication date when the text gives none (YYYY-MM-DD)")
    build.add_argument("--locality", help="place the paper covers (区政协 = this place's 政协)")
    build.add_argument("--curation", help="YAML file of merges, splits, aliases and corrections")
    build.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    build.add_argument("--engine", choices=("local", "dask"), default="local")
    build.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786")
    build.add_argument("--cache", help="extraction cache directory (default: OUT/.cache)")
    build.add_argument("--no-cache", action="store_true", help="do not read or write the extraction cache")
    build.add_argument("--store", metavar="DIR",
                       help="always load the graph into an on-disk Oxigraph store, at DIR (default: OUT/store is "
                            "written when the graph has 300,000 triples or more)")
    build.add_argument("--no-store", action="store_true", help="write no Oxigraph store")
    build.add_argument("--no-html", action="store_true", help="skip graph.html")
    build.add_argument("--html-max-nodes", type=int, default=HTML_MAX_NODES, metavar="N",
                       help=f"graph.html holds every page for graphs of up to N nodes (default {HTML_MAX_NODES}; "
                            "0: no limit); a bigger graph gets the overview, and kg serve OUT shows everything")
    build.add_argument("--no-neo4j", action="store_true", help="skip the Neo4j import files")
    build.add_argument("--strict", action="store_true", help="fail when any input is skipped")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    build.add_argument("--timings", metavar="FILE", help="write stage times as JSON (for benchmarks)")

    _add_query_arguments(sub.add_parser("query", help="run SPARQL over a build, a graph.ttl or an Oxigraph store"))

    html = sub.add_parser("html", help="render (part of) a built graph as an interactive page")
    html.add_argument("out", help="a kg build output directory")
    html.add_argument("--focus", help="centre on this name or label")
    html.add_argument("--hops", type=int, default=2)
    html.add_argument("--since", type=_date)
    html.add_argument("--until", type=_date)
    html.add_argument("--types", help="comma-separated node types to keep, e.g. Official,Meeting")
    html.add_argument("--max-nodes", type=int)
    html.add_argument("-o", "--output", help="page to write (default: OUT/graph.html or OUT/focus-….html)")

    report = sub.add_parser("report", help="analyse a built graph: tenures, protocol rank, slogans, co-attendance")
    report.add_argument("out", help="a kg build output directory")
    report.add_argument("--since", type=_date, help="first day of the period to analyse (YYYY-MM-DD)")
    report.add_argument("--until", type=_date, help="last day of the period to analyse (YYYY-MM-DD)")
    report.add_argument("--csv", metavar="DIR", help="also write the tables as CSV files into DIR")
    report.add_argument("--charts", metavar="DIR", help="also draw charts (PNG and SVG) into DIR")
    report.add_argument("--slogan", action="append", default=[], metavar="LABEL",
                        help="chart this slogan's monthly mentions (repeatable; default: the most quoted)")
    report.add_argument("--limit", type=int, default=30, help="entries per report section (default 30)")
    report.add_argument("-o", "--output", help="Markdown file to write (default: OUT/analytics.md)")

    serve = sub.add_parser("serve", help="explore a built graph in the browser; also a SPARQL endpoint at /sparql")
    serve.add_argument("out", help="a kg build output directory")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free port)")
    serve.add_argument("--open", action="store_true", help="open the explorer in a browser")
    serve.add_argument("-v", "--verbose", action="store_true", help="log every request")

    neo4j = sub.add_parser("neo4j", help="Neo4j import helpers")
    neo_sub = neo4j.add_subparsers(dest="neo4j_command", required=True)
    push = neo_sub.add_parser("push", help="load a built graph into a running Neo4j server")
    push.add_argument("out", help="a kg build output directory")
    push.add_argument("--uri", default="bolt://localhost:7687")
    push.add_argument("--user", default="neo4j")
    push.add_argument("--password", help="or set NEO4J_PASSWORD")
    push.add_argument("--database")
    push.add_argument("--batch-size", type=int, default=1000)
    return parser


def _add_query_arguments(query: argparse.ArgumentParser) -> argparse.ArgumentParser:
    query.add_argument("graph", help="a kg build directory (its store, else its graph.ttl), a store directory or an "
                       "RDF file")
    query.add_argument("sparql", nargs="?", help="the query text")
    query.add_argument("--file", help="read the query from a .rq file")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    return query


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if argv[:1] == ["query"]:
        # options may sit between the two positionals: kg query G.ttl --format json "SELECT …"
        args = _add_query_arguments(argparse.ArgumentParser(prog="kg query")).parse_intermixed_args(argv[1:])
        args.command = "query"
    else:
        args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "query":
            return _query(args)
        if args.command == "html":
            return _html(args)
        if args.command == "report":
            return _report(args)
        if args.command == "neo4j":
            return _neo4j_push(args)
        if args.command == "serve":
            from kg.explore.server import serve

            return serve(args.out, args.host, args.port, open_browser=args.open, quiet=not args.verbose)
    except BrokenPipeError:  # kg query … | head: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (ValueError, FileNotFoundError, ConnectionError, ModuleNotFoundError) as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    return 2


def _build(args: argparse.Namespace) -> int:
    from kg.api import without_cycle_collection

    if args.store and args.no_store:
        raise ValueError("--store and --no-store contradict each other")
    if args.html_max_nodes < 0:
        raise ValueError(f"--html-max-nodes must be 0 (all) or more, not {args.html_max_nodes}")
    with without_cycle_collection():  # the exports, too, allocate much and free little
        return _build_and_export(args)


def _build_and_export(args: argparse.Namespace) -> int:
    from kg.api import build
    from kg.atomic import atomic_dir
    from kg.export.outputs import OUTPUT_NAMES, OutputOptions, write_outputs
    from kg.resolve import Curation

    started, started_epoch = time.perf_counter(), time.time()
    out = Path(args.out)
    store_path = Path(args.store) if args.store else None
    store_inside = store_path is None or store_path.absolute().parent == out.absolute()
    store_name = store_path.name if store_path is not None and store_inside else "store"
    if store_name in (*OUTPUT_NAMES, ".cache"):
        raise ValueError(f"--store {store_path}: that name is another output of kg build")
    if store_path is not None and not store_inside:
        from kg.store import check_store_target

        check_store_target(store_path)  # refuse before any work, not after a long build
    curation = Curation.load(args.curation) if args.curation else None
    cache_dir = None if args.no_cache else Path(args.cache) if args.cache else out / ".cache"
    result = build(args.inputs, pub_date=args.date, curation=curation, locality=args.locality, jobs=args.jobs,
                   engine=args.engine, scheduler=args.scheduler, cache_dir=cache_dir, progress=not args.quiet)
    built = time.perf_counter()
    if args.strict and any(p.fatal for p in result.problems):
        _print_problems(result)
        print("kg: --strict: inputs were skipped; nothing written", file=sys.stderr)
        return 1
    names = (*OUTPUT_NAMES, store_name)
    options = OutputOptions(neo4j=not args.no_neo4j, html=not args.no_html,
                            title="kg: " + ", ".join(Path(p).name or str(p) for p in args.inputs),
                            html_max_pages=args.html_max_nodes or None, html_out_dir=out,
                            store=False if args.no_store or not store_inside else (True if args.store else None),
                            store_name=store_name)
    jobs = args.jobs or os.cpu_count() or 1
    if not args.quiet:  # the progress bar has ended; on a big corpus the exports take a while longer
        print(f"writing {result.graph.number_of_nodes():,} nodes and {result.graph.number_of_edges():,} edges "
              f"to {out} …", file=sys.stderr, flush=True)
    # every output is built in a temporary directory and swapped in whole: a failed or interrupted build
    # leaves the previous output untouched, never a mix of old and new files
    with atomic_dir(out, keep=(".cache",), own_names=names) as building:
        outputs_started = time.time()
        written = write_outputs(result, building, jobs=jobs, options=options)
    outputs_ended = time.time()
    paths = {name: out / relative for name, relative in written.names.items()}
    timings = {"extract": result.stats.get("seconds", 0.0),
               "resolve+assemble": result.stats.get("resolve_seconds", 0.0),
               "outputs": outputs_ended - outputs_started}  # with the swap into place
    if store_path is not None and not store_inside:
        from kg.store import build_store

        with _timed(timings, "store"):
            build_store(out / "graph.ttl", store_path)
        paths["store"] = store_path
    elapsed = time.perf_counter() - started
    _print_summary(result, written.triples, paths, elapsed)
    print("  time: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in timings.items()))
    print("  outputs: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in written.stage_seconds.items())
          + _side_by_side(written.processes, written.beside))
    total = result.graph.number_of_nodes()
    if written.html_pages is not None and written.html_pages < total:
        print(f"  note: graph.html holds the overview of {total:,} nodes; search them and open every page "
              f"with: kg serve {out}")
    if args.timings:
        _write_timings(Path(args.timings), result, written, {
            "extract": (started_epoch, started_epoch + result.stats.get("seconds", 0.0)),
            "resolve+assemble": (started_epoch + built - started - result.stats.get("resolve_seconds", 0.0),
                                 started_epoch + built - started),
            "outputs": (outputs_started, outputs_ended)}, elapsed)
    return 1 if any(p.fatal for p in result.problems) else 0


def _side_by_side(processes: int, beside: list[str]) -> str:
    """How the outputs were written at once, for the summary: '' when one after another."""
    loading = " and ".join(f"the {name} loading" for name in beside)
    if processes > 1:
        return f" ({processes} processes side by side" + (f", {loading} beside them)" if beside else ")")
    return f" ({loading} beside the others)" if beside else ""


def _write_timings(path: Path, result: KnowledgeGraph, written: Any, stages: dict[str, tuple[float, float]],
                   elapsed: float) -> None:
    """Stage boundaries (epoch seconds) and per-task times, for benchmarks (``--timings FILE``)."""
    from kg.atomic import write_text

    record = {
        "seconds": elapsed, "bytes": result.stats.get("bytes", 0), "articles": result.articles,
        "jobs": result.stats.get("jobs"), "processes": written.processes, "triples": written.triples,
        "stages": {name: {"start": start, "end": end, "seconds": end - start} for name, (start, end) in stages.items()},
        "outputs": {stage: {"seconds": written.stage_seconds[stage], "cpu_seconds": written.stage_cpu_seconds[stage]}
                    for stage in written.stage_seconds},
        "tasks": {name: {"seconds": o.seconds, "cpu_seconds": o.cpu_seconds, "worker": o.worker}
                  for name, o in written.outcomes.items()},
    }
    write_text(path, json.dumps(record, indent=2) + "\n")


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - started


def _print_problems(result: KnowledgeGraph) -> None:
    for problem in result.problems:
        kind = "skipped" if problem.fatal else "note"
        print(f"  {kind}: {problem}", file=sys.stderr)


def _print_summary(result: KnowledgeGraph, triples: int, written: dict[str, Path], elapsed: float) -> None:
    counts = result.counts()
    skipped = sum(1 for p in result.problems if p.fatal)
    megabytes = result.stats.get("bytes", 0) / 1e6
    print(f"kg build: {result.sources} inputs, {counts['Article']} articles in {elapsed:.1f} s "
          f"({counts['Article'] / max(elapsed, 1e-9):.0f} articles/s, {megabytes / max(elapsed, 1e-9):.2f} MB/s)")
    print(f"  officials {counts['Official']}  reporters {counts['Reporter']}  bodies {counts['Body']}  "
          f"meetings {counts['Meeting']}  slogans {counts['Slogan']}  documents {counts['Document']}  "
          f"posts {counts['Post']}")
    rels = "  ".join(f"{k.split(':', 1)[1]} {v}" for k, v in counts.items() if k.startswith("edges:"))
    print(f"  edges {counts['edges']}: {rels}")
    print(f"  triples {triples}  warnings {len(result.warnings)}  skipped inputs {skipped}")
    suspects = (result.report or {}).get("suspect_counts") or {}
    if suspects:
        print("  suspects (listed in report.md): " + "  ".join(f"{k} {v}" for k, v in suspects.items()))
    _print_problems(result)
    for warning in result.warnings[:10]:
        print(f"  warning: {warning}", file=sys.stderr)
    if len(result.warnings) > 10:
        print(f"  … {len(result.warnings) - 10} more warnings in report.md", file=sys.stderr)
    for name, path in written.items():
        print(f"  {name:<11} {path}")


def _query(args: argparse.Namespace) -> int:
    from kg.query import run_query

    if args.file:
        sparql = Path(args.file).read_text(encoding="utf-8")
    elif args.sparql:
        sparql = args.sparql
    else:
        raise ValueError("give a query or --file q.rq")
    from kg.query import resolve_source

    source = resolve_source(args.graph)
    if source.is_file() and source.stat().st_size > SLOW_TURTLE_BYTES:
        print(f"kg query: reading {source} ({source.stat().st_size / 1e6:,.0f} MB) into memory for this query; "
              "a store answers at once (kg build writes OUT/store for big graphs unless --no-store)",
              file=sys.stderr)
    print(run_query(source, sparql, fmt=args.format))
    return 0


def _html(args: argparse.Namespace) -> int:
    from kg.export.html import load_graph_json, write_html

    out = Path(args.out)
    graph = load_graph_json(out / "graph.json")
    types = {t.strip() for t in args.types.split(",")} if args.types else None
    target = Path(args.output) if args.output else out / (f"focus-{args.focus}.html" if args.focus else "graph.html")
    summary = write_html(graph, target, title=f"kg: {args.focus or out}", focus=args.focus, hops=args.hops,
                         since=args.since, until=args.until, types=types, max_nodes=args.max_nodes)
    print(f"kg html: {summary.get('nodes')} nodes, {summary.get('edges')} edges -> {target}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from kg.analyse.period import Period
    from kg.analyse.run import run_report

    if args.limit < 1:
        raise ValueError(f"--limit must be 1 or more, not {args.limit}")
    summary = run_report(Path(args.out), Period(args.since, args.until), output=args.output, csv_dir=args.csv,
                         charts_dir=args.charts, limit=args.limit, slogans=args.slogan)
    for line in summary:
        print(line)
    return 0


def _neo4j_push(args: argparse.Namespace) -> int:
    from kg.neo4j_push import push

    password = args.password or os.environ.get("NEO4J_PASSWORD")
    if not password:
        raise ValueError("no password: give --password or set NEO4J_PASSWORD")
    summary = push(Path(args.out), uri=args.uri, user=args.user, password=password, database=args.database,
                   batch_size=args.batch_size)
    print(f"kg neo4j push: {summary}")
    return 0


def run() -> None:
    """The ``kg`` command: main(), then exit without tearing the heap down object by object.

    After a big build the interpreter's own shutdown frees millions of objects one at a time (1-2 s on the
    2012-2019 corpus) for nothing; every file is already written, closed and swapped in by then.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
