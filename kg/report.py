"""OUT/report.md: what a reader should review after a build (personnel changes, duplicates, warnings)."""

from __future__ import annotations

from pathlib import Path

from kg.api import KnowledgeGraph
from kg.atomic import write_text


def render_report(result: KnowledgeGraph) -> str:
    counts = result.counts()
    lines = ["# kg build report", "", "## Counts", ""]
    lines += [f"- {name}: {value}" for name, value in counts.items()]
    report = result.report or {}
    for section, title in (("changes", "Personnel changes"), ("duplicates", "Possible duplicates needing review"),
                           ("merged", "Merged name variants"), ("unresolved", "Unresolved names")):
        entries = report.get(section) or []
        lines += ["", f"## {title}", ""]
        lines += [f"- {entry}" for entry in entries] or ["- none"]
    lines += ["", "## Input problems", ""]
    lines += [f"- {'skipped' if p.fatal else 'note'}: {p}" for p in result.problems] or ["- none"]
    lines += ["", "## Warnings", ""]
    lines += [f"- {w}" for w in result.warnings] or ["- none"]
    return "\n".join(lines) + "\n"


def write_report(result: KnowledgeGraph, path: str | Path) -> None:
    write_text(path, render_report(result))
