"""Benchmark the RDF side: streaming Turtle export, Oxigraph store build, SPARQL with pyoxigraph vs rdflib.

Run by hand (not in CI):

    python benchmarks/bench_rdf.py                       # 20,000 meetings (~2.5M triples), rdflib compared
    python benchmarks/bench_rdf.py --meetings 200000 --no-rdflib

The graph is synthetic but follows the graph contract (kg.model) with seed-like proportions: one
article per meeting, a chair and 4-8 attendees each, 3-6 references, 1-3 posts per official. Memory
is measured with tracemalloc in separate passes (it slows the timed passes otherwise): the peak of
Python allocations while writing Turtle, next to the size of the networkx graph itself and of the
same export held as an rdflib Graph.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.export.turtle import graph_to_rdf, write_turtle  # noqa: E402
from kg.iri import mint  # noqa: E402
from kg.query import execute, open_store  # noqa: E402
from kg.store import build_store  # noqa: E402

QUERIES = ROOT / "ontology" / "queries"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌辉鹏飞雪梅琳晨阳凯"
TITLES = ("书记", "副书记", "区长", "副区长", "主任", "副主任", "主席", "副主席", "秘书长", "局长")
BODIES = ("区委", "区政府", "区人大常委会", "区政协", "区发展改革局", "区商务局", "区住建局", "街道", "区纪委")


def synthetic_graph(meetings: int, seed: int = 7) -> nx.MultiDiGraph:
    """A contract-shaped graph with ``meetings`` meetings and proportionate everything else."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()

    def node(node_type: str, label: str, **attrs) -> str:
        iri = mint(node_type, label)
        g.add_node(iri, type=node_type, label=label, aliases=[], **attrs)
        return iri

    def edge(source: str, relation: str, target: str, article: str, sentence: str, day: str, **attrs) -> None:
        g.add_edge(source, target, key=relation, rel=relation,
                   evidence=[{"article": article, "sentence": sentence, "date": day}], **attrs)

    bodies = [node("Body", f"{rng.choice(('东', '西', '南', '北', '中'))}{i}{b}") for i, b in
              enumerate(BODIES * 25)]
    posts = []
    for i in range(500):
        body = rng.choice(bodies)
        title = rng.choice(TITLES)
        posts.append(node("Post", f"{g.nodes[body]['label']}{title}{i}", title=title, body=g.nodes[body]["label"]))
    officials = [node("Official", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) + str(i), posts=[])
                 for i in range(max(50, meetings // 10))]
    slogans = [node("Slogan", f"提法{i}", first_seen="2025-01-01", count=0) for i in range(2000)]
    for index in range(meetings):
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = node("Article", f"报道{index}", source=f"issues/{day}.txt", record=None, pub_date=day,
                       headline=f"召开第{index}次会议", reporters=["记者甲"], paper="某区报")
        meeting = node("Meeting", f"第{index}次会议", date=day, kind="会议", article=article)
        edge(meeting, "reportedIn", article, article, "", day)
        people = rng.sample(officials, rng.randint(5, 9))
        sentence = "、".join(g.nodes[p]["label"] for p in people) + "出席会议。"
        edge(people[0], "chaired", meeting, article, sentence, day, role="主持", order=0)
        for order, person in enumerate(people):
            edge(person, "attended", meeting, article, sentence, day, role="出席", order=order)
        for slogan in rng.sample(slogans, rng.randint(3, 6)):
            edge(meeting, "referenced", slogan, article, f"深入贯彻“{g.nodes[slogan]['label']}”。", day)
    for official in officials:
        for post in rng.sample(posts, rng.randint(1, 3)):
            edge(official, "holds", post, mint("Article", "报道0"), "任职", "2025-01-01",
                 first_seen="2025-01-01", last_seen="2025-06-30")
    return g


def timed(label: str, action: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = action()
    print(f"  {label:<44} {time.perf_counter() - start:8.2f} s")
    return result


def traced_peak_mb(action: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=20000)
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison (slow on big graphs)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc passes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        ttl, store_dir = Path(tmp) / "graph.ttl", Path(tmp) / "store"
        print(f"synthetic graph, {args.meetings} meetings")
        graph = timed("build networkx graph", lambda: synthetic_graph(args.meetings))
        print(f"  nodes {graph.number_of_nodes()}  edges {graph.number_of_edges()}")
        triples = timed("write_turtle (streaming)", lambda: write_turtle(graph, ttl))
        print(f"  triples {triples}  file {ttl.stat().st_size / 1e6:.1f} MB")
        loaded = timed("build_store (bulk load + optimize)", lambda: build_store(ttl, store_dir))
        assert loaded == triples, (loaded, triples)

        queries = {name: (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
                   for name in ("chaired_most", "coattendance_pairs", "slogans_by_first_appearance")}
        for kind, source in (("store", store_dir), ("memory", ttl)):
            store = timed(f"oxigraph {kind}: open" + (" (loads the Turtle)" if kind == "memory" else ""),
                          lambda source=source: open_store(source))
            for name, text in queries.items():
                timed(f"oxigraph {kind}: {name}", lambda store=store, text=text: list(execute(store, text)))
            del store

        if not args.no_rdflib:
            from rdflib import Graph

            rdf = timed("rdflib: parse Turtle", lambda: Graph().parse(ttl))
            for name in ("chaired_most", "slogans_by_first_appearance"):
                timed(f"rdflib: {name}", lambda name=name: list(rdf.query(queries[name])))
            del rdf

        if not args.no_memory:
            print("memory (tracemalloc peak of Python allocations)")
            graph_mb = traced_peak_mb(lambda: synthetic_graph(args.meetings))
            print(f"  {'building the networkx graph':<44} {graph_mb:8.1f} MB")
            writing_mb = traced_peak_mb(lambda: write_turtle(graph, ttl))
            print(f"  {'write_turtle, on top of the graph':<44} {writing_mb:8.1f} MB")
            if not args.no_rdflib:
                copy_mb = traced_peak_mb(lambda: graph_to_rdf(graph))
                print(f"  {'graph_to_rdf (a full second copy)':<44} {copy_mb:8.1f} MB")


if __name__ == "__main__":
    main()
