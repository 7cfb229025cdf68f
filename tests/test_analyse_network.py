"""Co-attendance network and communities on a small graph built by hand, and on the seeds."""

from pathlib import Path

import networkx as nx

import kg
from kg.analyse.network import central_officials, coattendance, communities

SEEDS = Path(__file__).parent.parent / "seeds"


def _meeting_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for person in "abcde":
        g.add_node(person, type="Official", label=person.upper())
    for meeting in ("m1", "m2", "m3"):
        g.add_node(meeting, type="Meeting", label=meeting)
    g.add_node("body", type="Body", label="B")
    for person, meeting, rel in [("a", "m1", "chaired"), ("a", "m1", "attended"), ("b", "m1", "attended"),
                                 ("a", "m2", "attended"), ("b", "m2", "attended"), ("c", "m2", "attended"),
                                 ("d", "m3", "attended"), ("e", "m3", "attended"), ("body", "m3", "attended")]:
        g.add_edge(person, meeting, key=rel)
    return g


def test_weights_count_shared_meetings_once_each_and_ignore_bodies():
    net = coattendance(_meeting_graph())
    assert net["a"]["b"]["weight"] == 2  # m1 and m2; chairing and attending m1 count once
    assert net["a"]["c"]["weight"] == 1
    assert net["d"]["e"]["weight"] == 1
    assert "body" not in net
    assert net.nodes["a"]["label"] == "A"


def test_big_rolls_are_left_out():
    assert coattendance(_meeting_graph(), max_group=2).number_of_edges() == 2  # m1 (a, b) and m3 (d, e)


def test_communities_split_unconnected_groups_and_are_stable():
    net = coattendance(_meeting_graph())
    found = communities(net)
    assert found["a"] == found["b"] == found["c"] == 0  # the larger group comes first
    assert found["d"] == found["e"] == 1
    assert communities(net) == found
    assert central_officials(net, limit=2) == ["a", "b"]


def test_seeds_network_links_the_chair_with_the_attendees():
    graph = kg.build([SEEDS]).graph
    net = coattendance(graph)
    labels = {net.nodes[n]["label"]: n for n in net}
    chair, member = labels["金志强"], labels["陈金泉"]
    shared = {m for _, m, rel in graph.out_edges(chair, keys=True) if rel in ("chaired", "attended")}
    shared &= {m for _, m, rel in graph.out_edges(member, keys=True) if rel in ("chaired", "attended")}
    assert shared and net[chair][member]["weight"] == len(shared)
