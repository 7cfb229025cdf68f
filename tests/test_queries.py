"""The ready-made questions in ontology/queries/ and ``kg.query.run_query``.

Each query runs twice: on the hand-built district graph, where every expected row is worked out by
hand, and on the seed issues, where the expectation is read from the hand-written gold annotation
(/work/shared/gold/seeds.yaml) rather than from a snapshot of today's output.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from rdflib import Graph
from test_turtle import district_graph

import kg
from kg.analyse.tenures import infer_tenures
from kg.export.turtle import write_turtle
from kg.query import display_width, run_query
from kg.store import build_store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "ontology" / "queries"
SEEDS = ROOT / "seeds"
GOLD_CANDIDATES = (ROOT / "tests" / "fixtures" / "seeds_gold.yaml", Path("/work/shared/gold/seeds.yaml"))

Row = tuple[str | None, ...]


def query_text(name: str, substitute: dict[str, str] | None = None) -> str:
    """The query file, with its VALUES parameters swapped the way a user would edit them."""
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    for old, new in (substitute or {}).items():
        assert old in text, f"{old!r} not in {name}.rq"
        text = text.replace(old, new)
    return text


def rows(source: Path, name: str, substitute: dict[str, str] | None = None) -> list[Row]:
    """Result rows as tuples of lexical values (None when unbound), via the JSON output."""
    result = json.loads(run_query(source, query_text(name, substitute), fmt="json"))
    names = result["head"]["vars"]
    return [tuple(b[n]["value"] if n in b else None for n in names) for b in result["results"]["bindings"]]


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("district") / "district.ttl"
    graph = district_graph()
    infer_tenures(graph)  # as kg.build does: tenure starts and ends for held_post_on_date and tenure_changes
    write_turtle(graph, path)
    return path


# --------------------------------------------------------------------------- district graph: exact rows

SOURCE_A3 = "seeds/000_fac586d11c14b937.txt"
DISTRICT_EXPECTED: dict[str, tuple[dict[str, str] | None, list[Row]]] = {
    # 张蕙娜 chaired three meeting nodes, but two were one joint session (same article, same day)
    "chaired_most": (None, [("沈燕俊", "3", "3"), ("张蕙娜", "2", "3")]),
    "attended_with": (None, [("张蕙娜", "2", "2026-01-06", "2026-03-27"),
                             ("区政协", "1", "2026-01-06", "2026-01-06"),
                             ("金志强", "1", "2026-01-06", "2026-01-06"),
                             ("钟建利", "1", "2026-01-06", "2026-01-06")]),
    "posts_of": (None, [("代区长", "区政府", "2026-01-06", "2026-01-08"),
                        ("区长", "区政府", "2026-03-27", "2026-03-27")]),
    "post_holders": (None, [("金志强", "2026-01-06", "2026-01-06"), ("王进", "2026-03-25", "2026-03-25")]),
    "held_post_during": (None, [("金志强", "2026-01-06", "2026-01-06")]),
    "post_changes": (None, [("张蕙娜", "代区长", "2026-01-08", "区长", "2026-03-27")]),
    "meetings_of_body": ({'"区四套班子"@zh': '"区政府"@zh'}, [("区政府党组会议", "2026-01-08", "organised")]),
    "slogans_by_first_appearance": (None, [("十五五", "2026-01-06", "3", "3"), ("147", "2026-01-08", "1", "1")]),
    "meetings_referencing_slogan": (None, [("四套班子月度工作联席会议", "2026-01-06", "沈燕俊"),
                                           ("区政府党组会议", "2026-01-08", "张蕙娜"),
                                           ("区委审计委员会会议", "2026-03-27", "沈燕俊")]),
    "evidence_for_edge": (None, [
        ("四套班子月度工作联席会议", "主持", "区委书记沈燕俊主持会议。区领导张蕙娜、金志强、钟建利出席。",
         "2026-01-06", None, SOURCE_A3),
        ("区委常委会会议", "主持", "区委书记沈燕俊主持召开区委常委会会议。", "2026-01-10", "区委常委会召开会议",
         SOURCE_A3),
        ("区委审计委员会会议", "主持", "区委书记沈燕俊主持召开区委审计委员会会议，区长张蕙娜出席。", "2026-03-27",
         "区委审计委员会召开会议", "https://example.org/paper/2026-03-27 a.html"),
    ]),
    "meeting_participants": (None, [("四套班子月度工作联席会议", "1", "沈燕俊", "主持"),
                                    ("四套班子月度工作联席会议", "2", "张蕙娜", "出席"),
                                    ("四套班子月度工作联席会议", "3", "金志强", "出席"),
                                    ("四套班子月度工作联席会议", "4", "钟建利", "出席"),
                                    ("四套班子月度工作联席会议", "5", "区政协", "出席")]),
    "meetings_timeline": (None, [("2026-03-27", "区委审计委员会会议", "会议", "沈燕俊", "2"),
                                 ("2026-03-27", "区政府党组会议 2026-03-27", "会议", "张蕙娜", "1")]),
    # 金志强 last seen in January, 王进 first in March: the successor ends 金志强's tenure, so February is his
    "held_post_on_date": (None, [("金志强", "in post", "2026-01-06", "seen", "2026-03-25", "inferred")]),
    "tenure_changes": (None, [("2026-03-25", "end", "金志强", "区政协主席", "inferred"),
                              ("2026-03-27", "end", "张蕙娜", "代区长", "inferred")]),
    "pair_listing_order": (None, [("2026-01-06", "四套班子月度工作联席会议", "主持", "1", "出席", "2", "沈燕俊"),
                                  ("2026-03-27", "区委审计委员会会议", "主持", "1", "出席", "2", "沈燕俊")]),
    "slogan_by_month": (None, [("2026-01", "2", "2", "2"), ("2026-03", "1", "1", "1")]),
    "coattendance_pairs": (None, [("张蕙娜", "沈燕俊", "2"), ("张蕙娜", "金志强", "1"), ("张蕙娜", "钟建利", "1"),
                                  ("沈燕俊", "金志强", "1"), ("沈燕俊", "钟建利", "1"), ("金志强", "钟建利", "1")]),
}


def test_every_query_file_is_documented_and_checked_on_both_graphs() -> None:
    names = {path.stem for path in QUERIES.glob("*.rq")}
    assert len(names) >= 10
    assert names == set(DISTRICT_EXPECTED) == set(SEED_CHECKS)
    for name in names:
        first_line = query_text(name).splitlines()[0]
        assert first_line.startswith("# ") and first_line.endswith("?"), f"{name}.rq must open with its question"


@pytest.mark.parametrize("name", sorted(DISTRICT_EXPECTED))
def test_query_on_district_graph(district: Path, name: str) -> None:
    substitute, expected = DISTRICT_EXPECTED[name]
    assert rows(district, name, substitute) == expected


def test_parameters_can_be_edited(district: Path) -> None:
    """The VALUES line is the knob: other people, spellings, bodies and periods."""
    alias = rows(district, "attended_with", {'"沈燕俊"@zh': '"张慧娜"@zh'})  # 张蕙娜's variant spelling
    assert [r[0] for r in alias] == ["沈燕俊", "区政协", "金志强", "钟建利"]
    march = rows(district, "held_post_during", {'"2025-12-01"': '"2026-03-01"', '"2026-01-31"': '"2026-03-31"'})
    assert march == [("王进", "2026-03-25", "2026-03-25")]
    body = rows(district, "meetings_of_body", {'"区四套班子"@zh': '"区政协"@zh'})
    assert body == [("四套班子月度工作联席会议", "2026-01-06", "attended")]
    assert rows(district, "meetings_of_body") == []


# --------------------------------------------------------------------------- run_query itself


def test_table_output_aligns_chinese_columns(district: Path) -> None:
    table = run_query(district, query_text("chaired_most"))
    lines = table.splitlines()
    assert lines[0].split() == ["official", "occasions", "meetings"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].split() == ["沈燕俊", "3", "3"]
    assert display_width(lines[2].split("3")[0]) == display_width(lines[0].split("occasions")[0])
    assert lines[-1] == "(2 rows)"


def test_csv_output(district: Path) -> None:
    csv_text = run_query(district, query_text("chaired_most"), fmt="csv")
    assert csv_text.splitlines() == ["official,occasions,meetings", "沈燕俊,3,3", "张蕙娜,2,3"]


def test_prefixes_are_predeclared_and_ask_works(district: Path) -> None:
    assert run_query(district, "ASK { ?m a kg:Meeting ; kg:date ?d }").strip() == "True"
    assert json.loads(run_query(district, "ASK { ?x a kg:Nothing }", fmt="json"))["boolean"] is False


def test_table_cells_stay_on_one_line(tmp_path: Path) -> None:
    ttl = tmp_path / "t.ttl"
    ttl.write_text('<https://example.org/x> <https://example.org/p> "two\\nlines\\tand tab" .\n', encoding="utf-8")
    table = run_query(ttl, "SELECT ?o WHERE { ?s ?p ?o }")
    assert table.splitlines()[2] == "two lines and tab"


@pytest.mark.parametrize("bad", ["SELEC ?x", "SELECT ?x WHERE { ?x undefinedprefix:p ?y }", ""])
def test_bad_query_is_a_clear_value_error(district: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="invalid SPARQL query"):
        run_query(district, bad)


def test_bad_source_or_format_is_a_value_error(district: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such graph file"):
        run_query(tmp_path / "missing.ttl", "ASK {}")
    with pytest.raises(ValueError, match="unknown output format"):
        run_query(district, "ASK {}", fmt="xml")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid"):
        run_query(broken, "ASK {}")
    (tmp_path / "notes").mkdir()
    with pytest.raises(ValueError, match="not an Oxigraph store"):
        run_query(tmp_path / "notes", "ASK {}")


def test_construct_returns_turtle(district: Path) -> None:
    text = run_query(district, "CONSTRUCT { ?m kg:date ?d } WHERE { ?m a kg:Meeting ; kg:date ?d }")
    assert len(Graph().parse(data=text, format="turtle")) == 6


def test_store_answers_like_the_turtle_file_and_is_replaced_atomically(district: Path, tmp_path: Path) -> None:
    store = tmp_path / "out" / "store"
    count = build_store(district, store)
    assert count == len(Graph().parse(district))
    assert run_query(store, query_text("chaired_most")) == run_query(district, query_text("chaired_most"))
    small = tmp_path / "small.ttl"
    small.write_text("<https://example.org/x> a <https://w3id.org/yaowen/ontology#Meeting> .\n", encoding="utf-8")
    assert build_store(small, store) == 1
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", fmt="csv").splitlines()[1] == "1"
    assert sorted(p.name for p in store.parent.iterdir()) == ["store"]  # no staging or retired copies left


def test_store_build_refuses_to_replace_an_unrelated_directory(district: Path, tmp_path: Path) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match="not an Oxigraph store"):
        build_store(district, precious)
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "keep me"


def test_failed_store_build_keeps_the_previous_store(district: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    before = build_store(district, store)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/x> <https://example.org/p> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid"):
        build_store(broken, store)
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", fmt="csv").splitlines()[1] == str(before)


# --------------------------------------------------------------------------- seed issues, checked against gold


def _gold_path() -> Path | None:
    return next((path for path in GOLD_CANDIDATES if path.is_file()), None)


@pytest.fixture(scope="module")
def gold() -> dict:
    path = _gold_path()
    if path is None:
        pytest.skip(f"seed gold annotation not found at any of {[str(p) for p in GOLD_CANDIDATES]}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.ttl"
    write_turtle(kg.build([SEEDS]).graph, path)
    return path


def norm(text: str) -> str:
    """Compare labels the way score.py does: no brackets, quotes or spaces."""
    return re.sub(r"[\s()（）\[\]【】“”\"'‘’]", "", text)


def squeeze(text: str) -> str:
    """Text compared across normalisation: NFKC (full-width punctuation) and no whitespace."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def label_matches(label: str, gold_meeting: dict) -> bool:
    return any(norm(key) in norm(label) for key in gold_meeting["match"])


def gold_chairs(gold: dict) -> Counter:
    return Counter(name for m in gold["meetings"] for name in m.get("chaired", []) + m.get("led", []))


def gold_people(meeting: dict) -> list[str]:
    return meeting.get("chaired", []) + meeting.get("led", []) + meeting.get("attended", [])


def check_chaired_most(seeds: Path, gold: dict) -> None:
    result = rows(seeds, "chaired_most")
    expected = gold_chairs(gold)
    assert result[0][0] == expected.most_common(1)[0][0] == "沈燕俊"
    assert {name: int(occasions) for name, occasions, _ in result} == dict(expected)


def check_attended_with(seeds: Path, gold: dict) -> None:
    shared = Counter(other for m in gold["meetings"] if "沈燕俊" in gold_people(m)
                     for other in gold_people(m) if other != "沈燕俊")
    result = rows(seeds, "attended_with")
    assert result[0][0] == shared.most_common(1)[0][0] == "张蕙娜"
    assert set(shared) <= {row[0] for row in result}


def check_posts_of(seeds: Path, gold: dict) -> None:
    result = {post: (first, last) for post, _, first, last in rows(seeds, "posts_of")}
    assert set(gold["people"]["张蕙娜"]["posts"]) <= set(result)
    # the text: 代区长 in the 2026-01-08 reports, 区长 in the 2026-03-27 ones
    assert result["代区长"][0] <= "2026-01-08" <= result["代区长"][1]
    assert result["区长"][0] <= "2026-03-27" <= result["区长"][1]
    assert result["代区长"][1] < result["区长"][0]


def _gold_holders_by_first_meeting(gold: dict, post: str) -> list[str]:
    holders = [name for name, info in gold["people"].items() if post in (info or {}).get("posts", [])]
    first = {name: min(str(m["date"]) for m in gold["meetings"] if name in gold_people(m)) for name in holders}
    return sorted(holders, key=first.__getitem__)


def check_post_holders(seeds: Path, gold: dict) -> None:
    assert [row[0] for row in rows(seeds, "post_holders")] == _gold_holders_by_first_meeting(gold, "区政协主席")


def check_held_post_during(seeds: Path, gold: dict) -> None:
    winter_holder, spring_holder = _gold_holders_by_first_meeting(gold, "区政协主席")
    assert [row[0] for row in rows(seeds, "held_post_during")] == [winter_holder]
    march = {'"2025-12-01"': '"2026-03-01"', '"2026-01-31"': '"2026-03-31"'}
    assert [row[0] for row in rows(seeds, "held_post_during", march)] == [spring_holder]


def check_post_changes(seeds: Path, gold: dict) -> None:
    changes = {(person, earlier, later) for person, earlier, _, later, _ in rows(seeds, "post_changes")}
    assert {"代区长", "区长"} <= set(gold["people"]["张蕙娜"]["posts"])
    assert ("张蕙娜", "代区长", "区长") in changes


def check_meetings_of_body(seeds: Path, gold: dict) -> None:
    expected = [m for m in gold["meetings"] if "区四套班子" in m.get("bodies_attended", [])]
    result = rows(seeds, "meetings_of_body")
    assert sorted(date for _, date, _ in result) == sorted(str(m["date"]) for m in expected)
    for meeting in expected:
        assert any(label_matches(label, meeting) and date == str(meeting["date"]) for label, date, _ in result)


def check_slogans_by_first_appearance(seeds: Path, gold: dict) -> None:
    result = {norm(slogan): (first, int(meetings))
              for slogan, first, meetings, _ in rows(seeds, "slogans_by_first_appearance")}
    for slogan in ("十五五", "147", "两个维护"):
        dated = [str(m["date"]) for m in gold["meetings"] if slogan in [norm(s) for s in m.get("slogans", [])]]
        first, meetings = result[slogan]
        assert first == min(dated)
        assert meetings >= len(dated)


def check_meetings_referencing_slogan(seeds: Path, gold: dict) -> None:
    result = rows(seeds, "meetings_referencing_slogan")
    for meeting in (m for m in gold["meetings"] if "十五五" in m.get("slogans", [])):
        chairs = set(meeting.get("chaired", []) + meeting.get("led", []))
        matched = [r for r in result if r[1] == str(meeting["date"]) and label_matches(r[0], meeting)]
        assert any(chairs <= set((r[2] or "").split("、")) for r in matched), meeting["id"]


def check_evidence_for_edge(seeds: Path, gold: dict) -> None:
    result = rows(seeds, "evidence_for_edge")
    texts = {path.resolve(): squeeze(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")}
    for target, _role, sentence, _published, _headline, source in result:
        assert "沈燕俊" in sentence
        assert squeeze(sentence) in texts[Path(source).resolve()], (target, sentence)
    for meeting in (m for m in gold["meetings"] if "沈燕俊" in m.get("chaired", []) + m.get("led", [])):
        assert any(label_matches(target, meeting) for target, *_ in result), meeting["id"]


def check_meeting_participants(seeds: Path, gold: dict) -> None:
    (meeting,) = [m for m in gold["meetings"] if str(m["date"]) == "2026-01-06"]
    result = rows(seeds, "meeting_participants")
    assert all(label_matches(label, meeting) for label, *_ in result)
    assert [participant for _, _, participant, _ in result] == gold_people(meeting)


def check_meetings_timeline(seeds: Path, gold: dict) -> None:
    result = rows(seeds, "meetings_timeline")
    for meeting in (m for m in gold["meetings"] if str(m["date"]).startswith("2026-03")):
        matched = [r for r in result if r[0] == str(meeting["date"]) and label_matches(r[1], meeting)]
        assert matched, meeting["id"]
        chairs = set(meeting.get("chaired", []) + meeting.get("led", []))
        assert any(chairs <= set((r[3] or "").split("、")) for r in matched), meeting["id"]


def check_coattendance_pairs(seeds: Path, gold: dict) -> None:
    pairs = Counter(tuple(sorted((a, b))) for m in gold["meetings"] for a in gold_people(m) for b in gold_people(m)
                    if a < b)
    top = rows(seeds, "coattendance_pairs")[0]
    assert (top[0], top[1]) == pairs.most_common(1)[0][0] == ("张蕙娜", "沈燕俊")


def check_held_post_on_date(seeds: Path, gold: dict) -> None:
    winter_holder, spring_holder = _gold_holders_by_first_meeting(gold, "区政协主席")
    spring_start = min(str(m["date"]) for m in gold["meetings"] if spring_holder in gold_people(m))
    ((holder, status, _, _, end, end_basis),) = rows(seeds, "held_post_on_date")
    assert (holder, status, end, end_basis) == (winter_holder, "in post", spring_start, "inferred")
    handover = rows(seeds, "held_post_on_date", {'"2026-02-01"': f'"{spring_start}"'})
    assert [(row[0], row[1]) for row in handover] == [(winter_holder, "in post"), (spring_holder, "in post")]
    later = rows(seeds, "held_post_on_date", {'"2026-02-01"': '"2026-03-31"'})
    assert [(row[0], row[1]) for row in later] == [(spring_holder, "last known holder")]
    assert rows(seeds, "held_post_on_date", {'"2026-02-01"': '"2025-12-01"'}) == []


def check_tenure_changes(seeds: Path, gold: dict) -> None:
    found = {(holder, post, event, basis): date for date, event, holder, post, basis in rows(seeds, "tenure_changes")}
    winter_holder, spring_holder = _gold_holders_by_first_meeting(gold, "区政协主席")
    spring_start = min(str(m["date"]) for m in gold["meetings"] if spring_holder in gold_people(m))
    assert found[(winter_holder, "区政协主席", "end", "inferred")] == spring_start
    assert {"代区长", "区长"} <= set(gold["people"]["张蕙娜"]["posts"])
    # the text: 代区长 in the 2026-01-08 reports, 区长 in the 2026-03-27 ones
    assert "2026-01-08" < found[("张蕙娜", "代区长", "end", "inferred")] <= "2026-03-27"
    assert all(basis != "seen" for _, _, _, basis in found)


def check_pair_listing_order(seeds: Path, gold: dict) -> None:
    shared = {str(m["date"]) for m in gold["meetings"]
              if {"沈燕俊", "张蕙娜"} <= set(gold_people(m))}
    result = rows(seeds, "pair_listing_order")
    assert {row[0] for row in result} == shared
    for _, _, _, order_a, _, order_b, ahead in result:
        assert ahead == ("沈燕俊" if int(order_a) < int(order_b) else "张蕙娜")


def check_slogan_by_month(seeds: Path, gold: dict) -> None:
    gold_months = Counter(str(m["date"])[:7] for m in gold["meetings"] if "十五五" in m.get("slogans", []))
    result = {month: int(meetings) for month, _, _, meetings in rows(seeds, "slogan_by_month")}
    assert set(result) == set(gold_months)
    assert all(result[month] >= count for month, count in gold_months.items())


SEED_CHECKS: dict[str, Callable[[Path, dict], None]] = {
    name.removeprefix("check_"): check for name, check in globals().items() if name.startswith("check_")
}


@pytest.mark.parametrize("name", sorted(SEED_CHECKS))
def test_query_on_seeds_states_what_the_gold_says(seeds: Path, gold: dict, name: str) -> None:
    SEED_CHECKS[name](seeds, gold)
