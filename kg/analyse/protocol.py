"""Protocol order: the order officials are listed in at each meeting, and who moved ahead of whom over time.

Papers list officials by rank, within each role: the chair (主持), those present (出席), those attending without a
vote (列席), those accompanying (陪同) … An official's position in such a list, meeting after meeting, is their
protocol rank; a change in who is listed ahead of whom is a promotion or demotion the papers never announce.

Ranks are compared only within one role group of one meeting (a 出席 list with a 出席 list, never 主持 with 出席).
Pairs are the robust unit: "A was listed behind B at every meeting until D, ahead of B at every meeting since" is
a shift whatever else changed in the lists (people joining, leaving, extraction missing a name).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

PARTICIPATION = ("chaired", "attended")
# a written role -> its group: 出席会议 is 出席; front-row seats rank above the rest of the platform
_ROLE_PREFIXES = (("主持", "主持"), ("出席", "出席"), ("参加", "参加"), ("列席", "列席"), ("陪同", "陪同"),
                  ("会见", "会见"), ("在主席台前排就座", "前排就座"), ("前排就座", "前排就座"),
                  ("在主席台就座", "就座"), ("就座", "就座"), ("在座", "就座"))
_SERIES_NOISE = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{4}年|[（(]扩大[）)]|第?[0-9一二三四五六七八九十百零〇两]+(?:届|次|期|号)|"
    r"[0-9０-９]+|[（(][^）)]*[）)]|\s+")
MAX_LIST = 60  # a roll of more names than this (a plenary's deputies) is not a ranked list


@dataclass(frozen=True)
class Listing:
    """One official's place in one role group of one meeting."""

    meeting: str
    date: str | None
    series: str  # which regular meetings this one is comparable with
    group: str  # role group: 主持, 出席, 列席 …
    official: str
    rank: int  # 1 = listed first in the group
    size: int  # officials in the group
    role: str  # the verb as written


@dataclass(frozen=True)
class RankShift:
    """``official`` was listed behind ``other`` before ``date`` and ahead of them from ``date`` on."""

    official: str
    other: str
    date: str  # the first meeting of the new order
    meeting: str
    behind_before: int  # co-listings before ``date`` with official behind …
    listed_before: int  # … out of these
    ahead_after: int  # co-listings from ``date`` on with official ahead …
    listed_after: int  # … out of these
    first: str  # first and last co-listing dates
    last: str
    last_before: str  # the last meeting of the old order
    evidence: dict  # the first meeting's evidence item for the official (article, sentence, date)


def role_group(role: str | None) -> str:
    """The group a written role belongs to (出席会议 → 出席, 在主席台前排就座 → 前排就座); others as written."""
    role = (role or "").strip()
    for prefix, group in _ROLE_PREFIXES:
        if role.startswith(prefix):
            return group
    return role or "?"


def meeting_series(graph: nx.MultiDiGraph, meeting: str, names: set[str] | None = None) -> str:
    """A key shared by the same body's regular meetings: the organiser when the graph names one, else the label
    without numbers, sessions, dates, brackets and a leading official's name (李克强国务院常务会议 → 国务院常务会议).
    ``names``: labels of the graph's officials (default: those taking part in the meeting)."""
    organisers = sorted(graph.nodes[body].get("label", body) for _, body, key in graph.out_edges(meeting, keys=True)
                        if key == "organizedBy")
    label = graph.nodes[meeting].get("label") or ""
    if names is None:
        names = {graph.nodes[person].get("label") or "" for person, _, key in graph.in_edges(meeting, keys=True)
                 if key in PARTICIPATION}
    for length in (4, 3, 2):
        if label[:length] in names and len(label) >= length + 2:
            label = label[length:]
            break
    core = _SERIES_NOISE.sub("", label) or label
    return f"{organisers[0]}:{core}" if organisers else core


def meeting_order(graph: nx.MultiDiGraph, meeting: str) -> list[tuple[str, list[str]]]:
    """The meeting's officials by role group, each group in listing order, groups in the order they are written."""
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for official, (order, role) in _placings(graph, meeting).items():
        groups[role_group(role)].append((order, official))
    ordered = sorted(groups.items(), key=lambda item: (min(item[1])[0], item[0]))
    return [(group, [official for _, official in sorted(members)]) for group, members in ordered]


def listings(graph: nx.MultiDiGraph, meetings: Iterable[str] | None = None) -> list[Listing]:
    """Every official's place in every role group of every meeting (or of ``meetings``), by date then meeting."""
    chosen = meetings if meetings is not None else [
        n for n, data in graph.nodes(data=True) if data.get("type") == "Meeting"]
    names = {data.get("label") or "" for _, data in graph.nodes(data=True) if data.get("type") == "Official"}
    found: list[Listing] = []
    for meeting in chosen:
        placings = _placings(graph, meeting)
        if not placings:
            continue
        series, day = meeting_series(graph, meeting, names), graph.nodes[meeting].get("date")
        groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for official, (order, role) in placings.items():
            groups[role_group(role)].append((order, official, role))
        for group, members in groups.items():
            members.sort()
            found += [Listing(meeting, day, series, group, official, rank, len(members), role)
                      for rank, (_, official, role) in enumerate(members, start=1)]
    found.sort(key=lambda x: (x.date or "", x.meeting, x.group, x.rank))
    return found


def rank_series(found: Iterable[Listing], min_meetings: int = 3) -> dict[tuple[str, str, str], list[Listing]]:
    """(series, group, official) -> that official's listings in date order, for series of at least ``min_meetings``
    dated meetings with a ranked list (two or more names in the group)."""
    meetings: dict[tuple[str, str], set[str]] = defaultdict(set)
    series: dict[tuple[str, str, str], list[Listing]] = defaultdict(list)
    for listing in found:
        if listing.date and listing.size >= 2:
            meetings[(listing.series, listing.group)].add(listing.meeting)
            series[(listing.series, listing.group, listing.official)].append(listing)
    return {key: sorted(items, key=lambda x: (x.date or "", x.meeting)) for key, items in sorted(series.items())
            if len(meetings[key[:2]]) >= min_meetings}


def rank_shifts(graph: nx.MultiDiGraph, found: Iterable[Listing] | None = None, *, min_support: int = 3,
                agreement: float = 0.8) -> list[RankShift]:
    """Pairs of officials whose order in shared lists flipped and stayed flipped.

    For each pair listed together in one role group at ``2 × min_support`` or more dated meetings, the split in time
    that best separates "A behind B" from "A ahead of B"; kept when each side has ``min_support`` meetings and at
    least ``agreement`` of them agree. One odd list (a name misplaced, a special occasion) is noise, not a shift.
    """
    found = listings(graph) if found is None else found
    by_group: dict[tuple[str, str], list[Listing]] = defaultdict(list)
    for listing in found:
        if listing.date and 2 <= listing.size <= MAX_LIST:
            by_group[(listing.meeting, listing.group)].append(listing)
    pairs: dict[tuple[str, str], list[tuple[str, str, bool]]] = defaultdict(list)
    for (meeting, _), members in by_group.items():
        members.sort(key=lambda x: x.rank)
        for first, second in combinations(members, 2):
            a, b = sorted((first.official, second.official))
            pairs[(a, b)].append((first.date or "", meeting, first.official == a))  # True: a listed ahead of b
    shifts = []
    for (a, b), seen in pairs.items():
        if len(seen) < 2 * min_support:
            continue
        seen.sort()
        for mover, other, ahead in ((a, b, True), (b, a, False)):
            shift = _best_split(graph, seen, mover, other, ahead, min_support, agreement)
            if shift:
                shifts.append(shift)
    shifts.sort(key=lambda s: (s.date, s.official, s.other))
    return shifts


def _best_split(graph: nx.MultiDiGraph, seen: list[tuple[str, str, bool]], mover: str, other: str, ahead: bool,
                min_support: int, agreement: float) -> RankShift | None:
    """The date from which ``mover`` is ahead of ``other`` (having been behind), if the lists say so clearly."""
    flags = [flag == ahead for _, _, flag in seen]  # True: mover ahead at that meeting
    total_ahead = sum(flags)
    best, best_score = None, -1
    ahead_before = 0
    for split in range(1, len(seen)):
        ahead_before += flags[split - 1]
        if seen[split][0] == seen[split - 1][0]:
            continue  # a split falls between days, never inside one
        behind_before = split - ahead_before
        ahead_after = total_ahead - ahead_before
        score = behind_before + ahead_after
        if score > best_score:
            best, best_score = (split, behind_before, ahead_after), score
    if best is None:
        return None
    split, behind_before, ahead_after = best
    listed_after = len(seen) - split
    if (behind_before < min_support or ahead_after < min_support or behind_before < agreement * split
            or ahead_after < agreement * listed_after):
        return None
    day, meeting, _ = seen[split]
    return RankShift(mover, other, day, meeting, behind_before, split, ahead_after, listed_after, seen[0][0],
                     seen[-1][0], seen[split - 1][0], _evidence(graph, mover, meeting))


def _placings(graph: nx.MultiDiGraph, meeting: str) -> dict[str, tuple[int, str]]:
    """Official -> (listing order, role as written) at one meeting; a chair's two edges give one placing."""
    found: dict[str, tuple[int, str]] = {}
    for official, _, key, data in graph.in_edges(meeting, keys=True, data=True):
        if key not in PARTICIPATION or graph.nodes[official].get("type") != "Official":
            continue
        order = data.get("order")
        placing = (order if isinstance(order, int) else 10**6, data.get("role") or "")
        if official not in found or placing < found[official]:
            found[official] = placing
    return found


def _evidence(graph: nx.MultiDiGraph, official: str, meeting: str) -> dict:
    for key in ("attended", "chaired"):
        data = graph.get_edge_data(official, meeting, key)
        if data and data.get("evidence"):
            return data["evidence"][0]
    return {"article": None, "sentence": "", "date": graph.nodes[meeting].get("date")}
