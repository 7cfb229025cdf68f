"""``kg report OUT`` and the analysis sections of report.md: files written, periods, byte-identical reruns, errors."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.analyse import charts
from kg.analyse.overview import analyse
from kg.analyse.period import Period
from kg.analyse.run import load_built_graph, write_charts
from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("tenures.csv", "tenure_changes.csv", "tenure_stated.csv", "protocol_order.csv", "rank_series.csv",
          "rank_shifts.csv", "slogans.csv", "slogan_monthly.csv", "coattendance.csv", "communities.csv")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    assert main(["build", str(ROOT / "seeds"), "-o", str(out), "-q", "--no-html", "--no-neo4j"]) == 0
    return out


def run_kg(*args: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=False)


def test_build_report_has_the_analysis_sections(built: Path):
    text = (built / "report.md").read_text(encoding="utf-8")
    for heading in ("## Tenure changes", "## Protocol rank shifts", "## New slogans", "## Co-attendance"):
        assert heading in text
    changes = text.split("## Tenure changes", 1)[1].split("\n## ", 1)[0]
    assert "区政协主席: 金志强 → 王进" in changes
    assert "张蕙娜: 代区长 → 区长" in changes
    assert text.index("## Co-attendance") < text.index("## Input problems")


def test_kg_report_writes_markdown_tables_and_charts(built: Path, tmp_path: Path):
    result = run_kg("report", str(built), "--csv", str(tmp_path / "csv"), "--charts", str(tmp_path / "charts"))
    assert result.returncode == 0, result.stderr
    assert "tenure changes 3" in result.stdout and "analytics.md" in result.stdout
    text = (built / "analytics.md").read_text(encoding="utf-8")
    assert text.startswith("# kg analytics") and "- papers cover: 2025-12-31 to 2026-03-31" in text
    assert "“十五五” first seen 2025-12-31" in text
    for name in TABLES:
        raw = (tmp_path / "csv" / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # a byte-order mark, so spreadsheets read Chinese
    with open(tmp_path / "csv" / "tenure_changes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["post"], r["before"], r["after"], r["date"]) for r in rows} >= {
        ("区政协主席", "金志强", "王进", "2026-03-25"), ("代区长", "张蕙娜", "张蕙娜", "2026-03-27")}
    with open(tmp_path / "csv" / "tenures.csv", encoding="utf-8-sig", newline="") as handle:
        tenures = {(r["official"], r["post"]): r for r in csv.DictReader(handle)}
    assert (tenures[("金志强", "区政协主席")]["end"], tenures[("金志强", "区政协主席")]["end_basis"]) == (
        "2026-03-25", "inferred")
    for name in ("tenures", "slogans", "coattendance"):
        assert (tmp_path / "charts" / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        assert b"<svg" in (tmp_path / "charts" / f"{name}.svg").read_bytes()[:2000]


def test_kg_report_is_byte_identical_across_runs_and_hash_seeds(built: Path, tmp_path: Path):
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        result = run_kg("report", str(built), "-o", str(folder / "a.md"), "--csv", str(folder / "csv"),
                        "--charts", str(folder / "charts"), seed=seed)
        assert result.returncode == 0, result.stderr
        outputs.append({p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 1 + len(TABLES) + 8 - 2  # no rank chart on the seeds


def test_a_period_restricts_the_report(built: Path, tmp_path: Path):
    target = tmp_path / "winter.md"
    assert main(["report", str(built), "--until", "2026-02-28", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "- period: … to 2026-02-28" in text
    assert "金志强 → 王进" not in text  # the handover is in March
    analysis = analyse(load_built_graph(built), Period(None, None))
    spring = analyse(load_built_graph(built), Period(analysis.span.until.replace(day=1), None))
    assert [s.date for s in spring.successions] == ["2026-03-25", "2026-03-25", "2026-03-27"]


def test_bad_input_gives_a_clear_error_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["report", str(tmp_path / "nothing")]) == 2
    assert f"{tmp_path / 'nothing' / 'graph.json'}: no such file" in capsys.readouterr().err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "graph.json").write_text("{not json", encoding="utf-8")
    assert main(["report", str(broken)]) == 2
    assert f"{broken / 'graph.json'}: not a graph.json written by kg build" in capsys.readouterr().err
    assert main(["report", str(broken), "--since", "2026-03-01", "--until", "2026-01-01"]) == 2
    assert "starts (2026-03-01) after it ends (2026-01-01)" in capsys.readouterr().err


def test_unknown_slogan_for_a_chart_is_an_error(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["report", str(built), "-o", str(tmp_path / "a.md"), "--charts", str(tmp_path / "c"),
                 "--slogan", "十五五", "--slogan", "没有这个"]) == 2
    assert "no such slogan in the graph: 没有这个" in capsys.readouterr().err


def test_charts_are_written_without_a_cjk_font(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(charts, "CJK_FONTS", ("No Such Font",))
    drawn = write_charts(analyse(load_built_graph(built)), tmp_path)
    assert {p.name for p in drawn} >= {"tenures.png", "slogans.svg", "coattendance.png"}
    assert all(p.stat().st_size > 1000 for p in drawn)


def test_the_report_reuses_the_tenures_the_build_inferred() -> None:
    """The build infers tenures once (kg.api.assemble_graph); the report's analysis takes them rather than inferring
    them again on the same graph (seconds on years of news), and its sections come out the same."""
    import kg
    from kg.analyse.sections import render_sections

    result = kg.build([ROOT / "seeds"])
    assert result.tenures is not None and result.tenures.seats > 0
    given = analyse(result.graph, tenures=result.tenures)
    assert given.tenures is result.tenures
    assert render_sections(given) == render_sections(analyse(result.graph))
