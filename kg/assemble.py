"""Stage 6, assemble: resolved mentions -> one networkx MultiDiGraph (the contract in kg.model).

Node ids are IRIs minted from stable keys, so the same input gives the same graph on every run.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date

import networkx as nx

from kg.iri import mint
from kg.model import ArticleExtraction
from kg.resolve import Resolved, seen_date


def _iso(value: date | None) -> str | None:
    """The ISO day, one string per value (2012-2019 names 2,752 days 77,000 times)."""
    return sys.intern(value.isoformat()) if value else None


class _Builder:
    """Adds nodes and edges to a networkx graph, keeping its attribute dicts at hand by id.

    Every node and edge is touched once per mention (180,000 times for 10,000 articles); networkx's views cost
    more per touch than the rest of assembly, so they are used once per new node or edge, not per mention.
    """

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple[str, str, str], dict] = {}
        # evidence names its article, and each article is added once, so a repeat can only come from the article
        # being added: its markers are all that is kept (a set per edge was 30 MB of 2012-2019's assembly peak)
        self._article_evidence: set[tuple] = set()
        # the article's evidence items by value: the edges one sentence gives (a list of attendees, a post and its
        # body) share one item, which nothing changes once made (58,000 items for 138,000 on 2012-2019)
        self._article_items: dict[tuple, dict] = {}

    def next_article(self) -> None:
        """Evidence from here on comes from another article: it cannot repeat what was added so far."""
        self._article_evidence.clear()
        self._article_items.clear()

    def evidence(self, article: str, sentence: str, day: str | None) -> dict:
        """The evidence item {"article", "sentence", "date"} of the article being added (one per value)."""
        key = (article, sentence, day)
        item = self._article_items.get(key)
        if item is None:
            item = self._article_items[key] = {"article": article, "sentence": sentence, "date": day}
        return item

    def node(self, node_type: str, key: str, label: str, **attrs: object) -> str:
        node_id = mint(node_type, key)
        data = self.nodes.get(node_id)
        if data is None:
            self.graph.add_node(node_id, type=node_type, label=label, aliases=[], **attrs)
            self.nodes[node_id] = self.graph.nodes[node_id]
        elif attrs:
            for name, value in attrs.items():
                if data.get(name) in (None, "", []):
                    data[name] = value
        return node_id

    def edge(self, source: str, target: str, rel: str, evidence: dict, **attrs: object) -> None:
        # repeated evidence (one sentence naming the same pair twice) is kept out in O(1), however often an edge
        # is cited (slogans: thousands of times)
        key = (source, target, rel)
        marker = (key, evidence["article"], evidence["sentence"], evidence["date"])
        data = self.edges.get(key)
        if data is None:
            self.graph.add_edge(source, target, key=rel, rel=rel, evidence=[evidence], **attrs)
            self.edges[key] = self.graph[source][target][rel]
            self._article_evidence.add(marker)
            return
        if marker not in self._article_evidence:
            self._article_evidence.add(marker)
            data["evidence"].append(evidence)
        for name in ("first_seen", "last_seen"):
            if attrs.get(name):
                old = data.get(name)
                pick = min if name == "first_seen" else max
                data[name] = pick(old, attrs[name]) if old else attrs[name]


HISTORY_DAYS = 366  # a 任免 the text dates more than a year before the report is history, not news


def _hold(b: _Builder, official: str, post: str, evidence: dict, seen: str | None, tense: str,
          stated: str | None = None) -> None:
    """A holds edge from one mention: a post written as former (时任, 原, 前) dates nothing and marks the edge past
    while no mention says otherwise; an appointment or removal report states a start or an end, on the day the text
    gives it (1983年6月…任) or else on the report's day. A history dated long before the report is a past post."""
    if stated and seen and tense in ("start", "end") and \
            (date.fromisoformat(seen) - date.fromisoformat(stated)).days > HISTORY_DAYS:
        seen_day, past = stated, True  # 1983年6月，李鹏同志任国务院副总理: history, not the news of the day
    else:
        seen_day, past = stated or seen, tense == "past"
    b.edge(official, post, "holds", evidence, first_seen=None if past else seen, last_seen=None if past else seen)
    data = b.edges[(official, post, "holds")]
    data["past"] = data.get("past", True) and past
    for attr, applies in (("stated_start", tense == "start"), ("stated_end", tense == "end")):
        if applies and seen_day:
            old = data.get(attr)
            data[attr] = (min if attr == "stated_start" else max)(old, seen_day) if old else seen_day


def assemble(resolved: Resolved, *, release: bool = False) -> nx.MultiDiGraph:
    """The graph of the resolved extractions, article by article in their order.

    ``release``: take each extraction out of ``resolved.extractions`` (left empty) as soon as its article is in
    the graph. Where nothing else holds them (``kg.build``) the mentions are freed while the graph grows, so the
    two are never both whole in memory: on four copies of 2012-2019 that was most of the build's peak.
    """
    builder = _Builder()
    if release:
        pending = resolved.extractions
        pending.reverse()  # popped from the end: the same order, and the list gives each one up as it goes
        while pending:
            _add_article(builder, pending.pop(), resolved)
    else:
        for ex in resolved.extractions:
            _add_article(builder, ex, resolved)
    nodes = builder.nodes
    for node_type, table in (("Official", resolved.aliases), ("Body", resolved.body_aliases),
                             ("Post", resolved.post_aliases)):
        for key, names in table.items():
            data = nodes.get(mint(node_type, key))
            if data is not None:
                data["aliases"] = sorted(names)
    posts: dict[str, list[str]] = defaultdict(list)
    citations: dict[str, list[dict]] = defaultdict(list)
    for (source, target, rel), data in builder.edges.items():
        if rel == "holds":
            posts[source].append(nodes[target]["label"])
        elif nodes[target]["type"] == "Slogan":
            citations[target].append(data)
    for node_id, data in nodes.items():
        if data["type"] in ("Official", "Reporter"):
            data["posts"] = sorted(posts.get(node_id, []))
        elif data["type"] == "Slogan":
            dates = [ev["date"] for edge in citations[node_id] for ev in edge["evidence"] if ev["date"]]
            data["first_seen"] = min(dates) if dates else None
            data["count"] = len(citations[node_id])
    return builder.graph


def _add_article(b: _Builder, ex: ArticleExtraction, resolved: Resolved) -> None:
    b.next_article()
    art = ex.article
    article_id = b.node("Article", art.id, art.headline or f"{art.source}#{art.index + 1}", source=art.source,
                        record=art.record, pub_date=_iso(art.pub_date) if art.date_origin != "inferred" else None,
                        headline=art.headline, reporters=list(art.reporters), paper=art.paper, url=art.url)
    for reporter in art.reporters:
        paper = resolved.paper_of.get(art.id, art.paper)  # an issue without a masthead: its inferred paper
        rid = b.node("Reporter", f"{reporter}\x1f{paper or ''}", reporter, posts=[])
        b.edge(rid, article_id, "wrote", b.evidence(article_id, art.headline or "", None))
    seen = _iso(seen_date(ex))

    officials: dict[str, str | None] = {}  # an official is named several times in one article
    bodies: dict[str, str] = {}

    def official(name: str) -> str | None:
        if name not in officials:
            key = resolved.official_of.get((art.id, name))
            officials[name] = None if key is None else b.node("Official", key, resolved.display_name[key], posts=[])
        return officials[name]

    def body(name: str) -> str:
        if name not in bodies:
            key = resolved.body_key(art.id, name)
            bodies[name] = b.node("Body", key, resolved.body_label.get(key, name))
        return bodies[name]

    for person in ex.people:
        oid = official(person.name)
        if oid is None:
            continue
        for post in person.posts:
            key = resolved.post_key(art.id, post.label)
            pid = b.node("Post", key, resolved.post_label.get(key, post.label), title=post.title, body=post.body)
            evidence = b.evidence(article_id, person.sentence, seen)
            _hold(b, oid, pid, evidence, seen, post.tense, post.stated)
            if post.body:
                b.edge(pid, body(post.body), "postIn", evidence)

    meeting_ids: dict[int, str] = {}
    for meeting in ex.meetings:
        mid = b.node("Meeting", f"{meeting.label}\x1f{art.id}\x1f{meeting.key}", meeting.label,
                     date=_iso(meeting.date), kind=meeting.kind, article=article_id,
                     date_basis=meeting.date_basis if meeting.date else None)
        meeting_ids[meeting.key] = mid
        if meeting.aliases:
            known = b.graph.nodes[mid]["aliases"]
            known.extend(a for a in meeting.aliases if a not in known and a != meeting.label)
        evidence = b.evidence(article_id, meeting.sentence, _iso(meeting.date))
        b.edge(mid, article_id, "reportedIn", evidence)
        if meeting.organiser:
            b.edge(mid, body(meeting.organiser), "organizedBy", evidence)

    for part in ex.participations:
        mid = meeting_ids[part.meeting]
        if part.is_body:
            source = body(part.name)
        else:
            source = official(part.name)
            if source is None:
                continue
        date_iso = b.nodes[mid].get("date")
        evidence = b.evidence(article_id, part.sentence, date_iso)
        b.edge(source, mid, part.relation, evidence, role=part.role, order=part.order, date=date_iso)

    for ref in ex.references:
        mid = meeting_ids[ref.meeting]
        if ref.target_type == "Official":
            target = official(ref.label)
            if target is None:
                continue
        elif ref.target_type == "Meeting":
            target = b.node("Meeting", f"{ref.label}\x1freferenced", ref.label, date=None, kind="会议", article=None)
        else:
            target = b.node(ref.target_type, ref.label, ref.label)
        date_iso = b.nodes[mid].get("date")
        b.edge(mid, target, "referenced", b.evidence(article_id, ref.sentence, date_iso))
