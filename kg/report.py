"""OUT/report.md: what a reader should review after a build (personnel changes, duplicates, warnings), and the
analyses of the graph (tenure changes, protocol rank shifts, new and spreading slogans, co-attendance).

Sections come from ``KnowledgeGraph.report`` (filled by kg.resolve). Each entry is a dict with a one-line
``summary``, optional ``evidence`` lines and an optional ``undo`` hint (what to put in the curation file to
overrule the decision); plain strings are accepted too. All text taken from the input is escaped, so a
headline such as ``<img src=x onerror=alert(1)>`` shows as text in any Markdown viewer.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.api import KnowledgeGraph
from kg.atomic import write_text

SECTIONS = (
    ("scopes", "Papers and places", "Where names are taken to be unique (one scope per paper or --locality)."),
    ("changes", "Personnel changes", "A one-holder post changing holder between issues, or one person's title "
                                     "changing (代区长 → 区长)."),
    ("tenure", "Posts over time", "Holders of one-holder posts in order, first … last day in the post (stray "
                                  "mentions outvoted; posts whose holders alternate are listed under Tenure changes)."),
    ("duplicates", "Possible duplicates needing review", "Not merged: the evidence was not enough, or was against."),
    ("merged", "Merged name variants", "Merged on evidence (or by the curation file); the variant is kept as an "
                                       "alternative label."),
    ("unresolved", "Unresolved names", "Known by name only."),
    ("suspect_names", "Suspect names", "Official labels and aliases that fail the name checks (a character taken from "
                                       "the next word, an ordinary word): fix with corrections or not_people."),
    ("suspect_posts", "Suspect posts", "Post labels that are not title-shaped (sentence material, no title at the "
                                       "end)."),
    ("suspect_split", "One name, several officials", "Namesakes, or one person split apart: merge in the curation "
                                                     "file if they are one."),
    ("suspect_merges", "Merges on thin evidence", "Name variants merged on a post several people hold."),
    ("suspect_untraced", "Officials nothing traces", "Named with no post and at no event in every article that names "
                                                     "them: no sentence backs the node (often a headline's word read "
                                                     "as a name); fix with not_people if it is no one."),
)
# characters that start Markdown or HTML markup; `_` only matters at a word's edge (a_b is never emphasis)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|~]|(?<!\w)_|_(?!\w))")


def md(text: object) -> str:
    """Text from the input as inert Markdown: one line, special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)).strip())


def md_code(text: object) -> str:
    """A code span (shown verbatim, never as HTML), fenced with more backticks than the text holds."""
    flat = re.sub(r"\s+", " ", str(text)).strip()
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}" if flat.startswith("`") or flat.endswith("`") else f"{fence}{flat}{fence}"


def render_entry(entry: object) -> list[str]:
    if not isinstance(entry, dict):
        return [f"- {md(entry)}"]
    lines = [f"- {md(entry.get('summary', entry))}"]
    lines += [f"  - {md(line)}" for line in entry.get("evidence") or []]
    if entry.get("undo"):
        lines.append(f"  - to overrule, in the curation file: {md_code(entry['undo'])}")
    return lines


def render_report(result: KnowledgeGraph) -> str:
    counts = result.counts()
    lines = ["# kg build report", "", "## Counts", ""]
    lines += [f"- {name}: {value}" for name, value in counts.items()]
    report = result.report or {}
    for section, title, note in SECTIONS:
        entries = report.get(section) or []
        lines += ["", f"## {title}", "", f"_{note}_", ""]
        lines += [line for entry in entries for line in render_entry(entry)] or ["- none"]
    lines += analysis_lines(result)
    lines += ["", "## Input problems", ""]
    lines += [f"- {'skipped' if p.fatal else 'note'}: {md(p)}" for p in result.problems] or ["- none"]
    lines += ["", "## Warnings", ""]
    lines += [f"- {md(w)}" for w in result.warnings] or ["- none"]
    return "\n".join(lines) + "\n"


def analysis_lines(result: KnowledgeGraph) -> list[str]:
    """The analyses of the graph (tenures, protocol, slogans, co-attendance), each section bounded in size."""
    from kg.analyse.overview import analyse
    from kg.analyse.sections import render_sections

    return render_sections(analyse(result.graph, tenures=result.tenures))


def write_report(result: KnowledgeGraph, path: str | Path) -> None:
    write_text(path, render_report(result))
