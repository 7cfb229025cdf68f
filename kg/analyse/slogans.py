"""Slogan diffusion: where a formulation (提法) was first seen, by whom, and how it spread month by month.

A mention is one sentence of one article quoting the slogan (the evidence of a referenced edge); the same sentence
cited for two meetings of one article counts once. Its date is the article's publication date (when the paper
printed it; a meeting the article recalls may be decades old), else the meeting's date. Spread is counted in
mentions, articles and papers (a corpus of one paper still shows mentions per month).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import networkx as nx

from kg.analyse.period import Period

SPREAD_DAYS = 90  # how fast a slogan spread: what it reached in its first this many days
ESTABLISHED_DAYS = 30  # first seen this close to the start of the papers: probably older than them, not new


@dataclass(frozen=True)
class Mention:
    slogan: str
    date: str  # ISO
    article: str
    paper: str
    meeting: str
    sentence: str


@dataclass
class SloganProfile:
    """One slogan's first appearance and its spread."""

    slogan: str  # node id
    label: str
    first: str | None = None  # first dated mention (ISO)
    first_article: str | None = None
    first_paper: str | None = None
    first_meeting: str | None = None
    first_by: list[str] = field(default_factory=list)  # officials leading the first meeting
    first_sentence: str = ""
    mentions: int = 0
    articles: int = 0
    meetings: int = 0  # meetings that referenced it (two meetings citing one sentence count twice)
    papers: int = 0
    monthly: dict[str, int] = field(default_factory=dict)  # YYYY-MM -> mentions
    monthly_papers: dict[str, int] = field(default_factory=dict)  # YYYY-MM -> papers quoting it that month
    early_papers: int = 0  # papers and mentions in the first ``spread_days`` days after first seen
    early_mentions: int = 0
    spread_days: int = SPREAD_DAYS


def slogan_mentions(graph: nx.MultiDiGraph) -> list[Mention]:
    """Every dated mention of every slogan, by date; undated ones (no meeting or publication date) are left out."""
    nodes = graph.nodes
    seen: set[tuple[str, str, str]] = set()
    found = []
    for meeting, slogan, key, data in graph.edges(keys=True, data=True):
        if key != "referenced" or nodes[slogan].get("type") != "Slogan":
            continue
        for item in data.get("evidence") or ():
            article = item.get("article") or nodes[meeting].get("article") or ""
            sentence = item.get("sentence") or ""
            marker = (slogan, article, sentence)
            if marker in seen:
                continue
            seen.add(marker)
            info = nodes.get(article) or {}
            day = info.get("pub_date") or item.get("date") or nodes[meeting].get("date")
            if not day:
                continue
            paper = info.get("paper") or info.get("source") or ""
            found.append(Mention(slogan, str(day)[:10], article, paper, meeting, sentence))
    found.sort(key=lambda m: (m.date, m.slogan, m.article, m.meeting, m.sentence))
    return found


def slogan_profiles(graph: nx.MultiDiGraph, mentions: list[Mention] | None = None,
                    spread_days: int = SPREAD_DAYS) -> dict[str, SloganProfile]:
    """Slogan node -> its profile, from all dated mentions (so "first seen" is first in the whole corpus)."""
    mentions = slogan_mentions(graph) if mentions is None else mentions
    by_slogan: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_slogan[mention.slogan].append(mention)
    profiles = {}
    for slogan, found in sorted(by_slogan.items()):
        first = found[0]
        profile = SloganProfile(slogan, graph.nodes[slogan].get("label", slogan), first.date, first.article,
                                first.paper, first.meeting, _leaders(graph, first.meeting), first.sentence)
        profile.mentions = len(found)
        profile.articles = len({m.article for m in found})
        profile.meetings = sum(1 for _, _, key in graph.in_edges(slogan, keys=True) if key == "referenced")
        profile.papers = len({m.paper for m in found})
        monthly: Counter[str] = Counter(m.date[:7] for m in found)
        papers: dict[str, set[str]] = defaultdict(set)
        for m in found:
            papers[m.date[:7]].add(m.paper)
        profile.monthly = dict(sorted(monthly.items()))
        profile.monthly_papers = {month: len(names) for month, names in sorted(papers.items())}
        horizon = (date.fromisoformat(first.date) + timedelta(days=spread_days)).isoformat()
        early = [m for m in found if m.date < horizon]
        profile.early_papers, profile.early_mentions = len({m.paper for m in early}), len(early)
        profile.spread_days = spread_days
        profiles[slogan] = profile
    return profiles


def data_span(mentions: list[Mention]) -> Period:
    """The first and last day any slogan is seen."""
    if not mentions:
        return Period(None, None)
    return Period(date.fromisoformat(mentions[0].date), date.fromisoformat(mentions[-1].date))


def new_slogans(profiles: dict[str, SloganProfile], period: Period, span: Period) -> list[SloganProfile]:
    """Slogans first seen within ``period`` (most mentioned first); none first seen in the papers' first
    ESTABLISHED_DAYS days, which were most likely in use before the papers begin."""
    established = _established_until(span)
    chosen = [p for p in profiles.values() if p.first and period.contains(p.first)
              and (established is None or p.first > established)]
    return sorted(chosen, key=lambda p: (-p.mentions, p.first, p.label))


def fastest_spreading(profiles: dict[str, SloganProfile], span: Period, period: Period | None = None,
                      min_mentions: int = 3) -> list[SloganProfile]:
    """New slogans by how far they reached in their first days (``SloganProfile.spread_days``): papers, then
    mentions."""
    established = _established_until(span)
    chosen = [p for p in profiles.values() if p.first and (established is None or p.first > established)
              and (period is None or period.contains(p.first)) and p.early_mentions >= min_mentions]
    return sorted(chosen, key=lambda p: (-p.early_papers, -p.early_mentions, p.first, p.label))


def monthly_rows(profiles: dict[str, SloganProfile], period: Period | None = None) -> list[dict]:
    """slogan, month, mentions, papers: one row per slogan and month with mentions (for spreadsheets)."""
    rows = []
    for profile in sorted(profiles.values(), key=lambda p: (p.first or "", p.label)):
        for month, count in profile.monthly.items():
            if period is None or period.contains_month(month):
                rows.append({"slogan": profile.label, "month": month, "mentions": count,
                             "papers": profile.monthly_papers.get(month, 0)})
    return rows


def _established_until(span: Period) -> str | None:
    if span.since is None:
        return None
    return (span.since + timedelta(days=ESTABLISHED_DAYS)).isoformat()


def _leaders(graph: nx.MultiDiGraph, meeting: str) -> list[str]:
    """Officials who chaired or led a meeting, else the first one listed."""
    chairs, listed = [], []
    for person, _, key, data in graph.in_edges(meeting, keys=True, data=True):
        if graph.nodes[person].get("type") != "Official":
            continue
        if key == "chaired":
            chairs.append(person)
        elif key == "attended":
            order = data.get("order")
            listed.append((order if isinstance(order, int) else 10**6, person))
    if chairs:
        return sorted(set(chairs))
    return [min(listed)[1]] if listed else []
