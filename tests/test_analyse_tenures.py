"""Tenures with starts and ends (kg.analyse.tenures): on small invented graphs where every date is worked out by
hand, on the seed issues, and on the multi-issue corpus of tests/fixtures/multi_issue/ through the real pipeline."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.analyse.tenures import change_penalty, held_on, infer_tenures, one_holder_seats, segment, stated_events

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
XIAOSHAN = ROOT / "tests" / "fixtures" / "multi_issue" / "xiaoshan"


class Town:
    """A hand-built graph of one county: officials, posts of bodies, holds edges with dated evidence."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def post(self, label: str, title: str, body: str | None) -> str:
        node = f"post:{label}"
        self.graph.add_node(node, type="Post", label=label, title=title, body=body, aliases=[])
        if body:
            self.graph.add_node(f"body:{body}", type="Body", label=body, aliases=[])
            self.graph.add_edge(node, f"body:{body}", key="postIn", rel="postIn", evidence=[])
        return node

    def holds(self, name: str, post: str, days: list[str], **attrs: object) -> dict:
        official = f"official:{name}"
        self.graph.add_node(official, type="Official", label=name, aliases=[], posts=[])
        evidence = [{"article": f"article:{day}:{i}", "sentence": f"{name} {self.graph.nodes[post]['label']} {day}",
                     "date": day} for i, day in enumerate(days)]
        dated = sorted(days)
        self.graph.add_edge(official, post, key="holds", rel="holds", evidence=evidence,
                            first_seen=dated[0] if dated else None, last_seen=dated[-1] if dated else None, **attrs)
        return self.edge(name, post)

    def edge(self, name: str, post: str) -> dict:
        return self.graph.get_edge_data(f"official:{name}", post, "holds")


def dates(edge: dict) -> tuple:
    return edge["start"], edge["start_basis"], edge["end"], edge["end_basis"]


def every_week(first: str, count: int) -> list[str]:
    start = date.fromisoformat(first)
    return [(start + timedelta(days=7 * i)).isoformat() for i in range(count)]


def test_a_successor_ends_the_predecessor_on_the_day_the_successor_is_first_seen():
    town = Town()
    chair = town.post("县政协主席", "主席", "县政协")
    old = town.holds("甲一", chair, ["2024-01-05", "2024-02-10"])
    new = town.holds("乙二", chair, ["2024-05-20", "2024-06-01"])
    analysis = infer_tenures(town.graph)
    assert dates(old) == ("2024-01-05", "seen", "2024-05-20", "inferred")
    assert dates(new) == ("2024-05-20", "seen", "2024-06-01", "seen")
    (succession,) = analysis.successions
    assert (succession.before, succession.after, succession.date, succession.last_seen_before) == (
        "official:甲一", "official:乙二", "2024-05-20", "2024-02-10")
    assert [item["date"] for item in succession.evidence] == ["2024-02-10", "2024-05-20"]
    assert held_on(town.graph, chair, "2024-03-15") == ["official:甲一"]  # between last seen and the successor
    assert held_on(town.graph, chair, "2024-05-20") == ["official:乙二", "official:甲一"]


def test_stated_dates_win_and_a_stated_appointment_dates_the_predecessors_end():
    town = Town()
    head = town.post("县长", "县长", "县政府")
    old = town.holds("甲一", head, ["2023-03-01", "2023-09-01"], stated_start="2021-11-02")
    new = town.holds("乙二", head, ["2023-12-20", "2024-01-15"], stated_start="2023-12-08")
    infer_tenures(town.graph)
    assert dates(old) == ("2021-11-02", "stated", "2023-12-08", "inferred")
    assert dates(new) == ("2023-12-08", "stated", "2024-01-15", "seen")
    assert [(e["date"], e["kind"]) for e in stated_events(town.graph)] == [("2021-11-02", "start"),
                                                                           ("2023-12-08", "start")]


def test_a_stated_removal_is_kept_even_with_a_later_successor():
    town = Town()
    head = town.post("县长", "县长", "县政府")
    old = town.holds("甲一", head, ["2023-03-01"], stated_end="2023-06-30")
    town.holds("乙二", head, ["2023-09-01"])
    infer_tenures(town.graph)
    assert dates(old) == ("2023-03-01", "seen", "2023-06-30", "stated")
    assert held_on(town.graph, head, "2023-08-01") == []  # vacant between the removal and the successor


def test_former_posts_get_no_dates_and_do_not_count_as_holding_the_seat():
    town = Town()
    head = town.post("县长", "县长", "县政府")
    town.holds("甲一", head, ["2023-01-10", "2023-02-10"])
    town.holds("乙二", head, ["2023-04-01", "2023-05-01"])
    recalled = town.holds("丙三", head, ["2023-04-15"], past=True)  # 原县长丙三 in a retrospective
    analysis = infer_tenures(town.graph)
    assert dates(recalled) == (None, None, None, None)
    assert [(s.before, s.after) for s in analysis.successions] == [("official:甲一", "official:乙二")]


def test_shared_posts_keep_the_days_seen():
    town = Town()
    deputy = town.post("副县长", "副县长", "县政府")
    first = town.holds("甲一", deputy, ["2023-01-10", "2023-02-10"])
    second = town.holds("乙二", deputy, ["2023-04-01"])
    analysis = infer_tenures(town.graph)
    assert analysis.successions == []
    assert dates(first) == ("2023-01-10", "seen", "2023-02-10", "seen")
    assert dates(second) == ("2023-04-01", "seen", "2023-04-01", "seen")


def test_acting_and_full_post_of_one_body_are_one_seat():
    town = Town()
    acting = town.post("代县长", "代县长", "县政府")
    full = town.post("县长", "县长", "县政府")
    town.post("县委书记", "书记", "县委")
    was_acting = town.holds("甲一", acting, ["2024-01-08", "2024-01-20"])
    elected = town.holds("甲一", full, ["2024-03-01"])
    analysis = infer_tenures(town.graph)
    assert [full, acting] in [sorted(seat, reverse=True) for seat in one_holder_seats(town.graph)]
    assert dates(was_acting) == ("2024-01-08", "seen", "2024-03-01", "inferred")
    assert dates(elected) == ("2024-03-01", "seen", "2024-03-01", "seen")
    ((before, before_post, after, after_post),) = [(s.before, s.before_post, s.after, s.after_post)
                                                   for s in analysis.successions]
    assert (before, after, before_post, after_post) == ("official:甲一", "official:甲一", acting, full)


def test_acting_posts_without_a_body_join_the_full_post_only_through_a_shared_holder():
    town = Town()
    acting = town.post("代区长", "代区长", None)
    full = town.post("区长", "区长", None)
    town.holds("甲一", acting, ["2024-01-08"])
    town.holds("乙二", full, ["2024-03-01"])  # another paper's 区长, perhaps: nothing ties the two
    assert sorted(one_holder_seats(town.graph)) == [[acting], [full]]
    town.holds("甲一", full, ["2024-04-01"])
    assert sorted(one_holder_seats(town.graph)) == [sorted([acting, full])]


def test_a_stray_mention_in_a_busy_post_is_outvoted_and_the_handover_is_found():
    town = Town()
    premier = town.post("国务院总理", "总理", "国务院")
    old_days = every_week("2012-01-06", 60)  # weekly until 2013-02
    new_days = every_week("2013-03-15", 80)
    old = town.holds("甲一", premier, old_days)
    new = town.holds("乙二", premier, ["2012-09-03", *new_days])  # a nominee called 总理 once before the vote
    misread = town.holds("的人选", premier, ["2012-06-01", "2012-06-01"])  # not a name: extraction noise
    analysis = infer_tenures(town.graph)
    assert analysis.outvoted == [("official:的人选", premier)]
    assert dates(misread) == (None, None, None, None) and misread["first_seen"] == "2012-06-01"
    assert held_on(town.graph, premier, "2012-06-01") == ["official:甲一"]
    assert [(s.before, s.after, s.date) for s in analysis.successions] == [
        ("official:甲一", "official:乙二", "2013-03-15")]
    assert dates(old)[2:] == ("2013-03-15", "inferred")
    assert dates(new)[:2] == ("2013-03-15", "seen")  # the run of consistent mentions, not the stray one
    assert new["first_seen"] == "2012-09-03"  # what the papers showed is kept as it was


def test_change_penalty_grows_with_how_often_a_post_is_reported():
    assert change_penalty(2) == 0.5  # a successor seen once at the end of a quiet post is a change
    assert change_penalty(10) == 1
    assert change_penalty(2000) == 3.5
    quiet = [("2024-01-01", ("a", "p")), ("2024-02-01", ("b", "p"))]
    assert [run.official for run in segment(quiet)[0]] == ["a", "b"]


def test_holders_alternating_leave_the_seat_for_review():
    town = Town()
    secretary = town.post("书记处书记", "书记", "书记处")  # really several people at once: the label misleads
    first = town.holds("甲一", secretary, every_week("2013-01-04", 10) + every_week("2015-01-02", 10))
    town.holds("乙二", secretary, every_week("2014-01-03", 10))
    analysis = infer_tenures(town.graph)
    assert analysis.successions == []
    ((item),) = analysis.ambiguous
    assert item["reason"] == "holders alternate" and item["posts"] == [secretary]
    assert dates(first) == (first["first_seen"], "seen", first["last_seen"], "seen")


def test_an_end_is_never_before_the_start():
    town = Town()
    head = town.post("县长", "县长", "县政府")
    edge = town.holds("甲一", head, ["2023-05-01", "2023-08-01"], stated_end="2023-03-31")
    infer_tenures(town.graph)
    assert dates(edge) == (None, None, "2023-03-31", "stated")  # every mention came after the stated removal


def test_inference_is_idempotent_and_ignores_its_own_output():
    town = Town()
    chair = town.post("县政协主席", "主席", "县政协")
    town.holds("甲一", chair, ["2024-01-05"])
    town.holds("乙二", chair, ["2024-05-20"])
    first = infer_tenures(town.graph)
    snapshot = {(a, b): dict(d) for a, b, d in town.graph.edges(data=True)}
    second = infer_tenures(town.graph)
    assert first.successions == second.successions
    assert snapshot == {(a, b): dict(d) for a, b, d in town.graph.edges(data=True)}


# --------------------------------------------------------------------------- real pipeline


def _edge(graph: nx.MultiDiGraph, name: str, post: str) -> dict:
    (found,) = [d for o, p, k, d in graph.edges(keys=True, data=True)
                if k == "holds" and graph.nodes[o]["label"] == name and graph.nodes[p]["label"] == post]
    return found


def test_seeds_tenure_events_and_build_sets_the_dates():
    graph = kg.build([SEEDS]).graph  # kg.build already inferred them
    assert dates(_edge(graph, "金志强", "区政协主席")) == ("2025-12-31", "seen", "2026-03-25", "inferred")
    assert dates(_edge(graph, "王进", "区政协主席"))[:2] == ("2026-03-25", "seen")
    assert dates(_edge(graph, "张蕙娜", "代区长")) == ("2026-01-08", "seen", "2026-03-27", "inferred")
    assert dates(_edge(graph, "张蕙娜", "区长"))[:2] == ("2026-03-27", "seen")
    assert dates(_edge(graph, "沈燕俊", "区委书记"))[3] == "seen"  # nobody succeeded him
    events = {(graph.nodes[s.before]["label"], graph.nodes[s.after]["label"], graph.nodes[s.after_post]["label"])
              for s in infer_tenures(graph).successions}
    assert {("金志强", "王进", "区政协主席"), ("张蕙娜", "张蕙娜", "区长")} <= events


def test_multi_issue_corpus_acting_head_elected_and_cppcc_chair_replaced():
    graph = kg.build([XIAOSHAN], jobs=1).graph
    labels = {(graph.nodes[s.before]["label"], graph.nodes[s.before_post]["label"], graph.nodes[s.after]["label"],
               graph.nodes[s.after_post]["label"]): s.date for s in infer_tenures(graph).successions}
    assert labels[("陈思远", "代区长", "陈思远", "区长")] == "2025-04-08"  # 代区长 on 3 March, 区长 on 8 April
    handover = labels[("王明华", "区政协主席", "周文斌", "区政协主席")]
    assert handover == _edge(graph, "周文斌", "区政协主席")["start"]
    assert _edge(graph, "王明华", "区政协主席")["end"] == handover


@pytest.mark.parametrize("days", [[], ["2024-01-01"]])
def test_posts_with_little_evidence_are_handled(days: list[str]):
    town = Town()
    chair = town.post("县政协主席", "主席", "县政协")
    edge = town.holds("甲一", chair, days)
    infer_tenures(town.graph)
    expected = (days[0], "seen", days[0], "seen") if days else (None, None, None, None)
    assert dates(edge) == expected


def test_a_re_appointment_long_after_the_holder_was_first_seen_leaves_the_start_where_it_was():
    """李克强, seen as 国务院总理 from 2013, re-appointed on 2018-03-18: the tenure began when he was first seen."""
    town = Town()
    head = town.post("县长", "县长", "县政府")
    kept = town.holds("甲一", head, every_week("2021-01-04", 80), stated_start="2022-06-15")
    infer_tenures(town.graph)
    assert dates(kept)[:2] == ("2021-01-04", "seen")
    town = Town()
    head = town.post("县长", "县长", "县政府")
    fresh = town.holds("乙二", head, every_week("2022-06-20", 10), stated_start="2022-06-15")
    infer_tenures(town.graph)
    assert dates(fresh)[:2] == ("2022-06-15", "stated")  # an appointment just before he is first seen dates it
