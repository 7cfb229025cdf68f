"""People: mentions grouped into officials within a scope, split by career, joined across variants and scopes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources

from networkx.utils import UnionFind

from kg.extract.common import _patterns
from kg.extract.names import JOINERS
from kg.extract.people import _country_of, _country_start
from kg.lexicon import load
from kg.model import ArticleExtraction
from kg.normalise import CJK
from kg.resolve.bodies import _BodyTable
from kg.resolve.common import (
    _deletion_keys,
    _iso,
    _span,
    _where,
    closest_gap,
    describe_edit,
    is_shared_title,
    one_edit_apart,
    seen_date,
)
from kg.resolve.curation import Curation
from kg.resolve.places import Locality

# ------------------------------------------------------------------------------------------------ mentions


@dataclass
class _Post:
    key: str
    label: str
    title: str
    body_key: str | None


@dataclass
class _Mention:
    """Every way one article names one person (as written), with the posts it gives them."""

    ex: ArticleExtraction
    written: str
    name: str  # after curation merges
    scope: str
    when: date | None
    article: str  # article id
    posts: dict[str, _Post] = field(default_factory=dict)  # complete once the article is read
    sentence: str = ""

    @cached_property
    def bodies(self) -> frozenset[str]:
        return frozenset(p.body_key for p in self.posts.values() if p.body_key)


Together = dict[str, dict[str, frozenset[int]]]  # article id -> name as written -> sentences/meetings named in


def collect_mentions(extractions: list[ArticleExtraction], scopes: dict[str, str], table: _BodyTable,
                     curation: Curation) -> tuple[list[_Mention], Together]:
    """One mention per (article, name as written); also who is named side by side (so cannot be one person)."""
    mentions: list[_Mention] = []
    together: Together = {}
    for ex in extractions:
        by_name = _article_mentions(ex, scopes[ex.article.id], table, curation)
        mentions.extend(by_name[name] for name in sorted(by_name))
        together[ex.article.id] = _named_together(ex, set(by_name))
    return mentions, together


def _article_mentions(ex: ArticleExtraction, scope: str, table: _BodyTable, curation: Curation) -> dict[str, _Mention]:
    article_id, when = ex.article.id, seen_date(ex)
    named = [(p.name, p.sentence, p.posts) for p in ex.people if not p.is_reporter]
    named += [(p.name, p.sentence, []) for p in ex.participations if not p.is_body]
    named += [(r.label, r.sentence, []) for r in ex.references if r.target_type == "Official"]
    by_name: dict[str, _Mention] = {}
    for written, sentence, posts in named:
        if written in curation.drop or spelled(written) in curation.drop:
            continue
        if written not in by_name:
            by_name[written] = _Mention(ex=ex, written=written, name=curation.merges.get(written, spelled(written)),
                                        scope=scope, when=when, article=article_id, sentence=sentence)
        item = by_name[written]
        for post in posts:
            key = table.post_of[(article_id, post.label)]
            body = table.body_of.get((article_id, post.body)) if post.body else None
            item.posts.setdefault(key, _Post(key, post.label, post.title, body))
    return by_name


_DOTS = "·•‧"
_HYPHEN_JOINER = re.compile(f"(?<=[{CJK}])[{re.escape(''.join(c for c in JOINERS if c not in _DOTS))}](?=[{CJK}])")


def spelled(written: str) -> str:
    """劳尔-卡斯特罗 is 劳尔·卡斯特罗: a hyphen between the parts of a foreign or minority name written with no middle
    dot is the papers' other way of writing it, so both spellings name one person (the hyphen form stays an alias).
    Beside a dot a hyphen is the name's own (让-克洛德·容克); only its full-width form is another spelling."""
    if not _HYPHEN_JOINER.search(written):
        return written
    return _HYPHEN_JOINER.sub("-" if "·" in written else "·", written)


def _named_together(ex: ArticleExtraction, names: set[str]) -> dict[str, frozenset[int]]:
    """For each name, the sentences and meetings it is listed in: two names sharing one are two people."""
    groups: dict[tuple[str, object], int] = {}
    member: dict[str, set[int]] = defaultdict(set)

    def note(name: str, where: tuple[str, object]) -> None:
        if name in names:
            member[name].add(groups.setdefault(where, len(groups)))

    for person in ex.people:
        note(person.name, ("sentence", person.sentence))
    for part in ex.participations:
        if not part.is_body:
            note(part.name, ("meeting", part.meeting))
            note(part.name, ("sentence", part.sentence))
    return {name: frozenset(ids) for name, ids in member.items()}


# ------------------------------------------------------------------------------------------------ clusters


@dataclass
class _Cluster:
    """Mentions taken to be one person before variants and papers are joined (fixed once made)."""

    name: str
    scope: str
    suffix: str = ""  # set when one name in one scope is split into several people
    mentions: tuple[_Mention, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.name}\x1f{self.scope}" + (f"\x1f{self.suffix}" if self.suffix else "")

    @cached_property
    def articles(self) -> frozenset[str]:
        return frozenset(m.article for m in self.mentions)

    @cached_property
    def dates(self) -> list[date]:
        return sorted(m.when for m in self.mentions if m.when)

    @cached_property
    def posts(self) -> dict[str, list[_Mention]]:
        held: dict[str, list[_Mention]] = defaultdict(list)
        for m in self.mentions:
            for key in m.posts:
                held[key].append(m)
        return dict(held)

    @cached_property
    def bodies(self) -> frozenset[str]:
        return frozenset(b for m in self.mentions for b in m.bodies)

    @cached_property
    def written(self) -> frozenset[str]:
        return frozenset(m.written for m in self.mentions)

    def post_labels(self) -> list[str]:
        return sorted({p.label for m in self.mentions for p in m.posts.values()})

    @cached_property
    def rank(self) -> tuple:
        """Which cluster names a merged group: most articles, then the longer name, then the earliest seen."""
        first = self.dates[0].toordinal() if self.dates else 10**7
        return (-len(self.articles), -len(self.name), first, self.name, self.scope, self.suffix)


def _related(a: str, b: str) -> bool:
    """区委 and 区委宣传部 belong together (one is the other's department); keys compared without their scope."""
    name_a, _, where_a = a.partition("\x1f")
    name_b, _, where_b = b.partition("\x1f")
    return where_a == where_b and (name_a.startswith(name_b) or name_b.startswith(name_a))


def _components(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions linked by shared (or related) bodies; mentions with no body are left out.

    Bodies are linked first (a person has few), then mentions grouped by their bodies' link: linear in mentions.
    """
    bodies = sorted({b for m in mentions for b in m.bodies})
    links = UnionFind(bodies)
    for i, x in enumerate(bodies):
        for y in bodies[i + 1:]:
            if _related(x, y):
                links.union(x, y)
    for m in mentions:
        owned = sorted(m.bodies)
        for other in owned[1:]:
            links.union(owned[0], other)
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.bodies:
            groups[links[min(m.bodies)]].append(m)
    return sorted(groups.values(), key=lambda group: (group[0].ex.article.source, group[0].ex.article.index))


def _local_only(mentions: list[_Mention], locality: Locality) -> bool:
    """Bodies of this place only: a 市委常委 mentioned apart from 区委书记 is one concurrent career, not two people.
    A national or foreign body (中共中央, 国务院, 全国人大, 美国) is no local body: its holder is a national figure
    whose many concurrent posts are one career (习近平: 中共中央, 国家, 中央军委 …), never a reason to split."""
    higher = (*(p for p in (locality.province, locality.city) if p), "省", "市")
    return all(_sub_national(body) and not body.startswith(higher) for m in mentions for body in m.bodies)


_NATIONAL = ("中共中央", "中央", "全国", "国务院", "国家", "最高", "中国", "中华")


def _sub_national(body_key: str) -> bool:
    """A body of a province, city, county, district, town or village (吴江区政协, 某某镇): where two people of one
    name can serve at once. National, foreign and unplaced bodies are not."""
    name = body_key.partition("\x1f")[0]
    name = name.removeprefix("中共")
    if name.startswith(_NATIONAL) or _country_of(name, load()):
        return False
    return bool(_patterns()["place_start"].match(name))


def _overlap(a: list[date], b: list[date]) -> bool:
    return bool(a and b) and max(a[0], b[0]) <= min(a[-1], b[-1])


def split_cluster(cluster: _Cluster, curation: Curation, table: _BodyTable,
                  locality: Locality) -> tuple[list[_Cluster], list[dict]]:
    """One name in one scope -> the people it stands for (curated splits, else bodies at overlapping times)."""
    if cluster.name in curation.splits:
        return _curated_split(cluster, curation.splits[cluster.name]), []
    if cluster.name in curation.one_person:
        return [cluster], []
    by_state = _split_by_state(cluster)
    if by_state:
        return by_state
    parts = [c for c in _components(list(cluster.mentions)) if _local_only(c, locality)]
    if len(parts) < 2:
        return [cluster], []
    people = _careers(parts)
    if len(people) < 2:
        return [cluster], []
    assigned = {id(m) for members in people for m in members}
    issues = [{x.ex.article.source for x in members} for members in people]  # each person's issues, kept up to date
    for m in cluster.mentions:  # named without a post: the person named in the same issue, else the main one
        if id(m) not in assigned:
            same_issue = [index for index, seen in enumerate(issues) if m.ex.article.source in seen]
            chosen = same_issue[0] if len(same_issue) == 1 else 0
            people[chosen].append(m)
            issues[chosen].add(m.ex.article.source)
    result = []
    for index, members in enumerate(people):
        counts = Counter(b for m in members for b in m.bodies)
        main_body = min(counts, key=lambda body: (-counts[body], body))  # a tie by name, not by set order
        suffix = "" if index == 0 else table.body_label(main_body)
        result.append(_Cluster(cluster.name, cluster.scope, suffix, tuple(members)))
    review = [{
        "summary": f"{cluster.name} ({cluster.scope}): {len(result)} people kept apart — posts in unrelated bodies "
                   "at the same time",
        "evidence": [f"{c.name} #{i + 1}: {'、'.join(c.post_labels()) or 'no post'}, seen {_span(c.dates)}, "
                     f"{len(c.articles)} article(s)" for i, c in enumerate(result)],
        "undo": f"merge: [{{into: {cluster.name}, names: [{cluster.name}]}}]",
    }]
    return result, review


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Every name of a sovereign state -> the one kg uses (kg/lexicons/states.txt)."""
    text = resources.files("kg.lexicons").joinpath("states.txt").read_text(encoding="utf-8")
    return {form: names[0] for line in text.splitlines() if line.strip() and not line.startswith("#")
            for names in [line.split()] for form in names}


def _state_of(body_key: str) -> str | None:
    """The state a foreign body belongs to (阿尔巴尼亚政府 -> 阿尔巴尼亚); None for organisations and China's own."""
    name = body_key.partition("\x1f")[0]
    found = _country_start().match(name) if not name.startswith(("中国", "中华")) else None
    return _state_names().get(found.group(0)) if found else None


@lru_cache(maxsize=1)
def _posts_abroad() -> frozenset[str]:
    """Envoys' titles (kg/lexicons/posts_abroad.txt): their state is their own only when written with 驻."""
    text = resources.files("kg.lexicons").joinpath("posts_abroad.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4096)
def _names_another_state(label: str, state: str) -> bool:
    """A post label naming a second state is a sentence, not a post (朝鲜此前希望韩国能派统一部部长); the state after
    驻 is where an envoy serves (美国驻利比亚大使), and a state's full form (阿曼苏丹国) is one state."""
    found = _country_start().match(label)
    rest = label[found.end():] if found else label
    rest = rest.removeprefix(next((f for f in load().state_forms if rest.startswith(f)), ""))
    names = _state_names()
    return any(names.get(m.group(0), state) != state and not rest[:m.start()].endswith("驻")
               for m in _country_start().finditer(rest))


def state_of_post(label: str, title: str, body: str | None) -> str | None:
    """The state whose post this is; None for an organisation's, China's, an envoy's without 驻 and a sentence's."""
    state = _state_of(body) if body else None
    if not state or (title in _posts_abroad() and "驻" not in label):
        return None
    return None if _names_another_state(label, state) else state


def _states(mention: _Mention) -> frozenset[str]:
    posts = mention.posts.values()
    return frozenset(state for post in posts if (state := state_of_post(post.label, post.title, post.body_key)))


def _state_links(states: set[str], shared: Iterable[set[str]]) -> dict[str, str]:
    """Each state -> the first (by name) of the states joined to it by a shared post: one person's states."""
    root = {state: state for state in states}

    def find(state: str) -> str:
        while root[state] != state:
            state = root[state]
        return state

    for group in shared:
        tops = sorted({find(state) for state in group})
        for other in tops[1:]:
            root[other] = tops[0]
    return {state: find(state) for state in states}


def _split_by_state(cluster: _Cluster) -> tuple[list[_Cluster], list[dict]] | None:
    """One name with posts of two states is two people (几内亚卫生部长拉马, 阿尔巴尼亚总理拉马): a foreign official
    serves one state. States whose holders share another post are one person (波兰总理 and 欧洲理事会主席 图斯克). A
    mention with no state's post goes to the person named in the same article, else on the same day, else the one named
    in most articles."""
    state_of: dict[int, str] = {}
    holders: dict[str, set[str]] = defaultdict(set)  # post key -> states of the mentions holding it
    for m in cluster.mentions:
        states = _states(m)
        if len(states) == 1:
            state_of[id(m)] = state = next(iter(states))
            for key in m.posts:
                holders[key].add(state)
    links = _state_links(set(state_of.values()), holders.values())
    by_state: dict[str, list[_Mention]] = defaultdict(list)
    for m in cluster.mentions:
        if id(m) in state_of:
            by_state[links[state_of[id(m)]]].append(m)
    if len(by_state) < 2:
        return None
    order = sorted(by_state, key=lambda state: (-len({m.article for m in by_state[state]}), state))
    articles = [{m.article for m in by_state[state]} for state in order]
    days = [{m.when for m in by_state[state] if m.when} for state in order]
    members: list[list[_Mention]] = [[] for _ in order]
    for m in cluster.mentions:
        if id(m) in state_of:
            members[order.index(links[state_of[id(m)]])].append(m)
            continue
        same = [i for i, seen in enumerate(articles) if m.article in seen]
        same = same or [i for i, seen in enumerate(days) if m.when in seen]
        members[same[0] if len(same) == 1 else 0].append(m)
    names = [sorted(s for s in set(state_of.values()) if links[s] == state) for state in order]
    result = [_Cluster(cluster.name, cluster.scope, "" if i == 0 else names[i][0], tuple(found))
              for i, found in enumerate(members)]
    review = [{
        "summary": f"{cluster.name} ({cluster.scope}): {len(result)} people kept apart — posts of different states",
        "evidence": [f"{c.name} #{i + 1} ({'、'.join(names[i])}): {'、'.join(c.post_labels()) or 'no post'}, "
                     f"seen {_span(c.dates)}, {len(c.articles)} article(s)" for i, c in enumerate(result)],
        "undo": f"merge: [{{into: {cluster.name}, names: [{cluster.name}]}}]",
    }]
    return result, review


def _careers(parts: list[list[_Mention]]) -> list[list[_Mention]]:
    """Body components joined into careers: components seen at overlapping times cannot be one person's."""
    parts = sorted(parts, key=lambda c: (-len(c), c[0].ex.article.source, c[0].ex.article.index))
    careers: list[list[list[_Mention]]] = []
    for part in parts:
        dates = sorted(m.when for m in part if m.when)
        for career in careers:
            if not any(_overlap(dates, sorted(m.when for m in other if m.when)) for other in career):
                career.append(part)
                break
        else:
            careers.append([part])
    return [[m for part in career for m in part] for career in careers]


def _curated_split(cluster: _Cluster, markers: list[str]) -> list[_Cluster]:
    members: dict[str, list[_Mention]] = {marker: [] for marker in ["", *markers]}
    for m in cluster.mentions:
        texts = {m.scope, m.ex.article.paper or ""} | {p.label for p in m.posts.values()}
        texts |= {p.body_key.split("\x1f")[0] for p in m.posts.values() if p.body_key}
        marker = next((k for k in markers if any(k in t for t in texts)), "")
        members[marker].append(m)
    return [_Cluster(cluster.name, cluster.scope, marker, tuple(found)) for marker, found in members.items() if found]


# ------------------------------------------------------------------------------------------------ joining clusters


class _People:
    """Clusters joined into people, refusing any join that would make two side-by-side names one person."""

    def __init__(self, clusters: list[_Cluster], together: Together) -> None:
        self.clusters = clusters
        self.together = together
        self.links = UnionFind(range(len(clusters)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(clusters))}

    def group(self, index: int) -> list[int]:
        return self.members[self.links[index]]

    def side_by_side(self, left: _Cluster, right: _Cluster) -> bool:
        for article in left.articles & right.articles:
            where = self.together.get(article, {})
            if any(where.get(x, frozenset()) & where.get(y, frozenset()) for x in left.written for y in right.written):
                return True
        return False

    def conflict(self, a: int, b: int) -> bool:
        """Would joining a's and b's groups make one person of two names listed side by side?"""
        return any(self.side_by_side(self.clusters[i], self.clusters[j]) for i in self.group(a) for j in self.group(b))

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.links[a], self.links[b]
        if ra == rb:
            return True
        if self.conflict(a, b):
            return False
        members = self.members.pop(ra) + self.members.pop(rb)
        self.links.union(a, b)
        self.members[self.links[a]] = members
        return True

    def groups(self) -> list[list[_Cluster]]:
        return [[self.clusters[i] for i in sorted(group)] for group in sorted(self.members.values(), key=min)]


def _shared_evidence(a: _Cluster, b: _Cluster, table: _BodyTable, window: int) -> tuple[str, list[str]]:
    """Verdict for two names one edit apart: 'merge', 'review' or 'none', with the evidence either way."""
    posts_a, posts_b = a.posts, b.posts
    shared = sorted(set(posts_a) & set(posts_b))
    if not shared:
        common = a.bodies & b.bodies
        if not common:
            return "none", []
        return "review", [f"same body {'、'.join(sorted(table.body_label(x) for x in common))}, different posts"]
    best: tuple[int, str] | None = None
    for key in shared:
        da = [m.when for m in posts_a[key] if m.when]
        db = [m.when for m in posts_b[key] if m.when]
        if da and db:
            gap = closest_gap(da, db)
            best = min(best, (gap, key)) if best else (gap, key)
    labels = "、".join(table.post_label(k) for k in shared)
    if best is None:
        return "review", [f"same post {labels}, but no dates to tell whether close in time"]
    gap, key = best
    title = next(m.posts[key].title for m in posts_a[key])
    single = not is_shared_title(title)
    evidence = [f"same post {labels}" + (" (one holder at a time)" if single else " (several holders)"),
                f"{a.name} seen {_span(m.when for m in posts_a[key] if m.when)}; "
                f"{b.name} seen {_span(m.when for m in posts_b[key] if m.when)} ({gap} days apart)"]
    if gap > window:
        return "review", [*evidence, f"more than {window} days apart"]
    if max(len(a.name), len(b.name)) < 3:
        return "review", [*evidence, "two two-character names: another given name is another person (李希, 李强)"]
    if min(len(a.articles), len(b.articles)) >= ESTABLISHED:
        return "review", [*evidence, f"both names are written in {ESTABLISHED}+ articles: two people, not a slip "
                                     "(李克强, 李强)"]
    if a.scope in table.national_scopes and key not in table.global_posts:
        return "review", [*evidence, "the post is not tied to a named body or place (省委书记 in a national paper)"]
    return "merge", evidence


ESTABLISHED = 3  # a name written in this many articles is a person's own name, not a typo of another


def _example(cluster: _Cluster) -> str:
    m = min(cluster.mentions, key=lambda x: (x.when or date.max, x.ex.article.source, x.ex.article.index))
    sentence = re.sub(r"\s+", " ", m.sentence).strip()
    return f"{m.written}: {_where(m.ex)} ({_iso(m.when)}) “{sentence[:120]}”"


def join_variants(people: _People, curation: Curation, table: _BodyTable) -> tuple[list[dict], list[dict]]:
    """Merge names one edit apart on the evidence of a shared post; list the doubtful pairs for review."""
    by_scope: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, c in enumerate(people.clusters):
        by_scope[c.scope][c.name].append(i)
    merged, review = [], []
    for scope in sorted(by_scope):
        names = by_scope[scope]
        buckets: dict[str, set[str]] = defaultdict(set)
        for name in names:
            for key in _deletion_keys(name):
                buckets[key].add(name)
        pairs = sorted({tuple(sorted((x, y))) for bucket in buckets.values() for x in bucket for y in bucket
                        if x < y and one_edit_apart(x, y)})
        for x, y in pairs:
            if frozenset((x, y)) in curation.not_merge:
                continue
            for i in names[x]:
                for j in names[y]:
                    verdict = _judge(people, i, j, curation, table)
                    if verdict:
                        (merged if verdict["merged"] else review).append(verdict)
    return merged, review


def _judge(people: _People, i: int, j: int, curation: Curation, table: _BodyTable) -> dict | None:
    a, b = people.clusters[i], people.clusters[j]
    if people.side_by_side(a, b):
        return None
    canonical, variant = (a, b) if a.rank <= b.rank else (b, a)
    verdict, evidence = _shared_evidence(canonical, variant, table, curation.variant_window_days)
    if verdict == "none":
        return None
    edit = describe_edit(canonical.name, variant.name)
    entry = {"variant": variant.name, "into": canonical.name, "scope": a.scope, "rule": edit,
             "evidence": [edit, *evidence, "never named side by side", _example(canonical), _example(variant)]}
    if verdict == "merge" and people.join(i, j):
        entry.update(merged=True, summary=f"{variant.name} → {canonical.name} ({a.scope})",
                     undo=f"not_merge: [[{canonical.name}, {variant.name}]]")
    else:
        if verdict == "merge":
            entry["evidence"].insert(1, "but one of them is already merged with a name listed beside the other")
        entry.update(merged=False, summary=f"{variant.name} / {canonical.name} ({a.scope}): possibly one person",
                     undo=f"merge: [{{into: {canonical.name}, names: [{variant.name}]}}]")
    return entry


@lru_cache(maxsize=1)
def _top_posts() -> frozenset[str]:
    """Province-level single-holder posts (kg/lexicons/top_posts.txt)."""
    text = resources.files("kg.lexicons").joinpath("top_posts.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def join_across_scopes(people: _People, curation: Curation, table: _BodyTable) -> tuple[list[dict], list[dict]]:
    """One name in several papers: one person when they hold the same post of a named body, else kept apart."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(people.clusters):
        by_name[c.name].append(i)
    merged, review = [], []
    for name in sorted(by_name):
        indices = by_name[name]
        if len({people.clusters[i].scope for i in indices}) < 2 or name in curation.splits:
            continue
        for x, i in enumerate(indices):
            for j in indices[x + 1:]:
                a, b = people.clusters[i], people.clusters[j]
                if a.scope == b.scope:
                    continue
                common = set(a.posts) & set(b.posts)
                # a province-level single-holder post (省委书记) under one label: keyed by place or not, one person
                top = ({table.post_label(k) for k in a.posts} & {table.post_label(k) for k in b.posts}) & _top_posts()
                shared = sorted(common & table.global_posts) + sorted(k for k in a.posts if table.post_label(k) in top)
                if (name in curation.merge_across or shared) and people.join(i, j):
                    why = (f"same post {'、'.join(table.post_label(k) for k in shared)}" if shared
                           else "curation: across_papers")
                    merged.append({"summary": f"{name}: one person in {a.scope} and {b.scope}", "into": name,
                                   "variant": name, "scope": f"{a.scope} + {b.scope}", "merged": True,
                                   "evidence": [why, _example(a), _example(b)],
                                   "undo": f"split: {{{name}: [{a.scope}, {b.scope}]}}"})
        groups = {people.links[i] for i in indices}
        if len(groups) > 1:
            apart = [people.clusters[i] for i in indices]
            review.append({"summary": f"{name}: {len(groups)} people kept apart (same name in different places)",
                           "evidence": [f"{c.scope}{' / ' + c.suffix if c.suffix else ''}: "
                                        f"{'、'.join(c.post_labels()) or 'no post'}, seen {_span(c.dates)}"
                                        for c in apart],
                           "undo": f"merge: [{{into: {name}, names: [{name}], across_papers: true}}]"})
    return merged, review


