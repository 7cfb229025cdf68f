"""The analyses as CSV files for spreadsheets: one file per table, UTF-8 with a byte-order mark (so Excel shows
Chinese), sorted rows, node ids in the last columns for joining tables."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from kg.analyse.network import community_rows, top_pairs
from kg.analyse.overview import Analysis
from kg.analyse.slogans import SPREAD_DAYS, monthly_rows
from kg.analyse.tenures import tenure_rows
from kg.atomic import atomic_open


def write_csv(path: Path, rows: Sequence[dict], columns: Sequence[str]) -> Path:
    with atomic_open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def tables(analysis: Analysis) -> dict[str, tuple[list[dict], list[str]]]:
    """File name -> (rows, columns) of every table."""
    a, label = analysis, analysis.label
    tenure = [r for r in tenure_rows(a.graph)
              if a.period.is_open or a.period.contains(r["start"] or None) or a.period.contains(r["end"] or None)]
    changes = [{"date": s.date, "post": label(s.before_post), "before": label(s.before), "after": label(s.after),
                "after_post": label(s.after_post), "end_basis": "inferred", "successor_start_basis": s.date_basis,
                "last_seen_before": s.last_seen_before, "mentions": s.mentions,
                "evidence_before": s.evidence[0].get("sentence", ""),
                "evidence_after": s.evidence[1].get("sentence", ""),
                "before_id": s.before, "after_id": s.after, "post_id": s.before_post}
               for s in a.successions]
    stated = [{"date": e["date"], "kind": e["kind"], "official": label(e["official"]), "post": label(e["post"]),
               "evidence": e["evidence"].get("sentence", ""), "article": e["evidence"].get("article") or "",
               "official_id": e["official"], "post_id": e["post"]} for e in a.stated]
    order = [{"date": x.date or "", "meeting": label(x.meeting), "series": x.series, "group": x.group,
              "rank": x.rank, "size": x.size, "official": label(x.official), "role": x.role,
              "meeting_id": x.meeting, "official_id": x.official} for x in a.listings]
    series = [{"series": key[0], "group": key[1], "official": label(key[2]), "date": x.date or "", "rank": x.rank,
               "size": x.size, "meeting": label(x.meeting), "official_id": key[2], "meeting_id": x.meeting}
              for key, items in a.series.items() for x in items]
    shifts = [{"date": s.date, "official": label(s.official), "moved_ahead_of": label(s.other),
               "behind_before": s.behind_before, "listed_before": s.listed_before, "ahead_after": s.ahead_after,
               "listed_after": s.listed_after, "last_old_order": s.last_before, "first_listed": s.first,
               "last_listed": s.last, "meeting": label(s.meeting), "evidence": s.evidence.get("sentence", ""),
               "official_id": s.official, "other_id": s.other, "meeting_id": s.meeting} for s in a.shifts]
    spread = SPREAD_DAYS
    slogans = [{"slogan": p.label, "first_seen": p.first or "", "first_paper": p.first_paper or "",
                "first_by": "、".join(label(o) for o in p.first_by), "first_meeting": label(p.first_meeting),
                "mentions": p.mentions, "articles": p.articles, "meetings": p.meetings, "papers": p.papers,
                f"mentions_first_{spread}_days": p.early_mentions, f"papers_first_{spread}_days": p.early_papers,
                "first_sentence": p.first_sentence,
                "slogan_id": p.slogan}
               for p in sorted(a.profiles.values(), key=lambda p: (p.first or "", p.label))]
    pairs = [{"official_a": label(x), "official_b": label(y), "meetings": w, "official_a_id": x, "official_b_id": y}
             for x, y, w in top_pairs(a.network, limit=a.network.number_of_edges())]
    return {
        "tenures.csv": (tenure, ["official", "post", "body", "start", "start_basis", "end", "end_basis",
                                 "first_seen", "last_seen", "stated_start", "stated_end", "past", "mentions",
                                 "official_id", "post_id"]),
        "tenure_changes.csv": (changes, ["date", "post", "before", "after", "after_post", "end_basis",
                                         "successor_start_basis", "last_seen_before", "mentions", "evidence_before",
                                         "evidence_after", "before_id", "after_id", "post_id"]),
        "tenure_stated.csv": (stated, ["date", "kind", "official", "post", "evidence", "article", "official_id",
                                       "post_id"]),
        "protocol_order.csv": (order, ["date", "meeting", "series", "group", "rank", "size", "official", "role",
                                       "meeting_id", "official_id"]),
        "rank_series.csv": (series, ["series", "group", "official", "date", "rank", "size", "meeting",
                                     "official_id", "meeting_id"]),
        "rank_shifts.csv": (shifts, ["date", "official", "moved_ahead_of", "behind_before", "listed_before",
                                     "ahead_after", "listed_after", "last_old_order", "first_listed", "last_listed",
                                     "meeting", "evidence", "official_id", "other_id", "meeting_id"]),
        "slogans.csv": (slogans, ["slogan", "first_seen", "first_paper", "first_by", "first_meeting", "mentions",
                                  "articles", "meetings", "papers", f"mentions_first_{spread}_days",
                                  f"papers_first_{spread}_days", "first_sentence", "slogan_id"]),
        "slogan_monthly.csv": (monthly_rows(a.profiles, a.period), ["slogan", "month", "mentions", "papers"]),
        "coattendance.csv": (pairs, ["official_a", "official_b", "meetings", "official_a_id", "official_b_id"]),
        "communities.csv": (community_rows(a.network, a.communities),
                            ["official", "community", "strength", "partners", "official_id"]),
    }


def write_tables(analysis: Analysis, folder: str | Path) -> dict[str, int]:
    """Write every table into ``folder``; returns file name -> rows written."""
    folder = Path(folder)
    written = {}
    for name, (rows, columns) in tables(analysis).items():
        write_csv(folder / name, rows, columns)
        written[name] = len(rows)
    return written
