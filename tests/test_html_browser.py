"""The explorer file (graph.html) in a real browser: Debian's headless Chromium driven by Playwright.

Every request that is not file:// or data: is blocked and recorded; a test fails if any was made, if the console
shows an error, or if a dialog (alert) opens. tests/test_serve_browser.py does the same through `kg serve`.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg import cli
from kg.explore import Index, page, search
from kg.export.html import write_html

try:  # tests/ is on sys.path under pytest's default import mode; a package import otherwise
    from test_html import AWKWARD, XSS_IMG, XSS_SCRIPT, node_id, sample_graph
except ImportError:  # pragma: no cover
    from tests.test_html import AWKWARD, XSS_IMG, XSS_SCRIPT, node_id, sample_graph

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-domain-reliability", "--no-pings"]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium: apt-get install -y chromium"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")


@dataclass
class Watched:
    """What a page did that it must not: requests elsewhere, console errors, dialogs."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left the page or the local server: {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def watch(browser, allowed: Callable[[str], bool]) -> Watched:
    """A new page whose requests pass only if ``allowed(url)``; the rest are aborted and recorded."""
    tab = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    watched = Watched(tab)

    def route(route) -> None:
        if allowed(route.request.url):
            route.continue_()
        else:
            watched.blocked.append(route.request.url)
            route.abort()

    tab.route("**/*", route)
    tab.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
    tab.on("pageerror", lambda error: watched.errors.append(str(error)))
    tab.on("dialog", lambda dialog: (watched.dialogs.append(dialog.message), dialog.dismiss()))
    return watched


def visit(watched: Watched, url: str, view: str | None = None) -> None:
    """Go to ``url`` and wait until the explorer has drawn the view (``view``: a node id or 'overview')."""
    watched.page.goto(url)
    wait_ready(watched.page, view)


def wait_ready(tab, view: str | None = None) -> None:
    if view is None:
        tab.wait_for_selector("body[data-ready=true]", timeout=60_000)
    else:
        tab.wait_for_function("v => document.body.dataset.ready === 'true' && document.body.dataset.view === v",
                              arg=view, timeout=60_000)


def node_url(base: str, iri: str) -> str:
    return base + "#/node/" + urllib.parse.quote(iri, safe="")


def search_and_open(tab, text: str) -> list[str]:
    """Type ``text`` in the search box, wait for its results, open the first; returns the result lines."""
    tab.fill("#kg-search", "")
    tab.click("#kg-search")
    tab.keyboard.type(text)
    tab.wait_for_function("q => document.getElementById('kg-results').dataset.query === q && "
                          "!document.getElementById('kg-results').hidden", arg=text)
    lines = [li.inner_text() for li in tab.query_selector_all("#kg-results li")]
    tab.keyboard.press("Enter")
    return lines


def section_text(tab, title: str) -> str:
    return tab.locator(".kg-section", has=tab.locator("h2", has_text=title)).first.inner_text()


# ---------------------------------------------------------------- the checks both modes run


def check_person_page(watched: Watched, index: Index, name: str) -> dict:
    """Search finds the person; the page lists posts with dates and meetings with roles, as the index says."""
    tab = watched.page
    lines = search_and_open(tab, name)
    first = search(index, name)[0]
    assert lines[0].startswith("官员") and name in lines[0]
    wait_ready(tab, first["id"])
    expected = page(index, first["id"])
    assert tab.inner_text(".kg-title") == name
    posts = section_text(tab, "职务时间线")
    for tenure in sorted(expected["tenures"], key=lambda t: -t["mentions"])[:5]:  # long lists show these first
        assert tenure["label"] in posts
        seen = tenure["first_seen"] if tenure["first_seen"] == tenure["last_seen"] else \
            f"{tenure['first_seen']} – {tenure['last_seen']}"
        assert seen in posts
    rows = tab.locator(".kg-section", has=tab.locator("h2", has_text="会议活动（按日期）")).locator("tbody tr")
    shown = min(len(expected["meetings"]), 100)
    assert rows.count() == shown
    for number in (0, shown - 1):
        meeting = expected["meetings"][number]
        text = rows.nth(number).inner_text()
        assert meeting["label"] in text and ("主持" if meeting["rel"] == "chaired" else "出席") in text
        assert (meeting["day"] or "日期不详") in text and (meeting["role"] or "") in text
    return expected


def check_meeting_page(watched: Watched, base: str, index: Index, meeting: str) -> None:
    """The attendees are listed in the order the report gives, chairs first, with their roles."""
    tab = watched.page
    tab.goto(node_url(base, meeting))
    wait_ready(tab, meeting)
    expected = page(index, meeting)["participants"]
    rows = tab.locator(".kg-section", has=tab.locator("h2", has_text="出席名单")).locator("tbody tr")
    assert rows.count() == min(len(expected), 100) > 1
    for number, person in enumerate(expected[:100]):
        cells = rows.nth(number).locator("td")
        assert cells.nth(0).inner_text() == str(number + 1)
        assert cells.nth(1).inner_text() == person["label"]
        assert cells.nth(2).inner_text().startswith("主持" if person["rel"] == "chaired" else "出席")


def check_slogan_chart(watched: Watched, base: str, index: Index, slogan: str) -> None:
    """The slogan page draws mentions per month as a chart with the numbers of the page data."""
    tab = watched.page
    tab.goto(node_url(base, slogan))
    wait_ready(tab, slogan)
    expected = page(index, slogan)
    drawn = tab.evaluate("""() => {
        const chart = Chart.getChart(document.querySelector('.kg-chart canvas'));
        return {labels: chart.data.labels, data: chart.data.datasets[0].data,
                width: chart.width, height: chart.height};
    }""")
    assert drawn["labels"] == [m["month"] for m in expected["monthly"]]
    assert drawn["data"] == [m["count"] for m in expected["monthly"]] and sum(drawn["data"]) > 0
    assert drawn["width"] > 300 and drawn["height"] > 100
    # the bars are on the canvas: some pixels are the slogan colour, not background
    coloured = tab.evaluate("""() => {
        const canvas = document.querySelector('.kg-chart canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 0 && pixels[i + 1] > pixels[i] + 40) { count++; }
        }
        return count;
    }""")
    assert coloured > 50


def check_local_network_navigates(watched: Watched) -> None:
    """Every page draws a small network; clicking one of its nodes opens that node's page."""
    tab = watched.page
    count = tab.evaluate("kgExplorer.state.networks[0].body.nodeIndices.length")
    assert 1 < count <= 45
    target = tab.evaluate("""() => {
        const net = kgExplorer.state.networks[0];
        return net.body.nodeIndices.find(id => !net.body.nodes[id].options.borderWidth ||
                                               net.body.nodes[id].options.borderWidth < 3);
    }""")
    tab.evaluate("id => kgExplorer.state.networks[0].body.emitter.emit('click', {nodes: [id], edges: []})", target)
    wait_ready(tab, target)


def check_hostile_labels(watched: Watched, base: str) -> None:
    tab = watched.page
    graph = sample_graph()
    for label in (XSS_IMG, XSS_SCRIPT, AWKWARD):
        iri = node_id(graph, label)
        tab.goto(node_url(base, iri))
        wait_ready(tab, iri)
        assert tab.inner_text(".kg-title") == " ".join(label.split())
    meeting = node_id(graph, "区政协十届三次常委会议")
    tab.goto(node_url(base, meeting))
    wait_ready(tab, meeting)
    names = tab.locator(".kg-section", has=tab.locator("h2", has_text="出席名单")).inner_text()
    assert XSS_IMG in names and XSS_SCRIPT in names
    lines = search_and_open(tab, "<img")
    assert XSS_IMG in lines[0]
    wait_ready(tab, node_id(graph, XSS_IMG))
    assert tab.locator("img").count() == 0  # nothing became an element: not in pages, search or networks
    injected = "#kg-view script, #kg-results script, #kg-tooltip script"
    assert tab.evaluate("s => document.querySelectorAll(s).length", injected) == 0
    assert tab.evaluate("[...document.querySelectorAll('*')].some(e => [...e.attributes].some("
                        "a => a.name.startsWith('on')))") is False
    tab.wait_for_timeout(200)


# ---------------------------------------------------------------- graph.html from file://


def offline(url: str) -> bool:
    return url.startswith(("file:", "data:"))


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds-html") / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-neo4j"]) == 0
    return out


@pytest.fixture
def seeds_page(browser, seeds_build) -> Iterator[tuple[Watched, str, Index]]:
    watched = watch(browser, offline)
    base = (seeds_build / "graph.html").as_uri()
    visit(watched, base, "overview")
    index = Index.open(seeds_build / "explore.sqlite")
    yield watched, base, index
    index.close()
    watched.page.close()


def test_the_overview_opens_offline_and_draws_a_bounded_network(seeds_page, tmp_path):
    watched, _, index = seeds_page
    tab = watched.page
    drawn = index.meta("overview")["network"]["nodes"]
    assert tab.evaluate("kgExplorer.state.networks[0].body.nodeIndices.length") == len(drawn) <= 100
    assert "社群" in tab.inner_text(".kg-communities") and "会议最多的官员" in tab.inner_text(".kg-grid")
    shot = tmp_path / "overview.png"
    tab.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    watched.assert_clean()


def test_search_opens_a_person_whose_page_lists_posts_and_meetings_with_roles(seeds_page):
    watched, _, index = seeds_page
    person = check_person_page(watched, index, "沈燕俊")
    assert person["summary"]["chaired"] == 6
    check_local_network_navigates(watched)
    watched.assert_clean()


def test_a_meeting_page_lists_attendees_in_order(seeds_page):
    watched, base, index = seeds_page
    meeting = max((iri for iri in index.all_iris() if "/meeting/" in iri),
                  key=lambda iri: (len(page(index, iri)["participants"]), iri))
    check_meeting_page(watched, base, index, meeting)
    watched.assert_clean()


def test_a_slogan_page_draws_its_chart(seeds_page):
    watched, base, index = seeds_page
    slogan = search(index, "十五五")[0]["id"]
    check_slogan_chart(watched, base, index, slogan)
    watched.assert_clean()


def test_every_kind_of_page_renders_without_errors(seeds_page):
    watched, base, index = seeds_page
    tab = watched.page
    kinds = {}
    for iri in index.all_iris():
        kinds.setdefault(iri.split("/")[-2], iri)
    assert set(kinds) == {"official", "reporter", "body", "meeting", "slogan", "document", "post", "article"}
    for iri in kinds.values():
        tab.goto(node_url(base, iri))
        wait_ready(tab, iri)
        assert tab.inner_text(".kg-title") == page(index, iri)["label"]
    tab.goto(node_url(base, "https://example.org/none"))
    wait_ready(tab, "https://example.org/none")
    assert "没有这个页面" in tab.inner_text("#kg-view")
    watched.assert_clean()


def test_hostile_labels_stay_text_in_every_page_of_the_file(browser, tmp_path):
    path = tmp_path / "hostile.html"
    write_html(sample_graph(), path, title="<img src=x onerror=alert(1)>")
    watched = watch(browser, offline)
    visit(watched, path.as_uri(), "overview")
    check_hostile_labels(watched, path.as_uri())
    watched.assert_clean()
    watched.page.close()


def test_a_big_graphs_file_shows_the_overview_and_says_how_to_serve_it(browser, tmp_path):
    path = tmp_path / "big.html"
    write_html(sample_graph(), path, max_pages=5, out_dir="/data/out")
    watched = watch(browser, offline)
    visit(watched, path.as_uri(), "overview")
    tab = watched.page
    assert "kg serve /data/out" in tab.inner_text(".kg-notice")
    assert tab.is_disabled("#kg-search")
    shen = node_id(sample_graph(), "沈燕俊")
    tab.goto(node_url(path.as_uri(), shen))
    wait_ready(tab, shen)
    assert "kg serve /data/out" in tab.inner_text("#kg-view")
    watched.assert_clean()
    watched.page.close()


def test_an_empty_graph_still_gives_a_working_page(browser, tmp_path):
    import networkx as nx

    path = tmp_path / "empty.html"
    assert write_html(nx.MultiDiGraph(), path) == {"nodes": 0, "edges": 0, "pages": 0}
    watched = watch(browser, offline)
    visit(watched, path.as_uri(), "overview")
    assert watched.page.evaluate("kgExplorer.state.networks[0].body.nodeIndices.length") == 0
    assert search_and_open(watched.page, "沈燕俊") == ["没有找到“沈燕俊”"]
    watched.assert_clean()
    watched.page.close()
