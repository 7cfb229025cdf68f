"""Posts as the text states them: taken (任命, 当选), left (免去, 不再担任, 辞去), or held before (时任, 原, 前);
and the holds edges they give (stated start and end, past posts that date nothing). Invented text."""

from datetime import date

import kg
from kg.model import SourceText
from kg.pipeline import extract_source


def people(text: str) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    source = SourceText(path="t.txt", text=text, date=date(2026, 5, 12))
    for ex in extract_source(source):
        for person in ex.people:
            found.setdefault(person.name, []).extend((p.label, p.tense) for p in person.posts)
    return found


def test_appointments_and_removals_state_their_tense():
    found = people("本报讯 市人大常委会12日举行会议。会议决定任命何立平为市发展和改革委员会主任，"
                   "免去郑文广的市财政局局长职务。邱雅芳不再担任市政府副市长。")
    assert ("市发展和改革委员会主任", "start") in found["何立平"]
    assert ("市财政局局长", "end") in found["郑文广"]
    assert ("市政府副市长", "end") in found["邱雅芳"]


def test_former_posts_are_past():
    found = people("本报讯 纪念大会12日举行。时任县委书记的贾振东曾在这里工作。原副县长骆红英出席大会。")
    assert found["贾振东"] == [("县委书记", "past")]
    assert found["骆红英"] == [("副县长", "past")]


def test_removal_not_read_as_appointment():
    found = people("本报讯 会议决定，卫东升不再担任区长职务。")
    assert all(tense == "end" for _, tense in found["卫东升"])


def test_holds_edges_carry_stated_days_and_past(tmp_path):
    page = tmp_path / "paper_2026-05-12.txt"
    page.write_text("本报讯 市人大常委会11日举行会议，决定任命何立平为市发展和改革委员会主任，"
                    "免去郑文广的市财政局局长职务。\n\n本报讯 纪念大会11日举行。时任县委书记的贾振东曾在这里工作。",
                    encoding="utf-8")
    graph = kg.build([page]).graph
    holds = {(graph.nodes[s]["label"], graph.nodes[t]["label"]): d for s, t, k, d in graph.edges(keys=True, data=True)
             if k == "holds"}
    assert holds[("何立平", "市发展和改革委员会主任")]["stated_start"] == "2026-05-11"
    assert holds[("郑文广", "市财政局局长")]["stated_end"] == "2026-05-11"
    former = holds[("贾振东", "县委书记")]
    assert former["past"] is True and former["first_seen"] is None


def test_a_dated_history_states_its_own_day_and_is_past(tmp_path):
    page = tmp_path / "paper_2019-07-23.txt"
    page.write_text("本报讯 1983年6月，黎振中同志任国务院副总理。"
                    "2003年3月，黎振中同志不再担任全国人大常委会委员长职务。时任县长的蒋伯英也在场。", encoding="utf-8")
    graph = kg.build([page]).graph
    holds = {(graph.nodes[s]["label"], graph.nodes[t]["label"]): d for s, t, k, d in graph.edges(keys=True, data=True)
             if k == "holds"}
    vice = holds[("黎振中", "国务院副总理")]
    assert vice["stated_start"] == "1983-06-01" and vice["past"] is True
    assert holds[("黎振中", "全国人大常委会委员长")]["stated_end"] == "2003-03-01"


def test_tense_markers_before_任_are_not_appointments():
    found = people("本报讯 南非现任总统拉马福萨出席。苏丹时任国防部长奥夫宣布。")
    assert all(tense != "start" for posts in found.values() for _, tense in posts)
