"""`kg serve` in a real browser: the explorer over HTTP on the seeds, on hostile labels and on a slice of the real
新闻联播 corpus (read from ../shared/corpora at run time; skipped when it is absent).

Every request that does not go to the local server is blocked and recorded and fails the test.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import cli
from kg.explore import Index, build_index, page, search
from kg.export.turtle import write_turtle

try:  # tests/ is on sys.path under pytest's default import mode; a package import otherwise
    from test_explore import serving
    from test_html import sample_graph
    from test_html_browser import (
        CHROMIUM,
        SEEDS,
        Watched,
        browser,  # noqa: F401 - the fixture
        check_hostile_labels,
        check_local_network_navigates,
        check_meeting_page,
        check_person_page,
        check_slogan_chart,
        visit,
        watch,
    )
except ImportError:  # pragma: no cover
    from tests.test_explore import serving
    from tests.test_html import sample_graph
    from tests.test_html_browser import (  # noqa: F401
        CHROMIUM,
        SEEDS,
        Watched,
        browser,
        check_hostile_labels,
        check_local_network_navigates,
        check_meeting_page,
        check_person_page,
        check_slogan_chart,
        visit,
        watch,
    )

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "xwlb-2012-2019.jsonl.gz"
SLICE = ("2013-03-01", "2013-03-31")  # the month of the 12th NPC's first session: meetings with long lists

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium: apt-get install -y chromium"),
]
pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")


def local_only(server) -> callable:
    return lambda url: url.startswith(server.url)


@pytest.fixture(scope="module")
def seeds_served(tmp_path_factory) -> Iterator[object]:
    out = tmp_path_factory.mktemp("seeds-serve") / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-neo4j"]) == 0
    with serving(out) as server:
        yield server


@pytest.fixture
def seeds_tab(browser, seeds_served) -> Iterator[tuple[Watched, object, Index]]:  # noqa: F811
    watched = watch(browser, local_only(seeds_served))
    visit(watched, seeds_served.url, "overview")
    with seeds_served.index() as index:
        yield watched, seeds_served, index
    watched.page.close()


def test_served_overview_loads_from_the_local_server_only(seeds_tab):
    watched, server, _ = seeds_tab
    tab = watched.page
    assert tab.evaluate("kgExplorer.state.networks.length") == 1
    assert tab.inner_text("#kg-status") == "kg serve"
    requested = tab.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert requested and all(url.startswith(server.url) for url in requested)
    assert any(url.endswith("/api/overview") for url in requested)
    watched.assert_clean()


def test_served_search_person_meeting_and_slogan_pages(seeds_tab):
    watched, server, index = seeds_tab
    check_person_page(watched, index, "沈燕俊")
    check_local_network_navigates(watched)
    meeting = max((iri for iri in index.all_iris() if "/meeting/" in iri),
                  key=lambda iri: (len(page(index, iri)["participants"]), iri))
    check_meeting_page(watched, server.url, index, meeting)
    check_slogan_chart(watched, server.url, index, search(index, "十五五")[0]["id"])
    watched.assert_clean()


def test_served_pages_keep_hostile_labels_as_text(browser, tmp_path):  # noqa: F811
    graph = sample_graph()
    build_index(graph, tmp_path / "explore.sqlite", title="<img src=x onerror=alert(1)>")
    write_turtle(graph, tmp_path / "graph.ttl")
    with serving(tmp_path) as server:
        watched = watch(browser, local_only(server))
        visit(watched, server.url, "overview")
        check_hostile_labels(watched, server.url)
        watched.assert_clean()
        watched.page.close()


# ---------------------------------------------------------------- a slice of the real corpus


@pytest.fixture(scope="module")
def corpus_served(tmp_path_factory) -> Iterator[object]:
    if not CORPUS.exists():
        pytest.skip(f"the real corpus is not here: {CORPUS}")
    folder = tmp_path_factory.mktemp("xwlb")
    sliced = folder / "xwlb-slice.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as source, sliced.open("w", encoding="utf-8") as target:
        for line in source:
            if SLICE[0] <= json.loads(line).get("date", "") <= SLICE[1]:
                target.write(line)
    out = folder / "out"
    assert cli.main(["build", str(sliced), "-o", str(out), "-q", "--jobs", "1", "--no-neo4j"]) in (0, 1)
    with serving(out) as server:
        yield server


@pytest.mark.slow
def test_a_month_of_the_real_corpus_through_kg_serve(browser, corpus_served):  # noqa: F811
    server = corpus_served
    watched = watch(browser, local_only(server))
    visit(watched, server.url, "overview")
    with server.index() as index:
        overview = index.meta("overview")
        assert 10 <= len(overview["network"]["nodes"]) <= 100
        person = check_person_page(watched, index, "习近平")
        assert person["summary"]["meetings"] >= 10 and person["tenures"]
        assert any(m["rel"] == "chaired" for m in person["meetings"])
        meetings = [iri for iri in index.all_iris() if "/meeting/" in iri]
        biggest = max(meetings, key=lambda iri: (len(page(index, iri)["participants"]), iri))
        check_meeting_page(watched, server.url, index, biggest)
        slogans = [r["id"] for r in overview["topSlogans"]]
        check_slogan_chart(watched, server.url, index, slogans[0])
    watched.assert_clean()
    watched.page.close()
