"""People: every person mention with the posts its title chain gives, and posts stated by appointments."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.common import SEPARATORS, Span, _is_cjk, _patterns
from kg.extract.names import _bare_name_ending_at, is_name, name_at
from kg.extract.references import _NATIONAL_TITLES
from kg.extract.titles import (
    _STANDALONE_HEADS,
    _SUB_ORGANS,
    _best_title_split,
    _chain_before,
    _strip_sub_organ,
    _title_start,
    _trailing_body,
    _unplaced_body,
)
from kg.lexicon import Lexicon, load
from kg.model import (
    PostMention,
)
from kg.normalise import CJK

_VERBS_BEFORE_NAME = {"学习", "贯彻", "落实", "传达", "按照", "根据", "听取", "陪同", "会见", "看望", "遵循", "深入"}

# ---------------------------------------------------------------- people


def find_people(text: str, lex: Lexicon | None = None) -> list[Span]:
    """Person mentions with their title chains, in text order."""
    lex = lex or load()
    pats = _patterns()
    spans: dict[int, Span] = {}
    last_body: str | None = None
    for match in pats["title"].finditer(text):
        title, t_start, t_end = match.group(0), match.start(), match.end()
        floor = max((s.end for s in spans.values() if s.end <= t_start), default=0)
        title, t_start = _best_title_split(text, title, t_start, lex, floor)
        if text.startswith("会", t_end) and title.endswith(("委员", "常委")):
            continue  # 委员会, 常委会 are bodies, not titles
        if any(text[t_end - 2 : t_end + k] in lex.common_words for k in (1, 2)) \
                and text[t_end : t_end + 2] not in lex.compound_surnames:
            continue  # 主席台, 书记处: the title is part of another word (but 主席令狐某: a compound surname)
        if text.startswith(("会议", "会上", "办公会", "扩大会"), t_end):
            continue  # 县政协十届十二次主席会议: a meeting, not a 主席 named 会议
        name = name_at(text, t_end, lex, after_title=True)
        if not name:
            continue
        chain = _chain_before(text, t_start, title, lex, floor)
        posts: list[PostMention] = []
        prev_body: str | None = None
        for item_start, body, item_title in chain:
            if body is None:
                run = _unplaced_body(text, _title_start(text, item_start, item_title), item_title, floor)
                if run:
                    # 统战部部长 after 县委常委: the chain's body places it; 机关党委书记 first in its chain: the
                    # body named last in the article does (某某发展改革委…、机关党委书记)
                    placed_by = prev_body or (last_body if run.startswith(_SUB_ORGANS) else None)
                    parent = re.sub(r"党组$", "", placed_by) if placed_by else None  # 自治区党委 + 统战部
                    body = run if run in _STANDALONE_HEADS or not parent else parent + run
            if body is None and not prev_body:
                title_at = _title_start(text, item_start, item_title)
                if title_at > floor and _is_cjk(text[title_at - 1]) and text[title_at - 1] not in SEPARATORS:
                    # an unplaced prefix we did not recognise (会见了华西集团董事长): read it, never borrow a body
                    # the post is labelled by its title alone, like the paper's own short form, and keeps its body
                    outside = _trailing_body(text[max(floor, title_at - 16) : title_at])
                    posts.append(PostMention(label=item_title, title=item_title, body=outside))
                    continue
            if body is None and item_title in lex.bare_titles:
                source_body = prev_body or last_body
                body = _strip_sub_organ(source_body, item_title) if source_body else None
            posts.append(PostMention(label=(body or "") + item_title, title=item_title, body=body))
            prev_body = body or prev_body
        last_body = prev_body or last_body
        start = chain[0][0]
        span = Span(name=name, start=start, name_start=t_end, end=t_end + len(name), posts=posts)
        spans[span.name_start] = span
        # a title shared by a list: 县政协副主席陆海涛、冯雪、程亮
        pos = span.end
        while pos < len(text) and text[pos] in "、和及":
            nxt = name_at(text, pos + 1, lex, after_title=True)
            if not nxt or pats["title"].match(text, pos + 1):
                break
            follower = Span(name=nxt, start=pos + 1, name_start=pos + 1, end=pos + 1 + len(nxt), posts=list(posts))
            spans[follower.name_start] = follower
            pos = follower.end
    # names followed by their title: 冷劲松市长, 习近平总书记
    for match in pats["title_after"].finditer(text):
        title, t_start = match.group(1), match.start(1)
        for length in (3, 2):
            start = t_start - length
            name = text[max(start, 0) : t_start]
            if start < 0 or not is_name(name, lex):
                continue
            before = text[start - 2 : start] if start >= 2 else ""
            boundary = start == 0 or not _is_cjk(text[start - 1]) or before in _VERBS_BEFORE_NAME
            if not boundary and title not in _NATIONAL_TITLES:
                continue
            if start in spans or any(s.start <= start < s.end for s in spans.values()):
                break
            spans[start] = Span(name=name, start=start, name_start=start, end=t_start + len(title),
                                posts=[PostMention(label=title, title=title, body=None)])
            break
    _add_appointments(text, spans, lex)
    return sorted(spans.values(), key=lambda s: s.name_start)


_APPOINTED = re.compile(r"(?:同志)?(?:任命为|当选为|担任|任)(?=[^，。；]{2})")  # not after 不再: _appointment_verbs
_ELECTED = re.compile(f"(?:选举|任命|推选|增补|决定任命|提名)([{CJK}·]{{2,12}}?)(?:同志)?为(?=[^，。；]{{2}})")


def _appointment_verbs(text: str) -> Iterator[re.Match[str]]:
    """任/担任/当选为, not in 不再担任 (a lookbehind at the start of _APPOINTED would be tried at every position)."""
    for verb in _APPOINTED.finditer(text):
        if not text.endswith(("不再", "不再担"), 0, verb.start()):
            yield verb


def _add_appointments(text: str, spans: dict[int, Span], lex: Lexicon) -> None:
    """谭某某同志任市委委员、常委、书记 / 张某当选为县政协主席: posts stated by an appointment."""
    pats = _patterns()
    by_end = {s.end: s for s in spans.values()}
    stated: list[tuple[Span, int]] = []
    for verb in _appointment_verbs(text):
        person = by_end.get(verb.start())
        if person is None:
            bare = _bare_name_ending_at(text, verb.start(), lex)
            if not bare:
                continue
            start = verb.start() - len(bare)
            person = spans.setdefault(start, Span(name=bare, start=start, name_start=start, end=verb.start()))
        stated.append((person, verb.end()))
    for elected in _ELECTED.finditer(text):  # 选举马某某为州政协副主席
        name, start = elected.group(1), elected.start(1)
        if not is_name(name, lex, after_title=True, strong_stop=True):
            continue
        person = spans.setdefault(start, Span(name=name, start=start, name_start=start, end=elected.end(1)))
        stated.append((person, elected.end()))
    for person, pos in stated:
        prev_body = None
        new_posts: list[PostMention] = []
        while pos < len(text):
            title = pats["title"].search(text, pos, min(len(text), pos + 20))
            if not title:
                break
            prefix = text[pos : title.start()]
            body = prefix if prefix and pats["place_start"].match(prefix) and pats["body_end"].search(prefix) else None
            if prefix and body is None:
                break
            if body is None and title.group(0) in lex.bare_titles and prev_body:
                body = _strip_sub_organ(prev_body, title.group(0))
            new_posts.append(PostMention(label=(body or "") + title.group(0), title=title.group(0), body=body))
            prev_body = body or prev_body
            pos = title.end()
            if pos < len(text) and text[pos] in "、和":
                pos += 1
                continue
            break
        person.posts.extend(p for p in new_posts if p not in person.posts)


