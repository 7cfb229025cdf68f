"""The analyses as Markdown sections: report.md at build time and ``kg report``'s analytics.md.

Every list is bounded (``limit`` entries, the most substantial first, then shown in date order) so the report of
a 39,000-article corpus stays readable; the CSV files of ``kg report --csv`` hold everything. Text from the input
is escaped (``kg.report.md``).
"""

from __future__ import annotations

from collections import defaultdict

from kg.analyse.network import community_summary, top_pairs
from kg.analyse.overview import Analysis
from kg.analyse.slogans import SPREAD_DAYS
from kg.report import md

LIMIT = 30


def render_sections(analysis: Analysis, limit: int = LIMIT, level: int = 2) -> list[str]:
    """Markdown lines of every analysis section, headings at ``level``."""
    lines: list[str] = []
    for title, note, body in (
        ("Tenure changes", "A one-holder post passing to a successor, or from acting to full post (代区长 → 区长), "
         "dated by the successor's start; the predecessor's tenure ends that day unless a removal states another "
         "date.", tenure_changes(analysis, limit)),
        ("Stated appointments and removals", "Tenure starts and ends the text dates itself (任命, 当选, 免去, "
         "不再担任, 辞去 …).", stated(analysis, limit)),
        ("Posts whose holders could not be read", "One-holder posts whose mentions no single sequence of holders "
         "explains (holders alternate, or two posts share one label): no end is inferred for them.",
         ambiguous(analysis, limit)),
        ("Protocol order: regular meetings", "Series of comparable meetings (the same body's regular meetings) with "
         "a ranked list, and who is listed first most often; each meeting's order is in protocol_order.csv.",
         series(analysis, limit)),
        ("Protocol rank shifts", "Officials listed behind another until a date and ahead of them from then on, in "
         "lists of the same role (出席 with 出席); one odd list is noise, not a shift.", shifts(analysis, limit)),
        ("New slogans", f"Formulations first seen in {analysis.recent.describe()}, most quoted first.",
         new_slogans(analysis, limit)),
        ("Fastest-spreading slogans", f"Formulations new to the papers by how far they reached in their first "
         f"{SPREAD_DAYS} days (papers, then mentions).", fastest(analysis, limit)),
        ("Most quoted slogans", "By mentions (two or more), with where and by whom each was first seen.",
         most_quoted(analysis, limit)),
        ("Co-attendance", "Officials at the same meetings most often, and communities of officials who meet "
         "(Louvain modularity).", coattendance(analysis, limit)),
    ):
        lines += ["", f"{'#' * level} {title}", "", f"_{note}_", ""]
        lines += body or ["- none"]
    return lines


def _bounded(entries: list, total: int, limit: int, hint: str) -> list[str]:
    lines = [line for entry in entries for line in entry]
    if total > limit:
        lines.append(f"- … {total - limit} more: {hint}")
    return lines


def _evidence(item: dict, analysis: Analysis) -> str:
    sentence = item.get("sentence") or ""
    if not sentence:
        return ""
    article = analysis.graph.nodes.get(item.get("article")) or {}
    where = article.get("url") or article.get("source") or ""
    record = f":{article['record']}" if article.get("record") else ""
    return f"“{md(_clip(sentence))}” ({md(where + record)}, {item.get('date') or 'undated'})"


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def tenure_changes(a: Analysis, limit: int) -> list[str]:
    chosen = sorted(a.successions, key=lambda s: (-s.mentions, s.date, s.before_post))[:limit]
    entries = []
    for s in sorted(chosen, key=lambda s: (s.date, a.label(s.before_post), s.before)):
        before, after = md(a.label(s.before)), md(a.label(s.after))
        if s.before == s.after:
            change = f"{before}: {md(a.label(s.before_post))} → {md(a.label(s.after_post))}"
        else:
            change = f"{md(a.label(s.before_post))}: {before} → {after}"
            if a.label(s.before_post) != a.label(s.after_post):
                change += f" (as {md(a.label(s.after_post))})"
        start = "appointed" if s.date_basis == "stated" else "seen in post from"
        entry = [f"- {s.date} {change} — {before} last seen {s.last_seen_before}; {after} {start} {s.date}"]
        entry += [f"  - {text}" for text in (_evidence(item, a) for item in s.evidence) if text]
        entries.append(entry)
    return _bounded(entries, len(a.successions), limit, "tenure_changes.csv (kg report --csv)")


def stated(a: Analysis, limit: int) -> list[str]:
    chosen = a.stated[-limit:]
    entries = [[f"- {e['date']} {'took' if e['kind'] == 'start' else 'left'} {md(a.label(e['post']))}: "
                f"{md(a.label(e['official']))}", *([f"  - {text}"] if (text := _evidence(e["evidence"], a)) else [])]
               for e in chosen]
    return _bounded(entries, len(a.stated), limit, "tenure_stated.csv (kg report --csv)")


def ambiguous(a: Analysis, limit: int) -> list[str]:
    rows = sorted(a.tenures.ambiguous, key=lambda x: (-len(x["holders"]), x["posts"]))
    entries = []
    for item in rows[:limit]:
        posts = " / ".join(dict.fromkeys(md(a.label(p)) for p in item["posts"]))
        holders = "; ".join(f"{md(a.label(o))} {first}…{last}" for o, _, first, last in item["holders"][:8])
        entries.append([f"- {posts}: {md(item['reason'])} — {holders}"])
    return _bounded(entries, len(rows), limit, "see tenures.csv")


def series(a: Analysis, limit: int) -> list[str]:
    meetings: dict[tuple[str, str], set[str]] = defaultdict(set)
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    firsts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (name, group, _), items in a.series.items():
        for x in items:
            meetings[(name, group)].add(x.meeting)
            dates[(name, group)].append(x.date or "")
            if x.rank == 1:
                firsts[(name, group)][x.official] += 1
    ranked = sorted(meetings, key=lambda k: (-len(meetings[k]), k))
    entries = []
    for key in ranked[:limit]:
        top = sorted(firsts[key].items(), key=lambda item: (-item[1], item[0]))[:3]
        leaders = ", ".join(f"{md(a.label(o))} ({n})" for o, n in top)
        entries.append([f"- {md(key[0])} ({md(key[1])}): {len(meetings[key])} meetings, {min(dates[key])} … "
                        f"{max(dates[key])}; listed first: {leaders or 'nobody twice'}"])
    return _bounded(entries, len(ranked), limit, "rank_series.csv (kg report --csv)")


def shifts(a: Analysis, limit: int) -> list[str]:
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for s in a.shifts:
        grouped[(s.date, s.official)].append(s)
    keys = sorted(grouped, key=lambda k: (-sum(s.listed_before + s.listed_after for s in grouped[k]), k))[:limit]
    entries = []
    for day, official in sorted(keys):
        found = sorted(grouped[(day, official)], key=lambda s: a.label(s.other))
        others = ", ".join(f"{md(a.label(s.other))} (behind {s.behind_before}/{s.listed_before} before, ahead "
                           f"{s.ahead_after}/{s.listed_after} since)" for s in found)
        first = found[0]
        entry = [f"- {day} {md(a.label(official))} moved ahead of {others}; first at {md(a.label(first.meeting))}, "
                 f"old order last on {first.last_before}"]
        if text := _evidence(first.evidence, a):
            entry.append(f"  - {text}")
        entries.append(entry)
    return _bounded(entries, len(grouped), limit, "rank_shifts.csv (kg report --csv)")


def _slogan_line(a: Analysis, p, extra: str) -> list[str]:
    by = "、".join(md(a.label(o)) for o in p.first_by)
    line = (f"- “{md(p.label)}” first seen {p.first} in {md(p.first_paper or '?')}"
            f"{f' ({md(a.label(p.first_meeting))}, {by})' if by else ''}: {extra}")
    return [line] + ([f"  - “{md(_clip(p.first_sentence))}”"] if p.first_sentence else [])


def new_slogans(a: Analysis, limit: int) -> list[str]:
    entries = [_slogan_line(a, p, f"{p.mentions} mentions, {p.papers} papers") for p in a.new_slogans[:limit]]
    return _bounded(entries, len(a.new_slogans), limit, "slogans.csv (kg report --csv)")


def fastest(a: Analysis, limit: int) -> list[str]:
    entries = [_slogan_line(a, p, f"{p.early_mentions} mentions in {p.early_papers} papers in its first "
                                  f"{p.spread_days} days, {p.mentions} in all") for p in a.fastest[:limit]]
    return _bounded(entries, len(a.fastest), limit, "slogans.csv (kg report --csv)")


def most_quoted(a: Analysis, limit: int) -> list[str]:
    ranked = sorted((p for p in a.profiles.values() if p.mentions >= 2),
                    key=lambda p: (-p.mentions, p.first or "", p.label))
    entries = []
    for p in ranked[:limit]:
        peak = max(p.monthly.items(), key=lambda item: (item[1], item[0])) if p.monthly else ("", 0)
        entries.append(_slogan_line(a, p, f"{p.mentions} mentions, {p.papers} papers, most in {peak[0]} "
                                          f"({peak[1]})")[:1])
    return _bounded(entries, len(ranked), limit, "slogans.csv and slogan_monthly.csv (kg report --csv)")


def coattendance(a: Analysis, limit: int) -> list[str]:
    pairs = top_pairs(a.network, limit)
    lines = [f"- {md(a.label(x))} and {md(a.label(y))}: {w} meetings" for x, y, w in pairs]
    if a.network.number_of_edges() > limit:
        lines.append(f"- … {a.network.number_of_edges() - limit} more pairs: coattendance.csv (kg report --csv)")
    summary = community_summary(a.network, a.communities)
    lines += [f"- community {c['community'] + 1} ({c['members']} officials): "
              + "、".join(md(name) for name in c["core"]) for c in summary[:min(limit, 10)]]
    if len(summary) > 10:
        lines.append(f"- … {len(summary) - 10} smaller communities: communities.csv (kg report --csv)")
    return lines
