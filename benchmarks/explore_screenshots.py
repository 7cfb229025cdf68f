"""Screenshots of the explorer for the README and docs/html.md, taken through `kg serve` in headless Chromium.

    python benchmarks/explore_screenshots.py OUT                      # OUT: a build of the 新闻联播 corpus
    python benchmarks/explore_screenshots.py OUT --person 李克强 --slogan 一带一路 --img docs/img

Writes explore-overview.png, explore-person.png, explore-meeting.png and explore-slogan.png (1400 x 900 each).
The meeting is the one with a chair and the most people listed, unless --meeting names one; person and slogan are found
with the explorer's own search, so rerun it after a rebuild and the pictures follow the graph.
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_explore import CHROMIUM, CHROMIUM_ARGS, free_port, start_server  # noqa: E402

from kg.explore import Index, search  # noqa: E402

# the meeting with a chair that lists the most people
BIGGEST_MEETING = ("SELECT n2.iri FROM edge JOIN node n2 ON n2.n = edge.dst WHERE edge.rel IN ('chaired', 'attended') "
                   "GROUP BY edge.dst HAVING sum(edge.rel = 'chaired') > 0 "
                   "ORDER BY count(DISTINCT edge.src) DESC, edge.dst LIMIT 1")


def found(index: Index, text: str, node_type: str) -> str:
    hits = [hit for hit in search(index, text) if hit["type"] == node_type]
    if not hits:
        raise SystemExit(f"no {node_type} named {text!r} in {index}")
    return hits[0]["id"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="a kg build output directory")
    parser.add_argument("--person", default="习近平")
    parser.add_argument("--slogan", default="一带一路")
    parser.add_argument("--meeting", help="a meeting's label (default: the one with the most people listed)")
    parser.add_argument("--img", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    index = Index.open(args.out / "explore.sqlite")
    meeting = found(index, args.meeting, "Meeting") if args.meeting else \
        index.connection.execute(BIGGEST_MEETING).fetchone()[0]
    views = {"overview": None, "person": found(index, args.person, "Official"), "meeting": meeting,
             "slogan": found(index, args.slogan, "Slogan")}
    port = free_port()
    server = start_server(args.out, port)
    base = f"http://127.0.0.1:{port}/"
    args.img.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
            for name, iri in views.items():
                view = iri or "overview"
                tab.goto(base if iri is None else base + "#/node/" + urllib.parse.quote(iri, safe=""))
                tab.wait_for_function("v => document.body.dataset.ready === 'true' && "
                                      "document.body.dataset.view === v", arg=view)
                tab.wait_for_timeout(300)
                target = args.img / f"explore-{name}.png"
                tab.screenshot(path=str(target))
                print(f"{target}  ({view})")
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
