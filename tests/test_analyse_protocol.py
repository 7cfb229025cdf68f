"""Protocol order (kg.analyse.protocol): listing order per meeting by role group, rank series over regular
meetings, and rank shifts beyond noise; on invented meetings and on the seed issues against the gold annotation."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import yaml

import kg
from kg.analyse.protocol import listings, meeting_order, meeting_series, rank_series, rank_shifts, role_group

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "seeds_gold.yaml"


class Meetings:
    """Invented standing-committee meetings: who was listed, in which order, with which verb."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.count = 0

    def person(self, name: str) -> str:
        self.graph.add_node(name, type="Official", label=name, aliases=[], posts=[])
        return name

    def meeting(self, day: str, label: str, *groups: tuple[str, list[str]], organiser: str | None = None) -> str:
        self.count += 1
        node = f"meeting:{self.count}"
        self.graph.add_node(node, type="Meeting", label=label, date=day, kind="会议", article=None, aliases=[])
        if organiser:
            self.graph.add_node(organiser, type="Body", label=organiser, aliases=[])
            self.graph.add_edge(node, organiser, key="organizedBy", rel="organizedBy", evidence=[])
        order = 0
        for role, names in groups:
            for name in names:
                self.person(name)
                evidence = [{"article": f"article:{self.count}", "sentence": f"{'、'.join(names)}{role}", "date": day}]
                if role.startswith("主持"):
                    self.graph.add_edge(name, node, key="chaired", rel="chaired", evidence=evidence, role=role,
                                        order=order, date=day)
                self.graph.add_edge(name, node, key="attended", rel="attended", evidence=evidence, role=role,
                                    order=order, date=day)
                order += 1
        return node


def test_role_groups():
    assert role_group("出席会议") == role_group("出席") == "出席"
    assert role_group("主持召开") == role_group("主持会议") == "主持"
    assert role_group("在主席台前排就座") == "前排就座" != role_group("在主席台就座")
    assert role_group("作工作交流") == "作工作交流"
    assert role_group(None) == "?"


def test_meeting_order_keeps_groups_and_listing_order_and_counts_a_chair_once():
    m = Meetings()
    node = m.meeting("2024-03-01", "县委常委会会议", ("主持", ["甲"]), ("出席会议", ["乙", "丙"]), ("列席", ["丁"]))
    assert meeting_order(m.graph, node) == [("主持", ["甲"]), ("出席", ["乙", "丙"]), ("列席", ["丁"])]
    ranks = {(x.official, x.group): (x.rank, x.size) for x in listings(m.graph)}
    assert ranks == {("甲", "主持"): (1, 1), ("乙", "出席"): (1, 2), ("丙", "出席"): (2, 2), ("丁", "列席"): (1, 1)}


def test_meeting_series_drops_numbers_sessions_and_a_leading_chair():
    m = Meetings()
    first = m.meeting("2024-01-05", "十五届县委常委会第12次会议", ("主持", ["甲"]))
    second = m.meeting("2024-02-05", "十五届县委常委会第13次会议（扩大）", ("主持", ["甲"]))
    named = m.meeting("2024-02-06", "王甲县政府常务会议", ("主持", ["王甲"]))
    organised = m.meeting("2024-02-07", "第3次会议", ("主持", ["甲"]), organiser="县人大常委会")
    assert meeting_series(m.graph, first) == meeting_series(m.graph, second) == "县委常委会会议"
    assert meeting_series(m.graph, named) == "县政府常务会议"
    assert meeting_series(m.graph, organised) == "县人大常委会:会议"


def _committee(order_before: list[str], order_after: list[str], before: int, after: int,
               odd: dict[int, list[str]] | None = None) -> Meetings:
    m = Meetings()
    for week in range(before + after):
        names = order_before if week < before else order_after
        names = (odd or {}).get(week, names)
        m.meeting(f"2024-{1 + week // 4:02d}-{1 + 7 * (week % 4):02d}", f"县委常委会第{week + 1}次会议",
                  ("主持", ["书记"]), ("出席", names))
    return m


def test_a_lasting_change_of_order_is_a_shift_with_its_date_and_counts():
    m = _committee(["乙", "甲", "丙"], ["甲", "乙", "丙"], before=4, after=5)
    (shift,) = rank_shifts(m.graph)
    assert (shift.official, shift.other, shift.date, shift.last_before) == ("甲", "乙", "2024-02-01", "2024-01-22")
    assert (shift.behind_before, shift.listed_before, shift.ahead_after, shift.listed_after) == (4, 4, 5, 5)
    assert shift.evidence["sentence"] == "甲、乙、丙出席"


def test_one_odd_list_is_noise_and_a_short_run_is_not_enough():
    steady = _committee(["乙", "甲", "丙"], ["乙", "甲", "丙"], before=5, after=5, odd={6: ["甲", "乙", "丙"]})
    assert rank_shifts(steady.graph) == []
    brief = _committee(["乙", "甲"], ["甲", "乙"], before=6, after=2)
    assert rank_shifts(brief.graph) == []  # two lists are not yet a new order
    assert len(rank_shifts(brief.graph, min_support=2)) == 1


def test_different_roles_are_never_compared():
    m = Meetings()
    for week in range(8):  # 甲 chairs half of them: being listed first as chair is no rank
        day = f"2024-{1 + week // 4:02d}-{1 + 7 * (week % 4):02d}"
        if week < 4:
            m.meeting(day, "县政府常务会议", ("出席", ["乙", "甲"]))
        else:
            m.meeting(day, "县政府常务会议", ("主持", ["甲"]), ("出席", ["乙"]))
    assert rank_shifts(m.graph) == []


def test_rank_series_keeps_regular_meetings_with_ranked_lists():
    m = _committee(["乙", "甲", "丙"], ["甲", "乙", "丙"], before=2, after=2)
    m.meeting("2024-06-01", "一次座谈会", ("出席", ["甲", "丁"]))
    series = rank_series(listings(m.graph))
    assert sorted({key[:2] for key in series}) == [("县委常委会会议", "出席")]  # the 主持 lists hold one name
    assert [x.rank for x in series[("县委常委会会议", "出席", "甲")]] == [2, 2, 1, 1]


# --------------------------------------------------------------------------- seeds against the gold annotation


@pytest.fixture(scope="module")
def seeds_graph() -> nx.MultiDiGraph:
    return kg.build([ROOT / "seeds"]).graph


def test_seeds_protocol_order_follows_the_texts_lists(seeds_graph: nx.MultiDiGraph):
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    checked = 0
    for meeting in gold["meetings"]:
        same_day = [(n, d["label"]) for n, d in seeds_graph.nodes(data=True)
                    if d["type"] == "Meeting" and d.get("date") == str(meeting["date"])]
        # the gold's match keys run from specific to general: the first that finds a meeting names it
        matches = next(([n for n, label in same_day if key in label] for key in meeting["match"]
                        if any(key in label for _, label in same_day)), [])
        listed = meeting.get("attended", [])
        for node in matches:
            order = meeting_order(seeds_graph, node)
            chairs = meeting.get("chaired", []) + meeting.get("led", [])
            for group, names in order:
                labels = [seeds_graph.nodes[n]["label"] for n in names]
                if set(labels) <= set(listed) and len(labels) > 1:
                    assert labels == [name for name in listed if name in labels], (meeting["id"], group)
                    checked += 1
                if group == "主持":
                    assert set(labels) <= set(chairs), meeting["id"]
    assert checked >= 5


def test_seeds_every_listed_meeting_has_an_order(seeds_graph: nx.MultiDiGraph):
    found = listings(seeds_graph)
    meetings = {x.meeting for x in found}
    participated = {m for _, m, k in seeds_graph.edges(keys=True) if k == "attended"
                    and seeds_graph.nodes[_]["type"] == "Official"}
    assert meetings == participated
    (people_congress,) = [n for n in meetings if "第四十五次会议" in seeds_graph.nodes[n]["label"]]
    order = dict(meeting_order(seeds_graph, people_congress))
    assert [seeds_graph.nodes[n]["label"] for n in order["出席"]] == ["阮重晖", "李栋", "董蒋灿", "杜晔彪"]
    assert [seeds_graph.nodes[n]["label"] for n in order["列席"]] == ["吕静"]
