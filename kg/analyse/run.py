"""``kg report OUT``: read a build's graph.json, analyse it, write analytics.md (and CSV files and charts)."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from kg.analyse.overview import Analysis, analyse
from kg.analyse.period import Period
from kg.analyse.sections import LIMIT, render_sections
from kg.analyse.slogans import SloganProfile
from kg.analyse.tenures import tenure_rows
from kg.atomic import write_text


def load_built_graph(out: Path) -> nx.MultiDiGraph:
    """The graph a ``kg build`` wrote to OUT/graph.json, with a clear error when there is none."""
    from kg.export.html import load_graph_json

    path = out / "graph.json" if out.is_dir() or not out.suffix else out
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file (give the output directory of kg build)")
    try:
        return load_graph_json(path)
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a graph.json written by kg build ({exc})") from exc


def render_analytics(analysis: Analysis, source: str, limit: int = LIMIT) -> str:
    lines = ["# kg analytics", "", f"- graph: {source}", f"- period: {analysis.period.describe()}",
             f"- papers cover: {analysis.span.describe()}"]
    lines += render_sections(analysis, limit)
    return "\n".join(lines) + "\n"


def run_report(out: Path, period: Period, *, output: str | Path | None = None, csv_dir: str | Path | None = None,
               charts_dir: str | Path | None = None, limit: int = LIMIT,
               slogans: Sequence[str] = ()) -> list[str]:
    """Analyse the build in ``out`` over ``period`` and write the outputs; returns the lines to print."""
    started = time.perf_counter()
    graph = load_built_graph(out)
    analysis = analyse(graph, period)
    target = Path(output) if output else (out if out.is_dir() else out.parent) / "analytics.md"
    write_text(target, render_analytics(analysis, str(out), limit))
    summary = [f"kg report: {analysis.period.describe()} (the papers cover {analysis.span.describe()})",
               f"  tenure changes {len(analysis.successions)}  stated starts/ends {len(analysis.stated)}  "
               f"seats to review {len(analysis.tenures.ambiguous)}",
               f"  meetings with a listed order {len({x.meeting for x in analysis.listings})}  "
               f"rank series {len(analysis.series)}  rank shifts {len(analysis.shifts)}",
               f"  slogans {len(analysis.profiles)}  new {len(analysis.new_slogans)} "
               f"({analysis.recent.describe()})  spreading {len(analysis.fastest)}",
               f"  co-attendance: {analysis.network.number_of_nodes()} officials, "
               f"{analysis.network.number_of_edges()} pairs, {len(set(analysis.communities.values()))} communities",
               f"  report      {target}"]
    if csv_dir:
        from kg.analyse.tables import write_tables

        written = write_tables(analysis, csv_dir)
        summary.append(f"  csv         {csv_dir}: " + ", ".join(f"{name} ({rows})" for name, rows in written.items()))
    if charts_dir:
        drawn = write_charts(analysis, Path(charts_dir), slogans=slogans)
        summary.append(f"  charts      {charts_dir}: " + ", ".join(path.name for path in drawn))
    summary.append(f"  time: {time.perf_counter() - started:.1f} s")
    return summary


def write_charts(analysis: Analysis, folder: Path, slogans: Sequence[str] = (), seats: int = 6) -> list[Path]:
    """tenures, protocol_rank, slogans and coattendance charts (PNG and SVG) into ``folder``."""
    from kg.analyse import charts

    a = analysis
    drawn: list[Path] = []
    chosen = sorted(a.successions, key=lambda s: (-s.mentions, s.date, s.before_post))[:seats]
    pairs = {(s.before, s.before_post) for s in chosen} | {(s.after, s.after_post) for s in chosen}
    rows = [r for r in tenure_rows(a.graph) if (r["official_id"], r["post_id"]) in pairs]
    rows.sort(key=lambda r: (r["post"], r["start"] or "", r["official"]))
    drawn += charts.tenure_chart(rows, folder / "tenures", title="Holders of the most reported one-holder posts")
    if a.series:  # the series with the most listings: many meetings, long lists
        listed: dict[tuple[str, str], int] = {}
        for (name, group, _), items in a.series.items():
            listed[(name, group)] = listed.get((name, group), 0) + len(items)
        top = min(listed, key=lambda k: (-listed[k], k))
        found = [x for key, items in a.series.items() if key[:2] == top for x in items]
        labels = {x.official: a.label(x.official) for x in found}
        drawn += charts.rank_chart(found, labels, folder / "protocol_rank",
                                   title=f"Listing order at {top[0]} ({top[1]})")
    wanted = _chosen_slogans(a, slogans)
    drawn += charts.slogan_chart(wanted, folder / "slogans", title="Slogan mentions per month")
    drawn += charts.network_chart(a.network, a.communities, folder / "coattendance",
                                  title="Who meets whom (the 40 most connected officials)")
    return drawn


def _chosen_slogans(a: Analysis, labels: Sequence[str], count: int = 6) -> list[SloganProfile]:
    """The slogans named (by label), else the most quoted ones; months outside the period left out."""
    by_label = {p.label: p for p in a.profiles.values()}
    missing = [label for label in labels if label not in by_label]
    if missing:
        raise ValueError(f"no such slogan in the graph: {', '.join(missing)}")
    chosen = [by_label[label] for label in labels] or sorted(
        a.profiles.values(), key=lambda p: (-p.mentions, p.first or "", p.label))[:count]
    if a.period.is_open:
        return chosen
    return [SloganProfile(p.slogan, p.label, p.first, monthly={m: n for m, n in p.monthly.items()
                                                               if a.period.contains_month(m)}) for p in chosen]
