"""Tenures and personnel changes: who held a one-holder post when, and title changes of one person."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from kg.resolve.bodies import _BodyTable
from kg.resolve.common import _iso, _span, _where, is_shared_title, split_modifier
from kg.resolve.people import _Cluster, _Mention

# ------------------------------------------------------------------------------------------------ changes


def personnel_changes(groups: list[tuple[str, list[_Cluster]]],
                      table: _BodyTable) -> tuple[list[dict], list[dict], list[dict]]:
    """Changes of holder of one-holder posts between dates, and changes of title of one person (代区长 → 区长).

    Also returns each one-holder post's holders in order with first and last seen dates (the tenure table), and
    posts whose holders alternate (A, B, A: a retrospective mention or a wrong post), which need review instead.
    """
    holders: dict[str, list[tuple[date, str, _Mention]]] = defaultdict(list)
    display = {key: clusters[0].name for key, clusters in groups}
    changes: list[dict] = []
    tenure: list[dict] = []
    alternating: list[dict] = []
    for key, clusters in groups:
        held: dict[str, list[_Mention]] = defaultdict(list)
        for c in clusters:
            for post, mentions in c.posts.items():
                held[post] += mentions
        for post, mentions in held.items():
            dated = [(m.when, key, m) for m in mentions if m.when]
            if dated and not is_shared_title(mentions[0].posts[post].title):
                holders[post] += dated
        changes += _title_changes(display[key], held, table)
    for post in sorted(holders, key=lambda p: (table.post_label(p), p)):
        runs = _runs(sorted(holders[post], key=lambda x: (x[0], x[1])))
        where = f"{table.post_label(post)} ({runs[0][0][2].scope})"
        tenure.append({"summary": f"{where}: " + "; ".join(
            f"{display[run[0][1]]} {_span(x[0] for x in run)}" for run in runs)})
        steps = [(before[-1], after[0]) for before, after in zip(runs, runs[1:], strict=False)
                 if before[-1][0] != after[0][0]]  # two holders on one day is a slip, not a change
        if len({last[1] for last, _ in steps}) < len(steps) or any(
                (first[1], last[1]) in {(x[1], y[1]) for x, y in steps} for last, first in steps):
            alternating.append({"summary": f"{where}: holders alternate — " + " → ".join(
                f"{display[run[0][1]]} ({_span(x[0] for x in run)})" for run in runs),
                "evidence": ["a one-holder post written for several people back and forth: a retrospective "
                             "mention, a wrong post, or two posts sharing one label"]})
            continue
        for last, first in steps:
            changes.append({
                "kind": "holder", "post": table.post_label(post),
                "summary": f"{where}: {display[last[1]]} → {display[first[1]]} "
                           f"(last seen {_iso(last[0])}, first seen {_iso(first[0])})",
                "evidence": [_sentence_of(last[2]), _sentence_of(first[2])]})
    return changes, tenure, alternating


def _runs(ordered: list[tuple[date, str, _Mention]]) -> list[list[tuple[date, str, _Mention]]]:
    runs: list[list[tuple[date, str, _Mention]]] = []
    for item in ordered:
        if runs and runs[-1][-1][1] == item[1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _sentence_of(m: _Mention) -> str:
    sentence = re.sub(r"\s+", " ", m.sentence).strip()
    return f"{_where(m.ex)} ({_iso(m.when)}) “{sentence[:120]}”"


def _title_changes(name: str, held: dict[str, list[_Mention]], table: _BodyTable) -> list[dict]:
    """Same person, same body: 代区长 then 区长, 副主席 then 主席."""
    found = []
    for before, early in held.items():
        for after, late in held.items():
            if before == after:
                continue
            old, new = early[0].posts[before], late[0].posts[after]
            modifier, bare = split_modifier(old.title)
            if not modifier or bare != new.title or old.body_key != new.body_key:
                continue
            old_dates = [m.when for m in early if m.when]
            new_dates = [m.when for m in late if m.when]
            if not old_dates or not new_dates or max(old_dates) > min(new_dates):
                continue
            found.append({"kind": "title", "official": name,
                          "summary": f"{name}: {table.post_label(before)} → {table.post_label(after)} "
                                     f"(last seen as {old.title} {_iso(max(old_dates))}, "
                                     f"first seen as {new.title} {_iso(min(new_dates))})",
                          "evidence": [_sentence_of(max(early, key=lambda m: m.when or date.min)),
                                       _sentence_of(min(late, key=lambda m: m.when or date.max))]})
    return found


