"""graph.json written as it goes: the same bytes as node-link serialisation of the whole graph at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
from test_turtle import NASTY, district_graph, nasty_graph

import kg
from kg.export.graph_json import save_graph_json
from kg.export.html import load_graph_json
from kg.export.html import save_graph_json as node_link_reference

ROOT = Path(__file__).resolve().parents[1]


def _same_bytes(graph: nx.MultiDiGraph, tmp_path: Path) -> bytes:
    save_graph_json(graph, tmp_path / "streamed.json")
    node_link_reference(graph, tmp_path / "reference.json")
    streamed = (tmp_path / "streamed.json").read_bytes()
    assert streamed == (tmp_path / "reference.json").read_bytes()
    return streamed


def test_hand_built_graphs_with_dates_sets_and_hostile_text(tmp_path: Path) -> None:
    graph = nasty_graph([label for label in NASTY if "\udc80" not in label])  # the reader replaces lone surrogates
    first = next(iter(graph.nodes))
    graph.nodes[first].update(seen=date(2026, 1, 2), tags={"乙", "甲"})
    graph.graph["built"] = "2026-01-02"
    _same_bytes(graph, tmp_path)
    _same_bytes(district_graph(), tmp_path)
    assert _same_bytes(nx.MultiDiGraph(), tmp_path).count(b"[]") == 2


def test_seeds_round_trip(tmp_path: Path) -> None:
    graph = kg.build([ROOT / "seeds"]).graph
    _same_bytes(graph, tmp_path)
    back = load_graph_json(tmp_path / "streamed.json")
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
