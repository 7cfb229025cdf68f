"""The HTML explorer without a browser: selection, graph.json round trip, escaping, offline page."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from datetime import date

import networkx as nx
import pytest

from kg.explore.assets import script_json
from kg.export.html import load_graph_json, render_html, save_graph_json, select_subgraph, write_html
from kg.iri import mint

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(1)</script>"
AWKWARD = 'a "quoted", comma\nnewline \\ back>slash'


def _node(graph: nx.MultiDiGraph, node_type: str, label: str, **attrs) -> str:
    node = mint(node_type, label)
    graph.add_node(node, type=node_type, label=label, aliases=attrs.pop("aliases", []), **attrs)
    return node


def _edge(graph: nx.MultiDiGraph, source: str, target: str, relation: str, sentence: str, day: str | None,
          article: str, **attrs) -> None:
    graph.add_edge(source, target, key=relation, rel=relation,
                   evidence=[{"article": article, "sentence": sentence, "date": day}], **attrs)


def sample_graph() -> nx.MultiDiGraph:
    """A small graph that follows the contract in kg.model, with the labels that break naive pages."""
    graph = nx.MultiDiGraph()
    a1 = _node(graph, "Article", "区政协召开十届三次常委会议", headline="区政协召开十届三次常委会议",
               pub_date="2024-03-05", source="seeds/000.txt", record=None, reporters=["王记者"], paper="某区报")
    a2 = _node(graph, "Article", "区领导调研企业", headline="区领导调研企业", pub_date="2024-04-10",
               source="seeds/001.txt", record=3, reporters=[], paper="某区报")
    shen = _node(graph, "Official", "沈燕俊", aliases=["沈主席"], posts=["区政协主席"])
    li = _node(graph, "Official", "李明", posts=["区政协副主席"])
    zhang = _node(graph, "Official", "张伟", posts=[])
    evil_img = _node(graph, "Official", XSS_IMG, posts=[])
    evil_script = _node(graph, "Official", XSS_SCRIPT, posts=[])
    awkward = _node(graph, "Official", AWKWARD, posts=[])
    body = _node(graph, "Body", "区政协")
    post = _node(graph, "Post", "区政协主席", title="主席", body="区政协")
    post2 = _node(graph, "Post", "区政协副主席", title="副主席", body="区政协")
    m1 = _node(graph, "Meeting", "区政协十届三次常委会议", date="2024-03-04", kind="会议", article=a1)
    m2 = _node(graph, "Meeting", "调研重点企业", date="2024-04-09", kind="调研", article=a2)
    m3 = _node(graph, "Meeting", "无日期座谈会", date=None, kind="座谈会", article=a2)
    slogan = _node(graph, "Slogan", "高质量发展", first_seen="2024-03-04", count=2)
    s1 = "区政协主席沈燕俊主持会议，副主席李明出席。"
    s2 = "沈燕俊带队调研重点企业，张伟陪同。"
    _edge(graph, shen, m1, "chaired", s1, "2024-03-04", a1, role="主持", order=1)
    _edge(graph, li, m1, "attended", s1, "2024-03-04", a1, role="出席", order=1)
    _edge(graph, evil_img, m1, "attended", XSS_IMG + " 出席", "2024-03-04", a1, role="出席", order=2)
    _edge(graph, evil_script, m1, "attended", XSS_SCRIPT, "2024-03-04", a1, role="出席", order=3)
    _edge(graph, awkward, m1, "attended", AWKWARD, "2024-03-04", a1, role="出席", order=4)
    _edge(graph, shen, m2, "chaired", s2, "2024-04-09", a2, role="带队", order=1)
    _edge(graph, zhang, m2, "attended", s2, "2024-04-09", a2, role="陪同", order=1)
    _edge(graph, zhang, m3, "attended", "张伟参加座谈会。", None, a2, role="参加", order=1)
    _edge(graph, shen, post, "holds", s1, "2024-03-04", a1, first_seen="2024-03-04", last_seen="2024-04-09")
    _edge(graph, li, post2, "holds", s1, "2024-03-04", a1, first_seen="2024-03-04", last_seen="2024-03-04")
    _edge(graph, post, body, "postIn", s1, "2024-03-04", a1)
    _edge(graph, post2, body, "postIn", s1, "2024-03-04", a1)
    _edge(graph, m1, body, "organizedBy", s1, "2024-03-04", a1)
    _edge(graph, m1, slogan, "referenced", "会议强调推动高质量发展。", "2024-03-04", a1)
    _edge(graph, m1, a1, "reportedIn", s1, "2024-03-05", a1)
    _edge(graph, m2, a2, "reportedIn", s2, "2024-04-10", a2)
    _edge(graph, m3, a2, "reportedIn", "张伟参加座谈会。", "2024-04-10", a2)
    return graph


def labels(graph: nx.MultiDiGraph) -> set[str]:
    return {data["label"] for _, data in graph.nodes(data=True)}


# ---------------------------------------------------------------- selection


def test_no_selection_keeps_everything_as_a_copy():
    graph = sample_graph()
    selected = select_subgraph(graph)
    assert set(selected.nodes) == set(graph.nodes)
    assert set(selected.edges(keys=True)) == set(graph.edges(keys=True))
    selected.remove_node(next(iter(graph.nodes)))
    assert selected.number_of_nodes() == graph.number_of_nodes() - 1


def test_focus_by_label_and_by_alias_gives_the_same_neighbourhood():
    graph = sample_graph()
    by_label = select_subgraph(graph, focus="沈燕俊", hops=1)
    by_alias = select_subgraph(graph, focus="沈主席", hops=1)
    assert labels(by_label) == labels(by_alias) == {"沈燕俊", "区政协十届三次常委会议", "调研重点企业", "区政协主席"}


def test_two_hops_through_meetings_reach_the_other_participants():
    selected = select_subgraph(sample_graph(), focus="沈燕俊", hops=2, types={"official", "Meeting"})
    assert labels(selected) == {"沈燕俊", "区政协十届三次常委会议", "调研重点企业", "李明", "张伟", XSS_IMG,
                                XSS_SCRIPT, AWKWARD}
    assert {key for _, _, key in selected.edges(keys=True)} == {"chaired", "attended"}


def test_unknown_focus_raises_value_error_naming_it():
    with pytest.raises(ValueError, match="王五"):
        select_subgraph(sample_graph(), focus="王五")


def test_types_accept_one_name_in_any_case():
    assert labels(select_subgraph(sample_graph(), types="body")) == {"区政协"}


def test_unknown_type_is_refused():
    with pytest.raises(ValueError, match="Spaceship"):
        select_subgraph(sample_graph(), types={"Spaceship"})


def test_date_window_keeps_dated_things_inside_and_what_they_touch():
    selected = select_subgraph(sample_graph(), since=date(2024, 4, 1), until=date(2024, 4, 30))
    # the March meeting, its article and the undated meeting go; the post held (evidence of March) goes too
    assert labels(selected) == {"调研重点企业", "沈燕俊", "张伟", "区领导调研企业"}
    assert {key for _, _, key in selected.edges(keys=True)} == {"chaired", "attended", "reportedIn"}


def test_max_nodes_keeps_the_focus_and_its_nearest_neighbours():
    selected = select_subgraph(sample_graph(), focus="李明", hops=3, max_nodes=3)
    assert selected.number_of_nodes() == 3
    assert "李明" in labels(selected)
    assert "区政协十届三次常委会议" in labels(selected)  # distance 1 and of highest degree


def test_max_nodes_without_focus_prefers_high_degree():
    selected = select_subgraph(sample_graph(), max_nodes=1)
    assert labels(selected) == {"区政协十届三次常委会议"}


@pytest.mark.parametrize("bad", [{"hops": -1}, {"max_nodes": 0}])
def test_nonsense_numbers_are_refused(bad):
    with pytest.raises(ValueError):
        select_subgraph(sample_graph(), **bad)


# ---------------------------------------------------------------- graph.json


def test_graph_json_round_trip_keeps_keys_attributes_and_is_deterministic(tmp_path):
    graph = sample_graph()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    save_graph_json(graph, first)
    loaded = load_graph_json(first)
    save_graph_json(loaded, second)
    assert first.read_bytes() == second.read_bytes()
    assert isinstance(loaded, nx.MultiDiGraph)
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {(u, v, k): d for u, v, k, d in loaded.edges(keys=True, data=True)} == {
        (u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}
    assert "沈燕俊" in first.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_graph_json_turns_dates_into_iso_text(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Meeting", label="m", aliases=[], date=date(2024, 1, 2))
    save_graph_json(graph, tmp_path / "g.json")
    assert load_graph_json(tmp_path / "g.json").nodes["x"]["date"] == "2024-01-02"


# ---------------------------------------------------------------- page


def test_script_json_cannot_close_a_script_block():
    text = script_json({"label": XSS_SCRIPT, "other": "<!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"label": XSS_SCRIPT, "other": "<!-- & -->"}


def inlined_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL).group(1)
    return json.loads(block)


def test_written_page_is_utf8_self_contained_and_escaped(tmp_path):
    path = tmp_path / "graph.html"
    counts = write_html(sample_graph(), path, title="<b>测试</b> & co")
    assert counts == {"nodes": 15, "edges": 17, "pages": 15}
    page = path.read_bytes().decode("utf-8")  # fails loudly if not UTF-8
    assert '<meta charset="utf-8">' in page
    assert "沈燕俊" in page
    # nothing is loaded from anywhere: no src/href attributes on loading elements, no CSS url() or @import
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.IGNORECASE)
    assert "@import" not in page
    assert not re.search(r"jsdelivr|cdnjs|bootstrap|unpkg|googleapis", page, re.IGNORECASE)
    # exactly the five script blocks we wrote end the way we wrote them; hostile labels never appear as markup
    assert len(re.findall(r"</script", page, re.IGNORECASE)) == 5
    assert XSS_IMG not in page and "<script>alert(1)" not in page
    assert "&lt;b&gt;测试&lt;/b&gt; &amp; co" in page
    data = inlined_data(page)
    assert len(data["pages"]) == 15 and data["pagesOmitted"] is False
    assert {row[0] for row in data["search"]["names"]} >= {"沈燕俊", "沈主席", XSS_IMG}


def test_content_security_policy_hashes_match_the_inline_scripts():
    page = render_html(sample_graph())
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    executable = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(executable) == 3  # vis-network, Chart.js, the explorer
    assert {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in executable} == allowed
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy


def test_a_graph_above_the_page_limit_gets_the_overview_only(tmp_path):
    counts = write_html(sample_graph(), tmp_path / "big.html", max_pages=10)
    assert counts == {"nodes": 15, "edges": 17, "pages": 0}
    data = inlined_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert data["pagesOmitted"] is True and data["pages"] == {} and data["search"] is None
    drawn = {node["label"] for node in data["overview"]["network"]["nodes"]}
    assert {"沈燕俊", "李明"} <= drawn  # the overview still draws the officials who met


def test_write_html_passes_the_selection_through_and_opens_on_the_focus(tmp_path):
    counts = write_html(sample_graph(), tmp_path / "focus.html", focus="李明", hops=1)
    assert counts == {"nodes": 3, "edges": 2, "pages": 3}
    page = (tmp_path / "focus.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="kg-config">(.*?)</script>', page, re.DOTALL).group(1))
    assert config["start"] == node_id(sample_graph(), "李明")
    assert set(inlined_data(page)["pages"]) == set(select_subgraph(sample_graph(), focus="李明", hops=1).nodes)


def test_write_html_refuses_an_unknown_focus_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="王五"):
        write_html(sample_graph(), tmp_path / "x.html", focus="王五")
    assert list(tmp_path.iterdir()) == []


def node_id(graph: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, d in graph.nodes(data=True) if d["label"] == label)
