"""Stage 5, resolve: decide which mentions name the same official, body or post.

Identity rules, applied on every build in this order (each decision that is not obvious is listed with its
evidence in OUT/report.md, so a reader can check it and overrule it in the curation file):

1. Scope. A name is unique within a scope: the ``--locality`` option, else the paper (masthead), else the
   paper of the other issues in the same directory (or of the whole build) when that is unambiguous.
2. Curation (``kg build --curation FILE``) comes first: name and post corrections, merges, splits.
3. One name in one scope, but posts in unrelated local bodies at overlapping times: two people.
4. Variants: names one edit apart (same surname) holding the same post close in time and never named
   together are one person; the variant becomes an alias. Similarity alone never merges.
5. One name in two scopes is one person only when both hold the same post of a named body (苏州市委书记).

Bodies: 区政协 in a 吴江区 paper is keyed 吴江区政协 (the label stays as written, the qualified name becomes an
alias); an abbreviation written after its full name in the same article (省计量院 after
江苏省计量科学研究院) is the same body throughout that scope.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.model import ArticleExtraction
from kg.resolve.bodies import _written_bodies, find_short_forms, resolve_bodies
from kg.resolve.common import (
    TextOf,
    article_text,
    closest_gap,
    describe_edit,
    is_shared_title,
    one_edit_apart,
    seen_date,
    split_modifier,
)
from kg.resolve.curation import Curation, apply_corrections
from kg.resolve.people import (
    _Cluster,
    _Mention,
    _People,
    collect_mentions,
    join_across_scopes,
    join_variants,
    split_cluster,
)
from kg.resolve.places import Locality, assign_papers, assign_scopes, infer_locality, parse_locality, scope_localities
from kg.resolve.tenures import personnel_changes

# ------------------------------------------------------------------------------------------------ result


__all__ = ["Curation", "Locality", "Resolved", "TextOf", "article_text", "closest_gap", "describe_edit",
           "find_short_forms", "infer_locality", "is_shared_title", "one_edit_apart", "parse_locality", "resolve",
           "seen_date", "split_modifier"]


@dataclass
class Resolved:
    extractions: list[ArticleExtraction]
    official_of: dict[tuple[str, str], str]  # (article id, name as written) -> canonical key
    display_name: dict[str, str]  # canonical key -> label
    aliases: dict[str, set[str]]
    dropped: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    body_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (article id, body as written) -> key
    body_label: dict[str, str] = field(default_factory=dict)
    body_aliases: dict[str, set[str]] = field(default_factory=dict)
    post_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (article id, post label) -> key
    post_label: dict[str, str] = field(default_factory=dict)
    post_aliases: dict[str, set[str]] = field(default_factory=dict)
    scope_of: dict[str, str] = field(default_factory=dict)  # article id -> scope
    paper_of: dict[str, str | None] = field(default_factory=dict)  # article id -> paper (inferred if unnamed)
    locality_of: dict[str, Locality] = field(default_factory=dict)  # scope -> place hierarchy

    def body_key(self, article_id: str, label: str) -> str:
        """Graph key of a body as written in an article (the label itself when resolve never saw it)."""
        return self.body_of.get((article_id, label), label)

    def post_key(self, article_id: str, label: str) -> str:
        return self.post_of.get((article_id, label), label)



# ------------------------------------------------------------------------------------------------ resolve


def resolve(extractions: list[ArticleExtraction], curation: Curation | None = None,
            locality: str | None = None, text_of: TextOf = article_text) -> Resolved:
    """Mentions -> identities of officials, bodies and posts, plus the review report (see the module doc).

    ``text_of`` gives an article's text; ``kg.build`` passes one that reads texts it has moved to disk.
    """
    curation = curation or Curation()
    locality = locality or curation.locality
    unique: dict[str, ArticleExtraction] = {}
    for ex in extractions:
        unique.setdefault(ex.article.id, ex)  # a reprinted article is one article
    raw = list(unique.values())
    kept = apply_corrections(raw, curation)

    papers = assign_papers(kept, curation)
    scopes = assign_scopes(kept, papers, locality)
    localities = scope_localities(kept, papers, scopes, locality, curation, text_of)
    table = resolve_bodies(kept, scopes, localities, curation, text_of)
    mentions, together = collect_mentions(kept, scopes, table, curation)

    by_name: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_name[(m.scope, m.name)].append(m)
    clusters: list[_Cluster] = []
    duplicates: list[dict] = list(table.review)
    for scope, name in sorted(by_name):
        whole = _Cluster(name, scope, "", tuple(by_name[(scope, name)]))
        parts, review = split_cluster(whole, curation, table, localities[scope])
        clusters += parts
        duplicates += review

    people = _People(clusters, together)
    merged, doubtful = join_variants(people, curation, table)
    across, apart = join_across_scopes(people, curation, table)
    duplicates += doubtful + apart

    official_of: dict[tuple[str, str], str] = {}
    display: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    groups: list[tuple[str, list[_Cluster]]] = []
    for group in people.groups():
        head = min(group, key=lambda c: c.rank)
        key = head.key
        display[key] = head.name
        names = {n for c in group for n in c.written} | {c.name for c in group}
        aliases[key] = (names | set(curation.aliases.get(head.name, []))) - {head.name}
        for c in group:
            for m in c.mentions:
                official_of[(m.article, m.written)] = key
        groups.append((key, [head] + [c for c in group if c is not head]))

    curated = _curated_merges(mentions, curation)
    changes, tenure, alternating = personnel_changes(groups, table)
    duplicates += alternating
    unresolved = _unresolved(groups)
    report = {"changes": changes, "duplicates": duplicates, "merged": curated + merged + across,
              "unresolved": unresolved, "tenure": tenure,
              "scopes": _scope_notes(kept, papers, scopes, localities)}
    resolved = Resolved(extractions=kept, official_of=official_of, display_name=display, aliases=aliases,
                        dropped=set(curation.drop), report=report,
                        warnings=_unused_curation(curation, raw, mentions),
                        body_of=table.body_of, post_of=table.post_of, scope_of=scopes, paper_of=papers,
                        locality_of=localities)
    resolved.body_label = {key: table.body_label(key) for key in table.body_forms}
    resolved.body_aliases = {key: table.body_aliases(key) for key in table.body_forms}
    resolved.post_label = {key: table.post_label(key) for key in table.post_forms}
    resolved.post_aliases = {key: set(forms) - {table.post_label(key)} for key, forms in table.post_forms.items()}
    return resolved


def _curated_merges(mentions: list[_Mention], curation: Curation) -> list[dict]:
    """The names read as another: by the curation file, or as another spelling of a joined name (劳尔-卡斯特罗)."""
    seen = sorted({(m.written, m.name, m.scope) for m in mentions if m.written != m.name})
    return [{"summary": f"{written} → {name} ({scope})", "variant": written, "into": name, "scope": scope,
             "merged": True, "evidence": [_merge_reason(written, curation)]}
            for written, name, scope in seen]


def _merge_reason(written: str, curation: Curation) -> str:
    if written in curation.merges:
        return "stated in the curation file (merge)"
    return "the same name with its parts joined by a dash instead of a middle dot"


def _unresolved(groups: list[tuple[str, list[_Cluster]]]) -> list[dict]:
    """People known by name only (no post anywhere): their identity rests on the name within one scope."""
    bare: dict[str, list[str]] = defaultdict(list)
    for _, clusters in groups:
        if not any(c.posts for c in clusters):
            head = clusters[0]
            count = len(set().union(*(c.articles for c in clusters)))
            bare[head.scope].append(f"{head.name} ({count})")
    return [{"summary": f"{scope}: no post seen for " + "、".join(sorted(names)),
             "evidence": ["number of articles in brackets; add posts by hand or drop with not_people"]}
            for scope, names in sorted(bare.items())]


def _scope_notes(kept: list[ArticleExtraction], papers: dict[str, str | None], scopes: dict[str, str],
                 localities: dict[str, Locality]) -> list[dict]:
    notes = []
    for scope in sorted(set(scopes.values())):
        articles = [ex for ex in kept if scopes[ex.article.id] == scope]
        guessed = sorted({ex.article.source for ex in articles if not ex.article.paper and papers[ex.article.id]})
        place = " / ".join(localities[scope].places()) or "unknown"
        evidence = [f"paper taken for {src} (no masthead): same directory or build" for src in guessed]
        notes.append({"summary": f"{scope}: {len(articles)} articles; places {place}", "evidence": evidence})
    return notes


def _unused_curation(curation: Curation, raw: list[ArticleExtraction], mentions: list[_Mention]) -> list[str]:
    """Curation entries that matched nothing: likely a typo in the file, or input that changed."""
    if curation == Curation():
        return []
    written = {p.name for ex in raw for p in ex.people} | {p.name for ex in raw for p in ex.participations}
    written |= {r.label for ex in raw for r in ex.references if r.target_type == "Official"}
    posts = {x.label for ex in raw for p in ex.people for x in p.posts}
    bodies = set().union(*(_written_bodies(ex) for ex in raw)) if raw else set()
    found = {m.written for m in mentions} | curation.drop
    names = {m.name for m in mentions}
    problems = [f"curation: merge name {n!r} not found" for n in sorted(curation.merges) if n not in found]
    problems += [f"curation: alias target {n!r} not found" for n in sorted(curation.aliases) if n not in names]
    problems += [f"curation: split name {n!r} not found" for n in sorted(curation.splits) if n not in names]
    problems += [f"curation: not_people name {n!r} not found" for n in sorted(curation.drop) if n not in written]
    problems += [f"curation: not_merge pair {sorted(pair)} not found" for pair in sorted(curation.not_merge, key=sorted)
                 if not pair <= names]
    problems += [f"curation: name correction {n!r} not found" for n in sorted(curation.name_fixes) if n not in written]
    problems += [f"curation: post correction {n!r} not found" for n in sorted(curation.post_fixes) if n not in posts]
    problems += [f"curation: body {n!r} not found" for n in sorted(curation.body_aliases) if n not in bodies]
    return problems

