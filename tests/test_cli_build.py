"""The `kg build` command's own behaviour: what graph.html holds of a big graph, and the timing summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg import cli
from kg.explore import Index

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _page_data(page: Path) -> dict:
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert data is not None
    return json.loads(data.group(1))


def test_a_graph_over_the_page_limit_gets_the_overview_and_kg_serve_for_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-cache", "--no-neo4j",
                     "--html-max-nodes", "25"]) == 0
    printed = capsys.readouterr().out
    total = len(json.loads((out / "graph.json").read_text("utf-8"))["nodes"])
    assert total > 25
    page = _page_data(out / "graph.html")
    assert page["pagesOmitted"] is True and page["pages"] == {} and page["nodeCount"] == total
    assert page["overview"]["network"]["nodes"]  # the overview is there, bounded
    assert f"graph.html holds the overview of {total:,} nodes" in printed and f"kg serve {out}" in printed
    assert f"explorer    {out / 'explore.sqlite'}" in printed
    index = Index.open(out / "explore.sqlite")
    assert len(index.all_iris()) == total  # every node is in the index kg serve reads


def test_every_page_is_in_the_file_with_zero_and_below_the_limit(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    for limit in ("0", "100000"):
        out = tmp_path / f"out{limit}"
        assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--jobs", "1", "--no-cache", "--no-neo4j",
                         "--html-max-nodes", limit]) == 0
        printed = capsys.readouterr().out
        total = len(json.loads((out / "graph.json").read_text("utf-8"))["nodes"])
        assert len(_page_data(out / "graph.html")["pages"]) == total
        assert "kg serve" not in printed
        stages = re.search(r"^  time: (.*)$", printed, re.M)
        assert stages is not None
        names = [part.rsplit(" ", 2)[0] for part in stages.group(1).split(", ")]
        assert names == ["extract", "resolve+assemble", "outputs"]
        outputs = re.search(r"^  outputs: (.*)$", printed, re.M)
        assert outputs is not None
        names = [part.rsplit(" ", 2)[0] for part in outputs.group(1).split(", ")]
        assert names == ["turtle", "json", "report", "explore", "html"]  # no neo4j asked for, no store: small


def test_negative_page_limit_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert cli.main(["build", str(SEEDS), "-o", str(out), "-q", "--html-max-nodes", "-1"]) == 2
    assert "--html-max-nodes must be 0 (all) or more" in capsys.readouterr().err
    assert not out.exists()
