"""Analyses over a built graph (the networkx graph of ``kg.build``): careers, protocol, slogans, who meets whom.

Each analysis is a library function over ``KnowledgeGraph.graph``; report.md, ``kg report`` and the explorer call
them. ``analyse(graph, period)`` runs them all (kg.analyse.overview); one module per concern:

* ``tenures``: tenure starts and ends (stated, inferred from successors, seen) on every holds edge
* ``protocol``: listing order per meeting, rank series over regular meetings, rank shifts
* ``slogans``: first seen, monthly mentions, new and fastest-spreading formulations
* ``network``: co-attendance network, communities, central officials
* ``sections`` / ``tables`` / ``charts``: the results as Markdown, CSV files, PNG and SVG
"""

from kg.analyse.network import central_officials, coattendance, communities
from kg.analyse.overview import Analysis, analyse
from kg.analyse.period import Period
from kg.analyse.protocol import listings, meeting_order, rank_series, rank_shifts
from kg.analyse.slogans import slogan_profiles
from kg.analyse.tenures import held_on, infer_tenures

__all__ = ["Analysis", "Period", "analyse", "central_officials", "coattendance", "communities", "held_on",
           "infer_tenures", "listings", "meeting_order", "rank_series", "rank_shifts", "slogan_profiles"]
