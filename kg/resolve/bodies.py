"""Bodies and posts: one key per body and post as written in a scope, short forms joined to full names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.extract.titles import TERM
from kg.lexicon import load
from kg.model import ArticleExtraction, PostMention
from kg.resolve.common import _SHORT_FORM, LEVEL_PREFIXES, TextOf, article_text, is_shared_title, split_modifier
from kg.resolve.curation import Curation
from kg.resolve.places import Locality, names_a_place

# ------------------------------------------------------------------------------------------------ bodies and posts


@dataclass
class _BodyTable:
    """Body and post keys per (article, label as written), with their labels and aliases."""

    body_of: dict[tuple[str, str], str] = field(default_factory=dict)
    body_forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    abbreviations: set[str] = field(default_factory=set)  # keys' written forms that are short forms
    qualified: set[str] = field(default_factory=set)  # keys that are a place-qualified name (吴江区政协)
    post_of: dict[tuple[str, str], str] = field(default_factory=dict)
    post_forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    global_bodies: set[str] = field(default_factory=set)  # keys that mean the same body in every scope
    global_posts: set[str] = field(default_factory=set)
    review: list[dict] = field(default_factory=list)
    national_scopes: set[str] = field(default_factory=set)  # papers of the whole country: 省委书记 names no post

    def body_label(self, key: str) -> str:
        forms = self.body_forms[key]
        full = [f for f in forms if f not in self.abbreviations] or list(forms)
        return max(full, key=lambda f: (forms[f], len(f), f))

    def body_aliases(self, key: str) -> set[str]:
        label = self.body_label(key)
        extra = {key} if key in self.qualified else set()
        return (set(self.body_forms[key]) | extra) - {label}

    def post_label(self, key: str) -> str:
        """The post as written most often, but its full name first (新闻中心主任 over a chain's bare 主任)."""
        forms = self.post_forms[key]
        full = key.partition("\x1f")[0]
        best = max(forms, key=lambda f: (f == full, len(f) > 2, forms[f], len(f), f))
        # (written only as a title that needs a body, 主任, after a chain that gave it one: the key names the body)
        if best in load().bare_titles and len(full) > len(best) and full.endswith(best):
            return f"第{full}" if _TERM_OPENING.match(full) and not full.startswith("第") else full
        return best


def _written_bodies(ex: ArticleExtraction) -> set[str]:
    found = set(ex.bodies) | {p.body for person in ex.people for p in person.posts if p.body}
    found |= {p.name for p in ex.participations if p.is_body}
    found |= {m.organiser for m in ex.meetings if m.organiser}
    return found


def find_short_forms(ex: ArticleExtraction, known: set[str], text: str | None = None) -> dict[str, str]:
    """Short form -> full name, where this article's text shows it.

    Either declared (江苏省计量科学研究院（以下简称“省计量院”）) or a written body that is an in-order
    selection of a longer body's characters, ends like it, and first appears after it (区发改局 after
    区发展和改革局). Three characters at least: 区委 must not become 新区党工委. ``known``: the scope's bodies, for
    declared short forms; ``text`` is the article's text when it is not kept on the article. Only this article's
    bodies are compared with each other, so the cost grows with the article, not with the scope.
    """
    if text is None:
        text = ex.article.text
    found: dict[str, str] = {}
    for match in _SHORT_FORM.finditer(text):
        before = text[max(0, match.start() - 40): match.start()]
        full = max((k for k in known if before.endswith(k)), key=len, default=None)
        if full:
            found[match[1]] = full
    written = _written_bodies(ex)
    for short in written:
        where = text.find(short)
        if len(short) < 3 or short in found or where < 0:
            continue
        # the full name is written earlier in this article: look among this article's bodies, not the scope's
        fulls = {full for full in written if full != short and _abbreviates(short, full)
                 and 0 <= text.find(full) < where}
        if len(fulls) == 1:
            found[short] = fulls.pop()
    return found


def _abbreviates(short: str, full: str) -> bool:
    if len(full) < len(short) + 2 or short in full or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def resolve_bodies(extractions: list[ArticleExtraction], scopes: dict[str, str], localities: dict[str, Locality],
                   curation: Curation, text_of: TextOf = article_text) -> _BodyTable:
    table = _BodyTable()
    known_places = {p for loc in localities.values() for p in loc.places()}
    written_in_scope: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        written_in_scope[scopes[ex.article.id]] |= _written_bodies(ex)
    short_forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for ex in extractions:
        scope = scopes[ex.article.id]
        short_forms_here = find_short_forms(ex, written_in_scope[scope], text_of(ex.article))
        for short, full in short_forms_here.items():
            short_forms[scope][short].add(full)
    for scope, shorts in sorted(short_forms.items()):
        for short, fulls in sorted(shorts.items()):
            if len(fulls) > 1:
                table.review.append({"summary": f"{short} ({scope}) may abbreviate {'、'.join(sorted(fulls))}: "
                                     "kept as its own body", "evidence": [],
                                     "undo": f"bodies: {{{short}: <full name>}}"})

    def key_of(scope: str, written: str) -> str:
        name = curation.body_aliases.get(written, written)
        fulls = short_forms[scope].get(name, set())
        if len(fulls) == 1:
            name = next(iter(fulls))
        # 第八届全国人民代表大会常务委员会: the term is the post's, not the body's
        name = _TERM_OPENING.sub("", name) or name
        locality = localities[scope]
        qualified = locality.qualify(name)
        anchor = locality.anchor_of(name)
        if qualified:
            table.qualified.add(qualified)
            key = qualified
        elif names_a_place(name, known_places):
            key = name
        elif anchor:
            key = f"{name}\x1f{anchor}"
        else:
            return f"{name}\x1f{scope}"
        table.global_bodies.add(key)
        return key

    for ex in extractions:
        scope = scopes[ex.article.id]
        for written in _written_bodies(ex):
            key = key_of(scope, written)
            table.body_of[(ex.article.id, written)] = key
            table.body_forms[key][written] += 1
            if written in short_forms[scope] or curation.body_aliases.get(written, written) != written:
                table.abbreviations.add(written)
        for person in ex.people:
            for post in person.posts:
                body_key = table.body_of.get((ex.article.id, post.body or ""))
                key, is_global = _post_key(post, scope, localities[scope], body_key,
                                           body_key in table.global_bodies)
                table.post_of[(ex.article.id, post.label)] = key
                table.post_forms[key][post.label] += 1
                if is_global:
                    table.global_posts.add(key)
    table.national_scopes = _national_scopes(table, scopes)
    return table


_TERM_OPENING = re.compile(f"^{TERM}")


def _names_its_own_office(post: PostMention) -> bool:
    """国家 + 主席 written 国家主席: a title of its own (titles.txt, no body needed), keyed as the bare title is."""
    lex = load()
    return post.label in lex.titles and post.label not in lex.bare_titles and post.label.startswith(post.body or "\0")


_PROVINCE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,3}?(?:省|自治区)|北京市|上海市|天津市|重庆市)")
NATIONAL_SCOPE_PROVINCES = 5  # a paper naming bodies of this many provinces covers the country, not one place


def _national_scopes(table: _BodyTable, scopes: dict[str, str]) -> set[str]:
    """Scopes whose bodies name many provinces: there a level-relative post (省委书记, 市长) says no place."""
    provinces: dict[str, set[str]] = defaultdict(set)
    for (article_id, _written), key in table.body_of.items():
        match = _PROVINCE.match(key.partition("\x1f")[0])
        if match:
            provinces[scopes[article_id]].add(match.group(1))
    return {scope for scope, found in provinces.items() if len(found) >= NATIONAL_SCOPE_PROVINCES}


def _post_key(post: PostMention, scope: str, locality: Locality, body_key: str | None,
              body_is_global: bool) -> tuple[str, bool]:
    """Key of a post (and whether it is the same post in every paper): the body's key with the title in it
    (吴江区政协 + 主席 -> 吴江区政协主席); a body-less post (区长, 总书记) is placed by its own level prefix. A term
    written before the body makes a post of that term (十一届全国人大常委会副委员长, the outgoing term's)."""
    if post.body and body_key and not _names_its_own_office(post):
        body, _, where = body_key.partition("\x1f")
        opening = _TERM_OPENING.match(post.body)  # (a term the body's name was written with)
        term = (post.term or (opening.group(0) if opening else "")).removeprefix("第")  # 第十二届 = 十二届
        title = post.title.removeprefix(body) or post.title  # 国家 + 国家主席 is 国家 + 主席
        return f"{term}{body}{title}" + (f"\x1f{where}" if where else ""), body_is_global
    _, bare = split_modifier(post.label)
    place = locality.place_of(bare)
    anchor = locality.anchor_of(bare)
    if place:
        return f"{place}{post.label}", True  # 吴江区代区长
    if anchor:
        return f"{post.label}\x1f{anchor}", True
    if not bare.startswith(LEVEL_PREFIXES) and not is_shared_title(post.label) and len(post.label) >= 3:
        return post.label, True  # 总书记: one holder nationwide
    return f"{post.label}\x1f{scope}", False


