"""The explorer page in a real browser: Debian's headless Chromium driven by Playwright (no downloaded browser).

Every request that is not file:// or data: is blocked and recorded; a test fails if any was made, if the
console shows an error, or if a dialog (alert) opens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import select_subgraph, write_html

try:  # tests/ is on sys.path under pytest's default import mode; a package import otherwise
    from test_html import AWKWARD, XSS_IMG, XSS_SCRIPT, sample_graph
except ImportError:  # pragma: no cover
    from tests.test_html import AWKWARD, XSS_IMG, XSS_SCRIPT, sample_graph

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium: apt-get install -y chromium"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")


@dataclass
class Watched:
    """What a page did that it must not: requests off the machine, console errors, dialogs."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left the machine: {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, html: Path) -> Watched:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    watched = Watched(page)

    def route(route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            watched.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("dialog", lambda dialog: (watched.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(html.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=120_000)
    return watched


@pytest.fixture
def sample_page(browser, tmp_path) -> Iterator[tuple[Watched, nx.MultiDiGraph]]:
    graph = sample_graph()
    path = tmp_path / "sample.html"
    write_html(graph, path, title="样例")
    watched = open_page(browser, path)
    yield watched, graph
    watched.page.close()


def node_id(graph: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, d in graph.nodes(data=True) if d["label"] == label)


def search(page, text: str) -> None:
    page.click("#kg-search-ts-control")
    page.keyboard.type(text)
    page.wait_for_selector(".ts-dropdown .option")
    page.keyboard.press("Enter")


def test_page_loads_offline_without_errors_and_shows_the_whole_graph(sample_page, tmp_path):
    watched, graph = sample_page
    page = watched.page
    assert page.evaluate("kgExplorer.nodes.length") == graph.number_of_nodes()
    assert page.evaluate("kgExplorer.edges.length") == graph.number_of_edges()
    assert page.evaluate("kgExplorer.visibleCounts()") == {"nodes": 15, "edges": 17}
    assert page.evaluate("kgExplorer.network.body.nodeIndices.length") == graph.number_of_nodes()
    assert page.evaluate("kgExplorer.network.physics.physicsEnabled") is False  # stabilised, then stopped
    assert page.text_content("#kg-status") == "15 个节点 · 17 条边"
    legend = page.text_content("#kg-legend")
    for name in ("官员", "会议活动", "机构", "职务", "口号提法", "文章", "主持", "出席", "提及"):
        assert name in legend
    shot = tmp_path / "sample.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    watched.assert_clean()


def test_search_by_alias_selects_the_official_and_shows_posts_and_tenure(sample_page):
    watched, graph = sample_page
    page = watched.page
    search(page, "沈主席")
    assert page.evaluate("kgExplorer.network.getSelectedNodes()") == [node_id(graph, "沈燕俊")]
    details = page.text_content("#kg-details")
    assert "区政协主席（2024-03-04 – 2024-04-09）" in details
    assert "区政协十届三次常委会议（2024-03-04）" in details
    watched.assert_clean()


def test_hovering_a_meeting_shows_date_kind_chair_and_attendees(sample_page):
    watched, graph = sample_page
    page = watched.page
    meeting = node_id(graph, "区政协十届三次常委会议")
    point = page.evaluate("id => kgExplorer.network.canvasToDOM(kgExplorer.network.getPositions([id])[id])", meeting)
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.wait_for_selector("#kg-tooltip:not([hidden])")
    text = tooltip.text_content()
    for expected in ("2024-03-04", "会议", "主持", "沈燕俊", "出席", "李明"):
        assert expected in text
    watched.assert_clean()


def test_clicking_an_edge_shows_the_evidence_sentence_and_source_article(sample_page):
    watched, graph = sample_page
    page = watched.page
    edge = page.evaluate("""id => kgExplorer.edges.get({filter: e => e.to === id && e.width === 3})[0].id""",
                         node_id(graph, "调研重点企业"))
    page.evaluate("id => { kgExplorer.network.selectEdges([id]); }", edge)
    page.evaluate("id => kgExplorer.network.body.emitter.emit('click', {nodes: [], edges: [id]})", edge)
    details = page.text_content("#kg-details")
    assert "沈燕俊带队调研重点企业，张伟陪同。" in details
    assert "区领导调研企业" in details and "seeds/001.txt#3" in details and "2024-04-09" in details
    watched.assert_clean()


def test_hostile_labels_are_shown_as_text_and_never_run(sample_page):
    watched, graph = sample_page
    page = watched.page
    for label in (XSS_IMG, XSS_SCRIPT, AWKWARD):
        page.evaluate("id => kgExplorer.focusNode(id)", node_id(graph, label))
        assert page.text_content("#kg-details h2") == label
    search(page, "<img")
    assert page.evaluate("kgExplorer.network.getSelectedNodes()") == [node_id(graph, XSS_IMG)]
    assert page.locator("img").count() == 0  # nothing became an element, in details, search or anywhere
    assert page.locator("script").count() == 4
    page.wait_for_timeout(200)
    watched.assert_clean()


def test_type_and_date_filters_match_the_python_selection(sample_page):
    watched, graph = sample_page
    page = watched.page
    page.uncheck('input[data-type="Official"]')
    officials = sum(1 for _, t in graph.nodes(data="type") if t == "Official")
    assert page.evaluate("kgExplorer.visibleCounts().nodes") == graph.number_of_nodes() - officials
    page.check('input[data-type="Official"]')
    page.fill("#kg-since", "2024-04-01")
    page.fill("#kg-until", "2024-04-30")
    page.dispatch_event("#kg-until", "change")
    shown = set(page.evaluate("kgExplorer.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    from datetime import date

    expected = select_subgraph(graph, since=date(2024, 4, 1), until=date(2024, 4, 30))
    assert shown == set(expected.nodes)
    assert page.evaluate("kgExplorer.visibleCounts().edges") == expected.number_of_edges()
    page.click("#kg-reset")
    assert page.evaluate("kgExplorer.visibleCounts()") == {"nodes": 15, "edges": 17}
    watched.assert_clean()


@pytest.mark.slow
def test_the_seeds_graph_loads_and_a_known_official_is_found(browser, tmp_path):
    kg = pytest.importorskip("kg")
    graph = kg.build([SEEDS]).graph
    path = tmp_path / "seeds.html"
    counts = write_html(graph, path, title="seeds")
    watched = open_page(browser, path)
    page = watched.page
    assert page.evaluate("kgExplorer.nodes.length") == counts["nodes"] == graph.number_of_nodes()
    assert page.evaluate("kgExplorer.edges.length") == counts["edges"] == graph.number_of_edges()
    search(page, "沈燕俊")
    assert page.evaluate("kgExplorer.network.getSelectedNodes()") == [node_id(graph, "沈燕俊")]
    assert "沈燕俊" in page.text_content("#kg-details h2")
    page.screenshot(path=str(tmp_path / "seeds.png"))
    assert (tmp_path / "seeds.png").stat().st_size > 10_000
    watched.assert_clean()
    page.close()


def test_an_empty_graph_still_gives_a_working_page(browser, tmp_path):
    path = tmp_path / "empty.html"
    assert write_html(nx.MultiDiGraph(), path) == {"nodes": 0, "edges": 0}
    watched = open_page(browser, path)
    assert watched.page.evaluate("kgExplorer.visibleCounts()") == {"nodes": 0, "edges": 0}
    watched.assert_clean()
    watched.page.close()
