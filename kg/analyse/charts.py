"""Charts of the analyses as PNG and SVG: tenures, protocol ranks, slogan curves, the co-attendance network.

matplotlib with the Agg backend (no display needed). The same input gives byte-identical files: SVG ids are
salted with a constant and neither format carries a date or software stamp. Chinese labels need a CJK font; the
first of CJK_FONTS installed is used (Debian: ``apt-get install fonts-wqy-microhei``), else labels fall back to
the default font and show as boxes, and the chart is still written.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import networkx as nx

from kg.analyse.protocol import Listing
from kg.analyse.slogans import SloganProfile
from kg.atomic import atomic_open

CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
             "Droid Sans Fallback", "AR PL UMing CN", "SimHei")
FORMATS = ("png", "svg")
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f",
            "#bcbd22")


def _pyplot():
    """pyplot set up once for files only: Agg, a CJK font when there is one, deterministic SVG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    installed = {font.name for font in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FONTS if name in installed]
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [*cjk, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.hashsalt": "kg",
        "svg.fonttype": "path",
        "figure.dpi": 100,
        "savefig.dpi": 100,
    })
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    return plt


def cjk_font() -> str | None:
    """The CJK font charts use, or None when none is installed."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def save(figure, base: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``figure`` as BASE.png and BASE.svg (atomically), then close it."""
    plt = _pyplot()
    written = []
    for fmt in formats:
        path = base.with_suffix(f".{fmt}")
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        with atomic_open(path, "wb") as handle, warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            figure.savefig(handle, format=fmt, metadata=metadata, bbox_inches="tight")
        written.append(path)
    plt.close(figure)
    return written


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def tenure_chart(rows: Sequence[dict], base: Path, title: str = "Tenures") -> list[Path]:
    """Bars from start to end, one row per (post, holder); rows are dicts of ``tenure_rows``, already chosen.
    A dashed outline marks an end inferred from the successor, none an end that is only the last day seen."""
    plt = _pyplot()
    from matplotlib.dates import date2num

    dated = [r for r in rows if r["start"]]
    figure, axes = plt.subplots(figsize=(10, 0.45 * max(len(dated), 2) + 1.2))
    posts = list(dict.fromkeys(r["post"] for r in dated))
    for y, row in enumerate(dated):
        start = date2num(_day(row["start"]))
        end = date2num(_day(row["end"] or row["start"]))
        colour = _COLOURS[posts.index(row["post"]) % len(_COLOURS)]
        style = {"stated": "solid", "inferred": "dashed"}.get(row["end_basis"], "dotted")
        axes.barh(y, max(end - start, 1.0), left=start, color=colour, alpha=0.75, edgecolor="black",
                  linestyle=style, linewidth=0.8)
        axes.text(start, y, f" {row['official']}", va="center", fontsize=8)
    axes.set_yticks(range(len(dated)), [f"{r['post']}" for r in dated], fontsize=8)
    axes.invert_yaxis()
    axes.xaxis_date()
    axes.set_title(f"{title} (outline: solid stated end, dashed inferred, dotted last seen)", fontsize=9)
    axes.grid(axis="x", alpha=0.3)
    return save(figure, base)


def rank_chart(found: Iterable[Listing], labels: dict[str, str], base: Path, title: str,
               limit: int = 8) -> list[Path]:
    """Rank over time (1 = listed first, at the top) for the ``limit`` officials listed most often."""
    plt = _pyplot()
    found = sorted(found, key=lambda x: (x.date or "", x.meeting, x.rank))
    counts = Counter(x.official for x in found)
    chosen = sorted(counts, key=lambda o: (-counts[o], o))[:limit]
    figure, axes = plt.subplots(figsize=(10, 4.5))
    for index, official in enumerate(chosen):
        points = [(_day(x.date), x.rank) for x in found if x.official == official and x.date]
        axes.plot([p[0] for p in points], [p[1] for p in points], marker="o", markersize=3, linewidth=1,
                  color=_COLOURS[index % len(_COLOURS)], label=labels.get(official, official))
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.invert_yaxis()
    axes.set_ylabel("position in the list")
    axes.set_title(title, fontsize=10)
    axes.grid(alpha=0.3)
    if chosen:
        axes.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return save(figure, base)


def slogan_chart(profiles: Sequence[SloganProfile], base: Path, title: str = "Mentions per month") -> list[Path]:
    """Monthly mentions of each slogan, months without mentions drawn as zero."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(10, 4.5))
    months = sorted({month for p in profiles for month in p.monthly})
    if months:
        everything = _month_range(months[0], months[-1])
        for index, profile in enumerate(profiles):
            axes.plot([_day(m + "-01") for m in everything], [profile.monthly.get(m, 0) for m in everything],
                      linewidth=1.2, color=_COLOURS[index % len(_COLOURS)],
                      label=f"{profile.label} (first {profile.first})")
        axes.legend(fontsize=8, loc="upper left")
    axes.set_ylabel("mentions")
    axes.set_title(title, fontsize=10)
    axes.grid(alpha=0.3)
    return save(figure, base)


def network_chart(network: nx.Graph, found: dict[str, int], base: Path, limit: int = 40,
                  title: str = "Co-attendance") -> list[Path]:
    """The ``limit`` most connected officials, placed by a seeded spring layout, coloured by community."""
    plt = _pyplot()
    strength = dict(network.degree(weight="weight"))
    chosen = sorted(strength, key=lambda n: (-strength[n], n))[:limit]
    sub = nx.Graph()
    sub.add_nodes_from(sorted(chosen))
    sub.add_weighted_edges_from(sorted((a, b, network[a][b]["weight"]) for a, b in network.subgraph(chosen).edges))
    figure, axes = plt.subplots(figsize=(9, 9))
    if sub.number_of_nodes():
        layout = nx.spring_layout(sub, seed=0, weight="weight")
        widths = [0.3 + 2.5 * sub[a][b]["weight"] / max(w for *_, w in sub.edges(data="weight")) for a, b in sub.edges]
        nx.draw_networkx_edges(sub, layout, ax=axes, width=widths, alpha=0.3)
        colours = [_COLOURS[found.get(n, 0) % len(_COLOURS)] for n in sub.nodes]
        sizes = [60 + 400 * strength[n] / max(strength[c] for c in chosen) for n in sub.nodes]
        nx.draw_networkx_nodes(sub, layout, ax=axes, node_color=colours, node_size=sizes, alpha=0.85)
        labels = {n: network.nodes[n].get("label", n) for n in sub.nodes}
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            nx.draw_networkx_labels(sub, layout, labels=labels, ax=axes, font_size=8,
                                    font_family=plt.rcParams["font.sans-serif"])
    axes.set_title(title, fontsize=10)
    axes.axis("off")
    return save(figure, base)


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
