"""The blind corpus (tests/fixtures/blind): articles written and annotated without looking at the extractor.

It measures how well the extractor generalises to papers, provinces and levels it was never tuned on, so the
module asserts only floors (no reporter typed Official, no not_attended person linked, officials and
participation F1 >= 0.6) and prints the scorer's report. The per-meeting and per-person checks name exactly
what is missed; they run when KG_BLIND_STRICT=1 and are skipped otherwise, because the extractor is expected
to miss some of them. The gold self-checks keep the annotation honest and need no extractor at all.

    python -m pytest tests/test_blind.py -s                      # floors + gold checks, prints the scores
    KG_BLIND_STRICT=1 python -m pytest tests/test_blind.py -q    # also every chair, attendee, post, slogan
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import networkx as nx
import pytest
import yaml

pytestmark = pytest.mark.blind

BLIND_DIR = Path(__file__).parent / "fixtures" / "blind"
GOLD_PATH = BLIND_DIR / "gold.yaml"
SCORER = Path(__file__).parent / "tools" / "score.py"
# The corpus was measured blind once (see its README); its general misses have since been fixed, so the per-item
# checks now run by default. KG_BLIND_STRICT=0 skips them.
STRICT = os.environ.get("KG_BLIND_STRICT", "1") == "1"
# Posts the extractor writes differently on purpose (kept as known differences, not hidden):
KNOWN_POST_DIFFERENCES = {
    "闻人嘉树": "a post in a body with no place (a university) is labelled by its title alone (cf. 领衔委员)",
    "查一舟": "a title written after a list of names (…等大会主席团常务委员会委员) is not given to the names",
}
strict_only = pytest.mark.skipif(not STRICT, reason="per-item blind check: set KG_BLIND_STRICT=1 to run")

F1_FLOOR = 0.6  # a floor, not a target: the team reads the real numbers from the printed report
PARTICIPANT_ROLES = ("chaired", "led", "attended")


# ----------------------------------------------------------------------------------------- gold and texts
@cache
def gold() -> dict:
    """The hand annotation, loaded once (also used to parametrise the tests at collection time)."""
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))


def norm(text: object) -> str:
    """The scorer's normalisation: brackets and quote marks dropped, whitespace removed."""
    folded = str(text).translate(str.maketrans("()（）[]【】“”\"'‘’", "((((((((((((((")).replace("(", "")
    return re.sub(r"\s+", "", folded)


def meeting_ids() -> list[str]:
    return [m["id"] for m in gold()["meetings"]]


def meeting_by_id(meeting_id: str) -> dict:
    return next(m for m in gold()["meetings"] if m["id"] == meeting_id)


def corpus_files() -> list[str]:
    return sorted({m["file"] for m in gold()["meetings"]})


def spellings(name: str) -> set[str]:
    """A gold person's accepted spellings: the canonical name and its aliases."""
    info = gold()["people"].get(name) or {}
    return {name, *(info.get("aliases") or [])}


def decode(raw: bytes) -> str:
    """Corpus files are UTF-8 except the one written in GB18030 on purpose."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


@cache
def file_text(name: str) -> str:
    """What a reader of the file sees: the text of a .txt, or each JSONL record's title and text."""
    raw = decode((BLIND_DIR / name).read_bytes())
    if not name.endswith(".jsonl"):
        return raw
    records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return "\n".join(f"{rec.get('title', '')}\n{rec['text']}" for rec in records)


@cache
def file_sources(name: str) -> frozenset[str]:
    """How Article nodes may name their source: the file name, or a JSONL record's url."""
    if not name.endswith(".jsonl"):
        return frozenset({name})
    raw = decode((BLIND_DIR / name).read_bytes())
    return frozenset({name} | {json.loads(line).get("url", "") for line in raw.splitlines() if line.strip()})


def quoted_formulations(text: str) -> set[str]:
    """Every “…” or ASCII "…" quotation in a text, read across line breaks (PDF columns split them)."""
    flat = re.sub(r"\s+", "", text)
    curly = re.findall(r"“([^“”]*)”", flat)
    ascii_pairs = re.findall(r'"([^"]*)"', flat)
    return {norm(q) for q in curly + ascii_pairs}


# --------------------------------------------------------------------------- gold self-checks (no extractor)
def test_gold_is_consistent() -> None:
    data = gold()
    people = data["people"]
    ids = meeting_ids()
    assert len(ids) == len(set(ids)), "meeting ids must be unique"
    all_spellings = {s for name in people for s in spellings(name)}
    assert not set(data["reporters"]) & all_spellings, "a reporter is also annotated as a person"
    for meeting in data["meetings"]:
        assert (BLIND_DIR / meeting["file"]).is_file(), meeting["file"]
        assert meeting["match"], meeting["id"]
        named = [n for role in (*PARTICIPANT_ROLES, "not_attended") for n in meeting.get(role) or []]
        assert set(named) <= set(people), f"{meeting['id']}: unannotated {sorted(set(named) - set(people))}"
        takes_part = {n for role in PARTICIPANT_ROLES for n in meeting.get(role) or []}
        assert not takes_part & set(meeting.get("not_attended") or []), meeting["id"]


@pytest.mark.parametrize("meeting_id", meeting_ids())
def test_gold_people_are_in_their_article(meeting_id: str) -> None:
    meeting = meeting_by_id(meeting_id)
    flat = re.sub(r"\s+", "", file_text(meeting["file"]))
    named = {n for role in (*PARTICIPANT_ROLES, "not_attended") for n in meeting.get(role) or []}
    missing = sorted(n for n in named if not any(s in flat for s in spellings(n)))
    assert not missing, f"{meeting_id}: not in {meeting['file']}: {missing}"


@pytest.mark.parametrize("file_name", corpus_files())
def test_gold_annotates_every_quotation(file_name: str) -> None:
    """Each quotation in a file is a slogan or a neutral quote of one of its meetings, and vice versa."""
    meetings = [m for m in gold()["meetings"] if m["file"] == file_name]
    annotated = {norm(q) for m in meetings for key in ("slogans", "neutral_quotes") for q in m.get(key) or []}
    found = quoted_formulations(file_text(file_name))
    assert found - annotated == set(), "quotations in the text but not in gold"
    assert annotated - found == set(), "gold quotations not in the text"


def test_gold_reporters_are_in_the_corpus() -> None:
    flat = re.sub(r"\s+", "", "".join(file_text(name) for name in corpus_files()))
    assert [r for r in gold()["reporters"] if r not in flat] == []


# ------------------------------------------------------------------------------------ the built graph
@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    """The blind corpus built once through the library API."""
    import kg

    return kg.build([BLIND_DIR]).graph


@pytest.fixture(scope="module")
def turtle_path(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.export.turtle import write_turtle

    path = tmp_path_factory.mktemp("blind") / "graph.ttl"
    write_turtle(graph, path)
    return path


def node_names(graph: nx.MultiDiGraph, node: str) -> set[str]:
    data = graph.nodes[node]
    return {data.get("label", ""), *(data.get("aliases") or [])}


def nodes_of_type(graph: nx.MultiDiGraph, node_type: str) -> Iterator[str]:
    return (n for n, d in graph.nodes(data=True) if d.get("type") == node_type)


def person_nodes(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Official nodes whose label or an alias is one of the gold person's spellings."""
    wanted = spellings(name)
    return [n for n in nodes_of_type(graph, "Official") if node_names(graph, n) & wanted]


def aligned_meetings(graph: nx.MultiDiGraph, meeting: dict) -> list[str]:
    """Predicted meetings the scorer would align: same date (unless gold has none), label contains a match key."""
    keys = [norm(k) for k in meeting["match"]]
    found = []
    for node in nodes_of_type(graph, "Meeting"):
        same_day = meeting["date"] is None or str(graph.nodes[node].get("date") or "")[:10] == str(meeting["date"])
        labels = {norm(x) for x in node_names(graph, node)}
        if same_day and any(k in label for k in keys for label in labels):
            found.append(node)
    return found


def same_day_meetings_of_file(graph: nx.MultiDiGraph, meeting: dict) -> list[str]:
    """Predicted meetings reported in the gold meeting's file on its date, whatever their label."""
    found = []
    for node in nodes_of_type(graph, "Meeting"):
        data = graph.nodes[node]
        article = graph.nodes.get(data.get("article"), {}) if data.get("article") else {}
        source = str(article.get("source") or "")
        same_file = bool({source, Path(source).name} & file_sources(meeting["file"]))
        same_day = meeting["date"] is None or str(data.get("date") or "")[:10] == str(meeting["date"])
        if same_file and same_day:
            found.append(node)
    return found


def linked_names(graph: nx.MultiDiGraph, meetings: list[str], relations: tuple[str, ...]) -> set[str]:
    """Every name (label and aliases) of the sources of `relations` edges into the given meetings."""
    names: set[str] = set()
    for meeting in meetings:
        for source, _, key in graph.in_edges(meeting, keys=True):
            if key in relations:
                names |= node_names(graph, source)
    return names


def run_scorer(turtle: Path, *extra: str) -> str:
    done = subprocess.run([sys.executable, str(SCORER), str(GOLD_PATH), str(turtle), *extra],
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def test_scores_meet_the_floor(turtle_path: Path) -> None:
    print("\n" + run_scorer(turtle_path))
    scores = json.loads(run_scorer(turtle_path, "--json"))
    assert scores["reporters_as_officials"] == 0
    assert scores["violations"] == 0
    assert scores["officials_F1"] >= F1_FLOOR
    assert scores["participation_F1"] >= F1_FLOOR


def test_reporters_are_never_officials(graph: nx.MultiDiGraph) -> None:
    officials = {name for n in nodes_of_type(graph, "Official") for name in node_names(graph, n)}
    assert sorted(set(gold()["reporters"]) & officials) == []


@pytest.mark.parametrize("meeting_id", [m["id"] for m in gold()["meetings"] if m.get("not_attended")])
def test_not_attended_people_are_never_linked(graph: nx.MultiDiGraph, meeting_id: str) -> None:
    """Checked on the meetings the scorer aligns and on every meeting of the same file and day, whatever its label."""
    meeting = meeting_by_id(meeting_id)
    candidates = {*aligned_meetings(graph, meeting), *same_day_meetings_of_file(graph, meeting)}
    linked = linked_names(graph, list(candidates), ("chaired", "attended"))
    assert [n for n in meeting["not_attended"] if spellings(n) & linked] == []


# ------------------------------------------------------------------- per-item checks (KG_BLIND_STRICT=1)
@strict_only
@pytest.mark.parametrize("meeting_id", meeting_ids())
def test_meeting_is_found_on_its_date(graph: nx.MultiDiGraph, meeting_id: str) -> None:
    meeting = meeting_by_id(meeting_id)
    assert aligned_meetings(graph, meeting), f"no meeting dated {meeting['date']} labelled with {meeting['match']}"


@strict_only
@pytest.mark.parametrize("meeting_id", meeting_ids())
def test_meeting_chairs(graph: nx.MultiDiGraph, meeting_id: str) -> None:
    meeting = meeting_by_id(meeting_id)
    found = aligned_meetings(graph, meeting)
    chairs = linked_names(graph, found, ("chaired",))
    anyone = linked_names(graph, found, ("chaired", "attended"))
    assert [n for n in meeting.get("chaired") or [] if not spellings(n) & chairs] == []
    assert [n for n in meeting.get("led") or [] if not spellings(n) & anyone] == []


@strict_only
@pytest.mark.parametrize("meeting_id", meeting_ids())
def test_meeting_attendees(graph: nx.MultiDiGraph, meeting_id: str) -> None:
    meeting = meeting_by_id(meeting_id)
    anyone = linked_names(graph, aligned_meetings(graph, meeting), ("chaired", "attended"))
    assert [n for n in meeting.get("attended") or [] if not spellings(n) & anyone] == []


@strict_only
@pytest.mark.parametrize("meeting_id", [m["id"] for m in gold()["meetings"] if m.get("slogans")])
def test_meeting_slogans(graph: nx.MultiDiGraph, meeting_id: str) -> None:
    meeting = meeting_by_id(meeting_id)
    referenced = {
        norm(name)
        for node in aligned_meetings(graph, meeting)
        for _, target, key in graph.out_edges(node, keys=True)
        if key == "referenced" and graph.nodes[target].get("type") == "Slogan"
        for name in node_names(graph, target)
    }
    assert [s for s in meeting["slogans"][:3] if norm(s) not in referenced] == []


@strict_only
@pytest.mark.parametrize("name", [n for n, info in gold()["people"].items() if (info or {}).get("posts")])
def test_person_posts(graph: nx.MultiDiGraph, name: str) -> None:
    if name in KNOWN_POST_DIFFERENCES:
        pytest.xfail(KNOWN_POST_DIFFERENCES[name])
    nodes = person_nodes(graph, name)
    assert nodes, f"{name} is not an Official"
    held = {norm(p) for n in nodes for p in graph.nodes[n].get("posts") or []}
    held |= {norm(graph.nodes[t].get("label", "")) for n in nodes for _, t, k in graph.out_edges(n, keys=True)
             if k == "holds"}
    assert [p for p in gold()["people"][name]["posts"] if norm(p) not in held] == []
