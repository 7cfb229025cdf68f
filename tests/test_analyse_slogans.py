"""Slogan diffusion (kg.analyse.slogans): first seen where and by whom, monthly curves, new and fast-spreading
formulations; on invented papers and on the seed issues against the gold annotation."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import networkx as nx
import yaml

import kg
from kg.analyse.period import Period, last_days
from kg.analyse.slogans import (
    data_span,
    fastest_spreading,
    monthly_rows,
    new_slogans,
    slogan_mentions,
    slogan_profiles,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "seeds_gold.yaml"


class Papers:
    """Invented county papers quoting slogans at meetings."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.count = 0

    def quote(self, slogan: str, paper: str, published: str | None, held: str | None = None,
              chair: str | None = None, sentence: str | None = None, meetings: int = 1) -> list[str]:
        self.count += 1
        article = f"article:{self.count}"
        self.graph.add_node(article, type="Article", label=article, pub_date=published, paper=paper, aliases=[])
        self.graph.add_node(f"slogan:{slogan}", type="Slogan", label=slogan, aliases=[])
        text = sentence or f"会议要求落实“{slogan}”。"
        nodes = []
        for index in range(meetings):
            meeting = f"meeting:{self.count}:{index}"
            self.graph.add_node(meeting, type="Meeting", label=f"会议{self.count}", date=held, article=article,
                                kind="会议", aliases=[])
            if chair:
                self.graph.add_node(chair, type="Official", label=chair, aliases=[], posts=[])
                self.graph.add_edge(chair, meeting, key="chaired", rel="chaired", evidence=[], role="主持", order=0)
            self.graph.add_edge(meeting, f"slogan:{slogan}", key="referenced", rel="referenced",
                                evidence=[{"article": article, "sentence": text, "date": held}])
            nodes.append(meeting)
        return nodes


def test_first_seen_where_and_by_whom_and_one_sentence_counts_once():
    papers = Papers()
    papers.quote("三个一", "南县报", "2024-03-02", held="2024-03-01", chair="甲")
    papers.quote("三个一", "南县报", "2024-03-05", meetings=2)  # one sentence cited for two meetings
    papers.quote("三个一", "北县报", "2024-04-10")
    (profile,) = slogan_profiles(papers.graph).values()
    assert (profile.first, profile.first_paper, profile.first_by) == ("2024-03-02", "南县报", ["甲"])
    assert (profile.mentions, profile.articles, profile.meetings, profile.papers) == (3, 3, 4, 2)
    assert profile.monthly == {"2024-03": 2, "2024-04": 1}
    assert profile.monthly_papers == {"2024-03": 1, "2024-04": 1}


def test_a_mention_is_dated_by_its_paper_not_by_an_old_meeting_it_recalls():
    papers = Papers()
    papers.quote("两个务必", "南县报", "2024-07-01", held="1949-03-05")
    papers.quote("两个务必", "南县报", None, held="2024-08-03")  # no publication date: the meeting's
    papers.quote("两个务必", "南县报", None)  # neither: left out
    assert [m.date for m in slogan_mentions(papers.graph)] == ["2024-07-01", "2024-08-03"]


def test_new_slogans_and_fastest_spreading():
    papers = Papers()
    papers.quote("老提法", "南县报", "2024-01-03")  # there from the start: not new
    for day, paper in [("2024-01-10", "南县报"), ("2024-05-01", "南县报")]:
        papers.quote("老提法", paper, day)
    for day, paper in [("2024-03-01", "南县报"), ("2024-03-08", "北县报"), ("2024-03-20", "西县报"),
                       ("2024-04-02", "北县报")]:
        papers.quote("快提法", paper, day)
    for day in ["2024-03-05", "2024-04-05", "2024-05-05", "2024-08-05"]:
        papers.quote("慢提法", "南县报", day)
    papers.quote("新提法", "南县报", "2024-09-20")
    profiles = slogan_profiles(papers.graph)
    span = data_span(slogan_mentions(papers.graph))
    assert span == Period(date(2024, 1, 3), date(2024, 9, 20))
    recent = last_days(span, 90)
    assert [p.label for p in new_slogans(profiles, recent, span)] == ["新提法"]
    spread = fastest_spreading(profiles, span)
    assert [(p.label, p.early_papers, p.early_mentions) for p in spread] == [("快提法", 3, 4), ("慢提法", 1, 3)]
    rows = monthly_rows(profiles, Period(date(2024, 3, 1), date(2024, 3, 31)))
    assert {(r["slogan"], r["mentions"], r["papers"]) for r in rows} == {("快提法", 3, 3), ("慢提法", 1, 1)}


def test_seeds_slogans_first_seen_and_monthly_counts_follow_the_gold():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    graph = kg.build([ROOT / "seeds"]).graph
    profiles = {p.label: p for p in slogan_profiles(graph).values()}
    for slogan in ("十五五", "147", "两个维护"):
        held = [m for m in gold["meetings"] if slogan in m.get("slogans", [])]
        profile = profiles[slogan]
        # dated by publication: an issue's date is on or after its meetings, in the same month here
        assert profile.first >= min(str(m["date"]) for m in held)
        assert set(profile.monthly) == {str(m["date"])[:7] for m in held}
        assert profile.meetings >= len(held)
    first_meeting = min((m for m in gold["meetings"] if "十五五" in m.get("slogans", [])), key=lambda m: str(m["date"]))
    first_by = {graph.nodes[o]["label"] for o in profiles["十五五"].first_by}
    assert first_by & set(first_meeting.get("chaired", []) + first_meeting.get("led", []))
    assert Counter(p.first[:7] for p in profiles.values())  # every slogan of the seeds is dated
