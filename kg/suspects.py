"""What in a built graph looks wrong, for a reader to check: the build counts these and report.md lists them.

- names: an official's label (or alias) that fails the name checks: a known name with a character swallowed from
  the text after it (习近平给, where 习近平 is another node), a dictionary word (两年来), a function character inside;
- posts: a post label that is not title-shaped (no title at its end, a verb or 的 inside, sentence-long);
- split: one name held by several officials (namesakes, or one person split apart), unless each holds posts of
  another state (拉马 of 阿尔巴尼亚 and of 几内亚: kept apart on purpose, listed in the review);
- thin merges: name variants merged on evidence a reader should confirm (one article, a post several hold).

Nothing is hidden: the lists are complete, the summary counts them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from kg.extract.common import matches_as_words
from kg.extract.names import is_han_name, is_japanese_name, is_joined_name, is_syllabic_name, is_transliteration
from kg.lexicon import alternation, lexicon_lines, load
from kg.resolve.people import state_of_post

# characters a name swallows from what follows it (李强陪, 汪洋和, 习近平给): function words and verbs of the genre
SWALLOWED = set("在和与同及给陪将也就对向为是的了等率赴到说讲主出参会致向率并还又")
# what never stands inside a post label: verbs and particles of a sentence (…举行仪式欢迎国务院总理)
_NOT_IN_POSTS = re.compile("|".join(lexicon_lines("not_in_posts.txt")))
MAX_POST = 32


@dataclass
class Suspects:
    names: list[dict] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    split: list[dict] = field(default_factory=list)
    thin_merges: list[dict] = field(default_factory=list)
    untraced: list[dict] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"names": len(self.names), "posts": len(self.posts), "split names": len(self.split),
                "thin merges": len(self.thin_merges), "untraced": len(self.untraced)}


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(load().titles)})$")


def name_problem(label: str, others: set[str]) -> str | None:
    """Why ``label`` does not look like a person's name, or None. ``others``: every official label and alias."""
    lex = load()
    if len(label) >= 3 and label[-1] in SWALLOWED and label[:-1] in others:
        return (f"ends with {label[-1]!r}, and {label[:-1]!r} is an official too: one of them is misread (a character "
                "taken from the next word, or one dropped)")
    if label[0] in SWALLOWED and label[1:] in others:
        return f"starts with {label[0]!r} before the name {label[1:]!r}"
    if label in lex.countries:
        return "a country or an international body, not a person"
    # (于 is a surname too, and 于建华 a name: only a country after it, 于美国, gives it away)
    if (label[0] in SWALLOWED and label[1:] in lex.common_words) or (label[0] in SWALLOWED | {"于"}
                                                                      and label[1:] in lex.countries):
        return f"starts with {label[0]!r} before the word {label[1:]!r}"
    if is_han_name(label[:2], lex) and len(label) <= 4 and any(ch in lex.not_given for ch in label):
        return "holds a character no Han name has"
    tag = lex.common_words.get(label)
    if tag and tag[0] in "dmqrpcut":
        return f"an ordinary word (jieba tags it {tag})"
    shaped = (is_han_name(label, lex) or is_joined_name(label) or is_syllabic_name(label, lex)
              or is_transliteration(label, lex) or is_japanese_name(label, lex))
    if not shaped and len(label) > 4:
        return "fits no name shape (Han, joined, transliterated, minority, Japanese)"
    return None


def post_problem(label: str, names: frozenset[str] = frozenset()) -> str | None:
    """Why a post label is not title-shaped, or None. ``names``: officials' names, none of which a post holds."""
    if not _title_end().search(label):
        return "does not end with a title"
    if len(label) > MAX_POST:
        return f"longer than {MAX_POST} characters: sentence material"
    found = _sentence_word(label[:-1])
    if found:
        return f"holds {found!r}: sentence material"
    inside = _name_after_title_inside(label, names)
    if inside:
        return f"holds the name {inside}: two titled people run together"
    return None


def _sentence_word(text: str) -> str | None:
    """The first word of not_in_posts.txt standing as a word of ``text`` (jieba's boundaries: the 编辑 of 编辑部主任
    and the 的 of 美的集团 are inside words, no sentence material)."""
    found = matches_as_words(_NOT_IN_POSTS, text)
    return found[0].group(0) if found else None


def _name_after_title_inside(label: str, names: frozenset[str]) -> str | None:
    """The first of ``names`` standing inside ``label`` right after a title, with more title after it
    (总干事陈冯富珍国际电信联盟秘书长): two titled people read as one post (中华人民共和国主席 holds 共和国,
    after no title: no suspect). Looks up the label's own substrings, so the cost does not grow with the names."""
    for at in range(1, len(label)):
        if not _title_end().search(label, 0, at):
            continue
        for end in range(at + 3, len(label)):  # (more of the label after the name)
            if label[at:end] in names:
                return label[at:end]
    return None


def find_suspects(graph: nx.MultiDiGraph, merged: list[dict] | None = None) -> Suspects:
    """Every suspect of ``graph`` (and of the build's variant merges, ``merged`` from the resolve report)."""
    found = Suspects()
    officials = [(n, d) for n, d in graph.nodes(data=True) if d.get("type") == "Official"]
    others = {d["label"] for _, d in officials} | {a for _, d in officials for a in d.get("aliases") or []}
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in sorted(officials, key=lambda item: item[0]):
        by_label[data["label"]].append(node)
        for written in [data["label"], *sorted(data.get("aliases") or [])]:
            problem = name_problem(written, others)  # (it looks up shorter strings only, never ``written``)
            if problem:
                role = "name" if written == data["label"] else f"alias of {data['label']}"
                found.names.append({"summary": f"{written} ({role}): {problem}", "node": node})
    long_names = frozenset(label for label in by_label if len(label) >= 3)
    for node, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        if data.get("type") == "Post":
            problem = post_problem(data["label"], long_names)
            if problem:
                holders = sorted(graph.nodes[s]["label"] for s, _, rel in graph.in_edges(node, keys=True)
                                 if rel == "holds")
                found.posts.append({"summary": f"{data['label']}: {problem}", "node": node,
                                    "evidence": [f"held by {'、'.join(holders[:5])}"]})
    for label, nodes in sorted(by_label.items()):
        if len(nodes) > 1 and not _namesakes_of_states(graph, nodes):
            found.split.append({"summary": f"{label}: {len(nodes)} officials", "nodes": nodes,
                                "evidence": [f"{'、'.join(sorted(graph.nodes[n].get('posts') or [])[:4]) or 'no post'}"
                                             for n in nodes]})
    for node, data in officials:
        if graph.degree(node) == 0:  # named with no post, at no event: often a headline's word (石家庄, 白皮书)
            found.untraced.append({"summary": f"{data['label']}: no post, no event, no reference", "node": node})
    for entry in merged or []:
        if entry.get("rule") and _thin(entry):
            found.thin_merges.append({"summary": entry["summary"], "evidence": entry.get("evidence", [])})
    return found


def _namesakes_of_states(graph: nx.MultiDiGraph, nodes: list[str]) -> bool:
    """Each official holds posts of one state, a different one each (阿尔巴尼亚总理拉马, 几内亚卫生部长拉马): namesakes
    that resolution kept apart on purpose, not one person split."""
    states = []
    for node in nodes:
        held = {state_of_post(post["label"], post.get("title", ""), post.get("body"))
                for _, target, rel in graph.out_edges(node, keys=True) if rel == "holds"
                for post in [graph.nodes[target]]} - {None}
        if len(held) != 1:
            return False
        states.append(held.pop())
    return len(set(states)) == len(states)


def _thin(entry: dict) -> bool:
    """A variant merged on a post several people hold, or seen once: worth a reader's look."""
    evidence = " ".join(entry.get("evidence", []))
    return "several holders" in evidence
