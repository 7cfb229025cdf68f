"""The library API: ``kg.build(paths) -> KnowledgeGraph``. The CLI is a thin shell over this."""

from __future__ import annotations

import gc
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx

from kg.analyse.tenures import TenureAnalysis, holder_lines, infer_tenures
from kg.assemble import assemble
from kg.model import ArticleExtraction, InputProblem
from kg.read import iter_sources
from kg.resolve import Curation, TextOf, article_text, resolve
from kg.spill import SpilledTexts
from kg.suspects import find_suspects


@dataclass
class KnowledgeGraph:
    """The built graph plus what happened while building it."""

    graph: nx.MultiDiGraph
    articles: int = 0
    sources: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    tenures: TenureAnalysis | None = None  # inferred on ``graph`` when built (the report reuses it): a caller that
    # swaps the graph sets this to None

    def counts(self) -> dict[str, int]:
        kinds = Counter(data["type"] for _, data in self.graph.nodes(data=True))
        rels = Counter(key for _, _, key in self.graph.edges(keys=True))
        out = {t: kinds.get(t, 0) for t in ("Article", "Official", "Reporter", "Body", "Meeting",
                                            "Slogan", "Document", "Post")}
        out.update({f"edges:{r}": n for r, n in sorted(rels.items())})
        out["edges"] = self.graph.number_of_edges()
        return out

    def nodes_of(self, node_type: str) -> list[str]:
        return [n for n, d in self.graph.nodes(data=True) if d["type"] == node_type]

    def label(self, node: str) -> str:
        return self.graph.nodes[node]["label"]


def build(paths: Iterable[str | os.PathLike[str]], *, pub_date: date | None = None,
          curation: Curation | None = None, locality: str | None = None, jobs: int | None = 1,
          engine: str = "local", scheduler: str | None = None, cache_dir: str | os.PathLike[str] | None = None,
          progress: bool = False) -> KnowledgeGraph:
    """Build the knowledge graph of every readable article under ``paths``.

    ``jobs``: extraction processes (None: all cores). ``engine="dask"`` with ``scheduler`` runs extraction on a
    Dask cluster. ``cache_dir`` keeps extraction results keyed by content so rebuilds only read new input.
    """
    with without_cycle_collection():
        return _build(paths, pub_date=pub_date, curation=curation, locality=locality, jobs=jobs, engine=engine,
                      scheduler=scheduler, cache_dir=cache_dir, progress=progress)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a build (and, in the CLI, its exports) runs.

    A build allocates millions of small objects that live until the graph is done, and frees almost none.
    Every full collection rescans all of them: on 10,000 articles that was 40% of resolve + assemble, and
    it collected nothing (the stages make no reference cycles). Reference counting still frees memory as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(paths: Iterable[str | os.PathLike[str]], *, pub_date: date | None, curation: Curation | None,
           locality: str | None, jobs: int | None, engine: str, scheduler: str | None,
           cache_dir: str | os.PathLike[str] | None, progress: bool) -> KnowledgeGraph:
    from kg.engine import ExtractionStats, run_extraction

    problems: list[InputProblem] = []
    extractions: list[ArticleExtraction] = []
    stats = ExtractionStats()
    sources = iter_sources([Path(p) for p in paths], date_given=pub_date is not None)
    # texts go to disk as they arrive; only the mentions stay in memory until resolution
    with SpilledTexts() as texts:
        for item in run_extraction(sources, default_date=pub_date, jobs=jobs, engine=engine, scheduler=scheduler,
                                   cache_dir=Path(cache_dir) if cache_dir else None, progress=progress,
                                   stats=stats):
            if isinstance(item, InputProblem):
                problems.append(item)
            else:
                extractions.append(texts.spill(item))
        resolving = time.perf_counter()
        result = assemble_graph(extractions, problems, stats.sources, curation=curation, locality=locality,
                                text_of=texts.text_of, release=True)
    result.stats = {"bytes": stats.text_bytes, "seconds": stats.seconds, "jobs": stats.jobs, "engine": stats.engine,
                    "cache_hits": stats.cache_hits if cache_dir else None, "cache_misses": stats.cache_misses,
                    "resolve_seconds": time.perf_counter() - resolving}
    return result


def _holder_pair(change: dict) -> tuple[str, str] | None:
    """(before, after) names of a holder change ("区政协主席 (scope): 甲 → 乙 (…)")."""
    summary = change.get("summary", "")
    names = summary.split(": ", 1)[-1].split(" (")[0]
    before, _, after = names.partition(" → ")
    return (before, after) if after else None


def assemble_graph(extractions: list[ArticleExtraction], problems: list[InputProblem], n_sources: int,
                   *, curation: Curation | None = None, locality: str | None = None,
                   text_of: TextOf = article_text, release: bool = False) -> KnowledgeGraph:
    """Resolve and assemble ``extractions`` into a KnowledgeGraph with its tenures, report and suspects.

    ``release``: the caller gives the extractions up: ``extractions`` is emptied once resolved, each article's
    mentions are freed as soon as it is in the graph, and resolution's tables as soon as assembly is done. The
    build's memory then peaks at about the graph plus those tables, not the mentions on top (``kg.build``).
    """
    extraction_warnings = [w for ex in extractions for w in ex.warnings]
    resolved = resolve(extractions, curation=curation, locality=locality, text_of=text_of)
    if release:
        extractions.clear()  # resolved.extractions still holds each one until assembly has read it
    graph = assemble(resolved, release=release)
    report, resolution_warnings = resolved.report, resolved.warnings
    del resolved  # (article, name) -> identity tables: not needed once the graph is built
    tenures = infer_tenures(graph)  # holds edges get start/end (stated, inferred from successors, or seen)
    # posts over time: holders as the tenure analysis reads them (stray mentions outvoted, acting forms kept); the
    # raw first/last-seen changes of resolution keep only what the analysis confirms, and alternating posts are
    # listed once, by the analysis
    report["tenure"] = holder_lines(graph, tenures)
    confirmed = {(graph.nodes[s.before]["label"], graph.nodes[s.after]["label"]) for s in tenures.successions}
    report["changes"] = [c for c in report.get("changes", [])
                         if c.get("kind") != "holder" or _holder_pair(c) in confirmed]
    report["duplicates"] = [d for d in report.get("duplicates", []) if "holders alternate" not in d.get("summary", "")]
    suspects = find_suspects(graph, report.get("merged"))
    report.update({"suspect_names": suspects.names, "suspect_posts": suspects.posts,
                   "suspect_split": suspects.split, "suspect_merges": suspects.thin_merges,
                   "suspect_untraced": suspects.untraced,
                   "suspect_counts": suspects.counts()})
    warnings = list(dict.fromkeys(extraction_warnings + resolution_warnings))
    articles = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Article")
    return KnowledgeGraph(graph=graph, articles=articles, sources=n_sources, problems=problems,
                          warnings=warnings, report=report, tenures=tenures)
