"""How long a large explorer page takes to become interactive in headless Chromium (a benchmark, not a test).

    python benchmarks/html_interactive.py                 # 5,000 nodes
    python benchmarks/html_interactive.py --nodes 1000 --nodes 5000
    python benchmarks/html_interactive.py --seeds docs/img   # README screenshots of the seeds' graph

"Interactive" is the moment the page sets ``<body data-ready="true">``: vis-network has finished its
(capped) stabilisation, physics is off, and the first frame is drawn. Also reported: the time to write the
page in Python, its size, and how long one redraw takes afterwards (what panning and zooming cost).
Needs Debian's ``chromium`` and the ``playwright`` Python package (no downloaded browser).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.html import write_html  # noqa: E402
from kg.iri import mint  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂燕俊华建国志红文斌波辉"


def synthetic_graph(total: int, seed: int = 1) -> nx.MultiDiGraph:
    """A contract-shaped graph of about ``total`` nodes with a newspaper-like mix and a few busy officials."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    counts = {"Official": 0.30, "Meeting": 0.30, "Article": 0.14, "Post": 0.14, "Body": 0.06, "Slogan": 0.06}
    made: dict[str, list[str]] = {t: [] for t in counts}
    for node_type, share in counts.items():
        for i in range(max(1, int(total * share))):
            label = _label(node_type, i, rng)
            node = mint(node_type, f"{label}\x1f{i}")
            attrs = {"type": node_type, "label": label, "aliases": []}
            if node_type == "Meeting":
                attrs.update(date=f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", kind="会议")
            if node_type == "Article":
                attrs.update(pub_date=f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                             source=f"paper/{i}.txt", record=None, headline=label, reporters=[], paper="某区报")
            graph.add_node(node, **attrs)
            made[node_type].append(node)
    officials, weights = made["Official"], [1 / (rank + 1) for rank in range(len(made["Official"]))]

    def edge(u: str, v: str, rel: str, article: str, day: str | None) -> None:
        evidence = [{"article": article, "sentence": f"{rel} 的原句。", "date": day}]
        graph.add_edge(u, v, key=rel, rel=rel, evidence=evidence)

    for post, body in zip(made["Post"], rng.choices(made["Body"], k=len(made["Post"])), strict=True):
        edge(post, body, "postIn", made["Article"][0], None)
    for official in officials:
        edge(official, rng.choice(made["Post"]), "holds", made["Article"][0], "2023-01-01")
    for meeting in made["Meeting"]:
        article, day = rng.choice(made["Article"]), graph.nodes[meeting]["date"]
        people = set(rng.choices(officials, weights=weights, k=5))
        for order, person in enumerate(sorted(people)):
            edge(person, meeting, "chaired" if order == 0 else "attended", article, day)
        edge(meeting, article, "reportedIn", article, day)
        if rng.random() < 0.5:
            edge(meeting, rng.choice(made["Slogan"]), "referenced", article, day)
        if rng.random() < 0.3:
            edge(meeting, rng.choice(made["Body"]), "organizedBy", article, day)
    return graph


def _label(node_type: str, index: int, rng: random.Random) -> str:
    if node_type == "Official":
        return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return {"Meeting": "第{}次工作会议", "Article": "报道{}", "Post": "职务{}", "Body": "机构{}",
            "Slogan": "口号{}"}[node_type].format(index)


def open_in_chromium(html: Path, screenshot: Path | None = None, width: int = 1400, height: int = 900,
                     before_screenshot: str | None = None) -> dict:
    """Load ``html`` from file:// with every network request blocked; return timings and counts."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                       else route.abort())
            started = time.perf_counter()
            page.goto(html.as_uri())
            loaded = time.perf_counter() - started
            page.wait_for_selector("body[data-ready=true]", timeout=600_000)
            ready = time.perf_counter() - started
            if screenshot is not None:
                if before_screenshot:
                    page.evaluate(before_screenshot)
                page.wait_for_timeout(500)
                page.screenshot(path=str(screenshot))
            redraw_ms = page.evaluate("""() => new Promise(done => {
                const network = kgExplorer.network, t0 = performance.now();
                network.once('afterDrawing', () => done(performance.now() - t0));
                network.moveTo({scale: network.getScale() * 1.5});
            })""")
            counts = page.evaluate("kgExplorer.visibleCounts()")
            return {"load_s": loaded, "interactive_s": ready, "redraw_ms": redraw_ms, **counts}
        finally:
            browser.close()


def benchmark(sizes: list[int]) -> None:
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average before: {load} on {os.cpu_count()} cores")
    print(f"{'nodes':>6} {'edges':>6} {'write s':>8} {'MiB':>6} {'load s':>7} {'interactive s':>14} {'redraw ms':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            graph = synthetic_graph(size)
            path = Path(tmp) / f"g{size}.html"
            started = time.perf_counter()
            write_html(graph, path, title=f"benchmark {size}")
            written = time.perf_counter() - started
            result = open_in_chromium(path)
            print(f"{result['nodes']:>6} {result['edges']:>6} {written:>8.2f} {path.stat().st_size / 2**20:>6.1f} "
                  f"{result['load_s']:>7.2f} {result['interactive_s']:>14.2f} {result['redraw_ms']:>10.1f}")


def seeds_screenshots(folder: Path) -> None:
    """Build the seeds' graph and screenshot the whole page and a focused one for the README."""
    import kg

    os.chdir(ROOT)  # sources are then shown as seeds/… rather than an absolute path
    graph = kg.build([Path("seeds")]).graph
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp) / "seeds.html"
        counts = write_html(graph, whole, title="seeds · 两期区报")
        show_official = f"kgExplorer.showDetails('node', {json.dumps(_node_by_label(graph, FOCUS))})"
        result = open_in_chromium(whole, folder / "seeds-graph.png", 1600, 1000, show_official)
        print(f"whole: {counts['nodes']} nodes, {counts['edges']} edges; "
              f"interactive after {result['interactive_s']:.2f} s -> {folder / 'seeds-graph.png'}")
        focused = Path(tmp) / "focus.html"
        counts = write_html(graph, focused, title=f"{FOCUS} · 2 跳", focus=FOCUS, hops=2,
                            types={"Official", "Meeting", "Body", "Post"})
        meeting = _busiest_meeting(graph, FOCUS)
        hover = (f"(() => {{ const id = {json.dumps(meeting)}; const n = kgExplorer.network;"
                 " kgExplorer.showDetails('node', id);"
                 " kgExplorer.showTooltip('node', id, n.canvasToDOM(n.getPositions([id])[id])); })()")
        result = open_in_chromium(focused, folder / "seeds-focus.png", 1600, 1000, hover)
        print(f"focus: {counts['nodes']} nodes, {counts['edges']} edges; "
              f"interactive after {result['interactive_s']:.2f} s -> {folder / 'seeds-focus.png'}")


FOCUS = "沈燕俊"


def _node_by_label(graph: nx.MultiDiGraph, label: str) -> str:
    return next(node for node, data in graph.nodes(data=True) if data["label"] == label)


def _busiest_meeting(graph: nx.MultiDiGraph, label: str) -> str:
    meetings = [v for _, v, key in graph.out_edges(_node_by_label(graph, label), keys=True)
                if key in ("chaired", "attended")]
    return max(meetings, key=lambda m: (graph.in_degree(m), m))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, action="append", help="graph size (repeatable; default 5000)")
    parser.add_argument("--seeds", type=Path, metavar="DIR", help="instead: screenshots of the seeds' graph into DIR")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei")
    if args.seeds:
        seeds_screenshots(args.seeds)
    else:
        benchmark(args.nodes or [5000])


if __name__ == "__main__":
    main()
