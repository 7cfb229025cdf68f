"""The analyses on the real 2012–2019 新闻联播 corpus (../shared/corpora, read at run time; skipped when absent).

Each test states a fact of those years that holds whatever the extraction's quirks, once extraction reads the
people and posts involved: the 2012/2013 and 2018 transitions of national posts, the order of leaders around the
2017 party congress, when the era's formulations appeared. Tests that today's extraction cannot pass are marked
xfail with the reason (people or dates it does not read yet), not weakened.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.analyse.overview import Analysis, analyse
from kg.analyse.tenures import held_on

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "xwlb-2012-2019.jsonl.gz"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.is_file(), reason=f"real corpus not found at {CORPUS}")]


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    plain = tmp_path_factory.mktemp("xwlb") / "xwlb.jsonl"
    with gzip.open(CORPUS, "rb") as source, open(plain, "wb") as target:
        shutil.copyfileobj(source, target)
    graph = kg.build([plain], jobs=2).graph
    plain.unlink()
    return analyse(graph)


def successions(real: Analysis, post: str) -> list[tuple[str, str, str]]:
    """(before, after, date) of every change of holder in posts labelled ``post``."""
    label = real.label
    return [(label(s.before), label(s.after), s.date) for s in real.successions
            if label(s.before_post) == post and s.before != s.after]


def posts(graph: nx.MultiDiGraph, label: str) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d.get("type") == "Post" and d["label"] == label]


def test_2013_premier_and_head_of_state_transitions(real: Analysis):
    premier = successions(real, "国务院总理")
    assert [(a, b) for a, b, _ in premier][:1] == [("温家宝", "李克强")]
    assert "2013-03-05" <= premier[0][2] <= "2013-03-20"  # elected by the NPC on 15 March 2013
    (president,) = [s for s in successions(real, "国家主席") if s[:2] == ("胡锦涛", "习近平")]
    assert "2013-03-05" <= president[2] <= "2013-03-20"
    (secretary,) = [s for s in successions(real, "中共中央总书记") if s[:2] == ("胡锦涛", "习近平")]
    assert "2012-11-08" <= secretary[2] <= "2012-11-30"  # the 18th congress and its first plenum
    held = {real.label(o) for post in posts(real.graph, "国务院总理") for o in held_on(real.graph, post, "2015-06-01")}
    assert "李克强" in held and "温家宝" not in held


def test_2013_npc_chairman(real: Analysis):
    chairman = successions(real, "全国人大常委会委员长")
    assert chairman[0][:2] == ("吴邦国", "张德江")
    assert "2013-03-05" <= chairman[0][2] <= "2013-03-20"


def test_2018_npc_chairman(real: Analysis):
    chairman = successions(real, "全国人大常委会委员长")
    (change,) = [s for s in chairman if s[:2] == ("张德江", "栗战书")]
    assert "2018-03-05" <= change[2] <= "2018-03-25"


def test_2018_cppcc_chairman_and_procurator_general(real: Analysis):
    (change,) = [s for s in successions(real, "全国政协主席") if s[:2] == ("俞正声", "汪洋")]
    assert "2018-03-03" <= change[2] <= "2018-03-25"  # elected 14 March 2018
    procurator = [(real.label(s.before_post), s.date) for s in real.successions
                  if (real.label(s.before), real.label(s.after)) == ("曹建明", "张军")]
    assert procurator and all("检察长" in post and "2018-03-03" <= day <= "2018-03-25" for post, day in procurator)


def test_appointment_reports_give_stated_tenures(real: Analysis):
    stated = [(real.label(e["official"]), real.label(e["post"]), e["kind"]) for e in real.stated]
    assert len(stated) >= 50
    assert any(kind == "end" for *_, kind in stated)


def test_regular_meetings_have_rank_series(real: Analysis):
    meetings: dict[tuple[str, str], set[str]] = {}
    for (series, group, _), items in real.series.items():
        meetings.setdefault((series, group), set()).update(x.meeting for x in items)
    assert max(len(found) for found in meetings.values()) >= 20
    assert any("全国人大" in series for series, _ in meetings)  # the NPC's sessions are listed by rank


def test_2017_congress_moves_wang_yang_ahead_of_wang_huning(real: Analysis):
    (shift,) = [s for s in real.shifts if (real.label(s.official), real.label(s.other)) == ("汪洋", "王沪宁")]
    assert "2017-10-18" <= shift.date <= "2018-03-31"  # stroke order in the Politburo; 4th and 5th in the PBSC


def test_formulations_of_the_era_have_first_seen_dates_and_monthly_curves(real: Analysis):
    profiles = {p.label: p for p in real.profiles.values()}
    dream, belt, era = profiles["中国梦"], profiles["一带一路"], profiles["新时代"]
    assert "2012-11-29" <= dream.first <= "2013-06-30"  # first said at the 复兴之路 exhibition
    assert "2013-09-07" <= belt.first <= "2014-12-31"  # the Silk Road Economic Belt speech, then the short form
    assert era.first >= "2017-07-01"
    for profile in (dream, belt, era):
        assert sum(profile.monthly.values()) == profile.mentions > 0
    peak = max(belt.monthly, key=lambda month: belt.monthly[month])
    assert peak in {"2017-05", "2019-04"}  # the two Belt and Road Forums
