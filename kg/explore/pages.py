"""Page data: what the explorer shows about one node, as plain JSON-able dicts.

One function per kind of page (official, meeting, slogan or document, body, post, article, reporter), all reading
an :class:`~kg.explore.index.Index`. ``kg serve`` answers ``/api/node`` with :func:`page`; the self-contained
``graph.html`` of a small build inlines :func:`page` of every node. Every page carries a local network of at most a
few dozen nodes, laid out around the page's node, so no drawing is ever a blob.

Ids in the output are node IRIs; evidence items are ``{"sentence", "day", "article"}`` with the article cited once
in the page's ``articles`` table (headline, date, paper, source, url).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from kg.explore.index import PARTICIPATION, Edge, Index, Node
from kg.explore.layout import radial
from kg.explore.overview import fill_months

NETWORK_LABEL_CHARS = 10
RING_COATTENDEES = 14
RING_POSTS = 8
RING_PARTICIPANTS = 16
RING_REFERENCES = 12
RING_RELATED = 10
TOP_LIST = 20
EVIDENCE_PER_ITEM = 3
TENURE_KEYS = ("first_seen", "last_seen", "start", "end", "start_basis", "end_basis", "stated_start", "stated_end",
               "past")


def page(index: Index, iri: str) -> dict | None:
    """The page of the node ``iri``, or None when the graph has no such node."""
    node = index.node(iri)
    if node is None:
        return None
    builder = PAGE_BUILDERS.get(node.type, _generic)
    context = _Context(index)
    data = {"id": node.iri, "type": node.type, "label": node.label, "day": node.day, "weight": node.weight,
            "aliases": [str(a) for a in node.attrs.get("aliases") or ()]}
    data.update(builder(context, node))
    data["articles"] = context.citations()
    return data


def overview(index: Index) -> dict:
    """The first page (computed when the index was built)."""
    return index.meta("overview") or {}


class _Context:
    """What one page is being built from: the index, and the articles its evidence cites."""

    def __init__(self, index: Index):
        self.index = index
        self.cited: set[str] = set()

    def evidence(self, edge: Edge, limit: int = EVIDENCE_PER_ITEM) -> list[dict]:
        items = []
        for article, sentence, day in edge.evidence[:limit]:
            if article:
                self.cited.add(article)
            items.append({"sentence": sentence, "day": day, "article": article or None})
        return items

    def cite(self, article: str | None) -> str | None:
        if article:
            self.cited.add(article)
        return article or None

    def citations(self) -> dict[str, dict]:
        found = self.index.nodes_by_iri(self.cited)
        table = {}
        for iri in sorted(self.cited):
            node = found.get(iri)
            if node is None:
                table[iri] = {"headline": iri}
                continue
            attrs = node.attrs
            table[iri] = {"headline": str(attrs.get("headline") or node.label), "day": node.day,
                          "paper": attrs.get("paper"), "source": attrs.get("source"), "record": attrs.get("record"),
                          "url": attrs.get("url")}
        return table


def ref(node: Node, **extra: object) -> dict:
    return {"id": node.iri, "label": node.label, "type": node.type, "day": node.day, **extra}


# --------------------------------------------------------------------------- official


def _official(context: _Context, node: Node) -> dict:
    index = context.index
    tenures = _tenures(context, index.edges_out(node.n, ["holds"]), other="dst")
    meetings = _participations(context, index.edges_out(node.n, PARTICIPATION), key="dst")
    coattendees = index.coattendees(node.n, TOP_LIST)
    people = index.nodes(n for n, _ in coattendees)
    community = index.community(node.n)
    chaired = sum(1 for row in meetings if row["rel"] == "chaired")
    days = [row["day"] for row in meetings if row["day"]]
    network = _official_network(index, node, coattendees, people, tenures)
    return {
        "summary": {"meetings": len(meetings), "chaired": chaired, "attended": len(meetings) - chaired,
                    "posts": len(tenures), "firstSeen": min(days) if days else None,
                    "lastSeen": max(days) if days else None,
                    "community": community[0] if community else None},
        "tenures": tenures,
        "meetings": meetings,
        "perYear": _per_year(meetings),
        "coattendees": [ref(people[n], count=count) for n, count in coattendees if n in people],
        "network": network,
    }


def _tenures(context: _Context, holds: list[Edge], *, other: str) -> list[dict]:
    """Posts held (other='dst') or holders of a post (other='src'), with every tenure date the graph has."""
    index = context.index
    ends = index.nodes(getattr(edge, other) for edge in holds)
    rows = []
    for edge in holds:
        end = ends.get(getattr(edge, other))
        if end is None:
            continue
        row = ref(end)
        if end.type == "Post" and end.attrs.get("body") and str(end.attrs["body"]) not in end.label:
            row["body"] = str(end.attrs["body"])  # 主席 of what: two posts may share a title
        row.update({key: edge.attrs[key] for key in TENURE_KEYS if key in edge.attrs})
        row["mentions"] = len(edge.evidence)
        row["evidence"] = context.evidence(edge)
        rows.append(row)
    return sorted(rows, key=lambda r: (str(r.get("start") or r.get("first_seen") or "9999"),
                                       str(r.get("last_seen") or ""), r["label"], r["id"]))


def _participations(context: _Context, edges: list[Edge], *, key: str) -> list[dict]:
    """One row per meeting (key='dst', a person's page) or per participant (key='src', a meeting's page).

    A chair also has an attended edge: the two merge, as 'chaired', with the roles as written of both.
    """
    index = context.index
    merged: dict[int, list[Edge]] = defaultdict(list)
    for edge in edges:
        merged[getattr(edge, key)].append(edge)
    others = index.nodes(merged)
    counts = index.participant_counts(merged) if key == "dst" else {}
    rows = []
    for number, group in merged.items():
        other = others.get(number)
        if other is None:
            continue
        group.sort(key=lambda e: (e.rel != "chaired", e.order if e.order is not None else 1 << 30))
        main = group[0]
        roles = list(dict.fromkeys(e.role for e in group if e.role))
        evidence = context.evidence(main, limit=1)
        row = ref(other, rel=main.rel, role="、".join(roles), order=main.order,
                  sentence=evidence[0]["sentence"] if evidence else "",
                  article=evidence[0]["article"] if evidence else None)
        if key == "dst":
            row.update(kind=other.attrs.get("kind"), dated=bool(other.attrs.get("date")), people=counts.get(number, 0))
        else:
            row["day"] = main.day
        rows.append(row)
    if key == "dst":
        return sorted(rows, key=lambda r: (r["day"] or "", r["label"], r["id"]))
    return sorted(rows, key=lambda r: (r["rel"] != "chaired", r["order"] if r["order"] is not None else 1 << 30,
                                       r["label"], r["id"]))


def _per_year(meetings: list[dict]) -> list[dict]:
    years: dict[str, Counter[str]] = defaultdict(Counter)
    for row in meetings:
        if row["day"]:
            years[row["day"][:4]][row["rel"]] += 1
    return [{"year": year, "chaired": years[year]["chaired"], "attended": years[year]["attended"]}
            for year in sorted(years)]


def _official_network(index: Index, node: Node, coattendees: list[tuple[int, int]], people: dict[int, Node],
                      tenures: list[dict]) -> dict:
    ring = [people[n] for n, _ in coattendees[:RING_COATTENDEES] if n in people]
    weights = dict(coattendees)
    posts = sorted(tenures, key=lambda t: (-t["mentions"], t["label"]))[:RING_POSTS]
    graph = _LocalNetwork(node)
    for person in ring:
        graph.add(person)
        graph.link(node.iri, person.iri, "coattended", weight=weights[person.n])
    for a, b, weight in index.coattendance_among(p.n for p in ring):
        graph.link(people[a].iri, people[b].iri, "coattended", weight=weight)
    for post in posts:
        graph.add_ref(post)
        graph.link(node.iri, post["id"], "holds")
    return graph.drawn([[p.iri for p in ring], [p["id"] for p in posts]])


# --------------------------------------------------------------------------- meeting


def _meeting(context: _Context, node: Node) -> dict:
    index = context.index
    participants = _participations(context, index.edges_in(node.n, PARTICIPATION), key="src")
    outgoing = index.edges_out(node.n, ["referenced", "organizedBy", "reportedIn"])
    targets = index.nodes(edge.dst for edge in outgoing)
    references: dict[str, list[dict]] = defaultdict(list)
    organisers, reports = [], []
    for edge in sorted(outgoing, key=lambda e: (e.rel, targets[e.dst].label if e.dst in targets else "", e.dst)):
        target = targets.get(edge.dst)
        if target is None:
            continue
        if edge.rel == "referenced":
            evidence = context.evidence(edge, limit=1)
            references[target.type].append(ref(target, sentence=evidence[0]["sentence"] if evidence else "",
                                               article=evidence[0]["article"] if evidence else None))
        elif edge.rel == "organizedBy":
            organisers.append(ref(target))
        else:
            reports.append({"article": context.cite(target.iri), "evidence": context.evidence(edge)})
    own_article = node.attrs.get("article")
    if own_article and all(r["article"] != own_article for r in reports):
        reports.append({"article": context.cite(own_article), "evidence": []})
    incoming = index.edges_in(node.n, ["referenced"])
    citing = index.nodes(edge.src for edge in incoming)
    referenced_by = sorted((ref(citing[e.src]) for e in incoming if e.src in citing),
                           key=lambda r: (r["day"] or "", r["label"]))
    return {
        "summary": {"date": node.attrs.get("date"), "kind": node.attrs.get("kind"),
                    "chairs": sum(1 for p in participants if p["rel"] == "chaired"),
                    "participants": len(participants)},
        "organisers": organisers,
        "participants": participants,
        "references": {kind: rows for kind, rows in sorted(references.items())},
        "referencedBy": referenced_by,
        "reports": reports,
        "network": _meeting_network(node, participants, references, organisers),
    }


def _meeting_network(node: Node, participants: list[dict], references: dict[str, list[dict]],
                     organisers: list[dict]) -> dict:
    graph = _LocalNetwork(node)
    ring = participants[:RING_PARTICIPANTS]
    for row in ring:
        graph.add_ref(row)
        graph.link(row["id"], node.iri, row["rel"])
    outer = organisers[:4] + [row for rows in references.values() for row in rows][:RING_REFERENCES]
    for row in outer:
        graph.add_ref(row)
        graph.link(node.iri, row["id"], "organizedBy" if row in organisers else "referenced")
    return graph.drawn([[r["id"] for r in ring], [r["id"] for r in outer]])


# --------------------------------------------------------------------------- slogan and document


def _referenced_thing(context: _Context, node: Node) -> dict:
    index = context.index
    incoming = index.edges_in(node.n, ["referenced"])
    meetings = index.nodes(edge.src for edge in incoming)
    # a mention is dated by the paper that printed it (a meeting may recall a formulation of years before)
    published = index.nodes_by_iri(article for edge in incoming for article, _, _ in edge.evidence if article)
    rows, months = [], Counter()
    for edge in incoming:
        meeting = meetings.get(edge.src)
        if meeting is None:
            continue
        evidence = context.evidence(edge, limit=1)
        rows.append(ref(meeting, kind=meeting.attrs.get("kind"), mentions=len(edge.evidence),
                        sentence=evidence[0]["sentence"] if evidence else "",
                        article=evidence[0]["article"] if evidence else None))
        for article, _, day in edge.evidence:
            printed = published.get(article)
            day = (printed.day if printed else None) or day or meeting.day
            if day:
                months[day[:7]] += 1
    rows.sort(key=lambda r: (r["day"] or "", r["label"], r["id"]))
    first_month = min(months) if months else None
    numbers = list(meetings)
    chairs = _counted(index, index.edges_into(numbers, ["chaired"]), "src")
    organisers = _counted(index, index.edges_out_of(numbers, ["organizedBy"]), "dst")
    related_edges = [e for e in index.edges_out_of(numbers, ["referenced"])
                     if e.dst != node.n]
    related = [row for row in _counted(index, related_edges, "dst", top=TOP_LIST * 3)
               if row["type"] in ("Slogan", "Document")][:TOP_LIST]
    days = [r["day"] for r in rows if r["day"]]
    return {
        "summary": {"firstSeen": node.attrs.get("first_seen") or (min(days) if days else None),
                    "firstPrinted": _first_printed(published.values(), first_month),
                    "lastSeen": max(days) if days else None, "meetings": len(rows),
                    "mentions": sum(months.values())},
        "monthly": [{"month": month, "count": count} for month, count in fill_months(months)],
        "meetings": rows,
        "chairs": chairs,
        "organisers": organisers,
        "papers": _papers(index, meetings.values()),
        "related": related,
        "network": _referenced_network(node, related, chairs, organisers),
    }


def _first_printed(articles: Iterable[Node], first_month: str | None) -> str | None:
    days = [a.day for a in articles if a.day]
    return min(days) if days else first_month


def _counted(index: Index, edges: list[Edge], end: str, top: int = TOP_LIST) -> list[dict]:
    """The nodes at the ``end`` of ``edges``, with how many edges reach each, most first."""
    counts = Counter(getattr(edge, end) for edge in edges)
    nodes = index.nodes(counts)
    ranked = sorted((n for n in counts if n in nodes), key=lambda n: (-counts[n], nodes[n].label, n))[:top]
    return [ref(nodes[n], count=counts[n]) for n in ranked]


def _papers(index: Index, meetings: Iterable[Node]) -> list[dict]:
    """Where a formulation appeared: each paper (the place a local paper covers) with its first date and count."""
    articles = index.nodes_by_iri(m.attrs["article"] for m in meetings if m.attrs.get("article"))
    first: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for meeting in meetings:
        article = articles.get(meeting.attrs.get("article", ""))
        paper = str(article.attrs.get("paper") or "（未知报纸）") if article else "（未知报纸）"
        counts[paper] += 1
        if meeting.day and (paper not in first or meeting.day < first[paper]):
            first[paper] = meeting.day
    return [{"paper": paper, "count": counts[paper], "firstSeen": first.get(paper)}
            for paper in sorted(counts, key=lambda p: (first.get(p) or "9999", p))]


def _referenced_network(node: Node, related: list[dict], chairs: list[dict], organisers: list[dict]) -> dict:
    graph = _LocalNetwork(node)
    inner = related[:RING_RELATED]
    outer = chairs[:8] + organisers[:4]
    for row in inner:
        graph.add_ref(row)
        graph.link(node.iri, row["id"], "cooccurs", weight=row["count"])
    for row in outer:
        graph.add_ref(row)
        graph.link(row["id"], node.iri, "chaired" if row["type"] == "Official" else "organizedBy",
                   weight=row["count"])
    return graph.drawn([[r["id"] for r in inner], [r["id"] for r in outer]])


# --------------------------------------------------------------------------- body, post


def _body(context: _Context, node: Node) -> dict:
    index = context.index
    post_edges = index.edges_in(node.n, ["postIn"])
    posts = index.nodes(edge.src for edge in post_edges)
    holders_by_post = []
    for post in sorted(posts.values(), key=lambda p: (p.label, p.n)):
        holders = _tenures(context, index.edges_in(post.n, ["holds"]), other="src")
        holders_by_post.append({**ref(post), "holders": holders})
    organised = index.edges_in(node.n, ["organizedBy"])
    meetings = index.nodes(edge.src for edge in organised)
    organised_rows = sorted((ref(meetings[e.src], kind=meetings[e.src].attrs.get("kind"))
                             for e in organised if e.src in meetings), key=lambda r: (r["day"] or "", r["label"]))
    participated = _participations(context, index.edges_out(node.n, PARTICIPATION), key="dst")
    graph = _LocalNetwork(node)
    ring = sorted(holders_by_post, key=lambda p: (-len(p["holders"]), p["label"]))[:RING_POSTS + 4]
    outer = []
    for post in ring:
        graph.add_ref(post)
        graph.link(post["id"], node.iri, "postIn")
        for holder in post["holders"][-2:]:  # the latest two holders of each post
            if len(outer) < RING_COATTENDEES and holder["id"] not in graph.nodes:
                outer.append(holder["id"])
                graph.add_ref(holder)
            if holder["id"] in graph.nodes:
                graph.link(holder["id"], post["id"], "holds")
    return {
        "summary": {"posts": len(holders_by_post), "organised": len(organised_rows), "meetings": len(participated)},
        "posts": holders_by_post,
        "organised": organised_rows,
        "meetings": participated,
        "network": graph.drawn([[p["id"] for p in ring], outer]),
    }


def _post(context: _Context, node: Node) -> dict:
    index = context.index
    holders = _tenures(context, index.edges_in(node.n, ["holds"]), other="src")
    bodies_edges = index.edges_out(node.n, ["postIn"])
    bodies = index.nodes(edge.dst for edge in bodies_edges)
    body_rows = [ref(b) for b in sorted(bodies.values(), key=lambda b: (b.label, b.n))]
    graph = _LocalNetwork(node)
    ring = holders[-RING_COATTENDEES:]
    for holder in ring:
        graph.add_ref(holder)
        graph.link(holder["id"], node.iri, "holds")
    for body in body_rows:
        graph.add_ref(body)
        graph.link(node.iri, body["id"], "postIn")
    return {
        "summary": {"title": node.attrs.get("title"), "body": node.attrs.get("body"), "holders": len(holders)},
        "bodies": body_rows,
        "holders": holders,
        "network": graph.drawn([[h["id"] for h in ring], [b["id"] for b in body_rows]]),
    }


# --------------------------------------------------------------------------- article, reporter, other


def _article(context: _Context, node: Node) -> dict:
    index = context.index
    reported = index.edges_in(node.n, ["reportedIn"])
    meetings = index.nodes(edge.src for edge in reported)
    rows = sorted((ref(meetings[e.src], kind=meetings[e.src].attrs.get("kind"), sentence=e.evidence[0][1]
                       if e.evidence else "") for e in reported if e.src in meetings),
                  key=lambda r: (r["day"] or "", r["label"]))
    writers = index.edges_in(node.n, ["wrote"])
    reporters = index.nodes(edge.src for edge in writers)
    context.cite(node.iri)
    graph = _LocalNetwork(node)
    chair_edges = index.edges_into(list(meetings), ["chaired"])
    chairs = _counted(index, chair_edges, "src", top=RING_COATTENDEES)
    for row in rows[:RING_PARTICIPANTS]:
        graph.add_ref(row)
        graph.link(row["id"], node.iri, "reportedIn")
    for row in chairs:
        graph.add_ref(row)
    people = {row["id"]: row for row in chairs}
    by_number = {n: m.iri for n, m in meetings.items()}
    chair_iris = index.nodes(edge.src for edge in chair_edges)
    for edge in chair_edges:
        chair = chair_iris.get(edge.src)
        if chair is not None and chair.iri in people:
            graph.link(chair.iri, by_number[edge.dst], "chaired")
    return {
        "summary": {"headline": node.attrs.get("headline"), "paper": node.attrs.get("paper"),
                    "source": node.attrs.get("source"), "record": node.attrs.get("record"),
                    "url": node.attrs.get("url"), "reporters": node.attrs.get("reporters") or []},
        "meetings": rows,
        "writers": [ref(r) for r in sorted(reporters.values(), key=lambda r: (r.label, r.n))],
        "network": graph.drawn([[r["id"] for r in rows[:RING_PARTICIPANTS]], [c["id"] for c in chairs]]),
    }


def _reporter(context: _Context, node: Node) -> dict:
    index = context.index
    wrote = index.edges_out(node.n, ["wrote"])
    articles = index.nodes(edge.dst for edge in wrote)
    rows = sorted((ref(a, paper=a.attrs.get("paper")) for a in articles.values()),
                  key=lambda r: (r["day"] or "", r["label"]))
    graph = _LocalNetwork(node)
    ring = rows[-RING_PARTICIPANTS:]
    for row in ring:
        graph.add_ref(row)
        graph.link(node.iri, row["id"], "wrote")
    return {"summary": {"articles": len(rows)}, "articlesWritten": rows,
            "network": graph.drawn([[r["id"] for r in ring]])}


def _generic(context: _Context, node: Node) -> dict:
    """Any other node type: its links, whatever they are."""
    index = context.index
    relations = [row[0] for row in index.connection.execute(
        "SELECT DISTINCT rel FROM edge WHERE src = ? OR dst = ? ORDER BY rel", (node.n, node.n))]
    edges = index.edges_out(node.n, relations) + index.edges_in(node.n, relations)
    others = index.nodes(e.dst if e.src == node.n else e.src for e in edges)
    rows = [ref(others[e.dst if e.src == node.n else e.src], rel=e.rel, outgoing=e.src == node.n)
            for e in edges if (e.dst if e.src == node.n else e.src) in others]
    rows.sort(key=lambda r: (r["rel"], r["label"], r["id"]))
    graph = _LocalNetwork(node)
    ring = rows[:RING_PARTICIPANTS]
    for row in ring:
        graph.add_ref(row)
        ends = (node.iri, row["id"]) if row["outgoing"] else (row["id"], node.iri)
        graph.link(*ends, row["rel"])
    return {"links": rows, "network": graph.drawn([[r["id"] for r in ring]])}


PAGE_BUILDERS: dict[str, Callable[[_Context, Node], dict]] = {
    "Official": _official,
    "Meeting": _meeting,
    "Slogan": _referenced_thing,
    "Document": _referenced_thing,
    "Body": _body,
    "Post": _post,
    "Article": _article,
    "Reporter": _reporter,
}


# --------------------------------------------------------------------------- local networks


class _LocalNetwork:
    """A small drawing around one node: nodes placed on rings around it, edges with a relation and weight."""

    def __init__(self, centre: Node):
        self.centre = centre.iri
        self.nodes: dict[str, dict] = {centre.iri: {"id": centre.iri, "label": short(centre.label),
                                                    "full": centre.label, "type": centre.type, "focus": True}}
        self.edges: dict[tuple[str, str, str], dict] = {}

    def add(self, node: Node) -> None:
        self.add_ref(ref(node))

    def add_ref(self, row: dict) -> None:
        if row["id"] not in self.nodes:
            self.nodes[row["id"]] = {"id": row["id"], "label": short(row["label"]), "full": row["label"],
                                     "type": row["type"]}

    def link(self, source: str, target: str, relation: str, weight: int | None = None) -> None:
        if source in self.nodes and target in self.nodes and source != target:
            edge = {"from": source, "to": target, "rel": relation}
            if weight:
                edge["weight"] = weight
            if self.centre not in (source, target):
                edge["faint"] = True  # links among the neighbours: drawn lighter than those to the page's node
            self.edges.setdefault((source, target, relation), edge)

    def drawn(self, rings: list[list[str]]) -> dict:
        placed = radial(self.centre, [[n for n in ring if n in self.nodes] for ring in rings])
        nodes = []
        for iri, data in self.nodes.items():
            x, y = placed.get(iri, (0.0, 0.0))
            nodes.append({**data, "x": x, "y": y})
        return {"nodes": nodes, "edges": list(self.edges.values())}


def short(label: str) -> str:
    return label if len(label) <= NETWORK_LABEL_CHARS else label[: NETWORK_LABEL_CHARS - 1] + "…"
