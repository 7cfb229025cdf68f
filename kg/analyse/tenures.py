"""Tenures with starts and ends: when an official took a post and when they left it.

The papers show a post held on some days (``first_seen`` … ``last_seen`` on each holds edge); readers want the
tenure itself. Three kinds of evidence give it, strongest first:

* **stated**: an appointment, election, removal or resignation report gives the date (``stated_start`` /
  ``stated_end``, read by extraction from 任命, 当选, 免去…职务, 不再担任, 辞去 …).
* **inferred**: in a post one person holds at a time (区长, 区政协主席, 国务院总理; see ``is_shared_title``), a
  successor ends the predecessor's tenure on the day the successor's starts. An acting post and the full post
  (代区长, 区长) are one seat: 代区长 → 区长 ends the acting tenure.
* **seen**: otherwise the first and last days the papers show the post held.

Posts written only as former (时任, 原, 前: ``past``) get no dates from the article that names them.

Real text is noisy: a nominee is called 总理 before the vote, a retrospective mention names the old holder, a
misread name holds a post once. So holders of a seat are read as a sequence of runs: the fewest changes of holder
that explain the dated mentions (``segment``), where a change costs more the more often the post is mentioned.
A stray mention inside another holder's run is outvoted: the holder it names gets no dates from it (their
first/last seen stay as the papers showed them), so "who held the post that day" does not answer with a
misread name. A post whose mentions no single sequence of holders explains (two posts sharing one label,
holders alternating) gets no inferred ends and is listed for review.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import networkx as nx

from kg.resolve.common import is_shared_title, split_modifier

BASES = ("stated", "inferred", "seen")
STATED_SLACK_DAYS = 31  # a stated start this long after the successor is first seen may still date the change
ACTING = ("代", "代理")  # acting forms of a post: the same seat as the full post
MAX_DISAGREEMENT = 0.25  # a seat where more mentions than this contradict the best holder sequence is ambiguous

State = tuple[str, str]  # (official, post) of a holds edge, or (official, form) of a seat's holder


@dataclass(frozen=True)
class Run:
    """One holder's consecutive stretch in a seat, from the first to the last day the papers show them in it."""

    official: str
    form: str  # "" for the post itself, 代 / 代理 for its acting form
    first: str  # ISO date
    last: str
    mentions: int  # mentions of this holder inside the run


@dataclass(frozen=True)
class Succession:
    """One change of holder (or of form: 代区长 → 区长) in a seat, dated by the successor's start."""

    before: str  # official
    before_post: str
    after: str
    after_post: str
    date: str  # the successor's start: the predecessor's inferred end (unless a removal states another)
    date_basis: str  # stated | seen: how the successor's start is known
    last_seen_before: str  # the predecessor's last day in the seat
    evidence: tuple[dict, ...]  # the predecessor's last mention, the successor's first (article, sentence, date)
    mentions: int = 0  # mentions of both runs: how much the papers say about this seat (for ranking)


@dataclass
class TenureAnalysis:
    """What ``infer_tenures`` found: the successions in every seat and the seats it could not read."""

    successions: list[Succession] = field(default_factory=list)
    ambiguous: list[dict] = field(default_factory=list)  # {"posts", "holders", "reason"}
    outvoted: list[State] = field(default_factory=list)  # (official, post) of stray mentions: no seen dates
    holders: list[tuple[str, list[Run]]] = field(default_factory=list)  # (post node, its runs in order) per seat
    seats: int = 0


# ------------------------------------------------------------------------------------------------ public API


def infer_tenures(graph: nx.MultiDiGraph) -> TenureAnalysis:
    """Set ``start``, ``end``, ``start_basis`` and ``end_basis`` on every holds edge of ``graph`` (in place).

    Returns the successions found and the seats left ambiguous. Running it again gives the same result: it reads
    only the seen, stated and past attributes, never its own output.
    """
    analysis = TenureAnalysis()
    holds = {(official, post): data for official, post, key, data in graph.edges(keys=True, data=True)
             if key == "holds"}
    inferred_end: dict[State, str] = {}
    run_of: dict[State, Run] = {}
    unseated: set[State] = set()
    by_post: dict[str, list[State]] = defaultdict(list)
    for edge in holds:
        by_post[edge[1]].append(edge)
    for seat in one_holder_seats(graph):
        analysis.seats += 1
        edges = _seat_edges(graph, seat, by_post)  # (official, form) -> that holder's edges in the seat
        mentions = seat_mentions(holds, edges)
        if not mentions:
            continue
        runs, disagreement = segment(mentions)
        states = [(run.official, run.form) for run in runs]
        if len(set(states)) < len(states) or disagreement > MAX_DISAGREEMENT:
            reason = ("holders alternate" if len(set(states)) < len(states)
                      else f"{disagreement:.0%} of mentions contradict any one holder at a time")
            analysis.ambiguous.append({"posts": sorted(seat), "reason": reason, "holders": [
                (r.official, _main_edge(holds, edges[(r.official, r.form)])[1], r.first, r.last) for r in runs]})
            continue
        analysis.holders.append((_main_edge(holds, edges[states[0]])[1], runs))
        for run in runs:
            run_of.update({edge: run for edge in edges[(run.official, run.form)]})
        outvoted = sorted(edge for state in {state for _, state in mentions} - set(states) for edge in edges[state])
        analysis.outvoted += outvoted
        unseated.update(outvoted)
        for before, after in zip(runs, runs[1:], strict=False):
            before_edge = _main_edge(holds, edges[(before.official, before.form)])
            after_edge = _main_edge(holds, edges[(after.official, after.form)])
            # a start stated for this succession: not long after the successor is first seen in the seat (李克强's
            # re-appointment of 2018-03-18 restates a tenure that began in 2013)
            stated = sorted(_iso(holds[e]["stated_start"]) for e in edges[(after.official, after.form)]
                            if holds[e].get("stated_start")
                            and _iso(holds[e]["stated_start"]) <= _days_after(after.first, STATED_SLACK_DAYS))
            start, basis = (stated[-1], "stated") if stated else (after.first, "seen")
            evidence = (_evidence_on(holds[before_edge], before.last), _evidence_on(holds[after_edge], after.first))
            analysis.successions.append(Succession(before.official, before_edge[1], after.official, after_edge[1],
                                                   start, basis, before.last, evidence,
                                                   before.mentions + after.mentions))
            inferred_end.update({edge: start for edge in edges[(before.official, before.form)]})
    for edge, data in holds.items():
        _set_dates(data, run_of.get(edge), inferred_end.get(edge), edge in unseated)
    analysis.successions.sort(key=lambda s: (s.date, s.before_post, s.before, s.after))
    analysis.holders.sort(key=lambda item: (graph.nodes[item[0]].get("label", ""), item[0]))
    return analysis


def _days_after(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def holder_lines(graph: nx.MultiDiGraph, analysis: TenureAnalysis) -> list[dict]:
    """Report entries: each one-holder post with its holders in order (first … last day in the seat)."""
    label = {node: data.get("label", node) for node, data in graph.nodes(data=True)}
    return [{"summary": f"{label[post]}: " + "; ".join(
                f"{label[run.official]}{'（' + run.form + '）' if run.form else ''} "
                f"{run.first}{' … ' + run.last if run.last != run.first else ''}" for run in runs)}
            for post, runs in analysis.holders if runs]


def _seat_edges(graph: nx.MultiDiGraph, seat: Sequence[str],
                by_post: dict[str, list[State]]) -> dict[tuple[str, str], list[State]]:
    """A seat's holders as (official, form) -> their holds edges: one holder of two nodes of one post (国务院总理
    written two ways) is one holder; the acting form (代区长) and the full post (区长) are two, so that 代区长 →
    区长 is a change."""
    found: dict[tuple[str, str], list[State]] = defaultdict(list)
    for post in seat:
        data = graph.nodes[post]
        form = split_modifier(data.get("title") or data.get("label") or "")[0]
        for edge in by_post.get(post, ()):
            found[(edge[0], form if form in ACTING else "")].append(edge)
    return {state: sorted(found[state]) for state in sorted(found)}


def _main_edge(holds: dict[State, dict], edges: list[State]) -> State:
    """The holds edge that speaks for a holder with several (the most evidence, then by id)."""
    return min(edges, key=lambda e: (-len(holds[e].get("evidence") or ()), e))


def held_on(graph: nx.MultiDiGraph, post: str, day: str) -> list[str]:
    """Officials whose tenure of ``post`` (a node id) covers ``day`` (ISO), after ``infer_tenures``."""
    found = []
    for official, _, key, data in graph.in_edges(post, keys=True, data=True):
        start, end = data.get("start"), data.get("end")
        if key == "holds" and start and start <= day and (end is None or day <= end):
            found.append(official)
    return sorted(found)


def tenure_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One row per holds edge with its tenure and what it rests on (for CSV files and tables)."""
    rows = []
    for official, post, key, data in graph.edges(keys=True, data=True):
        if key != "holds":
            continue
        node = graph.nodes[post]
        rows.append({"official": graph.nodes[official].get("label", official), "post": node.get("label", post),
                     "body": node.get("body") or "", "start": data.get("start") or "",
                     "start_basis": data.get("start_basis") or "", "end": data.get("end") or "",
                     "end_basis": data.get("end_basis") or "", "first_seen": data.get("first_seen") or "",
                     "last_seen": data.get("last_seen") or "", "stated_start": data.get("stated_start") or "",
                     "stated_end": data.get("stated_end") or "", "past": "yes" if data.get("past") else "",
                     "mentions": len(data.get("evidence") or ()), "official_id": official, "post_id": post})
    rows.sort(key=lambda r: (r["post"], r["start"] or "9999", r["official"], r["post_id"], r["official_id"]))
    return rows


def stated_events(graph: nx.MultiDiGraph) -> list[dict]:
    """Appointments and removals the text dates itself: {date, kind (start|end), official, post, evidence}."""
    events = []
    for official, post, key, data in graph.edges(keys=True, data=True):
        if key != "holds":
            continue
        for kind, attr in (("start", "stated_start"), ("end", "stated_end")):
            if data.get(attr):
                events.append({"date": data[attr], "kind": kind, "official": official, "post": post,
                               "evidence": _evidence_on(data, data[attr])})
    events.sort(key=lambda e: (e["date"], e["post"], e["official"], e["kind"]))
    return events


# ------------------------------------------------------------------------------------------------ seats


def one_holder_seats(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Groups of post nodes one person holds at a time: each one-holder post with the nodes of the same body that
    share its label or title (resolution may keep 国务院总理 and 总理 of 国务院 apart), and with its acting form
    (代区长 with 区长) of the same body or, where neither names a body, when one official held both."""
    posts: dict[str, tuple[str, str | None]] = {}  # post -> (bare title, body node)
    for node, data in graph.nodes(data=True):
        if data.get("type") != "Post":
            continue
        title = data.get("title") or data.get("label") or ""
        if not title or is_shared_title(title):
            continue
        bodies = sorted(body for _, body, key in graph.out_edges(node, keys=True) if key == "postIn")
        posts[node] = (title, bodies[0] if bodies else None)
    parent = {post: post for post in posts}

    def root(post: str) -> str:
        while parent[post] != post:
            parent[post] = parent[parent[post]]
            post = parent[post]
        return post

    full_posts: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    same_post: dict[tuple[str, str], list[str]] = defaultdict(list)
    for post, (title, body) in posts.items():
        full_posts[(title, body)].append(post)
        if body is not None:  # one body's post written two ways (国务院总理 as 总理 of 国务院) is one seat
            same_post[(title, body)].append(post)
            same_post[(graph.nodes[post].get("label") or title, body)].append(post)
    for group in same_post.values():
        for post in group[1:]:
            parent[root(post)] = root(group[0])
    for acting, (title, body) in sorted(posts.items()):
        modifier, bare = split_modifier(title)
        if modifier not in ACTING:
            continue
        for full in full_posts.get((bare, body), ()):
            if body is not None or _holders(graph, acting) & _holders(graph, full):
                parent[root(full)] = root(acting)
    seats: dict[str, list[str]] = defaultdict(list)
    for post in posts:
        seats[root(post)].append(post)
    return sorted((sorted(group) for group in seats.values()), key=lambda g: g[0])


def _holders(graph: nx.MultiDiGraph, post: str) -> set[str]:
    return {official for official, _, key in graph.in_edges(post, keys=True) if key == "holds"}


def seat_mentions(holds: dict[State, dict], edges: dict[tuple[str, str], list[State]]) -> list[tuple[str, State]]:
    """Dated mentions of a seat as (ISO date, (official, form)), in date order; posts written as former are left
    out (a retrospective 原区长 says nothing about who holds the seat that day)."""
    found = []
    for state, members in edges.items():
        for edge in members:
            data = holds[edge]
            if data.get("past"):
                continue
            found += [(item["date"], state) for item in data.get("evidence") or () if item.get("date")]
            if not data.get("evidence"):  # a graph without evidence items: the two seen days stand for them
                found += [(data[attr], state) for attr in ("first_seen", "last_seen") if data.get(attr)]
    return sorted(found)


# ------------------------------------------------------------------------------------------------ segmentation


def change_penalty(mentions: int) -> float:
    """What a change of holder costs, in mentions it must explain: half a mention for a post seen a few times (a
    successor seen once at the end is a change), growing with the log of how often the post is mentioned (a
    national post reported daily needs several consistent mentions, not one misread sentence)."""
    return max(1, round(2 * math.log10(max(mentions, 1)))) / 2


def segment(mentions: Sequence[tuple[str, State]]) -> tuple[list[Run], float]:
    """The sequence of holders that best explains dated mentions of one seat, and the share it leaves unexplained.

    Dynamic programming over days: being in state s on a day costs the mentions of others that day; switching
    state costs ``change_penalty``. Ties keep the current holder (fewer changes) and then the earlier state.
    """
    by_day: dict[str, Counter[State]] = defaultdict(Counter)
    for day, state in mentions:
        by_day[day][state] += 1
    days = sorted(by_day)
    states = sorted({state for _, state in mentions})
    penalty = round(2 * change_penalty(len(mentions)))  # costs in half-mentions: integers, no float ties
    totals = [sum(by_day[day].values()) for day in days]
    cost = [2 * (totals[0] - by_day[days[0]][s]) for s in states]
    back: list[list[int]] = []
    for position in range(1, len(days)):
        best = min(range(len(states)), key=lambda i: (cost[i], i))
        counts, total = by_day[days[position]], totals[position]
        came = [i if cost[i] <= cost[best] + penalty else best for i in range(len(states))]
        cost = [min(cost[i], cost[best] + penalty) + 2 * (total - counts[state]) for i, state in enumerate(states)]
        back.append(came)
    current = min(range(len(states)), key=lambda i: (cost[i], i))
    path = [current]
    for came in reversed(back):
        current = came[current]
        path.append(current)
    path.reverse()
    unexplained = sum(totals[d] - by_day[day][states[path[d]]] for d, day in enumerate(days))
    runs: list[Run] = []
    start = 0
    for position in range(1, len(days) + 1):
        if position == len(days) or path[position] != path[start]:
            state = states[path[start]]
            held = [days[d] for d in range(start, position) if by_day[days[d]][state]]
            if held:
                mentioned = sum(by_day[days[d]][state] for d in range(start, position))
                runs.append(Run(state[0], state[1], held[0], held[-1], mentioned))
            start = position
    return _merge_adjacent(runs), unexplained / len(mentions)


def _merge_adjacent(runs: list[Run]) -> list[Run]:
    """Two runs of one holder with nothing of anyone else's between them are one run."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last and (last.official, last.form) == (run.official, run.form):
            merged[-1] = Run(run.official, run.form, last.first, run.last, last.mentions + run.mentions)
        else:
            merged.append(run)
    return merged


# ------------------------------------------------------------------------------------------------ edge dates


def _set_dates(data: dict, run: Run | None, successor_start: str | None, outvoted: bool = False) -> None:
    """Start and end of one holds edge from what is known, strongest evidence first."""
    if data.get("past") or outvoted:
        seen_start = seen_end = None  # a former post, or mentions the seat's holders outvote: no dates from them
    elif run is not None:
        seen_start, seen_end = run.first, run.last
    else:
        seen_start, seen_end = data.get("first_seen"), data.get("last_seen")
    stated_start = data.get("stated_start")
    if stated_start and seen_start and _iso(stated_start) > _days_after(_iso(seen_start), STATED_SLACK_DAYS):
        stated_start = None  # 李克强 re-appointed 国务院总理 on 2018-03-18, seen in the post since 2013: it began then
    start, start_basis = _pick((stated_start, "stated"), (seen_start, "seen"))
    end, end_basis = _pick((data.get("stated_end"), "stated"), (successor_start, "inferred"), (seen_end, "seen"))
    if start and end and end < start:  # never an end before the start: the stronger fact wins
        if end_basis == "stated" and start_basis != "stated":  # later mentions were retrospective
            first = data.get("first_seen")
            start, start_basis = (_iso(first), "seen") if first and _iso(first) <= end else (None, None)
        else:  # a successor or removal dated before this holder's own start: another tenure's end
            end, end_basis = (seen_end, "seen") if seen_end and _iso(seen_end) >= start else (None, None)
    data.update(start=start, start_basis=start_basis, end=end, end_basis=end_basis)


def _pick(*candidates: tuple[str | None, str]) -> tuple[str | None, str | None]:
    for value, basis in candidates:
        if value:
            return _iso(value), basis
    return None, None


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _evidence_on(data: dict, day: str) -> dict:
    """The evidence item of a holds edge dated closest to ``day`` (the sentence a reader checks)."""
    items = [item for item in data.get("evidence") or () if item.get("sentence")]
    if not items:
        return {"article": None, "sentence": "", "date": day}
    target = date.fromisoformat(day[:10]).toordinal()

    def distance(item: dict) -> tuple:
        when = item.get("date")
        gap = abs(date.fromisoformat(when[:10]).toordinal() - target) if when else 10**7
        return gap, when or "", item.get("article") or "", item.get("sentence") or ""

    return min(items, key=distance)

