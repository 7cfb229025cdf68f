"""A period of time the analyses are restricted to (``kg report --since … --until …``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import networkx as nx


@dataclass(frozen=True)
class Period:
    """Days from ``since`` to ``until``, both included; None leaves that side open."""

    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"the period starts ({self.since}) after it ends ({self.until})")

    @property
    def is_open(self) -> bool:
        return self.since is None and self.until is None

    def contains(self, day: str | None) -> bool:
        """Whether an ISO date falls in the period (an unknown date only in an open one)."""
        if day is None:
            return self.is_open
        day = day[:10]
        return ((self.since is None or day >= self.since.isoformat())
                and (self.until is None or day <= self.until.isoformat()))

    def contains_month(self, month: str) -> bool:
        """Whether any day of a YYYY-MM month falls in the period."""
        return ((self.since is None or month >= self.since.isoformat()[:7])
                and (self.until is None or month <= self.until.isoformat()[:7]))

    def describe(self) -> str:
        if self.is_open:
            return "all dates"
        return f"{self.since.isoformat() if self.since else '…'} to {self.until.isoformat() if self.until else '…'}"


def last_days(span: Period, days: int) -> Period:
    """The final ``days`` days of ``span`` (the "last period" a report looks at)."""
    if span.until is None:
        return Period()
    start = span.until - timedelta(days=days - 1)
    return Period(max(start, span.since) if span.since else start, span.until)


def dated_span(graph: nx.MultiDiGraph) -> Period:
    """The first and last day the papers cover: each article's publication date, or for an article without one
    the dates of the meetings it reports (a meeting an article merely recalls may be decades older)."""
    days = []
    for article, data in graph.nodes(data=True):
        if data.get("type") != "Article":
            continue
        if data.get("pub_date"):
            days.append(data["pub_date"][:10])
            continue
        days += [graph.nodes[meeting]["date"][:10] for meeting, _, key in graph.in_edges(article, keys=True)
                 if key == "reportedIn" and graph.nodes[meeting].get("date")]
    if not days:
        return Period()
    return Period(date.fromisoformat(min(days)), date.fromisoformat(max(days)))


def meetings_in(graph: nx.MultiDiGraph, period: Period) -> list[str]:
    """Meeting nodes whose date falls in ``period`` (every meeting when the period is open), sorted."""
    return sorted(node for node, data in graph.nodes(data=True)
                  if data.get("type") == "Meeting" and period.contains(data.get("date")))


def restrict(graph: nx.MultiDiGraph, period: Period) -> nx.MultiDiGraph:
    """A read-only view of ``graph`` without the meetings outside ``period`` (the graph itself when open)."""
    if period.is_open:
        return graph
    keep = set(meetings_in(graph, period))
    return nx.subgraph_view(graph, filter_node=lambda n: graph.nodes[n].get("type") != "Meeting" or n in keep)
