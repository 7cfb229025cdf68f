"""The `kg build` command's own behaviour: how much of a big graph the page shows, and the timing summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _page_nodes(page: Path) -> list[dict]:
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert data is not None
    return json.loads(data.group(1))["nodes"]


def test_page_of_a_big_graph_keeps_its_most_connected_nodes_and_says_so(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-cache", "--no-neo4j",
                     "--html-max-nodes", "25"]) == 0
    printed = capsys.readouterr().out
    whole = json.loads((out / "graph.json").read_text("utf-8"))
    total = len(whole["nodes"])
    assert total > 25
    shown = _page_nodes(out / "graph.html")
    assert len(shown) == 25
    assert f"graph.html shows the 25 most connected of {total:,} nodes" in printed
    assert f"kg html {out} --focus NAME" in printed
    degree: dict[str, int] = {}
    for link in whole["edges"]:
        for end in (link["source"], link["target"]):
            degree[end] = degree.get(end, 0) + 1
    busiest = max(degree, key=degree.get)  # type: ignore[arg-type]
    assert busiest in {node["id"] for node in shown}


def test_page_shows_everything_with_zero_and_below_the_limit(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    for limit in ("0", "100000"):
        out = tmp_path / f"out{limit}"
        assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-cache", "--no-neo4j",
                         "--html-max-nodes", limit]) == 0
        printed = capsys.readouterr().out
        total = len(json.loads((out / "graph.json").read_text("utf-8"))["nodes"])
        assert len(_page_nodes(out / "graph.html")) == total
        assert "most connected" not in printed
        stages = re.search(r"^  time: (.*)$", printed, re.M)
        assert stages is not None
        names = [part.rsplit(" ", 2)[0] for part in stages.group(1).split(", ")]
        assert names == ["extract", "resolve+assemble", "outputs"]
        outputs = re.search(r"^  outputs: (.*)$", printed, re.M)
        assert outputs is not None
        names = [part.rsplit(" ", 2)[0] for part in outputs.group(1).split(", ")]
        assert names == ["turtle", "json", "report", "html"]  # no neo4j asked for, no store for a small graph


def test_negative_page_limit_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--html-max-nodes", "-1"]) == 2
    assert "--html-max-nodes must be 0 (all) or more" in capsys.readouterr().err
    assert not out.exists()
