"""The explorer without a browser: the index, search, page data, the overview, `kg serve` and its SPARQL endpoint."""

from __future__ import annotations

import http.client
import json
import os
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg import cli
from kg.explore import ExplorerIndexError, Index, build_index, memory_index, overview, page, search
from kg.explore.index import fill_index
from kg.explore.overview import OVERVIEW_OFFICIALS, fill_months
from kg.explore.server import ExplorerServer, make_server
from kg.explore.sparql import negotiate
from kg.export.html import load_graph_json
from kg.export.turtle import write_turtle
from kg.iri import mint
from kg.query import run_query

try:  # tests/ is on sys.path under pytest's default import mode; a package import otherwise
    from test_html import AWKWARD, XSS_IMG, XSS_SCRIPT, node_id, sample_graph
except ImportError:  # pragma: no cover
    from tests.test_html import AWKWARD, XSS_IMG, XSS_SCRIPT, node_id, sample_graph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "ontology" / "queries"
MAX_LOCAL_NODES = 45  # "at most a few dozen nodes" on every page
AWKWARD_SHOWN = " ".join(AWKWARD.split())  # labels are shown on one line


@pytest.fixture(scope="module")
def sample_index() -> Index:
    return memory_index(sample_graph(), title="样例")


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-neo4j"]) == 0
    return out


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    """A build directory of the sample graph, whose labels try to break pages."""
    out = tmp_path_factory.mktemp("hostile")
    graph = sample_graph()
    build_index(graph, out / "explore.sqlite", title="<b>样例</b>")
    write_turtle(graph, out / "graph.ttl")
    return out


@contextmanager
def serving(out: Path) -> Iterator[ExplorerServer]:
    """`kg serve OUT` on a free loopback port, in a thread, for the length of the block."""
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


# ---------------------------------------------------------------- the index


def test_the_index_is_byte_identical_at_any_hash_seed(tmp_path):
    files = []
    for seed in ("1", "2"):
        target = tmp_path / f"index-{seed}.sqlite"
        code = ("import sys; sys.path.insert(0, 'tests'); from test_html import sample_graph; "
                f"from kg.explore import build_index; build_index(sample_graph(), {str(target)!r}, title='t')")
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
        files.append(target.read_bytes())
    assert files[0] == files[1]
    build_index(sample_graph(), tmp_path / "again.sqlite", title="t")
    assert (tmp_path / "again.sqlite").read_bytes() == files[0]


def test_a_failed_index_build_leaves_the_old_file_and_no_litter(tmp_path, monkeypatch):
    target = tmp_path / "explore.sqlite"
    build_index(sample_graph(), target, title="old")
    before = target.read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("kg.explore.index.fill_index", broken)
    with pytest.raises(OSError, match="disk full"):
        build_index(sample_graph(), target, title="new")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["explore.sqlite"]


def test_opening_a_missing_or_foreign_index_names_the_file(tmp_path):
    with pytest.raises(ExplorerIndexError, match="explore.sqlite"):
        Index.open(tmp_path / "explore.sqlite")
    (tmp_path / "notes.txt").write_text("not a database\n" * 100)
    with pytest.raises(ExplorerIndexError, match="notes.txt: not a kg explorer index"):
        Index.open(tmp_path / "notes.txt")
    old = sqlite3.connect(tmp_path / "old.sqlite")
    fill_index(old, sample_graph(), title="t")
    old.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    old.commit()
    old.close()
    with pytest.raises(ExplorerIndexError, match="run kg build again"):
        Index.open(tmp_path / "old.sqlite")


# ---------------------------------------------------------------- search


def test_search_ranks_exact_names_first_and_finds_aliases_and_posts(sample_index):
    first = search(sample_index, "沈燕俊")[0]
    assert (first["label"], first["type"], first["kind"]) == ("沈燕俊", "Official", "label")
    by_alias = search(sample_index, "沈主席")
    assert [(r["label"], r["kind"], r["match"]) for r in by_alias] == [("沈燕俊", "alias", "沈主席")]
    by_post = [(r["label"], r["type"], r["kind"]) for r in search(sample_index, "区政协副主席")]
    assert by_post[:2] == [("区政协副主席", "Post", "label"), ("李明", "Official", "post")]
    assert search(sample_index, "李明")[0]["hint"] == "区政协副主席"  # what tells namesakes apart
    substring = [r["label"] for r in search(sample_index, "调研")]
    assert substring[:1] == ["调研重点企业"]
    assert "区领导调研企业" in substring  # the article's headline is searched too


def test_search_finds_any_node_by_iri_and_takes_hostile_text_literally(sample_index):
    graph = sample_graph()
    iri = node_id(graph, "李明")
    assert search(sample_index, iri)[0]["id"] == iri
    assert search(sample_index, "<img")[0]["label"] == XSS_IMG
    assert search(sample_index, "%") == [] and search(sample_index, "_") == []  # no LIKE wildcards
    assert search(sample_index, "   ") == [] and search(sample_index, "王五") == []
    assert len(search(sample_index, "区", limit=2)) == 2


def test_search_over_the_seeds_finds_officials_by_post_and_every_node_by_its_label(seeds_out):
    index = Index.open(seeds_out / "explore.sqlite")
    graph = load_graph_json(seeds_out / "graph.json")
    holders = {graph.nodes[u]["label"] for u, v, k in graph.edges(keys=True)
               if k == "holds" and graph.nodes[v]["label"] == "区政协主席"}
    found = {r["label"] for r in search(index, "区政协主席") if r["kind"] == "post"}
    assert holders and found == holders
    for iri, data in graph.nodes(data=True):  # not only what a drawing shows: every node
        if data["type"] != "Article":
            assert iri in {r["id"] for r in search(index, " ".join(data["label"].split()), limit=100)}


# ---------------------------------------------------------------- pages


def test_an_officials_page_has_posts_with_dates_meetings_with_roles_and_co_attendees(sample_index):
    graph = sample_graph()
    shen = page(sample_index, node_id(graph, "沈燕俊"))
    assert shen["type"] == "Official" and shen["aliases"] == ["沈主席"]
    assert [(t["label"], t["first_seen"], t["last_seen"]) for t in shen["tenures"]] == [
        ("区政协主席", "2024-03-04", "2024-04-09")]
    assert shen["tenures"][0]["evidence"][0]["sentence"] == "区政协主席沈燕俊主持会议，副主席李明出席。"
    assert [(m["day"], m["label"], m["rel"], m["role"]) for m in shen["meetings"]] == [
        ("2024-03-04", "区政协十届三次常委会议", "chaired", "主持"), ("2024-04-09", "调研重点企业", "chaired", "带队")]
    assert shen["meetings"][0]["people"] == 5
    assert shen["summary"] == {"meetings": 2, "chaired": 2, "attended": 0, "posts": 1, "firstSeen": "2024-03-04",
                               "lastSeen": "2024-04-09", "community": shen["summary"]["community"]}
    co = {r["label"]: r["count"] for r in shen["coattendees"]}
    assert co == {"李明": 1, XSS_IMG: 1, XSS_SCRIPT: 1, AWKWARD_SHOWN: 1, "张伟": 1}
    article = shen["meetings"][0]["article"]
    assert shen["articles"][article]["headline"] == "区政协召开十届三次常委会议"
    assert shen["articles"][article]["source"] == "seeds/000.txt"


def test_stated_and_inferred_tenures_reach_the_page_when_the_graph_has_them():
    graph = sample_graph()
    shen, post = node_id(graph, "沈燕俊"), node_id(graph, "区政协主席")
    graph.edges[shen, post, "holds"].update(start="2023-01-10", end=None, start_basis="stated", past=True,
                                            stated_start="2023-01-10")
    tenure = page(memory_index(graph), shen)["tenures"][0]
    assert (tenure["start"], tenure["start_basis"], tenure["past"], tenure["stated_start"]) == (
        "2023-01-10", "stated", True, "2023-01-10")
    assert "end" not in tenure  # unknown stays absent, never a made-up date


def test_a_meetings_page_lists_chair_and_attendees_in_the_order_written(sample_index):
    graph = sample_graph()
    meeting = page(sample_index, node_id(graph, "区政协十届三次常委会议"))
    assert [(p["label"], p["rel"], p["role"], p["order"]) for p in meeting["participants"]] == [
        ("沈燕俊", "chaired", "主持", 1), ("李明", "attended", "出席", 1), (XSS_IMG, "attended", "出席", 2),
        (XSS_SCRIPT, "attended", "出席", 3), (AWKWARD_SHOWN, "attended", "出席", 4)]
    assert meeting["summary"] == {"date": "2024-03-04", "kind": "会议", "chairs": 1, "participants": 5}
    assert [o["label"] for o in meeting["organisers"]] == ["区政协"]
    assert [(r["label"], r["sentence"]) for r in meeting["references"]["Slogan"]] == [
        ("高质量发展", "会议强调推动高质量发展。")]
    assert meeting["reports"][0]["evidence"][0]["sentence"].startswith("区政协主席沈燕俊主持会议")


def test_a_slogans_page_counts_mentions_per_month_by_the_date_printed():
    graph = sample_graph()
    slogan = node_id(graph, "高质量发展")
    m2, a2 = node_id(graph, "调研重点企业"), node_id(graph, "区领导调研企业")
    graph.add_edge(m2, slogan, key="referenced", rel="referenced",
                   evidence=[{"article": a2, "sentence": "推动高质量发展。", "date": "2024-04-09"}])
    data = page(memory_index(graph), slogan)
    # printed 2024-03-05 and 2024-04-10: two months with one mention each
    assert data["monthly"] == [{"month": "2024-03", "count": 1}, {"month": "2024-04", "count": 1}]
    assert data["summary"]["firstPrinted"] == "2024-03-05" and data["summary"]["mentions"] == 2
    assert [m["label"] for m in data["meetings"]] == ["区政协十届三次常委会议", "调研重点企业"]
    assert [(c["label"], c["count"]) for c in data["chairs"]] == [("沈燕俊", 2)]
    assert [(p["paper"], p["count"]) for p in data["papers"]] == [("某区报", 2)]


def test_fill_months_gives_every_month_between_the_first_and_the_last():
    assert fill_months({"2023-11": 2, "2024-02": 1}) == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0),
                                                          ("2024-02", 1)]
    assert fill_months({"????-??": 3}) == [] and fill_months({}) == []


def test_body_and_post_pages_show_holders_over_time(sample_index):
    graph = sample_graph()
    body = page(sample_index, node_id(graph, "区政协"))
    assert [(p["label"], [(h["label"], h["first_seen"]) for h in p["holders"]]) for p in body["posts"]] == [
        ("区政协主席", [("沈燕俊", "2024-03-04")]), ("区政协副主席", [("李明", "2024-03-04")])]
    assert [m["label"] for m in body["organised"]] == ["区政协十届三次常委会议"]
    post = page(sample_index, node_id(graph, "区政协副主席"))
    assert [(h["label"], h["first_seen"], h["last_seen"]) for h in post["holders"]] == [
        ("李明", "2024-03-04", "2024-03-04")]
    assert [b["label"] for b in post["bodies"]] == ["区政协"]


def test_every_seeds_page_exists_has_a_small_network_and_is_plain_json(seeds_out):
    index = Index.open(seeds_out / "explore.sqlite")
    types = set()
    for iri in index.all_iris():
        data = page(index, iri)
        types.add(data["type"])
        drawn = {n["id"] for n in data["network"]["nodes"]}
        assert iri in drawn and len(drawn) <= MAX_LOCAL_NODES, (iri, len(drawn))
        assert all(e["from"] in drawn and e["to"] in drawn for e in data["network"]["edges"])
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert types == {"Official", "Reporter", "Body", "Meeting", "Slogan", "Document", "Post", "Article"}
    assert page(index, "https://example.org/none") is None


def test_a_seeds_official_has_his_posts_and_chaired_meetings(seeds_out):
    index = Index.open(seeds_out / "explore.sqlite")
    shen = page(index, search(index, "沈燕俊")[0]["id"])
    posts = {t["label"]: (t["first_seen"], t["last_seen"]) for t in shen["tenures"]}
    assert posts["区委书记"] == ("2026-01-06", "2026-03-30")
    chaired = [(m["day"], m["role"]) for m in shen["meetings"] if m["rel"] == "chaired"]
    # 主持会议并讲话: the chair's roles as written, both verbs
    assert any(day == "2026-01-06" and role.startswith("主持会议") for day, role in chaired)
    assert len(chaired) == shen["summary"]["chaired"] == 6


def test_the_overview_draws_at_most_a_hundred_officials_however_many_met():
    graph = nx.MultiDiGraph()
    people = [mint("Official", f"官员{i:03d}") for i in range(150)]
    for i, person in enumerate(people):
        graph.add_node(person, type="Official", label=f"官员{i:03d}", aliases=[])
    for m in range(60):  # meetings of 10 people each, overlapping: one big co-attendance network
        meeting = mint("Meeting", f"会议{m}")
        graph.add_node(meeting, type="Meeting", label=f"会议{m}", aliases=[], date=f"2024-{m % 12 + 1:02d}-01")
        for person in people[(m * 5) % 141:(m * 5) % 141 + 10]:
            graph.add_edge(person, meeting, key="attended", rel="attended", role="出席", order=1, evidence=[])
    data = overview(memory_index(graph))
    drawn = data["network"]["nodes"]
    assert len(drawn) == OVERVIEW_OFFICIALS == 100 and data["officialsInNetwork"] == 150
    assert all(node["community"] >= -1 for node in drawn) and data["communities"]
    assert len(data["network"]["edges"]) <= 3 * len(drawn)
    boxes = [(n["x"], n["y"]) for n in drawn]
    assert len(set(boxes)) == len(boxes)  # no two officials drawn on the same spot
    assert [m["count"] for m in data["monthly"]] == [5] * 12


# ---------------------------------------------------------------- kg serve


def test_the_server_answers_pages_search_and_assets_with_safe_headers(seeds_out):
    with serving(seeds_out) as server:
        status, headers, body = fetch(server.url)
        assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert b"static/explorer.js" in body and "沈燕俊".encode() not in body  # data comes from the API
        status, headers, body = fetch(server.url + "api/search?q=" + urllib.parse.quote("沈燕俊"))
        assert status == 200 and headers["content-type"] == "application/json; charset=utf-8"
        results = json.loads(body)
        assert results[0]["label"] == "沈燕俊"
        status, _, body = fetch(server.url + "api/node?id=" + urllib.parse.quote(results[0]["id"]))
        with server.index() as index:
            assert json.loads(body) == json.loads(json.dumps(page(index, results[0]["id"])))
        status, _, body = fetch(server.url + "api/overview")
        assert status == 200 and json.loads(body)["network"]["nodes"]
        status, headers, body = fetch(server.url + "static/explorer.js")
        assert status == 200 and headers["content-type"].startswith("text/javascript") and b"kgExplorer" in body
        status, _, _ = fetch(server.url + "static/explorer.js", headers={"If-None-Match": headers["etag"]})
        assert status == 304
        for path in ("api/node?id=https%3A%2F%2Fexample.org%2Fnone", "nothing/here", "static/../graph.ttl"):
            status, headers, body = fetch(server.url + path)
            assert status == 404 and headers["content-type"].startswith("application/json"), path
        assert fetch(server.url + "api/search", data=b"q=x", method="POST")[0] == 405
        status, headers, body = fetch(server.url + "api/overview", method="HEAD")
        assert status == 200 and body == b"" and int(headers["content-length"]) > 100
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=30)
        connection.putrequest("POST", "/sparql")  # announces 2 MB, sends none: answered before any is read
        connection.putheader("Content-Type", "application/sparql-query")
        connection.putheader("Content-Length", str(2 << 20))
        connection.endheaders()
        assert connection.getresponse().status == 413
        connection.close()


def test_the_server_answers_only_requests_addressed_to_the_loopback(seeds_out):
    with serving(seeds_out) as server:
        port = server.server_address[1]
        assert fetch(server.url, headers={"Host": f"localhost:{port}"})[0] == 200
        for host in ("attacker.example", f"attacker.example:{port}", "127.0.0.1:1"):
            status, _, body = fetch(server.url + "api/overview", headers={"Host": host})
            assert status == 421 and b"loopback" in body, host


def test_server_responses_carry_hostile_labels_as_escaped_json(hostile_out):
    with serving(hostile_out) as server:
        for query in ("<img", "</script", 'a "quoted"'):
            status, _, body = fetch(server.url + "api/search?q=" + urllib.parse.quote(query))
            assert status == 200 and b"<" not in body and b">" not in body
        status, _, body = fetch(server.url + "api/search?q=" + urllib.parse.quote("<img"))
        hit = json.loads(body)[0]
        assert hit["label"] == XSS_IMG
        for iri in (hit["id"], node_id(sample_graph(), "区政协十届三次常委会议")):
            status, _, body = fetch(server.url + "api/node?id=" + urllib.parse.quote(iri))
            assert status == 200 and b"<" not in body and b">" not in body and b"&" not in body
            assert XSS_IMG in json.dumps(json.loads(body), ensure_ascii=False)
        status, headers, body = fetch(server.url + "api/node?id=" + urllib.parse.quote("<script>alert(1)</script>"))
        assert status == 404 and b"<" not in body and headers["x-content-type-options"] == "nosniff"
        status, _, body = fetch(server.url)
        assert b"<b>" not in body and "&lt;b&gt;样例&lt;/b&gt;".encode() in body


def test_kg_serve_without_an_index_fails_naming_the_file(tmp_path, capsys):
    assert cli.main(["serve", str(tmp_path), "--port", "0"]) == 2
    assert "explore.sqlite" in capsys.readouterr().err


# ---------------------------------------------------------------- SPARQL endpoint


def sparql_json(body: bytes) -> list[dict]:
    return json.loads(body)["results"]["bindings"]


def test_the_sparql_endpoint_answers_a_ready_query_like_kg_query(seeds_out):
    query = (QUERIES / "chaired_most.rq").read_text(encoding="utf-8")
    expected = json.loads(run_query(seeds_out / "graph.ttl", query, fmt="json"))
    with serving(seeds_out) as server:
        endpoint = server.url + "sparql"
        status, headers, body = fetch(endpoint + "?query=" + urllib.parse.quote(query),
                                      headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
        assert sparql_json(body) == expected["results"]["bindings"] and sparql_json(body)[0]["official"]["value"]
        status, headers, body = fetch(endpoint, data=urllib.parse.urlencode({"query": query}).encode(),
                                      headers={"Content-Type": "application/x-www-form-urlencoded",
                                               "Accept": "text/csv"})
        assert status == 200 and headers["content-type"].startswith("text/csv")
        assert body.decode() == run_query(seeds_out / "graph.ttl", query, fmt="csv")
        status, headers, body = fetch(endpoint, data=query.encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"})
        assert status == 200 and headers["content-type"].startswith("text/tab-separated-values")
        assert body.decode().splitlines()[0] == "?official\t?occasions\t?meetings"


def test_the_sparql_endpoint_speaks_the_protocol(seeds_out):
    with serving(seeds_out) as server:
        endpoint = server.url + "sparql"
        status, _, body = fetch(endpoint + "?query=" + urllib.parse.quote("ASK { ?s a kg:Official }"))
        assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
        construct = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Official ; rdfs:label ?l } LIMIT 3"
        status, headers, body = fetch(endpoint + "?query=" + urllib.parse.quote(construct))
        assert status == 200 and headers["content-type"].startswith("text/turtle")
        assert len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) == 3
        status, headers, body = fetch(endpoint + "?query=" + urllib.parse.quote(construct),
                                      headers={"Accept": "application/n-triples"})
        assert headers["content-type"].startswith("application/n-triples") and body.count(b" .\n") == 3
        status, _, body = fetch(endpoint + "?query=" + urllib.parse.quote("SELECT WHERE nonsense"))
        assert status == 400 and b"invalid SPARQL query" in body
        assert fetch(endpoint + "?query=" + urllib.parse.quote("ASK {}"), headers={"Accept": "image/png"})[0] == 406
        assert fetch(endpoint)[0] == 400
        update = "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"
        assert fetch(endpoint, data=urllib.parse.urlencode({"update": update}).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
        assert fetch(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-update"})[0] == 403
        status, _, body = fetch(endpoint + "?query=" + urllib.parse.quote("ASK { <http://e/a> ?p ?o }"))
        assert json.loads(body)["boolean"] is False  # nothing was written


def test_the_sparql_endpoint_reads_an_on_disk_store_when_the_build_left_one(tmp_path):
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-neo4j", "--no-html",
                     "--store", str(out / "store")]) == 0
    with serving(out) as server:
        assert server.sparql.source == str(out / "store")
        query = (QUERIES / "post_holders.rq").read_text(encoding="utf-8")
        status, _, body = fetch(server.url + "sparql?query=" + urllib.parse.quote(query))
        assert status == 200
        assert sparql_json(body) == json.loads(run_query(out / "graph.ttl", query, fmt="json"))["results"]["bindings"]


@pytest.mark.parametrize(("accept", "media"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("image/png, text/tab-separated-values;q=0.1", "text/tab-separated-values"),
    ("image/png", None),
    ("text/csv;q=0", None),
])
def test_content_negotiation_follows_the_accept_header(accept, media):
    from kg.explore.sparql import RESULT_TYPES

    assert negotiate(accept, RESULT_TYPES, "application/sparql-results+json")[0] == media
