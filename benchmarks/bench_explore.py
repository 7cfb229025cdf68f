"""How fast the explorer answers on a full build, through `kg serve`, in headless Chromium (Playwright).

    python benchmarks/bench_explore.py OUT                  # OUT: a kg build output directory
    python benchmarks/bench_explore.py OUT --runs 5 --sample 60

Starts `kg serve OUT` on a free loopback port, then measures in the browser:

* first page interactive: from navigation start to the overview drawn (cold browser cache, fresh context);
* search: from the keystroke that completes a query to its results shown (includes the box's 60 ms debounce);
* pages: from the click (a hash change) to the page drawn, for the heaviest page of each kind (most meetings,
  most mentions, most attendees …) and a random sample of pages of every kind;
* the SPARQL endpoint: a ready query from ontology/queries right after the start (so it waits for graph.ttl to
  load when the build has no OUT/store), then again.

Targets (issue: explorer on years of papers): first page < 3 s, search < 300 ms, every page < 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.explore import Index  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES = ["习近平", "李克强", "一带一路", "国务院常务会议", "全国人大", "王毅", "中", "会见", "两学一做",
           "不存在的名字"]
HEAVIEST = {  # kind -> SQL ranking its heaviest page first
    "official": "SELECT iri FROM node WHERE type = 'Official' ORDER BY weight DESC, n LIMIT 1",
    "meeting": "SELECT n2.iri FROM edge JOIN node n2 ON n2.n = edge.dst WHERE edge.rel IN ('chaired', 'attended') "
               "GROUP BY edge.dst ORDER BY count(*) DESC, edge.dst LIMIT 1",
    "slogan": "SELECT iri FROM node WHERE type = 'Slogan' ORDER BY weight DESC, n LIMIT 1",
    "document": "SELECT iri FROM node WHERE type = 'Document' ORDER BY weight DESC, n LIMIT 1",
    "body": "SELECT iri FROM node WHERE type = 'Body' ORDER BY weight DESC, n LIMIT 1",
    "post": "SELECT iri FROM node WHERE type = 'Post' ORDER BY weight DESC, n LIMIT 1",
    "article": "SELECT iri FROM node WHERE type = 'Article' ORDER BY weight DESC, n LIMIT 1",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(out: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out), "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"kg serve did not answer on port {port}: {process.stdout.read()}")


def first_page(browser, url: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        tab = context.new_page()
        tab.goto(url)
        tab.wait_for_function("document.body.dataset.ready === 'true' && document.body.dataset.view === 'overview'")
        times.append(tab.evaluate("kgExplorer.state.timings.overview"))  # ms since navigation start
        context.close()
    return times


def search_times(tab, queries: list[str]) -> list[tuple[str, float, int]]:
    results = []
    for query in queries:
        tab.fill("#kg-search", query[:-1])
        tab.wait_for_timeout(150)
        started = tab.evaluate("""q => {
            const box = document.getElementById('kg-search');
            box.value = q;
            const t = performance.now();
            box.dispatchEvent(new Event('input'));
            return t;
        }""", query)
        tab.wait_for_function("q => document.getElementById('kg-results').dataset.query === q", arg=query)
        shown = tab.evaluate("kgExplorer.state.timings.search")
        results.append((query, shown - started, tab.locator("#kg-results li.kg-result").count()))
        tab.keyboard.press("Escape")
    return results


def page_time(tab, iri: str) -> float:
    started = tab.evaluate("id => { const t = performance.now(); location.hash = '#/node/' + "
                           "encodeURIComponent(id); return t; }", iri)
    tab.wait_for_function("id => document.body.dataset.ready === 'true' && document.body.dataset.view === id",
                          arg=iri, timeout=30_000)
    return tab.evaluate("id => kgExplorer.state.timings[id]", iri) - started


def api_time(base: str, iri: str) -> tuple[float, int]:
    started = time.perf_counter()
    body = urllib.request.urlopen(base + "api/node?id=" + urllib.parse.quote(iri), timeout=60).read()
    return (time.perf_counter() - started) * 1000, len(body)


def sparql_time(base: str) -> tuple[float, int]:
    query = (ROOT / "ontology" / "queries" / "chaired_most.rq").read_text(encoding="utf-8")
    started = time.perf_counter()
    request = urllib.request.Request(base + "sparql?query=" + urllib.parse.quote(query),
                                     headers={"Accept": "text/csv"})
    body = urllib.request.urlopen(request, timeout=900).read()
    return time.perf_counter() - started, body.count(b"\n") - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="a kg build output directory (with explore.sqlite)")
    parser.add_argument("--runs", type=int, default=3, help="first-page loads to time")
    parser.add_argument("--sample", type=int, default=40, help="random pages to time")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    index = Index.open(args.out / "explore.sqlite")
    counts = index.meta("counts")
    heaviest = {kind: row[0] for kind, sql in HEAVIEST.items() if (row := index.connection.execute(sql).fetchone())}
    random.seed(7)
    sample = random.sample(index.all_iris(), min(args.sample, counts["nodes"]))
    labels = {iri: index.node(iri).label for iri in [*heaviest.values(), *sample]}
    port = free_port()
    load = os.getloadavg()
    print(f"build: {args.out} ({counts['nodes']:,} nodes, {counts['edges']:,} edges); "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    server = start_server(args.out, port)
    base = f"http://127.0.0.1:{port}/"
    try:
        cold, rows = sparql_time(base)  # right after start: waits for the graph to load when there is no OUT/store
        warm, _ = sparql_time(base)
        print(f"\nSPARQL chaired_most.rq over HTTP: {cold:.1f} s right after kg serve started "
              f"(loading {'OUT/store' if (args.out / 'store').is_dir() else 'graph.ttl'}), then {warm * 1000:.0f} ms; "
              f"{rows} rows")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            first = first_page(browser, base, args.runs)
            print(f"\nfirst page interactive (ms, {args.runs} cold loads): "
                  f"median {statistics.median(first):.0f}, max {max(first):.0f}   [target < 3000]")
            tab = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN").new_page()
            tab.goto(base)
            tab.wait_for_function("document.body.dataset.ready === 'true'")
            print("\nsearch (ms from the last keystroke to results shown, 60 ms debounce included)   [target < 300]")
            searched = search_times(tab, QUERIES)
            for query, ms, hits in searched:
                print(f"  {query:<12} {ms:7.0f}  {hits:3d} results")
            print(f"  max {max(ms for _, ms, _ in searched):.0f}")
            print("\npages (ms from click to drawn; API: server time and JSON size)   [target < 1000]")
            print(f"  {'kind':<9} {'page':<28} {'browser':>8} {'api ms':>7} {'KB':>7}")
            for kind, iri in heaviest.items():
                api_ms, size = api_time(base, iri)
                print(f"  {kind:<9} {labels[iri][:14]:<28} {page_time(tab, iri):8.0f} {api_ms:7.0f} "
                      f"{size / 1024:7.0f}")
            sampled = [page_time(tab, iri) for iri in sample]
            print(f"  {len(sample)} random pages: median {statistics.median(sampled):.0f}, max {max(sampled):.0f}")
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
