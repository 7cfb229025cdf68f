"""All analyses of one graph at once, for report.md, ``kg report`` and notebooks.

``analyse(graph, period)`` runs tenures, protocol, slogans and co-attendance and keeps their results together;
``kg.analyse.sections`` renders them as Markdown, ``kg.analyse.tables`` as CSV files, ``kg.analyse.charts`` as
pictures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from kg.analyse.network import coattendance, communities
from kg.analyse.period import Period, dated_span, last_days, meetings_in, restrict
from kg.analyse.protocol import Listing, RankShift, listings, rank_series, rank_shifts
from kg.analyse.slogans import (
    Mention,
    SloganProfile,
    fastest_spreading,
    new_slogans,
    slogan_mentions,
    slogan_profiles,
)
from kg.analyse.tenures import Succession, TenureAnalysis, infer_tenures, stated_events

RECENT_DAYS = 90  # "the last period" when none is given: the final 90 days of the papers


@dataclass
class Analysis:
    graph: nx.MultiDiGraph
    period: Period  # what the user asked for (open: everything)
    span: Period  # the dates the papers cover
    recent: Period  # the period "new" slogans are looked for in
    tenures: TenureAnalysis
    successions: list[Succession]  # in the period
    stated: list[dict]  # stated starts and ends in the period
    listings: list[Listing]
    series: dict[tuple[str, str, str], list[Listing]]
    shifts: list[RankShift]
    mentions: list[Mention]
    profiles: dict[str, SloganProfile]
    new_slogans: list[SloganProfile]
    fastest: list[SloganProfile]
    network: nx.Graph
    communities: dict[str, int] = field(default_factory=dict)

    def label(self, node: str | None) -> str:
        if not node:
            return ""
        return self.graph.nodes[node].get("label", node) if node in self.graph.nodes else node


def analyse(graph: nx.MultiDiGraph, period: Period | None = None, *, recent_days: int = RECENT_DAYS,
            tenures: TenureAnalysis | None = None) -> Analysis:
    """Every analysis of ``graph`` within ``period``; sets the tenure dates on its holds edges (infer_tenures),
    unless ``tenures`` says they were set already (the build infers them once; doing it again costs seconds).

    Tenures are inferred on the whole graph (a successor after the period still ends a tenure inside it) and
    then filtered; meetings and co-attendance are restricted to the period; slogans keep their first appearance
    in the whole corpus, so "new" means new to the papers, not to the period.
    """
    period = period or Period()
    span = dated_span(graph)
    tenures = tenures if tenures is not None else infer_tenures(graph)
    successions = [s for s in tenures.successions if period.contains(s.date)]
    stated = [e for e in stated_events(graph) if period.contains(e["date"])]
    found = listings(graph, meetings_in(graph, period))
    mentions = slogan_mentions(graph)
    profiles = slogan_profiles(graph, mentions)
    recent = period if not period.is_open else last_days(span, recent_days)
    network = coattendance(restrict(graph, period))
    return Analysis(graph=graph, period=period, span=span, recent=recent, tenures=tenures,
                    successions=successions, stated=stated, listings=found, series=rank_series(found),
                    shifts=rank_shifts(graph, found), mentions=mentions, profiles=profiles,
                    new_slogans=new_slogans(profiles, recent, span),
                    fastest=fastest_spreading(profiles, span, None if period.is_open else period),
                    network=network, communities=communities(network))
